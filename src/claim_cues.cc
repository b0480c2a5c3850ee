// SPDX-License-Identifier: Apache-2.0
// The grammar of reported speech, cue first. The sentence is read as words
// (words.h); quotations are found first, then each cue word of the lexicon
// (claims/cues.tsv) outside them, and each cue says where its content ends
// and where its speaker may stand.
#include "claim_cues.h"

#include <algorithm>
#include <optional>

#include "rule_pack.h"
#include "words.h"

namespace claimgraph::internal {
namespace {

// A quotation: [open, close) are the bytes of its '"' marks (open may be
// the sentence's start when it runs on from before; close the end when it
// stays open).
struct Quote {
  size_t open = 0, close = 0;
  bool opened_before = false, left_open = false;
  size_t inside_begin() const { return opened_before ? open : open + 1; }
  size_t inside_end() const { return close; }
};

std::vector<Quote> FindQuotes(std::string_view text, size_t begin, size_t end, bool open_quote) {
  std::vector<Quote> quotes;
  std::optional<size_t> open;
  if (open_quote) open = begin;
  bool before = open_quote;
  for (size_t i = begin; i < end; ++i) {
    if (text[i] != '"') continue;
    if (open) {
      quotes.push_back({*open, i, before, false});
      open.reset();
      before = false;
    } else {
      open = i;
    }
  }
  if (open) quotes.push_back({*open, end, before, true});
  return quotes;
}

// Quotatives: endings that close what is reported ("…다고", "…라며").
// Their kind: before a reporting verb, a connective that is a cue itself,
// or an adnominal before a speech noun.
enum class Quotative { kNone, kBeforeVerb, kConnective, kAdnominal };

struct Ending {
  std::string_view text;
  Quotative kind;
  size_t keep;  // bytes of the ending that stay in the content ("다고" keeps "다")
};

// After a closing quotation mark, or at the end of an unquoted clause.
const std::vector<Ending>& QuoteEndings() {
  static const std::vector<Ending> kEndings = {
      {"이라고", Quotative::kBeforeVerb, 0}, {"라고", Quotative::kBeforeVerb, 0}, {"고", Quotative::kBeforeVerb, 0},
      {"이라며", Quotative::kConnective, 0}, {"라며", Quotative::kConnective, 0}, {"며", Quotative::kConnective, 0},
      {"이라면서", Quotative::kConnective, 0}, {"라면서", Quotative::kConnective, 0}, {"면서", Quotative::kConnective, 0},
      {"이라는", Quotative::kAdnominal, 0}, {"라는", Quotative::kAdnominal, 0}, {"란", Quotative::kAdnominal, 0},
      {"는", Quotative::kAdnominal, 0}};  // "…하겠다"는 입장이다
  return kEndings;
}
const std::vector<Ending>& ClauseEndings() {
  static const std::vector<Ending> kEndings = {
      // After a noun the copula's 이라/라 ends with the quotative: "…것이라고",
      // "…나라라는" say "…것", "…나라" (ClauseClaim keeps the 라 of 아니라).
      {"이라고", Quotative::kBeforeVerb, 0},   {"이라며", Quotative::kConnective, 0},
      {"이라면서", Quotative::kConnective, 0}, {"이라는", Quotative::kAdnominal, 0},
      {"다고", Quotative::kBeforeVerb, 3},     {"라고", Quotative::kBeforeVerb, 0},
      {"냐고", Quotative::kBeforeVerb, 3},     {"자고", Quotative::kBeforeVerb, 3},
      {"다며", Quotative::kConnective, 3},     {"라며", Quotative::kConnective, 0},
      {"다면서", Quotative::kConnective, 3},   {"라면서", Quotative::kConnective, 0},
      {"다는", Quotative::kAdnominal, 3},      {"라는", Quotative::kAdnominal, 0},
      // A nominalized clause as a verb's object: "…논의해 왔음을 시사했다".
      {"음을", Quotative::kBeforeVerb, 3}};
  return kEndings;
}

class Reader {
 public:
  Reader(const RulePackData& rules, std::string_view text, size_t begin, size_t end, bool headline,
         bool open_quote, const std::vector<Word>* words)
      : lexicon_(rules.claim_lexicon),
        text_(text),
        begin_(begin),
        end_(end),
        headline_(headline),
        own_words_(words == nullptr ? SplitWords(text, begin, end) : std::vector<Word>()),
        words_(words == nullptr ? own_words_ : *words),
        quotes_(FindQuotes(text, begin, end, open_quote)) {}

  std::vector<CueMatch> Run() {
    english_ = IsEnglish();
    if (english_) {
      English();
    } else {
      Korean();
    }
    if (matches_.empty()) QuoteOnly();
    std::sort(matches_.begin(), matches_.end(),
              [](const CueMatch& a, const CueMatch& b) { return a.content_begin < b.content_begin; });
    return std::move(matches_);
  }

 private:
  bool IsEnglish() const {
    size_t latin = 0, hangul = 0;
    for (const Word& w : words_) {
      if (AllHangul(w.core.substr(0, std::min<size_t>(3, w.core.size())))) {
        ++hangul;
      } else if (!w.core.empty() && ((w.core[0] >= 'a' && w.core[0] <= 'z') || IsAsciiUpper(w.core[0]))) {
        ++latin;
      }
    }
    return latin > hangul * 2;
  }

