#include "base/json.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

Statement SampleStatement() {
  Statement s;
  s.subject = {"person:vladimir-putin", "Vladimir Putin", EntityType::kPerson};
  s.predicate = "proposed";
  s.object = EntityRef{"agreement:peace-treaty", "peace treaty", EntityType::kAgreement};
  s.recipient = EntityRef{"person:shinzo-abe", "Shinzo Abe", EntityType::kPerson};
  s.place = EntityRef{"place:vladivostok", "Vladivostok", EntityType::kPlace};
  s.time = TimeValue{"2018-09", "2018-09-01", "2018-09-30"};
  s.modality = Modality::kAsserted;
  s.doc = "examples/a.txt";
  s.span = {10, 20};
  s.byte_span = {12, 24};
  s.sentence = "Putin’s \"sudden\" proposal";
  s.rule = "proposal.to";
  s.plover = "PROPOSE";
  s.id = MakeStatementId(s);
  return s;
}

TEST(StatementJsonTest, FieldOrderAndNulls) {
  Statement s = SampleStatement();
  s.place.reset();
  const std::string json = StatementToJson(s);
  EXPECT_EQ(json.find("{\"id\":\"s:"), 0u);
  EXPECT_NE(json.find("\"place\":null"), std::string::npos);
  EXPECT_NE(json.find("\"text\":null"), std::string::npos);
  EXPECT_LT(json.find("\"subject\""), json.find("\"predicate\""));
  EXPECT_LT(json.find("\"sentence\""), json.find("\"rule\""));
  EXPECT_NE(json.find("\"span\":[10,20]"), std::string::npos);
  EXPECT_NE(json.find("Putin’s \\\"sudden\\\""), std::string::npos);
  EXPECT_EQ(json.find('\n'), std::string::npos);
}

TEST(StatementJsonTest, RoundTrip) {
  const Statement s = SampleStatement();
  auto back = StatementFromJson(StatementToJson(s));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, s);
}

TEST(StatementJsonTest, ReportsTheBadField) {
  struct Case {
    const char* line;
    const char* message;
  };
  const Case cases[] = {
      {"[1]", "a record must be a JSON object"},
      {"{\"id\":", "not valid JSON at column 7"},
      {"{\"id\":\"s:1\"}", "field 'subject' is missing"},
      {"{\"id\":\"s:1\",\"subject\":{\"id\":\"x\",\"type\":\"alien\"},\"predicate\":\"p\"}",
       "subject: unknown entity type 'alien' (expected person, state, organization, group, "
       "place, agreement or event)"},
      {"{\"id\":\"s:1\",\"subject\":{\"id\":\"x\",\"type\":\"state\"},\"predicate\":\"p\","
       "\"doc\":\"d\",\"span\":[5,1]}",
       "field 'span' ends before it starts"},
      {"{\"id\":\"s:1\",\"subject\":{\"id\":\"x\",\"type\":\"state\"},\"predicate\":\"p\","
       "\"doc\":\"d\",\"span\":[0,1],\"modality\":\"maybe\"}",
       "field 'modality': unknown modality 'maybe' (expected asserted, reported, hedged, "
       "negated or planned)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto r = StatementFromJson(c.line);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.status().message(), c.message);
  }
}

TEST(EntityJsonTest, RoundTrip) {
  Entity e;
  e.id = "person:shinzo-abe";
  e.label = "Shinzo Abe";
  e.type = EntityType::kPerson;
  e.aliases = {"Abe", "Abe Shinzo"};
  e.attributes = {{"country", "state:japan"}};
  e.roles = {{"prime minister", "state:japan", "2012-12-26", "2020-09-16"}};
  e.mentions = 3;
  auto back = EntityFromJson(EntityToJson(e));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, e);
}

TEST(DocumentInfoJsonTest, RoundTrip) {
  DocumentInfo d{"a.md",     "Title",    "https://x",         "2021-01-23",
                 "metadata", "markdown", std::string(32, 'a')};
  auto back = DocumentInfoFromJson(DocumentInfoToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, d);
}

