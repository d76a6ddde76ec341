// Roles: subjects, objects, prepositional phrases, complements and clause boundaries
// (clause_reader.h).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/clause_reader.h"
#include "extract/rule_compiled.h"

namespace parley::internal::clause_reader {

bool ClauseReader::ClauseStartBefore(uint32_t begin) const {
  if (begin == 0) return true;
  uint32_t p = begin - 1;
  while (p > 0 && (IsAdverb(p) || info_[p].kind == Kind::kDate)) --p;
  if (info_[p].kind == Kind::kPunct) return info_[p].punct != '-' && info_[p].punct != '\'';
  if (info_[p].kind == Kind::kQuote || info_[p].kind == Kind::kDate) return true;
  return Has(p, kClassSubordinator | kClassConjunction | kClassThat | kClassAdverb);
}

uint32_t ClauseReader::AsideStartBefore(uint32_t e) const {
  if (e == 0 || !IsPunct(e - 1, ')')) return e;
  uint32_t k = e - 1;
  while (k > 0 && e - k < 30 && !IsPunct(k - 1, '(') && !IsPunct(k - 1, ')')) --k;
  if (k < 2 || !IsPunct(k - 1, '(')) return e;
  const uint32_t open = k - 1;
  return out_->chunk_of[open - 1] >= 0 ? open : e;
}

bool ClauseReader::Parenthetical(uint32_t p, uint32_t u) const {
  if (p + 1 >= u) return false;
  if (Has(p + 1, kClassRelative)) return true;
  // "you and President Biden, as you mentioned, signed", "Russia, if it invades, will face":
  // a short subordinate clause between the commas is an adverbial, whatever verb it holds.
  // Not "where", whose clause may list verbs of its own ("Luanda, where he will celebrate X,
  // recognize Y"), nor a long one, which may too.
  if (Has(p + 1, kClassSubordinator) && !Is(p + 1, "so") && !Is(p + 1, "where") &&
      !Is(p + 1, "wherever") && u - p <= 12) {
    return true;
  }
  for (const VerbGroup& g : out_->groups) {
    if (g.begin > p && g.begin < u && !g.infinitive) return false;
  }
  return true;
}

bool ClauseReader::ThatTime(uint32_t u) const {
  return Is(u, "that") && u + 1 < n_ && (Has(u + 1, kClassTime) || Is(u + 1, "day")) &&
         (u + 2 >= n_ || !(info_[u + 2].verb || Has(u + 2, kClassBe | kClassHave | kClassModal)));
}

int ClauseReader::SharedSubject(size_t g) const {
  // A participle clause's own opener ("while visiting") is no boundary.
  const VerbGroup& own = out_->groups[g];
  const bool participle = (info_[own.verbs[0].unit].forms & kFormIng) != 0;
  const uint32_t stop = participle && own.begin > 0 ? own.begin - 1 : own.begin;
  // A participle that reports ("adding that", "noting") belongs to the reporting verb; any
  // other belongs to the nearest clause before it: "announced that the companies signed the
  // pledge, committing to cut emissions" (the companies commit), "will celebrate the
  // shipment to be sold there, supporting food security" (no one the sentence names).
  const bool nearest = participle && !VerbTakesClause(own.verbs[0].unit, /*bare=*/false);
  for (size_t h = g; h-- > 0;) {
    const VerbGroup& prev = out_->groups[h];
    const bool to_infinitive = prev.infinitive || (prev.begin > 0 && Is(prev.begin - 1, "to"));
    if (nearest && h + 1 == g && (to_infinitive || prev.embedded)) {
      return to_infinitive ? -1 : static_cast<int>(h);
    }
    // Inside a complement clause whose verb was not found: its subject is unknown, unless the
    // clause is a copula whose pronoun stands for the governing verb's subject.
    if (nearest && h + 1 == g && prev.that_clause != kNoUnit && prev.that_clause < own.begin) {
      return CopulaComplementOfSubject(prev) ? static_cast<int>(h) : -1;
    }
    // Infinitives ("to be delivered" too) and complement clauses are no coordinated verb.
    if (to_infinitive || prev.embedded) continue;
    // "discussed the plans - the talks that Russia wanted -, and reiterated": a verb inside an
    // aside between spaced dashes that closes before this one is no verb of its phrase.
    if (InClosedDashAside(prev.begin, stop)) continue;
    for (uint32_t u = prev.end; u < stop; ++u) {
      // "discussed their plans - including X, as decided at the summit -, discussed Y": an
      // aside between spaced dashes is no clause boundary of the verb phrase.
      if (const uint32_t close = DashAsideEnd(u, stop); close > u) {
        u = close;
        continue;
      }
      // "pursued the Strategic Arms Reduction Treaty (START) and argued": parentheses without a
      // verb (an acronym, a year) are no boundary of a coordinated finite verb (a participle
      // after them may be about what they close: "the Initiative (DSSI) ..., providing").
      if (const uint32_t close = participle ? u : VerblessParenthesisEnd(u, stop); close > u) {
        u = close;
        continue;
      }
      if (IsPunct(u, ';') || IsPunct(u, ':') || IsPunct(u, '(') ||
          Has(u, kClassSubordinator | kClassRelative)) {
        return -1;
      }
    }
    if (prev.subject_via.rfind("relative", 0) == 0) continue;
    // "congratulated The Bahamas on assuming the Chair, and reaffirmed": the gerund of
    // credit is no verb of the phrase.
    if (prev.subject_via.rfind("credited", 0) == 0) continue;
    return static_cast<int>(h);
  }
  return -1;
}

uint32_t ClauseReader::VerblessParenthesisEnd(uint32_t u, uint32_t limit) const {
  if (!IsPunct(u, '(')) return u;
  for (uint32_t k = u + 1; k < limit && k < u + 8; ++k) {
    if (IsPunct(k, ')')) return k > u + 1 ? k : u;
    if (IsHardStop(k) || info_[k].verb || Has(k, kClassSubordinator | kClassRelative)) return u;
  }
  return u;
}

int ClauseReader::EntityAndNounPhrase(int noun) {
  if (noun < 0) return -1;
  const Chunk& phrase = out_->chunks[noun];
  if (!phrase.members.empty() || !phrase.owners.empty() || phrase.begin < 2 ||
      !Is(phrase.begin - 1, "and")) {
    return -1;
  }
  const int c = ActorsBeforeAnd(phrase.begin - 1);
  if (c < 0) return -1;
  Chunk joined = out_->chunks[c];
  joined.end = phrase.end;
  return AddChunk(std::move(joined));
}

int ClauseReader::ActorsBeforeAnd(uint32_t conjunction) const {
  const int c = ChunkEndingAt(conjunction);
  if (c < 0) return -1;
  const Chunk& entity = out_->chunks[c];
  if (entity.members.empty() || entity.possessive || entity.in_pp ||
      !ClauseStartBefore(entity.begin)) {
    return -1;
  }
  for (uint32_t m : entity.members) {
    const EntityDef* e = s_.mentions[m].entity;
    if (e == nullptr || !IsActorType(e->entity.type)) return -1;
  }
  return c;
}

bool ClauseReader::PluralNounAfterActors(uint32_t p) const {
  if (!IsNounWord(p) || info_[p].cap || (info_[p].forms & ~kFormThird) != 0) return false;
  const std::string_view w = Lower(p);
  if (w.size() <= 3 || w.back() != 's' || w.ends_with("ss") || w.ends_with("us")) return false;
  uint32_t b = p;
  while (b > 0 && p - b < 3 && IsNounWord(b - 1) && !info_[b - 1].cap) --b;
  if (b > 0 && Has(b - 1, kClassDeterminer | kClassPossessive)) --b;
  return b >= 2 && Is(b - 1, "and") && ActorsBeforeAnd(b - 1) >= 0;
}

bool ClauseReader::CopulaComplementOfSubject(const VerbGroup& gov) const {
  const uint32_t p = gov.that_clause;
  if (gov.subject < 0 || p == kNoUnit || !Has(p, kClassPronoun)) return false;
  uint32_t k = p + 1;
  if (!Has(k, kClassBe)) return false;
  ++k;
  while (IsAdverb(k)) ++k;
  // A noun phrase: a determiner or a possessive ("an unreliable supplier", "our partner").
  if (!Has(k, kClassDeterminer | kClassPossessive)) return false;
  const Chunk& subject = out_->chunks[gov.subject];
  const std::string_view w = Lower(p);
  if (w == "we") return subject.pronoun && Lower(subject.begin) == "we";
  if (subject.members.empty()) return false;
  const auto type = [&](size_t i) {
    const Mention& m = s_.mentions[subject.members[i]];
    return m.entity == nullptr ? EntityType::kPlace : m.entity->entity.type;
  };
  if (w == "they") return subject.members.size() > 1 || type(0) == EntityType::kGroup;
  if (subject.members.size() != 1) return false;
  if (w == "it") return IsActorType(type(0)) && type(0) != EntityType::kPerson;
  if (w == "he" || w == "she") return type(0) == EntityType::kPerson;
  return false;
}

bool ClauseReader::AfterQuantifier(uint32_t begin) const {
  if (begin < 2 || !Is(begin - 1, "of")) return false;
  static constexpr std::string_view kQuantifiers[] = {
      "majority", "most", "many", "some", "all", "each", "both", "half", "several", "much"};
  const std::string_view w = Lower(begin - 2);
  return info_[begin - 2].kind == Kind::kWord &&
         std::find(std::begin(kQuantifiers), std::end(kQuantifiers), w) != std::end(kQuantifiers);
}

bool ClauseReader::NamesNoEntity(uint32_t p) const {
  if (p == 0) return false;
  const uint32_t w = p - 1;
  if (Has(w, kClassPronoun)) return ClauseStartBefore(w);
  if (!IsNounWord(w) || out_->chunk_of[w] >= 0) return false;
  return ClauseStartBefore(ClauseStartOf(p));
}

bool ClauseReader::NamesGroupsOnly(uint32_t p) const {
  const int c = ChunkEndingAt(p);
  return c >= 0 && NamesOnlyGroups(out_->chunks[c]) &&
         ClauseStartBefore(ClauseStartOf(out_->chunks[c].begin));
}

uint32_t ClauseReader::ClauseStartOf(uint32_t p) const {
  uint32_t b = p;
  while (b > 0) {
    if (b >= 3 && Is(b - 1, "s") && IsPunct(b - 2, '\'') &&
        ((info_[b - 3].kind == Kind::kWord && info_[b - 3].cap) || IsEntity(b - 3))) {
      b -= 3;  // "Carter's successor"
    } else if (IsNounWord(b - 1) ||
               Has(b - 1, kClassDeterminer | kClassModifier | kClassNumber | kClassPronoun) ||
               (info_[b - 1].kind == Kind::kWord && info_[b - 1].cap &&
                out_->chunk_of[b - 1] < 0)) {
      --b;
    } else {
      break;
    }
  }
  return b;
}

bool ClauseReader::InPrepositionalList(uint32_t b) const {
  // Back over the list's members, the nouns and determiners before them: "an MOU between the
  // Lawrence Berkeley National Lab and KRIBB that supports", "a collaboration with Mastercard
  // and the Co-operative Bank of Kenya that seeks" (the MOU supports, the collaboration seeks).
  uint32_t k = b;
  while (k > 0 && b - k < 16 && !info_[k - 1].verb &&
         (Is(k - 1, "and") || IsPunct(k - 1, ',') || IsEntity(k - 1) || IsNounWord(k - 1) ||
          Has(k - 1, kClassDeterminer) || info_[k - 1].kind == Kind::kDemonym)) {
    --k;
  }
  return k < b && k > 0 && Has(k - 1, kClassPreposition | kClassTo) &&
         std::any_of(info_.begin() + k, info_.begin() + b,
                     [](const Info& i) { return i.kind == Kind::kWord && i.lower == "and"; });
}

bool ClauseReader::SingularVerbGroup(const VerbGroup& g) const {
  const std::string_view first = Lower(g.begin);
  if (first == "has" || first == "is" || first == "was" || first == "does") return true;
  const Info& verb = info_[g.verbs[0].unit];
  return g.begin == g.verbs[0].unit && (verb.forms & kFormThird) != 0 &&
         (verb.forms & (kFormBase | kFormEd)) == 0;
}

void ClauseReader::ShareSubject(size_t gi) {
  const int h = SharedSubject(gi);
  if (h < 0 || out_->groups[h].subject < 0) return;
  VerbGroup& g = out_->groups[gi];
  g.subject = out_->groups[h].subject;
  g.subject_via = "shared with '" + std::string(UnitText(out_->groups[h].verbs[0].unit)) + "'";
}

void ClauseReader::FindSubject(size_t gi) {
  VerbGroup& g = out_->groups[gi];
  if (g.infinitive) return;
  int64_t u = static_cast<int64_t>(g.begin) - 1;
  while (u >= 0) {
    const uint32_t w = static_cast<uint32_t>(u);
    // A degree word before an adverb is part of it: "Romendacil most certainly did not clash".
    const bool degree = (Is(w, "most") || Is(w, "more") || Is(w, "very")) && IsAdverb(w + 1);
    if (IsAdverb(w) || Has(w, kClassNegation) || degree) {
      --u;
      continue;
    }
    if (info_[w].kind == Kind::kDate) {
      --u;
      if (u >= 0 && Has(static_cast<uint32_t>(u), kClassPreposition)) --u;
      continue;
    }
    if (const uint32_t t = TimeAdverbialBefore(w + 1); t <= w) {
      u = static_cast<int64_t>(t) - 1;
      continue;
    }
    if (IsPunct(w, ')')) {
      int64_t k = u - 1;
      while (k >= 0 && !IsPunct(static_cast<uint32_t>(k), '(')) --k;
      if (k < 0) break;
      out_->skipped.push_back({static_cast<uint32_t>(k), w + 1, "parentheses"});
      u = k - 1;
      continue;
    }
    // "The Big Three - Stalin, Churchill and Truman - met": the apposition between dashes
    // names who the subject is.
    if (IsPunct(w, '-')) {
      const int named = ChunkEndingAt(w);
      if (named >= 0 && !out_->chunks[named].members.empty()) {
        uint32_t b = out_->chunks[named].begin;
        // "Several Allies - including Canada, Norway and Spain - will": the examples act.
        const bool including = b >= 3 && Is(b - 1, "including");
        if (including) --b;
        if (b >= 2 && IsPunct(b - 1, '-') &&
            (NamesNoEntity(b - 1) || (including && NamesGroupsOnly(b - 1)))) {
          out_->skipped.push_back({b - 1, w + 1, "apposition"});
          g.subject = named;
          g.subject_via = "apposition";
          return;
        }
      }
      // "The UAE - home to IRENA and host of COP28 in 2023 - will invest": an aside between
      // spaced dashes after the subject, with no verb of its own, is stepped over.
      if (!Joined(w)) {
        uint32_t k = w;
        while (k > 0 && !(IsPunct(k - 1, '-') && !Joined(k - 1))) {
          // "- home to the International Renewable Energy Agency (IRENA) and host of COP28 -":
          // a verbless parenthesis inside the aside is part of it.
          if (IsPunct(k - 1, ')')) {
            uint32_t open = k - 1;
            while (open > 0 && open + 8 > k && !IsPunct(open, '(')) --open;
            if (VerblessParenthesisEnd(open, w) != k - 1) break;
            k = open;
            continue;
          }
          if (IsHardStop(k - 1)) break;
          --k;
        }
        if (k >= 2 && IsPunct(k - 1, '-') && !Joined(k - 1)) {
          const uint32_t open = k - 1;
          const int c = ChunkEndingAt(open);
          if (c >= 0 && !out_->chunks[c].in_pp && !out_->chunks[c].possessive &&
              ClauseStartBefore(out_->chunks[c].begin) && Parenthetical(open, w)) {
            out_->skipped.push_back({open, w + 1, "aside between dashes"});
            g.subject = c;
            g.subject_via = "before an aside";
          }
        }
      }
      return;
    }
    if (IsPunct(w, ',')) {
      // A comma-enclosed parenthetical after the subject: step over it.
      int64_t k = u - 1;
      while (k >= 0 && !(IsPunct(static_cast<uint32_t>(k), ',') && out_->chunk_of[k] < 0)) {
        if (const uint32_t open = AsideStartBefore(static_cast<uint32_t>(k) + 1);
            open <= static_cast<uint32_t>(k)) {
          k = static_cast<int64_t>(open) - 1;
          continue;
        }
        if (IsHardStop(static_cast<uint32_t>(k))) break;
        --k;
      }
      if (k >= 1 && IsPunct(static_cast<uint32_t>(k), ',')) {
        const uint32_t p = static_cast<uint32_t>(k);
        // "We, the leaders of Japan, the ROK and the United States, oppose", "The three
        // leaders, Biden, Scholz and Macron, agreed": the apposition names who the pronoun
        // or the noun phrase is.
        const int named = ChunkEndingAt(w);
        // A prepositional phrase names nobody: "Micron, in partnership with the NSF,
        // announced".
        // "Several countries, including Japan and Korea, condemned": the examples act.
        const bool including =
            named >= 0 && Is(p + 1, "including") && out_->chunks[named].begin == p + 2;
        // Nor a relative clause: "This meeting, which follows the visits of Blinken to Japan
        // and Korea, provides".
        // Nor a prepositional phrase of a participle opening the aside: "These forces,
        // operating in coordination with the Government of Saudi Arabia, provide".
        const bool participle_pp = named >= 0 && out_->chunks[named].in_pp &&
                                   info_[p + 1].kind == Kind::kWord &&
                                   ((info_[p + 1].forms & kFormIng) != 0 ||
                                    (Lower(p + 1).size() >= 6 && Lower(p + 1).ends_with("ing")));
        // Nor what an office in the aside is of: "Sherrilyn Ifill, President of the NAACP Legal
        // Defense Fund, emphasized" (the president acts, not the fund; "the leaders of Japan and
        // Korea" are Japan and Korea).
        const uint32_t named_begin = named >= 0 ? out_->chunks[named].begin : 0;
        const bool office_of = named >= 0 && out_->chunks[named].in_pp && named_begin >= p + 3 &&
                               (Is(named_begin - 1, "of") || Is(named_begin - 1, "for")) &&
                               IsTitleWord(named_begin - 2) &&
                               !Lower(named_begin - 2).ends_with('s');
        if (named >= 0 && !out_->chunks[named].members.empty() && out_->chunks[named].begin > p &&
            (!Has(p + 1, kClassPreposition | kClassTo | kClassRelative) || including) &&
            (!participle_pp || including) && !office_of &&
            (NamesNoEntity(p) || (including && NamesGroupsOnly(p))) && Parenthetical(p, w)) {
          out_->skipped.push_back({p, w + 1, "apposition"});
          g.subject = named;
          g.apposed_begin = ClauseStartOf(p);
          g.apposed_end = p;
          g.subject_via = "apposition of \"" + std::string(s_.UnitsText(g.apposed_begin, p)) + "\"";
          return;
        }
        // "His Secretary of State, Cyrus Vance, pursued", "Carter and his Secretary of State,
        // Cyrus Vance, pursued": the name says who the noun phrase is; an actor coordinated
        // before it acts too.
        if (const int name = ApposedName(p, w); name >= 0 && Parenthetical(p, w)) {
          const uint32_t start = ApposedPhraseStart(p);
          const int first = start == kNoUnit ? -1 : ActorBeforeApposedPhrase(start);
          if (start != kNoUnit && (first >= 0 || ClauseStartBefore(start))) {
            out_->skipped.push_back({p, w + 1, "apposition"});
            g.apposed_begin = start;
            g.apposed_end = p;
            g.subject_via = "apposition of \"" + std::string(s_.UnitsText(start, p)) + "\"";
            if (first < 0) {
              g.subject = name;
              return;
            }
            Chunk joined = out_->chunks[first];
            joined.end = w;
            joined.members.push_back(out_->chunks[name].members[0]);
            g.subject = AddChunk(std::move(joined));
            g.subject_via =
                "actor and the apposition of \"" + std::string(s_.UnitsText(start, p)) + "\"";
            return;
          }
        }
        const int c = ChunkEndingAt(p);
        // "Carter's successor Ronald Reagan, a critic of SALT II, agreed": the words before
        // the name belong to its noun phrase.
        if (c >= 0 && !out_->chunks[c].in_pp &&
            (ClauseStartBefore(out_->chunks[c].begin) ||
             ClauseStartBefore(ClauseStartOf(out_->chunks[c].begin))) &&
            Parenthetical(p, w)) {
          out_->skipped.push_back(
              {p, w + 1,
               Has(p + 1, kClassRelative) ? "relative clause" : "apposition or adverbial"});
          g.subject = c;
          g.subject_via = "before a parenthetical";
          return;
        }
        // "The treaty, which Carter signed, stated": the noun phrase before the aside is the
        // subject though it names no entity (ResolveChunk may name it), not the aside's actor.
        if (c < 0 && OpeningNounPhraseBefore(p) != kNoUnit && Parenthetical(p, w)) {
          out_->skipped.push_back(
              {p, w + 1,
               Has(p + 1, kClassRelative) ? "relative clause" : "apposition or adverbial"});
          g.subject = NounChunkEndingAt(p, /*possessor_owns=*/true);
          g.subject_via = "before a parenthetical";
          return;
        }
      }
      // "President Joseph R. Biden, Jr., spoke": the comma closes the name's suffix (a list
      // before it, "We, A, and B, Jr., affirm", is an apposition, read above).
      if (NameSuffixCommaAt(w)) {
        if (const int c = ChunkEndingAt(w);
            c >= 0 && !out_->chunks[c].in_pp && ClauseStartBefore(out_->chunks[c].begin)) {
          g.subject = c;
          g.subject_via = "before the verb";
          return;
        }
      }
      // "The leaders discussed X, reaffirmed Y": a verb phrase coordinated with the previous.
      ShareSubject(gi);
      return;
    }
    if (Has(w, kClassConjunction) && !Is(w, "or")) {
      ShareSubject(gi);
      return;
    }
    if (Has(w, kClassRelative) || (Is(w, "that") && w > 0 && !info_[w - 1].verb)) {
      if (Is(w, "whom") || Is(w, "whose")) return;
      uint32_t e = w;
      if (e > 0 && IsPunct(e - 1, ',')) --e;
      // An antecedent inside a prepositional phrase may not be the one ("a program in
      // Gwinnett County, Georgia, that will support").
      const int c = ChunkEndingAt(e);
      // A relative clause's verb, its antecedent found or not: no verb of the clause around
      // it shares its subject (SharedSubject).
      g.subject_via = "relative '" + std::string(Lower(w)) + "'";
      if (c >= 0 && !out_->chunks[c].in_pp && !InPrepositionalList(out_->chunks[c].begin)) {
        g.subject = c;
        // "Biden and Harris, who chairs the Council": a verb in the singular is the last one's.
        const Chunk& antecedent = out_->chunks[c];
        if (antecedent.members.size() >= 2 && SingularVerbGroup(g) &&
            out_->chunk_of[antecedent.end - 1] >= 0 &&
            info_[antecedent.end - 1].mention == static_cast<int>(antecedent.members.back())) {
          Chunk last = antecedent;
          last.begin = antecedent.end - 1;
          last.members = {antecedent.members.back()};
          g.subject = AddChunk(std::move(last));
        }
      }
      return;
    }
    const int c = ChunkEndingAt(w + 1);
    if (c >= 0) {
      // A copy: NounChunkEndingAt below may add a chunk and move the vector.
      const Chunk chunk = out_->chunks[c];
      if (chunk.possessive) return;
      // "after the Arab states rejected": a preposition that also introduces clauses.
      const bool clause_prep =
          chunk.begin > 0 && (Is(chunk.begin - 1, "after") || Is(chunk.begin - 1, "before") ||
                              Is(chunk.begin - 1, "since") || Is(chunk.begin - 1, "until") ||
                              Is(chunk.begin - 1, "as") || Is(chunk.begin - 1, "till"));
      // "Director of the Pan American Health Organization (PAHO) Dr. Carissa Etienne
      // emphasized": a title's of-phrase, then its holder's name right before the verb: the
      // holder acts.
      if (chunk.in_pp && chunk.begin >= 2 && Is(chunk.begin - 1, "of") &&
          IsTitleWord(chunk.begin - 2) && !chunk.members.empty() &&
          info_[chunk.end - 1].mention == static_cast<int>(chunk.members.back()) &&
          std::any_of(info_.begin() + chunk.begin, info_.begin() + (chunk.end - 1),
                      [](const Info& i) { return i.mention >= 0; })) {
        const Mention& holder = s_.mentions[chunk.members.back()];
        if (holder.entity != nullptr && holder.entity->entity.type == EntityType::kPerson &&
            ClauseStartBefore(ClauseStartOf(chunk.begin - 1))) {
          Chunk last = chunk;
          last.begin = chunk.end - 1;
          last.members = {chunk.members.back()};
          last.in_pp = false;
          g.subject = AddChunk(std::move(last));
          g.subject_via = "holder of the title before it";
          return;
        }
      }
      // "The leaders of Japan and India condemned": the noun phrase that opens the clause
      // and owns the of-phrase (ResolveChunk reads what "of" names).
      if (chunk.in_pp && chunk.begin >= 2 && Is(chunk.begin - 1, "of") &&
          !AfterQuantifier(chunk.begin) && IsNounWord(chunk.begin - 2) &&
          out_->chunk_of[chunk.begin - 2] < 0) {
        // "Ithilen's sheep and goats of Gondor": a possessor opens the phrase and owns it.
        const int noun = NounChunkEndingAt(chunk.begin - 1, /*possessor_owns=*/true);
        uint32_t start = out_->chunks[noun].begin;
        if (start >= 2 && (IsPunct(start - 1, '\'') ||
                           (start >= 3 && Is(start - 1, "s") && IsPunct(start - 2, '\'')))) {
          const int owner = ChunkEndingAt(IsPunct(start - 1, '\'') ? start - 1 : start - 2);
          if (owner >= 0) start = out_->chunks[owner].begin;
        }
        if (ClauseStartBefore(start)) {
          // Nouns coordinated after a possessive, the last of them with an of-phrase: the
          // of-phrase owns that noun as the possessor owns the first ("Ithilen's sheep and goats
          // of Gondor": Ithilen's sheep, Gondor's goats).
          Chunk& phrase = out_->chunks[noun];
          if (start < phrase.begin && !phrase.owners.empty() && !chunk.members.empty() &&
              std::any_of(s_.units.begin() + phrase.begin, s_.units.begin() + phrase.end,
                          [&](const Unit& unit) {
                            return unit.mention < 0 &&
                                   s_.LowerToken(unit.tok_begin) == std::string_view("and");
                          })) {
            for (uint32_t m : chunk.members) {
              if (std::find(phrase.owners.begin(), phrase.owners.end(), m) == phrase.owners.end()) {
                phrase.owners.push_back(m);
              }
            }
          }
          g.subject = noun;
          g.subject_via = "noun phrase before 'of'";
          return;
        }
        out_->chunks.pop_back();
      }
      if (chunk.in_pp && !AfterQuantifier(chunk.begin) && !clause_prep) {
        if (const int phrase = LedPhrase(c, gi); phrase >= 0) {
          g.subject = c;
          g.subject_via =
              "leader of \"" +
              std::string(s_.UnitsText(out_->chunks[phrase].begin, out_->chunks[phrase].end)) +
              "\"";
        }
        return;
      }
      g.subject = c;
      g.subject_via = "before the verb";
      return;
    }
    if (Has(w, kClassPronoun)) {
      // "You and I last met": two subject pronouns coordinated are one chunk.
      const bool two = w >= 2 && Is(w - 1, "and") && Has(w - 2, kClassPronoun) &&
                       SubjectPronoun(w) && SubjectPronoun(w - 2);
      g.subject = AddPronounChunk(two ? w - 2 : w, w);
      g.subject_via = "pronoun";
      return;
    }
    if (IsNounWord(w)) {
      // A noun phrase that names no entity ("the leaders", "the leader of Russia"): the
      // subject, but no entity; resolving it is for ResolveChunk.
      g.subject = NounChunkEndingAt(w + 1, /*possessor_owns=*/true);
      g.subject_via = "noun phrase";
      if (const int joined = EntityAndNounPhrase(g.subject); joined >= 0) {
        g.subject = joined;
        g.subject_via = "entity and noun phrase";
      }
    }
    return;
  }
}

namespace {
// The verbs whose agent leads what their participle follows: "a coup led by Torrijos".
constexpr std::string_view kLeadVerbs[] = {"lead", "head", "spearhead", "command"};
// The verbs whose object names what is talked about: "discussed ..., including ending X".
constexpr std::string_view kTalkVerbs[] = {"discuss", "review",  "talk",   "exchange", "consider",
                                           "examine", "explore", "debate", "brief"};
}  // namespace

int ClauseReader::TopicOfTalk(size_t gi) const {
  const int h = SharedSubject(gi);
  if (h < 0 || !LemmaIn(out_->groups[h], kTalkVerbs)) return -1;
  const uint32_t begin = out_->groups[gi].begin;
  for (uint32_t u = out_->groups[h].end; u < begin; ++u) {
    if (IsHardStop(u)) return -1;
    if (Is(u, "including") || (Is(u, "such") && Is(u + 1, "as"))) return h;
  }
  return -1;
}

int ClauseReader::AchievementNoun(int c) const {
  // Nouns of what someone did, and of what someone means to do.
  static constexpr std::string_view kDone[] = {
      "accomplishment", "accomplishments", "achievement",  "achievements", "success",
      "successes",      "legacy",          "contribution", "contributions"};
  static constexpr std::string_view kMeant[] = {"goal",     "goals",      "aim",       "aims",
                                                "priority", "priorities", "objective", "objectives",
                                                "task",     "mission",    "purpose",   "intention"};
  if (c < 0) return 0;
  const Chunk& chunk = out_->chunks[c];
  if (!chunk.members.empty() || chunk.owners.empty() || chunk.head == kNoUnit) return 0;
  const std::string_view head = Lower(chunk.head);
  if (std::find(std::begin(kDone), std::end(kDone), head) != std::end(kDone)) return 1;
  if (std::find(std::begin(kMeant), std::end(kMeant), head) != std::end(kMeant)) return 2;
  return 0;
}

void ClauseReader::OwnerOfAchievement(VerbGroup* g) const {
  if (g->subject < 0 || g->nominal || g->verbs.empty() || !Has(g->begin, kClassBe)) return;
  const GroupVerb& v = g->verbs[0];
  if (v.passive || (info_[v.unit].forms & kFormIng) == 0) return;
  const int kind = AchievementNoun(g->subject);
  if (kind != 0) OwnerActs(g, g->subject, kind);
}

void ClauseReader::OwnerActs(VerbGroup* g, int noun, int kind) const {
  g->subject = noun;
  g->owner_subject = true;
  g->subject_via = "owner of \"" + std::string(Lower(out_->chunks[noun].head)) + "\"";
  if (kind == 2) MakePlanned(g);
}

int ClauseReader::LedPhrase(int agent, size_t gi) const {
  const Chunk& by = out_->chunks[agent];
  if (by.members.empty() || by.begin < 2 || !Is(by.begin - 1, "by")) return -1;
  for (size_t h = 0; h < gi; ++h) {
    const VerbGroup& led = out_->groups[h];
    if (led.verbs.size() != 1 || led.verbs[0].unit + 2 != by.begin || led.agent != agent ||
        led.subject < 0 || led.subject_via != "reduced relative" || !LemmaIn(led, kLeadVerbs)) {
      continue;
    }
    const Chunk& phrase = out_->chunks[led.subject];
    // "A U.S. delegation led by": the determiner opens the phrase.
    const uint32_t b = phrase.begin > 0 && Has(phrase.begin - 1, kClassDeterminer)
                           ? phrase.begin - 1
                           : phrase.begin;
    if (phrase.in_pp || phrase.end != led.begin || !ClauseStartBefore(b)) return -1;
    return led.subject;
  }
  return -1;
}

void ClauseReader::FindRoles(size_t gi) {
  FindSubject(gi);
  VerbGroup& g = out_->groups[gi];
  OwnerOfAchievement(&g);
  // A topic of talk shares no subject, however it was found (below).
  if (g.subject >= 0 && g.subject_via.rfind("shared", 0) == 0 && ParticipleClause(g) &&
      TopicOfTalk(gi) >= 0) {
    g.subject = -1;
  }
  // "Neither Russia nor China voted for it": each of them, negated.
  if (g.subject >= 0 && out_->chunks[g.subject].members.size() > 1 &&
      out_->chunks[g.subject].begin > 0 && Is(out_->chunks[g.subject].begin - 1, "neither")) {
    for (GroupVerb& v : g.verbs) v.modality = Modality::kNegated;
  }
  // A complement clause without "that" of an earlier verb that takes one bare: "Officials
  // said the US extended the deadline", "Japan hopes Russia accepts": the object the earlier
  // verb took is this clause's subject.
  if (g.subject >= 0 && g.subject_via == "before the verb") {
    const Chunk& subject = out_->chunks[g.subject];
    // A past form needs a verb that takes a clause without "that" (see Verbal); a present
    // form or an auxiliary any verb that takes a complement clause.
    const bool past = g.begin == g.verbs[0].unit &&
                      (info_[g.verbs[0].unit].forms & (kFormThird | kFormBase)) == 0;
    for (size_t h = 0; h < gi; ++h) {
      VerbGroup& prev = out_->groups[h];
      if (prev.object < 0 || out_->chunks[prev.object].begin != subject.begin ||
          prev.complement != subject.begin || prev.that_clause != kNoUnit ||
          !TakesClause(prev, /*bare=*/past)) {
        continue;
      }
      prev.object = -1;
      prev.second_object = -1;
      prev.that_clause = subject.begin;
      if (!subject.members.empty()) prev.that_subject = g.subject;
      prev.clause_end = subject.begin;
    }
  }
  // A complement clause of an earlier verb: "demanded that the US cancel its plans".
  if (g.subject >= 0) {
    for (size_t h = 0; h < gi; ++h) {
      const VerbGroup& prev = out_->groups[h];
      if (prev.that_clause != out_->chunks[g.subject].begin) continue;
      g.embedded = true;
      g.embedded_modality = Modality::kReported;
      for (uint32_t verb : prev.verbs.back().verbs) {
        if (auto m = lex_.ComplementClause(verb)) {
          g.embedded_modality = Stronger(g.embedded_modality, *m);
        }
      }
    }
  }
  // A passive infinitive ("to be signed") is no assertion: planned. After a noun, with its
  // agent, it is a reduced relative: "the summit to be hosted by President Biden" is a planned
  // hosting, the summit its object.
  if (g.begin > 1 && Is(g.begin - 1, "to") && Has(g.begin, kClassBe) && !g.verbs.empty() &&
      g.verbs.back().passive) {
    MakePlanned(&g);
    int c = ChunkEndingAt(g.begin - 1);
    if (c < 0 && IsNounWord(g.begin - 2)) c = NounChunkEndingAt(g.begin - 1);
    if (c >= 0 && g.verbs.size() == 1 && AgentPrepAt(g.end)) {
      g.subject = c;
      g.subject_via = "reduced relative";
      g.begin -= 1;  // "to be hosted": the group's extent holds its "to"
    }
  }
  // A reduced relative: "challenges posed by China", "the treaty signed by Japan", "The
  // Camp David Accords, signed by Carter, Sadat and Begin", "a treaty concluded between
  // Israel and Egypt", "three Americans unjustly detained by Russia" (adverbs before it).
  if (g.begin > 0 && g.verbs.size() == 1 && AgentPrepAt(g.end) &&
      (info_[g.verbs[0].unit].forms & kFormEd) != 0 && g.begin == g.verbs[0].unit &&
      (g.subject < 0 || g.subject_via == "noun phrase" || g.subject_via == "before the verb" ||
       g.subject_via == "before a parenthetical" ||
       // "We thank the Coalition, co-led by Germany and France,": no verb phrase of "we".
       (g.subject_via.rfind("shared", 0) == 0 && PrefixedStart(g.begin) > 0 &&
        IsPunct(PrefixedStart(g.begin) - 1, ',')))) {
    // The prefix of "the Coalition, co-led by"; "Churchill (replaced on July 26 by Attlee)",
    // where a list before the parenthesis is no antecedent: the parenthesis belongs to its
    // last member, which the list's chunk does not give alone.
    uint32_t e = PrefixedStart(g.begin);
    while (e > 1 && IsAdverb(e - 1) && info_[e - 1].ly) --e;  // "unjustly detained by"
    const bool parenthesis = e >= 2 && IsPunct(e - 1, '(');
    if ((IsPunct(e - 1, ',') || parenthesis) && e >= 2) --e;
    int c = ChunkEndingAt(e);
    if (c < 0 && e > 0 && IsNounWord(e - 1) && !parenthesis) c = NounChunkEndingAt(e);
    if (c >= 0 && parenthesis && out_->chunks[c].members.size() != 1) c = -1;
    if (c < 0 && parenthesis) c = MemberBeforeAside(e);
    // "the Balticonnector, a project supported by the European Commission": an indefinite
    // noun phrase in apposition after a comma names what goes before it, which the
    // participle is about (one entity: "the CHIPS Act, a law signed by President Biden").
    if (c >= 0 && out_->chunks[c].members.empty() && !parenthesis &&
        (Is(out_->chunks[c].begin, "a") || Is(out_->chunks[c].begin, "an")) &&
        out_->chunks[c].begin >= 2 && IsPunct(out_->chunks[c].begin - 1, ',')) {
      const uint32_t comma = out_->chunks[c].begin - 1;
      const int named = ChunkEndingAt(comma);
      // Not the last item of a list without its conjunction ("Japan, Korea, a partner").
      auto listed = [&](uint32_t b) { return b > 0 && IsPunct(b - 1, ','); };
      // Not a place: "launched the Guidelines in Buenos Aires, an initiative led by" names
      // what goes before the place.
      const auto place = [&](int ch) {
        const Mention& m = s_.mentions[out_->chunks[ch].members[0]];
        return m.entity == nullptr || m.entity->entity.type == EntityType::kPlace;
      };
      if (named >= 0 && out_->chunks[named].members.size() == 1 &&
          !listed(out_->chunks[named].begin) && !place(named)) {
        c = named;
      } else if (named < 0 && IsNounWord(comma - 1)) {
        const int noun = NounChunkEndingAt(comma);
        if (!listed(out_->chunks[noun].begin) && Has(out_->chunks[noun].begin, kClassDeterminer) &&
            !Is(out_->chunks[noun].begin, "a") && !Is(out_->chunks[noun].begin, "an")) {
          c = noun;
        }
      }
    }
    if (c >= 0) {
      g.subject = c;
      g.subject_via = "reduced relative";
      for (GroupVerb& v : g.verbs) v.passive = true;
    }
  }
  // A participle clause takes the subject of its sentence: the last finite verb's before
  // it, else the next one's ("After meeting Abe, Putin said").
  if (g.subject < 0 && ParticipleClause(g)) {
    if (const int h = TopicOfTalk(gi); h >= 0) {
      // "discussed the challenges, including climate change, ending the pandemic and ...":
      // what is talked about is nobody's act.
      g.subject_via = "a topic of '" + std::string(UnitText(out_->groups[h].verbs[0].unit)) + "'";
    } else if (gi > 0 && CreditedGerundAt(g.begin, out_->groups[gi - 1])) {
      // "thanked His Majesty, King Abdullah II, for convening": who is credited does it.
      // Nobody named when no entity is credited: not the subject of the verb that credits.
      g.subject = CreditedChunk(gi);
      g.subject_via =
          "credited by '" + std::string(UnitText(out_->groups[gi - 1].verbs[0].unit)) + "'";
    } else {
      ShareSubject(gi);
      if (g.subject >= 0) g.subject_via = "participle clause";
      // "Japan looks forward to welcoming President Biden": what is looked forward to is
      // planned.
      if (LooksForwardTo(g.begin)) MakePlanned(&g);
    }
  }
  const bool passive = !g.verbs.empty() && g.verbs.back().passive;
  uint32_t v = g.end;
  while (IsAdverb(v)) ++v;
  g.complement = v;
  g.clause_begin = g.subject >= 0 ? std::min(out_->chunks[g.subject].begin, g.begin) : g.begin;
  // "made clear that": an adjective that completes the verb before its that-clause is no
  // object, and the that-clause is the verb's.
  const bool adjective_that =
      !passive && !g.infinitive && Is(v + 1, "that") && (Is(v, "clear") || Is(v, "plain"));
  if (adjective_that) ++v;
  // "signed into law, as you mentioned, $60 billion in funding": the object after "into law"
  // and after a comma-enclosed "as" clause of at most five words.
  if (!passive && !adjective_that) {
    if (Is(v, "into") && Is(v + 1, "law")) v += 2;
    if (IsPunct(v, ',') && Is(v + 1, "as")) {
      uint32_t k = v + 2;
      while (k < n_ && k < v + 7 && !IsPunct(k, ',') && !IsHardStop(k)) ++k;
      if (IsPunct(k, ',') &&
          (StartsEntity(k + 1) || IsCurrency(k + 1) || StartsNounPhrase(k + 1))) {
        v = k + 1;
      }
    }
  }
  // "will provide up to $20,000 in debt relief": "up to" before an amount bounds the amount;
  // it opens no phrase.
  if (Is(v, "up") && Is(v + 1, "to") && (IsCurrency(v + 2) || IsDigits(v + 2))) v += 2;
  if (!passive && !adjective_that) {
    const int object = ObjectAt(v);
    if (object >= 0) {
      g.object = object;
      v = out_->chunks[object].end;
      // "offered Russia a package": a second noun phrase with a determiner, a number or an
      // amount.
      if (!out_->chunks[object].members.empty() && !out_->chunks[object].possessive &&
          (Has(v, kClassDeterminer | kClassNumber) || IsCurrency(v) || IsDigits(v))) {
        const int second = ObjectAt(v);
        if (second >= 0 && out_->chunks[second].members.empty()) {
          g.second_object = second;
          v = out_->chunks[second].end;
        }
      }
    }
  }
  // "signed the ABM Treaty and interim SALT agreement on May 26, 1972, in Moscow": a noun
  // phrase coordinated with the object (of another kind, so no list chunk) is part of it; the
  // phrases after it are still the verb's.
  if (g.object >= 0 && v + 1 < n_ && (Is(v, "and") || Is(v, "or")) && !info_[v + 1].verb &&
      (Has(v + 1, kClassDeterminer | kClassModifier | kClassNumber) || IsEntity(v + 1) ||
       info_[v + 1].kind == Kind::kDemonym || IsNounWord(v + 1))) {
    const int more = ChunkAt(v + 1);
    uint32_t after = more >= 0 ? out_->chunks[more].end : v;
    bool verb_between = false;
    for (uint32_t k = v + 1; k < after && k < n_; ++k) verb_between = verb_between || info_[k].verb;
    if (more >= 0 && !verb_between && (after >= n_ || !info_[after].verb) &&
        (after >= n_ || Has(after, kClassPreposition) || IsPunct(after, ',') ||
         info_[after].kind == Kind::kDate || IsHardStop(after))) {
      v = after;
    }
  }
  // Prepositional phrases, that-clauses, infinitives and quotations that follow.
  while (v < n_) {
    if (IsAdverb(v)) {
      ++v;
      continue;
    }
    if (info_[v].kind == Kind::kDate) {
      ++v;
      // The rest of a date range: "from May 10-11", "June 23-25".
      while (IsDigits(v) || (IsPunct(v, '-') && IsDigits(v + 1))) ++v;
      continue;
    }
    if (const uint32_t t = TimeAdverbialAt(v)) {
      v += t;
      continue;
    }

    if (info_[v].kind == Kind::kQuote) {
      if (g.quote == kNoUnit) g.quote = v;
      ++v;
      continue;
    }
    // "released the "Potsdam Declaration"": a quoted name after an article.
    if (Has(v, kClassDeterminer) && v + 1 < n_ && info_[v + 1].kind == Kind::kQuote) {
      if (g.quote == kNoUnit) g.quote = v + 1;
      v += 2;
      continue;
    }
    if (IsPunct(v, ',') && v + 1 < n_ &&
        (Has(v + 1, kClassPreposition) || info_[v + 1].kind == Kind::kDate)) {
      ++v;
      continue;
    }
    // "discussed global priorities, particularly in view of Mexico's presidency": an adverb
    // that narrows the clause before its prepositional phrase ("as" opens a clause).
    if (IsPunct(v, ',') && IsAdverb(v + 1) && Has(v + 2, kClassPreposition) && !Is(v + 2, "as")) {
      v += 2;
      continue;
    }
    // "held in Aqaba, Jordan, between A and B": the country of the last phrase's place, set
    // off by commas before another prepositional phrase.
    if (IsPunct(v, ',') && !g.preps.empty() && g.preps.back().chunk >= 0 &&
        out_->chunks[g.preps.back().chunk].end == v && v + 1 < n_ &&
        (info_[v + 1].kind == Kind::kPlace || info_[v + 1].kind == Kind::kActor) && v + 3 < n_ &&
        IsPunct(v + 2, ',') && Has(v + 3, kClassPreposition)) {
      v += 3;
      continue;
    }
    // A to-infinitive right after the verb or its object is the verb's complement ("agreed
    // to cooperate", "urged Xi to act"); after a prepositional phrase it belongs to that
    // phrase ("agreed on the need for cooperation to address COVID-19") unless that phrase
    // names an entity ("called on Moscow to withdraw").
    // A negated one keeps its "not" in the complement: "agreed not to discriminate".
    const bool negated_to = Has(v, kClassNegation) && !info_[v].negative && Is(v + 1, "to");
    if (Is(v, "to") || negated_to) {
      const uint32_t to = negated_to ? v + 1 : v;
      uint32_t k = to + 1;
      while (IsAdverb(k)) ++k;
      // After "not to" any open-class word is a verb, listed or not ("not to discriminate").
      const bool verb = k < n_ && info_[k].kind == Kind::kWord &&
                        ((info_[k].forms & kFormBase) != 0 ||
                         (negated_to && !info_[k].cap && info_[k].classes == 0));
      if (verb && !StartsEntity(k)) {
        // A phrase of time ("met with Thieu on June 8 to announce") belongs to no noun.
        const bool after_noun =
            std::any_of(g.preps.begin(), g.preps.end(), [&](const PrepPhrase& pp) {
              if (DatePhrase(pp)) return false;
              return pp.chunk < 0 || out_->chunks[pp.chunk].members.empty();
            });
        if (!after_noun) g.to_clause = negated_to ? v : v + 1;
        break;
      }
    }
    // "collaborating, including with other partners": examples, not the verb's roles.
    if (Is(v, "including")) break;
    if (Has(v, kClassPreposition | kClassTo)) {
      PrepPhrase pp;
      pp.prep = v;
      // "spoke with: A; B; and C": the list after a colon is the phrase's object.
      pp.chunk = ChunkAt(IsPunct(v + 1, ':') ? v + 2 : v + 1);
      if (pp.chunk >= 0) out_->chunks[pp.chunk].in_pp = true;
      g.preps.push_back(pp);
      if (passive && Is(v, "by") && pp.chunk >= 0 && g.agent < 0) g.agent = pp.chunk;
      // "a treaty concluded between Israel and Egypt": the parties are the agents.
      if (passive && Is(v, "between") && pp.chunk >= 0 && g.agent < 0 &&
          out_->chunks[pp.chunk].members.size() > 1) {
        g.agent = pp.chunk;
      }
      // "between senior officials of Israel, the PA and Egypt", "by representatives of Japan":
      // the agents are the entities the of-phrase names.
      if (passive && Is(v, "of") && pp.chunk >= 0 && g.preps.size() >= 2) {
        const PrepPhrase& before = g.preps[g.preps.size() - 2];
        const bool between = Is(before.prep, "between");
        const size_t need = between ? 2 : 1;
        if ((between || Is(before.prep, "by")) && before.chunk >= 0 &&
            (g.agent < 0 || g.agent == before.chunk) && out_->chunks[before.chunk].end == v &&
            NamesOnlyGroups(out_->chunks[before.chunk]) &&
            out_->chunks[pp.chunk].members.size() >= need) {
          g.agent = pp.chunk;
        }
      }
      v = pp.chunk >= 0 ? out_->chunks[pp.chunk].end : v + 1;
      // "returned to Mexico two vases", "sent to Congress his budget": a direct object after the
      // to-phrase of a verb that has none before it; not a time ("presented to the White House
      // the next day") nor the subject of a clause ("explained to Japan the US would"). So
      // after a phrase of one bare noun ("called into question the legitimacy", "took into
      // account the views", "cordoned off for construction the roads"); not a gerund or a
      // verb after "to", which take their own object ("toward ending the pandemic", "to
      // tackle the crisis": "tackle" may be a verb the lexicon does not list), nor a number or
      // a quantity before "a" ("alongside 10 other countries", "over half a billion doses").
      const auto bare_noun = [&](const Chunk& c) {
        return c.members.empty() && c.begin == pp.prep + 1 && c.end == c.begin + 1 &&
               !info_[c.begin].cap && info_[c.begin].classes == 0 &&
               (info_[c.begin].forms & kFormIng) == 0 && !IsDigits(c.begin) && !Is(pp.prep, "to") &&
               IsNounWord(c.begin);
      };
      if (!passive && g.object < 0 && pp.chunk >= 0 &&
          ((Is(pp.prep, "to") && !out_->chunks[pp.chunk].members.empty()) ||
           (bare_noun(out_->chunks[pp.chunk]) && !Is(v, "a") && !Is(v, "an"))) &&
          v < n_ &&
          (Has(v, kClassDeterminer | kClassPossessive | kClassNumber) || IsDigits(v) ||
           IsCurrency(v)) &&
          !Has(v, kClassCalendar | kClassTime) && !Has(v + 1, kClassCalendar | kClassTime)) {
        const int c = ObjectAt(v);
        if (c >= 0 && out_->chunks[c].members.empty()) {
          const uint32_t end = out_->chunks[c].end;
          bool time = false;
          for (uint32_t k = v; k < end; ++k) time = time || Has(k, kClassTime | kClassCalendar);
          if (!time && (end >= n_ || !(info_[end].verb ||
                                       Has(end, kClassBe | kClassHave | kClassModal | kClassDo)))) {
            g.object = c;
            v = end;
          }
        }
      }
      continue;
    }
    // A complement clause right after the verb or its entity object ("told Abe that"); after
    // a noun ("issue a template that principals can use") "that" is a relative pronoun, except
    // after a noun that takes a content clause ("expressed hopes that Osgiliath could").
    if (Is(v, "that")) {
      if (ThatTime(v)) break;
      if (g.object < 0 || !out_->chunks[g.object].members.empty() ||
          ContentNoun(out_->chunks[g.object].head)) {
        g.that_clause = v + 1;
        const int c = ChunkAt(v + 1);
        if (c >= 0 && !out_->chunks[c].members.empty()) g.that_subject = c;
      }
      break;
    }
    break;
  }
  g.clause_end = v;
  // "We are committed to upholding", "Japan remains opposed to the plan": a participle that
  // names a state of its subject, without a by-agent, is read in the active voice (its subject
  // is who is committed); a by-agent keeps the passive ("was opposed by the Senate").
  if (passive && g.agent < 0 && Stative(g.verbs.back().unit) &&
      (Is(g.complement, "to") || Is(g.complement, "in")) && g.subject_via != "reduced relative") {
    for (GroupVerb& verb : g.verbs) verb.passive = false;
  }
  // "We are deeply concerned by the violence", "Japan remains alarmed about the launches": a
  // participle of feeling after "be" or "remain" names how its subject feels, in the active
  // voice; its by-phrase is the cause, no agent. Not a reduced relative ("the people
  // concerned by the decision").
  if (passive && g.verbs.size() == 1 && Experiencer(g.verbs.back().unit) &&
      g.subject_via != "reduced relative") {
    for (GroupVerb& verb : g.verbs) verb.passive = false;
    g.agent = -1;
  }
  // An object relative clause: "the treaty that Japan signed", "the islands, which Russia has
  // controlled": the antecedent is the object.
  // A to-infinitive with an object of its own leaves the antecedent to the verb ("the actions
  // that Harris announced in May to support small suppliers"); without one it is the
  // infinitive's ("the treaty that Japan agreed to sign").
  auto infinitive_takes_object = [&](uint32_t u) {
    while (u < n_ && (IsAdverb(u) || Has(u, kClassNegation))) ++u;
    return u + 1 < n_ && StartsNounPhrase(u + 1);
  };
  if (g.object < 0 && !passive && !g.infinitive && g.subject >= 0 && g.that_clause == kNoUnit &&
      (g.to_clause == kNoUnit || infinitive_takes_object(g.to_clause))) {
    const int c = RelativeAntecedent(gi);
    if (c >= 0) {
      g.object = c;
      g.object_relative = true;
    }
  }
}

int ClauseReader::RelativeAntecedent(size_t gi, bool object_after_comma) {
  const VerbGroup& g = out_->groups[gi];
  if (g.subject < 0) return -1;
  const uint32_t sb = out_->chunks[g.subject].begin;
  if (sb == 0 || !(Is(sb - 1, "that") || Is(sb - 1, "which") || Is(sb - 1, "whom"))) return -1;
  // A "that" that opens the complement clause of an earlier verb that takes one is no relative
  // pronoun ("announcing on November 9 that he would go", "indicated to Christopher that Israel
  // would withdraw"); after a verb that takes none it is ("builds on the standards that EPA
  // released").
  for (size_t h = 0; h < gi; ++h) {
    if (out_->groups[h].that_clause == sb && TakesClause(out_->groups[h], /*bare=*/false)) {
      return -1;
    }
  }
  uint32_t e = sb - 1;
  const bool comma = e > 0 && IsPunct(e - 1, ',');
  if (comma) --e;
  // After a comma only an entity is a safe antecedent ("equity, which historians have
  // described" is about the actions before it), unless the caller allows the direct object of
  // an earlier verb.
  int c = ChunkEndingAt(e);
  if (c >= 0 && out_->chunks[c].in_pp) c = -1;
  if (c < 0 && !comma && e > 0 && IsNounWord(e - 1)) c = NounChunkEndingAt(e);
  if (c < 0 && comma && object_after_comma) {
    for (size_t h = gi; h-- > 0;) {
      const int o = out_->groups[h].object;
      if (o >= 0 && out_->chunks[o].end == e) return o;
    }
  }
  return c;
}

bool ClauseReader::NamesOnlyGroups(const Chunk& c) const {
  return std::all_of(c.members.begin(), c.members.end(), [this](uint32_t m) {
    return s_.mentions[m].entity != nullptr &&
           s_.mentions[m].entity->entity.type == EntityType::kGroup;
  });
}

bool ClauseReader::TakesClause(const VerbGroup& g, bool bare) const {
  return !g.verbs.empty() && VerbTakesClause(g.verbs.back().unit, bare);
}

bool ClauseReader::VerbTakesClause(uint32_t u, bool bare) const {
  if (info_[u].lex == nullptr) return false;
  for (const VerbSense& sense : info_[u].lex->senses) {
    if (bare ? lex_.BareComplementClause(sense.verb)
             : lex_.ComplementClause(sense.verb).has_value()) {
      return true;
    }
  }
  return false;
}

int ClauseReader::AddPronounChunk(uint32_t begin, uint32_t last) {
  Chunk pronoun;
  pronoun.begin = begin;
  pronoun.end = last + 1;
  pronoun.head = last;
  pronoun.pronoun = true;
  return AddChunk(std::move(pronoun));
}

int ClauseReader::ObjectAt(uint32_t v) {
  if (v >= n_) return -1;
  if (Has(v, kClassPreposition | kClassTo | kClassConjunction | kClassSubordinator |
                 kClassRelative | kClassThat | kClassBe | kClassHave | kClassModal)) {
    return -1;
  }
  if ((info_[v].kind == Kind::kPunct && !IsCurrency(v)) || info_[v].kind == Kind::kQuote ||
      info_[v].kind == Kind::kDate) {
    return -1;
  }
  // An object pronoun ("thank you", "met them"): a chunk of its own, so that what follows it
  // is read, and resolved as a subject pronoun is.
  if (Has(v, kClassPronoun) &&
      (Is(v, "you") || Is(v, "him") || Is(v, "her") || Is(v, "them") || Is(v, "us") ||
       Is(v, "me")) &&
      !(v + 1 < n_ && info_[v + 1].kind == Kind::kWord && IsNounWord(v + 1))) {
    return AddPronounChunk(v, v);
  }
  // A demonstrative standing alone for what came before ("offered those directly to the
  // Russians", "discussed these with Japan"): a chunk of its own that names no entity.
  if ((Is(v, "those") || Is(v, "these")) && v + 1 < n_ &&
      (info_[v + 1].kind != Kind::kWord ||
       Has(v + 1, kClassPreposition | kClassTo | kClassAdverb | kClassConjunction))) {
    return AddPronounChunk(v, v);
  }
  return ChunkAt(v);
}

void ClauseReader::ShareWithFollowingClause() {
  for (size_t g = 0; g < out_->groups.size(); ++g) {
    VerbGroup& p = out_->groups[g];
    if (p.subject >= 0 || p.infinitive || !ParticipleClause(p) ||
        (g > 0 && CreditedGerundAt(p.begin, out_->groups[g - 1]))) {
      continue;
    }
    for (size_t h = g + 1; h < out_->groups.size(); ++h) {
      const VerbGroup& next = out_->groups[h];
      if (next.infinitive) continue;
      // "By signing X and implementing Y, President Biden has": the list's members alike.
      if (next.subject < 0 && ParticipleClause(next)) {
        continue;
      }
      if (next.subject >= 0 && next.subject_via == "before the verb") {
        p.subject = next.subject;
        p.subject_via = "participle clause";
      }
      break;
    }
  }
}

void ClauseReader::MeansModality() {
  for (size_t gi = 0; gi < out_->groups.size(); ++gi) {
    VerbGroup& g = out_->groups[gi];
    if (g.infinitive || g.nominal || g.subject < 0 || g.begin == 0 || !ParticipleClause(g)) {
      continue;
    }
    const int h = SharedSubject(gi);
    if (h < 0) continue;
    const VerbGroup& by = out_->groups[h];
    const uint32_t q = BeforeAdverbs(g.begin - 1);
    const bool listed = (Is(q, "and") || Is(q, "or") || IsPunct(q, ',')) && ParticipleClause(by);
    if (!Is(g.begin - 1, "by") && !listed) continue;
    for (GroupVerb& v : g.verbs) v.modality = Stronger(v.modality, by.verbs.back().modality);
  }
}

void ClauseReader::MarkConditional() {
  // Most sentences hold neither word (Classify tells).
  if (!conditional_word_) return;
  for (uint32_t u = 0; u < n_; ++u) {
    if (!(Is(u, "if") || Is(u, "unless"))) continue;
    // The clause ends at a comma, but not at one inside a coordinated chunk ("if you expect
    // Cuba, Nicaragua, and Venezuela to participate").
    uint32_t e = u + 1;
    while (e < n_ && !IsHardStop(e)) {
      if (IsPunct(e, ',')) {
        const int c = out_->chunk_of[e];
        if (c < 0 || out_->chunks[c].begin >= e || out_->chunks[c].end <= e + 1) break;
      }
      ++e;
    }
    for (VerbGroup& g : out_->groups) {
      if (g.begin > u && g.begin < e) g.conditional = true;
    }
  }
}

}  // namespace parley::internal::clause_reader
