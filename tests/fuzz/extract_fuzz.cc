// Fuzzes whole-document extraction with the default rules: any decoded text gives statements
// whose provenance points at the document (spans inside it, evidence equal to the text there).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "base/text.h"
#include "base/types.h"
#include "extract/encoding.h"
#include "extract/extractor.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

const parley::Extractor& DefaultExtractor() {
  static const std::unique_ptr<parley::Extractor> extractor = [] {
    parley::Result<std::unique_ptr<parley::Extractor>> created =
        parley::Extractor::Create(parley::ExtractorOptions{});
    if (!created.ok()) std::abort();
    return std::move(*created);
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  std::string_view input = fuzz::AsText(data, size);
  const uint8_t selector = fuzz::TakeSelector(&input);
  static constexpr const char* kFormats[] = {"text", "markdown", "html", "jsonl"};
  static constexpr const char* kDates[] = {"", "2019-01-22", "2019-03", "1905"};
  Document document;
  document.info.id = "fuzz";
  document.info.format = kFormats[selector % 4];
  document.info.date = kDates[(selector / 4) % 4];
  document.text = DecodeText(input).text;

  const Result<Extraction> extraction = DefaultExtractor().Extract(document);
  PARLEY_FUZZ_CHECK(extraction.ok());
  const std::string& text = document.text;
  for (const SentenceInfo& sentence : extraction->sentences) {
    PARLEY_FUZZ_CHECK(sentence.byte_span.begin <= sentence.byte_span.end);
    PARLEY_FUZZ_CHECK(sentence.byte_span.end <= text.size());
  }
  for (const Statement& statement : extraction->statements) {
    PARLEY_FUZZ_CHECK(statement.doc == "fuzz");
    PARLEY_FUZZ_CHECK(statement.byte_span.begin <= statement.byte_span.end);
    PARLEY_FUZZ_CHECK(statement.byte_span.end <= text.size());
    PARLEY_FUZZ_CHECK(statement.sentence ==
                      text.substr(statement.byte_span.begin,
                                  statement.byte_span.end - statement.byte_span.begin));
    PARLEY_FUZZ_CHECK(!statement.rule.empty() && !statement.id.empty());
  }
  return 0;
}
