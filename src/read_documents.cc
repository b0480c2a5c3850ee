// SPDX-License-Identifier: Apache-2.0
// Stage 0, read documents: .txt, .jsonl, directories and stdin -> Document.
// UTF-8 is validated here, once; a bad document is reported with its file
// and line (or byte offset), and either fails the batch or is skipped.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cerrno>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "claimgraph/document.h"
#include "internal/json_numbers.h"
#include "internal/string_pool.h"
#include "read_documents.h"

namespace claimgraph {
namespace {

// The ids of the documents read so far and where each was read, for the
// duplicate check, in about 50 bytes a document (a map of two strings took
// 150): ids interned, origins as (file, line) with the files stored once.
class SeenIds {
 public:
  // Records `id`, read at `origin` ("file:line", or a file). Returns false
  // and sets `first` to where it was first read if it was seen before.
  bool Insert(std::string_view id, const std::string& origin, std::string* first) {
    // The pool holds "" from the start (index 0): an empty id is tracked apart.
    const size_t before = ids_.size();
    const uint32_t at = id.empty() ? (empty_origin_ ? 0 : static_cast<uint32_t>(before)) : ids_.Intern(id);
    if (at != before) {
      const Origin& o = at == 0 ? *empty_origin_ : origins_[at - 1];
      *first = o.line < 0 ? files_[o.file] : files_[o.file] + ":" + std::to_string(o.line);
      return false;
    }
    if (id.empty()) {
      empty_origin_ = Encode(origin);
    } else {
      origins_.push_back(Encode(origin));
    }
    return true;
  }

