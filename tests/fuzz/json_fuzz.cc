// Fuzzes the JSON Lines codecs of base/json.h: any line either fails cleanly or parses into a
// record whose re-encoding parses back to the same record (the encoding is a fixed point).
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/json.h"
#include "base/text.h"
#include "base/types.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

template <typename T, typename Encode, typename Decode>
void CheckRoundTrip(std::string_view line, Encode encode, Decode decode) {
  const parley::Result<T> parsed = decode(line);
  if (!parsed.ok()) return;
  const std::string once = encode(*parsed);
  PARLEY_FUZZ_CHECK(parley::IsValidUtf8(once));
  const parley::Result<T> again = decode(once);
  PARLEY_FUZZ_CHECK(again.ok());
  PARLEY_FUZZ_CHECK(*again == *parsed);
  PARLEY_FUZZ_CHECK(encode(*again) == once);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  const std::string_view line = fuzz::AsText(data, size);
  CheckRoundTrip<Statement>(line, StatementToJson, StatementFromJson);
  // StatementFromJson's fast path answers every line as the JSON-tree path does.
  const Result<Statement> fast = StatementFromJson(line);
  const Result<Statement> tree = internal::StatementFromJsonTree(line);
  PARLEY_FUZZ_CHECK(fast.ok() == tree.ok());
  if (fast.ok()) {
    PARLEY_FUZZ_CHECK(*fast == *tree);
  } else {
    PARLEY_FUZZ_CHECK(fast.status().message() == tree.status().message());
  }
  CheckRoundTrip<Entity>(line, EntityToJson, EntityFromJson);
  // So does EntityFromJson's.
  const Result<Entity> fast_entity = EntityFromJson(line);
  const Result<Entity> tree_entity = internal::EntityFromJsonTree(line);
  PARLEY_FUZZ_CHECK(fast_entity.ok() == tree_entity.ok());
  if (fast_entity.ok()) {
    PARLEY_FUZZ_CHECK(*fast_entity == *tree_entity);
  } else {
    PARLEY_FUZZ_CHECK(fast_entity.status().message() == tree_entity.status().message());
  }
  CheckRoundTrip<DocumentInfo>(line, DocumentInfoToJson, DocumentInfoFromJson);

  std::string quoted;
  AppendJsonString(line, &quoted);
  PARLEY_FUZZ_CHECK(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"');
  return 0;
}
