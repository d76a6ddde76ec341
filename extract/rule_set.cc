#include "extract/rule_set.h"

#include <algorithm>
#include <utility>

#include "base/text.h"
#include "extract/dates.h"
#include "extract/name_discovery.h"
#include "extract/rule_actors.h"
#include "extract/rule_compiled.h"
#include "extract/rule_compiler.h"
#include "extract/rule_entities.h"
#include "extract/rule_file.h"
#include "extract/rule_frames.h"
#include "extract/rule_sectors.h"
#include "extract/rule_snapshot.h"
#include "extract/rule_symbols.h"

namespace parley {
namespace {

// The stages of compiling, in the order they run (each reports through `files`): parse the files
// into blocks, collect the symbol tables (layers, duplicates), compile word lists, macros and
// modality cues, the entities and their alias index, then the rules' patterns and their
// prefilter index.
std::unique_ptr<internal::CompiledRules> CompileSources(const std::vector<RuleSource>& sources,
                                                        std::vector<RuleDiagnostic>* diagnostics,
                                                        size_t* alias_count) {
  auto out = std::make_unique<internal::CompiledRules>();
  // Layers compile in order (a later one replaces an earlier one's ids): the imported layer, read
  // from a user's directory after the built-ins, goes first.
  std::vector<const RuleSource*> ordered;
  ordered.reserve(sources.size());
  for (const RuleSource& s : sources) ordered.push_back(&s);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const RuleSource* a, const RuleSource* b) { return a->layer < b->layer; });
  internal::RuleFiles files(std::move(ordered), diagnostics);
  files.Parse();
  internal::SymbolTables symbols;
  internal::CollectSymbols(&files, &symbols);
  internal::CompileWordsAndMacros(&files, &symbols);
  internal::CompileVerbs(&files, symbols, &out->lexicon);
  internal::CompileModality(&files, symbols, out.get());
  internal::CompileSectors(&files, symbols, out.get());
  internal::CompileDiscards(&files, symbols, out.get());
  *alias_count = internal::CompileEntities(&files, symbols, out.get());
  internal::CompileActors(&files, symbols, out.get());
  internal::CompileNames(symbols.words, out.get());
  internal::RuleCompiler compiler(&files, symbols, &out->lexicon);
  compiler.Compile(out.get());
  // The pattern words were the last words interned (RuleCompiler::Compile).
  const internal::TokenTable& vocabulary = out->alias_index.tokens;
  out->date_word_ids.assign(vocabulary.size() + 1, 0);
  out->date_word_ids[internal::TokenTable::kAbsent] = 1;
  for (const std::string& w : DateWordSpellings()) {
    if (const uint32_t id = vocabulary.Find(w); id != internal::TokenTable::kAbsent) {
      out->date_word_ids[id] = 1;
    }
  }
  for (uint32_t id = 1; id <= vocabulary.size(); ++id) {
    const std::string_view text = vocabulary.Text(id);
    if (!text.empty() && text[0] >= '0' && text[0] <= '9') out->date_word_ids[id] = 1;
  }
  out->sector_noun_ids.assign(vocabulary.size() + 1, 0);
  for (const auto& [first, nouns] : out->sector_nouns) {
    if (const uint32_t id = vocabulary.Find(first); id != internal::TokenTable::kAbsent) {
      out->sector_noun_ids[id] = 1;
    }
  }
  out->fingerprint = RuleSet::SourcesFingerprint(sources);
  files.SortDiagnostics();
  if (!files.ok()) return nullptr;
  return out;
}

}  // namespace

std::string RuleSet::SourcesFingerprint(const std::vector<RuleSource>& sources) {
  ContentHasher fingerprint;
  for (const RuleSource& s : sources) {
    fingerprint.Update(s.path);
    fingerprint.Update("\x1f");
    fingerprint.Update(std::to_string(s.layer));
    fingerprint.Update("\x1f");
    fingerprint.Update(s.text);
    fingerprint.Update("\x1e");
  }
  return fingerprint.Finish();
}

RuleSet::RuleSet(std::unique_ptr<internal::CompiledRules> rules) : rules_(std::move(rules)) {}
RuleSet::~RuleSet() = default;

std::shared_ptr<const RuleSet> RuleSet::Compile(const std::vector<RuleSource>& sources,
                                                std::vector<RuleDiagnostic>* diagnostics) {
  diagnostics->clear();
  size_t alias_count = 0;
  std::unique_ptr<internal::CompiledRules> compiled =
      CompileSources(sources, diagnostics, &alias_count);
  if (compiled == nullptr) return nullptr;
  std::shared_ptr<RuleSet> set(new RuleSet(std::move(compiled)));
  set->alias_count_ = alias_count;
  return set;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Compile(const std::vector<RuleSource>& sources) {
  std::vector<RuleDiagnostic> diagnostics;
  std::shared_ptr<const RuleSet> set = Compile(sources, &diagnostics);
  if (set == nullptr) return InvalidArgumentError(FormatDiagnostics(diagnostics));
  return set;
}

Result<std::string> RuleSet::Snapshot(std::string_view key) const {
  return internal::EncodeRuleSnapshot(*rules_, alias_count_, key);
}

Result<std::shared_ptr<const RuleSet>> RuleSet::FromSnapshot(std::string_view bytes,
                                                             std::string_view key,
                                                             SnapshotCheck check) {
  PARLEY_ASSIGN_OR_RETURN(internal::DecodedRules decoded,
                          internal::DecodeRuleSnapshot(bytes, key, check));
  std::shared_ptr<RuleSet> set(new RuleSet(std::move(decoded.rules)));
  set->alias_count_ = decoded.alias_count;
  return std::shared_ptr<const RuleSet>(std::move(set));
}

const std::string& RuleSet::fingerprint() const { return rules_->fingerprint; }
size_t RuleSet::entity_count() const { return rules_->entities.size(); }
size_t RuleSet::alias_count() const { return alias_count_; }
size_t RuleSet::rule_count() const { return rules_->rules.size(); }

const Entity* RuleSet::FindEntity(const std::string& id) const {
  auto it = rules_->entity_index.find(id);
  return it == rules_->entity_index.end() ? nullptr : &rules_->entities[it->second].entity;
}

}  // namespace parley
