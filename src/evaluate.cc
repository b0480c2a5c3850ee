// SPDX-License-Identifier: Apache-2.0
// `claimgraph eval`: extraction scored against gold annotations, in either
// of two formats. An annotation set's gold (the format of the shared
// development set: entities with aliases, claims found by a `key` inside
// their content, relations by subject and object) is scored as its scorer
// scores a graph: over the graph built from every document, names
// compared after NFKC, case folding and dropping spaces, hyphens and dots,
// and items matched one to one by a maximum bipartite matching. The older
// per-document format (claims by exact content, relations by source and
// target; docs/eval.md) is scored over each document's extraction.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "claimgraph/pipeline.h"
#include "claimgraph/rule_tools.h"
#include "internal/utf8.h"
#include "normalize.h"

namespace claimgraph {

double Score::precision() const {
  const size_t n = true_positives + false_positives;
  return n == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(n);
}
double Score::recall() const {
  const size_t n = true_positives + false_negatives;
  return n == 0 ? 1.0 : static_cast<double>(true_positives) / static_cast<double>(n);
}
double Score::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

namespace {

Error GoldError(const std::string& file, const std::string& message) {
  Error e;
  e.code = ErrorCode::kInvalidInput;
  e.location.file = file;
  e.message = message;
  return e;
}

std::string Fold(const std::string& s) { return internal::FoldForMatch(s); }

// A name as the annotation set's scorer compares names: NFKC, case folded,
// without white space, hyphens and dots ("Qwen3-Max" = "qwen3 max").
std::string NameKey(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_SUCCESS(status)) u = nfkc->normalize(u, status);
  u.foldCase();
  static const std::u32string kDrop =
      U"-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\ufe63\uff0d.\u00b7\u2022\u2024\u2027\u2219\u30fb\u3002\uff0e"
      U"\uff61";
  std::string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || kDrop.find(static_cast<char32_t>(c)) != std::u32string::npos) continue;
    internal::AppendUtf8(&out, static_cast<char32_t>(c));
  }
  return out;
}

// Names of unnamed speakers (the scorer's lists, as name keys): a node
// named only by these is a claim's group speaker, not a scored entity.
const std::set<std::string>& GroupNames() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    for (const char* n : {"experts", "expert", "specialists", "commentators", "observers", "analysts", "analyst",
                          "wallstreetanalysts", "industry", "industrysources", "insiders", "industryinsiders",
                          "sources", "people", "critics", "전문가", "전문가들", "업계전문가", "업계전문가들", "업계",
                          "업계관계자", "업계관계자들", "it업계", "관계자", "관계자들", "애널리스트", "애널리스트들",
                          "분석가", "분석가들", "시장", "증권가", "업계에서는", "전문가들은"}) {
      out.insert(NameKey(n));
    }
    return out;
  }();
  return names;
}
const std::set<std::string>& UnattributedNames() {
  static const std::set<std::string> names = {"unattributed", "unknown", "anonymous", "unspecified",
                                              "none",         "미상",    "불명"};
  return names;
}

