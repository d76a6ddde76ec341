// The store's promise under the interruptions the world brings, through the real binary: an
// ingest (--bulk and plain, from statement files and from documents) killed with SIGKILL at
// random moments, stopped with SIGTERM and SIGINT, and run on a disk that fills up. After
// each, `parley check` passes on what is left, and running the same ingest again gives a store
// whose export equals the uninterrupted run's byte for byte (every statement of every
// document, not a count), as do its stats.
//
// Budget (tools/test.sh runs this in CI): the Release build runs every case -- SIGKILL at 20
// random moments for each of --bulk and the plain path over 2,000 documents, SIGTERM, SIGINT
// and a full disk for each, 4 SIGKILL moments for statement files, readers during a bulk load.
// PARLEY_CRASH_ROUNDS overrides the 20. The sanitizer build (whose point is memory errors, not
// more moments) runs the --bulk case with 2 SIGKILL moments, SIGTERM, SIGINT and the full disk,
// and the readers; it skips the other cases. The random moments come from PARLEY_CRASH_SEED
// (default a fixed seed) and are printed, so a failure can be replayed.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <thread>

#include "base/json.h"
#include "graph/synthetic_corpus.h"
#include "tests/cli/cli_test_util.h"
#include "tests/graph/store_test_util.h"

namespace parley::cli {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using parley::testing::SmallDisk;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitizer = true;
#else
constexpr bool kSanitizer = false;
#endif
#else
constexpr bool kSanitizer = false;
#endif
constexpr int kDefaultRounds = kSanitizer ? 2 : 20;

int Rounds() {
  const char* env = std::getenv("PARLEY_CRASH_ROUNDS");
  return env != nullptr && *env != '\0' ? std::atoi(env) : kDefaultRounds;
}

uint32_t Seed() {
  const char* env = std::getenv("PARLEY_CRASH_SEED");
  return env != nullptr && *env != '\0' ? static_cast<uint32_t>(std::atoll(env)) : 20261129u;
}

// Starts the parley binary with `args`; its output goes to `log`.
pid_t Spawn(const std::vector<std::string>& args, const std::string& log) {
  std::vector<std::string> all = {PARLEY_BINARY_DIR "/parley"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    // A shell running the suite in the background may have left these ignored.
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    execv(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}

// Kills the child (if not reaped yet) when a failed assertion leaves the test early.
class Reaper {
 public:
  explicit Reaper(pid_t pid) : pid_(pid) {}
  ~Reaper() {
    if (!reaped_ && kill(pid_, SIGKILL) == 0) waitpid(pid_, nullptr, 0);
  }
  void Reaped() { reaped_ = true; }

 private:
  pid_t pid_;
  bool reaped_ = false;
};

// When the store `db` that `pid` creates appears (or `pid` ends first): the moment from which
// interruptions are timed, so that they fall in the load, not in the start-up.
Clock::time_point WaitForStore(pid_t pid, const std::string& db) {
  while (!fs::exists(db + "/CURRENT")) {
    siginfo_t info = {};
    // Whether it ended, without reaping it.
    if (waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) != 0 || info.si_pid == pid) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return Clock::now();
}

// Waits for `pid`; the wait status.
int Wait(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// `parley stats --json` without the size on disk, which compaction changes.
std::string StatsWithoutSize(const std::string& db) {
  CliRun run = RunParley({"stats", "--db", db, "--json"});
  EXPECT_EQ(run.code, 0) << run.err;
  const size_t at = run.out.find("\"disk_bytes\":");
  if (at == std::string::npos) return run.out;
  return run.out.substr(0, at) + run.out.substr(run.out.find(',', at) + 1);
}

uint64_t StoredDocuments(const std::string& db) {
  CliRun run = RunParley({"stats", "--db", db, "--json"});
  const size_t at = run.out.find("\"documents\":");
  return at == std::string::npos ? 0 : std::stoull(run.out.substr(at + 12));
}

// Documents whose text the default rules read into statements, each sentence naming two states,
// what one proposed to the other or what both signed, and when. Most documents have 4
// sentences; 50 of every 500 (numbers 100 to 149 modulo 500) have 100. `ingest --bulk` stores
// 256 documents a batch: the batches holding long documents (some 30,000 keys) become table
// files, whose ingest first flushes the memtable batches before them, so from the first quarter
// of the load on a killed bulk load leaves part of the corpus.
std::string TextCorpus(int documents) {
  static const char* kStates[] = {"Japan",  "Russia", "China",   "France", "Germany",
                                  "India",  "Brazil", "Canada",  "Italy",  "Spain",
                                  "Mexico", "Egypt",  "Nigeria", "Kenya",  "Chile"};
  static const char* kThings[] = {"a peace treaty", "a trade agreement", "a ceasefire",
                                  "joint exercises", "a summit"};
  static const char* kMonths[] = {"January", "March", "May", "July", "September", "November"};
  std::string out;
  for (int i = 0; i < documents; ++i) {
    std::string text;
    const int sentences = i % 500 >= 100 && i % 500 < 150 ? 100 : 4;
    for (int k = 0; k < sentences; ++k) {
      const int n = i * 128 + k;
      const char* a = kStates[n % 15];
      const char* b = kStates[(n / 15 + n + 1) % 15];
      if (a == b) b = kStates[(n + 7) % 15];
      const std::string when =
          std::string(kMonths[n % 6]) + " " + std::to_string(1900 + (n * 13) % 120);
      if (k % 2 == 0) {
        text += std::string(a) + " proposed " + kThings[n % 5] + " to " + b + " in " + when + ". ";
      } else {
        text += std::string(a) + " and " + b + " signed " + kThings[n % 5] + " in " + when + ". ";
      }
    }
    out += "{\"id\":\"doc-" + std::to_string(i) + "\",\"date\":\"2000-06-01\",\"text\":";
    AppendJsonString(text, &out);
    out += "}\n";
  }
  return out;
}

class CrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("parley_crash_" + std::to_string(getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    // Statement files: 4,000 synthetic documents, some 30,000 statements, so the bulk path
    // writes batches both as table files and through the memtable.
    std::ofstream statements(*dir_ / "statements.jsonl", std::ios::binary);
    for (uint64_t i = 0; i < 4000; ++i) {
      for (const Statement& s : SyntheticDocument(i).statements) {
        statements << StatementToJson(s) << "\n";
      }
    }
    std::ofstream documents(*dir_ / "documents.jsonl", std::ios::binary);
    documents << TextCorpus(2000);
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }

  static std::string Path(const std::string& name) { return (*dir_ / name).string(); }

  // `args` with the test's small rule set (fifteen states, two relations) instead of the
  // default rules, which take most of a second to compile per run.
  static std::vector<std::string> WithRules(std::vector<std::string> args) {
    args.insert(args.begin(), {"--no-default-rules", "--rules",
                               std::string(PARLEY_TEST_DATA_DIR) + "/crash_rules"});
    return args;
  }

  // The ingest of one case into `db`.
  struct Case {
    std::string name;
    std::vector<std::string> args;  // without --db
    // Interruptions are drawn from [earliest * T, 0.9 T] after the store appears, T the
    // uninterrupted run's time from then on.
    double earliest = 0;
    int kills = 0;          // SIGKILL rounds
    int signals = 1;        // SIGTERM and SIGINT rounds each
    bool full_disk = true;  // also run it on a disk that fills up
    std::vector<std::string> For(const std::string& db) const {
      std::vector<std::string> all = {"ingest", "--db", db};
      all.insert(all.end(), args.begin(), args.end());
      return all;
    }
  };

  // Runs `c` uninterrupted; returns its export and sets `seconds` to how long it took.
  static std::string Reference(const Case& c, std::string* stats, double* seconds) {
    const std::string db = Path(c.name + "-reference.db");
    fs::remove_all(db);
    const pid_t pid = Spawn(c.For(db), Path(c.name + "-reference.log"));
    const auto start = WaitForStore(pid, db);
    const int status = Wait(pid);
    *seconds = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0)
        << ReadFile(Path(c.name + "-reference.log"));
    CliRun check = RunParley({"check", "--db", db});
    EXPECT_EQ(check.code, 0) << check.out << check.err;
    *stats = StatsWithoutSize(db);
    CliRun run = RunParley({"export", "--db", db, "--format", "jsonl"});
    EXPECT_EQ(run.code, 0) << run.err;
    return run.out;
  }

  // After an interruption: the store checks whole, and the ingest run again completes it to
  // the reference (its export byte for byte, and its stats). `check_after`: check the completed
  // store too (the export and stats already compare every statement and counter, so the
  // interruption rounds do it only in their last round).
  static void CheckAndResume(const Case& c, const std::string& db, const std::string& reference,
                             const std::string& reference_stats, bool check_after) {
    CliRun check = RunParley({"check", "--db", db});
    EXPECT_EQ(check.code, 0) << check.out << check.err;
    const std::string log = Path(c.name + "-resume.log");
    const int status = Wait(Spawn(c.For(db), log));
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadFile(log);
    CliRun run = RunParley({"export", "--db", db, "--format", "jsonl"});
    ASSERT_EQ(run.code, 0) << run.err;
    EXPECT_TRUE(run.out == reference) << "the resumed store's export differs from the reference";
    EXPECT_EQ(StatsWithoutSize(db), reference_stats);
    if (!check_after) return;
    check = RunParley({"check", "--db", db});
    EXPECT_EQ(check.code, 0) << check.out << check.err;
  }

  // Interrupts `c` with `signal` at random moments until `rounds` of them caught it running;
  // checks and resumes after each.
  static void Interrupt(const Case& c, int signal, int rounds, const std::string& reference,
                        const std::string& reference_stats, double seconds, std::mt19937* random) {
    // Runs vary: when one finishes before its signal, later moments are drawn from earlier.
    double latest = 0.9 * seconds;
    int caught = 0, partial = 0, attempts = 0;
    while (caught < rounds && attempts < rounds * 3) {
      ++attempts;
      const double delay = std::uniform_real_distribution<double>(
          c.earliest * seconds, std::max(latest, c.earliest * seconds + 0.01))(*random);
      SCOPED_TRACE(c.name + ": " + strsignal(signal) + " after " + std::to_string(delay) + " s");
      const std::string db = Path(c.name + ".db");
      fs::remove_all(db);
      const pid_t pid = Spawn(c.For(db), Path(c.name + ".log"));
      Reaper reaper(pid);
      std::this_thread::sleep_until(
          WaitForStore(pid, db) +
          std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(delay)));
      kill(pid, signal);
      const int status = Wait(pid);
      reaper.Reaped();
      if (!WIFSIGNALED(status)) {  // it finished first: not an interruption
        latest = 0.85 * delay;
        continue;
      }
      ++caught;
      if (!fs::exists(db)) continue;  // killed before it created the store
      const uint64_t stored = StoredDocuments(db);
      if (stored > 0 && stored < reference_documents_) ++partial;
      CheckAndResume(c, db, reference, reference_stats, caught == rounds);
      if (HasFatalFailure()) return;
    }
    std::printf("[ crash    ] %s, %s: %d interruptions in %d attempts, %d left a partial store\n",
                c.name.c_str(), strsignal(signal), caught, attempts, partial);
    EXPECT_EQ(caught, rounds) << "the ingest kept finishing before the signal";
    if (signal == SIGKILL && rounds >= 10) {
      EXPECT_GE(partial, 1) << "no kill landed while documents were being stored";
    }
  }

  // The whole sequence for one case: the reference, SIGKILL rounds, SIGTERM and SIGINT, and a
  // disk that fills up.
  static void RunCase(const Case& c, uint64_t documents) {
    std::string stats;
    double seconds = 0;
    const std::string reference = Reference(c, &stats, &seconds);
    reference_documents_ = documents;
    ASSERT_EQ(StoredDocuments(Path(c.name + "-reference.db")), documents);
    std::mt19937 random(Seed() + static_cast<uint32_t>(std::hash<std::string>()(c.name) & 0xffff));
    Interrupt(c, SIGKILL, c.kills, reference, stats, seconds, &random);
    Interrupt(c, SIGTERM, c.signals, reference, stats, seconds, &random);
    Interrupt(c, SIGINT, c.signals, reference, stats, seconds, &random);
    if (!c.full_disk) return;

    // A disk that fills up: a tmpfs a quarter the size of the finished store.
    const std::string mount = Path(c.name + "-disk");
    uint64_t bytes = 0;
    for (const auto& f : fs::recursive_directory_iterator(Path(c.name + "-reference.db"))) {
      if (f.is_regular_file()) bytes += f.file_size();
    }
    SmallDisk disk(mount, std::to_string(std::max<uint64_t>(bytes / 4, 1 << 20)));
    if (!disk.mounted()) {
      ADD_FAILURE() << "no small filesystem to fill: " << disk.error();
      return;
    }
    const std::string db = mount + "/kg";
    const int status = Wait(Spawn(c.For(db), Path(c.name + "-full.log")));
    const std::string log = ReadFile(Path(c.name + "-full.log"));
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) != 0) << log;
    EXPECT_THAT(log, ::testing::HasSubstr("No space left on device"));
    ASSERT_TRUE(disk.Grow("1g"));
    CheckAndResume(c, db, reference, stats, true);
  }