  // The quotation holding byte `at`, or null.
  const Quote* InQuote(size_t at) const {
    for (const Quote& q : quotes_) {
      if (at >= q.inside_begin() && at < q.inside_end()) return &q;
    }
    return nullptr;
  }
  // The quotation whose closing mark is at byte `at`, or null.
  const Quote* ClosingAt(size_t at) const {
    for (const Quote& q : quotes_) {
      if (!q.left_open && q.close == at) return &q;
    }
    return nullptr;
  }

  // Where the clause before word i starts: after the previous cue's words
  // in this sentence, else the sentence's start.
  size_t Floor() const { return matches_.empty() ? begin_ : std::max(begin_, matches_.back().cue_end); }

  // Trims spaces and punctuation around [b, e).
  void Trim(size_t* b, size_t* e) const {
    while (*b < *e && (text_[*b] == ' ' || text_[*b] == ',' || text_[*b] == '"')) ++*b;
    while (*e > *b && (text_[*e - 1] == ' ' || text_[*e - 1] == ',' || text_[*e - 1] == '.' || text_[*e - 1] == '"')) --*e;
  }

  // A claim closed by the reporting verb `verb` at word v: the cue runs to
  // the verb, and the speaker may stand between `after_begin` (the end of
  // the quotative) and the verb.
  void ClosedByVerb(CueMatch m, const CueEntry* verb, size_t v, const char* rule, size_t after_begin) {
    m.cue = verb;
    m.rule = rule;
    m.cue_end = words_[v].end;
    m.end = m.cue_end;
    m.after_begin = after_begin;
    m.after_end = words_[v].begin;
    ReportedBy(v, &m);
    Add(std::move(m));
  }

  // A claim closed by a connective ending at `end` (…며, …면서) in word i:
  // the lemma of a reporting verb right after it, else "say".
  void ClosedByConnective(CueMatch m, size_t i, const char* rule, size_t end) {
    size_t v = 0;
    const CueEntry* verb = VerbFrom(i + 1, 2, &v);
    m.cue = verb != nullptr ? verb : Said();
    m.rule = rule;
    m.cue_end = end;
    m.end = end;
    Add(std::move(m));
  }

  void Add(CueMatch m) {
    Trim(&m.content_begin, &m.content_end);
    if (m.content_end <= m.content_begin + 3) return;  // nothing said
    m.english = english_;
    m.begin = std::min(m.begin, m.content_begin);
    m.end = std::max(m.end, m.content_end);
    matches_.push_back(std::move(m));
  }

  // --- Korean ---------------------------------------------------------

  // The reporting verb at or after word i (at most `reach` words on: an
  // object or an adverb may stand between, "기자들에게 밝혔다"), and its
  // index; null if none.
  const CueEntry* VerbFrom(size_t i, size_t reach, size_t* at) const {
    for (size_t k = i; k < words_.size() && k <= i + reach; ++k) {
      if (InQuote(words_[k].begin) != nullptr) return nullptr;
      std::string_view core = words_[k].core;
      // A two-word verb ("선을 그었다").
      if (k + 1 < words_.size() && words_[k].tail.empty()) {
        const std::string two = std::string(core) + " " + std::string(words_[k + 1].core);
        size_t n = 0;
        if (const CueEntry* e = lexicon_.ko_verbs.Prefix(two, &n); e != nullptr && n > core.size()) {
          *at = k + 1;
          return e;
        }
      }
      // A passive ("전해졌다", "알려졌다") is no reporting verb, even where
      // its stem is one's ("전해").
      size_t verb_length = 0, passive_length = 0;
      const CueEntry* e = lexicon_.ko_verbs.Prefix(core, &verb_length);
      if (lexicon_.ko_passives.Prefix(core, &passive_length) != nullptr && passive_length >= verb_length) {
        return nullptr;
      }
      if (e != nullptr) {
        *at = k;
        return e;
      }
      // The clause ends at punctuation, not at a gloss ("(CTO)는").
      const std::string_view tail = words_[k].tail;
      if (!tail.empty() && !(tail.front() == '(' && tail.find(')') != std::string_view::npos &&
                             tail.find_first_of(",.\"", tail.find(')')) == std::string_view::npos)) {
        return nullptr;
      }
    }
    return nullptr;
  }

  // The speech noun at word i ("입장이다", "평가가"), and whether it closes
  // the claim itself (noun + copula) or needs a light verb after it.
  const CueEntry* SpeechNoun(size_t i) const {
    if (i >= words_.size()) return nullptr;
    size_t n = 0;
    const CueEntry* e = lexicon_.ko_nouns.Prefix(words_[i].core, &n);
    if (e == nullptr) return nullptr;
    const std::string_view rest = words_[i].core.substr(n);
    if (e->object) {  // "…다는 뜻을 밝혔다", not "…다는 뜻이다"
      size_t v = 0;
      return (rest == "을" || rest == "를" || rest == "도") && VerbFrom(i + 1, 1, &v) != nullptr ? e : nullptr;
    }
    // The noun alone with its particles or a copula: 입장이다, 평가가, 설명이다.
    static const std::vector<std::string_view> kRest = {"",   "이다", "다",   "이",  "가",  "을",   "를",
                                                         "도", "이며", "입니다", "으로", "이었다", "였다"};
    return std::find(kRest.begin(), kRest.end(), rest) != kRest.end() ? e : nullptr;
  }

