// SPDX-License-Identifier: Apache-2.0
// Stage 0, read rules. Parses and validates every file of a pack and reports
// every problem (not only the first) as file:line:column; a pack with any
// error is never used. Gazetteer aliases, particles, titles and pattern
// literals go through the same normalizer as documents.
#include "read_rules.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

#include "claimgraph/document.h"
#include "claimgraph/rules.h"
#include "entity_ids.h"
#include "internal/utf8.h"
#include "normalize.h"
#include "rule_pack.h"
#include "screen.h"

namespace claimgraph {
namespace internal {

namespace {

// Relations of the output contract.
const std::vector<std::string>& RelationNames() {
  static const std::vector<std::string> names = {
      "co_mentioned", "asserts",     "mentions",     "about",     "develops",
      "released",     "affiliated_with", "leads",    "ranks_on",  "relies_on",
      "competes_with", "invests_in", "located_in",   "part_of",   "reports"};
  return names;
}

constexpr std::string_view kPlaceholderOpen = "\u27E6";

// Attributes that would collide with the fields of a node.
const std::set<std::string>& ReservedAttributes() {
  static const std::set<std::string> names = {"id", "kind", "label", "type", "aliases", "mentions"};
  return names;
}

std::string JoinTypes() {
  std::string s;
  for (const auto& t : EntityTypes()) s += (s.empty() ? "" : ", ") + t;
  return s;
}

bool IsEntityType(const std::string& t) {
  const auto& types = EntityTypes();
  return std::find(types.begin(), types.end(), t) != types.end();
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    const size_t pos = s.find(sep, start);
    parts.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}

// Line and column (1-based, columns in code points) of byte `offset`.
SourceLocation LocationAt(const std::string& file, std::string_view content, size_t offset) {
  SourceLocation loc;
  loc.file = file;
  loc.line = 1;
  size_t line_start = 0;
  offset = std::min(offset, content.size());
  for (size_t i = 0; i < offset; ++i) {
    if (content[i] == '\n') {
      ++loc.line;
      line_start = i + 1;
    }
  }
  loc.column = static_cast<int>(CountCodePoints(content.substr(line_start, offset - line_start))) + 1;
  return loc;
}

class Loader {
 public:
  explicit Loader(RulePackData* data) : data_(data) {}

  void Error(const SourceLocation& loc, std::string message, std::string rule = "") {
    claimgraph::Error e;
    e.code = ErrorCode::kInvalidRules;
    e.location = loc;
    e.message = std::move(message);
    e.rule_id = std::move(rule);
    errors_.push_back(std::move(e));
  }

  void LoadGazetteer(const std::string& file, std::string_view content);
  void LoadParticles(const std::string& file, std::string_view content);
  void LoadTitles(const std::string& file, std::string_view content);
  void LoadPatterns(const std::string& file, std::string_view content);
  void LoadAttribution(const std::string& file, std::string_view content);
  void LoadCues(const std::string& file, std::string_view content);
  void LoadWordTable(const std::string& file, std::string_view content,
                     std::unordered_map<std::string, std::string>* table, bool value_is_type);
  void LoadHedges(const std::string& file, std::string_view content);
  void Finish();

  std::vector<claimgraph::Error>& errors() { return errors_; }
  // Later layers override earlier ones by id; within one layer an id is
  // defined once.
  void SetLayer(int layer) { layer_ = layer; }

 private:
  void AddAlias(size_t entity, const std::string& alias, const SourceLocation& loc);
  // Parses a JSON rule file (comments and trailing commas allowed) that
  // must hold a "rules" array; reports and returns false otherwise.
  bool ParseRuleFile(const std::string& file, std::string_view content, rapidjson::Document* doc);
  void LoadRule(const std::string& file, std::string_view content, const rapidjson::Value& v,
                size_t search_from, size_t* found_at);

  RulePackData* data_;
  std::vector<claimgraph::Error> errors_;
  // Registers rule `id` in this layer; removes an earlier layer's rule of
  // that id. Returns false (and reports) for a duplicate in one layer.
  bool ClaimRuleId(const std::string& id, const SourceLocation& loc);

