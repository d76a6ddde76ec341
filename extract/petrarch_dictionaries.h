// Readers for the dictionaries of the event coders TABARI and PETRARCH (the formats of
// PETRARCH-2's PETRreader.py and the TABARI manual): actors, agents, verbs and discards, as
// plain records with the line each came from. What they mean in parley's rule language is
// petrarch_import.h's business.
//
//   actors    ROOT_NAME [CODE]                      one actor; words joined by '_' or ' '
//             +SYNONYM                              more names of the actor above
//                 [CODE YYMMDD-YYMMDD] [CODE >YYMMDD] [CODE <YYMMDD] [CODE]   codes, dated or not
//   agents    !SET! = A, B                          substitution sets, used as NOUN!SET!
//             NOUN {PLURAL ...} [~CODE]             a sector noun ([CODE~]: the code comes first)
//   verbs     &SYNSET / +WORD                       synonym sets
//             --- NAME [CODE] ---                   a verb block: its verbs ("VERB {FORMS}
//             VERB {FORMS} [CODE]                   [CODE]", "+MULTI_WORD", "PRE_+VERB") and
//             - WORDS * WORDS [CODE:REVERSE] # ...  patterns ('*' the verb; {NP}, (PP), &SYNSET,
//                                                   $ source, + target, % compound, ^ skip)
//   discards  PHRASE / +PHRASE                      a sentence (story, with '+') that codes nothing
//
// Comments: '#' to the end of a line, and <!-- ... --> (possibly over several lines). Dates of
// six digits take the century 20 for years up to 30 and 19 above ("991231" is 1999-12-31,
// "080507" 2008-05-07); eight digits are YYYYMMDD.
//
// Thread-safety: pure functions.
#ifndef PARLEY_EXTRACT_PETRARCH_DICTIONARIES_H_
#define PARLEY_EXTRACT_PETRARCH_DICTIONARIES_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::petrarch {

// Something a reader or the importer could not read or translate: "path:line: message".
struct Problem {
  std::string path;
  int line = 0;
  std::string message;
};

// A name as written: words upper-case as in the file, joined by single spaces, the stop
// marker '_' dropped ("VLADIMIR_PUTIN_" -> "VLADIMIR PUTIN").
struct Name {
  std::string text;
  int line = 0;
};

struct ActorCode {
  std::string code;  // as written, upper-cased: "RUSGOV", "ELR/GAL", "---" (no code)
  std::string from;  // ISO YYYY-MM-DD or "" (open)
  std::string to;    // ISO YYYY-MM-DD or "" (open)
  int line = 0;
};

struct Actor {
  std::vector<Name> names;  // the root first, then its synonyms
  std::vector<ActorCode> codes;
  int line = 0;
};

struct Agent {
  Name noun;
  std::vector<Name> plurals;  // explicit plurals ({...}); `no_plural` for "{}"
  bool no_plural = false;
  std::string code;         // without the '~': "GOV", "MILNAV"
  bool code_first = false;  // [NGO~]: the agent's code before the actor's
};

struct ActorFile {
  std::vector<Actor> actors;
  std::vector<Agent> agents;  // agents written in an actors file ("AIR_FORCE [~MIL]")
};

struct AgentFile {
  std::vector<Agent> agents;  // substitution sets expanded
};

// One verb of a block: the verb word with the words that must come before and after it
// ("WIRE_+TAP": before {WIRE}, verb TAP; "+BREAK_DOWN": verb BREAK, after {DOWN}).
struct Verb {
  std::vector<std::string> before;
  std::string verb;
  std::vector<std::string> after;
  std::vector<std::string> forms;  // irregular forms in braces, upper case
  std::string code;                // its own code, or "" (the block's)
  int line = 0;
};

// A pattern: the words before and after '*', each an item as written ("ECONOMIC",
// "&CURRENCY", "$", "+", "%", "^", "CASH_": a word taken as written, without other endings),
// braces dropped (parentheses too, their spans kept in `phrases`); "_" between two items joins them
// ("FOR_CEASEFIRE": FOR, _, CEASEFIRE; "RECENTLY_*": RECENTLY, _ before the verb).
struct VerbPattern {
  std::vector<std::string> before, after;
  std::string code;     // "" when the pattern gives only a reverse code ("[:173]")
  std::string reverse;  // "" when none
  int line = 0;
  // The items of `after` written in parentheses, each [begin, end): a prepositional phrase
  // of the verb ("(TO)", "(FOR VISIT)"), its preposition first.
  std::vector<std::pair<size_t, size_t>> phrases;
  // The line's comment, as written ("HEAD", "FORGE , SET_UP", "pas 2 May 2005"): CAMEO.2.0
  // names there the verbs of the block the pattern was written for (TABARI's verb).
  std::string comment;
};

struct VerbBlock {
  std::string name;
  std::string code, reverse;  // the block's default ("---": none)
  std::vector<Verb> verbs;
  std::vector<VerbPattern> patterns;
  int line = 0;
};

struct VerbFile {
  std::map<std::string, std::vector<std::vector<std::string>>> synsets;  // "&NAME" -> phrases
  std::vector<VerbBlock> blocks;
};

struct DiscardFile {
  std::vector<Name> sentence;  // a sentence holding one codes nothing
  std::vector<Name> story;     // a story holding one codes nothing ('+')
};

// Each reader appends what it could not read to `problems` (with `path` and the line) and
// reads the rest.
ActorFile ReadActors(std::string_view path, std::string_view text, std::vector<Problem>* problems);
AgentFile ReadAgents(std::string_view path, std::string_view text, std::vector<Problem>* problems);
VerbFile ReadVerbs(std::string_view path, std::string_view text, std::vector<Problem>* problems);
DiscardFile ReadDiscards(std::string_view path, std::string_view text,
                         std::vector<Problem>* problems);

// "YYMMDD" or "YYYYMMDD" to "YYYY-MM-DD"; "" when it is neither.
std::string PetrarchDate(std::string_view digits);

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_DICTIONARIES_H_