  void Korean() {
    if (headline_) Headline();
    for (size_t i = 0; i < words_.size(); ++i) {
      const Word& w = words_[i];
      // 1. A quotation closed in this word, and what follows the mark.
      const size_t mark = w.tail.find('"');
      if (mark != std::string_view::npos) {
        const size_t at = static_cast<size_t>(w.tail.data() - text_.data()) + mark;
        if (const Quote* q = ClosingAt(at)) {
          std::string_view after = w.tail.substr(mark + 1);
          while (!after.empty() && (after.back() == ',' || after.back() == '.')) after.remove_suffix(1);
          if (QuotedClaim(*q, i, after)) continue;
        }
      }
      if (InQuote(w.begin) != nullptr) continue;
      // 2. An unquoted clause closed by a quotative.
      if (ClauseClaim(i)) continue;
      // 3. X에 따르면, …것으로 알려졌다, …다는 것이다, …는 게 X의 설명이다.
      if (According(i) || Evidential(i) || Continuation(i) || ThatIsWhatXSays(i)) continue;
    }
    // "X에 따르면 A는 …다고 밝혔다": the cue after X에 따르면 reports the
    // content, with its own speaker (the innermost source); a sourceless
    // one ("…것으로 나타났다") only ends X's content.
    std::vector<CueMatch> kept;
    for (size_t k = 0; k < matches_.size(); ++k) {
      CueMatch& m = matches_[k];
      if (m.rule == "ko.claim.according" && k + 1 < matches_.size()) {
        CueMatch& next = matches_[k + 1];
        if (next.speaker != CueMatch::Speaker::kNone) continue;
        m.content_end = next.content_end;
        m.end = next.end;
        if (next.cue != nullptr && next.cue->modality != "asserted") m.cue = next.cue;
        kept.push_back(m);
        ++k;
        continue;
      }
      kept.push_back(m);
    }
    // A connective with no verb of its own ("\"…\"며 \"…\"라고 지적했다")
    // takes the verb of the claim after it.
    for (size_t k = 0; k + 1 < kept.size(); ++k) {
      const bool connective = kept[k].rule == "ko.claim.connective" || kept[k].rule == "ko.claim.quote-connective";
      if (connective && kept[k].cue == Said() && kept[k + 1].cue != nullptr &&
          kept[k + 1].rule != "ko.claim.noun") {
        kept[k].cue = kept[k + 1].cue;
      }
    }
    matches_ = std::move(kept);
  }

  // A noun with its object particle that a reported clause fills before
  // a reporting verb: 점을, 사실을, 보도를, a speech noun (주장을, 관측을).
  bool ObjectNoun(std::string_view word) const {
    for (const std::string_view p : {"을", "를"}) {
      if (!EndsWith(word, p) || word.size() <= p.size()) continue;
      const std::string_view stem = word.substr(0, word.size() - p.size());
      for (const std::string_view n : {"점", "사실", "것", "보도", "소문", "의혹", "내용"}) {
        if (stem == n) return true;
      }
      size_t n = 0;
      return lexicon_.ko_nouns.Prefix(stem, &n) != nullptr && n == stem.size();
    }
    return false;
  }

  // "…다고 말했다고 블룸버그가 보도했다": a verb quoted in turn by a medium
  // that reports it; the medium's words join the cue.
  void ReportedBy(size_t v, CueMatch* m) const {
    if (!EndsWith(words_[v].core, "다고") || !words_[v].tail.empty()) return;
    size_t r = 0;
    const CueEntry* report = VerbFrom(v + 1, 3, &r);
    if (report == nullptr || r == v + 1 || (report->lemma != "보도하다" && report->lemma != "전하다")) return;
    m->medium_begin = words_[v + 1].begin;
    m->medium_end = words_[r].begin;
    m->cue_end = words_[r].end;
    m->end = m->cue_end;
  }

  // "…"라고 말했다, "…"며, "…"라는 입장이다, "…"라고 그는 말했다.
  bool QuotedClaim(const Quote& q, size_t i, std::string_view after) {
    CueMatch m;
    m.quoted = true;
    m.content_begin = q.inside_begin();
    m.content_end = q.inside_end();
    m.subject_floor = Floor();
    m.subject_limit = q.opened_before ? begin_ : q.open;
    m.begin = m.subject_floor;
    const Ending* ending = nullptr;
    for (const Ending& e : QuoteEndings()) {
      if (after == e.text) ending = &e;
    }
    if (ending == nullptr) return false;
    m.cue_begin = words_[i].begin + (words_[i].tail.data() - words_[i].core.data());
    if (ending->kind == Quotative::kBeforeVerb) {
      // The speaker may stand between ("…"이라고 박서연 한빛AI 최고기술책임자(CTO)는 강조했다).
      size_t v = 0;
      const CueEntry* verb = VerbFrom(i + 1, 6, &v);
      if (verb == nullptr) return false;
      ClosedByVerb(std::move(m), verb, v, "ko.claim.quote",
                   static_cast<size_t>(words_[i].tail.data() - text_.data()) + words_[i].tail.size());
      return true;
    }
    if (ending->kind == Quotative::kConnective) {
      // "…"며 밝혔다 takes the verb's lemma; "…"며 웃었다 says it all the same.
      ClosedByConnective(std::move(m), i, "ko.claim.quote-connective",
                         static_cast<size_t>(words_[i].tail.data() - text_.data()) + words_[i].tail.size());
      return true;
    }
    // "…"라는 입장이다: a speech noun after it.
    const CueEntry* noun = SpeechNoun(i + 1);
    if (noun == nullptr) return false;
    m.cue = noun;
    m.rule = "ko.claim.quote-noun";
    m.cue_end = words_[i + 1].end;
    m.end = m.cue_end;
    m.speaker = noun->heard ? CueMatch::Speaker::kSubjectOrNone : CueMatch::Speaker::kSubject;
    Add(std::move(m));
    return true;
  }

