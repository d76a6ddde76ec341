// Names found in a document become entities: discovery by shape (name_shape.h), the entities
// that discover rules create, and the short forms that refer to them ("Kim" after "Kim Jong
// Un", "Roosevelt" after "Theodore Roosevelt"). rules/README.md section 6 describes the
// behaviour; the matcher (rule_matcher.cc) decides when each step runs.
//
// - A new name whose id, reversed two-word form ("Akiba Takeo" / "Takeo Akiba") or
//   transliteration key ("Shoygu" / "Shoigu") is a listed person is that person.
// - A person's name must look like one (CleanPersonName): no title or common word alone. A
//   discovered person's id leaves out the initials of the name when two other words remain
//   ("Avril D. Haines" is person:avril-haines), so that documents that write them and
//   documents that do not give one node.
// - A surname alone joins the person of the document whose name it ends or starts, when there is
//   exactly one (a surname a particle joins by a hyphen, "Asad" of "Hafiz al-Asad", too; a
//   listed person counts only when the document names them with more than the surname, so
//   "Assad" after "Hafez al-Assad" is not the lists' Bashar al-Assad); otherwise a listed
//   person with that surname whose office agrees with the
//   title it was written with (and whose dates hold the document date); otherwise it is a
//   mention of no entity (a person node "Johnson" would join every Johnson of a store), unless
//   its title is a head of state's or government's (name-leader-title), no list knows the
//   surname and a unit other than the document's title writes it: then it is a person of that
//   office ("President Hichilema" in a readout that never writes his given name; across
//   documents graph/person_merge.h joins it to a full name with that surname and office). One
//   name after a regnal title is a name in full ("King Hussein", name_shape.h).
//
// Thread-safety: per document, on one thread.
#ifndef PARLEY_EXTRACT_NAME_DISCOVERY_H_
#define PARLEY_EXTRACT_NAME_DISCOVERY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extract/mentions.h"
#include "extract/rule_matcher.h"
#include "extract/rule_pattern.h"
#include "extract/tagged_sentence.h"

namespace parley::internal {

// The rule of the names found by shape (NewName::rule, the attribute `discovered_by`).
inline constexpr std::string_view kShapeRule = "name-shape";

// A name to make an entity of.
struct NewName {
  EntityType type = EntityType::kPerson;
  std::string label;    // as shown
  std::string surface;  // as written, when it differs from the label ("KISHIDA Fumio")
  std::string rule;     // the discover rule, or "name-shape"
  std::string office;   // lower-case; for persons found by a rule with a country, also a role
  std::string country;  // entity id or ""
  std::string affiliation;
  std::string acronym;  // an alias ("JBIC")
};

// Makes `name` a mention of a listed or document-local entity from now on (Tag matches its
// label, surface, acronym and, for people, last word) and records the discovery in
// out->discoveries. People's labels must already be clean (CleanPersonName).
void AddLocalEntity(const NewName& name, DocState* doc, DocumentAnalysis* out);

// Makes a person only the imported layer lists, mentioned in `s` in another spelling than its
// label ("Tzachi Hanegbi" for Phoenix's "Tzahi Hanegbi"), a document-local person of the text's
// spelling (its id and label, as discovery gives them) with the listed person's roles, codes and
// attributes (and `spelling_of` its id), which the document's mentions of that spelling name
// from now on. The hand-written rules' people keep their ids and labels. Called by
// DiscoverByShape.
void SpellImportedPeople(const Tagged& s, DocState* doc);

// Finds names by shape in `s` (tagged with what is known so far) and adds them. `title_like`:
// `s` is a heading, title or short line (FindShapedNames). `document_title`: `s` is the
// document's own title (metadata), which is read for the actors it names (participants.h): an
// organisation, agreement or event name there that holds a known entity ("G7 Hiroshima Leaders'
// Communiqué", "Joint Statement of the Quad Senior Cyber Group", "U.S.-Mexico High-Level
// Security Dialogue") is not added, so the actors and the document-kind words stay visible. The
// body still finds such a name where it writes it.
void DiscoverByShape(const Tagged& s, bool title_like, bool document_title, DocState* doc,
                     DocumentAnalysis* out);

// Links short forms once every name of the document is known: surnames to full names, and the
// last word of a listed person's full name to that person for this document. `titles[i]`:
// sentences[i] is a title or heading (the document's own title may be cut inside a name).
void LinkShortForms(const std::vector<Tagged>& sentences, const std::vector<bool>& titles,
                    DocState* doc);

// Fills rules->names from the word lists NameVocabulary::kListNames and indexes the listed
// persons by TransliterationKey of their names and surnames (rules->person_names,
// rules->person_surnames).
void CompileNames(const std::map<std::string, WordList>& words, CompiledRules* rules);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_NAME_DISCOVERY_H_
