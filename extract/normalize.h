// Normalisation for matching: turns a range of a document's stored text into the text the rules
// see, with a map from every normalised byte back to the original bytes.
//
// What changes (all formats): curly quotes become straight (' and "), dashes (hyphen, en, em,
// figure dash, minus) become '-', the ellipsis character becomes "...", ligatures (U+FB00..
// U+FB06) are expanded, zero-width characters and soft hyphens are dropped, and every run of
// white space (ASCII, NBSP, the U+2000 block, line breaks) becomes one ' '; the result is
// trimmed. With TextSyntax::kMarkdown, inline markup is removed as well: emphasis and code
// delimiters, link and image syntax ([text](url) keeps "text"), inline HTML tags and comments,
// backslash escapes, '>' quote markers at line starts; HTML character references are decoded.
// Block structure (headings, list markers, front matter) is the caller's business
// (extract/prepare.h).
//
// The mapping is local: normalising a sub-range that starts and ends on character boundaries
// of a unit gives that unit's text (tests check this for every unit of the corpus).
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_NORMALIZE_H_
#define PARLEY_EXTRACT_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

enum class TextSyntax { kPlain, kMarkdown };

// Normalised text with its map back to the original.
struct NormalizedText {
  std::string text;
  // offsets[i]: byte offset in the original of the character text[i] came from (a character
  // copied verbatim maps byte for byte; a replaced or expanded one maps every output byte to its
  // first original byte). size() == text.size() + 1; the last entry is `end_offset`.
  std::vector<uint32_t> offsets;
  // Per byte of `text`: the original range the character covers, widened by markup dropped
  // right before it (begins) or right after it (ends). Lets a caller cut a unit whose original
  // range also holds its enclosing markup ("**Note.**", "[text](url)").
  std::vector<uint32_t> begins;
  std::vector<uint32_t> ends;
};

// Normalises original[begin, end).
// REQUIRES: begin <= end <= original.size() < 2^32; `original` is valid UTF-8 (invalid bytes
// are copied as they are and map like any other byte).
NormalizedText NormalizeForMatching(std::string_view original, uint32_t begin, uint32_t end,
                                    TextSyntax syntax);

// The same into *out, reusing its buffers (callers normalising many ranges allocate once).
// REQUIRES: as above; out != nullptr. *out's previous contents are replaced.
void NormalizeForMatching(std::string_view original, uint32_t begin, uint32_t end,
                          TextSyntax syntax, NormalizedText* out);

// True for the code points normalisation turns into white space.
bool IsNormalizedSpace(char32_t cp);

}  // namespace parley

#endif  // PARLEY_EXTRACT_NORMALIZE_H_
