// SPDX-License-Identifier: Apache-2.0
// Stage 0: document input from .txt, .jsonl, directories; errors with
// file, line and byte offset.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "claimgraph/document.h"

namespace claimgraph {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    path = fs::temp_directory_path() / ("claimgraph-test-" + std::to_string(::getpid()) + "-" +
                                        std::to_string(counter++));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string Write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
  fs::path path;
  static inline int counter = 0;
};

TEST_CASE("a .txt file is one document named by its stem") {
  TempDir dir;
  const std::string file = dir.Write("news-1.txt", "알리바바가 발표했다.\n");
  Result<std::vector<Document>> docs = ReadDocuments(file);
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  CHECK((*docs)[0].id == "news-1");
  CHECK((*docs)[0].text == "알리바바가 발표했다.\n");
}

TEST_CASE("JSONL documents carry their metadata and blank lines are skipped") {
  const std::string content =
      "{\"id\": \"d1\", \"text\": \"첫째\", \"title\": \"T\", \"date\": \"2025-10-14\", \"lang\": \"ko\"}\n\n"
      "{\"id\": 7, \"text\": \"second\", \"url\": \"https://example.com/a\"}\r\n"
      "{\"text\": \"no id\"}\n";
  Result<std::vector<Document>> docs = ParseJsonl(content, "in/news.jsonl");
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 3);
  CHECK((*docs)[0].title == "T");
  CHECK((*docs)[0].date == "2025-10-14");
  CHECK((*docs)[1].id == "7");
  CHECK((*docs)[1].url == "https://example.com/a");
  CHECK((*docs)[2].id == "news:4");
  CHECK((*docs)[2].origin == "in/news.jsonl:4");
}

TEST_CASE("a number beyond a double's range is valid JSON: the line reads, and a field that needs text says so") {
  // Escapes before the number (the line is parsed in place first) and a
  // repaired byte (--lossy) must not change what is read.
  const std::string content =
      "{\"id\": \"a\", \"text\": \"say \\\"hi\\\" \\u00e9\", \"score\": 1e400, \"low\": -2E+999, \"tiny\": 1e-400}\n"
      "{\"id\": \"b\", \"text\": \"x\xff\", \"n\": " + std::string(400, '9') + "}\n";
  ReadOptions lossy;
  lossy.lossy = true;
  Result<ReadResult> read = ReadJsonlBlock(content, "n.jsonl", 1, 0, lossy);
  REQUIRE(read.ok());
  REQUIRE(read->documents.size() == 2);
  CHECK(read->documents[0].text == "say \"hi\" \u00e9");
  CHECK(read->documents[1].text == "x\xEF\xBF\xBD");
  // In a field the reader uses, the number is no text.
  Result<std::vector<Document>> bad = ParseJsonl("{\"id\": \"a\", \"text\": 1e400}\n", "n.jsonl");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().ToString() == "n.jsonl:1: error: \"text\" is not a string\n");
}

TEST_CASE("malformed JSONL lines are reported with their line") {
  struct Row {
    const char* content;
    const char* message;
  };
  const Row rows[] = {
      {"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": }\n",
       "n.jsonl:2:21: error: malformed JSON: Invalid value.\n"},
      {"[1, 2]\n", "n.jsonl:1: error: a JSONL line must be a JSON object\n"},
      {"{\"id\": \"a\"}\n", "n.jsonl:1: error: document has no \"text\"\n"},
      {"{\"id\": \"a\", \"text\": 5}\n", "n.jsonl:1: error: \"text\" is not a string\n"},
      {"{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n",
       "n.jsonl:2: error: invalid UTF-8 at byte 46\n"},
      {"{\"id\": \"a\", \"text\": \"x\", \"text\": \"y\"}\n",
       "n.jsonl:1: error: the key \"text\" appears twice; write it once\n"},
  };
  for (const Row& row : rows) {
    SUBCASE(row.message) {
      Result<std::vector<Document>> docs = ParseJsonl(row.content, "n.jsonl");
      REQUIRE_FALSE(docs.ok());
      CHECK(docs.status().ToString() == row.message);
    }
  }
}

