// parley backup: a consistent copy of a store, safe to take while an ingest runs.
#include <iostream>

#include "graph/store.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"

namespace parley::cli {
namespace {

struct BackupFlags {
  std::string db;
  std::string target;
};

void Define(CLI::App& app, BackupFlags& f) {
  ConfigureApp(app, "backup",
               "Write a consistent checkpoint of the store to a new directory (whole documents "
               "only, even while an ingest runs); the copy opens like any store.\nExample:\n"
               "  parley backup --db news.db news-2026-11-29.db");
  AddDbFlag(app, f.db);
  app.add_option("target", f.target, "The new directory (must not exist)")->required();
}

}  // namespace

int RunBackup(const CommandContext& context) {
  BackupFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto store = OpenStoreForReading(flags.db);
  if (!store.ok()) return ReportStoreError(context, store.status());
  Status status = (*store)->Backup(flags.target);
  if (!status.ok()) return ReportError(context, status);
  context.err() << "parley: backed up '" << flags.db << "' to '" << flags.target << "'\n";
  return 0;
}

void HelpBackup(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