  std::unordered_map<std::string, size_t> entity_by_id_;
  std::unordered_map<std::string, int> entity_layer_;
  std::map<std::string, int> rule_layer_;
  int layer_ = 0;
};

bool Loader::ClaimRuleId(const std::string& id, const SourceLocation& loc) {
  const auto it = rule_layer_.find(id);
  if (it != rule_layer_.end() && it->second == layer_) {
    Error(loc, "duplicate rule id \"" + id + "\"", id);
    return false;
  }
  if (it != rule_layer_.end()) {
    auto drop = [&](auto& rules) {
      rules.erase(std::remove_if(rules.begin(), rules.end(), [&](const auto& r) { return r.id == id; }), rules.end());
    };
    drop(data_->text_rules);
    drop(data_->context_rules);
    drop(data_->attribution_rules);
  }
  rule_layer_[id] = layer_;
  return true;
}

template <typename F>
void ForEachLine(std::string_view content, F&& f) {
  size_t start = 0;
  int line = 1;
  while (start <= content.size()) {
    size_t nl = content.find('\n', start);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view text = content.substr(start, nl - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    f(line, text, start);
    if (nl == content.size()) break;
    start = nl + 1;
    ++line;
  }
}

void Loader::AddAlias(size_t entity, const std::string& alias, const SourceLocation& loc) {
  const std::string key = NormalizeString(alias);
  if (key.empty()) {
    Error(loc, "empty alias");
    return;
  }
  auto [it, inserted] = data_->alias_to_entity.emplace(key, static_cast<int>(entity));
  if (!inserted && it->second != static_cast<int>(entity)) {
    const GazetteerEntry& other = data_->entities[static_cast<size_t>(it->second)];
    Error(loc, "alias \"" + alias + "\" already names \"" + other.canonical + "\" (" +
                   other.location.file + ":" + std::to_string(other.location.line) + ")");
  }
}

void Loader::LoadGazetteer(const std::string& file, std::string_view content) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    SourceLocation loc{file, line, 1, std::nullopt};
    if (cols.size() != 5) {
      Error(loc, "expected 5 tab-separated columns (id, canonical, type, aliases, attributes), found " +
                     std::to_string(cols.size()));
      return;
    }
    auto col_loc = [&](size_t col) {
      size_t offset = 0;
      for (size_t i = 0; i < col; ++i) offset += cols[i].size() + 1;
      SourceLocation l = loc;
      l.column = static_cast<int>(CountCodePoints(text.substr(0, offset))) + 1;
      return l;
    };
    GazetteerEntry entry;
    entry.id = Trim(cols[0]);
    entry.canonical = Trim(cols[1]);
    entry.type = Trim(cols[2]);
    entry.location = loc;
    bool ok = true;
    if (entry.canonical.empty()) {
      Error(col_loc(1), "empty canonical name");
      return;
    }
    const std::string expected = Slug(NormalizeString(entry.canonical)).substr(4);
    if (entry.id != expected) {
      Error(col_loc(0), "id \"" + entry.id + "\" is not the slug of \"" + entry.canonical +
                            "\" (expected \"" + expected + "\")");
      ok = false;
    }
    if (!IsEntityType(entry.type)) {
      Error(col_loc(2), "unknown entity type \"" + entry.type + "\" (expected " + JoinTypes() + ")");
      ok = false;
    }
    const std::string aliases = Trim(cols[3]);
    entry.aliases.push_back(entry.canonical);
    if (aliases != "-" && !aliases.empty()) {
      for (const std::string& a : Split(aliases, '|')) {
        const std::string alias = Trim(a);
        if (alias.empty()) {
          Error(col_loc(3), "empty alias in \"" + aliases + "\"");
          ok = false;
          continue;
        }
        if (std::find(entry.aliases.begin(), entry.aliases.end(), alias) == entry.aliases.end()) {
          entry.aliases.push_back(alias);
        }
      }
    }
    const std::string attrs = Trim(cols[4]);
    if (attrs != "-" && !attrs.empty()) {
      for (const std::string& kv : Split(attrs, ';')) {
        const size_t eq = kv.find('=');
        const std::string key = Trim(kv.substr(0, eq));
        if (eq == std::string::npos || key.empty()) {
          Error(col_loc(4), "attribute \"" + kv + "\" is not key=value");
          ok = false;
          continue;
        }
        if (ReservedAttributes().count(key)) {
          Error(col_loc(4), "attribute \"" + key + "\" is reserved for the node's own field");
          ok = false;
          continue;
        }
        entry.attributes[key] = Trim(kv.substr(eq + 1));
      }
    }
    if (!ok) return;
    auto [it, inserted] = entity_by_id_.emplace(entry.id, data_->entities.size());
    size_t index = data_->entities.size();
    if (!inserted) {
      const GazetteerEntry& first = data_->entities[it->second];
      if (entity_layer_[entry.id] == layer_) {
        Error(col_loc(0), "duplicate entity id \"" + entry.id + "\" (first defined at " +
                              first.location.file + ":" + std::to_string(first.location.line) + ")");
        return;
      }
      // A later pack overrides the entry: its names replace the old ones.
      index = it->second;
      for (auto a = data_->alias_to_entity.begin(); a != data_->alias_to_entity.end();) {
        a = a->second == static_cast<int>(index) ? data_->alias_to_entity.erase(a) : std::next(a);
      }
      data_->entities[index] = std::move(entry);
    } else {
      data_->entities.push_back(std::move(entry));
    }
    entity_layer_[data_->entities[index].id] = layer_;
    for (const std::string& alias : data_->entities[index].aliases) {
      AddAlias(index, alias, col_loc(3));
    }
  });
}

void Loader::LoadParticles(const std::string& file, std::string_view content) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    const std::string p = Trim(text);
    if (p.empty() || p.front() == '#') return;
    const std::string n = NormalizeString(p);
    for (size_t i = 0; i < n.size();) {
      int len = 0;
      if (ClassOf(DecodeAt(n, i, &len)) != CharClass::kHangul) {
        Error(SourceLocation{file, line, 1, std::nullopt}, "particle \"" + p + "\" is not all Hangul");
        return;
      }
      i += static_cast<size_t>(len);
    }
    data_->particles.particles.insert(n);
    data_->particles.max_bytes = std::max(data_->particles.max_bytes, n.size());
  });
}

