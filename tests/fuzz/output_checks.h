// Checks that exported files are safe to open, shared by the export fuzzer and the CLI's
// bad-output tests: XML that is well-formed and holds only characters XML 1.0 allows, and CSV
// whose fields never start like a spreadsheet formula.
#ifndef PARLEY_TESTS_FUZZ_OUTPUT_CHECKS_H_
#define PARLEY_TESTS_FUZZ_OUTPUT_CHECKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace parley::fuzz {

inline bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || c == ':';
}

// True when `s` at `pos` starts a reference XML knows without a DTD: &amp; &lt; &gt; &quot;
// &apos; &#NN;.
inline bool IsReference(std::string_view s, size_t pos) {
  const size_t semi = s.find(';', pos);
  if (semi == std::string_view::npos) return false;
  const std::string_view name = s.substr(pos + 1, semi - pos - 1);
  if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos") {
    return true;
  }
  if (name.size() < 2 || name[0] != '#') return false;
  for (char c : name.substr(1)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Characters XML 1.0 allows: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD, U+10000..U+10FFFF.
inline bool XmlChars(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = parley::DecodeUtf8(s, &pos);
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return false;
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
  }
  return true;
}

// A small well-formedness check: balanced elements, quoted attributes, escaped text.
inline bool WellFormedXml(std::string_view xml) {
  if (!parley::IsValidUtf8(xml) || !XmlChars(xml)) return false;
  std::vector<std::string_view> open;
  size_t pos = 0;
  bool root_seen = false;
  while (pos < xml.size()) {
    const char c = xml[pos];
    if (c == '&') {
      if (!IsReference(xml, pos)) return false;
      ++pos;
    } else if (c == '>') {
      return false;
    } else if (c != '<') {
      ++pos;
    } else if (xml.substr(pos, 2) == "<?") {
      const size_t end = xml.find("?>", pos);
      if (end == std::string_view::npos) return false;
      pos = end + 2;
    } else if (xml.substr(pos, 4) == "<!--") {
      const size_t end = xml.find("-->", pos + 4);
      if (end == std::string_view::npos) return false;
      pos = end + 3;
    } else {
      const bool closing = pos + 1 < xml.size() && xml[pos + 1] == '/';
      size_t p = pos + (closing ? 2 : 1);
      const size_t name_begin = p;
      while (p < xml.size() && IsNameChar(xml[p])) ++p;
      const std::string_view name = xml.substr(name_begin, p - name_begin);
      if (name.empty()) return false;
      // Attributes: name="value" or name='value', values without '<' or a raw '&'.
      for (;;) {
        while (p < xml.size() && (xml[p] == ' ' || xml[p] == '\n' || xml[p] == '\t')) ++p;
        if (p >= xml.size()) return false;
        if (xml[p] == '>' || xml[p] == '/') break;
        if (closing) return false;
        while (p < xml.size() && IsNameChar(xml[p])) ++p;
        if (p + 1 >= xml.size() || xml[p] != '=') return false;
        const char quote = xml[p + 1];
        if (quote != '"' && quote != '\'') return false;
        const size_t value_end = xml.find(quote, p + 2);
        if (value_end == std::string_view::npos) return false;
        for (size_t v = p + 2; v < value_end; ++v) {
          if (xml[v] == '<' || (xml[v] == '&' && !IsReference(xml, v))) return false;
        }
        p = value_end + 1;
      }
      const bool empty_element = xml[p] == '/';
      if (empty_element && (closing || p + 1 >= xml.size() || xml[p + 1] != '>')) return false;
      pos = p + (empty_element ? 2 : 1);
      if (closing) {
        if (open.empty() || open.back() != name) return false;
        open.pop_back();
      } else if (!empty_element) {
        if (open.empty() && root_seen) return false;
        root_seen = true;
        open.push_back(name);
      }
    }
  }
  return open.empty() && root_seen;
}

// Every field of an RFC 4180 document; false when it is malformed.
inline bool CsvFields(std::string_view csv, std::vector<std::string>* fields) {
  size_t pos = 0;
  while (pos < csv.size()) {
    std::string field;
    if (csv[pos] == '"') {
      ++pos;
      for (;;) {
        if (pos >= csv.size()) return false;
        if (csv[pos] == '"') {
          if (pos + 1 < csv.size() && csv[pos + 1] == '"') {
            field += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        field += csv[pos++];
      }
      if (pos < csv.size() && csv[pos] != ',' && csv[pos] != '\n' && csv[pos] != '\r') {
        return false;
      }
    } else {
      while (pos < csv.size() && csv[pos] != ',' && csv[pos] != '\n' && csv[pos] != '\r') {
        if (csv[pos] == '"') return false;
        field += csv[pos++];
      }
    }
    fields->push_back(std::move(field));
    if (pos < csv.size() && csv[pos] == '\r') ++pos;
    if (pos < csv.size()) ++pos;
  }
  return true;
}

inline bool NoFormulas(std::string_view csv) {
  std::vector<std::string> fields;
  if (!CsvFields(csv, &fields)) return false;
  for (const std::string& field : fields) {
    if (!field.empty() && std::string_view("=+-@\t\r").find(field[0]) != std::string_view::npos) {
      return false;
    }
  }
  return true;
}

}  // namespace parley::fuzz

#endif  // PARLEY_TESTS_FUZZ_OUTPUT_CHECKS_H_
