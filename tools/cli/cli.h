// The `parley` command line as a library, so tests drive it in-process.
//
// RunCli() is all of main(): it parses the command line, runs one command and returns the
// process exit code. Data goes to `out`, diagnostics to `err` as "parley: error: ..." or
// "parley: warning: ...". Nothing here calls exit() or reads global state besides the
// environment variables a command documents.
//
// Thread-safety: RunCli may run concurrently with itself on different streams.
#ifndef PARLEY_TOOLS_CLI_CLI_H_
#define PARLEY_TOOLS_CLI_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace parley::cli {

// Exit codes, documented in `parley help` and README.md.
enum class ExitCode : int {
  kOk = 0,          // success
  kFailure = 1,     // the command ran and found a problem (e.g. a rule example failed)
  kUsage = 2,       // unknown command or flag, missing argument
  kInputError = 3,  // an input could not be read or is invalid (file, rules, pattern)
  kStoreBusy = 4,   // the store is held by another writer
  kStoreError = 5,  // the store is missing, corrupt, of a newer format, or not a store
  kInternal = 70,   // a bug in parley
};

struct CliStreams {
  std::istream* in;
  std::ostream* out;
  std::ostream* err;
  // Whether `err` is an interactive terminal (progress bars only then).
  bool err_is_tty = false;
  // Whether `out` is an interactive terminal (aligned tables, colours only then).
  bool out_is_tty = false;
  // Whether the process ends when the command returns (Main): then the extractor is left to the
  // exit instead of freed block by block (common.h CreateExtractor).
  bool process_exits = false;
};

// Runs `parley <args...>` (args excludes the program name). Returns the exit code.
int RunCli(const std::vector<std::string>& args, const CliStreams& streams);

// main(): wires the process's standard streams and terminal detection into RunCli.
int Main(int argc, char** argv);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_CLI_H_
