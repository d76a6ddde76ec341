#include "extract/alias_index.h"

#include <string>

#include "base/text.h"

namespace parley::internal {
namespace {}  // namespace

bool AliasIndex::Add(std::string_view text, bool ignore_case, bool demonym, uint32_t entity) {
  static thread_local std::string lowered;  // kept between calls, as `tokens` below
  if (ignore_case) {
    lowered.assign(text);
    for (char& c : lowered) c = AsciiLowerByte(c);
    text = lowered;
  }
  // Scratch kept between calls: the entity compiler adds tens of thousands of aliases.
  static thread_local std::vector<Token> tokens;
  Tokenize(text, &tokens);
  if (tokens.empty()) return false;
  auto token_text = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  AliasKey key;
  key.entity = entity;
  key.demonym = demonym;
  key.rest_size = static_cast<uint32_t>(tokens.size() - 1);
  key.more = static_cast<uint32_t>(more.size());
  for (size_t k = 1; k < tokens.size(); ++k) {
    const uint32_t token_key =
        TokenKey(this->tokens.Intern(token_text(tokens[k])), tokens[k].space_before);
    if (k == 1) {
      key.second = token_key;
    } else if (k == 2) {
      key.third = token_key;
    } else {
      more.push_back(token_key);
    }
  }
  const uint32_t first = this->tokens.Intern(token_text(tokens[0]));
  auto& buckets = ignore_case ? folded : exact;
  if (buckets.size() <= first) buckets.resize(first + 1);
  if (starts.size() <= first) starts.resize(first + 1, 0);
  starts[first] |= ignore_case ? kStartsFolded : kStartsExact;
  std::vector<AliasKey>& bucket = buckets[first];
  key.order = static_cast<uint32_t>(bucket.size());
  bucket.push_back(std::move(key));
  return true;
}

void AliasIndex::Finish() {
  // A bucket holds its keys in `order`: a stable sort by (second, third) makes it
  // (second, third, order).
  auto by_keys = [](const AliasKey& a, const AliasKey& b) {
    return a.second != b.second ? a.second < b.second : a.third < b.third;
  };
  for (std::vector<std::vector<AliasKey>>* buckets : {&exact, &folded}) {
    for (std::vector<AliasKey>& bucket : *buckets) {
      if (!std::is_sorted(bucket.begin(), bucket.end(), by_keys)) {
        std::stable_sort(bucket.begin(), bucket.end(), by_keys);
      }
    }
  }
  pairs.assign(kPairBits / 64, 0);
  for (const bool ignore_case : {false, true}) {
    const std::vector<std::vector<AliasKey>>& buckets = ignore_case ? folded : exact;
    for (uint32_t first = 0; first < buckets.size(); ++first) {
      for (const AliasKey& key : buckets[first]) {
        if (key.second == 0) {
          starts[first] |= ignore_case ? kOneFolded : kOneExact;
          continue;
        }
        const uint32_t bit = PairBit(first, key.second);
        pairs[bit / 64] |= uint64_t{1} << (bit % 64);
      }
    }
  }
}

std::vector<uint32_t> AliasIndex::Rest(const AliasKey& key) const {
  std::vector<uint32_t> rest;
  if (key.rest_size > 0) rest.push_back(key.second);
  if (key.rest_size > 1) rest.push_back(key.third);
  for (uint32_t r = 2; r < key.rest_size; ++r) rest.push_back(more[key.more + r - 2]);
  return rest;
}

bool AliasIndex::RestInBounds() const {
  for (const std::vector<std::vector<AliasKey>>* buckets : {&exact, &folded}) {
    for (const std::vector<AliasKey>& bucket : *buckets) {
      for (const AliasKey& key : bucket) {
        if (key.rest_size > 2 && uint64_t{key.more} + key.rest_size - 2 > more.size()) {
          return false;
        }
      }
    }
  }
  return true;
}

void AliasIndex::Keys(std::string_view text, std::string_view lower,
                      const std::vector<Token>& sentence, std::vector<uint32_t>* exact_keys,
                      std::vector<uint32_t>* folded_keys) const {
  const size_t n = sentence.size();
  exact_keys->resize(n);
  folded_keys->resize(n);
  // Raw pointers: the stores through the vectors' own would make every iteration reload them.
  const Token* const in = sentence.data();
  uint32_t* const exact = exact_keys->data();
  uint32_t* const folded = folded_keys->data();
  for (size_t i = 0; i < n; ++i) {
    const Token t = in[i];
    const size_t size = t.end - t.begin;
    const char* const written = text.data() + t.begin;
    const char* const lowered = lower.data() + t.begin;
    const uint32_t key = TokenKey(tokens.Find(std::string_view(written, size)), t.space_before);
    exact[i] = key;
    // `lower` differs from `text` where, and only where, an ASCII capital is.
    folded[i] = SameTokenBytes(written, lowered, size)
                    ? key
                    : TokenKey(tokens.Find(std::string_view(lowered, size)), t.space_before);
  }
}

}  // namespace parley::internal
