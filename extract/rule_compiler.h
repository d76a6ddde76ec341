// The rule compiler: `relation`, `discover` and `coref` blocks (rules/README.md sections 4, 6,
// 7) into CompiledRules::rules, each pattern parsed and emitted (rule_pattern.h) and built into
// an RE2 program over the tagged sentence (tagged_sentence.h), with its prefilter
// requirements and anchors (rule_prefilter.h). A stage of RuleSet::Compile, after the symbol
// tables.
//
// Thread-safety: one thread drives it; Prebuild may use `threads` helper threads internally.
#ifndef PARLEY_EXTRACT_RULE_COMPILER_H_
#define PARLEY_EXTRACT_RULE_COMPILER_H_

#include <map>
#include <memory>
#include <string>

#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_symbols.h"

namespace parley::internal {

class RuleCompiler {
 public:
  // REQUIRES: `files` and `symbols` outlive this object; `symbols` is complete.
  RuleCompiler(RuleFiles* files, const SymbolTables& symbols, int threads);

  // With threads > 1, emits and builds every rule pattern's RE2 program on that many threads
  // ahead of Compile (building is most of the compile time). Reports nothing: a pattern that
  // fails is left to Compile, which reports it exactly as without this step.
  void Prebuild();

  // Compiles every rule block into out->rules (sorted by id), fills discover_rules and
  // coref_rules, and indexes the patterns for the prefilter.
  void Compile(CompiledRules* out);

 private:
  bool CompileRule(const RuleBlock& b, Rule* rule);
  bool CompilePattern(const RuleBlock& b, const RuleProp& p, RuleKind kind, CompiledPattern* out);

  RuleFiles* files_;
  const SymbolTables& symbols_;
  int threads_;
  std::map<std::string, std::unique_ptr<RE2>> prebuilt_;  // regex -> program (Prebuild)
};

// The kind of rule a `relation`, `discover` or `coref` block defines.
RuleKind RuleKindOf(const RuleBlock& block);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_COMPILER_H_
