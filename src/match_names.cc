// SPDX-License-Identifier: Apache-2.0
// Stage 3d, match names. The sentence is read as space-separated words;
// each title is found first (a closed class), then the name is searched
// next to it by the shape of its words: a Korean full name (surname + two
// syllables), foreign words in Hangul after a boundary, capitalized English
// words. Every refusal has a reason, so `explain` can say why a name was
// not taken.
#include "match_names.h"

#include <algorithm>
#include <optional>
#include <string>

#include "internal/utf8.h"
#include "match_particles.h"
#include "normalize.h"
#include "rule_pack.h"
#include "segment.h"
#include "words.h"

namespace claimgraph::internal {
namespace {

constexpr int kNamePriority = 45;

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool HasHangul(std::string_view s) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (HangulSyllableAt(s, i) >= 0) return true;
  }
  return false;
}

// Whether the code point at `i` of `s` is a Hangul syllable.
bool SyllableAt(std::string_view s, size_t i) { return HangulSyllableAt(s, i) >= 0; }

size_t Syllables(std::string_view s) { return s.size() / 3; }

// A title found in the sentence: words [first, last], and what follows it
// inside its last word (particles, a parenthesis, punctuation).
struct TitleAt {
  size_t first = 0, last = 0;
  const TitleEntry* entry = nullptr;
  std::string title;
  bool ends_phrase = false;  // followed by a particle, punctuation or 겸: not a noun's modifier
};

class Reader {
 public:
  Reader(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end, int sentence,
         std::vector<Candidate>* candidates, std::vector<Candidate>* rejected, const std::vector<Word>* words)
      : rules_(rules),
        names_(rules.names),
        text_(text),
        sentence_begin_(sentence_begin),
        sentence_end_(sentence_end),
        sentence_(sentence),
        candidates_(candidates),
        rejected_(rejected),
        known_(candidates->size()),
        own_words_(words == nullptr ? SplitWords(text, sentence_begin, sentence_end) : std::vector<Word>()),
        words_(words == nullptr ? own_words_ : *words) {}

  void Run() {
    title_case_ = IsTitleCase();
    for (size_t k = 0; k < words_.size(); ++k) {
      const std::optional<TitleAt> title = TitleStartingAt(k);
      if (!title) continue;
      KoreanNameBefore(*title);
      KoreanNameAfter(*title);
      EnglishNames(*title);
      k = title->last;
    }
    EnglishAppositives();
    DescribedOrganizations();
    NamesBeforeQuotes();
    NamesGlossedInHan();
  }

 private:
  // The particle chain after a Korean stem, if `rest` is one (or empty).
  bool IsParticles(std::string_view rest) const { return rest.empty() || rules_.particles.IsParticleChain(rest); }

  // The title that `core` is, followed by particles: the Hangul stem's
  // longest split; English titles in Korean text ("CEO는") too.
  std::optional<std::pair<std::string, const TitleEntry*>> TitleWord(std::string_view core) const {
    // A word's own core: computed once (every rule asks of its words).
    const size_t at = static_cast<size_t>(core.data() - text_.data());
    const auto word = std::lower_bound(words_.begin(), words_.end(), at,
                                       [](const Word& w, size_t b) { return w.begin < b; });
    if (word != words_.end() && word->begin == at && word->core.size() == core.size()) {
      const size_t k = static_cast<size_t>(word - words_.begin());
      if (title_cache_.empty()) title_cache_.resize(words_.size());
      if (!title_cache_[k].has_value()) {
        title_cache_[k] = Title(core, names_.TitleOf(*word, rules_.particles, /*compound_needs_name=*/true));
      }
      return *title_cache_[k];
    }
    return Title(core, names_.TitleIn(core, rules_.particles, /*compound_needs_name=*/true));
  }
  static std::optional<std::pair<std::string, const TitleEntry*>> Title(std::string_view core,
                                                                        const std::optional<TitleInWord>& found) {
    if (!found) return std::nullopt;
    const std::string_view stem = core.substr(0, found->stem_bytes);
    return std::make_pair(found->lowered ? LowerAscii(stem) : std::string(stem), found->entry);
  }

