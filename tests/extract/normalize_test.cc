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
    EXPECT_EQ(n.offsets, c.offsets);
    EXPECT_EQ(n.begins.size(), n.text.size());
    EXPECT_EQ(n.ends.size(), n.text.size());
  }
}

TEST(NormalizeForMatchingTest, SubRangeOffsetsAreAbsolute) {
  const std::string doc =
      "xx \xE2\x80\x9C"
      "ab\xE2\x80\x9D yy";
  const NormalizedText n = NormalizeForMatching(doc, 3, 12, TextSyntax::kPlain);
  EXPECT_EQ(n.text, "\"ab\"");
  EXPECT_EQ(n.offsets, (std::vector<uint32_t>{3, 6, 7, 8, 11}));
}

TEST(NormalizeForMatchingTest, MarkupWidensCharacterRanges) {
  const std::string doc = "**Bold.** [x](y)";
  const NormalizedText n =
      NormalizeForMatching(doc, 0, static_cast<uint32_t>(doc.size()), TextSyntax::kMarkdown);
  ASSERT_EQ(n.text, "Bold. x");
  EXPECT_EQ(n.begins[0], 0u);        // "**" before "B"
  EXPECT_EQ(n.ends[4], 9u);          // "**" after "."
  EXPECT_EQ(n.begins[6], 10u);       // "[" before "x"
  EXPECT_EQ(n.ends[6], doc.size());  // "](y)" after "x"
}

TEST(NormalizeForMatchingTest, StrayBracketsStayLinear) {
  // A long run of unmatched '[' and '<' must not rescan the text for every one of them.
  const std::string doc(1 << 20, '[');
  const NormalizedText n =
      NormalizeForMatching(doc, 0, static_cast<uint32_t>(doc.size()), TextSyntax::kMarkdown);
  EXPECT_EQ(n.text.size(), doc.size());
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
