#include "extract/encoding.h"

#include <cstring>
#include <string_view>
#include <utility>

#include "base/text.h"

namespace parley {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
// How much of an input the text test looks at.
constexpr size_t kSniffBytes = 64 << 10;

}  // namespace

DecodedText DecodeText(std::string_view bytes) {
  DecodedText out;
  if (bytes.starts_with(kBom)) {
    out.had_bom = true;
    bytes.remove_prefix(kBom.size());
  }
  if (IsValidUtf8(bytes)) {
    out.text.assign(bytes);
    return out;
  }
  out.text.reserve(bytes.size() + 16);
  size_t pos = 0;
  while (pos < bytes.size()) {
    // Copy the ASCII run in one go; decode only what is not.
    size_t run = pos;
    while (run < bytes.size() && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
    out.text.append(bytes.substr(pos, run - pos));
    pos = run;
    if (pos >= bytes.size()) break;
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(bytes, &pos);
    if (cp == kReplacementChar && !(pos - start == 3 && bytes.substr(start, 3) == "\xEF\xBF\xBD")) {
      ++out.invalid_bytes;
      AppendUtf8(kReplacementChar, &out.text);
    } else {
      out.text.append(bytes.substr(start, pos - start));
    }
  }
  return out;
}

std::optional<std::string> NotTextReason(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF")) {
    return "UTF-16 text (convert it to UTF-8)";
  }
  // Formats parley does not read, by their magic numbers, so the message says what to do.
  static constexpr std::pair<std::string_view, std::string_view> kFormats[] = {
      {"%PDF-", "a PDF document (convert it to text first, e.g. with pdftotext)"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"PK\x03\x04",
       "a ZIP archive or office document (.docx, .xlsx, .odt: save it as text first)"},
      {"\xD0\xCF\x11\xE0", "an old office document (.doc, .xls, .ppt: save it as text first)"},
  };
  for (const auto& [magic, format] : kFormats) {
    if (head.starts_with(magic)) {
      return std::string(format) + ", not text (parley reads text, Markdown, HTML and JSON Lines)";
    }
  }
  if (std::memchr(bytes.data(), '\0', bytes.size()) != nullptr) return "binary file (NUL bytes)";
  size_t bad = 0;
  size_t pos = 0;
  while (pos < head.size()) {
    const unsigned char c = static_cast<unsigned char>(head[pos]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++bad;
      if (c == 0x7F) ++bad;
      ++pos;
      continue;
    }
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(head, &pos);
    // A multi-byte sequence cut by the sniff window is not evidence of binary data.
    if (cp == kReplacementChar && pos - start == 1 && head.size() - start >= 4) ++bad;
  }
  if (bad * 10 > head.size()) return "binary file (mostly non-text bytes)";
  return std::nullopt;
}

}  // namespace parley
