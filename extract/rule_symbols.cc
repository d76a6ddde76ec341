#include "extract/rule_symbols.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "base/text.h"

namespace parley::internal {
namespace {

using BlockTable = std::map<std::string, RuleBlock*>;

// Enters `block` under its name unless the name is there: the entry and whether it is new. One
// search of the table (emplace would build a node, name and all, before it searches).
std::pair<BlockTable::iterator, bool> Enter(BlockTable* table, RuleBlock* block) {
  const auto it = table->lower_bound(block->name);
  if (it != table->end() && it->first == block->name) return {it, false};
  return {table->emplace_hint(it, block->name, block), true};
}

// `block` defines the name `first` defines, in the same layer.
void ReportDuplicate(RuleFiles* files, const RuleBlock& first, const RuleBlock& block,
                     std::string_view what) {
  files->Error(block.source, block.line, block.name_col,
               "duplicate " + std::string(what) + " '" + block.name + "' (first defined at " +
                   files->path(first.source) + ":" + std::to_string(first.line) + ")");
}

// `block` defines a name the table holds at `it` already.
void Redefine(RuleFiles* files, BlockTable::iterator it, RuleBlock* block, std::string_view what) {
  if (it->second->layer == block->layer) {
    ReportDuplicate(files, *it->second, *block, what);
    return;
  }
  it->second = block;  // a later layer replaces
}

void Define(RuleFiles* files, BlockTable* table, RuleBlock* block, std::string_view what) {
  const auto [it, inserted] = Enter(table, block);
  if (!inserted) Redefine(files, it, block, what);
}

void FindCycles(RuleFiles* files, SymbolTables* symbols, const std::string& name,
                std::map<std::string, int>* state, std::vector<std::string>* stack) {
  auto it = symbols->macros.find(name);
  if (it == symbols->macros.end()) return;
  int& s = (*state)[name];
  if (s == 2) return;
  if (s == 1) {
    const auto begin = std::find(stack->begin(), stack->end(), name);
    std::string path;
    for (auto i = begin; i != stack->end(); ++i) path += *i + " -> ";
    path += name;
    const RuleBlock* block = symbols->name_blocks[name];
    files->Error(block->source, block->line, block->name_col, "macro cycle: " + path);
    for (auto i = begin; i != stack->end(); ++i) symbols->broken_macros.insert(*i);
    return;
  }
  s = 1;
  stack->push_back(name);
  std::vector<std::pair<std::string, int>> refs;
  CollectRefs(it->second, &refs);
  for (const auto& ref : refs) FindCycles(files, symbols, ref.first, state, stack);
  stack->pop_back();
  (*state)[name] = 2;
}

// Orders `items` by their number of tokens, most first, keeping the order of items of one size
// (a stable sort by size, one pass for each size: items have a few tokens).
void SortLongestFirst(std::vector<Cue>* items) {
  std::vector<size_t> sizes;  // before the items move
  sizes.reserve(items->size());
  for (const Cue& item : *items) sizes.push_back(item.tokens.size());
  const size_t longest = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
  std::vector<Cue> sorted;
  sorted.reserve(items->size());
  for (size_t size = longest + 1; size-- > 0;) {
    for (size_t i = 0; i < items->size(); ++i) {
      if (sizes[i] == size) sorted.push_back(std::move((*items)[i]));
    }
  }
  *items = std::move(sorted);
}

// The big-endian number of the 8 bytes of `s` from `at` (zeros past its end): comparing two
// such numbers compares those bytes as strings do.
uint64_t BigEndianWord(std::string_view s, size_t at) {
  uint64_t k = 0;
  if (s.size() >= at + 8) {
    std::memcpy(&k, s.data() + at, 8);
    return __builtin_bswap64(k);
  }
  for (size_t i = at; i < at + 8; ++i) {
    k = k << 8 | (i < s.size() ? static_cast<unsigned char>(s[i]) : 0u);
  }
  return k;
}

// Sorts `blocks` by name, keeping the order of blocks of one name. The names' first 16 bytes
// as two numbers decide most comparisons without a call (tens of thousands of entity ids in
// the imported layer).
void SortByName(std::vector<RuleBlock*>* blocks) {
  struct Keyed {
    uint64_t high = 0, low = 0;
    RuleBlock* block = nullptr;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(blocks->size());
  for (RuleBlock* b : *blocks) {
    keyed.push_back({BigEndianWord(b->name, 0), BigEndianWord(b->name, 8), b});
  }
  // The blocks come in load order (RuleBlock::index), which breaks ties: the order of a stable
  // sort, without its merge buffer.
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    if (a.high != b.high) return a.high < b.high;
    if (a.low != b.low) return a.low < b.low;
    if (const int c = a.block->name.compare(b.block->name); c != 0) return c < 0;
    return a.block->index < b.block->index;
  });
  for (size_t i = 0; i < keyed.size(); ++i) (*blocks)[i] = keyed[i].block;
}

// Fills symbols->entity_blocks from `blocks` (every entity block, in load order): the blocks of
// one id in load order, each replacing the one before it (or merging it, or a duplicate).
void CollectEntities(RuleFiles* files, std::vector<RuleBlock*> blocks, SymbolTables* symbols) {
  SortByName(&blocks);
  std::vector<SymbolTables::EntityBlock>& out = symbols->entity_blocks;
  out.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    RuleBlock* const block = blocks[i];
    if (i == 0 || block->name != blocks[i - 1]->name) {
      out.push_back({block, nullptr});
      continue;
    }
    SymbolTables::EntityBlock& entry = out.back();
    if (entry.block->layer == kImportedLayer && block->layer > kImportedLayer) {
      entry.imported = entry.block;
      entry.block = block;
    } else if (entry.block->layer == block->layer) {
      ReportDuplicate(files, *entry.block, *block, "entity");
    } else {
      entry.block = block;  // a later layer replaces
    }
  }
}

}  // namespace

