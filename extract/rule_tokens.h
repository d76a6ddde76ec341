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

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_TOKENS_H_
