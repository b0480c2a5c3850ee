// SPDX-License-Identifier: Apache-2.0
// The pipeline itself: the stages in order over batches of documents and
// on several threads give each document's own extraction and the same
// graph bytes, the graph keeps each document's sentences, a cancel stops a
// run, and the first bad document fails it.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <string>
#include <vector>

#include "claimgraph/io.h"
#include "pipeline.h"
#include "test_util.h"

namespace claimgraph {
namespace {

std::vector<Document> ManyDocuments() {
  const std::vector<std::string> texts = {"알리바바와 텐센트가 경쟁한다.", "구글은 제미나이를 공개했다.",
                                          "바이두는 어니를 내놓았다. 텐센트는 조용했다.", "오픈AI와 구글이 맞섰다."};
  std::vector<Document> docs;
  for (int i = 0; i < 40; ++i) {
    Document d;
    d.id = "d" + std::to_string(i);
    d.text = texts[static_cast<size_t>(i) % texts.size()];
    docs.push_back(d);
  }
  return docs;
}

TEST_CASE("a threaded run gives the bytes of a one-thread run and reports every document") {
  Pipeline pipeline(testing::BuiltInRules());
  const std::vector<Document> docs = ManyDocuments();
  const Result<Graph> one = pipeline.Run(docs);
  REQUIRE(one.ok());
  RunOptions options;
  options.threads = 3;
  size_t calls = 0;
  RunProgress last;
  options.progress = [&](const RunProgress& p) {
    ++calls;
    last = p;
    CHECK(p.total_documents == docs.size());
  };
  const Result<Graph> three = pipeline.Run(docs, options);
  REQUIRE(three.ok());
  CHECK(WriteJson(*three) == WriteJson(*one));
  CHECK(calls >= docs.size() + 1);  // after each document read, while draining, and at the end
  CHECK(last.documents_done == docs.size());
  CHECK(last.documents_read == docs.size());
  CHECK(last.bytes_read == last.total_bytes);
  CHECK(last.bytes_done == last.total_bytes);
  // Threads that move their graphs into the run's graph every few
  // documents give the same bytes.
  options.flush_records = 20;
  options.progress = nullptr;
  const Result<Graph> flushed = pipeline.Run(docs, options);
  REQUIRE(flushed.ok());
  CHECK(WriteJson(*flushed) == WriteJson(*one));
}

TEST_CASE("extractions added to the graph in batches of any size give the same bytes") {
  Pipeline pipeline(testing::BuiltInRules());
  const std::vector<Document> docs = ManyDocuments();
  RunOptions options;
  options.batch_bytes = 0;  // each document as soon as it is extracted
  const Result<Graph> each = pipeline.Run(docs, options);
  REQUIRE(each.ok());
  REQUIRE(each->node_count() > 5);
  const std::string expected = WriteJson(*each);
  // A run with `options` gives the same bytes and reports every document done.
  auto same = [&] {
    size_t done = 0;
    options.progress = [&](const RunProgress& p) { done = p.documents_done; };
    const Result<Graph> g = pipeline.Run(docs, options);
    REQUIRE(g.ok());
    CHECK(WriteJson(*g) == expected);
    CHECK(done == docs.size());
  };
  for (int threads : {1, 3}) {
    // 100 bytes: a batch every few documents; the default: one batch per
    // thread, added when its documents run out.
    for (size_t batch : {size_t{1}, size_t{100}, RunOptions().batch_bytes}) {
      CAPTURE(threads);
      CAPTURE(batch);
      options.threads = threads;
      options.batch_bytes = batch;
      same();
    }
  }
  // A read-ahead smaller than a batch: the workers take what the full
  // queue holds instead of waiting for a batch that cannot come.
  options.threads = 3;
  options.batch_bytes = size_t{1} << 20;
  options.queue_bytes_per_thread = 1;
  same();
}

std::vector<Document> ExampleArticles() {
  std::vector<Document> docs;
  for (const char* name : {"news_ko.txt", "news_en.txt", "claims_ko.txt", "claims_en.txt"}) {
    Document d;
    d.id = name;
    d.text = testing::ReadFileOrEmpty(std::string(CLAIMGRAPH_SOURCE_DIR) + "/examples/" + name);
    REQUIRE(!d.text.empty());
    docs.push_back(d);
  }
  return docs;
}

TEST_CASE("a run (which skips rejected candidates) gives the graph of each document's full extraction") {
  // Pipeline::Run extracts without the rejected candidates; everything
  // else must be what Pipeline::Extract finds.
  const std::vector<Document> docs = ExampleArticles();
  Pipeline pipeline(testing::BuiltInRules());
  Graph merged;
  size_t rejected = 0;
  for (const Document& d : docs) {
    Result<Extraction> ex = pipeline.Extract(d);
    REQUIRE(ex.ok());
    rejected += ex->rejected.size();
    merged.Merge(ExtractionToGraph(*ex));
  }
  CHECK(rejected > 0);  // the articles do exercise the skipped path
  const Result<Graph> run = pipeline.Run(docs);
  REQUIRE(run.ok());
  CHECK(run->node_count() > 20);
  CHECK(WriteJson(*run) == WriteJson(merged));
}

TEST_CASE("documents extracted together give each one's own extraction, rejected candidates in order") {
  // A run's batches go through internal::ExtractBatch, which reads its
  // documents in passes across all of them (the screen over every
  // sentence in a row): each extraction must still be the document's own.
  std::vector<Document> docs = ExampleArticles();
  for (const Document& d : ManyDocuments()) {
    if (docs.size() < 10) docs.push_back(d);
  }
  std::vector<const Document*> pointers;
  for (const Document& d : docs) pointers.push_back(&d);
  const std::vector<Extraction> together =
      internal::ExtractBatch(testing::BuiltInRules(), pointers, nullptr, /*keep_rejected=*/true);
  REQUIRE(together.size() == docs.size());
  auto rejected_of = [](const Extraction& ex) {
    std::string out;
    for (const RejectedMatch& r : ex.rejected) {
      out += std::to_string(r.start) + "-" + std::to_string(r.end) + " " + r.text + " " + r.rule + ": " + r.reason + "\n";
    }
    return out;
  };
  Pipeline pipeline(testing::BuiltInRules());
  size_t rejected = 0;
  size_t claims = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    CAPTURE(docs[i].id);
    const Result<Extraction> alone = pipeline.Extract(docs[i]);
    REQUIRE(alone.ok());
    CHECK(together[i].doc_id == docs[i].id);
    CHECK(WriteJson(ExtractionToGraph(together[i])) == WriteJson(ExtractionToGraph(*alone)));
    CHECK(rejected_of(together[i]) == rejected_of(*alone));
    rejected += alone->rejected.size();
    claims += alone->claims.size();
  }
  CHECK(rejected > 0);
  CHECK(claims > 0);
}

TEST_CASE("a cancelled run returns kCancelled with how far it got") {
  Pipeline pipeline(testing::BuiltInRules());
  RunOptions options;
  options.threads = 2;
  std::atomic<int> polls{0};
  options.cancelled = [&] { return ++polls > 5; };
  const Result<Graph> g = pipeline.Run(ManyDocuments(), options);
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == ErrorCode::kCancelled);
  CHECK(g.status().errors().front().message.find("of 40 documents") != std::string::npos);
}