 private:
  struct Origin {
    uint32_t file;
    int32_t line;  // -1: the origin is the file alone
  };
  Origin Encode(const std::string& origin) {
    std::string_view file = origin;
    int32_t line = -1;
    const size_t colon = origin.rfind(':');
    const size_t digits = colon == std::string::npos ? 0 : origin.size() - colon - 1;
    if (digits > 0 && digits <= 9 &&
        std::all_of(origin.begin() + static_cast<std::ptrdiff_t>(colon) + 1, origin.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      file = std::string_view(origin).substr(0, colon);
      line = static_cast<int32_t>(std::stol(origin.substr(colon + 1)));
    }
    if (files_.empty() || files_[last_file_] != file) {  // JSONL lines come file by file
      const auto [it, added] = file_index_.emplace(std::string(file), static_cast<uint32_t>(files_.size()));
      if (added) files_.push_back(it->first);
      last_file_ = it->second;
    }
    return {last_file_, line};
  }

  internal::StringPool ids_;
  std::vector<Origin> origins_;  // by id index - 1
  std::optional<Origin> empty_origin_;
  std::vector<std::string> files_;
  std::unordered_map<std::string, uint32_t> file_index_;
  uint32_t last_file_ = 0;
};

Error MakeError(ErrorCode code, const std::string& file, int line, std::string message) {
  Error e;
  e.code = code;
  e.location.file = file;
  e.location.line = line;
  e.message = std::move(message);
  return e;
}

// Why an input cannot be found: a loop of symbolic links, a link to
// nothing, or nothing at all.
std::string NotThere(const std::string& input) {
  std::error_code ec;
  const std::filesystem::file_status link = std::filesystem::symlink_status(input, ec);
  if (ec || !std::filesystem::is_symlink(link)) return "no such file or directory";
  (void)std::filesystem::status(input, ec);  // (only its error matters)
  if (ec.value() == ELOOP) return "a loop of symbolic links";
  return "a symbolic link to nothing (" + std::filesystem::read_symlink(input, ec).string() + ")";
}

// Reads the next line of `in` (without its newline) into `line`, keeping
// at most `keep` bytes of it; returns the line's whole length, or -1 at the
// end of the input.
long long ReadLine(std::istream& in, std::string* line, size_t keep) {
  line->clear();
  long long length = 0;
  bool any = false;
  char buffer[1 << 16];
  while (true) {
    in.getline(buffer, sizeof buffer);
    const auto got = static_cast<size_t>(in.gcount());
    // (gcount counts the newline getline took out, not stored.)
    const bool full = in.fail() && !in.eof() && got == sizeof buffer - 1;
    const size_t stored = full ? got : (got > 0 && !in.eof() ? got - 1 : got);
    if (got > 0) any = true;
    length += static_cast<long long>(stored);
    if (line->size() < keep) line->append(buffer, std::min(stored, keep - line->size()));
    if (full) {
      in.clear();
      continue;
    }
    if (!any && (in.eof() || in.fail())) return -1;
    if (in.fail() && !in.eof()) return -1;
    return length;
  }
}

// The .txt and .jsonl files of `dir`, sorted; an entry with such a name
// that is no regular file (a dangling symbolic link, a FIFO, a directory)
// is skipped with a warning in `warnings`.
std::vector<std::filesystem::path> DirectoryInputs(const std::string& dir, std::vector<Error>* warnings,
                                                   std::error_code* ec) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (auto it = fs::directory_iterator(dir, *ec); !*ec && it != fs::directory_iterator(); it.increment(*ec)) {
    const std::string ext = it->path().extension().string();
    if (ext != ".txt" && ext != ".jsonl") continue;
    std::error_code entry;
    if (it->is_regular_file(entry)) {
      files.push_back(it->path());
      continue;
    }
    const fs::file_status st = fs::status(it->path(), entry);
    const std::string what = !fs::exists(st)        ? "a symbolic link to nothing"
                             : fs::is_directory(st) ? "a directory"
                             : fs::is_fifo(st)      ? "a FIFO"
                                                    : "not a regular file";
    Error w = MakeError(ErrorCode::kIoError, it->path().string(), 0, what + "; skipped");
    w.warning = true;
    warnings->push_back(std::move(w));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// How much of a file may be read: a text file is one document; a JSONL
// file holds many, each checked against the limit as it is read.
size_t LimitFor(const std::filesystem::path& path, const ReadOptions& options) {
  return path.extension() == ".jsonl" ? std::numeric_limits<size_t>::max() : options.max_document_bytes;
}

// The bytes of `in`, at most `limit` of them, checked as they are read (a
// stream with no size: stdin, a FIFO, /dev/zero).
Result<std::string> ReadStream(std::istream& in, size_t limit, const std::string& origin, const std::string& id) {
  std::string content;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    content.append(buffer, static_cast<size_t>(in.gcount()));
    if (content.size() > limit) {
      return MakeError(ErrorCode::kInvalidInput, origin, 0,
                       "document \"" + id + "\" has more than " + std::to_string(limit) + " bytes, the limit");
    }
  }
  if (in.bad()) return MakeError(ErrorCode::kIoError, origin, 0, "cannot read file");
  return content;
}

// The bytes of `path`, at most `limit` of them: a directory is an error,
// and a file with no size (a FIFO, /dev/zero) is read only up to the limit.
Result<std::string> ReadFile(const std::string& path, size_t limit) {
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) return MakeError(ErrorCode::kIoError, path, 0, "is a directory");
  const std::string id = std::filesystem::path(path).stem().string();
  if (std::filesystem::is_regular_file(status)) {
    const uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > limit) {
      return MakeError(ErrorCode::kInvalidInput, path, 0,
                       "document \"" + id + "\" has " + std::to_string(size) + " bytes, more than the limit of " +
                           std::to_string(limit));
    }
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, path, 0, "cannot open file");
  return ReadStream(in, limit, path, id);
}

// Collects documents; a bad one fails the batch or is skipped.
class Reader {
 public:
  explicit Reader(const ReadOptions& options) : options_(options) {}

