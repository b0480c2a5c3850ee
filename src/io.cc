// SPDX-License-Identifier: Apache-2.0
// Output plumbing: format by extension or name, and atomic writes of a file
// (temporary file in the same directory, fsync, rename) or of a directory
// of files (temporary directory next to it, rename), so a failed or
// interrupted run never leaves a half-written output.
#include "claimgraph/io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <system_error>

namespace claimgraph {

const std::vector<FormatInfo>& Formats() {
  static const std::vector<FormatInfo> formats = {
      {GraphFormat::kJson, "json", {".json"}, "node-link JSON (the output contract)", true, false, true},
      {GraphFormat::kGraphml, "graphml", {".graphml"}, "GraphML (Gephi, yEd, networkx, igraph)", true,
       false, true},
      {GraphFormat::kDot, "dot", {".dot", ".gv"}, "Graphviz DOT (labels, types and relations)", true, false, true},
      {GraphFormat::kHtml, "html", {".html", ".htm"}, "one self-contained interactive page", true, false, false},
      {GraphFormat::kGexf, "gexf", {".gexf"}, "GEXF 1.2 (Gephi)", true, false, false},
      {GraphFormat::kCyjs, "cyjs", {".cyjs"}, "Cytoscape.js JSON (Cytoscape desktop)", true, false, false},
      {GraphFormat::kNeo4jCsv, "neo4j", {}, "CSV files for neo4j-admin database import", true, true,
       false},
      {GraphFormat::kJsonLines, "jsonl", {".jsonl"}, "JSON lines of partial graphs (claimgraph extract)", false, false,
       true},
  };
  return formats;
}

const FormatInfo& FormatInfoOf(GraphFormat format) {
  for (const FormatInfo& f : Formats()) {
    if (f.format == format) return f;
  }
  return Formats().front();
}

namespace {

// "a, b, c or d" of the output formats' names, or of their single-file
// extensions.
std::string JoinOutputs(bool extensions) {
  std::vector<std::string> items;
  for (const FormatInfo& f : Formats()) {
    if (!f.output) continue;
    if (!extensions) items.push_back(f.name);
    if (extensions && !f.directory) items.push_back(f.extensions.front());
  }
  std::string s;
  for (size_t i = 0; i < items.size(); ++i) s += (i == 0 ? "" : i + 1 == items.size() ? " or " : ", ") + items[i];
  return s;
}

}  // namespace

std::string OutputFormatNames() { return JoinOutputs(false); }
std::string OutputExtensions() { return JoinOutputs(true); }

Result<GraphFormat> FormatFromPath(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  for (const FormatInfo& f : Formats()) {
    if (!f.output || f.directory) continue;
    for (const char* e : f.extensions) {
      if (ext == e) return f.format;
    }
  }
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.location.file = path;
  e.message = "unknown output format \"" + ext + "\" (expected " + OutputExtensions() +
              "; for Neo4j CSV use --format neo4j -o DIR)";
  return e;
}

Result<GraphFormat> FormatFromName(const std::string& name) {
  for (const FormatInfo& f : Formats()) {
    if (f.output && name == f.name) return f.format;
  }
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.message = "unknown format \"" + name + "\" (expected " + OutputFormatNames() + ")";
  return e;
}

std::string WriteGraph(const Graph& graph, GraphFormat format) {
  switch (format) {
    case GraphFormat::kJson: return WriteJson(graph);
    case GraphFormat::kGraphml: return WriteGraphml(graph);
    case GraphFormat::kDot: return WriteDot(graph);
    case GraphFormat::kHtml: return WriteHtml(graph, HtmlOptions());
    case GraphFormat::kGexf: return WriteGexf(graph);
    case GraphFormat::kCyjs: return WriteCyjs(graph);
    case GraphFormat::kNeo4jCsv:
    case GraphFormat::kJsonLines: return "";
  }
  return "";
}

namespace {

// An I/O error on `path`: `what` failed, and errno says why.
Status IoError(const std::string& path, const std::string& what) {
  Error e;
  e.code = ErrorCode::kIoError;
  e.location.file = path;
  e.message = what + ": " + std::strerror(errno);
  return Status(e);
}

}  // namespace

Status WriteFileAtomic(const std::string& path, const std::string& content) {
  return WriteFileAtomic(path, [&](std::FILE* out) {
    return content.empty() || std::fwrite(content.data(), 1, content.size(), out) == content.size();
  });
}

namespace {

// Writes to an existing file that is not a regular one (a character
// device such as /dev/null or /dev/stdout, a FIFO, a socket) directly:
// renaming a file over it would replace the device with a plain file.
Status WriteSpecial(const std::string& path, const std::function<bool(std::FILE*)>& write) {
  std::FILE* out = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (out == nullptr) return IoError(path, "cannot open output");
  errno = 0;
  const bool written = write(out) && std::fflush(out) == 0 && !std::ferror(out);
  if (!written && errno == 0) errno = EIO;
  Status s = written ? Status() : IoError(path == "-" ? "stdout" : path, "cannot write output");
  if (out != stdout && std::fclose(out) != 0 && s.ok()) s = IoError(path, "cannot flush output");
  return s;
}

// The file a path names after its symbolic links (the link's target is
// what a user means to replace); the path itself when it is no link.
// Resolves the last component only, hop by hop, so a dangling link gives
// the file to create.
Result<std::string> FollowLinks(const std::string& path) {
  std::filesystem::path p(path);
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st;
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p.string();
    std::error_code ec;
    const std::filesystem::path to = std::filesystem::read_symlink(p, ec);
    if (ec) {
      errno = ec.value();
      return IoError(path, "cannot read the symbolic link");
    }
    p = to.is_absolute() ? to : p.parent_path() / to;
  }
  errno = ELOOP;
  return IoError(path, "cannot follow the output's symbolic links");
}

// A stream over a file descriptor that asks the kernel to start writing
// each few megabytes to disk as soon as they are written (sync_file_range,
// which only starts the writeback; the fsync before the rename still
// decides): the final fsync then waits for the last few megabytes, not
// for the whole output at once.
class WritebackFile {
 public:
  // The stream, or null (errno set); it owns `fd` from then on.
  static std::FILE* Open(int fd) {
    auto* file = new WritebackFile(fd);
    std::FILE* out = ::fopencookie(file, "wb", {nullptr, &Write, nullptr, &Close});
    if (out == nullptr) delete file;
    return out;
  }

