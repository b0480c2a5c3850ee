// SPDX-License-Identifier: Apache-2.0
// Stage 4, resolve references: surnames and titles back to the person the
// document named in full.
#include "resolve_references.h"

#include <algorithm>
#include <optional>

#include "internal/utf8.h"
#include "rule_pack.h"
#include "words.h"

namespace claimgraph::internal {
namespace {

constexpr char kSurnameTitle[] = "coref.surname-title";
constexpr char kSurname[] = "coref.surname";
constexpr char kRepeated[] = "coref.repeated-name";

class Resolver {
 public:
  Resolver(const RulePackData& rules, std::string_view text, size_t begin, size_t end, int sentence,
           const NamedPersons& persons, std::vector<Candidate>* candidates, std::vector<size_t>* accepted,
           std::vector<Candidate>* rejected, const std::vector<Word>* words)
      : rules_(rules),
        text_(text),
        sentence_(sentence),
        persons_(persons.persons()),
        candidates_(candidates),
        accepted_(accepted),
        rejected_(rejected),
        own_words_(words == nullptr ? SplitWords(text, begin, end) : std::vector<Word>()),
        words_(words == nullptr ? own_words_ : *words) {}

  void Run() {
    RelabelSingleWordNames();
    for (size_t k = 0; k < words_.size(); ++k) {
      const Word& w = words_[k];
      if (Covered(w.begin, w.end)) continue;
      if (SurnameBeforeTitle(k)) continue;
      if (RepeatedName(k)) continue;
      BareSurname(k);
    }
  }

 private:
  // The stem of a Korean word without its particles ("머스크는" -> "머스크"),
  // or the word.
  std::string_view Stem(std::string_view core) const {
    // The longest chain of particles (at most six syllables) that ends it.
    for (size_t i = core.size() > 18 ? core.size() - 18 : 3; i < core.size(); i += 3) {
      if (i >= 3 && rules_.particles.IsParticleChain(core.substr(i))) return core.substr(0, i);
    }
    return core;
  }

  bool Covered(size_t begin, size_t end) const {
    return std::any_of(accepted_->begin(), accepted_->end(), [&](size_t i) {
      const Candidate& c = (*candidates_)[i];
      return c.begin < end && begin < c.end;
    });
  }

  // The title word `w` is, possibly with particles, or null.
  const TitleEntry* TitleOf(const Word& w) const {
    const auto& found = rules_.names.TitleOf(w, rules_.particles, /*compound_needs_name=*/false);
    return found ? found->entry : nullptr;
  }

  // The one earlier person `fits` accepts, or nothing (none, or more than
  // one: a reference is never guessed).
  template <typename Fits>
  std::optional<const NamedPersons::Person*> Unique(Fits&& fits, std::string* why) const {
    const NamedPersons::Person* found = nullptr;
    for (const NamedPersons::Person& p : persons_) {
      if (!fits(p)) continue;
      if (found != nullptr && (found->label != p.label || found->entity != p.entity)) {
        *why = "more than one earlier person fits: " + found->label + ", " + p.label;
        return std::nullopt;
      }
      found = &p;
    }
    if (found == nullptr) {
      *why = "no earlier person of the document fits";
      return std::nullopt;
    }
    return found;
  }

  void AddReference(size_t begin, size_t end, const std::string& label, int entity, const char* rule,
                    const TitleEntry* title) {
    Candidate c;
    c.begin = begin;
    c.end = end;
    c.sentence = sentence_;
    c.label = label;
    c.entity = entity;
    c.type = "Person";
    c.priority = 0;
    c.rule_id = rule;
    if (title != nullptr && !title->role.empty() && entity < 0) c.attributes["role"] = title->role;
    CheckParticle(&c);
    candidates_->push_back(std::move(c));
    accepted_->push_back(candidates_->size() - 1);
    std::sort(accepted_->begin(), accepted_->end(),
              [&](size_t a, size_t b) { return (*candidates_)[a].begin < (*candidates_)[b].begin; });
  }

