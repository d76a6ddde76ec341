// The extraction bundle (tools/cli/bundle.h): lines round-trip every field a store keeps, bad
// lines are refused with the field named, and `extract --format bundle` then
// `ingest --bundle` builds the store a direct ingest builds.
#include "tools/cli/bundle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/text.h"
#include "graph/synthetic_corpus.h"
#include "tests/cli/cli_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

void ExpectSameRecord(const DocumentRecord& a, const DocumentRecord& b) {
  EXPECT_EQ(a.document.info, b.document.info);
  EXPECT_EQ(a.document.text, b.document.text);
  EXPECT_EQ(a.rules_fingerprint, b.rules_fingerprint);
  EXPECT_EQ(a.sentence_count, b.sentence_count);
  EXPECT_EQ(a.entities, b.entities);
  EXPECT_EQ(a.statements, b.statements);
}

// A record using every field: metadata, roles, attributes, aliases, non-ASCII and control
// characters in the text.
DocumentRecord FullRecord() {
  DocumentRecord record = SyntheticDocument(7, "0123456789abcdef0123456789abcdef");
  record.document.text += " \xC3\xA9t\xC3\xA9 \"quoted\"\t\x01 end\n";
  record.document.info.content_hash = ContentHash(record.document.text);
  record.document.info.title = "A title";
  record.document.info.url = "https://example.org/a";
  record.document.info.date = "2021-09-09";
  record.document.info.date_source = "metadata";
  record.document.info.format = "jsonl";
  record.sentence_count = 37;
  Entity& entity = record.entities.front();
  entity.aliases = {"Alias One", "Alias Two"};
  entity.attributes = {{"iso3", "JPN"}};
  entity.roles = {Role{"Prime Minister", "state:japan", "2019", ""}};
  entity.mentions = 12;
  return record;
}

// The lines a fresh writer writes for `records`: one stream.
std::vector<std::string> Stream(const std::vector<DocumentRecord>& records) {
  BundleWriter writer;
  std::vector<std::string> lines;
  for (const DocumentRecord& record : records) {
    std::string line;
    writer.Append(record, &line);
    EXPECT_TRUE(line.ends_with("\n"));
    line.pop_back();
    EXPECT_EQ(line.find('\n'), std::string::npos);
    lines.push_back(std::move(line));
  }
  return lines;
}

TEST(BundleTest, RoundTripsEveryField) {
  const DocumentRecord record = FullRecord();
  const std::string line = Stream({record})[0];
  EXPECT_TRUE(line.starts_with(
      "{\"bundle\":2,\"stream_start\":true,\"document\":{\"id\":\"synthetic/7.txt\""));
  auto back = BundleReader().Read(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameRecord(*back, record);
  EXPECT_EQ(Stream({*back})[0], line);
  std::vector<DocumentRecord> synthetic;
  for (uint64_t i = 0; i < 20; ++i) synthetic.push_back(SyntheticDocument(i));
  BundleReader reader;
  const std::vector<std::string> lines = Stream(synthetic);
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(i);
    auto parsed = reader.Read(lines[i]);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    ExpectSameRecord(*parsed, synthetic[i]);
  }
}

TEST(BundleTest, RepeatedEntitiesTravelAsReferences) {
  const DocumentRecord first = FullRecord();
  DocumentRecord same = first;  // the same entities, other counts
  same.document.info.id = "synthetic/8.txt";
  for (Entity& entity : same.entities) entity.mentions += 3;
  DocumentRecord changed = same;  // the first entity with one more alias
  changed.document.info.id = "synthetic/9.txt";
  changed.entities.front().aliases.push_back("Alias Three");
  const Entity& entity = first.entities.front();
  const std::string reference =
      "[\"" + entity.id + "\"," + std::to_string(entity.mentions + 3) + "]";

  const std::vector<std::string> lines = Stream({first, same, changed, same});
  EXPECT_THAT(lines[0], Not(HasSubstr(reference)));
  EXPECT_THAT(lines[1], HasSubstr("\"entities\":[" + reference));
  EXPECT_THAT(lines[1], Not(HasSubstr("stream_start")));
  EXPECT_THAT(lines[2], HasSubstr("\"Alias Three\""));
  EXPECT_THAT(lines[3], HasSubstr("\"Alias Two\"]"));  // the record changed back: sent again
  // Two streams concatenated: the second's records replace the first's.
  std::vector<std::string> both = lines;
  for (const std::string& line : Stream({changed, first, same})) both.push_back(line);
  const DocumentRecord expected[] = {first, same, changed, same, changed, first, same};
  BundleReader reader;
  for (size_t i = 0; i < both.size(); ++i) {
    SCOPED_TRACE(i);
    auto back = reader.Read(both[i]);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ExpectSameRecord(*back, expected[i]);
  }

  // A line with references does not load without its stream's earlier lines.
  auto alone = BundleReader().Read(lines[1]);
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ(alone.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(alone.status().message(),
              HasSubstr("bundle field 'entities' item 0: entity '" + entity.id +
                        "' is referred to before its record in this stream"));
}

TEST(BundleTest, TheTableOfRecordsIsBounded) {
  DocumentRecord many = SyntheticDocument(1);
  many.entities.clear();
  for (size_t i = 0; i <= kBundleRememberedEntities; ++i) {
    many.entities.push_back(Entity{.id = "person:p" + std::to_string(1000000 + i),
                                   .label = "P",
                                   .type = EntityType::kPerson,
                                   .mentions = 1});
  }
  const std::vector<std::string> lines = Stream({many, many});
  const std::string last = many.entities.back().id;
  EXPECT_THAT(lines[1], HasSubstr("[\"person:p1000000\",1]"));
  EXPECT_THAT(lines[1], Not(HasSubstr("[\"" + last + "\",1]")));  // past the bound: in full
  EXPECT_THAT(lines[1], HasSubstr("{\"id\":\"" + last + "\""));
  BundleReader reader;
  for (const std::string& line : lines) {
    auto back = reader.Read(line);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->entities, many.entities);
  }
}

