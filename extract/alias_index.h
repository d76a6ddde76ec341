// The literal alias index: every literal alias and adjective of the entity rules, keyed by its
// first token, so that tagging looks each sentence token up once and compares integers. Built
// by the entity compiler (rule_entities.cc, Add), read by tagging (mentions.cc, Keys and
// MatchBucket). Internal to extract/.
//
// Every alias token is interned in one TokenTable; a token's key is TokenKey(id, space_before),
// because an alias token after the first must agree with the sentence on whether white space
// precedes it ("U.S." is not "U. S."). A bucket (the aliases of one first token) is sorted by
// its second token's key, then its third's, so a sentence position is matched by binary
// searches, not entry by entry (the default rules alone hold 197 aliases "Government of ...",
// which every "Government of" in a text passed over one by one); `order` restores definition
// order, which decides ties between aliases of equal text.
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

// One literal alias as AliasIndex holds it. Trivially copyable: the index allocates nothing per
// alias, and the rules snapshot (rule_snapshot.h) copies a bucket of them as one block.
struct AliasKey {
  uint32_t order = 0;        // definition order among the aliases of its first token
  uint32_t entity : 31 = 0;  // index into CompiledRules::entities
  uint32_t demonym : 1 = 0;
  // The TokenKeys of the tokens after the first, `rest_size` of them: the first two in `second`
  // and `third` (0, below every TokenKey, where the alias has no such token), which the bucket
  // is sorted by, so a binary search reads no other memory; the others in AliasIndex::more,
  // from `more` on.
  uint32_t second = 0;
  uint32_t third = 0;
  uint32_t rest_size = 0;
  uint32_t more = 0;
};

struct AliasIndex {
  // Every token of every literal alias, and the words other stages intern in it so that one
  // lookup per sentence token serves them all (CompiledRules::alias_index): a token that is in
  // no alias may have an id here, and then its buckets are empty.
  TokenTable tokens;
  std::vector<std::vector<AliasKey>> exact;   // by first-token id; empty when none
  std::vector<std::vector<AliasKey>> folded;  // the same for ignore_case aliases (lower-cased)
  // The TokenKeys of every alias's tokens after its third (AliasKey::more), alias after alias.
  std::vector<uint32_t> more;
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
  // Sorts every bucket by (second, third, order), which MatchBucket searches, and makes the kOne*
  // bits of `starts` and `pairs`. REQUIRES: called after the last Add and before any lookup.
  void Finish();

  // Fills `exact` and `folded` with the TokenKey of each of `tokens` (texts in `text`, and in
  // its lower-cased copy `lower`) in this index: as written, and lower-cased. A token that is
  // in no alias gets id 0, which no alias key holds.
  void Keys(std::string_view text, std::string_view lower, const std::vector<Token>& tokens,
            std::vector<uint32_t>* exact, std::vector<uint32_t>* folded) const;

  // The TokenKeys of `key`'s tokens after the first, in order.
  std::vector<uint32_t> Rest(const AliasKey& key) const;
  // Whether every key of `exact` and `folded` finds its tokens after the third in `more` (a
  // snapshot read from a file is checked with it).
  bool RestInBounds() const;
};

// Calls `fn(alias)` for each alias of `bucket` that matches the sentence at token i, in
// definition order. `keys` are the sentence's token keys (AliasIndex::Keys) for the bucket's
// table; `more` is the index's AliasIndex::more. REQUIRES: !bucket.empty().
template <typename Fn>
void MatchBucket(const std::vector<AliasKey>& bucket, const std::vector<uint32_t>& more,
                 const std::vector<uint32_t>& keys, uint32_t i, Fn fn) {
  auto by_second = [](const AliasKey& k, uint32_t second) { return k.second < second; };
  // Three runs of the bucket may match, each in definition order: the one-token aliases, the
  // two-token ones whose second key is the sentence's next, and the longer ones whose second
  // and third keys are its next two.
  // One-token aliases sort first (second == 0) and always match. Most buckets hold one kind
  // only, or no alias of the sentence's next key, which their ends tell without a search.
  const uint32_t lowest = bucket.front().second, highest = bucket.back().second;
  const auto end = bucket.end();
  auto single = bucket.begin();
  auto single_end = lowest != 0    ? bucket.begin()
                    : highest == 0 ? end
                                   : std::lower_bound(bucket.begin(), end, 1u, by_second);
  auto pair = single_end, pair_end = single_end;
  auto longer = single_end, longer_end = single_end;
  const size_t n = keys.size();
  if (i + 1 < n && keys[i + 1] > 1 && keys[i + 1] >= lowest && keys[i + 1] <= highest) {
    const uint32_t second = keys[i + 1];
    pair = std::lower_bound(single_end, end, second, by_second);
    pair_end = pair;
    while (pair_end != end && pair_end->second == second && pair_end->third == 0) ++pair_end;
    if (i + 2 < n && keys[i + 2] > 1 && pair_end != end && pair_end->second == second) {
      const uint32_t third = keys[i + 2];
      longer = std::lower_bound(pair_end, end, third, [second](const AliasKey& k, uint32_t t) {
        return k.second < second || (k.second == second && k.third < t);
      });
      longer_end = longer;
      while (longer_end != end && longer_end->second == second && longer_end->third == third) {
        ++longer_end;
      }
    }
  }
  // `second` and `third` are the sentence's next keys in the longer run; the rest are a few
  // keys, compared in a loop (std::equal calls memcmp).
  auto matches = [&](const AliasKey& k) {
    const size_t size = k.rest_size;
    if (i + 1 + size > n) return false;
    const uint32_t* const at = keys.data() + i + 3;
    const uint32_t* const want = more.data() + k.more;
    for (size_t r = 0; r + 2 < size; ++r) {
      if (want[r] != at[r]) return false;
    }
    return true;
  };
  constexpr uint32_t kDone = 0xffffffff;  // above every order
  for (;;) {
    const uint32_t a = single != single_end ? single->order : kDone;
    const uint32_t b = pair != pair_end ? pair->order : kDone;
    const uint32_t c = longer != longer_end ? longer->order : kDone;
    if (a < b && a < c) {
      fn(*single++);
    } else if (b < c) {
      fn(*pair++);
    } else if (c != kDone) {
      if (matches(*longer)) fn(*longer);
      ++longer;
    } else {
      break;
    }
  }
}

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_ALIAS_INDEX_H_