  // The particle right after a reference ("머스크는" -> 는).
  void CheckParticle(Candidate* c) const {
    size_t e = c->end;
    while (e < text_.size() && text_[e] != ' ' && static_cast<unsigned char>(text_[e]) >= 0x80) ++e;
    const std::string_view rest = text_.substr(c->end, e - c->end);
    if (!rest.empty() && rules_.particles.IsParticleChain(rest)) c->particle = std::string(rest);
  }

  void Refuse(size_t begin, size_t end, const char* rule, std::string reason) {
    if (rejected_ == nullptr) return;
    Candidate c;
    c.begin = begin;
    c.end = end;
    c.sentence = sentence_;
    c.label = std::string(text_.substr(begin, end - begin));
    c.type = "Person";
    c.rule_id = rule;
    c.reason = std::move(reason);
    rejected_->push_back(std::move(c));
  }

  // "박 대표는", "황 CEO는", "차이 회장": a surname word right before a title.
  bool SurnameBeforeTitle(size_t k) {
    const Word& w = words_[k];
    // A Korean surname, or a foreign one ("머스크 CEO"), then the title.
    // (The title first: the words' titles are known by now.)
    if (k + 1 >= words_.size() || !w.tail.empty()) return false;
    const TitleEntry* title = TitleOf(words_[k + 1]);
    if (title == nullptr || !AllHangul(w.core)) return false;
    const std::string surname(w.core);
    std::string why;
    const auto person = Unique(
        [&](const NamedPersons::Person& p) {
          if (p.words.empty()) return false;
          // A Korean full name starting with the surname, or a name whose
          // last word is it.
          const bool native = p.words.size() == 1 && p.words[0].size() > surname.size() &&
                              p.words[0].compare(0, surname.size(), surname) == 0 && AllHangul(p.words[0]);
          return native || (p.words.size() > 1 && p.words.back() == surname);
        },
        &why);
    if (person) {
      AddReference(w.begin, w.end, (*person)->label, (*person)->entity, kSurnameTitle, title);
      return true;
    }
    // The gazetteer's one person of that surname and role.
    const int found = GazetteerPerson(surname, title->role);
    if (found >= 0) {
      AddReference(w.begin, w.end, rules_.entities[static_cast<size_t>(found)].canonical, found, kSurnameTitle, title);
      return true;
    }
    if (rules_.names.surnames.count(surname)) {
      Refuse(w.begin, w.end, kSurnameTitle,
             "surname \"" + surname + "\" with a title: " + why +
                 ", and no single gazetteer person has that surname and role");
    }
    return false;
  }

  // "김태윤 SK텔레콤 … 담당은", "뤄푸리는": an earlier person's name written
  // again in full, where no title or organization licensed it by grammar.
  bool RepeatedName(size_t k) {
    for (const NamedPersons::Person& p : persons_) {
      const size_t n = p.words.size();
      if (n == 0 || k + n > words_.size()) continue;
      bool same = true;
      for (size_t i = 0; same && i + 1 < n; ++i) {
        same = words_[k + i].tail.empty() && (i == 0 || words_[k + i].lead.empty()) && words_[k + i].core == p.words[i];
      }
      if (!same) continue;
      const Word& last = words_[k + n - 1];
      // (The stem below is a prefix of the word: a word that does not
      // start with the name's last word cannot match.)
      if (!StartsWith(last.core, p.words[n - 1])) continue;
      const bool hangul = AllHangul(last.core);
      const std::string_view stem = hangul ? Stem(last.core) : last.core;
      if (stem != p.words[n - 1]) continue;
      // A Korean name of one word needs two syllables; a foreign name of
      // one word is a surname (BareSurname's).
      if (n == 1 && (!hangul || stem.size() < 6)) continue;
      if (Covered(words_[k].begin, last.begin + stem.size())) continue;
      AddReference(words_[k].begin, last.begin + stem.size(), p.label, p.entity, kRepeated, nullptr);
      return true;
    }
    return false;
  }

