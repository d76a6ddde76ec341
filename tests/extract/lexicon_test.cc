#include "extract/lexicon.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

// FindWord reads a word's entry by its id in the shared vocabulary once the lexicon is indexed
// there, and agrees with Find on every word: those the vocabulary held before (with other ids
// than the lexicon's), those it gains, and words the lexicon does not know.
TEST(LexiconTest, FindWordByVocabularyIdAgreesWithFind) {
  Lexicon lexicon;
  lexicon.AddVerb("withdraw", {}, {}, {"withdrew", "withdrawn"});
  lexicon.AddEventNoun("invasion");
  // Before indexing, FindWord reads the text.
  EXPECT_EQ(lexicon.FindWord(12345, "withdrew"), lexicon.Find("withdrew"));
  TokenTable vocabulary;
  for (std::string_view w : {"Japan", "japan", "treaty", "the", "withdrew"}) vocabulary.Intern(w);
  lexicon.IndexVocabulary(&vocabulary);
  for (std::string_view w :
       {"the", "of", "withdrew", "withdrawn", "withdraw", "invasion", "treaty", "japan", "zzz"}) {
    SCOPED_TRACE(std::string(w));
    const uint32_t id = vocabulary.Find(w);
    const LexEntry* want = lexicon.Find(w);
    // Every word of the lexicon is in the vocabulary now.
    EXPECT_EQ(id == TokenTable::kAbsent, want == nullptr && w == "zzz");
    EXPECT_EQ(lexicon.FindWord(id, ""), want);
  }
  EXPECT_EQ(lexicon.FindWord(TokenTable::kAbsent, "the"), nullptr);
  EXPECT_EQ(lexicon.FindWord(1u << 30, "the"), nullptr);
}

}  // namespace
}  // namespace parley::internal
