// The literal alias index: every literal alias and adjective of the entity rules, keyed by its
// first token, so that tagging looks each sentence token up once and compares integers. Built
// by the entity compiler (rule_entities.cc, Add), read by tagging (mentions.cc, Keys and
// MatchBucket). Internal to extract/.
//
// Every alias token is interned in one TokenTable; a token's key is TokenKey(id, space_before),
// because an alias token after the first must agree with the sentence on whether white space
// precedes it ("U.S." is not "U. S."). A bucket (the aliases of one first token) is sorted by
// its second token's key, so a sentence position is matched by a binary search, not entry by
// entry; `order` restores definition order, which decides ties between aliases of equal text.
//
// Thread-safety: built once; afterwards any number of threads read it.
#ifndef PARLEY_EXTRACT_ALIAS_INDEX_H_
#define PARLEY_EXTRACT_ALIAS_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/rule_tokens.h"

namespace parley::internal {

// The key of a sentence or alias token: its interned id and whether white space precedes it.
inline uint32_t TokenKey(uint32_t id, bool space_before) { return id * 2 + (space_before ? 1 : 0); }

// One literal alias as AliasIndex holds it.
struct AliasKey {
  std::vector<uint32_t> rest;  // TokenKey of each token after the first
  uint32_t order = 0;          // definition order among the aliases of its first token
  uint32_t entity = 0;         // index into CompiledRules::entities
  bool demonym = false;
  // The key the bucket is sorted by: rest[0], or 0 (below every TokenKey) for a one-token
  // alias. A copy, so a binary search reads no other memory.
  uint32_t second = 0;
};

struct AliasIndex {
  // Every token of every literal alias, and the words other stages intern in it so that one
  // lookup per sentence token serves them all (CompiledRules::alias_index): a token that is in
  // no alias may have an id here, and then its buckets are empty.
  TokenTable tokens;
  std::vector<std::vector<AliasKey>> exact;   // by first-token id; empty when none
  std::vector<std::vector<AliasKey>> folded;  // the same for ignore_case aliases (lower-cased)
  // By token id: kStartsExact when exact[id] is not empty, kStartsFolded when folded[id] is not;
  // one byte read per sentence token tells whether any alias may start there. Finish adds
  // kOneExact, kOneFolded where that bucket holds an alias of one token.
  static constexpr uint8_t kStartsExact = 1, kStartsFolded = 2, kOneExact = 4, kOneFolded = 8;
  std::vector<uint8_t> starts;
  // A filter of the (first token id, second token key) pairs of the aliases of two or more
  // tokens, both tables (Finish): MayPair false means no alias starts with that pair. A token
  // whose bucket holds no one-token alias and whose next token makes no pair with it starts
  // no alias, which the filter tells without reading the bucket: the imported layer's common
  // first words ("the", "a", "in" and "for" start aliases) start none in most sentences.
  static constexpr uint32_t kPairBits = 1u << 20;
  std::vector<uint64_t> pairs;
  bool MayPair(uint32_t first, uint32_t second) const {
    const uint32_t bit = PairBit(first, second);
    return (pairs[bit / 64] >> (bit % 64)) & 1;
  }
  static uint32_t PairBit(uint32_t first, uint32_t second) {
    const uint32_t h = first * 0x9E3779B1u ^ second * 0x85EBCA6Bu;
    return (h ^ (h >> 15)) & (kPairBits - 1);
  }

  // Adds `text` (tokenized as rule_tokens.h does; lower-cased first when `ignore_case`) as an
  // alias of entity `entity`. Returns false, adding nothing, when `text` has no tokens. The
  // alias goes to the end of its bucket: Finish sorts the buckets once all are added (sorted
  // insertion moved tens of thousands of keys for the imported layer's common first words).
  bool Add(std::string_view text, bool ignore_case, bool demonym, uint32_t entity);
  // Sorts every bucket by (second, order), which MatchBucket searches, and makes the kOne* bits
  // of `starts` and `pairs`. REQUIRES: called after the last Add and before any lookup.
  void Finish();

  // Fills `exact` and `folded` with the TokenKey of each of `tokens` (texts in `text`, and in
  // its lower-cased copy `lower`) in this index: as written, and lower-cased. A token that is
  // in no alias gets id 0, which no alias key holds.
  void Keys(std::string_view text, std::string_view lower, const std::vector<Token>& tokens,
            std::vector<uint32_t>* exact, std::vector<uint32_t>* folded) const;
};

// Calls `fn(alias)` for each alias of `bucket` that matches the sentence at token i, in
// definition order. `keys` are the sentence's token keys (AliasIndex::Keys) for the bucket's
// table. REQUIRES: !bucket.empty().
template <typename Fn>
void MatchBucket(const std::vector<AliasKey>& bucket, const std::vector<uint32_t>& keys, uint32_t i,
                 Fn fn) {
  auto by_second = [](const AliasKey& k, uint32_t second) { return k.second < second; };
  // One-token aliases sort first (second == 0) and always match. Most buckets hold one kind
  // only, or no alias of the sentence's next key, which their ends tell without a search.
  const uint32_t lowest = bucket.front().second, highest = bucket.back().second;
  auto single = bucket.begin();
  auto single_end = lowest != 0    ? bucket.begin()
                    : highest == 0 ? bucket.end()
                                   : std::lower_bound(bucket.begin(), bucket.end(), 1u, by_second);
  auto multi = single_end, multi_end = single_end;
  if (i + 1 < keys.size() && keys[i + 1] > 1 && keys[i + 1] >= lowest && keys[i + 1] <= highest) {
    multi = std::lower_bound(single_end, bucket.end(), keys[i + 1], by_second);
    multi_end = multi;
    while (multi_end != bucket.end() && multi_end->second == keys[i + 1]) ++multi_end;
  }
  // rest[0] == keys[i + 1] in the multi range; the rest are a few keys, compared in a loop
  // (std::equal calls memcmp).
  auto matches = [&](const AliasKey& k) {
    const size_t size = k.rest.size();
    if (i + 1 + size > keys.size()) return false;
    const uint32_t* const at = keys.data() + i + 1;
    for (size_t r = 1; r < size; ++r) {
      if (k.rest[r] != at[r]) return false;
    }
    return true;
  };
  while (single != single_end || multi != multi_end) {
    if (multi == multi_end || (single != single_end && single->order < multi->order)) {
      fn(*single++);
    } else {
      if (matches(*multi)) fn(*multi);
      ++multi;
    }
  }
}

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_ALIAS_INDEX_H_
