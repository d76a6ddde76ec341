#include "extract/html.h"

#include <gtest/gtest.h>

#include <string>

#include "base/text.h"

namespace parley {
namespace {

TEST(ExtractHtmlTest, VisibleTextAndMetadata) {
  const std::string html =
      "<!DOCTYPE html><html><head><title> Talks  resume </title>"
      "<meta property=\"article:published_time\" content=\"2019-03-18T09:00:00Z\">"
      "<meta property=\"og:url\" content=\"https://og.example/a\">"
      "<link rel=\"canonical\" href=\"https://example.org/a\">"
      "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>"
      "<body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a></nav>"
      "<header>Site banner</header>"
      "<h1>Talks resume</h1>"
      "<p>TOKYO, March 18 &mdash; The two   sides <b>met</b>\n today.<br>Second line &amp; more."
      "</p><div hidden>Hidden text.</div><div aria-hidden=\"true\">Also hidden.</div>"
      "<ul><li>First item.</li><li><p>Second item.</p></li><li></li></ul>"
      "<pre>keep   this\nlayout</pre>"
      "<footer>Copyright</footer><script>tracking()</script></body></html>";
  const HtmlContent c = ExtractHtml(html);
  EXPECT_EQ(c.title, "Talks resume");
  EXPECT_EQ(c.date, "2019-03-18T09:00:00Z");
  EXPECT_EQ(c.url, "https://example.org/a");
  EXPECT_EQ(c.text,
            "Talks resume\n"
            "\n"
            "TOKYO, March 18 \xE2\x80\x94 The two sides met today.\n"
            "Second line & more.\n"
            "\n"
            "- First item.\n"
            "\n"
            "- Second item.\n"
            "\n"
            "keep   this\n"
            "layout\n");
}

TEST(ExtractHtmlTest, BrokenAndEmpty) {
  EXPECT_EQ(ExtractHtml("").text, "");
  EXPECT_EQ(ExtractHtml("<p>unclosed <b>bold").text, "unclosed bold\n");
  EXPECT_EQ(ExtractHtml("plain text, no tags").text, "plain text, no tags\n");
  // Deep nesting must not exhaust the parser's stack: such pages are only stripped of tags.
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<span>";
  deep += "deep";
  const HtmlContent stripped = ExtractHtml(deep);
  EXPECT_TRUE(stripped.degraded);
  EXPECT_EQ(CollapseSpace(stripped.text), "deep");
  // Many sibling paragraphs are no nesting at all.
  std::string flat;
  for (int i = 0; i < 20000; ++i) flat += "<p>x";
  EXPECT_FALSE(ExtractHtml(flat).degraded);
}

}  // namespace
}  // namespace parley
