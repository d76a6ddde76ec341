// Helpers shared by the libFuzzer targets in tests/fuzz (see tests/fuzz/README.md).
#ifndef PARLEY_TESTS_FUZZ_FUZZ_UTIL_H_
#define PARLEY_TESTS_FUZZ_FUZZ_UTIL_H_

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// Aborts with a message when an invariant the target checks does not hold; libFuzzer then
// saves the input as a crash. Unlike assert() it stays on in release builds.
#define PARLEY_FUZZ_CHECK(condition)                                                              \
  do {                                                                                            \
    if (!(condition)) {                                                                           \
      std::fprintf(stderr, "%s:%d: fuzz invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                               \
    }                                                                                             \
  } while (0)

namespace parley::fuzz {

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits off the first byte of the input as a selector (formats, options), so one corpus entry
// exercises one variant; returns 0 for an empty input.
inline uint8_t TakeSelector(std::string_view* input) {
  if (input->empty()) return 0;
  const auto selector = static_cast<uint8_t>(input->front());
  input->remove_prefix(1);
  return selector;
}

}  // namespace parley::fuzz

#endif  // PARLEY_TESTS_FUZZ_FUZZ_UTIL_H_
