// SPDX-License-Identifier: Apache-2.0
// Stage 5, build graph. Offsets leave normalized space here, once: every
// span becomes original code points, and every mention's text is sliced
// from the original document.
//
// One function (Emit) turns a document's accepted candidates into its
// mentions, claims and relations, as views of the strings they come from;
// a sink consumes them. ExtractionSink copies them into an Extraction
// (Pipeline::Extract, explain); GraphSink appends them to a graph, which is
// what a build does, without an Extraction in between. AddExtraction feeds
// an Extraction's fields to the same GraphSink, so both ways make the same
// graph.
#include "build_graph.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "extract_claims.h"
#include "graph_appender.h"
#include "resolve_references.h"
#include "internal/utf8.h"
#include "entity_ids.h"
#include "rule_pack.h"

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
std::string ShortLabel(std::string_view text) {
  size_t bytes = 0;
  int64_t cps = 0;
  while (bytes < text.size() && cps < 40) {
    int len = 0;
    DecodeAt(text, bytes, &len);
    bytes += static_cast<size_t>(len);
    ++cps;
  }
  if (bytes >= text.size()) return std::string(text);
  const size_t space = text.rfind(' ', bytes);
  return std::string(text.substr(0, space != std::string_view::npos && space > bytes / 2 ? space : bytes)) + "…";
}

bool HasHangul(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    int len = 0;
    if (IsHangul(DecodeAt(s, i, &len))) return true;
    i += static_cast<size_t>(len);
  }
  return false;
}

// The names glossed in parentheses right after a name that ends at `end`
// of normalized `text`: "퓨리오사AI(FuriosaAI)", "어센드(昇腾·Ascend)",
// "FuriosaAI(퓨리오사AI)". A piece is a name when it has Latin or Han
// letters, or, after a name without Hangul, is Hangul; numbers (an age, a
// stock code) and long phrases are not.
std::vector<std::string_view> GlossAliases(std::string_view text, size_t end, bool name_has_hangul) {
  std::vector<std::string_view> out;
  if (end >= text.size() || text[end] != '(') return out;
  const size_t close = text.find(')', end);
  if (close == std::string_view::npos || close - end > 48) return out;
  std::string_view inside = text.substr(end + 1, close - end - 1);
  size_t start = 0;
  while (start <= inside.size()) {
    size_t stop = inside.size();
    for (const std::string_view sep : {"·", ",", "/", "、"}) {
      const size_t at = inside.find(sep, start);
      if (at != std::string_view::npos && at < stop) stop = at;
    }
    std::string_view piece = inside.substr(start, stop - start);
    while (!piece.empty() && piece.front() == ' ') piece.remove_prefix(1);
    while (!piece.empty() && piece.back() == ' ') piece.remove_suffix(1);
    bool latin = false, han = false, hangul = false, other = false;
    size_t spaces = 0;
    for (size_t i = 0; i < piece.size();) {
      int len = 1;
      const char32_t c = DecodeAt(piece, i, &len);
      i += static_cast<size_t>(len);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        latin = true;
      } else if (c >= 0x4E00 && c <= 0x9FFF) {
        han = true;
      } else if (IsHangul(c)) {
        hangul = true;
      } else if (c == ' ') {
        ++spaces;
      } else if (!((c >= '0' && c <= '9') || c == '-' || c == '.' || c == '&' || c == '\'')) {
        other = true;
      }
    }
    const bool name = (latin || han) ? !hangul || latin : hangul && !name_has_hangul;
    if (!piece.empty() && name && !other && spaces <= 3 && (latin || han || hangul)) out.push_back(piece);
    if (stop >= inside.size()) break;
    start = stop + (inside.compare(stop, std::string_view("·").size(), "·") == 0 ? std::string_view("·").size() : 1);
  }
  return out;
}