TEST(BundleTest, ReadsVersionOneLines) {
  const DocumentRecord record = FullRecord();
  std::string line = Stream({record})[0];
  const std::string v2 = "{\"bundle\":2,\"stream_start\":true,";
  ASSERT_TRUE(line.starts_with(v2));
  line.replace(0, v2.size(), "{\"bundle\":1,");
  auto back = BundleReader().Read(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameRecord(*back, record);
}

TEST(BundleTest, RefusesBadLines) {
  const std::string good = Stream({FullRecord()})[0];
  auto replaced = [&good](std::string_view from, std::string_view to) {
    std::string line = good;
    const size_t at = line.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return line.replace(at, from.size(), to);
  };
  const std::string text = "\"text\":\"" + FullRecord().document.text.substr(0, 5);
  struct Case {
    std::string line;
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {"{\"bundle\":2,", StatusCode::kInvalidArgument, "malformed bundle JSON"},
      {"[1,2]", StatusCode::kInvalidArgument, "malformed bundle JSON"},
      {good + "x", StatusCode::kInvalidArgument, "malformed bundle JSON"},
      {"{\"id\":\"a\",\"text\":\"b\"}", StatusCode::kInvalidArgument,
       "bundle field 'bundle' is missing (not an extraction bundle line?)"},
      {replaced("{\"bundle\":2", "{\"bundle\":3"), StatusCode::kOutOfRange,
       "bundle version 3 is not supported (this parley reads versions 1 and 2)"},
      {replaced("\"stream_start\":true", "\"stream_start\":1"), StatusCode::kInvalidArgument,
       "bundle field 'stream_start' must be true or false"},
      {replaced("\"sentences\":37", "\"sentences\":-1"), StatusCode::kInvalidArgument,
       "bundle field 'sentences' must be a count"},
      {replaced("\"document\":{\"id\"", "\"document\":{\"xid\""), StatusCode::kInvalidArgument,
       "bundle field 'document'"},
      {replaced("\"document\":{", "\"document\":7,\"x\":{"), StatusCode::kInvalidArgument,
       "bundle field 'document' must be an object"},
      {replaced("\"statements\":[{\"id\"", "\"statements\":[{\"xid\""),
       StatusCode::kInvalidArgument, "bundle field 'statements' item 0"},
      {replaced("\"entities\":[{\"id\"", "\"entities\":[{\"xid\""), StatusCode::kInvalidArgument,
       "bundle field 'entities' item 0"},
      {replaced("\"entities\":[", "\"entities\":[[\"person:x\"],"), StatusCode::kInvalidArgument,
       "bundle field 'entities' item 0: a reference is [\"id\", mentions]"},
      {replaced("\"entities\":[", "\"entities\":[[\"person:x\",-1],"), StatusCode::kInvalidArgument,
       "bundle field 'entities' item 0: a reference is [\"id\", mentions]"},
      {replaced("\"entities\":[", "\"entities\":[[\"person:x\",1],"), StatusCode::kInvalidArgument,
       "bundle field 'entities' item 0: entity 'person:x' is referred to before its record"},
      {replaced(text, text + "x"), StatusCode::kInvalidArgument,
       "the text does not match the document's content_hash"},
      {replaced("],\"text\":", "],\"txt\":"), StatusCode::kInvalidArgument,
       "bundle field 'text' is missing"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.message);
    auto record = BundleReader().Read(c.line);
    ASSERT_FALSE(record.ok());
    EXPECT_EQ(record.status().code(), c.code);
    EXPECT_THAT(record.status().message(), HasSubstr(c.message));
  }
}

class BundleCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley_bundle_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  std::filesystem::path dir_;
};

