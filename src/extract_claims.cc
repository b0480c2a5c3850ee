// SPDX-License-Identifier: Apache-2.0
// Stage 4c, extract claims. A pack's attribution rules run first, in
// priority order (a claim whose content overlaps an accepted one is
// dropped); then the claims the cues find, each speaker searched where its
// cue says (SpeakerSearch). A speaker that cannot be resolved is never
// guessed: the claim is kept as "unresolved", without a speaker.
#include "extract_claims.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <iterator>
#include <string>
#include <unordered_map>

#include "claim_cues.h"
#include "internal/stage_times.h"
#include "entity_ids.h"
#include "placeholders.h"
#include "rule_pack.h"
#include "screen.h"
#include "segment.h"
#include "words.h"

namespace claimgraph::internal {
namespace {

const CueEntry* LookupCue(const RulePackData& rules, std::string_view cue) { return FindCue(rules.cues, cue); }


// The document's candidates so far, and the speakers this sentence adds
// after them (index all.size() + k).
class Mentions {
 public:
  Mentions(const std::vector<Candidate>& all, const std::vector<size_t>& accepted, std::vector<Candidate>* added)
      : all_(all), accepted_(accepted), added_(added) {}
  const Candidate& operator[](size_t idx) const {
    return idx < all_.size() ? all_[idx] : (*added_)[idx - all_.size()];
  }
  // Adds a speaker mention; returns its index.
  long Add(Candidate c) {
    added_->push_back(std::move(c));
    return static_cast<long>(all_.size() + added_->size() - 1);
  }
  // The nearest accepted mention of `type` that starts before `before`.
  long NearestAntecedent(size_t before, const std::string& type) const {
    long best = -1;
    auto consider = [&](size_t idx) {
      const Candidate& c = (*this)[idx];
      if (c.type != type || c.begin >= before) return;
      if (best < 0 || c.begin > (*this)[static_cast<size_t>(best)].begin) best = static_cast<long>(idx);
    };
    for (size_t idx : accepted_) consider(idx);
    for (size_t k = 0; k < added_->size(); ++k) consider(all_.size() + k);
    return best;
  }