// Whether `surface` is one of `entry`'s aliases written in capitals
// ("SAN FRANCISCO") and not itself an alias.
bool IsCapitalsOf(std::string_view surface, const GazetteerEntry& entry) {
  if (std::any_of(surface.begin(), surface.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) return false;
  auto same = [&](const std::string& alias) {
    if (alias == surface) return false;
    if (alias.size() != surface.size()) return false;
    for (size_t i = 0; i < alias.size(); ++i) {
      const char a = alias[i] >= 'a' && alias[i] <= 'z' ? static_cast<char>(alias[i] - 'a' + 'A') : alias[i];
      if (a != surface[i]) return false;
    }
    return true;
  };
  return std::any_of(entry.aliases.begin(), entry.aliases.end(), same) &&
         std::none_of(entry.aliases.begin(), entry.aliases.end(), [&](const std::string& a) { return a == surface; });
}

using Pairs = std::vector<std::pair<std::string_view, std::string_view>>;

// A mention, a claim and a relation as EntityMention, ClaimMention and
// RelationMention hold them, as views (valid during the sink's call, and
// until the document is done: they point into the rule pack, the document,
// its normalized text, its candidates and Emit's own storage).
struct MentionFields {
  std::string_view entity_id, label, type, text, surface, rule, particle;
  int64_t start = 0;
  int64_t end = 0;
  int sentence = 0;
  int priority = 0;
  bool surface_is_alias = true;
  std::vector<std::string_view> aliases;
  Pairs attributes;  // by key, each key once
};

struct ClaimFields {
  std::string_view id, label, text, cue, modality, rule, speaker, speaker_status, medium, about, date, date_source;
  std::string_view coref_rule, coref_text;
  int64_t start = 0, end = 0, evidence_start = 0, evidence_end = 0, coref_start = 0, coref_end = 0;
  int sentence = 0;
  bool negated = false;
  std::vector<std::string_view> mentions;
};

struct RelationFields {
  std::string_view source, target, relation, rule;
  int64_t start = 0, end = 0;
  int sentence = 0;
  Pairs attributes;  // by key
};

// Attributes from a map to views of it, or from views to a map (both in
// key order).
template <typename Map>
void CopyAttributes(const Map& from, Pairs* to) {
  to->clear();
  for (const auto& [k, v] : from) to->emplace_back(k, v);
}
void CopyAttributes(const Pairs& from, std::map<std::string, std::string>* to) {
  to->clear();
  for (const auto& [k, v] : from) to->emplace_hint(to->end(), k, v);
}

// A mention, claim or relation's fields, between the Fields views and the
// public EntityMention, ClaimMention and RelationMention (the same names),
// either way: ExtractionSink copies views into an Extraction, AddExtraction
// reads an Extraction as views.
template <typename From, typename To>
void CopyMention(const From& f, To* m) {
  m->entity_id = f.entity_id;
  m->label = f.label;
  m->type = f.type;
  m->start = f.start;
  m->end = f.end;
  m->text = f.text;
  m->surface = f.surface;
  m->surface_is_alias = f.surface_is_alias;
  m->sentence = f.sentence;
  m->rule = f.rule;
  m->particle = f.particle;
  m->priority = f.priority;
  m->aliases.assign(f.aliases.begin(), f.aliases.end());
  CopyAttributes(f.attributes, &m->attributes);
}

template <typename From, typename To>
void CopyClaim(const From& f, To* c) {
  c->id = f.id;
  c->label = f.label;
  c->text = f.text;
  c->cue = f.cue;
  c->modality = f.modality;
  c->negated = f.negated;
  c->start = f.start;
  c->end = f.end;
  c->sentence = f.sentence;
  c->rule = f.rule;
  c->speaker = f.speaker;
  c->speaker_status = f.speaker_status;
  c->evidence_start = f.evidence_start;
  c->evidence_end = f.evidence_end;
  c->coref_rule = f.coref_rule;
  c->coref_text = f.coref_text;
  c->coref_start = f.coref_start;
  c->coref_end = f.coref_end;
  c->medium = f.medium;
  c->mentions.assign(f.mentions.begin(), f.mentions.end());
  c->about = f.about;
  c->date = f.date;
  c->date_source = f.date_source;
}

template <typename From, typename To>
void CopyRelation(const From& f, To* r) {
  r->source = f.source;
  r->target = f.target;
  r->relation = f.relation;
  r->rule = f.rule;
  r->start = f.start;
  r->end = f.end;
  r->sentence = f.sentence;
  CopyAttributes(f.attributes, &r->attributes);
}

// Slices of the original text by code point offsets.
class OriginalText {
 public:
  explicit OriginalText(std::string_view text) : text_(text) {
    cp_byte_.reserve(text.size() + 1);
    for (size_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) cp_byte_.push_back(static_cast<uint32_t>(i));
    }
    cp_byte_.push_back(static_cast<uint32_t>(text.size()));
  }
  int64_t chars() const { return static_cast<int64_t>(cp_byte_.size()) - 1; }
  std::string_view Slice(int64_t start, int64_t end) const {
    const size_t b = cp_byte_[static_cast<size_t>(start)];
    return text_.substr(b, cp_byte_[static_cast<size_t>(end)] - b);
  }

 private:
  std::string_view text_;
  std::vector<uint32_t> cp_byte_;  // byte offset of every code point, and of the end (32 bits, as NormalizedText's)
};

