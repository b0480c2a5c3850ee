// SPDX-License-Identifier: Apache-2.0
// claimgraph_corpus: writes the benchmark corpus (JSONL) or a synthetic
// gazetteer pack of a given size. Deterministic: a size and a seed give the
// same bytes.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "claimgraph/io.h"
#include "claimgraph/rules.h"
#include "corpus.h"

namespace {

constexpr const char* kUsage =
    "Usage: claimgraph_corpus --mb N [--seed S] [--korean F] [-o FILE]\n"
    "       claimgraph_corpus --gazetteer N [--seed S] -o DIR\n"
    "\n"
    "Writes N MB (10^6 bytes) of Korean and English news-style JSONL made from our\n"
    "templates and the default gazetteer (to FILE, or stdout), or a rule pack DIR whose\n"
    "gazetteer has exactly N entries (the default pack's, then synthetic ones), to layer\n"
    "over nothing: claimgraph build --rules DIR ... (entity matching only).\n"
    "\n"
    "--seed S     the generator's seed (default 1)\n"
    "--korean F   share of Korean documents, 0..1 (default 0.7)\n";

bool ParseNumber(const std::string& s, double* out) {
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return !s.empty() && end && *end == '\0' && *out >= 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  double mb = -1, gazetteer = -1, seed = 1, korean = 0.7;
  std::string output;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (i + 1 >= args.size()) {
      std::cerr << "claimgraph_corpus: " << a << " needs a value\n\n" << kUsage;
      return 2;
    }
    const std::string& v = args[++i];
    double* target = a == "--mb" ? &mb : a == "--gazetteer" ? &gazetteer : a == "--seed" ? &seed
                   : a == "--korean" ? &korean : nullptr;
    if (a == "-o" || a == "--output") {
      output = v;
    } else if (!target || !ParseNumber(v, target)) {
      std::cerr << "claimgraph_corpus: bad option " << a << " " << v << "\n\n" << kUsage;
      return 2;
    }
  }
  if ((mb < 0) == (gazetteer < 0) || korean > 1) {
    std::cerr << "claimgraph_corpus: give either --mb or --gazetteer\n\n" << kUsage;
    return 2;
  }
  claimgraph::Result<claimgraph::RulePack> rules = claimgraph::RulePack::BuiltIn();
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return 1;
  }
  if (gazetteer >= 0) {
    if (output.empty()) {
      std::cerr << "claimgraph_corpus: --gazetteer needs -o DIR\n";
      return 2;
    }
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(output) / "entities", ec);
    const claimgraph::Status s = claimgraph::WriteFileAtomic(
        (std::filesystem::path(output) / "entities" / "gazetteer.tsv").string(),
        claimgraph::bench::GazetteerTsv(*rules, static_cast<size_t>(gazetteer), static_cast<size_t>(gazetteer),
                                        static_cast<uint64_t>(seed)));
    if (!s.ok()) {
      std::cerr << s.ToString();
      return 1;
    }
    return 0;
  }
  claimgraph::bench::CorpusOptions options;
  options.bytes = static_cast<size_t>(mb * 1e6);
  options.seed = static_cast<uint64_t>(seed);
  options.korean = korean;
  std::ofstream file;
  if (!output.empty()) {
    file.open(output, std::ios::binary);
    if (!file) {
      std::cerr << "claimgraph_corpus: cannot write " << output << "\n";
      return 1;
    }
  }
  std::ostream& out = output.empty() ? std::cout : file;
  const size_t docs = claimgraph::bench::GenerateCorpus(*rules, options, [&](const std::string& line) { out << line; });
  out.flush();
  if (!out) {
    std::cerr << "claimgraph_corpus: write error" << (output.empty() ? "" : " on " + output) << "\n";
    return 1;
  }
  std::cerr << "claimgraph_corpus: " << docs << " documents" << (output.empty() ? "" : " -> " + output) << "\n";
  return 0;
}
