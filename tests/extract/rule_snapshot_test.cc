// The compiled-rules snapshot (extract/rule_snapshot.h) and cache (extract/rule_cache.h): a
// snapshot reads back into rules that write the same bytes and extract the same statements;
// damaged, foreign and stale files are refused with a reason, and the cache then compiles.
#include "extract/rule_snapshot.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "extract/default_rules.h"
#include "extract/extractor.h"
#include "extract/rule_cache.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"
#include "tools/built_in_rules_snapshot.h"

namespace parley {
namespace {

// A small rule set that reaches every part of the compiled rules the defaults may leave empty:
// an entity pattern (its RE2::Set and gate), roles with dates, an era.
constexpr char kExtraRules[] = R"(entity state:arnor
  label      Arnor
  alias      Kingdom of Arnor
  pattern    Arnor(?:ian)? Realm
  adjective  Arnorian
  era        state:old-arnor from 2000 to 2500

entity state:old-arnor
  label      Old Arnor

entity person:aragorn
  label      Aragorn
  role       king of state:arnor from 3019-03-25
)";

std::vector<RuleSource> Sources(bool extra) {
  std::vector<RuleSource> sources = DefaultRuleSources();
  if (extra) sources.push_back(RuleSource{"user/extra.rules", kExtraRules, 1});
  return sources;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = ::testing::TempDir() + "parley-rule-cache-XXXXXX";
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path_)) {
      names.push_back(e.path().filename().string());
    }
    return names;
  }

 private:
  std::string path_;
};

class RuleSnapshotRoundTripTest : public ::testing::TestWithParam<bool> {};

TEST_P(RuleSnapshotRoundTripTest, WriteReadWriteGivesTheSameBytes) {
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(Sources(GetParam()));
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  Result<std::string> first = (*rules)->Snapshot("key");
  ASSERT_TRUE(first.ok()) << first.status().message();
  Result<std::shared_ptr<const RuleSet>> loaded = RuleSet::FromSnapshot(*first, "key");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  Result<std::string> second = (*loaded)->Snapshot("key");
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(*first == *second) << "sizes " << first->size() << " and " << second->size();
  EXPECT_EQ((*loaded)->fingerprint(), (*rules)->fingerprint());
  EXPECT_EQ((*loaded)->fingerprint(), RuleSet::SourcesFingerprint(Sources(GetParam())));
  EXPECT_EQ((*loaded)->entity_count(), (*rules)->entity_count());
  EXPECT_EQ((*loaded)->alias_count(), (*rules)->alias_count());
  EXPECT_EQ((*loaded)->rule_count(), (*rules)->rule_count());
}

INSTANTIATE_TEST_SUITE_P(DefaultsAndExtra, RuleSnapshotRoundTripTest, ::testing::Bool());

// A loaded snapshot extracts what the compiled rules do, through the extractor's cache.
TEST(RuleCacheTest, LoadedRulesExtractTheSameStatements) {
  TempDir dir;
  const std::string user = dir.path() + "/user";
  std::filesystem::create_directories(user);
  WriteFile(user + "/extra.rules", kExtraRules);
  const std::vector<std::string> texts = {
      "Japanese Prime Minister Fumio Kishida met President Biden in Washington on Friday and "
      "said Japan would double its defense spending.",
      "The Arnorian Realm signed a treaty with Gondor in 3019. Aragorn, the king of the "
      "Kingdom of Arnor, visited Minas Tirith.",
      "Russia invaded Ukraine on February 24, 2022. The United Nations General Assembly "
      "condemned the invasion, and the European Union imposed sanctions on Moscow.",
  };
  ExtractorOptions options;
  options.rule_paths = {user};
  options.rules_cache.dir = dir.path() + "/cache";
  std::vector<std::string> notes;
  options.rules_cache.note = [&notes](const std::string& line) { notes.push_back(line); };
  ExtractorOptions uncached = options;
  uncached.rules_cache.dir = "";
  auto compiled = Extractor::Create(uncached);
  ASSERT_TRUE(compiled.ok()) << compiled.status().message();
  auto writer = Extractor::Create(options);  // compiles, writes the cache file
  ASSERT_TRUE(writer.ok());
  ASSERT_EQ(dir.Files().size(), 2u);  // user/, cache/
  const std::string key = RuleCacheKey([&] {
    std::vector<RuleSource> sources = DefaultRuleSources();
    Result<std::vector<RuleSource>> extra = ReadRuleSources({user}, 1);
    AddUserSources(std::move(*extra), &sources);
    return sources;
  }());
  ASSERT_FALSE(key.empty());
  ASSERT_TRUE(std::filesystem::exists(RuleCachePath(options.rules_cache.dir, key)));
  auto reader = Extractor::Create(options);  // reads it
  ASSERT_TRUE(reader.ok());
  EXPECT_TRUE(notes.empty());
  EXPECT_EQ((*reader)->rules_fingerprint(), (*compiled)->rules_fingerprint());
  size_t statements = 0;
  for (const std::string& text : texts) {
    Document document;
    document.info.id = "t";
    document.info.date = "2022-03-01";
    document.text = text;
    Result<Extraction> want = (*compiled)->Extract(document);
    Result<Extraction> got = (*reader)->Extract(document);
    ASSERT_TRUE(want.ok() && got.ok());
    EXPECT_EQ(got->statements, want->statements) << text;
    EXPECT_EQ(got->entities, want->entities) << text;
    statements += want->statements.size();
  }
  EXPECT_GT(statements, 3u);  // the texts do give statements
}

