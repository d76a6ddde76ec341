// The extraction bundle (tools/cli/bundle.h): version 3 frames and the JSON lines of versions 1
// and 2 round-trip every field a store keeps, bad frames and lines are refused with the field
// named, and `extract --format bundle` then `ingest --bundle` builds the store a direct ingest
// builds.
#include "tools/cli/bundle.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

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

// The lines a version 2 writer wrote for `records`: one stream (JSON Lines, the format this
// parley reads but no longer writes; the table rule of bundle.h).
std::vector<std::string> JsonStream(const std::vector<DocumentRecord>& records) {
  std::map<std::string, Entity> sent;
  std::vector<std::string> lines;
  for (const DocumentRecord& record : records) {
    std::string line = "{\"bundle\":2";
    if (lines.empty()) line += ",\"stream_start\":true";
    line += ",\"document\":" + DocumentInfoToJson(record.document.info) + ",\"rules_fingerprint\":";
    AppendJsonString(record.rules_fingerprint, &line);
    line += ",\"sentences\":" + std::to_string(record.sentence_count) + ",\"entities\":[";
    for (size_t i = 0; i < record.entities.size(); ++i) {
      Entity entity = record.entities[i];
      if (i > 0) line += ",";
      auto it = sent.find(entity.id);
      Entity unmentioned = entity;
      if (it != sent.end()) unmentioned.mentions = it->second.mentions;
      if (it != sent.end() && it->second == unmentioned) {
        line += "[";
        AppendJsonString(entity.id, &line);
        line += "," + std::to_string(entity.mentions) + "]";
        continue;
      }
      line += EntityToJson(entity);
      if (it != sent.end()) {
        it->second = entity;
      } else if (sent.size() < kBundleRememberedEntities) {
        sent.emplace(entity.id, entity);
      }
    }
    line += "],\"statements\":[";
    for (size_t i = 0; i < record.statements.size(); ++i) {
      if (i > 0) line += ",";
      line += StatementToJson(record.statements[i]);
    }
    line += "],\"text\":";
    AppendJsonString(record.document.text, &line);
    lines.push_back(line + "}");
  }
  return lines;
}

// What a fresh writer writes for `records`: one stream.
std::string Stream(const std::vector<DocumentRecord>& records) {
  BundleWriter writer;
  std::string out;
  for (const DocumentRecord& record : records) writer.Append(record, &out);
  return out;
}

// The frame of each of `records` in one stream, each with the stream's header.
std::vector<std::string> Frames(const std::vector<DocumentRecord>& records) {
  BundleWriter writer;
  std::vector<std::string> frames;
  std::string header;
  for (const DocumentRecord& record : records) {
    std::string out;
    writer.Append(record, &out);
    if (frames.empty()) header = out.substr(0, 12);
    frames.push_back(frames.empty() ? out : header + out);
  }
  return frames;
}

// Everything Next reads from `bytes`: the items, then the error that ended it ("" at the end).
struct ReadAll {
  std::vector<BundleItem> items;
  Status end;
};
ReadAll ReadBytes(const std::string& bytes, BundleReader* reader) {
  std::istringstream in(bytes);
  ReadAll all;
  for (;;) {
    BundleItem item;
    Result<bool> more = reader->Next(in, &item);
    if (!more.ok()) {
      all.end = more.status();
      return all;
    }
    if (!*more) return all;
    all.items.push_back(std::move(item));
  }
}
ReadAll ReadBytes(const std::string& bytes) {
  BundleReader reader;
  return ReadBytes(bytes, &reader);
}

TEST(BundleTest, RoundTripsEveryField) {
  const DocumentRecord record = FullRecord();
  const std::string bytes = Stream({record});
  EXPECT_TRUE(bytes.starts_with(std::string("\0PBUNDLE\x03\0\0\0d", 13)));
  ReadAll all = ReadBytes(bytes);
  ASSERT_TRUE(all.end.ok()) << all.end.ToString();
  ASSERT_EQ(all.items.size(), 1u);
  EXPECT_EQ(all.items[0].where, "byte 12");
  ASSERT_TRUE(all.items[0].status.ok()) << all.items[0].status.ToString();
  ExpectSameRecord(all.items[0].record, record);
  EXPECT_EQ(Stream({all.items[0].record}), bytes);
  std::vector<DocumentRecord> synthetic;
  for (uint64_t i = 0; i < 20; ++i) synthetic.push_back(SyntheticDocument(i));
  all = ReadBytes(Stream(synthetic));
  ASSERT_TRUE(all.end.ok()) << all.end.ToString();
  ASSERT_EQ(all.items.size(), synthetic.size());
  for (size_t i = 0; i < synthetic.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_TRUE(all.items[i].status.ok()) << all.items[i].status.ToString();
    ExpectSameRecord(all.items[i].record, synthetic[i]);
  }
}