  // "머스크는", "Zuckerberg said": the last word of an earlier person's
  // name, alone.
  void BareSurname(size_t k) {
    const Word& w = words_[k];
    // (Most words start with no word of an earlier person's name at all.)
    const bool possible = std::any_of(persons_.begin(), persons_.end(), [&](const NamedPersons::Person& p) {
      return p.words.size() > 1 && (StartsWith(w.core, p.words.back()) || StartsWith(w.core, p.words.front()));
    });
    if (!possible) return;
    const bool hangul = AllHangul(w.core);
    // A name may end as a particle does ("피차이", not "피차" + 이): the
    // whole word first, then its stem.
    if (hangul && Stem(w.core) != w.core && BareSurname(k, w.core)) return;
    BareSurname(k, hangul ? Stem(w.core) : w.core);
  }
  bool BareSurname(size_t k, std::string_view stem) {
    const Word& w = words_[k];
    const bool hangul = AllHangul(w.core);
    if (hangul ? stem.size() < 6 : (stem.size() < 2 || !IsAsciiUpper(stem[0]))) return false;  // two syllables, a capital
    if (!hangul && !(w.tail.empty() || w.tail == "'s" || w.tail.find_first_not_of(",.;:!?\"'”’)") == std::string::npos)) {
      return false;
    }
    // Not the first word of a longer capitalized name ("Huang Renxun").
    if (!hangul && k + 1 < words_.size() && w.tail.empty() && !words_[k + 1].core.empty() &&
        IsAsciiUpper(words_[k + 1].core[0])) {
      return false;
    }
    const std::string surname(stem);
    std::string why;
    // East Asian names in Latin letters put the surname first ("Wang Hao",
    // "Lee Sang-hoon": "Wang said").
    const bool first_word = !hangul && rules_.names.surnames_first.count(surname) > 0;
    const auto person = Unique(
        [&](const NamedPersons::Person& p) {
          return p.words.size() > 1 && (p.words.back() == surname || (first_word && p.words.size() == 2 &&
                                                                        p.words.front() == surname));
        },
        &why);
    if (!person) return false;
    AddReference(w.begin, w.begin + stem.size(), (*person)->label, (*person)->entity, kSurname, nullptr);
    return true;
  }

  // A one-word foreign name a title licensed ("케인 CFO는") that is the
  // surname of a person named in full earlier refers to that person.
  void RelabelSingleWordNames() {
    std::vector<size_t> unresolved;
    for (size_t i : *accepted_) {
      Candidate& c = (*candidates_)[i];
      const bool org_between = c.rule_id == "ko.name.word-org-title";
      if (c.rule_id != "ko.name.surname-title" && !org_between) continue;
      std::string why;
      const auto person = Unique(
          [&](const NamedPersons::Person& p) { return p.words.size() > 1 && p.words.back() == c.label; }, &why);
      if (person) {
        c.label = (*person)->label;
        c.entity = (*person)->entity;
        c.rule_id = kSurnameTitle;
        continue;
      }
      // The gazetteer's one person of that surname and the title's role
      // ("차이 회장" -> Joe Tsai).
      const auto role = c.attributes.find("role");
      const int found = GazetteerPerson(c.label, role == c.attributes.end() ? "" : role->second);
      if (found < 0) {
        // A full name after all: glossed in Han or Latin letters
        // ("탕제(唐杰) 교수"), long ("우융후이 연구원"), or before an
        // organization ("류첸 란싱AI 창업자").
        const bool glossed = c.end < text_.size() && text_[c.end] == '(';
        if (glossed || c.label.size() >= 9 || org_between) {
          c.rule_id = "ko.name.foreign-title";
        } else {
          unresolved.push_back(i);
        }
        continue;
      }
      c.label = rules_.entities[static_cast<size_t>(found)].canonical;
      c.entity = found;
      c.attributes.clear();
      c.rule_id = kSurnameTitle;
    }
    // A lone word before a title that refers to nobody is no name.
    for (size_t i : unresolved) {
      accepted_->erase(std::find(accepted_->begin(), accepted_->end(), i));
      if (rejected_ == nullptr) continue;
      Candidate c = (*candidates_)[i];
      c.reason = "one word before a title refers to nobody the document named in full, nor to one gazetteer "
                 "person of that surname and role";
      rejected_->push_back(std::move(c));
    }
  }

