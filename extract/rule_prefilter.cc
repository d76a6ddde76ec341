#include "extract/rule_prefilter.h"

#include <algorithm>
#include <bit>
#include <map>
#include <string>
#include <utility>

#include "extract/scratch_pool.h"

namespace parley::internal {
namespace {

// Words so frequent that anchoring a pattern on them prefilters almost nothing.
bool IsCommonWord(std::string_view w) {
  static constexpr std::string_view kCommon[] = {"that",  "with", "from", "this",  "have",
                                                 "were",  "will", "been", "which", "their",
                                                 "would", "they", "said"};
  if (w.size() <= 3) return true;
  return std::find(std::begin(kCommon), std::end(kCommon), w) != std::end(kCommon);
}

}  // namespace

void ChooseAnchors(CompiledPattern* out) {
  // Anchor on the most selective requirement: a common word ("to", "the") makes a pattern a
  // candidate in most sentences, a set of rarer verbs in few.
  size_t best_cost = 0;
  auto consider = [&](const std::vector<std::string>& words) {
    size_t cost = 0;
    for (const std::string& w : words) cost += IsCommonWord(w) ? 50 : 1;
    if (out->anchors.empty() || cost < best_cost) {
      out->anchors = words;
      best_cost = cost;
    }
  };
  for (const std::string& w : out->required_words) consider({w});
  for (const std::vector<std::string>& any : out->required_any) consider(any);
}

void IndexPatternWords(CompiledRules* rules) {
  std::map<std::vector<std::string>, uint32_t> ids;
  TokenTable& vocabulary = rules->alias_index.tokens;
  auto id_of = [&](const std::string& w) {
    const uint32_t v = vocabulary.Intern(w);
    if (v >= rules->pattern_word_of.size()) {
      rules->pattern_word_of.resize(v + 1, kNoPatternWord);
    }
    uint32_t& id = rules->pattern_word_of[v];
    if (id == kNoPatternWord) {
      rules->pattern_words.emplace_back();
      id = static_cast<uint32_t>(rules->pattern_words.size());
    }
    return id;
  };
  auto word = [&](const std::string& w) -> PatternWord& {
    return rules->pattern_words[id_of(w) - 1];
  };
  auto ids_of = [&](const std::vector<std::string>& words) {
    std::vector<uint32_t> ids;
    for (const std::string& w : words) ids.push_back(id_of(w));
    return PatternWordSet(std::move(ids));
  };
  auto intern = [&](const std::vector<std::string>& words) {
    auto [it, fresh] = ids.emplace(words, rules->requirement_count);
    if (fresh) {
      for (const std::string& w : words) {
        word(w).requirements.push_back(rules->requirement_count);
      }
      ++rules->requirement_count;
    }
    return it->second;
  };
  for (uint32_t r = 0; r < rules->rules.size(); ++r) {
    Rule& rule = rules->rules[r];
    const int kind = static_cast<int>(rule.kind);
    for (uint32_t p = 0; p < rule.patterns.size(); ++p) {
      CompiledPattern& pattern = rule.patterns[p];
      for (const std::string& w : pattern.required_words) {
        pattern.requirements.push_back(intern({w}));
      }
      for (const std::vector<std::string>& any : pattern.required_any) {
        pattern.requirements.push_back(intern(any));
      }
      pattern.start_ids = ids_of(pattern.start_words);
      pattern.second_ids = ids_of(pattern.second_words);
      for (UnitCheck& unit : pattern.then) unit.ids = ids_of(unit.words);
      const uint32_t index = static_cast<uint32_t>(rules->patterns_of[kind].size());
      rules->patterns_of[kind].emplace_back(r, p);
      std::vector<uint64_t>& unanchored = rules->unanchored[kind];
      unanchored.resize(index / 64 + 1, 0);
      if (pattern.anchors.empty()) unanchored[index / 64] |= uint64_t{1} << (index % 64);
      for (const std::string& anchor : pattern.anchors) {
        word(anchor).anchored[kind].push_back(index);
      }
    }
  }
  // Frames are candidates for a sentence holding any form of one of their verbs or one of their
  // nouns (`noun` and `noun-clause`).
  for (uint32_t r = 0; r < rules->rules.size(); ++r) {
    const Rule& rule = rules->rules[r];
    if (rule.frame == nullptr) continue;
    for (const FrameVerb& verb : rule.frame->verbs) {
      for (const std::string& form : rules->lexicon.Forms(verb.verb)) {
        std::vector<uint32_t>& frames = word(form).frames;
        if (frames.empty() || frames.back() != r) frames.push_back(r);
      }
    }
    for (const std::vector<std::string>* nouns : {&rule.frame->nouns, &rule.frame->clause_nouns}) {
      for (const std::string& noun : *nouns) {
        std::vector<uint32_t>& frames = word(noun).frames;
        if (frames.empty() || frames.back() != r) frames.push_back(r);
      }
    }
  }
  // The marked lists' first tokens (tagged_sentence.h, "Marked word lists"), by which a
  // sentence's marks are found.
  MarkedLists& marked = rules->marked_lists;
  marked.first_of_pattern_word.clear();
  for (uint32_t k = 0; k < marked.first_tokens.size(); ++k) {
    const uint32_t id = id_of(marked.first_tokens[k]);
    if (id >= marked.first_of_pattern_word.size()) {
      marked.first_of_pattern_word.resize(id + 1, MarkedLists::kNoFirst);
    }
    marked.first_of_pattern_word[id] = k;
  }
  rules->pattern_word_of.resize(vocabulary.size() + 1, kNoPatternWord);
}

void FindPatternWords(const CompiledRules& rules, const std::vector<uint32_t>& folded_keys,
                      Tagged* s) {
  // One pass for both: each was a loop of its own.
  const size_t n = folded_keys.size();
  s->words.resize(n);
  s->pattern_words.resize(n);
  const uint32_t* const keys = folded_keys.data();
  const uint32_t* const of = rules.pattern_word_of.data();
  uint32_t* const words = s->words.data();
  uint32_t* const out = s->pattern_words.data();
  for (size_t t = 0; t < n; ++t) {
    const uint32_t id = keys[t] / 2;  // TokenKey: the id and the space before
    words[t] = id;
    out[t] = of[id];
  }
}

namespace {

// A Prefilter's marks between documents (Prefilter::seen_, met_ and stamp_).
struct PrefilterMarks {
  std::vector<uint16_t> seen, met;
  uint16_t stamp = 0;
};

}  // namespace

Prefilter::Prefilter(const CompiledRules& rules) : rules_(rules) {
  PrefilterMarks marks = ScratchPool<PrefilterMarks>::Take();
  // Marks of other rules, or none yet: all zero, with stamp 0 (below every stamp to come).
  if (marks.seen.size() != rules.pattern_words.size() + 1 ||
      marks.met.size() != rules.requirement_count) {
    marks.seen.assign(rules.pattern_words.size() + 1, 0);
    marks.met.assign(rules.requirement_count, 0);
    marks.stamp = 0;
  }
  seen_ = std::move(marks.seen);
  met_ = std::move(marks.met);
  stamp_ = marks.stamp;
}

Prefilter::~Prefilter() {
  ScratchPool<PrefilterMarks>::Give({std::move(seen_), std::move(met_), stamp_});
}

const PatternRefs& Prefilter::Select(RuleKind kind, const Tagged& s) {
  if (looked_up_ != &s) LookUpWords(s);
  const int k = static_cast<int>(kind);
  // One bit per pattern of the kind, read in index order: the patterns in rule then pattern
  // order, each once, without sorting.
  selected_.assign(rules_.unanchored[k].begin(), rules_.unanchored[k].end());
  for (const PatternWord* use : word_uses_) {
    for (uint32_t i : use->anchored[k]) selected_[i / 64] |= uint64_t{1} << (i % 64);
  }
  patterns_.clear();
  for (size_t w = 0; w < selected_.size(); ++w) {
    for (uint64_t bits = selected_[w]; bits != 0; bits &= bits - 1) {
      patterns_.push_back(rules_.patterns_of[k][w * 64 + std::countr_zero(bits)]);
    }
  }
  return patterns_;
}

// Finds the sentence's words in the pattern word index and marks the word requirements they
// meet. Coreference and relations reuse the result for a sentence whose units did not change in
// between.
void Prefilter::LookUpWords(const Tagged& s) {
  NewStamp();
  word_uses_.clear();
  // Marks through local pointers and a local stamp: a store into met_ or seen_ could otherwise
  // be stamp_ to the compiler, which would load it and the vectors again after each.
  const uint16_t stamp = stamp_;
  uint16_t* const seen = seen_.data();
  uint16_t* const met = met_.data();
  const PatternWord* const index = rules_.pattern_words.data();
  // The sentence's pattern-word units, which pattern matching reads next.
  const PatternWordUnits* const units = WordUnits(s);
  if (units == nullptr) {
    looked_up_ = &s;
    return;
  }
  for (const PatternWordUnits::Entry& unit : units->units) {
    const uint32_t word = unit.id;
    if (seen[word] == stamp) continue;
    seen[word] = stamp;
    const PatternWord& use = index[word - 1];
    for (uint32_t id : use.requirements) met[id] = stamp;
    word_uses_.push_back(&use);
  }
  looked_up_ = &s;
}

const FrameSelection& Prefilter::SelectFrames(const Tagged& s) {
  if (looked_up_ != &s) LookUpWords(s);
  // A bit per rule, without sorting or listing the words' lists (a common verb names dozens of
  // imported frames): the frames read test the few their verbs name. Only the words of the
  // bitmap that the sentence before set are cleared.
  std::vector<uint64_t>& frame_bits = frames_.bits_;
  if (frame_bits.empty()) frame_bits.assign(rules_.rules.size() / 64 + 1, 0);
  uint64_t* const bits = frame_bits.data();
  for (size_t w = frames_.lowest_; w <= frames_.highest_; ++w) bits[w] = 0;
  size_t lowest = frame_bits.size(), highest = 0;
  for (const PatternWord* use : word_uses_) {
    for (uint32_t r : use->frames) {
      const size_t w = r / 64;
      bits[w] |= uint64_t{1} << (r % 64);
      lowest = std::min(lowest, w);
      highest = std::max(highest, w);
    }
  }
  frames_.lowest_ = lowest;
  frames_.highest_ = highest;
  if (lowest > highest) frames_.lowest_ = 1, frames_.highest_ = 0;
  return frames_;
}

std::pair<uint32_t, uint32_t> Prefilter::Keep() {
  const uint32_t begin = static_cast<uint32_t>(kept_uses_.size());
  kept_uses_.insert(kept_uses_.end(), word_uses_.begin(), word_uses_.end());
  return {begin, static_cast<uint32_t>(kept_uses_.size())};
}

void Prefilter::Restore(const Tagged& s, std::pair<uint32_t, uint32_t> kept) {
  if (kept.second <= kept.first) return;
  NewStamp();
  word_uses_.assign(kept_uses_.begin() + kept.first, kept_uses_.begin() + kept.second);
  for (const PatternWord* use : word_uses_) {
    for (uint32_t id : use->requirements) met_[id] = stamp_;
  }
  looked_up_ = &s;
}

void Prefilter::NewStamp() {
  if (++stamp_ == 0) {  // wrapped: forget every mark
    std::fill(met_.begin(), met_.end(), 0);
    std::fill(seen_.begin(), seen_.end(), 0);
    stamp_ = 1;
  }
}

bool Prefilter::Possible(const CompiledPattern& p, const Tagged& s) const {
  for (uint32_t bits : p.required_bits) {
    if ((bits & s.bits) == 0) return false;
  }
  for (uint32_t id : p.requirements) {
    if (met_[id] != stamp_) return false;
  }
  return true;
}

}  // namespace parley::internal