TEST_CASE("invalid UTF-8 in a text file names the byte offset") {
  TempDir dir;
  const std::string file = dir.Write("bad.txt", std::string("abc\xe2\x82") + "x");
  Result<std::vector<Document>> docs = ReadDocuments(file);
  REQUIRE_FALSE(docs.ok());
  CHECK(docs.status().code() == ErrorCode::kInvalidUtf8);
  CHECK(docs.status().ToString() == file + ": error: invalid UTF-8 at byte 3\n");
}

TEST_CASE("a JSONL text whose \\u escape makes a lone surrogate is invalid UTF-8, other escapes are fine") {
  // The line is checked before JSON reads it; only a \u escape can make
  // what JSON reads invalid (a lone surrogate), so the text is checked again
  // exactly then.
  const std::string content = "{\"id\": \"a\", \"text\": \"caf\\u00e9 \\\"q\\\" \\ud55c\\n\"}\n"
                              "{\"id\": \"b\", \"text\": \"x\\udc00y\"}\n";
  Result<std::vector<Document>> docs = ParseJsonl(content, "s.jsonl");
  REQUIRE_FALSE(docs.ok());
  CHECK(docs.status().code() == ErrorCode::kInvalidUtf8);
  // Said as what the line holds (the escape), not as a byte of the decoded
  // text, which the file does not have.
  CHECK(docs.status().ToString() ==
        "s.jsonl:2: error: \"text\" has a \\u escape of a lone UTF-16 surrogate (\\uD800-\\uDFFF without its pair), "
        "which is no character\n");
  TempDir dir;
  ReadOptions lossy;
  lossy.lossy = true;
  Result<ReadResult> repaired = ReadDocuments(dir.Write("s.jsonl", content), lossy);
  REQUIRE(repaired.ok());
  REQUIRE(repaired->documents.size() == 2);
  // (The surrogate's three bytes are no prefix of a character: one U+FFFD
  // each, as the Unicode standard's practice for maximal subparts has it.)
  CHECK(repaired->documents[1].text == "x\uFFFD\uFFFD\uFFFDy");
  REQUIRE(repaired->warnings.size() == 1);
  CHECK(repaired->warnings[0].message.find("replaced with U+FFFD") != std::string::npos);
  Result<std::vector<Document>> first = ParseJsonl(content.substr(0, content.find('\n') + 1), "s.jsonl");
  REQUIRE(first.ok());
  REQUIRE(first->size() == 1);
  CHECK((*first)[0].text == "caf\u00e9 \"q\" \ud55c\n");
  CHECK(FindInvalidUtf8((*first)[0].text) == -1);
}

TEST_CASE("UTF-8 validation rejects overlongs, surrogates and truncation") {
  CHECK(FindInvalidUtf8("plain 한글 🙂") == -1);
  CHECK(FindInvalidUtf8("\xc0\xaf") == 0);
  CHECK(FindInvalidUtf8("a\xed\xa0\x80") == 1);
  CHECK(FindInvalidUtf8("ab\xf0\x9f\x99") == 2);
  CHECK(FindInvalidUtf8("\xf4\x90\x80\x80") == 0);
}

TEST_CASE("a directory yields its .txt and .jsonl files sorted by name") {
  TempDir dir;
  dir.Write("b.txt", "B");
  dir.Write("a.jsonl", "{\"id\": \"a1\", \"text\": \"A\"}\n");
  dir.Write("c.md", "ignored");
  Result<std::vector<Document>> docs = ReadDocuments(dir.path.string());
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 2);
  CHECK((*docs)[0].id == "a1");
  CHECK((*docs)[1].id == "b");
}

TEST_CASE("a missing input is an I/O error naming it") {
  Result<std::vector<Document>> docs = ReadDocuments("/nonexistent/news.txt");
  REQUIRE_FALSE(docs.ok());
  CHECK(docs.status().code() == ErrorCode::kIoError);
  CHECK(docs.status().ToString() == "/nonexistent/news.txt: error: no such file or directory\n");
}

TEST_CASE("a byte-order mark before a JSONL file's first line is not JSON") {
  Result<std::vector<Document>> docs = ParseJsonl("\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"ok\"}\n", "b.jsonl");
  REQUIRE(docs.ok());
  REQUIRE(docs->size() == 1);
  CHECK(docs->front().text == "ok");
}


