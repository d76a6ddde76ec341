// Differential test: the fast matcher (first-token alias hash, RE2::Set for entity patterns,
// anchor-word rule selection) against a naive reference that lives only here: every alias
// tried at every token that spells its first word, every entity pattern run on its own, every
// relation pattern run on every sentence.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "base/text.h"
#include "extract/default_rules.h"
#include "extract/prepare.h"
#include "extract/rule_compiled.h"
#include "extract/rule_entities.h"
#include "extract/rule_matcher.h"
#include "extract/rule_set.h"
#include "extract/rule_tokens.h"

namespace parley {
namespace {

using internal::Token;

// (begin byte, end byte, entity id) of every alias or pattern match, overlapping.
using Span3 = std::tuple<uint64_t, uint64_t, std::string>;

std::vector<Span3> NaiveCandidates(const internal::CompiledRules& rules, std::string_view text) {
  const std::vector<Token> tokens = internal::Tokenize(text);
  const std::string lower = AsciiLower(text);
  std::vector<Span3> out;
  const internal::AliasIndex& index = rules.alias_index;
  // Where each token's text (as written, and lower-cased) starts: an alias is tried at the
  // tokens that spell its first word (tens of thousands of imported aliases at every token
  // took most of the suite's time).
  std::map<std::string_view, std::vector<size_t>, std::less<>> starts[2];
  for (size_t i = 0; i < tokens.size(); ++i) {
    const size_t length = tokens[i].end - tokens[i].begin;
    starts[0][text.substr(tokens[i].begin, length)].push_back(i);
    starts[1][std::string_view(lower).substr(tokens[i].begin, length)].push_back(i);
  }
  for (const auto* buckets : {&index.exact, &index.folded}) {
    const bool ignore_case = buckets == &index.folded;
    for (uint32_t first = 0; first < buckets->size(); ++first) {
      if ((*buckets)[first].empty()) continue;
      const auto at = starts[ignore_case ? 1 : 0].find(index.tokens.Text(first));
      if (at == starts[ignore_case ? 1 : 0].end()) continue;
      for (const internal::AliasKey& a : (*buckets)[first]) {
        // The alias as texts and spaces again: token k > 0 is rest[k - 1] = id * 2 + space.
        std::vector<std::string_view> texts = {index.tokens.Text(first)};
        std::vector<bool> space_before = {false};
        for (uint32_t key : index.Rest(a)) {
          texts.push_back(index.tokens.Text(key / 2));
          space_before.push_back((key & 1) != 0);
        }
        for (const size_t i : at->second) {
          if (i + texts.size() > tokens.size()) continue;
          bool ok = true;
          for (size_t k = 0; k < texts.size() && ok; ++k) {
            const Token& t = tokens[i + k];
            const std::string_view have =
                (ignore_case ? std::string_view(lower) : text).substr(t.begin, t.end - t.begin);
            ok = have == texts[k] && (k == 0 || t.space_before == space_before[k]);
          }
          if (ok) {
            out.emplace_back(tokens[i].begin, tokens[i + texts.size() - 1].end,
                             rules.entities[a.entity].entity.id);
          }
        }
      }
    }
  }
  for (const internal::EntityPattern& p : rules.entity_patterns) {
    re2::StringPiece input(text.data(), text.size()), m;
    size_t pos = 0;
    while (pos <= text.size() && p.re->Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      const size_t b = m.data() - text.data(), e = b + m.size();
      pos = e > b ? e : b + 1;
      const bool starts =
          std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return t.begin == b; });
      const bool ends =
          std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return t.end == e; });
      if (e > b && starts && ends) out.emplace_back(b, e, rules.entities[p.entity].entity.id);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every kept entity mention of the fast path must be one of the naive candidates, and every
// naive candidate must be kept or overlap a kept mention at least as long.
void CompareMentions(const RuleSet& set, std::string_view text, const SentenceAnalysis& fast) {
  const std::vector<Span3> naive = NaiveCandidates(set.compiled(), text);
  std::vector<Span3> kept;
  for (const MentionTrace& m : fast.mentions) {
    // The sector pass (extract/sectors.h) composes matcher mentions into longer actors ("Chilean
    // military", "the Japanese"): no matcher output, so no naive candidate either.
    // So does its reading of "the Eisenhower administration" as the person's government.
    if (m.via.starts_with("sector ") || m.via.starts_with("demonym actor ") ||
        m.via.starts_with("person's government ")) {
      continue;
    }
    if (m.kind == "entity" || m.kind == "demonym") {
      kept.emplace_back(m.bytes.begin, m.bytes.end, m.entity_id);
    }
  }
  for (const Span3& k : kept) {
    EXPECT_TRUE(std::binary_search(naive.begin(), naive.end(), k))
        << "fast-only mention " << std::get<2>(k) << " at " << std::get<0>(k);
  }
  for (const Span3& n : naive) {
    const uint64_t nb = std::get<0>(n), ne = std::get<1>(n);
    // The sector pass drops a plural demonym without a determiner ("to feed East Germans"):
    // it names a state only as "the Germans".
    const std::string_view word = text.substr(nb, ne - nb);
    if (word.size() > 3 && word.back() == 's' &&
        internal::DemonymTakesPlural(word.substr(0, word.size() - 1))) {
      continue;
    }
    bool covered = false;
    for (const MentionTrace& m : fast.mentions) {
      covered = covered ||
                (m.bytes.begin < ne && nb < m.bytes.end && m.bytes.end - m.bytes.begin >= ne - nb);
    }
    EXPECT_TRUE(covered) << "naive mention " << std::get<2>(n) << " at " << nb << " lost";
  }
}

// The tagged sentence, rebuilt from the trace the way tagged_sentence.h documents it: as
// written, and in `folded` with the words' ASCII letters lower-cased.
std::string Tagged(std::string_view text, const SentenceAnalysis& fast,
                   std::vector<const MentionTrace*>* by_index, std::string* folded) {
  const std::vector<Token> tokens = internal::Tokenize(text);
  std::string out = " ";
  *folded = " ";
  size_t t = 0;
  std::vector<const MentionTrace*> order;
  for (const MentionTrace& m : fast.mentions) order.push_back(&m);
  *by_index = order;
  while (t < tokens.size()) {
    const MentionTrace* hit = nullptr;
    size_t index = 0;
    for (size_t i = 0; i < order.size(); ++i) {
      if (order[i]->bytes.begin == tokens[t].begin) {
        // A quote encloses the mentions inside it; take the longest at this token.
        if (hit == nullptr || order[i]->bytes.end > hit->bytes.end) {
          hit = order[i];
          index = i;
        }
      }
    }
    if (hit == nullptr) {
      std::string token(text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin));
      for (char& c : token) c = (c == '\x01' || c == '\x02') ? '?' : c;
      out += token + " ";
      *folded += AsciiLower(token) + " ";
      ++t;
      continue;
    }
    std::string letters;
    if (hit->kind == "demonym") {
      letters = "J";
    } else if (hit->kind == "date") {
      letters = "D";
    } else if (hit->kind == "quote") {
      letters = "Q";
    } else {
      auto letter = [](const std::string& id) {
        return internal::MentionLetter(
            internal::EntityTypeBit(*ParseEntityType(id.substr(0, id.find(':')))));
      };
      letters = letter(hit->entity_id);
      if (!hit->acts_as.empty()) letters += letter(hit->acts_as);
    }
    out += "\x01" + letters + std::to_string(index) + "\x02 ";
    *folded += "\x01" + letters + std::to_string(index) + "\x02 ";
    while (t < tokens.size() && tokens[t].begin < hit->bytes.end) ++t;
  }
  return out;
}

