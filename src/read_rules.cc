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
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <tuple>

#include "claimgraph/document.h"
#include "claimgraph/rules.h"
#include "claim_cues.h"
#include "entity_ids.h"
#include "internal/utf8.h"
#include "normalize.h"
#include "rule_pack.h"
#include "screen.h"
#include "words.h"

namespace claimgraph {
namespace internal {

std::vector<std::string> CueAlternatives(std::string_view pattern) {
  std::vector<std::string> out;
  static constexpr std::string_view kOpen = "(?P<cue>";
  for (size_t p = pattern.find(kOpen); p != std::string_view::npos; p = pattern.find(kOpen, p + 1)) {
    int depth = 0;
    bool literal = true;
    std::string current;
    for (size_t i = p + kOpen.size(); i < pattern.size(); ++i) {
      const char c = pattern[i];
      if (c == '\\') {  // an escaped character ends the literal part
        literal = false;
        ++i;
        continue;
      }
      if (c == '(' || c == '[') ++depth;
      if ((c == ')' || c == ']') && depth > 0) {
        --depth;
        continue;
      }
      if (c == ')' || (c == '|' && depth == 0)) {
        out.push_back(current);
        current.clear();
        literal = true;
        if (c == ')') break;
        continue;
      }
      if (depth > 0 || std::string_view("?*+{.^$").find(c) != std::string_view::npos) literal = false;
      if (literal) current.push_back(c);
    }
  }
  return out;
}


namespace {

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

// Replaces every ⟦Entity⟧ of `pattern` by a placeholder of any type.
void ExpandEntityPlaceholder(std::string* pattern) {
  static const std::string kEntity = "\u27E6Entity\u27E7";
  for (size_t p = pattern->find(kEntity); p != std::string::npos; p = pattern->find(kEntity, p)) {
    pattern->replace(p, kEntity.size(), "\u27E6[A-Za-z]+\u27E7");
  }
}

std::string Join(const std::set<std::string>& words) {
  std::string s;
  for (const std::string& w : words) s += (s.empty() ? "" : ", ") + w;
  return s;
}

bool AllAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
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

class RuleObject;

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
  void LoadTitles(const std::string& file, std::string_view content, bool english);
  void LoadWordSet(const std::string& file, std::string_view content, std::unordered_set<std::string>* set);
  void LoadPatterns(const std::string& file, std::string_view content);
  void LoadAttribution(const std::string& file, std::string_view content);
  // Calls load(RuleObject&) for each object of the file's "rules" array,
  // with the object's line and column.
  template <typename Load>
  void ForEachRule(const std::string& file, std::string_view content, const rapidjson::Document& doc,
                   Load&& load);
  void LoadCues(const std::string& file, std::string_view content);
  void LoadWordTable(const std::string& file, std::string_view content,
                     std::unordered_map<std::string, std::string>* table, bool value_is_type);
  void LoadHedges(const std::string& file, std::string_view content);
  void LoadClaimGrammarExamples(const std::string& file, std::string_view content);
  void LoadRelationTypes(const std::string& file, std::string_view content);
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
  void LoadRule(RuleObject& r);
  void LoadAttributionRule(RuleObject& r, const std::map<std::string, std::string>& defines);

  RulePackData* data_;
  std::vector<claimgraph::Error> errors_;
  // Registers rule `id` in this layer; removes an earlier layer's rule of
  // that id. Returns false (and reports) for a duplicate in one layer.
  bool ClaimRuleId(const std::string& id, const SourceLocation& loc);