std::vector<Document> Drain(DocumentStream& stream) {
  std::vector<Document> docs;
  Document d;
  while (stream.Next(&d)) docs.push_back(d);
  return docs;
}

TEST_CASE("a document stream yields what ReadDocuments reads, line by line") {
  TempDir dir;
  const std::string jsonl = dir.Write("b.jsonl", "{\"id\": \"x\", \"text\": \"알리바바\", \"date\": \"2025-09-30\"}\n\n"
                                                 "{\"text\": \"텐센트\"}\n");
  dir.Write("a.txt", "오픈AI");
  DocumentStream stream({dir.path.string()}, ReadOptions());
  const std::vector<Document> streamed = Drain(stream);
  CHECK(stream.status().ok());
  const Result<std::vector<Document>> read = ReadDocuments(dir.path.string());
  REQUIRE(read.ok());
  REQUIRE(streamed.size() == read->size());
  for (size_t i = 0; i < streamed.size(); ++i) {
    CHECK(streamed[i].id == (*read)[i].id);
    CHECK(streamed[i].text == (*read)[i].text);
    CHECK(streamed[i].date == (*read)[i].date);
    CHECK(streamed[i].origin == (*read)[i].origin);
  }
  CHECK(streamed[2].id == "b:3");
  CHECK(stream.bytes_read() == stream.total_bytes());
  CHECK(stream.total_bytes() == fs::file_size(jsonl) + fs::file_size(dir.path / "a.txt"));
}

TEST_CASE("a document stream reads lines of any length around its read buffer, and refuses one over the limit unheld") {
  TempDir dir;
  // Lines of exactly 65,535 and 65,536 bytes (the reader's buffer is 64 KiB),
  // a longer one, and a last line without a newline.
  auto line = [](char id, size_t length) {
    return std::string("{\"id\":\"") + id + "\",\"text\":\"" + std::string(length - 20, 'x') + "\"}";
  };
  const std::string content = line('a', 65535) + "\n" + line('b', 65536) + "\n" + line('c', 200000) + "\n" + line('d', 30);
  dir.Write("long.jsonl", content);
  DocumentStream stream({(dir.path / "long.jsonl").string()}, ReadOptions());
  const std::vector<Document> docs = Drain(stream);
  REQUIRE(stream.status().ok());
  REQUIRE(docs.size() == 4);
  CHECK(docs[0].text.size() == 65535 - 20);
  CHECK(docs[1].text.size() == 65536 - 20);
  CHECK(docs[2].text.size() == 200000 - 20);
  CHECK(docs[3].id == "d");
  CHECK(stream.bytes_read() == content.size());
  SUBCASE("a line over the limit is refused with its whole length") {
    ReadOptions small;
    small.max_document_bytes = 100;
    DocumentStream limited({(dir.path / "long.jsonl").string()}, small);
    Drain(limited);
    REQUIRE_FALSE(limited.status().ok());
    CHECK(limited.status().errors().front().message == "line has 65535 bytes, more than the document limit of 100");
  }
}

TEST_CASE("a document stream fails on a bad line, or skips it with a warning") {
  TempDir dir;
  const std::string path = dir.Write("c.jsonl", "{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\", \"text\": \n"
                                                "{\"id\": \"a\", \"text\": \"y\"}\n{\"id\": \"c\", \"text\": \"z\"}\n");
  SUBCASE("fail") {
    DocumentStream stream({path}, ReadOptions());
    CHECK(Drain(stream).size() == 1);
    REQUIRE_FALSE(stream.status().ok());
    CHECK(stream.status().errors().front().ToString().rfind(path + ":2:", 0) == 0);
  }
  SUBCASE("skip") {
    ReadOptions options;
    options.skip_bad = true;
    DocumentStream stream({path}, options);
    const std::vector<Document> docs = Drain(stream);
    CHECK(stream.status().ok());
    REQUIRE(docs.size() == 2);
    CHECK(docs[1].id == "c");
    const std::vector<Error> warnings = stream.TakeWarnings();
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].location.line == 2);
    CHECK(warnings[1].ToString() == path + ":3: warning: duplicate document id \"a\" (first read from " + path +
                                        ":1); document skipped");
    CHECK(stream.skipped() == 2);
    CHECK(stream.TakeWarnings().empty());
  }
}

