#include "tools/cli/cli.h"

#include <unistd.h>

#include <iostream>
#include <ostream>

#include "base/text.h"
#include "tools/cli/command.h"

namespace parley::cli {
namespace {

constexpr std::string_view kVersion = "0.1.0";

void PrintUsage(std::ostream& out) {
  out << "usage: parley <command> [options]\n\n"
         "parley turns diplomatic text into a knowledge graph of actors and claims.\n\n"
         "commands:\n";
  for (const Command& command : Commands()) {
    out << "  " << command.name << std::string(12 - std::min<size_t>(command.name.size(), 11), ' ')
        << command.summary << "\n";
  }
  out << "  help        show help for a command: parley help <command>\n"
         "\n"
         "options: -h/--help, --version\n"
         "\n"
         "exit codes: 0 ok, 1 the command found a problem (e.g. a failing rule example),\n"
         "  2 usage error, 3 bad input (file, rule file, pattern, query budget), 4 store in\n"
         "  use by another writer, 5 store missing/damaged/newer format, 70 internal error\n"
         "\n"
         "environment: PARLEY_RULES_CACHE=DIR|off|built-in, the compiled-rules cache (default\n"
         "  $XDG_CACHE_HOME/parley or ~/.cache/parley; off, or --no-rules-cache, compiles the\n"
         "  rules every run; built-in reads no cache directory; README.md, Start-up)\n"
         "\n"
         "Start with: parley extract examples/*.txt   (see README.md for the full tour)\n";
}

const Command* FindCommand(std::string_view name) {
  for (const Command& command : Commands()) {
    if (command.name == name) return &command;
  }
  return nullptr;
}

// The closest command names to `name`: within edit distance 2, or having it as a prefix.
std::vector<std::string_view> Suggestions(std::string_view name) {
  std::vector<std::string_view> best;
  size_t best_distance = 3;
  for (const Command& command : Commands()) {
    size_t distance = EditDistance(name, command.name, 2);
    if (name.size() >= 2 && command.name.substr(0, name.size()) == name) distance = 1;
    if (distance < best_distance) {
      best_distance = distance;
      best.clear();
    }
    if (distance == best_distance && distance <= 2) best.push_back(command.name);
  }
  return best;
}

int UnknownCommand(std::string_view name, std::ostream& err) {
  err << "parley: error: unknown command '" << name << "'\n";
  const auto suggestions = Suggestions(name);
  if (!suggestions.empty()) {
    err << "did you mean ";
    for (size_t i = 0; i < suggestions.size(); ++i) {
      if (i > 0) err << (i + 1 == suggestions.size() ? " or " : ", ");
      err << "'" << suggestions[i] << "'";
    }
    err << "?\n";
  } else {
    // Nothing is close: offer every command, so the user still sees what to type.
    err << "did you mean one of these?";
    for (const Command& command : Commands()) err << " " << command.name;
    err << "\nrun 'parley --help' for what each does\n";
  }
  return static_cast<int>(ExitCode::kUsage);
}

}  // namespace

int RunCli(const std::vector<std::string>& args, const CliStreams& streams) {
  std::ostream& out = *streams.out;
  std::ostream& err = *streams.err;
  if (args.empty()) {
    PrintUsage(err);
    return static_cast<int>(ExitCode::kUsage);
  }
  const std::string& first = args[0];
  if (first == "-h" || first == "--help") {
    PrintUsage(out);
    return 0;
  }
  if (first == "--version" || first == "version") {
    out << "parley " << kVersion << "\n";
    return 0;
  }
  if (first == "help") {
    if (args.size() == 1) {
      PrintUsage(out);
      return 0;
    }
    const Command* command = FindCommand(args[1]);
    if (command == nullptr) return UnknownCommand(args[1], err);
    command->help(out);
    return 0;
  }
  if (!first.empty() && first[0] == '-') {
    err << "parley: error: unknown option '" << first << "' (options go after the command)\n"
        << "run 'parley --help' for the list of commands\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  const Command* command = FindCommand(first);
  if (command == nullptr) return UnknownCommand(first, err);
  CommandContext context{std::vector<std::string>(args.begin() + 1, args.end()), streams};
  try {
    return command->run(context);
  } catch (const std::exception& e) {
    // Libraries return Status; an exception reaching here is a bug, reported, not a crash.
    err << "parley: error: internal error in '" << first << "': " << e.what() << "\n";
    return static_cast<int>(ExitCode::kInternal);
  }
}

int Main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  CliStreams streams{&std::cin,
                     &std::cout,
                     &std::cerr,
                     isatty(STDERR_FILENO) == 1,
                     isatty(STDOUT_FILENO) == 1,
                     /*process_exits=*/true};
  const int code = RunCli(args, streams);
  std::cout.flush();
  return code;
}

}  // namespace parley::cli