  // Records a bad document: returns false when the batch must fail.
  bool Bad(Error e) {
    if (!options_.skip_bad) {
      failure_ = std::move(e);
      return false;
    }
    e.warning = true;
    e.message += "; document skipped";
    result_.warnings.push_back(std::move(e));
    return true;
  }

  // Checks and adds one document's text (its UTF-8 unless `utf8_checked`);
  // returns false when the batch fails.
  bool Add(Document doc, const std::string& file, int line, long long base_offset, bool utf8_checked = false) {
    if (doc.text.size() > options_.max_document_bytes) {
      return Bad(MakeError(ErrorCode::kInvalidInput, file, line,
                           "document \"" + doc.id + "\" has " + std::to_string(doc.text.size()) +
                               " bytes, more than the limit of " + std::to_string(options_.max_document_bytes)));
    }
    const long long bad = utf8_checked ? -1 : FindInvalidUtf8(doc.text);
    if (bad >= 0) {
      if (options_.lossy) {
        Error w = MakeError(ErrorCode::kInvalidUtf8, file, line,
                            "invalid UTF-8 at byte " + std::to_string(base_offset + bad) + " replaced with U+FFFD");
        w.warning = true;
        w.location.byte_offset = base_offset + bad;
        result_.warnings.push_back(std::move(w));
        doc.text = RepairUtf8(doc.text);
      } else {
        Error e = MakeError(ErrorCode::kInvalidUtf8, file, line, "invalid UTF-8 at byte " + std::to_string(base_offset + bad));
        e.location.byte_offset = base_offset + bad;
        return Bad(std::move(e));
      }
    }
    result_.documents.push_back(std::move(doc));
    return true;
  }

  bool Text(std::string content, const std::string& id, const std::string& origin) {
    // An empty file is a document with no text: said, not fatal.
    if (content.empty()) {
      Error w = MakeError(ErrorCode::kInvalidInput, origin, 0, "file is empty; read as a document with no text");
      w.warning = true;
      result_.warnings.push_back(std::move(w));
    }
    Document doc;
    // (A file name need not be UTF-8; the id goes into every output, which
    // must be: a bad byte becomes U+FFFD.)
    doc.id = FindInvalidUtf8(id) >= 0 ? RepairUtf8(id) : id;
    doc.text = std::move(content);
    doc.origin = origin;
    return Add(std::move(doc), origin, 0, 0);
  }

  // Whole lines of a JSONL file `origin`, the first of them its line
  // `first_line`, starting at its byte `first_byte`.
  bool Jsonl(const std::string& content, const std::string& origin, int first_line = 1, uint64_t first_byte = 0);
  // One line of a JSONL file (`stem` names documents without an id).
  bool JsonlLine(std::string_view raw, const std::string& origin, const std::string& stem, int line,
                 size_t line_start);

  // Moves the documents and warnings read so far out.
  std::vector<Document> TakeDocuments() { return std::exchange(result_.documents, {}); }
  std::vector<Error> TakeWarnings() { return std::exchange(result_.warnings, {}); }
  void Warn(Error w) { result_.warnings.push_back(std::move(w)); }
  const std::optional<Error>& failure() const { return failure_; }

  Result<ReadResult> Finish() {
    if (failure_) return *failure_;
    return std::move(result_);
  }
  bool failed() const { return failure_.has_value(); }

