// SPDX-License-Identifier: Apache-2.0
// Stage 0: document input from .txt, .jsonl, directories; errors with
// file, line and byte offset.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

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

}  // namespace
}  // namespace claimgraph
