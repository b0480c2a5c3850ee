// SPDX-License-Identifier: Apache-2.0
// Stage 0, read documents: .txt, .jsonl, directories and stdin -> Document.
// UTF-8 is validated here, once; a bad document is reported with its file
// and line (or byte offset), and either fails the batch or is skipped.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "claimgraph/document.h"

namespace claimgraph {
namespace {

Error MakeError(ErrorCode code, const std::string& file, int line, std::string message) {
  Error e;
  e.code = code;
  e.location.file = file;
  e.location.line = line;
  e.message = std::move(message);
  return e;
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kIoError, path, 0, "cannot open file");
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return MakeError(ErrorCode::kIoError, path, 0, "cannot read file");
  return content;
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

  // Checks and adds one document's text; returns false when the batch fails.
  bool Add(Document doc, const std::string& file, int line, long long base_offset) {
    if (doc.text.size() > options_.max_document_bytes) {
      return Bad(MakeError(ErrorCode::kInvalidInput, file, line,
                           "document \"" + doc.id + "\" has " + std::to_string(doc.text.size()) +
                               " bytes, more than the limit of " + std::to_string(options_.max_document_bytes)));
    }
    const long long bad = FindInvalidUtf8(doc.text);
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
    if (content.empty()) return Bad(MakeError(ErrorCode::kInvalidInput, origin, 0, "file is empty"));
    Document doc;
    doc.id = id;
    doc.text = std::move(content);
    doc.origin = origin;
    return Add(std::move(doc), origin, 0, 0);
  }

  bool Jsonl(const std::string& content, const std::string& origin);

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

bool Reader::Jsonl(const std::string& content, const std::string& origin) {
  const std::string stem = std::filesystem::path(origin).stem().string();
  size_t start = 0;
  int line = 0;
  while (start < content.size()) {
    ++line;
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    std::string text = content.substr(start, end - start);
    const size_t line_start = start;
    start = end + 1;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    if (text.size() > options_.max_document_bytes + 4096) {
      if (!Bad(MakeError(ErrorCode::kInvalidInput, origin, line,
                         "line has " + std::to_string(text.size()) + " bytes, more than the document limit of " +
                             std::to_string(options_.max_document_bytes)))) {
        return false;
      }
      continue;
    }
    const long long bad = FindInvalidUtf8(text);
    if (bad >= 0 && !options_.lossy) {
      Error e = MakeError(ErrorCode::kInvalidUtf8, origin, line,
                          "invalid UTF-8 at byte " + std::to_string(line_start + static_cast<size_t>(bad)));
      e.location.byte_offset = static_cast<long long>(line_start) + bad;
      if (!Bad(std::move(e))) return false;
      continue;
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
    rapidjson::Document json;
    json.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
    auto fail = [&](Error e) { return Bad(std::move(e)); };
    if (json.HasParseError()) {
      Error e = MakeError(ErrorCode::kInvalidInput, origin, line,
                          std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()));
      e.location.column = static_cast<int>(json.GetErrorOffset()) + 1;
      if (!fail(std::move(e))) return false;
      continue;
    }
    std::string problem;
    if (!json.IsObject()) {
      problem = "a JSONL line must be a JSON object";
    } else if (!json.HasMember("text")) {
      problem = "document has no \"text\"";
    } else if (!json["text"].IsString()) {
      problem = "\"text\" is not a string";
    } else if (json.HasMember("id") && !json["id"].IsString() && !json["id"].IsInt64()) {
      problem = "\"id\" is not a string or an integer";
    }
    if (!problem.empty()) {
      if (!fail(MakeError(ErrorCode::kInvalidInput, origin, line, problem))) return false;
      continue;
    }
    Document doc;
    doc.text.assign(json["text"].GetString(), json["text"].GetStringLength());
    if (json.HasMember("id")) {
      doc.id = json["id"].IsString() ? std::string(json["id"].GetString(), json["id"].GetStringLength())
                                     : std::to_string(json["id"].GetInt64());
    } else {
      doc.id = stem + ":" + std::to_string(line);
    }
    if (doc.id.empty()) {
      if (!fail(MakeError(ErrorCode::kInvalidInput, origin, line, "\"id\" is empty"))) return false;
      continue;
    }
    for (auto [key, field] : {std::pair{"title", &doc.title}, std::pair{"date", &doc.date},
                              std::pair{"url", &doc.url}, std::pair{"lang", &doc.lang}}) {
      if (json.HasMember(key) && json[key].IsString()) field->assign(json[key].GetString(), json[key].GetStringLength());
    }
    doc.origin = origin + ":" + std::to_string(line);
    if (!Add(std::move(doc), origin, line, static_cast<long long>(line_start))) return false;
  }
  return true;
}

bool ReadPath(Reader* reader, const std::filesystem::path& path) {
  Result<std::string> content = ReadFile(path.string());
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

Result<std::vector<Document>> ParseJsonl(const std::string& content, const std::string& origin) {
  const ReadOptions strict;
  Reader reader(strict);
  reader.Jsonl(content, origin);
  Result<ReadResult> r = reader.Finish();
  if (!r.ok()) return r.status();
  return std::move(r->documents);
}

Result<ReadResult> ReadDocuments(const std::string& input, const ReadOptions& options) {
  namespace fs = std::filesystem;
  Reader reader(options);
  if (input == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    reader.Text(ss.str(), "stdin", "<stdin>");
    return reader.Finish();
  }
  std::error_code ec;
  const fs::file_status status = fs::status(input, ec);
  if (ec || !fs::exists(status)) return MakeError(ErrorCode::kIoError, input, 0, "no such file or directory");
  if (!fs::is_directory(status)) {
    Result<std::string> content = ReadFile(input);
    if (!content.ok()) return content.status();
    const fs::path path(input);
    if (path.extension() == ".jsonl") {
      reader.Jsonl(*content, input);
    } else {
      reader.Text(std::move(*content), path.stem().string(), input);
    }
    return reader.Finish();
  }
  std::vector<fs::path> files;
  for (auto it = fs::directory_iterator(input, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if ((ext == ".txt" || ext == ".jsonl") && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return MakeError(ErrorCode::kIoError, input, 0, "cannot read directory: " + ec.message());
  if (files.empty()) return MakeError(ErrorCode::kIoError, input, 0, "directory has no .txt or .jsonl files");
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    if (!ReadPath(&reader, f)) break;
  }
  return reader.Finish();
}

Result<std::vector<Document>> ReadDocuments(const std::string& input) {
  Result<ReadResult> r = ReadDocuments(input, ReadOptions());
  if (!r.ok()) return r.status();
  return std::move(r->documents);
}

}  // namespace claimgraph
