// The verbs part of the PETRARCH importer (petrarch_import.h): a verb file's irregular forms as
// a `verbs` block, its synonym sets as `words` lists, and per verb block and CAMEO root a
// `frame` with the block's verbs, the root's predicate and PLOVER type and a `refine` line per
// pattern. petrarch_import_verbs.cc groups the verbs and writes the frames;
// petrarch_import_patterns.cc reads the patterns (their words, negations and role markers).
//
// Thread-safety: one import's; not thread-safe.
#ifndef PARLEY_EXTRACT_PETRARCH_IMPORT_VERBS_H_
#define PARLEY_EXTRACT_PETRARCH_IMPORT_VERBS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/petrarch_import.h"
#include "extract/petrarch_import_shared.h"

namespace parley::petrarch {

class VerbImporter {
 public:
  // REQUIRES: `against` and `log` outlive the importer. `skip_roots`: ImportOptions::skip_roots.
  VerbImporter(const Against& against, const std::vector<std::string>& skip_roots, ProblemLog* log)
      : against_(against), skip_roots_(skip_roots.begin(), skip_roots.end()), log_(log) {}

  // Appends to `text` the rules `file` (read from `input`) becomes, to `summary` what it
  // became; logs what it does not translate.
  void Verbs(const ImportInput& input, const VerbFile& file, std::string* text,
             std::string* summary);

 private:
  // A frame's default object: PETRARCH's target is the first actor after the verb, the direct
  // object, a phrase's, or the subject of a that-clause.
  static constexpr std::string_view kDefaultObject = "actor, any actor, that";
  // ... of a verb without patterns: no that-clause.
  static constexpr std::string_view kPlainObject = "actor, any actor";

  // A pattern as a line of a frame: its refine words, codes and what it makes of the frame.
  struct Line {
    std::string words;  // "before * after"
    std::string cameo, reverse;
    std::string object;     // the frame's object line for a marked role, "" for the default
    bool asserted = false;  // the pattern spells a negation, which its code already means
    bool compound = false;  // `%` before the verb: a compound subject coded against itself
    size_t length = 0;
    int source = 0;
    bool named = false;  // written for the verb: its comment names it, or its block has one verb
  };

  // What a pattern's role markers make of its frame. PETRARCH's source is the subject and its
  // target the first actor after the verb unless `$` (source) or `+` (target) say otherwise:
  //   `$` before the verb        the subject: nothing to translate;
  //   `+` after the verb         the object at the marker (ObjectAt);
  //   `+` before, `$` after it   the roles swapped: the subject is the target and the object at
  //                              `$` the source, which the reverse code (":CODE") gives;
  //   `%` before the verb        a compound subject, each member coded against the others
  //                              (`reciprocal object only`);
  //   `%` after the verb         a compound target: the object at the marker (every member
  //                              of a list is an object anyway);
  //   `^`                        a skipped phrase: the words around it still match in order.
  // Everything else (`+` or `$` after a word that is no preposition, or after skipped phrases
  // that follow none; `+` before the verb without `$` after it; `$` after the verb without `+`
  // before it; both after the verb; `%` with other markers) is untranslated: `untranslated` says
  // which, and the frame's default object applies.
  struct Roles {
    std::string object;  // the object line, "" for the frame's default
    bool swapped = false;
    bool compound = false;  // `%` before the verb
    std::string untranslated;
  };

  // TreeBank's split contractions joined to the word they belong to ("DID N'T" -> "DIDN'T",
  // "GONDOR 'S" -> "GONDOR'S"), as parley's tokenizer reads the sentence.
  static std::vector<std::string> JoinContractions(const std::vector<std::string>& words);

  // A word that negates: "NOT", "NEVER", "NO", "DIDN'T".
  static bool NegationWord(std::string_view word);

  // Whether pattern items spell a negation: a negating word, or a synonym set every phrase of
  // which holds one (&NEGATVAUXVRB: "DID N'T", "WILL NOT", ...).
  bool SpellsNegation(const std::vector<std::string>& items) const;

  // The word list a synonym set becomes ("&CURRENCY" in CAMEO.2.0.txt: cameo-2-0-currency).
  static std::string ListName(const std::string& stem, std::string synset);

  // The phrases of a synonym set, nested sets flattened ("&ACCORDSYN" holds "&TIETYPES"), as
  // word-list items: lower-case words, the last one taking any ending when it has four letters
  // or more (TABARI's stems). False for an unknown or too deeply nested set.
  bool Flatten(const VerbFile& file, const std::string& synset, std::vector<std::string>* items,
               int depth = 0) const;

  // The `words` blocks of a verb file's synonym sets; the names of those written in `lists`.
  std::string WordLists(const ImportInput& input, const VerbFile& file,
                        std::set<std::string>* lists);

  // Pattern words as refine words: a synonym set as its word list (@name), role markers
  // dropped, each word split into tokens, words of four letters or more taking any ending
  // (TABARI's stems) unless written with a final underscore ("CASH_"). Joined words (the item
  // "_" between them, and the tokens of one word) make one item joined by "_" ("for_ceasefire*");
  // a join before the first word or after the last is kept ("_upon*": right after the verb,
  // "recently*_": right before it). False when the pattern names a set that is no word list.
  bool Words(const ImportInput& input, const std::vector<std::string>& items,
             std::vector<std::string>* out) const;