 private:
  const ReadOptions& options_;
  ReadResult result_;
  std::optional<Error> failure_;
};

bool Reader::Jsonl(const std::string& content, const std::string& origin, int first_line, uint64_t first_byte) {
  const std::string stem = std::filesystem::path(origin).stem().string();
  size_t start = 0;
  int line = first_line - 1;
  while (start < content.size()) {
    ++line;
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    const size_t line_start = start;
    start = end + 1;
    if (!JsonlLine(std::string_view(content).substr(line_start, end - line_start), origin, stem, line,
                   first_byte + line_start)) {
      return false;
    }
  }
  return true;
}

bool Reader::JsonlLine(std::string_view raw, const std::string& origin, const std::string& stem, int line,
                       size_t line_start) {
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  // A byte-order mark before the first line (written by some editors):
  // not part of the JSON.
  if (line_start == 0 && raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  if (raw.find_first_not_of(" \t") == std::string_view::npos) return true;
  if (raw.size() > options_.max_document_bytes + 4096) {
    return Bad(MakeError(ErrorCode::kInvalidInput, origin, line,
                         "line has " + std::to_string(raw.size()) + " bytes, more than the document limit of " +
                             std::to_string(options_.max_document_bytes)));
  }
  // (JSON text has no NUL byte; the parser would stop at one and drop
  // the rest of the line unsaid.)
  if (const size_t nul = raw.find('\0'); nul != std::string_view::npos) {
    Error e = MakeError(ErrorCode::kInvalidInput, origin, line,
                        "a NUL byte at byte " + std::to_string(line_start + nul) + "; a JSONL line is JSON text");
    e.location.byte_offset = static_cast<long long>(line_start + nul);
    return Bad(std::move(e));
  }
  std::string text(raw);
  const long long bad = FindInvalidUtf8(text);
  if (bad >= 0 && !options_.lossy) {
    Error e = MakeError(ErrorCode::kInvalidUtf8, origin, line,
                        "invalid UTF-8 at byte " + std::to_string(line_start + static_cast<size_t>(bad)));
    e.location.byte_offset = static_cast<long long>(line_start) + bad;
    return Bad(std::move(e));
  }
  if (bad >= 0) {  // lossy: the JSON parser sees valid UTF-8
    Error w = MakeError(ErrorCode::kInvalidUtf8, origin, line,
                        "invalid UTF-8 at byte " + std::to_string(line_start + static_cast<size_t>(bad)) +
                            " replaced with U+FFFD");
    w.warning = true;
    w.location.byte_offset = static_cast<long long>(line_start) + bad;
    result_.warnings.push_back(std::move(w));
    text = RepairUtf8(text);
  }
  // The line is valid UTF-8 (checked or repaired above), and so is what
  // JSON makes of it, except a \u escape (a lone surrogate): only then is
  // the text checked again. (Asked before parsing, which rewrites the line.)
  const bool utf8_checked = text.find("\\u") == std::string::npos;
  // Parsed in place: the strings are unescaped inside `text` (ours), not
  // copied into the document's pool first. (A NUL byte ends the JSON here,
  // as it does for RapidJSON's parsing by length.)
  rapidjson::Document json;
  json.ParseInsitu<rapidjson::kParseIterativeFlag>(text.data());
  // A number beyond a double's range (JSON allows it; no field a document
  // reads is a number): parsed again from the line as it was (repaired
  // again where it was), the number read as null (internal/json_numbers.h).
  if (json.HasParseError() && json.GetParseError() == rapidjson::kParseErrorNumberTooBig) {
    const std::string replaced =
        internal::ReplaceHugeNumbers(bad >= 0 ? RepairUtf8(std::string(raw)) : raw, internal::HugeNumber::kNull);
    json.Parse<rapidjson::kParseIterativeFlag>(replaced.data(), replaced.size());
  }
  if (json.HasParseError()) {
    Error e = MakeError(ErrorCode::kInvalidInput, origin, line,
                        std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()));
    e.location.column = static_cast<int>(json.GetErrorOffset()) + 1;
    return Bad(std::move(e));
  }
  std::string problem;
  // A key the reader uses, written twice: JSON allows it, but which one is
  // meant is unclear (Python keeps the last, RapidJSON finds the first).
  std::string twice;
  if (json.IsObject()) {
    std::set<std::string_view> keys;
    for (const auto& m : json.GetObject()) {
      const std::string_view key(m.name.GetString(), m.name.GetStringLength());
      const bool read = key == "id" || key == "text" || key == "title" || key == "date" || key == "url" || key == "lang";
      if (read && !keys.insert(key).second && twice.empty()) twice = std::string(key);
    }
  }
  if (!json.IsObject()) {
    problem = "a JSONL line must be a JSON object";
  } else if (!twice.empty()) {
    problem = "the key \"" + twice + "\" appears twice; write it once";
  } else if (!json.HasMember("text")) {
    problem = "document has no \"text\"";
  } else if (!json["text"].IsString()) {
    problem = "\"text\" is not a string";
  } else if (json.HasMember("id") && !json["id"].IsString() && !json["id"].IsInt64()) {
    problem = "\"id\" is not a string or an integer";
  }
  if (!problem.empty()) return Bad(MakeError(ErrorCode::kInvalidInput, origin, line, problem));
  Document doc;
  doc.text.assign(json["text"].GetString(), json["text"].GetStringLength());
  if (json.HasMember("id")) {
    doc.id = json["id"].IsString() ? std::string(json["id"].GetString(), json["id"].GetStringLength())
                                   : std::to_string(json["id"].GetInt64());
  } else {
    doc.id = (FindInvalidUtf8(stem) >= 0 ? RepairUtf8(stem) : stem) + ":" + std::to_string(line);
  }
  if (doc.id.empty()) return Bad(MakeError(ErrorCode::kInvalidInput, origin, line, "\"id\" is empty"));
  for (auto [key, field] : {std::pair{"title", &doc.title}, std::pair{"date", &doc.date},
                            std::pair{"url", &doc.url}, std::pair{"lang", &doc.lang}}) {
    if (json.HasMember(key) && json[key].IsString()) field->assign(json[key].GetString(), json[key].GetStringLength());
  }
  doc.origin = origin + ":" + std::to_string(line);
  // A \u escape of half a surrogate pair decodes to bytes that are no
  // UTF-8: said as what the line holds, not as a byte of the decoded text.
  if (!utf8_checked) {
    for (auto [key, field] : {std::pair{"text", &doc.text}, std::pair{"id", &doc.id}}) {
      if (FindInvalidUtf8(*field) < 0) continue;
      const std::string what = std::string("\"") + key +
                               "\" has a \\u escape of a lone UTF-16 surrogate (\\uD800-\\uDFFF without its pair), "
                               "which is no character";
      if (!options_.lossy) return Bad(MakeError(ErrorCode::kInvalidUtf8, origin, line, what));
      Error w = MakeError(ErrorCode::kInvalidUtf8, origin, line, what + "; replaced with U+FFFD");
      w.warning = true;
      result_.warnings.push_back(std::move(w));
      *field = RepairUtf8(*field);
    }
  }
  return Add(std::move(doc), origin, line, static_cast<long long>(line_start), /*utf8_checked=*/true);
}

bool ReadPath(Reader* reader, const std::filesystem::path& path, const ReadOptions& options) {
  Result<std::string> content = ReadFile(path.string(), LimitFor(path, options));
  if (!content.ok()) return reader->Bad(content.status().errors().front());
  if (path.extension() == ".jsonl") return reader->Jsonl(*content, path.string());
  return reader->Text(std::move(*content), path.stem().string(), path.string());
}

}  // namespace