void Loader::LoadTitles(const std::string& file, std::string_view content) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    if (cols.size() != 2 || Trim(cols[0]).empty() || Trim(cols[1]).empty()) {
      Error(SourceLocation{file, line, 1, std::nullopt},
            "expected 2 tab-separated columns (title, role)");
      return;
    }
    data_->title_roles[NormalizeString(Trim(cols[0]))] = Trim(cols[1]);
  });
}

bool Loader::ParseRuleFile(const std::string& file, std::string_view content, rapidjson::Document* doc) {
  doc->Parse<rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag>(content.data(), content.size());
  if (doc->HasParseError()) {
    Error(LocationAt(file, content, doc->GetErrorOffset()),
          std::string("JSON parse error: ") + rapidjson::GetParseError_En(doc->GetParseError()));
    return false;
  }
  if (!doc->IsObject() || !doc->HasMember("rules") || !(*doc)["rules"].IsArray()) {
    Error(SourceLocation{file, 1, 1, std::nullopt}, "expected an object with a \"rules\" array");
    return false;
  }
  return true;
}

void Loader::LoadPatterns(const std::string& file, std::string_view content) {
  rapidjson::Document doc;
  if (!ParseRuleFile(file, content, &doc)) return;
  size_t search_from = 0;
  for (const auto& v : doc["rules"].GetArray()) {
    size_t found_at = search_from;
    LoadRule(file, content, v, search_from, &found_at);
    search_from = found_at + 1;
  }
}