  static fs::path* dir_;
  static uint64_t reference_documents_;
};

fs::path* CrashTest::dir_ = nullptr;
uint64_t CrashTest::reference_documents_ = 0;

// The cases the sanitizer build skips (see the budget at the top).
#define PARLEY_SKIP_UNDER_SANITIZERS()                                                   \
  if (kSanitizer) {                                                                      \
    GTEST_SKIP() << "sanitizer build: only BulkDocuments and the readers run here; the " \
                    "Release build runs every crash case";                               \
  }

TEST_F(CrashTest, BulkDocuments) {
  RunCase({"bulk-documents", WithRules({"--bulk", "--jobs", "2", Path("documents.jsonl")}), 0,
           Rounds(), 1},
          2000);
}

// The plain path commits each document, so its runs are the slower: its SIGKILL rounds are
// split over two tests, which ctest runs side by side.
TEST_F(CrashTest, PlainDocuments) {
  PARLEY_SKIP_UNDER_SANITIZERS();
  RunCase({"plain-documents", WithRules({"--jobs", "2", Path("documents.jsonl")}), 0,
           std::max(1, Rounds() / 2), 1, true},
          2000);
}

TEST_F(CrashTest, PlainDocumentsMoreMoments) {
  PARLEY_SKIP_UNDER_SANITIZERS();
  RunCase({"plain-documents-more", WithRules({"--jobs", "2", Path("documents.jsonl")}), 0,
           std::max(1, Rounds() - Rounds() / 2), 0, false},
          2000);
}

