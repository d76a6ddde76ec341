// One person, one node across documents (issue 16). Extraction names a discovered person by its
// spelling in the document ("Jim Risch", "Katy Hobbs", "Xochitl Torres"), and within a document
// the short forms already join the full name. Across documents the same person comes under
// other spellings ("James Risch", "Katie Hobbs", "Xochitl Torres-Small"); PersonMerger gives a
// newly stored spelling the id of the person a store already holds when the names say so and
// the context does not say otherwise:
//
//   - name evidence, from CompareNames on the new label and each name of the stored person:
//       kSame       the same words (case, diacritics, initials and "Jr." aside);
//       kForm       the first given names are equal and the rest has a middle name added
//                   ("Adena Williams Loston", "Adena Loston");
//       kShortForm  one first given name is a listed short form of the other and of no other
//                   name but its spellings (graph/nicknames.inc: "Jim"/"James", "Phil"/
//                   "Philip" or "Phillip"), the rest the same or as kForm;
//       kSpelling   the first given names differ by at most two letters, beginning alike, both
//                   of four letters or more ("Katy"/"Katie", "Philip"/"Phillip"), one is the
//                   other clipped ("Chris"/"Christopher"), a listed short form of several names
//                   ("Mandy": Amanda or Samantha) or two short forms of one name, the rest as
//                   above; or the rest only begins alike (a second surname, "Giammattei
//                   Falla", or a name after a middle name, "Maxwell Taylor Kennedy"); or a
//                   two-word name in the other order ("Akiba Takeo", "Takeo Akiba"); or the
//                   first given name left out ("Irfaan Ali", "Mohamed Irfaan Ali"); or the
//                   same given name and another word spelled as above ("Barham Salih",
//                   "Barham Saleh"); or a surname alone and a name ending with it ("Hichilema",
//                   "Hakainde Hichilema": a head of state by title and surname, name_discovery.h);
//   - context, from the two entities: an office agrees when a word of the `title` attribute or
//     of a role's office is shared, rank words aside ("deputy secretary" and "secretary of
//     agriculture"; courtesy titles such as "Mr" or "the Honorable" say nothing); countries
//     conflict when both have role countries and none in common. The stored side's context is
//     what every document stored so far said of it; the new side's, its own document's.
// kSame and kForm merge unless the countries conflict; kShortForm also not when both have
// offices and none agrees ("Rob Menendez", a congressman, is not "Robert Menendez", a senator);
// kSpelling only when an office agrees ("John" and "Joan Smith" stay two people unless both
// are, say, governors). When two or more stored people fit and context picks none of them, the
// new spelling keeps its own id and is marked `ambiguous` (attribute: the candidate ids,
// comma-separated) rather than merged wrongly.
//
// The spellings of one document are compared with each other the same way ("Ray Odierno" and
// "Raymond Odierno" in one text). Only entities extraction discovered (attribute `discovered_by`)
// are re-identified, never a listed person, and never an id the store already holds (a spelling
// that has its node keeps it: re-ingesting gives the same ids). The person first stored keeps the
// id; as context accumulates, which spellings merge can also depend on the order documents are
// stored in. `ingest --statements` records carry no attributes and are stored as given.
//
// Thread-safety: PersonMerger is not thread-safe; CompareNames and the context functions are
// pure.
#ifndef PARLEY_GRAPH_PERSON_MERGE_H_
#define PARLEY_GRAPH_PERSON_MERGE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "graph/store.h"

namespace parley {

enum class NameEvidence { kNone, kSpelling, kShortForm, kForm, kSame };

// How strongly two person labels name one person (see above). Case, diacritics, initials
// ("Patrick J. Kennedy") and suffixes ("Jr.", "III") do not count; a name of one word is
// kSame with an equal word, kSpelling with a longer name ending with it, kNone otherwise.
NameEvidence CompareNames(std::string_view a, std::string_view b);

// Whether `a` and `b` share an office (title attribute or role office, courtesy titles aside).
bool ContextAgrees(const Entity& a, const Entity& b);
// Whether both have role countries and none in common.
bool ContextConflicts(const Entity& a, const Entity& b);
// Whether both have offices (as for ContextAgrees) and none in common.
bool OfficesDiffer(const Entity& a, const Entity& b);

class PersonMerger {
 public:
  // The people `store` holds. Fails with the store's error.
  static Result<PersonMerger> Load(const Store& store);

  // Gives each discovered person of `record` the id of the stored person it names (above),
  // in its entities and in its statements' references (statement ids computed from the old
  // ids are computed again), marks the ambiguous ones, and remembers the record's people for
  // the records after it.
  void Resolve(DocumentRecord* record);

 private:
  PersonMerger() = default;
  // Adds or folds `person` into what is known of its id.
  void Remember(const Entity& person);
  // The stored person `person` names, "" for none; sets *ambiguous to the candidates when
  // several fit and none is picked.
  std::string Match(const Entity& person, std::string* ambiguous) const;

  std::map<std::string, Entity, std::less<>> people_;  // id -> label, title, roles
  // A token of a person's name after the first (surnames, middle names) -> ids.
  std::map<std::string, std::vector<std::string>, std::less<>> by_token_;
};

}  // namespace parley

#endif  // PARLEY_GRAPH_PERSON_MERGE_H_
