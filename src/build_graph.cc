// SPDX-License-Identifier: Apache-2.0
// Stage 5, build graph. Offsets leave normalized space here, once: every
// span becomes original code points, and every mention's text is sliced
// from the original document.
#include "build_graph.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>
#include <unordered_map>

#include "internal/graph_appender.h"
#include "internal/utf8.h"
#include "read_rules.h"

namespace claimgraph {
namespace internal {

std::string Romanize(const std::string& text) {
  thread_local std::unique_ptr<icu::Transliterator> translit = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  if (!translit) return "";
  // Names recur across a corpus's documents, and transliterating one costs
  // microseconds: each thread remembers the last few thousand.
  thread_local std::unordered_map<std::string, std::string> known;
  if (const auto it = known.find(text); it != known.end()) return it->second;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  translit->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  if (known.size() >= 4096) known.clear();
  known.emplace(text, out);
  return out;
}

namespace {

// The first words of a claim's text, at most 40 code points.
std::string ShortLabel(const std::string& text) {
  size_t bytes = 0;
  int64_t cps = 0;
  while (bytes < text.size() && cps < 40) {
    int len = 0;
    DecodeAt(text, bytes, &len);
    bytes += static_cast<size_t>(len);
    ++cps;
  }
  if (bytes >= text.size()) return text;
  const size_t space = text.rfind(' ', bytes);
  return text.substr(0, space != std::string::npos && space > bytes / 2 ? space : bytes) + "…";
}

bool HasHangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len = 0;
    if (IsHangul(DecodeAt(s, i, &len))) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}

}  // namespace

Extraction BuildExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                           const std::vector<std::pair<size_t, size_t>>& sentences,
                           const std::vector<Candidate>& all, const std::vector<size_t>& accepted,
                           const std::vector<CandidateRelation>& relations,
                           const std::vector<CandidateClaim>& claims,
                           const std::vector<Candidate>& rejected) {
  // Byte offset of every original code point, to slice mention texts.
  std::vector<size_t> cp_byte;
  cp_byte.reserve(doc.text.size() + 1);
  for (size_t i = 0; i < doc.text.size(); ++i) {
    if ((static_cast<unsigned char>(doc.text[i]) & 0xC0) != 0x80) cp_byte.push_back(i);
  }
  cp_byte.push_back(doc.text.size());
  auto original = [&](int64_t start, int64_t end) {
    return doc.text.substr(cp_byte[static_cast<size_t>(start)],
                           cp_byte[static_cast<size_t>(end)] - cp_byte[static_cast<size_t>(start)]);
  };

  Extraction ex;
  ex.doc_id = doc.id;
  ex.chars = static_cast<int64_t>(cp_byte.size()) - 1;
  for (const auto& [b, e] : sentences) {
    const auto [start, end] = norm.ToOriginal(b, e);
    ex.sentences.push_back({start, end});
  }

  std::vector<std::string> entity_ids(all.size());  // by candidate index: its entity's id, or "" if not accepted
  ex.mentions.reserve(accepted.size());
  for (size_t idx : accepted) {
    const Candidate& c = all[idx];
    EntityMention m;
    const auto [start, end] = norm.ToOriginal(c.begin, c.end);
    m.start = start;
    m.end = end;
    m.text = original(start, end);
    m.surface = norm.text.substr(c.begin, c.end - c.begin);
    // "차이" (a surname with a title) or "알리바바 CEO" (a role) resolved to a
    // gazetteer entity is not one of its names.
    m.surface_is_alias = c.entity < 0 || c.rule_id == "gazetteer";
    m.sentence = c.sentence;
    m.rule = c.rule_id;
    m.particle = c.particle;
    m.priority = c.priority;
    m.type = c.type;
    if (c.entity >= 0) {
      const GazetteerEntry& entry = rules.entities[static_cast<size_t>(c.entity)];
      m.entity_id = EntityIdOf(rules, c);
      m.label = entry.canonical;
      m.aliases = entry.aliases;
      for (const auto& [key, value] : entry.attributes) {
        m.attributes[key] = IsReferenceAttribute(key) ? "ent:" + value : value;
      }
    } else {
      m.label = c.label;
      m.entity_id = EntityIdOf(rules, c);
      m.aliases.push_back(c.label);
      if (HasHangul(c.label)) {
        const std::string latin = Romanize(c.label);
        if (!latin.empty() && latin != c.label) m.aliases.push_back(latin);
      }
    }
    for (const auto& [key, value] : c.attributes) m.attributes.emplace(key, value);
    entity_ids[idx] = m.entity_id;
    ex.mentions.push_back(std::move(m));
  }
  // In text order (sorting indices: a mention is large to move).
  std::vector<uint32_t> order(ex.mentions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](uint32_t i, uint32_t j) {
    const EntityMention& a = ex.mentions[i];
    const EntityMention& b = ex.mentions[j];
    return std::tie(a.start, a.end, a.entity_id) < std::tie(b.start, b.end, b.entity_id);
  });
  std::vector<EntityMention> sorted;
  sorted.reserve(order.size());
  for (uint32_t i : order) sorted.push_back(std::move(ex.mentions[i]));
  ex.mentions = std::move(sorted);
  // The entity id of candidate `idx`, or "" if it is not an accepted mention.
  auto id_of = [&](long idx) -> const std::string& {
    static const std::string kNone;
    return idx >= 0 && static_cast<size_t>(idx) < entity_ids.size() ? entity_ids[static_cast<size_t>(idx)] : kNone;
  };

  for (const CandidateRelation& r : relations) {
    const std::string& source = id_of(static_cast<long>(r.source));
    const std::string& target = id_of(static_cast<long>(r.target));
    if (source.empty() || target.empty() || source == target) continue;
    RelationMention rel;
    rel.source = source;
    rel.target = target;
    rel.relation = r.relation;
    rel.rule = r.rule_id;
    const auto [start, end] = norm.ToOriginal(r.begin, r.end);
    rel.start = start;
    rel.end = end;
    rel.sentence = all[r.source].sentence;
    rel.attributes = r.attributes;
    ex.relations.push_back(std::move(rel));
  }

  ex.claims.reserve(claims.size());
  std::vector<std::optional<std::string>> dates(sentences.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const CandidateClaim& c = claims[i];
    ClaimMention claim;
    claim.id = "claim:" + doc.id + ":" + std::to_string(i);
    const auto [start, end] = norm.ToOriginal(c.content_begin, c.content_end);
    claim.start = start;
    claim.end = end;
    claim.text = original(start, end);
    claim.label = ShortLabel(claim.text);
    claim.cue = c.cue;
    claim.modality = c.modality;
    claim.negated = c.negated;
    claim.sentence = c.sentence;
    claim.rule = c.rule->id;
    const auto [ev_start, ev_end] = norm.ToOriginal(c.match_begin, c.match_end);
    claim.evidence_start = ev_start;
    claim.evidence_end = ev_end;
    claim.speaker_status = c.speaker_status;
    claim.speaker = id_of(c.speaker);
    if (!c.coref_rule.empty()) {
      const auto [cs, ce] = norm.ToOriginal(c.coref_begin, c.coref_end);
      claim.coref_rule = c.coref_rule;
      claim.coref_start = cs;
      claim.coref_end = ce;
      claim.coref_text = original(cs, ce);
    }
    claim.medium = id_of(c.medium);
    for (size_t m : c.mentions) {
      const std::string id = id_of(static_cast<long>(m));
      if (!id.empty() && std::find(claim.mentions.begin(), claim.mentions.end(), id) == claim.mentions.end()) {
        claim.mentions.push_back(id);
      }
    }
    claim.about = id_of(c.about);
    auto& date = dates[static_cast<size_t>(c.sentence)];  // claims of one sentence share its date
    if (!date) {
      const auto [sb, se] = sentences[static_cast<size_t>(c.sentence)];
      date = ResolveDayReference(std::string_view(norm.text).substr(sb, se - sb), doc.date);
    }
    claim.date = *date;
    ex.claims.push_back(std::move(claim));
  }

  for (const Candidate& c : rejected) {
    RejectedMatch r;
    const auto [start, end] = norm.ToOriginal(c.begin, c.end);
    r.start = start;
    r.end = end;
    r.text = original(start, end);
    r.rule = c.rule_id;
    r.reason = c.reason;
    ex.rejected.push_back(std::move(r));
  }
  return ex;
}

}  // namespace internal