  std::unordered_map<std::string, size_t> entity_by_id_;
  std::unordered_map<std::string, int> entity_layer_;
  std::map<std::string, int> rule_layer_;
  int layer_ = 0;
  // {NAME} defines built from claims/cues.tsv: each cue whose fifth column
  // names a define joins its alternation, in file order.
  std::map<std::string, std::string> cue_defines_;
  std::set<std::string> relation_types_;  // declared in relations/types.tsv
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

// The particle a line of ko/particles.txt holds, normalized; none for a
// blank line or a comment.
std::optional<std::string> ParticleOfLine(std::string_view text) {
  const std::string p = Trim(text);
  if (p.empty() || p.front() == '#') return std::nullopt;
  return NormalizeString(p);
}

void Loader::LoadParticles(const std::string& file, std::string_view content) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    const std::optional<std::string> particle = ParticleOfLine(text);
    if (!particle) return;
    const std::string& n = *particle;
    const std::string p = Trim(text);
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

void Loader::LoadTitles(const std::string& file, std::string_view content, bool english) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    const SourceLocation loc{file, line, 1, std::nullopt};
    if ((cols.size() != 2 && cols.size() != 3) || Trim(cols[0]).empty() || Trim(cols[1]).empty()) {
      Error(loc, "expected 2 or 3 tab-separated columns (title, role[, flags])");
      return;
    }
    const std::string title = NormalizeString(Trim(cols[0]));
    TitleEntry entry;
    entry.role = Trim(cols[1]);
    for (const std::string& flag : cols.size() == 3 ? Split(Trim(cols[2]), ',') : std::vector<std::string>()) {
      const std::string f = Trim(flag);
      if (f == "suffix") {
        entry.suffix = true;
      } else if (f == "weak") {
        entry.weak = true;
      } else if (f == "org-before") {
        entry.org_before = true;
      } else if (!f.empty()) {
        Error(loc, "unknown flag \"" + f + "\" (expected suffix, weak or org-before)");
      }
    }
    data_->title_roles[title] = entry.role;
    std::string key = title;
    if (english) {
      // Looked up as written in a text: lower case, and each word capitalized.
      for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      std::string capitalized = key;
      for (size_t i = 0; i < capitalized.size(); ++i) {
        if ((i == 0 || capitalized[i - 1] == ' ') && capitalized[i] >= 'a' && capitalized[i] <= 'z') {
          capitalized[i] = static_cast<char>(capitalized[i] - 'a' + 'A');
        }
      }
      data_->title_roles.emplace(key, entry.role);
      data_->title_roles.emplace(capitalized, entry.role);
    }
    NameLexicon& names = data_->names;
    {
      // The key's last two code points (every title has two or more).
      std::vector<char32_t> cps;
      for (size_t i = 0; i < key.size();) {
        int length = 1;
        cps.push_back(DecodeAt(key, i, &length));
        i += static_cast<size_t>(length > 0 ? length : 1);
      }
      if (cps.size() >= 2) names.AddTitleTail(NameLexicon::TitleTail(cps[cps.size() - 2], cps.back()));
    }
    const size_t words = static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    names.max_title_words = std::max(names.max_title_words, words);
    if (words > 1) {
      auto& same_start = names.multiword_titles[key.substr(0, key.find(' '))];
      if (std::none_of(same_start.begin(), same_start.end(), [&](const auto& t) { return t.first == key; })) {
        same_start.emplace_back(key, words);
        std::sort(same_start.begin(), same_start.end(), [](const auto& a, const auto& b) {
          return a.second != b.second ? a.second > b.second : a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
        });
      }
    }
    if (entry.suffix && std::find(names.title_suffixes.begin(), names.title_suffixes.end(), key) == names.title_suffixes.end()) {
      names.title_suffixes.push_back(key);
    }
    names.titles[key] = std::move(entry);
  });
}

void Loader::LoadWordSet(const std::string& file, std::string_view content, std::unordered_set<std::string>* set) {
  (void)file;
  ForEachLine(content, [&](int, std::string_view text, size_t) {
    const std::string word = Trim(text);
    if (!word.empty() && word.front() != '#') set->insert(NormalizeString(word));
  });
}

