// The tokenizer shared by rule compilation and matching: a token is a run of word bytes (ASCII
// letters and digits, and every byte of a non-ASCII character) or one other non-space byte.
// "Putin's U.S.-Japan" -> Putin ' s U . S . - Japan. An underscore between word bytes separates
// words as white space does ("Dol_Amroth" -> Dol Amroth: PETRARCH's input joins compound words so).
// Aliases, word lists and patterns are split the same way, so they compare token by token with the
// sentence.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_RULE_TOKENS_H_
#define PARLEY_EXTRACT_RULE_TOKENS_H_

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace parley::internal {

struct Token {
  uint32_t begin = 0;  // bytes in the tokenized text
  uint32_t end = 0;
  bool space_before = false;  // white space separates it from the previous token

  friend bool operator==(const Token&, const Token&) = default;
};

// True for bytes that belong to word tokens.
constexpr bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Splits `text` into tokens. REQUIRES: text.size() < 2^32.
std::vector<Token> Tokenize(std::string_view text);
// The same into *out (its contents replaced), reusing its buffer: for a caller that tokenizes
// many texts. REQUIRES: as above; out != nullptr.
void Tokenize(std::string_view text, std::vector<Token>* out);

// The token texts of `text`, for compiling aliases and word lists.
std::vector<std::string> TokenTexts(std::string_view text, std::vector<bool>* space_before);

// Token texts are a few bytes long: these compare and copy them with one or two loads of 4 or 8
// bytes (overlapping, and never outside the n bytes), where memcmp's and memcpy's calls and
// size dispatch cost more than the work.
template <typename T>
T LoadBytes(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
}
// Whether the n bytes at `a` and `b` are the same.
inline bool SameTokenBytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (LoadBytes<uint64_t>(a + i) != LoadBytes<uint64_t>(b + i)) return false;
    }
    return LoadBytes<uint64_t>(a + n - 8) == LoadBytes<uint64_t>(b + n - 8);
  }
  if (n >= 4) {
    return LoadBytes<uint32_t>(a) == LoadBytes<uint32_t>(b) &&
           LoadBytes<uint32_t>(a + n - 4) == LoadBytes<uint32_t>(b + n - 4);
  }
  return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
}
// Copies the n bytes at `in` to `out`. REQUIRES: the two ranges do not overlap.
inline void CopyTokenBytes(char* out, const char* in, size_t n) {
  const auto store = [](char* p, auto v) { std::memcpy(p, &v, sizeof(v)); };
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) store(out + i, LoadBytes<uint64_t>(in + i));
    store(out + n - 8, LoadBytes<uint64_t>(in + n - 8));
  } else if (n >= 4) {
    const uint32_t first = LoadBytes<uint32_t>(in), last = LoadBytes<uint32_t>(in + n - 4);
    store(out, first);
    store(out + n - 4, last);
  } else if (n > 0) {
    out[0] = in[0];
    out[n / 2] = in[n / 2];
    out[n - 1] = in[n - 1];
  }
}

// Interned token texts: each distinct text gets a small id (1, 2, ...), so matching looks a
// sentence token up once and then compares integers. An open-addressing hash table over one
// pool of bytes; lookups allocate nothing.
//
// Thread-safety: Find may run on any number of threads; Intern only while no one else reads.
class TokenTable {
 public:
  // Id 0 is never given out: Find returns it for texts that were never interned.
  static constexpr uint32_t kAbsent = 0;

  // Returns the id of `text`, interning it first when it is new. REQUIRES: the pool stays
  // under 4 GiB.
  uint32_t Intern(std::string_view text);
  // Returns the id of `text`, or kAbsent.
  uint32_t Find(std::string_view text) const {
    // A fifth of a text's tokens are one byte (punctuation, "a", "I"): read off a table.
    if (text.size() == 1) return bytes_[static_cast<unsigned char>(text[0])];
    if (slots_.empty()) return kAbsent;
    return slots_[Probe(text, Hash(text))].id;
  }
  // The number of interned texts (the largest id).
  size_t size() const { return count_; }
  // The text of id `id`. REQUIRES: 1 <= id <= size().
  std::string_view Text(uint32_t id) const {
    const auto [offset, size] = texts_[id - 1];
    return std::string_view(pool_.data() + offset, size);
  }

  // The table's hash of a token text (also DocumentWords', name_shape.h). Tokens are a few bytes
  // long: one or two loads of the whole token (8-byte words, the last overlapping, for longer
  // ones) and one mix, where a byte loop (FNV) spent 4 instructions a byte.
  static uint64_t Hash(std::string_view text) {
    const char* const p = text.data();
    const size_t n = text.size();
    uint64_t h = n * 0x9E3779B97F4A7C15ull;
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) h = Mix(h ^ LoadBytes<uint64_t>(p + i));
      h ^= LoadBytes<uint64_t>(p + n - 8);
    } else if (n >= 4) {
      h ^= (uint64_t{LoadBytes<uint32_t>(p)} << 32) | LoadBytes<uint32_t>(p + n - 4);
    } else if (n > 0) {
      h ^= (uint64_t{static_cast<unsigned char>(p[0])} << 16) |
           (uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) |
           static_cast<unsigned char>(p[n - 1]);
    }
    return Mix(h);
  }

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  struct Slot {
    uint32_t id = kAbsent;  // kAbsent: an empty slot
    uint32_t hash = 0;      // the low 32 bits of the text's hash, checked before the text
    uint32_t offset = 0;    // the text in pool_
    uint32_t size = 0;
  };
  // One multiplication, its high half folded onto the low bits Probe reads: every input bit
  // moves them.
  static uint64_t Mix(uint64_t x) {
    x *= 0xBF58476D1CE4E5B9ull;
    return x ^ (x >> 32);
  }
  // The slot holding `text`, or the empty slot where it would go. REQUIRES: !slots_.empty().
  size_t Probe(std::string_view text, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (slot.id == kAbsent) return i;
      if (slot.hash == static_cast<uint32_t>(hash) && slot.size == text.size() &&
          SameTokenBytes(pool_.data() + slot.offset, text.data(), text.size())) {
        return i;
      }
    }
  }

  std::vector<Slot> slots_;                           // a power of two in size, at most half full
  std::string pool_;                                  // the texts, back to back
  std::vector<std::pair<uint32_t, uint32_t>> texts_;  // id - 1 -> (offset, size) in pool_
  uint32_t count_ = 0;
  // The id of each one-byte text, or kAbsent: what the slots hold for it (not encoded in the
  // snapshot: made again from the slots when it is read, FillBytes).
  std::array<uint32_t, 256> bytes_{};
  // Fills bytes_ from the slots.
  void FillBytes();
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_TOKENS_H_