 private:
  static constexpr size_t kStep = size_t{8} << 20;

  explicit WritebackFile(int fd) : fd_(fd) {}

  static ssize_t Write(void* cookie, const char* data, size_t size) {
    auto* file = static_cast<WritebackFile*>(cookie);
    size_t done = 0;
    while (done < size) {
      // In steps, so that a large write is on its way to disk while the
      // rest is copied.
      const size_t step = std::min(size - done, kStep - file->unsynced_);
      const ssize_t n = ::write(file->fd_, data + done, step);
      if (n < 0) {
        if (errno == EINTR) continue;
        return static_cast<ssize_t>(done);  // short: the stream's error (errno kept)
      }
      done += static_cast<size_t>(n);
      file->unsynced_ += static_cast<size_t>(n);
      file->offset_ += static_cast<off_t>(n);
      if (file->unsynced_ >= kStep) {
        // (Only a hint: a file system without it still has the fsync.)
        ::sync_file_range(file->fd_, file->offset_ - static_cast<off_t>(file->unsynced_),
                          static_cast<off_t>(file->unsynced_), SYNC_FILE_RANGE_WRITE);
        file->unsynced_ = 0;
      }
    }
    return static_cast<ssize_t>(done);
  }

  static int Close(void* cookie) {
    auto* file = static_cast<WritebackFile*>(cookie);
    const int closed = ::close(file->fd_);
    delete file;
    return closed;
  }

