// The command table's vocabulary: what a subcommand is and what it gets to run.
#ifndef PARLEY_TOOLS_CLI_COMMAND_H_
#define PARLEY_TOOLS_CLI_COMMAND_H_

#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "tools/cli/cli.h"

namespace parley::cli {

// What a command handler gets: its arguments (after the command name) and the streams.
struct CommandContext {
  std::vector<std::string> args;
  CliStreams streams;
  std::ostream& out() const { return *streams.out; }
  std::ostream& err() const { return *streams.err; }
};

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, shown by `parley --help`
  std::function<int(const CommandContext&)> run;
  // Prints the command's full help (flags and examples) to `out`.
  std::function<void(std::ostream& out)> help;
};

// The one table of subcommands, in the order `parley --help` lists them.
std::span<const Command> Commands();

// Prints "parley: error: <message>" (each line of a multi-line message after the first is
// printed as is) and returns the exit code that fits the status code.
int ReportError(const CommandContext& context, const Status& status);
// ReportError for failures to open a store: a missing store is exit code kStoreError too.
int ReportStoreError(const CommandContext& context, const Status& status);
// Maps a status code to the documented exit code.
ExitCode ExitCodeFor(const Status& status);
void Warn(const CommandContext& context, std::string_view message);
// Prints "parley: note: <message>": how the command read the input, not a problem.
void Note(const CommandContext& context, std::string_view message);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_COMMAND_H_