TEST_CASE("a duplicate id names where the first was read, across files and kinds of input") {
  TempDir dir;
  const std::string a = dir.Write("a.jsonl", "{\"id\": \"p\", \"text\": \"x\"}\n{\"id\": \"q\", \"text\": \"x\"}\n");
  const std::string b = dir.Write("b.txt", "알리바바");
  const std::string c = dir.Write("c.jsonl", "{\"id\": \"r\", \"text\": \"x\"}\n{\"id\": \"q\", \"text\": \"x\"}\n"
                                             "{\"id\": \"b\", \"text\": \"x\"}\n{\"id\": \"r\", \"text\": \"x\"}\n");
  const std::string d = dir.Write("p.txt", "텐센트");
  ReadOptions options;
  options.skip_bad = true;
  DocumentStream stream({a, b, c, d}, options);
  const std::vector<Document> docs = Drain(stream);
  CHECK(stream.status().ok());
  CHECK(docs.size() == 4);  // p, q, b, r
  const std::vector<Error> warnings = stream.TakeWarnings();
  REQUIRE(warnings.size() == 4);
  CHECK(warnings[0].message.find("\"q\" (first read from " + a + ":2)") != std::string::npos);
  CHECK(warnings[1].message.find("\"b\" (first read from " + b + ")") != std::string::npos);
  CHECK(warnings[2].message.find("\"r\" (first read from " + c + ":1)") != std::string::npos);
  CHECK(warnings[3].message.find("\"p\" (first read from " + a + ":1)") != std::string::npos);
}

TEST_CASE("a document stream with a missing input fails before reading anything") {
  TempDir dir;
  const std::string good = dir.Write("a.txt", "알리바바");
  DocumentStream stream({good, (dir.path / "missing.jsonl").string()}, ReadOptions());
  REQUIRE_FALSE(stream.status().ok());
  CHECK(stream.status().code() == ErrorCode::kIoError);
  Document d;
  CHECK_FALSE(stream.Next(&d));
  CHECK(stream.bytes_read() == 0);
}

}  // namespace
}  // namespace claimgraph

namespace claimgraph {
namespace {

TEST_CASE("read options: skip bad documents, repair UTF-8, refuse huge or empty ones") {
  TempDir dir;
  const std::string jsonl = dir.Write("m.jsonl",
                                      "{\"id\": \"a\", \"text\": \"ok\"}\n[1]\n{\"id\": \"b\", \"text\": \"x\xff y\"}\n"
                                      "{\"id\": \"c\", \"text\": \"fine\"}\n");
  SUBCASE("strict: the first bad document fails the batch") {
    Result<ReadResult> r = ReadDocuments(jsonl, ReadOptions());
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().ToString() == jsonl + ":2: error: a JSONL line must be a JSON object\n");
  }
  SUBCASE("skip: bad documents become warnings, good ones are read") {
    ReadOptions options;
    options.skip_bad = true;
    Result<ReadResult> r = ReadDocuments(jsonl, options);
    REQUIRE(r.ok());
    REQUIRE(r->documents.size() == 2);
    CHECK(r->documents[1].id == "c");
    REQUIRE(r->warnings.size() == 2);
    CHECK(r->warnings[0].ToString() == jsonl + ":2: warning: a JSONL line must be a JSON object; document skipped");
    CHECK(r->warnings[1].ToString() == jsonl + ":3: warning: invalid UTF-8 at byte 52; document skipped");
  }
  SUBCASE("lossy: invalid UTF-8 is replaced, with a warning") {
    ReadOptions options;
    options.skip_bad = true;
    options.lossy = true;
    Result<ReadResult> r = ReadDocuments(jsonl, options);
    REQUIRE(r.ok());
    REQUIRE(r->documents.size() == 3);
    CHECK(r->documents[1].text == "x\xEF\xBF\xBD y");
    CHECK(r->warnings.back().message == "invalid UTF-8 at byte 52 replaced with U+FFFD");
  }
  SUBCASE("a document over the size limit is bad") {
    ReadOptions options;
    options.max_document_bytes = 3;
    Result<ReadResult> r = ReadDocuments(dir.Write("big.txt", "four"), options);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().errors().front().message == "document \"big\" has 4 bytes, more than the limit of 3");
  }
  SUBCASE("an empty text file is a document with no text, and a warning") {
    Result<ReadResult> r = ReadDocuments(dir.Write("empty.txt", ""), ReadOptions());
    REQUIRE(r.ok());
    REQUIRE(r->documents.size() == 1);
    CHECK(r->documents.front().text.empty());
    REQUIRE(r->warnings.size() == 1);
    CHECK(r->warnings.front().message == "file is empty; read as a document with no text");
  }
  SUBCASE("a directory named as a file, and a file with no size past the limit") {
    ReadOptions options;
    options.max_document_bytes = 1000;
    if (std::filesystem::exists("/dev/zero")) {
      Result<ReadResult> r = ReadDocuments("/dev/zero", options);
      REQUIRE_FALSE(r.ok());
      CHECK(r.status().errors().front().message == "document \"zero\" has more than 1000 bytes, the limit");
    }
  }
}

