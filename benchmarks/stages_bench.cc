// SPDX-License-Identifier: Apache-2.0
// claimgraph_bench: Google Benchmark figures for every stage and end to end,
// in bytes of news text per second, over the generated corpus
// (benchmarks/corpus.h) or a user's JSONL corpus:
//   build/claimgraph_bench [--corpus FILE.jsonl | --corpus-mb N] [--rules DIR]
//                                     [benchmark flags]
// --rules measures another rule pack (a directory, as for claimgraph build)
// instead of the built-in one (BM_Gazetteer/N for N > 0 still builds its
// synthetic gazetteers on the built-in pack).
// BM_Stage/<name> times one stage inside the whole pipeline (manual time:
// the sum of that stage's laps; extracting as a build does, without the
// rejected candidates), so the stages add up to BM_Extract/0; the
// other benchmarks run one stage alone on inputs prepared beforehand.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "corpus.h"
#include "pipeline.h"
#include "match_gazetteer.h"
#include "match_particles.h"
#include "match_patterns.h"
#include "normalize.h"
#include "placeholders.h"
#include "entity_ids.h"
#include "read_rules.h"
#include "rule_pack.h"
#include "screen.h"
#include "segment.h"

namespace claimgraph::bench {
namespace {

std::string g_corpus_path;    // --corpus
double g_corpus_mb = 4;       // --corpus-mb, for the generated corpus
std::string g_rules_dir;      // --rules

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "claimgraph_bench: " << message << "\n";
  std::exit(1);
}

const RulePack& Pack() {
  static RulePack* pack = [] {
    Result<RulePack> r = g_rules_dir.empty() ? RulePack::BuiltIn() : RulePack::Load(g_rules_dir);
    if (!r.ok()) Die(r.status().ToString());
    return new RulePack(std::move(r).value());
  }();
  return *pack;
}

// The corpus and what each stage needs as input, prepared once.
struct Fixture {
  std::string jsonl;
  std::vector<Document> docs;
  int64_t text_bytes = 0;
  std::vector<internal::NormalizedText> norms;
  std::vector<std::vector<std::pair<size_t, size_t>>> sentences;
  std::vector<Extraction> extractions;
  std::vector<Graph> graphs;
  Graph merged;
};

const Fixture& Corpus() {
  static Fixture* f = [] {
    auto* fx = new Fixture();
    if (!g_corpus_path.empty()) {
      std::ifstream in(g_corpus_path, std::ios::binary);
      if (!in) Die("cannot read " + g_corpus_path);
      std::ostringstream ss;
      ss << in.rdbuf();
      fx->jsonl = ss.str();
    } else {
      CorpusOptions options;
      options.bytes = static_cast<size_t>(g_corpus_mb * 1e6);
      fx->jsonl = GenerateCorpusString(Pack(), options);
    }
    Result<std::vector<Document>> docs = ParseJsonl(fx->jsonl, g_corpus_path.empty() ? "<generated>" : g_corpus_path);
    if (!docs.ok()) Die(docs.status().ToString());
    fx->docs = std::move(docs).value();
    Pipeline pipeline(Pack());
    for (const Document& d : fx->docs) {
      fx->text_bytes += static_cast<int64_t>(d.text.size());
      fx->norms.push_back(internal::Normalize(d.text));
      fx->sentences.push_back(internal::SegmentSentences(fx->norms.back().text));
      Result<Extraction> ex = pipeline.Extract(d);
      if (!ex.ok()) Die(ex.status().ToString());
      fx->graphs.push_back(ExtractionToGraph(*ex));
      fx->merged.Merge(fx->graphs.back());
      fx->extractions.push_back(std::move(ex).value());
    }
    std::cerr << "claimgraph_bench: corpus " << fx->docs.size() << " documents, " << fx->jsonl.size() / 1e6
              << " MB JSONL, " << fx->text_bytes / 1e6 << " MB text; graph " << fx->merged.node_count() << " nodes, "
              << fx->merged.edge_count() << " edges\n";
    return fx;
  }();
  return *f;
}

void Text(benchmark::State& state) { state.SetBytesProcessed(state.iterations() * Corpus().text_bytes); }

void BM_ReadJsonl(benchmark::State& state) {
  const Fixture& f = Corpus();
  for (auto _ : state) benchmark::DoNotOptimize(ParseJsonl(f.jsonl, "corpus"));
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(f.jsonl.size()));
}