PatternScope SymbolTables::Scope() const {
  PatternScope scope;
  scope.words = &words;
  scope.macros = &macros;
  scope.broken_macros = &broken_macros;
  return scope;
}

void CollectSymbols(RuleFiles* files, SymbolTables* symbols) {
  std::vector<RuleBlock*> entities;
  for (RuleBlock& block : files->blocks()) {
    if (block.keyword == "entity") {
      entities.push_back(&block);
    } else if (block.keyword == "sector") {
      symbols->sector_blocks[block.name].push_back(&block);
    } else if (block.keyword == "discard") {
      symbols->discard_blocks.push_back(&block);
    } else if (block.keyword == "words" || block.keyword == "macro") {
      Define(files, &symbols->name_blocks, &block, "word list or macro");
    } else if (block.keyword == "modality") {
      symbols->modality_blocks.push_back(&block);
    } else if (block.keyword == "verbs") {
      symbols->verbs_blocks.push_back(&block);
    } else if (block.keyword == "actors") {
      symbols->actors_blocks.push_back(&block);
    } else {
      Define(files, &symbols->rule_blocks, &block, "rule");
    }
  }
  CollectEntities(files, std::move(entities), symbols);
}

void CompileWordsAndMacros(RuleFiles* files, SymbolTables* symbols) {
  for (auto& [name, block] : symbols->name_blocks) {
    if (block->keyword == "words") {
      WordList list;
      const std::string& list_name = name;  // clang 14 cannot capture a binding
      const RuleBlock* list_block = block;
      for (const RuleProp& p : block->props) {
        ForEachListItem(p.value, p.value_col, [&](std::string_view item, int col) {
          Cue cue;
          if (item.empty() || !ParseWordItem(item, &cue)) {
            files->Error(*list_block, p, col, "empty item in word list '" + list_name + "'");
            return;
          }
          list.items.push_back(std::move(cue));
        });
      }
      if (list.items.empty()) {
        files->Error(block->source, block->line, block->name_col,
                     "word list '" + name + "' has no items");
        continue;
      }
      SortLongestFirst(&list.items);
      symbols->words.emplace(name, std::move(list));
    } else {
      PatternSeq seq;
      PatternError error;
      if (!ParsePattern(block->body, &seq, &error)) {
        files->Error(block->source, block->line, block->body_col + error.offset, error.message);
        symbols->broken_macros.insert(name);
        symbols->macros.emplace(name, PatternSeq());
        continue;
      }
      symbols->macros.emplace(name, std::move(seq));
    }
  }
  // Undefined references and cycles, reported once at the macro that contains them.
  for (auto& [name, seq] : symbols->macros) {
    if (symbols->broken_macros.count(name) > 0) continue;
    const RuleBlock* block = symbols->name_blocks[name];
    std::vector<std::pair<std::string, int>> refs;
    CollectRefs(seq, &refs);
    for (const auto& [ref, offset] : refs) {
      if (symbols->words.count(ref) == 0 && symbols->macros.count(ref) == 0) {
        files->Error(block->source, block->line, block->body_col + offset,
                     "undefined word list or macro '@" + ref + "'");
        symbols->broken_macros.insert(name);
      }
    }
  }
  std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
  for (auto& [name, seq] : symbols->macros) {
    std::vector<std::string> stack;
    FindCycles(files, symbols, name, &state, &stack);
  }
  for (auto& [name, seq] : symbols->macros) {
    if (symbols->broken_macros.count(name) > 0) continue;
    const RuleBlock* block = symbols->name_blocks[name];
    EmittedPattern emitted;
    PatternError error;
    if (!EmitPattern(seq, symbols->Scope(), RuleKind::kRelation, /*in_macro=*/true, &emitted,
                     &error)) {
      if (error.offset >= 0) {
        files->Error(block->source, block->line, block->body_col + error.offset, error.message);
      }
      symbols->broken_macros.insert(name);
    }
  }
}

