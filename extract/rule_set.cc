#include "extract/rule_set.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <set>
#include <system_error>
#include <thread>
#include <utility>

#include "base/text.h"
#include "extract/rule_compiled.h"
#include "extract/rule_pattern.h"
#include "extract/rule_tokens.h"

namespace parley {
namespace internal {

uint32_t EntityTypeBit(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return kBitPerson;
    case EntityType::kState:
      return kBitState;
    case EntityType::kOrganization:
      return kBitOrganization;
    case EntityType::kGroup:
      return kBitGroup;
    case EntityType::kPlace:
      return kBitPlace;
    case EntityType::kAgreement:
      return kBitAgreement;
    case EntityType::kEvent:
      return kBitEvent;
  }
  return kBitPerson;
}

char MentionLetter(uint32_t bit) {
  for (int i = 0; kMentionLetters[i] != '\0'; ++i) {
    if (bit == (1u << i)) return kMentionLetters[i];
  }
  return '?';
}

std::string_view SlotRoleName(SlotRole role) {
  static constexpr std::string_view kNames[kSlotRoleCount] = {
      "subject", "object", "recipient", "place",   "event",      "time",
      "text",    "label",  "office",    "country", "affiliation"};
  return kNames[static_cast<int>(role)];
}

std::string_view RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kRelation:
      return "relation";
    case RuleKind::kDiscover:
      return "discover";
    case RuleKind::kCoref:
      return "coref";
  }
  return "relation";
}

}  // namespace internal

namespace {

using internal::CompiledPattern;
using internal::CompiledRules;
using internal::Cue;
using internal::EntityDef;
using internal::PatternError;
using internal::PatternScope;
using internal::PatternSeq;
using internal::Rule;
using internal::RuleKind;
using internal::SelfTest;
using internal::SlotRole;
using internal::WordList;

constexpr std::string_view kBlockKeywords[] = {"entity",   "words", "macro",   "relation",
                                               "discover", "coref", "modality"};

struct Prop {
  std::string key;
  std::string value;
  int line = 0;
  int key_col = 0;
  int value_col = 0;
};

struct Block {
  std::string keyword;
  std::string name;
  int line = 0;
  int name_col = 0;
  size_t source = 0;
  int layer = 0;
  std::vector<Prop> props;
  std::string body;  // macro
  int body_col = 0;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Words so frequent that anchoring a pattern on them prefilters almost nothing.
bool IsCommonWord(std::string_view w) {
  static constexpr std::string_view kCommon[] = {"that",  "with", "from", "this",  "have",
                                                 "were",  "will", "been", "which", "their",
                                                 "would", "they", "said"};
  if (w.size() <= 3) return true;
  return std::find(std::begin(kCommon), std::end(kCommon), w) != std::end(kCommon);
}

bool IsIsoDate(std::string_view s) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i) {
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    }
    return true;
  };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2);
  if (s.size() == 10) {
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2);
  }
  return false;
}

std::vector<std::pair<std::string, int>> SplitList(std::string_view value, int col) {
  std::vector<std::pair<std::string, int>> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view raw = value.substr(start, comma - start);
    size_t lead = 0;
    while (lead < raw.size() && IsSpace(raw[lead])) ++lead;
    items.emplace_back(std::string(TrimSpace(raw)), col + static_cast<int>(start + lead));
    start = comma + 1;
  }
  return items;
}

class Compiler {
 public:
  Compiler(const std::vector<RuleSource>& sources, std::vector<RuleDiagnostic>* diagnostics,
           int threads)
      : sources_(sources), diagnostics_(diagnostics), threads_(threads) {}

  std::unique_ptr<CompiledRules> Run() {
    out_ = std::make_unique<CompiledRules>();
    lines_.resize(sources_.size());
    for (size_t i = 0; i < sources_.size(); ++i) ParseSource(i);
    Collect();
    CompileWordsAndMacros();
    CompileModality();
    CompileEntities();
    PrebuildPatterns();
    CompileRules();
    BuildFingerprint();
    std::stable_sort(diagnostics_->begin(), diagnostics_->end(),
                     [&](const RuleDiagnostic& a, const RuleDiagnostic& b) {
                       const size_t sa = source_order_[a.path], sb = source_order_[b.path];
                       if (sa != sb) return sa < sb;
                       if (a.line != b.line) return a.line < b.line;
                       return a.column < b.column;
                     });
    if (!diagnostics_->empty()) return nullptr;
    return std::move(out_);
  }

 private:
  void Error(size_t source, int line, int col, std::string message) {
    RuleDiagnostic d;
    d.path = sources_[source].path;
    d.line = line;
    d.column = col;
    d.message = std::move(message);
    if (line >= 1 && static_cast<size_t>(line) <= lines_[source].size()) {
      d.line_text = lines_[source][line - 1];
    }
    diagnostics_->push_back(std::move(d));
  }
  void Error(const Block& b, const Prop& p, int col, std::string message) {
    (void)b;
    Error(b.source, p.line, col, std::move(message));
  }