void BM_Normalize(benchmark::State& state) {
  const Fixture& f = Corpus();
  for (auto _ : state) {
    for (const Document& d : f.docs) benchmark::DoNotOptimize(internal::Normalize(d.text));
  }
  Text(state);
}

void BM_Segment(benchmark::State& state) {
  const Fixture& f = Corpus();
  for (auto _ : state) {
    for (const auto& n : f.norms) benchmark::DoNotOptimize(internal::SegmentSentences(n.text));
  }
  Text(state);
}

}  // namespace
}  // namespace claimgraph::bench

namespace claimgraph::internal {
const std::vector<std::pair<std::string_view, std::string_view>>& BuiltInRuleFiles();  // builtin_rules.cc
}  // namespace claimgraph::internal

namespace claimgraph::bench {
namespace {

// The default pack with its gazetteer replaced by one of `entries` entries,
// the first 300 of them real (so every size finds the same mentions), or
// the default pack as it is (0).
const RulePack& GazetteerPack(int64_t entries) {
  static std::map<int64_t, std::unique_ptr<RulePack>> packs;
  if (entries == 0) return Pack();
  auto& slot = packs[entries];
  if (!slot) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& [path, content] : internal::BuiltInRuleFiles()) {
      if (path.rfind("entities/", 0) != 0) files.emplace_back(std::string(path), std::string(content));
    }
    files.emplace_back("entities/gazetteer.tsv", GazetteerTsv(Pack(), 300, static_cast<size_t>(entries), 7));
    Result<RulePack> r = RulePack::FromFiles(files, "<bench>");
    if (!r.ok()) Die(r.status().ToString());
    slot = std::make_unique<RulePack>(std::move(r).value());
  }
  return *slot;
}

void BM_Gazetteer(benchmark::State& state) {
  const Fixture& f = Corpus();
  const RulePack& pack = GazetteerPack(state.range(0));
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t d = 0; d < f.docs.size(); ++d) {
      const auto& sentences = f.sentences[d];
      for (size_t s = 0; s < sentences.size(); ++s) {
        std::vector<internal::Candidate> out, rejected;
        internal::MatchGazetteer(pack.data(), f.norms[d].text, sentences[s].first, sentences[s].second,
                                 static_cast<int>(s), &out, &rejected);
        found += out.size();
      }
    }
  }
  state.counters["entries"] = static_cast<double>(pack.entity_count());
  state.counters["aliases"] = static_cast<double>(pack.alias_count());
  state.counters["matches"] = static_cast<double>(found);
  Text(state);
}

void BM_TextPatterns(benchmark::State& state) {
  const Fixture& f = Corpus();
  for (auto _ : state) {
    for (size_t d = 0; d < f.docs.size(); ++d) {
      const auto& sentences = f.sentences[d];
      std::vector<std::string_view> texts;
      for (const auto& [b, e] : sentences) texts.push_back(std::string_view(f.norms[d].text).substr(b, e - b));
      const auto matches = internal::FindTextRuleMatches(Pack().data(), texts);
      for (size_t s = 0; s < sentences.size(); ++s) {
        std::vector<internal::Candidate> out, rejected;
        internal::MatchTextPatterns(Pack().data(), f.norms[d].text, sentences[s].first, sentences[s].second,
                                    static_cast<int>(s), matches[s], &out, &rejected);
        benchmark::DoNotOptimize(out);
      }
    }
  }
  Text(state);
}