  // The title that starts at word k, of one or more words.
  std::optional<TitleAt> TitleStartingAt(size_t k) const {
    // Titles of several words, by their first word (most words first).
    const auto several = NameLexicon::StartsWithOneOf(names_.multiword_first_chars, words_[k].core)
                             ? names_.multiword_titles.find(LowerAscii(words_[k].core))
                             : names_.multiword_titles.end();
    for (size_t c = 0; several != names_.multiword_titles.end() && c < several->second.size(); ++c) {
      const auto& [title, n] = several->second[c];
      if (k + n > words_.size()) continue;
      std::string key;
      bool plain = true;
      for (size_t i = k; i < k + n; ++i) {
        key += (i == k ? "" : " ") + LowerAscii(words_[i].core);
        if (i + 1 < k + n && !words_[i].tail.empty()) plain = false;
      }
      // The last word may carry particles: the title is a prefix of the words.
      if (!plain || key.compare(0, title.size(), title) != 0) continue;
      if (!IsParticles(std::string_view(key).substr(title.size()))) continue;
      TitleAt t{k, k + n - 1, names_.Title(title), title, false};
      t.ends_phrase = EndsPhrase(t.last, key.size() > title.size());
      return t;
    }
    const auto one = TitleWord(words_[k].core);
    if (!one) return std::nullopt;
    TitleAt t{k, k, one->second, one->first, false};
    t.ends_phrase = EndsPhrase(k, words_[k].core.size() > one->first.size());
    return t;
  }

  // Whether a title in word `last` closes its noun phrase: it carries
  // particles or punctuation, or the next word is 겸 or another title, or
  // it ends the sentence ("대표는", "CEO(최고경영자)", "대표 겸 CEO"), not
  // "대표 기업".
  bool EndsPhrase(size_t last, bool has_particles) const {
    if (has_particles || !words_[last].tail.empty() || last + 1 == words_.size()) return true;
    const std::string_view next = words_[last + 1].core;
    // What a person's title may be followed by: "겸", another title, a
    // quotation, or the people around the person ("교수 연구팀이", "대표 측은").
    static const std::vector<std::string_view> kAround = {"겸",   "연구팀", "연구진", "연구실", "측",
                                                          "팀",   "일행",   "등",     "체제",   "권한대행"};
    for (std::string_view a : kAround) {
      if (next.substr(0, a.size()) == a && IsParticles(next.substr(a.size()))) return true;
    }
    return TitleWord(next).has_value() || !words_[last + 1].lead.empty();
  }

  // The candidate already found (gazetteer or a text rule) that overlaps
  // [begin, end), or null.
  const Candidate* Known(size_t begin, size_t end) const {
    for (size_t i = 0; i < known_; ++i) {
      const Candidate& c = (*candidates_)[i];
      if (c.begin < end && begin < c.end) return &c;
    }
    return nullptr;
  }

  // Whether a Hangul word ends with a particle no name ends with ("에는",
  // "을", "는": "자리에는", "박사를").
  bool EndsWithParticle(std::string_view w) const {
    static const std::vector<std::string_view> kEndings = {"는", "를", "을", "의", "에", "께"};
    for (std::string_view e : kEndings) {
      if (w.size() > e.size() && w.substr(w.size() - e.size()) == e) return true;
    }
    for (size_t i = 3; i + 6 <= w.size(); i += 3) {
      if (rules_.particles.IsParticleChain(w.substr(i))) return true;  // two syllables of particles or more
    }
    return false;
  }

  // A Korean full name: a surname and two syllables, one word.
  bool IsNativeFullName(std::string_view w) const {
    if (!AllHangul(w) || names_.IsNotName(w) || EndsWithParticle(w)) return false;
    for (size_t s = 3; s <= names_.max_surname_bytes && s < w.size(); s += 3) {
      if (names_.surnames.count(std::string(w.substr(0, s))) && Syllables(w) == s / 3 + 2) return true;
    }
    return false;
  }

  // A word of a foreign name in Hangul: Hangul only, up to seven syllables,
  // never a name word, no title, not a known non-person name.
  bool IsForeignWord(const Word& w) const {
    if (!AllHangul(w.core) || Syllables(w.core) > 7 || names_.IsNotName(w.core) || EndsWithParticle(w.core) ||
        TitleWord(w.core)) {
      return false;
    }
    const Candidate* known = Known(w.begin, w.end);
    return known == nullptr || known->type == "Person";
  }

  // Whether word j is a known place ("중국").
  bool KnownLocation(size_t j) const {
    const Candidate* known = Known(words_[j].begin, words_[j].end);
    return known != nullptr && known->type == "Location";
  }