  // The cue of a source phrase ("따르면", "according to": claims/cues.tsv
  // tag source), else that of saying.
  const CueEntry* Source(std::string_view form) const {
    if (const CueEntry* e = lexicon_.sources.Prefix(form)) return e;
    return Said();
  }

  // The entry of saying ("말하다", "say"), for a claim whose words name
  // no verb: a connective quotation, a headline's.
  const CueEntry* Said() const {
    if (!english_) return lexicon_.ko_verbs.Prefix("말했다");
    const auto said = lexicon_.en_verbs.find("said");
    return said == lexicon_.en_verbs.end() ? nullptr : &said->second;
  }

  // …다고 밝혔다, …라며, …다는 입장이다, …것으로 내다봤다.
  bool ClauseClaim(size_t i) {
    const Word& w = words_[i];
    if (!w.tail.empty() && w.tail != ",") {
      // A clause ends at the word's end; punctuation after it other than a
      // comma ends the sentence's reporting.
      if (w.tail.find('"') == std::string_view::npos) return false;
    }
    // (Every clause ending ends in 고, 며, 서, 는 or 을; most words in
    // none of them.)
    const std::string_view last = w.core.size() >= 3 ? w.core.substr(w.core.size() - 3) : std::string_view();
    const bool may_end = last == "고" || last == "며" || last == "서" || last == "는" || last == "을";
    const Ending* ending = nullptr;
    const std::vector<Ending>& endings = ClauseEndings();
    for (size_t e = 0; may_end && e < endings.size(); ++e) {
      const Ending& candidate = endings[e];
      if (EndsWith(w.core, candidate.text) && w.core.size() > candidate.text.size()) {
        ending = &candidate;
        break;
      }
    }
    const bool forecast = w.core == "것으로" || w.core == "걸로";
    if (ending == nullptr && !forecast) return false;
    CueMatch m;
    m.subject_floor = Floor();
    m.content_begin = m.subject_floor;
    size_t keep = forecast ? 0 : ending->keep;
    if (!forecast && keep == 0 && EndsWith(w.core.substr(0, w.core.size() - ending->text.size()), "아니")) {
      keep = 3;  // "아니라고": "…가 아니라"
    }
    m.content_end = forecast ? (i > 0 ? words_[i - 1].end : w.begin) : w.end - ending->text.size() + keep;
    m.begin = m.subject_floor;
    m.cue_begin = forecast ? w.begin : m.content_end;
    m.subject_limit = m.content_end;
    // "…다는 점을 강조했다", "…다는 보도를 부인했다": the clause, with the
    // noun it fills, is the verb's object.
    size_t from = i + 1;
    const bool object = !forecast && ending->kind == Quotative::kAdnominal && i + 1 < words_.size() &&
                        ObjectNoun(words_[i + 1].core);
    if (object) from = i + 2;
    if (forecast || object || ending->kind == Quotative::kBeforeVerb) {
      size_t v = 0;
      const CueEntry* verb = VerbFrom(from, 3, &v);
      if (verb == nullptr) return false;
      // "…하라고 권고한 것으로 알려졌다": a verb that modifies 것 is part of
      // a larger report (the evidential's).
      if (v + 1 < words_.size() && StartsWith(words_[v + 1].core, "것") && words_[v].tail.empty()) {
        for (const std::string_view adnominal : {"한", "은", "던", "는", "된"}) {
          if (EndsWith(words_[v].core, adnominal)) return false;
        }
      }
      ClosedByVerb(std::move(m), verb, v, forecast ? "ko.claim.forecast" : "ko.claim.indirect", w.end);
      return true;
    }
    if (ending->kind == Quotative::kConnective) {
      ClosedByConnective(std::move(m), i, "ko.claim.connective", w.end);
      return true;
    }
    // …다는 입장이다 / …라는 평가가 나온다.
    const CueEntry* noun = SpeechNoun(i + 1);
    if (noun == nullptr) return false;
    m.cue = noun;
    m.rule = "ko.claim.noun";
    m.cue_end = words_[i + 1].end;
    if (i + 2 < words_.size() && words_[i + 1].tail.empty()) m.cue_end = words_[i + 2].end;  // its light verb
    m.end = m.cue_end;
    m.speaker = noun->heard ? CueMatch::Speaker::kSubjectOrNone : CueMatch::Speaker::kSubject;
    Add(std::move(m));
    return true;
  }

