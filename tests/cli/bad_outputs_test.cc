// Safe outputs: a store holding labels and sentences written to attack the tools that open
// exports (markup, characters XML forbids, spreadsheet formulas, line breaks) exports as
// well-formed XML, formula-free CSV and JSON Lines that read back unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "base/json.h"
#include "graph/store.h"
#include "tests/cli/cli_test_util.h"
#include "tests/fuzz/output_checks.h"
#include "tests/graph/store_test_util.h"

namespace parley::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kFormulaLabel = "=HYPERLINK(\"http://evil.example\",\"click\")";
// Markup, C0 controls (forbidden in XML 1.0), U+FFFE (forbidden), a tab and line breaks.
const std::string kMarkupLabel = "@SUM(A1)<script>&amp;\x01\x1f\xEF\xBF\xBE\t\r\nend";

DocumentRecord HostileRecord() {
  DocumentRecord r;
  r.rules_fingerprint = "rules-1";
  r.document.info.id = "hostile/<doc>&\".txt";
  r.document.info.format = "text";
  r.document.text = "The actor met the other actor.";
  Entity person{"person:formula",
                kFormulaLabel,
                EntityType::kPerson,
                {"+1-555", "-cmd"},
                {{"country", "=1+1"}},
                {},
                1};
  Entity state{"state:markup", kMarkupLabel, EntityType::kState, {}, {}, {}, 1};
  r.entities = {person, state};
  Statement s;
  s.subject = EntityRef{person.id, person.label, person.type};
  s.predicate = "met";
  s.object = EntityRef{state.id, state.label, state.type};
  s.text = "-2+3 <b>\x02</b>";
  s.doc = r.document.info.id;
  s.span = {0, 30};
  s.byte_span = {0, 30};
  s.sentence = r.document.text;
  s.rule = "=rule";
  s.time = TimeValue{"2019-03", "2019-03-01", "2019-03-31"};
  s.id = MakeStatementId(s);
  r.statements = {s};
  r.sentence_count = 1;
  return r;
}

class BadOutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenRocksStore(db_, StoreOptions());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    auto outcome = (*store)->Put(HostileRecord());
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }

  std::string Export(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"export", "--db", db_};
    args.insert(args.end(), extra.begin(), extra.end());
    CliRun run = RunParley(args);
    EXPECT_EQ(run.code, 0) << run.err;
    return run.out;
  }

  parley::testing::TempDir dir_;
  std::string db_ = dir_.Sub("store");
};

TEST_F(BadOutputsTest, XmlExportsAreWellFormedAndDropForbiddenCharacters) {
  for (const std::vector<std::string>& format : {std::vector<std::string>{"--format", "graphml"},
                                                 {"--format", "gexf"},
                                                 {"--format", "gexf", "--dynamic"}}) {
    SCOPED_TRACE(format.back());
    const std::string xml = Export(format);
    EXPECT_TRUE(fuzz::WellFormedXml(xml)) << xml;
    EXPECT_THAT(xml, HasSubstr("@SUM(A1)&lt;script&gt;&amp;amp;&#9;&#13;&#10;end"));
    EXPECT_THAT(xml, HasSubstr("=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)"));
    EXPECT_THAT(xml, Not(HasSubstr("\x01")));
    EXPECT_THAT(xml, Not(HasSubstr("\xEF\xBF\xBE")));
  }
}

TEST_F(BadOutputsTest, CsvExportsNeutraliseFormulas) {
  const std::string nodes = Export({"--format", "csv-nodes"});
  EXPECT_TRUE(fuzz::NoFormulas(nodes)) << nodes;
  EXPECT_THAT(nodes, HasSubstr("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""));
  EXPECT_THAT(nodes, HasSubstr("\"'@SUM(A1)<script>&amp;"));
  const std::string edges = Export({"--format", "csv-edges"});
  EXPECT_TRUE(fuzz::NoFormulas(edges)) << edges;
}

TEST_F(BadOutputsTest, JsonLinesReadBackUnchanged) {
  const std::string statements = Export({"--format", "jsonl", "--what", "statements"});
  ASSERT_FALSE(statements.empty());
  ASSERT_EQ(statements.back(), '\n');
  Result<Statement> statement = StatementFromJson(statements.substr(0, statements.size() - 1));
  ASSERT_TRUE(statement.ok()) << statement.status().ToString();
  EXPECT_EQ(*statement, HostileRecord().statements[0]);

  const std::string entities = Export({"--format", "jsonl", "--what", "entities"});
  size_t lines = 0;
  for (size_t begin = 0; begin < entities.size(); ++lines) {
    const size_t end = entities.find('\n', begin);
    ASSERT_NE(end, std::string::npos);
    Result<Entity> entity = EntityFromJson(entities.substr(begin, end - begin));
    ASSERT_TRUE(entity.ok()) << entity.status().ToString();
    EXPECT_TRUE(entity->label == kFormulaLabel || entity->label == kMarkupLabel) << entity->label;
    begin = end + 1;
  }
  EXPECT_EQ(lines, 2u);
}

TEST_F(BadOutputsTest, DotQuotesLabels) {
  const std::string dot = Export({"--format", "dot"});
  EXPECT_TRUE(IsValidUtf8(dot));
  EXPECT_THAT(dot, HasSubstr("=HYPERLINK(\\\"http://evil.example\\\",\\\"click\\\")"));
  EXPECT_THAT(dot, Not(HasSubstr("\x01")));
}

}  // namespace
}  // namespace parley::cli
