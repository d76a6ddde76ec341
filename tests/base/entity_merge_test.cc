#include "base/entity_merge.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

Entity Make(std::string label, std::vector<std::string> aliases,
            std::map<std::string, std::string> attributes, std::vector<Role> roles,
            uint64_t mentions) {
  Entity e;
  e.id = "person:takeo-akiba";
  e.type = EntityType::kPerson;
  e.label = std::move(label);
  e.aliases = std::move(aliases);
  e.attributes = std::move(attributes);
  e.roles = std::move(roles);
  e.mentions = mentions;
  return e;
}

TEST(MergeEntityIntoTest, KeepsEveryNameAndTheFirstLabel) {
  struct Case {
    std::string name;
    Entity into, from, expected;
  };
  const Role adviser{"national security adviser", "state:japan", "2023", ""};
  const Role minister{"vice minister", "state:japan", "", "2023"};
  const std::vector<Case> cases = {
      {"a differing label becomes an alias (issue 16: it used to be dropped by one path)",
       Make("Takeo Akiba", {"Akiba"}, {}, {}, 2), Make("Akiba Takeo", {}, {}, {}, 1),
       Make("Takeo Akiba", {"Akiba", "Akiba Takeo"}, {}, {}, 3)},
      {"aliases unite sorted and unique, never the label",
       Make("Takeo Akiba", {"T. Akiba"}, {}, {}, 1),
       Make("Takeo Akiba", {"Akiba", "Takeo Akiba", "T. Akiba"}, {}, {}, 1),
       Make("Takeo Akiba", {"Akiba", "T. Akiba"}, {}, {}, 2)},
      {"the first value of an attribute stays",
       Make("Takeo Akiba", {}, {{"country", "state:japan"}}, {}, 1),
       Make("Takeo Akiba", {}, {{"country", "state:korea"}, {"party", "LDP"}}, {}, 1),
       Make("Takeo Akiba", {}, {{"country", "state:japan"}, {"party", "LDP"}}, {}, 2)},
      {"roles unite sorted and unique", Make("Takeo Akiba", {}, {}, {minister}, 1),
       Make("Takeo Akiba", {}, {}, {minister, adviser}, 1),
       Make("Takeo Akiba", {}, {}, {adviser, minister}, 2)},
      {"an empty label takes the other's", Make("", {}, {}, {}, 0),
       Make("Takeo Akiba", {"Akiba"}, {}, {}, 1), Make("Takeo Akiba", {"Akiba"}, {}, {}, 1)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Entity into = c.into;
    MergeEntityInto(c.from, &into);
    EXPECT_EQ(into, c.expected);
    EXPECT_TRUE(HasNormalEntityNames(into));
  }
}

TEST(NormalizeEntityNamesTest, SortsAndDeduplicates) {
  Entity e = Make("Takeo Akiba", {"b", "a", "Takeo Akiba", "b"}, {},
                  {Role{"z", "", "", ""}, Role{"a", "", "", ""}, Role{"z", "", "", ""}}, 1);
  EXPECT_FALSE(HasNormalEntityNames(e));
  NormalizeEntityNames(&e);
  EXPECT_EQ(e.aliases, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(e.roles, (std::vector<Role>{Role{"a", "", "", ""}, Role{"z", "", "", ""}}));
  EXPECT_TRUE(HasNormalEntityNames(e));
}

}  // namespace
}  // namespace parley