  // X에 따르면, …: the source is X, the content the rest of the sentence
  // (unless a cue of its own reports it: the inner speaker is the source).
  bool According(size_t i) {
    if (words_[i].core != "따르면" || i == 0 || !EndsWith(words_[i - 1].core, "에")) return false;
    size_t first = i - 1;
    while (first > 0 && i - first < 5 && words_[first - 1].tail.empty() && InQuote(words_[first - 1].begin) == nullptr) {
      --first;
    }
    CueMatch m;
    m.cue = Source("따르면");
    m.rule = "ko.claim.according";
    m.speaker = CueMatch::Speaker::kSource;
    m.source_begin = words_[first].begin;
    m.source_end = words_[i - 1].end;
    m.cue_begin = words_[i - 1].begin;
    m.cue_end = words_[i].end;
    m.begin = m.source_begin;
    m.content_begin = words_[i].end;
    m.content_end = end_;
    // "…이르렀다고 합니다": the hearsay ending is no part of the content.
    const size_t n = words_.size();
    if (n >= 2 && n - 2 > i && (words_[n - 1].core == "합니다" || words_[n - 1].core == "한다") &&
        (EndsWith(words_[n - 2].core, "다고") || EndsWith(words_[n - 2].core, "라고"))) {
      m.content_end = words_[n - 2].end - 3;  // keeps 다 of 다고
    }
    Add(std::move(m));  // (Korean() drops it when a cue after it reports the content itself)
    return true;
  }

  // …것으로 알려졌다 / …로 보인다: what is reported without a source.
  bool Evidential(size_t i) {
    size_t n = 0;
    const CueEntry* passive = lexicon_.ko_passives.Prefix(words_[i].core, &n);
    if (passive == nullptr || i == 0) return false;
    const Word& before = words_[i - 1];
    size_t content_end = 0;
    if (before.core == "것으로" || before.core == "걸로") {
      content_end = i >= 2 ? words_[i - 2].end : before.begin;
    } else if (EndsWith(before.core, "것으로") || EndsWith(before.core, "으로") || EndsWith(before.core, "로")) {
      content_end = before.end - (EndsWith(before.core, "으로") ? 6 : 3);
    } else {
      return false;
    }
    CueMatch m;
    m.cue = passive;
    m.rule = "ko.claim.evidential";
    m.speaker = CueMatch::Speaker::kNone;
    m.subject_floor = Floor();
    m.content_begin = m.subject_floor;
    m.content_end = content_end;
    m.cue_begin = before.begin;
    m.cue_end = words_[i].end;
    m.begin = m.subject_floor;
    m.end = m.cue_end;
    Add(std::move(m));
    return true;
  }

  // …다는 것이다: what the speaker before says on.
  bool Continuation(size_t i) {
    const std::string_view core = words_[i].core;
    if (!(StartsWith(core, "것이다") || StartsWith(core, "것입니다") || StartsWith(core, "얘기다"))) return false;
    if (i == 0 || i + 1 != words_.size()) return false;
    const std::string_view before = words_[i - 1].core;
    if (!(EndsWith(before, "다는") || EndsWith(before, "라는"))) return false;
    CueMatch m;
    m.cue = Said();
    m.rule = "ko.claim.continuation";
    m.speaker = CueMatch::Speaker::kPrevious;
    m.subject_floor = Floor();
    m.content_begin = m.subject_floor;
    m.content_end = words_[i - 1].end - 3;  // keeps 다 of 다는
    m.cue_begin = m.content_end;
    m.cue_end = words_[i].end;
    m.begin = m.subject_floor;
    m.end = m.cue_end;
    Add(std::move(m));
    return true;
  }

  // …는 게 X의 설명이다: the speaker in the genitive before the noun.
  bool ThatIsWhatXSays(size_t i) {
    if (i < 2 || !EndsWith(words_[i - 1].core, "의")) return false;
    const CueEntry* noun = SpeechNoun(i);
    if (noun == nullptr || !(EndsWith(words_[i].core, "이다") || EndsWith(words_[i].core, "다"))) return false;
    size_t g = i - 2;
    while (g > 0 && !(EndsWith(words_[g].core, "게") || EndsWith(words_[g].core, "것이"))) --g;
    if (!(EndsWith(words_[g].core, "게") || EndsWith(words_[g].core, "것이"))) return false;
    CueMatch m;
    m.cue = noun;
    m.rule = "ko.claim.genitive-noun";
    m.speaker = CueMatch::Speaker::kSource;
    m.source_begin = words_[g + 1].begin;
    m.source_end = words_[i - 1].end;
    m.subject_floor = Floor();
    m.content_begin = m.subject_floor;
    m.content_end = words_[g].end - (EndsWith(words_[g].core, "게") ? 3 : 6);
    // "…않는다는 게": the adnominal 는 goes with the noun.
    if (m.content_end <= words_[g].begin && g > 0 &&
        (EndsWith(words_[g - 1].core, "다는") || EndsWith(words_[g - 1].core, "라는"))) {
      m.content_end = words_[g - 1].end - 3;
    }
    m.cue_begin = words_[g].begin;
    m.cue_end = words_[i].end;
    m.begin = m.subject_floor;
    m.end = m.cue_end;
    Add(std::move(m));
    return true;
  }

