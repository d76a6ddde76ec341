// `parley rules import --from petrarch`: the dictionaries of the event coders TABARI and
// PETRARCH (petrarch_dictionaries.h) as parley rule files (rules/README.md section 14).
//
//   actors    an entity per actor (the type from its codes: a dated role in its own country
//             ("SAM_GAMGEE [HOB] [HOBCIV <20080120]") makes a person, else a country code a
//             state, dated codes a person, the rest an organization); names as aliases (one-word
//             names case sensitive), undated code as `attr cameo`, dated codes as roles with the
//             code
//             ("role government of state:russia from 1999-12-31 to 2008-05-07 code RUSGOV").
//             An actor is given the id of the entity the rules it is layered under (`against`)
//             already have: the state with that code (else with its first name), the person or
//             organization with that name; `rules/imported/` is then merged into them
//             (rule_source.h kImportedLayer).
//   agents    `sector` blocks: the nouns of each agent code ("SOLDIER [~MIL]": noun soldier of
//             sector MIL), with the label and group kind of CAMEO's actor types; not a noun the
//             rules of `against` read otherwise (one of their titles or its first word, a word
//             their frames read as an object: AgentImporter::NoSectorNoun).
//   verbs     a `verbs` block for the irregular forms the dictionary lists, and per verb block
//             and CAMEO root (01 to 20) a frame: the block's verbs, the predicate and PLOVER
//             type of the root, the block's code, and a `refine` line per pattern (its words
//             before and after the verb, synonym sets expanded); patterns of another root make
//             that root's frame, which applies only `when` one of them occurs; "[---]" patterns
//             become `unless` lines. "A:B" codes give the reverse statement (`reverse`). A
//             target marker `+` right after the verb or after a preposition (the lexicon's)
//             puts the pattern in a frame of its own with that object (`object actor`,
//             `object with actor`), and the block's other frames become `unless` it; `+`
//             before the verb with `$` after it ("+ * FROM $") swaps the roles: the object at
//             `$` is the source, which the pattern's code as a reverse code gives
//             (`refine * from -> :066`); `$` before the verb is the subject. A pattern that
//             spells a negation ("&NEGATVAUXVRB * OVER EFFORTS [904]") codes the negated
//             event: a frame of its own with `modality asserted`. Words TreeBank splits
//             ("DID N'T") are joined as parley tokenizes them ("didn't"). The compound marker
//             `%` before the verb ("% * [030:030]") makes a frame of its own with `reciprocal
//             object only`; after the verb it is the object at the marker, like `+`. A target
//             after a preposition and skipped phrases ("* AT ^ +") is `object any actor after
//             at`. Underscores join words ("REAL_PLEASANT": `real*_pleasant*`, "RECENTLY_*":
//             right before the verb) or keep a word as written ("CASH_"). Every other role
//             marker (`+` before the verb alone, ...) is reported with its line and the frame's
//             default object (`actor, any actor, that` with `object-owner actor`: PETRARCH's
//             first actor after the verb, a phrase's owner, a that-clause's subject last;
//             without `that` for a verb with no pattern at all: "worried that the Brazilians
//             would" names no target) applies. Every frame has `object-owner actor`. A one-word
//             verb that is a form of another block's verb ("LEFT" beside "LEAVE", by the lexicon of
//             `against`) is read in that form only (`form left`), and the other block's frames
//             never read it (`form not left`). A pattern whose comment names verbs of its block ("-
//             * (TO) [042:043] # HEAD": TABARI's verb, as CAMEO 2.0 keeps it) is read with those
//             verbs only: each set of verbs with the same patterns makes its frames, their ids with
//             the set's first verb. The code of a synonym set (one-word verbs of more than one
//             lemma) codes only `when` one of its patterns occurs; a verb with its own code or
//             alone in its block keeps it, unless `against` reads the verb its own way (a
//             hand-written frame's one-word verb, a catenative of its modality rules) and most of
//             the patterns written for it code other roots ("EXPRESS [110]": "express hope" 013,
//             "express support" 051): then its code is named by its complement and applies only
//             with one of its patterns of that root (reported); so does a catenative of intention
//             or attempt of `against`
//             ("EXPECT [030]", "CONSIDER [040]": "expected a response from Lincoln"). A pattern
//             that ends with a preposition ("DEPART * FOR") takes its target from that
//             preposition's phrase first (`object for actor, actor, any actor, that`); one
//             written as a phrase of its own ("COME * (TO)") only from it (`object to actor`:
//             "came to power in the Soviet Union" names no target). A verb of
//             several words whose verb `against` does not know and one of whose forms the file's
//             patterns use as a word ("+TIE_IN", "* DIPLOMATIC TIES") is reported, not translated.
//   discards  a `discard` block: a sentence (story) holding a phrase codes nothing.
//
// What would take another reading of the text is no alias (each reported): a title before a
// surname ("PRESIDENT KENNEDY": discovery and the clause layer read it) or before "of" (an
// office), the rules' titles before a full name are stripped ("DEPUTY SECRETARY OF STATE WARREN
// CHRISTOPHER"); an organization's name that is an office ("SECRETARY OF STATE"); a given name
// of the rules as a one-word name ("TAKEO" of Cambodia, "HUSSEIN"; in capitals only when short:
// "ETA"); a word of an agent noun as one ("YOUTH"); a person's surname alone; an organization's
// name that is one of the rules' titles and its complement ("DIRECTOR OF THE OFFICE OF ..."); for a
// state the rules have, a name sharing no distinctive word with their names (Phoenix's cities,
// regions and rivers of a country) or ending in a head noun of organizations ("STATE
// COLLEGE"); for an organization, a name of several words sharing none with the rules' names of
// its entity (else its first name) and the names kept so far, and for one the rules have, a
// one-word name that is none of their names nor their initials ("FTC" among the Export-Import
// Bank's). Actors of one code are not joined into one entity; actors of one first name are. A label
// is one of the names kept; an entity with none left is not written unless the rules have its id or
// it is a state. Names of several words are case-sensitive in DisplayName's case ("The Shire" and
// "the Shire"), unless a hyphen, an apostrophe or a short word in capitals leaves the spelling
// open; a one-word name is open where a hyphen or an apostrophe is in it ("Barad-dur"). A state
// whose codes are all dated takes its current code ("ARMENIA_ [USRARM <900823] [ARM >911221]");
// dated codes on a name with a head noun of organizations and no title make an organization
// ("POLITBURO OF THE COMMUNIST PARTY ..."). An agent noun's trailing preposition is dropped
// ("AMBASSADOR TO" is "ambassador"). Agents are read first: their nouns are titles and English
// words to the actors.
//
// Nothing is dropped silently: whatever is not translated (a transformation rule, a code that
// is no CAMEO code, a title-and-name synonym the clause layer reads anyway, a one-word name that
// is an English word) is reported with its file and line.
//
// The parts, one per kind of dictionary: petrarch_import_agents.h (sectors),
// petrarch_import_actors.h (entities: types, ids and codes; actor_names.cc: aliases),
// petrarch_import_verbs.h (frames; patterns.cc: pattern reading), on what
// petrarch_import_shared.h gives them all (name display, what the rules know, the problem log);
// petrarch_import_corrections.h (a corrections file's patterns dropped or recoded before a verb
// file is translated); petrarch_import.cc reads the files in order and writes the discards.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_PETRARCH_IMPORT_H_
#define PARLEY_EXTRACT_PETRARCH_IMPORT_H_