bool Loader::ParseRuleFile(const std::string& file, std::string_view content, rapidjson::Document* doc) {
  // (Iterative: a file nested 200,000 deep is an error, not a stack overflow.)
  doc->Parse<rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag | rapidjson::kParseIterativeFlag>(
      content.data(), content.size());
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

// Where each rule of a JSON rule file and each of its fields begin (byte
// offsets): RapidJSON's DOM keeps no positions, so a second, SAX pass over
// the file records them for the messages.
struct RulePositions {
  size_t begin = 0;                      // the rule's "{"
  size_t id = std::string_view::npos;    // its "id" value
  std::map<std::string, size_t> fields;  // each key's opening quote
};

class PositionHandler : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, PositionHandler> {
 public:
  explicit PositionHandler(const rapidjson::StringStream* stream) : stream_(stream) {}
  std::vector<RulePositions> rules;

  bool Default() { return Value(stream_->Tell()); }
  bool StartObject() {
    Value(stream_->Tell() - 1);
    stack_.push_back(kObject);
    return true;
  }
  bool EndObject(rapidjson::SizeType) { return Pop(); }
  bool StartArray() {
    Value(stream_->Tell() - 1);
    stack_.push_back(in_rules_key_ && stack_.size() == 1 ? kRules : kArray);
    return true;
  }
  bool EndArray(rapidjson::SizeType) { return Pop(); }
  bool Key(const char* s, rapidjson::SizeType length, bool) {
    in_rules_key_ = stack_.size() == 1 && std::string_view(s, length) == "rules";
    // The reader parses a string on a copy of the stream, so the stream
    // still stands at its opening quote.
    if (stack_.size() == 3 && stack_[1] == kRules && !rules.empty()) {
      rules.back().fields.emplace(std::string(s, length), stream_->Tell());
      id_next_ = std::string_view(s, length) == "id";
    }
    return true;
  }

 private:
  enum Container { kObject, kArray, kRules };
  // A value starting at `at`.
  bool Value(size_t at) {
    if (stack_.size() == 2 && stack_[1] == kRules) rules.push_back(RulePositions{at, std::string_view::npos, {}});
    if (stack_.size() == 3 && stack_[1] == kRules && id_next_ && !rules.empty()) rules.back().id = at;
    id_next_ = false;
    return true;
  }
  bool Pop() {
    stack_.pop_back();
    return true;
  }
  const rapidjson::StringStream* stream_;
  std::vector<Container> stack_;
  bool in_rules_key_ = false;
  bool id_next_ = false;  // the next value is a rule's "id"
};

std::vector<RulePositions> FindRulePositions(std::string_view content) {
  const std::string text(content);  // NUL-terminated for the stream
  rapidjson::StringStream stream(text.c_str());
  PositionHandler handler(&stream);
  rapidjson::Reader reader;
  reader.Parse<rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag | rapidjson::kParseIterativeFlag>(
      stream, handler);
  return std::move(handler.rules);
}

// One rule object of a JSON rule file, and where its parts are: reads its
// fields with their type checks, and reports problems at the field's
// file:line:column.
class RuleObject {
 public:
  RuleObject(Loader* loader, const std::string& file, std::string_view content, const rapidjson::Value& v,
             const RulePositions& at)
      : loader_(loader), file_(file), content_(content), v_(v), at_(at) {}

  const rapidjson::Value& value() const { return v_; }
  bool Has(const char* key) const { return v_.IsObject() && v_.HasMember(key); }
  const rapidjson::Value& operator[](const char* key) const { return v_[key]; }
  // The rule's location: its "id", else where it begins.
  SourceLocation Location() const {
    return LocationAt(file_, content_, at_.id != std::string_view::npos ? at_.id : at_.begin);
  }
  // The location of `field`, else the rule's.
  SourceLocation Location(const char* field) const {
    const auto it = at_.fields.find(field);
    return it != at_.fields.end() ? LocationAt(file_, content_, it->second) : Location();
  }
  void Error(const char* field, std::string message) {
    loader_->Error(field ? Location(field) : Location(), std::move(message), id);
  }

  // Each reads `key` into `out` when present, and reports a wrong type.
  void String(const char* key, std::string* out) {
    if (!Has(key)) return;
    if (!v_[key].IsString()) return Error(key, std::string("\"") + key + "\" must be a string");
    *out = v_[key].GetString();
  }
  void Bool(const char* key, bool* out) {
    if (!Has(key)) return;
    if (!v_[key].IsBool()) return Error(key, std::string("\"") + key + "\" must be true or false");
    *out = v_[key].GetBool();
  }
  void Int(const char* key, int* out) {
    if (!Has(key)) return;
    if (!v_[key].IsInt()) return Error(key, std::string("\"") + key + "\" must be an integer");
    *out = v_[key].GetInt();
  }
  // An array of strings, each normalized.
  void Strings(const char* key, std::vector<std::string>* out) {
    if (!Has(key)) return;
    if (!v_[key].IsArray()) return Error(key, std::string("\"") + key + "\" must be an array of strings");
    for (const auto& s : v_[key].GetArray()) {
      if (s.IsString()) out->push_back(NormalizeString(s.GetString()));
    }
  }

  std::string id;

 private:
  Loader* loader_;
  const std::string& file_;
  std::string_view content_;
  const rapidjson::Value& v_;
  const RulePositions& at_;
};

// The pattern of an entity or relation rule: normalized, its placeholders
// checked, ⟦Entity⟧ expanded, compiled. False (reported) when it cannot be.
bool CompilePattern(RuleObject& r, PatternRule* rule) {
  std::string pattern;
  r.String("pattern", &pattern);
  if (pattern.empty()) {
    r.Error(nullptr, "rule has no \"pattern\"");
    return false;
  }
  pattern = NormalizeString(pattern);
  rule->context = pattern.find(kPlaceholderOpen) != std::string::npos;
  // Every placeholder must name an entity type: ⟦Organization⟧.
  for (size_t p = pattern.find(kPlaceholderOpen); rule->context && p != std::string::npos;
       p = pattern.find(kPlaceholderOpen, p + 1)) {
    const size_t close = pattern.find("\u27E7", p);
    const std::string name =
        close == std::string::npos ? std::string()
                                   : pattern.substr(p + kPlaceholderOpen.size(), close - p - kPlaceholderOpen.size());
    const bool identifier = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    });
    if (!identifier) continue;  // ⟦ inside a character class, not a placeholder
    if (!IsEntityType(name) && name != "Entity") {
      r.Error("pattern", "unknown placeholder \"⟦" + name + "⟧\" (expected ⟦Entity⟧ or a type: " + JoinTypes() + ")");
    }
  }
  ExpandEntityPlaceholder(&pattern);
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  rule->re = std::make_unique<RE2>(pattern, options);
  if (!rule->re->ok()) {
    r.Error("pattern", "invalid re2 pattern: " + rule->re->error() + " (at \"" + rule->re->error_arg() + "\")");
    return false;
  }
  return true;
}

// Reports `group`, named by `field`, when the rule's pattern lacks it.
void NeedGroup(RuleObject& r, const PatternRule& rule, const std::string& group, const char* field) {
  if (!group.empty() && !rule.re->NamedCapturingGroups().count(group)) {
    r.Error(field, "capture group \"" + group + "\" named by \"" + field + "\" is not in the pattern");
  }
}

