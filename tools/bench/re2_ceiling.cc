// re2_ceiling: the regex ceiling for `parley extract`. Scans the same documents with RE2 alone,
// one alternation of every literal alias of the default rules (labels, `alias`, `alias/i`),
// whole-word, the way ripgrep or a Python `re` alternation would. No normalisation, sentence
// splitting, tagging or relations: whatever parley does beyond this costs time on top.
//
//   re2_ceiling [--rules DIR]... INPUT...
//
// INPUT is anything `parley extract` reads (files, directories, .jsonl, .jsonl.zst). Documents
// are read into memory first, untimed; only the scan is timed, on one thread. Prints one line
// of key=value pairs on stdout: aliases, documents, bytes, matches, seconds (wall),
// cpu_seconds (this thread), mb_per_s and mb_per_cpu_s.
#include <re2/re2.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"
#include "extract/default_rules.h"
#include "extract/document_reader.h"
#include "extract/rule_source.h"

namespace parley {
namespace {

struct Aliases {
  std::set<std::string> sensitive;
  std::set<std::string> insensitive;
};

// The value of an indented `key value` property line, comments removed; nullopt otherwise.
std::optional<std::string_view> PropertyValue(std::string_view line, std::string_view key) {
  if (line.empty() || (line[0] != ' ' && line[0] != '\t')) return std::nullopt;
  line = TrimSpace(line);
  if (line.substr(0, key.size()) != key) return std::nullopt;
  std::string_view rest = line.substr(key.size());
  if (rest.empty() || (rest[0] != ' ' && rest[0] != '\t')) return std::nullopt;
  // `#` after white space starts a comment (rules/README.md, section 1).
  for (size_t i = 1; i < rest.size(); ++i) {
    if (rest[i] == '#' && (rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      rest = rest.substr(0, i);
      break;
    }
  }
  return TrimSpace(rest);
}

void AddList(std::string_view list, std::set<std::string>* out) {
  while (!list.empty()) {
    const size_t comma = list.find(',');
    std::string_view item = TrimSpace(list.substr(0, comma));
    if (!item.empty()) out->insert(std::string(item));
    if (comma == std::string_view::npos) break;
    list = list.substr(comma + 1);
  }
}

Aliases CollectAliases(const std::vector<RuleSource>& sources) {
  Aliases aliases;
  for (const RuleSource& source : sources) {
    std::string_view text = source.text;
    while (!text.empty()) {
      const size_t newline = text.find('\n');
      std::string_view line = text.substr(0, newline);
      text = newline == std::string_view::npos ? std::string_view() : text.substr(newline + 1);
      if (auto label = PropertyValue(line, "label")) {
        aliases.sensitive.insert(std::string(*label));
      } else if (auto list = PropertyValue(line, "alias")) {
        AddList(*list, &aliases.sensitive);
      } else if (auto folded = PropertyValue(line, "alias/i")) {
        AddList(*folded, &aliases.insensitive);
      }
    }
  }
  return aliases;
}

std::string Alternation(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(word);
  }
  return out;
}

// CPU time of the calling thread: unlike wall time, it does not grow when others load the machine.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

int Run(int argc, char** argv) {
  std::vector<std::string> rule_dirs;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--rules" && i + 1 < argc) {
      rule_dirs.push_back(argv[++i]);
    } else {
      inputs.push_back(arg);
    }
  }
  if (inputs.empty()) {
    std::cerr << "usage: re2_ceiling [--rules DIR]... INPUT...\n";
    return 2;
  }
  std::vector<RuleSource> sources = DefaultRuleSources();
  if (!rule_dirs.empty()) {
    auto extra = ReadRuleSources(rule_dirs, 1);
    if (!extra.ok()) {
      std::cerr << "re2_ceiling: error: " << extra.status().message() << "\n";
      return 1;
    }
    AddUserSources(*std::move(extra), &sources);
  }
  const Aliases aliases = CollectAliases(sources);

  std::string pattern = "\\b(?:" + Alternation(aliases.sensitive) + ")\\b";
  if (!aliases.insensitive.empty()) {
    pattern += "|(?i:\\b(?:" + Alternation(aliases.insensitive) + ")\\b)";
  }
  RE2::Options options;
  options.set_max_mem(int64_t{1} << 30);  // room for the DFA of thousands of alternatives
  options.set_log_errors(false);
  const RE2 re(pattern, options);
  if (!re.ok()) {
    std::cerr << "re2_ceiling: error: cannot compile the alias alternation: " << re.error() << "\n";
    return 1;
  }

  auto reader = DocumentReader::Open(inputs, ReaderOptions());
  if (!reader.ok()) {
    std::cerr << "re2_ceiling: error: " << reader.status().message() << "\n";
    return 1;
  }
  std::vector<std::string> texts;
  uint64_t bytes = 0;
  for (;;) {
    auto document = (*reader)->Next();
    if (!document.ok()) {
      std::cerr << "re2_ceiling: error: " << document.status().message() << "\n";
      return 1;
    }
    if (!document->has_value()) break;
    bytes += (**document).text.size();
    texts.push_back(std::move((**document).text));
  }

  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ThreadCpuSeconds();
  uint64_t matches = 0;
  for (const std::string& text : texts) {
    re2::StringPiece rest(text);
    while (RE2::FindAndConsume(&rest, re)) {
      ++matches;
    }
  }
  const double cpu_seconds = ThreadCpuSeconds() - cpu_start;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "aliases=%zu documents=%zu bytes=%llu matches=%llu seconds=%.3f cpu_seconds=%.3f "
      "mb_per_s=%.2f mb_per_cpu_s=%.2f\n",
      aliases.sensitive.size() + aliases.insensitive.size(), texts.size(),
      static_cast<unsigned long long>(bytes), static_cast<unsigned long long>(matches), seconds,
      cpu_seconds, seconds > 0 ? bytes / 1e6 / seconds : 0.0,
      cpu_seconds > 0 ? bytes / 1e6 / cpu_seconds : 0.0);
  return 0;
}

}  // namespace
}  // namespace parley

int main(int argc, char** argv) { return parley::Run(argc, argv); }