TEST_CASE("UTF-8 repair replaces each bad byte and keeps good sequences") {
  CHECK(RepairUtf8("a\xff" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(RepairUtf8("한\xe2\x82") == "한\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(RepairUtf8("ok") == "ok");
  CHECK(FindInvalidUtf8(RepairUtf8("\xc0\xaf\xed\xa0\x80" "z")) == -1);
}


}  // namespace
TEST_CASE("a block of a JSONL file reads as that part of the whole file: origins, default ids, messages") {
  TempDir dir;
  const std::string content = "\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"one\"}\n"
                              "{\"text\": \"no id\"}\n"
                              "{\"id\": \"c\", \"text\": \"three\"}\n"
                              "{\"text\": 5}\n";
  const std::string path = dir.Write("news.jsonl", content);
  ReadOptions skip;
  skip.skip_bad = true;
  Result<ReadResult> whole = ReadDocuments(path, skip);
  REQUIRE(whole.ok());
  // Cut after the first line, as a split across machines would.
  const size_t cut = content.find('\n') + 1;
  Result<ReadResult> first = ReadJsonlBlock(content.substr(0, cut), path, 1, 0, skip);
  Result<ReadResult> rest = ReadJsonlBlock(content.substr(cut), path, 2, cut, skip);
  REQUIRE(first.ok());
  REQUIRE(rest.ok());
  std::vector<Document> joined = first->documents;
  joined.insert(joined.end(), rest->documents.begin(), rest->documents.end());
  REQUIRE(joined.size() == whole->documents.size());
  for (size_t i = 0; i < joined.size(); ++i) {
    CHECK(joined[i].id == whole->documents[i].id);
    CHECK(joined[i].origin == whole->documents[i].origin);
    CHECK(joined[i].text == whole->documents[i].text);
  }
  CHECK(joined[1].id == "news:2");  // the whole file's line, not the block's
  REQUIRE(rest->warnings.size() == 1);
  CHECK(rest->warnings[0].ToString() == whole->warnings[0].ToString());
  CHECK(rest->warnings[0].ToString().rfind(path + ":4: warning:", 0) == 0);
  // A BOM is skipped only at the file's start, not at a block's.
  Result<ReadResult> bom = ReadJsonlBlock("\xEF\xBB\xBF{\"id\": \"x\", \"text\": \"t\"}\n", path, 5, 200, ReadOptions());
  CHECK_FALSE(bom.ok());
  CHECK_FALSE(ReadJsonlBlock("", path, 0, 0, ReadOptions()).ok());
}

TEST_CASE("InputFiles names a directory's inputs in reading order") {
  TempDir dir;
  dir.Write("b.txt", "b");
  dir.Write("a.jsonl", "{\"text\": \"a\"}\n");
  dir.Write("notes.md", "not an input");
  fs::create_directory(dir.path / "sub.txt");
  std::vector<Error> warnings;
  Result<std::vector<std::string>> files = InputFiles(dir.path.string(), &warnings);
  REQUIRE(files.ok());
  CHECK(*files == std::vector<std::string>{(dir.path / "a.jsonl").string(), (dir.path / "b.txt").string()});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].ToString().find("sub.txt: warning: a directory; skipped") != std::string::npos);
  CHECK_FALSE(InputFiles((dir.path / "missing").string(), nullptr).ok());
}

}  // namespace claimgraph
