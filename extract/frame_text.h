// Text extents of the frames stage (frames.h): where the text a frame takes from a clause ends
// ("agreed to cooperate on energy, trade and security, and to ..."), past lists inside a noun
// phrase, appositions of names and acronyms in parentheses, and short of a date or a place at
// its end (the statement's time or place, not its content). Internal to the frames stage.
//
// Thread-safety: one per sentence and thread, like the FrameSentence it reads.
#ifndef PARLEY_EXTRACT_FRAME_TEXT_H_
#define PARLEY_EXTRACT_FRAME_TEXT_H_

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "extract/frame_sentence.h"

namespace parley::internal {

class TextExtents {
 public:
  // REQUIRES: `sentence` outlives this.
  explicit TextExtents(const FrameSentence& sentence) : sentence_(sentence) {}

  // Longest text a frame takes from a clause, in units.
  static constexpr uint32_t kMaxTextUnits = 40;

  // The text of a role from unit `from`: up to a clause-ending punctuation mark, a
  // conjunction before another verb group, or kMaxTextUnits units. Returns [from, end).
  // Measured once per `from` and sentence: frames that read one verb ask for the same texts.
  std::pair<uint32_t, uint32_t> TextExtent(uint32_t from) const;

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  // Whether units u, u + 1 are an adverb that narrows what goes before to a prepositional
  // phrase: "particularly in", "especially for" ("especially as" opens a clause).
  bool NarrowingAt(uint32_t u) const;

  // Whether the comma at u opens an apposition of names closed by a comma before more of the
  // phrase: "its two principal competitors in the naval arms race, Japan and the United
  // Kingdom, in negotiations".
  // Returns the closing comma's unit, or u when there is no such apposition.
  uint32_t NamesBetweenCommas(uint32_t u) const;

  // Whether the comma at u goes on with a list inside the noun phrase it follows: the text from
  // `from` ends in a determiner or a possessive and at most two words ("a free", "our roads"),
  // and after the comma come items of one to three words, none a verb or a function word, joined
  // by commas and closed by "and" or "or": "a free, open, inclusive, and resilient
  // Indo-Pacific", "investment in our roads, bridges, rail, ports, airports, and transit
  // systems" (not "strengthen their ties, and to advance").
  // Returns the unit of that conjunction, or u when the comma ends the phrase.
  uint32_t ListInPhraseEnd(uint32_t from, uint32_t u) const;

  // Whether unit u is one word of two to eight capital letters or digits ("WPS", "BEAD",
  // "G7"), or an entity written so.
  bool Acronym(uint32_t u) const;

  // Whether unit u lies inside an entity chunk that goes on after it (a list's comma).
  bool InsideChunk(uint32_t u) const;

  // TextExtent measured, without the memo.
  uint32_t MeasureEnd(uint32_t from) const;

  const FrameSentence& sentence_;
  // By unit: the end of the text from there (TextExtent), or kUnknown.
  static constexpr uint32_t kUnknown = 0xffffffff;
  mutable std::vector<uint32_t> ends_;
  const Tagged& s_ = sentence_.s;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_TEXT_H_
