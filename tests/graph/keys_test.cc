#include "graph/keys.h"

#include <gtest/gtest.h>

#include "graph/synthetic_corpus.h"

namespace parley::internal {
namespace {

TEST(KeysTest, PartsSortLikeTheirText) {
  // A shorter part sorts before a longer one it prefixes, whatever follows.
  EXPECT_LT(Key({"a", "zzz"}), Key({"ab", "a"}));
  EXPECT_LT(Key({"person:x", "met"}), Key({"person:x", "met", "y"}));
  EXPECT_EQ(SplitKey(Key({"a", "", "c"})), (std::vector<std::string_view>{"a", "", "c"}));
  EXPECT_EQ(SplitKey("a\0b"), (std::vector<std::string_view>{"a"}));
  EXPECT_EQ(SplitKey(std::string("a\0b", 3)), (std::vector<std::string_view>{"a", "b"}));
}

TEST(KeysTest, PrefixEnd) {
  EXPECT_EQ(PrefixEnd(std::string("a\0", 2)), std::string("a\x01", 2));
  EXPECT_EQ(PrefixEnd("ab\xff"), "ac");
  EXPECT_EQ(PrefixEnd("\xff\xff"), "");
}

TEST(KeysTest, U64IsBigEndian) {
  EXPECT_EQ(EncodeU64(0x0102), std::string("\0\0\0\0\0\0\x01\x02", 8));
  EXPECT_LT(EncodeU64(255), EncodeU64(256));
  EXPECT_EQ(*DecodeU64(EncodeU64(1234567890123)), 1234567890123u);
  auto bad = DecodeU64("abc");
  EXPECT_EQ(bad.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(bad.status().message(), "corrupt counter in the store");
}

TEST(KeysTest, SpanClassesBoundTheTimeScan) {
  struct Case {
    TimeValue time;
    SpanClass expected;
  };
  std::vector<Case> cases = {
      {{"2019-03-05", "2019-03-05", "2019-03-05"}, SpanClass::kMonth},
      {{"2019-03", "2019-03-01", "2019-03-31"}, SpanClass::kMonth},
      {{"2020", "2020-01-01", "2020-12-31"}, SpanClass::kYear},
      {{"2010s", "2010-01-01", "2019-12-31"}, SpanClass::kLonger},
      {{"?", "garbage", "2019"}, SpanClass::kLonger},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.time.value);
    EXPECT_EQ(ClassifySpan(c.time), c.expected);
  }
  EXPECT_EQ(ClassLowerBound(SpanClass::kMonth, "2019-02-10"), "2018-12-01");
  EXPECT_EQ(ClassLowerBound(SpanClass::kYear, "2019-02-10"), "2017-02-01");
  EXPECT_EQ(ClassLowerBound(SpanClass::kLonger, "2019-02-10"), "");
}

TEST(KeysTest, RecordsRoundTrip) {
  DocumentRecord r = SyntheticDocument(42);
  r.statements[0].subject_code = "BRDGOV";
  r.statements[0].recipient_code = "IGOUNO";
  for (const Statement& s : r.statements) {
    auto back = DecodeStatement(EncodeStatement(s));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, s);
  }
  Entity e = r.entities[0];
  e.attributes = {{"iso3", "BRD"}};
  e.roles = {Role{"president", "state:borduria", "2001", "", "BRDGOV"}};
  EXPECT_EQ(*DecodeEntity(EncodeEntity(e)), e);

  EntityAggregate a;
  ApplyContribution(e, +1, &a);
  ApplyContribution(r.entities[0], +1, &a);
  EXPECT_EQ(*DecodeAggregate(EncodeAggregate(a)), a);
  ApplyContribution(e, -1, &a);
  EntityAggregate only;
  ApplyContribution(r.entities[0], +1, &only);
  EXPECT_EQ(a, only);

  DocContents contents{{"s:1", "s:2"}, r.entities};
  EXPECT_EQ(*DecodeDocContents(EncodeDocContents(contents)), contents);

