// parley ingest: extract documents (or load extracted statements) into a store.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "base/json.h"
#include "base/text.h"
#include "extract/pipeline.h"
#include "graph/person_merge.h"
#include "graph/store.h"
#include "tools/cli/bundle.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"
#include "tools/cli/progress.h"

namespace parley::cli {
namespace {

struct IngestFlags {
  std::string db;
  std::vector<std::string> inputs;
  std::vector<std::string> statements;
  std::vector<std::string> bundles;
  bool reextract = false;
  bool bulk = false;
  int jobs = 0;
  InputFlags input;
  RuleFlags rules;
};

void Define(CLI::App& app, IngestFlags& f) {
  ConfigureApp(app, "ingest",
               "Extract documents into a store (created if missing). Re-ingesting is safe: "
               "unchanged documents are skipped, changed ones replaced.\nExamples:\n"
               "  parley ingest --db news.db news/\n"
               "  parley ingest --db news.db --statements part-*.jsonl\n"
               "  parley ingest --db news.db --bulk --bundle part-*.bundle\n"
               "  parley ingest --db news.db --reextract --rules myrules/");
  AddDbFlag(app, f.db);
  app.add_option("inputs", f.inputs, "Files, directories (recursive) or - for stdin");
  app.add_option("--statements", f.statements,
                 "Load statements from JSON Lines written by 'parley extract --format jsonl' "
                 "(repeatable; - for stdin) instead of extracting");
  app.add_option("--bundle", f.bundles,
                 "Load extraction bundles written by 'parley extract --format bundle' "
                 "(repeatable; - for stdin): the store gets what a direct ingest of the same "
                 "documents gives");
  app.add_flag("--reextract", f.reextract,
               "Re-extract stored documents whose rules differ from the current ones");
  app.add_flag("--bulk", f.bulk, "Tune the store for a large first load");
  AddJobsFlag(app, f.jobs);
  AddInputFlags(app, f.input);
  AddRuleFlags(app, f.rules);
}

struct Counts {
  uint64_t added = 0, replaced = 0, unchanged = 0, duplicates = 0, statements = 0, documents = 0;
  uint64_t text_bytes = 0;       // of the documents extracted
  uint64_t skipped_records = 0;  // records (documents, statement lines) skipped with a warning
  uint64_t skipped_files = 0;    // whole input files skipped with a warning
  // Unchanged documents re-extracted because they were stored with other rules (another
  // --rules, or a parley with other built-in rules).
  uint64_t other_rules = 0;
  std::string Summary() const {
    std::string summary = WithThousands(added) + " added, " + WithThousands(replaced) +
                          " replaced, " + WithThousands(unchanged) + " unchanged";
    if (duplicates > 0) {
      summary += ", " + WithThousands(duplicates) +
                 (duplicates == 1 ? " duplicate" : " duplicates") + " of stored documents";
    }
    if (skipped_records > 0) {
      summary += ", " + WithThousands(skipped_records) +
                 (skipped_records == 1 ? " bad record" : " bad records") + " skipped";
    }
    if (skipped_files > 0) {
      summary += ", " + WithThousands(skipped_files) + (skipped_files == 1 ? " file" : " files") +
                 " skipped";
    }
    return summary;
  }
};

Status Count(PutOutcome outcome, Counts* counts) {
  switch (outcome) {
    case PutOutcome::kAdded:
      ++counts->added;
      break;
    case PutOutcome::kReplaced:
      ++counts->replaced;
      break;
    case PutOutcome::kUnchanged:
      ++counts->unchanged;
      break;
    case PutOutcome::kDuplicate:
      ++counts->duplicates;
      break;
  }
  return Status();
}

// Stores one record. A record the store refuses as malformed (InvalidArgument: a bad id, a
// statement id of another document, an entity stored with another type) is skipped with a
// warning; the ingest goes on.
Status StoreOne(const CommandContext& context, Store& store, const DocumentRecord& record,
                Counts* counts) {
  Result<PutOutcome> outcome = store.Put(record);
  if (outcome.ok()) return Count(*outcome, counts);
  if (outcome.status().code() != StatusCode::kInvalidArgument) return outcome.status();
  Warn(context, QuoteAtMost(outcome.status().message(), 400) + "; skipped");
  ++counts->skipped_records;
  return Status();
}

// Stores `records` in one PutBatch (--bulk). When the store refuses one as malformed, the batch
// (none of which was stored) is stored again a record at a time, so only the bad one is lost.
Status StoreBatch(const CommandContext& context, Store& store,
                  const std::vector<DocumentRecord>& records, Counts* counts) {
  if (records.empty()) return Status();
  Result<std::vector<PutOutcome>> outcomes = store.PutBatch(records);
  if (outcomes.ok()) {
    for (PutOutcome outcome : *outcomes) PARLEY_RETURN_IF_ERROR(Count(outcome, counts));
    return Status();
  }
  if (outcomes.status().code() != StatusCode::kInvalidArgument) return outcomes.status();
  for (const DocumentRecord& record : records) {
    PARLEY_RETURN_IF_ERROR(StoreOne(context, store, record, counts));
  }
  return Status();
}

// Entities as far as statement references describe them (id, label, type), one mention per
// reference.
std::vector<Entity> EntitiesOf(const std::vector<Statement>& statements) {
  std::map<std::string, Entity> entities;
  auto add = [&entities](const std::optional<EntityRef>& ref) {
    if (!ref) return;
    Entity e;
    e.id = ref->id;
    e.label = ref->label;
    e.type = ref->type;
    e.mentions = 1;
    MergeEntity(std::move(e), &entities);
  };
  for (const Statement& s : statements) {
    add(s.subject);
    add(s.object);
    add(s.recipient);
    add(s.place);
    add(s.event);
  }
  std::vector<Entity> out;
  for (auto& [id, e] : entities) out.push_back(std::move(e));
  return out;
}

// Stores extracted records: each committed as it comes, or with --bulk a batch at a time
// (PutBatch: one atomic write, or sorted table files for large batches). A discovered person
// takes the id of the stored person it names (graph/person_merge.h).
class RecordWriter {
 public:
  RecordWriter(const CommandContext& context, Store& store, bool bulk, Counts* counts)
      : context_(context), store_(store), bulk_(bulk), counts_(counts) {}

