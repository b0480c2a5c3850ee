// SPDX-License-Identifier: Apache-2.0
// Stage 4c, extract claims. Rules run in priority order; a claim whose
// content overlaps an accepted claim of the same sentence is dropped, so the
// most specific reading wins. A speaker that cannot be resolved is never
// guessed: the claim is kept as "unresolved", without a speaker.
#include "extract_claims.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "internal/stage_times.h"
#include "entity_ids.h"
#include "placeholders.h"
#include "rule_pack.h"
#include "screen.h"

namespace claimgraph::internal {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

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

}  // namespace

SentenceClaims ExtractClaims(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                             size_t sentence_end, int sentence, std::string_view doc_date,
                             const PlaceholderSentence& view, const RuleMatches& matches,
                             const std::vector<Candidate>& all, const std::vector<size_t>& accepted,
                             RuleTimes* times) {
  SentenceClaims found;
  std::vector<CandidateClaim>* const claims = &found.claims;
  Mentions mentions(all, accepted, &found.speakers);
  matches.ForEach([&](int index, const std::vector<re2::StringPiece>& subs) {
    const AttributionRule& rule = rules.attribution_rules[static_cast<size_t>(index)];
    const RuleLap lap(RuleLap::Slot(times, &RuleTimes::attribution, index));
    const std::string_view content_group = Group(*rule.re, subs, "content");
    if (content_group.empty()) return;
    CandidateClaim claim;
    claim.rule = &rule;
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
          // An organization's role speaks: 알리바바 CEO.
          const PlaceholderSentence::Span t = view.Resolve(title);
          Candidate person;
          person.begin = who.begin;
          person.end = t.norm_end;
          person.sentence = sentence;
          person.priority = 0;
          person.rule_id = "coref.org-role";
          const std::string org_id = who.entity >= 0 ? rules.entities[static_cast<size_t>(who.entity)].id : "";
          const auto found = org_id.empty() ? rules.persons_by_affiliation_role.end()
                                            : rules.persons_by_affiliation_role.find(AffiliationRoleKey(org_id, role->second));
          if (found != rules.persons_by_affiliation_role.end() && found->second.size() == 1) {
            person.entity = found->second.front();
            person.label = rules.entities[static_cast<size_t>(person.entity)].canonical;
            person.type = "Person";
          } else {
            // No unique person: a role node, "Alibaba CEO".
            // "Alibaba CTO", "Alibaba chairman": short roles are acronyms.
            std::string role_word = role->second;
            if (role_word.size() <= 3) {
              for (char& ch : role_word) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            }
            person.label = who.label + " " + role_word;
            person.type = "Person";
            person.attributes["role"] = role->second;
            person.attributes["affiliation"] = EntityIdOf(rules, who);
          }
          claim.speaker_status = "role";
          claim.coref_rule = "coref.org-role";
          claim.coref_begin = who.begin;
          claim.coref_end = t.norm_end;
          claim.speaker = mentions.Add(std::move(person));  // (`who` is not read after this: it may move)
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

    // Entities inside the content, and its subject.
    for (size_t idx : view.MentionsIn(content_group)) {
      const Candidate& m = mentions[idx];
      if (m.begin < claim.content_begin || m.end > claim.content_end) continue;
      claim.mentions.push_back(idx);
      const bool korean_subject = m.particle == "은" || m.particle == "는" || m.particle == "이" || m.particle == "가";
      const bool english_subject = m.begin == claim.content_begin && m.particle.empty();
      if (claim.about < 0 && (korean_subject || english_subject)) claim.about = static_cast<long>(idx);
    }
    // Accepted: the longer claims it replaces go (only now, so that a
    // candidate dropped above never costs an accepted claim).
    for (auto it = replaced.rbegin(); it != replaced.rend(); ++it) {
      claims->erase(claims->begin() + static_cast<std::ptrdiff_t>(*it));
    }
    claims->push_back(std::move(claim));
  });
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