Graph ExtractionToGraph(const Extraction& ex) {
  Graph graph;
  AddExtraction(ex, &graph);
  return graph;
}

namespace {
constexpr uint32_t kNoNode = UINT32_MAX;
}  // namespace

void AddExtraction(const Extraction& ex, Graph* out) {
  using internal::GraphAppender;
  GraphAppender graph(out, ex.doc_id, ex.chars);
  // This document's nodes, by id: an edge needs both ends among them (not
  // just somewhere in `out`), so that adding documents in any order gives
  // the same graph. (Views of the strings in `ex`.)
  std::unordered_map<std::string_view, uint32_t> here;
  auto node_here = [&](std::string_view id) {
    const auto it = here.find(id);
    return it == here.end() ? kNoNode : it->second;
  };
  // One node per entity of the document, holding all its mentions here, and
  // merged as the graph merges nodes (the smaller label and type win, and
  // of two values of an attribute the smaller).
  struct Entity {
    std::string_view id, label, type;
    std::vector<std::string_view> aliases;
    std::map<std::string_view, std::string_view> attributes;
    std::vector<GraphAppender::MentionIn> mentions;
  };
  std::vector<Entity> entities;
  std::unordered_map<std::string_view, size_t> entity_at;
  std::vector<std::pair<int, std::string_view>> by_sentence;  // (sentence, entity id)
  entities.reserve(ex.mentions.size());
  by_sentence.reserve(ex.mentions.size());
  for (const EntityMention& m : ex.mentions) {
    const auto [it, added] = entity_at.emplace(m.entity_id, entities.size());
    if (added) {
      Entity& e = entities.emplace_back();
      e.id = m.entity_id;
      e.label = m.label;
      e.type = m.type;
      e.aliases.assign(m.aliases.begin(), m.aliases.end());
      e.attributes.insert(m.attributes.begin(), m.attributes.end());
    } else {
      Entity& e = entities[it->second];
      if (e.label.empty() || (!m.label.empty() && m.label < e.label)) e.label = m.label;
      if (e.type.empty() || (!m.type.empty() && m.type < e.type)) e.type = m.type;
      for (const std::string& a : m.aliases) {
        if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(a);
      }
      for (const auto& [key, value] : m.attributes) {
        auto [at, inserted] = e.attributes.emplace(key, value);
        if (!inserted && value < at->second) at->second = value;
      }
    }
    Entity& e = entities[it->second];
    if (m.surface_is_alias && std::find(e.aliases.begin(), e.aliases.end(), m.surface) == e.aliases.end()) {
      e.aliases.push_back(m.surface);
    }
    e.mentions.push_back({m.start, m.end, m.text, m.sentence, m.rule, m.particle});
    by_sentence.emplace_back(m.sentence, m.entity_id);
  }
  std::vector<std::pair<std::string_view, std::string_view>> attributes;
  for (const Entity& e : entities) {
    attributes.assign(e.attributes.begin(), e.attributes.end());
    here.emplace(e.id, graph.AddEntity(e.id, e.label, e.type, e.aliases, graph.InternAttributes(attributes),
                                       e.mentions));
  }
  // Entities of one sentence are co-mentioned; one edge per pair, from the
  // smaller id to the larger, one evidence span per sentence.
  const uint32_t co_mentioned = graph.Intern("co_mentioned");
  std::sort(by_sentence.begin(), by_sentence.end());
  by_sentence.erase(std::unique(by_sentence.begin(), by_sentence.end()), by_sentence.end());
  for (size_t first = 0; first < by_sentence.size();) {
    const int sentence = by_sentence[first].first;
    size_t last = first;
    while (last < by_sentence.size() && by_sentence[last].first == sentence) ++last;
    const SentenceSpan& span = ex.sentences[static_cast<size_t>(sentence)];
    for (size_t a = first; a < last; ++a) {
      for (size_t b = a + 1; b < last; ++b) {
        graph.AddEdge(here.at(by_sentence[a].second), here.at(by_sentence[b].second), co_mentioned, 0, span.start,
                      span.end, co_mentioned);
      }
    }
    first = last;
  }
  const uint32_t asserts = graph.Intern("asserts");
  const uint32_t reports = graph.Intern("reports");
  const uint32_t mentions = graph.Intern("mentions");
  const uint32_t about = graph.Intern("about");
  for (const ClaimMention& c : ex.claims) {
    attributes.clear();
    if (!c.date.empty()) attributes.emplace_back("date", c.date);
    GraphAppender::ClaimIn info;
    info.text = c.text;
    info.cue = c.cue;
    info.modality = c.modality;
    info.rule = c.rule;
    info.speaker = c.speaker;
    info.speaker_status = c.speaker_status;
    info.start = c.start;
    info.end = c.end;
    info.sentence = c.sentence;
    info.negated = c.negated;
    here.emplace(c.id, graph.AddClaim(c.id, c.label, graph.InternAttributes(attributes), info));
    const uint32_t rule = graph.Intern(c.rule);
    auto link = [&](std::string_view source, std::string_view target, uint32_t relation, int64_t start, int64_t end,
                    uint32_t edge_attributes) {
      if (source.empty() || target.empty()) return;
      const uint32_t s = node_here(source);
      const uint32_t t = node_here(target);
      if (s != kNoNode && t != kNoNode) graph.AddEdge(s, t, relation, edge_attributes, start, end, rule);
    };
    uint32_t coref = 0;
    if (!c.coref_rule.empty()) {
      const std::string cs = std::to_string(c.coref_start);
      const std::string ce = std::to_string(c.coref_end);
      coref = graph.InternAttributes(
          {{"coref_end", ce}, {"coref_rule", c.coref_rule}, {"coref_start", cs}, {"coref_text", c.coref_text}});
    }
    link(c.speaker, c.id, asserts, c.evidence_start, c.evidence_end, coref);
    link(c.medium, c.id, reports, c.evidence_start, c.evidence_end, 0);
    for (const std::string& m : c.mentions) link(c.id, m, mentions, c.start, c.end, 0);
    link(c.id, c.about, about, c.start, c.end, 0);
  }
  for (const RelationMention& r : ex.relations) {
    const uint32_t s = node_here(r.source);
    const uint32_t t = node_here(r.target);
    if (s == kNoNode || t == kNoNode) continue;
    attributes.assign(r.attributes.begin(), r.attributes.end());
    graph.AddEdge(s, t, graph.Intern(r.relation), graph.InternAttributes(attributes), r.start, r.end,
                  graph.Intern(r.rule));
  }
}

void AddExtraction(Extraction&& ex, Graph* out) { AddExtraction(static_cast<const Extraction&>(ex), out); }

}  // namespace claimgraph