long long FindInvalidUtf8(const std::string& text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return static_cast<long long>(i);
    }
    if (i + len > n) return static_cast<long long>(i);
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return static_cast<long long>(i);
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return static_cast<long long>(i);
    i += len;
  }
  return -1;
}

std::string RepairUtf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const std::string rest = text.substr(i, std::min<size_t>(4, text.size() - i));
    // Find the length of the valid sequence at i, if any.
    size_t len = 0;
    for (size_t l = 1; l <= rest.size() && len == 0; ++l) {
      if (FindInvalidUtf8(rest.substr(0, l)) < 0) len = l;
    }
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text, i, len);
      i += len;
    }
  }
  return out;
}

namespace {
// `options` with the document limit at most kMaxDocumentBytes.
ReadOptions Clamped(ReadOptions options) {
  options.max_document_bytes = std::min(options.max_document_bytes, kMaxDocumentBytes);
  return options;
}
}  // namespace

Result<ReadResult> ReadJsonlBlock(const std::string& content, const std::string& origin, int first_line,
                                  uint64_t first_byte, const ReadOptions& given) {
  const ReadOptions options = Clamped(given);
  if (first_line < 1) return MakeError(ErrorCode::kInvalidInput, origin, 0, "a block's first line is 1 or more");
  Reader reader(options);
  reader.Jsonl(content, origin, first_line, first_byte);
  return reader.Finish();
}