struct Damage {
  const char* name;
  // Makes the bad file from a good snapshot.
  std::string (*make)(const std::string& good);
  const char* says;  // in the note
};

std::string Truncate(const std::string& good) { return good.substr(0, good.size() / 2); }
std::string TruncateHeader(const std::string& good) { return good.substr(0, 20); }
std::string Flip(const std::string& good) {
  std::string bad = good;
  bad[bad.size() - bad.size() / 3] ^= 0x10;
  return bad;
}
std::string FlipChecksum(const std::string& good) {
  std::string bad = good;
  bad[bad.size() - 1] ^= 1;  // the payload's last byte: the checksum no longer matches
  return bad;
}
std::string OtherVersion(const std::string& good) {
  std::string bad = good;
  bad[8] = static_cast<char>(internal::kRuleSnapshotVersion + 1);  // u32 after the magic
  return bad;
}
std::string NoSnapshot(const std::string&) { return "hello, world\n"; }
std::string Empty(const std::string&) { return ""; }
std::string Appended(const std::string& good) { return good + "x"; }

// Every kind of bad cache file is refused with a reason, compiled instead with one note, and
// replaced by a good file.
TEST(RuleCacheTest, BadFilesFallBackToCompilingAndSaySo) {
  const Damage damages[] = {
      {"truncated", Truncate, "truncated"},
      {"truncated header", TruncateHeader, "truncated"},
      {"flipped byte", Flip, "damaged"},
      {"flipped last byte", FlipChecksum, "damaged"},
      {"other version", OtherVersion, "another version"},
      {"no snapshot", NoSnapshot, "no rules snapshot"},
      {"empty", Empty, "no rules snapshot"},
      {"bytes after", Appended, "after its end"},
  };
  TempDir dir;
  const std::vector<RuleSource> sources = Sources(true);
  RuleCacheOptions options;
  options.dir = dir.path();
  std::vector<std::string> notes;
  options.note = [&notes](const std::string& line) { notes.push_back(line); };
  ASSERT_TRUE(LoadRuleSet(sources, options).ok());
  const std::string path = RuleCachePath(dir.path(), RuleCacheKey(sources));
  const std::string good = ReadFile(path);
  ASSERT_FALSE(good.empty());
  ASSERT_TRUE(notes.empty());
  for (const Damage& d : damages) {
    SCOPED_TRACE(d.name);
    notes.clear();
    WriteFile(path, d.make(good));
    Result<std::shared_ptr<const RuleSet>> rules = LoadRuleSet(sources, options);
    ASSERT_TRUE(rules.ok());
    EXPECT_EQ((*rules)->fingerprint(), RuleSet::SourcesFingerprint(sources));
    ASSERT_EQ(notes.size(), 1u);
    EXPECT_NE(notes[0].find(d.says), std::string::npos) << notes[0];
    EXPECT_NE(notes[0].find("nothing is lost"), std::string::npos) << notes[0];
    EXPECT_TRUE(ReadFile(path) == good);  // rewritten
  }
}

// A snapshot made for other sources (or another build: the key names both) is refused.
TEST(RuleSnapshotTest, OtherKeyIsRefused) {
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(Sources(true));
  ASSERT_TRUE(rules.ok());
  Result<std::string> bytes = (*rules)->Snapshot("sources A; executable 1");
  ASSERT_TRUE(bytes.ok());
  Result<std::shared_ptr<const RuleSet>> loaded =
      RuleSet::FromSnapshot(*bytes, "sources A; executable 2");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(loaded.status().message().find("another build"), std::string::npos);
}

