#include "extract/document_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zstd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/prepare.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() /
            ("parley_reader_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

  std::string Write(const std::string& name, const std::string& content) const {
    const fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  fs::path path_;
};

struct ReadResult {
  std::vector<Document> docs;
  std::vector<std::string> warnings;
};

ReadResult ReadAll(std::vector<std::string> inputs, ReaderOptions options = {}) {
  ReadResult out;
  options.warn = [&out](const std::string& w) { out.warnings.push_back(w); };
  Result<std::unique_ptr<DocumentReader>> reader =
      DocumentReader::Open(std::move(inputs), std::move(options));
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  if (!reader.ok()) return out;
  while (true) {
    Result<std::optional<Document>> next = (*reader)->Next();
    EXPECT_TRUE(next.ok()) << next.status().ToString();
    if (!next.ok() || !next->has_value()) break;
    out.docs.push_back(std::move(**next));
  }
  return out;
}

std::vector<std::string> Ids(const ReadResult& r) {
  std::vector<std::string> ids;
  for (const Document& d : r.docs) ids.push_back(d.info.id);
  return ids;
}

TEST(DocumentReaderTest, BadFilesWarnOnceAndGoodFilesAreRead) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.Write("binary.bin", std::string("\x7F"
                                      "ELF\0\0\0\x01\x02",
                                      9));
  dir.Write("empty.txt", "");
  dir.Write("good.md", "---\ndate: '2021-03-12'\ntitle: Good\n---\nA good document.\n");
  dir.Write("latin1.txt", "Caf\xE9 talks in 2019.\n");
  // 60 MB on one line, no line break at all.
  {
    std::ofstream out(dir.path() / "huge.txt", std::ios::binary);
    const std::string chunk = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do ";
    for (size_t written = 0; written < (60u << 20); written += chunk.size()) out << chunk;
  }
  const uint64_t huge_size = fs::file_size(dir.path() / "huge.txt");

  const ReadResult r = ReadAll({d});
  EXPECT_EQ(Ids(r), (std::vector<std::string>{d + "/good.md", d + "/latin1.txt"}));
  EXPECT_EQ(r.warnings,
            (std::vector<std::string>{
                d + "/binary.bin: warning: binary file (NUL bytes); skipped",
                d + "/empty.txt: warning: empty file; skipped",
                d + "/huge.txt: warning: document of " + std::to_string(huge_size) +
                    " bytes is over the limit of 16777216 bytes (max_doc_bytes); skipped",
                d + "/latin1.txt: warning: 1 invalid UTF-8 byte replaced with U+FFFD",
            }));
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[1].text, "Caf\xEF\xBF\xBD talks in 2019.\n");
  EXPECT_EQ(r.docs[1].info.format, "text");
  EXPECT_EQ(r.docs[1].info.date, "");
  EXPECT_EQ(r.docs[1].info.date_source, "");
  EXPECT_EQ(r.docs[1].info.content_hash, ContentHash(r.docs[1].text));

  // With a raised limit the one-line file is read and split into bounded units.
  ReaderOptions raised;
  raised.max_doc_bytes = 64u << 20;
  raised.include = {"huge.txt"};
  const ReadResult big = ReadAll({d}, raised);
  ASSERT_EQ(big.docs.size(), 1u);
  EXPECT_TRUE(big.warnings.empty());
  EXPECT_EQ(big.docs[0].text.size(), huge_size);
  const PreparedDocument p = PrepareDocument(big.docs[0]);
  EXPECT_GT(p.sentences.size(), 7000u);
  EXPECT_EQ(p.sentences.back().byte_span.end, huge_size - 1);  // the trailing space is trimmed
}

