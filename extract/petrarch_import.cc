#include "extract/petrarch_import.h"

#include <algorithm>
#include <deque>
#include <map>
#include <utility>

#include "base/text.h"
#include "extract/petrarch_import_actors.h"
#include "extract/petrarch_import_agents.h"
#include "extract/petrarch_import_corrections.h"
#include "extract/petrarch_import_shared.h"
#include "extract/petrarch_import_verbs.h"
#include "extract/rule_tokens.h"

namespace parley::petrarch {
namespace {

using internal::TokenTexts;

// Appends to `text` a `discard` block of `file`'s phrases (read from `input`), to `summary` how
// many; logs a phrase that cannot be written.
void Discards(const ImportInput& input, const DiscardFile& file, ProblemLog* log, std::string* text,
              std::string* summary) {
  auto list = [&](const char* key, const std::vector<Name>& names) {
    std::string line;
    size_t n = 0;
    for (const Name& name : names) {
      const std::string phrase = Lower(name.text);
      if (phrase.find(',') != std::string::npos || TokenTexts(phrase, nullptr).empty()) {
        log->Add(input.path, name.line, "discard '" + name.text + "' is no phrase");
        continue;
      }
      if (!line.empty() && line.size() + phrase.size() > 88) {
        *text += std::string("  ") + key + line + "\n";
        line.clear();
      }
      line += (line.empty() ? "" : ", ") + phrase;
      ++n;
    }
    if (!line.empty()) *text += std::string("  ") + key + line + "\n";
    return n;
  };
  *text += "\n# " + FileName(input.path) + "\ndiscard " + FileStem(input.path) + "\n";
  const size_t sentence = list("sentence   ", file.sentence);
  const size_t story = list("document   ", file.story);
  *summary += FileName(input.path) + ": " + std::to_string(sentence) + " sentence and " +
              std::to_string(story) + " story discards";
}

}  // namespace

DictionaryKind GuessKind(const std::string& path, const std::string& text) {
  const std::string name = Lower(FileName(path));
  if (name.find("agent") != std::string::npos) return DictionaryKind::kAgents;
  if (name.find("actor") != std::string::npos) return DictionaryKind::kActors;
  if (name.find("verb") != std::string::npos || name.starts_with("cameo")) {
    return DictionaryKind::kVerbs;
  }
  if (name.find("discard") != std::string::npos) return DictionaryKind::kDiscards;
  if (text.find("\n---") != std::string::npos || text.starts_with("---")) {
    return DictionaryKind::kVerbs;
  }
  if (text.find("[~") != std::string::npos) return DictionaryKind::kAgents;
  if (text.find('[') != std::string::npos) return DictionaryKind::kActors;
  return DictionaryKind::kDiscards;
}

Result<ImportResult> ImportPetrarch(const std::vector<ImportInput>& inputs,
                                    const ImportOptions& options) {
  ImportResult result;
  std::vector<PatternCorrection> corrections;
  if (!options.corrections.path.empty()) {
    PARLEY_ASSIGN_OR_RETURN(corrections, ReadCorrections(options.corrections));
  }
  const Against against = MakeAgainst(options.against);
  ProblemLog log;
  AgentImporter agents(against, &log);
  ActorImporter actors(against, agents.nouns(), &log);
  VerbImporter verbs(against, options.skip_roots, &log);
  // The dictionaries are Latin-1 in places; rule files are UTF-8.
  std::vector<ImportInput> utf8 = inputs;
  for (ImportInput& input : utf8) {
    if (IsValidUtf8(input.text)) continue;
    std::string text;
    for (unsigned char c : input.text) AppendUtf8(c, &text);
    input.text = std::move(text);
  }
  std::vector<std::pair<const ImportInput*, DictionaryKind>> ordered;
  for (const ImportInput& input : utf8) {
    ordered.emplace_back(&input, GuessKind(input.path, input.text));
  }
  // Agents first: the actors read their nouns as titles and sector words ("INTELLIGENCE
  // COMMUNITY" is a sector noun, no name of the CIA).
  auto rank = [](DictionaryKind kind) {
    return kind == DictionaryKind::kAgents   ? 0
           : kind == DictionaryKind::kActors ? 1
                                             : 2 + static_cast<int>(kind);
  };
  std::stable_sort(ordered.begin(), ordered.end(),
                   [&](const auto& a, const auto& b) { return rank(a.second) < rank(b.second); });
  std::map<const ImportInput*, std::string> texts, summaries;
  std::vector<const ImportInput*> actor_inputs;
  // The actors importer keeps pointers to the actors it has read (which actor took an id, which is
  // the state of a code) until the end of the import, so every actor file read lives as long:
  // a file freed after its block would let a later file's actor reuse an address and pass for
  // it.
  std::deque<ActorFile> actor_files;
  for (const auto& [input, kind] : ordered) {
    std::string& text = texts[input];
    std::string& summary = summaries[input];
    std::vector<Problem>& problems = log.problems();
    switch (kind) {
      case DictionaryKind::kAgents: {
        const AgentFile file = ReadAgents(input->path, input->text, &problems);
        agents.Agents(*input, file.agents, &text, &summary);
        break;
      }
      case DictionaryKind::kActors: {
        const ActorFile& file =
            actor_files.emplace_back(ReadActors(input->path, input->text, &problems));
        actors.Actors(*input, file, &summary);
        if (!file.agents.empty()) {
          std::string agents_summary;  // the file's summary counts its actors only
          agents.Agents(ImportInput{input->path, ""}, file.agents, &text, &agents_summary);
        }
        actor_inputs.push_back(input);
        break;
      }
      case DictionaryKind::kVerbs: {
        VerbFile file = ReadVerbs(input->path, input->text, &problems);
        ApplyCorrections(input->path, &file, &corrections, &log);
        verbs.Verbs(*input, file, &text, &summary);
        break;
      }
      case DictionaryKind::kDiscards: {
        const DiscardFile file = ReadDiscards(input->path, input->text, &problems);
        Discards(*input, file, &log, &text, &summary);
        break;
      }
    }
  }
  PARLEY_RETURN_IF_ERROR(CheckCorrectionsApplied(corrections));
  for (const ImportInput* input : actor_inputs) {
    texts[input] = actors.EntityBlocks(input->path) + texts[input];
  }
  for (const ImportInput& input : utf8) {
    std::string header = "# GENERATED by `parley rules import --from petrarch` from " +
                         FileName(input.path) +
                         " (rules/README.md section 14). Do not edit: change the dictionary or "
                         "the importer and import again.\n";
    result.files.push_back({FileStem(input.path) + ".rules", header + texts[&input]});
    result.summary.push_back(summaries[&input]);
  }
  result.problems = std::move(log.problems());
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const Problem& a, const Problem& b) {
                     if (a.path != b.path) return a.path < b.path;
                     return a.line < b.line;
                   });
  return result;
}

std::string FormatImportReport(const ImportResult& result) {
  std::string out;
  for (const std::string& line : result.summary) out += line + "\n";
  out += std::to_string(result.problems.size()) + " entries not translated (or translated " +
         "otherwise), by file and line:\n";
  for (const Problem& p : result.problems) {
    out += p.path + ":" + std::to_string(p.line) + ": " + p.message + "\n";
  }
  return out;
}

}  // namespace parley::petrarch
