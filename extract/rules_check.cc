#include "extract/rules_check.h"

#include <map>

#include "base/text.h"
#include "extract/explain.h"
#include "extract/prepare.h"
#include "extract/rule_compiled.h"
#include "extract/rule_matcher.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

using internal::Rule;
using internal::RuleKind;
using internal::SelfTest;

// Splits an expect line into words; "..." groups words, \" escapes a quote.
std::vector<std::string> SplitExpect(std::string_view line) {
  std::vector<std::string> words;
  std::string current;
  bool in_quote = false, any = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quote && c == '\\' && i + 1 < line.size()) {
      current += line[++i];
    } else if (c == '"') {
      in_quote = !in_quote;
      any = true;
    } else if (!in_quote && (c == ' ' || c == '\t')) {
      if (any || !current.empty()) words.push_back(current);
      current.clear();
      any = false;
    } else {
      current += c;
    }
  }
  if (any || !current.empty()) words.push_back(current);
  return words;
}

// The fields an expect line checks: "subject", "predicate", "object", ... -> value.
bool ParseExpect(RuleKind kind, std::string_view line, std::map<std::string, std::string>* fields,
                 std::string* error) {
  std::vector<std::string> words = SplitExpect(line);
  size_t positional = 0;
  static const std::vector<std::string> kRelationKeys = {
      "object", "recipient", "place", "event", "time", "modality", "text", "plover", "cameo"};
  static const std::vector<std::string> kDiscoverKeys = {"office", "country"};
  const std::vector<std::string> none;
  const std::vector<std::string>& keys = kind == RuleKind::kRelation   ? kRelationKeys
                                         : kind == RuleKind::kDiscover ? kDiscoverKeys
                                                                       : none;
  for (const std::string& w : words) {
    const size_t eq = w.find('=');
    if (eq == std::string::npos) {
      static const char* kRelationPositions[] = {"subject", "predicate", "object"};
      const size_t max = kind == RuleKind::kRelation ? 3 : 1;
      if (positional >= max) {
        *error = "unexpected '" + w + "' in expect";
        return false;
      }
      (*fields)[kind == RuleKind::kRelation ? kRelationPositions[positional] : "entity"] = w;
      ++positional;
      continue;
    }
    const std::string key = w.substr(0, eq);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      *error = "unknown key '" + key + "' in expect";
      return false;
    }
    (*fields)[key] = w.substr(eq + 1);
  }
  if (positional < (kind == RuleKind::kRelation ? 2u : 1u)) {
    *error = kind == RuleKind::kRelation ? "expect needs at least SUBJECT PREDICATE"
                                         : "expect needs an ENTITY-ID";
    return false;
  }
  return true;
}

bool StatementMatches(const Statement& st, const std::map<std::string, std::string>& fields) {
  for (const auto& [key, value] : fields) {
    std::string have;
    if (key == "subject") {
      have = st.subject.id;
    } else if (key == "predicate") {
      have = st.predicate;
    } else if (key == "object") {
      have = st.object ? st.object->id : "-";
    } else if (key == "recipient") {
      have = st.recipient ? st.recipient->id : "-";
    } else if (key == "place") {
      have = st.place ? st.place->id : "-";
    } else if (key == "event") {
      have = st.event ? st.event->id : "-";
    } else if (key == "time") {
      have = st.time ? st.time->value : "-";
    } else if (key == "modality") {
      have = ModalityName(st.modality);
    } else if (key == "text") {
      have = st.text.value_or("-");
    } else if (key == "plover") {
      have = st.plover;
    } else if (key == "cameo") {
      have = st.cameo;
    }
    if (have != value) return false;
  }
  return true;
}

struct Outcome {
  std::vector<Statement> statements;
  std::vector<Discovery> discoveries;
  std::vector<std::string> corefs;
  std::vector<std::string> Describe(RuleKind kind) const {
    std::vector<std::string> out;
    for (const Statement& st : statements) out.push_back(FormatStatementBrief(st));
    for (const Discovery& d : discoveries) {
      out.push_back(d.entity_id + (d.office.empty() ? "" : " office=\"" + d.office + "\"") +
                    (d.country.empty() ? "" : " country=" + d.country));
    }
    for (const std::string& c : corefs) out.push_back(c);
    (void)kind;
    return out;
  }
  bool empty() const { return statements.empty() && discoveries.empty() && corefs.empty(); }
};

Outcome RunExample(const RuleSet& rules, const Rule& rule, const std::string& sentence) {
  Document document;
  document.info.id = "example";
  document.info.format = "text";
  document.info.date = rule.example_date;
  document.text = sentence;
  const PreparedDocument prepared = PrepareDocument(document);
  std::vector<SentenceInput> units;
  for (const PreparedSentence& p : prepared.sentences) {
    units.push_back(SentenceInput{p.text, true, -1, p.paragraph});
  }
  DocumentAnalysis analysis =
      AnalyzeSentences(rules, units, rule.example_date, false,
                       rule.kind == RuleKind::kRelation ? std::string_view(rule.id) : "");
  Outcome outcome;
  for (SentenceAnalysis& s : analysis.sentences) {
    for (Statement& st : s.statements) {
      if (st.rule == rule.id) outcome.statements.push_back(std::move(st));
    }
  }
  for (Discovery& d : analysis.discoveries) {
    if (d.rule == rule.id) outcome.discoveries.push_back(std::move(d));
  }
  for (auto& [r, id] : analysis.corefs) {
    if (r == rule.id) outcome.corefs.push_back(id);
  }
  return outcome;
}

