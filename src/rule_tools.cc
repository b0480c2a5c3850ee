// SPDX-License-Identifier: Apache-2.0
// Rule authoring tools over the public pipeline: inline example runs, hit
// counts, explanations and evaluation against gold files.
#include "claimgraph/rule_tools.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "claimgraph/pipeline.h"
#include "claim_cues.h"
#include "entity_ids.h"
#include "internal/edit_distance.h"
#include "internal/utf8.h"
#include "normalize.h"
#include "pipeline.h"
#include "read_rules.h"
#include "relation_grammar.h"
#include "rule_pack.h"
#include "screen.h"
#include "segment.h"

namespace claimgraph {
namespace {

std::string Fold(const std::string& s) { return internal::FoldForMatch(s); }

std::string Where(const SourceLocation& l) { return l.file + ":" + std::to_string(l.line); }

Extraction ExtractOrEmpty(const Pipeline& pipeline, const std::string& id, const std::string& text) {
  Document doc;
  doc.id = id;
  doc.text = text;
  Result<Extraction> ex = pipeline.Extract(doc);
  return ex.ok() ? std::move(*ex) : Extraction();
}

std::map<std::string, std::string> Labels(const Extraction& ex) {
  std::map<std::string, std::string> labels;
  for (const EntityMention& m : ex.mentions) labels[m.entity_id] = m.label;
  return labels;
}

std::string SpeakerOf(const ClaimMention& c, const std::map<std::string, std::string>& labels) {
  const auto it = labels.find(c.speaker);
  return c.speaker.empty() || it == labels.end() ? c.speaker_status : it->second;
}

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
  return out;
}

// Code-point slice of `text`.
std::string Slice(const std::string& text, int64_t start, int64_t end) {
  size_t b = 0, i = 0;
  int64_t cp = 0;
  for (; i < text.size() && cp < start; ++cp) {
    int len = 0;
    internal::DecodeAt(text, i, &len);
    i += static_cast<size_t>(len);
  }
  b = i;
  for (; i < text.size() && cp < end; ++cp) {
    int len = 0;
    internal::DecodeAt(text, i, &len);
    i += static_cast<size_t>(len);
  }
  return text.substr(b, i - b);
}

}  // namespace

std::vector<std::string> CheckWarnings(const RulePack& rules) {
  const internal::RulePackData& data = rules.data();
  std::set<const internal::CueEntry*> captured;
  for (const internal::AttributionRule& rule : data.attribution_rules) {
    for (const std::string& cue : internal::CueAlternatives(rule.re->pattern())) {
      captured.insert(internal::FindCue(data.cues, cue));
    }
  }
  std::vector<std::pair<SourceLocation, std::string>> found;
  for (const auto& [stem, entry] : data.cues) {
    // A cue of the claims stage's grammar (a lower-case tag: ko-verb …) is
    // read there; one of a {NAME} alternation only by attribution rules.
    const bool grammar = std::any_of(entry.tags.begin(), entry.tags.end(), [](const std::string& tag) {
      return !tag.empty() && tag[0] >= 'a' && tag[0] <= 'z';
    });
    if (grammar || captured.count(&entry)) continue;
    found.emplace_back(entry.location, "cue \"" + stem + "\" (" + entry.lemma +
                                           ") is captured by no attribution rule's (?P<cue>…) group");
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.file, a.first.line) < std::tie(b.first.file, b.first.line);
  });
  std::vector<std::string> out;
  for (const auto& [loc, message] : found) {
    out.push_back(loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column) + ": warning: " +
                  message);
  }
  return out;
}

