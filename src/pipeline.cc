// SPDX-License-Identifier: Apache-2.0
// The stage order, and nothing else: normalize -> segment -> match
// (gazetteer, text patterns) -> resolve overlaps -> context patterns ->
// map back to original offsets. The only file that knows the order.
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

#include "build_graph.h"
#include "extract_claims.h"
#include "extract_relations.h"
#include "internal/stage_times.h"
#include "internal/utf8.h"
#include "match_gazetteer.h"
#include "match_patterns.h"
#include "normalize.h"
#include "placeholders.h"
#include "read_rules.h"
#include "resolve_mentions.h"
#include "segment.h"

namespace claimgraph {

namespace internal {
namespace {
// Adds the time from construction to the next Lap() (or destruction) to a
// StageTimes field; does nothing without one.
class StageClock {
 public:
  explicit StageClock(StageTimes* times) : times_(times) {
    if (times_) last_ = std::chrono::steady_clock::now();
  }
  RuleTimes* rule_times() const { return times_ != nullptr ? times_->rules : nullptr; }
  void Lap(double StageTimes::*field) {
    if (!times_) return;
    const auto now = std::chrono::steady_clock::now();
    times_->*field += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }

 private:
  StageTimes* times_;
  std::chrono::steady_clock::time_point last_;
};

// Whether any rule reads sentences as placeholder views.
bool ReadsPlaceholders(const RulePackData& rules) {
  return !rules.context_rules.empty() || !rules.attribution_rules.empty();
}

// A document between ExtractBatch's passes.
struct DocumentWork {
  // One sentence's mentions, numbered from 0 until they join the
  // document's list (as they are in the order of reading).
  struct Sentence {
    std::vector<Candidate> candidates;
    std::vector<size_t> accepted;  // into candidates
    std::vector<Candidate> rejected;
  };
  NormalizedText norm;
  std::vector<std::pair<size_t, size_t>> sentences;
  std::vector<Sentence> local;
  std::vector<PlaceholderSentence> views;  // each sentence's, its candidates numbered from 0
  std::vector<ScreenedRules> screened;     // the rules each view's screen reports
  std::vector<RuleMatches> relation;       // the reported relation rules' matches over each view
  std::vector<RuleMatches> attribution;    // the reported attribution rules' matches over each view
};

// 1. normalize, 2. segment, 3. match (gazetteer, text rules), 4. resolve
// overlaps, and each sentence's placeholder view (when rules read them),
// for every document; the text rules rule by rule over every sentence.
void Prepare(const RulePackData& rules, const std::vector<const Document*>& docs, bool keep_rejected,
             StageClock* clock, std::vector<DocumentWork>* work) {
  RuleTimes* const rule_times = clock->rule_times();
  std::vector<std::string_view> texts;  // every sentence of every document
  for (size_t d = 0; d < docs.size(); ++d) {
    DocumentWork& w = (*work)[d];
    w.norm = Normalize(docs[d]->text);
    clock->Lap(&StageTimes::normalize);
    w.sentences = SegmentSentences(w.norm.text);
    w.local.resize(w.sentences.size());
    for (const auto& [begin, end] : w.sentences) {
      texts.push_back(std::string_view(w.norm.text).substr(begin, end - begin));
    }
    clock->Lap(&StageTimes::segment);
  }
  const std::vector<RuleMatches> text_matches = FindTextRuleMatches(rules, texts, rule_times);
  clock->Lap(&StageTimes::text_patterns);
  size_t next = 0;
  for (DocumentWork& w : *work) {
    const std::string_view text = w.norm.text;
    for (size_t s = 0; s < w.sentences.size(); ++s, ++next) {
      const auto [begin, end] = w.sentences[s];
      DocumentWork::Sentence& l = w.local[s];
      std::vector<Candidate>* const reject_to = keep_rejected ? &l.rejected : nullptr;
      MatchGazetteer(rules, text, begin, end, static_cast<int>(s), &l.candidates, reject_to);
      clock->Lap(&StageTimes::gazetteer);
      MatchTextPatterns(rules, text, begin, end, static_cast<int>(s), text_matches[next], &l.candidates, reject_to,
                        rule_times);
      clock->Lap(&StageTimes::text_patterns);
      l.accepted = ResolveOverlaps(text, l.candidates, reject_to);
      clock->Lap(&StageTimes::resolve);
    }
    if (!ReadsPlaceholders(rules)) continue;
    w.views.reserve(w.sentences.size());
    for (size_t s = 0; s < w.sentences.size(); ++s) {
      w.views.emplace_back(text, w.sentences[s].first, w.sentences[s].second, static_cast<int>(s),
                           w.local[s].candidates, w.local[s].accepted);
    }
    clock->Lap(&StageTimes::context_patterns);
  }
}

// A document's candidates, their relations and claims, once every rule has read it.
struct Found {
  std::vector<Candidate> all;
  std::vector<size_t> accepted;  // into all
  std::vector<CandidateRelation> relations;
  std::vector<CandidateClaim> claims;
  std::vector<Candidate> rejected;
};

// 3b'. context rules, 4b. relations, 4c. claims, sentence by sentence (a
// pronoun resolves against earlier sentences).
Found Finish(const RulePackData& rules, bool keep_rejected, StageClock* clock, DocumentWork* work) {
  const std::string_view text = work->norm.text;
  RuleTimes* const rule_times = clock->rule_times();
  const bool reads_placeholders = ReadsPlaceholders(rules);
  Found found;
  std::vector<Candidate>& all = found.all;
  std::vector<size_t>& accepted_all = found.accepted;
  std::vector<CandidateRelation>& relations = found.relations;
  std::vector<CandidateClaim>& claims = found.claims;
  std::vector<Candidate>& rejected = found.rejected;
  std::vector<Candidate>* const reject_to = keep_rejected ? &rejected : nullptr;
  for (size_t s = 0; s < work->sentences.size(); ++s) {
    const auto [begin, end] = work->sentences[s];
    const int index = static_cast<int>(s);
    DocumentWork::Sentence& l = work->local[s];
    const size_t base = all.size();
    std::vector<size_t> accepted;
    accepted.reserve(l.accepted.size());
    for (size_t i : l.accepted) accepted.push_back(base + i);
    all.insert(all.end(), std::make_move_iterator(l.candidates.begin()), std::make_move_iterator(l.candidates.end()));
    if (keep_rejected) {
      rejected.insert(rejected.end(), std::make_move_iterator(l.rejected.begin()),
                      std::make_move_iterator(l.rejected.end()));
    }
    if (!reads_placeholders) {
      accepted_all.insert(accepted_all.end(), accepted.begin(), accepted.end());
      continue;
    }
    PlaceholderSentence& view = work->views[s];
    view.Rebase(base);
    ScreenedRules& screened = work->screened[s];
    const size_t known = accepted.size();
    MatchContextPatterns(rules, text, end, index, view, screened.context, &all, &accepted, &relations, reject_to,
                         rule_times);
    if (accepted.size() != known) {  // context rules named new entities: read the sentence anew
      view = PlaceholderSentence(text, begin, end, index, all, accepted);
      screened = ScreenSentence(rules, view.str());
      work->relation[s] = std::move(FindRelationMatches(rules, {view.str()}, {screened}, rule_times).front());
      work->attribution[s] = std::move(FindAttributionMatches(rules, {view.str()}, {screened}, rule_times).front());
    }
    clock->Lap(&StageTimes::context_patterns);
    ExtractRelations(rules, text, view, work->relation[s], &all, &relations, rule_times);
    clock->Lap(&StageTimes::relations);
    accepted_all.insert(accepted_all.end(), accepted.begin(), accepted.end());
    ExtractClaims(rules, text, index, view, work->attribution[s], &all, &accepted_all, &claims, rule_times);
    clock->Lap(&StageTimes::claims);
  }
  return found;
}

// Extracts `docs` as ExtractBatch describes, and calls done(d, work, found)
// for each document d in order, when every rule has read it.
template <typename Done>
void RunBatch(const RulePack& pack, const std::vector<const Document*>& docs, StageTimes* times, bool keep_rejected,
              Done&& done) {
  const RulePackData& rules = pack.data();
  StageClock clock(times);
  std::vector<DocumentWork> work(docs.size());
  Prepare(rules, docs, keep_rejected, &clock, &work);
  // The screen, over every view of every document in a row.
  std::vector<std::string_view> views;
  for (const DocumentWork& w : work) {
    for (const PlaceholderSentence& view : w.views) views.push_back(view.str());
  }
  std::vector<ScreenedRules> screened;
  screened.reserve(views.size());
  for (std::string_view view : views) screened.push_back(ScreenSentence(rules, view));
  clock.Lap(&StageTimes::context_patterns);
  // The relation and attribution rules, each over every view its screen
  // reports (a view read anew after context rules is matched again).
  std::vector<RuleMatches> relation = FindRelationMatches(rules, views, screened, clock.rule_times());
  clock.Lap(&StageTimes::relations);
  std::vector<RuleMatches> attribution = FindAttributionMatches(rules, views, screened, clock.rule_times());
  clock.Lap(&StageTimes::claims);
  // Each document takes its views' share.
  size_t next = 0;
  for (DocumentWork& w : work) {
    for (size_t s = 0; s < w.views.size(); ++s, ++next) {
      w.screened.push_back(std::move(screened[next]));
      w.relation.push_back(std::move(relation[next]));
      w.attribution.push_back(std::move(attribution[next]));
    }
  }
  for (size_t d = 0; d < docs.size(); ++d) {
    const Found found = Finish(rules, keep_rejected, &clock, &work[d]);
    done(d, work[d], found);
    work[d] = DocumentWork();  // what a document held goes as soon as it is done
    clock.Lap(&StageTimes::build_extraction);
  }
}

}  // namespace

std::vector<Extraction> ExtractBatch(const RulePack& pack, const std::vector<const Document*>& docs,
                                     StageTimes* times, bool keep_rejected) {
  std::vector<Extraction> out;
  out.reserve(docs.size());
  RunBatch(pack, docs, times, keep_rejected, [&](size_t d, const DocumentWork& work, const Found& found) {
    out.push_back(BuildExtraction(pack.data(), *docs[d], work.norm, work.sentences, found.all, found.accepted,
                                  found.relations, found.claims, found.rejected));
  });
  return out;
}

void ExtractBatchInto(const RulePack& pack, const std::vector<const Document*>& docs, Graph* graph,
                      StageTimes* times) {
  RunBatch(pack, docs, times, /*keep_rejected=*/false, [&](size_t d, const DocumentWork& work, const Found& found) {
    AppendExtraction(pack.data(), *docs[d], work.norm, work.sentences, found.all, found.accepted, found.relations,
                     found.claims, graph);
  });
}

Status CheckText(const Document& doc) {
  const long long bad = FindInvalidUtf8(doc.text);
  if (bad < 0) return Status();
  Error e;
  e.code = ErrorCode::kInvalidUtf8;
  e.location.file = doc.origin.empty() ? doc.id : doc.origin;
  e.location.byte_offset = bad;
  e.message = "invalid UTF-8 at byte " + std::to_string(bad) + " of document \"" + doc.id + "\"";
  return e;
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
  auto extract = [&](size_t index, uint64_t bytes, Document* doc, Batch* batch, Graph* graph) {
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
    if (batch->text_bytes >= options.batch_bytes) merge(batch, graph);
  };
  int working = 0;  // workers not yet finished (guarded by `mutex`)
  std::condition_variable finished;
  auto worker = [&](Batch* batch, Graph* graph) {
    for (;;) {
      Item item;
      {
        std::unique_lock<std::mutex> lock(mutex);
        can_pop.wait(lock, [&] { return !queue.empty() || closed; });
        if (queue.empty()) {
          lock.unlock();
          merge(batch, graph);
          // A worker done while another still extracts moves its graph
          // into `shared` now, rather than leave it for the calling
          // thread to merge after the last one.
          if (limit == kNoLimit) move_to_shared(graph);
          lock.lock();
          --working;
          finished.notify_all();
          return;
        }
        item = std::move(queue.front());
        queue.pop_front();
        queued_bytes -= item.doc.text.size();
      }
      can_push.notify_one();
      extract(item.index, item.bytes, &item.doc, batch, graph);
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
  const size_t max_queued = options.queue_bytes_per_thread * static_cast<size_t>(threads);
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
      extract(index, bytes, &doc, &batches[0], &partial[0]);
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