// Statements of an export, by document.
std::map<std::string, std::vector<std::string>> ByDocument(const std::string& jsonl) {
  std::map<std::string, std::vector<std::string>> docs;
  std::istringstream lines(jsonl);
  for (std::string line; std::getline(lines, line);) {
    Result<Statement> s = StatementFromJson(line);
    EXPECT_TRUE(s.ok()) << line;
    if (s.ok()) docs[s->doc].push_back(line);
  }
  for (auto& [doc, statements] : docs) std::sort(statements.begin(), statements.end());
  return docs;
}

// Every document of `got` holds exactly the statements it has in `want`.
void ExpectWholeDocuments(const std::string& got, const std::string& want,
                          const std::string& what) {
  const auto reference = ByDocument(want);
  for (const auto& [doc, statements] : ByDocument(got)) {
    auto it = reference.find(doc);
    ASSERT_NE(it, reference.end()) << what << ": unknown document " << doc;
    EXPECT_EQ(statements, it->second) << what << ": document " << doc << " is not whole";
  }
}

// Readers in a loop while a bulk load runs (they open the store as followers of the writer):
// every export holds whole documents only, every check passes, every backup checks whole and
// exports whole documents.
// Stops `pid` (SIGSTOP) and waits until it is stopped. False when it ended instead (then it is
// reaped and `*status` is its wait status).
bool Stop(pid_t pid, int* status) {
  kill(pid, SIGSTOP);
  while (true) {
    const pid_t r = waitpid(pid, status, WUNTRACED);
    if (r < 0 && errno == EINTR) continue;
    return r == pid && WIFSTOPPED(*status);
  }
}

