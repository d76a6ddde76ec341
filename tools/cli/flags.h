// Flag parsing shared by the command handlers. Private to the CLI library (tools/cli): it is
// the one header allowed to expose CLI11 (Debian libcli11-dev), which we use so that every
// command gets typed flags, validation and generated help without hand-written parsing.
#ifndef PARLEY_TOOLS_CLI_FLAGS_H_
#define PARLEY_TOOLS_CLI_FLAGS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tools/cli/command.h"

namespace parley::cli {

// Configures `app` the way every parley command looks: name "parley <command>", our help
// formatting, and no exit() on errors.
void ConfigureApp(CLI::App& app, std::string_view command, std::string_view description);

// Checks that an option's value is a whole number of at least `minimum`; CLI11 then reports
// "--top: '-1' is not a whole number of at least 0" (its own range checks print the whole
// range of a double).
CLI::Validator AtLeast(long long minimum);

// Parses context.args into `app`. Returns nullopt when the command should go on; otherwise the
// exit code to return at once: 0 after printing --help to stdout, kUsage after printing
// "parley: error: <command>: <problem>" and a hint to stderr.
std::optional<int> ParseFlags(CLI::App& app, const CommandContext& context);

// What went wrong, in the user's terms, when CLI11 refused `args`: an unknown option with the
// nearest one ("unknown option '--limt' (did you mean '--limit'?)"), a misspelt subcommand
// with the nearest one and the list; "" when CLI11's own message says it best.
std::string Explain(const CLI::App& app, const std::vector<std::string>& args,
                    const CLI::ParseError& error);

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
