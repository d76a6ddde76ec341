// Verb groups: auxiliaries, modals, negation, catenatives and coordinated verbs (clause_reader.h).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/clause_reader.h"
#include "extract/rule_compiled.h"

namespace parley::internal::clause_reader {

bool ClauseReader::GerundOpenerBefore(uint32_t u, bool list) const {
  if (u == 0) return false;
  // "while protecting the environment, accelerating X, and providing Y" inside a relative
  // clause is the antecedent's doing: "while" and "when" open no list.
  if (!list && (Is(u - 1, "while") || Is(u - 1, "when"))) return true;
  return Is(u - 1, "by") || Is(u - 1, "after") || Is(u - 1, "before") || Is(u - 1, "upon") ||
         Is(u - 1, "including") || (u >= 2 && Is(u - 1, "as") && Is(u - 2, "such")) ||
         LooksForwardTo(u);
}

bool ClauseReader::LooksForwardTo(uint32_t u) const {
  if (u < 3 || !Is(u - 1, "to") || !Is(u - 2, "forward")) return false;
  const std::string_view look = Lower(u - 3);
  return look == "look" || look == "looks" || look == "looked" || look == "looking";
}

bool ClauseReader::GerundListBefore(uint32_t conjunction) const {
  // Back over the participle groups joined by commas, "and" or "or" to the first.
  uint32_t end = conjunction;
  if (end > 0 && IsPunct(end - 1, ',')) --end;
  for (size_t k = out_->groups.size(); k-- > 0;) {
    const VerbGroup& g = out_->groups[k];
    if (g.infinitive || g.nominal || !ParticipleClause(g) || g.verbs.back().unit + 1 >= end) {
      return false;
    }
    if (GerundOpenerBefore(g.begin, /*list=*/true)) return true;
    const uint32_t q = BeforeAdverbs(g.begin - 1);
    if (!(IsPunct(q, ',') || Is(q, "and") || Is(q, "or"))) return false;
    end = IsPunct(q, ',') ? q : (q > 0 && IsPunct(q - 1, ',') ? q - 1 : q);
  }
  return false;
}

bool ClauseReader::BareInfinitiveVerb(uint32_t u) const {
  static constexpr std::string_view kLemmas[] = {"help", "let",   "make", "see",
                                                 "hear", "watch", "have", "bid"};
  if (u >= n_ || info_[u].kind != Kind::kWord || info_[u].lex == nullptr) return false;
  return std::any_of(
      info_[u].lex->senses.begin(), info_[u].lex->senses.end(), [&](const VerbSense& sense) {
        return std::find(std::begin(kLemmas), std::end(kLemmas), lex_.Lemma(sense.verb)) !=
               std::end(kLemmas);
      });
}

bool ClauseReader::Verbal(uint32_t u, uint32_t aux, bool be) const {
  const Info& i = info_[u];
  if (i.forms == 0 || i.kind != Kind::kWord) return false;
  // Right after a verb it is that verb's object: "resumed talks", "lifted sanctions".
  if (aux == 0 && u > 0 && info_[u - 1].verb) return false;
  // A word that is also an adverb is one unless an auxiliary says otherwise: "Russia further
  // invades" ("to further the goals" has "to").
  if (aux == 0 && (i.classes & kClassAdverb) != 0) return false;
  if (aux != 0) {
    if (be) return (i.forms & (kFormEd | kFormIng)) != 0;
    if (aux & kClassHave) return (i.forms & kFormEd) != 0;
    return (i.forms & kFormBase) != 0;  // do, modal, to
  }
  if (ListItemVerbAt(u)) return true;
  if (u == 0) return false;
  // A capitalised word inside a sentence before "of" is a title: "President Zelenskyy, Head of
  // the Office of the President Andriy Yermak".
  if (i.cap && Is(u + 1, "of") && !IsPunct(u - 1, '"') && !IsPunct(u - 1, ':')) return false;
  // "the co-chairs": a prefixed word that is no prefixed verb (clause_reader.cc) is a noun.
  if (u >= 2 && !info_[u].prefixed && IsPunctRaw(u - 1, '-') &&
      (LowerRaw(u - 2) == "co" || LowerRaw(u - 2) == "re")) {
    return false;
  }
  // A capitalised present participle inside a sentence, before another capitalised word,
  // begins a name: "The Lasker Foundation, Ending Pandemics, and Resolve to Save Lives".
  if (i.cap && (i.forms & kFormIng) != 0 && u + 1 < n_ && info_[u + 1].cap &&
      info_[u + 1].kind == Kind::kWord) {
    return false;
  }
  // A participle that opens a reduced passive relative: "the Accords, signed by Carter",
  // "a treaty concluded between Israel and Egypt".
  if ((i.forms & kFormEd) != 0 && AgentPrepAt(u + 1) &&
      !Has(u - 1, kClassDeterminer | kClassPossessive | kClassPreposition)) {
    return true;
  }
  // A participle that takes a complement clause: "sent a letter declaring that", "issued a
  // statement saying that".
  if ((i.forms & kFormIng) != 0 && !(i.forms & (kFormEd | kFormThird)) && Is(u + 1, "that") &&
      VerbTakesClause(u, /*bare=*/false)) {
    return true;
  }
  // A participle clause that shares the subject of its sentence: "by hosting King Hussein",
  // "after meeting Abe", "..., announcing that".
  if ((i.forms & kFormIng) != 0 && !(i.forms & (kFormEd | kFormThird)) &&
      (GerundOpenerBefore(u) ||
       // After a comma, only when the last verb is finite ("..., desire to build ties,
       // expanding" attaches to "build", whose subject is not the sentence's).
       (IsPunct(u - 1, ',') && !out_->groups.empty() && !out_->groups.back().infinitive))) {
    return true;
  }
  // "including opening a new front and relentlessly attacking Ukraine's energy system", "by
  // investing in X, improving Y, and supporting Z": an -ing form after "and" or "or" (and
  // adverbs) continues a list of participle clauses that an opener began.
  if ((i.forms & kFormIng) != 0 && !(i.forms & (kFormEd | kFormThird)) && !out_->groups.empty()) {
    const uint32_t q = BeforeAdverbs(u - 1);
    if ((Is(q, "and") || Is(q, "or")) && GerundListBefore(q)) return true;
  }
  // "thanked X for convening", "accused X of violating".
  if (!out_->groups.empty() && CreditedGerundAt(u, out_->groups.back())) return true;
  if (u == 0) return false;
  const uint32_t p = u - 1;
  // After a determiner, possessive, number or modifier it is a noun or an adjective: "the
  // offer", "their support", "Russia's attack", "the signed agreement". "then" is an adverb
  // unless a determiner comes before it ("Kennedy then met" against "the then president").
  if (Is(p, "then") && !(p > 0 && Has(p - 1, kClassDeterminer | kClassPossessive))) {
    // Read as an adverb: what stands before "then" decides, as before any adverb.
  } else if ((i.forms & (kFormEd | kFormThird)) != 0 && Has(p, kClassNumber) && p > 0 &&
             Is(p - 1, "the") && ClauseStartBefore(p - 1) && !Is(p, "one") && !Is(p, "dozen") &&
             !Is(p, "hundred") && !Is(p, "thousand")) {
    // "The two discussed", "the three agreed": the number that opens the clause is its
    // subject (participants.h: that many participants).
  } else if (Has(p,
                 kClassDeterminer | kClassNumber | kClassModifier | kClassPreposition | kClassTo) &&
             !IsAdverb(p)) {
    return false;
  }
  if (p >= 1 && Is(p, "s") && IsPunct(p - 1, '\'')) return false;
  // "the GCC member states", "NATO member countries": a compound noun.
  if (Is(p, "member")) return false;
  // A present form before a modal or an auxiliary is a noun: "that U.S. support would keep",
  // "US sanctions will remain".
  if ((i.forms & kFormEd) == 0 && u + 1 < n_ && Has(u + 1, kClassModal | kClassHave | kClassBe)) {
    return false;
  }
  // So is one before a past form that a preposition, a determiner or "that" follows, which is
  // the verb: "all U.S. funds provided to the GCF", "DFC and IDB Invest announced in April"
  // ("supports expanded access": the past form is an adjective of the object; "remains
  // committed to": a linking verb before its participle).
  if ((i.forms & kFormEd) == 0 && u + 2 < n_ && !(i.lex != nullptr && i.lex->linking) &&
      info_[u + 1].kind == Kind::kWord && (info_[u + 1].forms & kFormEd) != 0 &&
      (info_[u + 1].forms & kFormBase) == 0 &&
      Has(u + 2, kClassPreposition | kClassTo | kClassDeterminer | kClassThat)) {
    return false;
  }
  // "The Leaders discussed", "Both Presidents reaffirm": a capitalised plural noun after a
  // determiner that opens the clause is its subject, not an adjective of the word after it
  // (a past or present form; a third-person form stays a noun: "the Allied forces").
  // So is one that opens the sentence: "Leaders discussed the situation".
  if (info_[p].kind == Kind::kWord && info_[p].cap && info_[p].classes == 0 && !AllCaps(p) &&
      (i.forms & (kFormEd | kFormBase)) != 0 && (i.forms & (kFormThird | kFormIng)) == 0 &&
      (p == 0 || (Has(p - 1, kClassDeterminer) && ClauseStartBefore(p - 1)))) {
    if (PluralEnding(Lower(p))) return true;
  }
  // After a demonym or another capitalised adjective inside a noun phrase it is a noun:
  // "conducted by European states", "the American forces", "rejected Soviet offers".
  if ((info_[p].kind == Kind::kDemonym ||
       (info_[p].kind == Kind::kWord && info_[p].cap && info_[p].classes == 0 && !AllCaps(p))) &&
      p > 0 &&
      (Has(p - 1, kClassPreposition | kClassTo | kClassDeterminer | kClassPossessive) ||
       (info_[p].kind == Kind::kDemonym && info_[p - 1].verb))) {
    return false;
  }
  // After an actor that is the object of the verb before it, a base form is a noun of the
  // object's phrase: "expressed U.S. support for", "reaffirmed NATO support" (a verb there
  // would agree with its subject: "said the US supports"). Not after a verb that takes a bare
  // infinitive: "helped Ukraine defend itself", "let Russia win".
  if ((i.forms & kFormBase) != 0 && (i.forms & (kFormEd | kFormThird | kFormIng)) == 0 &&
      info_[p].kind == Kind::kActor && p > 0 && info_[p - 1].verb && !BareInfinitiveVerb(p - 1)) {
    return false;
  }
  if (IsPunct(p, '\'')) return false;
  if ((i.forms & (kFormEd | kFormThird)) != 0) {
    // After "and", "or" or a comma it continues a coordinated verb phrase only in the form of
    // the verb before ("discussed X, reaffirmed Y"); otherwise it is a coordinated noun ("the
    // leaders and advocates").
    if (Has(p, kClassConjunction) || IsPunct(p, ',')) {
      // "the four countries' enduring and shared commitment": adjectives joined.
      if (Has(p, kClassConjunction) && p > 0 && info_[p - 1].kind == Kind::kWord &&
          (info_[p - 1].forms & (kFormIng | kFormEd)) != 0 && !info_[p - 1].verb) {
        return false;
      }
      if (!out_->groups.empty()) {
        const VerbGroup& last = LastPhraseVerb();
        if ((info_[last.verbs[0].unit].forms & i.forms & (kFormEd | kFormThird)) != 0) {
          return true;
        }
        // After ", and" it may continue an earlier verb phrase past a complement clause:
        // "sent a letter declaring that the US would not permit X, and demanded Y".
        if (Has(p, kClassConjunction) && p > 0 && IsPunct(p - 1, ',')) {
          for (const VerbGroup& earlier : out_->groups) {
            if (!earlier.infinitive && earlier.begin == earlier.verbs[0].unit &&
                (info_[earlier.verbs[0].unit].forms & i.forms & (kFormEd | kFormThird)) != 0) {
              return true;
            }
          }
        }
      }
      return IsPunct(p, ',') && ClosesParenthetical(p);
    }
    // The verb of a relative clause: "Biden, who signed the pact", "Korea, which signs it",
    // "the countries that signed it".
    if (RelativeOpensAt(p)) return true;
    // After a plain word its subject must be a noun phrase with a determiner ("the leader
    // said"), not a bare noun or adjective ("on key issues"); a reduced passive ("challenges
    // posed by") is read as one.
    if (info_[p].kind == Kind::kWord && !IsAdverb(p) && !Has(p, kClassPronoun | kClassNegation) &&
        !info_[p].cap) {
      if (Is(u + 1, "by")) return true;
      const uint32_t d = DeterminedNounPhraseStart(u);
      // A plural noun without a determiner may open its clause: "In the discussion, leaders
      // reiterated", "Participants agreed".
      if (d == kNoUnit) return BarePluralSubjectAt(p);
      // "sanctions and other economic measures": a third-person form after "and other" ends
      // a list of nouns (a plural subject there takes the base form).
      if ((i.forms & kFormEd) == 0 && Is(d, "other") && d > 0 &&
          (Is(d - 1, "and") || Is(d - 1, "or"))) {
        return false;
      }
      // The noun phrase is the object of a verb before it that takes no bare clause: "extends
      // his personal thanks", "reaffirmed the U.S. extended deterrence" ("said the
      // government plans" is a clause).
      if (d > 0 && info_[d - 1].verb && !VerbTakesClause(d - 1, (i.forms & kFormThird) == 0)) {
        return false;
      }
      return true;
    }
    // After the object of a verb that takes no complement clause without "that" it is no
    // verb: "reaffirmed the U.S. extended deterrence commitment", "backed the EU sanctions";
    // "said the US extended the deadline" is a clause.
    if (const int c = ChunkEndingAt(u); c >= 0) {
      const uint32_t b = out_->chunks[c].begin;
      // After a possessive the entity modifies a noun: "his G7 partners", "our NATO allies".
      if (Has(b, kClassPossessive)) return false;
      // A past form is a participle unless the verb is one that takes a clause without
      // "that" ("said the US extended" against "reaffirmed the U.S. extended deterrence");
      // a present form needs a verb that takes a complement clause at all ("reaffirmed the
      // US remains committed" against "backed the EU sanctions").
      const bool past = (i.forms & kFormThird) == 0;
      if (b > 0 && info_[b - 1].verb && !VerbTakesClause(b - 1, past)) return false;
    }
    return true;
  }
  if ((i.forms & kFormBase) != 0) {
    // A present-tense verb after its subject: "Japan and Russia sign", "they agree", "We,
    // the leaders of A and B, oppose", "I also want". Not after one entity ("Japan sign" is
    // no clause, "a US offer" a noun phrase).
    if (Has(p, kClassPronoun)) return true;
    // The subject may stand before adverbs: "President Yoon and President Biden also reaffirm".
    uint32_t before = p;
    if (IsAdverb(p)) {
      before = BeforeAdverbs(p);
      if (Has(before, kClassPronoun) && !Has(before, kClassPossessive)) return true;
    }
    // A coordinated verb phrase in the present: "condemn the attack and reaffirm our
    // commitment". The verb before must be a finite present form too, and what follows must
    // start its object ("and support for Ukraine" is a noun).
    if ((Is(p, "and") || Is(p, "or")) && !out_->groups.empty() && u + 1 < n_) {
      const VerbGroup& last = LastPhraseVerb();
      const Info& lv = info_[last.verbs.back().unit];
      if (!last.infinitive && last.begin == last.verbs[0].unit && (lv.forms & kFormBase) != 0 &&
          (lv.forms & (kFormEd | kFormIng | kFormThird)) == 0 &&
          (Has(u + 1, kClassDeterminer | kClassPossessive | kClassThat) || IsEntity(u + 1))) {
        return true;
      }
    }
    if (IsPunct(p, ',')) return ClosesParenthetical(p);
    if (PluralNounAfterActors(before)) return true;
    // A plural noun phrase opening its clause with a determiner ("The two leaders also agree
    // to", "Both countries pledge to"): a verb when what follows starts its object, its
    // complement or its infinitive.
    // "The leaders look forward to deepening": "forward to" opens the complement too. The
    // noun may be capitalised, as readouts write it: "The Leaders strongly condemn".
    // So does a bare noun with a prepositional phrase: "The leaders hail progress in".
    if (info_[before].kind == Kind::kWord && info_[before].classes == 0 &&
        PluralEnding(Lower(before)) && u + 1 < n_ &&
        (Has(u + 1, kClassDeterminer | kClassThat | kClassPossessive | kClassTo) ||
         IsEntity(u + 1) || (Is(u + 1, "forward") && Is(u + 2, "to")) ||
         (IsNounWord(u + 1) && (info_[u + 1].forms & (kFormEd | kFormIng | kFormThird)) == 0 &&
          Has(u + 2, kClassPreposition)))) {
      const uint32_t d = info_[before].cap && !AllCaps(before) && before > 0
                             ? before - 1
                             : DeterminedNounPhraseStart(before + 1);
      if (d != kNoUnit && Has(d, kClassDeterminer) && ClauseStartBefore(d)) return true;
    }
    // A group is plural ("Japanese strategists insist"); after "that" a base form is a
    // subjunctive ("demanded that the US cancel"). An aside in parentheses after the subject
    // is stepped over: "The Philippines and the European Union (EU) agree".
    const int c = ChunkEndingAt(AsideStartBefore(before + 1));
    if (c < 0) return false;
    const Chunk& chunk = out_->chunks[c];
    if (Has(chunk.begin, kClassPossessive)) return false;  // "our NATO and EU partners"
    // "an anti-Gondor parade": an entity after a hyphened prefix modifies a noun.
    if (chunk.begin > 1 && IsPunct(chunk.begin - 1, '-') && Joined(chunk.begin - 1) &&
        info_[chunk.begin - 2].kind == Kind::kWord) {
      return false;
    }
    if (chunk.members.size() > 1) return true;
    if (chunk.members.size() == 1 &&
        s_.mentions[chunk.members[0]].entity->entity.type == EntityType::kGroup) {
      return true;
    }
    if (chunk.begin > 0 && Is(chunk.begin - 1, "that")) return true;
    // One organization or state named as a body ("Quad leaders recognize that", "the G7
    // call on"): a verb when what follows starts its object or complement, not after "a"
    // ("a US offer").
    if (chunk.begin > 0 && (Is(chunk.begin - 1, "a") || Is(chunk.begin - 1, "an"))) return false;
    // Nor after an adjective: "conveyed steadfast U.S. support for the people of Belarus" (a
    // subject opens its clause; after a verb it may be a bare infinitive's: "see the U.S. give").
    if (chunk.begin > 0) {
      const uint32_t w = chunk.begin - 1;
      if (info_[w].kind == Kind::kWord && !info_[w].cap && info_[w].classes == 0 &&
          info_[w].forms == 0 && !IsAdverb(w)) {
        return false;
      }
    }
    const uint32_t next = u + 1;
    return next < n_ && (Has(next, kClassDeterminer | kClassThat | kClassPronoun) ||
                         IsEntity(next) || Is(next, "on") || Is(next, "for"));
  }
  return false;
}

bool ClauseReader::ListItemVerbAt(uint32_t u) const {
  if (!s_.list_item || (info_[u].forms & kFormBase) == 0 || info_[u].kind != Kind::kWord) {
    return false;
  }
  // The first word, after any markup ("**Launch the Quad Fellowship**:").
  for (uint32_t k = 0; k < u; ++k) {
    if (info_[k].kind != Kind::kPunct) return false;
  }
  return true;
}

bool ClauseReader::MeansNoun(uint32_t u) const {
  static constexpr std::string_view kMeans[] = {"phone",
                                                "telephone",
                                                "video",
                                                "videoconference",
                                                "teleconference",
                                                "videolink",
                                                "letter",
                                                "mail",
                                                "email",
                                                "e-mail",
                                                "cable",
                                                "telegram",
                                                "fax",
                                                "radio",
                                                "hand",
                                                "sea",
                                                "air",
                                                "land",
                                                "rail",
                                                "road",
                                                "car",
                                                "plane",
                                                "train",
                                                "ship",
                                                "boat",
                                                "helicopter"};
  const std::string_view w = Lower(u);
  return std::find(std::begin(kMeans), std::end(kMeans), w) != std::end(kMeans);
}

bool ClauseReader::AgentPrepAt(uint32_t k) const {
  const uint32_t limit = std::min(n_, k + 12);
  bool place = false;  // a place phrase was stepped over: a comma may close it
  while (k < limit) {
    // "spoke by phone with", "delivered by hand": a by-phrase of means names no agent.
    if (Is(k, "by") && k + 1 < n_ && MeansNoun(k + 1)) return false;
    if (Is(k, "by") || Is(k, "between")) return true;
    if (info_[k].kind == Kind::kDate || IsAdverb(k)) {
      ++k;
    } else if ((Is(k, "in") || Is(k, "on") || Is(k, "at")) && k + 1 < n_ &&
               info_[k + 1].kind == Kind::kDate) {
      k += 2;
    } else if (const uint32_t t = TimeAdverbialAt(k)) {
      k += t;
    } else if ((Is(k, "in") || Is(k, "at")) && k + 1 < n_ &&
               (info_[k + 1].kind == Kind::kPlace || info_[k + 1].kind == Kind::kActor ||
                (info_[k + 1].kind == Kind::kWord && info_[k + 1].cap &&
                 info_[k + 1].classes == 0 && info_[k + 1].forms == 0))) {
      k += 2;
      place = true;
      // "in Aqaba, Jordan": the place's country after a comma.
      if (IsPunct(k, ',') && k + 1 < n_ &&
          (info_[k + 1].kind == Kind::kPlace || info_[k + 1].kind == Kind::kActor)) {
        k += 2;
      }
    } else if (place && IsPunct(k, ',')) {
      ++k;
    } else {
      return false;
    }
  }
  return false;
}

bool ClauseReader::FloatingQuantifierAt(uint32_t u) const {
  if (u == 0 || u + 1 >= n_ || !info_[u].quantifier) return false;
  const uint32_t b = u - 1;
  const bool subject = (Has(b, kClassPronoun) && !Has(b, kClassPossessive)) || IsEntity(b) ||
                       (info_[b].kind == Kind::kWord && info_[b].classes == 0 && IsNounWord(b) &&
                        PluralEnding(Lower(b)));
  if (!subject) return false;
  const Info& next = info_[u + 1];
  return next.kind == Kind::kWord &&
         ((next.forms & (kFormEd | kFormBase | kFormThird)) != 0 || next.ly ||
          (next.classes & (kClassAdverb | kClassModal | kClassHave | kClassBe)) != 0);
}

bool ClauseReader::BarePluralSubjectAt(uint32_t p) const {
  if (!IsNounWord(p) || info_[p].cap || (info_[p].forms & ~kFormThird) != 0 ||
      !PluralEnding(Lower(p))) {
    return false;
  }
  uint32_t b = p;
  while (b > 0 && p - b < 2 && info_[b - 1].kind == Kind::kWord && !info_[b - 1].cap &&
         (info_[b - 1].classes & ~kClassModifier) == 0 && info_[b - 1].forms == 0) {
    --b;
  }
  return ClauseStartBefore(b) && !(b > 0 && Has(b - 1, kClassConjunction));
}

uint32_t ClauseReader::DeterminedNounPhraseStart(uint32_t e) const {
  uint32_t b = e;
  while (b > 0 && e - b < 5 && info_[b - 1].kind == Kind::kWord && !info_[b - 1].cap &&
         (info_[b - 1].classes & ~(kClassModifier | kClassNumber)) == 0 && !info_[b - 1].verb &&
         !(b >= 2 && Is(b - 1, "s") && IsPunct(b - 2, '\''))) {  // the "s" of "'s" (below)
    --b;
  }
  if (b == e || b == 0) return kNoUnit;
  if (Has(b - 1, kClassDeterminer) || info_[b - 1].kind == Kind::kDemonym) return b - 1;
  // "Caras Galadhon's new mayor left": a possessive determines the phrase before a past form;
  // before a present one it is a noun ("Argentina's ongoing talks", "China's maritime claims").
  if (b >= 2 && Is(b - 1, "s") && IsPunct(b - 2, '\'')) {
    const Info& verb = info_[e];
    return (verb.forms & kFormEd) != 0 && (verb.forms & kFormThird) == 0 ? b - 2 : kNoUnit;
  }
  if (IsEntity(b - 1)) return b - 1;
  return kNoUnit;
}

const VerbGroup& ClauseReader::LastPhraseVerb() const {
  const std::vector<VerbGroup>& groups = out_->groups;
  const size_t n = groups.size();
  if (n >= 2 && ParticipleClause(groups[n - 1]) &&
      CreditedGerundAt(groups[n - 1].begin, groups[n - 2])) {
    return groups[n - 2];
  }
  return groups[n - 1];
}

bool ClauseReader::RelativeOpensAt(uint32_t p) const {
  if (p < 2) return false;
  if (Is(p, "who")) return true;
  // "which" after its antecedent's comma: "which" after a verb or a preposition asks ("determine
  // which states signed"). Not "that": a restrictive clause is no aside, and a verb after its
  // "and" may be the main clause's ("noted an agreement that facilitates investment and
  // committed to"), which the clause layer cannot tell.
  if (!Is(p, "which") || !IsPunct(p - 1, ',') || info_[p - 2].verb) return false;
  return IsEntity(p - 2) || ChunkEndingAt(p - 1) >= 0 ||
         (IsNounWord(p - 2) && !Has(p - 2, kClassModifier));
}

bool ClauseReader::NameSuffixCommaAt(uint32_t p) const {
  if (p == 0 || p >= n_ || !IsPunct(p, ',') || s_.units[p - 1].mention < 0) return false;
  const Token& last = s_.tokens[s_.units[p - 1].tok_end - 1];
  std::string_view name = s_.text.substr(0, last.end);
  if (name.ends_with('.')) name.remove_suffix(1);
  return name.ends_with(", Jr") || name.ends_with(", Sr");
}

bool ClauseReader::ClosesParenthetical(uint32_t p) const {
  if (NameSuffixCommaAt(p)) return true;
  uint32_t k = p;
  while (k > 0 && !(IsPunct(k - 1, ',') && out_->chunk_of[k - 1] < 0)) {
    if (const uint32_t open = AsideStartBefore(k); open < k) {
      k = open;
      continue;
    }
    if (IsHardStop(k - 1)) break;
    --k;
  }
  if (k < 2 || !IsPunct(k - 1, ',')) return false;
  // "Several countries, including Japan and Korea, condemned".
  if (Is(k, "including") && ChunkEndingAt(p) >= 0 &&
      out_->chunks[ChunkEndingAt(p)].begin == k + 1 &&
      (NamesNoEntity(k - 1) || NamesGroupsOnly(k - 1))) {
    return true;
  }
  return ChunkEndingAt(k - 1) >= 0 || (Has(k - 2, kClassPronoun) && ClauseStartBefore(k - 2)) ||
         NounBeforeApposedName(k - 1, p) || OpeningNounPhraseBefore(k - 1) != kNoUnit;
}

uint32_t ClauseReader::OpeningNounPhraseBefore(uint32_t open) const {
  if (open < 2 || out_->chunk_of[open - 1] >= 0 || !IsNounWord(open - 1)) return kNoUnit;
  const uint32_t d = DeterminedNounPhraseStart(open);
  if (d == kNoUnit || !Has(d, kClassDeterminer)) return kNoUnit;
  // The phrase opens the sentence, a subordinate clause, or follows an introductory phrase
  // ("In 1977, the treaty, signed ..."); a comma alone may separate a list's members ("with
  // you, your team, and the community").
  uint32_t q = d;
  while (q > 0 && (IsAdverb(q - 1) || info_[q - 1].kind == Kind::kDate)) --q;
  if (q == 0 || Has(q - 1, kClassSubordinator | kClassThat)) return d;
  if (!IsPunct(q - 1, ',')) return kNoUnit;
  uint32_t r = q - 1;
  while (r > 0 && (IsAdverb(r - 1) || info_[r - 1].kind == Kind::kDate)) --r;
  return r == 0 || InIntroductoryPhrase(q - 1) ? d : kNoUnit;
}

uint32_t ClauseReader::ApposedPhraseStart(uint32_t open) const {
  // Back over the noun phrase's words ("Secretary of State", "national security adviser") to
  // what determines it: "his", "the", an owner's "'s".
  uint32_t b = open;
  while (b > 0 && open - b < 6 && !(b >= 2 && Is(b - 1, "s") && IsPunct(b - 2, '\'')) &&
         (IsNounWord(b - 1) || (b >= 2 && b < open && Is(b - 1, "of") && IsNounWord(b - 2)))) {
    --b;
  }
  if (b == open || b == 0) return kNoUnit;
  uint32_t start = kNoUnit;
  if (Has(b - 1, kClassDeterminer | kClassPossessive)) {
    start = b - 1;
  } else if (b >= 3 && Is(b - 1, "s") && IsPunct(b - 2, '\'')) {
    const int owner = ChunkEndingAt(b - 2);
    if (owner >= 0) start = out_->chunks[owner].begin;
  }
  // "One of his closest advisors, Sol Linowitz,": a part of the phrase, named.
  if (start != kNoUnit && start >= 2 && Is(start - 1, "of") && Is(start - 2, "one")) start -= 2;
  return start;
}

int ClauseReader::ApposedName(uint32_t open, uint32_t close) const {
  const int name = open + 1 < n_ ? out_->chunk_of[open + 1] : -1;
  if (name < 0 || out_->chunks[name].begin != open + 1 || out_->chunks[name].end != close ||
      out_->chunks[name].members.size() != 1) {
    return -1;
  }
  return name;
}

int ClauseReader::ActorBeforeApposedPhrase(uint32_t start) const {
  if (start < 2 || !Is(start - 1, "and")) return -1;
  return ActorsBeforeAnd(start - 1);
}

bool ClauseReader::NounBeforeApposedName(uint32_t open, uint32_t close) const {
  if (ApposedName(open, close) < 0) return false;
  const uint32_t start = ApposedPhraseStart(open);
  if (start == kNoUnit) return false;
  return ClauseStartBefore(start) || ActorBeforeApposedPhrase(start) >= 0;
}

void ClauseReader::FindGroups() {
  uint32_t u = 0;
  while (u < n_) {
    const uint32_t next = StartsGroup(u) ? TryGroup(u) : u + 1;
    u = next > u ? next : u + 1;
  }
}

uint32_t ClauseReader::TryGroup(uint32_t start) {
  VerbGroup g;
  g.begin = start;
  g.imperative = ListItemVerbAt(start);
  uint32_t aux = 0;
  bool be = false;
  Modality modality = Modality::kAsserted;
  bool adjective_to = false;  // "is proud to": the "to" continues the group
  uint32_t j = start;
  while (j < n_) {
    const Info& i = info_[j];
    if (i.kind != Kind::kWord) break;
    if (Is(j, "to")) {
      // An infinitive: at the start of a group, or after a catenative verb of modality.
      uint32_t k = j + 1;
      while (IsAdverb(k)) ++k;
      if (k >= n_ || (info_[k].forms & kFormBase) == 0) break;
      if (!g.verbs.empty()) {
        std::optional<Modality> cat;
        for (uint32_t verb : g.verbs.back().verbs) {
          if (auto m = lex_.Catenative(verb)) cat = m;
          if (!g.verbs.back().passive) continue;
          if (auto m = lex_.Raising(verb)) cat = m;
        }
        if (!cat.has_value()) break;
        modality = Stronger(modality, *cat);
      } else if (adjective_to) {
        adjective_to = false;
      } else if (j == start) {
        g.infinitive = true;
      } else {
        break;
      }
      aux = kClassTo;
      be = false;
      ++j;
      continue;
    }
    // After "to" (and a perfect "have": "is believed to have supplied") the next verb.
    if (g.verbs.empty() || aux == kClassTo || aux == (kClassTo | kClassHave)) {
      if ((i.classes & kClassModal) != 0) {
        modality = Stronger(modality, ModalModality(Lower(j)));
        aux |= kClassModal;
        if (i.negative) g.negated = true;
        j += i.negative ? 3 : 1;
        continue;
      }
      if ((i.classes & kClassNegation) != 0) {
        g.negated = true;
        ++j;
        continue;
      }
      if (IsAdverb(j) && j > start) {
        ++j;
        continue;
      }
      if ((i.classes & (kClassBe | kClassHave | kClassDo)) != 0) {
        // An auxiliary only when a verb follows (adverbs and negation may come between).
        uint32_t k = j + (i.negative ? 3 : 1);
        while (k < n_ && !CatenativeAdjectiveAt(k) &&
               (IsAdverb(k) || Has(k, kClassNegation | kClassBe | kClassHave))) {
          k += info_[k].negative ? 3 : 1;
        }
        // "be" with a catenative adjective, "to" and a verb: "we are proud to announce".
        if ((i.classes & kClassBe) != 0 && CatenativeAdjectiveAt(k)) {
          for (uint32_t m = j; m < k; ++m) {
            if (Has(m, kClassNegation) || info_[m].negative) g.negated = true;
          }
          modality = Stronger(modality, static_cast<Modality>(info_[k].lex->adjective_modality));
          adjective_to = true;
          j = k + 1;
          continue;
        }
        if (MainHave(j, k)) {
          // Read below as the group's verb.
        } else if (k < n_ && info_[k].forms != 0 && (info_[k].classes & kClassPreposition) == 0) {
          aux |= i.classes & (kClassBe | kClassHave | kClassDo);
          be = (i.classes & kClassBe) != 0;
          if (i.negative) g.negated = true;
          j += i.negative ? 3 : 1;
          continue;
        } else {
          break;
        }
      }
      // "remain committed to": "remain" is a copula before a stative participle.
      if (RemainsStative(j)) {
        aux |= kClassBe;
        be = true;
        ++j;
        continue;
      }
      if (!Verbal(j, aux, be)) break;
      GroupVerb v;
      v.unit = j;
      for (const VerbSense& sense : i.lex->senses) v.verbs.push_back(sense.verb);
      v.passive = be && (i.forms & kFormEd) != 0 && (i.forms & kFormIng) == 0;
      if (be && (i.forms & kFormIng) != 0 && (i.forms & kFormEd) == 0) v.passive = false;
      v.modality = modality;
      g.verbs.push_back(std::move(v));
      info_[j].verb = true;
      ++j;
      aux = 0;
      be = false;
      // Coordinated verbs share the group: "signed and ratified", "will sign and ratify".
      uint32_t k = j;
      if (IsPunct(k, ',')) ++k;
      if (Is(k, "and") || Is(k, "or")) {
        ++k;
        while (IsAdverb(k)) ++k;
        const uint8_t want = info_[g.verbs.back().unit].forms;
        if (k < n_ && info_[k].kind == Kind::kWord && (info_[k].forms & want) != 0 &&
            (info_[k].classes & kClassPreposition) == 0) {
          GroupVerb w;
          w.unit = k;
          w.coordinated = true;
          for (const VerbSense& sense : info_[k].lex->senses) w.verbs.push_back(sense.verb);
          w.passive = g.verbs.back().passive;
          w.modality = modality;
          g.verbs.push_back(std::move(w));
          info_[k].verb = true;
          j = k + 1;
        }
      }
      continue;
    }
    break;
  }
  if (g.verbs.empty()) return std::max(start + 1, j);
  g.end = j;
  for (GroupVerb& v : g.verbs) {
    if (g.negated) v.modality = Modality::kNegated;
  }
  out_->groups.push_back(std::move(g));
  return j;
}

bool ClauseReader::MainHave(uint32_t u, uint32_t k) const {
  const Info& i = info_[u];
  if ((i.classes & kClassHave) == 0 || i.lex == nullptr || i.lex->senses.empty() || i.negative) {
    return false;
  }
  for (uint32_t m = u + 1; m < k; ++m) {
    if (Has(m, kClassBe | kClassHave)) return false;
  }
  if (k >= n_ || (info_[k].forms & kFormEd) != 0) return false;
  constexpr uint32_t kStop = kClassPreposition | kClassTo | kClassConjunction | kClassSubordinator |
                             kClassRelative | kClassThat | kClassBe | kClassHave | kClassModal |
                             kClassDo | kClassPronoun;
  for (uint32_t m = k; m < n_ && m < k + 5; ++m) {
    const Info& w = info_[m];
    // "an in-depth discussion": words joined by a hyphen are one modifier; "a broad,
    // strategic discussion": adjectives separated by a comma.
    if (m + 1 < n_ && IsPunct(m + 1, '-') && Joined(m + 1) && m + 2 < n_ && Joined(m + 2)) {
      ++m;
      continue;
    }
    if (m > k && IsPunct(m, ',') && m + 1 < n_ && info_[m + 1].kind == Kind::kWord &&
        info_[m - 1].kind == Kind::kWord && info_[m + 1].classes == 0 &&
        info_[m - 1].classes == 0 && info_[m + 1].forms == 0) {
      continue;
    }
    if (w.kind != Kind::kWord || w.lex == nullptr) {
      if (w.kind != Kind::kWord) return false;
      continue;
    }
    if (w.lex->light_object) return true;
    if ((w.classes & kStop) != 0) return false;
  }
  return false;
}

bool ClauseReader::CatenativeAdjectiveAt(uint32_t k) const {
  if (k + 2 >= n_ || info_[k].kind != Kind::kWord || info_[k].lex == nullptr ||
      info_[k].lex->adjective_modality < 0 || !Is(k + 1, "to")) {
    return false;
  }
  uint32_t m = k + 2;
  while (IsAdverb(m)) ++m;
  return m < n_ && info_[m].kind == Kind::kWord && (info_[m].forms & kFormBase) != 0;
}

void ClauseReader::MakePlanned(VerbGroup* g) {
  for (GroupVerb& v : g->verbs) v.modality = Stronger(v.modality, Modality::kPlanned);
}

// "ll" is the clitic of "will" ("we'll"; Classify).
Modality ClauseReader::ModalModality(std::string_view modal) {
  if (modal == "will" || modal == "shall" || modal == "would" || modal == "won" || modal == "ll") {
    return Modality::kPlanned;
  }
  if (modal == "cannot") return Modality::kNegated;
  return Modality::kHedged;  // may, might, could, should, must, can
}

}  // namespace parley::internal::clause_reader