  int fd_;
  off_t offset_ = 0;     // bytes written
  size_t unsynced_ = 0;  // of which the last are not yet handed to writeback
};

// Replaces the regular file (or new path) `real` atomically: a temporary
// file next to it, fsync, rename. Errors name `path`, as the user wrote it.
Status WriteRegularAtomic(const std::string& path, const std::string& real,
                          const std::function<bool(std::FILE*)>& write, const std::function<bool()>& cancelled) {
  auto fail = [&](const std::string& what) { return IoError(path, what); };
  std::filesystem::path target(real);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = mkstemp(tmpl.data());
  if (fd < 0) return fail("cannot create a temporary file next to the output");
  std::FILE* out = WritebackFile::Open(fd);
  if (out == nullptr) {
    Status s = fail("cannot open the temporary file");
    ::close(fd);
    ::unlink(tmpl.c_str());
    return s;
  }
  errno = 0;
  const bool written = write(out) && std::fflush(out) == 0 && !std::ferror(out);
  if (!written) {
    if (errno == 0) errno = EIO;
    Status s = fail("cannot write output");
    std::fclose(out);
    ::unlink(tmpl.c_str());
    return s;
  }
  if (::fsync(fd) != 0) {
    Status s = fail("cannot flush output");
    std::fclose(out);
    ::unlink(tmpl.c_str());
    return s;
  }
  if (std::fclose(out) != 0) {
    Status s = fail("cannot flush output");
    ::unlink(tmpl.c_str());
    return s;
  }
  // mkstemp creates 0600; give the file the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmpl.c_str(), 0666 & ~mask);
  if (cancelled && cancelled()) {
    ::unlink(tmpl.c_str());
    Error e;
    e.code = ErrorCode::kCancelled;
    e.location.file = path;
    e.message = "interrupted while writing; left unchanged";
    return e;
  }
  if (std::rename(tmpl.c_str(), target.c_str()) != 0) {
    Status s = fail("cannot rename the temporary file to the output");
    ::unlink(tmpl.c_str());
    return s;
  }
  return Status();
}

}  // namespace

Status WriteFileAtomic(const std::string& path, const std::function<bool(std::FILE*)>& write) {
  return WriteFileAtomic(path, write, nullptr);
}

Status WriteFileAtomic(const std::string& path, const std::function<bool(std::FILE*)>& write,
                       const std::function<bool()>& cancelled) {
  if (path == "-") return WriteSpecial(path, write);
  // What the path finally names (the kernel follows every link): a device,
  // a FIFO or a socket is written where it is (/dev/stdout, whose links end
  // in a pipe, included).
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) {
      errno = EISDIR;
      return IoError(path, "cannot write output");
    }
    return WriteSpecial(path, write);
  }
  // A regular file, or a new one: the links are followed to the file to
  // replace.
  Result<std::string> followed = FollowLinks(path);
  if (!followed.ok()) return followed.status();
  return WriteRegularAtomic(path, *followed, write, cancelled);
}


Status CheckOutputDirectory(const std::string& dir) {
  std::error_code ec;
  const std::filesystem::file_status st = std::filesystem::status(dir, ec);
  if (!std::filesystem::exists(st)) return Status();
  Error e;
  e.code = ErrorCode::kInvalidArgument;
  e.location.file = dir;
  if (!std::filesystem::is_directory(st)) {
    e.message = "output exists and is not a directory (a directory format writes several files)";
    return e;
  }
  if (!std::filesystem::is_empty(dir, ec) || ec) {
    e.message = "output directory exists and is not empty; refusing to mix new files with old ones "
                "(remove it or name a new directory)";
    return e;
  }
  return Status();
}

Status WriteDirectoryAtomic(const std::string& dir, const std::vector<OutputFile>& files) {
  Status checked = CheckOutputDirectory(dir);
  if (!checked.ok()) return checked;
  auto fail = IoError;
  std::filesystem::path target(dir);
  while (target.has_parent_path() && target.filename().empty()) target = target.parent_path();  // "out/" -> "out"
  std::filesystem::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  std::string tmpl = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  if (::mkdtemp(tmpl.data()) == nullptr) return fail(dir, "cannot create a temporary directory next to the output");
  auto remove_tmp = [&tmpl]() {
    std::error_code ignored;
    std::filesystem::remove_all(tmpl, ignored);
  };
  for (const OutputFile& f : files) {
    Status s = WriteFileAtomic((std::filesystem::path(tmpl) / f.name).string(), f.content);
    if (!s.ok()) {
      remove_tmp();
      return s;
    }
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::chmod(tmpl.c_str(), 0777 & ~mask);
  // rename(2) replaces an empty directory, and fails on a non-empty one, so
  // a directory filled meanwhile by someone else is not overwritten.
  if (std::rename(tmpl.c_str(), target.c_str()) != 0) {
    Status s = fail(dir, "cannot rename the temporary directory to the output");
    remove_tmp();
    return s;
  }
  return Status();
}

}  // namespace claimgraph