  // A headline's NAME "…" (or NAME, "…"): the quotation is the name's.
  void Headline() {
    for (const Quote& q : quotes_) {
      if (q.opened_before || q.left_open || q.open == begin_) continue;
      // The word right before the opening mark names the speaker.
      CueMatch m;
      m.cue = Said();  // no cue word: it says, as a headline does
      m.rule = "ko.claim.headline";
      m.quoted = true;
      m.content_begin = q.inside_begin();
      m.content_end = q.inside_end();
      m.subject_limit = q.open;
      m.subject_floor = q.open > begin_ + 40 ? q.open - 40 : begin_;
      m.begin = m.subject_floor;
      m.end = q.close + 1;
      m.cue_begin = m.cue_end = q.open;
      m.speaker = CueMatch::Speaker::kAfter;  // the name right before, else the headline's first: extract_claims looks there
      m.after_begin = begin_;
      m.after_end = q.open;
      Add(std::move(m));
    }
  }

  // A sentence that is a quotation and nothing else: the speaker before
  // says on.
  void QuoteOnly() {
    if (quotes_.size() != 1) return;
    const Quote& q = quotes_.front();
    size_t b = begin_, e = end_;
    while (b < e && text_[b] == ' ') ++b;
    while (e > b && (text_[e - 1] == ' ' || text_[e - 1] == '.')) --e;
    const bool whole = (q.opened_before ? q.open == begin_ : q.open == b) && (q.left_open || q.close + 1 >= e);
    if (!whole) return;
    CueMatch m;
    m.rule = english_ ? "en.claim.quote-runs-on" : "ko.claim.quote-runs-on";
    m.cue = Said();  // no cue word: the speaker says on
    m.quoted = true;
    m.speaker = CueMatch::Speaker::kPrevious;
    m.content_begin = q.inside_begin();
    m.content_end = q.inside_end();
    m.begin = b;
    m.end = e;
    m.cue_begin = m.cue_end = m.content_end;
    Add(std::move(m));
  }

  // --- English --------------------------------------------------------

  // Words a reporting verb carries before it ("has said", "also noted").
  static bool IsAuxiliary(std::string_view w) {
    static const std::vector<std::string_view> kWords = {"has", "have", "had", "also", "reportedly", "previously",
                                                         "publicly", "repeatedly", "later", "then", "once", "again",
                                                         "earlier", "separately", "recently", "would", "will"};
    return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
  }

  // The end of what follows a reporting verb before its content: "that",
  // an object of told ("told Reuters", "told The Wall Street Journal"), "in
  // a statement", "on Tuesday", "in a post on X".
  size_t SkipAfterVerb(size_t k, bool told) const {
    if (told && k < words_.size()) {
      if (words_[k].core == "reporters" || words_[k].core == "analysts" || words_[k].core == "investors" ||
          words_[k].core == "viewers" || words_[k].core == "employees" || words_[k].core == "staff") {
        ++k;
      } else if (k < words_.size() && (IsAsciiUpper(words_[k].core[0]) || words_[k].core == "the")) {
        ++k;
        while (k < words_.size() && !words_[k - 1].tail.size() && !words_[k].core.empty() && IsAsciiUpper(words_[k].core[0])) ++k;
      }
    }
    for (int rounds = 0; rounds < 4 && k < words_.size(); ++rounds) {
      const std::string_view c = words_[k].core;
      if (c == "that") return k + 1;
      // "warned of …", "reported this year that …", "said Tuesday".
      if (c == "of" || c == "about" || c == "today" || c == "yesterday" || c == "recently" || c == "earlier" ||
          c == "Monday" || c == "Tuesday" || c == "Wednesday" || c == "Thursday" || c == "Friday" ||
          c == "Saturday" || c == "Sunday") {
        ++k;
        continue;
      }
      if ((c == "this" || c == "last" || c == "next") && k + 1 < words_.size() &&
          (words_[k + 1].core == "year" || words_[k + 1].core == "week" || words_[k + 1].core == "month" ||
           words_[k + 1].core == "quarter")) {
        k += 2;
        continue;
      }
      if ((c == "in" || c == "on" || c == "at" || c == "during" || c == "via") && k + 1 < words_.size()) {
        // "in a statement", "on Tuesday", "in a post on X", "in an interview with …"
        // The phrase ends where the content's subject starts ("said in
        // September it had raised …").
        static const std::vector<std::string_view> kSubjects = {"it", "he", "she", "they", "we", "I", "its", "their"};
        size_t j = k + 1;
        while (j < words_.size() && j < k + 6 && words_[j - 1].tail.empty() && words_[j].core != "that" &&
               std::find(kSubjects.begin(), kSubjects.end(), words_[j].core) == kSubjects.end()) {
          ++j;
        }
        if (words_[j - 1].tail.empty() && j < words_.size() && words_[j].core == "that") return j + 1;
        k = j;
        if (!words_[j - 1].tail.empty()) return k;
        continue;
      }
      break;
    }
    return k;
  }

  // The index of the first of the auxiliaries before word v, the verb
  // ("has also said"), or v: the subject ends there.
  size_t SubjectEnd(size_t v) const {
    size_t k = v;
    while (k > 0 && IsAuxiliary(words_[k - 1].core) && words_[k - 1].tail.empty()) --k;
    return k;
  }

