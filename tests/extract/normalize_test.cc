#include "extract/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

struct Case {
  std::string input;
  TextSyntax syntax;
  std::string text;
  std::vector<uint32_t> offsets;  // size text.size() + 1
};

// Offset(i) of every byte and of the end.
std::vector<uint32_t> Offsets(const NormalizedText& n) {
  std::vector<uint32_t> out;
  n.AppendOffsets(0, n.text.size(), &out);
  out.push_back(n.Offset(n.text.size()));
  return out;
}

TEST(NormalizeForMatchingTest, AlignsByteByByte) {
  const std::vector<Case> cases = {
      {"", TextSyntax::kPlain, "", {0}},
      {"ab", TextSyntax::kPlain, "ab", {0, 1, 2}},
      // Curly quotes: 3 bytes each -> 1 byte mapped to the first original byte.
      {"\xE2\x80\x9Chi\xE2\x80\x9D", TextSyntax::kPlain, "\"hi\"", {0, 3, 4, 5, 8}},
      {"it\xE2\x80\x99s", TextSyntax::kPlain, "it's", {0, 1, 2, 5, 6}},
      // En dash, em dash, minus.
      {"a\xE2\x80\x93"
       "b\xE2\x80\x94"
       "c\xE2\x88\x92"
       "1",
       TextSyntax::kPlain,
       "a-b-c-1",
       {0, 1, 4, 5, 8, 9, 12, 13}},
      // NBSP and line breaks collapse into one space at the first white-space byte.
      {"a\xC2\xA0\n  b", TextSyntax::kPlain, "a b", {0, 1, 6, 7}},
      {"  lead and trail \n",
       TextSyntax::kPlain,
       "lead and trail",
       {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}},
      // Zero-width space and soft hyphen vanish.
      {"a\xE2\x80\x8B"
       "b\xC2\xAD"
       "c",
       TextSyntax::kPlain,
       "abc",
       {0, 4, 7, 8}},
      // Ligature "ﬁ" expands to two bytes, both mapped to its first byte.
      {"\xEF\xAC\x81ne", TextSyntax::kPlain, "fine", {0, 0, 3, 4, 5}},
      // Ellipsis.
      {"so\xE2\x80\xA6", TextSyntax::kPlain, "so...", {0, 1, 2, 2, 2, 5}},
      // Other non-ASCII text is copied byte for byte.
      {"L\xC3\xB3pez", TextSyntax::kPlain, "L\xC3\xB3pez", {0, 1, 2, 3, 4, 5, 6}},
      // Markdown syntax is left alone in plain text.
      {"**a** [b](c)",
       TextSyntax::kPlain,
       "**a** [b](c)",
       {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}},
      // Markdown emphasis and links.
      {"**a** b", TextSyntax::kMarkdown, "a b", {2, 5, 6, 7}},
      {"see [the text](http://x.org/a_(b)) now",
       TextSyntax::kMarkdown,
       "see the text now",
       {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 34, 35, 36, 37, 38}},
      {"![alt](img.png)", TextSyntax::kMarkdown, "alt", {2, 3, 4, 15}},
      {"[ref][1] x", TextSyntax::kMarkdown, "ref x", {1, 2, 3, 8, 9, 10}},
      {"a [b] c", TextSyntax::kMarkdown, "a [b] c", {0, 1, 2, 3, 4, 5, 6, 7}},
      // Entities, escapes, inline HTML.
      {"A&amp;B &rsquo;x&#8217; &#x41;",
       TextSyntax::kMarkdown,
       "A&B 'x' A",
       {0, 1, 6, 7, 8, 15, 16, 23, 24, 30}},
      {"&bogus; &", TextSyntax::kMarkdown, "&bogus; &", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
      {"Joe\\_Biden \\*",
       TextSyntax::kMarkdown,
       "Joe_Biden *",
       {0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 13}},
      {"75<sup>th</sup> <u>x</u>", TextSyntax::kMarkdown, "75th x", {0, 1, 7, 8, 15, 19, 24}},
      {"<!-- -->", TextSyntax::kMarkdown, "", {0}},
      {"<https://a.b/c>",
       TextSyntax::kMarkdown,
       "https://a.b/c",
       {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15}},
      // snake_case and arithmetic stay.
      {"a_b 2 * 3", TextSyntax::kMarkdown, "a_b 2 * 3", {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}},
      // Code spans and quote markers at line starts.
      {"`x` y\n> z", TextSyntax::kMarkdown, "x y z", {1, 3, 4, 5, 8, 9}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const NormalizedText n =
        NormalizeForMatching(c.input, 0, static_cast<uint32_t>(c.input.size()), c.syntax);
    EXPECT_EQ(n.text, c.text);
    EXPECT_EQ(Offsets(n), c.offsets);
  }
}

TEST(NormalizeForMatchingTest, SubRangeOffsetsAreAbsolute) {
  const std::string doc =
      "xx \xE2\x80\x9C"
      "ab\xE2\x80\x9D yy";
  const NormalizedText n = NormalizeForMatching(doc, 3, 12, TextSyntax::kPlain);
  EXPECT_EQ(n.text, "\"ab\"");
  EXPECT_EQ(Offsets(n), (std::vector<uint32_t>{3, 6, 7, 8, 11}));
}

TEST(NormalizeForMatchingTest, MarkupWidensCharacterRanges) {
  const std::string doc = "**Bold.** [x](y)";
  const NormalizedText n =
      NormalizeForMatching(doc, 0, static_cast<uint32_t>(doc.size()), TextSyntax::kMarkdown);
  ASSERT_EQ(n.text, "Bold. x");
  EXPECT_EQ(n.Begin(0), 0u);        // "**" before "B"
  EXPECT_EQ(n.End(4), 9u);          // "**" after "."
  EXPECT_EQ(n.Begin(6), 10u);       // "[" before "x"
  EXPECT_EQ(n.End(6), doc.size());  // "](y)" after "x"
}

// Begin, End and Offset of every byte, over every kind of piece the map holds: runs of plain
// bytes (and the single spaces joined to them), characters kept, replaced (curly quotes, a dash,
// the ellipsis, a ligature, references) or dropped, white space collapsed, and markup dropped
// before or after a character. The expected values are those of the per-byte arrays the map
// replaced (at 9648392).
TEST(NormalizeForMatchingTest, BeginsEndsAndOffsetsOfEveryByte) {
  struct Map {
    std::string input;
    TextSyntax syntax;
    std::string text;
    std::vector<uint32_t> begins, ends, offsets;
  };
  const std::vector<Map> maps = {
      {"**Bold.** [x](y) a  b\xE2\x80\x94"
       "c \xE2\x80\xA6 *d* \\# e&amp;f &#x41; <https://a.b> caf\xC3\xA9.",
       TextSyntax::kMarkdown,
       "Bold. x a b-c ... d # e&f A https://a.b caf\xC3\xA9.",
       {0,  3,  4,  5,  6,  9,  10, 16, 17, 18, 20, 21, 24, 25, 26, 26, 26, 29, 30, 33, 34, 36, 37,
        38, 43, 44, 45, 51, 52, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 65, 66, 67, 68, 69, 69, 71},
       {3,  4,  5,  6,  9,  10, 16, 17, 18, 19, 21, 24, 25, 26, 29, 29, 29, 30, 33, 34, 36, 37, 38,
        43, 44, 45, 51, 52, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 65, 66, 67, 68, 69, 71, 71, 72},
       {2,  3,  4,  5,  6,  9,  11, 16, 17, 18, 20, 21, 24, 25, 26, 26,
        26, 29, 31, 33, 34, 36, 37, 38, 43, 44, 45, 51, 53, 54, 55, 56,
        57, 58, 59, 60, 61, 62, 63, 65, 66, 67, 68, 69, 70, 71, 72}},
      {"  x\xC2\xA0y \xEF\xAC\x81 `z`\n> q\xE2\x80\x8B"
       "r",
       TextSyntax::kMarkdown,
       "x y fi z qr",
       {2, 3, 5, 6, 7, 7, 10, 11, 14, 15, 21},
       {3, 4, 6, 7, 10, 10, 11, 14, 15, 21, 22},
       {2, 3, 5, 6, 7, 7, 10, 12, 14, 17, 21, 22}},
      {"a \xE2\x80\x9C"
       "b\xE2\x80\x9D  c\td",
       TextSyntax::kPlain,
       "a \"b\" c d",
       {0, 1, 2, 5, 6, 9, 11, 12, 13},
       {1, 2, 5, 6, 9, 10, 12, 13, 14},
       {0, 1, 2, 5, 6, 9, 11, 12, 13, 14}},
  };
  for (const Map& m : maps) {
    SCOPED_TRACE(m.input);
    const NormalizedText n =
        NormalizeForMatching(m.input, 0, static_cast<uint32_t>(m.input.size()), m.syntax);
    ASSERT_EQ(n.text, m.text);
    std::vector<uint32_t> begins, ends;
    for (size_t i = 0; i < n.text.size(); ++i) {
      begins.push_back(n.Begin(i));
      ends.push_back(n.End(i));
    }
    EXPECT_EQ(begins, m.begins);
    EXPECT_EQ(ends, m.ends);
    EXPECT_EQ(Offsets(n), m.offsets);
  }
}

TEST(NormalizeForMatchingTest, StrayBracketsStayLinear) {
  // A long run of unmatched '[' and '<' must not rescan the text for every one of them.
  const std::string doc(1 << 20, '[');
  const NormalizedText n =
      NormalizeForMatching(doc, 0, static_cast<uint32_t>(doc.size()), TextSyntax::kMarkdown);
  EXPECT_EQ(n.text.size(), doc.size());
}

// The run end as a byte loop reads it (normalize.h, internal::PlainRunEnd).
uint32_t NaivePlainRunEnd(std::string_view s, uint32_t j, uint32_t end, TextSyntax syntax) {
  const auto plain = [&](unsigned char c) {
    if (c >= 0x80 || c == ' ' || (c >= '\t' && c <= '\r')) return false;
    return syntax == TextSyntax::kPlain ||
           std::string_view("\\>`*_![]<&").find(c) == std::string_view::npos;
  };
  while (j < end) {
    if (plain(s[j])) {
      ++j;
    } else if (s[j] == ' ' && j + 1 < end && plain(s[j + 1])) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

TEST(PlainRunEndTest, EndsAtWhatIsNotPlain) {
  struct RunCase {
    std::string text;
    uint32_t from;
    TextSyntax syntax;
    uint32_t end;
  };
  const std::vector<RunCase> cases = {
      {"", 0, TextSyntax::kPlain, 0},
      {"abc", 1, TextSyntax::kPlain, 3},
      {"ab  cd", 0, TextSyntax::kPlain, 2},  // two spaces
      {"ab cd", 0, TextSyntax::kPlain, 5},   // one space joins
      {"ab ", 0, TextSyntax::kPlain, 2},     // a space at the end
      {"The leaders met in Tokyo on Friday and agreed.", 0, TextSyntax::kPlain, 46},
      {"The leaders met in Tokyo on Friday  and agreed.", 0, TextSyntax::kPlain, 34},
      {"The leaders met in Tokyo on Friday\tand agreed.", 0, TextSyntax::kPlain, 34},
      {"The leaders met in Tokyo on Friday \nand agreed.", 0, TextSyntax::kPlain, 34},
      {"The leaders met in Tokyo on Fr\xc3\xa9"
       "day and agreed.",
       0, TextSyntax::kPlain, 30},
      {"The leaders met in Tokyo on *Friday* and agreed.", 0, TextSyntax::kPlain, 48},
      {"The leaders met in Tokyo on *Friday* and agreed.", 0, TextSyntax::kMarkdown, 27},
      {"The leaders met in Tokyo on Friday [and agreed.", 0, TextSyntax::kMarkdown, 34},
      {"The leaders met in Tokyo\x01on Friday and agreed.", 0, TextSyntax::kPlain, 46},
      {"0123456789abcdef ghij", 0, TextSyntax::kPlain, 21},  // a joining space in lane 16
      {"0123456789abcde  ghij", 0, TextSyntax::kPlain, 15},
      {"0123456789abcdef  hij", 0, TextSyntax::kPlain, 16},
  };
  for (const RunCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(internal::PlainRunEnd(c.text, c.from, static_cast<uint32_t>(c.text.size()), c.syntax),
              c.end);
  }
}

TEST(PlainRunEndTest, AgreesWithTheByteLoop) {
  // Texts of plain bytes, spaces, tabs, markup bytes and UTF-8 bytes, every start and a few
  // ends (the 16-byte blocks read ahead only within `end`).
  const std::string alphabet = "ab c  *[_\t\n\xc3\xa9.,";
  uint32_t seed = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t size = round % 70;
    for (size_t k = 0; k < size; ++k) {
      seed = seed * 1103515245u + 12345u;
      // Mostly letters, so that runs cross 16-byte blocks.
      text.push_back((seed >> 16) % 4 != 0 ? 'a' + (seed >> 20) % 26
                                           : alphabet[(seed >> 20) % alphabet.size()]);
    }
    for (TextSyntax syntax : {TextSyntax::kPlain, TextSyntax::kMarkdown}) {
      for (uint32_t end : {static_cast<uint32_t>(size), static_cast<uint32_t>(size / 2)}) {
        for (uint32_t j = 0; j <= end; ++j) {
          SCOPED_TRACE(text + " from " + std::to_string(j) + " to " + std::to_string(end));
          ASSERT_EQ(internal::PlainRunEnd(text, j, end, syntax),
                    NaivePlainRunEnd(text, j, end, syntax));
        }
      }
    }
  }
}

TEST(IsNormalizedSpaceTest, Classes) {
  EXPECT_TRUE(IsNormalizedSpace(' '));
  EXPECT_TRUE(IsNormalizedSpace(0xA0));
  EXPECT_TRUE(IsNormalizedSpace(0x2009));
  EXPECT_FALSE(IsNormalizedSpace(0x200B));  // zero-width: dropped, not a space
  EXPECT_FALSE(IsNormalizedSpace('a'));
}

}  // namespace
}  // namespace parley
