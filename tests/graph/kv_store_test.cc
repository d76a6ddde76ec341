#include "graph/kv_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::internal {
namespace {

// "cf key=value" or "cf key DEL" per write, in batch order.
std::vector<std::string> Dump(const KvBatch& batch) {
  std::vector<std::string> out;
  for (const KvBatch::Entry& e : batch.entries()) {
    std::string line = std::string(CfName(e.cf)) + " " + std::string(e.key());
    line += e.is_delete() ? " DEL" : "=" + std::string(e.value());
    out.push_back(line);
  }
  return out;
}

struct Write {
  Cf cf;
  std::string key;
  const char* value;  // nullptr: a delete
};

TEST(KvBatchTest, SortAndCollapseOrdersByFamilyAndKeyAndKeepsTheLastWrite) {
  struct Case {
    std::string name;
    std::vector<Write> writes;
    std::vector<std::string> expected;
  };
  std::string nul_key("person:a\0x", 10);
  std::vector<Case> cases = {
      {"empty", {}, {}},
      {"families before keys",
       {{Cf::kSpo, "a", ""}, {Cf::kDocs, "z", "1"}, {Cf::kMeta, "m", "2"}},
       {"default m=2", "docs z=1", "spo a="}},
      {"shared 8-byte prefixes and prefixes of each other",
       {{Cf::kSpo, "person:abc", ""},
        {Cf::kSpo, "person:ab", ""},
        {Cf::kSpo, "person:", ""},
        {Cf::kSpo, "person:abd", ""},
        {Cf::kSpo, "person", ""},
        {Cf::kSpo, "", ""}},
       {"spo =", "spo person=", "spo person:=", "spo person:ab=", "spo person:abc=",
        "spo person:abd="}},
      {"bytes above 0x7f sort after ASCII",
       {{Cf::kText, "\xc3\xa9t\xc3\xa9", "x"}, {Cf::kText, "ete", "y"}},
       {"text ete=y", "text \xc3\xa9t\xc3\xa9=x"}},
      {"the last write to a key wins",
       {{Cf::kDocs, "d", "1"},
        {Cf::kDocs, "d", nullptr},
        {Cf::kText, "d", nullptr},
        {Cf::kText, "d", "2"},
        {Cf::kDocs, "e", "3"},
        {Cf::kDocs, "e", "4"}},
       {"docs d DEL", "docs e=4", "text d=2"}},
      {"an empty value is not a delete", {{Cf::kAliases, "n", ""}}, {"aliases n="}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    KvBatch batch;
    for (const Write& w : c.writes) {
      if (w.value == nullptr) {
        batch.Delete(w.cf, w.key);
      } else {
        batch.Put(w.cf, w.key, w.value);
      }
    }
    batch.SortAndCollapse();
    EXPECT_EQ(Dump(batch), c.expected);
  }
  // A NUL byte inside a key (a part separator) sorts before every other byte.
  KvBatch batch;
  batch.Put(Cf::kSpo, "person:a!", "");
  batch.Put(Cf::kSpo, nul_key, "");
  batch.SortAndCollapse();
  ASSERT_EQ(batch.size(), 2u);
  EXPECT_EQ(batch.entries()[0].key(), nul_key);
}

TEST(KvBatchTest, KeysAndValuesStayValidAsTheBatchGrows) {
  KvBatch batch;
  std::string big(100000, 'x');  // bigger than an arena block
  batch.Put(Cf::kText, "doc", big);
  for (int i = 0; i < 20000; ++i) batch.Put(Cf::kSpo, "key" + std::to_string(i), "value");
  EXPECT_EQ(batch.entries()[0].value(), big);
  EXPECT_EQ(batch.entries()[1].key(), "key0");
  EXPECT_EQ(batch.entries()[20000].key(), "key19999");
  EXPECT_EQ(batch.entries()[20000].value(), "value");
}

}  // namespace
}  // namespace parley::internal
