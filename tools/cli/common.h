// Flags and set-up shared by several commands: input selection, rule loading, entity merging.
// Private to the CLI library.
#ifndef PARLEY_TOOLS_CLI_COMMON_H_
#define PARLEY_TOOLS_CLI_COMMON_H_

#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/types.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/rule_cache.h"
#include "extract/rule_set.h"
#include "graph/graph_view.h"
#include "graph/predicates.h"
#include "graph/store.h"
#include "tools/cli/flags.h"

namespace parley::cli {

struct InputFlags {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::string input_format = "auto";
  std::string date;
  uint64_t max_doc_bytes = 16ull << 20;
};
// --include, --exclude, --input-format, --date, --max-doc-bytes.
void AddInputFlags(CLI::App& app, InputFlags& flags);
// -j/--jobs, extraction threads (0 = one per core), for extract and ingest.
void AddJobsFlag(CLI::App& app, int& jobs);

struct RuleFlags {
  std::vector<std::string> rule_paths;
  bool no_default_rules = false;
  bool no_rules_cache = false;
};
// --rules (repeatable), --no-default-rules, --no-rules-cache.
void AddRuleFlags(CLI::App& app, RuleFlags& flags);

// The compiled-rules cache of `flags` (extract/rule_cache.h): none with --no-rules-cache, else
// what the environment asks for (RuleCacheFromEnvironment: the built-in snapshot and a cache
// directory); its notes go to the context's stderr as "parley: note: ..." (none without a
// context).
RuleCacheOptions RuleCache(const CommandContext* context, const RuleFlags& flags);

// The rule set of `flags`' rules (the defaults unless --no-default-rules, then each --rules
// path), compiled or read from the rules cache; for commands that read the rules themselves
// (vocab, query's synonyms).
Result<std::shared_ptr<const RuleSet>> CompileRules(const RuleFlags& flags);

// The extractor of `flags`' rules. When the process ends with the command
// (CliStreams::process_exits) the extractor is never destroyed: its compiled rules are a million
// blocks with the imported layer, whose freeing one by one cost a one-sentence run more than
// its extraction (24 M instructions), and the exit returns the process's memory at once.
// Without `entities` its extractions leave the entity list empty (ExtractorOptions::entities).
Result<std::shared_ptr<Extractor>> CreateExtractor(const CommandContext& context,
                                                   const RuleFlags& flags, bool entities = true);
// Opens the reader; its warnings go to the context's stderr as they happen.
Result<std::unique_ptr<DocumentReader>> OpenReader(const CommandContext& context,
                                                   const std::vector<std::string>& inputs,
                                                   const InputFlags& flags);

// For `unreadable` (> 0) named inputs that could not be read: says so (the warnings named
// them; the rest was read) and returns the bad-input exit code.
int ReportUnreadable(const CommandContext& context, uint64_t unreadable);

// The stream to read `path` from: the context's stdin for "-", else `file` opened on it.
// NotFound ("cannot open <what> '<path>'") when the file cannot be opened.
Result<std::istream*> OpenInputStream(const CommandContext& context, const std::string& path,
                                      std::string_view what, std::ifstream& file);

// --db DIR; defaults to $PARLEY_DB, else ./parley.db.
void AddDbFlag(CLI::App& app, std::string& db);

// Graph view filters shared by `export` and `graph`: --since, --until, --predicate, --type,
// --actors-only, --fold-people, --min-weight, --center, --hops, --multi, --text-dates-only,
// --document-dates.
struct GraphFlags {
  std::string since;
  std::string until;
  std::vector<std::string> predicates;
  std::vector<std::string> types;
  bool actors_only = false;
  bool fold_people = false;
  uint64_t min_weight = 1;
  std::string center;
  uint32_t hops = 1;
  bool multi = false;
  bool text_dates_only = false;
  bool document_dates = false;
};
void AddGraphFlags(CLI::App& app, GraphFlags& flags, bool with_center);
// Converts the flags; InvalidArgument for an unknown entity type.
Result<GraphFilter> ToGraphFilter(const GraphFlags& flags);

// A PredicateLookup (graph/predicates.h) over the store's predicate counts and the default
// rules' vocabulary (extract/vocabulary.h): their predicate names read from the rule files, and
// the rules compiled for synonyms only when a word is no predicate at all (most queries name
// predicates the store holds).
// Errors: the store's Stats().
Result<PredicateLookup> LookupPredicates(const Store& store);

// Resolves every --predicate of `flags` through LookupPredicates (synonyms, did-you-mean),
// printing notes as warnings. Errors: ResolvePredicate's NotFound, the store's.
Status ResolveGraphPredicates(const CommandContext& context, const Store& store, GraphFlags* flags);

// Opens the store at `db` for reading (works while another process ingests).
Result<std::unique_ptr<Store>> OpenStoreForReading(const std::string& db);
// The store at `db` opened to be repaired (`check --repair`): as a writer, never created, and
// opened even when its size record shows a cut file (StoreOptions::repair).
Result<std::unique_ptr<Store>> OpenStoreForRepair(const std::string& db);

// Reads back the stored documents whose rules fingerprint differs from `fingerprint`, for
// `ingest --reextract`. The list of ids is taken when it is created; texts are read lazily.
Result<std::unique_ptr<DocumentReader>> StoredDocumentReader(const Store& store,
                                                             const std::string& fingerprint);

// Adds `entity` into `entities` (keyed by id) by base/entity_merge.h: a differing label becomes
// an alias, aliases and roles united, the first value of each attribute kept, mentions summed.
void MergeEntity(Entity entity, std::map<std::string, Entity>* entities);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_COMMON_H_