TEST(JsonStringTest, EscapesAndRepairs) {
  std::string out;
  AppendJsonString("a\"b\n\x01\xFF", &out);
  EXPECT_EQ(out, "\"a\\\"b\\n\\u0001\xEF\xBF\xBD\"");
}

TEST(JsonStringTest, EscapesEveryControlCharacter) {
  const std::pair<std::string, std::string> cases[] = {
      {std::string("\0", 1), R"("\u0000")"},
      {"\b\t\n\f\r", R"("\b\t\n\f\r")"},
      {"\x0B\x1F\x7F", "\"\\u000b\\u001f\x7F\""},
      {R"(back\slash "quote" /slash)", R"("back\\slash \"quote\" /slash")"},
      {"é — 😀 ’", "\"é — 😀 ’\""},
      {"", R"("")"},
      {"ok \xC3", "\"ok \xEF\xBF\xBD\""},
      {"\xE2\x80 \xF0\x9F\x98", "\"\xEF\xBF\xBD \xEF\xBF\xBD\""},
  };
  for (const auto& [value, want] : cases) {
    SCOPED_TRACE(value);
    std::string out = "prefix";
    AppendJsonString(value, &out);
    EXPECT_EQ(out, "prefix" + want);
  }
}

TEST(StatementJsonTest, WholeLine) {
  Statement s = SampleStatement();
  s.text = "a \"claim\"\n";
  s.event = EntityRef{"event:summit", "summit\t2018", EntityType::kEvent};
  s.time->end.clear();
  s.modality = Modality::kNegated;
  s.span = {0, 18446744073709551615u};
  s.sentence_index = 4294967295u;
  s.cameo = "036";
  s.doc_date = "2018-09-12";
  s.mentions = 3;
  EXPECT_EQ(StatementToJson(s),
            R"({"id":")" + s.id +
                R"(","subject":{"id":"person:vladimir-putin","label":"Vladimir Putin",)"
                R"("type":"person"},"predicate":"proposed","object":{"id":)"
                R"("agreement:peace-treaty","label":"peace treaty","type":"agreement"},)"
                R"("text":"a \"claim\"\n","recipient":{"id":"person:shinzo-abe","label":)"
                R"("Shinzo Abe","type":"person"},"place":{"id":"place:vladivostok","label":)"
                R"("Vladivostok","type":"place"},"event":{"id":"event:summit","label":)"
                R"("summit\t2018","type":"event"},"time":{"value":"2018-09","start":)"
                R"("2018-09-01","end":""},"modality":"negated","doc":"examples/a.txt",)"
                R"("span":[0,18446744073709551615],"sentence":"Putin’s \"sudden\" proposal",)"
                R"("rule":"proposal.to","byte_span":[12,24],"sentence_index":4294967295,)"
                R"("plover":"PROPOSE","cameo":"036","doc_date":"2018-09-12","mentions":3})");
  Statement bare;
  bare.subject = {"x", "", EntityType::kPerson};
  bare.sentence = "bad \xFF byte";
  EXPECT_EQ(StatementToJson(bare),
            R"({"id":"","subject":{"id":"x","label":"","type":"person"},"predicate":"",)"
            R"("object":null,"text":null,"recipient":null,"place":null,"event":null,)"
            R"("time":null,"modality":"asserted","doc":"","span":[0,0],"sentence":)"
            "\"bad \xEF\xBF\xBD byte\","
            R"("rule":"","byte_span":[0,0],"sentence_index":0,"plover":null,"cameo":null,)"
            R"("doc_date":null,"mentions":1})");
}

TEST(StatementIdTest, StableAndSensitive) {
  Statement a = SampleStatement();
  Statement b = a;
  EXPECT_EQ(MakeStatementId(a), MakeStatementId(b));
  b.byte_span.begin += 1;
  EXPECT_NE(MakeStatementId(a), MakeStatementId(b));
  EXPECT_EQ(MakeStatementId(a).size(), 18u);
  EXPECT_EQ(MakeEntityId(EntityType::kPerson, "Vladimir Putin"), "person:vladimir-putin");
}

}  // namespace
}  // namespace parley
