// `parley rules check`: compiles rule sources, runs every rule's examples and counter-examples
// (rules/README.md section 8) and reports OK/FAIL per rule plus a summary.
//
// Thread-safety: pure functions of their arguments.
#ifndef PARLEY_EXTRACT_RULES_CHECK_H_
#define PARLEY_EXTRACT_RULES_CHECK_H_

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/rule_source.h"

namespace parley {

struct RuleCheckResult {
  std::string kind;  // "relation", "discover" or "coref"
  std::string id;
  std::string path;
  int line = 0;
  size_t tests = 0;                   // examples plus counters run
  std::vector<std::string> failures;  // one line each; empty = OK
};

struct RulesCheckReport {
  // Compile errors; when non-empty no self-test ran.
  std::vector<RuleDiagnostic> diagnostics;
  std::vector<RuleCheckResult> rules;  // rules with self-tests, sorted by id
  size_t untested_rules = 0;           // hand-written rules without any example or counter
  // Rules of the imported layer (rule_source.h kImportedLayer): generated, without examples.
  size_t imported_rules = 0;
  size_t entities = 0;
  size_t aliases = 0;

  // True when everything compiled and every self-test passed.
  bool ok() const;
};

// Compiles `sources` and runs every self-test. Compile errors are part of the report, not an
// error status; the function itself does not fail today but returns Result so that future
// resource limits can be reported.
Result<RulesCheckReport> CheckRules(const std::vector<RuleSource>& sources);

// The report as printed by `parley rules check`: with compile errors, exactly
// FormatDiagnostics(); otherwise one line per rule ("OK    relation propose-noun
// (rules/core/relations.rules:12)", failures indented below a FAIL line) and a summary line
// ("12 rules checked: 11 OK, 1 FAIL; 3 rules without examples; 250 entities, 900 aliases").
std::string FormatRulesCheckReport(const RulesCheckReport& report);

}  // namespace parley

#endif  // PARLEY_EXTRACT_RULES_CHECK_H_