// "attributes": {attribute: group} of the entity a rule creates.
void LoadEntityAttributes(RuleObject& r, PatternRule* rule) {
  if (!r.Has("attributes")) return;
  if (!r["attributes"].IsObject()) return r.Error("attributes", "\"attributes\" must map attribute names to group names");
  for (const auto& m : r["attributes"].GetObject()) {
    if (!m.value.IsString()) continue;
    if (ReservedAttributes().count(m.name.GetString())) {
      r.Error("attributes", std::string("attribute \"") + m.name.GetString() + "\" is reserved for the node's own field");
      continue;
    }
    rule->attribute_groups[m.name.GetString()] = m.value.GetString();
    NeedGroup(r, *rule, m.value.GetString(), "attributes");
  }
}

// "relation" and "relations": {source, relation, target, attributes} by group.
void LoadRuleRelations(RuleObject& r, const std::set<std::string>& relation_types, PatternRule* rule) {
  auto load = [&](const rapidjson::Value& v, const char* field) {
    if (!v.IsObject() || !v.HasMember("source") || !v.HasMember("relation") || !v.HasMember("target") ||
        !v["source"].IsString() || !v["relation"].IsString() || !v["target"].IsString()) {
      return r.Error(field, std::string("\"") + field + "\" must be {\"source\", \"relation\", \"target\"} strings");
    }
    PatternRule::Relation rel{v["source"].GetString(), v["relation"].GetString(), v["target"].GetString(), {}};
    if (!relation_types.count(rel.relation)) {
      r.Error(field, "unknown relation \"" + rel.relation + "\" (" +
                         (relation_types.empty() ? std::string("the pack declares none: relations/types.tsv")
                                                 : "declared in relations/types.tsv: " + Join(relation_types)) +
                         ")");
    }
    NeedGroup(r, *rule, rel.source, field);
    NeedGroup(r, *rule, rel.target, field);
    if (v.HasMember("attributes") && v["attributes"].IsObject()) {
      for (const auto& m : v["attributes"].GetObject()) {
        if (!m.value.IsString()) continue;
        rel.attribute_groups[m.name.GetString()] = m.value.GetString();
        NeedGroup(r, *rule, m.value.GetString(), field);
      }
    }
    rule->relations.push_back(std::move(rel));
  };
  if (r.Has("relation")) load(r["relation"], "relation");
  if (!r.Has("relations")) return;
  if (!r["relations"].IsArray()) return r.Error("relations", "\"relations\" must be an array of relations");
  for (const auto& v : r["relations"].GetArray()) load(v, "relations");
}

// "node_attributes": {target: group, attributes: {name: {text | number, unit}}}.
void LoadNodeAttributes(RuleObject& r, PatternRule* rule) {
  if (!r.Has("node_attributes")) return;
  const auto& na = r["node_attributes"];
  if (!na.IsObject() || !na.HasMember("target") || !na["target"].IsString() || !na.HasMember("attributes") ||
      !na["attributes"].IsObject()) {
    return r.Error("node_attributes",
                   "\"node_attributes\" must be {\"target\": group, \"attributes\": {name: {\"text\" | \"number\": group}}}");
  }
  rule->node_target = na["target"].GetString();
  NeedGroup(r, *rule, rule->node_target, "node_attributes");
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
      r.Error("node_attributes",
              "attribute \"" + a.name + "\" must be {\"text\": group} or {\"number\": group, \"unit\": group}");
      continue;
    }
    if (ReservedAttributes().count(a.name)) {
      r.Error("node_attributes", "attribute \"" + a.name + "\" is reserved for the node's own field");
      continue;
    }
    NeedGroup(r, *rule, a.group, "node_attributes");
    NeedGroup(r, *rule, a.unit_group, "node_attributes");
    rule->node_attributes.push_back(std::move(a));
  }
}

// "examples": {match: [{text, span}], no_match: [text]}.
void LoadPatternExamples(RuleObject& r, PatternRule* rule) {
  if (!r.Has("examples")) return;
  const auto& ex = r["examples"];
  if (!ex.IsObject()) return r.Error("examples", "\"examples\" must be {\"match\": [...], \"no_match\": [...]}");
  if (ex.HasMember("match") && ex["match"].IsArray()) {
    for (const auto& m : ex["match"].GetArray()) {
      if (m.IsObject() && m.HasMember("text") && m["text"].IsString()) {
        RuleExample e;
        e.text = m["text"].GetString();
        if (m.HasMember("span") && m["span"].IsString()) e.span = m["span"].GetString();
        rule->examples.push_back(std::move(e));
      } else {
        r.Error("match", "each \"match\" example must be {\"text\", \"span\"}");
      }
    }
  }
  if (ex.HasMember("no_match") && ex["no_match"].IsArray()) {
    for (const auto& m : ex["no_match"].GetArray()) {
      if (m.IsString()) rule->examples.push_back(RuleExample{m.GetString(), "", false});
    }
  }
}