  // Whether word j names an organization (a known one, or by its shape:
  // Latin letters or digits in a Korean word, "퓨리오사AI", "KT[030200]").
  bool IsOrgLike(size_t j) const {
    const Word& w = words_[j];
    if (const Candidate* known = Known(w.begin, w.end)) return known->type == "Organization";
    // A listed company with its stock code ("누리텔[123450]").
    if (w.tail.size() > 2 && w.tail.front() == '[' && IsDigit(w.tail[1])) return true;
    // A unit of one ("법학전문대학원", "화학공학과"): a word that ends as no
    // name does.
    if (AllHangul(w.core) && Syllables(w.core) >= 3 && names_.IsNotName(w.core) && !names_.not_names.count(std::string(w.core))) {
      return true;
    }
    bool latin = false, hangul = false;
    for (size_t i = 0; i < w.core.size(); ++i) {
      latin = latin || IsAsciiUpper(w.core[i]) || IsDigit(w.core[i]);
      hangul = hangul || SyllableAt(w.core, i);
    }
    return latin && (hangul || w.core.size() >= 2) && !TitleWord(w.core);
  }

  // Whether a foreign name may start at word j: at the sentence's start,
  // after a quote or bracket, after punctuation, after a known name
  // (organization, place: "엔비디아의", "미국"), or after a word that is
  // never a name ("이날", "앞서").
  bool MayStartName(size_t j) const {
    if (j == 0 || !words_[j].lead.empty()) return true;
    const Word& before = words_[j - 1];
    if (!before.tail.empty()) return true;
    if (Known(before.begin, before.end) != nullptr) return true;
    return names_.IsNotName(before.core) || EndsWithParticle(before.core) || TitleWord(before.core).has_value();
  }

  // Whether a name's word may sit right before its title: nothing after
  // its core, or a parenthesis ("김하늘(사진)", "김하늘(金河嫩)", "(52)").
  static bool NameTailOk(const Word& w) {
    return w.tail.empty() || (w.tail.front() == '(' && w.tail.back() == ')');
  }

  void Add(size_t first_word, size_t last_word, const std::string& type, const char* rule, const TitleAt* title) {
    AddSpan(words_[first_word].begin, words_[last_word].end, type, rule, title);
  }

  // Adds the name [begin, end) as a candidate of `type` found by `rule`,
  // unless it is a known name already, or its boundaries fail.
  void AddSpan(size_t begin, size_t end, const std::string& type, const char* rule, const TitleAt* title) {
    Candidate c;
    c.begin = begin;
    c.end = end;
    c.sentence = sentence_;
    c.label = std::string(text_.substr(c.begin, c.end - c.begin));
    c.type = type;
    c.priority = kNamePriority;
    c.rule_id = rule;
    if (title != nullptr && !title->entry->role.empty() && type == "Person") c.attributes["role"] = title->entry->role;
    for (size_t i = 0; i < candidates_->size(); ++i) {
      const Candidate& k = (*candidates_)[i];
      if (k.begin == c.begin && k.end == c.end && (i >= known_ || k.type == c.type)) return;  // found already
    }
    std::string reason = CheckLeftBoundary(text_, sentence_begin_, c.begin);
    if (reason.empty()) reason = CheckRightBoundary(text_, c.end, sentence_end_, rules_.particles, &c.particle);
    if (reason.empty()) {
      candidates_->push_back(std::move(c));
    } else {
      Refuse(std::move(c), reason);
    }
  }

  void Refuse(Candidate c, std::string reason) {
    if (rejected_ == nullptr) return;
    c.reason = std::move(reason);
    rejected_->push_back(std::move(c));
  }
  void Refuse(size_t first_word, size_t last_word, const char* rule, const std::string& type, std::string reason) {
    if (rejected_ == nullptr) return;
    Candidate c;
    c.begin = words_[first_word].begin;
    c.end = words_[last_word].end;
    c.sentence = sentence_;
    c.label = std::string(text_.substr(c.begin, c.end - c.begin));
    c.type = type;
    c.rule_id = rule;
    Refuse(std::move(c), std::move(reason));
  }

