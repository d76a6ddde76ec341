// Discovery by shape: names that no list knows but whose form says what they are
// (rules/README.md section 6, "Names by shape").
//
// - People: a title or honorific before a name ("Ambassador Bunker", "Mr. Dobrynin",
//   "Prime Minister Giorgia Meloni", "F.W. de Klerk" after "President"); or, without a title,
//   a known given name (or initials inside the name) and a surname that the document also
//   writes alone ("Ellsworth Bunker ... Bunker said"), or a name that what follows it says is a
//   person's: ", who", an apposition with a person noun, title or demonym ("Gavrilo Princip, a
//   Serbian nationalist", "Boris Shvirsky, the Soviet Union's unofficial representative"), a party
//   label or an office in parentheses ("Strom Thurmond (R-SC)", "Henry Morgenthau (then head
//   of ...)"); never in a heading or title-like line ("Adam Hodge Welcoming ...", "Extend
//   Medicare"). A name is one to five
//   capitalised words, initials ("F.W."), particles between them ("de", "von der", "bin",
//   "al-") and suffixes ("Jr.", "III"); it never starts or ends with a particle or an initial
//   and never contains a title, a type head noun or a common word.
// - Organisations, agreements and events: a run of capitalised words (and the entities known
//   inside it, "Japan Bank for International Cooperation") that ends in, or starts with, a type
//   head noun: "Strategic Consultative Group" (organization), "Hebron Protocol" (agreement),
//   "October Revolution" (event), "Council of Foreign Ministers", "Operation Mongoose". A
//   parenthesised acronym after the name is bound as its alias ("(JBIC)").
//
// The vocabulary (titles, particles, head nouns, common capitalised words) comes from word lists
// of the rules, named in NameVocabulary::kListNames. No C++ here knows a name.
//
// Thread-safety: NameVocabulary is immutable after construction; the functions are pure.
#ifndef PARLEY_EXTRACT_NAME_SHAPE_H_
#define PARLEY_EXTRACT_NAME_SHAPE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/types.h"
#include "extract/rule_tokens.h"

namespace parley::internal {

// A set of word sequences (lower-cased tokens, as word-list items are), each token as its id
// in the vocabulary of a NameVocabulary (NameVocabulary::words), looked up by the longest one
// starting at a token of a sentence whose tokens are given as such ids: comparing integers
// instead of hashing each token again at every lookup.
class PhraseSet {
 public:
  // Adds a phrase of token ids. REQUIRES: every id is a vocabulary id (not kAbsent).
  void Add(std::vector<uint32_t> phrase);
  bool empty() const { return buckets_.empty(); }
  // The number of tokens of the longest phrase starting at token `i` of `ids` (a sentence's
  // tokens, NameVocabulary::Ids), or 0. Inline up to the test of the first token, which most
  // tokens fail.
  size_t LongestAt(const std::vector<uint32_t>& ids, size_t i) const {
    if (i >= ids.size()) return 0;
    const uint32_t first = ids[i];
    if (first >= first_.size() || first_[first] == 0) return 0;
    return LongestIn(buckets_[first_[first] - 1], ids, i);
  }
  // True when the one-token phrase `id` is in the set (false for kAbsent).
  bool ContainsWord(uint32_t id) const {
    return id < first_.size() && first_[id] != 0 && buckets_[first_[id] - 1].single;
  }
  // True when a phrase of two or more tokens starts with token `id` (false for kAbsent).
  bool StartsLonger(uint32_t id) const {
    return id < first_.size() && first_[id] != 0 && !buckets_[first_[id] - 1].longer.empty();
  }

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  struct Bucket {
    bool single = false;                        // holds the first token alone
    std::vector<std::vector<uint32_t>> longer;  // phrases of two or more tokens
  };
  // LongestAt for phrases of `bucket`, the bucket of ids[i].
  static size_t LongestIn(const Bucket& bucket, const std::vector<uint32_t>& ids, size_t i);
  // By first token id: 1 + the index of its bucket, or 0; ids past the end start no phrase.
  std::vector<uint32_t> first_;
  std::vector<Bucket> buckets_;
};

// What the shape finder knows, each from one word list of the rules.
struct NameVocabulary {
  // The word lists read, in the order of the members below. A rule set without them finds
  // nothing by shape.
  static constexpr std::array<std::string_view, 16> kListNames = {
      "name-title",        "name-particle",   "name-stopword", "name-opener",
      "head-organization", "head-agreement",  "head-event",    "head-event-prefix",
      "name-honorific",    "name-given",      "name-regnal",   "name-female",
      "name-male",         "name-apposition", "head-place",    "name-leader-title"};

