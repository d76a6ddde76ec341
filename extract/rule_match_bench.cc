// Rule matching throughput and compile time against dictionary size: the default rules plus
// N synthetic entities (1,000 or 50,000), matched over synthetic diplomatic sentences that
// mention some of them. The 50,000-alias case should stay within 3x of the 1,000 case, since
// alias lookup is a hash probe per token, not a scan over the dictionary.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include "extract/default_rules.h"
#include "extract/rule_matcher.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

class Rng {
 public:
  uint64_t Next(uint64_t n) {
    state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
    return (state_ >> 33) % n;
  }

 private:
  uint64_t state_ = 42;
};

std::string Name(Rng& rng) {
  // 32 syllables, 3 or 4 of them: about a million distinct names, so entities rarely share
  // a name (as in a real gazetteer) and the dictionary size is what varies.
  static const char* kSyllables[] = {"ka", "ro",  "mi",  "ta",  "vel", "dor", "an", "is",
                                     "ul", "zen", "bo",  "ri",  "sha", "ko",  "ne", "var",
                                     "lu", "pe",  "gor", "ith", "ma",  "sul", "te", "yan",
                                     "fe", "dri", "os",  "qua", "ben", "hol", "ex", "wi"};
  std::string out;
  const uint64_t n = 3 + rng.Next(2);
  for (uint64_t i = 0; i < n; ++i) out += kSyllables[rng.Next(32)];
  out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

struct Fixture {
  std::vector<RuleSource> sources;
  std::vector<std::string> names;  // two-word person names
  std::string text;
  std::vector<std::string> sentences;
};

Fixture MakeFixture(int entities) {
  Fixture f;
  f.sources = DefaultRuleSources();
  Rng rng;
  std::string rules;
  for (int i = 0; i < entities; ++i) {
    const std::string name = Name(rng) + " " + Name(rng);
    f.names.push_back(name);
    rules += "entity person:synthetic-" + std::to_string(i) + "\n  label " + name + "\n  alias " +
             name.substr(name.find(' ') + 1) + "\n";
  }
  f.sources.push_back({"synthetic.rules", rules, 1});
  static const char* kTemplates[] = {
      "%1 met with Japanese Prime Minister %2 in Tokyo on Monday to discuss trade.",
      "In a statement, %1 said that \"the talks were productive\" and thanked %2.",
      "Russian President %1 will visit Beijing in June 2019, officials said.",
      "The two leaders discussed the situation in the region and agreed to stay in touch.",
      "%1 did not meet %2 during the summit, according to the foreign ministry.",
      "Moscow has set two requirements for any peace treaty with Japan.",
  };
  for (int s = 0; s < 600; ++s) {
    std::string t = kTemplates[rng.Next(6)];
    for (const char* slot : {"%1", "%2"}) {
      const size_t at = t.find(slot);
      if (at != std::string::npos) t.replace(at, 2, f.names[rng.Next(f.names.size())]);
    }
    f.sentences.push_back(t);
    f.text += t + " ";
  }
  return f;
}

const Fixture& GetFixture(int entities) {
  static const Fixture* small = new Fixture(MakeFixture(1000));
  static const Fixture* large = new Fixture(MakeFixture(50000));
  return entities <= 1000 ? *small : *large;
}

void BM_Compile(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(f.sources);
    if (!rules.ok()) state.SkipWithError(rules.status().message().c_str());
    benchmark::DoNotOptimize(rules);
  }
}
BENCHMARK(BM_Compile)->Arg(1000)->Arg(50000)->Unit(benchmark::kMillisecond);

void BM_Match(benchmark::State& state) {
  const Fixture& f = GetFixture(static_cast<int>(state.range(0)));
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(f.sources);
  if (!rules.ok()) {
    state.SkipWithError(rules.status().message().c_str());
    return;
  }
  std::vector<SentenceInput> units;
  for (const std::string& s : f.sentences) units.push_back({s, true, -1});
  size_t statements = 0;
  for (auto _ : state) {
    const DocumentAnalysis a = AnalyzeSentences(**rules, units, "2019-03-01", false);
    for (const SentenceAnalysis& s : a.sentences) statements += s.statements.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.text.size()));
  state.counters["statements/iter"] = static_cast<double>(statements) /
                                      static_cast<double>(std::max<int64_t>(1, state.iterations()));
}
BENCHMARK(BM_Match)->Arg(1000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley

BENCHMARK_MAIN();