  // NAME TITLE, NAME ORG TITLE, foreign NAME (ORG) TITLE.
  void KoreanNameBefore(const TitleAt& title) {
    if (title.first == 0 || !title.ends_phrase) return;
    // Words that modify the title stand between it and the name: another
    // title, a place ("마르코 선 중국 담당 수석 애널리스트").
    size_t start = title.first;
    while (start > 0 && title.first - start < 2 && words_[start - 1].tail.empty() &&
           (TitleWord(words_[start - 1].core).has_value() || KnownLocation(start - 1))) {
      --start;
    }
    if (start < title.first && start > 0 && words_[start - 1].tail.empty() &&
        (IsNativeFullName(words_[start - 1].core) || IsForeignWord(words_[start - 1]))) {
      TitleAt extended = title;
      extended.first = start;
      return KoreanNameBefore(extended);
    }
    const size_t j = title.first - 1;
    const Word& w = words_[j];
    // (A known organization is no name: "서울대 교수" is Seoul National
    // University's professor.)
    if (NameTailOk(w) && IsNativeFullName(w.core) && Known(w.begin, w.end) == nullptr) {
      Add(j, j, "Person", "ko.name.person-title", &title);
      return OrganizationOfPerson(j);
    }
    // Organizations between the name and the title (at most two words;
    // "KT[030200]" keeps its stock code).
    size_t name_end = j;
    while (name_end + 3 > title.first && name_end > 0 && IsOrgLike(name_end) && NameTailOk(words_[name_end - 1])) {
      --name_end;
    }
    const bool org_between = name_end < j;
    const Word& last = words_[name_end];
    if (!NameTailOk(last) || !AllHangul(last.core)) return;
    if (org_between && IsNativeFullName(last.core)) {
      return Add(name_end, name_end, "Person", "ko.name.person-org-title", &title);
    }
    // A foreign name in Hangul: one to three words.
    size_t first = name_end + 1;
    while (first > 0 && name_end + 1 - first < 3 && IsForeignWord(words_[first - 1]) &&
           (first - 1 == name_end || words_[first - 1].tail.empty())) {
      --first;
    }
    if (first > name_end) return;
    // "박 대표": a surname alone before the title refers to someone.
    if (first == name_end && !org_between && names_.surnames.count(std::string(last.core))) return;
    if (first + 1 == name_end && IsNativeFullName(words_[first].core) && Syllables(words_[name_end].core) >= 3) {
      // "오태준 모아소프트 대표": a full name, then an organization the
      // gazetteer does not know.
      return Add(first, first, "Person", "ko.name.person-org-title", &title);
    }
    const char* rule = "ko.name.foreign-title";
    if (title.entry->weak) {
      return Refuse(first, name_end, rule, "Person",
                    "\"" + title.title + "\" is also a common word: it licenses only a Korean full name (surname + two syllables)");
    }
    if (first == name_end && Syllables(words_[first].core) < 2) return;
    // One word: a reference to a person named before, or a full name
    // glossed in Han or Latin letters ("탕제(唐杰) 교수"); resolve_references
    // decides.
    // With an organization between, one word is a name rather than a
    // reference ("류첸 란싱AI 창업자"; a reference reads "류 CEO").
    if (first == name_end) rule = org_between ? "ko.name.word-org-title" : "ko.name.surname-title";
    if (!MayStartName(first)) {
      return Refuse(first, name_end, rule, "Person",
                    "the words before the title do not start at a boundary (sentence start, punctuation, a known "
                    "name or a word that is never a name)");
    }
    Add(first, name_end, "Person", rule, &title);
    OrganizationOfPerson(first);
  }

  // "블룸버그인텔리전스의 마빈 천 애널리스트", "MUFG의 마르코 선": the word
  // in the genitive right before a person named with a title is the
  // person's organization, when nothing else claims it.
  void OrganizationOfPerson(size_t person_first) {
    if (person_first == 0) return;
    const Word& w = words_[person_first - 1];
    static constexpr std::string_view kOf = "의";
    if (!w.tail.empty() || w.core.size() <= kOf.size() || w.core.substr(w.core.size() - kOf.size()) != kOf) return;
    const std::string_view stem = w.core.substr(0, w.core.size() - kOf.size());
    if (Known(w.begin, w.end) != nullptr || names_.IsNotName(stem) || TitleWord(stem)) return;
    const bool latin = std::any_of(stem.begin(), stem.end(), [](char c) { return IsAsciiUpper(c); });
    if (!latin && (!AllHangul(stem) || Syllables(stem) < 2)) return;
    // A law firm's or company's legal form is part of its name ("법무법인 세움").
    size_t begin = w.begin;
    if (person_first >= 2 && words_[person_first - 2].tail.empty() &&
        (words_[person_first - 2].core == "법무법인" || words_[person_first - 2].core == "주식회사")) {
      begin = words_[person_first - 2].begin;
    }
    AddSpan(begin, w.begin + stem.size(), "Organization", "ko.name.org-of-person", nullptr);
  }