  PhraseSet titles;     // "president", "prime minister", "mr", "his excellency"
  PhraseSet particles;  // "de", "van", "von", "der", "bin", "al"
  PhraseSet stopwords;  // capitalised words that are never part of a name: "the", "today"
  PhraseSet openers;    // words that never start an organisation's name: "the", "today"
  // Type head nouns: "council" -> organization, "treaty" -> agreement, "summit" -> event,
  // "mount" -> place ("Temple Mount", "Wye River Plantation", "Sea of Galilee").
  PhraseSet heads[4];
  PhraseSet event_prefixes;  // heads that come first: "operation"
  PhraseSet honorifics;      // titles that are no office: "mr", "dr", "his excellency"
  // Words that begin a person's full name (given names, family names written first): a name
  // without a title must start with one ("ellsworth", "kim"). Empty: none is found.
  PhraseSet given;
  // Titles that belong to the name of a person known by one name ("king", "pope", "sheikh"):
  // "King Hussein" is a person's name in full, where "Ambassador Johnson" is a surname alone.
  PhraseSet regnal;
  // First given names that say a person's gender ("kamala", "joe"; rules/core/gender_names.rules),
  // for "he" and "she" (participants.h).
  PhraseSet female, male;
  // Nouns of an apposition or parenthesis that says the name before it is a person's
  // ("Bunau-Varilla, the Panamanian representative"; "diplomat", "representative").
  PhraseSet apposition;
  // Titles of a head of state or government ("president", "prime minister"; a subset of
  // `titles`): a surname alone after one that nothing else in the document or the lists explains
  // is a person of that office ("President Hichilema"; name_discovery.h).
  PhraseSet leader_titles;
  // The one-word titles, stop words and head nouns together: words never part of a person's
  // name, found with one lookup.
  PhraseSet never_names;

  // Interns the words of the lists added after this call in `table` (the rules' vocabulary,
  // CompiledRules::alias_index.tokens) instead of a table of its own, so that a sentence's
  // Tagged::words are ids of the phrase sets. REQUIRES: `table` outlives this object and every
  // copy of it; no list was added before.
  void ShareVocabulary(TokenTable* table) { shared_ = table; }
  // The table of the lists' words.
  const TokenTable& words() const { return shared_ != nullptr ? *shared_ : own_; }
  // The id of the lower-cased word `lower` in words(), or TokenTable::kAbsent.
  uint32_t Id(std::string_view lower) const { return words().Find(lower); }
  // The ids of `tokens` (their texts in the lower-cased `lower`) in words().
  std::vector<uint32_t> Ids(std::string_view lower, const std::vector<Token>& tokens) const;

  // Adds the items (each a list of lower-cased tokens) of the list `name`; false when `name`
  // is none of kListNames.
  bool AddList(std::string_view name, const std::vector<std::vector<std::string>>& items);
  bool empty() const;

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  TokenTable own_;
  TokenTable* shared_ = nullptr;
};

// The entity type of heads[i].
inline constexpr EntityType kHeadTypes[4] = {EntityType::kOrganization, EntityType::kAgreement,
                                             EntityType::kEvent, EntityType::kPlace};

// A mention the rules already found in the sentence.
struct KnownSpan {
  uint32_t tok_begin = 0, tok_end = 0;
  bool entity = true;  // false for dates: they end a run
  // One word that names a known person ("Anwar" of Anwar Ibrahim): after a title and before a
  // surname it is the given name of another person ("President Anwar Sadat").
  bool person_word = false;
  bool demonym = false;  // an adjective of a state ("Israeli"): after ", a/an" it says person
  // A known person's name: before "of"/"on"/"for" it starts no organisation ("Jared Bernstein
  // of the Council of Economic Advisers").
  bool person = false;
};

// The words a document uses in lower case ("bunker", "energy"): a capitalised word that the
// same document also writes in lower case is a common word, not a name.
class DocumentWords {
 public:
  // With a vocabulary (the rules' one, CompiledRules::alias_index.tokens), the words it knows
  // are kept as its ids (a bit each, where hashing every word of a document cost more than
  // any other step of finding names): AddUnit then needs the tokens' ids, and Contains the
  // id of the word asked for, both in that vocabulary. REQUIRES: `vocabulary` outlives this
  // object and gains no word while it is used.
  // The bits of the vocabulary's words come from a per-thread pool (scratch_pool.h) and go back
  // to it, cleared, when the object is destroyed.
  DocumentWords() = default;
  explicit DocumentWords(const TokenTable* vocabulary);
  ~DocumentWords();
  DocumentWords(const DocumentWords&) = delete;
  DocumentWords& operator=(const DocumentWords&) = delete;
  DocumentWords(DocumentWords&&) = default;
  DocumentWords& operator=(DocumentWords&&) = default;
  // Records the lower-case words (starting with a-z, at least 3 bytes) of a normalised unit.
  // `ids`: the tokens' lower-cased ids in the vocabulary (Tagged::words). REQUIRES: `ids`
  // given exactly when constructed with a vocabulary; `lower` is `text` ASCII-lower-cased.
  void AddUnit(std::string_view text, const std::vector<Token>& tokens);
  void AddUnit(std::string_view text, std::string_view lower, const std::vector<Token>& tokens,
               const std::vector<uint32_t>& ids);
  // Whether the document writes `lower_word` (lower-case). `id`, its id in `vocabulary`
  // (TokenTable::kAbsent if none there), saves looking it up when `vocabulary` is the one this
  // object keeps ids of.
  bool Contains(std::string_view lower_word, uint32_t id = TokenTable::kAbsent,
                const TokenTable* vocabulary = nullptr) const {
    if (vocabulary_ != nullptr) {
      if (vocabulary != vocabulary_) id = vocabulary_->Find(lower_word);
      if (id != TokenTable::kAbsent) return (known_[id / 64] >> (id % 64)) & 1;
    }
    return words_.Contains(lower_word);
  }
  // True when the document writes the capitalised `word` alone somewhere: after a lower-case
  // word or a comma and before no capitalised one ("Truman and Byrnes encouraged", "Moreover,
  // Davies faced").
  bool Alone(std::string_view word) const { return alone_.Contains(word); }

