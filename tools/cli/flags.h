// Flag parsing shared by the command handlers. Private to the CLI library (tools/cli): it is
// the one header allowed to expose CLI11 (Debian libcli11-dev), which we use so that every
// command gets typed flags, validation and generated help without hand-written parsing.
#ifndef PARLEY_TOOLS_CLI_FLAGS_H_
#define PARLEY_TOOLS_CLI_FLAGS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "tools/cli/command.h"

namespace parley::cli {

// Configures `app` the way every parley command looks: name "parley <command>", our help
// formatting, and no exit() on errors.
void ConfigureApp(CLI::App& app, std::string_view command, std::string_view description);

// Parses context.args into `app`. Returns nullopt when the command should go on; otherwise the
// exit code to return at once: 0 after printing --help to stdout, kUsage after printing
// "parley: error: <command>: <problem>" and a hint to stderr.
std::optional<int> ParseFlags(CLI::App& app, const CommandContext& context);

// Prints the help of the command whose flags `define` declares (the Help<Name> functions).
template <typename Flags>
void PrintHelp(void (*define)(CLI::App&, Flags&), std::ostream& out) {
  Flags flags;
  CLI::App app;
  define(app, flags);
  out << app.help();
}

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_FLAGS_H_