  void English() {
    for (size_t i = 0; i < words_.size(); ++i) {
      const Word& w = words_[i];
      if (InQuote(w.begin) != nullptr) continue;
      if (Accordingly(&i)) continue;
      // A verb of a relative clause ("Apple Intelligence, which added
      // Korean …") or a noun after a possessive ("the company's estimates").
      if (i > 0 && (words_[i - 1].core == "which" || words_[i - 1].tail == "'s" || words_[i - 1].tail == "'")) continue;
      const auto participle = lexicon_.en_participles.find(std::string(w.core));
      if (participle != lexicon_.en_participles.end() && i > 0 && words_[i - 1].tail == ",") {
        Participle(i, &participle->second);
        continue;
      }
      const auto verb = lexicon_.en_verbs.find(std::string(w.core));
      if (verb == lexicon_.en_verbs.end()) continue;
      Verb(i, &verb->second);
    }
    // A cue inside another claim's content is part of what is said ("…
    // that Apple was making progress, and that it still expected to …").
    // Two cues each inside the other's content: the attribution that
    // closes the sentence wins ("AMD expects …, Jean Hu said").
    auto inside = [](const CueMatch& m, const CueMatch& o) {
      return &o != &m && o.content_begin <= m.cue_begin && m.cue_begin < o.content_end &&
             !(o.content_begin == m.content_begin && o.content_end == m.content_end);
    };
    // A participle after a comma ends the content before it ("argued that
    // A, warning that B": two claims).
    for (const CueMatch& m : matches_) {
      if (m.rule != "en.claim.participle") continue;
      for (CueMatch& o : matches_) {
        if (inside(m, o)) o.content_end = std::min(o.content_end, m.cue_begin);
      }
    }
    std::vector<CueMatch> outer;
    for (CueMatch& m : matches_) {
      Trim(&m.content_begin, &m.content_end);
      const bool embedded = std::any_of(matches_.begin(), matches_.end(), [&](const CueMatch& o) {
        return inside(m, o) && !(inside(o, m) && m.content_end <= m.cue_begin);
      });
      if (!embedded && m.content_end > m.content_begin + 3) outer.push_back(m);
    }
    matches_ = std::move(outer);
  }

  // According to X, … / …, according to X.
  // Moves `*at` to the source's last word: it is no cue ("according to
  // analysts' estimates").
  bool Accordingly(size_t* at) {
    const size_t i = *at;
    if (!((words_[i].core == "according" || words_[i].core == "According") && i + 2 < words_.size() &&
          words_[i + 1].core == "to")) {
      return false;
    }
    size_t last = i + 2;
    while (last + 1 < words_.size() && last < i + 8 && words_[last].tail.empty()) ++last;
    *at = last;
    CueMatch m;
    m.cue = Source("according to");
    m.rule = "en.claim.according";
    m.speaker = CueMatch::Speaker::kSource;
    m.source_begin = words_[i + 2].begin;
    m.source_end = words_[last].end;
    m.cue_begin = words_[i].begin;
    m.cue_end = words_[last].end;
    if (i > 0 && words_[i - 1].tail == ",") {  // …, according to X.
      m.content_begin = Floor();
      m.content_end = words_[i - 1].end;
    } else {  // According to X, …
      m.content_begin = words_[last].end;
      m.content_end = end_;
    }
    m.begin = std::min(m.content_begin, m.cue_begin);
    m.end = std::max(m.content_end, m.cue_end);
    Add(std::move(m));
    return true;
  }

  // …, warning that …: the sentence's subject says it too.
  void Participle(size_t i, const CueEntry* cue) {
    CueMatch m;
    m.cue = cue;
    m.rule = "en.claim.participle";
    m.subject_floor = begin_;
    m.subject_limit = words_[i].begin;
    size_t k = i + 1;
    if (k < words_.size() && (words_[k].core == "that" || words_[k].core == "of" || words_[k].core == "about")) ++k;
    if (k >= words_.size()) return;
    m.content_begin = words_[k].begin;
    m.content_end = end_;
    m.cue_begin = words_[i].begin;
    m.cue_end = words_[k - 1].end;
    m.begin = begin_;
    m.end = end_;
    AddSplit(std::move(m), k);
  }

