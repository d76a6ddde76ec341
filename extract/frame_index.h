// The frames' index (rules/README.md section 13), built once when the rules compile and read by
// the frame matcher (frames.cc) for every sentence: which frames each verb names, and the words
// of the frames' `refine`, `when` and `unless` lines numbered as keys, with a table that gives,
// for a word of a sentence, the keys it meets (the word written out, and every word written with
// `*` that it starts with). A sentence then knows which of those words it holds from one pass
// over its words (FrameSentenceWords), and a line whose words it does not all hold is passed
// over by a few byte tests, without comparing a string: the imported CAMEO frames name
// thousands of lines, and a verb tests hundreds of them.
//
// Thread-safety: FrameIndex is immutable once built (FrameIndexBuilder, one thread);
// FrameSentenceWords is per sentence and thread.
#ifndef PARLEY_EXTRACT_FRAME_INDEX_H_
#define PARLEY_EXTRACT_FRAME_INDEX_H_

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/tagged_sentence.h"

namespace parley::internal {

struct CompiledRules;
struct Frame;

// Words as keys: each distinct (token, prefix) added gets a number, from 0 up. A word of a
// sentence meets the key of its own text and the prefix keys of every start of it.
class FrameWordTable {
 public:
  static constexpr uint32_t kNone = 0xffffffff;

  // The key of `token` (lower case) taken whole or, with `prefix`, as the start of a word; a new
  // one the first time.
  uint32_t Add(std::string_view token, bool prefix);
  // The key of (token, prefix), or kNone.
  uint32_t Find(std::string_view token, bool prefix) const;
  size_t size() const { return tokens_.size(); }

  // Calls found(key) for every key that `w` (a lower-cased word, not empty) meets: the key of w
  // itself, and the prefix keys of w's first k bytes for every k from 0 to w.size(). Each key
  // once per call. The prefix keys are looked for up to the first start of w that no prefix key
  // starts with (most words leave them after a few bytes); the rest of w is only hashed.
  template <typename F>
  void ForEachKey(std::string_view w, F&& found) const {
    if (empty_prefix_ != kNone) found(empty_prefix_);
    uint32_t h = kSeed;
    const size_t n = w.size();
    const size_t longest = n < longest_prefix_ ? n : longest_prefix_;
    size_t k = 0;
    while (k < longest) {
      h = Step(h, static_cast<unsigned char>(w[k]));
      ++k;
      const uint32_t fold = Fold(h);
      if (!stems_.test(fold)) break;
      if (filter_.test(fold)) Probe(h, w.substr(0, k), true, found);
    }
    for (; k < n; ++k) h = Step(h, static_cast<unsigned char>(w[k]));
    h = Step(h, 0);  // a word written out: its hash goes on with a byte no token holds
    if (filter_.test(Fold(h))) Probe(h, w, false, found);
  }

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  struct Slot {
    uint32_t hash = 0;
    uint32_t key = kNone;  // kNone: empty
  };
  static constexpr uint32_t kSeed = 2166136261u;  // FNV-1a
  static uint32_t Step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
  static uint32_t Fold(uint32_t h) { return (h ^ (h >> 16)) & 0xffff; }
  static uint32_t Hash(std::string_view token, bool prefix);
  size_t SlotOf(uint32_t hash) const { return (hash * 0x9E3779B1u) >> shift_; }
  void Grow();
  // Sets stems_ for the prefix key `token`.
  void AddStems(std::string_view token);
  // Sets stems_ from tokens_ and prefix_ (after reading a snapshot, which does not hold it).
  void FillStems();

  template <typename F>
  void Probe(uint32_t hash, std::string_view text, bool prefix, F&& found) const {
    for (size_t i = SlotOf(hash);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& slot = slots_[i];
      if (slot.key == kNone) return;
      if (slot.hash == hash && prefix_[slot.key] == prefix && tokens_[slot.key] == text) {
        found(slot.key);
        return;
      }
    }
  }

