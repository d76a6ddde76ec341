// JSON Lines documents: one JSON object per line, `id` and `text` (strings) required, `date`,
// `title` and `url` (strings) optional; other fields are ignored.
//
// Thread-safety: pure function.
#ifndef PARLEY_EXTRACT_JSONL_H_
#define PARLEY_EXTRACT_JSONL_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace parley {

struct JsonlRecord {
  std::string id;
  std::string text;
  std::string date;  // as written; empty when absent
  std::string title;
  std::string url;
};

// Parses one line (without its line break). Errors (InvalidArgument, message without the
// path and line number, which the caller adds): "malformed JSON at column 7: <reason>" (the
// reason quotes at most 200 bytes of the line), "not a JSON object", "missing field \"text\"",
// "field \"id\" is not a string", "field \"id\" is empty", "field \"id\" holds a NUL
// character", "field \"id\" is 5000 bytes long; ids may be at most 4096" (kMaxIdBytes),
// "text holds NUL characters".
// REQUIRES: `line` is valid UTF-8.
Result<JsonlRecord> ParseJsonlRecord(std::string_view line);

namespace internal {

// ParseJsonlRecord without its fast path for well-formed lines: the reference its result must
// equal on every line (tests compare the two), and what it falls back to.
Result<JsonlRecord> ParseJsonlRecordWithNlohmann(std::string_view line);

}  // namespace internal

}  // namespace parley

#endif  // PARLEY_EXTRACT_JSONL_H_
