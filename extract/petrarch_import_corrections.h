// Corrections of a verb dictionary's patterns, read by `parley rules import --corrections FILE`
// (tools/data/cameo-corrections.txt for CAMEO.2.0, passed by tools/gen_imported.sh): general
// corrections of a dictionary entry whose code is wrong wherever it applies, each with its
// reason, kept apart from the vendored dictionary so that the dictionary stays as published
// and every change to it is written, argued and reported in one place.
//
// This header owns the format. One correction a line; blank lines and lines that start with '#'
// are skipped:
//
//   VERB  - PATTERN [CODE]  ->  ACTION  # REASON
//
//   VERB     a verb of the pattern's block as the dictionary writes it ("LEND", "SET_UP",
//            "+CORDON_OFF"): the block that holds it;
//   - PATTERN [CODE]
//            the pattern line as the dictionary writes it, from its '-' to its code, without
//            its comment ("- * SUPPORT [060]", "- * (FOR) [042:043]"); spacing and letter case
//            are free, words, markers, parentheses and codes must be the dictionary's;
//   ACTION   `drop` (the pattern is read as if it were not written: the block's other patterns
//            and code apply there) or a code in brackets, which replaces the pattern's
//            ("[051]", "[042:043]", "[---]": the verb codes no event where the pattern occurs);
//   REASON   required: why the entry's code is wrong in general (not for one sentence).
//
// A correction applies to every pattern it matches in every verb dictionary of the import (a
// pattern written twice is corrected twice); each application is reported with the pattern's
// file and line and the correction's ("corrected by cameo-corrections.txt:12: ..."). An import
// fails, naming the correction's file and line, when a line cannot be read or a correction
// matches no pattern.
//
// Thread-safety: pure functions but ApplyCorrections, which writes the corrections it is given.
#ifndef PARLEY_EXTRACT_PETRARCH_IMPORT_CORRECTIONS_H_
#define PARLEY_EXTRACT_PETRARCH_IMPORT_CORRECTIONS_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "extract/petrarch_dictionaries.h"
#include "extract/petrarch_import.h"
#include "extract/petrarch_import_shared.h"

namespace parley::petrarch {

struct PatternCorrection {
  std::string path;  // the corrections file, as given
  int line = 0;
  Verb verb;            // VERB, read as a verb line of the dictionary
  VerbPattern pattern;  // - PATTERN [CODE], read as a pattern line
  std::string text;     // "- * SUPPORT [060]", as written (for messages)
  bool drop = false;
  std::string code, reverse;  // the new code when not `drop` ("---" for no event)
  std::string reason;
  int applied = 0;  // patterns corrected so far
};

// The corrections of `input` (path and text of a corrections file). InvalidArgument, naming
// the file and line, for a line that is not a correction or has no reason.
Result<std::vector<PatternCorrection>> ReadCorrections(const ImportInput& input);

// Applies `corrections` to `file` (the verb dictionary read from `path`): a matched pattern is
// removed or recoded, logged in `log` at its line, and counted in its correction's `applied`.
void ApplyCorrections(const std::string& path, VerbFile* file,
                      std::vector<PatternCorrection>* corrections, ProblemLog* log);

// InvalidArgument naming the file and line of the first correction that matched no pattern;
// Ok when every one applied.
Status CheckCorrectionsApplied(const std::vector<PatternCorrection>& corrections);

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_IMPORT_CORRECTIONS_H_