void Loader::LoadRule(const std::string& file, std::string_view content, const rapidjson::Value& v,
                      size_t search_from, size_t* found_at) {
  if (!v.IsObject()) {
    Error(LocationAt(file, content, search_from), "a rule must be a JSON object");
    return;
  }
  PatternRule rule;
  if (v.HasMember("id") && v["id"].IsString()) rule.id = v["id"].GetString();
  // RapidJSON keeps no positions; find the rule by its id in the text.
  size_t at = rule.id.empty() ? std::string_view::npos
                              : content.find("\"" + rule.id + "\"", search_from);
  if (at == std::string_view::npos) at = search_from;
  *found_at = at;
  const SourceLocation rule_loc = LocationAt(file, content, at);
  auto field_loc = [&](const char* field) {
    const size_t pos = content.find(std::string("\"") + field + "\"", at > 200 ? at - 200 : 0);
    return LocationAt(file, content, pos == std::string_view::npos ? at : pos);
  };
  rule.location = rule_loc;
  if (rule.id.empty()) {
    Error(rule_loc, "rule has no string \"id\"");
    return;
  }
  if (!ClaimRuleId(rule.id, rule_loc)) return;
  auto get_string = [&](const char* key, std::string* out) {
    if (!v.HasMember(key)) return;
    if (!v[key].IsString()) {
      Error(field_loc(key), std::string("\"") + key + "\" must be a string", rule.id);
      return;
    }
    *out = v[key].GetString();
  };
  auto get_bool = [&](const char* key, bool* out) {
    if (!v.HasMember(key)) return;
    if (!v[key].IsBool()) {
      Error(field_loc(key), std::string("\"") + key + "\" must be true or false", rule.id);
      return;
    }
    *out = v[key].GetBool();
  };
  auto get_int = [&](const char* key, int* out) {
    if (!v.HasMember(key)) return;
    if (!v[key].IsInt()) {
      Error(field_loc(key), std::string("\"") + key + "\" must be an integer", rule.id);
      return;
    }
    *out = v[key].GetInt();
  };
  auto get_strings = [&](const char* key, std::vector<std::string>* out) {
    if (!v.HasMember(key)) return;
    if (!v[key].IsArray()) {
      Error(field_loc(key), std::string("\"") + key + "\" must be an array of strings", rule.id);
      return;
    }
    for (const auto& s : v[key].GetArray()) {
      if (s.IsString()) out->push_back(NormalizeString(s.GetString()));
    }
  };
  std::string pattern;
  get_string("description", &rule.description);
  get_string("type", &rule.type);
  get_string("pattern", &pattern);
  get_string("group", &rule.group);
  get_string("title_group", &rule.title_group);
  get_string("qualify_group", &rule.qualify_group);
  get_bool("resolve_surname", &rule.resolve_surname);
  get_bool("require_qualified", &rule.require_qualified);
  get_bool("require_digit", &rule.require_digit);
  get_bool("require_native_name", &rule.require_native_name);
  get_int("priority", &rule.priority);
  get_int("min_chars", &rule.min_chars);
  get_int("max_chars", &rule.max_chars);
  get_strings("reject_tokens", &rule.reject_tokens);
  get_strings("reject_suffixes", &rule.reject_suffixes);
  get_strings("native_surnames", &rule.native_surnames);

  if (pattern.empty()) {
    Error(rule_loc, "rule has no \"pattern\"", rule.id);
    return;
  }
  if (!rule.type.empty() && !IsEntityType(rule.type)) {
    Error(field_loc("type"), "unknown entity type \"" + rule.type + "\" (expected " + JoinTypes() + ")",
          rule.id);
  }
  pattern = NormalizeString(pattern);
  rule.context = pattern.find(kPlaceholderOpen) != std::string::npos;
  if (rule.context) {
    // Every placeholder must name an entity type: ⟦Organization⟧.
    for (size_t p = pattern.find(kPlaceholderOpen); p != std::string::npos;
         p = pattern.find(kPlaceholderOpen, p + 1)) {
      const size_t close = pattern.find("\u27E7", p);
      const std::string name = close == std::string::npos
                                   ? std::string()
                                   : pattern.substr(p + kPlaceholderOpen.size(),
                                                    close - p - kPlaceholderOpen.size());
      const bool identifier = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
      });
      if (!identifier) continue;  // ⟦ inside a character class, not a placeholder
      if (!IsEntityType(name) && name != "Entity") {
        Error(field_loc("pattern"), "unknown placeholder \"⟦" + name + "⟧\" (expected ⟦Entity⟧ or a type: " +
                                        JoinTypes() + ")", rule.id);
      }
    }
  }
  // ⟦Entity⟧ stands for a placeholder of any type.
  for (size_t p = pattern.find("\u27E6Entity\u27E7"); p != std::string::npos;
       p = pattern.find("\u27E6Entity\u27E7", p)) {
    pattern.replace(p, std::string("\u27E6Entity\u27E7").size(), "\u27E6[A-Za-z]+\u27E7");
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  rule.re = std::make_unique<RE2>(pattern, options);
  if (!rule.re->ok()) {
    Error(field_loc("pattern"), "invalid re2 pattern: " + rule.re->error() + " (at \"" +
                                    rule.re->error_arg() + "\")", rule.id);
    return;
  }
  const auto& groups = rule.re->NamedCapturingGroups();
  auto need_group = [&](const std::string& group, const char* field) {
    if (!group.empty() && !groups.count(group)) {
      Error(field_loc(field), "capture group \"" + group + "\" named by \"" + field +
                                  "\" is not in the pattern", rule.id);
    }
  };
  if (!rule.type.empty()) need_group(rule.group, "group");
  need_group(rule.title_group, "title_group");
  need_group(rule.qualify_group, "qualify_group");
  if (v.HasMember("attributes")) {
    if (!v["attributes"].IsObject()) {
      Error(field_loc("attributes"), "\"attributes\" must map attribute names to group names", rule.id);
    } else {
      for (const auto& m : v["attributes"].GetObject()) {
        if (!m.value.IsString()) continue;
        if (ReservedAttributes().count(m.name.GetString())) {
          Error(field_loc("attributes"), std::string("attribute \"") + m.name.GetString() +
                                             "\" is reserved for the node's own field", rule.id);
          continue;
        }
        rule.attribute_groups[m.name.GetString()] = m.value.GetString();
        need_group(m.value.GetString(), "attributes");
      }
    }
  }
  auto load_relation = [&](const rapidjson::Value& r, const char* field) {
    if (!r.IsObject() || !r.HasMember("source") || !r.HasMember("relation") || !r.HasMember("target") ||
        !r["source"].IsString() || !r["relation"].IsString() || !r["target"].IsString()) {
      Error(field_loc(field), std::string("\"") + field + "\" must be {\"source\", \"relation\", \"target\"} strings",
            rule.id);
      return;
    }
    PatternRule::Relation rel{r["source"].GetString(), r["relation"].GetString(), r["target"].GetString(), {}};
    const auto& names = RelationNames();
    if (std::find(names.begin(), names.end(), rel.relation) == names.end()) {
      Error(field_loc(field), "unknown relation \"" + rel.relation + "\"", rule.id);
    }
    need_group(rel.source, field);
    need_group(rel.target, field);
    if (r.HasMember("attributes") && r["attributes"].IsObject()) {
      for (const auto& m : r["attributes"].GetObject()) {
        if (!m.value.IsString()) continue;
        rel.attribute_groups[m.name.GetString()] = m.value.GetString();
        need_group(m.value.GetString(), field);
      }
    }
    rule.relations.push_back(std::move(rel));
  };
  if (v.HasMember("relation")) load_relation(v["relation"], "relation");
  if (v.HasMember("relations")) {
    if (!v["relations"].IsArray()) {
      Error(field_loc("relations"), "\"relations\" must be an array of relations", rule.id);
    } else {
      for (const auto& r : v["relations"].GetArray()) load_relation(r, "relations");
    }
  }
  if (v.HasMember("node_attributes")) {
    const auto& na = v["node_attributes"];
    if (!na.IsObject() || !na.HasMember("target") || !na["target"].IsString() || !na.HasMember("attributes") ||
        !na["attributes"].IsObject()) {
      Error(field_loc("node_attributes"),
            "\"node_attributes\" must be {\"target\": group, \"attributes\": {name: {\"text\" | \"number\": group}}}",
            rule.id);
    } else {
      rule.node_target = na["target"].GetString();
      need_group(rule.node_target, "node_attributes");
      for (const auto& m : na["attributes"].GetObject()) {
        PatternRule::NodeAttribute a;
        a.name = m.name.GetString();
        if (m.value.IsObject() && m.value.HasMember("number") && m.value["number"].IsString()) {
          a.number = true;
          a.group = m.value["number"].GetString();
          if (m.value.HasMember("unit") && m.value["unit"].IsString()) a.unit_group = m.value["unit"].GetString();
        } else if (m.value.IsObject() && m.value.HasMember("text") && m.value["text"].IsString()) {
          a.group = m.value["text"].GetString();
        } else {
          Error(field_loc("node_attributes"), "attribute \"" + a.name + "\" must be {\"text\": group} or {\"number\": group, \"unit\": group}", rule.id);
          continue;
        }
        if (ReservedAttributes().count(a.name)) {
          Error(field_loc("node_attributes"), "attribute \"" + a.name + "\" is reserved for the node's own field", rule.id);
          continue;
        }
        need_group(a.group, "node_attributes");
        need_group(a.unit_group, "node_attributes");
        rule.node_attributes.push_back(std::move(a));
      }
    }
  }
  if (rule.type.empty() && rule.relations.empty() && rule.node_attributes.empty()) {
    Error(rule_loc, "rule has neither a \"type\" (an entity rule) nor a \"relation\"", rule.id);
  }
  if (rule.type.empty() && (!rule.relations.empty() || !rule.node_attributes.empty()) && !rule.context) {
    Error(field_loc("relation"), "a relation-only rule needs ⟦Type⟧ placeholders in its pattern", rule.id);
  }
  if (v.HasMember("examples")) {
    const auto& ex = v["examples"];
    if (!ex.IsObject()) {
      Error(field_loc("examples"), "\"examples\" must be {\"match\": [...], \"no_match\": [...]}", rule.id);
    } else {
      if (ex.HasMember("match") && ex["match"].IsArray()) {
        for (const auto& m : ex["match"].GetArray()) {
          if (m.IsObject() && m.HasMember("text") && m["text"].IsString()) {
            RuleExample e;
            e.text = m["text"].GetString();
            if (m.HasMember("span") && m["span"].IsString()) e.span = m["span"].GetString();
            rule.examples.push_back(std::move(e));
          } else {
            Error(field_loc("match"), "each \"match\" example must be {\"text\", \"span\"}", rule.id);
          }
        }
      }
      if (ex.HasMember("no_match") && ex["no_match"].IsArray()) {
        for (const auto& m : ex["no_match"].GetArray()) {
          if (m.IsString()) rule.examples.push_back(RuleExample{m.GetString(), "", false});
        }
      }
    }
  }
  if (rule.context) {
    data_->context_rules.push_back(std::move(rule));
  } else {
    data_->text_rules.push_back(std::move(rule));
  }
}