// Every prefix of a snapshot and every single flipped byte of its header is refused, never a
// crash (the fuzz target tests/fuzz/rule_snapshot_fuzz.cc tries arbitrary bytes).
TEST(RuleSnapshotTest, DamagedBytesAreRefused) {
  const std::vector<RuleSource> sources = {RuleSource{"user/extra.rules", kExtraRules, 1}};
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(sources);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  Result<std::string> good = (*rules)->Snapshot("k");
  ASSERT_TRUE(good.ok());
  for (size_t n = 0; n < good->size(); n += 1 + n / 16) {
    EXPECT_FALSE(RuleSet::FromSnapshot(std::string_view(*good).substr(0, n), "k").ok()) << n;
  }
  for (size_t i = 0; i < good->size(); i += 1 + i / 8) {
    std::string bad = *good;
    bad[i] ^= 0x40;
    EXPECT_FALSE(RuleSet::FromSnapshot(bad, "k").ok()) << i;
  }
}

// Arbitrary damage to a payload (past the checksum, as the fuzz target tests/fuzz/
// rule_snapshot_fuzz.cc does at length) gives rules or an error, never a crash.
TEST(RuleSnapshotTest, DamagedPayloadsNeverCrash) {
  const std::vector<RuleSource> sources = {RuleSource{"user/extra.rules", kExtraRules, 1}};
  Result<std::shared_ptr<const RuleSet>> rules = RuleSet::Compile(sources);
  ASSERT_TRUE(rules.ok());
  Result<std::string> file = (*rules)->Snapshot("");
  ASSERT_TRUE(file.ok());
  // The header: magic, version, the empty key's size, payload size, checksum.
  const std::string payload = file->substr(8 + 4 + 4 + 8 + 32);
  ASSERT_TRUE(internal::DecodeRuleSnapshotPayload(payload).ok());
  std::mt19937 random(7);
  int refused = 0;
  for (int run = 0; run < 300; ++run) {
    std::string bad = payload;
    const int flips = 1 + run % 4;
    for (int f = 0; f < flips; ++f) {
      // Most of the payload is bit tables; damage the first 4 KB (entities, aliases, counts)
      // half the time.
      const size_t span = run % 2 == 0 ? std::min<size_t>(bad.size(), 4096) : bad.size();
      bad[random() % span] ^= static_cast<char>(1 + random() % 255);
    }
    if (run % 5 == 0) bad.resize(random() % bad.size());
    refused += !internal::DecodeRuleSnapshotPayload(bad).ok();
  }
  EXPECT_GT(refused, 30);
}

// Rules with errors are never cached: their diagnostics come from compiling them every time.
TEST(RuleCacheTest, RulesWithErrorsWriteNoSnapshot) {
  TempDir dir;
  const std::vector<RuleSource> sources = {
      RuleSource{"user/bad.rules", "entity state:x\n  label X\n  colour blue\n", 1}};
  RuleCacheOptions options;
  options.dir = dir.path();
  for (int run = 0; run < 2; ++run) {
    Result<std::shared_ptr<const RuleSet>> rules = LoadRuleSet(sources, options);
    ASSERT_FALSE(rules.ok());
    EXPECT_NE(rules.status().message().find("user/bad.rules:3:"), std::string::npos)
        << rules.status().message();
  }
  EXPECT_TRUE(dir.Files().empty());
}

// A cache directory that cannot be made (a file is in its way) means compiling, silently.
TEST(RuleCacheTest, UnusableDirectoryCompilesSilently) {
  TempDir dir;
  WriteFile(dir.path() + "/file", "x");
  RuleCacheOptions options;
  options.built_in = false;  // else the defaults are read from it
  options.dir = dir.path() + "/file/cache";
  int notes = 0;
  options.note = [&notes](const std::string&) { ++notes; };
  Result<std::shared_ptr<const RuleSet>> rules = LoadRuleSet(Sources(false), options);
  ASSERT_TRUE(rules.ok());
  EXPECT_EQ(notes, 0);
}