  // "우융후이(吴永辉)가": a Hangul word glossed by three Han characters, a
  // surname and a given name, is a Chinese person's name (two characters
  // are as often a company's: 华为, 智谱).
  void NamesGlossedInHan() {
    for (size_t k = 0; k < words_.size(); ++k) {
      const Word& w = words_[k];
      if (w.tail.size() < 2 || w.tail.front() != '(' || !AllHangul(w.core) || Syllables(w.core) < 2 ||
          Syllables(w.core) > 5 || Known(w.begin, w.end) != nullptr || names_.IsNotName(w.core)) {
        continue;
      }
      const size_t close = w.tail.find(')');
      if (close == std::string_view::npos) continue;
      const std::string_view inside = w.tail.substr(1, close - 1);
      size_t han = 0;
      bool other = false;
      for (size_t i = 0; i < inside.size();) {
        int len = 1;
        const char32_t c = DecodeAt(inside, i, &len);
        i += static_cast<size_t>(len);
        if (c >= 0x4E00 && c <= 0x9FFF) {
          ++han;
        } else {
          other = true;
        }
      }
      const std::string_view after = w.tail.substr(close + 1);
      if (han != 3 || other || !(after.empty() || IsParticles(after) || after.front() == ',')) continue;
      Add(k, k, "Person", "ko.name.person-han-gloss", nullptr);
    }
  }

  // TITLE NAME: "최고경영자(CEO) 샘 올트먼은", one to three name words,
  // the last closing with a particle or punctuation.
  void KoreanNameAfter(const TitleAt& title) {
    const Word& t = words_[title.last];
    const size_t space = title.title.rfind(' ');
    const size_t last_part = space == std::string::npos ? title.title.size() : title.title.size() - space - 1;
    if (title.entry->weak || t.core.size() != last_part) return;  // particles: the title ends here
    const bool parenthesis = !t.tail.empty() && t.tail.front() == '(' && t.tail.back() == ')';
    if (!t.tail.empty() && !parenthesis) return;
    // Only a title that comes before names in Korean news: a Latin one
    // ("CEO 젠슨 황은"), a 최고…책임자, or one glossed in parentheses.
    if (!parenthesis && !IsAsciiUpper(t.core.front()) && title.title.rfind("최고", 0) != 0) return;
    for (size_t last = title.last + 1; last < words_.size() && last <= title.last + 3; ++last) {
      const Word& n = words_[last];
      if (!n.lead.empty()) return;
      // The name word, without the particles the name's last word carries.
      std::string_view stem = n.core;
      bool closes = !n.tail.empty();
      for (size_t i = 3; !closes && i < n.core.size(); i += 3) {
        if (rules_.particles.IsParticleChain(n.core.substr(i))) {
          stem = n.core.substr(0, i);
          closes = true;
        }
      }
      Word w = n;
      w.core = stem;
      w.end = n.begin + stem.size();
      if (!IsForeignWord(w) && !IsNativeFullName(stem)) return;
      if (last == title.last + 1 && closes && Syllables(stem) < 2) return;
      if (closes) return AddSpan(words_[title.last + 1].begin, w.end, "Person", "ko.name.title-person", &title);
    }
  }

  // Whether word i is a capitalized English name word ("Jane", "O'Brien",
  // "Al-Dahle", "J.").
  bool IsNameWord(size_t i) const {
    const std::string_view c = words_[i].core;
    if (c.empty() || !IsAsciiUpper(c[0])) return false;
    if (c.size() == 1) return !words_[i].tail.empty() && words_[i].tail.front() == '.';  // an initial
    size_t lower = 0;
    for (char ch : c) {
      // Bytes of a letter with a diacritic (Tomás, Müller) count as lower case.
      // (UTF-8 of U+00C0–U+024F: a lead byte C3–C9, continuation bytes.)
      const unsigned char b = static_cast<unsigned char>(ch);
      const bool accented = (b >= 0x80 && b <= 0xBF) || (b >= 0xC3 && b <= 0xC9);
      if (!(IsAsciiUpper(ch) || IsLower(ch) || accented || ch == '-' || ch == '\'')) return false;
      lower += IsLower(ch) || accented ? 1 : 0;
    }
    return lower > 0 && !names_.not_names.count(std::string(c)) && !names_.title_words.count(LowerAscii(c));
  }
  bool IsNameParticle(size_t i) const {
    static const std::vector<std::string_view> kParticles = {"de", "van", "von", "der", "da", "bin", "al", "la", "le"};
    return std::find(kParticles.begin(), kParticles.end(), words_[i].core) != kParticles.end();
  }

