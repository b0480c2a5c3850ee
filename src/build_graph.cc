// SPDX-License-Identifier: Apache-2.0
// Stage 5, build graph. Offsets leave normalized space here, once: every
// span becomes original code points, and every mention's text is sliced
// from the original document.
#include "build_graph.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <unordered_map>
#include <unordered_set>

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
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  translit->transliterate(s);
  std::string out;
  s.toUTF8String(out);
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

  std::map<size_t, std::string> entity_ids;  // candidate index -> entity id
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
  std::sort(ex.mentions.begin(), ex.mentions.end(), [](const EntityMention& a, const EntityMention& b) {
    return std::tie(a.start, a.end, a.entity_id) < std::tie(b.start, b.end, b.entity_id);
  });

  for (const CandidateRelation& r : relations) {
    const auto s = entity_ids.find(r.source);
    const auto t = entity_ids.find(r.target);
    if (s == entity_ids.end() || t == entity_ids.end() || s->second == t->second) continue;
    RelationMention rel;
    rel.source = s->second;
    rel.target = t->second;
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
    auto id_of = [&](long idx) {
      const auto it = entity_ids.find(static_cast<size_t>(idx));
      return idx >= 0 && it != entity_ids.end() ? it->second : std::string();
    };
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

// Passes `value` on: moved out of a non-const extraction, copied from a
// const one.
template <typename Ex, typename T>
decltype(auto) Pass(T& value) {
  if constexpr (std::is_const_v<Ex>) {
    return static_cast<const T&>(value);
  } else {
    return std::move(value);
  }
}

// AddExtraction for `Ex` = const Extraction (copies) or Extraction (moves
// the strings no later step reads).
template <typename Ex>
void AddExtractionTo(Ex& ex, Graph* out) {
  // An edge needs both ends among this document's nodes (not just somewhere
  // in `out`), so that adding documents in any order gives the same graph.
  // (Views of the ids in `ex`, which outlives this call.)
  std::unordered_set<std::string_view> here;
  struct Adder {
    Graph* graph;
    std::unordered_set<std::string_view>* here;
    void AddNode(Node&& node, std::string_view id) {
      here->insert(id);
      graph->AddNode(std::move(node));
    }
    void AddEdge(Edge&& edge) {
      if (here->count(edge.source) && here->count(edge.target)) graph->AddEdge(std::move(edge));
    }
    void AddDocument(const DocumentInfo& doc) { graph->AddDocument(doc); }
  } graph{out, &here};
  graph.AddDocument({ex.doc_id, ex.chars});
  // One node per entity of the document, holding all its mentions here, and
  // merged as the graph merges nodes (the smaller label and type win, and
  // of two values of an attribute the smaller).
  std::vector<Node> entities;
  std::vector<std::string_view> entity_ids;
  std::unordered_map<std::string_view, size_t> entity_at;
  std::vector<std::pair<int, std::string_view>> by_sentence;  // (sentence, entity id)
  entities.reserve(ex.mentions.size());
  entity_ids.reserve(ex.mentions.size());
  by_sentence.reserve(ex.mentions.size());
  for (auto& m : ex.mentions) {
    const auto [it, added] = entity_at.emplace(m.entity_id, entities.size());
    if (added) {
      entity_ids.push_back(m.entity_id);
      Node& node = entities.emplace_back();
      node.id = m.entity_id;
      node.kind = "entity";
      node.label = Pass<Ex>(m.label);
      node.type = Pass<Ex>(m.type);
      node.aliases = Pass<Ex>(m.aliases);
      node.attributes = Pass<Ex>(m.attributes);
    } else {
      Node& node = entities[it->second];
      if (node.label.empty() || (!m.label.empty() && m.label < node.label)) node.label = m.label;
      if (node.type.empty() || (!m.type.empty() && m.type < node.type)) node.type = m.type;
      for (const std::string& a : m.aliases) {
        if (std::find(node.aliases.begin(), node.aliases.end(), a) == node.aliases.end()) node.aliases.push_back(a);
      }
      for (const auto& [key, value] : m.attributes) {
        auto [at, inserted] = node.attributes.emplace(key, value);
        if (!inserted && value < at->second) at->second = value;
      }
    }
    Node& node = entities[it->second];
    if (m.surface_is_alias &&
        std::find(node.aliases.begin(), node.aliases.end(), m.surface) == node.aliases.end()) {
      node.aliases.push_back(Pass<Ex>(m.surface));
    }
    node.mentions.push_back(
        {ex.doc_id, m.start, m.end, Pass<Ex>(m.text), m.sentence, Pass<Ex>(m.rule), Pass<Ex>(m.particle)});
    by_sentence.emplace_back(m.sentence, m.entity_id);
  }
  for (size_t i = 0; i < entities.size(); ++i) graph.AddNode(std::move(entities[i]), entity_ids[i]);
  // Entities of one sentence are co-mentioned; one edge per pair, from the
  // smaller id to the larger, one evidence span per sentence.
  std::sort(by_sentence.begin(), by_sentence.end());
  by_sentence.erase(std::unique(by_sentence.begin(), by_sentence.end()), by_sentence.end());
  for (size_t first = 0; first < by_sentence.size();) {
    const int sentence = by_sentence[first].first;
    size_t last = first;
    while (last < by_sentence.size() && by_sentence[last].first == sentence) ++last;
    const SentenceSpan& span = ex.sentences[static_cast<size_t>(sentence)];
    for (size_t a = first; a < last; ++a) {
      for (size_t b = a + 1; b < last; ++b) {
        Edge edge;
        edge.source = by_sentence[a].second;
        edge.target = by_sentence[b].second;
        edge.relation = "co_mentioned";
        edge.evidence.push_back({ex.doc_id, span.start, span.end, "co_mentioned"});
        graph.AddEdge(std::move(edge));
      }
    }
    first = last;
  }
  for (auto& c : ex.claims) {
    Node node;
    node.id = c.id;
    node.kind = "claim";
    node.label = Pass<Ex>(c.label);
    node.is_claim = true;
    node.claim = {Pass<Ex>(c.text), Pass<Ex>(c.cue), Pass<Ex>(c.modality), c.negated, ex.doc_id, c.start, c.end,
                  c.sentence, c.rule, c.speaker, Pass<Ex>(c.speaker_status)};
    if (!c.date.empty()) node.attributes["date"] = Pass<Ex>(c.date);
    graph.AddNode(std::move(node), c.id);
    auto link = [&](const std::string& source, const std::string& target, const char* relation, int64_t start,
                    int64_t end, std::map<std::string, std::string> attributes) {
      if (source.empty() || target.empty()) return;
      Edge edge;
      edge.source = source;
      edge.target = target;
      edge.relation = relation;
      edge.attributes = std::move(attributes);
      edge.evidence.push_back({ex.doc_id, start, end, c.rule});
      graph.AddEdge(std::move(edge));
    };
    std::map<std::string, std::string> coref;
    if (!c.coref_rule.empty()) {
      coref = {{"coref_rule", c.coref_rule}, {"coref_text", c.coref_text},
               {"coref_start", std::to_string(c.coref_start)}, {"coref_end", std::to_string(c.coref_end)}};
    }
    link(c.speaker, c.id, "asserts", c.evidence_start, c.evidence_end, coref);
    link(c.medium, c.id, "reports", c.evidence_start, c.evidence_end, {});
    for (const std::string& m : c.mentions) link(c.id, m, "mentions", c.start, c.end, {});
    link(c.id, c.about, "about", c.start, c.end, {});
  }
  for (auto& r : ex.relations) {
    Edge edge;
    edge.source = Pass<Ex>(r.source);
    edge.target = Pass<Ex>(r.target);
    edge.relation = Pass<Ex>(r.relation);
    edge.attributes = Pass<Ex>(r.attributes);
    edge.evidence.push_back({ex.doc_id, r.start, r.end, Pass<Ex>(r.rule)});
    graph.AddEdge(std::move(edge));
  }
}

}  // namespace

void AddExtraction(const Extraction& ex, Graph* out) { AddExtractionTo(ex, out); }

void AddExtraction(Extraction&& ex, Graph* out) { AddExtractionTo(ex, out); }

}  // namespace claimgraph