// Writers that race leave one whole file, which the next reader uses.
TEST(RuleCacheTest, ConcurrentWritersLeaveAValidFile) {
  TempDir dir;
  const std::vector<RuleSource> sources = Sources(true);
  RuleCacheOptions options;
  options.dir = dir.path();
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (size_t t = 0; t < ok.size(); ++t) {
    threads.emplace_back([&, t] { ok[t] = LoadRuleSet(sources, options).ok(); });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(ok, std::vector<int>(ok.size(), 1));
  EXPECT_EQ(dir.Files().size(), 1u);  // no temporary file left
  const std::string key = RuleCacheKey(sources);
  EXPECT_TRUE(RuleSet::FromSnapshot(ReadFile(RuleCachePath(dir.path(), key)), key).ok());
}

// The environment's cache: PARLEY_RULES_CACHE first (off turns the cache and the built-in
// snapshot off, built-in the cache), then XDG_CACHE_HOME, then HOME.
TEST(RuleCacheTest, CacheFromTheEnvironment) {
  struct Case {
    const char *parley, *xdg, *home, *dir;
    bool built_in;
  };
  const Case cases[] = {
      {"off", "/x", "/h", "", false},
      {"built-in", "/x", "/h", "", true},
      {"0", "/x", "/h", "", false},
      {"", "/x", "/h", "", false},
      {"/c", "/x", "/h", "/c", true},
      {nullptr, "/x", "/h", "/x/parley", true},
      {nullptr, nullptr, "/h", "/h/.cache/parley", true},
      {nullptr, "relative", "/h", "/h/.cache/parley", true},
      {nullptr, nullptr, nullptr, "", true},
  };
  const auto set = [](const char* name, const char* value) {
    if (value == nullptr) {
      unsetenv(name);
    } else {
      setenv(name, value, 1);
    }
  };
  const char* saved[3];
  std::string keep[3];
  const char* names[3] = {"PARLEY_RULES_CACHE", "XDG_CACHE_HOME", "HOME"};
  for (int i = 0; i < 3; ++i) {
    const char* v = std::getenv(names[i]);
    saved[i] = v == nullptr ? nullptr : (keep[i] = v).c_str();
  }
  for (const Case& c : cases) {
    set(names[0], c.parley);
    set(names[1], c.xdg);
    set(names[2], c.home);
    const RuleCacheOptions options = RuleCacheFromEnvironment();
    EXPECT_EQ(options.dir, c.dir);
    EXPECT_EQ(options.built_in, c.built_in);
  }
  for (int i = 0; i < 3; ++i) set(names[i], saved[i]);
}

// The built-in snapshot serves the sources it was made of, and no others; a damaged one costs a
// note and a compile. (The parley executable's own is tested by
// tests/built_in_rules_snapshot_test.sh.)
TEST(RuleCacheTest, BuiltInSnapshotServesItsSources) {
  const std::vector<RuleSource> defaults = Sources(false);
  Result<std::shared_ptr<const RuleSet>> compiled = RuleSet::Compile(defaults);
  ASSERT_TRUE(compiled.ok());
  // Made for the defaults' key but of other rules, so that reading it shows.
  const std::vector<RuleSource> other = Sources(true);
  Result<std::shared_ptr<const RuleSet>> other_rules = RuleSet::Compile(other);
  ASSERT_TRUE(other_rules.ok());
  Result<std::string> marked = (*other_rules)->Snapshot(BuiltInRulesSnapshotKey(defaults));
  ASSERT_TRUE(marked.ok());
  std::vector<std::string> notes;
  RuleCacheOptions options;
  options.built_in = true;
  options.note = [&notes](const std::string& line) { notes.push_back(line); };

  SetBuiltInRulesSnapshot(*marked);
  Result<std::shared_ptr<const RuleSet>> read = LoadRuleSet(defaults, options);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ((*read)->fingerprint(), (*other_rules)->fingerprint());  // read, not compiled
  Result<std::shared_ptr<const RuleSet>> not_its = LoadRuleSet(other, options);
  ASSERT_TRUE(not_its.ok());
  EXPECT_EQ((*not_its)->rule_count(), (*other_rules)->rule_count());
  EXPECT_TRUE(notes.empty());  // other sources are no news
  options.built_in = false;
  Result<std::shared_ptr<const RuleSet>> off = LoadRuleSet(defaults, options);
  ASSERT_TRUE(off.ok());
  EXPECT_EQ((*off)->fingerprint(), (*compiled)->fingerprint());

  const std::string damaged = marked->substr(0, marked->size() - 1);
  SetBuiltInRulesSnapshot(damaged);
  options.built_in = true;
  Result<std::shared_ptr<const RuleSet>> fallback = LoadRuleSet(defaults, options);
  SetBuiltInRulesSnapshot(BuiltInRulesSnapshotBytes());  // the test binary's (built_in_rules.cc)
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ((*fallback)->fingerprint(), (*compiled)->fingerprint());
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("the built-in rules snapshot: it is truncated"), std::string::npos)
      << notes[0];
}

}  // namespace
}  // namespace parley