// Sends the document's sentences, accepted mentions (in text order), claims
// and relations to `sink`.
template <typename Sink>
void Emit(const RulePackData& rules, const Document& doc, const NormalizedText& norm, const OriginalText& original,
          const std::vector<std::pair<size_t, size_t>>& sentences, const FoundInDocument& found, Sink* sink) {
  const std::vector<Candidate>& all = found.all;
  const std::vector<size_t>& accepted = found.accepted;
  const std::vector<CandidateRelation>& relations = found.relations;
  const std::vector<CandidateClaim>& claims = found.claims;
  for (const auto& [b, e] : sentences) {
    const auto [start, end] = norm.ToOriginal(b, e);
    sink->Sentence(start, end);
  }

  // By candidate index: its entity's id, or "" if it is not an accepted mention.
  std::vector<std::string> entity_ids(all.size());
  struct Placed {
    int64_t start, end;
    size_t index;
  };
  std::vector<Placed> placed;
  placed.reserve(accepted.size());
  for (size_t idx : accepted) {
    entity_ids[idx] = EntityIdOf(rules, all[idx]);
    const auto [start, end] = norm.ToOriginal(all[idx].begin, all[idx].end);
    placed.push_back({start, end, idx});
  }
  std::sort(placed.begin(), placed.end(), [&](const Placed& a, const Placed& b) {
    return std::tie(a.start, a.end, entity_ids[a.index]) < std::tie(b.start, b.end, entity_ids[b.index]);
  });
  std::deque<std::string> latin;  // romanized names (a deque: views of them stay valid)
  MentionFields m;
  for (const Placed& p : placed) {
    const Candidate& c = all[p.index];
    m.entity_id = entity_ids[p.index];
    m.start = p.start;
    m.end = p.end;
    m.text = original.Slice(p.start, p.end);
    m.surface = std::string_view(norm.text).substr(c.begin, c.end - c.begin);
    // "차이" (a surname with a title) or "알리바바 CEO" (a role) resolved to a
    // gazetteer entity is not one of its names.
    // A group speaker ("전문가들", "업계 일각") is named by its label alone:
    // the words that name it are no names of one entity across documents.
    m.surface_is_alias =
        (c.entity < 0 || c.rule_id == "gazetteer") && !IsReferenceRule(c.rule_id) && c.type != "Group";
    if (c.entity >= 0 && m.surface_is_alias && IsCapitalsOf(m.surface, rules.entities[static_cast<size_t>(c.entity)])) {
      m.surface_is_alias = false;  // "SEOUL" in a dateline: Seoul's name in capitals, no new one
    }
    m.sentence = c.sentence;
    m.rule = c.rule_id;
    m.particle = c.particle;
    m.priority = c.priority;
    m.type = c.type;
    m.aliases.clear();
    m.attributes.clear();
    if (c.entity >= 0) {
      const GazetteerEntry& entry = rules.entities[static_cast<size_t>(c.entity)];
      m.label = entry.canonical;
      m.aliases.assign(entry.aliases.begin(), entry.aliases.end());
      CopyAttributes(entry.exported_attributes, &m.attributes);
    } else {
      m.label = c.label;
      m.aliases.push_back(c.label);
      // Found by grammar alone, not in the gazetteer: users may filter on it.
      if (!rules.entity_by_id.count(std::string(m.entity_id.substr(4)))) m.attributes.emplace_back("source", "pattern");
      if (HasHangul(c.label)) {
        std::string romanized = Romanize(c.label);
        if (!romanized.empty() && romanized != c.label) m.aliases.push_back(latin.emplace_back(std::move(romanized)));
      }
    }
    for (std::string_view gloss : GlossAliases(norm.text, c.end, HasHangul(m.surface))) {
      if (std::find(m.aliases.begin(), m.aliases.end(), gloss) == m.aliases.end()) m.aliases.push_back(gloss);
    }
    // The candidate's own attributes, where the entry has none of that key.
    for (const auto& [key, value] : c.attributes) {
      const auto at = std::lower_bound(m.attributes.begin(), m.attributes.end(), key,
                                       [](const auto& kv, const std::string& k) { return kv.first < k; });
      if (at == m.attributes.end() || at->first != key) m.attributes.emplace(at, key, value);
    }
    sink->Mention(m);
  }
  sink->EndMentions();

  auto id_of = [&](long idx) -> std::string_view {
    return idx >= 0 && static_cast<size_t>(idx) < entity_ids.size() ? entity_ids[static_cast<size_t>(idx)]
                                                                     : std::string_view();
  };
  ClaimFields f;
  std::string id, label;
  for (size_t i = 0; i < claims.size(); ++i) {
    const CandidateClaim& c = claims[i];
    id = "claim:" + doc.id + ":" + std::to_string(i);
    f.id = id;
    const auto [start, end] = norm.ToOriginal(c.content_begin, c.content_end);
    f.start = start;
    f.end = end;
    f.text = original.Slice(start, end);
    label = ShortLabel(f.text);
    f.label = label;
    f.cue = c.cue;
    f.modality = c.modality;
    f.negated = c.negated;
    f.sentence = c.sentence;
    f.rule = c.rule_id;
    const auto [ev_start, ev_end] = norm.ToOriginal(c.match_begin, c.match_end);
    f.evidence_start = ev_start;
    f.evidence_end = ev_end;
    f.speaker_status = c.speaker_status;
    f.speaker = id_of(c.speaker);
    f.coref_rule = c.coref_rule;
    f.coref_text = {};
    f.coref_start = f.coref_end = 0;
    if (!c.coref_rule.empty()) {
      const auto [cs, ce] = norm.ToOriginal(c.coref_begin, c.coref_end);
      f.coref_start = cs;
      f.coref_end = ce;
      f.coref_text = original.Slice(cs, ce);
    }
    f.medium = id_of(c.medium);
    f.mentions.clear();
    for (size_t mention : c.mentions) {
      const std::string_view mention_id = id_of(static_cast<long>(mention));
      if (!mention_id.empty() && std::find(f.mentions.begin(), f.mentions.end(), mention_id) == f.mentions.end()) {
        f.mentions.push_back(mention_id);
      }
    }
    f.about = id_of(c.about);
    // The day the sentence names; else the document's own date.
    f.date = c.date;
    f.date_source = c.date.empty() ? "" : "sentence";
    if (f.date.empty()) {
      f.date = DocumentDay(doc.date);
      if (!f.date.empty()) f.date_source = "document";
    }
    sink->Claim(f);
  }

  RelationFields r;
  for (const CandidateRelation& rel : relations) {
    r.source = id_of(static_cast<long>(rel.source));
    r.target = id_of(static_cast<long>(rel.target));
    if (r.source.empty() || r.target.empty() || r.source == r.target) continue;
    r.relation = rel.relation;
    r.rule = rel.rule_id;
    const auto [start, end] = norm.ToOriginal(rel.begin, rel.end);
    r.start = start;
    r.end = end;
    r.sentence = all[rel.source].sentence;
    CopyAttributes(rel.attributes, &r.attributes);
    sink->Relation(r);
  }
}

