// SPDX-License-Identifier: Apache-2.0
// The threaded scheduler behind Pipeline::Run: the calling thread reads
// documents into a bounded queue, workers extract them in batches
// (internal::ExtractBatchInto) into graphs of their own that are merged
// into the run's graph, and the run reports progress and honours a cancel.
// Which stages run, and in which order, is pipeline.cc's business.
#include "claimgraph/pipeline.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "pipeline.h"
#include "read_documents.h"

namespace claimgraph {
namespace internal {

std::vector<Extraction> ExtractBatch(const RulePack& pack, const std::vector<const Document*>& docs,
                                     StageTimes* times, bool keep_rejected) {
  std::vector<Extraction> out;
  RunBatch(pack, docs, times, keep_rejected, [&](size_t d, const ExtractedDocument& w) {
    out.push_back(BuildExtraction(pack.data(), *docs[d], w.norm, w.sentences, w.found));
  });
  return out;
}

void ExtractBatchInto(const RulePack& pack, const std::vector<const Document*>& docs, Graph* graph,
                      StageTimes* times) {
  RunBatch(pack, docs, times, /*keep_rejected=*/false, [&](size_t d, const ExtractedDocument& w) {
    AppendExtraction(pack.data(), *docs[d], w.norm, w.sentences, w.found, graph);
  });
}

Result<Extraction> ExtractTimed(const RulePack& pack, const Document& doc, StageTimes* times, bool keep_rejected) {
  Status checked = CheckText(doc);
  if (!checked.ok()) return checked;
  return std::move(ExtractBatch(pack, {&doc}, times, keep_rejected).front());
}

}  // namespace internal

Result<Extraction> Pipeline::Extract(const Document& doc) const { return internal::ExtractTimed(rules_, doc, nullptr); }

Result<Graph> Pipeline::Run(const std::vector<Document>& docs) const { return Run(docs, RunOptions()); }

namespace {

// Runs `pipeline` over the documents `pull` yields (false at the end), on
// options.threads threads; see Pipeline::Run(DocumentStream&, ...).
// `read_state` fills the reading half of the progress. Each document's
// text is checked to be valid UTF-8 unless `texts_valid` (a DocumentStream
// has checked them).
Result<Graph> RunPulled(const Pipeline& pipeline, const std::function<bool(Document*)>& pull,
                        const std::function<void(RunProgress*)>& read_state, const RunOptions& options,
                        bool texts_valid) {
  const int threads = std::max(1, options.threads);
  // With several threads, each extracts into a graph of its own and moves
  // it into `shared` whenever it holds options.flush_records nodes and
  // edges: graphs of the whole corpus per thread, merged at the end, would
  // hold the memory of all at once.
  std::vector<Graph> partial(static_cast<size_t>(threads));
  Graph shared;
  std::mutex shared_mutex;
  std::mutex mutex;
  std::condition_variable can_pop, can_push;
  struct Item {
    size_t index = 0;
    uint64_t bytes = 0;  // input bytes the document took (for the progress)
    Document doc;
  };
  std::deque<Item> queue;
  size_t queued_bytes = 0;
  bool closed = false;
  // Documents from this index on are not extracted: set by a failure (so
  // that every earlier document is still tried, and the failure reported is
  // the first in document order) and by cancelling (0).
  constexpr size_t kNoLimit = static_cast<size_t>(-1);
  std::atomic<size_t> limit{kNoLimit};
  std::atomic<size_t> done{0};
  std::atomic<uint64_t> bytes_done{0};
  std::optional<std::pair<size_t, Status>> failure;  // the first failing document (by index)

  // Each thread's documents wait in a batch (options.batch_bytes of text),
  // are extracted together (internal::ExtractBatch: the screen reads all
  // their sentences in a row) and go into its graph together, in document
  // order: extracting document after document keeps the rules' automata in
  // the CPU caches, where adding each document to a large graph in between
  // evicted them.
  struct Batch {
    std::vector<Document> documents;
    uint64_t text_bytes = 0;
    uint64_t input_bytes = 0;  // for the progress
  };
  std::vector<Batch> batches(static_cast<size_t>(threads));
  // Moves a worker's graph into `shared`.
  auto move_to_shared = [&](Graph* graph) {
    std::lock_guard<std::mutex> lock(shared_mutex);
    shared.Merge(std::move(*graph));
  };
  auto merge = [&](Batch* batch, Graph* graph) {
    std::vector<const Document*> docs;
    for (const Document& d : batch->documents) docs.push_back(&d);
    internal::ExtractBatchInto(pipeline.rules(), docs, graph, nullptr);
    done += batch->documents.size();
    bytes_done += batch->input_bytes;
    batch->documents.clear();
    batch->text_bytes = 0;
    batch->input_bytes = 0;
    if (threads > 1 && graph->node_count() + graph->edge_count() >= options.flush_records) move_to_shared(graph);
  };
  // Adds a read document to `batch` (unless the run stops before it, or
  // its text is bad).
  auto gather = [&](size_t index, uint64_t bytes, Document* doc, Batch* batch) {
    if (index >= limit) return;
    Status checked = texts_valid ? Status() : internal::CheckText(*doc);
    if (!checked.ok()) {
      std::lock_guard<std::mutex> lock(mutex);
      if (!failure || index < failure->first) failure = std::make_pair(index, std::move(checked));
      if (index < limit) limit = index;
      return;
    }
    batch->text_bytes += doc->text.size();
    batch->input_bytes += bytes;
    batch->documents.push_back(std::move(*doc));
  };
  int working = 0;  // workers not yet finished (guarded by `mutex`)
  std::condition_variable finished;
  // A worker takes a whole batch off the queue at once, so that no
  // document waits in one worker's hands while another is idle. Once the
  // input is all read, what is left is shared out: a batch is at most the
  // worker's share of it, so the workers finish together.
  const size_t max_queued = options.queue_bytes_per_thread * static_cast<size_t>(threads);
  const size_t full_batch = std::min(options.batch_bytes, max_queued);  // (a full queue is a batch)
  auto worker = [&](Batch* batch, Graph* graph) {
    std::vector<Item> items;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mutex);
        can_pop.wait(lock, [&] { return closed || (!queue.empty() && queued_bytes >= full_batch); });
        if (queue.empty()) {
          lock.unlock();
          // A worker done while another still extracts moves its graph
          // into `shared` now, rather than leave it for the calling
          // thread to merge after the last one.
          if (limit == kNoLimit) move_to_shared(graph);
          lock.lock();
          --working;
          finished.notify_all();
          return;
        }
        const size_t want = closed ? std::min(options.batch_bytes, queued_bytes / static_cast<size_t>(threads))
                                   : options.batch_bytes;
        size_t taken = 0;
        do {
          taken += queue.front().doc.text.size();
          items.push_back(std::move(queue.front()));
          queue.pop_front();
        } while (!queue.empty() && taken < want);
        queued_bytes -= taken;
      }
      can_push.notify_one();
      can_pop.notify_one();  // another batch may be waiting
      for (Item& item : items) gather(item.index, item.bytes, &item.doc, batch);
      items.clear();
      merge(batch, graph);
    }
  };
  // With several threads, the calling thread only reads (it is mostly
  // waiting on the queue) and `threads` workers extract.
  std::vector<std::thread> pool;
  if (threads > 1) {
    working = threads;
    for (int t = 0; t < threads; ++t) {
      pool.emplace_back(worker, &batches[static_cast<size_t>(t)], &partial[static_cast<size_t>(t)]);
    }
  }

  RunProgress progress;
  bool cancelled = false;
  Document doc;
  for (size_t index = 0; limit == kNoLimit; ++index) {
    if (options.cancelled && options.cancelled()) {
      cancelled = true;
      break;
    }
    read_state(&progress);
    const uint64_t before = progress.bytes_read;
    if (!pull(&doc)) break;
    read_state(&progress);
    const uint64_t bytes = progress.bytes_read - before;
    if (options.read) options.read(doc);
    if (threads == 1) {
      gather(index, bytes, &doc, &batches[0]);
      if (batches[0].text_bytes >= options.batch_bytes) merge(&batches[0], &partial[0]);
    } else {
      std::unique_lock<std::mutex> lock(mutex);
      can_push.wait(lock, [&] { return queue.empty() || queued_bytes < max_queued; });
      queued_bytes += doc.text.size();
      queue.push_back(Item{index, bytes, std::move(doc)});
      lock.unlock();
      can_pop.notify_one();
    }
    if (options.progress) {
      progress.documents_done = done;
      progress.bytes_done = bytes_done;
      options.progress(progress);
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    closed = true;
    if (cancelled) limit = 0;
  }
  can_pop.notify_all();
  // The workers drain the queue: keep reporting, and polling for a cancel.
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex);
      if (finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return working == 0; })) break;
    }
    if (!cancelled && options.cancelled && options.cancelled()) {
      std::lock_guard<std::mutex> lock(mutex);
      cancelled = true;
      limit = 0;
    }
    if (options.progress) {
      progress.documents_done = done;
      progress.bytes_done = bytes_done;
      options.progress(progress);
    }
  }
  for (std::thread& t : pool) t.join();
  if (threads == 1) merge(&batches[0], &partial[0]);
  if (failure) return failure->second;
  if (cancelled) {
    Error e;
    e.code = ErrorCode::kCancelled;
    read_state(&progress);
    e.message = "cancelled after " + std::to_string(done) + " of " +
                (progress.total_documents ? std::to_string(progress.total_documents) : std::to_string(progress.documents_read) + " read") +
                " documents";
    return e;
  }
  // Merging is commutative: the partial graphs give the same graph in any grouping.
  Graph graph = std::move(shared);
  for (Graph& part : partial) graph.Merge(std::move(part));
  if (options.progress) {
    read_state(&progress);
    progress.documents_done = done;
    progress.bytes_done = bytes_done;
    options.progress(progress);
  }
  return graph;
}

}  // namespace

Result<Graph> Pipeline::Run(const std::vector<Document>& docs, const RunOptions& options) const {
  uint64_t total_bytes = 0;
  for (const Document& d : docs) total_bytes += d.text.size();
  size_t next = 0;
  uint64_t bytes = 0;
  return RunPulled(
      *this,
      [&](Document* doc) {
        if (next == docs.size()) return false;
        *doc = docs[next++];
        bytes += doc->text.size();
        return true;
      },
      [&](RunProgress* p) {
        p->documents_read = next;
        p->bytes_read = bytes;
        p->total_documents = docs.size();
        p->total_bytes = total_bytes;
      },
      options, /*texts_valid=*/false);
}

Result<Graph> Pipeline::Run(DocumentStream& stream, const RunOptions& options) const {
  size_t read = 0;
  Result<Graph> graph = RunPulled(
      *this,
      [&](Document* doc) {
        if (!stream.Next(doc)) return false;
        ++read;
        return true;
      },
      [&](RunProgress* p) {
        p->documents_read = read;
        p->bytes_read = stream.bytes_read();
        p->total_bytes = stream.total_bytes();
      },
      options, /*texts_valid=*/true);
  if (!stream.status().ok()) return stream.status();
  return graph;
}

}  // namespace claimgraph