std::vector<std::string> RuleIds(const RulePack& rules) {
  const internal::RulePackData& d = rules.data();
  std::vector<std::string> ids = {"gazetteer"};
  for (const auto& r : d.text_rules) ids.push_back(r.id);
  for (const auto& r : d.context_rules) ids.push_back(r.id);
  for (const auto& r : d.attribution_rules) ids.push_back(r.id);
  const std::vector<std::string>& grammar = internal::CueRuleIds();
  ids.insert(ids.end(), grammar.begin(), grammar.end());
  const std::vector<std::string>& relations = internal::GrammarRelationRuleIds();
  ids.insert(ids.end(), relations.begin(), relations.end());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<RuleTestCase> RunRuleTests(const RulePack& rules, const std::string& filter) {
  const internal::RulePackData& d = rules.data();
  const Pipeline pipeline(rules);
  std::vector<RuleTestCase> out;
  for (const auto* list : {&d.text_rules, &d.context_rules}) {
    for (const internal::PatternRule& rule : *list) {
      if (!filter.empty() && rule.id.find(filter) == std::string::npos) continue;
      for (const internal::RuleExample& example : rule.examples) {
        const Extraction ex = ExtractOrEmpty(pipeline, "example", example.text);
        RuleTestCase t{rule.id, Where(rule.location), example.text, example.positive, "", "", false};
        std::vector<std::string> got;
        bool found = false;
        for (const EntityMention& m : ex.mentions) {
          if (m.rule != rule.id) continue;
          got.push_back("mention \"" + m.text + "\" (" + m.label + ", " + m.type + ")");
          found = found || example.span.empty() || m.text == example.span;
        }
        for (const RelationMention& r : ex.relations) {
          if (r.rule != rule.id) continue;
          got.push_back("relation " + r.source + " " + r.relation + " " + r.target);
          found = found || example.span.empty();
        }
        for (const internal::PatternRule::NodeAttribute& a : rule.node_attributes) {
          for (const EntityMention& m : ex.mentions) {
            const auto it = m.attributes.find(a.name);
            if (it == m.attributes.end()) continue;
            got.push_back("attribute " + m.entity_id + " " + a.name + "=" + it->second);
            found = true;
          }
        }
        t.expected = !example.positive ? "no match" : example.span.empty() ? "a match" : "mention \"" + example.span + "\"";
        t.got = got.empty() ? "no match" : Join(got, "; ");
        t.passed = found == example.positive;
        out.push_back(std::move(t));
      }
    }
  }
  // The examples of the claims grammar (claims/examples.tsv).
  for (const internal::RulePackData::GrammarExample& g : d.claim_examples) {
    const std::string id = g.example.positive ? g.rule : g.rule.substr(1);
    if (!filter.empty() && id.find(filter) == std::string::npos) continue;
    const internal::ClaimExample& example = g.example;
    const Extraction ex = ExtractOrEmpty(pipeline, "example", example.text);
    const auto labels = Labels(ex);
    RuleTestCase t{id, Where(g.location), example.text, example.positive, "", "", false};
    std::vector<std::string> got;
    bool found = false;
    for (const ClaimMention& c : ex.claims) {
      const std::string speaker = SpeakerOf(c, labels);
      got.push_back(c.rule + " claim by " + speaker + ": \"" + c.text + "\"");
      if (c.rule != id) continue;
      found = found || ((example.content.empty() || c.text == example.content) &&
                        (example.speaker.empty() || speaker == example.speaker));
    }
    t.expected = !example.positive ? "no " + id + " claim"
                                   : "claim by " + (example.speaker.empty() ? std::string("anyone") : example.speaker) +
                                         (example.content.empty() ? "" : ": \"" + example.content + "\"");
    t.got = got.empty() ? "no claim" : Join(got, "; ");
    t.passed = found == example.positive;
    out.push_back(std::move(t));
  }
  for (const internal::AttributionRule& rule : d.attribution_rules) {
    if (!filter.empty() && rule.id.find(filter) == std::string::npos) continue;
    for (const internal::ClaimExample& example : rule.examples) {
      const Extraction ex = ExtractOrEmpty(pipeline, "example", example.text);
      const auto labels = Labels(ex);
      RuleTestCase t{rule.id, Where(rule.location), example.text, example.positive, "", "", false};
      std::vector<std::string> got;
      bool found = false;
      for (const ClaimMention& c : ex.claims) {
        if (c.rule != rule.id) continue;
        const std::string speaker = SpeakerOf(c, labels);
        got.push_back("claim by " + speaker + ": \"" + c.text + "\"");
        found = found || ((example.content.empty() || c.text == example.content) &&
                          (example.speaker.empty() || speaker == example.speaker));
      }
      t.expected = !example.positive ? "no claim"
                                     : "claim by " + (example.speaker.empty() ? std::string("anyone") : example.speaker) +
                                           (example.content.empty() ? "" : ": \"" + example.content + "\"");
      t.got = got.empty() ? "no claim" : Join(got, "; ");
      t.passed = found == example.positive;
      out.push_back(std::move(t));
    }
  }
  return out;
}

std::map<std::string, RuleHits> CountRuleHits(const RulePack& rules, const std::vector<Document>& docs) {
  std::map<std::string, RuleHits> hits;
  for (const std::string& id : RuleIds(rules)) hits[id];
  const internal::RulePackData& d = rules.data();
  internal::RuleTimes rule_times;
  internal::StageTimes stage_times;
  stage_times.rules = &rule_times;
  for (const Document& doc : docs) {
    Result<Extraction> ex = internal::ExtractTimed(rules, doc, &stage_times);
    if (!ex.ok()) continue;
    for (const EntityMention& m : ex->mentions) ++hits[m.rule].accepted;
    for (const ClaimMention& c : ex->claims) ++hits[c.rule].accepted;
    for (const RelationMention& r : ex->relations) ++hits[r.rule].accepted;
    for (const RejectedMatch& r : ex->rejected) ++hits[r.rule].rejected;
  }
  hits["gazetteer"].seconds = stage_times.gazetteer;
  const auto add = [&](const auto& list, const std::vector<double>& seconds) {
    for (size_t i = 0; i < list.size(); ++i) {
      RuleHits& h = hits[list[i].id];
      h.seconds += i < seconds.size() ? seconds[i] : 0;
      h.program_size = list[i].re ? list[i].re->ProgramSize() : 0;
    }
  };
  add(d.text_rules, rule_times.text);
  add(d.context_rules, rule_times.context);
  add(d.attribution_rules, rule_times.attribution);
  return hits;
}

Result<std::string> ExplainDocument(const RulePack& rules, const Document& doc, int sentence) {
  Result<Extraction> result = Pipeline(rules).Extract(doc);
  if (!result.ok()) return result.status();
  const Extraction& ex = *result;
  const auto labels = Labels(ex);
  std::ostringstream out;
  out << "document \"" << doc.id << "\": " << ex.sentences.size() << " sentences, " << ex.mentions.size()
      << " mentions, " << ex.claims.size() << " claims, " << ex.relations.size() << " relations\n";
  for (size_t s = 0; s < ex.sentences.size(); ++s) {
    if (sentence >= 0 && static_cast<size_t>(sentence) != s) continue;
    const SentenceSpan& span = ex.sentences[s];
    // The sentence with each mention marked [surface|label].
    std::string marked;
    int64_t cursor = span.start;
    for (const EntityMention& m : ex.mentions) {
      if (m.sentence != static_cast<int>(s) || m.start < cursor) continue;
      marked += Slice(doc.text, cursor, m.start) + "[" + m.text + "|" + m.label + "]";
      cursor = m.end;
    }
    marked += Slice(doc.text, cursor, span.end);
    out << "\n[" << s << "] " << span.start << "-" << span.end << "  " << marked << "\n";
    for (const EntityMention& m : ex.mentions) {
      if (m.sentence != static_cast<int>(s)) continue;
      out << "  mention   \"" << m.text << "\" " << m.start << "-" << m.end << " -> " << m.label << " (" << m.type
          << ", " << m.entity_id << ") [" << m.rule << "]" << (m.particle.empty() ? "" : " particle " + m.particle)
          << "\n";
    }
    for (const ClaimMention& c : ex.claims) {
      if (c.sentence != static_cast<int>(s)) continue;
      out << "  claim     " << SpeakerOf(c, labels) << " (" << c.speaker_status << ") " << c.cue << ", " << c.modality
          << (c.negated ? ", negated" : "") << ": \"" << c.text << "\" " << c.start << "-" << c.end << " [" << c.rule
          << "]";
      if (!c.coref_rule.empty()) out << " speaker via " << c.coref_rule << " \"" << c.coref_text << "\"";
      out << "\n";
    }
    for (const RelationMention& r : ex.relations) {
      if (r.sentence != static_cast<int>(s)) continue;
      std::string attrs;
      for (const auto& [k, v] : r.attributes) attrs += " " + k + "=" + v;
      out << "  relation  " << labels.at(r.source) << " " << r.relation << " " << labels.at(r.target) << attrs << " ["
          << r.rule << "]\n";
    }
    for (const RejectedMatch& r : ex.rejected) {
      if (r.start < span.start || r.end > span.end) continue;
      out << "  rejected  \"" << r.text << "\" " << r.start << "-" << r.end << " [" << r.rule << "]: " << r.reason
          << "\n";
    }
  }
  return out.str();
}

namespace {

// For explain --why: each reporting cue of the text, the content it
// delimits, where the speaker was searched, the claim that came of it, and
// why each person, organization or group of the sentence is or is not its
// speaker.
void ExplainClaims(const RulePack& rules, const std::string& original, const Extraction& ex, std::ostringstream* out) {
  const internal::NormalizedText norm = internal::Normalize(original);
  const std::vector<std::pair<size_t, size_t>> sentences = internal::SegmentSentences(norm.text);
  const std::string_view text = norm.text;
  auto slice = [&](size_t b, size_t e) {
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    return std::string(text.substr(b, e > b ? e - b : 0));
  };
  const auto labels = Labels(ex);
  auto speaker_type = [&](const std::string& id) {
    for (const EntityMention& e : ex.mentions) {
      if (e.entity_id == id) return e.type;
    }
    return std::string();
  };
  *out << "\nclaims (cue first, then content, then speaker):\n";
  bool open_quote = false, any = false;
  for (size_t s = 0; s < sentences.size(); ++s) {
    const auto [begin, end] = sentences[s];
    const bool open_before = open_quote;
    open_quote = internal::QuoteOpenAfter(text, begin, end, open_before);
    const std::vector<internal::CueMatch> cues = internal::FindCues(
        rules.data(), text, begin, end, internal::InHeadline(text, begin), open_before);
    for (const internal::CueMatch& m : cues) {
      any = true;
      const std::string content = slice(m.content_begin, m.content_end);
      *out << "  cue \"" << slice(m.cue_begin, m.cue_end) << "\" (" << (m.cue ? m.cue->lemma : "") << ") ["
           << m.rule << "]: content \"" << content << "\"\n";
      std::string where;
      switch (m.speaker) {
        case internal::CueMatch::Speaker::kSubject:
        case internal::CueMatch::Speaker::kSubjectOrNone:
          where = "the topic or subject phrase in \"" + slice(m.subject_floor, m.subject_limit) + "\"" +
                  (!slice(m.after_begin, m.after_end).empty()
                       ? " or between quotative and verb (\"" + slice(m.after_begin, m.after_end) + "\")"
                       : "") +
                  (m.speaker == internal::CueMatch::Speaker::kSubjectOrNone ? "; with none, what is said around (unattributed)" : "");
          break;
        case internal::CueMatch::Speaker::kAfter:
          where = "the name after the cue or before the quotation, in \"" + slice(m.after_begin, m.after_end) + "\"";
          break;
        case internal::CueMatch::Speaker::kSource:
          where = "the source \"" + slice(m.source_begin, m.source_end) + "\"";
          break;
        case internal::CueMatch::Speaker::kPrevious:
          where = "the speaker of the claim before (within two sentences)";
          break;
        case internal::CueMatch::Speaker::kNone:
          where = "nowhere: the cue names no source (unattributed)";
          break;
      }
      *out << "    speaker searched: " << where << "\n";
      // The claim that came of it: same rule, its text within the content.
      const auto [cs, ce] = norm.ToOriginal(m.content_begin, m.content_end);
      const ClaimMention* claim = nullptr;
      for (const ClaimMention& c : ex.claims) {
        if (c.rule == m.rule && c.start >= cs && c.end <= ce) claim = &c;
      }
      if (claim == nullptr) {
        *out << "    -> no claim (nothing left to say, or a pack's attribution rule read it first)\n";
        continue;
      }
      *out << "    -> " << SpeakerOf(*claim, labels) << " (" << claim->speaker_status
           << (claim->coref_rule.empty() ? "" : ", " + claim->coref_rule + " \"" + claim->coref_text + "\"") << "): \""
           << claim->text << "\"\n";
      for (const EntityMention& e : ex.mentions) {
        if (e.sentence != static_cast<int>(s) ||
            (e.type != "Person" && e.type != "Organization" && e.type != "Group" && e.type != "Location")) {
          continue;
        }
        std::string why;
        if (e.entity_id == claim->speaker) {
          why = "the speaker";
        } else if (e.start >= claim->start && e.end <= claim->end) {
          why = "inside the content: what is said, not who says it";
        } else if (!e.particle.empty() && std::string("에 에서 와 과 로 으로 을 를 에게 까지 부터 보다").find(e.particle) != std::string::npos) {
          why = "in an oblique case (" + e.particle + "): no subject";
        } else if (e.type == "Organization" && claim->speaker_status == "named" && e.end <= claim->start &&
                   claim->coref_rule.empty() && speaker_type(claim->speaker) == "Person") {
          why = "in the speaker's phrase: the person named there speaks";
        } else {
          why = "not where this cue's speaker stands";
        }
        *out << "      \"" << e.text << "\" (" << e.type << "): " << why << "\n";
      }
    }
  }
  if (!any) {
    *out << "  no reporting cue: no quotation or clause closed by a quotative before a verb of claims/cues.tsv, "
            "no speech noun, no 따르면/according to, no evidential\n";
  }
}

// Whether `type` is one of the comma-separated `types`.
bool TypeIn(const std::string& type, std::string_view types) {
  for (size_t b = 0; b < types.size();) {
    size_t e = types.find(',', b);
    if (e == std::string_view::npos) e = types.size();
    std::string_view t = types.substr(b, e - b);
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    if (t == type) return true;
    b = e + 1;
  }
  return false;
}

// The relations of each sentence, and for each pair of its entities
// without one, the grammar's rules that relate entities of their types
// and the shape each reads: none of them is in the sentence.
void ExplainRelations(const Extraction& ex, const std::string& text, std::ostream* out) {
  const std::vector<char32_t> cps = internal::CodePointsOf(text);
  auto slice = [&](int64_t b, int64_t e) {
    std::string s;
    for (int64_t i = std::max<int64_t>(0, b); i < e && i < static_cast<int64_t>(cps.size()); ++i) {
      internal::AppendUtf8(&s, cps[static_cast<size_t>(i)]);
    }
    return s;
  };
  std::map<std::string, std::string> labels;
  for (const EntityMention& m : ex.mentions) labels.emplace(m.entity_id, m.label);
  auto label = [&](const std::string& id) {
    const auto it = labels.find(id);
    return it == labels.end() ? id : it->second;
  };
  *out << "\nrelations (rule, evidence):\n";
  if (ex.relations.empty()) *out << "  (none)\n";
  for (const RelationMention& r : ex.relations) {
    *out << "  " << label(r.source) << " " << r.relation << " " << label(r.target) << " by " << r.rule << ": \""
         << slice(r.start, r.end) << "\"\n";
  }
  // Each pair of distinct entities of one sentence, once.
  bool header = false;
  std::set<std::tuple<int, std::string, std::string>> pairs;
  for (size_t i = 0; i < ex.mentions.size(); ++i) {
    for (size_t j = i + 1; j < ex.mentions.size(); ++j) {
      const EntityMention& a = ex.mentions[i];
      const EntityMention& b = ex.mentions[j];
      if (a.sentence != b.sentence || a.entity_id == b.entity_id) continue;
      if (!pairs.emplace(a.sentence, std::min(a.entity_id, b.entity_id), std::max(a.entity_id, b.entity_id)).second) {
        continue;
      }
      const bool related = std::any_of(ex.relations.begin(), ex.relations.end(), [&](const RelationMention& r) {
        return (r.source == a.entity_id && r.target == b.entity_id) || (r.source == b.entity_id && r.target == a.entity_id);
      });
      if (related) continue;
      if (!header) *out << "\npairs without a relation, and the shapes that would have related them:\n";
      header = true;
      *out << "  \"" << a.text << "\" (" << a.type << ") and \"" << b.text << "\" (" << b.type << "):\n";
      bool any = false;
      for (const internal::GrammarRelationRule& rule : internal::GrammarRelationRules()) {
        const bool fits = (TypeIn(a.type, rule.sources) && TypeIn(b.type, rule.targets)) ||
                          (TypeIn(b.type, rule.sources) && TypeIn(a.type, rule.targets));
        if (!fits) continue;
        any = true;
        *out << "    " << rule.id << " (" << rule.relations << "): " << rule.shape << "\n";
      }
      *out << (any ? "    (the sentence has none of these shapes; nor did a pattern rule of rules/relations/ match)\n"
                   : "    no rule relates " + a.type + " and " + b.type + "\n");
    }
  }
}

}  // namespace

std::string ExplainWhy(const RulePack& rules, const std::string& text) {
  const internal::RulePackData& d = rules.data();
  std::ostringstream out;
  out << "text:        " << text << "\n";
  const std::string normalized = internal::NormalizeString(text);
  out << "normalized:  " << normalized << (normalized == text ? "  (unchanged)" : "") << "\n";
  Document doc;
  doc.id = "why";
  doc.text = text;
  Result<Extraction> result = Pipeline(rules).Extract(doc);
  if (!result.ok()) return out.str() + "error: " + result.status().ToString();
  const Extraction& ex = *result;
  out << "\naccepted:\n";
  if (ex.mentions.empty()) out << "  (none)\n";
  for (const EntityMention& m : ex.mentions) {
    out << "  \"" << m.text << "\" -> " << m.label << " (" << m.type << ") by " << m.rule
        << (m.particle.empty() ? "" : ", followed by particle \"" + m.particle + "\"") << "\n";
  }
  out << "\nrejected candidates:\n";
  bool gazetteer_candidate = false;
  if (ex.rejected.empty()) out << "  (none)\n";
  for (const RejectedMatch& r : ex.rejected) {
    out << "  \"" << r.text << "\" by " << r.rule << ": " << r.reason << "\n";
    gazetteer_candidate = gazetteer_candidate || r.rule == "gazetteer";
  }
  for (const EntityMention& m : ex.mentions) gazetteer_candidate = gazetteer_candidate || m.rule == "gazetteer";
  if (!gazetteer_candidate) out << "\nno gazetteer alias occurs in the text\n";
  // Words that no candidate covers: the closest gazetteer aliases (a typo,
  // a spelling variant the gazetteer lacks).
  std::istringstream words(normalized);
  bool header = false;
  // Gazetteer aliases of three or more code points, folded once, when a
  // word needs them.
  struct FoldedAlias {
    std::string alias;
    std::string folded;
    size_t length;
    int entity;
  };
  std::vector<FoldedAlias> aliases;
  for (std::string word; words >> word;) {
    bool covered = false;
    for (const EntityMention& m : ex.mentions) covered = covered || word.find(m.surface) != std::string::npos;
    for (const RejectedMatch& r : ex.rejected) covered = covered || word.find(r.text) != std::string::npos;
    if (covered) continue;
    if (aliases.empty()) {
      for (const auto& [alias, entity] : d.alias_to_entity) {
        std::string folded = Fold(alias);
        const size_t length = internal::CodePointsOf(folded).size();
        if (length >= 3) aliases.push_back({alias, std::move(folded), length, entity});
      }
    }
    std::vector<std::pair<size_t, std::string>> close;
    const std::string folded_word = Fold(word);
    const std::vector<char32_t> cps = internal::CodePointsOf(folded_word);
    for (const FoldedAlias& a : aliases) {
      // Compare with the word, and with the word's start of the alias's
      // length (the word may carry a particle: "딥식은").
      std::string head;
      for (size_t i = 0; i < cps.size() && i < a.length; ++i) internal::AppendUtf8(&head, cps[i]);
      const size_t dist = std::min(internal::EditDistance(folded_word, a.folded), internal::EditDistance(head, a.folded));
      if (dist <= std::max<size_t>(1, a.length / 3)) {
        close.emplace_back(dist, a.alias + " (" + d.entities[static_cast<size_t>(a.entity)].canonical + ")");
      }
    }
    if (close.empty()) continue;
    std::sort(close.begin(), close.end());
    close.erase(std::unique(close.begin(), close.end()), close.end());
    if (close.size() > 5) close.resize(5);
    if (!header) out << "\nwords without a candidate, and the closest gazetteer aliases:\n";
    header = true;
    out << "  \"" << word << "\":";
    for (const auto& [dist, name] : close) out << " " << name;
    out << "\n";
  }
  ExplainClaims(rules, text, ex, &out);
  ExplainRelations(ex, text, &out);
  std::set<std::string> fired;
  for (const EntityMention& m : ex.mentions) fired.insert(m.rule);
  for (const RejectedMatch& r : ex.rejected) fired.insert(r.rule);
  std::vector<std::string> silent;
  for (const auto& r : d.text_rules) {
    if (!fired.count(r.id)) silent.push_back(r.id);
  }
  for (const auto& r : d.context_rules) {
    if (!r.type.empty() && !fired.count(r.id)) silent.push_back(r.id);
  }
  out << "\nentity patterns that did not match anywhere: " << (silent.empty() ? "(none)" : Join(silent, ", ")) << "\n";
  return out.str();
}

}  // namespace claimgraph