Result<std::vector<std::string>> InputFiles(const std::string& input, std::vector<Error>* warnings) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status status = fs::status(input, ec);
  if (ec || !fs::exists(status)) return MakeError(ErrorCode::kIoError, input, 0, NotThere(input));
  if (!fs::is_directory(status)) return std::vector<std::string>{input};
  std::vector<Error> passed_over;
  const std::vector<fs::path> files = DirectoryInputs(input, &passed_over, &ec);
  if (ec) return MakeError(ErrorCode::kIoError, input, 0, "cannot read directory: " + ec.message());
  if (files.empty()) return MakeError(ErrorCode::kIoError, input, 0, "directory has no .txt or .jsonl files");
  if (warnings != nullptr) warnings->insert(warnings->end(), passed_over.begin(), passed_over.end());
  std::vector<std::string> out;
  for (const fs::path& f : files) out.push_back(f.string());
  return out;
}

Result<std::vector<Document>> ParseJsonl(const std::string& content, const std::string& origin) {
  const ReadOptions strict;
  Reader reader(strict);
  reader.Jsonl(content, origin);
  Result<ReadResult> r = reader.Finish();
  if (!r.ok()) return r.status();
  return std::move(r->documents);
}

Result<ReadResult> ReadDocuments(const std::string& input, const ReadOptions& given) {
  namespace fs = std::filesystem;
  const ReadOptions options = Clamped(given);
  Reader reader(options);
  if (input == "-") {
    Result<std::string> content = ReadStream(std::cin, options.max_document_bytes, "<stdin>", "stdin");
    if (!content.ok()) return content.status();
    reader.Text(std::move(*content), "stdin", "<stdin>");
    return reader.Finish();
  }
  std::error_code ec;
  const fs::file_status status = fs::status(input, ec);
  if (ec || !fs::exists(status)) return MakeError(ErrorCode::kIoError, input, 0, NotThere(input));
  if (!fs::is_directory(status)) {
    Result<std::string> content = ReadFile(input, LimitFor(input, options));
    if (!content.ok()) return content.status();
    const fs::path path(input);
    if (path.extension() == ".jsonl") {
      reader.Jsonl(*content, input);
    } else {
      reader.Text(std::move(*content), path.stem().string(), input);
    }
    return reader.Finish();
  }
  std::vector<Error> passed_over;
  const std::vector<fs::path> files = DirectoryInputs(input, &passed_over, &ec);
  if (ec) return MakeError(ErrorCode::kIoError, input, 0, "cannot read directory: " + ec.message());
  if (files.empty()) return MakeError(ErrorCode::kIoError, input, 0, "directory has no .txt or .jsonl files");
  for (Error& w : passed_over) reader.Warn(std::move(w));
  for (const fs::path& f : files) {
    if (!ReadPath(&reader, f, options)) break;
  }
  return reader.Finish();
}

Result<std::vector<Document>> ReadDocuments(const std::string& input) {
  Result<ReadResult> r = ReadDocuments(input, ReadOptions());
  if (!r.ok()) return r.status();
  return std::move(r->documents);
}

struct DocumentStream::Impl {
  enum class Kind { kText, kJsonl, kStdin };
  struct Source {
    std::filesystem::path path;
    Kind kind;
  };