TEST_CASE("the first bad document in document order fails a threaded run") {
  Pipeline pipeline(testing::BuiltInRules());
  std::vector<Document> docs = ManyDocuments();
  docs[7].text = "bad \xff";
  docs[30].text = "also bad \xfe";
  RunOptions options;
  options.threads = 2;
  const Result<Graph> g = pipeline.Run(docs, options);
  REQUIRE_FALSE(g.ok());
  CHECK(g.status().code() == ErrorCode::kInvalidUtf8);
  CHECK(g.status().errors().front().message == "invalid UTF-8 at byte 4 of document \"d7\"");
}

TEST_CASE("the graph keeps each document's sentences as the pipeline segmented them, across merges") {
  Pipeline pipeline(testing::BuiltInRules());
  Document a;
  a.id = "a";
  a.text = "첫 문장이다. 알리바바는 큐원을 공개했다.\n\nSecond line here. And a third one!";
  Document b;
  b.id = "b";
  b.text = "텐센트는 조용했다.";
  const Result<Extraction> ex = pipeline.Extract(a);
  REQUIRE(ex.ok());
  REQUIRE(ex->sentences.size() >= 3);
  const Result<Graph> ga = pipeline.Run({a});
  const Result<Graph> gb = pipeline.Run({b});
  REQUIRE(ga.ok());
  REQUIRE(gb.ok());
  auto same = [&](const std::vector<SentenceSpan>& got) {
    REQUIRE(got.size() == ex->sentences.size());
    for (size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].start == ex->sentences[i].start);
      CHECK(got[i].end == ex->sentences[i].end);
    }
  };
  same(ga->Sentences("a"));
  CHECK(testing::SliceCodePoints(a.text, ga->Sentences("a")[1].start, ga->Sentences("a")[1].end) ==
        "알리바바는 큐원을 공개했다.");
  Graph ab = *ga;
  ab.Merge(*gb);
  Graph ba = *gb;
  ba.Merge(*ga);
  same(ab.Sentences("a"));
  same(ba.Sentences("a"));
  CHECK(ab.Sentences("b").size() == 1);
  CHECK(ab.Sentences("nope").empty());
  // A graph read back from a file keeps no sentences.
  const Result<Graph> back = ParseGraphJson(WriteJson(*ga), "g.json");
  REQUIRE(back.ok());
  CHECK(back->Sentences("a").empty());
}

}  // namespace
}  // namespace claimgraph
