// SPDX-License-Identifier: Apache-2.0
// Documents: the original text and its metadata, and readers for .txt,
// .jsonl, directories and stdin.
#ifndef CLAIMGRAPH_CLAIMGRAPH_DOCUMENT_H_
#define CLAIMGRAPH_CLAIMGRAPH_DOCUMENT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
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

// How to treat a bad document while reading a batch.
// The largest document any ReadOptions allows, 4095 MiB: offsets into a
// document are kept in 32 bits.
constexpr size_t kMaxDocumentBytes = size_t{4095} << 20;

struct ReadOptions {
  bool skip_bad = false;  // (false) skip a bad document and record why, instead of failing
  bool lossy = false;     // (false) replace invalid UTF-8 with U+FFFD and warn, instead of rejecting
  // (64 MiB) larger documents are bad; at most kMaxDocumentBytes (a larger
  // value counts as that).
  size_t max_document_bytes = size_t{64} << 20;
  // (false) DocumentStream reads the input "-" as JSONL, a document a line
  // ("<stdin>:LINE" in messages, ids "stdin:LINE" when a line has none),
  // instead of as one text document.
  bool stdin_jsonl = false;
};

// Documents read, and the problems met: skipped documents (when
// ReadOptions::skip_bad) and lossy repairs, as warnings naming the file
// and line.
struct ReadResult {
  std::vector<Document> documents;
  std::vector<Error> warnings;
};

// Reads `input` like ReadDocuments below, with `options`. A bad document
// is: invalid UTF-8 (unless lossy), a malformed JSONL line, an empty text
// file, or one over max_document_bytes. Returns kIoError for an unreadable
// input, or the first bad document's error unless skip_bad.
Result<ReadResult> ReadDocuments(const std::string& input, const ReadOptions& options);

// One block of whole lines of the JSONL file `origin`, read as
// ReadDocuments reads that file: the block's first line is the file's line
// `first_line` and starts at its byte `first_byte`, so messages, origins
// and the ids of documents without one ("STEM:LINE") are the whole file's.
// For reading a file split across machines (the Python module's Dask
// recipe). Documents seen in other blocks are not checked for duplicates.
Result<ReadResult> ReadJsonlBlock(const std::string& content, const std::string& origin, int first_line,
                                  uint64_t first_byte, const ReadOptions& options);

// The files `input` names, in the order ReadDocuments reads them: `input`
// itself, or a directory's .txt and .jsonl files (not recursive), sorted
// by name. A directory's entries that are no regular file are added to
// `warnings` (when not null). kIoError for a missing input or a directory
// without inputs.
Result<std::vector<std::string>> InputFiles(const std::string& input, std::vector<Error>* warnings);

// Reads the documents named by `input`:
//   a .txt file        one document, id = file stem
//   a .jsonl file      one document a line: {"id","text", optional "title","date","url","lang"}
//   a directory        its .txt and .jsonl files (not recursive), sorted by name
//   "-"                stdin as one text document with id "stdin"
// Every document's text is checked to be valid UTF-8.
// Returns kIoError (missing or unreadable path), kInvalidUtf8 (with the byte
// offset) or kInvalidInput (malformed JSONL line, with its line number).
Result<std::vector<Document>> ReadDocuments(const std::string& input);

// Reads documents one at a time from inputs named as for ReadDocuments
// (files, directories, "-"), in order, so that a corpus of any size passes
// through bounded memory: a JSONL file is read line by line. Bad documents
// fail the stream or, with ReadOptions::skip_bad, are skipped with a
// warning; a document id seen before is a bad document.
//
// Usage:
//   DocumentStream stream({"corpus.jsonl"}, ReadOptions());
//   Document doc;
//   while (stream.Next(&doc)) { ... }
//   if (!stream.status().ok()) std::cerr << stream.status().ToString();
//
// Not copyable: it owns open files.
class DocumentStream {
 public:
  DocumentStream(std::vector<std::string> inputs, ReadOptions options);
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;
  ~DocumentStream();

  // Sets `doc` to the next good document and returns true; returns false
  // at the end or on a failure: kIoError (a missing or unreadable input),
  // kInvalidUtf8 or kInvalidInput (a bad document, unless skip_bad).
  bool Next(Document* doc);
  // Ok at the normal end; the failure that ended the stream otherwise.
  const Status& status() const;
  // Warnings (skipped documents, repairs) since the last call, in order.
  std::vector<Error> TakeWarnings();
  // Bad documents skipped so far.
  size_t skipped() const;
  // Input bytes consumed so far, and the sum of the inputs' sizes (0 when
  // not known in advance, as for stdin).
  uint64_t bytes_read() const;
  uint64_t total_bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses `content` as JSONL documents; `origin` names it in messages.
// Returns kInvalidInput or kInvalidUtf8.
Result<std::vector<Document>> ParseJsonl(const std::string& content, const std::string& origin);

// Returns the byte offset of the first invalid UTF-8 sequence in `text`, or -1.
long long FindInvalidUtf8(const std::string& text);

// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string RepairUtf8(const std::string& text);

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_DOCUMENT_H_