 private:
  // AddUnit; `ids` null without a vocabulary.
  void Add(std::string_view text, std::string_view lower, const std::vector<Token>& tokens,
           const std::vector<uint32_t>* ids);
  // A set of words by 64-bit hash (open addressing; a collision costs one word at most once in
  // 2^64): a document adds every lower-case word, so inserting must be cheap.
  class HashSet {
   public:
    void Insert(std::string_view word);
    bool Contains(std::string_view word) const;

   private:
    std::vector<uint64_t> slots_;  // 0 = empty; a power of two in size, at most half full
    size_t count_ = 0;
  };
  // Bit `id` for each all-lower-case word of the vocabulary written (empty without one); the
  // other words (unknown to it, or with capitals after the first letter: "iPhone") by hash.
  const TokenTable* vocabulary_ = nullptr;
  std::vector<uint64_t> known_;       // at least the vocabulary's size in bits
  std::vector<uint32_t> known_used_;  // the words of known_ not zero, to clear
  HashSet words_, alone_;
};

struct ShapedName {
  uint32_t tok_begin = 0, tok_end = 0;  // the name's tokens in the sentence
  EntityType type = EntityType::kPerson;
  // As it should be shown: "Fumio Kishida" for "KISHIDA Fumio"; one name after a regnal title
  // keeps the title ("King Hussein"), and then the name's tokens start at the title.
  std::string label;
  std::string acronym;  // "" or the parenthesised acronym after the name
  std::string office;   // persons: the title before the name, lower-case ("ambassador")
};

// Every name of a sentence found by shape, in text order. `text` is the normalised unit,
// `lower` its ASCII lower-case copy, `tokens` its tokens, `known` the mentions found by the
// rules (sorted, not overlapping): a name never overlaps a known mention, except that an
// organisation, agreement or event may contain known mentions ("NATO-Russia Council") and that
// a person's name after a title may start with a known person's one-word name that is a given
// name ("President Anwar Sadat" where "Anwar" is Anwar Ibrahim).
// `words` may be null (then no common-word check and no person without a title). `title_like`:
// the unit is a heading, title or short line (prepare.h), where capitalised words say nothing,
// so it yields no person without a title. `ids`: the tokens' ids in vocabulary.words()
// (NameVocabulary::Ids; Tagged::words when the vocabulary shares the rules' one), or null to
// look them up here.
std::vector<ShapedName> FindShapedNames(const NameVocabulary& vocabulary, std::string_view text,
                                        std::string_view lower, const std::vector<Token>& tokens,
                                        const std::vector<KnownSpan>& known,
                                        const DocumentWords* words, bool title_like = false,
                                        const std::vector<uint32_t>* ids = nullptr);

// Cleans a person's name captured by a discover rule: leading titles, honorifics and common
// words are dropped ("The Honorable Meg Whitman" -> "Meg Whitman", "Climate Advisor Ali
// Zaidi" -> "Ali Zaidi"), an all-capitals family name is written as a name and put last
// ("KISHIDA Fumio" -> "Fumio Kishida"). Returns "" when what is left does not look like a
// person's name: a title or common word alone, single initials, a particle at an end.
struct CleanName {
  std::string label;    // "" when it is not a name
  std::string surface;  // the part of the input the name was read from ("KISHIDA Fumio")
};
CleanName CleanPersonName(const NameVocabulary& vocabulary, std::string_view label,
                          const DocumentWords* words);

// A key under which spellings of one name by different transliterations meet: ASCII-folded,
// lower-cased, letters only, "y" as "i", "kh" as "h", doubled letters single ("Shoigu" and
// "Shoygu", "Zelenskyy" and "Zelensky" share it).
std::string TransliterationKey(std::string_view name);

// Whether a lower-cased word, without its period, is a suffix of a name: "jr", "sr", "ii",
// "iii", "iv".
bool IsNameSuffix(std::string_view lower);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_NAME_SHAPE_H_