  DocMeta m{r.document.info, "fp", 3, 7, 9};
  EXPECT_EQ(*DecodeDocMeta(EncodeDocMeta(m)), m);
}

TEST(KeysTest, OlderStatementRecordsStillDecode) {
  // Layout 2 had no actor codes: the same bytes without the three empty strings after
  // `mentions`. Layout 1 had no time source either: without the source varint after the time's
  // end.
  Statement s = SyntheticDocument(1).statements[0];
  ASSERT_TRUE(s.time.has_value());
  s.time->source = TimeSource::kText;
  s.subject_code.clear();
  s.object_code.clear();
  s.recipient_code.clear();
  std::string bytes = EncodeStatement(s);
  ASSERT_EQ(bytes[1], 3);
  ASSERT_EQ(bytes.substr(bytes.size() - 3), std::string(3, '\0'));
  bytes.resize(bytes.size() - 3);
  bytes[1] = 2;
  Result<Statement> two = DecodeStatement(bytes);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ(*two, s);
  std::string time;  // value, start, end as the record writes them
  for (const std::string* part : {&s.time->value, &s.time->start, &s.time->end}) {
    time += static_cast<char>(part->size());
    time += *part;
  }
  const size_t at = bytes.find(time);
  ASSERT_NE(at, std::string::npos);
  ASSERT_EQ(bytes[at + time.size()], 0);  // the source: text
  bytes.erase(at + time.size(), 1);
  bytes[1] = 1;
  Result<Statement> back = DecodeStatement(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, s);
  bytes[1] = 4;
  EXPECT_EQ(DecodeStatement(bytes).status().code(), StatusCode::kDataLoss);
}

TEST(KeysTest, VersionOneEntityRecordsStillDecode) {
  // Entity layout 1 had no role code: the same bytes without the empty string after `to`.
  Entity e;
  e.id = "person:x";
  e.label = "X";
  e.type = EntityType::kPerson;
  e.roles = {Role{"president", "state:borduria", "2001", "2004", ""}};
  std::string bytes = EncodeEntity(e);
  ASSERT_EQ(bytes[1], 2);
  const std::string to = std::string(1, '\4') + "2004";
  const size_t at = bytes.find(to);
  ASSERT_NE(at, std::string::npos);
  ASSERT_EQ(bytes[at + to.size()], 0);  // the code: empty
  bytes.erase(at + to.size(), 1);
  bytes[1] = 1;
  Result<Entity> back = DecodeEntity(bytes);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, e);
  e.roles[0].code = "BORGOV";
  EXPECT_EQ(*DecodeEntity(EncodeEntity(e)), e);
}

TEST(KeysTest, CorruptRecordsAreDataLoss) {
  std::string bytes = EncodeStatement(SyntheticDocument(1).statements[0]);
  for (std::string bad : {bytes.substr(0, bytes.size() - 3), bytes + "x", std::string("E\x01")}) {
    auto r = DecodeStatement(bad);
    EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(r.status().message(), "corrupt statement record in the store");
  }
}

TEST(KeysTest, EntityPresentsItsMostCommonLabel) {
  EntityAggregate a;
  Entity one{"person:x", "X One", EntityType::kPerson, {"X"}, {}, {}, 1};
  Entity two{"person:x", "X Two", EntityType::kPerson, {}, {}, {}, 1};
  ApplyContribution(two, +1, &a);
  ApplyContribution(one, +1, &a);
  EXPECT_EQ(ToEntity(a).label, "X One");  // a tie goes to the smaller label
  ApplyContribution(two, +1, &a);
  Entity e = ToEntity(a);
  EXPECT_EQ(e.label, "X Two");
  EXPECT_EQ(e.aliases, (std::vector<std::string>{"X", "X One"}));
  EXPECT_EQ(e.mentions, 3u);
  EXPECT_EQ(AggregateNames(a), (std::set<std::string>{"x", "x one", "x two"}));
}

}  // namespace
}  // namespace parley::internal
