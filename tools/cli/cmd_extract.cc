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
  int jobs = 0;
  InputFlags input;
  RuleFlags rules;
};

void Define(CLI::App& app, ExtractFlags& f) {
  ConfigureApp(app, "extract",
               "Extract statements from documents (files, directories, - for stdin) without a "
               "store.\nExamples:\n  parley extract examples/ --format jsonl\n"
               "  parley extract --format sentences article.html\n"
               "  parley extract --rules mydir/ news/ -o statements.jsonl");
  app.add_option("inputs", f.inputs, "Files, directories (recursive) or - for stdin")->required();
  app.add_option("--format", f.format,
                 "jsonl (statements), entities (entity records), sentences (documents and "
                 "their sentences with spans), table (one readable line per statement)")
      ->check(CLI::IsMember({"jsonl", "entities", "sentences", "table"}));
  app.add_option("-o,--output", f.output,
                 "Write to this file (atomically; a device or FIFO in place) instead of stdout");
  app.add_flag("--follow-symlinks", f.follow_symlinks,
               "Let -o write through a symbolic link to a device or FIFO");
  app.add_option("-j,--jobs", f.jobs, "Extraction threads (0 = one per core)")
      ->check(CLI::Range(0, 256));
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

}  // namespace

int RunExtract(const CommandContext& context) {
  ExtractFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;

  auto extractor = CreateExtractor(flags.rules, flags.jobs);
  if (!extractor.ok()) return ReportError(context, extractor.status());
  auto reader = OpenReader(context, flags.inputs, flags.input);
  if (!reader.ok()) return ReportError(context, reader.status());

  Progress progress(context.err(), context.streams.err_is_tty && !flags.output.empty(), "extracted",
                    (*reader)->bytes_total());
  uint64_t documents = 0;
  uint64_t statements = 0;
  uint64_t text_bytes = 0;
  std::map<std::string, Entity> entities;  // --format entities: merged across documents
  PipelineOptions pipeline;
  pipeline.jobs = flags.jobs;
  auto extract = [&](std::ostream& output) -> Status {
    std::ostream* out = &output;
    PARLEY_RETURN_IF_ERROR(RunExtraction(
        **reader, **extractor, pipeline,
        [&](Document&& document, Result<Extraction>&& result) -> Status {
          if (!result.ok()) {
            Warn(context, document.info.id + ": " + result.status().message() + "; skipped");
            return Status();
          }
          for (const std::string& warning : result->warnings) context.err() << warning << "\n";
          ++documents;
          statements += result->statements.size();
          text_bytes += document.text.size();
          if (flags.format == "jsonl") {
            for (const Statement& s : result->statements) *out << StatementToJson(s) << "\n";
          } else if (flags.format == "table") {
            for (const Statement& s : result->statements) WriteTable(s, *out);
          } else if (flags.format == "sentences") {
            WriteSentences(document, *result, *out);
          } else {
            for (Entity& e : result->entities) MergeEntity(std::move(e), &entities);
          }
          progress.Update({documents, (*reader)->bytes_read(), text_bytes, statements});
          if (!*out) return IoError("cannot write output (disk full or closed pipe?)");
          return Status();
        }));
    for (const auto& [id, entity] : entities) *out << EntityToJson(entity) << "\n";
    out->flush();
    if (!*out) return IoError("cannot write output");
    return Status();
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
    progress.Finish({documents, (*reader)->bytes_read(), text_bytes, statements}, "");
  }
  return 0;
}

void HelpExtract(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
