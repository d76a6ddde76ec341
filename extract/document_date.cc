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
// Inference reads this much of the body, in pieces of kInferChunk bytes.
constexpr size_t kInferBytes = 1 << 20;
constexpr size_t kInferChunk = 64 << 10;

bool IsDayValue(std::string_view v) { return v.size() == 10; }

// Calls `fn(normalised text)` for every line of text[begin, end), long lines in pieces.
template <typename Fn>
void ForEachLine(std::string_view text, size_t begin, size_t end, TextSyntax syntax, Fn fn) {
  size_t pos = begin;
  while (pos < end) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos || eol > end) eol = end;
    for (size_t b = pos; b < eol;) {
      size_t e = std::min(eol, b + kInferChunk);
      while (e < eol && e > b && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
      const NormalizedText n =
          NormalizeForMatching(text, static_cast<uint32_t>(b), static_cast<uint32_t>(e), syntax);
      if (!fn(n.text)) return;
      b = e;
    }
    pos = eol + 1;
  }
}

bool IsTargetWord(std::string_view text, size_t mention_begin) {
  std::string_view before = text.substr(0, mention_begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  const size_t space = before.rfind(' ');
  const std::string word =
      AsciiLower(space == std::string_view::npos ? before : before.substr(space + 1));
  return word == "by" || word == "until" || word == "through" || word == "to";
}

std::string InferDate(std::string_view text, size_t begin, TextSyntax syntax) {
  int max_year = 0;
  bool year_mention_at_max = false;
  std::string latest_day;
  const size_t end = std::min(text.size(), begin + kInferBytes);
  ForEachLine(text, begin, end, syntax, [&](const std::string& line) {
    for (const DateMention& m : FindDates(line, "")) {
      const std::string& v = m.time.value;
      if (m.relative || (v.size() != 4 && v.size() != 7 && v.size() != 10)) continue;
      if (IsTargetWord(line, m.begin)) continue;
      const int year = std::stoi(v.substr(0, 4));
      if (year > max_year) {
        max_year = year;
        year_mention_at_max = false;
      }
      if (year == max_year && !IsDayValue(v)) year_mention_at_max = true;
      if (IsDayValue(v) && v > latest_day) latest_day = v;
    }
    return true;
  });
  if (max_year == 0) return "";
  if (!latest_day.empty() && std::stoi(latest_day.substr(0, 4)) == max_year &&
      !year_mention_at_max) {
    return latest_day;
  }
  return std::to_string(max_year);
}

// A date in the dateline position of `line`, resolved against `year` when it lacks one.
std::string DatelineDate(const std::string& line, const std::string& year) {
  const std::vector<DateMention> mentions = FindDates(line, year);
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
  const size_t head_end = std::min(text.size(), body_begin + kInferChunk);
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
  std::string inferred;
  bool inferred_done = false;
  for (const std::string& line : head) {
    if (std::string date = DatelineDate(line, ""); !date.empty()) return {date, "dateline"};
    if (!inferred_done) {
      inferred = InferDate(text, body_begin, syntax);
      inferred_done = true;
    }
    if (inferred.empty()) continue;
    if (std::string date = DatelineDate(line, inferred.substr(0, 4)); !date.empty()) {
      return {date, "dateline"};
    }
  }
  if (!inferred_done) inferred = InferDate(text, body_begin, syntax);
  if (!inferred.empty()) return {inferred, "inferred"};
  return {};
}

}  // namespace parley
