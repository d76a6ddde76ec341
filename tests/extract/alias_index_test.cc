// Tests extract/alias_index.h: the keys of an alias's tokens after the first (the first two
// inline, the others in AliasIndex::more) and MatchBucket's comparison of all of them.
#include "extract/alias_index.h"

#include <string>
#include <vector>

#include "extract/rule_tokens.h"
#include "gtest/gtest.h"

namespace parley::internal {
namespace {

// The TokenKeys of `text`'s tokens after the first, as the index interned them.
std::vector<uint32_t> ExpectedRest(const AliasIndex& index, std::string_view text) {
  std::vector<uint32_t> keys;
  const std::vector<Token> tokens = Tokenize(text);
  for (size_t k = 1; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    keys.push_back(
        TokenKey(index.tokens.Find(text.substr(t.begin, t.end - t.begin)), t.space_before));
  }
  return keys;
}

// The entities of the aliases of `index.exact` that match `sentence` at token 0.
std::vector<uint32_t> MatchAtStart(const AliasIndex& index, std::string_view sentence) {
  const std::vector<Token> tokens = Tokenize(sentence);
  std::vector<uint32_t> exact, folded;
  index.Keys(sentence, sentence, tokens, &exact, &folded);
  std::vector<uint32_t> out;
  const uint32_t first = exact[0] / 2;
  if (first >= index.exact.size() || index.exact[first].empty()) return out;
  MatchBucket(index.exact[first], index.more, exact, 0,
              [&](const AliasKey& k) { out.push_back(k.entity); });
  return out;
}

TEST(AliasIndexTest, RestHoldsEveryTokenAfterTheFirst) {
  const std::vector<std::string> aliases = {
      "Kosovo",
      "Dominican Republic",
      "Republic of Korea",
      "Government of the Republic of Korea",
      "Ministry of Foreign Affairs of the People's Republic of China",
      "U.S. Department of State",
  };
  AliasIndex index;
  for (size_t e = 0; e < aliases.size(); ++e) {
    ASSERT_TRUE(index.Add(aliases[e], false, false, static_cast<uint32_t>(e)));
  }
  index.Finish();
  ASSERT_TRUE(index.RestInBounds());
  for (size_t e = 0; e < aliases.size(); ++e) {
    SCOPED_TRACE(aliases[e]);
    const std::vector<Token> tokens = Tokenize(aliases[e]);
    const uint32_t first = index.tokens.Find(
        std::string_view(aliases[e]).substr(tokens[0].begin, tokens[0].end - tokens[0].begin));
    bool found = false;
    for (const AliasKey& k : index.exact[first]) {
      if (k.entity != e) continue;
      found = true;
      const std::vector<uint32_t> rest = ExpectedRest(index, aliases[e]);
      EXPECT_EQ(index.Rest(k), rest);
      EXPECT_EQ(k.rest_size, rest.size());
      EXPECT_EQ(k.second, rest.empty() ? 0u : rest[0]);
      EXPECT_EQ(k.third, rest.size() < 2 ? 0u : rest[1]);
    }
    EXPECT_TRUE(found);
  }
}

TEST(AliasIndexTest, LongAliasMatchesOnlyWhenEveryTokenDoes) {
  AliasIndex index;
  ASSERT_TRUE(index.Add("Government of the Republic of Korea", false, false, 1));
  ASSERT_TRUE(index.Add("Government of the Republic of Poland", false, false, 2));
  ASSERT_TRUE(index.Add("Government of the Republic", false, false, 3));
  ASSERT_TRUE(index.Add("Government", false, false, 4));
  index.Finish();
  const struct {
    std::string sentence;
    std::vector<uint32_t> entities;  // in definition order
  } kCases[] = {
      {"Government of the Republic of Korea said", {1, 3, 4}},
      {"Government of the Republic of Poland", {2, 3, 4}},
      {"Government of the Republic of Chile", {3, 4}},
      {"Government of the Republic of", {3, 4}},  // too short for the long ones
      {"Government of the Republics", {4}},
      {"Government said", {4}},
  };
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.sentence);
    EXPECT_EQ(MatchAtStart(index, c.sentence), c.entities);
  }
}

TEST(AliasIndexTest, RestOutsideTheIndexIsCaught) {
  AliasIndex index;
  ASSERT_TRUE(index.Add("Government of the Republic of Korea", false, false, 1));
  index.Finish();
  ASSERT_EQ(index.more.size(), 3u);  // "Republic", "of", "Korea"
  EXPECT_TRUE(index.RestInBounds());
  index.more.pop_back();
  EXPECT_FALSE(index.RestInBounds());
}

}  // namespace
}  // namespace parley::internal