// The particle check after every word: what follows a candidate name.
void BM_Particles(benchmark::State& state) {
  const Fixture& f = Corpus();
  const internal::ParticleSet& particles = Pack().data().particles;
  size_t checks = 0;
  for (auto _ : state) {
    checks = 0;
    for (size_t d = 0; d < f.docs.size(); ++d) {
      const std::string& text = f.norms[d].text;
      for (const auto& [begin, end] : f.sentences[d]) {
        for (size_t i = begin + 1; i < end; ++i) {
          if (text[i] != ' ' || text[i - 1] == ' ') continue;
          // the word before the space: try the particle split at each of its code points
          size_t w = i;
          while (w > begin && text[w - 1] != ' ') --w;
          for (size_t cut = w + 1; cut < i; ++cut) {
            if ((static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) continue;
            std::string particle;
            benchmark::DoNotOptimize(internal::CheckRightBoundary(text, cut, end, particles, &particle));
            ++checks;
          }
        }
      }
    }
  }
  state.counters["checks"] = static_cast<double>(checks);
  Text(state);
}

enum Stage {
  kNormalize,
  kSegment,
  kGazetteer,
  kTextPatterns,
  kNames,
  kResolve,
  kContextPatterns,
  kRelations,
  kClaims,
  kBuild
};
const char* const kStageNames[] = {"normalize", "segment",          "gazetteer", "text_patterns", "names",
                                   "resolve",   "context_patterns", "relations", "claims",        "build_extraction"};

double StageSeconds(const internal::StageTimes& t, int stage) {
  const double v[] = {t.normalize,        t.segment,   t.gazetteer, t.text_patterns, t.names, t.resolve,
                      t.context_patterns, t.relations, t.claims,    t.build_extraction};
  return v[stage];
}

// Calls extract(batch) for `docs` in batches of RunOptions::batch_bytes of
// text, as a build gathers them.
template <typename Extract>
void InBatches(const std::vector<Document>& docs, Extract&& extract) {
  std::vector<const Document*> batch;
  size_t bytes = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    batch.push_back(&docs[i]);
    bytes += docs[i].text.size();
    if (bytes >= RunOptions().batch_bytes || i + 1 == docs.size()) {
      extract(batch);
      batch.clear();
      bytes = 0;
    }
  }
}

// Extracts `docs` in batches, without the rejected candidates, into
// Extractions.
void ExtractAsBuild(const std::vector<Document>& docs, internal::StageTimes* times) {
  InBatches(docs, [&](const std::vector<const Document*>& batch) {
    benchmark::DoNotOptimize(internal::ExtractBatch(Pack(), batch, times, /*keep_rejected=*/false));
  });
}

// One stage's time inside the full pipeline, as a build runs it (manual time).
void BM_Stage(benchmark::State& state) {
  const Fixture& f = Corpus();
  const int stage = static_cast<int>(state.range(0));
  double total = 0, mine = 0;
  for (auto _ : state) {
    internal::StageTimes t;
    ExtractAsBuild(f.docs, &t);
    state.SetIterationTime(StageSeconds(t, stage));
    mine += StageSeconds(t, stage);
    for (int s = 0; s <= kBuild; ++s) total += StageSeconds(t, s);
  }
  state.counters["share_pct"] = 100.0 * mine / total;
  state.SetLabel(kStageNames[stage]);
  Text(state);
}

// BM_Extract/1 is Pipeline::Extract (a document at a time, with the
// rejected candidates, for `claimgraph explain`); BM_Extract/0 extracts as
// a build does (in batches, without them), but makes Extractions where a
// build appends each document to its graph (BM_ExtractIntoGraph).
void BM_Extract(benchmark::State& state) {
  const Fixture& f = Corpus();
  const bool keep_rejected = state.range(0) != 0;
  for (auto _ : state) {
    if (!keep_rejected) {
      ExtractAsBuild(f.docs, nullptr);
      continue;
    }
    for (const Document& d : f.docs) {
      benchmark::DoNotOptimize(internal::ExtractTimed(Pack(), d, nullptr, keep_rejected));
    }
  }
  state.SetLabel(keep_rejected ? "with rejected candidates" : "as a build");
  Text(state);
}

// One document of N MB without a sentence end (a list, a table flattened,
// text without punctuation): time must grow linearly with N (the segmenter
// cuts runs longer than kMaxSentenceBytes; references look back a bounded
// number of sentences). Arg: MB; English names and words repeated.
void BM_LongSentence(benchmark::State& state) {
  const std::string words = "Alibaba said Qwen3 and Nvidia chips grow with new partners in the market ";
  Document d;
  d.id = "long";
  while (d.text.size() < static_cast<size_t>(state.range(0)) * 1000000) d.text += words;
  for (auto _ : state) benchmark::DoNotOptimize(internal::ExtractTimed(Pack(), d, nullptr, false));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(d.text.size()));
}

