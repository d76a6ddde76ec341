#include "extract/markdown.h"

#include <vector>

#include "base/text.h"

namespace parley {
namespace {

struct RawLine {
  std::string_view text;  // without the line break (and without a trailing '\r')
};

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsIndented(std::string_view line) {
  return !line.empty() && (line.front() == ' ' || line.front() == '\t');
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Appends the code point written as `digits` hex digits at s[*i], advancing *i.
void AppendHexEscape(std::string_view s, size_t* i, int digits, std::string* out) {
  char32_t cp = 0;
  for (int k = 0; k < digits; ++k) {
    if (*i >= s.size() || HexValue(s[*i]) < 0) {
      AppendUtf8(kReplacementChar, out);
      return;
    }
    cp = cp * 16 + static_cast<char32_t>(HexValue(s[*i]));
    ++*i;
  }
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
  AppendUtf8(cp, out);
}

// The lines of a quoted scalar: the rest of the first line after the opening quote, then
// following lines until the closing quote. Line breaks fold into one space (a blank line into
// '\n'); leading white space of continuation lines is dropped.
std::string JoinFolded(const std::vector<std::string_view>& parts) {
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::string_view p = parts[k];
    if (k > 0) p = TrimAscii(p);
    if (k + 1 < parts.size()) {
      while (!p.empty() && (p.back() == ' ' || p.back() == '\t')) p.remove_suffix(1);
    }
    if (k > 0) {
      if (p.empty()) {
        out += '\n';
        continue;
      }
      if (!out.empty() && out.back() != '\n') out += ' ';
    }
    out.append(p);
  }
  return out;
}

}  // namespace

std::string UnescapeDoubleQuoted(std::string_view raw) {
  // First fold lines, marking escaped line breaks so folding does not insert a space.
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= raw.size(); ++i) {
    if (i == raw.size() || raw[i] == '\n') {
      parts.push_back(raw.substr(start, i - start));
      start = i + 1;
    }
  }
  std::string out;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::string_view p = parts[k];
    if (k > 0) p = TrimAscii(p);
    bool escaped_break = false;
    if (k + 1 < parts.size()) {
      size_t backslashes = 0;
      while (backslashes < p.size() && p[p.size() - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 1) {
        escaped_break = true;
        p.remove_suffix(1);
      } else {
        while (!p.empty() && (p.back() == ' ' || p.back() == '\t')) p.remove_suffix(1);
      }
    }
    for (size_t i = 0; i < p.size();) {
      if (p[i] != '\\') {
        out += p[i++];
        continue;
      }
      if (i + 1 >= p.size()) break;  // a "\" ending the value: a line break cut off with the rest
      const char e = p[i + 1];
      i += 2;
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          AppendUtf8(kReplacementChar, &out);  // NUL never enters document metadata
          break;
        case '_':
          out += "\xC2\xA0";
          break;
        case 'N':
          out += "\xC2\x85";
          break;
        case 'L':
          out += "\xE2\x80\xA8";
          break;
        case 'P':
          out += "\xE2\x80\xA9";
          break;
        case 'x':
          AppendHexEscape(p, &i, 2, &out);
          break;
        case 'u':
          AppendHexEscape(p, &i, 4, &out);
          break;
        case 'U':
          AppendHexEscape(p, &i, 8, &out);
          break;
        default:  // \\ \" \/ \  and anything unknown: the character itself
          out += e;
          break;
      }
    }
    if (k + 1 < parts.size() && !escaped_break) {
      // Fold: a following blank line is a newline, otherwise a space.
      if (TrimAscii(parts[k + 1]).empty() && k + 2 < parts.size()) {
        out += '\n';
        ++k;
      } else {
        out += ' ';
      }
    }
  }
  return out;
}

