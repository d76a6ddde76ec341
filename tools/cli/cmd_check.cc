// parley check: a full integrity scan of a store, and --repair.
#include <iostream>

#include "graph/store.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"
#include "tools/cli/progress.h"

namespace parley::cli {
namespace {

struct CheckFlags {
  std::string db;
  bool repair = false;
  size_t max_problems = 1000;
};

void Define(CLI::App& app, CheckFlags& f) {
  ConfigureApp(app, "check",
               "Check a whole store: every file's checksums, every document's statements and "
               "index entries, entity totals and counters. Exits 0 when the store is whole, 1 "
               "with a report of what is wrong, 5 when its files are damaged. Works while an "
               "ingest runs (without --repair).\nExamples:\n"
               "  parley check --db news.db\n"
               "  parley check --db news.db --repair && parley ingest --db news.db news/");
  AddDbFlag(app, f.db);
  app.add_flag("--repair", f.repair,
               "Drop the documents that are not whole and mend the counters, entity totals and "
               "alias index; ingesting the same inputs again restores the dropped documents");
  app.add_option("--max-problems", f.max_problems, "Problem lines to print (the rest are counted)")
      ->check(CLI::PositiveNumber);
}

}  // namespace

int RunCheck(const CommandContext& context) {
  CheckFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto store = flags.repair ? OpenStoreForRepair(flags.db) : OpenStoreForReading(flags.db);
  if (!store.ok()) return ReportStoreError(context, store.status());
  auto report = (*store)->Check({.repair = flags.repair, .max_problems = flags.max_problems});
  if (!report.ok()) return ReportError(context, report.status());
  Status closed = (*store)->Close();
  if (!closed.ok()) return ReportError(context, closed);
  std::ostream& out = context.out();
  for (const std::string& problem : report->problems) out << problem << "\n";
  out << "store '" << flags.db << "': " << WithThousands(report->documents) << " documents, "
      << WithThousands(report->statements) << " statements, "
      << WithThousands(report->index_entries) << " index entries, "
      << WithThousands(report->entities) << " entities: ";
  if (report->ok()) {
    out << "whole\n";
    return 0;
  }
  const size_t damaged = report->damaged_documents.size();
  out << "not whole (" << WithThousands(damaged) << (damaged == 1 ? " document" : " documents")
      << " damaged)\n";
  if (!report->repaired) {
    out << "run `parley check --db " << flags.db
        << " --repair` to drop the damaged documents and mend the rest, then ingest the same "
           "inputs again to restore them\n";
    return static_cast<int>(ExitCode::kFailure);
  }
  for (const std::string& problem : report->remaining) out << "after repair: " << problem << "\n";
  if (!report->remaining.empty()) {
    out << "the repair left problems; restore a backup, or ingest again into a new store\n";
    return static_cast<int>(ExitCode::kFailure);
  }
  out << "repaired: dropped " << WithThousands(damaged)
      << (damaged == 1 ? " document" : " documents")
      << " and mended the counters; ingest the same inputs again to restore them\n";
  return 0;
}

void HelpCheck(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