// (rule, pattern line, subject id) for every match of every relation pattern.
std::set<std::tuple<std::string, int, std::string>> NaiveRelations(const RuleSet& set,
                                                                   std::string_view text,
                                                                   const SentenceAnalysis& fast) {
  std::vector<const MentionTrace*> mentions;
  std::string folded;
  const std::string written = Tagged(text, fast, &mentions, &folded);
  std::set<std::tuple<std::string, int, std::string>> out;
  for (const internal::Rule& rule : set.compiled().rules) {
    if (rule.kind != internal::RuleKind::kRelation) continue;
    for (const internal::CompiledPattern& p : rule.patterns) {
      const std::string& tagged = p.cased ? written : folded;
      const int n = 1 + p.re->NumberOfCapturingGroups();
      std::vector<re2::StringPiece> g(n);
      size_t pos = 0;
      while (pos < tagged.size() &&
             p.re->Match(tagged, pos, tagged.size(), RE2::UNANCHORED, g.data(), n)) {
        const size_t end = g[0].data() - tagged.data() + g[0].size();
        pos = end > pos + 1 ? end - 1 : pos + 1;
        std::string subject, others;
        for (size_t c = 0; c < p.captures.size(); ++c) {
          if (g[c + 1].data() == nullptr || p.captures[c].kind != internal::SlotKind::kMention) {
            continue;
          }
          std::string digits;
          for (char ch : std::string_view(g[c + 1].data(), g[c + 1].size())) {
            if (ch >= '0' && ch <= '9') digits += ch;
          }
          const MentionTrace* m = mentions[std::stoul(digits)];
          if (m->kind == "date" || m->kind == "quote") continue;
          const std::string type = m->entity_id.substr(0, m->entity_id.find(':'));
          const bool fits = internal::EntityTypeBit(*ParseEntityType(type)) & p.captures[c].bits;
          const std::string id = (p.captures[c].actor && !m->acts_as.empty()) ? m->acts_as
                                 : (fits || m->acts_as.empty())               ? m->entity_id
                                                                              : m->acts_as;
          if (p.captures[c].role == internal::SlotRole::kSubject) {
            subject = id;
          } else if (p.captures[c].role == internal::SlotRole::kObject ||
                     p.captures[c].role == internal::SlotRole::kRecipient) {
            others += id + " ";
          }
        }
        if (subject.empty() || others.find(subject + " ") != std::string::npos) continue;
        out.emplace(rule.id, p.line, subject);
      }
    }
  }
  return out;
}

