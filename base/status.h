// Status and Result<T>: how every fallible function in parley reports failure.
//
// A Status is either OK or a (code, message) pair. The message is written for the person who
// has to fix the problem and carries its context: a path with line and column, a rule id, a
// document id. Result<T> holds either a T or a non-OK Status. Both are [[nodiscard]].
//
// parley does not throw across module boundaries: exceptions from the standard library,
// Boost, RocksDB or JSON parsers are caught in the .cc that calls them and turned into a Status.
//
// Thread-safety: Status and Result are values; distinct objects may be used from any thread.
#ifndef PARLEY_BASE_STATUS_H_
#define PARLEY_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parley {

// The most specific code wins; callers branch on codes, people read messages.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad input from the user: a flag, a pattern, a rule file, a document
  kNotFound,            // a file, entity, document or command that does not exist
  kAlreadyExists,       // creating something that is there already
  kFailedPrecondition,  // the system is not in a state to do this (e.g. not a parley store)
  kOutOfRange,          // a value outside what is supported (e.g. a store of a newer format)
  kResourceExhausted,   // a size or memory budget was exceeded (RE2 program, document size)
  kUnavailable,         // the resource is held by someone else (a store another process writes)
  kDataLoss,            // stored data is corrupt or truncated
  kIoError,             // the operating system refused a read or write
  kInternal,            // a bug in parley
};

// Returns the lower_snake_case name of `code`, e.g. "invalid_argument".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  // An OK status.
  Status() = default;
  // REQUIRES: code != kOk, or message is empty.
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid_argument: <message>", or "ok".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>"; OK stays OK.
  Status WithContext(std::string_view prefix) const;

  // Marks a status as deliberately ignored.
  void IgnoreError() const {}

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

Status InvalidArgumentError(std::string message);
Status NotFoundError(std::string message);
Status AlreadyExistsError(std::string message);
Status FailedPreconditionError(std::string message);
Status OutOfRangeError(std::string message);
Status ResourceExhaustedError(std::string message);
Status UnavailableError(std::string message);
Status DataLossError(std::string message);
Status IoError(std::string message);
Status InternalError(std::string message);

// Either a value of type T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  // Implicit on purpose, so `return value;` and `return SomeError(...);` both read naturally.
  Result(T value) : rep_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  // REQUIRES: !status.ok().
  Result(Status status) : rep_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(rep_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(rep_); }

  // OK when a value is held.
  Status status() const { return ok() ? Status() : std::get<Status>(rep_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(rep_); }
  const T& value() const& { return std::get<T>(rep_); }
  T&& value() && { return std::get<T>(std::move(rep_)); }

  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The value, or `fallback` when this holds an error.
  T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, Status> rep_;
};

}  // namespace parley

#define PARLEY_INTERNAL_CONCAT2(a, b) a##b
#define PARLEY_INTERNAL_CONCAT(a, b) PARLEY_INTERNAL_CONCAT2(a, b)

// Returns from the enclosing function when `expr` (a Status) is not OK.
#define PARLEY_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::parley::Status parley_status_ = (expr);        \
    if (!parley_status_.ok()) return parley_status_; \
  } while (false)

// `lhs = value of rexpr (a Result<T>)`, or returns its Status from the enclosing function.
#define PARLEY_ASSIGN_OR_RETURN(lhs, rexpr) \
  PARLEY_INTERNAL_ASSIGN_OR_RETURN(PARLEY_INTERNAL_CONCAT(parley_result_, __LINE__), lhs, rexpr)
#define PARLEY_INTERNAL_ASSIGN_OR_RETURN(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                                     \
  if (!tmp.ok()) return tmp.status();                     \
  lhs = std::move(tmp).value()

#endif  // PARLEY_BASE_STATUS_H_
