// The labels a document gives the imported layer's entities (rules/imported/, the Phoenix
// dictionaries): Phoenix writes names in ASCII capitals, which the importer turns into labels
// such as "Sauli Niinisto", "Micheal Martin", "Ymca" or "Samia Suluhu"; the document writes
// "Sauli Niinistö", "Micheál Martin", "YMCA", "Samia Suluhu Hassan". In that document the
// entity's label is the text's spelling (its most frequent, the first on a tie), the id
// unchanged; the store then shows the label most documents give (graph/keys.h ToEntity).
//
// A mention of an entity only the imported layer defines (EntityDef::imported), outside a
// title-like unit, spells its label when:
//   * a word of it is a word of the label with accents ("Niinistö" of "Sauli Niinisto": the
//     label's word takes the text's letters, so "President Niinistö" spells "Sauli Niinistö");
//   * it is the label in other capitals or with a space for a hyphen, with a small letter in
//     it unless it is one word, its first letter no smaller ("YMCA", "Al Jazeera"; not a
//     heading's "SAULI NIINISTO", nor "the Carter Center" for "The Carter Center");
//   * for a person, another of its names (two words or more) whose last words the mention
//     writes otherwise than the label's ("Akufo-Addo", "Nana Akufo-Addo" where Phoenix lists
//     "NANA AKUFU ADDO" +"NANA AKUFO ADDO"; a word a hyphen joins before the mention counts):
//     that name with the text's spelling of those words;
//   * for a person, the whole label, right after a given name (rules/core/given_names.rules)
//     or right before one more capitalised word that no mention holds and no capitalised word
//     nor "of" and such a word follows, neither written in lower case elsewhere in the
//     document ("Mohamed Irfaan Ali", "Samia Suluhu Hassan"; not "the Robert F. Kennedy Ripple
//     of Hope Award"): the longer name, where the sentence names a country of the person's
//     roles ("President Samia Suluhu Hassan of Tanzania") or an earlier one of the document
//     gave the person that name, and never a word after a label of given names only.
// Elsewhere the longer name is another person's ("Sarah Kate Ellis" of GLAAD is no Kate Ellis
// of Australia's government, "Juan Carlos Iturregui" no Juan Carlos of Spain):
// DropOtherPeople drops the mention and makes the longer name a person by shape.
// Hand-written entities keep their labels: people chose them.
//
// Thread-safety: one document's; not thread-safe.
#ifndef PARLEY_EXTRACT_DOCUMENT_LABELS_H_
#define PARLEY_EXTRACT_DOCUMENT_LABELS_H_

#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "base/types.h"
#include "extract/mentions.h"
#include "extract/rule_matcher.h"

namespace parley::internal {

class DocumentLabels {
 public:
  // Drops from the window's sentences, in order, each mention of a person only the imported
  // layer lists that a longer name holds which is not that person's (above), and each mention
  // of a listed person (hand-written or imported) by the surname alone right after another given
  // name where the document so far names no country of the person's roles ("Todd Harper" of
  // the NCUA is no Stephen Harper of Canada); rebuilds the units of the sentences it changes,
  // and makes each such longer name a document-local person (name_discovery.h AddLocalEntity,
  // rule kShapeRule; records in out->discoveries). From there on the surname alone names that
  // other person ("Mr. Harper").
  // Call after tagging and before discovery, with the document's lower-case words
  // (DocState::words) set.
  void DropOtherPeople(std::span<Tagged> window, DocState* doc, DocumentAnalysis* out);

  // Gives the window's mentions of a person only the imported layer lists, with roles, whose
  // name is given names only ("Michael Smith", "George Wallace", "James Brown") a document-local
  // person of the same id and label without the roles and codes where the document so far names
  // no country of those roles: the Irish minister Michael Smith is not the CEO of AmeriCorps, nor
  // Liberia's George Wallace the governor of Alabama. Decided at the person's first mention in
  // the document; call after discovery, before Read.
  void SeparateNamesakes(std::span<Tagged> window, DocState* doc);

  // Notes the spellings of the mentions of `s` (after discovery). `title_like`: a heading or
  // a unit that is no sentence, whose capitals say nothing.
  void Read(const DocState& doc, const Tagged& s, bool title_like);

  // Fixes the label of every entity Read has spellings for, the first time it is asked for
  // (each id keeps one label in the document, whatever later windows read).
  void Choose();

  // The document's label of the entity `id`, or null when it keeps its own.
  const std::string* Label(const std::string& id) const;

  // Gives the statements' entity references the document's labels.
  void Relabel(std::vector<Statement>* statements) const;
  // Gives `entity` the document's label; its own label becomes an alias (kept sorted and
  // unique).
  void Relabel(Entity* entity) const;

 private:
  struct Seen {
    int count = 0;
    int first = 0;  // order of the first mention that spelled it
  };
  int order_ = 0;
  std::map<std::string, std::map<std::string, Seen>> spellings_;  // id -> spelling -> seen
  std::map<std::string, const EntityDef*> defs_;                  // id -> its definition
  // id -> the longer names (SpelledLabel) found that person's in the document so far
  std::map<std::string, std::set<std::string>> longer_;
  std::map<std::string, std::string> chosen_;  // id -> label
  std::set<std::string> states_;               // the states the windows so far mention (or act as)
  // The states the windows so far mention (or act as), as DropOtherPeople reads them: before
  // discovery.
  std::set<std::string> named_states_;
  // A listed person -> the document's other person whose given name the text writes before
  // that person's surname ("Todd Harper" for Stephen Harper): the surname alone is theirs.
  std::map<const EntityDef*, const EntityDef*> surname_owners_;
  // An imported person -> its document-local namesake (SeparateNamesakes), or null: the person
  std::map<const EntityDef*, const EntityDef*> namesakes_;
};

// The longer name around the full name [b, e) of a person in `s`: one free word of a name
// before it that is a given name, else one after it that ends the run of names, else [b, e).
std::pair<uint32_t, uint32_t> LongerName(const DocState& doc, const Tagged& s, uint32_t b,
                                         uint32_t e);

// The label the mention [b, e) of `def` in `s` spells (DocumentLabels), or "" when it spells
// the entity's own; `longer` (may be null) says whether it is a longer name. Exposed for tests.
std::string SpelledLabel(const DocState& doc, const Tagged& s, const EntityDef& def, uint32_t b,
                         uint32_t e, bool* longer);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_DOCUMENT_LABELS_H_
