#include "base/text.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Utf8Test, DecodesAndReplacesInvalidSequences) {
  struct Case {
    std::string input;
    std::vector<char32_t> expected;
  };
  const Case cases[] = {
      {"ab", {'a', 'b'}},
      {"\xC3\xA9", {0xE9}},                                                      // é
      {"\xE2\x80\x99", {0x2019}},                                                // ’
      {"\xF0\x9F\x98\x80", {0x1F600}},                                           // emoji
      {"\xC3", {kReplacementChar}},                                              // truncated
      {"\xC0\xAF", {kReplacementChar, kReplacementChar}},                        // overlong '/'
      {"\xED\xA0\x80", {kReplacementChar, kReplacementChar, kReplacementChar}},  // surrogate
      {"\xFF"
       "a",
       {kReplacementChar, 'a'}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    std::vector<char32_t> got;
    size_t pos = 0;
    while (pos < c.input.size()) got.push_back(DecodeUtf8(c.input, &pos));
    EXPECT_EQ(got, c.expected);
  }
}

TEST(Utf8Test, AppendRoundTrips) {
  for (char32_t cp : {0x41u, 0xE9u, 0x2019u, 0xFFFDu, 0x1F600u}) {
    std::string s;
    AppendUtf8(cp, &s);
    size_t pos = 0;
    EXPECT_EQ(DecodeUtf8(s, &pos), cp);
    EXPECT_EQ(pos, s.size());
  }
}

TEST(Utf8Test, Validity) {
  EXPECT_TRUE(IsValidUtf8("Putin’s \xEF\xBF\xBD"));
  EXPECT_FALSE(IsValidUtf8("bad \xC3"));
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_TRUE(IsValidUtf8(""));
  // Long ASCII runs are checked a word at a time: a bad byte at any position after one.
  const std::string ascii(40, 'a');
  for (size_t at = 0; at <= ascii.size(); ++at) {
    SCOPED_TRACE(at);
    std::string bad = ascii;
    bad.insert(at, "\xC3");
    EXPECT_FALSE(IsValidUtf8(bad));
    std::string good = ascii;
    good.insert(at, "\xC3\xA9");
    EXPECT_TRUE(IsValidUtf8(good));
  }
}

// Checks every byte offset against a naive count from the start.
void ExpectNaiveCodePoints(const std::string& text) {
  CodePointIndex index(text);
  for (size_t byte = 0; byte <= text.size(); ++byte) {
    // Naive: count code points that start strictly before `byte`, minus one when `byte` is in
    // the middle of a sequence (it belongs to that code point).
    size_t pos = 0;
    uint64_t count = 0;
    while (pos < byte) {
      size_t next = pos;
      DecodeUtf8(text, &next);
      if (next > byte) break;
      pos = next;
      ++count;
    }
    ASSERT_EQ(index.ToCodePoint(byte), count) << "byte " << byte;
  }
}

TEST(CodePointIndexTest, MatchesNaiveCountAtEveryByte) {
  std::string mixed;
  for (int i = 0; i < 50; ++i) mixed += "Putin’s é proposal — 😀 ";
  mixed += "\xFF tail";
  // ASCII runs longer than a checkpoint block (64 bytes) with sequences straddling blocks.
  std::string runs;
  for (size_t run = 1; run < 140; run += 13) runs += std::string(run, 'x') + "😀é\xE2\x80";
  runs += std::string(200, 'y');
  for (const std::string& text : {mixed, runs}) {
    SCOPED_TRACE(text.size());
    ExpectNaiveCodePoints(text);
  }
}

TEST(SlugifyTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"Vladimir Putin", "vladimir-putin"},
      {"Andrés Manuel López Obrador", "andres-manuel-lopez-obrador"},
      {"U.S.-Japan Security Treaty", "us-japan-security-treaty"},
      {"  Xi   Jinping ", "xi-jinping"},
      {"O’Brien", "obrien"},
      {"Ōsaka", "osaka"},
      {"Straße", "strasse"},
      {"習近平", "習近平"},
      {"G20 Osaka Summit", "g20-osaka-summit"},
      // ASCII before and after a non-ASCII letter, separators at either end.
      {"-- Sauli Niinistö, President --", "sauli-niinisto-president"},
      {"Ölüdeniz", "oludeniz"},
      {"O'Brien & Sons.", "obrien-sons"},
      {"...", ""},
      {"", ""},
  };
  for (const auto& [in, out] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(Slugify(in), out);
  }
  // Appended after what the string holds (MakeEntityId: the type and ':'); a separator at the
  // text's start writes no dash.
  std::string id = "person:";
  AppendSlug(" Joe  Biden", &id);
  EXPECT_EQ(id, "person:joe-biden");
  id = "org:";
  AppendSlug("— Hamas", &id);
  EXPECT_EQ(id, "org:hamas");
}

TEST(SpaceTest, TrimAndCollapse) {
  EXPECT_EQ(TrimSpace("\xC2\xA0 hi there\n "), "hi there");
  EXPECT_EQ(TrimSpace(""), "");
  EXPECT_EQ(CollapseSpace("a\n  b\xC2\xA0\tc "), "a b c");
}

TEST(EditDistanceTest, Table) {
  EXPECT_EQ(EditDistance("query", "quer"), 1u);
  EXPECT_EQ(EditDistance("Putn", "Putin"), 1u);
  // A swap of two letters is one edit (issue 18: `timeline Ptuin` suggested nothing).
  EXPECT_EQ(EditDistance("ptuin", "putin"), 1u);
  EXPECT_EQ(EditDistance("centralty", "centrality"), 1u);
  EXPECT_EQ(EditDistance("propsed", "proposed"), 1u);
  EXPECT_EQ(EditDistance("ab", "ba"), 1u);
  EXPECT_EQ(EditDistance("abc", "ca"), 3u);
  EXPECT_EQ(EditDistance("export", "extract"), 4u);
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("abcdefgh", "zzzzzzzz", 2), 3u);
}

TEST(CsvFieldTest, Table) {
  const std::pair<const char*, const char*> cases[] = {
      {"plain", "plain"},
      {"a,b", "\"a,b\""},
      {"say \"hi\"", "\"say \"\"hi\"\"\""},
      {"line\nbreak", "\"line\nbreak\""},
      {"=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""},
      {"+1", "'+1"},
      {"-2", "'-2"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"", ""},
  };
  for (const auto& [in, out] : cases) {
    SCOPED_TRACE(in);
    EXPECT_EQ(CsvField(in), out);
  }
  EXPECT_EQ(CsvField("-2", /*neutralize_formulas=*/false), "-2");
}

TEST(HashTest, StableValues) {
  EXPECT_EQ(ContentHash("").size(), 32u);
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(Hex64(0xABCDEFu), "0000000000abcdef");
  // XXH3-64 of the empty input, a published constant: guards against a silent algorithm swap.
  EXPECT_EQ(Hash64(""), 0x2D06800538D394C2ull);
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST(SplitNonEmptyTest, Table) {
  struct Case {
    std::string_view text;
    char separator;
    std::vector<std::string_view> want;
  };
  const Case cases[] = {
      {"", ' ', {}},
      {"a", ' ', {"a"}},
      {"a  b ", ' ', {"a", "b"}},
      {"-jim-risch-", '-', {"jim", "risch"}},
      {"deputy secretary of state", ' ', {"deputy", "secretary", "of", "state"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(SplitNonEmpty(c.text, c.separator), c.want);
  }
}

}  // namespace
}  // namespace parley