  // A reporting verb: its subject before it and the content after it
  // ("Jane Doe said that …", "the company said in a statement …"), the
  // content before it ("…, Mistral said in a statement."), or the subject
  // after it ("…, said Jane Doe, the chief executive."); a quotation before
  // it is the content ("“…,” she said.").
  void Verb(size_t v, const CueEntry* cue) {
    const bool told = words_[v].core == "told" || words_[v].core == "tells";
    const size_t subject_end = SubjectEnd(v);
    CueMatch m;
    m.cue = cue;
    m.rule = "en.claim.verb";
    m.cue_begin = words_[subject_end < v ? subject_end : v].begin;
    m.cue_end = words_[v].end;
    // A quotation right before the attribution.
    const Quote* quote = nullptr;
    for (const Quote& q : quotes_) {
      if (q.close < words_[v].begin && !q.left_open) {
        // Between the closing mark and the verb: at most the subject (with
        // its appositive when the quotation ends with a comma: "“…,” Maria
        // Lopez, chief executive of Bluefin Labs, said").
        size_t words_between = 0;
        for (size_t k = 0; k < v; ++k) words_between += words_[k].begin > q.close ? 1 : 0;
        const bool comma = q.close > 0 && text_[q.close - 1] == ',';
        if (words_between <= (comma ? 10u : 5u)) quote = &q;
      }
    }
    const size_t after = SkipAfterVerb(v + 1, told);
    if (quote != nullptr) {
      m.quoted = true;
      m.content_begin = quote->inside_begin();
      m.content_end = quote->inside_end();
      m.begin = quote->opened_before ? begin_ : quote->open;
      m.end = v + 1 < words_.size() ? words_[std::min(words_.size() - 1, v + 4)].end : words_[v].end;
      // "“…,” she said." / "“…,” said Jane Doe."
      m.rule = "en.claim.quote";
      m.speaker = CueMatch::Speaker::kAfter;
      m.after_begin = quote->close + 1;
      m.after_end = std::min(end_, words_[std::min(words_.size() - 1, v + 6)].end);
      Add(std::move(m));
      return;
    }
    // "…, said Jane Doe, the chief executive.": the speaker after the verb.
    // What follows is a short name phrase, closed by a comma or the end
    // ("said Arthur Mensch, the …", "said the company."), not a clause
    // ("…, said the team had removed …", "told Reuters that …").
    bool inverted = subject_end > 0 && words_[subject_end - 1].tail.find(',') != std::string_view::npos &&
                    v + 1 < words_.size() &&
                    (IsAsciiUpper(words_[v + 1].core[0]) || words_[v + 1].core == "the" || words_[v + 1].core == "an" ||
                     words_[v + 1].core == "a");
    for (size_t k = v + 1; inverted && k < words_.size(); ++k) {
      if (words_[k].core == "that" || k > v + 4) inverted = false;
      if (!words_[k].tail.empty() && words_[k].tail != "'s") break;
    }
    const bool verb_closes = inverted || v + 1 >= words_.size() || after >= words_.size() ||
                             (!words_[v].tail.empty() && words_[v].tail != ":");
    const bool content_after = !verb_closes && after < words_.size();
    if (content_after && subject_end > 0) {
      // Jane Doe said (that) …
      m.subject_floor = Floor();
      m.subject_limit = words_[subject_end].begin;
      m.content_begin = words_[after].begin;
      m.content_end = end_;
      m.begin = m.subject_floor;
      m.end = end_;
      AddSplit(std::move(m), after);
      return;
    }
    // …, X said (in a statement). / …, said X, the chief executive.
    size_t comma = subject_end;
    while (comma > 0 && words_[comma - 1].tail.find(',') == std::string_view::npos) --comma;
    // The speaker between the comma and the verb is a name, not a clause,
    // nor a noun its relative clause describes (", a claim the company
    // rejected").
    if (comma == 0 || v - comma > 8 || words_[comma].core == "a" || words_[comma].core == "an") return;
    // The content runs back over any cue inside it ("AMD expects …, Chief
    // Financial Officer Jean Hu said": what AMD expects is what Hu says).
    m.content_begin = begin_;
    for (const CueMatch& before : matches_) {
      if (before.content_end <= words_[comma - 1].begin) m.content_begin = std::max(m.content_begin, before.cue_end);
    }
    m.content_end = words_[comma - 1].end;
    m.begin = m.content_begin;
    m.end = end_;
    m.rule = "en.claim.trailing";
    if (comma == v) {
      m.speaker = CueMatch::Speaker::kAfter;  // inverted: said Jane Doe
      m.after_begin = words_[v].end;
      m.after_end = end_;
    } else {
      m.speaker = CueMatch::Speaker::kSubject;
      m.subject_floor = words_[comma].begin;
      m.subject_limit = words_[v].begin;
    }
    Add(std::move(m));
  }

  // Adds `m`, split in two at ", and that" ("noted that A, and that B").
  void AddSplit(CueMatch m, size_t from) {
    for (size_t k = from; k + 2 < words_.size(); ++k) {
      if (words_[k].tail == "," && words_[k + 1].core == "and" && words_[k + 2].core == "that") {
        CueMatch second = m;
        m.content_end = words_[k].end;
        second.content_begin = words_[k + 2].end;
        Add(std::move(m));
        Add(std::move(second));
        return;
      }
    }
    Add(std::move(m));
  }

  const ClaimLexicon& lexicon_;
  std::string_view text_;
  size_t begin_, end_;
  bool headline_;
  bool english_ = false;
  std::vector<Word> own_words_;  // when the caller has none
  const std::vector<Word>& words_;
  std::vector<Quote> quotes_;
  std::vector<CueMatch> matches_;
};

}  // namespace

std::vector<CueMatch> FindCues(const RulePackData& rules, std::string_view text, size_t begin, size_t end,
                               bool headline, bool open_quote, const std::vector<Word>* words) {
  return Reader(rules, text, begin, end, headline, open_quote, words).Run();
}

bool QuoteOpenAfter(std::string_view text, size_t begin, size_t end, bool open_at_begin) {
  const size_t marks = static_cast<size_t>(std::count(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                                      text.begin() + static_cast<std::ptrdiff_t>(end), '"'));
  return open_at_begin != (marks % 2 == 1);
}

const std::vector<std::string>& CueRuleIds() {
  static const std::vector<std::string> kIds = {
      "ko.claim.quote",        "ko.claim.quote-connective", "ko.claim.quote-noun",     "ko.claim.indirect",
      "ko.claim.forecast",     "ko.claim.connective",       "ko.claim.noun",           "ko.claim.according",
      "ko.claim.evidential",   "ko.claim.continuation",     "ko.claim.genitive-noun",  "ko.claim.headline",
      "ko.claim.quote-runs-on", "en.claim.verb",            "en.claim.quote",          "en.claim.trailing",
      "en.claim.according",    "en.claim.participle",       "en.claim.quote-runs-on"};
  return kIds;
}

}  // namespace claimgraph::internal
