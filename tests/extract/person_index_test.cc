#include "extract/person_index.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace parley::internal {
namespace {

std::vector<uint32_t> Found(const PersonIndex& index, std::string_view key) {
  const std::span<const uint32_t> found = index.Find(key);
  return std::vector<uint32_t>(found.begin(), found.end());
}

TEST(PersonIndexTest, FindsEachKeysEntitiesInTheOrderGiven) {
  const PersonIndex index = PersonIndex::Build(
      {{"kim", 7}, {"biden", 3}, {"kim", 2}, {"", 9}, {"abe", 1}, {"kim", 11}, {"kimura", 5}});
  EXPECT_TRUE(index.Valid());
  EXPECT_EQ(index.size(), 4u);  // abe, biden, kim, kimura; the empty key left out
  const std::vector<std::pair<std::string, std::vector<uint32_t>>> cases = {
      {"kim", {7, 2, 11}}, {"biden", {3}}, {"abe", {1}}, {"kimura", {5}}, {"ki", {}},
      {"kimu", {}},        {"", {}},       {"zz", {}},   {"a", {}}};
  for (const auto& [key, want] : cases) {
    SCOPED_TRACE(key);
    EXPECT_EQ(Found(index, key), want);
  }
}

TEST(PersonIndexTest, EmptyFindsNothing) {
  const PersonIndex index = PersonIndex::Build({});
  EXPECT_TRUE(index.Valid());
  EXPECT_EQ(index.size(), 0u);
  EXPECT_TRUE(index.Find("kim").empty());
}

}  // namespace
}  // namespace parley::internal
