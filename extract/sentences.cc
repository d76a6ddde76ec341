#include "extract/sentences.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace parley {
namespace {

// Looking back for the word before a '.' stops after this many bytes: longer "words" are not
// abbreviations, and the bound keeps a dot-riddled run without spaces linear.
constexpr size_t kMaxWordLookBack = 24;

// Abbreviations that are followed by a name or a number, never by a new sentence.
constexpr std::array<std::string_view, 37> kNeverFinal = {
    "Adm", "Amb", "Apr",  "Aug", "Capt", "Col", "Dec",    "Dr",   "Feb", "Ft", "Gen", "Gov", "Hon",
    "Jan", "Jul", "Jun",  "Lt",  "Maj",  "Mar", "Messrs", "Mr",   "Mrs", "Ms", "Mt",  "No",  "Nos",
    "Nov", "Oct", "Prof", "Rep", "Rev",  "Sen", "Sep",    "Sept", "Sgt", "St", "Vol"};

// Abbreviations that often end a sentence too: split only before a typical sentence starter.
constexpr std::array<std::string_view, 10> kAmbiguous = {"Bros", "Co", "Corp", "Inc", "Jr",
                                                         "Ltd",  "Sr", "etc",  "al",  "approx"};

constexpr std::array<std::string_view, 82> kStarters = {
    "A",         "After",  "All",     "Also",    "Although",    "An",       "And",     "Any",
    "As",        "At",     "Because", "Before",  "Both",        "But",      "By",      "Despite",
    "During",    "Each",   "Earlier", "Either",  "Even",        "Every",    "Finally", "First",
    "Following", "For",    "From",    "Further", "Furthermore", "He",       "Her",     "Here",
    "His",       "How",    "However", "I",       "If",          "In",       "Instead", "It",
    "Its",       "Last",   "Later",   "Many",    "Meanwhile",   "Moreover", "Most",    "My",
    "Neither",   "Next",   "No",      "Nor",     "Now",         "On",       "One",     "Our",
    "Over",      "Second", "She",     "Since",   "So",          "Some",     "Still",   "Such",
    "That",      "The",    "Their",   "There",   "These",       "They",     "This",    "Those",
    "Though",    "Thus",   "Today",   "Under",   "We",          "What",     "When",    "While",
    "With",      "Yet"};

bool Contains(const auto& table, std::string_view word) {
  return std::find(table.begin(), table.end(), word) != table.end();
}

bool IsTerminal(char c) { return c == '.' || c == '!' || c == '?'; }
bool IsCloser(char c) { return c == '"' || c == '\'' || c == ')' || c == ']'; }
bool IsOpener(char c) { return c == '"' || c == '\'' || c == '(' || c == '['; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLetter(char c) { return IsLower(c) || IsUpper(c); }
// A byte of a word: an ASCII letter or any byte of a multi-byte UTF-8 letter ("Año", "Ñ"), so
// the word read after a '.' is never cut short to an ASCII starter ("A" of "Año").
bool IsWordByte(char c) { return IsLetter(c) || (static_cast<unsigned char>(c) & 0x80) != 0; }

// Whether the terminator run text[run_begin, run_end) followed by the token at text[next]
// ends a sentence.
bool EndsSentence(std::string_view text, size_t run_begin, size_t run_end, size_t next) {
  const char first = text[next];
  if (IsLower(first)) return false;
  const std::string_view run = text.substr(run_begin, run_end - run_begin);
  if (run.find_first_of("!?") != std::string_view::npos || run.size() >= 3) return true;
  // A single '.' (or "..", treated alike): look at the word before it.
  size_t w = run_begin;
  const size_t stop = run_begin > kMaxWordLookBack ? run_begin - kMaxWordLookBack : 0;
  while (w > stop && text[w - 1] != ' ') --w;
  if (w > 0 && w == stop && text[w - 1] != ' ') return true;  // a very long token
  while (w < run_begin && IsOpener(text[w])) ++w;
  const std::string_view word = text.substr(w, run_begin - w);
  if (word.empty()) return true;
  if (Contains(kNeverFinal, word) || word == "vs" || word == "v") return false;
  const bool initial = word.size() == 1 && IsUpper(word[0]);  // "John F. Kennedy", "World War I."
  const bool dotted = word.find('.') != std::string_view::npos && IsLetter(word.back());
  if (initial || dotted || Contains(kAmbiguous, word)) {
    size_t e = next;
    while (e < text.size() && IsWordByte(text[e])) ++e;
    return IsSentenceStarter(text.substr(next, e - next));
  }
  return true;
}

// Whether the '.' at `dot`, with no space after it, ends a sentence glued to the next one at
// `next`: the token before it (back to a space) holds no '.', '/', '@' or ':' (no address, no
// abbreviation) and ends with three lower-case letters, and the letters at `next` are a
// sentence starter followed by a space or a comma.
bool GluedBreak(std::string_view text, size_t dot, size_t next) {
  if (dot < 3 || !IsLower(text[dot - 1]) || !IsLower(text[dot - 2]) || !IsLower(text[dot - 3])) {
    return false;
  }
  const size_t stop = dot > kMaxWordLookBack ? dot - kMaxWordLookBack : 0;
  for (size_t w = dot; w > stop && text[w - 1] != ' '; --w) {
    const char c = text[w - 1];
    if (c == '.' || c == '/' || c == '@' || c == ':') return false;
  }
  size_t e = next;
  while (e < text.size() && IsWordByte(text[e])) ++e;
  if (e >= text.size() || (text[e] != ' ' && text[e] != ',')) return false;
  return IsSentenceStarter(text.substr(next, e - next));
}

size_t TrimLeft(std::string_view text, size_t b, size_t e) {
  while (b < e && text[b] == ' ') ++b;
  return b;
}
size_t TrimRight(std::string_view text, size_t b, size_t e) {
  while (e > b && text[e - 1] == ' ') --e;
  return e;
}

void Push(std::string_view text, size_t b, size_t e, size_t max_bytes,
          std::vector<TextRange>* out) {
  b = TrimLeft(text, b, e);
  e = TrimRight(text, b, e);
  while (e - b > max_bytes) {
    size_t cut = b + max_bytes;
    size_t space = cut;
    while (space > b && text[space] != ' ') --space;
    if (space > b) {
      cut = space;
    } else {
      while (cut > b && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    }
    out->push_back({b, TrimRight(text, b, cut)});
    b = TrimLeft(text, cut, e);
  }
  if (e > b) out->push_back({b, e});
}

// The next '.', '!' or '?' at or after a position: memchr per terminator, each searched again
// only once the scan has passed it, so prose between sentence ends is skipped in bulk.
class TerminalFinder {
 public:
  explicit TerminalFinder(std::string_view text) : text_(text) {
    for (size_t k = 0; k < kTerminals.size(); ++k) next_[k] = Find(kTerminals[k], 0);
  }

  // The position of the first terminator at or after `from`, or text.size().
  size_t Next(size_t from) {
    size_t first = text_.size();
    for (size_t k = 0; k < kTerminals.size(); ++k) {
      if (next_[k] < from) next_[k] = Find(kTerminals[k], from);
      first = std::min(first, next_[k]);
    }
    return first;
  }

 private:
  static constexpr std::array<char, 3> kTerminals = {'.', '!', '?'};

  size_t Find(char c, size_t from) const {
    if (from >= text_.size()) return text_.size();
    const void* hit = std::memchr(text_.data() + from, c, text_.size() - from);
    return hit == nullptr ? text_.size()
                          : static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
  }

  std::string_view text_;
  std::array<size_t, 3> next_;
};

}  // namespace

bool IsSentenceStarter(std::string_view word) { return Contains(kStarters, word); }

std::vector<TextRange> SplitSentences(std::string_view text, size_t max_bytes) {
  std::vector<TextRange> out;
  const size_t n = text.size();
  size_t start = 0;
  TerminalFinder terminals(text);
  size_t i = 0;
  while (i < n) {
    i = terminals.Next(i);
    if (i >= n) break;
    size_t run_end = i;
    while (run_end < n && IsTerminal(text[run_end])) ++run_end;
    size_t close = run_end;
    while (close < n && IsCloser(text[close])) ++close;
    if (close >= n || text[close] != ' ') {
      // "... informational warfare.The Presidents look forward": a full stop that a scrape or a
      // pasted paragraph left without its space still ends the sentence when a word of three
      // or more lower-case letters ends before it and a typical sentence starter follows.
      if (close == run_end && run_end == i + 1 && text[i] == '.' && GluedBreak(text, i, close)) {
        Push(text, start, close, max_bytes, &out);
        start = close;
      }
      i = close > run_end ? close : run_end;
      continue;
    }
    size_t next = close + 1;
    while (next < n && IsOpener(text[next])) ++next;
    if (next < n && EndsSentence(text, i, run_end, next)) {
      Push(text, start, close, max_bytes, &out);
      start = close + 1;
    }
    i = close;
  }
  Push(text, start, n, max_bytes, &out);
  return out;
}

}  // namespace parley