TEST(DocumentReaderTest, WhiteHouseReadoutsTakeTheirDatesFromFrontMatter) {
  const std::string dir = std::string(PARLEY_TEST_DATA_DIR) + "/corpus/wh-readouts";
  const ReadResult r = ReadAll({dir});
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.docs.size(), 80u);
  std::vector<std::string> ids = Ids(r);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  for (const Document& d : r.docs) {
    SCOPED_TRACE(d.info.id);
    EXPECT_EQ(d.info.format, "markdown");
    EXPECT_EQ(d.info.date_source, "metadata");
    // The file names start with the publication date.
    EXPECT_EQ(d.info.date, fs::path(d.info.id).filename().string().substr(0, 10));
    EXPECT_FALSE(d.info.title.empty());
    EXPECT_TRUE(d.info.url.starts_with("https://"));
    EXPECT_TRUE(IsValidUtf8(d.info.title));
  }
}

// Issue 16: a `date:` in YAML front matter was ignored when the file was named .txt.
TEST(DocumentReaderTest, FrontMatterIsReadWhateverTheExtension) {
  TempDir dir;
  const std::string body =
      "---\ndate: '2021-01-23'\ntitle: A readout\nsource_url: https://x\n---\n"
      "The President spoke with the Prime Minister in 1994.\n";
  const std::string txt = dir.Write("readout.txt", body);
  const std::string other = dir.Write("readout.statement", body);
  const std::string md = dir.Write("readout.md", body);
  const std::string not_yaml = dir.Write("breaks.txt", "---\nA line of text.\n---\nMore text.\n");
  const ReadResult r = ReadAll({txt, other, md, not_yaml});
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.docs.size(), 4u);
  for (size_t i = 0; i < 3; ++i) {
    const Document& d = r.docs[i];
    SCOPED_TRACE(d.info.id);
    EXPECT_EQ(d.info.date, "2021-01-23");
    EXPECT_EQ(d.info.date_source, "metadata");
    EXPECT_EQ(d.info.title, "A readout");
    EXPECT_EQ(d.info.url, "https://x");
    EXPECT_EQ(d.text, body);  // the stored text keeps its front matter
    // Units start after the front matter, whatever the syntax.
    const PreparedDocument prepared = PrepareDocument(d);
    ASSERT_EQ(prepared.sentences.size(), 1u);
    EXPECT_EQ(prepared.sentences[0].text, "The President spoke with the Prime Minister in 1994.");
  }
  EXPECT_EQ(r.docs[0].info.format, "text");
  EXPECT_EQ(r.docs[2].info.format, "markdown");
  // Dashes around text are no front matter.
  EXPECT_EQ(r.docs[3].info.title, "");
  EXPECT_EQ(PrepareDocument(r.docs[3]).sentences.size(), 2u);
}

TEST(DocumentReaderTest, IncludeExcludeAndRecursion) {
  TempDir dir;
  const std::string d = dir.path().string();
  dir.Write("b.txt", "B.");
  dir.Write("a.md", "A.");
  dir.Write("sub/c.txt", "C.");
  dir.Write("sub/deeper/d.txt", "D.");
  dir.Write("sub/skip.log", "log.");
  dir.Write(".hidden/e.txt", "E.");
  dir.Write(".f.txt", "F.");
  EXPECT_EQ(Ids(ReadAll({d})),
            (std::vector<std::string>{d + "/a.md", d + "/b.txt", d + "/sub/c.txt",
                                      d + "/sub/deeper/d.txt", d + "/sub/skip.log"}));
  ReaderOptions options;
  options.include = {"*.txt"};
  options.exclude = {"sub/deeper/*"};
  EXPECT_EQ(Ids(ReadAll({d}, options)), (std::vector<std::string>{d + "/b.txt", d + "/sub/c.txt"}));
  // Named files are read whatever the globs say, in the order given.
  EXPECT_EQ(Ids(ReadAll({d + "/sub/skip.log", d + "/a.md"}, options)),
            (std::vector<std::string>{d + "/sub/skip.log", d + "/a.md"}));
}