// Replaces every {NAME} of `defines` in `pattern` (defines may use earlier
// defines). Returns the names left undefined.
std::vector<std::string> ExpandDefines(const std::map<std::string, std::string>& defines, std::string* pattern) {
  for (int round = 0; round < 8; ++round) {
    bool changed = false;
    for (const auto& [name, value] : defines) {
      const std::string key = "{" + name + "}";
      for (size_t p = pattern->find(key); p != std::string::npos; p = pattern->find(key, p + value.size())) {
        pattern->replace(p, key.size(), value);
        changed = true;
      }
    }
    if (!changed) break;
  }
  std::vector<std::string> unknown;
  for (size_t p = pattern->find('{'); p != std::string::npos; p = pattern->find('{', p + 1)) {
    size_t q = p + 1;
    while (q < pattern->size() && (((*pattern)[q] >= 'A' && (*pattern)[q] <= 'Z') || (*pattern)[q] == '_')) ++q;
    if (q > p + 1 && q < pattern->size() && (*pattern)[q] == '}') unknown.push_back(pattern->substr(p + 1, q - p - 1));
  }
  return unknown;
}

void Loader::LoadAttribution(const std::string& file, std::string_view content) {
  rapidjson::Document doc;
  if (!ParseRuleFile(file, content, &doc)) return;
  std::map<std::string, std::string> defines;
  if (doc.HasMember("defines") && doc["defines"].IsObject()) {
    for (const auto& m : doc["defines"].GetObject()) {
      if (m.value.IsString()) defines[m.name.GetString()] = NormalizeString(m.value.GetString());
    }
  }
  size_t search_from = 0;
  for (const auto& v : doc["rules"].GetArray()) {
    AttributionRule rule;
    if (v.IsObject() && v.HasMember("id") && v["id"].IsString()) rule.id = v["id"].GetString();
    size_t at = rule.id.empty() ? std::string_view::npos : content.find("\"" + rule.id + "\"", search_from);
    if (at == std::string_view::npos) at = search_from;
    search_from = at + 1;
    rule.location = LocationAt(file, content, at);
    auto field_loc = [&](const char* field) {
      const size_t pos = content.find(std::string("\"") + field + "\"", at);
      return LocationAt(file, content, pos == std::string_view::npos ? at : pos);
    };
    if (!v.IsObject() || rule.id.empty()) {
      Error(rule.location, "an attribution rule must be an object with a string \"id\"");
      continue;
    }
    if (!ClaimRuleId(rule.id, rule.location)) continue;
    auto str = [&](const char* key) -> std::string {
      return v.HasMember(key) && v[key].IsString() ? v[key].GetString() : std::string();
    };
    auto flag = [&](const char* key) { return v.HasMember(key) && v[key].IsBool() && v[key].GetBool(); };
    rule.description = str("description");
    rule.cue_lemma = str("cue");
    rule.modality = str("modality");
    rule.negated = flag("negated");
    rule.unattributed = flag("unattributed");
    rule.speaker_from_previous = flag("speaker_from_previous");
    rule.medium = flag("medium");
    if (v.HasMember("priority") && v["priority"].IsInt()) rule.priority = v["priority"].GetInt();
    if (!rule.modality.empty() && rule.modality != "asserted" && rule.modality != "hedged" &&
        rule.modality != "implied") {
      Error(field_loc("modality"), "unknown modality \"" + rule.modality + "\" (expected asserted, hedged or implied)",
            rule.id);
    }
    std::string pattern = NormalizeString(str("pattern"));
    if (pattern.empty()) {
      Error(rule.location, "rule has no \"pattern\"", rule.id);
      continue;
    }
    for (const std::string& name : ExpandDefines(defines, &pattern)) {
      Error(field_loc("pattern"), "unknown define {" + name + "}", rule.id);
    }
    for (size_t p = pattern.find("\u27E6Entity\u27E7"); p != std::string::npos; p = pattern.find("\u27E6Entity\u27E7", p)) {
      pattern.replace(p, std::string("\u27E6Entity\u27E7").size(), "\u27E6[A-Za-z]+\u27E7");
    }
    RE2::Options options;
    options.set_log_errors(false);
    rule.re = std::make_unique<RE2>(pattern, options);
    if (!rule.re->ok()) {
      Error(field_loc("pattern"), "invalid re2 pattern: " + rule.re->error() + " (at \"" + rule.re->error_arg() + "\")",
            rule.id);
      continue;
    }
    const auto& groups = rule.re->NamedCapturingGroups();
    if (!groups.count("content")) Error(field_loc("pattern"), "the pattern has no (?P<content>…) group", rule.id);
    const bool needs_speaker = !rule.unattributed && !rule.speaker_from_previous;
    if (needs_speaker && !groups.count("speaker")) {
      Error(field_loc("pattern"), "the pattern has no (?P<speaker>…) group (or set \"unattributed\")", rule.id);
    }
    if (rule.cue_lemma.empty() && !groups.count("cue")) {
      Error(field_loc("pattern"), "the pattern has no (?P<cue>…) group and the rule no fixed \"cue\"", rule.id);
    }
    if (v.HasMember("examples") && v["examples"].IsObject()) {
      const auto& ex = v["examples"];
      if (ex.HasMember("match") && ex["match"].IsArray()) {
        for (const auto& m : ex["match"].GetArray()) {
          if (!m.IsObject() || !m.HasMember("text") || !m["text"].IsString()) continue;
          ClaimExample e;
          e.text = m["text"].GetString();
          if (m.HasMember("speaker") && m["speaker"].IsString()) e.speaker = m["speaker"].GetString();
          if (m.HasMember("content") && m["content"].IsString()) e.content = m["content"].GetString();
          rule.examples.push_back(std::move(e));
        }
      }
      if (ex.HasMember("no_match") && ex["no_match"].IsArray()) {
        for (const auto& m : ex["no_match"].GetArray()) {
          if (m.IsString()) rule.examples.push_back(ClaimExample{m.GetString(), "", "", false});
        }
      }
    }
    data_->attribution_rules.push_back(std::move(rule));
  }
}