  std::vector<std::string> tokens_;  // by key
  std::vector<uint8_t> prefix_;      // by key
  std::vector<Slot> slots_;          // open addressing, a power of two, at most half full
  uint32_t shift_ = 32;
  std::bitset<65536> filter_;  // Fold(hash) of every key: most starts of words meet none
  // Fold(hash) of every start of every prefix key (its first 1 to size() bytes): a start of a
  // word whose bit is clear begins no prefix key, nor does any longer start.
  std::bitset<65536> stems_;
  size_t longest_prefix_ = 0;      // the longest prefix key's length
  uint32_t empty_prefix_ = kNone;  // the key of ("", prefix): every word starts with it
};

// A word list that a line names (`@name`): the keys of its items' first words. A sentence may
// hold an item only when it holds one of them; an item of no words, always.
struct FrameList {
  std::vector<uint32_t> first_words;
  bool always = false;
};

struct FrameIndex {
  // By Lexicon verb id: the rules (indices into CompiledRules::rules, ascending) whose frame
  // names that verb.
  std::vector<std::vector<uint32_t>> frames_of_verb;
  // By rule index: kImportedFrame for a frame of the imported layer (Rule::imported), kNounFrame
  // for a frame that names nouns (`noun` or `noun-clause`), so that a sentence sorts the frames
  // its words select without reading their rules; 0 for a rule that is no frame.
  static constexpr uint8_t kImportedFrame = 1, kNounFrame = 2;
  std::vector<uint8_t> frame_flags;
  // By rule index: the patterns (Refinement::pattern) of its frame's `when` lines, in order:
  // when_patterns[when_begin[r], when_begin[r + 1]).
  std::vector<uint32_t> when_begin;
  std::vector<uint32_t> when_patterns;
  // The words of the lines (RefineWord::id: the first CompiledRules::refine_word_count keys),
  // then the first words of the lists' items.
  FrameWordTable words;
  std::vector<FrameList> lists;  // by RefineWord::list_key
  // By key: the lists (indices into `lists`) one of whose items starts with that word.
  std::vector<std::vector<uint32_t>> lists_of_key;
  std::vector<uint32_t> always_lists;  // the lists with an item of no words
  uint32_t pattern_count = 0;          // Refinement::pattern is below this
  // By Refinement::pattern: what a sentence must hold for the line to occur, as an imported
  // frame tests it (the matcher's MayOccur): the keys of its words (RefineWord::id), and its
  // word lists (kListNeed | RefineWord::list_key), before the verb then after it; a word of no
  // tokens needs nothing. pattern_needs[pattern_needs_begin[p], pattern_needs_begin[p + 1]),
  // contiguous, so that the hundreds of lines a verb's imported frames test read no Refinement.
  static constexpr uint32_t kListNeed = 0x80000000u;
  std::vector<uint32_t> pattern_needs_begin;
  std::vector<uint32_t> pattern_needs;
  // By id in the rules' vocabulary (CompiledRules::alias_index.tokens, which Tagged::words
  // holds for each token lower-cased): the keys its text meets (`words`' ForEachKey), found
  // when the rules compile, so that a sentence reads most of its words' keys here. Texts with
  // an ASCII capital (never a lower-cased token's) have none: {kNone, kNone}.
  struct Span {
    uint32_t begin = 0, end = 0;  // vocabulary_keys[begin, end)
  };
  std::vector<Span> vocabulary;
  std::vector<uint32_t> vocabulary_keys;
  // The nouns of the hand-written frames' `noun` and `noun-clause` lines ("visit", "proposal"),
  // sorted, unique: an imported frame reads no verb whose direct object is headed by one
  // ("made a ceasefire proposal": the proposal's support verb, frames.cc).
  std::vector<std::string> event_nouns;
  bool IsEventNoun(std::string_view w) const {
    return std::binary_search(event_nouns.begin(), event_nouns.end(), w);
  }
};

// Builds a FrameIndex while the rules compile (RuleCompiler). One thread.
class FrameIndexBuilder {
 public:
  // Numbers the words of `frame`'s refine, when and unless lines: RefineWord::id of a word (the
  // same for the same token and prefix in every frame), RefineWord::list_key of a word list, and
  // each line's Refinement::pattern (the same for the same words and flags).
  void NumberWords(Frame* frame);
  // Adds the lists' first words, which frames each verb names (from rules->rules, whose
  // indices are final) and the keys of the vocabulary's words (rules->alias_index.tokens,
  // complete), and moves the index into rules->frame_index; sets rules->refine_word_count.
  void Finish(CompiledRules* rules);

