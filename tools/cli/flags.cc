#include "tools/cli/flags.h"

#include <algorithm>
#include <charconv>
#include <ostream>

#include "base/text.h"

namespace parley::cli {

void ConfigureApp(CLI::App& app, std::string_view command, std::string_view description) {
  app.name("parley " + std::string(command));
  app.description(std::string(description));
  app.set_help_flag("-h,--help", "Show this help and exit");
  app.get_formatter()->column_width(34);
  app.option_defaults()->always_capture_default();
}

CLI::Validator AtLeast(long long minimum) {
  return CLI::Validator(
      [minimum](std::string& value) -> std::string {
        long long n = 0;
        const char* end = value.data() + value.size();
        auto [ptr, ec] = std::from_chars(value.data(), end, n);
        if (ec == std::errc() && ptr == end && n >= minimum) return "";
        return "'" + value + "' is not a whole number of at least " + std::to_string(minimum);
      },
      "INT>=" + std::to_string(minimum), "AtLeast");
}

namespace {

// "--limit" and "-o" for every option of `app` and its subcommands.
void OptionNames(const CLI::App& app, std::vector<std::string>* names) {
  for (const CLI::Option* option : app.get_options()) {
    for (const std::string& name : option->get_lnames()) names->push_back("--" + name);
    for (const std::string& name : option->get_snames()) names->push_back("-" + name);
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    OptionNames(*sub, names);
  }
}

// The closest of `names` to `word`, within two edits; "" when none is.
std::string Nearest(std::string_view word, const std::vector<std::string>& names) {
  std::string best;
  size_t best_distance = 3;
  for (const std::string& name : names) {
    const size_t distance = EditDistance(word, name, 2);
    if (distance < best_distance) {
      best_distance = distance;
      best = name;
    }
  }
  return best;
}

bool IsNumber(std::string_view arg) {
  return arg.size() > 1 && arg[0] == '-' && std::all_of(arg.begin() + 1, arg.end(), [](char c) {
           return (c >= '0' && c <= '9') || c == '.';
         });
}

}  // namespace

std::string Explain(const CLI::App& app, const std::vector<std::string>& args,
                    const CLI::ParseError& error) {
  // An option the command does not have ("--limt"): name it and the nearest one.
  std::vector<std::string> names;
  OptionNames(app, &names);
  for (const std::string& arg : args) {
    if (arg == "--") break;
    if (arg.size() < 2 || arg[0] != '-' || IsNumber(arg)) continue;
    const std::string name = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), name) != names.end()) continue;
    std::string message = "unknown option '" + name + "'";
    const std::string nearest = Nearest(name, names);
    if (!nearest.empty()) message += " (did you mean '" + nearest + "'?)";
    return message;
  }
  // A misspelt subcommand ("graph centralty").
  const std::vector<const CLI::App*> subcommands =
      app.get_subcommands([](const CLI::App*) { return true; });
  if (!subcommands.empty() && dynamic_cast<const CLI::RequiredError*>(&error) != nullptr) {
    std::vector<std::string> commands;
    for (const CLI::App* sub : subcommands) commands.push_back(sub->get_name());
    std::string list;
    for (const std::string& command : commands) list += (list.empty() ? "" : ", ") + command;
    for (const std::string& arg : args) {
      if (arg.empty() || arg[0] == '-') continue;
      const std::string nearest = Nearest(arg, commands);
      if (!nearest.empty()) {
        return "unknown analysis '" + arg + "' (did you mean '" + nearest + "'?); one of: " + list;
      }
    }
    return "name one of: " + list;
  }
  return "";
}

std::optional<int> ParseFlags(CLI::App& app, const CommandContext& context) {
  std::vector<std::string> reversed(context.args.rbegin(), context.args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    context.out() << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    const std::string problem = Explain(app, context.args, e);
    context.err() << "parley: error: " << app.get_name().substr(7) << ": "
                  << (problem.empty() ? std::string(e.what()) : problem) << "\n"
                  << "run '" << app.get_name() << " --help' for its options\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  return std::nullopt;
}

}  // namespace parley::cli
