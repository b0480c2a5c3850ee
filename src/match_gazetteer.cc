// SPDX-License-Identifier: Apache-2.0
// Stage 3a, match gazetteer: one trie walk from every code point of the
// sentence; each alias occurrence must pass the boundary and particle tests.
#include "match_gazetteer.h"

#include <algorithm>

#include "alias_trie.h"
#include "internal/utf8.h"
#include "match_particles.h"
#include "rule_pack.h"

namespace claimgraph::internal {
namespace {

bool IsAsciiAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Words that name an edition of a model or product after its name or its
// version ("Gemini 3 Pro", "Blackwell Ultra", "하람-2 VL"), with the
// English of the Korean ones ("딥싱크" -> "Deep Think"); "app" and "앱"
// make a product of a model ("제미나이 앱" -> Gemini app).
const std::vector<std::pair<std::string_view, std::string_view>>& EditionWords() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kWords = {
      {"Pro", "Pro"},         {"Ultra", "Ultra"},       {"Max", "Max"},         {"Mini", "Mini"},
      {"mini", "mini"},       {"Flash", "Flash"},       {"Lite", "Lite"},       {"Plus", "Plus"},
      {"Heavy", "Heavy"},     {"Turbo", "Turbo"},       {"Nano", "Nano"},       {"Compact", "Compact"},
      {"Balanced", "Balanced"}, {"Supreme", "Supreme"}, {"VL", "VL"},           {"Coder", "Coder"},
      {"Instruct", "Instruct"}, {"Vision", "Vision"},   {"Omni", "Omni"},       {"Air", "Air"},
      {"Edge", "Edge"},       {"Preview", "Preview"},   {"Thinking", "Thinking"}, {"Reasoning", "Reasoning"},
      {"Deep", "Deep"},       {"Think", "Think"},       {"SuperPoD", "SuperPoD"}, {"Station", "Station"},
      {"Spark", "Spark"},     {"app", "app"},           {"프로", "Pro"},        {"울트라", "Ultra"},
      {"맥스", "Max"},        {"미니", "Mini"},         {"플래시", "Flash"},    {"라이트", "Lite"},
      {"플러스", "Plus"},     {"터보", "Turbo"},        {"나노", "Nano"},       {"딥싱크", "Deep Think"},
      {"앱", "app"}};
  return kWords;
}

const std::string_view* EditionWord(std::string_view w) {
  for (const auto& [word, english] : EditionWords()) {
    if (word == w) return &english;
  }
  return nullptr;
}
bool IsEditionWord(std::string_view w) { return EditionWord(w) != nullptr; }

// The label of a version of `entry` written [name_end, version_end) after
// its name: the entry's canonical name and the version, edition words in
// English ("큐원3-235B" -> "Qwen3-235B", "제미나이 3 딥싱크" -> "Gemini 3
// Deep Think").
std::string VersionLabel(const GazetteerEntry& entry, std::string_view text, size_t name_end, size_t version_end) {
  std::string label = entry.canonical;
  size_t i = name_end;
  while (i < version_end) {
    if (text[i] == ' ' || text[i] == '-') {
      label.push_back(text[i++]);
      continue;
    }
    size_t j = i;
    while (j < version_end && text[j] != ' ' && text[j] != '-') ++j;
    const std::string_view word = text.substr(i, j - i);
    const std::string_view* english = EditionWord(word);
    label.append(english != nullptr ? *english : word);
    i = j;
  }
  return label;
}

// Whether `w` is a version: digits with dots and at most two letters after
// ("3", "2.5", "4o", "18.4", "235B"), or a few capitals and digits ("MI450",
// "S25", "B30A", "R1", "NVL144").
bool IsVersion(std::string_view w) {
  if (w.empty() || w.size() > 10 || w.back() == '.') return false;
  size_t i = 0;
  if (IsAsciiDigit(w[0])) {
    while (i < w.size() && (IsAsciiDigit(w[i]) || (w[i] == '.' && i + 1 < w.size() && IsAsciiDigit(w[i + 1])))) ++i;
    return w.size() - i <= 2 && std::all_of(w.begin() + static_cast<std::ptrdiff_t>(i), w.end(), [](char c) {
             return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
           });
  }
  while (i < w.size() && i < 4 && w[i] >= 'A' && w[i] <= 'Z') ++i;
  if (i == 0 || i >= w.size() || !IsAsciiDigit(w[i])) return false;
  return std::all_of(w.begin() + static_cast<std::ptrdiff_t>(i), w.end(), IsAsciiAlnum);
}

// The end of the version and edition words after a model or product name
// ending at `at` ("Gemini| 3 Pro", "Qwen3|-235B", "Gauss|2"), or `at`.
size_t VersionEnd(std::string_view text, size_t at, size_t limit) {
  size_t pos = at;
  for (int parts = 0; parts < 4; ++parts) {
    size_t start = pos;
    if (start < limit && (text[start] == ' ' || text[start] == '-')) {
      ++start;
    } else if (parts > 0 || start >= limit || !IsAsciiDigit(text[start]) || start == 0 ||
               !((text[start - 1] >= 'A' && text[start - 1] <= 'Z') || (text[start - 1] >= 'a' && text[start - 1] <= 'z'))) {
      break;  // only a first version may follow the name directly ("Gauss2")
    }
    size_t end = start;
    while (end < limit && (IsAsciiAlnum(text[end]) || (text[end] == '.' && end + 1 < limit && IsAsciiDigit(text[end + 1])))) {
      ++end;
    }
    if (end == start) {  // a Korean edition word
      while (end < limit && text[end] != ' ' && text[end] != '-' && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
      size_t word = end;
      // Without the particles after it ("프로는").
      while (word > start && !IsEditionWord(text.substr(start, word - start))) --word;
      if (word == start) break;
      end = word;
    }
    const std::string_view w = text.substr(start, end - start);
    const bool version = IsVersion(w);
    if (!version && !IsEditionWord(w)) break;
    // "H100 8,000": a number followed by more digits is a quantity.
    if (version && end + 1 < limit && text[end] == ',' && IsAsciiDigit(text[end + 1])) break;
    pos = end;
  }
  return pos;
}

// The mention of gazetteer entry `value` at [begin, end).
Candidate EntryCandidate(const RulePackData& rules, int32_t value, size_t begin, size_t end, int sentence,
                         std::string particle) {
  const GazetteerEntry& entry = rules.entities[static_cast<size_t>(value)];
  Candidate c;
  c.begin = begin;
  c.end = end;
  c.particle = std::move(particle);
  c.sentence = sentence;
  c.entity = value;
  c.label = entry.canonical;
  c.type = entry.type;
  c.priority = 100;
  c.rule_id = "gazetteer";
  return c;
}

}  // namespace

void MatchGazetteer(const RulePackData& rules, std::string_view text, size_t sentence_begin,
                    size_t sentence_end, int sentence, std::vector<Candidate>* out,
                    std::vector<Candidate>* rejected) {
  const std::string_view limited = text.substr(0, sentence_end);
  const size_t first = out->size();
  for (size_t i = sentence_begin; i < sentence_end;) {
    int len = 0;
    DecodeAt(text, i, &len);
    if (!rules.trie.MayStartAt(text, i)) {
      i += static_cast<size_t>(len);
      continue;
    }
    // The left boundary depends on the start alone; where it fails (inside
    // a word), nothing starting here can be a name. It is checked once a
    // name is found here: most starts the first byte allows start none.
    const char* left = nullptr;
    bool left_known = false;
    auto left_problem = [&]() {
      if (!left_known) left = LeftBoundaryProblem(text, sentence_begin, i);
      left_known = true;
      return left;
    };
    // A word in capitals ("SAN FRANCISCO"): the names that are not
    // written so, in any case, where the matched text has no small letter.
    if (i + 1 < sentence_end && text[i] >= 'A' && text[i] <= 'Z' && text[i + 1] >= 'A' && text[i + 1] <= 'Z' &&
        left_problem() == nullptr) {
      rules.caps_trie.MatchAtAsciiLower(limited, i, [&](size_t end, int32_t value) {
        if (std::any_of(text.begin() + static_cast<std::ptrdiff_t>(i), text.begin() + static_cast<std::ptrdiff_t>(end),
                        [](char c) { return c >= 'a' && c <= 'z'; })) {
          return;
        }
        std::string particle;
        if (!CheckRightBoundary(text, end, sentence_end, rules.particles, &particle).empty()) return;
        out->push_back(EntryCandidate(rules, value, i, end, sentence, std::move(particle)));
      });
    }
    rules.trie.MatchAt(limited, i, [&](size_t end, int32_t value) {
      // A match must end on a code point boundary.
      if (end < sentence_end && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) return;
      if (left_problem() != nullptr && rejected == nullptr) return;
      std::string particle;
      std::string reason = left != nullptr ? left : "";
      if (reason.empty()) reason = CheckRightBoundary(text, end, sentence_end, rules.particles, &particle);
      const GazetteerEntry& entry = rules.entities[static_cast<size_t>(value)];
      if (left == nullptr && (entry.type == "Model" || entry.type == "Product")) {
        // A version after the name: a new model or product of its family.
        const size_t version_end = VersionEnd(text, end, sentence_end);
        std::string version_particle;
        if (version_end > end && CheckRightBoundary(text, version_end, sentence_end, rules.particles,
                                                    &version_particle).empty()) {
          Candidate v;
          v.begin = i;
          v.end = version_end;
          v.particle = std::move(version_particle);
          v.sentence = sentence;
          v.label = VersionLabel(entry, text, end, version_end);
          v.type = entry.type;
          if (v.label.size() > 4 && v.label.compare(v.label.size() - 4, 4, " app") == 0) {
            v.type = "Product";  // a model's app
          }
          v.priority = 100;
          v.rule_id = "gazetteer.version";
          v.attributes["family"] = "ent:" + entry.id;
          out->push_back(std::move(v));
        }
      }
      if (!reason.empty() && rejected == nullptr) return;
      Candidate c = EntryCandidate(rules, value, i, end, sentence, std::move(particle));
      if (reason.empty()) {
        out->push_back(std::move(c));
      } else {
        c.reason = std::move(reason);
        rejected->push_back(std::move(c));
      }
    });
    i += static_cast<size_t>(len);
  }
  // A version whose whole name the gazetteer knows is that entry.
  for (size_t v = first; v < out->size(); ++v) {
    if ((*out)[v].rule_id != "gazetteer.version") continue;
    const bool known = std::any_of(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(), [&](const Candidate& c) {
      return c.entity >= 0 && c.begin == (*out)[v].begin && c.end == (*out)[v].end;
    });
    if (known) (*out)[v].rule_id.clear();
  }
  out->erase(std::remove_if(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                            [](const Candidate& c) { return c.rule_id.empty(); }),
             out->end());
  // "엔비디아 H200", an alias of H200 that names its maker first: the maker
  // and the product, two mentions.
  const size_t n = out->size();
  for (size_t k = first; k < n; ++k) {
    Candidate& c = (*out)[k];
    if (c.entity < 0 || (c.type != "Model" && c.type != "Product")) continue;
    const std::string_view surface = text.substr(c.begin, c.end - c.begin);
    const size_t space = surface.find(' ');
    if (space == std::string_view::npos) continue;
    const auto maker = rules.alias_to_entity.find(std::string(surface.substr(0, space)));
    const auto product = rules.alias_to_entity.find(std::string(surface.substr(space + 1)));
    if (maker == rules.alias_to_entity.end() || product == rules.alias_to_entity.end() ||
        product->second != c.entity || rules.entities[static_cast<size_t>(maker->second)].type != "Organization") {
      continue;
    }
    Candidate m = c;
    m.end = c.begin + space;
    m.particle.clear();
    m.entity = maker->second;
    m.label = rules.entities[static_cast<size_t>(maker->second)].canonical;
    m.type = "Organization";
    c.begin += space + 1;
    out->push_back(std::move(m));
  }
}

}  // namespace claimgraph::internal
