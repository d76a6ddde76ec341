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

// Normalised text with its map back to the original, per byte of `text`:
//   Offset(i): the byte offset in the original of the character text[i] came from (a character
//     copied verbatim maps byte for byte; a replaced or expanded one maps every output byte to
//     its first original byte). Offset(text.size()) is the end of the last character's range.
//   Begin(i), End(i): the original range the character covers, widened by markup dropped right
//     before it (Begin) or right after it (End). Lets a caller cut a unit whose original range
//     also holds its enclosing markup ("**Note.**", "[text](url)").
// The map is held as pieces, runs of output bytes that map alike (a run of plain bytes copied
// verbatim is one piece), not as arrays of 4 bytes per byte: callers read it at a unit's two
// ends, and the whole of it only on request (AppendOffsets).
struct NormalizedText {
  // Output bytes [at, at + size) and how they map.
  struct Piece {
    enum class Kind : uint8_t {
      kRun,          // bytes copied verbatim, one to one
      kCharacter,    // one character's bytes copied verbatim
      kReplacement,  // the replacement of one character (or reference): every byte maps to `from`
    };
    uint32_t at = 0;
    uint32_t size = 0;
    uint32_t from = 0;      // Offset of the first byte
    uint32_t first = 0;     // Begin of the first byte (of every byte but in a kRun)
    uint32_t last_end = 0;  // End of the last byte (of every byte but in a kRun)
    Kind kind = Kind::kRun;
  };

  std::string text;
  std::vector<Piece> pieces;  // by `at`, covering `text`
  uint32_t end_offset = 0;    // Offset(text.size())

  // REQUIRES: i <= text.size().
  uint32_t Offset(size_t i) const;
  // REQUIRES: i < text.size().
  uint32_t Begin(size_t i) const;
  uint32_t End(size_t i) const;
  // Appends Offset(i) for i in [b, e) to *out. REQUIRES: b <= e <= text.size().
  void AppendOffsets(size_t b, size_t e, std::vector<uint32_t>* out) const;
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

namespace internal {

// The end of the run of bytes that normalisation copies verbatim, as one piece, from s[j, end):
// the first position k >= j whose byte is not plain for `syntax` (white space, a byte of a
// multi-byte character, and with kMarkdown a byte that may start markup: \ > ` * _ ! [ ] < &),
// unless it is a ' ' followed, before `end`, by a plain byte; `end` when there is none.
// REQUIRES: j <= end <= s.size().
uint32_t PlainRunEnd(std::string_view s, uint32_t j, uint32_t end, TextSyntax syntax);

}  // namespace internal

}  // namespace parley

#endif  // PARLEY_EXTRACT_NORMALIZE_H_
