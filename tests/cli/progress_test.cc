// The progress line and the one-line summary of long jobs (tools/cli/progress.h).
#include "tools/cli/progress.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace parley::cli {
namespace {

using ::testing::MatchesRegex;

// Elapsed time and rates depend on the clock: the patterns accept any number there.
TEST(ProgressTest, SummaryNamesTextAndInputSizes) {
  struct Case {
    const char* name;
    Progress::Counts counts;
    const char* extra;
    const char* pattern;
  };
  const Case cases[] = {
      {"compressed input: text and bytes read differ",
       {6390, 7'900'000, 35'400'000, 8345},
       "6,390 added, 0 replaced, 0 unchanged",
       R"(parley: ingested 6,390 documents \(35\.4 MB of text, 7\.9 MB read\) in [0-9.]+ s, )"
       R"([0-9.]+ MB of text/s: 8,345 statements, 6,390 added, 0 replaced, 0 unchanged
)"},
      {"plain text: the sizes agree, 'read' is left out",
       {80, 412'345, 398'000, 1234},
       "",
       R"(parley: ingested 80 documents \(0\.4 MB of text\) in [0-9.]+ s, [0-9.]+ MB of text/s: )"
       R"(1,234 statements
)"},
      {"statements loaded from JSON Lines: no sizes at all",
       {3225, 0, 0, 8345},
       "3,225 added",
       R"(parley: ingested 3,225 documents in [0-9.]+ s: 8,345 statements, 3,225 added
)"},
      {"one of each: singular",
       {1, 0, 0, 1},
       "",
       R"(parley: ingested 1 document in [0-9.]+ s: 1 statement
)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::ostringstream err;
    Progress progress(err, /*is_tty=*/false, "ingested", 0);
    progress.Update(c.counts);  // not a terminal: draws nothing
    progress.Finish(c.counts, c.extra);
    EXPECT_THAT(err.str(), MatchesRegex(c.pattern));
  }
}

TEST(ProgressTest, TerminalLineShowsTextRateAndEta) {
  std::ostringstream err;
  Progress progress(err, /*is_tty=*/true, "extracted", 10'000'000);
  progress.Update({100, 2'500'000, 9'000'000, 42});
  EXPECT_THAT(err.str(),
              MatchesRegex("\rextracted 100 docs  9\\.0 MB of text  [0-9.]+ MB/s  42 statements"
                           "(  25%  ETA [0-9]+ s)?\x1b\\[K"));
  progress.Finish({100, 2'500'000, 9'000'000, 42}, "");
  // The summary first clears the progress line.
  EXPECT_NE(err.str().find("\r\x1b[Kparley: extracted 100 documents (9.0 MB of text, 2.5 MB read)"),
            std::string::npos);
}

}  // namespace
}  // namespace parley::cli
