// Role periods (rule_compiled.h RolePeriod) and the tests of who held a role when
// (actor_codes.h RoleHeldDuring): a partial date covers all its days, an empty date leaves its
// side open.
#include "extract/actor_codes.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "base/date.h"
#include "extract/rule_compiled.h"

namespace parley::internal {
namespace {

TEST(RolePeriodTest, HeldOnTheDaysItsDatesCover) {
  struct Case {
    std::string from, to, day;
    bool held;
  };
  const Case cases[] = {
      {"2019", "2020-06", "2019-01-01", true},   // the first day of the start year
      {"2019", "2020-06", "2020-06-30", true},   // the last day of the end month
      {"2019", "2020-06", "2020-07-01", false},  // the day after
      {"2019", "2020-06", "2018-12-31", false},  // the day before
      {"2019-03-18", "", "2030-01-01", true},    // open end
      {"", "2019-03-18", "1900-01-01", true},    // open start
      {"", "", "2019-03-18", true},              // no dates: held at any day
      {"2019", "2020", "2020", true},            // a partial day: its first day, 2020-01-01
      {"2019", "2020", "2021", false},
      {"2019", "2020", "", false},  // no day: not held
      {"2019", "2020", "not a date", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.from + ".." + c.to + " at " + c.day);
    const RolePeriod period = RolePeriod::Of(Role{"president", "state:x", c.from, c.to, ""});
    EXPECT_EQ(period.HeldOn(FirstDayCount(c.day)), c.held);
  }
}

TEST(RolePeriodTest, MeetsARangeThatSharesADayAndKnowsItsLastDay) {
  const Role role{"president", "state:x", "2019-02", "2020", ""};
  const RolePeriod period = RolePeriod::Of(role);
  EXPECT_TRUE(RoleHeldDuring(role, "2018-01-01", "2019-02-01"));
  EXPECT_FALSE(RoleHeldDuring(role, "2018-01-01", "2019-01-31"));
  EXPECT_TRUE(RoleHeldDuring(role, "2020-12-31", "2021-05-01"));
  EXPECT_FALSE(RoleHeldDuring(role, "2021-01-01", "2021-05-01"));
  EXPECT_EQ(period.LastKnown(), *FirstDayCount("2020-12-31"));
  EXPECT_EQ(RolePeriod::Of(Role{"president", "", "2019-02", "", ""}).LastKnown(),
            *FirstDayCount("2019-02-01"));
  EXPECT_EQ(RolePeriod::Of(Role{}).LastKnown(), RolePeriod::kNoStart);
  EXPECT_EQ(FirstDayCount(""), std::nullopt);
}

}  // namespace
}  // namespace parley::internal