bool OutcomeHas(const Outcome& outcome, RuleKind kind,
                const std::map<std::string, std::string>& fields) {
  if (kind == RuleKind::kRelation) {
    for (const Statement& st : outcome.statements) {
      if (StatementMatches(st, fields)) return true;
    }
    return false;
  }
  if (kind == RuleKind::kDiscover) {
    for (const Discovery& d : outcome.discoveries) {
      bool ok = d.entity_id == fields.at("entity");
      if (auto it = fields.find("office"); it != fields.end()) ok = ok && d.office == it->second;
      if (auto it = fields.find("country"); it != fields.end()) ok = ok && d.country == it->second;
      if (ok) return true;
    }
    return false;
  }
  for (const std::string& c : outcome.corefs) {
    if (c == fields.at("entity")) return true;
  }
  return false;
}

std::string Got(const Outcome& outcome, RuleKind kind) {
  const std::vector<std::string> got = outcome.Describe(kind);
  if (got.empty()) return "got nothing";
  std::string out = "got ";
  for (size_t i = 0; i < got.size(); ++i) out += (i > 0 ? " | " : "") + got[i];
  return out;
}

}  // namespace

bool RulesCheckReport::ok() const {
  if (!diagnostics.empty()) return false;
  for (const RuleCheckResult& r : rules) {
    if (!r.failures.empty()) return false;
  }
  return true;
}

Result<RulesCheckReport> CheckRules(const std::vector<RuleSource>& sources) {
  RulesCheckReport report;
  std::shared_ptr<const RuleSet> rules = RuleSet::Compile(sources, &report.diagnostics);
  if (rules == nullptr) return report;
  report.entities = rules->entity_count();
  report.aliases = rules->alias_count();
  for (const Rule& rule : rules->compiled().rules) {
    if (rule.tests.empty()) {
      ++(rule.imported ? report.imported_rules : report.untested_rules);
      continue;
    }
    RuleCheckResult result;
    result.kind = std::string(internal::RuleKindName(rule.kind));
    result.id = rule.id;
    result.path = rule.where.path;
    result.line = rule.where.line;
    int example_number = 0, counter_number = 0;
    for (const SelfTest& test : rule.tests) {
      ++result.tests;
      const Outcome outcome = RunExample(*rules, rule, test.sentence);
      const std::string where = " (line " + std::to_string(test.line) + ")";
      if (test.counter) {
        ++counter_number;
        if (!outcome.empty()) {
          result.failures.push_back("counter " + std::to_string(counter_number) + where +
                                    ": expected nothing; " + Got(outcome, rule.kind));
        }
        continue;
      }
      ++example_number;
      const std::string name = "example " + std::to_string(example_number) + where;
      if (test.expects.empty()) {
        if (outcome.empty()) result.failures.push_back(name + ": expected a result; got nothing");
        continue;
      }
      for (const auto& [line, text] : test.expects) {
        std::map<std::string, std::string> fields;
        std::string error;
        if (!ParseExpect(rule.kind, text, &fields, &error)) {
          result.failures.push_back("expect (line " + std::to_string(line) + "): " + error);
          continue;
        }
        if (!OutcomeHas(outcome, rule.kind, fields)) {
          result.failures.push_back(name + ": expected " + text + "; " + Got(outcome, rule.kind));
        }
      }
    }
    report.rules.push_back(std::move(result));
  }
  return report;
}

std::string FormatRulesCheckReport(const RulesCheckReport& report) {
  if (!report.diagnostics.empty()) return FormatDiagnostics(report.diagnostics);
  std::string out;
  size_t failed = 0;
  for (const RuleCheckResult& r : report.rules) {
    const bool ok = r.failures.empty();
    if (!ok) ++failed;
    out += std::string(ok ? "OK    " : "FAIL  ") + r.kind + " " + r.id + " (" + r.path + ":" +
           std::to_string(r.line) + ")\n";
    for (const std::string& f : r.failures) out += "      " + f + "\n";
  }
  out += std::to_string(report.rules.size()) +
         " rules checked: " + std::to_string(report.rules.size() - failed) + " OK, " +
         std::to_string(failed) + " FAIL; " + std::to_string(report.untested_rules) +
         " rules without examples; " +
         (report.imported_rules > 0
              ? std::to_string(report.imported_rules) + " imported rules (no examples); "
              : std::string()) +
         std::to_string(report.entities) + " entities, " + std::to_string(report.aliases) +
         " aliases\n";
  return out;
}

}  // namespace parley
