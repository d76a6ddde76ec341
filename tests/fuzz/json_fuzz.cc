// Fuzzes the JSON Lines codecs of base/json.h: any line either fails cleanly or parses into a
// record whose re-encoding parses back to the same record (the encoding is a fixed point).
#include <simdjson.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "base/json.h"
#include "base/json_element.h"
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

template <typename T, typename Fast, typename Tree>
void CheckAgrees(std::string_view line, Fast fast_path, Tree tree_path) {
  const parley::Result<T> fast = fast_path(line);
  const parley::Result<T> tree = tree_path(line);
  PARLEY_FUZZ_CHECK(fast.ok() == tree.ok());
  if (fast.ok()) {
    PARLEY_FUZZ_CHECK(*fast == *tree);
  } else {
    PARLEY_FUZZ_CHECK(fast.status().message() == tree.status().message());
  }
}

// The reader of a parsed element (base/json_element.h), on a line it may be given, gives the
// general path's record or declines.
template <typename T, typename FromElement, typename Tree>
void CheckElementAgrees(std::string_view line, FromElement element_path, Tree tree_path) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parley::internal::JsonNeedsGeneralPath(line) ||
      parser.parse(line.data(), line.size()).get(root)) {
    return;
  }
  const std::optional<T> record = element_path(root);
  if (!record) return;
  const parley::Result<T> tree = tree_path(line);
  PARLEY_FUZZ_CHECK(tree.ok());
  PARLEY_FUZZ_CHECK(*record == *tree);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  const std::string_view line = fuzz::AsText(data, size);
  CheckRoundTrip<Statement>(line, StatementToJson, StatementFromJson);
  // The fast paths answer every line as the JSON-tree paths do.
  CheckAgrees<Statement>(line, StatementFromJson, internal::StatementFromJsonTree);
  CheckElementAgrees<Statement>(line, internal::StatementFromElement,
                                internal::StatementFromJsonTree);
  CheckRoundTrip<Entity>(line, EntityToJson, EntityFromJson);
  CheckAgrees<Entity>(line, EntityFromJson, internal::EntityFromJsonTree);
  CheckElementAgrees<Entity>(line, internal::EntityFromElement, internal::EntityFromJsonTree);
  CheckRoundTrip<DocumentInfo>(line, DocumentInfoToJson, DocumentInfoFromJson);

  std::string quoted;
  AppendJsonString(line, &quoted);
  PARLEY_FUZZ_CHECK(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"');
  return 0;
}
