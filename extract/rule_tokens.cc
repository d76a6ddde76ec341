#include "extract/rule_tokens.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace parley::internal {
namespace {

// The end of the run of word bytes (IsWordByte) at p[j, n): 16 bytes at a time, then byte by
// byte for the last few. Words average about 5 bytes, so most end within the first 16.
uint32_t WordEnd(const unsigned char* p, uint32_t j, uint32_t n) {
  using Bytes = unsigned char __attribute__((vector_size(16)));
  while (j + sizeof(Bytes) <= n) {
    Bytes x;
    std::memcpy(&x, p + j, sizeof(Bytes));
    // Per lane all ones for a byte that is no word byte; the subtractions wrap below '0', 'a'.
    const Bytes other = ~((x >= 0x80) | (x - '0' < 10) | ((x | 0x20) - 'a' < 26));
    uint64_t halves[2];
    std::memcpy(halves, &other, sizeof(halves));
    if (halves[0] != 0) return j + static_cast<uint32_t>(std::countr_zero(halves[0]) / 8);
    if (halves[1] != 0) return j + 8 + static_cast<uint32_t>(std::countr_zero(halves[1]) / 8);
    j += sizeof(Bytes);
  }
  while (j < n && IsWordByte(p[j])) ++j;
  return j;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  return tokens;
}

void Tokenize(std::string_view text, std::vector<Token>* out) {
  // Byte classes: 0 white space, 1 word byte, 2 any other byte (a token of its own), 3 the
  // underscore (a token of its own too, unless between word bytes).
  static constexpr auto kClass = [] {
    std::array<uint8_t, 256> table{};
    for (int c = 0; c < 256; ++c) {
      table[c] = c == ' ' || c == '\t' || c == '\n' || c == '\r' ? 0
                 : IsWordByte(c)                                 ? 1
                 : c == '_'                                      ? 3
                                                                 : 2;
    }
    return table;
  }();
  std::vector<Token>& tokens = *out;
  tokens.clear();
  // Sentences average about 5 bytes a token: one allocation, rarely two.
  tokens.reserve(text.size() / 4 + 4);
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  bool space = false;
  while (i < n) {
    const uint8_t c = kClass[p[i]];
    uint32_t j = i + 1;
    if (c == 1) {  // most tokens are words: tested first
      j = WordEnd(p, j, n);
    } else if (c == 0 || (c == 3 && i > 0 && j < n && kClass[p[i - 1]] == 1 && kClass[p[j]] == 1)) {
      // White space; or an underscore between word bytes, which joins words as a space does
      // ("Dol_Amroth", the compound words of PETRARCH's and TABARI's input): it separates two
      // word tokens.
      space = true;
      ++i;
      continue;
    }
    tokens.push_back(Token{i, j, space && !tokens.empty()});
    space = false;
    i = j;
  }
}

std::vector<std::string> TokenTexts(std::string_view text, std::vector<bool>* space_before) {
  const std::vector<Token> tokens = Tokenize(text);
  std::vector<std::string> out;
  out.reserve(tokens.size());
  if (space_before != nullptr) {
    space_before->clear();
    space_before->reserve(tokens.size());
  }
  for (const Token& t : tokens) {
    out.emplace_back(text.substr(t.begin, t.end - t.begin));
    if (space_before != nullptr) space_before->push_back(t.space_before);
  }
  return out;
}

uint32_t TokenTable::Intern(std::string_view text) {
  if (2 * (count_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, 2 * old.size()), Slot{});
    const size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == kAbsent) continue;
      // The slot keeps the hash's low 32 bits, all a mask of a table under 2^32 slots reads.
      size_t i = slot.hash & mask;
      while (slots_[i].id != kAbsent) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  const uint64_t hash = Hash(text);
  Slot& slot = slots_[Probe(text, hash)];
  if (slot.id == kAbsent) {
    slot = {++count_, static_cast<uint32_t>(hash), static_cast<uint32_t>(pool_.size()),
            static_cast<uint32_t>(text.size())};
    texts_.emplace_back(slot.offset, slot.size);
    pool_.append(text);
    if (text.size() == 1) bytes_[static_cast<unsigned char>(text[0])] = slot.id;
  }
  return slot.id;
}

void TokenTable::FillBytes() {
  bytes_.fill(kAbsent);
  if (slots_.empty()) return;
  for (int c = 0; c < 256; ++c) {
    const char byte = static_cast<char>(c);
    const std::string_view text(&byte, 1);
    bytes_[c] = slots_[Probe(text, Hash(text))].id;
  }
}

}  // namespace parley::internal
