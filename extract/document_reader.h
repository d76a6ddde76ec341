// DocumentReader: turns the inputs a user names (files, directories, "-" for stdin) into a
// stream of Documents, one at a time, in a deterministic order (arguments in the order given,
// directory entries sorted by path), so memory stays bounded however large the corpus is.
//
// Formats: plain text, Markdown (with optional YAML front matter), HTML and JSON Lines (one
// document per line), detected by extension and content unless ReaderOptions::input_format
// says otherwise. Text is decoded to valid UTF-8 (invalid bytes become U+FFFD and are counted
// in a warning), a BOM is dropped, and the document date is filled in from metadata, a dateline
// or the text (DocumentInfo::date_source says which). Titles have their white space collapsed;
// a JSON Lines title that still holds YAML double-quoted escapes (a corpus that copied front
// matter titles without decoding them: "President\_Biden\u2019s Call with\") is decoded the
// way its front matter would have been (UnescapeDoubleQuoted, extract/markdown.h).
//
// Bad inputs never stop the stream: a binary file, a file over max_doc_bytes, an unreadable
// file or a malformed JSONL line produces one warning naming it (path, and line for JSONL) and
// is skipped. Only problems with the request itself (a named path that does not exist, a bad
// glob or format name) are errors.
//
// Thread-safety: a reader is used by one thread at a time.
#ifndef PARLEY_EXTRACT_DOCUMENT_READER_H_
#define PARLEY_EXTRACT_DOCUMENT_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/types.h"

namespace parley {

struct ReaderOptions {
  // Glob patterns (fnmatch, matched against the path relative to a named directory) a file
  // inside a directory must match to be read. Default: empty = every file.
  std::vector<std::string> include;
  // Glob patterns that exclude files inside directories. Default: empty.
  std::vector<std::string> exclude;
  // "auto" (default), "text", "markdown", "html" or "jsonl".
  std::string input_format = "auto";
  // Documents larger than this are skipped with a warning. Extracting a document holds about
  // 30 MB plus 5 times its size (README.md, "Memory"). Default: 16 MiB.
  uint64_t max_doc_bytes = 16ull << 20;
  // When non-empty, an ISO date used as every document's date (source "metadata").
  std::string date;
  // Receives every warning as a full line, e.g.
  // "data/x.bin: warning: binary file (NUL bytes); skipped". Default: discard.
  std::function<void(const std::string&)> warn;
};

class DocumentReader {
 public:
  // Validates the options and that every named input exists.
  // Errors: InvalidArgument (bad option), NotFound (an input path that does not exist).
  static Result<std::unique_ptr<DocumentReader>> Open(std::vector<std::string> inputs,
                                                      ReaderOptions options);
  virtual ~DocumentReader() = default;

  // The next document, or nullopt when all inputs are read. Skipped inputs only warn.
  // Errors: IoError when stdin or an already-open file fails mid-read.
  virtual Result<std::optional<Document>> Next() = 0;

  // Input bytes consumed so far (for progress reporting).
  virtual uint64_t bytes_read() const = 0;
  // Total input bytes when knowable up front (files), else 0.
  virtual uint64_t bytes_total() const = 0;

  // What was skipped so far, each with its warning: whole files (unreadable, binary, empty,
  // over max_doc_bytes) and JSON Lines records (malformed, a bad id, over max_doc_bytes).
  virtual uint64_t skipped_files() const { return 0; }
  virtual uint64_t skipped_records() const { return 0; }
  // Files named as inputs (not found inside a directory) that could not be read: the command
  // reads the rest, then fails (exit code 3), so a typo or a permission never passes as done.
  virtual uint64_t unreadable_named() const { return 0; }
};

}  // namespace parley

#endif  // PARLEY_EXTRACT_DOCUMENT_READER_H_
