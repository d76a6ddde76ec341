// What the parts of the PETRARCH importer (petrarch_import.h) share: the reading of names and
// codes every dictionary needs, what the rules the import is layered under know (Against), and
// the log of what was not translated. Internal to the importer: petrarch_import_agents.h,
// petrarch_import_actors.h and petrarch_import_verbs.h build on it.
//
// Thread-safety: the functions are pure; an Against is immutable once made; a ProblemLog
// belongs to one import.
#ifndef PARLEY_EXTRACT_PETRARCH_IMPORT_SHARED_H_
#define PARLEY_EXTRACT_PETRARCH_IMPORT_SHARED_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/text.h"
#include "base/types.h"
#include "extract/petrarch_dictionaries.h"
#include "extract/rule_set.h"

namespace parley::internal {
class Lexicon;
struct NameVocabulary;
}  // namespace parley::internal

namespace parley::petrarch {

// CAMEO's actor types (the CAMEO codebook, chapter 3): the label of a sector and, for the
// sectors that are no part of the government, the kind of group a country's members of it
// make. The government sectors (GOV and the GOV compounds) are the state itself.
struct SectorType {
  std::string_view code, label, group;
};

// The CAMEO actor type of a sector code ("MIL"); null for none.
const SectorType* FindSectorType(std::string_view code);

// `s` in lower case (ASCII letters).
std::string Lower(std::string_view s);

// The file name of `path` without directory and extension, as a rule-file id
// ("Phoenix.agents.txt" -> "phoenix-agents").
std::string FileStem(const std::string& path);

// The file name of `path` without its directory.
std::string FileName(const std::string& path);

// The words of `s` split at spaces.
std::vector<std::string> SplitSpaces(std::string_view s);

// "VLADIMIR V. PUTIN" -> "Vladimir V. Putin"; "AL-QAEDA" -> "Al-Qaeda"; "MCNAMARA" ->
// "McNamara"; for a `person`, "HU YAOBANG" -> "Hu Yaobang", "ANWAR AS SADAT" -> "Anwar as Sadat"
// ("MOHAMMED VI" keeps its numeral); acronyms ("UNHCR", "UN") stay upper case; particles inside
// a name are lower case ("Bank of Japan").
std::string DisplayName(const std::string& upper, bool person = false);

// Whether `code` is a country code: three capitals, neither a sector (FindSectorType) nor an
// international or regional actor ("IGO", "AFR").
bool IsCountryCode(const std::string& code);

// Whether `code` is a CAMEO actor code.
bool ValidCode(const std::string& code);

// Whether `w` is a lower-case word: letters, '-' and "'" only, not empty.
bool IsLowerWord(std::string_view w);

// What the rules the import is layered under know.
struct Against {
  std::map<std::string, std::string> state_by_code;  // cameo / iso3 -> state id
  // Folded name -> entity ids, by type.
  std::unordered_map<std::string, std::vector<std::pair<std::string, EntityType>>> by_name;
  std::unordered_set<std::string> ids;
  std::unordered_map<std::string, std::vector<std::string>> names_by_id;  // label and aliases
  // Word of states' names and adjectives -> how many states have it ("korea": 2).
  std::unordered_map<std::string, int> state_word_count;
  const internal::Lexicon* lexicon = nullptr;
  // The rules' name words (rules/core/names.rules, given_names.rules): office titles
  // ("deputy secretary of state"), titles that belong to a one-word name ("king"), given names.
  const internal::NameVocabulary* names = nullptr;
  std::map<std::string, std::pair<std::string, std::string>> sectors;  // code -> label, group
  std::unordered_set<std::string> sector_nouns;                        // folded phrases
  std::unordered_set<std::string> country_words;  // words of states' names and adjectives
  std::unordered_set<std::string> adjectives;     // states' adjectives, folded ("russian")
  // The words and phrases the frames of the rules read as what is acted on (`object-word`:
  // "detainees", "tanker"), folded.
  std::unordered_set<std::string> object_words;
  // The verbs the frames of the rules read (one-word verbs, lemmas: "express", "engage") and
  // the catenatives of their modality rules ("want", "seek"): verbs the rules read their own way.
  std::unordered_set<std::string> read_verbs;
  // Of those, the catenatives of intention or attempt (modality planned or hedged: "want",
  // "seek", "expect", "hope", "consider").
  std::unordered_set<std::string> intent_verbs;

  std::string Fold(std::string_view s) const { return CollapseSpace(AsciiLower(s)); }
};

// What `rules` know (nothing for null). REQUIRES: `rules` outlives the result.
Against MakeAgainst(const RuleSet* rules);

// What an import did not translate: each problem once by file, line and message, in the order
// reported.
class ProblemLog {
 public:
  void Add(const std::string& path, int line, std::string message);

  // Every problem so far; the dictionary readers append theirs directly.
  std::vector<Problem>& problems() { return problems_; }

 private:
  std::vector<Problem> problems_;
  std::set<std::tuple<std::string, int, std::string>> reported_;
};

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_IMPORT_SHARED_H_