void Loader::LoadPatterns(const std::string& file, std::string_view content) {
  rapidjson::Document doc;
  if (!ParseRuleFile(file, content, &doc)) return;
  ForEachRule(file, content, doc, [&](RuleObject& r) { LoadRule(r); });
}

template <typename Load>
void Loader::ForEachRule(const std::string& file, std::string_view content, const rapidjson::Document& doc,
                         Load&& load) {
  const std::vector<RulePositions> positions = FindRulePositions(content);
  size_t i = 0;
  for (const auto& v : doc["rules"].GetArray()) {
    const RulePositions at = i < positions.size() ? positions[i] : RulePositions{};
    ++i;
    RuleObject r(this, file, content, v, at);
    load(r);
  }
}

void Loader::LoadRule(RuleObject& r) {
  if (!r.value().IsObject()) return Error(r.Location(), "a rule must be a JSON object");
  PatternRule rule;
  r.String("id", &r.id);
  rule.id = r.id;
  rule.location = r.Location();
  if (rule.id.empty()) return Error(rule.location, "rule has no string \"id\"");
  if (!ClaimRuleId(rule.id, rule.location)) return;
  r.String("description", &rule.description);
  r.String("type", &rule.type);
  r.String("group", &rule.group);
  r.String("title_group", &rule.title_group);
  r.String("qualify_group", &rule.qualify_group);
  r.Bool("resolve_surname", &rule.resolve_surname);
  r.Bool("require_qualified", &rule.require_qualified);
  r.Bool("require_digit", &rule.require_digit);
  r.Bool("require_native_name", &rule.require_native_name);
  r.Int("priority", &rule.priority);
  r.Int("min_chars", &rule.min_chars);
  r.Int("max_chars", &rule.max_chars);
  r.Strings("reject_tokens", &rule.reject_tokens);
  r.Strings("reject_suffixes", &rule.reject_suffixes);
  r.Strings("native_surnames", &rule.native_surnames);
  if (!r.Has("pattern") || (r["pattern"].IsString() && r["pattern"].GetStringLength() == 0)) {
    return r.Error(nullptr, "rule has no \"pattern\"");
  }
  if (!rule.type.empty() && !IsEntityType(rule.type)) {
    r.Error("type", "unknown entity type \"" + rule.type + "\" (expected " + JoinTypes() + ")");
  }
  if (!CompilePattern(r, &rule)) return;
  if (!rule.type.empty()) NeedGroup(r, rule, rule.group, "group");
  NeedGroup(r, rule, rule.title_group, "title_group");
  NeedGroup(r, rule, rule.qualify_group, "qualify_group");
  LoadEntityAttributes(r, &rule);
  LoadRuleRelations(r, relation_types_, &rule);
  LoadNodeAttributes(r, &rule);
  if (rule.type.empty() && rule.relations.empty() && rule.node_attributes.empty()) {
    r.Error(nullptr, "rule has neither a \"type\" (an entity rule) nor a \"relation\"");
  }
  if (rule.type.empty() && (!rule.relations.empty() || !rule.node_attributes.empty()) && !rule.context) {
    r.Error("relation", "a relation-only rule needs ⟦Type⟧ placeholders in its pattern");
  }
  LoadPatternExamples(r, &rule);
  (rule.context ? data_->context_rules : data_->text_rules).push_back(std::move(rule));
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

// "examples" of an attribution rule: {match: [{text, speaker, content}], no_match: [text]}.
void LoadClaimExamples(RuleObject& r, AttributionRule* rule) {
  if (!r.Has("examples") || !r["examples"].IsObject()) return;
  const auto& ex = r["examples"];
  if (ex.HasMember("match") && ex["match"].IsArray()) {
    for (const auto& m : ex["match"].GetArray()) {
      if (!m.IsObject() || !m.HasMember("text") || !m["text"].IsString()) continue;
      ClaimExample e;
      e.text = m["text"].GetString();
      if (m.HasMember("speaker") && m["speaker"].IsString()) e.speaker = m["speaker"].GetString();
      if (m.HasMember("content") && m["content"].IsString()) e.content = m["content"].GetString();
      rule->examples.push_back(std::move(e));
    }
  }
  if (ex.HasMember("no_match") && ex["no_match"].IsArray()) {
    for (const auto& m : ex["no_match"].GetArray()) {
      if (m.IsString()) rule->examples.push_back(ClaimExample{m.GetString(), "", "", false});
    }
  }
}

void Loader::LoadAttribution(const std::string& file, std::string_view content) {
  rapidjson::Document doc;
  if (!ParseRuleFile(file, content, &doc)) return;
  // The file's defines, over the cue alternations built from claims/cues.tsv.
  std::map<std::string, std::string> defines = cue_defines_;
  if (doc.HasMember("defines") && doc["defines"].IsObject()) {
    for (const auto& m : doc["defines"].GetObject()) {
      if (!m.value.IsString()) continue;
      if (cue_defines_.count(m.name.GetString())) {
        Error(SourceLocation{file, 1, 1, std::nullopt}, std::string("define {") + m.name.GetString() +
                                                            "} is built from claims/cues.tsv; remove it from \"defines\"");
        continue;
      }
      defines[m.name.GetString()] = NormalizeString(m.value.GetString());
    }
  }
  ForEachRule(file, content, doc, [&](RuleObject& r) { LoadAttributionRule(r, defines); });
}

void Loader::LoadAttributionRule(RuleObject& r, const std::map<std::string, std::string>& defines) {
  AttributionRule rule;
  const rapidjson::Value& v = r.value();
  if (v.IsObject() && v.HasMember("id") && v["id"].IsString()) r.id = v["id"].GetString();
  rule.id = r.id;
  rule.location = r.Location();
  if (!v.IsObject() || rule.id.empty()) {
    return Error(rule.location, "an attribution rule must be an object with a string \"id\"");
  }
  if (!ClaimRuleId(rule.id, rule.location)) return;
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
    r.Error("modality", "unknown modality \"" + rule.modality + "\" (expected asserted, hedged or implied)");
  }
  std::string pattern = NormalizeString(str("pattern"));
  if (pattern.empty()) return r.Error(nullptr, "rule has no \"pattern\"");
  for (const std::string& name : ExpandDefines(defines, &pattern)) {
    r.Error("pattern", "unknown define {" + name + "}");
  }
  ExpandEntityPlaceholder(&pattern);
  RE2::Options options;
  options.set_log_errors(false);
  rule.re = std::make_unique<RE2>(pattern, options);
  if (!rule.re->ok()) {
    return r.Error("pattern", "invalid re2 pattern: " + rule.re->error() + " (at \"" + rule.re->error_arg() + "\")");
  }
  const auto& groups = rule.re->NamedCapturingGroups();
  if (!groups.count("content")) r.Error("pattern", "the pattern has no (?P<content>…) group");
  const bool needs_speaker = !rule.unattributed && !rule.speaker_from_previous;
  if (needs_speaker && !groups.count("speaker")) {
    r.Error("pattern", "the pattern has no (?P<speaker>…) group (or set \"unattributed\")");
  }
  if (rule.cue_lemma.empty() && !groups.count("cue")) {
    r.Error("pattern", "the pattern has no (?P<cue>…) group and the rule no fixed \"cue\"");
  }
  // A cue the lexicon does not know would drop every claim it reports.
  for (const std::string& cue : CueAlternatives(pattern)) {
    if (FindCue(data_->cues, cue) == nullptr) {
      r.Error("pattern", "cue \"" + cue + "\" is not in claims/cues.tsv (no stem of it is)");
    }
  }
  LoadClaimExamples(r, &rule);
  data_->attribution_rules.push_back(std::move(rule));
}