// A corpus that copied front matter titles into JSON Lines without decoding their YAML escapes
// (the bench corpus: 6,363 of 6,390 titles): the title is decoded the way the front matter would
// have been; a title without a backslash is kept as it is.
TEST(DocumentReaderTest, JsonLinesTitlesWithYamlEscapesAreDecoded) {
  struct Case {
    const char* json_title;  // as written inside the JSON string
    const char* want;
  };
  const Case kCases[] = {
      {"Readout of President\\\\_Biden\\\\u2019s Call with Chancellor Scholz",
       "Readout of President Biden\xE2\x80\x99s Call with Chancellor Scholz"},
      {"Fact Sheet: List of Agency Actions for\\\\_Review\\\\",
       "Fact Sheet: List of Agency Actions for Review"},
      {"Statement on Caf\\\\xE9 Owners", "Statement on Caf\xC3\xA9 Owners"},
      {"Biden\\u2019s Call", "Biden\xE2\x80\x99s Call"},  // JSON's own escape: already decoded
      {"Plain  Title", "Plain  Title"},                   // counter-example: untouched
  };
  TempDir dir;
  std::string lines;
  for (const Case& c : kCases) {
    lines +=
        std::string("{\"id\": \"d\", \"text\": \"Text.\", \"title\": \"") + c.json_title + "\"}\n";
  }
  const ReadResult r = ReadAll({dir.Write("titles.jsonl", lines)});
  ASSERT_EQ(r.docs.size(), std::size(kCases));
  for (size_t i = 0; i < std::size(kCases); ++i) {
    SCOPED_TRACE(kCases[i].json_title);
    EXPECT_EQ(r.docs[i].info.title, kCases[i].want);
  }
}

TEST(DocumentReaderTest, JsonLinesWarnPerLineAndKeepReading) {
  TempDir dir;
  const std::string path = dir.Write(
      "docs.jsonl",
      "{\"id\": \"one\", \"text\": \"First.\", \"date\": \"2021-03-12\", \"title\": \"T\", "
      "\"url\": \"https://x\"}\n"
      "{\"id\": \"two\", \"text\": tru}\n"
      "\n"
      "{\"id\": \"three\"}\r\n"
      "{\"id\": \"four\", \"text\": \"In 2019.\", \"date\": \"soon\"}\n"
      "{\"id\": \"five\", \"text\": \"" +
          std::string(200, 'x') +
          "\"}\n"
          "{\"id\": \"six\", \"text\": \"Caf\xE9.\"}");
  ReaderOptions options;
  options.max_doc_bytes = 150;
  const ReadResult r = ReadAll({path}, options);
  {
    Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open({path}, options);
    ASSERT_TRUE(reader.ok());
    while ((*reader)->Next()->has_value()) {
    }
    EXPECT_EQ((*reader)->bytes_read(), fs::file_size(path));
  }
  EXPECT_EQ(Ids(r), (std::vector<std::string>{"one", "four", "six"}));
  EXPECT_EQ(
      r.warnings,
      (std::vector<std::string>{
          path + ":2: warning: malformed JSON at column 26: syntax error while parsing value - "
                 "invalid literal; last read: '\"text\": tru}'; line skipped",
          path + ":4: warning: missing field \"text\"; line skipped",
          path + ":5: warning: date 'soon' is not a date; ignored",
          path + ":6: warning: line is over the document limit of 150 bytes (max_doc_bytes); "
                 "skipped",
          path + ":7: warning: 1 invalid UTF-8 byte replaced with U+FFFD",
      }));
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].info.format, "jsonl");
  EXPECT_EQ(r.docs[0].info.date, "2021-03-12");
  EXPECT_EQ(r.docs[0].info.date_source, "metadata");
  EXPECT_EQ(r.docs[0].info.title, "T");
  EXPECT_EQ(r.docs[0].info.url, "https://x");
  EXPECT_EQ(r.docs[1].info.date, "");
  EXPECT_EQ(r.docs[1].info.date_source, "");
  EXPECT_EQ(r.docs[2].text, "Caf\xEF\xBF\xBD.");
}