// Copies what Emit sends into an Extraction.
class ExtractionSink {
 public:
  ExtractionSink(std::string_view doc_id, int64_t chars) {
    ex_.doc_id = doc_id;
    ex_.chars = chars;
  }
  void Sentence(int64_t start, int64_t end) { ex_.sentences.push_back({start, end}); }
  void Mention(const MentionFields& f) { CopyMention(f, &ex_.mentions.emplace_back()); }
  void EndMentions() {}
  void Claim(const ClaimFields& f) { CopyClaim(f, &ex_.claims.emplace_back()); }
  void Relation(const RelationFields& f) { CopyRelation(f, &ex_.relations.emplace_back()); }
  Extraction& extraction() { return ex_; }

 private:
  Extraction ex_;
};

constexpr uint32_t kNoNode = UINT32_MAX;

// Appends what Emit sends to a graph: one node per entity of the document,
// holding all its mentions here, and merged as the graph merges nodes (the
// smaller label and type win, and of two values of an attribute the
// smaller); co_mentioned edges between the entities of a sentence; claim
// nodes and their edges; relations. An edge needs both ends among this
// document's nodes (not just somewhere in the graph), so that adding
// documents in any order gives the same graph.
class GraphSink {
 public:
  GraphSink(Graph* graph, std::string_view doc_id, int64_t chars, const DocMeta& meta)
      : graph_(graph, doc_id, chars, meta),
        co_mentioned_(graph_.Intern("co_mentioned")),
        asserts_(graph_.Intern("asserts")),
        reports_(graph_.Intern("reports")),
        mentions_(graph_.Intern("mentions")),
        about_(graph_.Intern("about")) {}

