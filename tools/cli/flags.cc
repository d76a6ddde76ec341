#include "tools/cli/flags.h"

#include <algorithm>
#include <ostream>

namespace parley::cli {

void ConfigureApp(CLI::App& app, std::string_view command, std::string_view description) {
  app.name("parley " + std::string(command));
  app.description(std::string(description));
  app.set_help_flag("-h,--help", "Show this help and exit");
  app.get_formatter()->column_width(34);
  app.option_defaults()->always_capture_default();
}

std::optional<int> ParseFlags(CLI::App& app, const CommandContext& context) {
  std::vector<std::string> reversed(context.args.rbegin(), context.args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    context.out() << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    context.err() << "parley: error: " << app.get_name().substr(7) << ": " << e.what() << "\n"
                  << "run '" << app.get_name() << " --help' for its options\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  return std::nullopt;
}

}  // namespace parley::cli