 private:
  FrameIndex index_;
  std::vector<std::shared_ptr<const std::vector<Cue>>> lists_;  // by list key
  std::map<const std::vector<Cue>*, uint32_t> list_keys_;
  std::unordered_map<std::string, uint32_t> patterns_;  // a line's words, encoded -> its pattern
  std::vector<uint32_t> needs_;  // a line's FrameIndex::pattern_needs, while numbering it
};

// Which keys of a FrameIndex the word units of one sentence meet (units that are no mention,
// by their lower-cased first token, as the frame matcher reads a unit's word), in the sentence
// and at each unit.
class FrameSentenceWords {
 public:
  // Finds the keys of `s`'s word units, forgetting those of the sentence before. Keeps its
  // allocations from call to call (its tables are sized by the index once, then only the
  // entries a sentence set are reset).
  void Find(const FrameIndex& index, const Tagged& s);
  // Whether a word unit meets key `key` (a word of a line, or a list item's first word).
  bool Has(uint32_t key) const { return keys_[key] != 0; }
  // Whether a word unit meets the first word of an item of list `list` (FrameIndex::lists), or
  // the list holds an item of no words.
  bool HasList(uint32_t list) const { return lists_[list] != 0; }
  // Whether unit `u` is a word unit that meets key `key`. REQUIRES: u < s.units.size().
  bool UnitHas(uint32_t u, uint32_t key) const {
    const uint32_t* const keys = UnitKeys(u);
    for (uint32_t i = 0, n = UnitKeyCount(u); i < n; ++i) {
      if (keys[i] == key) return true;
    }
    return false;
  }
  // Whether unit `u` is a word unit that meets the first word of an item of list `list` (an
  // item of the list may start there; one of no words starts anywhere).
  // REQUIRES: u < s.units.size().
  bool UnitMayStartList(uint32_t u, uint32_t list, const FrameIndex& index) const {
    if (index.lists[list].always) return true;
    const uint32_t* const keys = UnitKeys(u);
    for (uint32_t i = 0, n = UnitKeyCount(u); i < n; ++i) {
      const std::vector<uint32_t>& lists = index.lists_of_key[keys[i]];
      if (std::find(lists.begin(), lists.end(), list) != lists.end()) return true;
    }
    return false;
  }

 private:
  // A unit's span whose begin holds kOwnKeys is in own_keys_, any other in the index's
  // vocabulary_keys (FrameIndex::vocabulary: a vocabulary word's keys are not copied).
  static constexpr uint32_t kOwnKeys = 0x80000000u;
  const uint32_t* UnitKeys(uint32_t u) const {
    const uint32_t begin = spans_[u].begin;
    return (begin & kOwnKeys) != 0 ? own_keys_.data() + (begin & ~kOwnKeys)
                                   : vocabulary_keys_ + begin;
  }
  uint32_t UnitKeyCount(uint32_t u) const { return spans_[u].end - (spans_[u].begin & ~kOwnKeys); }

  std::vector<uint8_t> keys_;   // by key
  std::vector<uint8_t> lists_;  // by list
  std::vector<uint32_t> set_;   // the keys set, to reset
  std::vector<uint32_t> lists_set_;
  // The keys unit u meets: spans_[u] (empty for a unit that is no word unit).
  std::vector<FrameIndex::Span> spans_;
  std::vector<uint32_t> own_keys_;             // the keys of words the vocabulary lacks
  const uint32_t* vocabulary_keys_ = nullptr;  // FrameIndex::vocabulary_keys
};

// The frame matcher's tables, kept from sentence to sentence (one set per thread: frames.cc)
// so that they are allocated and cleared once; what they hold between sentences means nothing.
// frames.cc resets the entries a sentence set before the next one.
struct FrameScratch {
  FrameSentenceWords words;
  // The verbs of the sentence's groups each frame names: by rule, the first and the last of
  // them (indices into `verbs`, which chains them in the order of the groups and their verbs;
  // -1: none); `named` lists the rules to reset.
  struct NamedVerb {
    uint32_t group = 0, verb = 0;  // VerbGroup, GroupVerb
    int32_t next = -1;
  };
  std::vector<NamedVerb> verbs;
  std::vector<int32_t> first_verb, last_verb;
  std::vector<uint32_t> named;
  // The frames to apply to the sentence, in rule order: hand-written, then imported (`chosen`:
  // both, as they are gathered).
  std::vector<uint32_t> chosen, apply, apply_imported;
  // By Refinement::pattern: whether the sentence may hold the line's words (-1: not asked yet),
  // and the first of its occurrences found (-1: none); `asked` lists the patterns to reset.
  std::vector<int8_t> may;
  std::vector<int32_t> first_occurrence;
  std::vector<uint32_t> asked;
  // Whether a line occurs around a verb of a group, for a hand-written or an imported frame.
  struct Occurrence {
    const void* group = nullptr;  // the VerbGroup
    uint32_t verb = 0;
    bool imported = false;
    bool occurs = false;
    int32_t next = -1;  // the pattern's next occurrence, or -1
  };
  std::vector<Occurrence> occurrences;
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_FRAME_INDEX_H_