FrontMatter ParseFrontMatter(std::string_view text) {
  FrontMatter fm;
  std::vector<RawLine> lines;
  size_t pos = 0;
  size_t end_offset = 0;
  bool first = true;
  bool closed = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    const size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    if (line.ends_with('\r')) line.remove_suffix(1);
    pos = next;
    if (first) {
      if (line != "---") return fm;
      first = false;
      continue;
    }
    if (line == "---" || line == "...") {
      closed = true;
      end_offset = next;
      break;
    }
    lines.push_back({line});
  }
  if (!closed) return fm;
  bool keys = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i].text;
    if (line.empty() || IsIndented(line) || line.front() == '#' || line.front() == '-') continue;
    const size_t colon = line.find(": ");
    const bool bare = colon == std::string_view::npos && line.back() == ':';
    if (colon == std::string_view::npos && !bare) continue;
    keys = true;
    std::string key(TrimAscii(line.substr(0, bare ? line.size() - 1 : colon)));
    if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') &&
        key.back() == key.front()) {
      key = key.substr(1, key.size() - 2);
    }
    std::string_view value = bare ? std::string_view() : TrimAscii(line.substr(colon + 2));
    // Continuation lines: indented lines after the key.
    size_t j = i + 1;
    while (j < lines.size() && (IsIndented(lines[j].text) || TrimAscii(lines[j].text).empty())) {
      ++j;
    }
    // Trailing blank lines do not belong to the value.
    size_t last = j;
    while (last > i + 1 && TrimAscii(lines[last - 1].text).empty()) --last;
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
      const char quote = value.front();
      // Gather raw content up to the closing quote across lines.
      std::string raw(value.substr(1));
      size_t k = i + 1;
      auto closing = [&](const std::string& s) -> size_t {
        for (size_t c = 0; c < s.size(); ++c) {
          if (quote == '"' && s[c] == '\\') {
            ++c;
            continue;
          }
          if (s[c] == quote) {
            if (quote == '\'' && c + 1 < s.size() && s[c + 1] == '\'') {
              ++c;
              continue;
            }
            return c;
          }
        }
        return std::string::npos;
      };
      size_t close = closing(raw);
      while (close == std::string::npos && k < lines.size()) {
        raw += '\n';
        raw.append(lines[k].text);
        ++k;
        close = closing(raw);
      }
      if (close == std::string::npos) continue;  // unterminated: not a value we can trust
      raw.resize(close);
      if (quote == '"') {
        fm.fields[key] = UnescapeDoubleQuoted(raw);
      } else {
        std::vector<std::string_view> parts;
        size_t s = 0;
        for (size_t c = 0; c <= raw.size(); ++c) {
          if (c == raw.size() || raw[c] == '\n') {
            parts.push_back(std::string_view(raw).substr(s, c - s));
            s = c + 1;
          }
        }
        std::string folded = JoinFolded(parts);
        std::string unquoted;
        for (size_t c = 0; c < folded.size(); ++c) {
          unquoted += folded[c];
          if (folded[c] == '\'' && c + 1 < folded.size() && folded[c + 1] == '\'') ++c;
        }
        fm.fields[key] = unquoted;
      }
      i = k - 1;
      continue;
    }
    if (!value.empty() && (value.front() == '|' || value.front() == '>')) {
      const bool literal = value.front() == '|';
      std::string block;
      for (size_t k = i + 1; k < last; ++k) {
        const std::string_view t = TrimAscii(lines[k].text);
        if (!block.empty()) block += literal || t.empty() ? '\n' : ' ';
        block.append(t);
      }
      fm.fields[key] = block;
      i = j - 1;
      continue;
    }
    if (value.empty()) {  // a nested mapping or sequence: not a scalar
      i = j - 1;
      continue;
    }
    // Plain scalar: drop a trailing comment, fold continuation lines.
    if (const size_t hash = value.find(" #"); hash != std::string_view::npos) {
      value = TrimAscii(value.substr(0, hash));
    }
    std::vector<std::string_view> parts = {value};
    for (size_t k = i + 1; k < last; ++k) parts.push_back(lines[k].text);
    fm.fields[key] = JoinFolded(parts);
    i = j - 1;
  }
  if (!keys) return FrontMatter{};
  fm.present = true;
  fm.body_offset = end_offset;
  return fm;
}

}  // namespace parley
