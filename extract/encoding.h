// Input decoding: raw bytes -> valid UTF-8 text, and the test that keeps binary files away
// from the rules.
//
// Decoding drops a leading UTF-8 byte-order mark and replaces every byte that is not part of a
// valid UTF-8 sequence with U+FFFD (one replacement per invalid byte, as base/text.h DecodeUtf8
// reads them), counting them so the reader can warn. Line endings are kept as they are (CRLF
// stays CRLF): spans into the stored text are then spans into the file minus the BOM.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_ENCODING_H_
#define PARLEY_EXTRACT_ENCODING_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

struct DecodedText {
  std::string text;          // valid UTF-8
  size_t invalid_bytes = 0;  // input bytes replaced with U+FFFD
  bool had_bom = false;      // a UTF-8 BOM was dropped
};

// Decodes `bytes` as described above. Runs in linear time; copies only when needed.
DecodedText DecodeText(std::string_view bytes);

// Why `bytes` (the whole input or its first few kilobytes) is not text, or nullopt when it is:
// a format parley does not read, known by its magic number ("a PDF document (convert it to
// text first, e.g. with pdftotext), not text (...)"; PNG, JPEG, GIF, ZIP/office, old office),
// "binary file (NUL bytes)", "UTF-16 text (convert it to UTF-8)" or "binary file (mostly
// non-text bytes)" (more than 10% control characters or invalid UTF-8 in the first 64 KB).
std::optional<std::string> NotTextReason(std::string_view bytes);

}  // namespace parley

#endif  // PARLEY_EXTRACT_ENCODING_H_
