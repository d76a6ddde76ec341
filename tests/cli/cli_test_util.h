// Runs the CLI in-process and captures its output, for tests.
#ifndef PARLEY_TESTS_CLI_CLI_TEST_UTIL_H_
#define PARLEY_TESTS_CLI_CLI_TEST_UTIL_H_

#include <sstream>
#include <string>
#include <vector>

#include "tools/cli/cli.h"

namespace parley::cli {

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

inline CliRun RunParley(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  CliRun run;
  run.code = RunCli(args, CliStreams{&in, &out, &err, false, false});
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace parley::cli

#endif  // PARLEY_TESTS_CLI_CLI_TEST_UTIL_H_