// What a one-thread build does between reading the documents and writing
// the graph: batches extracted and appended to one graph
// (internal::ExtractBatchInto).
void BM_ExtractIntoGraph(benchmark::State& state) {
  const Fixture& f = Corpus();
  size_t records = 0;
  for (auto _ : state) {
    Graph graph;
    InBatches(f.docs, [&](const std::vector<const Document*>& batch) {
      internal::ExtractBatchInto(Pack(), batch, &graph, nullptr);
    });
    records = graph.node_count() + graph.edge_count();
  }
  state.counters["records"] = static_cast<double>(records);
  Text(state);
}

void BM_ExtractionToGraph(benchmark::State& state) {
  const Fixture& f = Corpus();
  for (auto _ : state) {
    for (const Extraction& ex : f.extractions) benchmark::DoNotOptimize(ExtractionToGraph(ex));
  }
  Text(state);
}

void BM_GraphMerge(benchmark::State& state) {
  const Fixture& f = Corpus();
  for (auto _ : state) {
    Graph g;
    for (const Graph& part : f.graphs) g.Merge(part);
    benchmark::DoNotOptimize(g.node_count());
  }
  Text(state);
}

void BM_WriteJson(benchmark::State& state) {
  const Fixture& f = Corpus();
  size_t out = 0;
  for (auto _ : state) out = WriteJson(f.merged).size();
  state.counters["out_MB"] = static_cast<double>(out) / 1e6;
  Text(state);
}

void BM_WriteGraphml(benchmark::State& state) {
  const Fixture& f = Corpus();
  size_t out = 0;
  for (auto _ : state) out = WriteGraphml(f.merged).size();
  state.counters["out_MB"] = static_cast<double>(out) / 1e6;
  Text(state);
}

// What `claimgraph build corpus.jsonl -o out.json -j N` does, in memory.
void BM_EndToEnd(benchmark::State& state) {
  const Fixture& f = Corpus();
  RunOptions options;
  options.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    Result<std::vector<Document>> docs = ParseJsonl(f.jsonl, "corpus");
    Result<Graph> g = Pipeline(Pack()).Run(*docs, options);
    benchmark::DoNotOptimize(WriteJson(*g).size());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(f.jsonl.size()));
}

void BM_RulePackLoad(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(g_rules_dir.empty() ? RulePack::BuiltIn() : RulePack::Load(g_rules_dir));
  }
}

BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Gazetteer)->Arg(0)->Arg(300)->Arg(3000)->Arg(30000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TextPatterns)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Particles)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Stage)->DenseRange(kNormalize, kBuild)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Extract)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractIntoGraph)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LongSentence)->Arg(1)->Arg(4)->Arg(10)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractionToGraph)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_GraphMerge)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_WriteGraphml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EndToEnd)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RulePackLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace claimgraph::bench

// Our flags first (--corpus FILE, --corpus-mb N, --rules DIR), then Google
// Benchmark's.
int main(int argc, char** argv) {
  std::vector<char*> rest = {argv[0]};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--corpus" || a == "--corpus-mb" || a == "--rules") && i + 1 < argc) {
      if (a == "--corpus") {
        claimgraph::bench::g_corpus_path = argv[++i];
      } else if (a == "--rules") {
        claimgraph::bench::g_rules_dir = argv[++i];
      } else {
        claimgraph::bench::g_corpus_mb = std::atof(argv[++i]);
      }
    } else if (a.rfind("--corpus=", 0) == 0) {
      claimgraph::bench::g_corpus_path = a.substr(9);
    } else if (a.rfind("--rules=", 0) == 0) {
      claimgraph::bench::g_rules_dir = a.substr(8);
    } else if (a.rfind("--corpus-mb=", 0) == 0) {
      claimgraph::bench::g_corpus_mb = std::atof(a.c_str() + 12);
    } else {
      rest.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(rest.size());
  benchmark::Initialize(&n, rest.data());
  if (benchmark::ReportUnrecognizedArguments(n, rest.data())) return 2;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
