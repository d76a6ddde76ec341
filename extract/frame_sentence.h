// The sentence as the frame reader (frames.h) and its parts read it: the tagged sentence, its
// clause analysis, the document's state, and what they all ask of a unit (its lower-cased word,
// whether a finite verb group starts there). Internal to the frames stage: frames.cc,
// frame_text.cc, frame_lines.cc, frame_roles.cc and frame_emit.cc include it, nothing else.
//
// Thread-safety: one per sentence and thread; it only reads what it refers to, which must
// outlive it.
#ifndef PARLEY_EXTRACT_FRAME_SENTENCE_H_
#define PARLEY_EXTRACT_FRAME_SENTENCE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/clauses.h"
#include "extract/mentions.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

struct FrameSentence {
  FrameSentence(const Tagged& s, const ClauseAnalysis& a, const DocState& doc);

  // The lower-cased first token of word unit u; empty for a mention unit or u past the end.
  std::string_view Lower(uint32_t u) const {
    if (u >= s.units.size() || s.units[u].mention >= 0) return {};
    return s.LowerToken(s.units[u].tok_begin);
  }
  // Whether no white space separates unit u from the unit before it.
  bool Tight(uint32_t u) const {
    return u < s.units.size() && !s.tokens[s.units[u].tok_begin].space_before;
  }
  // Whether word unit u starts with a digit.
  bool IsNumber(uint32_t u) const {
    const std::string_view w = Lower(u);
    return !w.empty() && w[0] >= '0' && w[0] <= '9';
  }

  const Tagged& s;
  const ClauseAnalysis& a;
  const DocState& doc;
  // By unit: 1 at the first unit of a finite verb group, and at the "to" of a to-infinitive
  // coordinated with an earlier one ("to sign the treaty and to withdraw": a text ends before
  // "and to").
  std::vector<uint8_t> group_start;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_SENTENCE_H_
