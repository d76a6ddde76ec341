// The actors part of the PETRARCH importer (petrarch_import.h): actor files as entities with
// aliases, roles and CAMEO codes, given the ids of the entities the rules they are layered under
// already have. petrarch_import_actors.cc decides an actor's type, id and codes and writes the
// entity blocks; petrarch_import_actor_names.cc decides which of its names become aliases.
//
// Thread-safety: one import's; not thread-safe.
#ifndef PARLEY_EXTRACT_PETRARCH_IMPORT_ACTORS_H_
#define PARLEY_EXTRACT_PETRARCH_IMPORT_ACTORS_H_

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/types.h"
#include "extract/petrarch_import.h"
#include "extract/petrarch_import_shared.h"

namespace parley::petrarch {

// An entity being written.
struct EntityOut {
  std::string id;
  std::string label;
  std::string source;                           // "file:line" of the first actor it came from
  std::string input_path;                       // that file as the problems name it
  int line = 0;                                 // and that line
  std::vector<std::string> aliases_i, aliases;  // case-insensitive / case-sensitive
  std::vector<std::string> roles;               // "role ..." values
  std::string cameo;
};

class ActorImporter {
 public:
  // `agent_nouns`: the agent nouns read so far (AgentImporter::nouns()), titles and English words
  // to the actors. REQUIRES: `against`, `agent_nouns` and `log` outlive the importer.
  ActorImporter(const Against& against, const std::set<std::string>& agent_nouns, ProblemLog* log);

  // Reads the actors of `file` (read from `input`) into entities, written by EntityBlocks() once
  // every actor file is read, since several files may add to one entity; appends to `summary`
  // what they became; logs what it does not translate (and the agents of an actors file, which
  // the caller translates with the agents).
  void Actors(const ImportInput& input, const ActorFile& file, std::string* summary);

  // The entity blocks of every actor file, in the first actor file's text. An entity's label is
  // one of its aliases: the rules compile a label as an alias, and a name left out (one the
  // rules give another entity, a title, a given name) must not come back as the label. An
  // entity with no name left is not written, unless the rules have its id (it is merged into
  // theirs) or it is a state (roles name it).
  std::string EntityBlocks(const std::string& path);

 private:
  static std::string DefaultCode(const Actor& a);

  // Whether the actor is the state of its country code: the actor of that code without dated
  // codes, else one named as the rules' state of the code, else the first with the code.
  bool IsStateActor(const Actor& a, const std::string& code) const;

  // Whether the actor holds a dated role in its own country: a dated code that is its default
  // country code and a sector ("SAM_GAMGEE [HOB] [HOBCIV <20080120]": a person of HOB, unless
  // it is the state HOB itself: "SLOVENIA_ [SVN] [SVNGOV >20121222]").
  static bool HasDatedRole(const Actor& a, const std::string& default_code);

  // The country code of a state whose codes are all dated: its current code (the open-ended
  // one, else the last) when that is a bare country code ("[ARM >911221]"); "" otherwise
  // (GOLLUM's current code is HOBREB: a person).
  static std::string DatedCountryCode(const Actor& a);

  static bool HasDatedCode(const Actor& a);

  std::string StateId(const Actor& a, const std::string& code);

  // The rules' entity one of the actor's names names: a person for a person, any actor that
  // is no person for an organization ("ISRAELI_TROOPS" is group:israel-military); "" when none
  // or several.
  std::string Known(const Actor& a, EntityType type) const;

  // The id of a person or organization: the rules' entity with one of its names, else the slug
  // of its first name (made unique). Actors of one code are not joined: a code is what event
  // data calls an actor ("USAMIL" for the Joint Chiefs of Staff and for West Point), not one
  // entity.
  std::string EntityIdFor(const Actor& a, EntityType type);
  // EntityIdFor's id when neither the rules nor an earlier organization of the same code has
  // one of the actor's names.
  std::string NewEntityId(const Actor& a, EntityType type);

  // `base`, or base-2, base-3, ... when another actor or an entity of the rules has it.
  std::string UniqueId(const std::string& base, const Actor& a);

  EntityOut& Entity(const std::string& id, const Actor& a, const std::string& input_path);

  void AddCodes(const std::string& path, const Actor& a, EntityType type,
                const std::string& default_code, EntityOut* e);

  // Words that make a name a title and a name ("PRESIDENT VLADIMIR PUTIN", "RUSSIAN PRIME
  // MINISTER VLADIMIR PUTIN"): agent nouns, countries' names and common titles.
  bool IsTitleWord(const std::string& folded) const;

  // The ids of `words` (folded) in the rules' name vocabulary, for its phrase sets.
  std::vector<uint32_t> NameIds(const std::vector<std::string>& words) const;

  // How many words at the start of `words` (folded) are titles: sector and agent nouns
  // ("prime minister"), the rules' titles and honorifics ("deputy secretary of state", "mr"),
  // states' adjectives ("russian"), longest first.
  size_t TitleLength(const std::vector<std::string>& words) const;

  // Whether a phrase of the rules' head nouns of `kind` (0 organization, 1 agreement, 2 event,
  // 3 place: NameVocabulary::heads) is in `words` (folded); `at_end`: ends them.
  bool HasHead(const std::vector<std::string>& words, int kind, bool at_end) const;

