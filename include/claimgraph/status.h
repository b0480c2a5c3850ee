// SPDX-License-Identifier: Apache-2.0
// Errors and value-or-error results. No exception crosses the public API:
// every fallible function returns a Status or a Result<T>.
#ifndef CLAIMGRAPH_CLAIMGRAPH_STATUS_H_
#define CLAIMGRAPH_CLAIMGRAPH_STATUS_H_

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace claimgraph {

// What went wrong, coarse enough for callers to branch on.
enum class ErrorCode {
  kOk = 0,
  kIoError,         // a file could not be opened, read or written
  kInvalidUtf8,     // input text is not valid UTF-8
  kInvalidInput,    // a malformed document (JSONL line, missing "text", ...)
  kInvalidRules,    // a rule file failed validation
  kInvalidArgument, // a bad option value (unknown output format, ...)
  kCancelled,       // the caller cancelled the run (a signal, Ctrl-C)
  kInternal,        // a bug in claimgraph; please report it
};

// Returns a stable lower-case name for `code`, e.g. "invalid-utf8".
const char* ErrorCodeName(ErrorCode code);

// A position in a user's file: 1-based line and column (columns count code
// points). line == 0 means "the whole file"; byte_offset is set where a line
// number does not apply (raw text input).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::optional<long long> byte_offset;
};

// One error or warning, formatted compiler-style by ToString():
//   rules/patterns/ko.json:12:5: error: unknown entity type "Org" [ko.person.title]
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  SourceLocation location;
  std::string rule_id;   // the rule involved, if any
  bool warning = false;  // a warning does not fail the operation

  std::string ToString() const;
};

// Success or one or more errors (rule validation reports all problems).
class Status {
 public:
  Status() = default;
  Status(Error error) { errors_.push_back(std::move(error)); }  // NOLINT: implicit by design
  explicit Status(std::vector<Error> errors) : errors_(std::move(errors)) {}

  bool ok() const { return errors_.empty(); }
  ErrorCode code() const { return ok() ? ErrorCode::kOk : errors_.front().code; }
  const std::vector<Error>& errors() const { return errors_; }
  // All errors, one per line.
  std::string ToString() const;

 private:
  std::vector<Error> errors_;
};

// A value or a non-ok Status.
//
// Usage:
//   Result<RulePack> pack = RulePack::Load("rules/");
//   if (!pack.ok()) { std::cerr << pack.status().ToString(); return 1; }
//   const RulePack& rules = *pack;
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}           // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}   // NOLINT
  Result(Error error) : status_(std::move(error)) {}      // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace claimgraph

#endif  // CLAIMGRAPH_CLAIMGRAPH_STATUS_H_
