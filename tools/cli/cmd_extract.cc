// parley extract: documents in, statements (or sentences, or entities) out, no store.
#include <fstream>
#include <iostream>
#include <map>

#include "base/json.h"
#include "base/text.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"
#include "extract/pipeline.h"
#include "graph/export.h"
#include "tools/cli/bundle.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"
#include "tools/cli/flags.h"
#include "tools/cli/progress.h"

namespace parley::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  std::string output;
  bool follow_symlinks = false;
  std::string requests;
  int jobs = 0;
  InputFlags input;
  RuleFlags rules;
};

void Define(CLI::App& app, ExtractFlags& f) {
  ConfigureApp(app, "extract",
               "Extract statements from documents (files, directories, - for stdin) without a "
               "store.\nExamples:\n  parley extract examples/ --format jsonl\n"
               "  parley extract --format sentences article.html\n"
               "  parley extract --rules mydir/ news/ -o statements.jsonl\n"
               "  parley extract --format bundle part-07.jsonl -o part-07.bundle");
  app.add_option("inputs", f.inputs, "Files, directories (recursive) or - for stdin");
  app.add_option("--format", f.format,
                 "jsonl (statements), entities (entity records), sentences (documents and "
                 "their sentences with spans), table (one readable line per statement), "
                 "bundle (everything a store keeps, binary, for 'parley ingest --bundle'; "
                 "tools/cli/bundle.h)")
      ->check(CLI::IsMember({"jsonl", "entities", "sentences", "table", "bundle"}));
  app.add_option("--requests", f.requests,
                 "Instead of inputs, serve requests read from this file (- for stdin), one per "
                 "line: INPUT<TAB>OUTPUT extracts INPUT into the file OUTPUT in --format and "
                 "answers one JSON line on stdout; the rules are compiled once for all requests "
                 "(tools/dask keeps one such process per worker)");
  app.add_option("-o,--output", f.output,
                 "Write to this file (atomically; a device or FIFO in place) instead of stdout");
  app.add_flag("--follow-symlinks", f.follow_symlinks,
               "Let -o write through a symbolic link to a device or FIFO");
  AddJobsFlag(app, f.jobs);
  AddInputFlags(app, f.input);
  AddRuleFlags(app, f.rules);
}

void WriteTable(const Statement& s, std::ostream& out) {
  out << s.subject.label << " | " << s.predicate << " | "
      << (s.object ? s.object->label : (s.text ? "\"" + *s.text + "\"" : "-"));
  if (s.recipient) out << " | to " << s.recipient->label;
  if (s.time) out << " | " << s.time->value;
  if (s.place) out << " | in " << s.place->label;
  if (s.modality != Modality::kAsserted) out << " | " << ModalityName(s.modality);
  out << "   [" << s.doc << " " << s.rule << "]\n";
}

void WriteSentences(const Document& document, const Extraction& extraction, std::ostream& out) {
  out << "# document " << DocumentInfoToJson(extraction.info) << "\n";
  for (size_t i = 0; i < extraction.sentences.size(); ++i) {
    const SentenceInfo& sentence = extraction.sentences[i];
    const std::string_view text =
        std::string_view(document.text)
            .substr(sentence.byte_span.begin, sentence.byte_span.end - sentence.byte_span.begin);
    out << i << "\t[" << sentence.span.begin << "," << sentence.span.end << ")\t"
        << (sentence.relational ? "" : "(no relations) ") << CollapseSpace(text) << "\n";
  }
}

struct Totals {
  uint64_t documents = 0;
  uint64_t statements = 0;
  uint64_t text_bytes = 0;
};

// Extracts what `reader` reads into `out` in `flags.format`, counting into `totals`;
// `progress` (may be null) is updated after each document.
Status ExtractTo(const CommandContext& context, const ExtractFlags& flags, DocumentReader& reader,
                 const Extractor& extractor, std::ostream& out, Totals* totals,
                 Progress* progress) {
  std::map<std::string, Entity> entities;  // --format entities: merged across documents
  BundleWriter bundles;                    // --format bundle: one stream per call
  std::string line;
  PipelineOptions pipeline;
  pipeline.jobs = flags.jobs;
  PARLEY_RETURN_IF_ERROR(RunExtraction(
      reader, extractor, pipeline, [&](Document&& document, Result<Extraction>&& result) -> Status {
        if (!result.ok()) {
          Warn(context, document.info.id + ": " + result.status().message() + "; skipped");
          return Status();
        }
        for (const std::string& warning : result->warnings) context.err() << warning << "\n";
        ++totals->documents;
        totals->statements += result->statements.size();
        totals->text_bytes += document.text.size();
        if (flags.format == "jsonl") {
          for (const Statement& s : result->statements) {
            out << CitedStatementToJson(s, document.info) << "\n";
          }
        } else if (flags.format == "table") {
          for (const Statement& s : result->statements) WriteTable(s, out);
        } else if (flags.format == "sentences") {
          WriteSentences(document, *result, out);
        } else if (flags.format == "bundle") {
          line.clear();
          bundles.Append(ToDocumentRecord(std::move(document), std::move(*result),
                                          extractor.rules_fingerprint()),
                         &line);
          out << line;
        } else {
          for (Entity& e : result->entities) MergeEntity(std::move(e), &entities);
        }
        if (progress != nullptr) {
          progress->Update(
              {totals->documents, reader.bytes_read(), totals->text_bytes, totals->statements});
        }
        if (!out) return IoError("cannot write output (disk full or closed pipe?)");
        return Status();
      }));
  for (const auto& [id, entity] : entities) out << EntityToJson(entity) << "\n";
  out.flush();
  if (!out) return IoError("cannot write output");
  return Status();
}