  // Whether the actor's first name is an organization's: none of the rules' titles first and a
  // head noun of organizations in it ("Politburo", "Party").
  bool OrganizationName(const Actor& a) const;

  // Whether the first `title` words of `words` (folded) are a title that belongs to a name of
  // one word ("king", "pope": "King Hussein" is a full name; rules/core/names.rules).
  bool RegnalTitle(const std::vector<std::string>& words, size_t title) const;

  // Whether `words` (folded) open with one of the rules' titles and "of" or "for" after it
  // ("DIRECTOR OF THE OFFICE OF THE FOREIGN AFFAIRS COMMISSION"): an office.
  bool TitleOfSomething(const std::vector<std::string>& words) const;

  // Whether `words` (folded) name an office, not an organization: titles and country words only,
  // after an optional "the" ("The US Secretary of State", "Secretary of State"), with at least
  // one title. The clause layer reads titles, and "Secretary of State Vance" is a person.
  bool OfficeOnly(const std::vector<std::string>& words) const;

  // Whether an actor with an undated code is a person by its first name: two to four words,
  // the first a given name of the rules, none an English word or a head noun of
  // organizations, and a code of no kind of group ("ALBIN_KURTI_ [KSVOPP]", "GLENN_GREENWALD
  // [MED]"; not "ARTHUR_ANDERSEN [...MNC...]" nor the rebels "ALEJO_CALATAYU [BOLREB]"):
  // Phoenix gives people with one code no dates.
  bool PersonByName(const Actor& a, const std::string& code) const;

  // Whether no word of `words` (lower case) is a word of the lexicon (a -s form too), of a
  // country or of a title, particles aside, and none is a head noun of organizations.
  bool NoOrganizationWord(const std::vector<std::string>& words) const;

  // Whether `words` (lower case) read as a person's name: two to four words, the first a given
  // name of the rules or "abu", and NoOrganizationWord ("ABU BAKR AL-BAGHDADI").
  bool PersonShaped(const std::vector<std::string>& words) const;

  // Whether `words` (lower case) end in an office: a title of the rules that is no honorific
  // nor regnal title, after words that hold no "of" nor "for" and no head noun of
  // organizations ("HOMELAND SECURITY SECRETARY", "EU HIGH REPRESENTATIVE"; not "BURGER KING").
  bool EndsInOffice(const std::vector<std::string>& words) const;

  // How an organization's name is compared with another's: folded, hyphens as spaces.
  static std::string NameKey(const std::string& name);

  // Whether the one-word name `text` (as written) is a given name of the rules
  // (rules/core/given_names.rules) in a name's spelling ("Takeo", not the acronym "ETA").
  bool GivenName(const std::string& text) const;

  // Fills agent_words_ from the agent and sector nouns, once.
  void FillAgentWords();

  void AddNames(const std::string& path, const Actor& a, EntityType type, EntityOut* e);

  // The words of a name (folded) that tell it from others: three letters or more, no country's
  // word, no "the", "and", "for"; no head noun of organizations unless `heads`.
  std::set<std::string> DistinctWords(const std::vector<std::string>& words, bool heads) const;

  // Whether the name `words` (folded) shares a distinct word with `root` (folded), an alias of
  // `e` or the rules' names of e's id, or spells out one of them that is an acronym.
  bool ResemblesOneOf(const std::vector<std::string>& words, const std::vector<std::string>& root,
                      const EntityOut& e) const;

  // A name of several words, in the case DisplayName gives it where that is how English writes
  // the name ("Bank of Japan", "The Shire" and "the Shire": the lower-case
  // "the foundation of" is no mention of "The Foundation"); in any case where a hyphen, an
  // apostrophe or a short word in capitals leaves the spelling open ("Ban Ki-Moon", "AL Qaeda").
  static void AddName(const std::string& display, EntityOut* e);

  // ResemblesOneOf for a state the rules have: the words that tell states apart, against the
  // rules' names of the state; true for a state the rules do not have.
  bool ResemblesState(const std::vector<std::string>& words, const EntityOut& e) const;

  static void Add(std::vector<std::string>* list, const std::string& item);

  const Against& against_;
  const std::set<std::string>& agent_nouns_;  // lower-case phrases
  ProblemLog* log_;
  std::set<std::string> agent_words_;  // the words of the agent and sector nouns
  std::set<std::string> country_words_;
  std::map<std::string, std::string> state_code_;    // code -> state id made by this import
  std::map<std::string, const Actor*> state_actor_;  // code -> the undated actor of that state
  std::map<std::string, const Actor*> owner_;        // id -> the actor that took it
  // Person or organization id -> the folded first name of the actor that took it (the actors
  // of earlier files are gone by then).
  std::map<std::string, std::string> first_name_;
  // An organization's names (NameKey) and default code -> its id: another actor of the same
  // code with one of those names is the same organization ("AL-JAZEERA" and "AL_JAZEERA
  // +AL-JAZEERA", both [MED]).
  std::map<std::pair<std::string, std::string>, std::string> organization_names_;
  std::map<std::string, EntityOut> entities_;
  std::vector<std::string> order_;
};

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_IMPORT_ACTORS_H_