bool Intersects(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const std::string& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

// A maximum bipartite matching (Kuhn's algorithm): `adj[i]` are the right
// indices left item i may match. Returns the matched (left, right) pairs.
std::vector<std::pair<size_t, size_t>> MaxMatching(const std::vector<std::vector<size_t>>& adj) {
  std::map<size_t, size_t> match_right;
  std::function<bool(size_t, std::set<size_t>*)> assign = [&](size_t i, std::set<size_t>* seen) {
    for (size_t j : adj[i]) {
      if (!seen->insert(j).second) continue;
      const auto it = match_right.find(j);
      if (it == match_right.end() || assign(it->second, seen)) {
        match_right[j] = i;
        return true;
      }
    }
    return false;
  };
  for (size_t i = 0; i < adj.size(); ++i) {
    std::set<size_t> seen;
    if (!adj[i].empty()) assign(i, &seen);
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (const auto& [j, i] : match_right) pairs.emplace_back(i, j);
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

// Adds one document's matching to `score`: `pairs` of `n_pred` predicted
// and `n_gold` gold items, describing the unmatched ones.
void AddMatching(const std::vector<std::pair<size_t, size_t>>& pairs, size_t n_pred, size_t n_gold,
                 const std::function<std::string(size_t)>& describe_pred,
                 const std::function<std::string(size_t)>& describe_gold, const std::string& doc, Score* score) {
  std::vector<bool> pred_used(n_pred, false), gold_used(n_gold, false);
  for (const auto& [i, j] : pairs) pred_used[i] = gold_used[j] = true;
  score->true_positives += pairs.size();
  score->false_positives += n_pred - pairs.size();
  score->false_negatives += n_gold - pairs.size();
  for (size_t j = 0; j < n_gold; ++j) {
    if (!gold_used[j]) score->misses.push_back(doc + ": " + describe_gold(j));
  }
  for (size_t i = 0; i < n_pred; ++i) {
    if (!pred_used[i]) score->false_hits.push_back(doc + ": " + describe_pred(i));
  }
}

std::string Str(const rapidjson::Value& v, const char* key) {
  return v.IsObject() && v.HasMember(key) && v[key].IsString() ? v[key].GetString() : "";
}
std::vector<std::string> Strs(const rapidjson::Value& v, const char* key) {
  std::vector<std::string> out;
  if (!v.IsObject() || !v.HasMember(key)) return out;
  if (v[key].IsString()) out.push_back(v[key].GetString());
  if (v[key].IsArray()) {
    for (const auto& s : v[key].GetArray()) {
      if (s.IsString()) out.push_back(s.GetString());
    }
  }
  return out;
}
const rapidjson::Value* List(const rapidjson::Value& gold, const char* key) {
  return gold.HasMember(key) && gold[key].IsArray() ? &gold[key] : nullptr;
}

// Whether a gold file is in the annotation-set format: it names itself by
// "id", or a claim has a "key", or a relation a "subject".
bool IsAnnotationSet(const rapidjson::Value& gold) {
  if (gold.HasMember("id") && gold["id"].IsString()) return true;
  for (const char* list : {"claims", "relations"}) {
    const rapidjson::Value* items = List(gold, list);
    for (size_t i = 0; items != nullptr && i < items->Size(); ++i) {
      if ((*items)[static_cast<rapidjson::SizeType>(i)].IsObject() &&
          ((*items)[static_cast<rapidjson::SizeType>(i)].HasMember("key") ||
           (*items)[static_cast<rapidjson::SizeType>(i)].HasMember("subject"))) {
        return true;
      }
    }
  }
  return false;
}

// A graph as the annotation set's scorer reads it.
struct ScoredGraph {
  struct Entity {
    std::set<std::string> names;
    std::set<std::string> docs;
    std::string type;  // as written
    std::string label;
  };
  struct Claim {
    std::string doc, text, key_text, modality;
    bool negated = false;
    bool has_asserts = false;
    std::set<std::string> speakers;
  };
  struct Relation {
    std::string source, target, relation;
    std::set<std::string> docs;
  };
  std::map<std::string, Entity> entities;
  std::map<std::string, Claim> claims;
  std::vector<Relation> relations;

  explicit ScoredGraph(const Graph& graph) {
    for (const Node& n : graph.Nodes()) {
      if (n.is_claim) {
        Claim& c = claims[n.id];
        c.doc = n.claim.doc;
        c.text = n.claim.text.empty() ? n.label : n.claim.text;
        c.key_text = NameKey(c.text);
        c.modality = n.claim.modality;
        c.negated = n.claim.negated;
        continue;
      }
      Entity& e = entities[n.id];
      e.label = n.label;
      e.type = n.type;
      for (const std::string& name : n.aliases) e.names.insert(NameKey(name));
      e.names.insert(NameKey(n.label));
      e.names.erase("");
      for (const Mention& m : n.mentions) e.docs.insert(m.doc);
    }
    for (const Edge& edge : graph.Edges()) {
      if (edge.relation == "asserts") {
        const auto c = claims.find(edge.target);
        if (c == claims.end()) continue;
        c->second.has_asserts = true;
        const auto s = entities.find(edge.source);
        if (s != entities.end()) c->second.speakers.insert(s->second.names.begin(), s->second.names.end());
        continue;
      }
      if (edge.relation == "mentions" || edge.relation == "co_mentioned") continue;
      const auto s = entities.find(edge.source);
      const auto t = entities.find(edge.target);
      if (s == entities.end() || t == entities.end()) continue;
      Relation r{edge.source, edge.target, edge.relation, {}};
      for (const Evidence& ev : edge.evidence) r.docs.insert(ev.doc);
      if (r.docs.empty()) {
        std::set_intersection(s->second.docs.begin(), s->second.docs.end(), t->second.docs.begin(),
                              t->second.docs.end(), std::inserter(r.docs, r.docs.end()));
      }
      relations.push_back(std::move(r));
    }
  }

  bool IsGroup(const Entity& e) const {
    if (e.names.empty()) return false;
    for (const std::string& n : e.names) {
      if (!GroupNames().count(n) && !UnattributedNames().count(n)) return false;
    }
    return true;
  }
};

// Scores one document of an annotation set, as its scorer does.
void ScoreAnnotated(const ScoredGraph& graph, const std::string& doc, const rapidjson::Value& gold,
                    Evaluation* eval) {
  // Gold entities, by name for the claims' speakers and the relations' ends.
  struct GoldEntity {
    std::string name, type;
    std::set<std::string> names;
  };
  std::vector<GoldEntity> gents;
  std::map<std::string, std::set<std::string>> names_of;
  if (const rapidjson::Value* list = List(gold, "entities")) {
    for (const auto& e : list->GetArray()) {
      if (Str(e, "name").empty()) continue;
      GoldEntity g{Str(e, "name"), Str(e, "type"), {NameKey(Str(e, "name"))}};
      for (const std::string& a : Strs(e, "aliases")) g.names.insert(NameKey(a));
      g.names.erase("");
      names_of[g.name] = g.names;
      gents.push_back(std::move(g));
    }
  }
  auto names = [&](const std::string& name) -> std::set<std::string> {
    const auto it = names_of.find(name);
    if (it != names_of.end()) return it->second;
    const std::string k = NameKey(name);
    return k.empty() ? std::set<std::string>() : std::set<std::string>{k};
  };
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  };

  // Entities.
  std::vector<const ScoredGraph::Entity*> pred;
  for (const auto& [id, e] : graph.entities) {
    if (e.docs.count(doc) && !graph.IsGroup(e)) pred.push_back(&e);
  }
  std::vector<std::vector<size_t>> adj(pred.size()), adj_typed(pred.size());
  for (size_t i = 0; i < pred.size(); ++i) {
    for (size_t j = 0; j < gents.size(); ++j) {
      if (!Intersects(pred[i]->names, gents[j].names)) continue;
      adj[i].push_back(j);
      if (lower(pred[i]->type) == lower(gents[j].type)) adj_typed[i].push_back(j);
    }
  }
  const auto pairs = MaxMatching(adj);
  auto describe_pred = [&](size_t i) { return pred[i]->label + " (" + pred[i]->type + ")"; };
  auto describe_gold = [&](size_t j) { return gents[j].name + " (" + gents[j].type + ")"; };
  AddMatching(pairs, pred.size(), gents.size(), describe_pred, describe_gold, doc, &eval->entities);
  AddMatching(MaxMatching(adj_typed), pred.size(), gents.size(), describe_pred, describe_gold, doc,
              &eval->entities_typed);
  // By type: a predicted entity of type T found (precision of T), a gold
  // entity of type T found (recall of T).
  std::vector<bool> pred_found(pred.size(), false), gold_found(gents.size(), false);
  for (const auto& [i, j] : pairs) pred_found[i] = gold_found[j] = true;
  for (size_t i = 0; i < pred.size(); ++i) {
    Score& s = eval->entities_by_type[pred[i]->type];
    pred_found[i] ? ++s.true_positives : ++s.false_positives;
    if (!pred_found[i]) s.false_hits.push_back(doc + ": " + describe_pred(i));
  }
  for (size_t j = 0; j < gents.size(); ++j) {
    if (gold_found[j]) continue;
    Score& s = eval->entities_by_type[gents[j].type];
    ++s.false_negatives;
    s.misses.push_back(doc + ": " + describe_gold(j));
  }

  // Claims: the key inside the content, then the speaker too.
  struct GoldClaim {
    std::string key, key_norm, speaker;
    std::vector<std::string> alternatives;
    bool negated = false, hedged = false;
  };
  std::vector<GoldClaim> gcl;
  if (const rapidjson::Value* list = List(gold, "claims")) {
    for (const auto& c : list->GetArray()) {
      if (!c.IsObject() || !c.HasMember("key") || !c["key"].IsString()) continue;
      GoldClaim g{Str(c, "key"), NameKey(Str(c, "key")), Str(c, "speaker"), Strs(c, "speaker_alt")};
      g.negated = c.HasMember("negated") && c["negated"].IsBool() && c["negated"].GetBool();
      g.hedged = c.HasMember("hedged") && c["hedged"].IsBool() && c["hedged"].GetBool();
      gcl.push_back(std::move(g));
    }
  }
  std::vector<const ScoredGraph::Claim*> pcl;
  for (const auto& [id, c] : graph.claims) {
    if (c.doc == doc) pcl.push_back(&c);
  }
  auto speaker_ok = [&](const GoldClaim& g, const ScoredGraph::Claim& c) {
    std::vector<std::string> wanted = {g.speaker};
    wanted.insert(wanted.end(), g.alternatives.begin(), g.alternatives.end());
    for (const std::string& w : wanted) {
      if (w.empty()) continue;
      if (w == "unattributed") {
        if (!c.has_asserts || Intersects(c.speakers, UnattributedNames())) return true;
      } else if (w == "experts" || w == "analysts" || w == "industry") {
        if (Intersects(c.speakers, GroupNames())) return true;
      } else if (Intersects(c.speakers, names(w))) {
        return true;
      }
    }
    return false;
  };
  std::vector<std::vector<size_t>> cadj(pcl.size()), cadj_speaker(pcl.size());
  for (size_t i = 0; i < pcl.size(); ++i) {
    for (size_t j = 0; j < gcl.size(); ++j) {
      if (gcl[j].key_norm.empty() || pcl[i]->key_text.find(gcl[j].key_norm) == std::string::npos) continue;
      cadj[i].push_back(j);
      if (speaker_ok(gcl[j], *pcl[i])) cadj_speaker[i].push_back(j);
    }
  }
  auto describe_claim = [&](size_t i) {
    // The first 120 bytes, cut at a code point.
    size_t n = std::min<size_t>(120, pcl[i]->text.size());
    while (n < pcl[i]->text.size() && (static_cast<unsigned char>(pcl[i]->text[n]) & 0xC0) == 0x80) --n;
    return "\"" + pcl[i]->text.substr(0, n) + (n < pcl[i]->text.size() ? "…" : "") + "\"";
  };
  auto describe_gold_claim = [&](size_t j) { return gcl[j].speaker + ": " + gcl[j].key; };
  const auto claim_pairs = MaxMatching(cadj);
  AddMatching(claim_pairs, pcl.size(), gcl.size(), describe_claim, describe_gold_claim, doc, &eval->claims_found);
  AddMatching(MaxMatching(cadj_speaker), pcl.size(), gcl.size(), describe_claim, describe_gold_claim, doc,
              &eval->claims);
  for (const auto& [i, j] : claim_pairs) {
    ++eval->matched_claims;
    if ((pcl[i]->modality == "hedged" || pcl[i]->modality == "implied") == gcl[j].hedged) ++eval->hedge_agreement;
    if (pcl[i]->negated == gcl[j].negated) ++eval->negation_agreement;
  }

  // Relations: typed and directed (competes_with either way), and untyped.
  struct GoldRelation {
    std::string subject, relation, object;
    std::set<std::string> subject_names, object_names;
  };
  std::vector<GoldRelation> grel;
  auto relation_key = [&](std::string r) {
    for (char& c : r) c = c == '-' || c == ' ' ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return r;
  };
  if (const rapidjson::Value* list = List(gold, "relations")) {
    for (const auto& r : list->GetArray()) {
      if (Str(r, "subject").empty() || Str(r, "object").empty()) continue;
      grel.push_back({Str(r, "subject"), relation_key(Str(r, "relation")), Str(r, "object"), names(Str(r, "subject")),
                      names(Str(r, "object"))});
    }
  }
  std::vector<const ScoredGraph::Relation*> prel;
  for (const ScoredGraph::Relation& r : graph.relations) {
    if (r.docs.count(doc)) prel.push_back(&r);
  }
  std::vector<std::vector<size_t>> radj(prel.size()), radj_untyped(prel.size());
  for (size_t i = 0; i < prel.size(); ++i) {
    const auto& sn = graph.entities.at(prel[i]->source).names;
    const auto& on = graph.entities.at(prel[i]->target).names;
    for (size_t j = 0; j < grel.size(); ++j) {
      const bool forward = Intersects(sn, grel[j].subject_names) && Intersects(on, grel[j].object_names);
      const bool reverse = Intersects(sn, grel[j].object_names) && Intersects(on, grel[j].subject_names);
      if (forward || reverse) radj_untyped[i].push_back(j);
      if (prel[i]->relation == grel[j].relation &&
          (forward || (grel[j].relation == "competes_with" && reverse))) {
        radj[i].push_back(j);
      }
    }
  }
  auto describe_relation = [&](size_t i) {
    return graph.entities.at(prel[i]->source).label + " " + prel[i]->relation + " " +
           graph.entities.at(prel[i]->target).label;
  };
  auto describe_gold_relation = [&](size_t j) {
    return grel[j].subject + " " + grel[j].relation + " " + grel[j].object;
  };
  AddMatching(MaxMatching(radj), prel.size(), grel.size(), describe_relation, describe_gold_relation, doc,
              &eval->relations);
  AddMatching(MaxMatching(radj_untyped), prel.size(), grel.size(), describe_relation, describe_gold_relation, doc,
              &eval->relations_untyped);
}

// Matches gold items against predicted ones in order, each used once
// (the per-document format).
template <typename Gold, typename Pred, typename Same, typename Describe, typename DescribePred>
void ScoreItems(const std::vector<Gold>& gold, const std::vector<Pred>& predicted, Same same, Describe describe,
                DescribePred describe_pred, const std::string& doc, Score* score) {
  std::vector<bool> used(predicted.size(), false);
  for (const Gold& g : gold) {
    bool hit = false;
    for (size_t i = 0; i < predicted.size() && !hit; ++i) {
      if (!used[i] && same(g, predicted[i])) {
        used[i] = true;
        hit = true;
      }
    }
    if (hit) {
      ++score->true_positives;
    } else {
      ++score->false_negatives;
      score->misses.push_back(doc + ": " + describe(g));
    }
  }
  for (size_t i = 0; i < predicted.size(); ++i) {
    if (used[i]) continue;
    ++score->false_positives;
    score->false_hits.push_back(doc + ": " + describe_pred(predicted[i]));
  }
}

// Scores one document in the per-document format against its extraction.
Status ScorePerDocument(const std::string& file, const rapidjson::Value& gold, const Extraction& ex,
                        Evaluation* eval) {
  // The names each predicted entity answers to.
  std::map<std::string, std::set<std::string>> names;
  std::map<std::string, std::string> types;
  for (const EntityMention& m : ex.mentions) {
    auto& n = names[m.entity_id];
    n.insert(Fold(m.label));
    for (const std::string& a : m.aliases) n.insert(Fold(a));
    if (m.surface_is_alias) n.insert(Fold(m.surface));
    types[m.entity_id] = m.type;
  }
  auto answers = [&](const std::string& id, const std::string& name) {
    const auto it = names.find(id);
    return it != names.end() && it->second.count(Fold(name)) > 0;
  };
  for (const char* key : {"entities", "claims", "relations"}) {
    if (!gold.HasMember(key)) continue;
    if (!gold[key].IsArray()) return GoldError(file, std::string("\"") + key + "\" must be an array");
    for (const auto& item : gold[key].GetArray()) {
      if (!item.IsObject()) return GoldError(file, std::string("each of \"") + key + "\" must be an object");
    }
  }
  auto gold_items = [&](const char* key) {
    std::vector<const rapidjson::Value*> g;
    if (const rapidjson::Value* list = List(gold, key)) {
      for (const auto& v : list->GetArray()) g.push_back(&v);
    }
    return g;
  };
  if (gold.HasMember("entities")) {
    std::vector<std::string> predicted;
    for (const auto& [id, n] : names) predicted.push_back(id);
    auto same = [&](const rapidjson::Value* v, const std::string& id, bool typed) {
      const std::string type = Str(*v, "type");
      return answers(id, Str(*v, "name")) && (!typed || type.empty() || type == types[id]);
    };
    auto describe = [&](const rapidjson::Value* v) { return Str(*v, "name") + " (" + Str(*v, "type") + ")"; };
    auto describe_pred = [&](const std::string& id) { return id + " (" + types[id] + ")"; };
    ScoreItems(gold_items("entities"), predicted, [&](auto* v, const auto& id) { return same(v, id, false); },
               describe, describe_pred, ex.doc_id, &eval->entities);
    ScoreItems(gold_items("entities"), predicted, [&](auto* v, const auto& id) { return same(v, id, true); },
               describe, describe_pred, ex.doc_id, &eval->entities_typed);
  }
  if (gold.HasMember("claims")) {
    auto describe = [&](const rapidjson::Value* v) { return Str(*v, "speaker") + ": \"" + Str(*v, "content") + "\""; };
    auto describe_pred = [&](const ClaimMention& c) {
      return (c.speaker.empty() ? c.speaker_status : c.speaker) + ": \"" + c.text + "\"";
    };
    ScoreItems(
        gold_items("claims"), ex.claims,
        [&](const rapidjson::Value* v, const ClaimMention& c) {
          const std::string speaker = Str(*v, "speaker");
          const bool speaker_ok = c.speaker.empty() ? speaker == c.speaker_status : answers(c.speaker, speaker);
          return speaker_ok && Str(*v, "content") == c.text;
        },
        describe, describe_pred, ex.doc_id, &eval->claims);
    ScoreItems(
        gold_items("claims"), ex.claims,
        [&](const rapidjson::Value* v, const ClaimMention& c) { return Str(*v, "content") == c.text; }, describe,
        describe_pred, ex.doc_id, &eval->claims_found);
  }
  if (gold.HasMember("relations")) {
    // A relation stated twice in one document counts once.
    std::vector<RelationMention> unique;
    for (const RelationMention& r : ex.relations) {
      const bool seen = std::any_of(unique.begin(), unique.end(), [&](const RelationMention& u) {
        return u.source == r.source && u.relation == r.relation && u.target == r.target;
      });
      if (!seen) unique.push_back(r);
    }
    auto describe = [&](const rapidjson::Value* v) {
      return Str(*v, "source") + " " + Str(*v, "relation") + " " + Str(*v, "target");
    };
    auto describe_pred = [&](const RelationMention& r) { return r.source + " " + r.relation + " " + r.target; };
    auto ends = [&](const rapidjson::Value* v, const RelationMention& r) {
      return answers(r.source, Str(*v, "source")) && answers(r.target, Str(*v, "target"));
    };
    ScoreItems(
        gold_items("relations"), unique,
        [&](const rapidjson::Value* v, const RelationMention& r) { return Str(*v, "relation") == r.relation && ends(v, r); },
        describe, describe_pred, ex.doc_id, &eval->relations);
    ScoreItems(gold_items("relations"), unique, ends, describe, describe_pred, ex.doc_id, &eval->relations_untyped);
  }
  return Status();
}

}  // namespace

Result<Evaluation> Evaluate(const RulePack& rules, const std::vector<Document>& docs, const std::string& gold_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(gold_dir, ec)) {
    Error e;
    e.code = ErrorCode::kIoError;
    e.location.file = gold_dir;
    e.message = "gold directory not found";
    return e;
  }
  Evaluation eval;
  const Pipeline pipeline(rules);
  std::optional<ScoredGraph> graph;  // of every document, built when an annotation set needs it
  for (const Document& doc : docs) {
    const std::string file = (fs::path(gold_dir) / (doc.id + ".json")).string();
    std::ifstream in(file, std::ios::binary);
    if (!in) continue;
    const std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    rapidjson::Document gold;
    gold.Parse<rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag | rapidjson::kParseIterativeFlag>(
        content.data(), content.size());
    if (gold.HasParseError() || !gold.IsObject()) {
      return GoldError(file, gold.HasParseError() ? std::string("malformed JSON: ") +
                                                        rapidjson::GetParseError_En(gold.GetParseError())
                                                  : "a gold file must be a JSON object");
    }
    ++eval.documents;
    if (IsAnnotationSet(gold)) {
      if (!graph) {
        Result<Graph> built = pipeline.Run(docs);
        if (!built.ok()) return built.status();
        graph.emplace(*built);
      }
      ScoreAnnotated(*graph, doc.id, gold, &eval);
      continue;
    }
    Result<Extraction> result = pipeline.Extract(doc);
    if (!result.ok()) return result.status();
    Status scored = ScorePerDocument(file, gold, *result, &eval);
    if (!scored.ok()) return scored;
  }
  return eval;
}

}  // namespace claimgraph
