#include "base/json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>

namespace parley {
namespace {

using ::testing::HasSubstr;

Statement SampleStatement() {
  Statement s;
  s.subject = {"person:vladimir-putin", "Vladimir Putin", EntityType::kPerson};
  s.predicate = "proposed";
  s.object = EntityRef{"agreement:peace-treaty", "peace treaty", EntityType::kAgreement};
  s.recipient = EntityRef{"person:shinzo-abe", "Shinzo Abe", EntityType::kPerson};
  s.place = EntityRef{"place:vladivostok", "Vladivostok", EntityType::kPlace};
  s.time = TimeValue{"2018-09", "2018-09-01", "2018-09-30", TimeSource::kDocument};
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

// Issue 18: records carry their document's title and URL so that a claim can be cited
// wherever the record goes, and `ingest --statements` keeps them.
TEST(StatementJsonTest, CitedRecordsCarryTheDocumentsTitleAndUrl) {
  const Statement s = SampleStatement();
  DocumentInfo document;
  document.title = "Readout: \"talks\"";
  document.url = "https://example.org/readout";
  const std::string line = CitedStatementToJson(s, document);
  const std::string tail =
      ",\"doc_title\":\"Readout: \\\"talks\\\"\",\"doc_url\":\"https://example.org/readout\"}";
  EXPECT_EQ(line.substr(line.size() - tail.size()), tail);
  EXPECT_EQ(line.substr(0, line.size() - tail.size()) + "}", StatementToJson(s));
  DocumentInfo read;
  read.id = "kept";
  auto back = CitedStatementFromJson(line, &read);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(*back, s);
  EXPECT_EQ(read.title, document.title);
  EXPECT_EQ(read.url, document.url);
  EXPECT_EQ(read.id, "kept");
  // Readers that do not cite accept and ignore the fields.
  auto plain = StatementFromJson(line);
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(*plain, s);
  // The general path (a \u escape leaves the fast one) reads them too; without them both are "".
  DocumentInfo escaped;
  auto general =
      CitedStatementFromJson(line.substr(0, line.size() - 1) + ",\"extra\":\"\\u00e9\"}", &escaped);
  ASSERT_TRUE(general.ok()) << general.status().ToString();
  EXPECT_EQ(escaped.url, document.url);
  DocumentInfo none{"", "stale title", "stale url"};
  ASSERT_TRUE(CitedStatementFromJson(StatementToJson(s), &none).ok());
  EXPECT_EQ(none.title, "");
  EXPECT_EQ(none.url, "");
  EXPECT_EQ(CitedStatementToJson(s, DocumentInfo()), StatementToJson(s));
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

// Each line gets the same answer from `fast` (a codec with a fast path) and from `tree` (its
// JSON-tree path): the same record, or the same error. The line parsed (JsonParser) gets from
// `value_fast` (the fast path alone of the reader of a parsed value) the tree's record or
// nothing, and from `value_path` (that whole reader) what `fast` says of its minified text.
template <typename Fast, typename Tree, typename ValueFast, typename ValuePath>
void ExpectFastPathAgrees(const std::vector<std::string>& lines, Fast fast_path, Tree tree_path,
                          ValueFast value_fast, ValuePath value_path) {
  JsonParser parser;
  size_t taken = 0;
  for (const std::string& line : lines) {
    SCOPED_TRACE(line);
    auto fast = fast_path(line);
    auto tree = tree_path(line);
    ASSERT_EQ(fast.ok(), tree.ok()) << (fast.ok() ? tree.status() : fast.status()).ToString();
    if (fast.ok()) {
      EXPECT_EQ(*fast, *tree);
    } else {
      EXPECT_EQ(fast.status().code(), tree.status().code());
      EXPECT_EQ(fast.status().message(), tree.status().message());
    }
    Result<JsonValue> root = parser.Parse(line);
    if (!root.ok()) continue;
    if (auto record = value_fast(*root)) {
      ++taken;
      ASSERT_TRUE(tree.ok()) << tree.status().ToString();
      EXPECT_EQ(*record, *tree);
    }
    auto whole = value_path(*root);
    auto minified = fast_path(root->Minified());
    ASSERT_EQ(whole.ok(), minified.ok());
    if (whole.ok()) {
      EXPECT_EQ(*whole, *minified);
    } else {
      EXPECT_EQ(whole.status().message(), minified.status().message());
    }
  }
  EXPECT_GT(taken, 0u);
}

// StatementFromJson reads lines as StatementToJson writes them without a JSON tree; on every
// line, valid or not, it must answer as the general path does.
TEST(StatementJsonTest, FastPathAgreesWithTheGeneralPath) {
  Statement full = SampleStatement();
  full.text = "a \"quoted\"\tclaim\n\\ / \x01 \x7f";
  full.event = EntityRef{"event:summit", "", EntityType::kEvent};
  full.cameo = "036";
  full.doc_date = "2019-01-01";
  full.sentence_index = 7;
  full.mentions = 3;
  full.sentence = "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xff bad";  // \xff is replaced
  Statement bare;
  bare.subject = {"", "", EntityType::kState};
  bare.predicate = "p";
  const std::string base = StatementToJson(SampleStatement());
  auto replace = [&base](const std::string& from, const std::string& to) {
    std::string line = base;
    size_t at = line.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) line.replace(at, from.size(), to);
    return line;
  };
  const std::string mentions = "\"mentions\":1";
  const std::string span = "\"span\":[10,20]";
  const std::string sentence = "\"sentence\":\"Putin’s \\\"sudden\\\" proposal\"";
  std::vector<std::string> lines = {
      base,
      StatementToJson(full),
      StatementToJson(bare),
      " \t{" + base.substr(1, base.size() - 2) + "} \r\n",
      replace("{", "{ \"extra\" : [1, {\"a\": null}], "),
      replace("{", "{\"id\":\"s:first\","),
      replace("{\"id\":", "{\"i\\u0064\":"),
      replace("\"label\":\"Vladimir Putin\",", ""),
      replace("\"label\":\"Vladimir Putin\"", "\"label\":null"),
      replace("\"label\":\"Vladimir Putin\"", "\"label\":\"\""),
      replace("\"label\":\"Vladimir Putin\"", "\"label\":\"Vladimir Putin\",\"qid\":\"Q7747\""),
      replace("\"type\":\"person\"", "\"type\":\"alien\""),
      replace("\"type\":\"person\"", "\"type\":null"),
      replace("{\"id\":\"person:vladimir-putin\",", "{"),
      replace("\"object\":{\"id\":\"agreement:peace-treaty\"", "\"object\":{\"id\":null"),
      replace(mentions, "\"mentions\":null"),
      replace(mentions, "\"mentions\":-1"),
      replace(mentions, "\"mentions\":1.0"),
      replace(mentions, "\"mentions\":1e2"),
      replace(mentions, "\"mentions\":01"),
      replace(mentions, "\"mentions\":0"),
      replace(mentions, "\"mentions\":18446744073709551615"),
      replace(mentions, "\"mentions\":18446744073709551616"),
      replace(mentions, "\"mentions\":\"1\""),
      replace(span, "\"span\":null"),
      replace(span, "\"span\":[1]"),
      replace(span, "\"span\":[1,2,3]"),
      replace(span, "\"span\":[20,10]"),
      replace(span, "\"span\" : [ 10 , 20 ]"),
      replace("\"byte_span\":[12,24]", "\"byte_span\":null"),
      replace(sentence, "\"sentence\":5"),
      replace(sentence, "\"sentence\":null"),
      replace(sentence, "\"sentence\":\"caf\\u00e9\""),
      replace(sentence, "\"sentence\":\"\\ud83d\\ude00\""),
      replace(sentence, "\"sentence\":\"\\ud83d\""),
      replace(sentence, "\"sentence\":\"bad \\x escape\""),
      replace(sentence, "\"sentence\":\"raw \x01 control\""),
      replace(sentence, "\"sentence\":\"overlong \xc0\x80\""),
      replace(sentence, "\"sentence\":\"surrogate \xed\xa0\x80\""),
      replace(sentence, "\"sentence\":\"too big \xf4\x90\x80\x80\""),
      replace(sentence, "\"sentence\":\"overlong \xe0\x80\x80\""),
      replace(sentence, "\"sentence\":\"cut \xe2\x82\""),
      replace(sentence, "\"sentence\":\"cut at the end \xe2"),
      replace(sentence, "\"sentence\":\"euro \xe2\x82\xac \xf4\x8f\xbf\xbf\""),
      replace("\"time\":{\"value\":\"2018-09\",", "\"time\":{"),
      replace("\"time\":{\"value\":\"2018-09\",\"start\":\"2018-09-01\",\"end\":\"2018-09-30\","
              "\"source\":\"document\"}",
              "\"time\":{\"value\":\"2018\",\"start\":null}"),
      replace("\"source\":\"document\"}", "\"source\":\"document\",\"extra\":1}"),
      replace("\"source\":\"document\"}", "\"source\":\"paragraph\"}"),
      replace("\"source\":\"document\"}", "\"source\":\"text\"}"),
      replace("\"source\":\"document\"}", "\"source\":\"dateline\"}"),
      replace("\"source\":\"document\"}", "\"source\":null}"),
      replace(",\"source\":\"document\"}", "}"),
      replace("\"time\":{", "\"time\":[{"),
      replace("\"modality\":\"asserted\"", "\"modality\":\"\""),
      replace("\"modality\":\"asserted\"", "\"modality\":null"),
      replace("\"modality\":\"asserted\"", "\"modality\":\"maybe\""),
      replace("\"predicate\":\"proposed\"", "\"predicate\":\"\""),
      replace("\"text\":null", "\"text\":\"\""),
      replace("\"text\":null", "\"text\":true"),
      replace("\"place\":{", "\"place\":{},\"x\":{"),
      replace("\"id\":\"s:", "\"id\":null,\"x\":\"s:"),
      base + "x",
      base + ",",
      "\xef\xbb\xbf" + base,
      base.substr(0, base.size() - 1),
      "{}",
      "[]",
      "",
  };
  ExpectFastPathAgrees(lines, StatementFromJson, internal::StatementFromJsonTree,
                       internal::StatementFromJsonValueFast, StatementFromJsonValue);
  auto back = StatementFromJson(StatementToJson(full));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->text, full.text);
  EXPECT_EQ(back->event->label, "event:summit");
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

Entity SampleEntity() {
  Entity e;
  e.id = "person:shinzo-abe";
  e.label = "Shinzo Abe";
  e.type = EntityType::kPerson;
  e.aliases = {"Abe", "Abe Shinzo"};
  e.attributes = {{"country", "state:japan"}, {"kind", "leader"}};
  e.roles = {{"prime minister", "state:japan", "2012-12-26", "2020-09-16"},
             {"chief cabinet secretary", "", "", ""}};
  e.mentions = 3;
  return e;
}

TEST(EntityJsonTest, WholeLine) {
  Entity e = SampleEntity();
  e.aliases.push_back("a \"quoted\"\tone \xff");
  EXPECT_EQ(EntityToJson(e),
            R"({"id":"person:shinzo-abe","label":"Shinzo Abe","type":"person",)"
            R"("aliases":["Abe","Abe Shinzo","a \"quoted\"\tone )"
            "\xEF\xBF\xBD"
            R"("],)"
            R"("attributes":{"country":"state:japan","kind":"leader"},)"
            R"("roles":[{"office":"prime minister","country":"state:japan","from":"2012-12-26",)"
            R"("to":"2020-09-16"},{"office":"chief cabinet secretary","country":null,"from":null,)"
            R"("to":null}],"mentions":3})");
  Entity bare;
  bare.type = EntityType::kState;
  EXPECT_EQ(EntityToJson(bare),
            R"({"id":"","label":"","type":"state","aliases":[],"attributes":{},"roles":[],)"
            R"("mentions":0})");
}

// EntityFromJson reads lines as EntityToJson writes them without a JSON tree; on every line,
// valid or not, it must answer as the general path does.
TEST(EntityJsonTest, FastPathAgreesWithTheGeneralPath) {
  const std::string base = EntityToJson(SampleEntity());
  auto replace = [&base](const std::string& from, const std::string& to) {
    std::string line = base;
    size_t at = line.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) line.replace(at, from.size(), to);
    return line;
  };
  const std::vector<std::string> lines = {
      base,
      EntityToJson(Entity()),
      replace("{", "{\"extra\":1,"),
      replace("\"label\":\"Shinzo Abe\"", "\"label\":null"),
      replace("\"label\":\"Shinzo Abe\",", ""),
      replace("\"label\":\"Shinzo Abe\"", "\"label\":7"),
      replace("\"id\":\"person:shinzo-abe\"", "\"id\":null"),
      replace("\"id\":\"person:shinzo-abe\",", ""),
      replace("{", "{\"id\":\"first\","),
      replace("\"type\":\"person\"", "\"type\":\"alien\""),
      replace("\"type\":\"person\",", ""),
      replace("\"aliases\":[\"Abe\",", "\"aliases\":null,\"x\":[\"Abe\","),
      replace("\"aliases\":[\"Abe\"", "\"aliases\":[1"),
      replace("\"aliases\":[\"Abe\",\"Abe Shinzo\"]", "\"aliases\":\"Abe\""),
      replace("\"aliases\":[\"Abe\",\"Abe Shinzo\"]", "\"aliases\":null"),
      replace("\"aliases\":[\"Abe\",\"Abe Shinzo\"]", "\"aliases\":[]"),
      replace("{\"country\":\"state:japan\"", "{\"kind\":\"first\",\"country\":\"state:japan\""),
      replace("{\"country\":\"state:japan\"", "{\"country\":null"),
      replace("\"attributes\":{", "\"attributes\":[{"),
      replace("\"attributes\":{\"country\":\"state:japan\",\"kind\":\"leader\"}",
              "\"attributes\":null"),
      replace("\"office\":\"prime minister\"", "\"office\":null"),
      replace("\"office\":\"prime minister\",", ""),
      replace("\"country\":null", "\"country\":5"),
      replace("\"to\":null}", "\"to\":null,\"since\":\"x\"}"),
      replace("\"roles\":[{", "\"roles\":[7,{"),
      replace("\"roles\":[", "\"roles\":{\"a\":["),
      replace("\"mentions\":3", "\"mentions\":null"),
      replace("\"mentions\":3", "\"mentions\":-3"),
      replace("\"mentions\":3", "\"mentions\":3.5"),
      replace("\"mentions\":3", "\"mentions\":\"3\""),
      replace("\"mentions\":3", "\"mentions\":18446744073709551616"),
      replace("\"Abe Shinzo\"", "\"Abe \\u0053hinzo\""),
      replace("\"Abe Shinzo\"", "\"Abe \xff\""),
      base + "x",
      base.substr(0, base.size() - 1),
      "{}",
      "[]",
      "",
  };
  ExpectFastPathAgrees(lines, EntityFromJson, internal::EntityFromJsonTree,
                       internal::EntityFromJsonValueFast, EntityFromJsonValue);
}

