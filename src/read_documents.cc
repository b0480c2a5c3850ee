// SPDX-License-Identifier: Apache-2.0
// Stage 0, read documents: .txt, .jsonl, directories and stdin -> Document.
// UTF-8 is validated here, once; a bad JSONL line is reported with its line
// number.
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

Result<std::vector<Document>> TextDocument(std::string content, const std::string& id,
                                           const std::string& origin) {
  const long long bad = FindInvalidUtf8(content);
  if (bad >= 0) {
    Error e = MakeError(ErrorCode::kInvalidUtf8, origin, 0, "invalid UTF-8 at byte " + std::to_string(bad));
    e.location.byte_offset = bad;
    return e;
  }
  Document doc;
  doc.id = id;
  doc.text = std::move(content);
  doc.origin = origin;
  return std::vector<Document>{std::move(doc)};
}

Result<std::vector<Document>> ReadPath(const std::filesystem::path& path) {
  const std::string ext = path.extension().string();
  Result<std::string> content = ReadFile(path.string());
  if (!content.ok()) return content.status();
  if (ext == ".jsonl") return ParseJsonl(*content, path.string());
  return TextDocument(std::move(*content), path.stem().string(), path.string());
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

Result<std::vector<Document>> ParseJsonl(const std::string& content, const std::string& origin) {
  std::vector<Document> docs;
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
    const long long bad = FindInvalidUtf8(text);
    if (bad >= 0) {
      Error e = MakeError(ErrorCode::kInvalidUtf8, origin, line,
                          "invalid UTF-8 at byte " + std::to_string(line_start + static_cast<size_t>(bad)));
      e.location.byte_offset = static_cast<long long>(line_start) + bad;
      return e;
    }
    rapidjson::Document json;
    json.Parse<rapidjson::kParseIterativeFlag>(text.data(), text.size());
    if (json.HasParseError()) {
      Error e = MakeError(ErrorCode::kInvalidInput, origin, line,
                          std::string("malformed JSON: ") + rapidjson::GetParseError_En(json.GetParseError()));
      e.location.column = static_cast<int>(json.GetErrorOffset()) + 1;
      return e;
    }
    if (!json.IsObject()) {
      return MakeError(ErrorCode::kInvalidInput, origin, line, "a JSONL line must be a JSON object");
    }
    if (!json.HasMember("text")) {
      return MakeError(ErrorCode::kInvalidInput, origin, line, "document has no \"text\"");
    }
    if (!json["text"].IsString()) {
      return MakeError(ErrorCode::kInvalidInput, origin, line, "\"text\" is not a string");
    }
    Document doc;
    doc.text.assign(json["text"].GetString(), json["text"].GetStringLength());
    if (json.HasMember("id")) {
      if (json["id"].IsString()) {
        doc.id = json["id"].GetString();
      } else if (json["id"].IsInt64()) {
        doc.id = std::to_string(json["id"].GetInt64());
      } else {
        return MakeError(ErrorCode::kInvalidInput, origin, line, "\"id\" is not a string or an integer");
      }
    } else {
      doc.id = stem + ":" + std::to_string(line);
    }
    if (doc.id.empty()) return MakeError(ErrorCode::kInvalidInput, origin, line, "\"id\" is empty");
    for (auto [key, field] : {std::pair{"title", &doc.title}, std::pair{"date", &doc.date},
                              std::pair{"url", &doc.url}, std::pair{"lang", &doc.lang}}) {
      if (json.HasMember(key) && json[key].IsString()) field->assign(json[key].GetString(), json[key].GetStringLength());
    }
    // JSON escapes can encode lone surrogates; RapidJSON rejects those, but
    // check the decoded text anyway.
    const long long bad_text = FindInvalidUtf8(doc.text);
    if (bad_text >= 0) {
      return MakeError(ErrorCode::kInvalidUtf8, origin, line,
                       "\"text\" decodes to invalid UTF-8 at byte " + std::to_string(bad_text));
    }
    doc.origin = origin + ":" + std::to_string(line);
    docs.push_back(std::move(doc));
  }
  return docs;
}

Result<std::vector<Document>> ReadDocuments(const std::string& input) {
  namespace fs = std::filesystem;
  if (input == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return TextDocument(ss.str(), "stdin", "<stdin>");
  }
  std::error_code ec;
  const fs::file_status status = fs::status(input, ec);
  if (ec || !fs::exists(status)) return MakeError(ErrorCode::kIoError, input, 0, "no such file or directory");
  if (!fs::is_directory(status)) return ReadPath(input);
  std::vector<fs::path> files;
  for (auto it = fs::directory_iterator(input, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string ext = it->path().extension().string();
    if ((ext == ".txt" || ext == ".jsonl") && it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) return MakeError(ErrorCode::kIoError, input, 0, "cannot read directory: " + ec.message());
  if (files.empty()) return MakeError(ErrorCode::kIoError, input, 0, "directory has no .txt or .jsonl files");
  std::sort(files.begin(), files.end());
  std::vector<Document> docs;
  for (const fs::path& f : files) {
    Result<std::vector<Document>> part = ReadPath(f);
    if (!part.ok()) return part.status();
    for (Document& d : *part) docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace claimgraph
