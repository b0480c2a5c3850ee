// SPDX-License-Identifier: Apache-2.0
// Stage 3b, match patterns. Each rule's re2 program is run over the
// sentence; after a match the search restarts one code point after the
// match start, so that a match rejected by a filter ("그는 카일 찬 교수")
// does not hide the shorter one inside it ("카일 찬 교수").
#include "match_patterns.h"

#include <algorithm>

#include "internal/utf8.h"
#include "match_particles.h"
#include "normalize.h"
#include "read_rules.h"

namespace claimgraph::internal {
namespace {

constexpr std::string_view kOpen = "\u27E6";
constexpr std::string_view kClose = "\u27E7";

std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t sp = s.find(' ', start);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > start) out.push_back(s.substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether `token` looks like a Korean full name: three or four syllables
// starting with one of the rule's native surnames ("김하늘").
bool IsNativeFullName(const PatternRule& rule, std::string_view token) {
  const int64_t syllables = CountCodePoints(token);
  if (syllables < 3 || syllables > 4) return false;
  for (const std::string& surname : rule.native_surnames) {
    if (token.substr(0, surname.size()) == surname) return true;
  }
  return false;
}

// Checks the rule's filters on a captured name; returns "" or the reason.
std::string FilterName(const RulePackData& rules, const PatternRule& rule, std::string_view name) {
  const int64_t chars = CountCodePoints(name);
  if (chars < rule.min_chars) return "shorter than min_chars";
  if (chars > rule.max_chars) return "longer than max_chars";
  if (rule.require_digit && std::none_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return "no digit (require_digit)";
  }
  const std::vector<std::string_view> tokens = Tokens(name);
  if (tokens.empty()) return "empty name";
  if (tokens.size() > 1 && IsNativeFullName(rule, tokens.back())) {
    // "누리그룹 박서준 대표": the name is the last token alone.
    return "ends with a Korean full name; the shorter match is the name";
  }
  for (size_t t = 0; t < tokens.size(); ++t) {
    for (const std::string& bad : rule.reject_tokens) {
      if (tokens[t] == bad) return "token \"" + bad + "\" is in reject_tokens";
    }
    if (rule.type == "Person") {
      // A person's name is not made of other entities' names ("중국 대표").
      const auto known = rules.alias_to_entity.find(std::string(tokens[t]));
      if (known != rules.alias_to_entity.end() &&
          rules.entities[static_cast<size_t>(known->second)].type != "Person") {
        return "token \"" + std::string(tokens[t]) + "\" names " +
               rules.entities[static_cast<size_t>(known->second)].canonical;
      }
    }
    if (t + 1 < tokens.size()) {
      for (const std::string& suffix : rule.reject_suffixes) {
        if (EndsWith(tokens[t], suffix)) return "token \"" + std::string(tokens[t]) + "\" ends with a particle";
      }
    }
  }
  return "";
}

// Fills role/entity for a person found by title; returns "" or the reason.
std::string ApplyTitle(const RulePackData& rules, const PatternRule& rule, std::string_view name,
                       std::string_view title, Candidate* c) {
  if (rule.title_group.empty()) return "";
  const auto role = rules.title_roles.find(std::string(title));
  if (role != rules.title_roles.end()) c->attributes["role"] = role->second;
  if (!rule.resolve_surname || name.find(' ') != std::string_view::npos) return "";
  if (IsNativeFullName(rule, name)) return "";  // "김하늘 교수": a full name, not a surname
  // A lone surname plus a title ("차이 회장") names a person only if exactly
  // one gazetteer person has that surname and that role.
  std::vector<int> found;
  const auto it = rules.persons_by_last_token.find(std::string(name));
  if (it != rules.persons_by_last_token.end()) {
    for (int e : it->second) {
      const auto& attrs = rules.entities[static_cast<size_t>(e)].attributes;
      const auto r = attrs.find("role");
      if (role != rules.title_roles.end() && r != attrs.end() && r->second == role->second) {
        found.push_back(e);
      }
    }
  }
  if (found.size() != 1) {
    return "surname \"" + std::string(name) + "\" with title \"" + std::string(title) + "\": " +
           (found.empty() ? "no" : "more than one") + " gazetteer person with that surname and role";
  }
  c->entity = found.front();
  c->label = rules.entities[static_cast<size_t>(c->entity)].canonical;
  c->type = rules.entities[static_cast<size_t>(c->entity)].type;
  return "";
}

// Runs `rule` over `sentence`; calls `on_match(subs)` for each match and
// restarts one code point after the match start.
template <typename F>
void ForEachMatch(const PatternRule& rule, std::string_view sentence, F&& on_match) {
  const int n = rule.re->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> subs(static_cast<size_t>(n));
  size_t pos = 0;
  while (pos <= sentence.size()) {
    if (!rule.re->Match(re2::StringPiece(sentence.data(), sentence.size()), pos, sentence.size(),
                        RE2::UNANCHORED, subs.data(), n)) {
      break;
    }
    on_match(subs);
    const size_t start = static_cast<size_t>(subs[0].data() - sentence.data());
    int len = 1;
    if (start < sentence.size()) DecodeAt(sentence, start, &len);
    pos = start + static_cast<size_t>(len);
  }
}

}  // namespace

void MatchTextPatterns(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                       size_t sentence_end, int sentence, std::vector<Candidate>* out,
                       std::vector<Candidate>* rejected) {
  const std::string_view sent = text.substr(sentence_begin, sentence_end - sentence_begin);
  for (const PatternRule& rule : rules.text_rules) {
    if (rule.type.empty()) continue;  // the loader allows relation-only rules only with placeholders
    const auto& groups = rule.re->NamedCapturingGroups();
    const int name_group = groups.at(rule.group);
    const int title_group = rule.title_group.empty() ? -1 : groups.at(rule.title_group);
    ForEachMatch(rule, sent, [&](const std::vector<re2::StringPiece>& subs) {
      const re2::StringPiece name = subs[static_cast<size_t>(name_group)];
      if (name.data() == nullptr || name.empty()) return;
      Candidate c;
      c.begin = static_cast<size_t>(name.data() - text.data());
      c.end = c.begin + name.size();
      c.sentence = sentence;
      c.label = std::string(name.data(), name.size());
      c.type = rule.type;
      c.priority = rule.priority;
      c.rule_id = rule.id;
      const std::string_view name_view(name.data(), name.size());
      std::string reason = FilterName(rules, rule, name_view);
      if (reason.empty() && title_group >= 0) {
        const re2::StringPiece title = subs[static_cast<size_t>(title_group)];
        reason = ApplyTitle(rules, rule, name_view, std::string_view(title.data(), title.size()), &c);
      }
      if (reason.empty()) reason = CheckLeftBoundary(text, sentence_begin, c.begin);
      if (reason.empty()) reason = CheckRightBoundary(text, c.end, sentence_end, rules.particles, &c.particle);
      const bool duplicate = std::any_of(out->begin(), out->end(), [&](const Candidate& o) {
        return o.begin == c.begin && o.end == c.end && o.rule_id == c.rule_id;
      });
      if (duplicate) return;
      if (reason.empty()) {
        out->push_back(std::move(c));
      } else {
        c.reason = std::move(reason);
        rejected->push_back(std::move(c));
      }
    });
  }
}

void MatchContextPatterns(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                          size_t sentence_end, int sentence, std::vector<Candidate>* all,
                          std::vector<size_t>* accepted, std::vector<CandidateRelation>* relations,
                          std::vector<Candidate>* rejected) {
  if (rules.context_rules.empty()) return;
  // Build the placeholder sentence and its segments.
  struct Segment {
    size_t ph_begin, ph_end;      // in the placeholder string
    size_t norm_begin, norm_end;  // in the normalized text
    long mention;                 // index into `all`, or -1 for raw text
  };
  std::vector<size_t> order = *accepted;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return (*all)[a].begin < (*all)[b].begin; });
  std::string ph;
  std::vector<Segment> segments;
  size_t cursor = sentence_begin;
  auto add_raw = [&](size_t upto) {
    if (upto <= cursor) return;
    segments.push_back({ph.size(), ph.size() + (upto - cursor), cursor, upto, -1});
    ph.append(text.substr(cursor, upto - cursor));
    cursor = upto;
  };
  for (size_t idx : order) {
    const Candidate& m = (*all)[idx];
    if (m.sentence != sentence) continue;
    add_raw(m.begin);
    const size_t start = ph.size();
    ph.append(kOpen).append(m.type).append(kClose);
    segments.push_back({start, ph.size(), m.begin, m.end, static_cast<long>(idx)});
    cursor = m.end;
  }
  add_raw(sentence_end);

  // Resolves a capture to a mention (>= 0), a raw span (-1, sets span), or
  // an invalid mixture (-2).
  auto resolve = [&](const re2::StringPiece& g, size_t* nb, size_t* ne) -> long {
    const size_t gb = static_cast<size_t>(g.data() - ph.data());
    const size_t ge = gb + g.size();
    for (const Segment& s : segments) {
      if (s.mention >= 0 && s.ph_begin == gb && s.ph_end == ge) return s.mention;
      if (s.mention < 0 && gb >= s.ph_begin && ge <= s.ph_end) {
        *nb = s.norm_begin + (gb - s.ph_begin);
        *ne = s.norm_begin + (ge - s.ph_begin);
        return -1;
      }
    }
    return -2;
  };
  auto entity_id = [&](const Candidate& c) {
    return c.entity >= 0 ? "ent:" + rules.entities[static_cast<size_t>(c.entity)].id : Slug(c.label);
  };
  // Maps a placeholder-string offset to a normalized offset.
  auto to_norm = [&](size_t off, bool is_end) {
    for (const Segment& s : segments) {
      if (off >= s.ph_begin && off < s.ph_end) {
        if (s.mention >= 0) return is_end ? s.norm_end : s.norm_begin;
        return s.norm_begin + (off - s.ph_begin) + (is_end ? 1 : 0);
      }
    }
    return sentence_end;
  };

  for (const PatternRule& rule : rules.context_rules) {
    const auto& groups = rule.re->NamedCapturingGroups();
    ForEachMatch(rule, ph, [&](const std::vector<re2::StringPiece>& subs) {
      auto group_of = [&](const std::string& name) -> re2::StringPiece {
        const auto it = groups.find(name);
        return it == groups.end() ? re2::StringPiece() : subs[static_cast<size_t>(it->second)];
      };
      long name_mention = -2;
      size_t created = all->size();  // index of a new candidate, if any
      if (!rule.type.empty()) {
        const re2::StringPiece g = group_of(rule.group);
        if (g.data() == nullptr || g.empty()) return;
        size_t nb = 0, ne = 0;
        name_mention = resolve(g, &nb, &ne);
        if (name_mention == -1) {
          Candidate c;
          c.begin = nb;
          c.end = ne;
          c.sentence = sentence;
          c.label = std::string(text.substr(nb, ne - nb));
          c.type = rule.type;
          c.priority = rule.priority;
          c.rule_id = rule.id;
          std::string reason = FilterName(rules, rule, c.label);
          if (reason.empty() && !rule.qualify_group.empty()) {
            size_t qb = 0, qe = 0;
            const long q = resolve(group_of(rule.qualify_group), &qb, &qe);
            bool qualified = false;
            if (q >= 0 && (*all)[static_cast<size_t>(q)].entity >= 0) {
              const GazetteerEntry& org = rules.entities[static_cast<size_t>((*all)[static_cast<size_t>(q)].entity)];
              for (const std::string& alias : org.aliases) {
                for (const char* sep : {"-", " ", ""}) {
                  const auto hit = rules.alias_to_entity.find(NormalizeString(alias) + sep + c.label);
                  if (hit != rules.alias_to_entity.end() && !qualified) {
                    c.entity = hit->second;
                    c.label = rules.entities[static_cast<size_t>(hit->second)].canonical;
                    c.type = rules.entities[static_cast<size_t>(hit->second)].type;
                    qualified = true;
                  }
                }
              }
            }
            if (!qualified && rule.require_qualified) {
              reason = "no gazetteer entry for the qualified name";
            }
          }
          if (reason.empty()) reason = CheckRightBoundary(text, c.end, sentence_end, rules.particles, &c.particle);
          if (reason.empty()) {
            for (size_t idx : *accepted) {
              const Candidate& o = (*all)[idx];
              if (o.begin < c.end && c.begin < o.end) {
                reason = "overlap: lost to \"" + o.label + "\" (" + o.rule_id + ")";
                break;
              }
            }
          }
          if (!reason.empty()) {
            c.reason = std::move(reason);
            rejected->push_back(std::move(c));
            return;
          }
          for (const auto& [attr, group] : rule.attribute_groups) {
            size_t ab = 0, ae = 0;
            const long a = resolve(group_of(group), &ab, &ae);
            if (a >= 0) c.attributes[attr] = entity_id((*all)[static_cast<size_t>(a)]);
          }
          all->push_back(std::move(c));
          accepted->push_back(created);
          name_mention = static_cast<long>(created);
        }
      }
      if (rule.relation) {
        size_t b1 = 0, e1 = 0, b2 = 0, e2 = 0;
        const long s = resolve(group_of(rule.relation->source), &b1, &e1);
        const long t = resolve(group_of(rule.relation->target), &b2, &e2);
        const long source = s >= 0 ? s : (rule.relation->source == rule.group ? name_mention : -1);
        const long target = t >= 0 ? t : (rule.relation->target == rule.group ? name_mention : -1);
        const bool seen = std::any_of(relations->begin(), relations->end(), [&](const CandidateRelation& r) {
          return r.source == static_cast<size_t>(source) && r.target == static_cast<size_t>(target) &&
                 r.relation == rule.relation->relation;
        });
        if (source >= 0 && target >= 0 && source != target && !seen && !subs[0].empty()) {
          const size_t mb = static_cast<size_t>(subs[0].data() - ph.data());
          relations->push_back({static_cast<size_t>(source), static_cast<size_t>(target),
                                rule.relation->relation, rule.id, to_norm(mb, false),
                                to_norm(mb + subs[0].size() - 1, true)});
        }
      }
    });
  }
}

}  // namespace claimgraph::internal