void CompileModality(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out) {
  out->cues.resize(std::size(kAllModalities));
  for (const RuleBlock* block : symbols.modality_blocks) {
    Result<Modality> modality = ParseModality(block->name);
    // `modality asserted` holds catenative verbs only: an asserted cue would mean nothing.
    const bool only_verbs = std::all_of(block->props.begin(), block->props.end(),
                                        [](const RuleProp& p) { return p.key != "cue"; });
    if (!modality.ok() || (*modality == Modality::kAsserted && !only_verbs)) {
      files->Error(block->source, block->line, block->name_col,
                   "unknown modality '" + block->name +
                       "' for cues (expected hedged, negated, planned or reported)");
      continue;
    }
    for (const RuleProp& p : block->props) {
      // `clause`: verbs whose complement clause, with or without "that", takes this modality;
      // `verb`: catenative verbs; `adjective`: catenative adjectives; `passive`: raising verbs.
      if (p.key == "adjective") {
        if (*modality == Modality::kReported) {
          files->Error(*block, p, p.key_col,
                       "catenative adjectives set planned, hedged, negated or asserted, not "
                       "reported");
          continue;
        }
        for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
          if (item.empty() || item.find(' ') != std::string::npos) {
            files->Error(*block, p, col, "a catenative adjective is one word ('pleased')");
            continue;
          }
          out->lexicon.SetCatenativeAdjective(AsciiLower(item), *modality);
        }
        continue;
      }
      if (p.key == "passive") {
        for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
          if (item.empty() || item.find(' ') != std::string::npos) {
            files->Error(*block, p, col, "a raising verb is one lemma ('believe', 'see')");
            continue;
          }
          out->lexicon.SetRaising(out->lexicon.Verb(AsciiLower(item)), *modality);
        }
        continue;
      }
      const bool clause = p.key == "clause";
      if (clause || p.key == "verb") {
        if (clause ? *modality == Modality::kAsserted : *modality == Modality::kReported) {
          files->Error(*block, p, p.key_col,
                       clause ? "a complement clause is reported, hedged, planned or negated, "
                                "not asserted"
                              : "catenative verbs set planned, hedged, negated or asserted, not "
                                "reported");
          continue;
        }
        for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
          if (item.empty() || item.find(' ') != std::string::npos) {
            files->Error(*block, p, col,
                         clause ? "a clause verb is one lemma ('say', 'hope')"
                                : "a catenative verb is one lemma ('want', 'plan')");
            continue;
          }
          const uint32_t verb = out->lexicon.Verb(AsciiLower(item));
          if (clause) {
            out->lexicon.SetComplementClause(verb, *modality, /*bare=*/true);
          } else {
            out->lexicon.SetCatenative(verb, *modality);
          }
        }
        continue;
      }
      if (p.key != "cue") {
        files->UnknownProperty(*block, p, {"cue", "verb", "clause", "adjective", "passive"});
        continue;
      }
      for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
        Cue cue;
        if (item.empty() || !ParseWordItem(item, &cue)) {
          files->Error(*block, p, col, "empty cue");
          continue;
        }
        out->cues[static_cast<int>(*modality)].push_back(std::move(cue));
      }
    }
  }
  for (Modality m : kAllModalities) {
    const std::vector<Cue>& cues = out->cues[static_cast<int>(m)];
    for (uint32_t i = 0; i < cues.size(); ++i) {
      if (cues[i].tokens.size() == 1 && cues[i].prefix) {
        out->cues_any_start.emplace_back(m, i);
      } else {
        out->cues_by_start[cues[i].tokens[0]].emplace_back(m, i);
      }
    }
  }
}

}  // namespace parley::internal