void Loader::LoadCues(const std::string& file, std::string_view content) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    const SourceLocation loc{file, line, 1, std::nullopt};
    if (cols.size() != 4) {
      Error(loc, "expected 4 tab-separated columns (cue, lemma, modality, negated), found " + std::to_string(cols.size()));
      return;
    }
    CueEntry entry{Trim(cols[1]), Trim(cols[2]), Trim(cols[3]) == "true"};
    if (entry.modality != "asserted" && entry.modality != "hedged" && entry.modality != "implied") {
      Error(loc, "unknown modality \"" + entry.modality + "\" (expected asserted, hedged or implied)");
      return;
    }
    if (Trim(cols[3]) != "true" && Trim(cols[3]) != "false") {
      Error(loc, "negated must be true or false, not \"" + Trim(cols[3]) + "\"");
      return;
    }
    data_->cues.emplace_back(NormalizeString(Trim(cols[0])), entry);
  });
}

void Loader::LoadWordTable(const std::string& file, std::string_view content,
                           std::unordered_map<std::string, std::string>* table, bool value_is_type) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    const SourceLocation loc{file, line, 1, std::nullopt};
    if (cols.size() != 2 || Trim(cols[0]).empty() || Trim(cols[1]).empty()) {
      Error(loc, "expected 2 tab-separated columns");
      return;
    }
    if (value_is_type && !IsEntityType(Trim(cols[1]))) {
      Error(loc, "unknown entity type \"" + Trim(cols[1]) + "\" (expected " + JoinTypes() + ")");
      return;
    }
    (*table)[NormalizeString(Trim(cols[0]))] = Trim(cols[1]);
  });
}

