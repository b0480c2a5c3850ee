// SPDX-License-Identifier: Apache-2.0
// The extraction pipeline. The stages, in the order it runs them
// (src/pipeline.cc): normalize -> segment -> match entities (gazetteer,
// text patterns) -> resolve overlaps -> context patterns -> relations ->
// claims -> build graph. One document in, one Extraction out
// (extraction.h); Run merges every document into one Graph.
#ifndef CLAIMGRAPH_CLAIMGRAPH_PIPELINE_H_
#define CLAIMGRAPH_CLAIMGRAPH_PIPELINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "claimgraph/document.h"
#include "claimgraph/extraction.h"
#include "claimgraph/graph.h"
#include "claimgraph/rules.h"
#include "claimgraph/status.h"

namespace claimgraph {

// How far a run has got.
struct RunProgress {
  size_t documents_done = 0;   // extracted (merged into the graph in batches)
  size_t documents_read = 0;
  uint64_t bytes_read = 0;     // input bytes (a stream's file bytes; a vector's text bytes)
  uint64_t bytes_done = 0;     // input bytes of the documents extracted
  size_t total_documents = 0;  // 0 when not known (a stream)
  uint64_t total_bytes = 0;    // 0 when not known (stdin)
};

// How Pipeline::Run spreads and reports its work.
struct RunOptions {
  int threads = 1;  // (1) extraction threads; the graph is the same for any number
  // (null) called on the calling thread after each document is read, every
  // 50 ms while the workers finish, and once at the end.
  std::function<void(const RunProgress&)> progress;
  // (null) called on the calling thread with each document as it is read,
  // before extraction (to keep what a caller needs of it).
  std::function<void(const Document&)> read;
  // (null) polled on the calling thread between documents; once it returns
  // true the run stops.
  std::function<bool()> cancelled;
  // (16 MiB) text queued per thread ahead of the extractors: with the
  // graph, what a streamed run holds in memory.
  size_t queue_bytes_per_thread = size_t{16} << 20;
  // (131,072) with several threads, each extracts into a graph of its own
  // and moves it into the run's graph once it holds this many nodes and
  // edges, so that the run never holds one graph of the corpus per thread.
  size_t flush_records = size_t{1} << 17;
  // (512 KiB) text each thread gathers before it extracts those documents
  // together, each stage over all of them in turn, and adds them to its
  // graph in order (the graph is the same for any value; 0 extracts and
  // adds each document at once). Working in runs keeps more of the rules'
  // automata in the CPU caches (docs/performance.md), for the batch's
  // documents, their sentences' views and extractions held per thread.
  size_t batch_bytes = size_t{512} << 10;
};

// Runs the stages in order over documents.
//
// Usage:
//   Result<RulePack> rules = RulePack::BuiltIn();
//   Pipeline pipeline(*rules);
//   Result<Graph> graph = pipeline.Run(documents);
//
// Ownership: the Pipeline keeps a reference to `rules`; keep the RulePack
// alive while the Pipeline is used.
class Pipeline {
 public:
  explicit Pipeline(const RulePack& rules) : rules_(rules) {}

  // Extracts entities (and their relations) from one document. Returns
  // kInvalidUtf8 if the text is not valid UTF-8.
  Result<Extraction> Extract(const Document& doc) const;
  // Extracts every document and merges the results into one graph.
  // Returns the first document error (kInvalidUtf8).
  Result<Graph> Run(const std::vector<Document>& docs) const;
  // Extracts `docs` on `options.threads` threads and merges the results in
  // document order. Returns the first document error in document order
  // (kInvalidUtf8), or kCancelled (with how far it got) when
  // `options.cancelled` said so.
  Result<Graph> Run(const std::vector<Document>& docs, const RunOptions& options) const;
  // Extracts every document `stream` yields, as it reads them: each thread
  // merges into its own partial graph, and the partial graphs are merged
  // at the end (merging is commutative, so the graph does not depend on
  // the number of threads). Memory holds the graph and a bounded queue of
  // documents, never the corpus. Returns the stream's failure, the first
  // extraction error, or kCancelled.
  Result<Graph> Run(DocumentStream& stream, const RunOptions& options) const;

  const RulePack& rules() const { return rules_; }

 private:
  const RulePack& rules_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_PIPELINE_H_