#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "extract/petrarch_dictionaries.h"
#include "extract/rule_set.h"

namespace parley::petrarch {

enum class DictionaryKind { kActors, kAgents, kVerbs, kDiscards };

struct ImportInput {
  std::string path;  // as shown in messages and comments; its file name names the output
  std::string text;
};

struct ImportOptions {
  // The rules the import will be layered under (the built-in rules without rules/imported/):
  // their states, persons, organizations and groups lend their ids, their lexicon tells words
  // from names, their sectors name the codes. Null: none.
  const RuleSet* against = nullptr;
  // CAMEO roots ("13", "14") whose codes a verb dictionary's patterns and verbs do not become
  // frames for: each such frame is reported instead ("code of skipped root 13"). Empty: none.
  std::vector<std::string> skip_roots;
  // A corrections file for the verb dictionaries' patterns (petrarch_import_corrections.h: each
  // line drops or recodes a pattern, with its reason; each application is reported). Empty
  // path: none. ImportPetrarch fails for a line it cannot read or that matches no pattern.
  ImportInput corrections;
};

struct ImportedFile {
  std::string name;  // "phoenix-countries-actors.rules"
  std::string text;
};

struct ImportResult {
  std::vector<ImportedFile> files;   // in input order
  std::vector<Problem> problems;     // what was not translated, by file and line
  std::vector<std::string> summary;  // one line per input: what it became
};

// The kind of a dictionary: from its file name ("actors", "agents", "verbs" or "CAMEO",
// "discards"), else from its content.
DictionaryKind GuessKind(const std::string& path, const std::string& text);

// Translates `inputs` (agents first, then actors, verbs and discards, whatever their order).
// Fails for an input of no known kind and for `options.corrections` that cannot be read or
// match no pattern (InvalidArgument naming the corrections file and line).
Result<ImportResult> ImportPetrarch(const std::vector<ImportInput>& inputs,
                                    const ImportOptions& options);

// The report `parley rules import` writes beside the files: the summary, then every problem as
// "path:line: message".
std::string FormatImportReport(const ImportResult& result);

// The CAMEO root of an event code ("0361" -> "03", "1123" -> "11"), its predicate
// ("expressed_intent_to_cooperate") and PLOVER type ("AGREE"; per code: "036" is CONSULT);
// empty for no CAMEO code.
std::string CameoRoot(const std::string& code);
std::string CameoPredicate(const std::string& code);
std::string CameoPlover(const std::string& code);

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_IMPORT_H_
