// Sentence splitting over normalised text (extract/normalize.h): ASCII quotes and dashes, single
// spaces, no line breaks.
//
// A sentence ends at '.', '!', '?' or "..." (plus any closing quotes and brackets) followed by a
// space and a token that does not start with a lower-case letter. A '.' does not end a sentence
// after:
//   - a title or abbreviation that is normally followed by a name or number: Mr, Mrs, Ms, Dr,
//     Gen, Sen, Gov, Rep, Prof, Amb, Lt, Col, Maj, Capt, Adm, Sgt, Rev, Hon, St, Mt, Ft, No,
//     Nos, Vol, v, vs, the month abbreviations Jan..Dec (Sept too);
//   - a number followed by a digit-led token ("No. 10" is covered above; "14.5%" never has a
//     space after its '.').
// After a dotted acronym ("U.S.", "U.N.", "p.m."), a single capital letter (an initial, "John
// F. Kennedy", or a numeral, "World War I.") and after Jr, Sr, Inc, Ltd, Co, Corp, etc the
// next capitalised word is ambiguous ("the U.S. Navy" vs "... the U.S. The talks ..."): the
// splitter breaks only when that word is a typical sentence starter (The, It, In, This, We,
// However, ...), preferring a missed break over a sentence cut in two.
//
// Thread-safety: pure function. Runs in time linear in the input.
#ifndef PARLEY_EXTRACT_SENTENCES_H_
#define PARLEY_EXTRACT_SENTENCES_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace parley {

struct TextRange {
  size_t begin = 0;
  size_t end = 0;
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

// Splits `text` into sentences: byte ranges in `text`, in order, each trimmed of spaces and
// non-empty. Units longer than `max_bytes` are cut at the last space before the limit (or at a
// character boundary when there is none) so that one malformed run of text cannot produce an
// unbounded unit.
std::vector<TextRange> SplitSentences(std::string_view text, size_t max_bytes = 8192);

// True when `word` (letters only, no trailing '.') is a typical sentence-initial word.
bool IsSentenceStarter(std::string_view word);

}  // namespace parley

#endif  // PARLEY_EXTRACT_SENTENCES_H_
