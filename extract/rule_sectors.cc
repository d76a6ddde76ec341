#include "extract/rule_sectors.h"

#include <algorithm>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/text.h"
#include "extract/rule_entities.h"
#include "extract/rule_pattern.h"

namespace parley::internal {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool IsGroupKind(std::string_view kind) {
  if (kind.empty()) return false;
  for (char c : kind) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return kind.front() != '-' && kind.back() != '-';
}

}  // namespace

std::string RegularPlural(std::string_view noun) {
  std::string w(noun);
  const auto ends = [&](std::string_view suffix) { return w.ends_with(suffix); };
  if (w.empty()) return w;
  if (ends("man")) return w.substr(0, w.size() - 3) + "men";
  if (ends("ss") || ends("x") || ends("z") || ends("ch") || ends("sh")) return w + "es";
  if (ends("s")) return w;
  if (w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

void CompileSectors(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out) {
  static const std::vector<std::string> kProps = {"label", "group", "kind",
                                                  "noun",  "exact", "before"};
  // Sectors in code order; a noun two sectors name belongs to the one of the higher layer.
  std::vector<SectorNoun> all_nouns;
  std::vector<int> noun_layer;
  for (const auto& [code, blocks] : symbols.sector_blocks) {
    const RuleBlock* first = blocks.front();
    if (!IsActorCode(code) || code.find('/') != std::string::npos) {
      files->Error(
          first->source, first->line, first->name_col,
          "invalid sector code '" + code + "' (expected upper-case letters and digits, e.g. MIL)");
      continue;
    }
    // Blocks of higher layers first: their label and group win.
    std::vector<const RuleBlock*> ordered(blocks.begin(), blocks.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const RuleBlock* a, const RuleBlock* b) { return a->layer > b->layer; });
    SectorDef def;
    def.code = code;
    def.where = {files->path(ordered.front()->source), ordered.front()->line};
    struct Noun {
      std::vector<std::string> tokens, singular;
      int layer = 0;
    };
    std::vector<Noun> nouns;
    std::vector<std::pair<std::vector<std::string>, std::pair<const RuleBlock*, const RuleProp*>>>
        before;  // `before` nouns, where they are written
    std::vector<int> before_col;
    std::vector<std::string> kinds;
    bool ok = true;
    bool group_seen = false, label_seen = false;
    for (const RuleBlock* block : ordered) {
      bool block_group = false;
      for (const RuleProp& p : block->props) {
        if (std::find(kProps.begin(), kProps.end(), p.key) == kProps.end()) {
          files->UnknownProperty(*block, p, kProps);
          ok = false;
          continue;
        }
        if (p.value.empty()) {
          files->Error(*block, p, p.key_col, "property '" + std::string(p.key) + "' needs a value");
          ok = false;
          continue;
        }
        if (p.key == "label") {
          if (!label_seen) def.label = p.value;
        } else if (p.key == "group" || p.key == "kind") {
          for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
            if (!IsGroupKind(item) || (p.key == "group" && block_group)) {
              files->Error(*block, p, col,
                           IsGroupKind(item) ? std::string("a sector makes groups of one kind")
                                             : "invalid group kind '" + item +
                                                   "' (lower-case letters, digits and '-', "
                                                   "e.g. military)");
              ok = false;
              continue;
            }
            if (p.key == "group") {
              block_group = true;
              if (!group_seen) def.group = item;
            }
            kinds.push_back(item);
          }
        } else {
          for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
            Cue cue;
            if (item.empty() || !ParseWordItem(item, &cue) || cue.prefix) {
              files->Error(*block, p, col,
                           item.empty() ? std::string("empty noun")
                                        : "a sector noun is whole words, not '" + item + "'");
              ok = false;
              continue;
            }
            if (p.key == "before") {
              before.push_back({std::move(cue.tokens), {block, &p}});
              before_col.push_back(col);
              continue;
            }
            // `exact` nouns are matched as written only ("police": no "polices").
            std::vector<std::string> plural = cue.tokens;
            plural.back() = RegularPlural(plural.back());
            const bool differs = p.key == "noun" && plural != cue.tokens;
            nouns.push_back({cue.tokens, cue.tokens, block->layer});
            if (differs) nouns.push_back({std::move(plural), cue.tokens, block->layer});
          }
        }
      }
      label_seen = label_seen || !def.label.empty();
      group_seen = group_seen || block_group;
    }
    // `before` names nouns of the sector whose code comes before the owner's (PETRARCH's
    // [NGO~]): "MSF Arnor" is NGOARN.
    std::vector<std::vector<std::string>> first_nouns;
    for (size_t k = 0; k < before.size(); ++k) {
      const auto& [tokens, where] = before[k];
      const std::vector<std::string>& words = tokens;  // clang 14 cannot capture a binding
      const bool listed = std::any_of(nouns.begin(), nouns.end(),
                                      [&words](const Noun& n) { return n.singular == words; });
      if (!listed) {
        std::string written;
        for (const std::string& t : tokens) written += (written.empty() ? "" : " ") + t;
        files->Error(*where.first, *where.second, before_col[k],
                     "'" + written + "' is no noun or exact noun of sector '" + code + "'");
        ok = false;
        continue;
      }
      first_nouns.push_back(tokens);
    }
    if (nouns.empty() && ok) {
      files->Error(first->source, first->line, first->name_col,
                   "sector '" + code + "' has no 'noun'");
      ok = false;
    }
    if (!ok) continue;
    if (def.label.empty()) def.label = AsciiLower(code);
    const uint32_t index = static_cast<uint32_t>(out->sectors.size());
    for (const std::string& kind : kinds) out->sector_by_group.emplace(kind, index);
    out->sectors.push_back(std::move(def));
    for (Noun& noun : nouns) {
      const bool first_code =
          std::find(first_nouns.begin(), first_nouns.end(), noun.singular) != first_nouns.end();
      all_nouns.push_back(SectorNoun{std::move(noun.tokens), index, first_code});
      noun_layer.push_back(noun.layer);
    }
  }
  // Index the nouns, higher layers first so that they keep a noun two sectors name.
  std::vector<size_t> order(all_nouns.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return noun_layer[a] > noun_layer[b]; });
  std::unordered_set<std::string> indexed;  // the nouns' tokens, joined: each noun kept once
  std::string joined;
  for (size_t i : order) {
    SectorNoun& noun = all_nouns[i];
    joined.clear();
    for (const std::string& token : noun.tokens) (joined += token) += '\x1f';
    if (!indexed.insert(joined).second) continue;
    out->sector_nouns[noun.tokens[0]].push_back(std::move(noun));
  }
  for (auto& [first, bucket] : out->sector_nouns) {
    std::stable_sort(bucket.begin(), bucket.end(), [](const SectorNoun& a, const SectorNoun& b) {
      return a.tokens.size() > b.tokens.size();
    });
  }
}

void CompileDiscards(RuleFiles* files, const SymbolTables& symbols, CompiledRules* out) {
  static const std::vector<std::string> kProps = {"sentence", "document"};
  for (const RuleBlock* block : symbols.discard_blocks) {
    for (const RuleProp& p : block->props) {
      if (std::find(kProps.begin(), kProps.end(), p.key) == kProps.end()) {
        files->UnknownProperty(*block, p, kProps);
        continue;
      }
      for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
        Cue cue;
        if (item.empty() || !ParseWordItem(item, &cue)) {
          files->Error(*block, p, col, "empty discard phrase");
          continue;
        }
        const std::string first = cue.tokens[0];
        (p.key == "sentence" ? out->discard_sentence : out->discard_document)[first].push_back(
            std::move(cue));
      }
    }
  }
}

}  // namespace parley::internal