  Status Add(DocumentRecord&& record) {
    // One person, one node across documents: loaded from the store at the first record.
    if (!people_) {
      PARLEY_ASSIGN_OR_RETURN(PersonMerger people, PersonMerger::Load(store_));
      people_.emplace(std::move(people));
    }
    people_->Resolve(&record);
    ++counts_->documents;
    counts_->statements += record.statements.size();
    counts_->text_bytes += record.document.text.size();
    if (!bulk_) return StoreOne(context_, store_, record, counts_);
    batch_statements_ += record.statements.size();
    batch_bytes_ += record.document.text.size();
    batch_.push_back(std::move(record));
    // Bounded by documents, statements and text so memory stays flat on any corpus (a batch of
    // 2,000 documents peaked at 541 MB on 5x the bench corpus).
    return batch_.size() >= 256 || batch_statements_ >= 20000 || batch_bytes_ >= (16u << 20)
               ? Flush()
               : Status();
  }

  // Stores the pending batch.
  Status Flush() {
    PARLEY_RETURN_IF_ERROR(StoreBatch(context_, store_, batch_, counts_));
    batch_.clear();
    batch_statements_ = 0;
    batch_bytes_ = 0;
    return Status();
  }

 private:
  const CommandContext& context_;
  Store& store_;
  const bool bulk_;
  Counts* counts_;
  std::optional<PersonMerger> people_;
  std::vector<DocumentRecord> batch_;
  uint64_t batch_statements_ = 0;
  uint64_t batch_bytes_ = 0;
};

// Loads extraction bundles (tools/cli/bundle.h), in order. A document that does not load (a bad
// JSON line or frame) is reported with its file and line or byte and skipped; bytes the reader
// cannot read on from end the file with an error.
Status IngestBundles(const CommandContext& context, const std::vector<std::string>& paths,
                     RecordWriter& writer) {
  BundleReader bundles;
  for (const std::string& path : paths) {
    std::ifstream file;
    PARLEY_ASSIGN_OR_RETURN(std::istream * in, OpenInputStream(context, path, "bundle file", file));
    BundleItem read;
    for (;;) {
      auto more = bundles.Next(*in, &read);
      if (!more.ok()) return more.status().WithContext("bundle file '" + path + "'");
      if (!*more) break;
      if (!read.status.ok()) {
        const bool line = read.where.starts_with("line ");
        Warn(context, (line ? path + ":" + read.where.substr(5) : path + ", " + read.where) + ": " +
                          read.status.message() + (line ? "; line skipped" : "; document skipped"));
        continue;
      }
      PARLEY_RETURN_IF_ERROR(writer.Add(std::move(read.record)));
    }
  }
  return writer.Flush();
}

// Loads statement files, one document's contiguous run of statements at a time. With --bulk,
// documents are stored a batch at a time (PutBatch); a batch that fails is stored again one
// document at a time, so the documents before the bad one are kept, as without --bulk.
Status IngestStatements(const CommandContext& context, const IngestFlags& flags, Store& store,
                        Counts* counts) {
  std::vector<DocumentRecord> pending;
  uint64_t pending_statements = 0;
  auto store_pending = [&]() -> Status {
    PARLEY_RETURN_IF_ERROR(StoreBatch(context, store, pending, counts));
    pending.clear();
    pending_statements = 0;
    return Status();
  };
  for (const std::string& path : flags.statements) {
    std::ifstream file;
    PARLEY_ASSIGN_OR_RETURN(std::istream * in,
                            OpenInputStream(context, path, "statements file", file));
    std::set<std::string> seen;
    DocumentRecord record;
    auto flush = [&]() -> Status {
      if (record.statements.empty()) return Status();
      record.document.info.id = record.statements.front().doc;
      record.document.info.date = record.statements.front().doc_date;
      std::string ids;
      for (const Statement& s : record.statements) ids += s.id;
      record.document.info.content_hash = ContentHash(ids);
      record.rules_fingerprint = "statements";
      record.entities = EntitiesOf(record.statements);
      counts->statements += record.statements.size();
      ++counts->documents;
      if (!flags.bulk) {
        Status stored = StoreOne(context, store, record, counts);
        record = DocumentRecord();
        return stored;
      }
      pending_statements += record.statements.size();
      pending.push_back(std::move(record));
      record = DocumentRecord();
      // Records without text are small: large batches (sorted table files, each document
      // still whole) at a few MB of memory.
      return pending.size() >= 4096 || pending_statements >= 20000 ? store_pending() : Status();
    };
    std::string line;
    uint64_t line_number = 0;
    while (std::getline(*in, line)) {
      ++line_number;
      if (TrimSpace(line).empty()) continue;
      DocumentInfo source;  // the title and URL a cited record carries
      auto statement = CitedStatementFromJson(line, &source);
      if (!statement.ok()) {
        Warn(context, path + ":" + std::to_string(line_number) + ": " +
                          QuoteAtMost(statement.status().message(), 400) + "; line skipped");
        ++counts->skipped_records;
        continue;
      }
      if (!record.statements.empty() && record.statements.front().doc != statement->doc) {
        PARLEY_RETURN_IF_ERROR(flush());
      }
      if (record.statements.empty() && !seen.insert(statement->doc).second) {
        PARLEY_RETURN_IF_ERROR(store_pending());
        return InvalidArgumentError(path + ":" + std::to_string(line_number) +
                                    ": statements of document '" + statement->doc +
                                    "' are not contiguous; keep each document's statements "
                                    "together (as 'parley extract' writes them)");
      }
      DocumentInfo& info = record.document.info;
      if (info.title.empty()) info.title = std::move(source.title);
      if (info.url.empty()) info.url = std::move(source.url);
      record.statements.push_back(std::move(*statement));
    }
    if (in->bad()) {
      PARLEY_RETURN_IF_ERROR(store_pending());
      return IoError("cannot read '" + path + "'");
    }
    PARLEY_RETURN_IF_ERROR(flush());
  }
  return store_pending();
}

}  // namespace

int RunIngest(const CommandContext& context) {
  IngestFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  if (flags.inputs.empty() && flags.statements.empty() && flags.bundles.empty() &&
      !flags.reextract) {
    context.err() << "parley: error: ingest: nothing to ingest; name files or directories, "
                     "--statements FILE, --bundle FILE, or --reextract\n";
    return static_cast<int>(ExitCode::kUsage);
  }
  // Like mkdir -p for the store's parent, so `--db out/news.db` works in a fresh checkout.
  const std::filesystem::path parent = std::filesystem::path(flags.db).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) {
    return ReportError(context, IoError("cannot create directory '" + parent.string() +
                                        "' for the store: " + error.message()));
  }
  StoreOptions store_options;
  store_options.bulk_load = flags.bulk;
  auto store = OpenRocksStore(flags.db, store_options);
  if (!store.ok()) return ReportStoreError(context, store.status());

