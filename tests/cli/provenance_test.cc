// Every statement parley extracts from the readouts points at its evidence: the stored text's
// code points [span) are the sentence, and so are its bytes [byte_span).
#include <gtest/gtest.h>

#include <string>

#include "base/json.h"
#include "base/text.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"

namespace parley {
namespace {

// The code points [begin, end) of `text`.
std::string CodePointSlice(std::string_view text, uint64_t begin, uint64_t end) {
  std::string out;
  size_t pos = 0;
  uint64_t index = 0;
  while (pos < text.size() && index < end) {
    const size_t start = pos;
    DecodeUtf8(text, &pos);
    if (index >= begin) out.append(text.substr(start, pos - start));
    ++index;
  }
  return out;
}

TEST(ProvenanceTest, EverySpanHoldsItsSentenceAcrossTheReadouts) {
  auto extractor = Extractor::Create(ExtractorOptions());
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  auto reader = DocumentReader::Open({std::string(PARLEY_TEST_DATA_DIR) + "/corpus/wh-readouts"},
                                     ReaderOptions());
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  size_t documents = 0;
  size_t statements = 0;
  for (;;) {
    auto document = (*reader)->Next();
    ASSERT_TRUE(document.ok()) << document.status().ToString();
    if (!document->has_value()) break;
    const Document& d = **document;
    ++documents;
    auto extraction = (*extractor)->Extract(d);
    ASSERT_TRUE(extraction.ok()) << d.info.id;
    EXPECT_FALSE(extraction->statements.empty()) << d.info.id << " yields no statement";
    for (const Statement& s : extraction->statements) {
      SCOPED_TRACE(d.info.id + " " + s.id + " " + s.rule);
      ++statements;
      ASSERT_LE(s.byte_span.end, d.text.size());
      EXPECT_EQ(d.text.substr(s.byte_span.begin, s.byte_span.end - s.byte_span.begin), s.sentence);
      EXPECT_EQ(CodePointSlice(d.text, s.span.begin, s.span.end), s.sentence);
      EXPECT_EQ(s.doc, d.info.id);
      EXPECT_FALSE(s.rule.empty());
      EXPECT_EQ(s.id, MakeStatementId(s));
      // And the record survives its JSON Lines form.
      auto back = StatementFromJson(StatementToJson(s));
      ASSERT_TRUE(back.ok()) << back.status().ToString();
      EXPECT_EQ(*back, s);
    }
  }
  EXPECT_EQ(documents, 80u);
  EXPECT_GT(statements, 80u);
}

}  // namespace
}  // namespace parley
