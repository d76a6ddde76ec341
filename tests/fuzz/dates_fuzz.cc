// Fuzzes the date normaliser: FindDates over any sentence and reference date must return
// ordered, non-overlapping mentions inside the text whose values are real calendar dates.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/text.h"
#include "extract/dates.h"
#include "extract/encoding.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

// A well-formed ISO day "YYYY-MM-DD" whose month and day exist.
bool IsCalendarDay(const std::string& day) {
  if (day.empty()) return true;
  return parley::ParseIsoDate(day).has_value() && day.size() == 10;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  std::string_view input = fuzz::AsText(data, size);
  // The reference date comes first, up to a newline; the sentence is the rest.
  std::string_view reference;
  if (const size_t newline = input.find('\n'); newline != std::string_view::npos) {
    reference = input.substr(0, newline);
    input.remove_prefix(newline + 1);
  }
  const std::string text = DecodeText(input).text;
  const std::string ref = DecodeText(reference).text;

  size_t previous_end = 0;
  for (const DateMention& mention : FindDates(text, ref)) {
    PARLEY_FUZZ_CHECK(mention.begin < mention.end);
    PARLEY_FUZZ_CHECK(mention.end <= text.size());
    PARLEY_FUZZ_CHECK(mention.begin >= previous_end);
    previous_end = mention.end;
    PARLEY_FUZZ_CHECK(!mention.time.value.empty());
    PARLEY_FUZZ_CHECK(IsCalendarDay(mention.time.start));
    PARLEY_FUZZ_CHECK(IsCalendarDay(mention.time.end));
    PARLEY_FUZZ_CHECK(mention.time.start <= mention.time.end);
  }
  (void)ParseIsoDate(text);
  return 0;
}
