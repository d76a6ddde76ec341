// The tokenizer shared by rule compilation and matching: a token is a run of word bytes (ASCII
// letters and digits, and every byte of a non-ASCII character) or one other non-space byte.
// "Putin's U.S.-Japan" -> Putin ' s U . S . - Japan. Aliases, word lists and patterns are
// split the same way, so they compare token by token with the sentence.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_RULE_TOKENS_H_
#define PARLEY_EXTRACT_RULE_TOKENS_H_

#include <cstdint>
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
inline bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Splits `text` into tokens. REQUIRES: text.size() < 2^32.
std::vector<Token> Tokenize(std::string_view text);

// The token texts of `text`, for compiling aliases and word lists.
std::vector<std::string> TokenTexts(std::string_view text, std::vector<bool>* space_before);

// Interned token texts: each distinct text gets a small id (1, 2, ...), so matching looks a
// sentence token up once and then compares integers. An open-addressing hash table; the hash is
// computed on the fly (no per-lookup allocation).
//
// Thread-safety: Find may run on any number of threads; Intern only while no one else reads.
class TokenTable {
 public:
  // Id 0 is never given out: Find returns it for texts that were never interned.
  static constexpr uint32_t kAbsent = 0;

  // Returns the id of `text`, interning it first when it is new.
  uint32_t Intern(std::string_view text);
  // Returns the id of `text`, or kAbsent.
  uint32_t Find(std::string_view text) const;
  // The number of interned texts (the largest id).
  size_t size() const { return texts_.size(); }

 private:
  struct Slot {
    uint32_t id = kAbsent;  // kAbsent: an empty slot
    uint32_t hash = 0;      // the low 32 bits of the text's hash, checked before the text
  };
  static uint64_t Hash(std::string_view text);
  // The slot holding `text`, or the empty slot where it would go. REQUIRES: !slots_.empty().
  size_t Probe(std::string_view text, uint64_t hash) const;

  std::vector<Slot> slots_;         // a power of two in size, at most half full
  std::vector<std::string> texts_;  // by id - 1
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_TOKENS_H_
