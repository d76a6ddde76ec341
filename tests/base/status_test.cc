#include "base/status.h"

#include <gtest/gtest.h>

#include <memory>

namespace parley {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kOk);
  EXPECT_EQ(s.ToString(), "ok");
}

TEST(StatusTest, ErrorsCarryCodeAndMessage) {
  struct Case {
    Status status;
    StatusCode code;
    const char* text;
  };
  const Case cases[] = {
      {InvalidArgumentError("bad"), StatusCode::kInvalidArgument, "invalid_argument: bad"},
      {NotFoundError("x"), StatusCode::kNotFound, "not_found: x"},
      {UnavailableError("busy"), StatusCode::kUnavailable, "unavailable: busy"},
      {DataLossError("torn"), StatusCode::kDataLoss, "data_loss: torn"},
      {IoError("disk"), StatusCode::kIoError, "io_error: disk"},
      {OutOfRangeError("v9"), StatusCode::kOutOfRange, "out_of_range: v9"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_FALSE(c.status.ok());
    EXPECT_EQ(c.status.code(), c.code);
    EXPECT_EQ(c.status.ToString(), c.text);
  }
}

TEST(StatusTest, WithContextPrefixesMessageAndKeepsCode) {
  Status s = NotFoundError("no such file").WithContext("rules/a.rules");
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "rules/a.rules: no such file");
  EXPECT_TRUE(Status().WithContext("ignored").ok());
}

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgumentError("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  PARLEY_ASSIGN_OR_RETURN(int half, Half(x));
  PARLEY_ASSIGN_OR_RETURN(int quarter, Half(half));
  return quarter;
}

TEST(ResultTest, HoldsValueOrError) {
  EXPECT_EQ(*Half(8), 4);
  EXPECT_EQ(Half(3).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Half(3).value_or(-1), -1);
}

TEST(ResultTest, AssignOrReturnPropagates) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status().message(), "odd");
}

TEST(ResultTest, MoveOnlyValues) {
  Result<std::unique_ptr<int>> r(std::make_unique<int>(7));
  ASSERT_TRUE(r.ok());
  std::unique_ptr<int> p = std::move(r).value();
  EXPECT_EQ(*p, 7);
}

Status FailsAt(int step) {
  PARLEY_RETURN_IF_ERROR(step == 1 ? IoError("one") : Status());
  PARLEY_RETURN_IF_ERROR(step == 2 ? IoError("two") : Status());
  return Status();
}

TEST(StatusTest, ReturnIfErrorStopsAtFirstFailure) {
  EXPECT_EQ(FailsAt(1).message(), "one");
  EXPECT_EQ(FailsAt(2).message(), "two");
  EXPECT_TRUE(FailsAt(3).ok());
}

}  // namespace
}  // namespace parley