// One request of --requests: "INPUT<TAB>OUTPUT". The answer is one JSON line:
// {"input", "output", "documents", "statements", "text_bytes"} or {"input", "error"}.
std::string ServeRequest(const CommandContext& context, const ExtractFlags& flags,
                         const Extractor& extractor, std::string_view request) {
  const size_t tab = request.find('\t');
  std::string answer = "{\"input\":";
  AppendJsonString(request.substr(0, tab), &answer);
  Status status;
  Totals totals;
  if (tab == std::string_view::npos || request.find('\t', tab + 1) != std::string_view::npos) {
    status = InvalidArgumentError("a request is INPUT<TAB>OUTPUT, one tab");
  } else {
    const std::string output(request.substr(tab + 1));
    auto reader = OpenReader(context, {std::string(request.substr(0, tab))}, flags.input);
    std::ofstream file;
    if (!reader.ok()) {
      status = reader.status();
    } else if (file.open(output, std::ios::binary | std::ios::trunc); !file) {
      status = IoError("cannot write '" + output + "'");
    } else {
      status = ExtractTo(context, flags, **reader, extractor, file, &totals, nullptr);
    }
    answer += ",\"output\":";
    AppendJsonString(output, &answer);
  }
  if (!status.ok()) {
    answer += ",\"error\":";
    AppendJsonString(status.message(), &answer);
  } else {
    answer += ",\"documents\":" + std::to_string(totals.documents) +
              ",\"statements\":" + std::to_string(totals.statements) +
              ",\"text_bytes\":" + std::to_string(totals.text_bytes);
  }
  return answer + "}";
}

}  // namespace

int RunExtract(const CommandContext& context) {
  ExtractFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  if (flags.inputs.empty() == flags.requests.empty()) {
    context.err() << "parley: error: extract: name the inputs (files, directories, - for "
                     "stdin), or --requests FILE, not both\n";
    return static_cast<int>(ExitCode::kUsage);
  }

  // Only the entity records and the bundles write the documents' entity lists.
  auto extractor =
      CreateExtractor(context, flags.rules, flags.format == "entities" || flags.format == "bundle");
  if (!extractor.ok()) return ReportError(context, extractor.status());

  if (!flags.requests.empty()) {
    std::ifstream file;
    auto in = OpenInputStream(context, flags.requests, "requests file", file);
    if (!in.ok()) return ReportError(context, in.status());
    std::string request;
    while (std::getline(**in, request)) {
      if (TrimSpace(request).empty()) continue;
      // Flushed at once: the requester waits for this line before sending the next request.
      context.out() << ServeRequest(context, flags, **extractor, request) << std::endl;
      context.err().flush();
      if (!context.out()) return ReportError(context, IoError("cannot write the answers"));
    }
    return 0;
  }

  auto reader = OpenReader(context, flags.inputs, flags.input);
  if (!reader.ok()) return ReportError(context, reader.status());
  Progress progress(context.err(), context.streams.err_is_tty && !flags.output.empty(), "extracted",
                    (*reader)->bytes_total());
  Totals totals;
  auto extract = [&](std::ostream& out) {
    return ExtractTo(context, flags, **reader, **extractor, out, &totals, &progress);
  };
  // A file named with -o is replaced only by a complete output (graph/export.h WriteFile).
  Status status = flags.output.empty() ? extract(context.out())
                                       : WriteFile(flags.output, extract,
                                                   {.follow_symlinks = flags.follow_symlinks});
  if (!status.ok()) return ReportError(context, status);
  if ((*reader)->unreadable_named() > 0) {
    return ReportUnreadable(context, (*reader)->unreadable_named());
  }
  if (!flags.output.empty() || context.streams.err_is_tty) {
    progress.Finish(
        {totals.documents, (*reader)->bytes_read(), totals.text_bytes, totals.statements}, "");
  }
  return 0;
}

void HelpExtract(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
