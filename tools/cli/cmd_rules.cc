// parley rules: check rule files against their own examples; explain what the rules see;
// import the event coders' dictionaries.
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "extract/default_rules.h"
#include "extract/explain.h"
#include "extract/petrarch_import.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"
#include "extract/rules_check.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"

namespace parley::cli {
namespace {

struct RulesFlags {
  std::vector<std::string> dirs;   // check: extra rule dirs
  std::string sentence;            // explain: the text
  std::string file;                // explain --file
  size_t sentence_index = 0;       // explain --sentence
  std::string date;                // explain --date
  std::string from;                // import --from
  std::vector<std::string> files;  // import: the dictionaries
  std::string out_dir;             // import -o
  std::string skip_roots;          // import --skip-roots
  std::string corrections;         // import --corrections
  RuleFlags rules;
};

void Define(CLI::App& app, RulesFlags& f) {
  ConfigureApp(app, "rules",
               "Check and debug rule files (the language: rules/README.md).\nExamples:\n"
               "  parley rules check                    # the built-in rules\n"
               "  parley rules check mydir/             # built-ins plus mydir/\n"
               "  parley rules explain \"Japan and Russia signed a treaty in 1956.\"\n"
               "  parley rules explain --file article.txt --sentence 12\n"
               "  parley rules import --from petrarch Phoenix.agents.txt CAMEO.2.0.txt -o mydir/");
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
  auto* import = app.add_subcommand(
      "import",
      "Translate event-coder dictionaries (PETRARCH/TABARI actors, agents, verbs, discards) "
      "into rule files");
  import->add_option("--from", f.from, "The dictionaries' format: petrarch")->required();
  import->add_option("files", f.files, "The dictionaries")->required();
  import
      ->add_option("-o,--output", f.out_dir,
                   "Directory for the rule files and IMPORT-REPORT.txt (created)")
      ->required();
  import->add_option("--skip-roots", f.skip_roots,
                     "CAMEO roots (two digits) whose verb codes become no frames, each reported "
                     "(tools/gen_imported.sh skips 13,14,15: EVALUATION.md)");
  import->add_option("--corrections", f.corrections,
                     "A file of corrections to the verb dictionaries' patterns (drop or recode, "
                     "each with its reason; each applied one reported; one that matches no "
                     "pattern fails the import): tools/data/cameo-corrections.txt");
  import->add_flag("--no-default-rules", f.rules.no_default_rules,
                   "Do not give imported entities the ids of the built-in rules' entities (the "
                   "built-in English of rules/lexicon/ still gives verbs' lemmas)");
}

Result<std::vector<RuleSource>> Sources(const RuleFlags& rules,
                                        const std::vector<std::string>& extra) {
  std::vector<RuleSource> sources;
  if (!rules.no_default_rules) sources = DefaultRuleSources();
  std::vector<std::string> paths = rules.rule_paths;
  paths.insert(paths.end(), extra.begin(), extra.end());
  PARLEY_ASSIGN_OR_RETURN(std::vector<RuleSource> user, ReadRuleSources(paths, 1));
  AddUserSources(std::move(user), &sources);
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
  auto rules = LoadRuleSet(*sources, RuleCache(&context, flags.rules));
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

// The rules an import is layered under: the defaults without rules/imported/; with
// --no-default-rules only the English of rules/lexicon/ (verb forms, prepositions), which tells
// the importer a verb's lemma and which pattern words are prepositions, and no entities.
Result<std::shared_ptr<const RuleSet>> ImportAgainst(const RulesFlags& flags) {
  std::vector<RuleSource> sources;
  for (RuleSource& s : DefaultRuleSources()) {
    if (s.layer == kImportedLayer) continue;
    if (flags.rules.no_default_rules && !s.path.starts_with("rules/lexicon/")) continue;
    sources.push_back(std::move(s));
  }
  return RuleSet::Compile(sources);
}

int Import(const CommandContext& context, const RulesFlags& flags) {
  if (flags.from != "petrarch") {
    return ReportError(context, InvalidArgumentError("rules import: unknown format '" + flags.from +
                                                     "' (known: petrarch)"));
  }
  auto read = [](const std::string& path) -> Result<petrarch::ImportInput> {
    std::ifstream in(path, std::ios::binary);
    if (!in) return NotFoundError("cannot read '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return petrarch::ImportInput{path, text.str()};
  };
  std::vector<petrarch::ImportInput> inputs;
  for (const std::string& path : flags.files) {
    auto input = read(path);
    if (!input.ok()) return ReportError(context, input.status());
    inputs.push_back(std::move(*input));
  }
  auto against = ImportAgainst(flags);
  if (!against.ok()) return ReportError(context, against.status());
  petrarch::ImportOptions options;
  options.against = against->get();
  for (size_t b = 0; b < flags.skip_roots.size();) {
    size_t e = flags.skip_roots.find(',', b);
    if (e == std::string::npos) e = flags.skip_roots.size();
    const std::string root = flags.skip_roots.substr(b, e - b);
    if (root.size() != 2 || !std::isdigit(static_cast<unsigned char>(root[0])) ||
        !std::isdigit(static_cast<unsigned char>(root[1]))) {
      return ReportError(context, InvalidArgumentError("rules import: --skip-roots takes CAMEO "
                                                       "roots of two digits, not '" +
                                                       root + "'"));
    }
    options.skip_roots.push_back(root);
    b = e + 1;
  }
  if (!flags.corrections.empty()) {
    auto corrections = read(flags.corrections);
    if (!corrections.ok()) return ReportError(context, corrections.status());
    options.corrections = std::move(*corrections);
  }
  auto result = petrarch::ImportPetrarch(inputs, options);
  if (!result.ok()) return ReportError(context, result.status());
  std::error_code ec;
  std::filesystem::create_directories(flags.out_dir, ec);
  if (ec) {
    return ReportError(context, IoError("cannot create '" + flags.out_dir + "': " + ec.message()));
  }
  auto write = [&](const std::string& name, const std::string& text) -> Status {
    const std::string path = (std::filesystem::path(flags.out_dir) / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out) return IoError("cannot write '" + path + "'");
    return Status::Ok();
  };
  for (const petrarch::ImportedFile& file : result->files) {
    if (Status s = write(file.name, file.text); !s.ok()) return ReportError(context, s);
  }
  if (Status s = write("IMPORT-REPORT.txt", petrarch::FormatImportReport(*result)); !s.ok()) {
    return ReportError(context, s);
  }
  for (const std::string& line : result->summary) context.err() << "parley: " << line << "\n";
  context.err() << "parley: " << result->problems.size()
                << " entries not translated or translated otherwise; each is listed in "
                << (std::filesystem::path(flags.out_dir) / "IMPORT-REPORT.txt").string() << "\n";
  return 0;
}

}  // namespace

int RunRules(const CommandContext& context) {
  RulesFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  const std::string command = app.get_subcommands().front()->get_name();
  if (command == "check") return Check(context, flags);
  if (command == "import") return Import(context, flags);
  return Explain(context, flags);
}

void HelpRules(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
