#include "graph/xml.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(XmlTextTest, EscapesMarkupAndDropsForbiddenCharacters) {
  struct Case {
    std::string name;
    std::string input;
    std::string expected;
  };
  const Case cases[] = {
      {"plain", "Vladimir Putin", "Vladimir Putin"},
      {"markup", "<b>A & B</b>", "&lt;b&gt;A &amp; B&lt;/b&gt;"},
      {"quotes", "\"it's\"", "&quot;it&apos;s&quot;"},
      {"whitespace kept as references", "a\tb\nc\rd", "a&#9;b&#10;c&#13;d"},
      {"C0 controls dropped", std::string("a\x01\x08\x0B\x0C\x1F", 6) + std::string(1, '\0') + "b",
       "ab"},
      {"non-characters dropped",
       "a\xEF\xBF\xBE\xEF\xBF\xBF"
       "b",
       "ab"},
      {"UTF-8 kept", "Andr\xC3\xA9s \xE6\x9D\xB1\xE4\xBA\xAC",
       "Andr\xC3\xA9s \xE6\x9D\xB1\xE4\xBA\xAC"},
      {"real U+FFFD kept", "\xEF\xBF\xBD", "\xEF\xBF\xBD"},
      {"invalid UTF-8 replaced",
       "a\xFF\xC3"
       "b",
       "a\xEF\xBF\xBD\xEF\xBF\xBD"
       "b"},
      {"empty", "", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(XmlText(c.input), c.expected);
  }
}

}  // namespace
}  // namespace parley
