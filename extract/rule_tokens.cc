#include "extract/rule_tokens.h"

#include <algorithm>

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

uint64_t TokenTable::Hash(std::string_view text) {
  // FNV-1a: tokens are a few bytes long, where a byte loop beats block hashes' setup.
  uint64_t h = 14695981039346656037ull;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h ^ (h >> 32);
}

size_t TokenTable::Probe(std::string_view text, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kAbsent ||
        (slot.hash == static_cast<uint32_t>(hash) && texts_[slot.id - 1] == text)) {
      return i;
    }
  }
}

uint32_t TokenTable::Find(std::string_view text) const {
  if (slots_.empty()) return kAbsent;
  return slots_[Probe(text, Hash(text))].id;
}

uint32_t TokenTable::Intern(std::string_view text) {
  if (2 * (texts_.size() + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot{});
    for (const Slot& slot : old) {
      if (slot.id != kAbsent) slots_[Probe(texts_[slot.id - 1], Hash(texts_[slot.id - 1]))] = slot;
    }
  }
  const uint64_t hash = Hash(text);
  Slot& slot = slots_[Probe(text, hash)];
  if (slot.id == kAbsent) {
    texts_.emplace_back(text);
    slot = {static_cast<uint32_t>(texts_.size()), static_cast<uint32_t>(hash)};
  }
  return slot.id;
}

}  // namespace parley::internal