  // --- Lines to blocks -------------------------------------------------------------------
  void ParseSource(size_t source) {
    source_order_.emplace(sources_[source].path, source);
    const std::string& text = sources_[source].text;
    std::vector<std::string>& lines = lines_[source];
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string line = text.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(std::move(line));
      start = end + 1;
    }
    Block* current = nullptr;
    bool skipping = false;
    for (size_t i = 0; i < lines.size(); ++i) {
      const int line_no = static_cast<int>(i + 1);
      std::string content = lines[i];
      for (size_t k = 0; k < content.size(); ++k) {
        if (content[k] == '#' && (k == 0 || IsSpace(content[k - 1]))) {
          content.resize(k);
          break;
        }
      }
      while (!content.empty() && IsSpace(content.back())) content.pop_back();
      size_t indent = 0;
      while (indent < content.size() && IsSpace(content[indent])) ++indent;
      if (indent == content.size()) continue;
      if (indent == 0) {
        current = ParseHeader(source, line_no, content);
        skipping = current == nullptr;
        continue;
      }
      if (current == nullptr) {
        if (!skipping) {
          Error(source, line_no, static_cast<int>(indent + 1),
                "indented line outside a block (a block starts with a keyword in column 1)");
          skipping = true;
        }
        continue;
      }
      Prop prop;
      prop.line = line_no;
      prop.key_col = static_cast<int>(indent + 1);
      if (current->keyword == "words") {
        prop.value = content.substr(indent);
        prop.value_col = prop.key_col;
      } else {
        size_t key_end = indent;
        while (key_end < content.size() && !IsSpace(content[key_end])) ++key_end;
        prop.key = content.substr(indent, key_end - indent);
        size_t value_start = key_end;
        while (value_start < content.size() && IsSpace(content[value_start])) ++value_start;
        prop.value = content.substr(value_start);
        prop.value_col = static_cast<int>(value_start + 1);
      }
      current->props.push_back(std::move(prop));
    }
  }

  Block* ParseHeader(size_t source, int line_no, const std::string& content) {
    size_t kw_end = 0;
    while (kw_end < content.size() && !IsSpace(content[kw_end])) ++kw_end;
    const std::string keyword = content.substr(0, kw_end);
    bool known = false;
    for (std::string_view k : kBlockKeywords) known = known || k == keyword;
    if (!known) {
      std::vector<std::string> names(std::begin(kBlockKeywords), std::end(kBlockKeywords));
      Error(source, line_no, 1,
            "unknown block '" + keyword +
                "' (expected entity, words, macro, relation, discover, coref or modality)" +
                internal::DidYouMean(keyword, names));
      return nullptr;
    }
    Block block;
    block.keyword = keyword;
    block.line = line_no;
    block.source = source;
    block.layer = sources_[source].layer;
    size_t name_start = kw_end;
    while (name_start < content.size() && IsSpace(content[name_start])) ++name_start;
    block.name_col = static_cast<int>(name_start + 1);
    std::string rest = content.substr(name_start);
    if (keyword == "macro") {
      const size_t eq = rest.find('=');
      if (eq == std::string::npos) {
        Error(source, line_no, block.name_col, "expected 'macro NAME = PATTERN'");
        return nullptr;
      }
      block.name = std::string(TrimSpace(std::string_view(rest).substr(0, eq)));
      size_t body_start = eq + 1;
      while (body_start < rest.size() && IsSpace(rest[body_start])) ++body_start;
      block.body = rest.substr(body_start);
      block.body_col = static_cast<int>(name_start + body_start + 1);
    } else {
      block.name = rest;
    }
    if (block.name.empty()) {
      Error(source, line_no, block.name_col,
            "missing " + std::string(keyword == "entity" ? "id" : "name") + " after '" + keyword +
                "'");
      return nullptr;
    }
    if (block.name.find_first_of(" \t") != std::string::npos) {
      Error(
          source, line_no, block.name_col + static_cast<int>(block.name.find_first_of(" \t")),
          "unexpected text after '" + block.name.substr(0, block.name.find_first_of(" \t")) + "'");
      return nullptr;
    }
    if (keyword == "words" || keyword == "macro") {
      for (char c : block.name) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
          Error(source, line_no, block.name_col,
                "invalid name '" + block.name + "' (use lower-case letters, digits, '-', '_')");
          return nullptr;
        }
      }
    }
    blocks_.push_back(std::move(block));
    return &blocks_.back();
  }

  // --- Name spaces and layers ------------------------------------------------------------
  void Define(std::map<std::string, Block*>* table, Block* block, std::string_view what) {
    auto [it, inserted] = table->emplace(block->name, block);
    if (inserted) return;
    if (it->second->layer == block->layer) {
      Error(block->source, block->line, block->name_col,
            "duplicate " + std::string(what) + " '" + block->name + "' (first defined at " +
                sources_[it->second->source].path + ":" + std::to_string(it->second->line) + ")");
      return;
    }
    it->second = block;  // a later layer replaces
  }

  void Collect() {
    for (Block& block : blocks_) {
      if (block.keyword == "entity") {
        Define(&entity_blocks_, &block, "entity");
      } else if (block.keyword == "words" || block.keyword == "macro") {
        Define(&name_blocks_, &block, "word list or macro");
      } else if (block.keyword == "modality") {
        modality_blocks_.push_back(&block);
      } else {
        Define(&rule_blocks_, &block, "rule");
      }
    }
  }

  void UnknownProperty(const Block& b, const Prop& p, std::vector<std::string> allowed) {
    std::string list;
    for (size_t i = 0; i < allowed.size(); ++i) {
      if (i > 0) list += ", ";
      list += allowed[i];
    }
    Error(b, p, p.key_col,
          "unknown property '" + p.key + "' in " + b.keyword + " '" + b.name + "' (expected " +
              list + ")" + internal::DidYouMean(p.key, allowed));
  }

  // --- Word lists and macros ---------------------------------------------------------------
  void CompileWordsAndMacros() {
    for (auto& [name, block] : name_blocks_) {
      if (block->keyword == "words") {
        WordList list;
        for (const Prop& p : block->props) {
          for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
            Cue cue;
            if (item.empty() || !internal::ParseWordItem(item, &cue)) {
              Error(*block, p, col, "empty item in word list '" + name + "'");
              continue;
            }
            list.items.push_back(std::move(cue));
          }
        }
        if (list.items.empty()) {
          Error(block->source, block->line, block->name_col,
                "word list '" + name + "' has no items");
          continue;
        }
        std::stable_sort(list.items.begin(), list.items.end(), [](const Cue& a, const Cue& b) {
          return a.tokens.size() > b.tokens.size();
        });
        words_.emplace(name, std::move(list));
      } else {
        PatternSeq seq;
        PatternError error;
        if (!internal::ParsePattern(block->body, &seq, &error)) {
          Error(block->source, block->line, block->body_col + error.offset, error.message);
          broken_macros_.insert(name);
          macros_.emplace(name, PatternSeq());
          continue;
        }
        macros_.emplace(name, std::move(seq));
      }
    }
    // Undefined references and cycles, reported once at the macro that contains them.
    for (auto& [name, seq] : macros_) {
      if (broken_macros_.count(name) > 0) continue;
      const Block* block = name_blocks_[name];
      std::vector<std::pair<std::string, int>> refs;
      internal::CollectRefs(seq, &refs);
      for (const auto& [ref, offset] : refs) {
        if (words_.count(ref) == 0 && macros_.count(ref) == 0) {
          Error(block->source, block->line, block->body_col + offset,
                "undefined word list or macro '@" + ref + "'");
          broken_macros_.insert(name);
        }
      }
    }
    std::map<std::string, int> state;  // 0 new, 1 on stack, 2 done
    for (auto& [name, seq] : macros_) {
      std::vector<std::string> stack;
      FindCycles(name, &state, &stack);
    }
    for (auto& [name, seq] : macros_) {
      if (broken_macros_.count(name) > 0) continue;
      const Block* block = name_blocks_[name];
      internal::EmittedPattern emitted;
      PatternError error;
      if (!internal::EmitPattern(seq, Scope(), RuleKind::kRelation, /*in_macro=*/true, &emitted,
                                 &error)) {
        if (error.offset >= 0) {
          Error(block->source, block->line, block->body_col + error.offset, error.message);
        }
        broken_macros_.insert(name);
      }
    }
  }

  void FindCycles(const std::string& name, std::map<std::string, int>* state,
                  std::vector<std::string>* stack) {
    auto it = macros_.find(name);
    if (it == macros_.end()) return;
    int& s = (*state)[name];
    if (s == 2) return;
    if (s == 1) {
      const auto begin = std::find(stack->begin(), stack->end(), name);
      std::string path;
      for (auto i = begin; i != stack->end(); ++i) path += *i + " -> ";
      path += name;
      const Block* block = name_blocks_[name];
      Error(block->source, block->line, block->name_col, "macro cycle: " + path);
      for (auto i = begin; i != stack->end(); ++i) broken_macros_.insert(*i);
      return;
    }
    s = 1;
    stack->push_back(name);
    std::vector<std::pair<std::string, int>> refs;
    internal::CollectRefs(it->second, &refs);
    for (const auto& ref : refs) FindCycles(ref.first, state, stack);
    stack->pop_back();
    (*state)[name] = 2;
  }

  PatternScope Scope() const {
    PatternScope scope;
    scope.words = &words_;
    scope.macros = &macros_;
    scope.broken_macros = &broken_macros_;
    return scope;
  }

  // --- Modality cues -------------------------------------------------------------------------
  void CompileModality() {
    out_->cues.resize(std::size(kAllModalities));
    for (const Block* block : modality_blocks_) {
      Result<Modality> modality = ParseModality(block->name);
      if (!modality.ok() || *modality == Modality::kAsserted) {
        Error(block->source, block->line, block->name_col,
              "unknown modality '" + block->name +
                  "' for cues (expected hedged, negated, planned or reported)");
        continue;
      }
      for (const Prop& p : block->props) {
        if (p.key != "cue") {
          UnknownProperty(*block, p, {"cue"});
          continue;
        }
        for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
          Cue cue;
          if (item.empty() || !internal::ParseWordItem(item, &cue)) {
            Error(*block, p, col, "empty cue");
            continue;
          }
          out_->cues[static_cast<int>(*modality)].push_back(std::move(cue));
        }
      }
    }
    for (Modality m : kAllModalities) {
      const std::vector<Cue>& cues = out_->cues[static_cast<int>(m)];
      for (uint32_t i = 0; i < cues.size(); ++i) {
        if (cues[i].tokens.size() == 1 && cues[i].prefix) {
          out_->cues_any_start.emplace_back(m, i);
        } else {
          out_->cues_by_start[cues[i].tokens[0]].emplace_back(m, i);
        }
      }
    }
  }

  // --- Entities --------------------------------------------------------------------------------
  bool CheckEntityId(const Block& b, const Prop* p, const std::string& id, int col) {
    const size_t colon = id.find(':');
    const int line = p != nullptr ? p->line : b.line;
    if (colon == std::string::npos) {
      Error(b.source, line, col,
            "invalid entity id '" + id + "' (expected <type>:<slug>, e.g. state:japan)");
      return false;
    }
    Result<EntityType> type = ParseEntityType(id.substr(0, colon));
    if (!type.ok()) {
      Error(b.source, line, col, "invalid entity id '" + id + "': " + type.status().message());
      return false;
    }
    const std::string slug = id.substr(colon + 1);
    bool good = !slug.empty() && slug.front() != '-' && slug.back() != '-';
    for (unsigned char c : slug) {
      good = good && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c >= 0x80);
    }
    if (!good) {
      Error(b.source, line, col + static_cast<int>(colon) + 1,
            "invalid slug '" + slug + "' in entity id (use lower-case letters, digits and '-')");
      return false;
    }
    return true;
  }

  void CompileEntities() {
    static const std::vector<std::string> kProps = {
        "label",   "alias", "alias/i", "pattern", "attr",    "adjective", "capital",
        "acts-as", "role",  "part-of", "date",    "parties", "place",     "priority"};
    struct PendingPattern {
      std::string regex;
      const Block* block;
      const Prop* prop;
    };
    std::vector<PendingPattern> patterns;
    std::vector<std::pair<const Block*, const Prop*>> acts_as;
    int order = 0;
    // Definition order decides ties, so walk blocks in load order.
    std::vector<const Block*> ordered;
    for (const auto& [id, block] : entity_blocks_) ordered.push_back(block);
    std::map<const Block*, int> order_of;
    for (const Block& block : blocks_) order_of[&block] = order++;
    for (const auto& [id, block] : entity_blocks_) {
      if (!CheckEntityId(*block, nullptr, id, block->name_col)) continue;
      EntityDef def;
      def.entity.id = id;
      def.entity.type = *ParseEntityType(id.substr(0, id.find(':')));
      def.order = order_of[block];
      def.where = {sources_[block->source].path, block->line};
      std::set<std::string> aliases;
      std::vector<std::pair<std::string, bool>> literal;  // (alias, ignore case)
      bool ok = true;
      for (const Prop& p : block->props) {
        const std::string& k = p.key;
        if (std::find(kProps.begin(), kProps.end(), k) == kProps.end()) {
          UnknownProperty(*block, p, kProps);
          ok = false;
          continue;
        }
        if (p.value.empty()) {
          Error(*block, p, p.key_col, "property '" + k + "' needs a value");
          ok = false;
          continue;
        }
        if (k == "label") {
          if (!def.entity.label.empty()) {
            Error(*block, p, p.key_col, "entity '" + id + "' has more than one label");
            ok = false;
          }
          def.entity.label = p.value;
        } else if (k == "alias" || k == "alias/i" || k == "adjective") {
          for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
            if (item.empty() || internal::TokenTexts(item, nullptr).empty()) {
              Error(*block, p, col, "empty alias");
              ok = false;
              continue;
            }
            if (k == "adjective") {
              def.adjectives.push_back(item);
            } else {
              aliases.insert(item);
              literal.emplace_back(item, k == "alias/i");
            }
          }
        } else if (k == "pattern") {
          patterns.push_back({p.value, block, &p});
        } else if (k == "attr") {
          const size_t eq = p.value.find('=');
          if (eq == std::string::npos) {
            Error(*block, p, p.value_col, "expected 'attr KEY = VALUE'");
            ok = false;
            continue;
          }
          const std::string key(TrimSpace(std::string_view(p.value).substr(0, eq)));
          const std::string value(TrimSpace(std::string_view(p.value).substr(eq + 1)));
          if (key.empty()) {
            Error(*block, p, p.value_col, "expected 'attr KEY = VALUE'");
            ok = false;
            continue;
          }
          def.entity.attributes[key] = value;
        } else if (k == "role") {
          Role role;
          if (!ParseRole(*block, p, &role)) {
            ok = false;
            continue;
          }
          def.entity.roles.push_back(std::move(role));
        } else if (k == "priority") {
          try {
            size_t used = 0;
            def.priority = std::stoi(p.value, &used);
            if (used != p.value.size()) throw std::invalid_argument("trailing");
          } catch (const std::exception&) {
            Error(*block, p, p.value_col, "priority must be an integer, not '" + p.value + "'");
            ok = false;
          }
          def.entity.attributes["priority"] = p.value;
        } else {  // capital, acts-as, part-of, date, parties, place
          if (k == "date" && !IsIsoDate(p.value)) {
            Error(*block, p, p.value_col,
                  "invalid date '" + p.value + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
            ok = false;
            continue;
          }
          if (k == "parties") {
            std::string joined;
            for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
              if (!CheckEntityId(*block, &p, item, col)) ok = false;
              if (!joined.empty()) joined += ",";
              joined += item;
            }
            def.entity.attributes[k] = joined;
            continue;
          }
          if (k != "date" && !CheckEntityId(*block, &p, p.value, p.value_col)) {
            ok = false;
            continue;
          }
          if (k == "acts-as") {
            def.acts_as = p.value;
            acts_as.emplace_back(block, &p);
          }
          def.entity.attributes[k] = p.value;
        }
      }
      if (def.entity.label.empty()) {
        Error(block->source, block->line, block->name_col, "entity '" + id + "' has no 'label'");
        ok = false;
      }
      if (!ok) continue;
      if (!def.adjectives.empty()) {
        std::string joined;
        for (const std::string& a : def.adjectives) joined += (joined.empty() ? "" : ", ") + a;
        def.entity.attributes["adjective"] = joined;
      }
      aliases.erase(def.entity.label);
      def.entity.aliases.assign(aliases.begin(), aliases.end());
      const uint32_t index = static_cast<uint32_t>(out_->entities.size());
      out_->entity_index.emplace(id, index);
      AddAlias(def.entity.label, false, false, index);
      for (const auto& [alias, ignore_case] : literal) AddAlias(alias, ignore_case, false, index);
      for (const std::string& adjective : def.adjectives) AddAlias(adjective, false, true, index);
      out_->entities.push_back(std::move(def));
    }
    for (uint32_t i = 0; i < out_->entities.size(); ++i) {
      const Entity& e = out_->entities[i].entity;
      if (e.type != EntityType::kPerson) continue;
      for (const Role& role : e.roles)
        out_->office_holders[{role.office, role.country}].push_back(i);
    }
    for (const auto& [block, prop] : acts_as) {
      if (out_->entity_index.count(prop->value) == 0) {
        Error(*block, *prop, prop->value_col, "unknown entity '" + prop->value + "' in acts-as");
      }
    }
    CompileEntityPatterns(patterns);
  }

  template <typename Pending>
  void CompileEntityPatterns(const std::vector<Pending>& patterns) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    for (const Pending& p : patterns) {
      auto it = out_->entity_index.find(p.block->name);
      auto re = std::make_unique<RE2>(p.regex, options);
      if (!re->ok()) {
        Error(*p.block, *p.prop, p.prop->value_col, "invalid regular expression: " + re->error());
        continue;
      }
      if (it == out_->entity_index.end()) continue;  // the entity itself had errors
      out_->entity_patterns.push_back({std::move(re), it->second});
    }
    if (out_->entity_patterns.empty()) return;
    out_->entity_pattern_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const auto& p : out_->entity_patterns) {
      std::string error;
      if (out_->entity_pattern_set->Add(p.re->pattern(), &error) < 0) {
        out_->entity_pattern_set.reset();
        break;
      }
    }
    if (out_->entity_pattern_set != nullptr && !out_->entity_pattern_set->Compile()) {
      const Pending& first = patterns.front();
      Error(*first.block, *first.prop, first.prop->value_col,
            "entity patterns are too large to compile together (simplify them or use literal "
            "aliases)");
    }
  }

  void AddAlias(const std::string& text, bool ignore_case, bool demonym, uint32_t entity) {
    std::vector<bool> space_before;
    const std::vector<std::string> tokens =
        internal::TokenTexts(ignore_case ? AsciiLower(text) : text, &space_before);
    if (tokens.empty()) return;
    internal::AliasIndex& index = out_->alias_index;
    internal::AliasKey key;
    key.entity = entity;
    key.demonym = demonym;
    for (size_t k = 1; k < tokens.size(); ++k) {
      key.rest.push_back(internal::TokenKey(index.tokens.Intern(tokens[k]), space_before[k]));
    }
    key.second = key.rest.empty() ? 0 : key.rest[0];
    const uint32_t first = index.tokens.Intern(tokens[0]);
    auto& buckets = ignore_case ? index.folded : index.exact;
    if (buckets.size() <= first) buckets.resize(first + 1);
    std::vector<internal::AliasKey>& bucket = buckets[first];
    key.order = static_cast<uint32_t>(bucket.size());
    // Later entries have larger `order`: inserting after equal `second` keeps (second, order).
    const auto at = std::upper_bound(
        bucket.begin(), bucket.end(), key.second,
        [](uint32_t second, const internal::AliasKey& k) { return second < k.second; });
    bucket.insert(at, std::move(key));
    ++alias_count_;
  }

  bool ParseRole(const Block& b, const Prop& p, Role* role) {
    std::vector<std::string> words;
    std::vector<int> cols;
    {
      size_t i = 0;
      const std::string& v = p.value;
      while (i < v.size()) {
        while (i < v.size() && IsSpace(v[i])) ++i;
        if (i >= v.size()) break;
        size_t j = i;
        while (j < v.size() && !IsSpace(v[j])) ++j;
        words.push_back(v.substr(i, j - i));
        cols.push_back(p.value_col + static_cast<int>(i));
        i = j;
      }
    }
    auto take_date = [&](const char* keyword, std::string* out) {
      if (words.size() >= 3 && words[words.size() - 2] == keyword) {
        if (!IsIsoDate(words.back())) {
          Error(b, p, cols.back(),
                "invalid date '" + words.back() +
                    "' in role (expected YYYY, YYYY-MM or "
                    "YYYY-MM-DD)");
          return false;
        }
        *out = words.back();
        words.resize(words.size() - 2);
        cols.resize(cols.size() - 2);
      }
      return true;
    };
    if (!take_date("to", &role->to)) return false;
    if (!take_date("from", &role->from)) return false;
    if (words.size() >= 3 && words[words.size() - 2] == "of" &&
        words.back().find(':') != std::string::npos) {
      if (!CheckEntityId(b, &p, words.back(), cols.back())) return false;
      role->country = words.back();
      words.resize(words.size() - 2);
    }
    if (words.empty()) {
      Error(b, p, p.value_col,
            "role needs an office ('role OFFICE [of ID] [from DATE] [to DATE]')");
      return false;
    }
    for (const std::string& w : words) role->office += (role->office.empty() ? "" : " ") + w;
    role->office = AsciiLower(role->office);
    return true;
  }

  // --- Rules ---------------------------------------------------------------------------------
  void CompileRules() {
    for (auto& [id, block] : rule_blocks_) {
      Rule rule;
      if (CompileRule(*block, &rule)) out_->rules.push_back(std::move(rule));
    }
    for (uint32_t r = 0; r < out_->rules.size(); ++r) {
      const Rule& rule = out_->rules[r];
      if (rule.kind == RuleKind::kDiscover) out_->discover_rules.push_back(r);
      if (rule.kind == RuleKind::kCoref) out_->coref_rules.push_back(r);
    }
    IndexPatternWords();
  }

  // Gives every distinct word requirement of the rule patterns an id, and indexes the patterns
  // by their anchor words.
  void IndexPatternWords() {
    std::map<std::vector<std::string>, uint32_t> ids;
    auto intern = [&](const std::vector<std::string>& words) {
      auto [it, fresh] = ids.emplace(words, out_->requirement_count);
      if (fresh) {
        for (const std::string& w : words) {
          out_->pattern_words[w].requirements.push_back(out_->requirement_count);
        }
        ++out_->requirement_count;
      }
      return it->second;
    };
    for (uint32_t r = 0; r < out_->rules.size(); ++r) {
      Rule& rule = out_->rules[r];
      const int kind = static_cast<int>(rule.kind);
      for (uint32_t p = 0; p < rule.patterns.size(); ++p) {
        CompiledPattern& pattern = rule.patterns[p];
        for (const std::string& w : pattern.required_words) {
          pattern.requirements.push_back(intern({w}));
        }
        for (const std::vector<std::string>& any : pattern.required_any) {
          pattern.requirements.push_back(intern(any));
        }
        if (pattern.anchors.empty()) out_->unanchored[kind].emplace_back(r, p);
        for (const std::string& anchor : pattern.anchors) {
          out_->pattern_words[anchor].anchored[kind].emplace_back(r, p);
        }
      }
    }
    for (const auto& [word, use] : out_->pattern_words) {
      out_->pattern_word_buckets.set(internal::PatternWordBucket(word));
    }
  }

  static RuleKind KindOf(const Block& b) {
    return b.keyword == "relation"   ? RuleKind::kRelation
           : b.keyword == "discover" ? RuleKind::kDiscover
                                     : RuleKind::kCoref;
  }

  static RE2::Options PatternOptions() {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(64 << 20);
    return options;
  }

  // Building the RE2 programs is most of compiling (2.0 of 2.2 G instructions for the default
  // rules' 166 patterns of 2-16 KB each). With several threads, every rule pattern's regular
  // expression is emitted and built here first, in parallel, and CompilePattern takes the
  // built program instead of building it. Nothing is reported here: a pattern that fails to
  // parse, emit or build is left to CompilePattern, which reports it exactly as before.
  void PrebuildPatterns() {
    if (threads_ <= 1) return;
    std::set<std::string> regexes;
    for (const auto& [id, block] : rule_blocks_) {
      const RuleKind kind = KindOf(*block);
      for (const Prop& p : block->props) {
        if (p.key != "pattern") continue;
        PatternSeq seq;
        PatternError error;
        internal::EmittedPattern emitted;
        if (internal::ParsePattern(p.value, &seq, &error) &&
            internal::EmitPattern(seq, Scope(), kind, /*in_macro=*/false, &emitted, &error)) {
          regexes.insert(std::move(emitted.regex));
        }
      }
    }
    // Longest first, so the threads finish together.
    std::vector<const std::string*> order;
    for (const std::string& r : regexes) order.push_back(&r);
    std::stable_sort(order.begin(), order.end(), [](const std::string* a, const std::string* b) {
      return a->size() > b->size();
    });
    std::vector<std::unique_ptr<RE2>> built(order.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i = next++; i < order.size(); i = next++) {
        built[i] = std::make_unique<RE2>(*order[i], PatternOptions());
      }
    };
    std::vector<std::thread> helpers;
    for (int t = 1; t < threads_ && static_cast<size_t>(t) < order.size(); ++t) {
      try {
        helpers.emplace_back(work);
      } catch (const std::system_error&) {
        break;  // no thread to spare: this one builds the rest
      }
    }
    work();
    for (std::thread& t : helpers) t.join();
    for (size_t i = 0; i < order.size(); ++i) prebuilt_.emplace(*order[i], std::move(built[i]));
  }

  bool CompileRule(const Block& b, Rule* rule) {
    rule->id = b.name;
    rule->where = {sources_[b.source].path, b.line};
    rule->kind = KindOf(b);
    std::vector<std::string> allowed = {"pattern", "example",      "expect",
                                        "counter", "example-date", "priority"};
    if (rule->kind == RuleKind::kRelation) {
      for (const char* k : {"predicate", "plover", "cameo", "modality", "attach"}) {
        allowed.push_back(k);
      }
    } else if (rule->kind == RuleKind::kDiscover) {
      allowed.push_back("creates");
    } else {
      allowed.push_back("resolve");
    }
    bool ok = true;
    bool have_resolve = false, have_creates = false;
    for (const Prop& p : b.props) {
      const std::string& k = p.key;
      if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
        UnknownProperty(b, p, allowed);
        ok = false;
        continue;
      }
      if (p.value.empty()) {
        Error(b, p, p.key_col, "property '" + k + "' needs a value");
        ok = false;
        continue;
      }
      if (k == "pattern") {
        CompiledPattern pattern;
        if (CompilePattern(b, p, rule->kind, &pattern)) {
          rule->patterns.push_back(std::move(pattern));
        } else {
          ok = false;
        }
      } else if (k == "predicate") {
        bool good = p.value[0] >= 'a' && p.value[0] <= 'z';
        for (char c : p.value)
          good = good && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
        if (!good) {
          Error(b, p, p.value_col,
                "predicate '" + p.value + "' must be lower_snake_case (e.g. met_with)");
          ok = false;
        }
        rule->predicate = p.value;
      } else if (k == "plover") {
        rule->plover = p.value;
      } else if (k == "cameo") {
        rule->cameo = p.value;
      } else if (k == "modality") {
        Result<Modality> m = ParseModality(p.value);
        if (!m.ok()) {
          Error(b, p, p.value_col, m.status().message());
          ok = false;
        } else {
          rule->modality = *m;
        }
      } else if (k == "attach") {
        rule->attach_time = rule->attach_place = rule->attach_event = false;
        rule->attach_document_date = false;
        if (p.value == "none") continue;
        for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
          if (item == "time") {
            rule->attach_time = true;
          } else if (item == "place") {
            rule->attach_place = true;
          } else if (item == "event") {
            rule->attach_event = true;
          } else if (item == "document-date") {
            rule->attach_document_date = true;
          } else {
            Error(b, p, col,
                  "cannot attach '" + item +
                      "' (expected time, place, event, document-date or none)");
            ok = false;
          }
        }
      } else if (k == "priority") {
        try {
          size_t used = 0;
          rule->priority = std::stoi(p.value, &used);
          if (used != p.value.size()) throw std::invalid_argument("trailing");
        } catch (const std::exception&) {
          Error(b, p, p.value_col, "priority must be an integer, not '" + p.value + "'");
          ok = false;
        }
      } else if (k == "example" || k == "counter") {
        SelfTest test;
        test.counter = k == "counter";
        test.sentence = p.value;
        test.line = p.line;
        rule->tests.push_back(std::move(test));
      } else if (k == "expect") {
        if (rule->tests.empty() || rule->tests.back().counter) {
          Error(b, p, p.key_col, "'expect' must follow an 'example'");
          ok = false;
          continue;
        }
        rule->tests.back().expects.emplace_back(p.line, p.value);
      } else if (k == "example-date") {
        if (!IsIsoDate(p.value)) {
          Error(b, p, p.value_col,
                "invalid date '" + p.value + "' (expected YYYY, YYYY-MM or YYYY-MM-DD)");
          ok = false;
        }
        rule->example_date = p.value;
      } else if (k == "creates") {
        Result<EntityType> type = ParseEntityType(p.value);
        if (!type.ok()) {
          Error(b, p, p.value_col, type.status().message());
          ok = false;
        } else {
          rule->creates = *type;
          have_creates = true;
        }
      } else if (k == "resolve") {
        have_resolve = true;
        if (p.value == "role") {
          rule->resolve_role = true;
        } else if (p.value != "previous-person") {
          Error(b, p, p.value_col,
                "unknown resolve '" + p.value + "' (expected role or previous-person)");
          ok = false;
        }
      }
    }
    auto missing = [&](const char* what) {
      Error(b.source, b.line, b.name_col, b.keyword + " '" + b.name + "' has no '" + what + "'");
      ok = false;
    };
    const bool had_pattern_prop = std::any_of(b.props.begin(), b.props.end(),
                                              [](const Prop& p) { return p.key == "pattern"; });
    if (!had_pattern_prop) missing("pattern");
    if (rule->kind == RuleKind::kRelation && rule->predicate.empty()) missing("predicate");
    if (rule->kind == RuleKind::kDiscover && !have_creates) missing("creates");
    if (rule->kind == RuleKind::kCoref && !have_resolve) missing("resolve");
    return ok;
  }

  bool CompilePattern(const Block& b, const Prop& p, RuleKind kind, CompiledPattern* out) {
    PatternSeq seq;
    PatternError error;
    if (!internal::ParsePattern(p.value, &seq, &error)) {
      Error(b, p, p.value_col + error.offset, error.message);
      return false;
    }
    internal::EmittedPattern emitted;
    if (!internal::EmitPattern(seq, Scope(), kind, /*in_macro=*/false, &emitted, &error)) {
      if (error.offset >= 0) Error(b, p, p.value_col + error.offset, error.message);
      if (error.offset < 0) {
        Error(b, p, p.value_col, "pattern uses a macro that has errors (see above)");
      }
      return false;
    }
    auto has = [&](SlotRole role) {
      return std::any_of(emitted.captures.begin(), emitted.captures.end(),
                         [&](const internal::SlotCapture& c) { return c.role == role; });
    };
    if (kind == RuleKind::kRelation && !has(SlotRole::kSubject)) {
      Error(b, p, p.value_col, "pattern binds no subject (add a slot such as {actor:subject})");
      return false;
    }
    if (kind == RuleKind::kDiscover && !has(SlotRole::kLabel)) {
      Error(b, p, p.value_col, "discover pattern binds no label (add {name:label})");
      return false;
    }
    const bool resolves_role = std::any_of(b.props.begin(), b.props.end(), [](const Prop& q) {
      return q.key == "resolve" && q.value == "role";
    });
    if (kind == RuleKind::kCoref && resolves_role &&
        (!has(SlotRole::kOffice) || !has(SlotRole::kCountry))) {
      Error(b, p, p.value_col, "a 'resolve role' pattern must bind office and country");
      return false;
    }
    if (auto it = prebuilt_.find(emitted.regex); it != prebuilt_.end() && it->second != nullptr) {
      out->re = std::move(it->second);  // a second pattern with the same regex builds its own
    } else {
      out->re = std::make_unique<RE2>(emitted.regex, PatternOptions());
    }
    if (!out->re->ok()) {
      Error(b, p, p.value_col, "pattern does not compile: " + out->re->error());
      return false;
    }
    out->captures = std::move(emitted.captures);
    out->required_bits = std::move(emitted.required_bits);
    out->required_words = std::move(emitted.required_words);
    out->required_any = std::move(emitted.required_any);
    out->start_bits = emitted.start_bits;
    // Anchor on the most selective requirement: a common word ("to", "the") makes a pattern a
    // candidate in most sentences, a set of rarer verbs in few.
    size_t best_cost = 0;
    auto consider = [&](const std::vector<std::string>& words) {
      size_t cost = 0;
      for (const std::string& w : words) cost += IsCommonWord(w) ? 50 : 1;
      if (out->anchors.empty() || cost < best_cost) {
        out->anchors = words;
        best_cost = cost;
      }
    };
    for (const std::string& w : out->required_words) consider({w});
    for (const std::vector<std::string>& any : out->required_any) consider(any);
    out->line = p.line;
    out->source = p.value;
    return true;
  }

  void BuildFingerprint() {
    std::string all;
    for (const RuleSource& s : sources_) {
      all += s.path + '\x1f' + std::to_string(s.layer) + '\x1f' + s.text + '\x1e';
    }
    out_->fingerprint = ContentHash(all);
  }

 public:
  size_t alias_count() const { return alias_count_; }

 private:
  const std::vector<RuleSource>& sources_;
  std::vector<RuleDiagnostic>* diagnostics_;
  std::unique_ptr<CompiledRules> out_;
  std::vector<std::vector<std::string>> lines_;
  std::map<std::string, size_t> source_order_;
  std::deque<Block> blocks_;
  std::map<std::string, Block*> entity_blocks_, name_blocks_, rule_blocks_;
  std::vector<Block*> modality_blocks_;
  std::map<std::string, WordList> words_;
  std::map<std::string, PatternSeq> macros_;
  std::set<std::string> broken_macros_;
  size_t alias_count_ = 0;
  int threads_ = 1;
  std::map<std::string, std::unique_ptr<RE2>> prebuilt_;  // regex -> program (PrebuildPatterns)
};

}  // namespace

RuleSet::RuleSet(std::unique_ptr<internal::CompiledRules> rules) : rules_(std::move(rules)) {}
RuleSet::~RuleSet() = default;

std::shared_ptr<const RuleSet> RuleSet::Compile(const std::vector<RuleSource>& sources,
                                                std::vector<RuleDiagnostic>* diagnostics,
                                                int threads) {
  diagnostics->clear();
  Compiler compiler(sources, diagnostics, threads);
  std::unique_ptr<CompiledRules> compiled = compiler.Run();
  if (compiled == nullptr) return nullptr;
  std::shared_ptr<RuleSet> set(new RuleSet(std::move(compiled)));
  set->alias_count_ = compiler.alias_count();
  return set;
}

Result<std::shared_ptr<const RuleSet>> RuleSet::Compile(const std::vector<RuleSource>& sources,
                                                        int threads) {
  std::vector<RuleDiagnostic> diagnostics;
  std::shared_ptr<const RuleSet> set = Compile(sources, &diagnostics, threads);
  if (set == nullptr) return InvalidArgumentError(FormatDiagnostics(diagnostics));
  return set;
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