TEST(DocumentInfoJsonTest, RoundTrip) {
  DocumentInfo d{"a.md",     "Title",    "https://x",         "2021-01-23",
                 "metadata", "markdown", std::string(32, 'a')};
  auto back = DocumentInfoFromJson(DocumentInfoToJson(d));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, d);
}

TEST(DocumentInfoJsonTest, WholeLine) {
  DocumentInfo d{"a \"b\".md", "", "https://x", "", "", "jsonl", std::string(32, 'a')};
  EXPECT_EQ(DocumentInfoToJson(d),
            R"({"id":"a \"b\".md","title":"","url":"https://x","date":null,"date_source":null,)"
            R"("format":"jsonl","content_hash":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})");
  d.date = "2021-01";
  d.date_source = "dateline";
  d.normalized_hash = "n";
  EXPECT_THAT(DocumentInfoToJson(d), HasSubstr(R"("date":"2021-01","date_source":"dateline",)"));
  EXPECT_TRUE(DocumentInfoToJson(d).ends_with(R"(,"normalized_hash":"n"})"));
}

// Lines as DocumentInfoToJson writes them are read without a JSON tree; the others (extra or
// repeated keys, escapes, errors) by the general path.
TEST(DocumentInfoJsonTest, ReadsEveryShape) {
  auto info = [](std::string id, std::string title = "", std::string date = "",
                 std::string normalized_hash = "") {
    DocumentInfo d;
    d.id = std::move(id);
    d.title = std::move(title);
    d.date = std::move(date);
    d.normalized_hash = std::move(normalized_hash);
    return d;
  };
  struct Case {
    std::string line;
    std::optional<DocumentInfo> expected;  // or the error's message
    std::string error;
  };
  const Case cases[] = {
      {R"({"id":"a","title":null,"date":"2021","normalized_hash":"n"})",
       info("a", "", "2021", "n")},
      {R"({"id":"a","title":"t","extra":1})", info("a", "t")},
      {R"({"id":"a","id":"b"})", info("b")},
      {R"({"id":"\u0041"})", info("A")},
      {R"({"id":"a","title":"-1"})", info("a", "-1")},
      {R"({"title":"t"})", std::nullopt, "field 'id' is missing"},
      {R"({"id":null})", std::nullopt, "field 'id' is missing"},
      {R"({"id":"a","title":5})", std::nullopt, "field 'title' must be a string"},
      {R"(["a"])", std::nullopt, "a record must be a JSON object"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    auto read = DocumentInfoFromJson(c.line);
    if (c.expected) {
      ASSERT_TRUE(read.ok()) << read.status().ToString();
      EXPECT_EQ(*read, *c.expected);
      JsonParser parser;
      Result<JsonValue> root = parser.Parse(c.line);
      ASSERT_TRUE(root.ok()) << root.status().ToString();
      if (auto fast = internal::DocumentInfoFromJsonValueFast(*root)) {
        EXPECT_EQ(*fast, *c.expected);
      }
      auto whole = DocumentInfoFromJsonValue(*root);
      ASSERT_TRUE(whole.ok()) << whole.status().ToString();
      EXPECT_EQ(*whole, *c.expected);
    } else {
      ASSERT_FALSE(read.ok());
      EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
      EXPECT_THAT(read.status().message(), HasSubstr(c.error));
    }
  }
}

TEST(JsonStringTest, EscapesAndRepairs) {
  std::string out;
  AppendJsonString("a\"b\n\x01\xFF", &out);
  EXPECT_EQ(out, "\"a\\\"b\\n\\u0001\xEF\xBF\xBD\"");
}

// A default string_view has a null data(): writing it must not hand memcpy a null pointer
// (UBSan in .ci/run reports that as an error).
TEST(JsonStringTest, WritesADefaultViewAsTheEmptyString) {
  std::string out = "prefix";
  AppendJsonString(std::string_view(), &out);
  EXPECT_EQ(out, R"(prefix"")");
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

// The escaper takes text 16 bytes at a time: every character that needs an escape, and an
// invalid byte (which Dump repairs), at every position of strings shorter and longer than two
// blocks, among ASCII and multi-byte characters (U+FFFD itself is valid), against a
// byte-by-byte reference.
TEST(JsonStringTest, EscapesAtEveryPositionOfAWord) {
  auto reference = [](std::string_view value) {
    std::string out = "\"";
    for (const char ch : value) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += ch;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == 0x1F) {
        out += "\\u001f";
      } else if (c == 0xFF) {
        out += "\xEF\xBF\xBD";
      } else {
        out += ch;
      }
    }
    return out + "\"";
  };
  for (const char* filler : {"a", "\xC3\xA9", "\x7F", " ", "\xF0\x9F\x98\x80", "\xEF\xBF\xBD"}) {
    for (size_t size = 0; size <= 40; ++size) {
      std::string base;
      while (base.size() < size) base += filler;
      for (size_t at = 0; at <= base.size(); ++at) {
        for (const char special : {'"', '\\', '\n', '\x1F', '\xFF'}) {
          std::string value = base;
          if (at < value.size() && (value[at] & 0xC0) == 0x80) continue;  // inside a character
          value.insert(at, 1, special);
          SCOPED_TRACE(value);
          std::string out;
          AppendJsonString(value, &out);
          EXPECT_EQ(out, reference(value));
        }
      }
    }
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
  s.subject_code = "RUSGOV";
  s.recipient_code = "JPNGOV";
  EXPECT_EQ(StatementToJson(s),
            R"({"id":")" + s.id +
                R"(","subject":{"id":"person:vladimir-putin","label":"Vladimir Putin",)"
                R"("type":"person"},"predicate":"proposed","object":{"id":)"
                R"("agreement:peace-treaty","label":"peace treaty","type":"agreement"},)"
                R"("text":"a \"claim\"\n","recipient":{"id":"person:shinzo-abe","label":)"
                R"("Shinzo Abe","type":"person"},"place":{"id":"place:vladivostok","label":)"
                R"("Vladivostok","type":"place"},"event":{"id":"event:summit","label":)"
                R"("summit\t2018","type":"event"},"time":{"value":"2018-09","start":)"
                R"("2018-09-01","end":"","source":"document"},"modality":"negated",)"
                R"("doc":"examples/a.txt",)"
                R"("span":[0,18446744073709551615],"sentence":"Putin’s \"sudden\" proposal",)"
                R"("rule":"proposal.to","byte_span":[12,24],"sentence_index":4294967295,)"
                R"("plover":"PROPOSE","cameo":"036","doc_date":"2018-09-12","mentions":3,)"
                R"("subject_code":"RUSGOV","object_code":null,"recipient_code":"JPNGOV"})");
  Statement bare;
  bare.subject = {"x", "", EntityType::kPerson};
  bare.sentence = "bad \xFF byte";
  EXPECT_EQ(StatementToJson(bare),
            R"({"id":"","subject":{"id":"x","label":"","type":"person"},"predicate":"",)"
            R"("object":null,"text":null,"recipient":null,"place":null,"event":null,)"
            R"("time":null,"modality":"asserted","doc":"","span":[0,0],"sentence":)"
            "\"bad \xEF\xBF\xBD byte\","
            R"("rule":"","byte_span":[0,0],"sentence_index":0,"plover":null,"cameo":null,)"
            R"("doc_date":null,"mentions":1,"subject_code":null,"object_code":null,)"
            R"("recipient_code":null})");
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