TEST(DocumentReaderTest, ZstdCompressedJsonLines) {
  TempDir dir;
  std::string plain;
  for (int i = 0; i < 1000; ++i) {
    plain += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Document " + std::to_string(i) +
             ".\"}\n";
  }
  std::string compressed(ZSTD_compressBound(plain.size()), '\0');
  compressed.resize(
      ZSTD_compress(compressed.data(), compressed.size(), plain.data(), plain.size(), 3));
  const std::string path = dir.Write("docs.jsonl.zst", compressed);
  const ReadResult r = ReadAll({path});
  EXPECT_TRUE(r.warnings.empty());
  ASSERT_EQ(r.docs.size(), 1000u);
  {  // Progress counts compressed bytes, as bytes_total does.
    Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open({path}, {});
    ASSERT_TRUE(reader.ok());
    while ((*reader)->Next()->has_value()) {
    }
    EXPECT_EQ((*reader)->bytes_total(), compressed.size());
    EXPECT_EQ((*reader)->bytes_read(), compressed.size());
  }
  EXPECT_EQ(r.docs[999].info.id, "d999");
  EXPECT_EQ(r.docs[999].text, "Document 999.");

  // A truncated stream is bad input: the documents before the damage are read, the rest of the
  // file is skipped with a warning, and the named file counts as unreadable.
  const std::string broken = dir.Write("broken.jsonl.zst", compressed.substr(0, 100));
  std::vector<std::string> warnings;
  Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open(
      {broken}, {.warn = [&](const std::string& w) { warnings.push_back(w); }});
  ASSERT_TRUE(reader.ok());
  while (true) {
    Result<std::optional<Document>> next = (*reader)->Next();
    ASSERT_TRUE(next.ok()) << next.status().ToString();
    if (!next->has_value()) break;
  }
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_THAT(warnings[0], ::testing::HasSubstr(": warning: " + broken +
                                                ": truncated zstd stream; the rest of the file "
                                                "is skipped"));
  EXPECT_EQ((*reader)->unreadable_named(), 1u);
  EXPECT_EQ((*reader)->skipped_files(), 1u);
}

TEST(DocumentReaderTest, FormatsByExtensionContentAndOption) {
  TempDir dir;
  const std::string html =
      dir.Write("page.html",
                "<html><head><title>Page</title><meta name=\"date\" content=\"2020-05-01\"></head>"
                "<body><nav>Menu</nav><p>Hello &amp; welcome.</p></body></html>");
  const std::string sniffed_md = dir.Write("notes", "---\ndate: 2020-01-02\n---\n# Hi\n");
  const std::string sniffed_html = dir.Write("page2", "<!DOCTYPE html><p>Hi.</p>");
  const std::string crlf = dir.Write("crlf.txt", "\xEF\xBB\xBFLine one\r\nline two.\r\n");
  const ReadResult r = ReadAll({html, sniffed_md, sniffed_html, crlf});
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].info.format, "html");
  EXPECT_EQ(r.docs[0].text, "Hello & welcome.\n");
  EXPECT_EQ(r.docs[0].info.title, "Page");
  EXPECT_EQ((std::pair{r.docs[0].info.date, r.docs[0].info.date_source}),
            (std::pair<std::string, std::string>{"2020-05-01", "metadata"}));
  EXPECT_EQ(r.docs[1].info.format, "markdown");
  EXPECT_EQ(r.docs[1].info.date, "2020-01-02");
  EXPECT_EQ(r.docs[2].info.format, "html");
  EXPECT_EQ(r.docs[3].info.format, "text");
  EXPECT_EQ(r.docs[3].text, "Line one\r\nline two.\r\n");  // BOM dropped, CRLF kept

  ReaderOptions forced;
  forced.input_format = "text";
  forced.date = "2001-02-03";
  const ReadResult f = ReadAll({html}, forced);
  ASSERT_EQ(f.docs.size(), 1u);
  EXPECT_EQ(f.docs[0].info.format, "text");
  EXPECT_TRUE(f.docs[0].text.starts_with("<html>"));
  EXPECT_EQ((std::pair{f.docs[0].info.date, f.docs[0].info.date_source}),
            (std::pair<std::string, std::string>{"2001-02-03", "metadata"}));
}

