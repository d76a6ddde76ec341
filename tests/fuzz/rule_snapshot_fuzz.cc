// Fuzzes the compiled-rules snapshot reader (extract/rule_snapshot.h): whatever the bytes, it
// returns rules or an error, never crashes, and allocates no more than the bytes can hold. The
// payload decoder is fuzzed directly (a mutated file fails the checksum before it is decoded),
// and whole files through the header checks.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/status.h"
#include "extract/rule_set.h"
#include "extract/rule_snapshot.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  std::string_view input = fuzz::AsText(data, size);
  const uint8_t selector = fuzz::TakeSelector(&input);
  if (selector % 2 == 0) {
    const Status status = internal::DecodeRuleSnapshotPayload(input);
    PARLEY_FUZZ_CHECK(status.ok() || status.code() == StatusCode::kDataLoss);
  } else {
    const Result<std::shared_ptr<const RuleSet>> rules = RuleSet::FromSnapshot(input, "fuzz");
    PARLEY_FUZZ_CHECK(rules.ok() || rules.status().code() == StatusCode::kDataLoss ||
                      rules.status().code() == StatusCode::kFailedPrecondition);
  }
  return 0;
}
