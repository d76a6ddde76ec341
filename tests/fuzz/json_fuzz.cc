// Fuzzes the JSON Lines codecs of base/json.h: any line either fails cleanly or parses into a
// record whose re-encoding parses back to the same record (the encoding is a fixed point).
#include <cstddef>
#include <cstdint>
#include <optional>
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

// The reader of a parsed value, on the line parsed: its fast path alone gives the general
// path's record or declines, and the whole reader answers as `text_path` does for the value's
// minified text.
template <typename T, typename ValueFast, typename ValuePath, typename Text, typename Tree>
void CheckValueAgrees(std::string_view line, ValueFast value_fast, ValuePath value_path,
                      Text text_path, Tree tree_path) {
  thread_local parley::JsonParser parser;
  parley::Result<parley::JsonValue> root = parser.Parse(line);
  if (!root.ok()) return;
  if (const std::optional<T> record = value_fast(*root)) {
    const parley::Result<T> tree = tree_path(line);
    PARLEY_FUZZ_CHECK(tree.ok());
    PARLEY_FUZZ_CHECK(*record == *tree);
  }
  const parley::Result<T> whole = value_path(*root);
  const parley::Result<T> text = text_path(root->Minified());
  PARLEY_FUZZ_CHECK(whole.ok() == text.ok());
  if (whole.ok()) {
    PARLEY_FUZZ_CHECK(*whole == *text);
  } else {
    PARLEY_FUZZ_CHECK(whole.status().message() == text.status().message());
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  const std::string_view line = fuzz::AsText(data, size);
  CheckRoundTrip<Statement>(line, StatementToJson, StatementFromJson);
  // The fast paths answer every line as the JSON-tree paths do.
  CheckAgrees<Statement>(line, StatementFromJson, internal::StatementFromJsonTree);
  CheckValueAgrees<Statement>(line, internal::StatementFromJsonValueFast, StatementFromJsonValue,
                              StatementFromJson, internal::StatementFromJsonTree);
  CheckRoundTrip<Entity>(line, EntityToJson, EntityFromJson);
  CheckAgrees<Entity>(line, EntityFromJson, internal::EntityFromJsonTree);
  CheckValueAgrees<Entity>(line, internal::EntityFromJsonValueFast, EntityFromJsonValue,
                           EntityFromJson, internal::EntityFromJsonTree);
  CheckRoundTrip<DocumentInfo>(line, DocumentInfoToJson, DocumentInfoFromJson);
  CheckValueAgrees<DocumentInfo>(line, internal::DocumentInfoFromJsonValueFast,
                                 DocumentInfoFromJsonValue, DocumentInfoFromJson,
                                 DocumentInfoFromJson);

  // Any bytes are written as one JSON string (another parser reads it back), valid UTF-8 as
  // it is.
  std::string quoted;
  AppendJsonString(line, &quoted);
  PARLEY_FUZZ_CHECK(quoted.size() >= 2 && quoted.front() == '"' && quoted.back() == '"');
  PARLEY_FUZZ_CHECK(IsValidUtf8(quoted));
  thread_local JsonParser parser;
  const Result<JsonValue> parsed = parser.Parse(quoted);
  PARLEY_FUZZ_CHECK(parsed.ok() && parsed->String().has_value());
  if (IsValidUtf8(line)) PARLEY_FUZZ_CHECK(*parsed->String() == line);
  return 0;
}