  // The capitalized name that starts at word i: its last word, or i - 1
  // when there is none. The name stops after a word with punctuation.
  size_t NameFrom(size_t i) const {
    size_t last = i;
    if (i >= words_.size() || !IsNameWord(i) || !words_[i].lead.empty()) return i - 1;
    while (last + 1 < words_.size() && words_[last].tail.empty() &&
           (IsNameWord(last + 1) || (IsNameParticle(last + 1) && last + 2 < words_.size() && IsNameWord(last + 2)))) {
      ++last;
    }
    return last;
  }

  // Whether the words [first, last] hold a name the gazetteer or a rule
  // found as something else (an organization, a place, a product).
  bool KnownAsOther(size_t first, size_t last) const {
    const Candidate* k = Known(words_[first].begin, words_[last].end);
    return k != nullptr && k->type != "Person";
  }

  // Whether the sentence is a headline in title case ("Judge Blocks
  // Merger"): capitals there say nothing of names.
  bool IsTitleCase() const {
    size_t latin = 0, capitalized = 0;
    for (const Word& w : words_) {
      if (w.core.empty() || !(IsAsciiUpper(w.core[0]) || IsLower(w.core[0]))) continue;
      ++latin;
      capitalized += IsAsciiUpper(w.core[0]) ? 1 : 0;
    }
    const std::string_view last = words_.empty() ? std::string_view() : words_.back().tail;
    const bool period = !last.empty() && last.back() == '.';
    return latin >= 4 && !period && capitalized * 10 >= latin * 7;
  }