// What a store holds, as the commands show it.
std::string StoreContents(const std::string& db) {
  std::string contents;
  for (const char* what : {"statements", "entities"}) {
    CliRun run = RunParley({"export", "--db", db, "--format", "jsonl", "--what", what});
    EXPECT_EQ(run.code, 0) << run.err;
    contents += run.out;
  }
  CliRun stats = RunParley({"stats", "--db", db, "--json"});
  EXPECT_EQ(stats.code, 0) << stats.err;
  contents += stats.out.substr(0, stats.out.find("\"disk_bytes\""));
  return contents;
}

TEST_F(BundleCliTest, IngestOfBundlesEqualsDirectIngest) {
  const std::string sample = std::string(PARLEY_SOURCE_DIR) + "/examples";
  CliRun direct = RunParley({"ingest", "--db", Path("direct.db"), "--jobs", "2", sample});
  ASSERT_EQ(direct.code, 0) << direct.err;
  CliRun bundle = RunParley({"extract", "--format", "bundle", sample, "-o", Path("b.jsonl")});
  ASSERT_EQ(bundle.code, 0) << bundle.err;
  for (bool bulk : {false, true}) {
    SCOPED_TRACE(bulk);
    const std::string db = Path(bulk ? "bulk.db" : "bundle.db");
    std::vector<std::string> args = {"ingest", "--db", db, "--bundle", Path("b.jsonl")};
    if (bulk) args.push_back("--bulk");
    CliRun ingest = RunParley(args);
    ASSERT_EQ(ingest.code, 0) << ingest.err;
    const std::string contents = StoreContents(db);
    EXPECT_THAT(contents, HasSubstr("\"documents\":1,"));
    EXPECT_EQ(contents, StoreContents(Path("direct.db")));
  }
  // Loading the same bundle again changes nothing; the document is reported unchanged.
  CliRun again = RunParley({"ingest", "--db", Path("bundle.db"), "--bundle", Path("b.jsonl")});
  ASSERT_EQ(again.code, 0) << again.err;
  EXPECT_THAT(again.err, HasSubstr("1 unchanged"));
}

TEST_F(BundleCliTest, BadBundleLinesAreReportedAndSkipped) {
  CliRun bundle =
      RunParley({"extract", "--format", "bundle", std::string(PARLEY_SOURCE_DIR) + "/examples"});
  ASSERT_EQ(bundle.code, 0) << bundle.err;
  {
    std::ofstream file(Path("mixed.jsonl"));
    file << "{\"bundle\":1}\n\n" << bundle.out;
  }
  CliRun ingest = RunParley({"ingest", "--db", Path("db"), "--bundle", Path("mixed.jsonl")});
  ASSERT_EQ(ingest.code, 0) << ingest.err;
  EXPECT_THAT(ingest.err, HasSubstr(Path("mixed.jsonl") +
                                    ":1: bundle field 'document' is missing; line skipped"));
  EXPECT_THAT(ingest.err, HasSubstr("1 added"));
  CliRun missing = RunParley({"ingest", "--db", Path("db"), "--bundle", Path("nope.jsonl")});
  EXPECT_NE(missing.code, 0);
  EXPECT_THAT(missing.err, HasSubstr("cannot open bundle file '" + Path("nope.jsonl") + "'"));
}

TEST_F(BundleCliTest, RequestsExtractEachInputWithTheRulesCompiledOnce) {
  const std::string input = std::string(PARLEY_SOURCE_DIR) + "/examples";
  CliRun whole = RunParley({"extract", "--format", "bundle", input});
  ASSERT_EQ(whole.code, 0) << whole.err;
  const std::string requests = input + "\t" + Path("one.out") + "\n" + Path("missing") + "\t" +
                               Path("two.out") + "\nno tab here\n";
  CliRun served = RunParley({"extract", "--format", "bundle", "--requests", "-"}, requests);
  ASSERT_EQ(served.code, 0) << served.err;
  std::ifstream one(Path("one.out"), std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(one)), {});
  EXPECT_EQ(written, whole.out);
  std::vector<std::string> answers;
  for (std::string_view rest = served.out; !rest.empty();) {
    const size_t end = rest.find('\n');
    answers.emplace_back(rest.substr(0, end));
    rest.remove_prefix(end + 1);
  }
  ASSERT_EQ(answers.size(), 3u) << served.out;
  EXPECT_THAT(answers[0], HasSubstr("\"documents\":1,\"statements\":"));
  EXPECT_THAT(answers[1], HasSubstr("\"error\":"));
  EXPECT_THAT(answers[1], HasSubstr(Path("missing")));
  EXPECT_THAT(answers[2], HasSubstr("\"error\":\"a request is INPUT<TAB>OUTPUT, one tab\""));
  CliRun both = RunParley({"extract", input, "--requests", "-"});
  EXPECT_EQ(both.code, 2);
  EXPECT_THAT(both.err, HasSubstr("not both"));
}

}  // namespace
}  // namespace parley::cli
