// SPDX-License-Identifier: Apache-2.0
// Output plumbing: format by extension, and atomic file writes (temporary
// file in the same directory, fsync, rename), so a failed or interrupted run
// never leaves a half-written output file.
#include "claimgraph/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace claimgraph {

Result<GraphFormat> FormatFromPath(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".json") return GraphFormat::kJson;
  if (ext == ".graphml") return GraphFormat::kGraphml;
  if (ext == ".dot" || ext == ".gv") return GraphFormat::kDot;
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.location.file = path;
  e.message = "unknown output format \"" + ext + "\" (expected .json, .graphml or .dot)";
  return e;
}

std::string WriteGraph(const Graph& graph, GraphFormat format) {
  switch (format) {
    case GraphFormat::kJson: return WriteJson(graph);
    case GraphFormat::kGraphml: return WriteGraphml(graph);
    case GraphFormat::kDot: return WriteDot(graph);
  }
  return WriteJson(graph);
}

Status WriteFileAtomic(const std::string& path, const std::string& content) {
  auto fail = [&](const std::string& what) {
    Error e;
    e.code = ErrorCode::kIoError;
    e.location.file = path;
    e.message = what + ": " + std::strerror(errno);
    return Status(e);
  };
  std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return fail("cannot create a temporary file next to the output");
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = fail("cannot write output");
      ::close(fd);
      ::unlink(tmpl.c_str());
      return s;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Status s = fail("cannot flush output");
    ::unlink(tmpl.c_str());
    return s;
  }
  // mkstemp creates 0600; give the file the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmpl.c_str(), 0666 & ~mask);
  if (std::rename(tmpl.c_str(), path.c_str()) != 0) {
    Status s = fail("cannot rename the temporary file to the output");
    ::unlink(tmpl.c_str());
    return s;
  }
  return Status();
}

}  // namespace claimgraph