  // The one gazetteer person whose name ends with `surname` and whose role
  // is `role`, or -1.
  int GazetteerPerson(const std::string& surname, const std::string& role) const {
    const auto it = rules_.persons_by_last_token.find(surname);
    if (it == rules_.persons_by_last_token.end() || role.empty()) return -1;
    int found = -1;
    for (int e : it->second) {
      const auto& attrs = rules_.entities[static_cast<size_t>(e)].attributes;
      const auto r = attrs.find("role");
      if (r == attrs.end() || r->second != role) continue;
      if (found >= 0) return -1;
      found = e;
    }
    return found;
  }

  const RulePackData& rules_;
  std::string_view text_;
  int sentence_;
  const std::vector<NamedPersons::Person>& persons_;
  std::vector<Candidate>* candidates_;
  std::vector<size_t>* accepted_;
  std::vector<Candidate>* rejected_;
  std::vector<Word> own_words_;  // when the caller has none
  const std::vector<Word>& words_;
};

}  // namespace

void NamedPersons::AddSentence(std::string_view text, const std::vector<Candidate>& candidates,
                               const std::vector<size_t>& accepted) {
  for (size_t i : accepted) {
    const Candidate& c = candidates[i];
    if (c.type != "Person" || IsReferenceRule(c.rule_id) || c.rule_id.rfind("coref.", 0) == 0) continue;
    Person p;
    p.label = c.label;
    p.entity = c.entity;
    for (std::string_view word : SplitAtSpaces(text.substr(c.begin, c.end - c.begin))) p.words.emplace_back(word);
    const bool known = std::any_of(persons_.begin(), persons_.end(), [&](const Person& q) {
      return q.label == p.label && q.entity == p.entity && q.words == p.words;
    });
    if (!known && !p.words.empty()) persons_.push_back(std::move(p));
  }
}

void ResolveReferences(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end,
                       int sentence, const NamedPersons& persons, std::vector<Candidate>* candidates,
                       std::vector<size_t>* accepted, std::vector<Candidate>* rejected,
                       const std::vector<Word>* words) {
  Resolver(rules, text, sentence_begin, sentence_end, sentence, persons, candidates, accepted, rejected, words).Run();
}

void ResolveHeadline(const RulePackData& rules, std::string_view text, size_t sentence_begin, size_t sentence_end,
                     const NamedPersons& persons, std::vector<Candidate>* candidates, std::vector<size_t>* accepted,
                     std::vector<Candidate>* rejected, const std::vector<Word>* words) {
  Resolver(rules, text, sentence_begin, sentence_end, 0, persons, candidates, accepted, nullptr, words).Run();
  if (rejected == nullptr) return;
  rejected->erase(std::remove_if(rejected->begin(), rejected->end(),
                                 [&](const Candidate& r) {
                                   return IsReferenceRule(r.rule_id) &&
                                          std::any_of(accepted->begin(), accepted->end(), [&](size_t i) {
                                            const Candidate& c = (*candidates)[i];
                                            return c.begin == r.begin && c.end == r.end;
                                          });
                                 }),
                  rejected->end());
}

bool IsReferenceRule(std::string_view rule_id) { return rule_id.rfind("coref.surname", 0) == 0; }

}  // namespace claimgraph::internal