  // The bulk path's last batches reach the disk when the store closes: only then is the
  // ingest done, and a failure to write them (a full disk) fails the command.
  uint64_t unreadable = 0;  // named inputs that could not be read
  auto close = [&]() -> int {
    Status closed = (*store)->Close();
    if (!closed.ok()) return ReportError(context, closed);
    return unreadable == 0 ? 0 : ReportUnreadable(context, unreadable);
  };
  Counts counts;
  RecordWriter writer(context, **store, flags.bulk, &counts);
  if (!flags.statements.empty()) {
    Progress progress(context.err(), false, "loaded", 0);
    Status status = IngestStatements(context, flags, **store, &counts);
    if (!status.ok()) return ReportError(context, status);
    progress.Finish({.documents = counts.documents, .statements = counts.statements},
                    counts.Summary());
  }
  if (!flags.bundles.empty()) {
    Counts before = counts;
    Progress progress(context.err(), false, "loaded", 0);
    Status status = IngestBundles(context, flags.bundles, writer);
    if (!status.ok()) return ReportError(context, status);
    progress.Finish({.documents = counts.documents - before.documents,
                     .text_bytes = counts.text_bytes - before.text_bytes,
                     .statements = counts.statements - before.statements},
                    counts.Summary());
  }
  if (flags.inputs.empty() && !flags.reextract) return close();

