// The part of common.h that needs extract/'s implementations: reader and extractor set-up.
#include "tools/cli/common.h"

namespace parley::cli {

void AddInputFlags(CLI::App& app, InputFlags& flags) {
  // One value per occurrence, so `--include GLOB dir/` leaves dir/ to the inputs.
  app.add_option("--include", flags.include,
                 "Only files inside directories matching this glob (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--exclude", flags.exclude,
                 "Skip files inside directories matching this glob (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--input-format", flags.input_format, "Input format")
      ->check(CLI::IsMember({"auto", "text", "markdown", "html", "jsonl"}));
  app.add_option("--date", flags.date,
                 "Document date (YYYY, YYYY-MM or YYYY-MM-DD) for every input; relative dates "
                 "resolve against it");
  app.add_option("--max-doc-bytes", flags.max_doc_bytes,
                 "Skip (with a warning) documents larger than this (bytes); extracting one "
                 "holds about 23 times its size");
}

void AddRuleFlags(CLI::App& app, RuleFlags& flags) {
  app.add_option("--rules", flags.rule_paths,
                 "Extra rule file or directory (repeatable); same ids replace the defaults")
      ->allow_extra_args(false);
  app.add_flag("--no-default-rules", flags.no_default_rules,
               "Use only the --rules given, not the built-in rules/");
}

Result<std::unique_ptr<Extractor>> CreateExtractor(const RuleFlags& flags) {
  ExtractorOptions options;
  options.default_rules = !flags.no_default_rules;
  options.rule_paths = flags.rule_paths;
  return Extractor::Create(options);
}

Result<std::unique_ptr<DocumentReader>> OpenReader(const CommandContext& context,
                                                   const std::vector<std::string>& inputs,
                                                   const InputFlags& flags) {
  ReaderOptions options;
  options.include = flags.include;
  options.exclude = flags.exclude;
  options.input_format = flags.input_format;
  options.date = flags.date;
  options.max_doc_bytes = flags.max_doc_bytes;
  std::ostream* err = context.streams.err;
  options.warn = [err](const std::string& line) { *err << line << "\n"; };
  return DocumentReader::Open(inputs, std::move(options));
}

}  // namespace parley::cli
