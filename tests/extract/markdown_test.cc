#include "extract/markdown.h"

#include <gtest/gtest.h>

#include <string>

namespace parley {
namespace {

TEST(ParseFrontMatterTest, WhiteHouseStyle) {
  const std::string text =
      "---\n"
      "tags: statements-releases\n"
      "date: '2021-03-12'\n"
      "modified_time: 2021-03-12 12:13:12-05:00\n"
      "source_url: https://example.gov/a/b/\n"
      "title: \"Readout of President Joe\\_Biden Call with President Andr\\xE9s Manuel L\\xF3\\\n"
      "  pez Obrador of\\_Mexico\\u2019s\"\n"
      "---\n"
      "Body.\n";
  const FrontMatter fm = ParseFrontMatter(text);
  ASSERT_TRUE(fm.present);
  EXPECT_EQ(text.substr(fm.body_offset), "Body.\n");
  EXPECT_EQ(fm.fields.at("date"), "2021-03-12");
  EXPECT_EQ(fm.fields.at("modified_time"), "2021-03-12 12:13:12-05:00");
  EXPECT_EQ(fm.fields.at("source_url"), "https://example.gov/a/b/");
  EXPECT_EQ(fm.fields.at("title"),
            "Readout of President Joe\xC2\xA0"
            "Biden Call with President Andr\xC3\xA9s Manuel "
            "L\xC3\xB3pez Obrador of\xC2\xA0Mexico\xE2\x80\x99s");
}

TEST(ParseFrontMatterTest, Scalars) {
  const std::string text =
      "---\r\n"
      "plain: a plain value # comment\r\n"
      "folded: first\r\n"
      "  second\r\n"
      "single: 'it''s\r\n"
      "  folded'\r\n"
      "double: \"a \\\"quote\\\"\r\n"
      "  b\"\r\n"
      "literal: |\r\n"
      "  line one\r\n"
      "  line two\r\n"
      "nested:\r\n"
      "  key: value\r\n"
      "list:\r\n"
      "- item\r\n"
      "\"quoted key\": v\r\n"
      "...\r\n"
      "rest";
  const FrontMatter fm = ParseFrontMatter(text);
  ASSERT_TRUE(fm.present);
  EXPECT_EQ(text.substr(fm.body_offset), "rest");
  EXPECT_EQ(fm.fields.at("plain"), "a plain value");
  EXPECT_EQ(fm.fields.at("folded"), "first second");
  EXPECT_EQ(fm.fields.at("single"), "it's folded");
  EXPECT_EQ(fm.fields.at("double"), "a \"quote\" b");
  EXPECT_EQ(fm.fields.at("literal"), "line one\nline two");
  EXPECT_EQ(fm.fields.count("nested"), 0u);
  EXPECT_EQ(fm.fields.count("key"), 0u);
  EXPECT_EQ(fm.fields.at("quoted key"), "v");
}

TEST(ParseFrontMatterTest, Absent) {
  for (const char* text : {"", "no front matter\n", "---\nunterminated: yes\n", " ---\nx: 1\n---\n",
                           "----\nx: 1\n----\n",
                           // Thematic breaks around text, not YAML.
                           "---\nA line of text.\n---\n", "---\n---\nbody\n"}) {
    SCOPED_TRACE(text);
    const FrontMatter fm = ParseFrontMatter(text);
    EXPECT_FALSE(fm.present);
    EXPECT_EQ(fm.body_offset, 0u);
    EXPECT_TRUE(fm.fields.empty());
  }
}

TEST(UnescapeDoubleQuotedTest, Table) {
  struct Case {
    const char* raw;
    const char* want;
  };
  const Case kCases[] = {
      {"President\\_Biden\\u2019s Call",
       "President\xC2\xA0"
       "Biden\xE2\x80\x99s Call"},
      {"Andr\\xE9s", "Andr\xC3\xA9s"},
      {"a \\\"b\\\"", "a \"b\""},
      {"joined\\\n  line", "joinedline"},                          // escaped line break: no space
      {"folded\n  line", "folded line"},                           // a line break: one space
      {"cut after its first line\\", "cut after its first line"},  // a trailing "\" is dropped
      {"a backslash \\\\", "a backslash \\"},                      // an escaped backslash is kept
      {"no escapes: A/B", "no escapes: A/B"},                      // counter-example: unchanged
      {"bad \\u20", "bad \xEF\xBF\xBD"},                           // a short \u escape: U+FFFD
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.raw);
    EXPECT_EQ(UnescapeDoubleQuoted(c.raw), c.want);
  }
}

}  // namespace
}  // namespace parley
