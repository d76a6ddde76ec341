// Small pure text helpers shared by every layer: UTF-8 decoding and offset conversion, slugs for
// canonical ids, ASCII case folding, edit distance for "did you mean", and content hashes.
//
// Thread-safety: pure functions.
#ifndef PARLEY_BASE_TEXT_H_
#define PARLEY_BASE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one UTF-8 code point at text[*pos] and advances *pos past it. An invalid or truncated
// sequence (overlong forms, surrogates, > U+10FFFF) yields kReplacementChar and advances by one
// byte. REQUIRES: *pos < text.size().
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`. REQUIRES: cp is a Unicode scalar value.
void AppendUtf8(char32_t cp, std::string* out);

// True when `text` is entirely valid UTF-8.
bool IsValidUtf8(std::string_view text);

// Number of code points in text (invalid bytes count one each, as DecodeUtf8 reads them).
size_t CountCodePoints(std::string_view text);

// Maps byte offsets of one text to code-point offsets, in O(1) per query after an O(n) build.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  // Code-point offset of byte offset `byte`. Offsets inside a multi-byte sequence map to the
  // code point that contains them. REQUIRES: byte <= text.size().
  uint64_t ToCodePoint(uint64_t byte) const;

 private:
  // Code-point offset at every 64th byte; the rest is counted from there.
  std::vector<uint64_t> checkpoints_;
  std::string_view text_;
};

// `text` as it is when it has at most `max_bytes` bytes; else its first bytes up to a UTF-8
// character boundary (at most max_bytes), then "... (N bytes)": how a message quotes an input
// line that may be megabytes long.
std::string QuoteAtMost(std::string_view text, size_t max_bytes);

// The non-empty pieces of `text` between `separator`s ("a  b" -> {"a", "b"}); views into `text`.
std::vector<std::string_view> SplitNonEmpty(std::string_view text, char separator);

// `c` with an ASCII capital lower-cased, any other byte as it is; branch-free, so that a loop
// over a text vectorises.
constexpr char AsciiLowerByte(char c) {
  return static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
}

// Lower-cases ASCII letters only; other bytes are kept.
std::string AsciiLower(std::string_view text);

// A URL-safe id fragment: ASCII letters and digits lower-cased, Latin letters with diacritics
// folded to ASCII (é -> e, ß -> ss), everything else collapsed to single '-', trimmed.
// "Vladimir Putin" -> "vladimir-putin", "Andrés Manuel López Obrador" ->
// "andres-manuel-lopez-obrador". Non-Latin text is kept as UTF-8 rather than dropped.
std::string Slugify(std::string_view text);
// Appends Slugify(text) to *slug.
void AppendSlug(std::string_view text, std::string* slug);

// White space that takes room: ASCII spaces and breaks, NEL, NBSP, the U+2000..U+200A spaces,
// line/paragraph separators, narrow NBSP, medium mathematical space, ideographic space. Not the
// zero-width U+200B or U+FEFF.
bool IsVisibleSpace(char32_t cp);

// Trims ASCII and Unicode white space from both ends.
std::string_view TrimSpace(std::string_view text);

// Collapses every run of white space (ASCII, NBSP, line breaks) to one ASCII space and trims.
std::string CollapseSpace(std::string_view text);

// Edit distance between two byte strings (optimal string alignment: insertions, deletions,
// substitutions and swaps of two adjacent bytes count one each, so "Ptuin" is one edit from
// "Putin"), giving up once it exceeds `max_distance` (returns max_distance + 1 then).
size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance = 64);

// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF (quotes doubled).
// With `neutralize_formulas`, a field starting with = + - @ (or tab/CR) is prefixed with a single
// quote so spreadsheets show it as text instead of evaluating it.
std::string CsvField(std::string_view value, bool neutralize_formulas = true);

// True when a spreadsheet would run `cell` as a formula: it starts with = + - @ tab or CR.
// CsvField and TsvField prefix such a cell with a single quote.
bool LooksLikeFormula(std::string_view cell);

// One tab-separated cell: tabs and line breaks become spaces, a formula is neutralised as in
// CsvField, and a cell holding a double quote is quoted as in RFC 4180 (quotes doubled), so
// Python's csv module, pandas.read_csv(sep="\t") and R's read.delim read it back unchanged.
std::string TsvField(std::string_view value);

// 32 lower-case hex digits of XXH3-128 over `data`.
std::string ContentHash(std::string_view data);

// ContentHash of the concatenation of everything passed to Update, computed piece by piece
// (no copy of the whole). Not copyable.
class ContentHasher {
 public:
  ContentHasher();
  ~ContentHasher();
  ContentHasher(const ContentHasher&) = delete;
  ContentHasher& operator=(const ContentHasher&) = delete;
  void Update(std::string_view data);
  // The hash of everything passed so far; call once.
  std::string Finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// 64-bit XXH3 of `data`, stable across runs and machines.
uint64_t Hash64(std::string_view data);

// `value` as 16 lower-case hex digits.
std::string Hex64(uint64_t value);

}  // namespace parley

#endif  // PARLEY_BASE_TEXT_H_
