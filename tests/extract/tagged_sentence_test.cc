// The tagged sentence's reuse (extract/tagged_sentence.h, ClearForReuse): a sentence tagged into
// a Tagged that held another one, cleared, is the sentence tagged into a new Tagged, field by
// field, whichever of the two was longer.
#include "extract/tagged_sentence.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "extract/default_rules.h"
#include "extract/mentions.h"
#include "extract/rule_cache.h"
#include "extract/rule_compiled.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

void ExpectSame(const internal::Tagged& a, const internal::Tagged& b) {
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_EQ(a.tokens, b.tokens);
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  for (size_t i = 0; i < a.mentions.size(); ++i) {
    SCOPED_TRACE(i);
    const internal::Mention &x = a.mentions[i], &y = b.mentions[i];
    EXPECT_EQ(x.tok_begin, y.tok_begin);
    EXPECT_EQ(x.tok_end, y.tok_end);
    EXPECT_EQ(x.kind, y.kind);
    EXPECT_EQ(x.entity, y.entity);
    EXPECT_EQ(x.acts_as, y.acts_as);
    EXPECT_EQ(x.time.value, y.time.value);
    EXPECT_EQ(x.letters, y.letters);
    EXPECT_EQ(x.bits, y.bits);
  }
  EXPECT_EQ(a.inner, b.inner);
  ASSERT_EQ(a.units.size(), b.units.size());
  for (size_t u = 0; u < a.units.size(); ++u) {
    EXPECT_EQ(a.units[u].tok_begin, b.units[u].tok_begin);
    EXPECT_EQ(a.units[u].tok_end, b.units[u].tok_end);
    EXPECT_EQ(a.units[u].mention, b.units[u].mention);
  }
  EXPECT_EQ(a.unit_offsets, b.unit_offsets);
  EXPECT_EQ(a.tagged, b.tagged);
  EXPECT_EQ(a.folded, b.folded);
  EXPECT_EQ(a.bits, b.bits);
  EXPECT_EQ(a.folds_to_ascii, b.folds_to_ascii);
  EXPECT_EQ(a.text_scanned, b.text_scanned);
  EXPECT_EQ(a.markers, b.markers);
  EXPECT_EQ(a.ascii, b.ascii);
  EXPECT_EQ(a.words, b.words);
  EXPECT_EQ(a.pattern_words, b.pattern_words);
  EXPECT_EQ(a.dates, b.dates);
  EXPECT_EQ(a.date, b.date);
  EXPECT_EQ(a.list_item, b.list_item);
  EXPECT_EQ(a.marked_lists, b.marked_lists);
  EXPECT_EQ(a.marked.state, b.marked.state);
  EXPECT_EQ(a.word_units.state, b.word_units.state);
}

TEST(ClearForReuseTest, TagsAsIntoANewSentence) {
  const std::pair<std::string, std::string> cases[] = {
      // The earlier sentence longer, with dates, a quotation and a marked list.
      {"On 5 May 2021, President Biden told Prime Minister Suga of Japan \"we stand together\" "
       "in Washington.",
       "Japan protested."},
      // The earlier sentence shorter.
      {"Japan protested.",
       "Secretary of State Antony Blinken met Foreign Minister Wang Yi in "
       "Beijing on Friday."},
      {"\x01 marker \x02 bytes.", "Germany and France signed the treaty on 3 June."},
  };
  // The default rules as a run reads them (the built-in snapshot: tests/built_in_rules.cc).
  Result<std::shared_ptr<const RuleSet>> rules =
      LoadRuleSet(DefaultRuleSources(), RuleCacheOptions());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const internal::CompiledRules& compiled = (*rules)->compiled();
  for (const auto& [earlier, later] : cases) {
    SCOPED_TRACE(earlier + " | " + later);
    internal::DocState doc{compiled, "2021-06-01", false, {}, {}, {}};
    const DateReference reference{.date = doc.doc_date};
    internal::Tagged reused;
    internal::Tag(doc, earlier, reference, &reused);
    reused.date = "2021-05-05";
    reused.list_item = true;
    reused.marked_lists = &compiled.marked_lists;
    internal::Marked(reused);
    internal::WordUnits(reused);
    internal::ClearForReuse(&reused);
    ExpectSame(reused, internal::Tagged());
    internal::Tag(doc, later, reference, &reused);
    internal::Tagged fresh;
    internal::Tag(doc, later, reference, &fresh);
    ExpectSame(reused, fresh);
  }
}

}  // namespace
}  // namespace parley
