// parley query, entity, timeline: asking the store.
#include <iostream>
#include <set>

#include "graph/citation.h"
#include "graph/entity_card.h"
#include "graph/query.h"
#include "graph/table.h"
#include "graph/timeline.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"

namespace parley::cli {
namespace {

// --since/--until/--modality/--limit, --format and --cite, shared by query and timeline.
struct AskFlags {
  std::string db;
  std::string since;
  std::string until;
  bool text_dates_only = false;
  std::string modality;
  size_t limit = 0;
  std::string format;  // empty: table on a terminal, tsv otherwise
  bool cite = false;
};

void AddAskFlags(CLI::App& app, AskFlags& f) {
  AddDbFlag(app, f.db);
  app.add_option("--since", f.since, "Only statements dated on or after (YYYY[-MM[-DD]])");
  app.add_option("--until", f.until, "Only statements dated on or before (YYYY[-MM[-DD]])");
  app.add_flag("--text-dates-only", f.text_dates_only,
               "Only dates found in the text count; statements dated by their document are "
               "undated");
  app.add_option("--modality", f.modality, "Only this modality")
      ->check(CLI::IsMember({"asserted", "reported", "hedged", "negated", "planned"}));
  app.add_option("--limit", f.limit, "At most this many rows (0 = all)")->check(AtLeast(0));
  app.add_flag("--cite", f.cite, "Name each statement's document by its title and URL");
  app.add_option("--format", f.format, "table (aligned, the default), csv, tsv, json, jsonl")
      ->check(CLI::IsMember({"table", "csv", "tsv", "json", "jsonl"}));
}

// The aligned table unless --format says otherwise (the same whether or not stdout is a
// terminal, so piping never changes what a command prints).
TableFormat ChooseFormat(const AskFlags& flags) {
  return flags.format.empty() ? TableFormat::kTable
                              : ParseTableFormat(flags.format).value_or(TableFormat::kTable);
}

struct QueryFlags {
  AskFlags ask;
  std::string pattern;
  std::string doc;
  std::string type;
  bool explain = false;
  size_t max_memory_mb = QueryOptions().max_memory_bytes >> 20;
  bool group = false;
  std::string sort = "date";
};

void DefineQuery(CLI::App& app, QueryFlags& f) {
  ConfigureApp(app, "query",
               "Match statement patterns: SUBJECT PREDICATE OBJECT, where each part is a "
               "?variable, a name (\"Xi Jinping\", case-insensitive, resolved through aliases), "
               "an entity id, or for the predicate alternatives (proposed|offered); patterns "
               "joined with ' . ' share variables.\nExamples:\n"
               "  parley query '?who proposed ?what'\n"
               "  parley query 'Putin ?did ?what' --since 2018 --until 2019-06\n"
               "  parley query '?x met_with \"Xi Jinping\"' --format csv > meetings.csv\n"
               "  parley query '?p holds_office Japan . ?p proposed ?what'");
  app.add_option("pattern", f.pattern, "The pattern")->required();
  app.add_option("--max-memory", f.max_memory_mb,
                 "Memory budget of the query in MB; past it the query stops with an error "
                 "(0 = none; default 512)");
  AddAskFlags(app, f.ask);
  app.add_option("--doc", f.doc, "Only statements from this document id");
  app.add_option("--type", f.type, "Only rows whose subject has this entity type");
  app.add_flag("--explain", f.explain, "Print the query plan (the index each pattern uses)");
  app.add_flag("--group", f.group,
               "One row per claim (same subject, predicate, object and time) with the number of "
               "documents that state it");
  app.add_option("--sort", f.sort, "Row order: date, sources (most first) or subject")
      ->check(CLI::IsMember({"date", "sources", "subject"}));
}

struct EntityFlags {
  std::string db;
  std::string name;
  size_t partners = 10;
  bool json = false;
  bool cite = false;
};

void DefineEntity(CLI::App& app, EntityFlags& f) {
  ConfigureApp(app, "entity",
               "Show an entity's card: id, type, label, aliases, roles, first and last mention, "
               "statements by predicate, strongest partners.\nExample:\n"
               "  parley entity \"Shinzo Abe\"");
  AddDbFlag(app, f.db);
  app.add_option("name", f.name, "Name, alias or id")->required();
  app.add_option("--partners", f.partners, "How many partners to list")->check(AtLeast(0));
  app.add_flag("--json", f.json, "Print the card as JSON");
  app.add_flag("--cite", f.cite, "Name the first and last mention's documents by their URLs");
}

struct TimelineFlags {
  AskFlags ask;
  std::string name;
};

void DefineTimeline(CLI::App& app, TimelineFlags& f) {
  ConfigureApp(app, "timeline",
               "Statements involving an entity (or all dated statements) in date order, grouped "
               "by date.\nExamples:\n  parley timeline Putin\n"
               "  parley timeline --since 2018-09 --until 2019-06");
  app.add_option("name", f.name, "Name, alias or id (default: every entity)");
  AddAskFlags(app, f.ask);
}

Result<std::unique_ptr<Store>> OpenOrReport(const CommandContext& context, const std::string& db,
                                            int* code) {
  auto store = OpenStoreForReading(db);
  if (!store.ok()) *code = ReportStoreError(context, store.status());
  return store;
}

}  // namespace

int RunQuery(const CommandContext& context) {
  QueryFlags flags;
  CLI::App app;
  DefineQuery(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  QueryOptions options;
  if (!flags.ask.since.empty()) options.since = flags.ask.since;
  if (!flags.ask.until.empty()) options.until = flags.ask.until;
  options.text_dates_only = flags.ask.text_dates_only;
  if (!flags.ask.modality.empty()) options.modality = ParseModality(flags.ask.modality).value();
  if (!flags.doc.empty()) options.doc = flags.doc;
  if (!flags.type.empty()) {
    auto type = ParseEntityType(flags.type);
    if (!type.ok()) return ReportError(context, type.status());
    options.type = *type;
  }
  options.limit = flags.ask.limit;
  options.max_memory_bytes = flags.max_memory_mb << 20;
  options.group = flags.group;
  options.order = flags.sort == "sources"   ? RowOrder::kSources
                  : flags.sort == "subject" ? RowOrder::kSubject
                                            : RowOrder::kDate;
  int code = 0;
  auto store = OpenOrReport(context, flags.ask.db, &code);
  if (!store.ok()) return code;
  auto lookup = LookupPredicates(**store);
  if (!lookup.ok()) return ReportError(context, lookup.status());
  options.predicates = &*lookup;
  if (flags.explain) {
    auto plan = PlanQuery(**store, flags.pattern, options);
    if (!plan.ok()) return ReportError(context, plan.status());
    for (const std::string& note : plan->notes) Note(context, note);
    context.out() << plan->ToString();
    return 0;
  }
  auto result = RunQuery(**store, flags.pattern, options);
  if (!result.ok()) return ReportError(context, result.status());
  for (const std::string& note : result->plan.notes) Note(context, note);
  DocumentInfoMap cited;
  if (flags.ask.cite) {
    std::set<std::string> documents;
    for (const QueryRow& row : result->rows) documents.insert(row.primary().doc);
    auto looked_up = LookUpDocuments(**store, documents);
    if (!looked_up.ok()) return ReportError(context, looked_up.status());
    cited = std::move(*looked_up);
  }
  context.out() << FormatRows(*result, ChooseFormat(flags.ask), TableStyle(),
                              flags.ask.cite ? &cited : nullptr);
  if (result->truncated) {
    Warn(context, "more rows matched than --limit " + std::to_string(flags.ask.limit));
  }
  if (result->rows.empty() && context.streams.err_is_tty) {
    context.err() << "parley: no statement matches\n";
  }
  return 0;
}

void HelpQuery(std::ostream& out) { PrintHelp(DefineQuery, out); }

int RunEntity(const CommandContext& context) {
  EntityFlags flags;
  CLI::App app;
  DefineEntity(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  int code = 0;
  auto store = OpenOrReport(context, flags.db, &code);
  if (!store.ok()) return code;
  EntityCardOptions options;
  options.max_partners = flags.partners;
  auto card = BuildEntityCard(**store, flags.name, options);
  if (!card.ok()) return ReportError(context, card.status());
  context.out() << (flags.json ? EntityCardToJson(*card) + "\n"
                               : FormatEntityCard(*card, flags.cite));
  return 0;
}

void HelpEntity(std::ostream& out) { PrintHelp(DefineEntity, out); }

int RunTimeline(const CommandContext& context) {
  TimelineFlags flags;
  CLI::App app;
  DefineTimeline(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  int code = 0;
  auto store = OpenOrReport(context, flags.ask.db, &code);
  if (!store.ok()) return code;
  TimelineOptions options;
  if (!flags.ask.since.empty()) options.since = flags.ask.since;
  if (!flags.ask.until.empty()) options.until = flags.ask.until;
  options.text_dates_only = flags.ask.text_dates_only;
  if (!flags.ask.modality.empty()) options.modality = ParseModality(flags.ask.modality).value();
  options.limit = flags.ask.limit;
  auto timeline = BuildTimeline(**store, flags.name, options);
  if (!timeline.ok()) return ReportError(context, timeline.status());
  DocumentInfoMap cited;
  if (flags.ask.cite) {
    auto looked_up = TimelineDocuments(**store, *timeline);
    if (!looked_up.ok()) return ReportError(context, looked_up.status());
    cited = std::move(*looked_up);
  }
  const DocumentInfoMap* cite = flags.ask.cite ? &cited : nullptr;
  if (flags.ask.format.empty()) {
    context.out() << FormatTimeline(*timeline, cite);
  } else {
    context.out() << FormatTable(TimelineTable(*timeline, cite), ChooseFormat(flags.ask));
  }
  return 0;
}

void HelpTimeline(std::ostream& out) { PrintHelp(DefineTimeline, out); }

}  // namespace parley::cli
