// parley stats: what a store holds.
#include <fmt/format.h>

#include <iostream>

#include "graph/store.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"
#include "tools/cli/progress.h"

namespace parley::cli {
namespace {

struct StatsFlags {
  std::string db;
  bool json = false;
};

void Define(CLI::App& app, StatsFlags& f) {
  ConfigureApp(app, "stats",
               "Summarise a store: documents, sentences, entities by type, statements by "
               "predicate, time span, size on disk.\nExample:\n  parley stats --db news.db");
  AddDbFlag(app, f.db);
  app.add_flag("--json", f.json, "Print one JSON object instead of text");
}

}  // namespace

int RunStats(const CommandContext& context) {
  StatsFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto store = OpenStoreForReading(flags.db);
  if (!store.ok()) return ReportStoreError(context, store.status());
  auto stats = (*store)->Stats();
  if (!stats.ok()) return ReportError(context, stats.status());
  std::ostream& out = context.out();
  if (flags.json) {
    std::string by_type;
    for (const auto& [type, n] : stats->entities_by_type) {
      by_type += fmt::format("{}\"{}\":{}", by_type.empty() ? "" : ",", type, n);
    }
    std::string by_predicate;
    for (const auto& [predicate, n] : stats->statements_by_predicate) {
      by_predicate += fmt::format("{}\"{}\":{}", by_predicate.empty() ? "" : ",", predicate, n);
    }
    out << fmt::format(
        "{{\"documents\":{},\"sentences\":{},\"entities\":{},\"statements\":{},"
        "\"entities_by_type\":{{{}}},\"statements_by_predicate\":{{{}}},\"earliest\":\"{}\","
        "\"latest\":\"{}\",\"disk_bytes\":{},\"format_version\":{},\"duplicates\":{}}}\n",
        stats->documents, stats->sentences, stats->entities, stats->statements, by_type,
        by_predicate, stats->earliest, stats->latest, stats->disk_bytes, stats->format_version,
        stats->duplicates);
    return 0;
  }
  out << fmt::format("store       {} (format {})\n", flags.db, stats->format_version);
  out << fmt::format("documents   {}\n", WithThousands(stats->documents));
  if (stats->duplicates > 0) {
    out << fmt::format("  {:<14}{:>10}\n", "duplicates", WithThousands(stats->duplicates));
  }
  out << fmt::format("sentences   {}\n", WithThousands(stats->sentences));
  out << fmt::format("entities    {}\n", WithThousands(stats->entities));
  for (const auto& [type, n] : stats->entities_by_type) {
    out << fmt::format("  {:<14}{:>10}\n", type, WithThousands(n));
  }
  out << fmt::format("statements  {}\n", WithThousands(stats->statements));
  for (const auto& [predicate, n] : stats->statements_by_predicate) {
    out << fmt::format("  {:<14}{:>10}\n", predicate, WithThousands(n));
  }
  out << fmt::format("time span   {} .. {}\n", stats->earliest.empty() ? "-" : stats->earliest,
                     stats->latest.empty() ? "-" : stats->latest);
  out << fmt::format("disk        {:.1f} MB\n", static_cast<double>(stats->disk_bytes) / 1e6);
  return 0;
}

void HelpStats(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
