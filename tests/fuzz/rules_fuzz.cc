// Fuzzes the rule-file parser and compiler: any UTF-8 text is either a rule set or a list of
// compiler-style diagnostics that point into the file.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/text.h"
#include "extract/rule_set.h"
#include "extract/rule_source.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace parley;
  const std::string_view text = fuzz::AsText(data, size);
  // ReadRuleSources rejects files that are not UTF-8 before they reach the compiler.
  if (!IsValidUtf8(text)) return 0;
  std::vector<RuleSource> sources = {RuleSource{"fuzz.rules", std::string(text), 1}};
  std::vector<RuleDiagnostic> diagnostics;
  const std::shared_ptr<const RuleSet> rules = RuleSet::Compile(sources, &diagnostics);
  PARLEY_FUZZ_CHECK((rules == nullptr) == !diagnostics.empty());
  int lines = 1;
  for (char c : text) lines += c == '\n';
  for (const RuleDiagnostic& diagnostic : diagnostics) {
    PARLEY_FUZZ_CHECK(diagnostic.path == "fuzz.rules");
    PARLEY_FUZZ_CHECK(diagnostic.line >= 1 && diagnostic.line <= lines);
    PARLEY_FUZZ_CHECK(diagnostic.column >= 1);
    PARLEY_FUZZ_CHECK(!diagnostic.message.empty());
  }
  const std::string formatted = FormatDiagnostics(diagnostics);
  PARLEY_FUZZ_CHECK(formatted.empty() == diagnostics.empty());
  return 0;
}