TEST(DocumentReaderTest, StandardInput) {
  TempDir dir;
  const std::string md = dir.Write("in.md", "---\ndate: 2020-01-02\n---\nHello there.\n");
  ASSERT_NE(std::freopen(md.c_str(), "rb", stdin), nullptr);
  ReadResult r = ReadAll({"-"});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].info.id, "-");
  EXPECT_EQ(r.docs[0].info.format, "markdown");
  EXPECT_EQ(r.docs[0].info.date, "2020-01-02");

  const std::string jsonl =
      dir.Write("in.jsonl", "{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"b\"}\n");
  ASSERT_NE(std::freopen(jsonl.c_str(), "rb", stdin), nullptr);
  r = ReadAll({"-"});
  EXPECT_EQ(Ids(r), std::vector<std::string>{"a"});
  EXPECT_EQ(r.warnings,
            std::vector<std::string>{"-:2: warning: missing field \"text\"; line skipped"});

  const std::string big = dir.Write("big.txt", std::string(3000, 'x'));
  ASSERT_NE(std::freopen(big.c_str(), "rb", stdin), nullptr);
  ReaderOptions small;
  small.max_doc_bytes = 1000;
  r = ReadAll({"-"}, small);
  EXPECT_TRUE(r.docs.empty());
  EXPECT_EQ(r.warnings,
            std::vector<std::string>{"-: warning: document is over the limit of 1000 bytes "
                                     "(max_doc_bytes); skipped"});
}

TEST(DocumentReaderTest, OpenErrors) {
  struct Case {
    std::vector<std::string> inputs;
    ReaderOptions options;
    StatusCode code;
    std::string message;
  };
  ReaderOptions bad_format;
  bad_format.input_format = "pdf";
  ReaderOptions bad_glob;
  bad_glob.include = {"[abc"};
  ReaderOptions bad_date;
  bad_date.date = "yesterday";
  ReaderOptions zero;
  zero.max_doc_bytes = 0;
  const std::string examples = std::string(PARLEY_SOURCE_DIR) + "/examples";
  const std::vector<Case> cases = {
      {{"/nonexistent/file.txt"},
       {},
       StatusCode::kNotFound,
       "/nonexistent/file.txt: no such file or directory"},
      {{examples},
       bad_format,
       StatusCode::kInvalidArgument,
       "unknown input format 'pdf' (expected auto, text, markdown, html or jsonl)"},
      {{examples},
       bad_glob,
       StatusCode::kInvalidArgument,
       "--include: unbalanced '[' in glob pattern '[abc'"},
      {{examples},
       bad_date,
       StatusCode::kInvalidArgument,
       "--date: invalid date 'yesterday' (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
      {{examples}, zero, StatusCode::kInvalidArgument, "max_doc_bytes must be positive"},
      {{"-", "-"}, {}, StatusCode::kInvalidArgument, "'-' (stdin) given more than once"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    const Result<std::unique_ptr<DocumentReader>> r = DocumentReader::Open(c.inputs, c.options);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), c.code);
    EXPECT_EQ(r.status().message(), c.message);
  }
}

TEST(DocumentReaderTest, ProgressCounters) {
  const std::string path =
      std::string(PARLEY_SOURCE_DIR) + "/examples/apb-russo-japanese-peace-treaty-talks-2019.txt";
  Result<std::unique_ptr<DocumentReader>> reader = DocumentReader::Open({path}, {});
  ASSERT_TRUE(reader.ok());
  const uint64_t size = fs::file_size(path);
  EXPECT_EQ((*reader)->bytes_total(), size);
  EXPECT_EQ((*reader)->bytes_read(), 0u);
  Result<std::optional<Document>> doc = (*reader)->Next();
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_EQ((*reader)->bytes_read(), size);
  EXPECT_EQ((**doc).info.date, "");
  EXPECT_EQ((**doc).info.date_source, "");
  EXPECT_FALSE((*reader)->Next()->has_value());
}

}  // namespace
}  // namespace parley
