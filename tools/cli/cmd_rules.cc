// parley rules: check rule files against their own examples; explain what the rules see.
#include <iostream>

#include "extract/default_rules.h"
#include "extract/explain.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"
#include "extract/rules_check.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"

namespace parley::cli {
namespace {

struct RulesFlags {
  std::vector<std::string> dirs;  // check: extra rule dirs
  std::string sentence;           // explain: the text
  std::string file;               // explain --file
  size_t sentence_index = 0;      // explain --sentence
  std::string date;               // explain --date
  RuleFlags rules;
};

void Define(CLI::App& app, RulesFlags& f) {
  ConfigureApp(app, "rules",
               "Check and debug rule files (the language: rules/README.md).\nExamples:\n"
               "  parley rules check                    # the built-in rules\n"
               "  parley rules check mydir/             # built-ins plus mydir/\n"
               "  parley rules explain \"Japan and Russia signed a treaty in 1956.\"\n"
               "  parley rules explain --file article.txt --sentence 12");
  app.require_subcommand(1, 1);
  auto* check = app.add_subcommand(
      "check", "Compile the rules, run every example and counter-example, print OK/FAIL");
  check->add_option("dirs", f.dirs, "Extra rule files or directories, loaded after the defaults");
  check->add_flag("--no-default-rules", f.rules.no_default_rules,
                  "Check only the given files, not the built-in rules");
  auto* explain = app.add_subcommand(
      "explain", "Show how the rules read one sentence: mentions, dates, rules, statements");
  explain->add_option("sentence", f.sentence, "The sentence (or text) to explain");
  explain->add_option("--file", f.file, "Explain a sentence of this document instead");
  explain
      ->add_option("--sentence", f.sentence_index,
                   "With --file: the 0-based sentence index (as in 'sentence_index')")
      ->check(AtLeast(0));
  explain->add_option("--date", f.date, "Document date for resolving relative dates");
  AddRuleFlags(*explain, f.rules);
}

Result<std::vector<RuleSource>> Sources(const RuleFlags& rules,
                                        const std::vector<std::string>& extra) {
  std::vector<RuleSource> sources;
  if (!rules.no_default_rules) sources = DefaultRuleSources();
  std::vector<std::string> paths = rules.rule_paths;
  paths.insert(paths.end(), extra.begin(), extra.end());
  PARLEY_ASSIGN_OR_RETURN(std::vector<RuleSource> user, ReadRuleSources(paths, 1));
  for (RuleSource& source : user) sources.push_back(std::move(source));
  return sources;
}

int Check(const CommandContext& context, const RulesFlags& flags) {
  auto sources = Sources(flags.rules, flags.dirs);
  if (!sources.ok()) return ReportError(context, sources.status());
  auto report = CheckRules(*sources);
  if (!report.ok()) return ReportError(context, report.status());
  if (!report->diagnostics.empty()) {
    context.err() << FormatRulesCheckReport(*report);
    return static_cast<int>(ExitCode::kInputError);
  }
  context.out() << FormatRulesCheckReport(*report);
  return report->ok() ? 0 : static_cast<int>(ExitCode::kFailure);
}

int Explain(const CommandContext& context, const RulesFlags& flags) {
  if (flags.file.empty() == flags.sentence.empty()) {
    context.err() << "parley: error: rules explain: give either a sentence or --file FILE "
                     "--sentence N\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  auto sources = Sources(flags.rules, {});
  if (!sources.ok()) return ReportError(context, sources.status());
  auto rules = RuleSet::Compile(*sources);
  if (!rules.ok()) return ReportError(context, rules.status());
  if (!flags.sentence.empty()) {
    auto text = ExplainText(**rules, flags.sentence, flags.date);
    if (!text.ok()) return ReportError(context, text.status());
    context.out() << *text;
    return 0;
  }
  InputFlags input;
  input.date = flags.date;
  auto reader = OpenReader(context, {flags.file}, input);
  if (!reader.ok()) return ReportError(context, reader.status());
  auto document = (*reader)->Next();
  if (!document.ok()) return ReportError(context, document.status());
  if (!document->has_value()) {
    return ReportError(context,
                       InvalidArgumentError("'" + flags.file + "' holds no readable document"));
  }
  auto text = ExplainSentence(**rules, **document, flags.sentence_index);
  if (!text.ok()) return ReportError(context, text.status());
  context.out() << *text;
  return 0;
}

}  // namespace

int RunRules(const CommandContext& context) {
  RulesFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  if (app.get_subcommands().front()->get_name() == "check") return Check(context, flags);
  return Explain(context, flags);
}

void HelpRules(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