void Loader::LoadHedges(const std::string& file, std::string_view content) {
  (void)file;
  ForEachLine(content, [&](int, std::string_view text, size_t) {
    const std::string h = Trim(text);
    if (!h.empty() && h.front() != '#') data_->hedges.push_back(NormalizeString(h));
  });
}

void Loader::Finish() {
  for (GazetteerEntry& entry : data_->entities) {
    entry.exported_attributes.clear();
    for (const auto& [key, value] : entry.attributes) {
      entry.exported_attributes.emplace_back(key, IsReferenceAttribute(key) ? "ent:" + value : value);
    }
  }
  for (size_t i = 0; i < data_->entities.size(); ++i) {
    const GazetteerEntry& e = data_->entities[i];
    for (const auto& [key, value] : e.attributes) {
      if (IsReferenceAttribute(key) && !entity_by_id_.count(value)) {
        Error(e.location, "attribute " + key + "=" + value + " names no entity id");
      }
    }
    if (e.type == "Person") {
      const auto affiliation = e.attributes.find("affiliation");
      const auto role = e.attributes.find("role");
      if (affiliation != e.attributes.end() && role != e.attributes.end()) {
        data_->persons_by_affiliation_role[AffiliationRoleKey(affiliation->second, role->second)].push_back(
            static_cast<int>(i));
      }
      for (const std::string& alias : e.aliases) {
        const std::string n = NormalizeString(alias);
        const size_t space = n.rfind(' ');
        if (space == std::string::npos) continue;
        auto& list = data_->persons_by_last_token[n.substr(space + 1)];
        if (std::find(list.begin(), list.end(), static_cast<int>(i)) == list.end()) {
          list.push_back(static_cast<int>(i));
        }
      }
    }
  }
  for (const auto& [alias, entity] : data_->alias_to_entity) data_->trie.Add(alias, entity);
  data_->trie.Build();
  if (data_->particles.particles.empty()) {
    Error(SourceLocation{data_->origin + "/ko/particles.txt", 0, 0, std::nullopt},
          "the pack has no particles (ko/particles.txt missing or empty)");
  }
  std::stable_sort(data_->text_rules.begin(), data_->text_rules.end(),
                   [](const PatternRule& a, const PatternRule& b) { return a.id < b.id; });
  std::stable_sort(data_->context_rules.begin(), data_->context_rules.end(),
                   [](const PatternRule& a, const PatternRule& b) { return a.id < b.id; });
  std::stable_sort(data_->attribution_rules.begin(), data_->attribution_rules.end(),
                   [](const AttributionRule& a, const AttributionRule& b) {
                     return std::tie(b.priority, a.id) < std::tie(a.priority, b.id);
                   });
  BuildScreens(data_);
  std::stable_sort(data_->cues.begin(), data_->cues.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace
}  // namespace internal

const std::vector<std::string>& EntityTypes() {
  static const std::vector<std::string> types = {"Person",    "Organization", "Model", "Product",
                                                 "Location",  "Policy",       "Benchmark",
                                                 "Event",     "Group",        "Other"};
  return types;
}

RulePack::RulePack(std::unique_ptr<internal::RulePackData> data) : data_(std::move(data)) {}
RulePack::RulePack(RulePack&&) noexcept = default;
RulePack& RulePack::operator=(RulePack&&) noexcept = default;
RulePack::~RulePack() = default;

size_t RulePack::entity_count() const { return data_->entities.size(); }
size_t RulePack::alias_count() const { return data_->alias_to_entity.size(); }
size_t RulePack::pattern_count() const { return data_->text_rules.size() + data_->context_rules.size(); }
size_t RulePack::attribution_rule_count() const { return data_->attribution_rules.size(); }
size_t RulePack::cue_count() const { return data_->cues.size(); }
size_t RulePack::particle_count() const { return data_->particles.particles.size(); }
const std::string& RulePack::origin() const { return data_->origin; }

namespace internal {

// Loads the files of one pack (one layer) into `loader`.
void LoadPackFiles(Loader& loader, RulePackData* data, const std::vector<std::pair<std::string, std::string>>& files,
                   const std::string& origin) {
  std::vector<std::pair<std::string, std::string>> sorted = files;
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [path, content] : sorted) {
    const std::string file = origin + "/" + path;
    const long long bad = FindInvalidUtf8(content);
    if (bad >= 0) {
      Error e;
      e.code = ErrorCode::kInvalidRules;
      e.location.file = file;
      e.location.byte_offset = bad;
      e.message = "invalid UTF-8 at byte " + std::to_string(bad);
      loader.errors().push_back(e);
      continue;
    }
    if (path.rfind("entities/", 0) == 0 && internal::EndsWith(path, ".tsv")) {
      loader.LoadGazetteer(file, content);
    } else if ((path.rfind("patterns/", 0) == 0 || path.rfind("relations/", 0) == 0) &&
               internal::EndsWith(path, ".json")) {
      loader.LoadPatterns(file, content);
    } else if (path.rfind("claims/", 0) == 0 && internal::EndsWith(path, ".json")) {
      loader.LoadAttribution(file, content);
    } else if (path == "claims/cues.tsv") {
      loader.LoadCues(file, content);
    } else if (path == "claims/groups.tsv") {
      loader.LoadWordTable(file, content, &data->speaker_groups, false);
    } else if (path == "claims/pronouns.tsv") {
      loader.LoadWordTable(file, content, &data->pronouns, true);
    } else if (path == "claims/hedges.txt") {
      loader.LoadHedges(file, content);
    } else if (path == "ko/particles.txt") {
      loader.LoadParticles(file, content);
    } else if (path == "ko/titles.tsv") {
      loader.LoadTitles(file, content);
    }
  }
}

}  // namespace internal

