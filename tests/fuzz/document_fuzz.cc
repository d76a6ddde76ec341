// Fuzzes format detection and parsing through the real DocumentReader: the input is written to
// a file named with one of the extensions the reader knows (or none, so the content decides)
// and read back. Covers plain text, Markdown front matter, HTML (gumbo) and JSON Lines.
// Whatever the bytes, every document that comes out is valid UTF-8 with a known format, and
// every line parses as a JSON Lines record exactly as the nlohmann-only reference parses it
// (ParseJsonlRecord's simdjson fast path must not change a record or an error).
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "base/text.h"
#include "base/types.h"
#include "extract/document_reader.h"
#include "extract/encoding.h"
#include "extract/jsonl.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

void CheckJsonlLine(std::string_view line) {
  using namespace parley;
  const std::string text = DecodeText(line).text;  // ParseJsonlRecord wants valid UTF-8
  const Result<JsonlRecord> got = ParseJsonlRecord(text);
  const Result<JsonlRecord> want = internal::ParseJsonlRecordWithNlohmann(text);
  PARLEY_FUZZ_CHECK(got.ok() == want.ok());
  if (!want.ok()) {
    PARLEY_FUZZ_CHECK(got.status().message() == want.status().message());
    return;
  }
  PARLEY_FUZZ_CHECK(got->id == want->id && got->text == want->text && got->date == want->date &&
                    got->title == want->title && got->url == want->url);
}

// A private directory for the input files, removed when the process exits.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = "/tmp/parley_document_fuzz.XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  std::string_view input = fuzz::AsText(data, size);
  const uint8_t selector = fuzz::TakeSelector(&input);
  static constexpr const char* kNames[] = {"doc", "doc.txt", "doc.md", "doc.html", "doc.jsonl"};
  static const ScratchDir scratch;
  const std::string path = scratch.path() + "/" + kNames[selector % 5];
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(input.data(), static_cast<std::streamsize>(input.size()));
    PARLEY_FUZZ_CHECK(out.good());
  }

  for (std::string_view rest = input; !rest.empty();) {
    const size_t eol = std::min(rest.find('\n'), rest.size());
    CheckJsonlLine(rest.substr(0, eol));
    rest.remove_prefix(std::min(eol + 1, rest.size()));
  }

  ReaderOptions options;
  size_t warnings = 0;
  options.warn = [&warnings](const std::string& line) {
    if (!IsValidUtf8(line)) std::fprintf(stderr, "warning: %s\n", line.c_str());
    PARLEY_FUZZ_CHECK(IsValidUtf8(line));
    ++warnings;
  };
  Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open({path}, options);
  PARLEY_FUZZ_CHECK(reader.ok());
  for (;;) {
    Result<std::optional<Document>> next = (*reader)->Next();
    PARLEY_FUZZ_CHECK(next.ok());
    if (!next->has_value()) break;
    const Document& document = **next;
    PARLEY_FUZZ_CHECK(IsValidUtf8(document.text));
    PARLEY_FUZZ_CHECK(IsValidUtf8(document.info.id) && IsValidUtf8(document.info.title) &&
                      IsValidUtf8(document.info.url) && IsValidUtf8(document.info.date));
    const std::string& format = document.info.format;
    PARLEY_FUZZ_CHECK(format == "text" || format == "markdown" || format == "html" ||
                      format == "jsonl");
    PARLEY_FUZZ_CHECK(document.info.content_hash == ContentHash(document.text));
  }
  return 0;
}
