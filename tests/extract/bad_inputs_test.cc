// The bad-input corpus (tests/data/bad_inputs/ plus inputs too large to commit, generated in a
// temporary directory): each case states what parley does with it. Nothing crashes or hangs;
// skipped inputs are named in a warning; the rest of a file is still read.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/html.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"

namespace parley {
namespace {

const std::string kDir = std::string(PARLEY_TEST_DATA_DIR) + "/bad_inputs/";

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "parley-bad-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) const {
    const std::string path = path_ + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct ReadResult {
  std::vector<Document> documents;
  std::vector<std::string> warnings;
};

// Reads every document of `path`, which must open and read without an error.
ReadResult ReadAll(const std::string& path, ReaderOptions options = {}) {
  ReadResult result;
  options.warn = [&result](const std::string& line) { result.warnings.push_back(line); };
  Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open({path}, options);
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return result;
  for (;;) {
    Result<std::optional<Document>> next = (*reader)->Next();
    EXPECT_TRUE(next.ok()) << next.status().ToString();
    if (!next.ok() || !next->has_value()) break;
    result.documents.push_back(std::move(**next));
  }
  return result;
}

const Extractor& DefaultExtractor() {
  static const std::unique_ptr<Extractor> extractor = [] {
    Result<std::unique_ptr<Extractor>> created = Extractor::Create(ExtractorOptions{});
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? std::move(*created) : nullptr;
  }();
  return *extractor;
}

Result<Extraction> ExtractText(std::string text, std::string format) {
  Document document;
  document.info.id = "generated";
  document.info.format = std::move(format);
  document.text = std::move(text);
  return DefaultExtractor().Extract(document);
}

std::vector<std::string> Ids(const std::vector<Document>& documents) {
  std::vector<std::string> ids;
  for (const Document& document : documents) ids.push_back(document.info.id);
  return ids;
}

// Committed files: the documents that come out (by id) and the exact warnings.
TEST(BadInputsTest, CommittedCorpus) {
  struct Case {
    std::string file;
    std::vector<std::string> ids;       // documents read, in order
    std::vector<std::string> warnings;  // without the "<path>" prefix of the file
  };
  const std::vector<Case> cases = {
      {"binary.png",
       {},
       {": warning: a PNG image, not text (parley reads text, Markdown, HTML and JSON Lines); "
        "skipped"}},
      {"mostly_binary.dat", {}, {": warning: binary file (mostly non-text bytes); skipped"}},
      {"utf16.txt", {}, {": warning: UTF-16 text (convert it to UTF-8); skipped"}},
      {"nul_bytes.txt", {}, {": warning: binary file (NUL bytes); skipped"}},
      {"empty.txt", {}, {": warning: empty file; skipped"}},
      {"invalid_utf8.txt",
       {kDir + "invalid_utf8.txt"},
       {": warning: 4 invalid UTF-8 bytes replaced with U+FFFD"}},
      {"whitespace.md", {kDir + "whitespace.md"}, {}},
      {"malformed.jsonl",
       {"doc-1", "4", "doc-6", "doc-7"},  // a numeric id is read as its digits
       {":2: warning: malformed JSON at column 38: syntax error while parsing value - invalid "
        "string: missing closing quote; last read: '\"unterminated'; line skipped",
        ":3: warning: not a JSON object; line skipped",
        ":4: warning: missing field \"text\"; line skipped",
        ":6: warning: text holds NUL characters; line skipped",
        ":8: warning: 1 invalid UTF-8 byte replaced with U+FFFD",
        ":10: warning: malformed JSON: [json.exception.out_of_range.406] number overflow "
        "parsing '1e999'; line skipped"}},
      // Found by the document fuzzer: the parser's message quoted half of a UTF-8 sequence.
      {"utf8_in_json_error.jsonl",
       {"ok"},
       {":1: warning: malformed JSON at column 25: syntax error while parsing object key - "
        "invalid literal; last read: '\"y\",\xEF\xBF\xBD'; expected string literal; line "
        "skipped"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string path = kDir + c.file;
    const ReadResult read = ReadAll(path);
    EXPECT_EQ(Ids(read.documents), c.ids);
    std::vector<std::string> expected;
    for (const std::string& w : c.warnings) expected.push_back(path + w);
    EXPECT_EQ(read.warnings, expected);
    for (const std::string& warning : read.warnings) EXPECT_TRUE(IsValidUtf8(warning));
    for (const Document& document : read.documents) {
      EXPECT_TRUE(IsValidUtf8(document.text));
      Result<Extraction> extraction = DefaultExtractor().Extract(document);
      ASSERT_TRUE(extraction.ok()) << extraction.status().ToString();
    }
  }
}

TEST(BadInputsTest, InvalidBytesBecomeReplacementCharacters) {
  const ReadResult read = ReadAll(kDir + "invalid_utf8.txt");
  ASSERT_EQ(read.documents.size(), 1u);
  EXPECT_EQ(read.documents[0].text,
            "Japan and Russia met in Moscow on \xEF\xBF\xBD\xEF\xBF\xBD March 18, 2019. "
            "Caf\xEF\xBF\xBD talks \xEF\xBF\xBD ended.\n");
}

TEST(BadInputsTest, WhitespaceOnlyDocumentHasNoSentences) {
  const ReadResult read = ReadAll(kDir + "whitespace.md");
  ASSERT_EQ(read.documents.size(), 1u);
  Result<Extraction> extraction = DefaultExtractor().Extract(read.documents[0]);
  ASSERT_TRUE(extraction.ok());
  EXPECT_TRUE(extraction->sentences.empty());
  EXPECT_TRUE(extraction->statements.empty());
}

// 100 MB on one line is over the default document limit (50 MB): skipped by name, as a file
// and as a JSON line, and the JSONL lines after it are still read.
TEST(BadInputsTest, HundredMegabyteLineIsSkippedByName) {
  ScratchDir dir;
  const std::string line(100u << 20, 'a');
  const std::string text_path = dir.Write("long.txt", line);
  ReadResult read = ReadAll(text_path);
  EXPECT_TRUE(read.documents.empty());
  EXPECT_EQ(read.warnings,
            std::vector<std::string>{text_path +
                                     ": warning: document of 104857600 bytes is over the limit "
                                     "of 16777216 bytes (max_doc_bytes); skipped"});

  const std::string jsonl_path =
      dir.Write("long.jsonl", "{\"id\": \"big\", \"text\": \"" + line +
                                  "\"}\n{\"id\": \"after\", \"text\": \"Japan met Russia.\"}\n");
  read = ReadAll(jsonl_path);
  EXPECT_EQ(Ids(read.documents), std::vector<std::string>{"after"});
  EXPECT_EQ(read.warnings,
            std::vector<std::string>{jsonl_path +
                                     ":1: warning: line is over the document limit of 16777216 "
                                     "bytes (max_doc_bytes); skipped"});
}

// A long single line under the limit goes through the whole pipeline.
TEST(BadInputsTest, LongSingleLineIsExtracted) {
  std::string text;
  while (text.size() < (2u << 20)) text += "Japan and Russia met again, ";
  Result<Extraction> extraction = ExtractText(text, "text");
  ASSERT_TRUE(extraction.ok()) << extraction.status().ToString();
  EXPECT_FALSE(extraction->sentences.empty());
}

// Deeper than kMaxHtmlDepth the page is read with its tags stripped (gumbo recurses); below it
// gumbo parses it. Found while building this corpus: gumbo recorded a copy of the open-element
// stack with every parse error, quadratic memory in the depth (over 20 GB for 100 000 levels).
TEST(BadInputsTest, DeeplyNestedHtmlIsRead) {
  struct Case {
    int depth;
    std::vector<std::string> warnings;  // without the path
  };
  const std::vector<Case> cases = {
      {kMaxHtmlDepth - 100, {}},
      {100000,
       {": warning: HTML nested more than 5000 elements deep; read with its tags stripped, not "
        "parsed"}},
  };
  ScratchDir dir;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.depth);
    std::string html = "<html><body>";
    for (int i = 0; i < c.depth; ++i) html += i % 2 ? "<div>" : "<span>";
    html += "Japan met Russia.";
    const std::string path = dir.Write("nested.html", html);
    const ReadResult read = ReadAll(path);
    ASSERT_EQ(read.documents.size(), 1u);
    EXPECT_NE(read.documents[0].text.find("Japan met Russia."), std::string::npos);
    std::vector<std::string> expected;
    for (const std::string& w : c.warnings) expected.push_back(path + w);
    EXPECT_EQ(read.warnings, expected);
    EXPECT_TRUE(DefaultExtractor().Extract(read.documents[0]).ok());
  }
}

TEST(BadInputsTest, DeeplyNestedMarkdownIsExtracted) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "> ";
  text += "Japan met Russia.\n\n";
  for (int i = 0; i < 5000; ++i) text += std::string(2 * i, ' ') + "- item\n";
  for (int i = 0; i < 20000; ++i) text += "[";
  text += "link";
  for (int i = 0; i < 20000; ++i) text += "](x)";
  Result<Extraction> extraction = ExtractText(text, "markdown");
  ASSERT_TRUE(extraction.ok()) << extraction.status().ToString();
}

// Patterns that take exponential time in a backtracking engine stay linear in RE2: matching
// them against long inputs completes (no timing assertion: completing at all is the point).
TEST(BadInputsTest, CatastrophicPatternsCompleteOnLongInput) {
  ScratchDir dir;
  dir.Write("catastrophic.rules",
            "entity place:nested-plus\n"
            "  label      Nested Plus\n"
            "  pattern    (a+)+b\n"
            "\n"
            "entity place:alternation\n"
            "  label      Alternation\n"
            "  pattern    (a|aa)*c\n"
            "\n"
            "entity place:overlap\n"
            "  label      Overlap\n"
            "  pattern    (\\w+\\s?)*!\n");
  ExtractorOptions options;
  options.default_rules = false;
  options.rule_paths = {dir.path()};
  Result<std::unique_ptr<Extractor>> extractor = Extractor::Create(options);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  for (const std::string& unit : {std::string("a"), std::string("a "), std::string("aa b ")}) {
    SCOPED_TRACE(unit);
    Document document;
    document.info.id = "long";
    document.info.format = "text";
    while (document.text.size() < (1u << 20)) document.text += unit;
    Result<Extraction> extraction = (*extractor)->Extract(document);
    ASSERT_TRUE(extraction.ok()) << extraction.status().ToString();
    EXPECT_TRUE(extraction->statements.empty());
  }
}

// A pattern whose RE2 program would exceed the memory budget is a compile error that names the
// rule file, line and column, not an out-of-memory crash.
TEST(BadInputsTest, PatternOverMemoryBudgetIsAnError) {
  const std::string pattern = "\\pL{1000}\\pL{1000}\\pL{1000}\\pL{1000}";
  const RuleSource source{
      "huge.rules", "entity place:huge\n  label      Huge\n  pattern    " + pattern + "\n", 1};
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile({source});
  ASSERT_FALSE(rules.ok());
  EXPECT_EQ(rules.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(rules.status().message(),
            "huge.rules:3:14: error: invalid regular expression: pattern too large - compile "
            "failed\n  pattern    " +
                pattern + "\n             ^\n1 error in 1 file\n");
}

}  // namespace
}  // namespace parley
