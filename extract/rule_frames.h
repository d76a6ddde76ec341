// Compiling the clause layer's rules (rules/README.md section 13): `verbs` blocks into the
// lexicon, and the frame properties of `frame` blocks (verb, subject, object, recipient, text,
// object-word, refine, reciprocal) into a Frame. The rest of a frame block (predicate, codes,
// patterns, self-tests) is a relation rule's and compiled by rule_compiler.h.
//
// Thread-safety: run by one thread while compiling.
#ifndef PARLEY_EXTRACT_RULE_FRAMES_H_
#define PARLEY_EXTRACT_RULE_FRAMES_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "extract/lexicon.h"
#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_symbols.h"

namespace parley::internal {

// Adds the verbs of every `verbs` block to `lexicon`, reporting malformed lines.
void CompileVerbs(RuleFiles* files, const SymbolTables& symbols, Lexicon* lexicon);

// The properties only a frame block has.
const std::vector<std::string>& FrameProperties();

// Compiles one frame property of block `b` into `frame` (verbs are added to `lexicon`; `@name`
// words of refine/when/unless lines are looked up in `symbols`' word lists, each copied once
// into `lists`). Returns false after reporting a problem.
bool CompileFrameProperty(RuleFiles* files, const SymbolTables& symbols, const RuleBlock& b,
                          const RuleProp& p, Lexicon* lexicon,
                          std::map<std::string, std::shared_ptr<const std::vector<Cue>>>* lists,
                          Frame* frame);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_FRAMES_H_
