// The part of common.h that needs extract/'s implementations: reader and extractor set-up.
#include <algorithm>
#include <iterator>
#include <optional>

#include "extract/default_rules.h"
#include "extract/vocabulary.h"
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
                 "holds about 30 MB plus 5 times its size, ingesting one 8 times (README.md, "
                 "Memory)")
      ->check(AtLeast(1));
}

void AddJobsFlag(CLI::App& app, int& jobs) {
  app.add_option("-j,--jobs", jobs,
                 "Extraction threads (0 = one per core); each holds one window of a long "
                 "document (some 6 MB), and the documents in flight hold at most 16 MiB of text "
                 "between them, or one larger document alone (README.md, Memory)")
      ->check(CLI::Range(0, 256));
}

void AddRuleFlags(CLI::App& app, RuleFlags& flags) {
  app.add_option("--rules", flags.rule_paths,
                 "Extra rule file or directory (repeatable); same ids replace the defaults")
      ->allow_extra_args(false);
  app.add_flag("--no-default-rules", flags.no_default_rules,
               "Use only the --rules given, not the built-in rules/");
  app.add_flag("--no-rules-cache", flags.no_rules_cache,
               "Compile the rules instead of reading them from the compiled-rules cache "
               "($PARLEY_RULES_CACHE, else $XDG_CACHE_HOME/parley or ~/.cache/parley; "
               "PARLEY_RULES_CACHE=off turns it off too; README.md, Start-up)");
}

RuleCacheOptions RuleCache(const CommandContext* context, const RuleFlags& flags) {
  RuleCacheOptions options = flags.no_rules_cache ? RuleCacheOff() : RuleCacheFromEnvironment();
  if (context != nullptr) {
    std::ostream* err = context->streams.err;
    options.note = [err](const std::string& line) { *err << "parley: note: " << line << "\n"; };
  }
  return options;
}

Result<std::shared_ptr<Extractor>> CreateExtractor(const CommandContext& context,
                                                   const RuleFlags& flags, bool entities) {
  ExtractorOptions options;
  options.entities = entities;
  options.default_rules = !flags.no_default_rules;
  options.rule_paths = flags.rule_paths;
  options.rules_cache = RuleCache(&context, flags);
  PARLEY_ASSIGN_OR_RETURN(std::unique_ptr<Extractor> created, Extractor::Create(options));
  std::shared_ptr<Extractor> extractor = std::move(created);
  if (context.streams.process_exits) {
    // Reachable from a static until the exit, so that a leak checker does not count it.
    static auto* const left_to_exit = new std::vector<std::shared_ptr<Extractor>>();
    left_to_exit->push_back(extractor);
  }
  return extractor;
}

Result<PredicateLookup> LookupPredicates(const Store& store) {
  PARLEY_ASSIGN_OR_RETURN(StoreStats stats, store.Stats());
  // The default rules and their vocabulary, compiled when first asked for.
  struct Vocabulary {
    std::shared_ptr<const RuleSet> rules;
    std::vector<PredicateInfo> predicates;
  };
  auto vocabulary = std::make_shared<std::optional<Vocabulary>>();
  auto get = [vocabulary]() -> const Vocabulary* {
    if (!vocabulary->has_value()) {
      Result<std::shared_ptr<const RuleSet>> rules = CompileRules(RuleFlags());
      if (!rules.ok()) return nullptr;  // the built-in rules compile: every build checks them
      *vocabulary = Vocabulary{*rules, DescribePredicates(**rules)};
    }
    return &**vocabulary;
  };
  PredicateLookup lookup;
  lookup.in_store = std::move(stats.statements_by_predicate);
  lookup.synonyms = [get](std::string_view word) {
    const Vocabulary* v = get();
    return v == nullptr ? std::vector<std::string>()
                        : PredicatesForWord(*v->rules, v->predicates, word);
  };
  // Which predicates exist needs only the rule files' text, not their compiled form.
  lookup.known = [] { return PredicateNames(DefaultRuleSources()); };
  return lookup;
}

Status ResolveGraphPredicates(const CommandContext& context, const Store& store,
                              GraphFlags* flags) {
  if (flags->predicates.empty()) return Status();
  PARLEY_ASSIGN_OR_RETURN(PredicateLookup lookup, LookupPredicates(store));
  std::vector<std::string> resolved;
  for (const std::string& word : flags->predicates) {
    PARLEY_ASSIGN_OR_RETURN(ResolvedPredicate r, ResolvePredicate(lookup, word));
    if (!r.note.empty()) Note(context, r.note);
    for (std::string& p : r.predicates) {
      if (std::find(resolved.begin(), resolved.end(), p) == resolved.end()) {
        resolved.push_back(std::move(p));
      }
    }
  }
  flags->predicates = std::move(resolved);
  return Status();
}

Result<std::shared_ptr<const RuleSet>> CompileRules(const RuleFlags& flags) {
  std::vector<RuleSource> sources;
  if (!flags.no_default_rules) sources = DefaultRuleSources();
  PARLEY_ASSIGN_OR_RETURN(std::vector<RuleSource> extra,
                          ReadRuleSources(flags.rule_paths, /*first_layer=*/1));
  AddUserSources(std::move(extra), &sources);
  return LoadRuleSet(sources, RuleCache(nullptr, flags));
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
