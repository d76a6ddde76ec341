#include "graph/xml.h"

#include "base/text.h"

namespace parley {

void AppendXmlText(std::string_view text, std::string* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c >= 0x80) {
      const size_t start = pos;
      const char32_t cp = DecodeUtf8(text, &pos);
      if (cp == 0xFFFE || cp == 0xFFFF) continue;
      if (cp == kReplacementChar && pos - start == 1) {
        // An invalid byte (a real U+FFFD is three bytes long).
        AppendUtf8(kReplacementChar, out);
      } else {
        out->append(text.substr(start, pos - start));
      }
      continue;
    }
    ++pos;
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&apos;");
        break;
      case '\t':
        out->append("&#9;");
        break;
      case '\n':
        out->append("&#10;");
        break;
      case '\r':
        out->append("&#13;");
        break;
      default:
        // C0 controls other than tab, LF and CR are not allowed in XML 1.0, not even as
        // character references: dropped.
        if (c >= 0x20) out->push_back(static_cast<char>(c));
        break;
    }
  }
}

std::string XmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendXmlText(text, &out);
  return out;
}

}  // namespace parley
