#include "extract/vocabulary.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "extract/rule_compiled.h"
#include "extract/rule_file.h"

namespace parley {
namespace {

using internal::CompiledRules;
using internal::Rule;
using internal::RuleKind;

void AddOnce(std::vector<std::string>* list, const std::string& value) {
  if (!value.empty() && std::find(list->begin(), list->end(), value) == list->end()) {
    list->push_back(value);
  }
}

// A token that can name something: letters (or digits) only, two or more.
bool IsWord(std::string_view token) {
  return token.size() >= 2 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                  static_cast<unsigned char>(c) >= 0x80;
         });
}

// The content words each relation rule's patterns require, by predicate.
std::map<std::string, std::set<std::string>> PatternWords(const CompiledRules& compiled) {
  std::map<std::string, std::set<std::string>> words;
  for (const Rule& rule : compiled.rules) {
    if (rule.kind != RuleKind::kRelation) continue;
    std::set<std::string>& into = words[rule.predicate];
    for (const internal::CompiledPattern& pattern : rule.patterns) {
      for (const std::string& word : pattern.required_words) {
        if (IsWord(word)) into.insert(word);
      }
      for (const std::vector<std::string>& any : pattern.required_any) {
        for (const std::string& word : any) {
          if (IsWord(word)) into.insert(word);
        }
      }
    }
  }
  // Function words name nothing: the closed classes of the lexicon (prepositions, conjunctions,
  // auxiliaries, ...), and words the patterns of more than a quarter of the predicates require.
  std::map<std::string, size_t> spread;
  for (const auto& [predicate, set] : words) {
    for (const std::string& word : set) ++spread[word];
  }
  const size_t limit = std::max<size_t>(3, words.size() / 4);
  for (auto& [predicate, set] : words) {
    for (auto it = set.begin(); it != set.end();) {
      const internal::LexEntry* entry = compiled.lexicon.Find(*it);
      const bool function_word = (entry != nullptr && entry->classes != 0) || spread[*it] > limit;
      it = function_word ? set.erase(it) : std::next(it);
    }
  }
  return words;
}

}  // namespace

std::vector<std::string> PredicateNames(const std::vector<RuleSource>& sources) {
  std::vector<RuleDiagnostic> diagnostics;
  internal::RuleFiles files(sources, &diagnostics);
  files.Parse();
  std::set<std::string> names;
  for (const internal::RuleBlock& block : files.blocks()) {
    if (block.keyword != "relation" && block.keyword != "frame") continue;
    for (const internal::RuleProp& prop : block.props) {
      if (prop.key == "predicate" && !prop.value.empty()) names.emplace(prop.value);
    }
  }
  return {names.begin(), names.end()};
}

std::vector<PredicateInfo> DescribePredicates(const RuleSet& rules) {
  const CompiledRules& compiled = rules.compiled();
  std::map<std::string, PredicateInfo> by_predicate;
  for (const Rule& rule : compiled.rules) {  // sorted by id
    if (rule.kind != RuleKind::kRelation || rule.predicate.empty()) continue;
    PredicateInfo& info = by_predicate[rule.predicate];
    info.predicate = rule.predicate;
    AddOnce(&info.plover, rule.plover);
    AddOnce(&info.cameo, rule.cameo);
    info.rules.push_back(rule.id + " (" + rule.where.path + ":" + std::to_string(rule.where.line) +
                         ")");
    if (rule.frame) {
      for (const internal::FrameVerb& verb : rule.frame->verbs) {
        AddOnce(&info.verbs, internal::FrameVerbText(compiled.lexicon, verb));
      }
    }
    if (info.example.empty()) {
      for (const internal::SelfTest& test : rule.tests) {
        if (test.counter || test.expects.empty()) continue;
        info.example = test.sentence;
        info.expect = test.expects.front().second;
        break;
      }
    }
  }
  for (auto& [predicate, words] : PatternWords(compiled)) {
    auto it = by_predicate.find(predicate);
    if (it != by_predicate.end()) it->second.words.assign(words.begin(), words.end());
  }
  std::vector<PredicateInfo> out;
  for (auto& [predicate, info] : by_predicate) {
    std::sort(info.rules.begin(), info.rules.end());
    std::sort(info.verbs.begin(), info.verbs.end());
    out.push_back(std::move(info));
  }
  return out;
}

std::string_view PloverGloss(std::string_view plover) {
  // The event types of PLOVER (the Political Language Ontology for Verifiable Event Records),
  // each in a few words.
  static constexpr std::pair<std::string_view, std::string_view> kGlosses[] = {
      {"AGREE", "agree, sign, offer or propose an agreement"},
      {"CONSULT", "meet, visit, host, call or talk"},
      {"SUPPORT", "praise, endorse, back or recognise"},
      {"CONCEDE", "concede, acknowledge, ease or give way"},
      {"COOPERATE", "work together, establish or strengthen ties"},
      {"AID", "give economic, military or humanitarian aid"},
      {"RETREAT", "withdraw, return, release or demobilise"},
      {"REQUEST", "ask for, appeal or call on"},
      {"ACCUSE", "accuse, criticise, condemn or blame"},
      {"REJECT", "reject, refuse or deny"},
      {"THREATEN", "threaten or warn"},
      {"PROTEST", "protest, demonstrate or boycott"},
      {"SANCTION", "sanction, embargo, expel or cut ties"},
      {"MOBILIZE", "mobilise, deploy or put forces on alert"},
      {"COERCE", "coerce, seize, occupy or control by force"},
      {"ASSAULT", "attack or use force"},
      {"DEMAND", "demand or insist"},
  };
  for (const auto& [type, gloss] : kGlosses) {
    if (type == plover) return gloss;
  }
  return "";
}

std::vector<std::string> PredicatesForWord(const RuleSet& rules,
                                           const std::vector<PredicateInfo>& vocabulary,
                                           std::string_view word) {
  const std::string lower = AsciiLower(TrimSpace(word));
  std::set<std::string> found;
  for (const PredicateInfo& info : vocabulary) {
    if (info.predicate == lower) return {info.predicate};
  }
  // A form of a frame's verb: the lexicon knows its lemma(s).
  const internal::Lexicon& lexicon = rules.compiled().lexicon;
  std::set<std::string> lemmas;
  if (const internal::LexEntry* entry = lexicon.Find(lower)) {
    for (const internal::VerbSense& sense : entry->senses) {
      lemmas.insert(std::string(lexicon.Lemma(sense.verb)));
    }
  }
  // The hand-written frames' first: an imported frame reads a verb only where no hand-written
  // frame reads it (extract/frames.cc), so "met" names met_with, not the codes of the imported
  // CAMEO verb MEET; a verb only imported frames read ("vetoed") names theirs.
  for (const bool imported : {false, true}) {
    for (const Rule& rule : rules.compiled().rules) {
      if (rule.kind != RuleKind::kRelation || rule.predicate.empty() || !rule.frame ||
          rule.imported != imported) {
        continue;
      }
      for (const internal::FrameVerb& verb : rule.frame->verbs) {
        const std::string text = internal::FrameVerbText(lexicon, verb);
        if (lemmas.count(text.substr(0, text.find(' ')))) found.insert(rule.predicate);
      }
    }
    if (!found.empty()) return {found.begin(), found.end()};
  }
  for (const PredicateInfo& info : vocabulary) {
    if (std::binary_search(info.words.begin(), info.words.end(), lower)) {
      found.insert(info.predicate);
    }
  }
  return {found.begin(), found.end()};
}

}  // namespace parley