  void Sentence(int64_t start, int64_t end) { sentences_.push_back({start, end}); }

  void Mention(const MentionFields& m) {
    const auto [it, added] = entity_at_.emplace(m.entity_id, entities_.size());
    if (added) {
      Entity& e = entities_.emplace_back();
      e.id = m.entity_id;
      e.label = m.label;
      e.type = m.type;
      e.aliases = m.aliases;
      e.attributes.insert(m.attributes.begin(), m.attributes.end());
    } else {
      Entity& e = entities_[it->second];
      if (e.label.empty() || (!m.label.empty() && m.label < e.label)) e.label = m.label;
      if (e.type.empty() || (!m.type.empty() && m.type < e.type)) e.type = m.type;
      for (std::string_view a : m.aliases) {
        if (std::find(e.aliases.begin(), e.aliases.end(), a) == e.aliases.end()) e.aliases.push_back(a);
      }
      for (const auto& [key, value] : m.attributes) {
        auto [at, inserted] = e.attributes.emplace(key, value);
        if (!inserted && value < at->second) at->second = value;
      }
    }
    Entity& e = entities_[it->second];
    if (m.surface_is_alias && std::find(e.aliases.begin(), e.aliases.end(), m.surface) == e.aliases.end()) {
      e.aliases.push_back(m.surface);
    }
    e.mentions.push_back({m.start, m.end, m.text, m.sentence, m.rule, m.particle});
    by_sentence_.emplace_back(m.sentence, m.entity_id);
  }

  void EndMentions() {
    graph_.SetSentences(sentences_);
    for (const Entity& e : entities_) {
      attributes_.assign(e.attributes.begin(), e.attributes.end());
      here_.emplace(e.id, graph_.AddEntity(e.id, e.label, e.type, e.aliases, graph_.InternAttributes(attributes_),
                                           e.mentions));
    }
    // One co_mentioned edge per pair, from the smaller id to the larger,
    // one evidence span per sentence.
    std::sort(by_sentence_.begin(), by_sentence_.end());
    by_sentence_.erase(std::unique(by_sentence_.begin(), by_sentence_.end()), by_sentence_.end());
    for (size_t first = 0; first < by_sentence_.size();) {
      const int sentence = by_sentence_[first].first;
      size_t last = first;
      while (last < by_sentence_.size() && by_sentence_[last].first == sentence) ++last;
      const SentenceSpan& span = sentences_[static_cast<size_t>(sentence)];
      for (size_t a = first; a < last; ++a) {
        for (size_t b = a + 1; b < last; ++b) {
          graph_.AddEdge(here_.at(by_sentence_[a].second), here_.at(by_sentence_[b].second), co_mentioned_, 0,
                         span.start, span.end, co_mentioned_);
        }
      }
      first = last;
    }
  }

  void Claim(const ClaimFields& c) {
    attributes_.clear();
    if (!c.date.empty()) attributes_.emplace_back("date", c.date);
    if (!c.date_source.empty()) attributes_.emplace_back("date_source", c.date_source);
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
    // The claim's id is a view of the caller's string: the key is kept as
    // the graph's copy of it.
    const uint32_t claim = graph_.AddClaim(c.id, c.label, graph_.InternAttributes(attributes_), info);
    here_.emplace(graph_.NodeId(claim), claim);
    const uint32_t rule = graph_.Intern(c.rule);
    auto link = [&](std::string_view source, std::string_view target, uint32_t relation, int64_t start, int64_t end,
                    uint32_t edge_attributes) {
      if (source.empty() || target.empty()) return;
      const uint32_t s = NodeHere(source);
      const uint32_t t = NodeHere(target);
      if (s != kNoNode && t != kNoNode) graph_.AddEdge(s, t, relation, edge_attributes, start, end, rule);
    };
    uint32_t coref = 0;
    if (!c.coref_rule.empty() && c.coref_end > c.coref_start) {
      const std::string cs = std::to_string(c.coref_start);
      const std::string ce = std::to_string(c.coref_end);
      coref = graph_.InternAttributes(
          {{"coref_end", ce}, {"coref_rule", c.coref_rule}, {"coref_start", cs}, {"coref_text", c.coref_text}});
    } else if (!c.coref_rule.empty()) {
      coref = graph_.InternAttributes({{"coref_rule", c.coref_rule}});  // a speaker with no words of its own
    }
    link(c.speaker, c.id, asserts_, c.evidence_start, c.evidence_end, coref);
    link(c.medium, c.id, reports_, c.evidence_start, c.evidence_end, 0);
    for (std::string_view m : c.mentions) link(c.id, m, mentions_, c.start, c.end, 0);
    link(c.id, c.about, about_, c.start, c.end, 0);
  }