void Loader::LoadCues(const std::string& file, std::string_view content) {
  static const std::set<std::string> kTags = {"ko-verb",      "ko-noun", "ko-passive", "en-verb",
                                              "en-participle", "source",  "heard",      "object"};
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    const SourceLocation loc{file, line, 1, std::nullopt};
    if (cols.size() != 4 && cols.size() != 5) {
      Error(loc, "expected 4 or 5 tab-separated columns (cue, lemma, modality, negated[, tags]), found " +
                     std::to_string(cols.size()));
      return;
    }
    CueEntry entry{Trim(cols[1]), Trim(cols[2]), Trim(cols[3]) == "true", loc, {}, false, false};
    if (entry.modality != "asserted" && entry.modality != "hedged" && entry.modality != "implied") {
      Error(loc, "unknown modality \"" + entry.modality + "\" (expected asserted, hedged or implied)");
      return;
    }
    if (Trim(cols[3]) != "true" && Trim(cols[3]) != "false") {
      Error(loc, "negated must be true or false, not \"" + Trim(cols[3]) + "\"");
      return;
    }
    std::vector<std::string> defines;
    for (const std::string& raw : cols.size() == 5 ? Split(Trim(cols[4]), ',') : std::vector<std::string>()) {
      const std::string tag = Trim(raw);
      if (tag.empty()) continue;
      if (std::all_of(tag.begin(), tag.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; })) {
        defines.push_back(tag);  // a {NAME} alternation for attribution rules
      } else if (kTags.count(tag)) {
        if (tag == "heard") {
          entry.heard = true;
        } else if (tag == "object") {
          entry.object = true;
        } else {
          entry.tags.push_back(tag);
        }
      } else {
        Error(loc, "unknown tag \"" + tag + "\" (expected ko-verb, ko-noun, ko-passive, en-verb, en-participle, "
                   "source, heard, object, or an upper-case define name)");
      }
    }
    for (const std::string& form : Split(Trim(cols[0]), '|')) {
      const std::string cue = NormalizeString(Trim(form));
      if (cue.empty()) continue;
      for (const std::string& define : defines) {
        std::string& alternation = cue_defines_[define];
        alternation += (alternation.empty() ? "" : "|") + cue;
      }
      data_->cues.emplace_back(cue, entry);
    }
  });
}

