#include "extract/dates.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(FindDatesTest, Smoke) {
  auto d = FindDates("Kono announced on March 18 that", "2019-06-01");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].time.value, "2019-03-18");
}

}  // namespace
}  // namespace parley
