// Fuzzes the normaliser and sentence splitter through PrepareDocument: any decoded text, in
// either syntax, must give units inside the document whose offset maps point back into it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/text.h"
#include "base/types.h"
#include "extract/encoding.h"
#include "extract/normalize.h"
#include "extract/prepare.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  std::string_view input = fuzz::AsText(data, size);
  const uint8_t selector = fuzz::TakeSelector(&input);
  Document document;
  document.info.id = "fuzz";
  document.info.format = (selector & 1) ? "markdown" : "text";
  document.text = DecodeText(input).text;
  const std::string& text = document.text;

  const PreparedDocument prepared = PrepareDocument(document, {.offsets = true});
  const PreparedDocument plain = PrepareDocument(document);
  PARLEY_FUZZ_CHECK(plain.sentences.size() == prepared.sentences.size());
  for (size_t i = 0; i < plain.sentences.size(); ++i) {
    PARLEY_FUZZ_CHECK(plain.sentences[i].offsets.empty());
    PARLEY_FUZZ_CHECK(plain.sentences[i].text == prepared.sentences[i].text);
    PARLEY_FUZZ_CHECK(plain.sentences[i].byte_span == prepared.sentences[i].byte_span);
  }
  for (const PreparedSentence& unit : prepared.sentences) {
    PARLEY_FUZZ_CHECK(unit.byte_span.begin <= unit.byte_span.end);
    PARLEY_FUZZ_CHECK(unit.byte_span.end <= text.size());
    PARLEY_FUZZ_CHECK(unit.offsets.size() == unit.text.size() + 1);
    PARLEY_FUZZ_CHECK(unit.offsets.back() == unit.byte_span.end);
    for (uint32_t offset : unit.offsets) PARLEY_FUZZ_CHECK(offset <= text.size());
    PARLEY_FUZZ_CHECK(IsValidUtf8(unit.text));
    PARLEY_FUZZ_CHECK(unit.repeat_of < static_cast<int32_t>(prepared.sentences.size()));
  }

  // The normaliser on its own, over the whole text and a sub-range starting at a character.
  const TextSyntax syntax = (selector & 2) ? TextSyntax::kMarkdown : TextSyntax::kPlain;
  const auto size32 = static_cast<uint32_t>(text.size());
  uint32_t begin = size32 / 3;
  while (begin < size32 && (static_cast<uint8_t>(text[begin]) & 0xC0) == 0x80) ++begin;
  for (uint32_t from : {uint32_t{0}, begin}) {
    const NormalizedText normalized = NormalizeForMatching(text, from, size32, syntax);
    for (size_t i = 0; i < normalized.text.size(); ++i) {
      PARLEY_FUZZ_CHECK(normalized.Offset(i) >= from && normalized.Offset(i) < size32);
      PARLEY_FUZZ_CHECK(normalized.Begin(i) <= normalized.End(i));
      PARLEY_FUZZ_CHECK(normalized.End(i) <= size32);
    }
    PARLEY_FUZZ_CHECK(normalized.Offset(normalized.text.size()) <= size32);
    PARLEY_FUZZ_CHECK(IsValidUtf8(normalized.text));
  }
  return 0;
}