// Fills the claims stage's lexicon from the pack's cues: the forms of each
// tag, longest first; a Korean X하다 verb cued by X takes 하다's forms.
void BuildClaimLexicon(RulePackData* data) {
  ClaimLexicon& lexicon = data->claim_lexicon;
  for (const auto& [cue, entry] : data->cues) {
    for (const std::string& tag : entry.tags) {
      if (tag == "ko-verb") {
        const std::string hada = "하다";
        const bool sino = entry.lemma.size() > hada.size() &&
                          entry.lemma.compare(entry.lemma.size() - hada.size(), hada.size(), hada) == 0 &&
                          entry.lemma.substr(0, entry.lemma.size() - hada.size()) == cue;
        if (sino) {
          for (const char* ending : {"하", "했", "한", "합", "해", "할"}) lexicon.ko_verbs.Add(cue + ending, entry);
        } else {
          lexicon.ko_verbs.Add(cue, entry);
        }
      } else if (tag == "ko-noun") {
        lexicon.ko_nouns.Add(cue, entry);
      } else if (tag == "ko-passive") {
        lexicon.ko_passives.Add(cue, entry);
      } else if (tag == "en-verb") {
        lexicon.en_verbs.emplace(cue, entry);
      } else if (tag == "en-participle") {
        lexicon.en_participles.emplace(cue, entry);
      } else if (tag == "source") {
        lexicon.sources.Add(cue, entry);
      }
    }
  }
  for (CueForms* forms : {&lexicon.ko_verbs, &lexicon.ko_nouns, &lexicon.ko_passives, &lexicon.sources}) {
    forms->Finish();
  }
}

void Loader::LoadRelationTypes(const std::string& file, std::string_view content) {
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    const SourceLocation loc{file, line, 1, std::nullopt};
    const std::string name = Trim(cols[0]);
    if (cols.size() != 3 || (Trim(cols[1]) != "directed" && Trim(cols[1]) != "symmetric")) {
      Error(loc, "expected 3 tab-separated columns (relation, directed | symmetric, description)");
      return;
    }
    const bool snake = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || c == '_';
    });
    if (!snake) {
      Error(loc, "relation \"" + name + "\" must be snake_case (lower-case letters and _)");
      return;
    }
    if (relation_types_.insert(name).second) {
      data_->relation_types.push_back({name, Trim(cols[1]) == "symmetric", Trim(cols[2])});
    }
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