std::vector<std::string> CorpusSentences() {
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"corpus/wh-readouts", "corpus/milestones"}) {
    for (const auto& e :
         std::filesystem::directory_iterator(std::filesystem::path(PARLEY_TEST_DATA_DIR) / dir)) {
      files.push_back(e.path());
    }
  }
  files.push_back(std::filesystem::path(PARLEY_SOURCE_DIR) /
                  "examples/apb-russo-japanese-peace-treaty-talks-2019.txt");
  std::sort(files.begin(), files.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < files.size(); i += 5) {  // every fifth file keeps the test quick
    std::ifstream in(files[i], std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    Document doc;
    doc.info.format = "text";
    doc.text = buffer.str();
    for (const PreparedSentence& s : PrepareDocument(doc).sentences) out.push_back(s.text);
  }
  return out;
}

TEST(RuleDifferentialTest, FastPathMatchesNaiveReferenceOnCorpus) {
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(DefaultRuleSources());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::vector<std::string> sentences = CorpusSentences();
  ASSERT_GT(sentences.size(), 300u);
  size_t fired = 0, index = 0;
  for (const std::string& s : sentences) {
    SCOPED_TRACE(s);
    // One sentence at a time: discovery and coreference then only use that sentence, which
    // both paths see identically.
    const DocumentAnalysis a = AnalyzeSentences(**rules, {{s, true, -1}}, "2019-06-01", true);
    const SentenceAnalysis& fast = a.sentences[0];
    std::set<std::tuple<std::string, int, std::string>> fast_set;
    for (const RuleFiring& f : fast.firings) {
      if (f.what != "pattern") continue;  // frames read clauses, not patterns
      for (const auto& [role, value] : f.captures) {
        if (role == "subject") fast_set.emplace(f.rule, f.line, value);
      }
    }
    fired += fast_set.size();
    EXPECT_EQ(fast_set, NaiveRelations(**rules, s, fast));
    if (index++ % 4 == 0 && a.discoveries.empty() && a.corefs.empty()) {
      CompareMentions(**rules, s, fast);
    }
  }
  EXPECT_GT(fired, 10u);
}