TEST_F(CrashTest, ReadersDuringABulkLoadSeeWholeDocuments) {
  const Case c{"readers", WithRules({"--bulk", "--jobs", "2", Path("documents.jsonl")})};
  std::string stats;
  double seconds = 0;
  const std::string reference = Reference(c, &stats, &seconds);
  const size_t total = ByDocument(reference).size();
  // The load runs in slices: between them it is stopped (SIGSTOP, at whatever it was doing)
  // while a round of readers runs, so every round falls inside the load however fast or busy
  // the machine is, and the load's progress between rounds is the slice's, not the readers'.
  // A slice is a quarter of the reference run; a load whose rounds never saw part of the corpus
  // (the machine got faster), or that ran fewer than 3 rounds in all (the reference ran on a
  // busier machine than the load), is run again with slices a quarter as long, up to 4 loads.
  int rounds = 0, partial = 0, loads = 0;
  double slice = seconds / 4;
  while (loads < 4 && (partial == 0 || rounds < 3)) {
    ++loads;
    const std::string db = Path("readers.db");
    fs::remove_all(db);
    const pid_t pid = Spawn(c.For(db), Path("readers.log"));
    Reaper reaper(pid);
    WaitForStore(pid, db);
    int status = 0;
    while (Stop(pid, &status)) {
      if (fs::exists(db + "/CURRENT")) {
        ++rounds;
        SCOPED_TRACE("load " + std::to_string(loads) + ", round " + std::to_string(rounds));
        CliRun run = RunParley({"export", "--db", db, "--format", "jsonl"});
        ASSERT_EQ(run.code, 0) << run.err;
        ExpectWholeDocuments(run.out, reference, "export");
        const size_t documents = ByDocument(run.out).size();
        if (documents > 0 && documents < total) ++partial;
        run = RunParley({"query", "--db", db, "?a proposed ?b", "--format", "tsv"});
        EXPECT_EQ(run.code, 0) << run.err;
        run = RunParley({"stats", "--db", db});
        EXPECT_EQ(run.code, 0) << run.err;
        run = RunParley({"check", "--db", db});
        EXPECT_EQ(run.code, 0) << run.out << run.err;
        const std::string backup = Path("readers-backup-" + std::to_string(rounds) + ".db");
        run = RunParley({"backup", "--db", db, backup});
        ASSERT_EQ(run.code, 0) << run.err;
        run = RunParley({"check", "--db", backup});
        EXPECT_EQ(run.code, 0) << run.out << run.err;
        run = RunParley({"export", "--db", backup, "--format", "jsonl"});
        ASSERT_EQ(run.code, 0) << run.err;
        ExpectWholeDocuments(run.out, reference, "backup");
        fs::remove_all(backup);
      }
      kill(pid, SIGCONT);
      std::this_thread::sleep_for(std::chrono::duration<double>(slice));
    }
    reaper.Reaped();
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << ReadFile(Path("readers.log"));
    CliRun run = RunParley({"export", "--db", db, "--format", "jsonl"});
    EXPECT_TRUE(run.out == reference) << "load " << loads;
    slice /= 4;
  }
  std::printf("[ crash    ] readers: %d rounds during %d loads, %d saw part of the corpus\n",
              rounds, loads, partial);
  EXPECT_GE(rounds, 3);
  EXPECT_GE(partial, 1) << "no reader ran while part of the corpus was stored";
}

// Large batches: the bulk path writes them as table files, between batches through the memtable.
// Statement files reach the store through the same PutBatch and table-file ingest as documents
// (BulkDocuments, 20 moments), so 4 SIGKILL moments here.
TEST_F(CrashTest, BulkStatements) {
  PARLEY_SKIP_UNDER_SANITIZERS();
  RunCase({"bulk-statements", {"--bulk", "--statements", Path("statements.jsonl")}, 0, 4, 1}, 4000);
}

}  // namespace
}  // namespace parley::cli