  void Relation(const RelationFields& r) {
    const uint32_t s = NodeHere(r.source);
    const uint32_t t = NodeHere(r.target);
    if (s == kNoNode || t == kNoNode) return;
    graph_.AddEdge(s, t, graph_.Intern(r.relation), graph_.InternAttributes(r.attributes), r.start, r.end,
                   graph_.Intern(r.rule));
  }

 private:
  struct Entity {
    std::string_view id, label, type;
    std::vector<std::string_view> aliases;
    std::map<std::string_view, std::string_view> attributes;
    std::vector<GraphAppender::MentionIn> mentions;
  };
  uint32_t NodeHere(std::string_view id) const {
    const auto it = here_.find(id);
    return it == here_.end() ? kNoNode : it->second;
  }

  GraphAppender graph_;
  const uint32_t co_mentioned_, asserts_, reports_, mentions_, about_;
  std::vector<SentenceSpan> sentences_;
  std::vector<Entity> entities_;
  std::unordered_map<std::string_view, size_t> entity_at_;
  std::vector<std::pair<int, std::string_view>> by_sentence_;  // (sentence, entity id)
  // This document's nodes by id (views of the sink's inputs, or of the
  // graph's copy of a claim's id).
  std::unordered_map<std::string_view, uint32_t> here_;
  Pairs attributes_;
};

}  // namespace

Extraction BuildExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                           const std::vector<std::pair<size_t, size_t>>& sentences, const FoundInDocument& found) {
  const OriginalText original(doc.text);
  ExtractionSink sink(doc.id, original.chars());
  Emit(rules, doc, norm, original, sentences, found, &sink);
  Extraction& ex = sink.extraction();
  ex.title = doc.title;
  ex.date = doc.date;
  ex.url = doc.url;
  ex.lang = doc.lang;
  for (const Candidate& c : found.rejected) {
    RejectedMatch& r = ex.rejected.emplace_back();
    const auto [start, end] = norm.ToOriginal(c.begin, c.end);
    r.start = start;
    r.end = end;
    r.text = original.Slice(start, end);
    r.rule = c.rule_id;
    r.reason = c.reason;
  }
  return std::move(ex);
}

void AppendExtraction(const RulePackData& rules, const Document& doc, const NormalizedText& norm,
                      const std::vector<std::pair<size_t, size_t>>& sentences, const FoundInDocument& found,
                      Graph* graph) {
  const OriginalText original(doc.text);
  GraphSink sink(graph, doc.id, original.chars(), {doc.title, doc.date, doc.url, doc.lang});
  Emit(rules, doc, norm, original, sentences, found, &sink);
}

}  // namespace internal

Graph ExtractionToGraph(const Extraction& ex) {
  Graph graph;
  AddExtraction(ex, &graph);
  return graph;
}

void AddExtraction(const Extraction& ex, Graph* out) {
  internal::GraphSink sink(out, ex.doc_id, ex.chars, {ex.title, ex.date, ex.url, ex.lang});
  for (const SentenceSpan& s : ex.sentences) sink.Sentence(s.start, s.end);
  internal::MentionFields m;
  for (const EntityMention& e : ex.mentions) {
    internal::CopyMention(e, &m);
    sink.Mention(m);
  }
  sink.EndMentions();
  internal::ClaimFields f;
  for (const ClaimMention& c : ex.claims) {
    internal::CopyClaim(c, &f);
    sink.Claim(f);
  }
  internal::RelationFields r;
  for (const RelationMention& rel : ex.relations) {
    internal::CopyRelation(rel, &r);
    sink.Relation(r);
  }
}

void AddExtraction(Extraction&& ex, Graph* out) { AddExtraction(static_cast<const Extraction&>(ex), out); }

}  // namespace claimgraph
