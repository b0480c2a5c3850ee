// SPDX-License-Identifier: Apache-2.0
#include "test_util.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <iterator>

namespace claimgraph::testing {

const RulePack& BuiltInRules() {
  static const RulePack* pack = [] {
    Result<RulePack> r = RulePack::BuiltIn();
    if (!r.ok()) {
      std::cerr << r.status().ToString();
      std::abort();
    }
    return new RulePack(std::move(r).value());
  }();
  return *pack;
}

std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

bool FileExists(const std::string& path) { return std::ifstream(path).good(); }

std::string SliceCodePoints(const std::string& text, int64_t start, int64_t end) {
  int64_t cp = -1;
  size_t b = text.size(), e = text.size();
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    ++cp;
    if (cp == start) b = i;
    if (cp == end) {
      e = i;
      break;
    }
  }
  if (b > e) return "";
  return text.substr(b, e - b);
}

Extraction ExtractText(const std::string& text) {
  Pipeline pipeline(BuiltInRules());
  Document doc;
  doc.id = "t";
  doc.text = text;
  Result<Extraction> ex = pipeline.Extract(doc);
  REQUIRE(ex.ok());
  return *ex;
}

std::vector<std::string> EntityLabels(const std::string& text) {
  std::vector<std::string> labels;
  for (const EntityMention& m : ExtractText(text).mentions) labels.push_back(m.label);
  std::sort(labels.begin(), labels.end());
  labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
  return labels;
}

std::optional<std::string> SeedText() {
  const std::string path = std::string(CLAIMGRAPH_SHARED_CORPUS) + "/seed-alibaba-ko.txt";
  if (!FileExists(path)) {
    std::cout << "SKIPPED: " << path << " is absent (a fresh clone without ../shared); seed test not run\n";
    return std::nullopt;
  }
  return ReadFileOrEmpty(path);
}

}  // namespace claimgraph::testing
