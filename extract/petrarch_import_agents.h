// The agents part of the PETRARCH importer (petrarch_import.h): agent nouns ("SOLDIER [~MIL]")
// as `sector` blocks, with the label and group kind of CAMEO's actor types for a code the rules
// do not define. The actors part reads the nouns it has seen as titles and English words
// (nouns()).
//
// Thread-safety: one import's; not thread-safe.
#ifndef PARLEY_EXTRACT_PETRARCH_IMPORT_AGENTS_H_
#define PARLEY_EXTRACT_PETRARCH_IMPORT_AGENTS_H_

#include <set>
#include <string>
#include <vector>

#include "extract/petrarch_import.h"
#include "extract/petrarch_import_shared.h"

namespace parley::petrarch {

class AgentImporter {
 public:
  // REQUIRES: `against` and `log` outlive the importer.
  AgentImporter(const Against& against, ProblemLog* log);

  // Appends to `text` a `sector` block per code of `agents` (read from `input`), to `summary`
  // what they became; logs what it does not translate.
  void Agents(const ImportInput& input, const std::vector<Agent>& agents, std::string* text,
              std::string* summary);

  // The agent nouns read so far, lower case ("soldier", "prime minister").
  const std::set<std::string>& nouns() const { return agent_nouns_; }

 private:
  // `phrase` (lower case) without the prepositions at its end, by the rules' lexicon.
  std::string WithoutTrailingPrepositions(const std::string& phrase) const;

  // Why the agent noun `noun` (lower case, its plurals `plurals`) makes no sector noun, where
  // the rules it is layered under read it otherwise and do not make it one of theirs: one of
  // their titles or the first word of one ("mayor", "surgeon" of "surgeon general": the clause
  // layer reads titles, and "U.S. Surgeon General" is no military), or a word their frames read
  // as what is acted on ("detainee": "released five American detainees"); "" when it makes one.
  std::string NoSectorNoun(const std::string& noun, const std::vector<std::string>& plurals) const;

  const Against& against_;
  ProblemLog* log_;
  std::set<std::string> sector_codes_;  // the rules' and those written so far
  std::set<std::string> agent_nouns_;   // lower-case phrases
};

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_IMPORT_AGENTS_H_
