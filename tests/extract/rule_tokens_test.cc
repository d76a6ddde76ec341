#include "extract/rule_tokens.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::internal {
namespace {

// "text" per token, with a leading '_' when white space precedes it.
std::vector<std::string> Describe(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    out.push_back((t.space_before ? "_" : "") + std::string(text.substr(t.begin, t.end - t.begin)));
  }
  return out;
}

TEST(TokenizeTest, WordsAndOtherBytes) {
  const struct {
    std::string_view text;
    std::vector<std::string> tokens;
  } kCases[] = {
      {"", {}},
      {"  \t\r\n ", {}},
      {"Putin's U.S.-Japan", {"Putin", "'", "s", "_U", ".", "S", ".", "-", "Japan"}},
      {" G20  summit\tin\nOsaka ", {"G20", "_summit", "_in", "_Osaka"}},
      {"Pékin, 2019", {"Pékin", ",", "_2019"}},  // non-ASCII bytes are word bytes
      // An underscore between word bytes separates words as a space does; elsewhere it is a
      // token of its own.
      {"Dol_Amroth", {"Dol", "_Amroth"}},
      {"the Prince of Dol_Amroth_", {"the", "_Prince", "_of", "_Dol", "_Amroth", "_"}},
      {"a_ b _c", {"a", "_", "_b", "__", "c"}},  // "__": an underscore after a space
      {"a\x01"
       "b\x02",
       {"a", "\x01", "b", "\x02"}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(std::string(c.text));
    EXPECT_EQ(Describe(c.text), c.tokens);
  }
}

// Words are scanned 16 bytes at a time: every byte value ends a word, or does not, wherever it
// lies in a block and whether or not a whole block is left after it.
TEST(TokenizeTest, EveryByteEndsAWordOrNotAtEveryPosition) {
  for (int b = 0; b < 256; ++b) {
    SCOPED_TRACE(b);
    const char byte = static_cast<char>(b);
    const bool word = IsWordByte(static_cast<unsigned char>(b));
    for (size_t length = 1; length <= 34; ++length) {
      SCOPED_TRACE(length);
      for (const size_t after : {0, 1, 20}) {
        const std::string text = std::string(length, 'w') + byte + std::string(after, 'z');
        const std::vector<Token> tokens = Tokenize(text);
        ASSERT_FALSE(tokens.empty());
        EXPECT_EQ(tokens[0].end, word ? text.size() : length);
      }
    }
  }
}

// The short-text helpers load 4 or 8 bytes at a time, overlapping: every length and every
// position of a difference, with the text at the very end of its buffer.
TEST(TokenBytesTest, SameAndCopyAtEveryLengthAndPosition) {
  for (size_t n = 0; n <= 24; ++n) {
    SCOPED_TRACE(n);
    std::string a, b;
    for (size_t i = 0; i < n; ++i) a += static_cast<char>('a' + i);
    b = a;
    EXPECT_TRUE(SameTokenBytes(a.data(), b.data(), n));
    for (size_t k = 0; k < n; ++k) {
      SCOPED_TRACE(k);
      std::string c = a;
      c[k] = 'Z';
      EXPECT_FALSE(SameTokenBytes(a.data(), c.data(), n));
      EXPECT_FALSE(SameTokenBytes(c.data(), a.data(), n));
    }
    std::string out(n + 2, '#');
    CopyTokenBytes(out.data() + 1, a.data(), n);
    EXPECT_EQ(out, "#" + a + "#");  // the n bytes, and nothing beside them
  }
}

TEST(TokenTableTest, InternAndFind) {
  TokenTable table;
  EXPECT_EQ(table.Find("the"), TokenTable::kAbsent);
  EXPECT_EQ(table.size(), 0u);
  const uint32_t the = table.Intern("the");
  const uint32_t them = table.Intern("them");
  const uint32_t empty = table.Intern("");
  EXPECT_NE(the, TokenTable::kAbsent);
  EXPECT_NE(them, TokenTable::kAbsent);
  EXPECT_NE(empty, TokenTable::kAbsent);
  EXPECT_NE(the, them);
  EXPECT_NE(the, empty);
  EXPECT_EQ(table.Intern("the"), the);  // interning again keeps the id
  EXPECT_EQ(table.Find("the"), the);
  EXPECT_EQ(table.Find("them"), them);
  EXPECT_EQ(table.Find(""), empty);
  EXPECT_EQ(table.Find("th"), TokenTable::kAbsent);
  EXPECT_EQ(table.Find("The"), TokenTable::kAbsent);  // case-sensitive
  EXPECT_EQ(table.size(), 3u);
}

// One-byte texts are read off a table of their own: the same ids as the slots', for every byte.
TEST(TokenTableTest, OneByteTexts) {
  TokenTable table;
  EXPECT_EQ(table.Find(","), TokenTable::kAbsent);
  const uint32_t comma = table.Intern(",");
  const uint32_t a = table.Intern("a");
  const uint32_t high = table.Intern(std::string(1, '\xff'));
  const uint32_t nul = table.Intern(std::string(1, '\0'));
  for (int i = 0; i < 100; ++i) table.Intern("token" + std::to_string(i));  // the slots grow
  EXPECT_EQ(table.Find(","), comma);
  EXPECT_EQ(table.Find("a"), a);
  EXPECT_EQ(table.Find(std::string(1, '\xff')), high);
  EXPECT_EQ(table.Find(std::string(1, '\0')), nul);
  EXPECT_EQ(table.Find("A"), TokenTable::kAbsent);
  EXPECT_EQ(table.Find("."), TokenTable::kAbsent);
  EXPECT_EQ(table.Text(comma), ",");
  const TokenTable copy = table;
  EXPECT_EQ(copy.Find(","), comma);
}

TEST(TokenTableTest, IdsSurviveGrowth) {
  TokenTable table;
  std::vector<uint32_t> ids;
  for (int i = 0; i < 1000; ++i) ids.push_back(table.Intern("token" + std::to_string(i)));
  EXPECT_EQ(table.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(ids[i], static_cast<uint32_t>(i + 1));  // dense, in interning order
    EXPECT_EQ(table.Find("token" + std::to_string(i)), ids[i]);
    EXPECT_EQ(table.Text(ids[i]), "token" + std::to_string(i));  // and the text back
  }
  EXPECT_EQ(table.Find("token1000"), TokenTable::kAbsent);
}

}  // namespace
}  // namespace parley::internal
