// SPDX-License-Identifier: Apache-2.0
// `claimgraph extract`: the map step. JSONL documents in (stdin or files),
// one partial graph out per document, as one line of node-link JSON. No
// state crosses documents except the rule pack, so any engine can run it
// (Hadoop Streaming, Spark's RDD.pipe, GNU parallel). Documents are
// extracted in batches on -j threads; the lines come out in input order,
// so the output is the same for any -j.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "claimgraph/claimgraph.h"
#include "commands.h"
#include "common.h"

namespace claimgraph::cli {
namespace {

constexpr const char* kExtractUsage =
    "Usage: claimgraph extract [INPUT...] [-o OUT] [--rules DIR]... [-j N]\n"
    "                          [--on-error fail|skip] [--lossy] [--max-document-mb N] [-q]\n"
    "\n"
    "The map step of a distributed run: reads documents and writes one line of\n"
    "node-link JSON per document, in input order: its partial graph (entities,\n"
    "claims, relations, provenance). `claimgraph merge` is the reduce step.\n"
    "\n"
    "INPUT         a .jsonl file ({\"id\", \"text\", ...} a line), a .txt file, a\n"
    "              directory, or - (the default) for JSONL on stdin\n"
    "-o OUT        write the lines to OUT, atomically (default: stdout)\n"
    "--rules DIR   use the rule pack in DIR instead of the built-in one (repeat to\n"
    "              layer packs, as in build)\n"
    "-j N          extract on N threads (default: all cores); the output is the same\n"
    "--on-error fail|skip  a bad document (invalid UTF-8, a malformed line, one over\n"
    "              the size limit, a duplicate id) stops the run (fail, the default:\n"
    "              nothing is written to -o) or is skipped, reported on stderr and\n"
    "              counted (skip)\n"
    "--lossy       replace invalid UTF-8 with U+FFFD (with a warning)\n"
    "--max-document-mb N  the largest document, in MB (default 64, at most 4095)\n"
    "-q, --quiet   no summary on stderr\n";

// Documents gathered before a batch is extracted: enough text to keep every
// thread busy, little enough that memory stays flat.
constexpr size_t kBatchBytesPerThread = size_t{1} << 20;
constexpr size_t kBatchDocumentsPerThread = 64;

// Extracts `batch` on up to `threads` threads into one JSON line each, in
// order. Returns the first failure in document order, if any.
std::optional<Status> ExtractBatch(const Pipeline& pipeline, const std::vector<Document>& batch, int threads,
                                   std::vector<std::string>* lines) {
  lines->assign(batch.size(), std::string());
  std::vector<Status> failures(batch.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < batch.size(); i = next++) {
      Result<Extraction> ex = pipeline.Extract(batch[i]);
      if (ex.ok()) {
        (*lines)[i] = WriteJsonLine(ExtractionToGraph(*ex));
      } else {
        failures[i] = ex.status();
      }
    }
  };
  const size_t n = std::min(static_cast<size_t>(std::max(threads, 1)), batch.size());
  std::vector<std::thread> workers;
  for (size_t t = 1; t < n; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  for (const Status& s : failures) {
    if (!s.ok()) return s;
  }
  return std::nullopt;
}

}  // namespace

int ExtractCommand(const std::vector<std::string>& argv) {
  ParsedArgs args;
  if (auto error = ParseArgs(argv, {"--rules", "--output", "--jobs", "--on-error", "--max-document-mb"},
                             {"--lossy", "--quiet"}, {{"-o", "--output"}, {"-j", "--jobs"}, {"-q", "--quiet"}},
                             &args)) {
    std::cerr << "claimgraph extract: " << *error << "\n\n" << kExtractUsage;
    return kExitUsage;
  }
  if (args.help) {
    std::cout << kExtractUsage;
    return kExitOk;
  }
  RunFlags run;
  if (const int code = ParseRunFlags(args, "extract", &run); code != kExitOk) return code;
  run.read.stdin_jsonl = true;
  std::optional<std::string> path;
  if (args.values.count("--output") && args.Value("--output") != "-") path = args.Value("--output");
  Result<RulePack> rules = LoadRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().ToString();
    return kExitError;
  }
  InstallSignalHandlers();
  const std::vector<std::string> inputs = args.positionals.empty() ? std::vector<std::string>{"-"} : args.positionals;
  DocumentStream stream(inputs, run.read);
  const Pipeline pipeline(*rules);
  std::optional<Status> failure;  // the run's own failure (not a write error)
  size_t documents = 0;
  // Reads, extracts and writes batch by batch; false on a write error or
  // when the run failed (`failure`).
  auto write = [&](std::FILE* out) {
    std::vector<Document> batch;
    std::vector<std::string> lines;
    bool more = true;
    while (more) {
      batch.clear();
      size_t bytes = 0;
      const size_t threads = static_cast<size_t>(run.threads);
      Document doc;
      while (batch.size() < kBatchDocumentsPerThread * threads && bytes < kBatchBytesPerThread * threads &&
             !Interrupted()) {
        if (!stream.Next(&doc)) {
          more = false;
          break;
        }
        bytes += doc.text.size();
        batch.push_back(std::move(doc));
      }
      for (const Error& w : stream.TakeWarnings()) std::cerr << w.ToString() << "\n";
      if (Interrupted()) {
        Error e;
        e.code = ErrorCode::kCancelled;
        e.message = std::string("claimgraph extract: interrupted by ") + InterruptName() +
                    (path ? "; no output written" : "; stdout has the lines of the documents before it");
        failure = Status(std::move(e));
        return false;
      }
      if (!stream.status().ok()) {
        failure = stream.status();
        return false;
      }
      if (std::optional<Status> bad = ExtractBatch(pipeline, batch, run.threads, &lines)) {
        failure = *bad;
        return false;
      }
      for (const std::string& line : lines) {
        if (std::fwrite(line.data(), 1, line.size(), out) != line.size() || std::fputc('\n', out) == EOF) {
          return false;
        }
      }
      documents += batch.size();
    }
    return true;
  };
  Status written;
  bool stdout_failed = false;
  if (path) {
    // (A signal is then noticed between batches, and -o left as it was.)
    BeginWriting();
    written = WriteFileAtomic(*path, write, Interrupted);
  } else {
    std::cout << std::flush;
    stdout_failed = (!write(stdout) || std::fflush(stdout) != 0) && !failure;
  }
  if (failure) {
    const Error& e = failure->errors().front();
    std::cerr << (e.code == ErrorCode::kCancelled ? e.message + "\n" : failure->ToString());
    if (path) std::cerr << "claimgraph extract: " << *path << " left unchanged\n";
    return e.code == ErrorCode::kCancelled ? InterruptExitCode() : kExitError;
  }
  if (stdout_failed) {
    std::cerr << "claimgraph extract: cannot write to stdout\n";
    return kExitError;
  }
  if (!written.ok()) {
    std::cerr << written.ToString();
    return kExitError;
  }
  if (!args.flags.count("--quiet") && (path || stream.skipped() > 0)) {
    std::cerr << "claimgraph: extracted " << documents << " document" << (documents == 1 ? "" : "s")
              << (path ? " -> " + *path : std::string()) << "\n";
    if (stream.skipped() > 0) {
      std::cerr << "claimgraph: " << stream.skipped() << " bad document" << (stream.skipped() == 1 ? "" : "s")
                << " skipped\n";
    }
  }
  return kExitOk;
}

}  // namespace claimgraph::cli
