#include "extract/encoding.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

TEST(DecodeTextTest, Cases) {
  struct Case {
    std::string input;
    std::string text;
    size_t invalid;
    bool bom;
  };
  const std::vector<Case> cases = {
      {"", "", 0, false},
      {"plain\r\nCRLF kept\r\n", "plain\r\nCRLF kept\r\n", 0, false},
      {"\xEF\xBB\xBFwith BOM", "with BOM", 0, true},
      {"caf\xC3\xA9", "caf\xC3\xA9", 0, false},
      // Latin-1 "é": one invalid byte.
      {"caf\xE9 ok", "caf\xEF\xBF\xBD ok", 1, false},
      // Truncated 3-byte sequence at the end: each byte replaced.
      {"x\xE2\x80", "x\xEF\xBF\xBD\xEF\xBF\xBD", 2, false},
      // Overlong encoding of '/', and a UTF-16 surrogate.
      {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2, false},
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3, false},
      // A genuine U+FFFD in the input is text, not an error.
      {"\xEF\xBF\xBD", "\xEF\xBF\xBD", 0, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.input);
    const DecodedText d = DecodeText(c.input);
    EXPECT_EQ(d.text, c.text);
    EXPECT_EQ(d.invalid_bytes, c.invalid);
    EXPECT_EQ(d.had_bom, c.bom);
  }
}

TEST(NotTextReasonTest, Cases) {
  EXPECT_EQ(NotTextReason("plain text\n"), std::nullopt);
  EXPECT_EQ(NotTextReason("caf\xE9 au lait, cr\xE8me br\xFBl\xE9"
                          "e and more plain words"),
            std::nullopt);
  EXPECT_EQ(NotTextReason(std::string("ab\0cd", 5)), "binary file (NUL bytes)");
  EXPECT_EQ(NotTextReason(std::string("\xFF\xFEh\0i\0", 6)), "UTF-16 text (convert it to UTF-8)");
  std::string noise;
  for (int i = 0; i < 1000; ++i) noise += static_cast<char>(1 + (i * 7) % 30);
  EXPECT_EQ(NotTextReason(noise), "binary file (mostly non-text bytes)");
  std::string high;
  for (int i = 0; i < 1000; ++i) high += static_cast<char>(0x80 + i % 64);
  EXPECT_EQ(NotTextReason(high), "binary file (mostly non-text bytes)");
  // Formats parley does not read say what they are, even when they look like text (issue 18:
  // a .pdf was ingested as text).
  const std::string formats = ", not text (parley reads text, Markdown, HTML and JSON Lines)";
  EXPECT_EQ(NotTextReason("%PDF-1.4\nBT (Putin met Abe) Tj ET\n%%EOF\n"),
            "a PDF document (convert it to text first, e.g. with pdftotext)" + formats);
  EXPECT_EQ(
      NotTextReason("PK\x03\x04word/document.xml"),
      "a ZIP archive or office document (.docx, .xlsx, .odt: save it as text first)" + formats);
  EXPECT_EQ(NotTextReason("\xFF\xD8\xFF\xE0JFIF"), "a JPEG image" + formats);
  EXPECT_EQ(NotTextReason("GIF89a"), "a GIF image" + formats);
  EXPECT_EQ(NotTextReason("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
            "an old office document (.doc, .xls, .ppt: save it as text first)" + formats);
  EXPECT_EQ(NotTextReason("PDF is a format; %PDF- in a sentence is text"), std::nullopt);
}

}  // namespace
}  // namespace parley