void Loader::LoadClaimGrammarExamples(const std::string& file, std::string_view content) {
  const std::vector<std::string>& ids = CueRuleIds();
  ForEachLine(content, [&](int line, std::string_view text, size_t) {
    if (Trim(text).empty() || text.front() == '#') return;
    const std::vector<std::string> cols = Split(text, '\t');
    const SourceLocation loc{file, line, 1, std::nullopt};
    if (cols.size() != 4) {
      Error(loc, "expected 4 tab-separated columns (rule, sentence, speaker, content), found " +
                     std::to_string(cols.size()));
      return;
    }
    RulePackData::GrammarExample e;
    e.rule = Trim(cols[0]);
    e.location = loc;
    e.example.positive = e.rule.empty() || e.rule.front() != '!';
    const std::string id = e.example.positive ? e.rule : e.rule.substr(1);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      Error(loc, "unknown claims grammar rule \"" + id + "\"");
      return;
    }
    // "\n" in a sentence is a line break (a headline on its own line).
    e.example.text = Trim(cols[1]);
    for (size_t at = e.example.text.find("\\n"); at != std::string::npos; at = e.example.text.find("\\n", at + 1)) {
      e.example.text.replace(at, 2, "\n");
    }
    e.example.speaker = Trim(cols[2]) == "-" ? "" : Trim(cols[2]);
    e.example.content = Trim(cols[3]) == "-" ? "" : Trim(cols[3]);
    data_->claim_examples.push_back(std::move(e));
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
  data_->particles.Index();
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
  // Korean news spaces transliterated names either way ("아티피셜 애널리시스",
  // "아티피셜애널리시스"): an alias of Hangul words also matches without its
  // spaces, where no alias is written so.
  for (const auto& [alias, entity] : data_->alias_to_entity) {
    if (alias.find(' ') == std::string::npos) continue;
    const std::vector<std::string_view> parts = SplitAtSpaces(alias);
    if (!std::all_of(parts.begin(), parts.end(), [](std::string_view w) { return AllHangul(w); })) continue;
    std::string joined;
    for (const std::string_view w : parts) joined += w;
    if (!data_->alias_to_entity.count(joined)) data_->trie.Add(joined, entity);
  }
  data_->trie.Build();
  for (size_t i = 0; i < data_->entities.size(); ++i) data_->entity_by_id[data_->entities[i].id] = static_cast<int>(i);
  for (const auto& [alias, entity] : data_->alias_to_entity) {
    const std::string& type = data_->entities[static_cast<size_t>(entity)].type;
    if (type != "Person" && type != "Organization" && type != "Location") continue;
    const bool latin = std::all_of(alias.begin(), alias.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == ' ' || c == '.' || c == '-' || c == '&';
    });
    const bool lower = std::any_of(alias.begin(), alias.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!latin || !lower || alias.size() < 4) continue;
    std::string key = alias;
    for (char& c : key) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    data_->caps_trie.Add(key, entity);
  }
  data_->caps_trie.Build();
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
  NameLexicon& names = data_->names;
  for (auto it = names.not_names.begin(); it != names.not_names.end();) {
    if (it->size() > 1 && it->front() == '-') {
      names.not_name_endings.push_back(it->substr(1));
      it = names.not_names.erase(it);
    } else {
      ++it;
    }
  }
  std::sort(names.not_name_endings.begin(), names.not_name_endings.end());
  for (const auto& [key, entry] : names.titles) {
    if (AllAscii(key)) {
      for (const std::string& word : Split(key, ' ')) names.title_words.insert(word);
    }
  }
  std::stable_sort(names.title_suffixes.begin(), names.title_suffixes.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  names.IndexFirstChars();
  names.suffix_titles = std::unordered_set<std::string>(names.title_suffixes.begin(), names.title_suffixes.end());
  names.title_suffix_lengths.clear();
  for (const std::string& suffix : names.title_suffixes) {
    if (std::find(names.title_suffix_lengths.begin(), names.title_suffix_lengths.end(), suffix.size()) ==
        names.title_suffix_lengths.end()) {
      names.title_suffix_lengths.push_back(suffix.size());  // (longest first, as the suffixes are)
    }
  }
  for (const std::string& s : names.surnames) names.max_surname_bytes = std::max(names.max_surname_bytes, s.size());
  BuildScreens(data_);
  std::stable_sort(data_->cues.begin(), data_->cues.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  BuildClaimLexicon(data_);
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
  // The vocabulary (tables and lists) first, then the rules that use it:
  // cues make {CUE_…} defines, relation types check the rules' relations.
  for (const bool rules : {false, true}) {
    for (const auto& [path, content] : sorted) {
      const bool json = internal::EndsWith(path, ".json");
      if (json != rules) continue;
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
      } else if ((path.rfind("patterns/", 0) == 0 || path.rfind("relations/", 0) == 0) && json) {
        loader.LoadPatterns(file, content);
      } else if (path.rfind("claims/", 0) == 0 && json) {
        loader.LoadAttribution(file, content);
      } else if (path == "claims/cues.tsv") {
        loader.LoadCues(file, content);
      } else if (path == "claims/groups.tsv") {
        loader.LoadWordTable(file, content, &data->speaker_groups, false);
      } else if (path == "claims/pronouns.tsv") {
        loader.LoadWordTable(file, content, &data->pronouns, true);
      } else if (path == "claims/hedges.txt") {
        loader.LoadHedges(file, content);
      } else if (path == "claims/examples.tsv") {
        loader.LoadClaimGrammarExamples(file, content);
      } else if (path == "ko/particles.txt") {
        loader.LoadParticles(file, content);
      } else if (path == "ko/titles.tsv" || path == "en/titles.tsv") {
        loader.LoadTitles(file, content, path == "en/titles.tsv");
      } else if (path == "ko/surnames.txt") {
        loader.LoadWordSet(file, content, &data->names.surnames);
      } else if (path == "en/surnames.txt") {
        loader.LoadWordSet(file, content, &data->names.surnames_first);
      } else if (path == "ko/org_descriptors.txt" || path == "en/org_descriptors.txt") {
        loader.LoadWordSet(file, content, &data->names.org_descriptors);
      } else if (path == "ko/org_units.txt") {
        loader.LoadWordSet(file, content, &data->names.org_units);
      } else if (path == "ko/not_names.txt" || path == "en/not_names.txt") {
        loader.LoadWordSet(file, content, &data->names.not_names);
      } else if (path == "relations/types.tsv") {
        loader.LoadRelationTypes(file, content);
      }
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
    const std::string ext = it->path().extension().string();
    if (ext != ".tsv" && ext != ".json" && ext != ".txt") continue;
    std::error_code entry;
    if (it->is_directory(entry)) continue;
    // A rule file that is no regular file (a link to /dev/zero, a FIFO)
    // is an error, not a silent skip (nor a read that never ends).
    if (!it->is_regular_file(entry)) {
      Error e;
      e.code = ErrorCode::kIoError;
      e.location.file = it->path().string();
      e.message = "not a regular file (a rule file must be one)";
      return e;
    }
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

std::vector<std::string> BuiltInParticles() {
  std::vector<std::string> out;
  for (const auto& [path, content] : BuiltInRuleFiles()) {
    if (path != "ko/particles.txt") continue;
    ForEachLine(content, [&](int, std::string_view text, size_t) {
      if (std::optional<std::string> p = ParticleOfLine(text)) out.push_back(std::move(*p));
    });
  }
  return out;
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
