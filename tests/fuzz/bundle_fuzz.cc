// Fuzzes the extraction bundle reader (tools/cli/bundle.h) on whatever bytes a bundle file
// holds: binary streams, JSON lines, or neither. Reading never crashes (nor allocates for a
// frame more than the bytes there, plus a MiB), every item moves forward, and every document
// that loads writes a frame that reads back as the same record.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "base/status.h"
#include "tests/fuzz/fuzz_util.h"
#include "tools/cli/bundle.h"

namespace {

bool SameRecord(const parley::DocumentRecord& a, const parley::DocumentRecord& b) {
  return a.document.info == b.document.info && a.document.text == b.document.text &&
         a.rules_fingerprint == b.rules_fingerprint && a.sentence_count == b.sentence_count &&
         a.entities == b.entities && a.statements == b.statements;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  using namespace parley::cli;
  std::istringstream in{std::string(fuzz::AsText(data, size))};
  BundleReader reader;
  BundleItem item;
  for (size_t read = 0;; ++read) {
    PARLEY_FUZZ_CHECK(read <= size);  // every item consumes at least one byte
    const Result<bool> more = reader.Next(in, &item);
    if (!more.ok()) {
      PARLEY_FUZZ_CHECK(more.status().code() == StatusCode::kInvalidArgument ||
                        more.status().code() == StatusCode::kOutOfRange);
      break;
    }
    if (!*more) break;
    if (!item.status.ok()) continue;  // a document refused alone
    // A fresh stream of this one record reads back as it.
    std::string bytes;
    BundleWriter().Append(item.record, &bytes);
    std::istringstream again(bytes);
    BundleReader fresh;
    BundleItem back;
    const Result<bool> one = fresh.Next(again, &back);
    PARLEY_FUZZ_CHECK(one.ok() && *one && back.status.ok());
    PARLEY_FUZZ_CHECK(SameRecord(back.record, item.record));
  }
  return 0;
}