  // The refine line of pattern words: "before * after", joined to the verb by "_" where the
  // pattern says so ("recently*_*", "*_upon*"); and how many words it has.
  static std::string RefineWords(const std::vector<std::string>& before,
                                 const std::vector<std::string>& after, size_t* length);

  // The frame key of a line: its root, its object line and whether it is asserted ("04",
  // "04|with actor|", "90||asserted").
  static std::string FrameKey(const Line& l);

  // The object line a role marker of a pattern's words after the verb gives: right after the
  // verb ("* + IN DETENTION") the direct object, right after a preposition ("* EID AT ^ WITH
  // +") that preposition's phrase, after a preposition and skipped phrases ("* AT ^ +") the
  // first actor in a phrase after that preposition's; "" after a word the lexicon knows as no
  // preposition, or without the marker.
  std::string ObjectAt(const std::vector<std::string>& after, const std::string& marker) const;

  Roles PatternRoles(const VerbPattern& p) const;
  // Whether the words after the verb of `p` are one parenthesised in-phrase of an -ing form
  // ("* (IN CONDEMNING)"): the act done with the direct object.
  bool GerundPhrase(const VerbPattern& p) const;

  // Whether `verbs` (of one block, sharing their code and the words before them) are a
  // synonym set: single words of more than one lemma ("LEAD", "HEAD", "CONDUCT"), as WordNet's
  // sets are; not one verb with phrases of the dictionary's own ("EXCLUDE", "+CORDON_OFF";
  // "BREAK", "+BREAK_DOWN").
  bool SynonymSet(const std::vector<const Verb*>& verbs) const;

  // Whether the lexicon of `against` reads `lemma` as a verb (true without a lexicon).
  bool KnownVerb(const std::string& lemma) const;

  // Whether `v` is a verb of several words ("+TIE_IN") whose verb the lexicon does not know
  // and one of whose forms the dictionary's own patterns use as a word ("- * DIPLOMATIC TIES"):
  // its frame would make that word a verb wherever it is written ("the deep ties between
  // them"), so it is not translated.
  bool UnknownHead(const Verb& v, const std::string& lemma) const;

  static std::string UnknownHeadMessage(const Verb& v, const std::string& lemma);

  // The lemma of a verb word: a form the lexicon knows becomes its lemma ("called" is "call").
  std::string LemmaOf(const std::string& word) const;

  static std::string Joined(const std::set<std::string>& words);

  // A verb as a block writes it, lower case, its words joined by '_': "set_up", "wire_tap".
  static std::string VerbName(const Verb& v);

  // The verbs of `block` (indices) a pattern's comment names, each by its words or a form of
  // them ("HEAD", "FORGE , SET_UP", "RULED_OUT" for RULE_OUT); empty when the comment is not
  // only such names ("pas 2 May 2005", a verb of another block): the pattern is every verb's.
  std::set<size_t> NamedVerbs(const VerbBlock& block, const VerbPattern& p) const;

  // Writes the frames of `verbs` (of `block`, sharing `code` and the words before them) read
  // with `patterns`; `tag` (a verb's name, or "") tells their ids from the block's other
  // frames.
  size_t WriteFrames(const ImportInput& input, const VerbBlock& block, const std::string& code,
                     const std::vector<std::string>& before_words,
                     const std::vector<const Verb*>& verbs,
                     const std::vector<const VerbPattern*>& patterns, bool synonyms,
                     const std::string& tag, std::set<std::string>* ids, std::string* text,
                     size_t* refines);

  static bool IsCameoCode(const std::string& code);

  // Whether the default code of root `root` of a verb (or verbs) whose pattern lines are
  // `by_root` (by FrameKey) is named by the complement: of the lines written for the verb
  // (Line::named), at least kComplementCodedMin and more than kComplementCodedRatio times as
  // many code other roots as code `root`.
  static constexpr size_t kComplementCodedMin = 4;
  static constexpr size_t kComplementCodedRatio = 2;
  static bool ComplementCoded(const std::map<std::string, std::vector<Line>>& by_root,
                              const std::string& root);

  const Against& against_;
  const std::set<std::string> skip_roots_;
  ProblemLog* log_;
  std::set<std::string> reported_codes_;  // codes reported as having no CAMEO root
  std::set<std::string> lists_;  // synonym sets of the current verb file written as word lists
  // Per lemma, its forms that have verb blocks of their own in the current verb file.
  std::map<std::string, std::set<std::string>> form_blocks_;
  std::set<std::string> negative_lists_;  // those of them every phrase of which negates
  std::set<int> reported_sets_;           // lines of blocks reported as synonym sets
  std::set<std::string> pattern_words_;   // the current verb file's pattern words, lower case
};

}  // namespace parley::petrarch

#endif  // PARLEY_EXTRACT_PETRARCH_IMPORT_VERBS_H_