  explicit Impl(const ReadOptions& o) : options(o), reader(options) {}

  // Resolves every input to its files up front, so a missing input fails
  // before any document is read. Returns false on such a failure.
  bool Resolve(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    for (const std::string& input : inputs) {
      if (input == "-") {
        sources.push_back({"<stdin>", Kind::kStdin});
        size_known = false;
        continue;
      }
      std::error_code ec;
      const fs::file_status st = fs::status(input, ec);
      if (ec || !fs::exists(st)) return Fail(MakeError(ErrorCode::kIoError, input, 0, NotThere(input)));
      std::vector<fs::path> files;
      if (fs::is_directory(st)) {
        files = DirectoryInputs(input, &warnings, &ec);
        if (ec) return Fail(MakeError(ErrorCode::kIoError, input, 0, "cannot read directory: " + ec.message()));
        if (files.empty()) return Fail(MakeError(ErrorCode::kIoError, input, 0, "directory has no .txt or .jsonl files"));
      } else {
        files.push_back(input);
      }
      for (const fs::path& f : files) {
        const uintmax_t size = fs::file_size(f, ec);
        if (!ec) total += size;
        sources.push_back({f, f.extension() == ".jsonl" ? Kind::kJsonl : Kind::kText});
      }
    }
    return true;
  }

  bool Fail(Error e) {
    status = Status(std::move(e));
    return false;
  }

  // Moves what the reader produced into `ready` and `warnings`; false when
  // the reader failed.
  bool Collect() {
    for (Document& d : reader.TakeDocuments()) ready.push_back(std::move(d));
    for (Error& w : reader.TakeWarnings()) {
      // (Only a skipped document counts: a repair, an empty file or a
      // directory entry passed over is no document lost.)
      const std::string_view suffix = "; document skipped";
      if (w.message.size() >= suffix.size() && w.message.compare(w.message.size() - suffix.size(), suffix.size(), suffix) == 0) {
        ++skipped;
      }
      warnings.push_back(std::move(w));
    }
    if (reader.failure()) return Fail(*reader.failure());
    return true;
  }

  // Reads more input into `ready`; false at the end or on a failure.
  bool Advance() {
    if (lines != nullptr) {
      std::string line;
      // (A line longer than a document may be is not held: its length is
      // counted and the line refused, so a 1 GB line costs no 1 GB.)
      const size_t keep = options.max_document_bytes + 4096;
      const long long length = ReadLine(*lines, &line, keep);
      if (length >= 0) {
        ++line_number;
        const uint64_t start = offset;
        const uint64_t newline = lines->eof() ? 0 : 1;  // (the last line may have none)
        offset += static_cast<uint64_t>(length) + newline;
        bytes_read += static_cast<uint64_t>(length) + newline;
        if (static_cast<size_t>(length) > keep) {
          reader.Bad(MakeError(ErrorCode::kInvalidInput, jsonl_origin, line_number,
                               "line has " + std::to_string(length) + " bytes, more than the document limit of " +
                                   std::to_string(options.max_document_bytes)));
          return Collect();
        }
        reader.JsonlLine(std::move(line), jsonl_origin, jsonl_stem, line_number, start);
        return Collect();
      }
      const bool bad = lines->bad();
      if (lines == &jsonl) jsonl.close();
      lines = nullptr;
      if (bad) reader.Bad(MakeError(ErrorCode::kIoError, jsonl_origin, line_number, "cannot read file"));
      return Collect();
    }
    if (next_source == sources.size()) return false;
    const Source& src = sources[next_source++];
    const std::string path = src.path.string();
    if (src.kind == Kind::kStdin && options.stdin_jsonl) {
      StartLines(&std::cin, "<stdin>", "stdin");
      return true;
    }
    if (src.kind == Kind::kStdin) {
      Result<std::string> content = ReadStream(std::cin, options.max_document_bytes, "<stdin>", "stdin");
      if (!content.ok()) {
        reader.Bad(content.status().errors().front());
        return Collect();
      }
      bytes_read += content->size();
      reader.Text(std::move(*content), "stdin", "<stdin>");
      return Collect();
    }
    if (src.kind == Kind::kJsonl) {
      jsonl.open(src.path, std::ios::binary);
      if (!jsonl) {
        reader.Bad(MakeError(ErrorCode::kIoError, path, 0, "cannot open file"));
        return Collect();
      }
      StartLines(&jsonl, path, src.path.stem().string());
      return true;
    }
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(src.path, ec);
    if (!ec && size > options.max_document_bytes) {
      bytes_read += size;
      reader.Bad(MakeError(ErrorCode::kInvalidInput, path, 0,
                           "document \"" + src.path.stem().string() + "\" has " + std::to_string(size) +
                               " bytes, more than the limit of " + std::to_string(options.max_document_bytes)));
      return Collect();
    }
    Result<std::string> content = ReadFile(path, options.max_document_bytes);
    if (!content.ok()) {
      reader.Bad(content.status().errors().front());
      return Collect();
    }
    bytes_read += content->size();
    reader.Text(std::move(*content), src.path.stem().string(), path);
    return Collect();
  }