 private:
  const std::vector<Candidate>& all_;
  const std::vector<size_t>& accepted_;
  std::vector<Candidate>* added_;
};

// The entities of `indices` inside the claim's content, and its subject
// (the first in 은/는/이/가, or an English one that opens the content).
void ContentMentions(const Mentions& mentions, const std::vector<size_t>& indices, CandidateClaim* claim) {
  for (size_t idx : indices) {
    const Candidate& c = mentions[idx];
    if (c.begin < claim->content_begin || c.end > claim->content_end) continue;
    claim->mentions.push_back(idx);
    const bool korean_subject = c.particle == "은" || c.particle == "는" || c.particle == "이" || c.particle == "가";
    const bool english_subject = c.begin == claim->content_begin && c.particle.empty();
    if (claim->about < 0 && (korean_subject || english_subject)) claim->about = static_cast<long>(idx);
  }
}

// Whether one person at a time holds `role` in an organization (its chief
// executive, not one of its professors): only such a role can speak for
// a person the text does not name.
bool SingleHolder(std::string_view role) {
  static constexpr std::string_view kRoles[] = {"ceo",      "chairman", "president", "cfo",  "cto", "coo",
                                                "cso",      "cio",      "caio",      "cpo",  "vice chairman",
                                                "minister", "governor", "mayor",     "spokesperson", "prime minister"};
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
}

// An organization's role speaks ("알리바바 CEO"): the one gazetteer person
// with that role there, else a role node ("Alibaba CEO"). The speaker
// mention spans the organization's start to `end`; returns its index.
long AddRoleSpeaker(const RulePackData& rules, Mentions* mentions, long org, const std::string& role, size_t end,
                    int sentence) {
  const Candidate& who = (*mentions)[static_cast<size_t>(org)];
  Candidate person;
  person.begin = who.begin;
  person.end = end;
  person.sentence = sentence;
  person.priority = 0;
  person.rule_id = "coref.org-role";
  person.type = "Person";
  const std::string org_id = who.entity >= 0 ? rules.entities[static_cast<size_t>(who.entity)].id : "";
  const auto found = org_id.empty() ? rules.persons_by_affiliation_role.end()
                                    : rules.persons_by_affiliation_role.find(AffiliationRoleKey(org_id, role));
  if (found != rules.persons_by_affiliation_role.end() && found->second.size() == 1) {
    person.entity = found->second.front();
    person.label = rules.entities[static_cast<size_t>(person.entity)].canonical;
  } else {
    // "Alibaba CTO", "Alibaba chairman": short roles are acronyms.
    std::string role_word = role;
    if (role_word.size() <= 3) {
      for (char& ch : role_word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    }
    person.label = who.label + " " + role_word;
    person.attributes["role"] = role;
    person.attributes["affiliation"] = EntityIdOf(rules, who);
  }
  return mentions->Add(std::move(person));  // (`who` is not read after this: it may move)
}

// Trims spaces, commas and a final period from a content span, and the
// quotes around a content that is one whole quotation.
void TrimContent(std::string_view text, size_t* b, size_t* e) {
  while (*b < *e && (text[*b] == ' ' || text[*b] == ',')) ++*b;
  while (*e > *b && (text[*e - 1] == ' ' || text[*e - 1] == ',' || text[*e - 1] == '.')) --*e;
  if (*e >= *b + 2 && text[*b] == '"' && text[*e - 1] == '"' &&
      text.substr(*b + 1, *e - *b - 2).find('"') == std::string_view::npos) {
    ++*b;
    --*e;
  }
}

// The modality and negation of a claim: the cue's, then the content's
// own hedges (claims/hedges.txt) and a negated main predicate.
void ApplyModality(const RulePackData& rules, std::string_view content, bool english, CandidateClaim* claim) {
  if (claim->modality == "asserted") {
    for (const std::string& hedge : rules.hedges) {
      const bool at_end = !hedge.empty() && hedge.back() == '$';
      const std::string_view marker = at_end ? std::string_view(hedge).substr(0, hedge.size() - 1) : hedge;
      const bool found = at_end ? EndsWith(content, marker) : content.find(marker) != std::string_view::npos;
      if (found) claim->modality = "hedged";
    }
  }
  if (claim->negated) return;
  if (english) {
    // A contrast ("memory, not chip design, is …", "not only") negates
    // nothing.
    const std::string padded = " " + std::string(content) + " ";
    for (const std::string_view n : {" not ", "n't ", " never ", " no longer "}) {
      for (size_t at = padded.find(n); at != std::string::npos; at = padded.find(n, at + 1)) {
        const bool contrast = n == " not " && ((at > 0 && padded[at - 1] == ',') || padded.compare(at + n.size(), 4, "only") == 0);
        if (!contrast) claim->negated = true;
      }
    }
    return;
  }
  // The last two words: "…하지 않는다", "…가 아니다", "…할 필요가 없다".
  size_t cut = content.size();
  for (int words = 0; words < 2 && cut > 0; ++words) {
    const size_t space = content.rfind(' ', cut - 1);
    cut = space == std::string_view::npos ? 0 : space;
  }
  const std::string_view tail = content.substr(cut);
  for (const std::string_view n : {"않", "아니", "없", "못했", "못한", "못할", "못하", "말라", "마라", "말아"}) {
    if (tail.find(n) != std::string_view::npos) claim->negated = true;
  }
}

// Korean topic and subject particles a speaker carries ("김 대표는",
// "회사 측은", "전문가들도").
bool EndsWithTopic(std::string_view word) {
  for (const std::string_view p : {"은", "는", "도", "께서는", "께서"}) {
    if (EndsWith(word, p)) return true;
  }
  return false;
}

// Finds speakers for the claims a cue found: the entity of a subject
// phrase, a pronoun resolved to its antecedent, a group, an organization's
// official, or the speaker before; never a guess.
class SpeakerSearch {
 public:
  SpeakerSearch(const RulePackData& rules, std::string_view text, size_t sentence_begin, int sentence,
                Mentions* mentions, const std::vector<size_t>& accepted, ClaimContext* context,
                const std::vector<Word>& words)
      : rules_(rules),
        text_(text),
        sentence_(sentence),
        mentions_(*mentions),
        accepted_(accepted),
        context_(*context),
        sentence_begin_(sentence_begin),
        words_(words) {}

  // The organization named in [b, e) (a medium that reports), or -1.
  long Medium(size_t b, size_t e) const {
    const long m = MentionIn(b, e);
    return m >= 0 && mentions_[static_cast<size_t>(m)].type == "Organization" ? m : -1;
  }

  // Sets `claim`'s speaker for `match`; may move the content's start past
  // the speaker's phrase. False when the claim should not be kept.
  bool Resolve(const CueMatch& match, CandidateClaim* claim) {
    english_ = match.english;
    switch (match.speaker) {
      case CueMatch::Speaker::kNone:
        claim->speaker_status = "unattributed";
        return true;
      case CueMatch::Speaker::kPrevious:
        return Previous(claim) || Unresolved(claim);
      case CueMatch::Speaker::kSource:
        return InSpan(match.source_begin, match.source_end, claim) || Unattributed(claim);
      case CueMatch::Speaker::kAfter:
        // A headline's quotation with no name before it is nobody's claim.
        if (match.rule == "ko.claim.headline") return After(match, claim);
        if (match.english) return After(match, claim) || Unresolved(claim);
        [[fallthrough]];
      case CueMatch::Speaker::kSubject:
      case CueMatch::Speaker::kSubjectOrNone:
        break;
    }
    if (match.english) {
      if (EnglishSubject(match, claim)) return true;
    } else {
      if (match.after_end > match.after_begin && InSpan(match.after_begin, match.after_end, claim)) return true;
      if (KoreanSubject(match, claim)) return true;
    }
    if (match.speaker == CueMatch::Speaker::kSubjectOrNone) return Unattributed(claim);
    // A plural subject that opens the clause and names no one we know
    // ("… 중국 칩 업체들은 …다고 발표했다") is no zero subject.
    if (!match.english && PluralSubject(match)) return Unresolved(claim);
    // A zero subject: the speaker of the claim just before ("그러면서 …고
    // 덧붙였다"), unless an entity stands where a subject would.
    if (HasEntity(match.subject_floor, match.quoted ? match.subject_limit : claim->content_begin + 1)) {
      return Unresolved(claim);
    }
    return Previous(claim) || Unresolved(claim);
  }

 private:
  bool Unresolved(CandidateClaim* claim) {
    claim->speaker_status = "unresolved";
    return true;
  }
  bool Unattributed(CandidateClaim* claim) {
    claim->speaker_status = "unattributed";
    return true;
  }

  bool Previous(CandidateClaim* claim) {
    if (context_.last_speaker < 0 || sentence_ - context_.last_sentence > 2) return false;
    claim->speaker = context_.last_speaker;
    claim->speaker_status = context_.last_status == "named" ? "coreference" : context_.last_status;
    claim->coref_rule = context_.last_coref_rule.empty() ? "coref.previous-speaker" : context_.last_coref_rule;
    claim->coref_begin = context_.last_coref_begin;
    claim->coref_end = context_.last_coref_end;
    if (claim->coref_end <= claim->coref_begin) {  // the speaker before was named: point at that name
      const Candidate& named = mentions_[static_cast<size_t>(context_.last_speaker)];
      claim->coref_begin = named.begin;
      claim->coref_end = named.end;
    }
    return true;
  }

  // Whether normalized byte `at` lies inside a quotation of the document.
  bool Quoted(size_t at) const {
    return std::any_of(context_.quoted.begin(), context_.quoted.end(),
                       [&](const auto& q) { return at >= q.first && at < q.second; });
  }

  // The accepted mention of a speaker's type inside [b, e): a person first,
  // then an organization, a group, a place.
  long MentionIn(size_t b, size_t e) const {
    long best = -1;
    int best_rank = 99;
    auto rank = [](const std::string& type) {
      if (type == "Person") return 0;
      if (type == "Organization") return 1;
      if (type == "Group") return 2;
      if (type == "Location") return 3;
      return 99;
    };
    for (size_t idx : accepted_) {
      const Candidate& c = mentions_[idx];
      if (c.begin < b || c.end > e || Quoted(c.begin)) continue;
      // A name in an oblique case ("허깅페이스와", "깃허브에 올린") is no
      // speaker, unless it ends the span ("블룸버그에 따르면").
      if (IsOblique(c.particle) && c.end + c.particle.size() < e) continue;
      const int r = rank(c.type);
      if (r < best_rank || (r == best_rank && best >= 0 && c.begin > mentions_[static_cast<size_t>(best)].begin)) {
        best = static_cast<long>(idx);
        best_rank = r;
      }
    }
    return best;
  }

  static bool IsOblique(std::string_view particle) {
    for (const std::string_view p : {"에", "에서", "와", "과", "로", "으로", "을", "를", "에게", "까지", "부터", "보다", "처럼"}) {
      if (particle == p) return true;
    }
    return false;
  }

  bool Named(long idx, CandidateClaim* claim) {
    claim->speaker = idx;
    claim->speaker_status = "named";
    return true;
  }

  // A pronoun or a definite description ("그는", "이 회사는", "he", "the
  // company") in [b, e), resolved to the last person or organization
  // outside quotations before it.
  bool Pronoun(size_t b, size_t e, CandidateClaim* claim) {
    const std::string_view span = text_.substr(b, e - b);
    for (const auto& [word, type] : rules_.pronouns) {
      size_t at = span.find(word);
      while (at != std::string_view::npos) {
        const size_t end = at + word.size();
        const bool left = at == 0 || span[at - 1] == ' ';
        const bool right = end == span.size() || span[end] == ' ' || span[end] == ',' ||
                           rules_.particles.IsParticleChain(span.substr(end, span.find(' ', end) == std::string_view::npos
                                                                                       ? std::string_view::npos
                                                                                       : span.find(' ', end) - end));
        if (left && right) {
          claim->coref_rule = "coref.pronoun";
          claim->coref_begin = b + at;
          claim->coref_end = b + end;
          // After its content ("…앞섰다고 회사 측은 밝혔다") a pronoun
          // refers to what came before the content.
          // (In English, "…, the company said" refers to the content's own
          // subject as often as not: "Mistral AI has raised …, the companies said".)
          const size_t before = b + at >= claim->content_end && !english_ ? claim->content_begin : b + at;
          claim->speaker = Antecedent(before, type, english_);
          claim->speaker_status = claim->speaker >= 0 ? "coreference" : "unresolved";
          return true;
        }
        at = span.find(word, at + 1);
      }
    }
    return false;
  }

  // Whether a Korean mention is its clause's topic or subject: it carries
  // 은/는/이/가/도 itself, or the phrase it opens does ("코라이 카부쿠오글루
  // 딥마인드 최고기술책임자(CTO)는").
  bool TopicMarked(const Candidate& c) const {
    auto topic = [](std::string_view p) {
      return p == "은" || p == "는" || p == "이" || p == "가" || p == "도" || p == "께서는";
    };
    if (!c.particle.empty()) return topic(c.particle);
    size_t at = c.end;
    for (int words = 0; words < 4 && at < text_.size() && text_[at] == ' '; ++words) {
      const size_t b = at + 1;
      size_t e = b;
      while (e < text_.size() && text_[e] != ' ') ++e;
      std::string_view w = text_.substr(b, e - b);
      const size_t close = w.rfind(')');
      if (close != std::string_view::npos) w = w.substr(close + 1);
      if (w.empty()) {
        at = e;
        continue;
      }
      if (w.find_first_of(",.\"'") != std::string_view::npos) return false;
      for (const std::string_view p : {"은", "는", "이", "가", "도"}) {
        if (EndsWith(w, p)) return true;
      }
      if (EndsWithCase(w)) return false;
      at = e;
    }
    return false;
  }

  // Whether an English mention opens its sentence: nothing but capitalized
  // words (a dateline, "The") before it since the sentence's start.
  bool OpensSentence(const Candidate& c) const {
    size_t at = c.begin;
    while (at > 0) {
      const char ch = text_[at - 1];
      if (ch == '.' || ch == '!' || ch == '?' || ch == '\n' || ch == '"') return true;
      if (ch >= 'a' && ch <= 'z') {
        // A lower-case word: only "the" may stand before the subject.
        size_t b = at - 1;
        while (b > 0 && text_[b - 1] != ' ' && text_[b - 1] != '\n') --b;
        if (text_.substr(b, at - b) != "the") return false;
        at = b;
        continue;
      }
      --at;
    }
    return true;
  }

  // What a pronoun or a description of `type` before `before` refers to.
  // Korean: the nearest earlier mention of that type marked as a topic or
  // subject ("카부쿠오글루 CTO는 …. …고 그는 말했다"); else, and in English,
  // the last speaker if recent, else the nearest mention. Never one inside
  // a quotation.
  long Antecedent(size_t before, const std::string& type, bool english) const {
    auto nearest = [&](bool topic_only) {
      long best = -1;
      for (size_t idx : accepted_) {
        const Candidate& c = mentions_[idx];
        if (c.type != type || c.begin >= before || Quoted(c.begin)) continue;
        if (topic_only && !TopicMarked(c)) continue;
        if (best < 0 || c.begin > mentions_[static_cast<size_t>(best)].begin) best = static_cast<long>(idx);
      }
      return best;
    };
    if (!english) {
      const long topic = nearest(true);
      if (topic >= 0) return topic;
    } else if (type == "Organization") {
      // "the company", "it": the nearest organization that opened its
      // sentence as its subject ("Huawei claimed …. The company said …");
      // else the one the story is about, named most often so far (the
      // first named of equals).
      long subject = -1;
      for (size_t idx : accepted_) {
        const Candidate& c = mentions_[idx];
        if (c.type != type || c.begin >= before || Quoted(c.begin) || !OpensSentence(c)) continue;
        if (subject < 0 || c.begin > mentions_[static_cast<size_t>(subject)].begin) subject = static_cast<long>(idx);
      }
      if (subject >= 0 && sentence_ - mentions_[static_cast<size_t>(subject)].sentence <= 2) return subject;
      std::unordered_map<std::string, std::pair<int, long>> seen;  // by label: count, first
      long best = -1;
      int best_count = 0;
      for (size_t idx : accepted_) {
        const Candidate& c = mentions_[idx];
        if (c.type != type || c.begin >= before || Quoted(c.begin)) continue;
        auto& [count, first] = seen.try_emplace(c.label, 0, static_cast<long>(idx)).first->second;
        ++count;
        if (c.begin < mentions_[static_cast<size_t>(first)].begin) first = static_cast<long>(idx);
      }
      for (const auto& [label, entry] : seen) {
        const auto& [count, first] = entry;
        if (count > best_count ||
            (count == best_count && mentions_[static_cast<size_t>(first)].begin < mentions_[static_cast<size_t>(best)].begin)) {
          best = first;
          best_count = count;
        }
      }
      return best;
    }
    if (context_.last_speaker >= 0 && sentence_ - context_.last_sentence <= 3 &&
        mentions_[static_cast<size_t>(context_.last_speaker)].type == type) {
      return context_.last_speaker;
    }
    return nearest(false);
  }

  // A group speaker ("전문가들은", "한 소식통은", "analysts") in [b, e).
  bool Group(size_t b, size_t e, CandidateClaim* claim) {
    const std::string_view span = text_.substr(b, e - b);
    std::string_view best_word;
    const std::string* best_label = nullptr;
    for (const auto& [word, label] : rules_.speaker_groups) {
      // (find, which looks for the first byte with memchr, says whether the
      // word is there at all; rfind, a byte at a time, then which is last.)
      if (word.size() <= best_word.size() || span.find(word) == std::string_view::npos) continue;
      const size_t at = span.rfind(word);
      if (at > 0 && span[at - 1] != ' ') continue;
      best_word = std::string_view(word);
      best_label = &label;
    }
    if (best_label == nullptr) return false;
    const size_t at = span.rfind(best_word);
    Candidate g;
    g.begin = b + at;
    g.end = g.begin + best_word.size();
    g.sentence = sentence_;
    g.label = *best_label;
    g.type = "Group";
    g.rule_id = "coref.group";
    claim->speaker = mentions_.Add(std::move(g));
    claim->speaker_status = "group";
    return true;
  }

  // A speaker in [b, e): a mention, a pronoun, a group; "X 관계자" is X's.
  bool InSpan(size_t b, size_t e, CandidateClaim* claim) {
    if (e <= b) return false;
    const long m = MentionIn(b, e);
    if (m >= 0) {
      Named(m, claim);
      // "네이버 관계자는", "퓨리오사AI 측은": the organization speaks through
      // an unnamed official, and the claim records it.
      const Candidate& org = mentions_[static_cast<size_t>(m)];
      const std::string_view rest = text_.substr(org.end, e - org.end);
      if (org.type != "Organization") return true;
      for (const std::string_view official : {" 관계자", " 측", "측"}) {
        if (rest.substr(0, official.size()) != official) continue;
        claim->coref_rule = "coref.org-official";
        claim->coref_begin = org.begin;
        claim->coref_end = org.end + official.size();
        break;
      }
      return true;
    }
    if (Pronoun(b, e, claim)) return true;
    return Group(b, e, claim);
  }

  // Whether a Korean word ends with a case particle that no speaker's
  // phrase word carries ("미국의", "뒤를", "경쟁에서").
  static bool EndsWithCase(std::string_view word) {
    for (const std::string_view p : {"의", "을", "를", "에", "에서", "로", "으로", "와", "과", "에게", "까지", "부터"}) {
      if (EndsWith(word, p)) return true;
    }
    return false;
  }

  // A Korean word's particle: the end of its core ("대표는"), or what
  // follows a parenthesized gloss ("최고경영자(CEO)는"); `stem_end` is where
  // the word's stem ends. Empty when the word carries none of `particles`.
  std::string_view ParticleOf(const Word& w, std::initializer_list<std::string_view> particles,
                              size_t* stem_end) const {
    std::string_view host = w.core;
    size_t host_end = w.end;
    if (!w.tail.empty()) {
      const size_t close = w.tail.rfind(')');
      if (w.tail.front() != '(' || close == std::string_view::npos || close + 1 >= w.tail.size()) return {};
      host = w.tail.substr(close + 1);
      host_end = w.end + w.tail.size();
      for (const std::string_view p : particles) {
        if (host == p) {
          *stem_end = w.end;
          return p;
        }
      }
      return {};
    }
    for (const std::string_view p : particles) {
      if (EndsWith(host, p) && host.size() > p.size()) {
        *stem_end = host_end - p.size();
        return p;
      }
    }
    return {};
  }

  // Whether a word ends its phrase with a gloss and nothing else:
  // "왕샤오촨(王小川)", "오픈AI(OpenAI)".
  static bool GlossOnly(const Word& w) {
    return w.tail.size() >= 2 && w.tail.front() == '(' && w.tail.back() == ')';
  }

  // Whether word k, its stem ending at `stem_end`, can name a speaker: an
  // entity ends in it, or it is a title or a word of a speaker group or
  // pronoun ("알리바바는", "대표는", "관계자는", "그는", "회사 측은").
  bool SpeakerWord(size_t k, size_t stem_end) const {
    const Word& w = words_[k];
    for (size_t idx : accepted_) {
      const Candidate& c = mentions_[idx];
      if (c.end > w.begin && c.end <= stem_end && c.end + 3 >= stem_end) return true;
    }
    const std::string stem(text_.substr(w.begin, stem_end - w.begin));
    if (rules_.title_roles.count(stem) || rules_.speaker_groups.count(stem) || rules_.pronouns.count(stem)) return true;
    if ((stem == "일각" || stem == "안팎") && k > 0 && words_[k - 1].tail.empty() &&
        rules_.speaker_groups.count(std::string(words_[k - 1].core))) {
      return true;  // "업계 일각에서는", "업계 안팎에서는": some of a group, or around it
    }
    if (stem == "측" || stem == "관계자" || stem == "관계자들" || stem == "당국" || stem == "정부") return true;
    if (IsUnit(k)) return true;
    for (const size_t length : rules_.names.title_suffix_lengths) {
      if (stem.size() >= length && rules_.names.IsSuffixTitle(std::string_view(stem).substr(stem.size() - length))) {
        return true;
      }
    }
    return false;
  }

  // Whether word k names a unit of an organization ("사업부는", "연구소"):
  // the organization named before it speaks ("알리바바의 클라우드 사업부는").
  bool IsUnit(size_t k) const {
    const std::string_view core = words_[k].core;
    for (const std::string_view unit : {"사업부", "부문", "연구소", "본부", "위원회", "재단", "연구팀", "개발팀"}) {
      const size_t at = core.rfind(unit);
      if (at != std::string_view::npos &&
          (at + unit.size() == core.size() || rules_.particles.IsParticleChain(core.substr(at + unit.size())))) {
        return true;
      }
    }
    return false;
  }

  // Whether the words before word k back to `floor` are all bare or
  // glossed: word k ends the phrase that opens the clause.
  bool OpensClause(size_t k, size_t floor) const {
    for (size_t j = k; j-- > 0 && words_[j].begin >= floor;) {
      if (!(words_[j].tail.empty() || GlossOnly(words_[j])) || EndsWithTopic(words_[j].core) ||
          EndsWithCase(words_[j].core)) {
        return false;
      }
    }
    return true;
  }

  // Korean: the topic-marked phrase before the content or the cue (the
  // first one, for a clause; the last one before a quotation), or a
  // subject-marked entity that opens the clause. "X 또한", "X 역시" mark X.
  bool KoreanSubject(const CueMatch& match, CandidateClaim* claim) {
    std::vector<size_t> topics;
    for (size_t k = 0; k < words_.size(); ++k) {
      const Word& w = words_[k];
      if (w.begin < match.subject_floor || w.end > match.subject_limit || Quoted(w.begin)) continue;
      if ((w.core == "또한" || w.core == "역시") && k > 0 && words_[k - 1].begin >= match.subject_floor &&
          (words_[k - 1].tail.empty() || GlossOnly(words_[k - 1]))) {
        if (SpeakerWord(k - 1, words_[k - 1].end)) topics.push_back(k - 1);
        continue;
      }
      size_t stem_end = 0;
      const std::string_view particle = ParticleOf(w, {"에서는", "께서는", "께서", "은", "는", "도"}, &stem_end);
      // "X도" marks a speaker only where the clause opens ("전문가들도
      // …"); inside it X is what is said ("…오픈AI도 인수를 검토해야").
      if (particle == "도" && !OpensClause(k, match.subject_floor)) continue;
      if (!particle.empty() && SpeakerWord(k, stem_end)) topics.push_back(k);
    }
    size_t k = 0;
    if (!topics.empty()) {
      k = match.quoted ? topics.back() : topics.front();
    } else {
      // "정부가 …다고 밝혔다": a subject-marked entity opening the
      // sentence (after a first claim, "…라며 딥시크가 …다고 말했다", it is
      // what is said).
      if (match.subject_floor > sentence_begin_) return false;
      // The phrase: bare words, then the one that carries 이/가
      // ("누리그룹 박서준 대표가").
      size_t first = 0;
      while (first < words_.size() && words_[first].end <= match.subject_floor) ++first;
      size_t stem_end = 0;
      size_t last = first;
      while (last < words_.size() && last < first + 5 && ParticleOf(words_[last], {"이", "가"}, &stem_end).empty()) {
        if (!(words_[last].tail.empty() || GlossOnly(words_[last])) || EndsWithTopic(words_[last].core) ||
            EndsWithCase(words_[last].core)) {
          return false;
        }
        ++last;
      }
      if (last >= words_.size() || words_[last].end > match.subject_limit ||
          ParticleOf(words_[last], {"이", "가"}, &stem_end).empty()) {
        return false;
      }
      const long m = MentionIn(words_[first].begin, words_[last].end + words_[last].tail.size());
      if (m < 0 || (mentions_[static_cast<size_t>(m)].type != "Person" &&
                    mentions_[static_cast<size_t>(m)].type != "Organization")) {
        return false;
      }
      k = last;
    }
    // The phrase: the topic word and up to five bare or glossed words
    // before it ("누리그룹 박서준 대표는", "KT 관계자는", "옌쥔제(闫俊杰)
    // 미니맥스 창업자 겸 CEO는").
    size_t p = k;
    while (p > 0 && k - p < 5 && words_[p - 1].begin >= match.subject_floor &&
           (words_[p - 1].tail.empty() || GlossOnly(words_[p - 1])) && !Quoted(words_[p - 1].begin) &&
           !EndsWithTopic(words_[p - 1].core) && !EndsWithCase(words_[p - 1].core)) {
      --p;
    }
    // A unit's organization in the genitive ("알리바바의 클라우드 사업부는").
    if (p > 0 && words_[p - 1].begin >= match.subject_floor && words_[p - 1].tail.empty() &&
        EndsWith(words_[p - 1].core, "의") && IsUnit(k)) {
      --p;
    }
    const size_t b = words_[p].begin, e = words_[k].end + words_[k].tail.size();
    if (!InSpan(b, e, claim)) return false;
    OrgRole(k, claim);
    // The content starts after the speaker's phrase (for a clause).
    size_t after = e;
    if (k + 1 < words_.size() && (words_[k + 1].core == "또한" || words_[k + 1].core == "역시")) after = words_[k + 1].end;
    if (!match.quoted && after > claim->content_begin && after < claim->content_end) {
      claim->content_begin = after;
      while (claim->content_begin < claim->content_end && text_[claim->content_begin] == ' ') ++claim->content_begin;
      SkipAdverbials(claim);
    }
    return true;
  }

  // Words of time and occasion that open a clause after its speaker
  // ("김 대표는 이날 …", "… 이 자리에서 …", "지난 7일 …") belong to the
  // report, not to what is said.
  void SkipAdverbials(CandidateClaim* claim) const {
    static constexpr std::string_view kWords[] = {"이날", "당시", "앞서", "또", "또한", "이어", "한편",
                                                  "그러면서", "이에", "다만", "특히"};
    // "한 행사에서", "지난달 기자간담회에서", "보고서에서", "서울 중구에서
    // 기자회견을 열고": where and in what it was said.
    static const RE2 kOccasion(
        "^((?:[^ ]+ ){0,2}(?:행사|자리|간담회|기자간담회|기자회견|회의|인터뷰|포럼|콘퍼런스|컨퍼런스|브리핑|"
        "설명회|발표회|세미나|강연|토론회|국정감사|청문회|보고서|블로그|성명|보도자료|자료|게시글|서한|편지)에서|"
        "(?:[^ ]+ ){0,2}[^ ]+에서 (?:기자회견|간담회|기자간담회|설명회|브리핑|토론회)을 열고) ");
    for (int rounds = 0; rounds < 3; ++rounds) {
      const std::string_view rest = text_.substr(claim->content_begin, claim->content_end - claim->content_begin);
      size_t skip = 0;
      for (const std::string_view w : kWords) {
        if (rest.substr(0, w.size()) == w && rest.size() > w.size() && rest[w.size()] == ' ') skip = w.size() + 1;
      }
      static const RE2 kWhen("^((?:지난 |오는 )?(?:[0-9]{4}년 )?(?:[0-9]{1,2}월 )?[0-9]{1,2}일(?:\\([^)]*\\))?|"
                             "[0-9]{4}년(?: [0-9]{1,2}월)?|[^ ]+ 자리에서) ");
      re2::StringPiece input(rest.data(), rest.size()), when;
      // (The patterns only where they may match: a digit or 지난/오는 first,
      // 에서 near the start.)
      const bool may_be_when = !rest.empty() && ((rest[0] >= '0' && rest[0] <= '9') || rest.substr(0, 6) == "지난" ||
                                                 rest.substr(0, 6) == "오는");
      if (skip == 0 && may_be_when && RE2::PartialMatch(input, kWhen, &when)) skip = when.size() + 1;
      const size_t at = rest.find("에서");
      if (skip == 0 && at != std::string_view::npos && at < 80 && RE2::PartialMatch(input, kOccasion, &when)) {
        skip = when.size() + 1;
      }
      if (skip == 0 || skip + 3 >= rest.size()) return;
      claim->content_begin += skip;
    }
  }

  // "알리바바 CEO 또한 …": an organization named before a title word (k)
  // speaks through that role.
  void OrgRole(size_t k, CandidateClaim* claim) {
    if (claim->speaker_status != "named") return;
    const Candidate& org = mentions_[static_cast<size_t>(claim->speaker)];
    const Word& t = words_[k];
    if (org.type != "Organization" || org.end > t.begin) return;
    size_t stem_end = t.end;
    ParticleOf(t, {"에서는", "께서는", "께서", "은", "는", "도", "이", "가"}, &stem_end);
    const auto role = rules_.title_roles.find(std::string(text_.substr(t.begin, stem_end - t.begin)));
    if (role == rules_.title_roles.end() || !SingleHolder(role->second)) return;
    claim->speaker_status = "role";
    claim->coref_rule = "coref.org-role";
    claim->coref_begin = org.begin;
    claim->coref_end = stem_end;
    claim->speaker = AddRoleSpeaker(rules_, &mentions_, claim->speaker, role->second, stem_end, sentence_);
  }

  // Whether the first topic of a Korean clause before its cue is a plural
  // noun phrase ("화웨이와 캠브리콘 등 중국 칩 업체들은", "기업들도").
  bool PluralSubject(const CueMatch& match) const {
    for (size_t k = 0; k < words_.size(); ++k) {
      const Word& w = words_[k];
      if (w.begin < match.subject_floor || w.end > match.subject_limit || Quoted(w.begin)) continue;
      size_t stem_end = 0;
      if (ParticleOf(w, {"은", "는", "도"}, &stem_end).empty()) continue;
      return EndsWith(text_.substr(w.begin, stem_end - w.begin), "들");
    }
    return false;
  }

  // Whether [floor, limit) holds an entity that could be a subject: then a
  // subject the grammar could not read is no zero subject.
  bool HasEntity(size_t floor, size_t limit) const {
    return std::any_of(accepted_.begin(), accepted_.end(), [&](size_t idx) {
      const Candidate& c = mentions_[idx];
      return c.begin >= floor && c.end <= limit && !Quoted(c.begin) &&
             (c.type == "Person" || c.type == "Organization" || c.type == "Group");
    });
  }

  // English: the subject right before the verb, with its appositive
  // ("Jane Doe, the chief executive of Acme, said", "The company's chief
  // executive, Wang Hao, told"); a relative clause ("The startup, which
  // is backed by Tencent, denied") is not part of it.
  bool EnglishSubject(const CueMatch& match, CandidateClaim* claim) {
    const size_t verb = match.subject_limit;
    size_t limit = verb;
    size_t k = words_.size();  // the last word before the verb
    for (size_t i = 0; i < words_.size(); ++i) {
      if (words_[i].end <= limit) k = i;
    }
    if (k < words_.size() && words_[k].tail == "," && k > 0) {
      size_t open = k;
      while (open > 0 && words_[open - 1].end > match.subject_floor && words_[open - 1].tail != ",") --open;
      if (open > 0 && words_[open - 1].tail == ",") {
        const std::string_view first = words_[open].core;
        const bool relative = first == "which" || first == "who" || first == "that" || first == "whose";
        limit = relative ? words_[open - 1].end : verb;
        k = open - 1;
      }
    }
    // The subject: the words before it back to punctuation (a possessive
    // "'s" and the appositive's commas kept), at most 90 bytes.
    size_t b = limit;
    for (size_t i = k + 1; i-- > 0;) {
      if (words_[i].begin < match.subject_floor || limit - words_[i].begin > 90) break;
      if (!words_[i].tail.empty() && i < k && words_[i].tail != "'s") break;
      b = words_[i].begin;
    }
    if (b >= limit) return false;
    return InSpan(b, limit, claim);
  }

  // After the cue: "“…,” said Jane Doe" / "she said"; a headline's name
  // right before its quotation.
  bool After(const CueMatch& match, CandidateClaim* claim) {
    if (match.rule == "ko.claim.headline") {
      // The last name before the quotation, with nothing but a comma or
      // a title after it ("장펑 CEO \"…\"").
      long best = -1;
      for (size_t idx : accepted_) {
        const Candidate& c = mentions_[idx];
        if (c.begin < match.subject_floor || c.end > match.after_end) continue;
        std::string_view gap = text_.substr(c.end, match.after_end - c.end);
        while (!gap.empty() && (gap.front() == ' ' || gap.front() == ',' || gap.front() == ':')) gap.remove_prefix(1);
        while (!gap.empty() && (gap.back() == ' ' || gap.back() == ',' || gap.back() == ':')) gap.remove_suffix(1);
        if (!gap.empty() && (c.type != "Person" || !rules_.title_roles.count(std::string(gap)))) continue;
        if (c.type == "Person" || c.type == "Organization") best = static_cast<long>(idx);
      }
      // Else the person or organization the headline opens with, its
      // subject ("크래프톤, … 프로그램…"감원 목적 아냐"", "中 즈푸AI, …").
      if (best < 0) {
        for (size_t idx : accepted_) {
          const Candidate& c = mentions_[idx];
          if (c.begin < match.after_begin || c.end > match.after_end) continue;
          if (c.type != "Person" && c.type != "Organization") continue;
          std::string_view lead = text_.substr(match.after_begin, c.begin - match.after_begin);
          for (const std::string_view country : {"中 ", "美 ", "日 ", "韓 ", "北 ", "英 "}) {
            if (lead == country) lead = {};
          }
          if (lead.find_first_not_of(' ') == std::string_view::npos) best = static_cast<long>(idx);
        }
      }
      return best >= 0 && Named(best, claim);
    }
    // English: the first mention or pronoun after the quotation or verb.
    size_t e = match.after_end;
    const std::string_view span = text_.substr(match.after_begin, e - match.after_begin);
    const size_t stop = span.find_first_of(".;");
    if (stop != std::string_view::npos) e = match.after_begin + stop;
    return InSpan(match.after_begin, e, claim);
  }

  const RulePackData& rules_;
  std::string_view text_;
  int sentence_;
  Mentions& mentions_;
  const std::vector<size_t>& accepted_;
  ClaimContext& context_;
  size_t sentence_begin_;
  const std::vector<Word>& words_;
  bool english_ = false;  // the claim being resolved is English
};

// Claims of a pack's attribution rules over the sentence's placeholder
// view `view` (the matches its screen reports); a claim whose content
// overlaps an accepted one is dropped, except that a shorter content from
// the same start replaces a longer one.
void ApplyAttributionRules(const RulePackData& rules, std::string_view text, int sentence,
                           const PlaceholderSentence& view, const RuleMatches& matches, Mentions* mentions_ptr,
                           RuleTimes* times, std::vector<CandidateClaim>* claims) {
  Mentions& mentions = *mentions_ptr;
  matches.ForEach([&](int index, const std::vector<re2::StringPiece>& subs) {
    const AttributionRule& rule = rules.attribution_rules[static_cast<size_t>(index)];
    const RuleLap lap(RuleLap::Slot(times, &RuleTimes::attribution, index));
    const std::string_view content_group = Group(*rule.re, subs, "content");
    if (content_group.empty()) return;
    CandidateClaim claim;
    claim.rule = &rule;
    claim.rule_id = rule.id;
    claim.sentence = sentence;
    const PlaceholderSentence::Span content = view.Resolve(content_group);
    claim.content_begin = content.norm_begin;
    claim.content_end = content.norm_end;
    TrimContent(text, &claim.content_begin, &claim.content_end);
    if (claim.content_end <= claim.content_begin + 3) return;
    const PlaceholderSentence::Span whole = view.Resolve(std::string_view(subs[0].data(), subs[0].size()));
    claim.match_begin = whole.norm_begin;
    claim.match_end = whole.norm_end;

    // The cue and what it implies.
    claim.cue = rule.cue_lemma;
    const CueEntry* cue = nullptr;
    const std::string_view cue_group = Group(*rule.re, subs, "cue");
    if (!cue_group.empty()) {
      cue = LookupCue(rules, cue_group);
      if (cue == nullptr && claim.cue.empty()) return;  // a cue word the lexicon does not know
      if (cue != nullptr) claim.cue = cue->lemma;
    }
    claim.modality = !rule.modality.empty() ? rule.modality : (cue ? cue->modality : "asserted");
    claim.negated = rule.negated || (cue && cue->negated);
    if (claim.modality == "asserted") {
      const std::string_view content_text = text.substr(claim.content_begin, claim.content_end - claim.content_begin);
      for (const std::string& hedge : rules.hedges) {
        const bool at_end = !hedge.empty() && hedge.back() == '$';
        const std::string_view marker = at_end ? std::string_view(hedge).substr(0, hedge.size() - 1) : hedge;
        const bool found = at_end ? EndsWith(content_text, marker) : content_text.find(marker) != std::string_view::npos;
        if (found) claim.modality = "hedged";
      }
    }

    // Overlap with an accepted claim of this sentence: a medium reports
    // it; a shorter content from the same start replaces it (the longer
    // one swallowed a whole attribution: "…라고 말하며, …다고 전망했다");
    // otherwise the new claim loses.
    std::vector<size_t> replaced;
    for (size_t i = 0; i < claims->size(); ++i) {
      CandidateClaim& other = (*claims)[i];
      if (other.content_begin < claim.content_end && claim.content_begin < other.content_end) {
        if (rule.medium && other.medium < 0 && other.match_begin >= claim.content_begin) {
          const PlaceholderSentence::Span m = view.Resolve(Group(*rule.re, subs, "speaker"));
          if (m.mention >= 0) other.medium = m.mention;
          return;
        }
        if (!rule.medium && other.content_begin == claim.content_begin && claim.content_end < other.content_end) {
          replaced.push_back(i);
          continue;
        }
        return;
      }
    }

    // The speaker.
    if (rule.unattributed) {
      claim.speaker_status = "unattributed";
    } else if (rule.speaker_from_previous) {
      const CandidateClaim* previous = nullptr;
      for (size_t i = 0; i < claims->size(); ++i) {
        const CandidateClaim& other = (*claims)[i];
        if (other.content_end <= claim.content_begin &&
            (previous == nullptr || other.content_end > previous->content_end)) {
          previous = &other;
        }
      }
      if (previous == nullptr) return;  // only as the second claim of a sentence
      claim.speaker = previous->speaker;
      claim.speaker_status = previous->speaker_status;
      claim.coref_rule = previous->coref_rule;
      claim.coref_begin = previous->coref_begin;
      claim.coref_end = previous->coref_end;
    } else {
      const std::string_view speaker_group = Group(*rule.re, subs, "speaker");
      if (speaker_group.empty()) return;
      const PlaceholderSentence::Span s = view.Resolve(speaker_group);
      const std::string_view title = Group(*rule.re, subs, "title");
      // Words before the speaker ("AI 스타트업 소라테크 문태준 대표는",
      // "국내 AI 업계는") are allowed only before a person named with a
      // title, or a group.
      if (!Group(*rule.re, subs, "prefix").empty()) {
        const bool titled_person =
            s.mention >= 0 && mentions[static_cast<size_t>(s.mention)].type == "Person" && !title.empty();
        const bool group = s.raw && rules.speaker_groups.count(
                                        std::string(text.substr(s.norm_begin, s.norm_end - s.norm_begin)));
        if (!titled_person && !group) return;
      }
      if (s.mention >= 0) {
        claim.speaker = s.mention;
        claim.speaker_status = "named";
        const Candidate& who = mentions[static_cast<size_t>(s.mention)];
        const auto role = title.empty() ? rules.title_roles.end() : rules.title_roles.find(std::string(title));
        if (who.type == "Organization" && role != rules.title_roles.end()) {
          const PlaceholderSentence::Span t = view.Resolve(title);
          claim.speaker_status = "role";
          claim.coref_rule = "coref.org-role";
          claim.coref_begin = who.begin;
          claim.coref_end = t.norm_end;
          claim.speaker = AddRoleSpeaker(rules, &mentions, s.mention, role->second, t.norm_end, sentence);
        }
      } else if (s.raw) {
        const std::string word(text.substr(s.norm_begin, s.norm_end - s.norm_begin));
        const auto pronoun = rules.pronouns.find(word);
        const auto group = rules.speaker_groups.find(word);
        if (pronoun != rules.pronouns.end()) {
          claim.coref_rule = "coref.pronoun";
          claim.coref_begin = s.norm_begin;
          claim.coref_end = s.norm_end;
          claim.speaker = mentions.NearestAntecedent(s.norm_begin, pronoun->second);
          claim.speaker_status = claim.speaker >= 0 ? "coreference" : "unresolved";
        } else if (group != rules.speaker_groups.end()) {
          Candidate g;
          g.begin = s.norm_begin;
          g.end = s.norm_end;
          g.sentence = sentence;
          g.label = group->second;
          g.type = "Group";
          g.rule_id = rule.id;
          claim.speaker = mentions.Add(std::move(g));
          claim.speaker_status = "group";
        } else {
          return;  // not a speaker the pack knows
        }
      } else {
        return;
      }
    }
    if (rule.medium && claim.speaker >= 0) claim.medium = claim.speaker;

    ContentMentions(mentions, view.MentionsIn(content_group), &claim);
    // Accepted: the longer claims it replaces go (only now, so that a
    // candidate dropped above never costs an accepted claim).
    for (auto it = replaced.rbegin(); it != replaced.rend(); ++it) {
      claims->erase(claims->begin() + static_cast<std::ptrdiff_t>(*it));
    }
    claims->push_back(std::move(claim));
  });
}

}  // namespace

SentenceClaims ExtractClaims(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                             size_t sentence_end, int sentence, std::string_view doc_date,
                             const PlaceholderSentence* view, const RuleMatches* matches,
                             const std::vector<Candidate>& all, const std::vector<size_t>& accepted,
                             ClaimContext* context, RuleTimes* times, const std::vector<Word>* words) {
  SentenceClaims found;
  std::vector<CandidateClaim>* const claims = &found.claims;
  Mentions mentions(all, accepted, &found.speakers);
  if (view != nullptr && matches != nullptr) ApplyAttributionRules(rules, text, sentence, *view, *matches, &mentions,
                                                                    times, claims);
  // The claims the cues of reported speech find.
  const bool open_before = context->open_quote;
  context->open_quote = QuoteOpenAfter(text, sentence_begin, sentence_end, open_before);
  const std::vector<Word> own_words = words == nullptr ? SplitWords(text, sentence_begin, sentence_end) : std::vector<Word>();
  const std::vector<Word>& sentence_words = words == nullptr ? own_words : *words;
  const std::vector<CueMatch> cues = FindCues(rules, text, sentence_begin, sentence_end,
                                                InHeadline(text, sentence_begin), open_before, &sentence_words);
  for (const CueMatch& m : cues) {
    if (m.quoted) context->quoted.emplace_back(m.content_begin, m.content_end);
  }
  SpeakerSearch speakers(rules, text, sentence_begin, sentence, &mentions, accepted, context, sentence_words);
  const size_t from_rules = claims->size();
  for (const CueMatch& m : cues) {
    const bool overlaps = std::any_of(claims->begin(), claims->begin() + static_cast<std::ptrdiff_t>(from_rules),
                                      [&](const CandidateClaim& c) {
                                        return c.content_begin < m.content_end && m.content_begin < c.content_end;
                                      });
    if (overlaps) continue;
    CandidateClaim claim;
    claim.rule_id = m.rule;
    claim.sentence = sentence;
    claim.content_begin = m.content_begin;
    claim.content_end = m.content_end;
    claim.match_begin = m.begin;
    claim.match_end = m.end;
    claim.cue = m.cue != nullptr ? m.cue->lemma : "";
    claim.modality = m.cue != nullptr ? m.cue->modality : "asserted";
    claim.negated = m.cue != nullptr && m.cue->negated;
    if (!speakers.Resolve(m, &claim)) continue;
    if (claim.content_end <= claim.content_begin + 3) continue;
    ApplyModality(rules, text.substr(claim.content_begin, claim.content_end - claim.content_begin), m.english, &claim);
    if (claim.speaker >= 0 && (claim.cue == "보도하다" || claim.cue == "report")) claim.medium = claim.speaker;
    if (m.medium_end > m.medium_begin) claim.medium = speakers.Medium(m.medium_begin, m.medium_end);
    ContentMentions(mentions, accepted, &claim);
    if (claim.speaker >= 0) {
      context->last_speaker = claim.speaker;
      context->last_status = claim.speaker_status;
      context->last_coref_rule = claim.coref_rule;
      context->last_coref_begin = claim.coref_begin;
      context->last_coref_end = claim.coref_end;
      context->last_sentence = sentence;
    }
    claims->push_back(std::move(claim));
  }
  std::sort(claims->begin(), claims->end(),
            [](const CandidateClaim& a, const CandidateClaim& b) { return a.content_begin < b.content_begin; });
  if (!claims->empty()) {
    // Claims of one sentence share its date.
    const std::string date = ResolveDayReference(text.substr(sentence_begin, sentence_end - sentence_begin), doc_date);
    for (CandidateClaim& c : *claims) c.date = date;
  }
  return found;
}

namespace {

// Whether `sentence` has a digit just before "일": a day reference needs one,
// and most sentences have none (a cheaper test than the pattern below).
bool MayNameDay(std::string_view sentence) {
  static constexpr std::string_view kIl = "일";
  for (size_t at = sentence.find(kIl, 1); at != std::string_view::npos; at = sentence.find(kIl, at + kIl.size())) {
    if (sentence[at - 1] >= '0' && sentence[at - 1] <= '9') return true;
  }
  return false;
}

}  // namespace

std::string_view DocumentDay(std::string_view doc_date) {
  static const RE2 kDay("^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)");
  if (!RE2::PartialMatch(re2::StringPiece(doc_date.data(), doc_date.size()), kDay)) return {};
  return doc_date.substr(0, 10);
}

std::string ResolveDayReference(std::string_view sentence, std::string_view doc_date) {
  if (!MayNameDay(sentence)) return "";
  static const RE2 kDocDate("^([0-9]{4})-([0-9]{2})-([0-9]{2})");
  static const RE2 kDay("(?:^|[^0-9])(?:([0-9]{1,2})월 )?([0-9]{1,2})일(?:[^간동째]|$)");
  int year = 0, month = 0, day = 0;
  if (!RE2::PartialMatch(re2::StringPiece(doc_date.data(), doc_date.size()), kDocDate, &year, &month, &day)) {
    return "";
  }
  std::string m_text;
  int d = 0;
  if (!RE2::PartialMatch(re2::StringPiece(sentence.data(), sentence.size()), kDay, &m_text, &d)) return "";
  int m = month;
  int y = year;
  if (!m_text.empty()) {
    m = std::stoi(m_text);
    if (m > month) --y;  // "12월 30일" in a January article
  } else if (d > day) {
    if (--m == 0) {
      m = 12;
      --y;
    }
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return "";
  char out[11];
  std::snprintf(out, sizeof(out), "%04d-%02d-%02d", y, m, d);
  return out;
}

}  // namespace claimgraph::internal
