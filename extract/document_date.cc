#include "extract/document_date.h"

#include <algorithm>
#include <vector>

#include "base/text.h"
#include "extract/dates.h"

namespace parley {
namespace {

// A dateline sits in the first few non-blank lines, near the start of its line.
constexpr int kDatelineLines = 5;
constexpr size_t kDatelineHead = 300;
constexpr size_t kDatelineMaxOffset = 60;
constexpr size_t kDatelinePrefixWords = 5;
// The dateline lines are looked for in this much of the body.
constexpr size_t kHeadBytes = 64 << 10;

// A date in the dateline position of `line`, with its year.
std::string DatelineDate(const std::string& line) {
  const std::vector<DateMention> mentions = FindDates(line, "");
  if (mentions.empty()) return "";
  const DateMention& m = mentions.front();
  const std::string& v = m.time.value;
  // Month or day precision only: a bare year at the top is a title ("NSC-68, 1950").
  if (m.begin > kDatelineMaxOffset || (v.size() != 7 && v.size() != 10) || v[4] != '-') {
    return "";
  }
  std::string_view prefix = std::string_view(line).substr(0, m.begin);
  while (!prefix.empty() && prefix.back() == ' ') prefix.remove_suffix(1);
  if (!prefix.empty()) {
    // A city in capitals ("TOKYO,", "WASHINGTON, D.C. -") or a label ("Posted:", "Updated").
    const char last = prefix.back();
    if (last != ',' && last != ':' && last != '-' && last != '|') return "";
    if (static_cast<size_t>(std::count(prefix.begin(), prefix.end(), ' ')) >=
        kDatelinePrefixWords) {
      return "";
    }
    const bool capitals =
        std::none_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    const std::string lower = AsciiLower(prefix);
    const bool label = lower.starts_with("posted") || lower.starts_with("published") ||
                       lower.starts_with("updated") || lower.starts_with("date") ||
                       lower.starts_with("released") || lower.starts_with("issued");
    if (!capitals && !label) return "";
  }
  std::string_view suffix = std::string_view(line).substr(m.end);
  while (!suffix.empty() && suffix.front() == ' ') suffix.remove_prefix(1);
  if (!suffix.empty() && suffix.front() != '(' && suffix.front() != '-' && suffix.front() != '|' &&
      suffix.front() != ':' && suffix.front() != '/') {
    return "";
  }
  return m.time.value;
}

}  // namespace

std::string NormalizeMetadataDate(std::string_view value) {
  value = TrimSpace(value);
  if (std::optional<TimeValue> t = ParseIsoDate(value)) return t->value;
  // Other spellings ("Sep 9, 2021", "Thu, 09 Sep 2021 10:00:00 GMT"): the first absolute date.
  for (const DateMention& m : FindDates(value, "")) {
    if (!m.relative &&
        (m.time.value.size() == 4 || m.time.value.size() == 7 || m.time.value.size() == 10)) {
      return m.time.value;
    }
  }
  return "";
}

DocumentDate DetermineDocumentDate(std::string_view text, size_t body_begin, TextSyntax syntax,
                                   std::string_view metadata_date) {
  if (std::string date = NormalizeMetadataDate(metadata_date); !date.empty()) {
    return {std::move(date), "metadata"};
  }
  std::vector<std::string> head;
  const size_t head_end = std::min(text.size(), body_begin + kHeadBytes);
  size_t pos = body_begin;
  while (pos < head_end && head.size() < kDatelineLines) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > head_end) eol = head_end;
    const size_t e = std::min(eol, pos + kDatelineHead);
    NormalizedText n =
        NormalizeForMatching(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(e), syntax);
    if (!n.text.empty()) head.push_back(std::move(n.text));
    pos = eol + 1;
  }
  for (const std::string& line : head) {
    if (std::string date = DatelineDate(line); !date.empty()) return {date, "dateline"};
  }
  return {};
}

}  // namespace parley