  // Reads `in` as JSONL lines from the next Advance on.
  void StartLines(std::istream* in, std::string origin, std::string stem) {
    lines = in;
    jsonl_origin = std::move(origin);
    jsonl_stem = std::move(stem);
    line_number = 0;
    offset = 0;
  }

  // Returns whether `doc` may pass: its id was not seen before.
  bool CheckId(const Document& doc) {
    std::string first;
    if (seen.Insert(doc.id, doc.origin, &first)) return true;
    Error e = MakeError(ErrorCode::kInvalidInput, doc.origin, 0,
                        "duplicate document id \"" + doc.id + "\" (first read from " + first + ")");
    if (!options.skip_bad) return Fail(std::move(e));
    e.warning = true;
    e.message += "; document skipped";
    warnings.push_back(std::move(e));
    ++skipped;
    return false;
  }

  ReadOptions options;
  Reader reader;
  std::vector<Source> sources;
  size_t next_source = 0;
  std::ifstream jsonl;
  std::istream* lines = nullptr;  // the JSONL being read (jsonl or std::cin), or null
  std::string jsonl_origin, jsonl_stem;
  int line_number = 0;
  uint64_t offset = 0;
  std::deque<Document> ready;
  SeenIds seen;
  std::vector<Error> warnings;
  Status status;
  size_t skipped = 0;
  uint64_t bytes_read = 0, total = 0;
  bool size_known = true;
};

DocumentStream::DocumentStream(std::vector<std::string> inputs, ReadOptions options)
    : impl_(std::make_unique<Impl>(Clamped(options))) {
  impl_->Resolve(inputs);
}

DocumentStream::~DocumentStream() = default;

bool DocumentStream::Next(Document* doc) {
  Impl& s = *impl_;
  while (s.status.ok()) {
    if (s.ready.empty()) {
      if (!s.Advance()) return false;
      continue;
    }
    Document d = std::move(s.ready.front());
    s.ready.pop_front();
    if (!s.CheckId(d)) continue;
    *doc = std::move(d);
    return true;
  }
  return false;
}

const Status& DocumentStream::status() const { return impl_->status; }
std::vector<Error> DocumentStream::TakeWarnings() { return std::exchange(impl_->warnings, {}); }
size_t DocumentStream::skipped() const { return impl_->skipped; }
uint64_t DocumentStream::bytes_read() const { return impl_->bytes_read; }
uint64_t DocumentStream::total_bytes() const { return impl_->size_known ? impl_->total : 0; }

namespace internal {

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

}  // namespace internal

}  // namespace claimgraph
