#include "extract/rule_tokens.h"

namespace parley::internal {

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  bool space = false;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    uint32_t j = i + 1;
    if (IsWordByte(c)) {
      while (j < n && IsWordByte(static_cast<unsigned char>(text[j]))) ++j;
    }
    tokens.push_back(Token{i, j, space && !tokens.empty()});
    space = false;
    i = j;
  }
  return tokens;
}

std::vector<std::string> TokenTexts(std::string_view text, std::vector<bool>* space_before) {
  std::vector<std::string> out;
  if (space_before != nullptr) space_before->clear();
  for (const Token& t : Tokenize(text)) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
    if (space_before != nullptr) space_before->push_back(t.space_before);
  }
  return out;
}

}  // namespace parley::internal