Result<RulePack> RulePack::FromFiles(const std::vector<std::pair<std::string, std::string>>& files,
                                     const std::string& origin) {
  auto data = std::make_unique<internal::RulePackData>();
  data->origin = origin;
  internal::Loader loader(data.get());
  internal::LoadPackFiles(loader, data.get(), files, origin);
  loader.Finish();
  if (!loader.errors().empty()) return Status(std::move(loader.errors()));
  return RulePack(std::move(data));
}

Result<RulePack> RulePack::LoadLayers(const std::vector<std::string>& packs) {
  auto data = std::make_unique<internal::RulePackData>();
  internal::Loader loader(data.get());
  for (size_t i = 0; i < packs.size(); ++i) {
    loader.SetLayer(static_cast<int>(i));
    std::vector<std::pair<std::string, std::string>> files;
    std::string origin;
    if (packs[i] == "builtin") {
      origin = "<built-in>/rules";
      for (const auto& [path, content] : internal::BuiltInRuleFiles()) files.emplace_back(path, content);
    } else {
      Result<std::vector<std::pair<std::string, std::string>>> read = internal::ReadPackDir(packs[i]);
      if (!read.ok()) return read.status();
      files = std::move(*read);
      origin = packs[i];
      while (origin.size() > 1 && origin.back() == '/') origin.pop_back();
    }
    data->origin += (data->origin.empty() ? "" : " + ") + origin;
    internal::LoadPackFiles(loader, data.get(), files, origin);
  }
  loader.Finish();
  if (!loader.errors().empty()) return Status(std::move(loader.errors()));
  return RulePack(std::move(data));
}

Result<RulePack> RulePack::Load(const std::string& dir) { return LoadLayers({dir}); }

namespace internal {

Result<std::vector<std::pair<std::string, std::string>>> ReadPackDir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    Error e;
    e.code = ErrorCode::kIoError;
    e.location.file = dir;
    e.message = "rule pack directory not found or not a directory";
    return e;
  }
  std::vector<std::pair<std::string, std::string>> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string ext = it->path().extension().string();
    if (ext != ".tsv" && ext != ".json" && ext != ".txt") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) {
      Error e;
      e.code = ErrorCode::kIoError;
      e.location.file = it->path().string();
      e.message = "cannot read rule file";
      return e;
    }
    files.emplace_back(fs::relative(it->path(), dir, ec).generic_string(), ss.str());
  }
  if (ec) {
    Error e;
    e.code = ErrorCode::kIoError;
    e.location.file = dir;
    e.message = "cannot list rule pack directory: " + ec.message();
    return e;
  }
  return files;
}

}  // namespace internal

Result<RulePack> RulePack::BuiltIn() {
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& [path, content] : internal::BuiltInRuleFiles()) {
    files.emplace_back(std::string(path), std::string(content));
  }
  return FromFiles(files, "<built-in>/rules");
}

}  // namespace claimgraph
