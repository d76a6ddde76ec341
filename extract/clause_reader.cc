// The clause reader: units, their word classes, and the order of the passes (clause_reader.h).
#include "extract/clause_reader.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/rule_compiled.h"

namespace parley::internal::clause_reader {

namespace {

// Auxiliaries contracted with "n't" (tokens "didn" "'" "t"): their class.
struct Contraction {
  std::string_view word;
  uint32_t classes;
};
constexpr Contraction kContractions[] = {
    {"didn", kClassDo},       {"doesn", kClassDo},     {"don", kClassDo},
    {"isn", kClassBe},        {"aren", kClassBe},      {"wasn", kClassBe},
    {"weren", kClassBe},      {"hasn", kClassHave},    {"haven", kClassHave},
    {"hadn", kClassHave},     {"couldn", kClassModal}, {"wouldn", kClassModal},
    {"shouldn", kClassModal}, {"mustn", kClassModal},  {"mightn", kClassModal},
    {"won", kClassModal},     {"can", kClassModal},
};
// Every one ends in "n": a word that does not is no contraction, without a look at the units
// after it.
static_assert(std::all_of(std::begin(kContractions), std::end(kContractions),
                          [](const Contraction& c) { return c.word.back() == 'n'; }));
// The clitics of "we're", "I'm", "they've", "we'll" after a pronoun: the auxiliary each stands for.
constexpr Contraction kClitics[] = {
    {"re", kClassBe}, {"m", kClassBe}, {"ve", kClassHave}, {"ll", kClassModal}};

}  // namespace

void ClauseReader::Run() {
  Classify();
  FindPhrases();
  FindCoordination();
  FindGroups();
  for (size_t g = 0; g < out_->groups.size(); ++g) FindRoles(g);
  ShareWithFollowingClause();
  MeansModality();
  FindInfinitiveSubjects();
  MarkConditional();
  FindNominals();
}

void ClauseReader::Classify() {
  phrases_.clear();
  // Every unit's Info is written whole below: the table keeps its allocation from sentence to
  // sentence. The loop reads the sentence through local pointers, which the byte stores into
  // the table do not make the compiler load again.
  info_table_.resize(n_);
  info_ = std::span<Info>(info_table_.data(), n_);
  Info* const info = info_.data();
  const Unit* const units = s_.units.data();
  const Mention* const mentions = s_.mentions.data();
  const Token* const tokens = s_.tokens.data();
  const char* const text = s_.text.data();
  const char* const lower_text = s_.lower.data();
  const uint32_t* const words = s_.words.data();
  const Lexicon& lexicon = lex_;
  const uint32_t n = n_;
  // IsPunctRaw and LowerRaw, on those pointers.
  const auto punct_raw = [&](uint32_t u, char c) {
    if (units[u].mention >= 0) return false;
    const Token& t = tokens[units[u].tok_begin];
    return t.end - t.begin == 1 && text[t.begin] == c;
  };
  const auto lower_raw = [&](uint32_t u) {
    if (units[u].mention >= 0) return std::string_view();
    const Token& t = tokens[units[u].tok_begin];
    return std::string_view(lower_text + t.begin, t.end - t.begin);
  };
  // The unit after "re-" or "co-" that reads as the prefixed verb, and its entry.
  uint32_t prefixed_unit = kNoUnit;
  const LexEntry* prefixed_entry = nullptr;
  bool time_word = false;    // a plural time noun
  bool time_class = false;   // a word of kClassTime
  bool compounds = false;    // a word that may open a compound verb
  bool conditional = false;  // "if" or "unless"
  bool nominal = false;      // a noun a frame names
  for (uint32_t u = 0; u < n; ++u) {
    const Unit& unit = units[u];
    const Token& t = tokens[unit.tok_begin];
    Info& i = info[u];
    i = Info();
    i.lower = std::string_view(lower_text + t.begin, t.end - t.begin);
    if (u == prefixed_unit) {
      i.prefixed = true;
      // The hyphen of "re-iterated" reads as an adverb, the word as the prefixed verb.
      Info& hyphen = info[u - 1];
      const std::string_view lower = hyphen.lower;
      const bool prefixed = hyphen.prefixed;
      hyphen = Info();
      hyphen.lower = lower;
      hyphen.prefixed = prefixed;
      hyphen.classes = kClassAdverb;
    }
    if (unit.mention >= 0) {
      const Mention& m = mentions[unit.mention];
      i.mention = unit.mention;
      switch (m.kind) {
        case MentionKind::kDemonym:
          i.kind = Kind::kDemonym;
          i.phrase_start = true;
          break;
        case MentionKind::kDate:
          i.kind = Kind::kDate;
          break;
        case MentionKind::kQuote:
          i.kind = Kind::kQuote;
          break;
        default: {
          const EntityType type = m.entity->entity.type;
          const bool acts =
              m.acts_as != nullptr && (EntityTypeBit(m.acts_as->entity.type) & kActorBits) != 0;
          if (type == EntityType::kPlace) {
            i.kind = Kind::kPlace;
            i.entity_class = kClassOfPlace | (acts ? kClassOfActor : 0);
          } else if (type == EntityType::kAgreement) {
            i.kind = Kind::kAgreement;
            i.entity_class = kClassOfAgreement;
          } else if (type == EntityType::kEvent) {
            i.kind = Kind::kEvent;
            i.entity_class = kClassOfEvent;
          } else {
            i.kind = Kind::kActor;
            i.entity_class = kClassOfActor;
          }
          i.phrase_start = true;
          break;
        }
      }
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(text[t.begin]);
    if (!IsWordByte(c)) {
      i.kind = Kind::kPunct;
      i.punct = static_cast<char>(c);
      if (c == '-' && t.space_before && first_spaced_dash_ == kNoUnit) first_spaced_dash_ = u;
      continue;
    }
    const bool cap = c >= 'A' && c <= 'Z';
    const std::string_view lower(lower_text + t.begin, t.end - t.begin);
    if (TimePlural(lower)) time_word = true;
    const LexEntry* const lex =
        u == prefixed_unit ? prefixed_entry : lexicon.FindWord(words[unit.tok_begin], lower);
    uint32_t classes = 0;
    uint8_t forms = 0;
    bool negative = false;
    if (lex != nullptr) {
      classes = lex->classes;
      for (const VerbSense& sense : lex->senses) forms |= sense.forms;
      compounds = compounds || !lex->compounds.empty();
      nominal |= lex->event_noun || lex->clause_noun;
    }
    // "didn't" is the tokens didn ' t: an auxiliary and a negation, three units.
    if (lower.back() == 'n' && u + 2 < n && punct_raw(u + 1, '\'') && lower_raw(u + 2) == "t") {
      for (const Contraction& k : kContractions) {
        if (lower == k.word) {
          classes = k.classes;
          forms = 0;
          negative = true;
        }
      }
    }
    // "we're", "they've", "I'll", "I'm" are the tokens we ' re: after a pronoun the clitic is
    // the auxiliary it stands for, and the apostrophe reads as an adverb between the subject
    // and its verb.
    if (u >= 2 && lower.size() <= 2 && punct_raw(u - 1, '\'') && !t.space_before &&
        !tokens[units[u - 1].tok_begin].space_before && info[u - 2].kind == Kind::kWord &&
        (info[u - 2].classes & kClassPronoun) != 0) {
      const auto clitic = std::find_if(std::begin(kClitics), std::end(kClitics),
                                       [&](const Contraction& k) { return k.word == lower; });
      if (clitic != std::end(kClitics)) {
        classes = clitic->classes;
        forms = 0;
        Info& apostrophe = info[u - 1];
        const std::string_view apostrophe_lower = apostrophe.lower;
        apostrophe = Info();
        apostrophe.lower = apostrophe_lower;
        apostrophe.classes = kClassAdverb;
      }
    }
    const bool ly = forms == 0 && !cap && lower.size() > 4 &&
                    lower.substr(lower.size() - 2) == "ly" && classes == 0;
    if (lower.size() == 6 && lower == "unless") conditional = true;
    if (lower.size() == 2 && lower == "if") conditional = true;
    // A prefixed verb written with a hyphen ("re-iterated", "co-hosted"): the word after the
    // hyphen is a form of the prefixed verb, and the prefix and hyphen read as adverbs.
    if (lower.size() == 2 && (lower == "re" || lower == "co") && u + 2 < n &&
        punct_raw(u + 1, '-') && units[u + 2].mention < 0) {
      const std::string joined = std::string(lower) + std::string(lower_raw(u + 2));
      const std::string hyphened = std::string(lower) + "-" + std::string(lower_raw(u + 2));
      const LexEntry* e = lexicon.Find(joined);
      if (e == nullptr || e->senses.empty()) e = lexicon.Find(hyphened);
      // "co-led": no form of its own, the verb without the prefix ("led": lead).
      if ((e == nullptr || e->senses.empty()) && lower == "co") e = lexicon.Find(lower_raw(u + 2));
      // "co-" makes a verb of a participle only: "the co-chairs", "a co-host" are nouns.
      uint8_t prefixed_forms = 0;
      if (e != nullptr) {
        for (const VerbSense& sense : e->senses) prefixed_forms |= sense.forms;
      }
      if (lower == "co" && (prefixed_forms & (kFormEd | kFormIng)) == 0) e = nullptr;
      if (e != nullptr && !e->senses.empty()) {
        classes = kClassAdverb;
        prefixed_unit = u + 2;
        prefixed_entry = e;
      }
    }
    i.lex = lex;
    i.classes = classes;
    i.forms = forms;
    i.cap = cap;
    i.ly = ly;
    i.quantifier = (lower.size() == 3 && lower == "all") ||
                   (lower.size() == 4 && (lower == "both" || lower == "each"));
    i.negative = negative;
    i.title = cap && TitleWord(i);
    i.phrase_start = PhraseStartWord(i);
    time_class |= (classes & kClassTime) != 0;
  }
  // The words of a compound verb before a form of its verb ("wire tapped", "will not wire tap")
  // read as adverbs of its group, as a prefix's do: no noun of the subject, no object. Their
  // titles, phrase starts and the time words are then read again from the final classes.
  if (compounds) {
    for (uint32_t u = 0; u < n; ++u) {
      if (info[u].kind != Kind::kWord || info[u].lex == nullptr) continue;
      for (uint32_t id : info[u].lex->compounds) {
        const CompoundVerb& c = lexicon.Compound(id);
        const uint32_t m = static_cast<uint32_t>(c.before.size());
        if (u + m >= n) continue;
        bool same = true;
        for (uint32_t k = 0; k < m && same; ++k) same = lower_raw(u + k) == c.before[k];
        const Info& verb = info[u + m];
        if (!same || verb.kind != Kind::kWord || verb.lex == nullptr ||
            std::none_of(verb.lex->senses.begin(), verb.lex->senses.end(),
                         [&](const VerbSense& s) { return s.verb == c.verb; })) {
          continue;
        }
        for (uint32_t k = u; k < u + m; ++k) {
          info[k].classes = kClassAdverb;
          info[k].forms = 0;
        }
        u += m - 1;
        break;
      }
    }
    time_class = false;
    for (uint32_t u = 0; u < n; ++u) {
      Info& i = info[u];
      if (i.kind != Kind::kWord) continue;
      i.title = i.cap && TitleWord(i);
      i.phrase_start = PhraseStartWord(i);
      time_class |= (i.classes & kClassTime) != 0;
    }
  }
  time_word_ = time_word || time_class;
  conditional_word_ = conditional;
  nominal_word_ = nominal;
}

}  // namespace parley::internal::clause_reader
