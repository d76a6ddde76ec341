// The rule compiler: `relation`, `discover` and `coref` blocks (rules/README.md sections 4, 6,
// 7) into CompiledRules::rules, each pattern parsed and emitted (rule_pattern.h) and built into
// an RE2 program over the tagged sentence (tagged_sentence.h; built on first use, LazyRegex
// in rule_compiled.h), with its prefilter
// requirements and anchors (rule_prefilter.h). A stage of RuleSet::Compile, after the symbol
// tables.
//
// Thread-safety: one thread drives it.
#ifndef PARLEY_EXTRACT_RULE_COMPILER_H_
#define PARLEY_EXTRACT_RULE_COMPILER_H_

#include <map>
#include <memory>
#include <string>

#include "extract/frame_index.h"
#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_symbols.h"

namespace parley::internal {

class RuleCompiler {
 public:
  // REQUIRES: `files`, `symbols` and `lexicon` outlive this object; `symbols` is complete.
  // Frames add the verbs they name to `lexicon`.
  RuleCompiler(RuleFiles* files, const SymbolTables& symbols, Lexicon* lexicon);

  // Compiles every rule block into out->rules (sorted by id), fills discover_rules and
  // coref_rules, and indexes the patterns for the prefilter.
  void Compile(CompiledRules* out);

 private:
  // The word lists to mark (tagged_sentence.h, "Marked word lists"): those of at least
  // kMarkedListItems items that a pattern names and that MarkableList accepts, by name.
  void ChooseMarkedLists();
  bool CompileRule(const RuleBlock& b, Rule* rule);
  bool CompilePattern(const RuleBlock& b, const RuleProp& p, RuleKind kind, CompiledPattern* out);

  RuleFiles* files_;
  const SymbolTables& symbols_;
  // Word lists that refine/when/unless lines name, shared by every frame that names them.
  std::map<std::string, std::shared_ptr<const std::vector<Cue>>> refine_lists_;
  // The frames' index: the words of their refine/when/unless lines numbered as they compile.
  FrameIndexBuilder frame_index_;
  // The patterns' programs by expression: patterns written the same in different rules ("the
  // {demonym:country} {@office-title:office}" of two coref rules) share one.
  std::map<std::string, LazyRegex, std::less<>> programs_;
  // The marked lists (ChooseMarkedLists): name -> index in marks_.
  std::map<std::string, uint32_t> marked_;
  MarkedLists marks_;
  Lexicon* lexicon_;
};

// The kind of rule a `relation`, `frame`, `discover` or `coref` block defines (a frame is a
// relation rule).
RuleKind RuleKindOf(const RuleBlock& block);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_COMPILER_H_
