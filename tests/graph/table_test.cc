#include "graph/table.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

Table Sample() {
  return Table{{"name", "note"},
               {{"Ünal", "=SUM(A1)"}, {"Bo", "two\tcells, \"quoted\"\nline"}, {"", ""}}};
}

TEST(TableTest, Formats) {
  struct Case {
    TableFormat format;
    std::string text;
  };
  std::vector<Case> cases = {
      {TableFormat::kTable,
       "name  note\n"
       "Ünal  =SUM(A1)\n"
       "Bo    two cells, \"quoted\" line\n"
       "\n"},
      {TableFormat::kCsv,
       "name,note\n"
       "Ünal,'=SUM(A1)\n"
       "Bo,\"two\tcells, \"\"quoted\"\"\nline\"\n"
       ",\n"},
      // TSV neutralises formulas like CSV (issue 18: spreadsheets open TSV too).
      {TableFormat::kTsv,
       "name\tnote\n"
       "Ünal\t'=SUM(A1)\n"
       "Bo\t\"two cells, \"\"quoted\"\" line\"\n"
       "\t\n"},
      {TableFormat::kJson,
       "[\n"
       "  {\"name\":\"Ünal\",\"note\":\"=SUM(A1)\"},\n"
       "  {\"name\":\"Bo\",\"note\":\"two\\tcells, \\\"quoted\\\"\\nline\"},\n"
       "  {\"name\":\"\",\"note\":\"\"}\n"
       "]\n"},
      {TableFormat::kJsonl,
       "{\"name\":\"Ünal\",\"note\":\"=SUM(A1)\"}\n"
       "{\"name\":\"Bo\",\"note\":\"two\\tcells, \\\"quoted\\\"\\nline\"}\n"
       "{\"name\":\"\",\"note\":\"\"}\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(TableFormatName(c.format));
    EXPECT_EQ(FormatTable(Sample(), c.format), c.text);
    auto parsed = ParseTableFormat(TableFormatName(c.format));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, c.format);
  }
  EXPECT_EQ(FormatTable(Table{{"a"}, {}}, TableFormat::kJson), "[]\n");
  EXPECT_EQ(ParseTableFormat("xml").status().ToString(),
            "invalid_argument: unknown format 'xml'; use table, csv, tsv, json or jsonl");
}

TEST(TableTest, AlignedTableCutsLongCells) {
  Table t{{"k", "v"}, {{"a", "ÄÖÜäöü long text"}}};
  EXPECT_EQ(FormatTable(t, TableFormat::kTable, {.max_cell_width = 6}),
            "k  v\n"
            "a  ÄÖÜäö…\n");
}

}  // namespace
}  // namespace parley