  auto extractor = CreateExtractor(context, flags.rules);
  if (!extractor.ok()) return ReportError(context, extractor.status());
  const std::string& fingerprint = (*extractor)->rules_fingerprint();
  PipelineOptions pipeline;
  pipeline.jobs = flags.jobs;
  // Unchanged documents already extracted with these rules are skipped before extraction.
  pipeline.want = [&](const Document& document) {
    auto stored = (*store)->GetStoredDocument(document.info.id);
    const bool same_text = stored.ok() && stored->has_value() &&
                           (*stored)->info.content_hash == document.info.content_hash;
    const bool same = same_text && (*stored)->rules_fingerprint == fingerprint;
    if (same) ++counts.unchanged;
    if (same_text && !same && !flags.reextract) ++counts.other_rules;
    return !same;
  };
  auto sink = [&](Document&& document, Result<Extraction>&& result) -> Status {
    if (!result.ok()) {
      Warn(context, document.info.id + ": " + result.status().message() + "; skipped");
      ++counts.skipped_records;
      return Status();
    }
    for (const std::string& warning : result->warnings) context.err() << warning << "\n";
    return writer.Add(ToDocumentRecord(std::move(document), std::move(*result), fingerprint));
  };

  if (!flags.inputs.empty()) {
    const Counts before = counts;
    auto reader = OpenReader(context, flags.inputs, flags.input);
    if (!reader.ok()) return ReportError(context, reader.status());
    Progress progress(context.err(), context.streams.err_is_tty, "ingested",
                      (*reader)->bytes_total());
    Status status = RunExtraction(
        **reader, **extractor, pipeline, [&](Document&& d, Result<Extraction>&& r) -> Status {
          PARLEY_RETURN_IF_ERROR(sink(std::move(d), std::move(r)));
          progress.Update(
              {counts.documents, (*reader)->bytes_read(), counts.text_bytes, counts.statements});
          return Status();
        });
    if (status.ok()) status = writer.Flush();
    if (!status.ok()) return ReportError(context, status);
    counts.skipped_records += (*reader)->skipped_records();
    counts.skipped_files += (*reader)->skipped_files();
    progress.Finish(
        {counts.documents, (*reader)->bytes_read(), counts.text_bytes, counts.statements},
        counts.Summary());
    unreadable = (*reader)->unreadable_named();
    if (counts.documents == before.documents && counts.unchanged == before.unchanged &&
        (*reader)->skipped_files() == 0 && (*reader)->skipped_records() == 0 && unreadable == 0) {
      Warn(context,
           "no documents in the inputs (parley reads .txt, .md, .html and .jsonl files, "
           "also in directories); nothing was ingested");
    }
  }
  if (counts.other_rules > 0) {
    Warn(context,
         WithThousands(counts.other_rules) +
             (counts.other_rules == 1 ? " unchanged document was" : " unchanged documents were") +
             " stored with other rules and re-extracted with these, replacing its "
             "statements; give the same --rules as before to keep them");
  }
  if (flags.reextract) {
    auto reader = StoredDocumentReader(**store, fingerprint);
    if (!reader.ok()) return ReportError(context, reader.status());
    Progress progress(context.err(), context.streams.err_is_tty, "re-extracted", 0);
    Counts before = counts;
    Status status = RunExtraction(**reader, **extractor, pipeline, sink);
    if (status.ok()) status = writer.Flush();
    if (!status.ok()) return ReportError(context, status);
    progress.Finish({counts.documents - before.documents, (*reader)->bytes_read(),
                     counts.text_bytes - before.text_bytes, counts.statements - before.statements},
                    counts.Summary());
  }
  return close();
}

void HelpIngest(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
