// PrepareDocument: a stored document (base/types.h Document) -> the units the rules match
// against: sentences, headings, list items and short lines, each normalised for matching
// (extract/normalize.h) with its byte span in Document::text (and, on request, a character-exact
// map back).
//
// Stages (extract/README.md has the full story):
//   1. Blocks. Lines are grouped into paragraphs (blank lines end them), headings ("# Title",
//      setext underlines), list items ("- ", "* ", "+ ", "1. ", "1) ", "• ") with their
//      indented continuation lines. Markdown front matter ("---" ... "---" at the top), fenced
//      code, thematic breaks and pipe-table separator rows yield nothing; a table content row
//      ("| a | b |") is a line of its own. Markdown syntax applies to formats "markdown" and
//      "jsonl" (JSONL bodies are Markdown in practice).
//   2. Lines. A paragraph whose lines look hard-wrapped is joined into one segment; a paragraph
//      where more than a third of the lines are short (< 40 bytes) and that has no Markdown
//      hard breaks is a list of lines (menus, bylines, "Pages" / "2"), each line its own
//      segment unless the next starts in lower case or the line ends with a comma. A Markdown
//      hard break (two trailing spaces or a trailing backslash) also ends a segment. Markdown
//      link text ("[West\nVirginia](url)") is never cut.
//   3. Sentences. Each segment is normalised and split (extract/sentences.h); headings are
//      never split. Segments are normalised in pieces of at most 1 MB and units are at most
//      8 KB, so memory stays bounded on pathological input (one 60 MB line).
//   4. Roles. A unit is not relational when it is a heading, a short line (a whole line of at
//      most 6 words without sentence-final punctuation), a title-like line (a whole line of more
//      than 6 words without final punctuation that is mostly capitalised, or that is the
//      document's first unit and has at most 25 words), a list item of at most 3 words without
//      final punctuation, or a repeat of an earlier unit with the same text (repeat_of points
//      at the first).
//
// Thread-safety: pure function.
#ifndef PARLEY_EXTRACT_PREPARE_H_
#define PARLEY_EXTRACT_PREPARE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/types.h"
#include "extract/normalize.h"

namespace parley {

enum class UnitKind { kSentence, kHeading, kListItem, kShortLine };

// "sentence", "heading", "list_item", "short_line".
std::string_view UnitKindName(UnitKind kind);

struct PreparedSentence {
  Span byte_span;    // the unit's range in Document::text (bytes), trimmed; includes markup
                     // enclosing its first and last characters ("**Note.**", "[text](url)")
  std::string text;  // normalised for matching (extract/normalize.h)
  // With PrepareOptions::offsets: offsets[i] = byte offset in Document::text of the character
  // text[i] came from; size == text.size() + 1, the last entry is byte_span.end. Empty
  // otherwise.
  std::vector<uint32_t> offsets;
  UnitKind kind = UnitKind::kSentence;
  // The paragraph the unit belongs to: units of one segment of stage 2 (a paragraph, a heading,
  // a list item, a table row, one line of a list of lines) share it. Non-decreasing in document
  // order; only order and equality are meaningful (segments that yield no unit leave gaps).
  uint32_t paragraph = 0;
  bool relational = true;  // see stage 4 above
  int32_t repeat_of = -1;  // index of the earlier unit with the same text, or -1
};

struct PreparedDocument {
  std::vector<PreparedSentence> sentences;  // in document order
};

struct PrepareOptions {
  // Fill PreparedSentence::offsets, a character-exact map back to Document::text. It costs 4
  // bytes per byte of text; extraction needs only each unit's byte_span. Default: false.
  bool offsets = false;
};

// Splits Document::text (stored text, valid UTF-8) into units. Document::info.format selects
// the syntax ("markdown" and "jsonl": Markdown; anything else: plain text). Pure; no clock.
// REQUIRES: document.text.size() < 2^32.
PreparedDocument PrepareDocument(const Document& document, const PrepareOptions& options = {});

// The syntax PrepareDocument applies for a DocumentInfo::format value.
TextSyntax SyntaxForFormat(std::string_view format);

}  // namespace parley

#endif  // PARLEY_EXTRACT_PREPARE_H_
