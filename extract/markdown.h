// Markdown documents: the YAML front matter that carries their metadata.
//
// Front matter is a block at the very top of the file between a "---" line and the next "---"
// (or "...") line. parley reads the subset of YAML such blocks use in practice: top-level
// "key: value" pairs whose value is a plain, single-quoted or double-quoted scalar (with YAML's
// escapes, "\u2019", "\xE9", "\_" for NBSP, and line folding) or a "|" / ">" block scalar.
// Nested mappings and sequences are skipped. Inline Markdown syntax is handled by
// extract/normalize.h, block structure by extract/prepare.h.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_MARKDOWN_H_
#define PARLEY_EXTRACT_MARKDOWN_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace parley {

struct FrontMatter {
  bool present = false;  // the text starts with a terminated front matter block
  // Byte offset of the first byte after the closing "---" line (0 when there is none).
  size_t body_offset = 0;
  // Top-level scalar values by key, e.g. {"date": "2021-03-12", "title": "Fact Sheet: ..."}.
  // Values are valid UTF-8 when the input is.
  std::map<std::string, std::string> fields;
};

// Parses the front matter at the start of `text` (a BOM must already be stripped). A text
// without one, whose block is never closed, or whose block holds no "key: value" field (a
// thematic break, then text, then another) yields present == false. Front matter is read in
// every format: a .txt file may carry one too.
FrontMatter ParseFrontMatter(std::string_view text);

// The value a YAML double-quoted scalar's content (the bytes between its quotes) stands for:
// escapes decoded ("\u2019" is U+2019, "\xE9" U+00E9, "\_" NBSP, "\\" a backslash, an unknown
// "\c" the character c), line breaks folded to a space (a blank line to '\n'), an escaped line
// break (a "\" ending a line) joining the lines without one. A "\" ending the content (a value
// cut after the first line of a folded scalar, as some corpora copy titles) is dropped. The one
// decoder of these escapes: front matter uses it, and the document reader uses it on titles
// that record formats carry still escaped (extract/document_reader.h).
std::string UnescapeDoubleQuoted(std::string_view raw);

}  // namespace parley

#endif  // PARLEY_EXTRACT_MARKDOWN_H_
