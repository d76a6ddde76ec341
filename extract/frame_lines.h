// The frames' lines (rules/README.md section 13): whether a frame's `when` and `unless` lines
// let it apply at a verb, and which `refine` line (with its codes) a statement read there
// takes. A line's words are looked for before the verb (in its clause; an imported frame's in
// the sentence) and after it (its clause or its text, TextExtents); an imported frame's words
// are compared by the keys of frame_index.h, which a sentence finds once. Each distinct line is
// tested once per sentence by MayOccur and once per verb by the scan (FrameScratch holds the
// memo), as frames repeat lines. Internal to the frames stage.
//
// Thread-safety: one per sentence and thread; the FrameScratch is the thread's.
#ifndef PARLEY_EXTRACT_FRAME_LINES_H_
#define PARLEY_EXTRACT_FRAME_LINES_H_

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/frame_index.h"
#include "extract/frame_sentence.h"
#include "extract/frame_text.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

class FrameLines {
 public:
  // REQUIRES: `sentence`, `text` and `scratch` outlive this; scratch's memo of lines was reset
  // for this sentence (ApplyFrames).
  FrameLines(const FrameSentence& sentence, const TextExtents& text, FrameScratch* scratch)
      : sentence_(sentence), text_(text), scratch_(*scratch) {}

  // Whether `rule`'s frame applies at `verb` of g: the verb's form is one the frame allows, a
  // `when` line occurs around it if the frame has any, and no `unless` line does.
  bool Applies(const Rule& rule, const VerbGroup& g, uint32_t verb) const;

  // The codes of the statement read at `verb`: the first refinement whose words occur, else
  // the rule's.
  // `by_list`, if given, tells whether that refinement names an item of a word list (`@name`:
  // an imported pattern's synonym set).
  Refinement Codes(const Rule& rule, const VerbGroup& g, uint32_t verb,
                   bool* by_list = nullptr) const;

  // False when imported frame `r` (a rule index) cannot apply anywhere in the sentence: it
  // names no nouns and has `when` lines, none of whose words the sentence may hold
  // (MayOccurKeyed), so Applies would refuse it at every verb. Once a sentence's word keys are
  // found, this spares reading the rule, its verbs and its lines for most imported frames the
  // sentence's verbs name.
  bool MayApply(uint32_t r) const;

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  // Whether word unit u is `token` or, with `prefix`, starts with it. An imported frame's
  // prefix (a TABARI stem: "BACK", "PEACE", "VIOLAT") takes an ending (StemEnding), not the
  // rest of another word: "backed", "peace's", "violation", not "background" or "peaceful".
  bool WordIs(uint32_t u, const std::string& token, bool prefix, bool imported) const;

  // Whether `rest`, what follows a stem in a word, is an ending: none, "s", "d", an
  // apostrophe's, or one that opens with a vowel ("-ed", "-ing", "-ion", "-ic", "-y"). A rest
  // that opens with another consonant is mostly a word of its own ("back|ground",
  // "peace|ful", "peace|keeping").
  static bool StemEnding(std::string_view rest);

  // Whether the last of an imported pattern's words after the verb, when it is an item of a
  // word list, occurs in units [b, e) as a word of no noun phrase or as its phrase's head. A
  // PETRARCH synonym set names a class of things (&MILITARY: troops, soldiers, the military);
  // its word as a modifier names the kind of another noun: "increased military assistance to
  // Angola" is no "INCREASE * &MILITARY" (a build-up), "increased security cooperation" no
  // "* &SECURITY"; "increased its military presence" is "* {&MILITARY PRESENCE}". A plain
  // word of a pattern is written for where it stands ("* DIPLOMATIC": "renewed diplomatic
  // ties"; "* ARTILLERY": "fired two artillery shells").
  bool LastWordAtHead(const std::vector<RefineWord>& words, uint32_t b, uint32_t e) const;

  // The end of an item of `list` that starts at unit `u` (its words one after another, before
  // `e`), or 0; `imported` as for WordIs.
  uint32_t ListAt(const std::vector<Cue>& list, uint32_t u, uint32_t e, bool imported) const;

  // Whether words [i, j) of `words` occur one right after another from unit v on, before
  // `e`; `*end` is then past the last of them.
  bool RunAt(const std::vector<RefineWord>& words, size_t i, size_t j, uint32_t v, uint32_t e,
             bool imported, uint32_t* end) const;

  // Refine words in order in units [b, e), joined words right after each other, the first at b
  // when `at_begin`, the last ending at e when `at_end`. Each run of joined words is taken
  // where it first occurs, which leaves the most room for the runs after it.
  bool InOrderAdjacent(const std::vector<RefineWord>& words, uint32_t b, uint32_t e, bool at_begin,
                       bool at_end, bool imported) const;

  // Refine words in order in units [b, e). An imported frame's words are compared by key
  // (frame_index.h): the keys each unit meets, found once per sentence.
  bool InOrder(const std::vector<RefineWord>& words, uint32_t b, uint32_t e, bool imported) const;

  // False when a word of `words` is no word unit of the sentence, so the scan of InOrder cannot
  // succeed. Hand-written frames (few refinements a verb) look up plain words by scanning the
  // units.
  bool MayOccur(const std::vector<RefineWord>& words) const;

  // MayOccur of an imported frame's line `pattern`, the stronger test: most refinements of an
  // imported verb fail here, cheaply. Imported frames (hundreds of lines a verb) look up plain
  // words, prefixes and the first words of a word list's items among the keys the sentence's
  // words meet (frame_index.h), found once per sentence, from the line's needs, which lie
  // together in the index.
  bool MayOccurKeyed(uint32_t pattern) const;

  // The keys of the frames' words that the sentence's word units meet: found at the first
  // refinement of an imported frame.
  const FrameSentenceWords& SentenceWords() const;

  // Whether a word unit of the sentence is `token`. Most tokens asked for are none, and their
  // key's bit in the sentence's word keys (made at the first question) says so without a
  // scan of the units.
  bool UnitsHold(std::string_view token) const;

  // Where the words after `verb` may be looked for: its clause, or the text after it.
  uint32_t AfterEnd(const VerbGroup& g, uint32_t verb) const;

  // Where the words before `verb` may be looked for: its clause; for an imported frame the
  // sentence, as PETRARCH's patterns read the words before the verb ("INDICATED WOULD * NOW":
  // "Ethiopia indicated it would act now").
  static uint32_t BeforeBegin(const Rule& rule, const VerbGroup& g);

  // Whether the words of refinement `r` occur around `verb` of group g. `*after_end` is
  // AfterEnd(g, verb), measured at the first refinement whose words may occur (kNoUnit until
  // then): most refinements fail MayOccur, which costs less than measuring the text. Each
  // distinct line (Refinement::pattern) is tested once per sentence by MayOccur and once per
  // verb by the scan: frames repeat lines.
  bool Occurs(const Refinement& r, bool imported, const VerbGroup& g, uint32_t before_begin,
              uint32_t verb, uint32_t* after_end_known) const;

  const FrameSentence& sentence_;
  const TextExtents& text_;
  FrameScratch& scratch_;
  const Tagged& s_ = sentence_.s;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
  mutable bool sentence_words_found_ = false;  // SentenceWords()
  mutable std::bitset<kWordKeys> word_keys_;   // UnitsHold(): WordKey of each word unit
  mutable bool word_keys_made_ = false;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_LINES_H_
