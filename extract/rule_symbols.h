// Symbol tables of a rule set: which block defines each entity id, word list, macro and rule
// after layering (a later layer replaces an id of an earlier one; the same id twice in one
// layer is an error), the compiled word lists and macro bodies that patterns refer to with
// @name, and the modality cues. The second stage of RuleSet::Compile, after the rule-file
// parser (rule_file.h).
//
// Thread-safety: built by one thread; read-only afterwards.
#ifndef PARLEY_EXTRACT_RULE_SYMBOLS_H_
#define PARLEY_EXTRACT_RULE_SYMBOLS_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "extract/rule_compiled.h"
#include "extract/rule_file.h"
#include "extract/rule_pattern.h"

namespace parley::internal {

struct SymbolTables {
  // An entity id after layering: the block that defines it and, when a hand-written layer
  // defines an id of the imported layer (rule_source.h kImportedLayer) too, the imported block,
  // merged into that entity rather than replaced by it (rule_entities.h). Pointers into
  // RuleFiles::blocks(); the id is block->name.
  struct EntityBlock {
    RuleBlock* block = nullptr;
    RuleBlock* imported = nullptr;
  };
  // Sorted by id, one entry per id. A sorted vector: tens of thousands of ids (the imported
  // layer) would cost a map node and a copy of the id each.
  std::vector<EntityBlock> entity_blocks;
  std::map<std::string, RuleBlock*> name_blocks;  // word lists and macros share one name space
  std::map<std::string, RuleBlock*> rule_blocks;  // relation, discover, coref
  std::vector<RuleBlock*> modality_blocks;        // all of them: blocks of one kind add up
  std::vector<RuleBlock*> verbs_blocks;           // all of them: verb lexicons add up
  std::map<std::string, std::vector<RuleBlock*>> sector_blocks;  // by code; they add up
  std::vector<RuleBlock*> discard_blocks;                        // all of them: they add up
  std::vector<RuleBlock*> actors_blocks;                         // all of them: vocabularies add up
  std::map<std::string, WordList> words;
  std::map<std::string, PatternSeq> macros;  // parsed bodies; a broken macro's is empty
  std::set<std::string> broken_macros;       // macros with errors (reported at the macro)

  // What patterns may refer to. The scope points into this object.
  PatternScope Scope() const;
};

// Fills the block tables from `files` (parsed), reporting duplicate ids within a layer.
void CollectSymbols(RuleFiles* files, SymbolTables* symbols);

// Compiles the word lists and macros of `symbols->name_blocks`, reporting empty lists, macro
// syntax errors, undefined references and cycles (each at the macro that has it).
void CompileWordsAndMacros(RuleFiles* files, SymbolTables* symbols);

// Compiles the modality blocks into out->cues and the cue index (cues_by_start,
// cues_any_start), and their `verb` lines into catenative verbs of out->lexicon.
// REQUIRES: the verbs blocks are in out->lexicon already (rule_frames.h CompileVerbs).
void CompileModality(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_SYMBOLS_H_
