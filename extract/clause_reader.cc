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
  info_.resize(n_);
  prefixed_.assign(n_, nullptr);
  for (uint32_t u = 0; u < n_; ++u) {
    Info& i = info_[u];
    const Unit& unit = s_.units[u];
    i.lower = s_.LowerToken(unit.tok_begin);
    if (u >= 2 && prefixed_[u] != nullptr) {
      // The hyphen of "re-iterated" reads as an adverb, the word as the prefixed verb.
      Info& hyphen = info_[u - 1];
      const std::string_view lower = hyphen.lower;
      hyphen = Info();
      hyphen.lower = lower;
      hyphen.classes = kClassAdverb;
    }
    if (unit.mention >= 0) {
      const Mention& m = s_.mentions[unit.mention];
      i.mention = unit.mention;
      switch (m.kind) {
        case MentionKind::kDemonym:
          i.kind = Kind::kDemonym;
          break;
        case MentionKind::kDate:
          i.kind = Kind::kDate;
          break;
        case MentionKind::kQuote:
          i.kind = Kind::kQuote;
          break;
        default: {
          const EntityType t = m.entity->entity.type;
          const bool acts =
              m.acts_as != nullptr && (EntityTypeBit(m.acts_as->entity.type) & kActorBits) != 0;
          if (t == EntityType::kPlace) {
            i.kind = Kind::kPlace;
            i.entity_class = kClassOfPlace | (acts ? kClassOfActor : 0);
          } else if (t == EntityType::kAgreement) {
            i.kind = Kind::kAgreement;
            i.entity_class = kClassOfAgreement;
          } else if (t == EntityType::kEvent) {
            i.kind = Kind::kEvent;
            i.entity_class = kClassOfEvent;
          } else {
            i.kind = Kind::kActor;
            i.entity_class = kClassOfActor;
          }
          break;
        }
      }
      continue;
    }
    const Token& t = s_.tokens[unit.tok_begin];
    const unsigned char c = static_cast<unsigned char>(s_.text[t.begin]);
    if (!IsWordByte(c)) {
      i.kind = Kind::kPunct;
      i.punct = static_cast<char>(c);
      if (c == '-' && t.space_before && first_spaced_dash_ == kNoUnit) first_spaced_dash_ = u;
      continue;
    }
    i.cap = c >= 'A' && c <= 'Z';
    const std::string_view lower = Lower(u);
    if (TimePlural(lower)) time_word_ = true;
    i.lex = prefixed_[u] != nullptr ? prefixed_[u] : lex_.FindWord(s_.words[unit.tok_begin], lower);
    if (i.lex != nullptr) {
      i.classes = i.lex->classes;
      for (const VerbSense& sense : i.lex->senses) i.forms |= sense.forms;
    }
    // "didn't" is the tokens didn ' t: an auxiliary and a negation, three units.
    if (lower.back() == 'n' && u + 2 < n_ && IsPunctRaw(u + 1, '\'') && LowerRaw(u + 2) == "t") {
      for (const Contraction& c : kContractions) {
        if (lower == c.word) {
          i.classes = c.classes;
          i.forms = 0;
          i.negative = true;
        }
      }
    }
    if (i.forms == 0 && !i.cap && lower.size() > 4 && lower.substr(lower.size() - 2) == "ly" &&
        i.classes == 0) {
      i.ly = true;
    }
    // A prefixed verb written with a hyphen ("re-iterated", "co-hosted"): the word after the
    // hyphen is a form of the prefixed verb, and the prefix and hyphen read as adverbs.
    if ((lower == "re" || lower == "co") && u + 2 < n_ && IsPunctRaw(u + 1, '-') &&
        s_.units[u + 2].mention < 0) {
      const std::string joined = std::string(lower) + std::string(LowerRaw(u + 2));
      const std::string hyphened = std::string(lower) + "-" + std::string(LowerRaw(u + 2));
      const LexEntry* e = lex_.Find(joined);
      if (e == nullptr || e->senses.empty()) e = lex_.Find(hyphened);
      // "co-led": no form of its own, the verb without the prefix ("led": lead).
      if ((e == nullptr || e->senses.empty()) && lower == "co") e = lex_.Find(LowerRaw(u + 2));
      // "co-" makes a verb of a participle only: "the co-chairs", "a co-host" are nouns.
      uint8_t forms = 0;
      if (e != nullptr) {
        for (const VerbSense& sense : e->senses) forms |= sense.forms;
      }
      if (lower == "co" && (forms & (kFormEd | kFormIng)) == 0) e = nullptr;
      if (e != nullptr && !e->senses.empty()) {
        i.classes = kClassAdverb;
        prefixed_[u + 2] = e;
      }
    }
  }
  // The words of a compound verb before a form of its verb ("wire tapped", "will not wire tap")
  // read as adverbs of its group, as a prefix's do: no noun of the subject, no object.
  for (uint32_t u = 0; u < n_; ++u) {
    if (info_[u].kind != Kind::kWord || info_[u].lex == nullptr) continue;
    for (uint32_t id : info_[u].lex->compounds) {
      const CompoundVerb& c = lex_.Compound(id);
      const uint32_t m = static_cast<uint32_t>(c.before.size());
      if (u + m >= n_) continue;
      bool words = true;
      for (uint32_t k = 0; k < m && words; ++k) words = LowerRaw(u + k) == c.before[k];
      const Info& verb = info_[u + m];
      if (!words || verb.kind != Kind::kWord || verb.lex == nullptr ||
          std::none_of(verb.lex->senses.begin(), verb.lex->senses.end(),
                       [&](const VerbSense& s) { return s.verb == c.verb; })) {
        continue;
      }
      for (uint32_t k = u; k < u + m; ++k) {
        info_[k].classes = kClassAdverb;
        info_[k].forms = 0;
      }
      u += m - 1;
      break;
    }
  }
  // What later passes ask of most units, once the classes are final.
  for (uint32_t u = 0; u < n_; ++u) {
    Info& i = info_[u];
    if (i.kind != Kind::kWord) continue;
    i.title = i.cap && TitleWord(u);
    if ((i.classes & kClassTime) != 0) time_word_ = true;
  }
}

}  // namespace parley::internal::clause_reader
