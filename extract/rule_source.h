// Rule sources and compiler-style diagnostics for the rule language (rules/README.md).
//
// A RuleSource is one *.rules file's path and text plus its load layer: the built-in rules are
// layer 0, each directory a user adds is the next layer. Ids are unique within a layer; a later
// layer replaces what an earlier one defined with the same id. The rules imported from the event
// coders' dictionaries (`parley rules import`, read from an `imported/` folder) are the layer
// below the built-ins, kImportedLayer, compiled first whatever their place among the sources:
// the hand-written rules win where both define something, and an imported entity is merged into
// the hand-written entity of the same id instead of being replaced (rules/README.md section 14).
// A user's `imported/` folder replaces the built-in imported layer (AddUserSources).
//
// Thread-safety: plain values and pure functions, except ReadRuleSources, which reads files.
#ifndef PARLEY_EXTRACT_RULE_SOURCE_H_
#define PARLEY_EXTRACT_RULE_SOURCE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace parley {

// The layer of rules/imported/ (below the built-ins, layer 0).
inline constexpr int kImportedLayer = -1;

struct RuleSource {
  std::string path;  // as shown in messages, e.g. "rules/core/modality.rules"
  std::string text;  // UTF-8 file content
  int layer = 0;     // load layer; higher layers replace ids of lower ones
};

// One problem in a rule file. `line` and `column` are 1-based (column counts bytes);
// `line_text` is the offending source line without its line break ("" when there is none).
struct RuleDiagnostic {
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
  std::string line_text;

  friend bool operator==(const RuleDiagnostic&, const RuleDiagnostic&) = default;
};

// "path:line:column: error: message", the source line and a caret under the column, each line
// ending in '\n'. Tabs before the column are kept in the caret line so the caret lines up.
std::string FormatDiagnostic(const RuleDiagnostic& diagnostic);

// Every diagnostic (FormatDiagnostic) followed by a summary line such as
// "3 errors in 2 files\n". Returns "" for an empty list.
std::string FormatDiagnostics(const std::vector<RuleDiagnostic>& diagnostics);

// Reads rule sources from files and directories (directories searched recursively for
// *.rules, sorted by path). Each element of `paths` becomes its own layer, numbered from
// `first_layer`, except the files of a directory's `imported/` folder (what `parley rules
// import` wrote), which are kImportedLayer sources. Fails with NotFound for a
// path that does not exist, IoError for an unreadable file and InvalidArgument for a file that is
// not valid UTF-8 (the message names the path).
Result<std::vector<RuleSource>> ReadRuleSources(const std::vector<std::string>& paths,
                                                int first_layer);

// Appends the user's sources (ReadRuleSources) to `sources` (the built-in rules, or none). An
// imported layer among `user` (what `parley rules import` wrote, tools/gen_imported.sh: the
// whole import, its actors again with its verbs) replaces the kImportedLayer sources of
// `sources`, which are removed: one import is the imported layer, never two that define the
// same actors.
void AddUserSources(std::vector<RuleSource> user, std::vector<RuleSource>* sources);

}  // namespace parley

#endif  // PARLEY_EXTRACT_RULE_SOURCE_H_