// A document, one with the same entities and other counts, and one whose first entity has one
// more alias.
std::tuple<DocumentRecord, DocumentRecord, DocumentRecord> Repeats() {
  const DocumentRecord first = FullRecord();
  DocumentRecord same = first;  // the same entities, other counts
  same.document.info.id = "synthetic/8.txt";
  for (Entity& entity : same.entities) entity.mentions += 3;
  DocumentRecord changed = same;  // the first entity with one more alias
  changed.document.info.id = "synthetic/9.txt";
  changed.entities.front().aliases.push_back("Alias Three");
  return {first, same, changed};
}

TEST(BundleTest, RepeatedEntitiesTravelAsReferences) {
  const auto [first, same, changed] = Repeats();
  const Entity& entity = first.entities.front();
  const std::vector<std::string> frames = Frames({first, same, changed, same});
  EXPECT_THAT(frames[0], HasSubstr("Alias Two"));
  EXPECT_THAT(frames[1], Not(HasSubstr("Alias Two")));  // a reference
  EXPECT_THAT(frames[1], HasSubstr("R" + std::string("\x0f\0\0\0", 4) + entity.id));
  EXPECT_THAT(frames[2], HasSubstr("Alias Three"));
  EXPECT_THAT(frames[3], HasSubstr("Alias Two"));  // the record changed back: sent again
  // Two streams concatenated: the second's records replace the first's.
  const std::string both = Stream({first, same, changed, same}) + Stream({changed, first, same});
  const DocumentRecord expected[] = {first, same, changed, same, changed, first, same};
  ReadAll all = ReadBytes(both);
  ASSERT_TRUE(all.end.ok()) << all.end.ToString();
  ASSERT_EQ(all.items.size(), std::size(expected));
  for (size_t i = 0; i < all.items.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_TRUE(all.items[i].status.ok()) << all.items[i].status.ToString();
    ExpectSameRecord(all.items[i].record, expected[i]);
  }
  // A frame with references does not load without its stream's earlier frames.
  all = ReadBytes(frames[1]);
  ASSERT_EQ(all.items.size(), 1u);
  EXPECT_EQ(all.items[0].status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(all.items[0].status.message(),
              HasSubstr("bundle frame: entity 0 of document 'synthetic/8.txt': entity '" +
                        entity.id + "' is referred to before its record in this stream"));
}

// A document with one entity more than a stream's table holds.
DocumentRecord OverTheBound() {
  DocumentRecord many = SyntheticDocument(1);
  many.entities.clear();
  for (size_t i = 0; i <= kBundleRememberedEntities; ++i) {
    many.entities.push_back(Entity{.id = "person:p" + std::to_string(1000000 + i),
                                   .label = "P",
                                   .type = EntityType::kPerson,
                                   .mentions = 1});
  }
  return many;
}

TEST(BundleTest, TheTableOfRecordsIsBounded) {
  const DocumentRecord many = OverTheBound();
  const std::vector<std::string> frames = Frames({many, many});
  const std::string last = many.entities.back().id;
  const std::string one = std::string("\x01\0\0\0", 4);
  EXPECT_THAT(frames[1], HasSubstr("R" + one + "person:p1000000"));
  EXPECT_THAT(frames[1], Not(HasSubstr("R" + one + last)));  // past the bound: in full
  ReadAll all = ReadBytes(Stream({many, many}));
  ASSERT_TRUE(all.end.ok()) << all.end.ToString();
  ASSERT_EQ(all.items.size(), 2u);
  for (const BundleItem& item : all.items) {
    ASSERT_TRUE(item.status.ok()) << item.status.ToString();
    EXPECT_EQ(item.record.entities, many.entities);
  }
}

TEST(BundleTest, ReadsStreamsAndJsonLinesInOneFile) {
  const DocumentRecord a = FullRecord();
  DocumentRecord b = a;
  b.document.info.id = "synthetic/8.txt";
  const std::string bytes = JsonStream({a, b})[0] + "\n" + JsonStream({a, b})[1] + "\n\n" +
                            Stream({b, a}) + "  \n" + JsonStream({b})[0];
  ReadAll all = ReadBytes(bytes);
  ASSERT_TRUE(all.end.ok()) << all.end.ToString();
  const DocumentRecord expected[] = {a, b, b, a, b};
  const char* where[] = {"line 1", "line 2", "byte ", "byte ", "line 5"};
  ASSERT_EQ(all.items.size(), std::size(expected));
  for (size_t i = 0; i < all.items.size(); ++i) {
    SCOPED_TRACE(i);
    ASSERT_TRUE(all.items[i].status.ok()) << all.items[i].status.ToString();
    ExpectSameRecord(all.items[i].record, expected[i]);
    EXPECT_TRUE(all.items[i].where.starts_with(where[i])) << all.items[i].where;
  }
}

TEST(BundleTest, RefusesBadFrames) {
  const DocumentRecord record = FullRecord();
  const std::string good = Stream({record});
  const std::string header = good.substr(0, 12);
  // The content of the good frame, and a frame made of other content.
  const std::string content = good.substr(17);
  auto frame = [&header](const std::string& body) {
    std::string out = header + "d";
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(body.size() >> (8 * i)));
    return out + body;
  };
  auto replaced = [&content](std::string_view from, std::string_view to) {
    std::string body = content;
    const size_t at = body.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    return body.replace(at, from.size(), to);
  };
  // Documents refused alone: the frame after them is still read.
  struct Case {
    std::string body;
    std::string message;
  };
  const std::string id = record.document.info.id;
  const Case skipped[] = {
      {"", "bundle frame: the document record is truncated"},
      {replaced("D\x02", "D\x09"), "bundle frame: the document record is malformed"},
      {content.substr(0, content.size() - 3), "statement " +
                                                  std::to_string(record.statements.size() - 1) +
                                                  " of document '" + id + "' is truncated"},
      {content + "x", "bytes after the statements of document '" + id + "'"},
      {replaced(record.document.text.substr(0, 8), "XXXXXXXX"),
       "the text does not match the document's content_hash"},
      {replaced("S\x03", "S\x07"),
       "bundle frame: statement 0 of document '" + id + "' is malformed"},
  };
  for (const Case& c : skipped) {
    SCOPED_TRACE(c.message);
    ReadAll all = ReadBytes(frame(c.body) + good);
    ASSERT_TRUE(all.end.ok()) << all.end.ToString();
    ASSERT_EQ(all.items.size(), 2u);
    EXPECT_EQ(all.items[0].status.code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(all.items[0].status.message(), HasSubstr(c.message));
    EXPECT_TRUE(all.items[1].status.ok()) << all.items[1].status.ToString();
  }
  // Bytes the reader cannot read on from end the file, after the documents before them.
  struct Fatal {
    std::string bytes;
    StatusCode code;
    std::string message;
    size_t at;  // the byte named
  };
  std::string version4 = good;
  version4[8] = 4;
  const Fatal fatal[] = {
      {good + good.substr(0, good.size() - 1), StatusCode::kInvalidArgument,
       "the bundle ends inside a document frame (truncated)", good.size() + 12},
      {good + std::string("\0PBUNDL", 7), StatusCode::kInvalidArgument, "not an extraction bundle",
       good.size()},
      {good + std::string("\0XBUNDLE\x03\0\0\0", 12), StatusCode::kInvalidArgument,
       "not an extraction bundle", good.size()},
      {good + version4, StatusCode::kOutOfRange,
       "bundle stream version 4 is not supported (this parley reads versions 1 to 3)", good.size()},
      {good + header + std::string("d\xff\xff\xff\x7f", 5), StatusCode::kInvalidArgument,
       "a document frame of 2147483647 bytes", good.size() + 12},
      // Just under the bound, but not there: read (and allocated) as far as the bytes go.
      {good + header + std::string("d\xff\xff\xff\x3f", 5) + "abc", StatusCode::kInvalidArgument,
       "the bundle ends inside a document frame (truncated)", good.size() + 12},
  };
  for (const Fatal& c : fatal) {
    SCOPED_TRACE(c.message);
    ReadAll all = ReadBytes(c.bytes);
    ASSERT_EQ(all.items.size(), 1u);
    EXPECT_TRUE(all.items[0].status.ok());
    EXPECT_EQ(all.end.code(), c.code);
    EXPECT_THAT(all.end.message(), HasSubstr(c.message));
    EXPECT_THAT(all.end.message(), HasSubstr("byte " + std::to_string(c.at) + ": "));
  }
  // A 'd' outside a binary stream starts a line, which is no bundle JSON.
  ReadAll line = ReadBytes("dog\n" + good);
  ASSERT_EQ(line.items.size(), 2u);
  EXPECT_THAT(line.items[0].status.message(), HasSubstr("malformed bundle JSON"));
  EXPECT_TRUE(line.items[1].status.ok());
}

TEST(BundleTest, JsonLinesRoundTripEveryField) {
  const DocumentRecord record = FullRecord();
  const std::string line = JsonStream({record})[0];
  EXPECT_TRUE(line.starts_with(
      "{\"bundle\":2,\"stream_start\":true,\"document\":{\"id\":\"synthetic/7.txt\""));
  auto back = BundleReader().Read(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameRecord(*back, record);
  EXPECT_EQ(JsonStream({*back})[0], line);
  std::vector<DocumentRecord> synthetic;
  for (uint64_t i = 0; i < 20; ++i) synthetic.push_back(SyntheticDocument(i));
  BundleReader reader;
  const std::vector<std::string> lines = JsonStream(synthetic);
  for (size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(i);
    auto parsed = reader.Read(lines[i]);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    ExpectSameRecord(*parsed, synthetic[i]);
  }
}

TEST(BundleTest, JsonLinesCarryReferences) {
  const auto [first, same, changed] = Repeats();
  const Entity& entity = first.entities.front();
  const std::string reference =
      "[\"" + entity.id + "\"," + std::to_string(entity.mentions + 3) + "]";

  const std::vector<std::string> lines = JsonStream({first, same, changed, same});
  EXPECT_THAT(lines[0], Not(HasSubstr(reference)));
  EXPECT_THAT(lines[1], HasSubstr("\"entities\":[" + reference));
  EXPECT_THAT(lines[1], Not(HasSubstr("stream_start")));
  EXPECT_THAT(lines[2], HasSubstr("\"Alias Three\""));
  EXPECT_THAT(lines[3], HasSubstr("\"Alias Two\"]"));  // the record changed back: sent again
  // Two streams concatenated: the second's records replace the first's.
  std::vector<std::string> both = lines;
  for (const std::string& line : JsonStream({changed, first, same})) both.push_back(line);
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

TEST(BundleTest, JsonLinesKeepTheTableBounded) {
  const DocumentRecord many = OverTheBound();
  const std::vector<std::string> lines = JsonStream({many, many});
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
  std::string line = JsonStream({record})[0];
  const std::string v2 = "{\"bundle\":2,\"stream_start\":true,";
  ASSERT_TRUE(line.starts_with(v2));
  line.replace(0, v2.size(), "{\"bundle\":1,");
  auto back = BundleReader().Read(line);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameRecord(*back, record);
}

TEST(BundleTest, RefusesBadJsonLines) {
  const std::string good = JsonStream({FullRecord()})[0];
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
       "bundle version 3 is not supported in a JSON line"},
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
  // A truncated stream ends the file with an error naming the byte.
  {
    std::ofstream file(Path("cut.bundle"));
    file << bundle.out << bundle.out.substr(0, bundle.out.size() - 1);
  }
  CliRun cut = RunParley({"ingest", "--db", Path("cut.db"), "--bundle", Path("cut.bundle")});
  EXPECT_EQ(cut.code, static_cast<int>(ExitCode::kInputError)) << cut.err;
  EXPECT_THAT(cut.err, HasSubstr("bundle file '" + Path("cut.bundle") + "': byte " +
                                 std::to_string(bundle.out.size() + 12) +
                                 ": the bundle ends inside a document frame (truncated)"));
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
