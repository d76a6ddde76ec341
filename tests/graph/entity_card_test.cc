#include "graph/entity_card.h"

#include <gtest/gtest.h>

#include "tests/graph/test_corpus.h"

namespace parley {
namespace {

TEST(EntityCardTest, CardSummarisesTheEntity) {
  auto store = testing::MakeTestStore();
  auto card = BuildEntityCard(*store, "Ada Alpha");
  ASSERT_TRUE(card.ok()) << card.status().ToString();
  EXPECT_EQ(FormatEntityCard(*card),
            "person:ada-alpha  Ada Alpha (person)\n"
            "aliases:     Alpha\n"
            "mentions:    2 (first 2019-01-25 news/one.txt, last 2019-03-10 news/two.txt)\n"
            "statements:  3: holds_office 1, met 1, proposed 1\n"
            "partners:    Cy Gamma (person) 1, Borduria (state) 1, Syldavia (state) 1\n");
  EXPECT_EQ(
      EntityCardToJson(*card),
      "{\"id\":\"person:ada-alpha\",\"label\":\"Ada Alpha\",\"type\":\"person\","
      "\"aliases\":[\"Alpha\"],\"attributes\":{},\"roles\":[],\"mentions\":2,"
      "\"statements\":3,\"statements_by_predicate\":{\"holds_office\":1,\"met\":1,"
      "\"proposed\":1},\"first_mention\":{\"date\":\"2019-01-25\",\"doc\":\"news/one.txt\"},"
      "\"last_mention\":{\"date\":\"2019-03-10\",\"doc\":\"news/two.txt\"},\"partners\":["
      "{\"id\":\"person:cy-gamma\",\"label\":\"Cy Gamma\",\"type\":\"person\",\"statements\":1},"
      "{\"id\":\"state:borduria\",\"label\":\"Borduria\",\"type\":\"state\",\"statements\":1},"
      "{\"id\":\"state:syldavia\",\"label\":\"Syldavia\",\"type\":\"state\",\"statements\":1}]}");
}

TEST(EntityCardTest, RolesAttributesAndPartnerLimit) {
  auto store = NewMemoryStore();
  EntityRef a = testing::PersonRef("Ana Ash");
  EntityRef b = testing::PersonRef("Ben Birch");
  EntityRef c = testing::PersonRef("Cas Cedar");
  Entity ana = testing::MakeEntity(a, {});
  ana.roles = {Role{"foreign minister", "state:borduria", "2018-05", ""}};
  ana.attributes = {{"born", "1970"}};
  DocumentRecord r = testing::MakeDocument(
      "d.txt", "",
      {{a, "met", b, {}, {}, testing::Day("2020-01-02")}, {a, "met", c}, {b, "met", a}}, {ana});
  ASSERT_TRUE(store->Put(r).ok());
  auto card = BuildEntityCard(*store, "ana ash", {.max_partners = 1});
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(FormatEntityCard(*card),
            "person:ana-ash  Ana Ash (person)\n"
            "attributes:  born=1970\n"
            "roles:       foreign minister of state:borduria, 2018-05 - present\n"
            "mentions:    1 (first 2020-01-02 d.txt, last 2020-01-02 d.txt)\n"
            "statements:  3: met 3\n"
            "partners:    Ben Birch (person) 2\n");
  EXPECT_EQ(BuildEntityCard(*store, "Anna Ash").status().ToString(),
            "not_found: no entity matches 'Anna Ash'; did you mean 'Ana Ash'?");
}

}  // namespace
}  // namespace parley