// `hosted` ("(the)? {text:text} , hosted by ...") has no known first unit: the fast path tries
// it anchored at every space in turn, the reference searches unanchored.
TEST(RuleDifferentialTest, PatternWithoutAKnownStartMatchesUnanchoredSearch) {
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(DefaultRuleSources());
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::vector<std::string> sentences = {
      "On May 12th, during the Second Global COVID-19 Summit, hosted by President Biden at the "
      "White House, there were new commitments.",
      "The summit, hosted by Japan, and the dinner, chaired by Russia, ended.",
      "The talks in Geneva, convened by France, hosted by Germany, began.",
      ", hosted by Japan.",
      "The, hosted by Japan",
      "A dinner hosted by Japan.",
  };
  size_t hosted = 0;
  for (const std::string& s : sentences) {
    SCOPED_TRACE(s);
    const DocumentAnalysis a = AnalyzeSentences(**rules, {{s, true, -1}}, "2022-05-12", true);
    std::set<std::tuple<std::string, int, std::string>> fast_set;
    for (const RuleFiring& f : a.sentences[0].firings) {
      if (f.what != "pattern") continue;
      for (const auto& [role, value] : f.captures) {
        if (role == "subject") fast_set.emplace(f.rule, f.line, value);
      }
    }
    for (const auto& [rule, line, subject] : fast_set) hosted += rule == "hosted" ? 1 : 0;
    EXPECT_EQ(fast_set, NaiveRelations(**rules, s, a.sentences[0]));
  }
  EXPECT_GE(hosted, 4u);
}

// Many overlapping aliases over a tiny vocabulary, so that shared first tokens, case folding,
// adjacency without spaces and the overlap policy are all exercised.
TEST(RuleDifferentialTest, SyntheticDictionary) {
  const std::vector<std::string> vocabulary = {"Alpha", "beta", "Gamma", "delta", "EU",
                                               "U",     ".",    "S",     "-",     "Omega"};
  uint64_t seed = 12345;
  auto next = [&seed](uint64_t n) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return (seed >> 33) % n;
  };
  std::string rules;
  for (int e = 0; e < 300; ++e) {
    std::string alias;
    const uint64_t words = 1 + next(3);
    for (uint64_t w = 0; w < words; ++w) {
      if (w > 0 && next(3) != 0) alias += " ";
      alias += vocabulary[next(vocabulary.size())];
    }
    if (alias.find(',') != std::string::npos) continue;
    rules += "entity group:g" + std::to_string(e) + "\n  label L" + std::to_string(e) + "\n  " +
             (next(2) == 0 ? "alias/i" : "alias") + "    " + alias + "\n  priority " +
             std::to_string(next(3)) + "\n";
  }
  rules += "entity group:p1\n  label P1\n  pattern (?i)gamma +delta\n";
  Result<std::shared_ptr<const RuleSet>> set = RuleSet::Compile({{"syn.rules", rules, 0}});
  ASSERT_TRUE(set.ok()) << set.status().message();
  for (int i = 0; i < 300; ++i) {
    std::string sentence;
    const uint64_t words = 3 + next(12);
    for (uint64_t w = 0; w < words; ++w) {
      if (w > 0 && next(4) != 0) sentence += " ";
      std::string word = vocabulary[next(vocabulary.size())];
      if (next(5) == 0) word = AsciiLower(word);
      sentence += word;
    }
    SCOPED_TRACE(sentence);
    const DocumentAnalysis a = AnalyzeSentences(**set, {{sentence, true, -1}}, "", true);
    CompareMentions(**set, sentence, a.sentences[0]);
  }
}

}  // namespace
}  // namespace parley
