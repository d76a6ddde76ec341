// The pattern prefilter: which rule patterns a sentence may match, decided from its words and
// mention kinds before any regular expression runs (rules/README.md section 10, step 4).
//
// Compile side: every pattern records the literal words and word sets it requires
// (rule_pattern.h) and is *anchored* on its most selective requirement (ChooseAnchors);
// IndexPatternWords gives every distinct requirement an id and builds the word index
// (CompiledRules::pattern_words). Match side: each token of a sentence is looked up once in the
// rules' vocabulary when it is tagged, and FindPatternWords maps that id to the token's pattern
// word; a Prefilter gathers the index entries of its word units,
// marks the requirements they meet, and yields the patterns anchored on those words.
//
// Thread-safety: the index is immutable once compiled; a Prefilter is per-thread scratch.
#ifndef PARLEY_EXTRACT_RULE_PREFILTER_H_
#define PARLEY_EXTRACT_RULE_PREFILTER_H_

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

#include "extract/rule_compiled.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// Sets out->anchors from out->required_words and required_any.
void ChooseAnchors(CompiledPattern* pattern);

// Numbers the word requirements of every pattern of `rules->rules` (CompiledPattern::
// requirements) and its start, second and later words (start_ids, second_ids, then), interns the
// pattern words in the vocabulary (alias_index.tokens) and fills pattern_words, pattern_word_of,
// requirement_count, unanchored and marked_lists.first_of_pattern_word (the marked lists' first
// tokens are pattern words too). REQUIRES: the vocabulary
// is complete but for the pattern words (no word is interned after this).
void IndexPatternWords(CompiledRules* rules);

// Sets s->words, the vocabulary id of each token's lower-cased text, from `folded_keys`
// (AliasIndex::Keys' folded keys of s->tokens: TokenKey(id, space before)), and
// s->pattern_words: the pattern word of that text (kNoPatternWord for none).
void FindPatternWords(const CompiledRules& rules, const std::vector<uint32_t>& folded_keys,
                      Tagged* s);

// (rule index, pattern index) pairs.
using PatternRefs = std::vector<std::pair<uint32_t, uint32_t>>;

// The frame rules the words of a sentence name (Prefilter::SelectFrames), as a bit per rule:
// most sentences' verbs name a few frames that are tested by their index, and only a sentence
// that nominalises reads them all.
class FrameSelection {
 public:
  // Whether no frame is named.
  bool empty() const { return lowest_ > highest_; }
  // Whether frame rule `r` is named. REQUIRES: r < the rule count.
  bool Has(uint32_t r) const { return (bits_[r / 64] >> (r % 64)) & 1; }
  // Calls fn(r) for each frame rule named, in rule order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (size_t w = lowest_; w <= highest_ && w < bits_.size(); ++w) {
      for (uint64_t b = bits_[w]; b != 0; b &= b - 1) {
        fn(static_cast<uint32_t>(w * 64 + std::countr_zero(b)));
      }
    }
  }

 private:
  friend class Prefilter;
  std::vector<uint64_t> bits_;       // a bit per rule, zero outside [lowest_, highest_]
  size_t lowest_ = 1, highest_ = 0;  // the words of bits_ set (none: lowest_ > highest_)
};

class Prefilter {
 public:
  // REQUIRES: `rules` outlives this object. Its marks come from a per-thread pool
  // (scratch_pool.h) and go back to it when it is destroyed.
  explicit Prefilter(const CompiledRules& rules);
  ~Prefilter();
  Prefilter(const Prefilter&) = delete;
  Prefilter& operator=(const Prefilter&) = delete;

  // The patterns of `kind` that sentence `s` may match, in rule then pattern order (the order
  // in which rules apply matters: discoveries and coreferences build on earlier ones). Marks
  // the word requirements `s` meets for Possible(). The result stays valid until the next call.
  const PatternRefs& Select(RuleKind kind, const Tagged& s);

  // The frame rules one of whose verbs has a form in `s`, or that name a noun `s` holds. The
  // result stays valid until the next call.
  const FrameSelection& SelectFrames(const Tagged& s);

  // True unless the prefilter proves that `p` cannot match `s`.
  // REQUIRES: Select(kind of p, s) was the last Select call.
  bool Possible(const CompiledPattern& p, const Tagged& s) const;

  // Call when a sentence's units changed (it was tagged again, or coreference replaced
  // mentions): its earlier word lookup no longer holds.
  void Forget() { looked_up_ = nullptr; }

  // Keeps the current word lookup (of the sentence last given to Select) for Restore; returns
  // its handle.
  std::pair<uint32_t, uint32_t> Keep();
  // Makes a kept lookup for `s` (Keep's handle) the current one again. An empty handle is a
  // no-op.
  void Restore(const Tagged& s, std::pair<uint32_t, uint32_t> kept);
  // Drops every kept lookup (their handles become invalid) and the memory they held.
  void DropKept() { std::vector<const PatternWord*>().swap(kept_uses_); }

 private:
  void LookUpWords(const Tagged& s);
  void NewStamp();

  const CompiledRules& rules_;
  PatternRefs patterns_;
  std::vector<uint64_t> selected_;  // Select: a bit per pattern of the kind
  FrameSelection frames_;           // SelectFrames'
  // The word requirements met (met_[id] == stamp_) by the words of the sentence `looked_up_`,
  // with their index entries (each once: seen_[pattern word id] == stamp_).
  std::vector<const PatternWord*> word_uses_;
  // 16-bit stamps, kept from document to document on a thread (the pool), so that the marks of
  // every pattern word and requirement (some 100 KB with the default rules) are zeroed only
  // when the stamp wraps.
  std::vector<uint16_t> seen_;
  std::vector<const PatternWord*> kept_uses_;  // Keep
  const Tagged* looked_up_ = nullptr;
  std::vector<uint16_t> met_;
  uint16_t stamp_ = 0;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_PREFILTER_H_