  // English names licensed by a title: "chief executive Jane Doe" (the
  // title before), "Omdia analyst …" (an organization before an analyst's
  // title), "analyst at Omdia" (after it).
  void EnglishNames(const TitleAt& title) {
    if (title_case_) return;
    if (AllHangul(words_[title.first].core.substr(0, std::min<size_t>(3, words_[title.first].core.size())))) return;
    const Word& t = words_[title.last];
    // The name after the title.
    if (t.tail.empty() || t.tail == "'s") {
      const size_t last = NameFrom(title.last + 1);
      if (last > title.last && last >= title.last + 2 && !KnownAsOther(title.last + 1, last)) {
        Add(title.last + 1, last, "Person", "en.name.title-person", &title);
      }
    }
    // The name in apposition, set off by commas: "its chief executive,
    // Wang Hao, told …" (two words or more, then a comma).
    if (t.tail == "," && title.last + 2 < words_.size()) {
      const size_t last = NameFrom(title.last + 1);
      if (last >= title.last + 2 && words_[last].tail == "," && !KnownAsOther(title.last + 1, last)) {
        Add(title.last + 1, last, "Person", "en.name.title-comma-person", &title);
      }
    }
    // An organization right before an analyst's title, or after "at".
    if (!title.entry->org_before) return;
    if (title.first > 0 && words_[title.first - 1].tail.empty()) {
      size_t first = title.first - 1;
      while (first > 0 && IsNameWord(first - 1) && words_[first - 1].tail.empty()) --first;
      const std::string_view w = words_[title.first - 1].core;
      const bool acronym = w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiUpper(c) || IsDigit(c); });
      if (IsOrgWord(title.first - 1) && (first > 0 || title.first - first >= 2 || acronym)) {
        while (first < title.first - 1 && !IsOrgWord(first)) ++first;
        if (!Known(words_[first].begin, words_[title.first - 1].end)) {
          Add(first, title.first - 1, "Organization", "en.name.org-analyst", nullptr);
        }
      }
    }
    if (t.tail.empty() && title.last + 2 < words_.size() && words_[title.last + 1].core == "at") {
      const size_t first = title.last + 2;
      size_t last = first;
      if (!IsOrgWord(first)) return;
      while (last + 1 < words_.size() && words_[last].tail.empty() && IsOrgWord(last + 1)) ++last;
      if (!Known(words_[first].begin, words_[last].end)) Add(first, last, "Organization", "en.name.org-at", nullptr);
    }
  }

  // A word of an organization's name: capitalized or all capitals
  // ("Omdia", "UOB", "MUFG"), not a word that is never a name.
  bool IsOrgWord(size_t i) const {
    const std::string_view c = words_[i].core;
    if (c.empty() || !IsAsciiUpper(c[0]) || names_.not_names.count(std::string(c))) return false;
    return std::all_of(c.begin(), c.end(), [](char ch) { return IsAsciiUpper(ch) || IsLower(ch) || IsDigit(ch) || ch == '&' || ch == '-'; });
  }

  // The English title of one to max_title_words words at word a, or null.
  std::optional<TitleAt> EnglishTitleAt(size_t a) const {
    for (size_t n = std::min(names_.max_title_words, words_.size() - a); n >= 1; --n) {
      std::string key;
      bool plain = true;
      for (size_t x = a; x < a + n; ++x) {
        key += (x == a ? "" : " ") + LowerAscii(words_[x].core);
        if (x + 1 < a + n && !words_[x].tail.empty()) plain = false;
      }
      const TitleEntry* entry = names_.Title(key);
      if (plain && entry != nullptr && !AllHangul(words_[a].core.substr(0, std::min<size_t>(3, words_[a].core.size())))) {
        return TitleAt{a, a + n - 1, entry, key, true};
      }
    }
    return std::nullopt;
  }

  // Capitalized English names licensed after them: "Jane Doe, the chief
  // financial officer of Acme," and "Jane Doe, who heads Acme" (an
  // appositive), "Jane Doe stepped down as chief executive" (as and a
  // title).
  void EnglishAppositives() {
    static const std::vector<std::string_view> kHeads = {
        "heads", "headed", "leads", "led", "runs", "ran", "founded", "co-founded", "cofounded",
        "oversees", "oversaw", "chairs", "chaired", "manages", "managed", "took", "joined", "left"};
    for (size_t i = 0; !title_case_ && i < words_.size(); ++i) {
      if (i > 0 && IsNameWord(i - 1) && words_[i - 1].tail.empty()) continue;  // not a name's start
      const size_t last = NameFrom(i);
      if (last == i - 1 || last == static_cast<size_t>(-1)) continue;
      if (last < i + 1 || KnownAsOther(i, last)) {
        i = std::max(i, last);
        continue;
      }
      if (words_[last].tail == ",") {
        // The appositive: up to eight words, to its closing comma or period.
        for (size_t a = last + 1; a < words_.size() && a <= last + 8; ++a) {
          if (a == last + 2 && words_[last + 1].core == "who" &&
              std::find(kHeads.begin(), kHeads.end(), words_[a].core) != kHeads.end()) {
            Add(i, last, "Person", "en.name.person-who-leads", nullptr);
            break;
          }
          if (const std::optional<TitleAt> title = EnglishTitleAt(a)) {
            Add(i, last, "Person", "en.name.person-appositive", &*title);
            break;
          }
          if (!words_[a].tail.empty() && words_[a].tail != "'s") break;
        }
      } else if (words_[last].tail.empty()) {
        // "… stepped down as chief executive": "as" within five words.
        for (size_t a = last + 1; a + 1 < words_.size() && a <= last + 5; ++a) {
          if (words_[a].core == "as" && words_[a].tail.empty()) {
            if (const std::optional<TitleAt> title = EnglishTitleAt(a + 1)) {
              Add(i, last, "Person", "en.name.person-as-title", &*title);
            }
            break;
          }
          if (!words_[a].tail.empty() || (!words_[a].core.empty() && IsAsciiUpper(words_[a].core[0]))) break;
        }
      }
      i = last;
    }
  }

  // Organizations named right after the word that says what they are:
  // "시장조사업체 옴디아의", "스타트업 하람AI(HaramAI)는", "research firm
  // Artificial Analysis", "brokerage Baird". The descriptors are the pack's
  // (ko/org_descriptors.txt, en/org_descriptors.txt).
  void DescribedOrganizations() {
    std::string key;  // (one buffer for every lookup)
    for (size_t k = 0; k + 1 < words_.size(); ++k) {
      if (!NameLexicon::StartsWithOneOf(names_.descriptor_first_chars, words_[k].core)) continue;
      // The descriptor: one or two words ("research firm"), with nothing
      // after a word but a space.
      size_t d_end = k;
      bool found = false;
      for (size_t n = 2; n >= 1 && !found; --n) {
        if (k + n >= words_.size()) continue;
        bool plain = true;
        for (size_t x = k; x < k + n; ++x) plain = plain && words_[x].tail.empty();
        if (!plain) continue;
        key.assign(words_[k].core);
        for (size_t x = k + 1; x < k + n; ++x) key.append(" ").append(words_[x].core);
        if (names_.org_descriptors.count(key)) {
          d_end = k + n - 1;
          found = true;
        }
      }
      if (!found) continue;
      const size_t first = d_end + 1;
      const Word& w = words_[first];
      if (!w.lead.empty() || Known(w.begin, w.end) != nullptr) continue;
      if (AllHangul(w.core.substr(0, std::min<size_t>(3, w.core.size()))) || HasHangul(w.core)) {
        // Korean: one word, its particles or a gloss after it.
        std::string_view stem = w.core;
        for (size_t i = 3; i < w.core.size(); ++i) {
          if ((static_cast<unsigned char>(w.core[i]) & 0xC0) == 0x80) continue;
          if (rules_.particles.IsParticleChain(w.core.substr(i))) {
            stem = w.core.substr(0, i);
            break;
          }
        }
        const bool closed = stem.size() < w.core.size() || !w.tail.empty();
        if (!closed || stem.size() < 6 || stem.size() > 36 || names_.IsNotName(stem) || TitleWord(stem)) continue;
        AddSpan(w.begin, w.begin + stem.size(), "Organization", "ko.name.org-descriptor", nullptr);
      } else {
        // English: a capitalized name of one to four words, or an acronym.
        size_t last = first;
        if (!IsOrgWord(first)) continue;
        while (last + 1 < words_.size() && last < first + 3 && words_[last].tail.empty() && IsOrgWord(last + 1)) ++last;
        if (KnownAsOther(first, last)) continue;
        AddSpan(words_[first].begin, words_[last].end, "Organization", "en.name.org-descriptor", nullptr);
      }
      k = d_end;
    }
  }

  // A name right before a quotation, as headlines attribute one ("SK텔레콤
  // 김태윤 \"…\"", "…뤄푸리 \"…\""): a Korean full name, or a foreign name
  // after a boundary.
  void NamesBeforeQuotes() {
    if (!InHeadline(text_, sentence_begin_)) return;  // the document's first line
    static const std::vector<std::string_view> kParticleSyllables = {"은", "는", "이", "가", "을", "를", "의",
                                                                      "도", "와", "과", "에", "로"};
    for (size_t k = 1; k < words_.size(); ++k) {
      if (words_[k].lead.empty() || words_[k].lead.find('"') == std::string_view::npos) continue;
      const size_t j = k - 1;
      const Word& w = words_[j];
      if (!w.tail.empty() || !AllHangul(w.core)) continue;
      // A headline writes the name bare ("김태윤 \"…\""); a particle
      // makes it a sentence's subject instead.
      const std::string_view last = w.core.substr(w.core.size() - 3);
      if (std::find(kParticleSyllables.begin(), kParticleSyllables.end(), last) != kParticleSyllables.end()) continue;
      if (IsNativeFullName(w.core)) {
        if (j > 0 && IsOrgLike(j - 1)) Add(j, j, "Person", "ko.name.person-quote", nullptr);
        continue;
      }
      size_t first = j;
      while (first > 0 && j - first < 2 && IsForeignWord(words_[first - 1]) && words_[first - 1].tail.empty()) --first;
      if (!IsForeignWord(w) || (first == j && Syllables(w.core) < 3) || !MayStartName(first)) continue;
      Add(first, j, "Person", "ko.name.foreign-quote", nullptr);
    }
  }

  const RulePackData& rules_;
  const NameLexicon& names_;
  std::string_view text_;
  size_t sentence_begin_, sentence_end_;
  int sentence_;
  std::vector<Candidate>* candidates_;
  std::vector<Candidate>* rejected_;
  size_t known_;  // the candidates found before this stage
  std::vector<Word> own_words_;  // when the caller has none
  const std::vector<Word>& words_;
  // TitleWord of each word, once asked.
  mutable std::vector<std::optional<std::optional<std::pair<std::string, const TitleEntry*>>>> title_cache_;
  bool title_case_ = false;  // a headline in title case
};

}  // namespace

void MatchNames(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end,
                int sentence, std::vector<Candidate>* candidates, std::vector<Candidate>* rejected,
                const std::vector<Word>* words) {
  if (rules.names.titles.empty()) return;
  Reader(rules, text, sentence_begin, sentence_end, sentence, candidates, rejected, words).Run();
}

}  // namespace claimgraph::internal
