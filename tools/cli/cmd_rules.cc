// parley rules check | explain: the analyst's tools for the rule language (rules/README.md).
#include <iostream>

#include "extract/default_rules.h"
#include "extract/document_reader.h"
#include "extract/explain.h"
#include "extract/rule_set.h"
#include "extract/rules_check.h"
#include "tools/cli/commands.h"
#include "tools/cli/flags.h"

namespace parley::cli {

int RunRules(const CommandContext& context);
void HelpRules(std::ostream& out);

namespace {

constexpr char kRulesHelp[] =
    "Usage: parley rules check [DIR...] [--no-default-rules]\n"
    "       parley rules explain \"SENTENCE\" [--date DATE] [--rules DIR]...\n"
    "       parley rules explain --file FILE --sentence N [--rules DIR]...\n"
    "\n"
    "check    compile the built-in rules plus DIRs, run every example and counter-example,\n"
    "         print OK/FAIL per rule and a summary; exit 1 on any failure, 3 on compile "
    "errors\n"
    "explain  show the normalised sentence, its mentions and dates, the tagged form, the\n"
    "         rules that fired with their captures, and the statements produced\n"
    "\n"
    "The rule language is documented in rules/README.md.\n";

struct CheckFlags {
  std::vector<std::string> dirs;
  bool no_default_rules = false;
};

struct ExplainFlags {
  std::string sentence;
  std::string file;
  int64_t index = -1;
  std::string date;
  std::vector<std::string> rule_paths;
  bool no_default_rules = false;
};

CommandContext Shift(const CommandContext& context) {
  CommandContext rest = context;
  rest.args.erase(rest.args.begin());
  return rest;
}

Result<std::vector<RuleSource>> Sources(bool defaults, const std::vector<std::string>& paths) {
  std::vector<RuleSource> sources;
  if (defaults) sources = DefaultRuleSources();
  PARLEY_ASSIGN_OR_RETURN(std::vector<RuleSource> extra, ReadRuleSources(paths, 1));
  for (RuleSource& s : extra) sources.push_back(std::move(s));
  return sources;
}

int RunCheck(const CommandContext& context) {
  CheckFlags flags;
  CLI::App app;
  ConfigureApp(app, "rules check",
               "Compile rules and run every rule's examples.\nExample:\n  parley rules check "
               "my-rules/");
  app.add_option("dirs", flags.dirs, "Rule files or directories added after the built-in rules");
  app.add_flag("--no-default-rules", flags.no_default_rules, "Check only the given rules");
  if (auto code = ParseFlags(app, context)) return *code;
  Result<std::vector<RuleSource>> sources = Sources(!flags.no_default_rules, flags.dirs);
  if (!sources.ok()) return ReportError(context, sources.status());
  Result<RulesCheckReport> report = CheckRules(*sources);
  if (!report.ok()) return ReportError(context, report.status());
  const std::string text = FormatRulesCheckReport(*report);
  if (!report->diagnostics.empty()) {
    context.err() << text;
    return static_cast<int>(ExitCode::kInputError);
  }
  context.out() << text;
  return report->ok() ? 0 : static_cast<int>(ExitCode::kFailure);
}

int RunExplain(const CommandContext& context) {
  ExplainFlags flags;
  CLI::App app;
  ConfigureApp(app, "rules explain",
               "Show how the rules read a sentence.\nExamples:\n  parley rules explain "
               "\"Putin met Abe in Osaka.\"\n  parley rules explain --file article.txt "
               "--sentence 12");
  app.add_option("sentence", flags.sentence, "The sentence to explain");
  app.add_option("--file", flags.file, "Explain a sentence of this document instead");
  app.add_option("--sentence", flags.index, "0-based sentence index within --file");
  app.add_option("--date", flags.date, "Document date (ISO) for relative dates and offices");
  app.add_option("--rules", flags.rule_paths, "Extra rule file or directory (repeatable)");
  app.add_flag("--no-default-rules", flags.no_default_rules, "Leave out the built-in rules");
  if (auto code = ParseFlags(app, context)) return *code;
  if (flags.file.empty() == flags.sentence.empty()) {
    return ReportError(context,
                       InvalidArgumentError("rules explain: give either a sentence or --file FILE "
                                            "--sentence N"));
  }
  if (!flags.file.empty() && flags.index < 0) {
    return ReportError(context, InvalidArgumentError("rules explain: --file needs --sentence N"));
  }
  Result<std::vector<RuleSource>> sources = Sources(!flags.no_default_rules, flags.rule_paths);
  if (!sources.ok()) return ReportError(context, sources.status());
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(*sources);
  if (!rules.ok()) return ReportError(context, rules.status());
  Result<std::string> text = std::string();
  if (flags.file.empty()) {
    text = ExplainText(**rules, flags.sentence, flags.date);
  } else {
    ReaderOptions options;
    options.date = flags.date;
    options.warn = [&context](const std::string& line) { context.err() << line << "\n"; };
    Result<std::unique_ptr<DocumentReader>> reader =
        DocumentReader::Open({flags.file}, std::move(options));
    if (!reader.ok()) return ReportError(context, reader.status());
    Result<std::optional<Document>> doc = (*reader)->Next();
    if (!doc.ok()) return ReportError(context, doc.status());
    if (!doc->has_value()) {
      return ReportError(context, InvalidArgumentError(flags.file + ": no document to explain"));
    }
    text = ExplainSentence(**rules, **doc, static_cast<size_t>(flags.index));
  }
  if (!text.ok()) return ReportError(context, text.status());
  context.out() << *text;
  return 0;
}

}  // namespace

int RunRules(const CommandContext& context) {
  if (context.args.empty() || context.args[0] == "--help" || context.args[0] == "-h") {
    context.out() << kRulesHelp;
    return context.args.empty() ? static_cast<int>(ExitCode::kUsage) : 0;
  }
  const std::string& sub = context.args[0];
  if (sub == "check") return RunCheck(Shift(context));
  if (sub == "explain") return RunExplain(Shift(context));
  return ReportError(context, InvalidArgumentError("rules: unknown subcommand '" + sub +
                                                   "' (expected check or explain)"));
}

void HelpRules(std::ostream& out) { out << kRulesHelp; }

}  // namespace parley::cli
