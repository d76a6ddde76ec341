#include "extract/frame_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/rule_compiled.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"

namespace parley::internal {
namespace {

// The keys word `w` meets by the definition the frame matcher scans with (WordIs): the word
// written out, or a prefix key it starts with.
std::vector<uint32_t> NaiveKeys(const std::vector<std::pair<std::string, bool>>& keys,
                                std::string_view w) {
  std::vector<uint32_t> out;
  for (uint32_t k = 0; k < keys.size(); ++k) {
    const auto& [token, prefix] = keys[k];
    if (prefix ? w.starts_with(token) : w == token) out.push_back(k);
  }
  return out;
}

std::vector<uint32_t> TableKeys(const FrameWordTable& table, std::string_view w) {
  std::vector<uint32_t> out;
  table.ForEachKey(w, [&](uint32_t key) { out.push_back(key); });
  std::sort(out.begin(), out.end());
  return out;
}

TEST(FrameWordTableTest, KeysOfAWordAreItsOwnAndThePrefixesItStartsWith) {
  FrameWordTable table;
  const std::vector<std::pair<std::string, bool>> keys = {
      {"sanction", true}, {"sanctions", false}, {"san", true}, {"sanction", false},
      {"a", true},        {"against", false},   {"", true},    {"negotiati", true}};
  for (uint32_t k = 0; k < keys.size(); ++k) {
    EXPECT_EQ(table.Add(keys[k].first, keys[k].second), k);
  }
  // The same word again keeps its key.
  EXPECT_EQ(table.Add("sanction", true), 0u);
  EXPECT_EQ(table.Find("sanction", false), 3u);
  EXPECT_EQ(table.Find("sanctio", true), FrameWordTable::kNone);
  EXPECT_EQ(table.size(), keys.size());
  for (std::string_view w : {"sanctions", "sanction", "sanctioned", "san", "sa", "against",
                             "againsts", "a", "negotiations", "negotiate", "x"}) {
    SCOPED_TRACE(std::string(w));
    EXPECT_EQ(TableKeys(table, w), NaiveKeys(keys, w));
  }
}

// Many keys (the table grows, words share hash bits): every word of a vocabulary meets exactly
// the keys the naive definition gives.
TEST(FrameWordTableTest, AgreesWithTheNaiveDefinitionOnManyWords) {
  std::vector<std::string> words;
  for (char a = 'a'; a <= 'z'; ++a) {
    for (char b = 'a'; b <= 'z'; b += 3) {
      for (char c = 'a'; c <= 'z'; c += 5) words.push_back(std::string{a, b, c} + "tion");
    }
  }
  FrameWordTable table;
  std::vector<std::pair<std::string, bool>> keys;
  for (size_t i = 0; i < words.size(); i += 7) {
    const bool prefix = i % 2 == 0;
    const std::string token = prefix ? words[i].substr(0, 2 + i % 5) : words[i];
    if (table.Find(token, prefix) != FrameWordTable::kNone) continue;
    EXPECT_EQ(table.Add(token, prefix), keys.size());
    keys.emplace_back(token, prefix);
  }
  for (const std::string& w : words) {
    SCOPED_TRACE(w);
    EXPECT_EQ(TableKeys(table, w), NaiveKeys(keys, w));
  }
}

// A sentence's word units (not its mentions) meet the keys; a list is held when a word unit
// meets the first word of one of its items. The same with the tokens' vocabulary ids (as Tag
// sets them: the keys of "sanctions" and "bree" are then read in the index) and without.
TEST(FrameSentenceWordsTest, WordUnitsMeetKeysAndLists) {
  auto set = RuleSet::Compile({{"imported/x.rules",
                                "words talks\n  negotiations, parley*, peace talks\n"
                                "entity state:bree\n  label Bree\n  alias Bree, bree sanctions\n"
                                "frame a\n  verb meet\n  predicate met_with\n  object actor\n"
                                "  refine * sanction* -> 163\n  unless * bree\n  when * @talks\n",
                                kImportedLayer}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const CompiledRules& rules = (*set)->compiled();
  const FrameIndex& index = rules.frame_index;
  const Frame& frame = *rules.rules[0].frame;
  const uint32_t sanction = frame.refine[0].after[0].id;
  const uint32_t bree = frame.unless[0].after[0].id;
  const uint32_t talks = frame.when[0].after[0].list_key;
  ASSERT_LT(talks, index.lists.size());
  EXPECT_EQ(index.lists[talks].first_words.size(), 3u);  // negotiations, parley*, peace

  struct Case {
    std::vector<std::string> words;
    int mention = -1;  // this word is a mention, no word unit
    bool sanction, bree, talks;
  };
  const Case cases[] = {
      {{"they", "met", "over", "sanctions"}, -1, true, false, false},
      {{"they", "met", "in", "bree"}, 3, false, false, false},
      {{"they", "met", "in", "bree"}, -1, false, true, false},
      {{"peace", "talks"}, -1, false, false, true},
      {{"parleying"}, -1, false, false, true},
      {{"parle"}, -1, false, false, false},
  };
  const TokenTable& vocabulary = rules.alias_index.tokens;
  ASSERT_NE(vocabulary.Find("sanctions"), TokenTable::kAbsent);
  ASSERT_NE(vocabulary.Find("bree"), TokenTable::kAbsent);
  FrameSentenceWords found;
  for (const bool ids : {false, true}) {
    for (const Case& c : cases) {
      std::string text;
      for (const std::string& w : c.words) text += (text.empty() ? "" : " ") + w;
      SCOPED_TRACE(text + (ids ? " (ids)" : ""));
      Tagged s;
      s.lower = text;
      s.text = s.lower;
      uint32_t at = 0;
      for (const std::string& w : c.words) {
        const uint32_t t = static_cast<uint32_t>(s.tokens.size());
        s.tokens.push_back({at, at + static_cast<uint32_t>(w.size()), at > 0});
        if (ids) s.words.push_back(vocabulary.Find(w));
        Unit u;
        u.tok_begin = t;
        u.tok_end = t + 1;
        u.mention = static_cast<int>(t) == c.mention ? 0 : -1;
        s.units.push_back(u);
        at += static_cast<uint32_t>(w.size()) + 1;
      }
      found.Find(index, s);  // the same object each time: it forgets the sentence before
      EXPECT_EQ(found.Has(sanction), c.sanction);
      EXPECT_EQ(found.Has(bree), c.bree);
      EXPECT_EQ(found.HasList(talks), c.talks);
      // Unit by unit: the word units that meet the keys, and where an item of the list starts.
      for (uint32_t u = 0; u < s.units.size(); ++u) {
        const std::string& w = c.words[u];
        const bool word = static_cast<int>(u) != c.mention;
        EXPECT_EQ(found.UnitHas(u, sanction), word && w.starts_with("sanction")) << w;
        EXPECT_EQ(found.UnitHas(u, bree), word && w == "bree") << w;
        EXPECT_EQ(found.UnitMayStartList(u, talks, index),
                  word && (w == "negotiations" || w.starts_with("parley") || w == "peace"))
            << w;
      }
    }
  }
}

// A snapshot does not hold the table's stems (the starts of its prefix keys): reading one makes
// them again, and the words meet the same keys as in the rules compiled.
TEST(FrameWordTableTest, SnapshotReadsTheSameKeys) {
  auto set = RuleSet::Compile(
      {{"imported/x.rules",
        "words talks\n  negotiations, parley*, peace talks\n"
        "frame a\n  verb meet\n  predicate met_with\n  object actor\n"
        "  refine * sanction* -> 163\n  refine * nego* talks -> 046\n  unless * bree\n"
        "  when * @talks\n",
        kImportedLayer}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  Result<std::string> bytes = (*set)->Snapshot("key");
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto loaded = RuleSet::FromSnapshot(*bytes, "key");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const FrameWordTable& compiled = (*set)->compiled().frame_index.words;
  const FrameWordTable& read = (*loaded)->compiled().frame_index.words;
  for (std::string_view w : {"sanctions", "sanction", "sanctio", "negotiations", "nego", "neg",
                             "parleying", "parley", "bree", "peace", "talks", "x"}) {
    SCOPED_TRACE(std::string(w));
    EXPECT_EQ(TableKeys(read, w), TableKeys(compiled, w));
  }
  EXPECT_FALSE(TableKeys(read, "sanctions").empty());
  EXPECT_FALSE(TableKeys(read, "negotiations").empty());
}

// The frames each verb names, ascending.
TEST(FrameIndexTest, FramesOfAVerb) {
  auto set =
      RuleSet::Compile({{"imported/x.rules",
                         "frame a\n  verb meet, gather\n  predicate met_with\n  object actor\n"
                         "frame b\n  verb hold, meet with\n  predicate held_talks\n  object actor\n"
                         "frame c\n  verb hold\n  predicate held\n  object actor\n",
                         kImportedLayer}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const CompiledRules& rules = (*set)->compiled();
  const auto& of = rules.frame_index.frames_of_verb;
  EXPECT_EQ(of.at(*rules.lexicon.FindVerb("meet")), (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(of.at(*rules.lexicon.FindVerb("gather")), (std::vector<uint32_t>{0}));
  EXPECT_EQ(of.at(*rules.lexicon.FindVerb("hold")), (std::vector<uint32_t>{1, 2}));
}

// The keys of the vocabulary's words, found when the rules compile, are those the table gives
// their text; words with a capital (no lower-cased token's id) have none.
TEST(FrameIndexTest, VocabularyKeysAreTheKeysOfTheirText) {
  auto set =
      RuleSet::Compile({{"imported/x.rules",
                         "entity state:bree\n  label Bree\n  alias Bree, bree town, pony express\n"
                         "frame a\n  verb meet\n  predicate met_with\n  object actor\n"
                         "  refine * sanction* -> 163\n  unless * bree\n  when * pon*\n",
                         kImportedLayer}});
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  const CompiledRules& rules = (*set)->compiled();
  const FrameIndex& index = rules.frame_index;
  const TokenTable& vocabulary = rules.alias_index.tokens;
  ASSERT_EQ(index.vocabulary.size(), vocabulary.size() + 1);
  size_t with_keys = 0;
  for (uint32_t id = 1; id <= vocabulary.size(); ++id) {
    const std::string text(vocabulary.Text(id));
    SCOPED_TRACE(text);
    const FrameIndex::Span span = index.vocabulary[id];
    if (std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      EXPECT_EQ(span.begin, FrameWordTable::kNone);
      continue;
    }
    std::vector<uint32_t> keys(index.vocabulary_keys.begin() + span.begin,
                               index.vocabulary_keys.begin() + span.end);
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(keys, TableKeys(index.words, text));
    with_keys += keys.empty() ? 0 : 1;
  }
  EXPECT_GE(with_keys, 2u);  // "bree", "pony"
}

}  // namespace
}  // namespace parley::internal
