// SPDX-License-Identifier: Apache-2.0
// Documents: the original text and its metadata, and readers for .txt,
// .jsonl, directories and stdin.
#ifndef CLAIMGRAPH_CLAIMGRAPH_DOCUMENT_H_
#define CLAIMGRAPH_CLAIMGRAPH_DOCUMENT_H_

#include <string>
#include <vector>

#include "claimgraph/status.h"

namespace claimgraph {

// One input document. `text` is the original UTF-8 text, never modified:
// every offset claimgraph reports is a code-point offset into it.
struct Document {
  std::string id;
  std::string text;
  std::string title;
  std::string date;
  std::string url;
  std::string lang;
  // Where the document came from, for messages: "news.jsonl:17" or "a.txt".
  std::string origin;
};

// Reads the documents named by `input`:
//   a .txt file        one document, id = file stem
//   a .jsonl file      one document a line: {"id","text", optional "title","date","url","lang"}
//   a directory        its .txt and .jsonl files (not recursive), sorted by name
//   "-"                stdin as one text document with id "stdin"
// Every document's text is checked to be valid UTF-8.
// Returns kIoError (missing or unreadable path), kInvalidUtf8 (with the byte
// offset) or kInvalidInput (malformed JSONL line, with its line number).
Result<std::vector<Document>> ReadDocuments(const std::string& input);

// Parses `content` as JSONL documents; `origin` names it in messages.
// Returns kInvalidInput or kInvalidUtf8.
Result<std::vector<Document>> ParseJsonl(const std::string& content, const std::string& origin);

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or -1.
long long FindInvalidUtf8(const std::string& text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_DOCUMENT_H_
