// parley vocab: the words to ask in: every predicate the rules produce (meaning, PLOVER and
// CAMEO codes, the verbs and rules behind it, its statements in the store) and the entity types.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "base/json.h"
#include "base/text.h"
#include "extract/vocabulary.h"
#include "tools/cli/commands.h"
#include "tools/cli/common.h"
#include "tools/cli/progress.h"

namespace parley::cli {
namespace {

struct VocabFlags {
  std::string db;
  RuleFlags rules;
  bool json = false;
};

void Define(CLI::App& app, VocabFlags& f) {
  ConfigureApp(app, "vocab",
               "List the vocabulary to ask in: every predicate the rules can produce, with its "
               "meaning (the PLOVER type's and an example), PLOVER and CAMEO codes, the verbs "
               "and rules that produce it and its statements in the store; then the entity "
               "types with their counts. query, timeline and graph also take the plain verbs "
               "(\"met\" for met_with).\nExamples:\n"
               "  parley vocab\n"
               "  parley vocab --db news.db --rules my-rules/ --json");
  AddDbFlag(app, f.db);
  AddRuleFlags(app, f.rules);
  app.add_flag("--json", f.json, "One JSON object per predicate and per type (JSON Lines)");
}

std::string Join(const std::vector<std::string>& items, size_t at_most = 0) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (at_most > 0 && i == at_most) {
      out += fmt::format(", ... ({} more)", items.size() - at_most);
      break;
    }
    out += (i == 0 ? "" : ", ") + items[i];
  }
  return out;
}

void AppendJsonList(std::string_view key, const std::vector<std::string>& items, std::string* out) {
  out->push_back(',');
  AppendJsonString(key, out);
  out->append(":[");
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(items[i], out);
  }
  out->push_back(']');
}

void AppendJsonField(std::string_view key, std::string_view value, std::string* out) {
  out->push_back(',');
  AppendJsonString(key, out);
  out->push_back(':');
  AppendJsonString(value, out);
}

}  // namespace

int RunVocab(const CommandContext& context) {
  VocabFlags flags;
  CLI::App app;
  Define(app, flags);
  if (auto code = ParseFlags(app, context)) return *code;
  auto rules = CompileRules(flags.rules);
  if (!rules.ok()) return ReportError(context, rules.status());
  const std::vector<PredicateInfo> vocabulary = DescribePredicates(**rules);

  // Counts from the store when there is one; the vocabulary stands without.
  std::optional<StoreStats> stats;
  if (std::filesystem::exists(flags.db)) {
    auto store = OpenStoreForReading(flags.db);
    if (!store.ok()) return ReportStoreError(context, store.status());
    auto read = (*store)->Stats();
    if (!read.ok()) return ReportError(context, read.status());
    stats = std::move(*read);
  } else {
    Warn(context, "no store at '" + flags.db + "'; statement counts are left out (--db DIR)");
  }
  auto count = [&](const std::map<std::string, uint64_t>& counts, const std::string& key) {
    if (!stats) return std::string("-");
    auto it = counts.find(key);
    return WithThousands(it == counts.end() ? 0 : it->second);
  };
  // Predicates the store holds that these rules do not produce (loaded from statement files
  // or extracted with other rules).
  std::vector<std::string> others;
  if (stats) {
    for (const auto& entry : stats->statements_by_predicate) {
      const std::string& predicate = entry.first;
      const bool known =
          std::any_of(vocabulary.begin(), vocabulary.end(),
                      [&](const PredicateInfo& p) { return p.predicate == predicate; });
      if (!known) others.push_back(predicate);
    }
  }

  std::ostream& out = context.out();
  if (flags.json) {
    for (const PredicateInfo& p : vocabulary) {
      std::string line = "{\"predicate\":";
      AppendJsonString(p.predicate, &line);
      if (stats) line += ",\"statements\":" + count(stats->statements_by_predicate, p.predicate);
      AppendJsonList("plover", p.plover, &line);
      AppendJsonList("cameo", p.cameo, &line);
      std::vector<std::string> glosses;
      for (const std::string& type : p.plover) glosses.emplace_back(PloverGloss(type));
      AppendJsonList("meaning", glosses, &line);
      AppendJsonList("verbs", p.verbs, &line);
      AppendJsonList("words", p.words, &line);
      AppendJsonList("rules", p.rules, &line);
      AppendJsonField("example", p.example, &line);
      AppendJsonField("expect", p.expect, &line);
      out << line << "}\n";
    }
    for (EntityType type : kAllEntityTypes) {
      std::string line = "{\"entity_type\":";
      AppendJsonString(EntityTypeName(type), &line);
      if (stats) {
        line +=
            ",\"entities\":" + count(stats->entities_by_type, std::string(EntityTypeName(type)));
      }
      out << line << "}\n";
    }
    return 0;
  }
  out << fmt::format("{} predicates{}\n", vocabulary.size(),
                     stats ? " (statements in " + flags.db + ")" : "");
  for (const PredicateInfo& p : vocabulary) {
    std::vector<std::string> codes;
    for (const std::string& type : p.plover) {
      const std::string_view gloss = PloverGloss(type);
      codes.push_back(gloss.empty() ? type : fmt::format("{} ({})", type, gloss));
    }
    const std::string n = count(
        stats ? stats->statements_by_predicate : std::map<std::string, uint64_t>(), p.predicate);
    out << "\n" << p.predicate;
    if (stats) out << fmt::format("  {} statement{}", n, n == "1" ? "" : "s");
    if (!codes.empty()) out << "  PLOVER " << Join(codes);
    if (!p.cameo.empty()) out << "  CAMEO " << Join(p.cameo);
    out << "\n";
    if (!p.verbs.empty()) out << "  verbs:  " << Join(p.verbs, 12) << "\n";
    if (!p.words.empty()) out << "  words:  " << Join(p.words, 12) << "\n";
    out << "  rules:  " << Join(p.rules, 4) << "\n";
    if (!p.example.empty()) {
      out << "  e.g.    \"" << CollapseSpace(p.example) << "\"\n";
      if (!p.expect.empty()) out << "          -> " << p.expect << "\n";
    }
  }
  if (!others.empty()) {
    out << "\nin the store, not produced by these rules: " << Join(others) << "\n";
  }
  out << "\nentity types" << (stats ? "  (entities in the store)" : "") << "\n";
  for (EntityType type : kAllEntityTypes) {
    const std::string name(EntityTypeName(type));
    out << fmt::format(
        "  {:<14}{:>10}\n", name,
        count(stats ? stats->entities_by_type : std::map<std::string, uint64_t>(), name));
  }
  return 0;
}

void HelpVocab(std::ostream& out) { PrintHelp(Define, out); }

}  // namespace parley::cli
