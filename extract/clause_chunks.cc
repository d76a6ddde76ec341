// Entity phrases, coordination and noun-phrase chunks (clause_reader.h).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>

#include "extract/clause_reader.h"
#include "extract/rule_compiled.h"

namespace parley::internal::clause_reader {

bool ClauseReader::TitleWord(const Info& i) {
  if (i.kind != Kind::kWord || !i.cap) return false;
  if ((i.classes & ~kClassModifier) != 0) return false;
  // A month the date finder did not make a date ("In December Japan suspended talks", in a
  // document without a date) is no title of the name after it.
  static constexpr std::string_view kMonths[] = {"january",   "february", "march",    "april",
                                                 "may",       "june",     "july",     "august",
                                                 "september", "october",  "november", "december"};
  if (std::find(std::begin(kMonths), std::end(kMonths), i.lower) != std::end(kMonths)) {
    return false;
  }
  return (i.forms & (kFormThird | kFormEd)) == 0;
}

uint32_t ClauseReader::LowerOfficeRun(uint32_t u) const {
  uint32_t k = u;
  while (k < n_ && k - u < 3 && info_[k].kind == Kind::kWord && !info_[k].cap &&
         info_[k].classes == 0 && info_[k].forms == 0 && !info_[k].ly) {
    ++k;
  }
  if (k == u || k >= n_) return 0;
  const bool person = info_[k].kind == Kind::kActor &&
                      s_.mentions[info_[k].mention].entity->entity.type == EntityType::kPerson;
  return person || IsTitleWord(k) ? k - u : 0;
}

uint32_t ClauseReader::PossessiveAt(uint32_t u) const {
  if (u < n_ && IsPunct(u, '\'')) {
    if (u + 1 < n_ && Is(u + 1, "s")) return 2;
    return 1;
  }
  return 0;
}

void ClauseReader::FindPhrases() {
  uint32_t u = 0;
  while (u < n_) {
    if (!info_[u].phrase_start) {
      ++u;
      continue;
    }
    uint32_t j = u;
    uint32_t last_head = kNoUnit;
    while (j < n_) {
      if (j == u && (Is(j, "the") || Is(j, "both") || Has(j, kClassPossessive))) {
        ++j;
        // Words the lexicon does not know between "the" and a name are its adjectives: "the
        // evil awful Gondor" (at most three, each neither a verb form nor an adverb).
        uint32_t k = j;
        while (k < n_ && k - j < 3 && UnknownWord(k)) ++k;
        if (k > j && k < n_ && IsEntity(k)) j = k;
        continue;
      }
      // The full stop of an abbreviated title or an initial: "Mr. Sullivan", "Dr. Gordon",
      // "Joseph R. Biden".
      if (j > u && IsPunct(j, '.') && info_[j - 1].kind == Kind::kWord && info_[j - 1].cap &&
          Lower(j - 1).size() <= 3 && j + 1 < n_ &&
          (IsTitleWord(j + 1) || info_[j + 1].kind == Kind::kActor)) {
        ++j;
        continue;
      }
      if (IsEntity(j)) {
        last_head = j;
        ++j;
        continue;
      }
      if (info_[j].kind == Kind::kDemonym || IsTitleWord(j) ||
          (info_[j].kind == Kind::kWord && (info_[j].classes & kClassModifier))) {
        ++j;
        continue;
      }
      // A lower-case office between a nationality and a name: "Soviet leader Joseph
      // Stalin", "Chinese premier Li Keqiang".
      if (j > u && (info_[j - 1].kind == Kind::kDemonym || IsEntity(j - 1)) &&
          LowerOfficeRun(j) > 0) {
        j += LowerOfficeRun(j);
        continue;
      }
      // "Japan's Prime Minister Fumio Kishida": a possessive inside a name phrase, when a
      // title or a name follows it.
      if (j > u && IsEntity(j - 1)) {
        const uint32_t p = PossessiveAt(j);
        if (p > 0 && j + p < n_ && (IsTitleWord(j + p) || info_[j + p].kind == Kind::kActor)) {
          j += p;
          continue;
        }
      }
      // An acronym in parentheses inside a name phrase: "Palestine Liberation Organization
      // (PLO) Negotiator Mahmoud Abbas".
      if (j > u && IsPunct(j, '(') && j + 3 < n_ && IsPunct(j + 2, ')') &&
          (IsEntity(j + 1) || info_[j + 1].cap) &&
          (IsTitleWord(j + 3) || info_[j + 3].kind == Kind::kActor)) {
        j += 3;
        continue;
      }
      // Titles with "of" or "and" inside: "Secretary of State Dean Acheson", "Minister of
      // Foreign Affairs", "Foreign Minister and Alternate Prime Minister Yair Lapid".
      if (j > u && IsTitleWord(j - 1) &&
          (Is(j, "of") || Is(j, "and") || Is(j, "to") || Is(j, "for"))) {
        uint32_t k = j + 1;
        if (Is(k, "the")) ++k;
        if (k < n_ &&
            (IsTitleWord(k) || (Is(j, "of") && IsEntity(k) && k + 1 < n_ &&
                                (IsTitleWord(k + 1) || info_[k + 1].kind == Kind::kActor)))) {
          j = k;
          continue;
        }
      }
      break;
    }
    if (last_head == kNoUnit) {
      u = std::max(j, u + 1);
      continue;
    }
    Phrase phrase;
    phrase.begin = u;
    phrase.head = last_head;
    phrase.end = last_head + 1;
    // "President Xi of China": of STATE after a person belongs to the person.
    if (s_.mentions[info_[last_head].mention].entity->entity.type == EntityType::kPerson &&
        Is(phrase.end, "of")) {
      uint32_t k = phrase.end + 1;
      if (Is(k, "the")) ++k;
      if (k < n_ && info_[k].kind == Kind::kActor && PossessiveAt(k + 1) == 0) {
        const EntityType t = s_.mentions[info_[k].mention].entity->entity.type;
        if (t == EntityType::kState || t == EntityType::kOrganization) phrase.end = k + 1;
      }
    }
    // "the GCC member states", "the Gulf Cooperation Council (GCC) member countries": an
    // organization's member states stand for it.
    if (s_.mentions[info_[last_head].mention].entity->entity.type == EntityType::kOrganization) {
      uint32_t k = phrase.end;
      if (IsPunct(k, '(') && k + 2 < n_ && IsPunct(k + 2, ')') && IsEntity(k + 1) &&
          s_.mentions[info_[k + 1].mention].entity ==
              s_.mentions[info_[last_head].mention].entity) {
        k += 3;
      }
      if (Is(k, "member") &&
          (Is(k + 1, "states") || Is(k + 1, "countries") || Is(k + 1, "nations"))) {
        phrase.end = k + 2;
      }
    }
    phrase.possessive = PossessiveAt(phrase.end) > 0;
    phrases_.push_back(phrase);
    u = phrase.end;
  }
}

bool ClauseReader::UnknownWord(uint32_t u) const {
  if (u >= n_) return false;
  const Info& i = info_[u];
  return i.kind == Kind::kWord && !i.cap && i.classes == 0 && i.forms == 0 && !i.ly;
}

int ClauseReader::PhraseAt(uint32_t u) const {
  for (size_t p = next_phrase_hint_; p < phrases_.size(); ++p) {
    if (phrases_[p].begin == u) return static_cast<int>(p);
    if (phrases_[p].begin > u) break;
  }
  return -1;
}

bool ClauseReader::CommaJoins(const Phrase& a, const Phrase& b, bool a_first) const {
  const Kind ka = info_[a.head].kind, kb = info_[b.head].kind;
  if (ka != kb) return false;
  if (ka == Kind::kActor) {
    const bool pa = s_.mentions[info_[a.head].mention].entity->entity.type == EntityType::kPerson;
    const bool pb = s_.mentions[info_[b.head].mention].entity->entity.type == EntityType::kPerson;
    if (pa != pb) return false;
  }
  // ("..., including A, B, and C" is a list of examples.)
  if (a_first && a.begin > 0 && Has(a.begin - 1, kClassPreposition | kClassTo) &&
      !Is(a.begin - 1, "including") && ClauseStartBefore(a.begin - 1)) {
    return false;
  }
  return true;
}

void ClauseReader::FindCoordination() {
  out_->chunk_of.assign(n_, -1);
  // Each phrase's list, in vectors that keep their allocation from phrase to phrase and
  // sentence to sentence (ClauseScratch::Tables::Lists).
  std::vector<size_t>& members = lists_.members;
  std::vector<std::pair<uint32_t, uint32_t>>& asides = lists_.asides;
  std::vector<uint8_t>& by_conjunction = lists_.by_conjunction;
  std::vector<uint8_t>& closes = lists_.closes;
  size_t p = 0;
  while (p < phrases_.size()) {
    next_phrase_hint_ = p;
    members.clear();
    members.push_back(p);
    asides.clear();
    by_conjunction.clear();
    by_conjunction.push_back(1);
    closes.clear();
    closes.push_back(1);
    uint8_t common = ClassOf(phrases_[p]);
    // A list after a colon may be separated by semicolons: "spoke with: A of X; B of Y; and
    // C of Z".
    const bool colon_list = phrases_[p].begin > 0 && IsPunct(phrases_[p].begin - 1, ':');
    bool comma_and = false;  // the first two members are joined by ", and"
    size_t q = p;
    while (!phrases_[q].possessive) {
      uint32_t u = phrases_[q].end;
      // "Winston Churchill (replaced on July 26 by Clement Attlee), and Harry Truman": the
      // aside belongs to no member.
      if (IsPunct(u, '(')) {
        uint32_t k = u + 1;
        while (k < n_ && k - u < 30 && !IsPunct(k, ')') && !IsPunct(k, '(')) ++k;
        if (!IsPunct(k, ')')) break;
        asides.emplace_back(u, k + 1);
        u = k + 1;
      }
      bool conj = false, closing = true;
      if (IsPunct(u, ',') || (colon_list && IsPunct(u, ';'))) {
        ++u;
        if (Is(u, "and")) {
          ++u;
          conj = true;
          if (members.size() == 1) comma_and = true;
        }
      } else if (Is(u, "and") || Is(u, "nor")) {  // "neither A nor B" (FindRoles negates it)
        ++u;
        conj = true;
      } else if (Is(u, "as") && Is(u + 1, "well") && Is(u + 2, "as")) {
        u += 3;
        conj = true;
      } else if ((Is(u, "together") || Is(u, "along")) && Is(u + 1, "with")) {
        u += 2;
        conj = true;
        closing = false;
      } else {
        break;
      }
      next_phrase_hint_ = q + 1;
      int next = PhraseAt(u);
      // A word the lexicon does not know before a state or organization member is its
      // adjective, as after "the": "Evil Mordor, the awful Fornost, and good Gondor". Not a
      // form that may be a verb or a plural the lexicon does not list ("and included Minister
      // X", "and members include").
      // "President Joe Biden and First Lady Jill Biden": "First" of a title.
      if (next < 0 && Is(u, "first") && info_[u].cap && u + 1 < n_ && IsTitleWord(u + 1)) {
        next = PhraseAt(u + 1);
      }
      if (next < 0 && UnknownWord(u) && !Lower(u).ends_with("ed") && !Lower(u).ends_with("ing") &&
          !Lower(u).ends_with("s")) {
        next = PhraseAt(u + 1);
        if (next >= 0 && s_.mentions[info_[phrases_[next].head].mention].entity->entity.type ==
                             EntityType::kPerson) {
          next = -1;
        }
      }
      if (next < 0) break;
      const uint8_t cls = common & ClassOf(phrases_[next]);
      if (cls == 0) break;
      if (!conj && !CommaJoins(phrases_[q], phrases_[next], members.size() == 1)) break;
      common = cls;
      q = static_cast<size_t>(next);
      members.push_back(q);
      by_conjunction.push_back(conj);
      closes.push_back(closing);
    }
    // A list joined by commas must end with a conjunction: "A, B and C". Without one, the
    // commas separate other things ("In Moscow, Putin met Abe").
    // "Senator Booker, Representative Bass, and I": the speaker closes the list.
    uint32_t list_end = phrases_[members.back()].end;
    if (!phrases_[members.back()].possessive) {
      uint32_t k = list_end;
      if (IsPunct(k, ',')) ++k;
      if (Is(k, "and") && (Is(k + 1, "i") || Is(k + 1, "we"))) {
        list_end = k + 2;
        by_conjunction.back() = true;
      }
    }
    size_t keep = members.size();
    while (keep > 1 && !by_conjunction[keep - 1]) --keep;
    // "together with" does not close a list joined by commas: in "if Russia undertakes a
    // further invasion of Ukraine, the United States together with our Allies will respond" the
    // comma ends the if-clause. The members after the last comma-joined one must include an
    // "and" for the commas to be a list.
    for (size_t k = keep; k-- > 1;) {
      if (by_conjunction[k]) continue;
      bool closed = false;
      for (size_t j = k + 1; j < keep; ++j) closed = closed || closes[j];
      if (!closed) keep = k;
      break;
    }
    if (keep < members.size()) list_end = phrases_[members[keep - 1]].end;
    // "As a step towards the goals of the Task Force, the Commission and the US welcome": a
    // comma after the first member closes an introductory phrase when a verb follows the
    // list ("With Japan, Korea and Australia, the US" keeps its list).
    // So does one that ends a long adverbial opening the sentence ("As a result of ..., and
    // Israeli agreement to make gestures to the Palestinians, the U.S. and Israel agreed").
    const uint32_t first_begin = phrases_[members[0]].begin;
    // Not a list that "of" or "from" makes the members of a noun phrase: "the leaders of A, B,
    // and C committed", "officials from A, B, and C convened".
    const bool closes_adverbial =
        first_begin > 0 && Has(first_begin - 1, kClassPreposition | kClassTo) &&
        !Is(first_begin - 1, "of") && !Is(first_begin - 1, "from") &&
        !Is(first_begin - 1, "between") && !Is(first_begin - 1, "among") &&
        Has(0, kClassPreposition | kClassSubordinator) && list_end < n_ &&
        (info_[list_end].forms & (kFormEd | kFormThird | kFormBase)) != 0;
    if (keep > 2 && !by_conjunction[1] && (InIntroductoryPhrase(first_begin) || closes_adverbial) &&
        list_end < n_ && info_[list_end].kind == Kind::kWord && info_[list_end].forms != 0 &&
        info_[list_end].classes == 0) {
      keep = 1;
      list_end = phrases_[members[0]].end;
    }
    // "the representative of the Palestinians, and the PLO renounced terrorism": ", and"
    // between two members before a verb joins two clauses, not a list, unless a comma before
    // the first member says the list began with words that name no entity ("DOE, DOD, and
    // the Department of State signed").
    if (keep == 2 && comma_and && !(first_begin > 0 && IsPunct(first_begin - 1, ',')) &&
        list_end < n_ && info_[list_end].kind == Kind::kWord && info_[list_end].forms != 0 &&
        info_[list_end].classes == 0) {
      keep = 1;
      list_end = phrases_[members[0]].end;
    }
    // "A, B" before the conjunction joined by commas are kept only when a conjunction
    // follows them.
    Chunk chunk;
    chunk.begin = phrases_[members[0]].begin;
    chunk.end = list_end;
    for (size_t k = 0; k < keep; ++k) {
      chunk.members.push_back(static_cast<uint32_t>(info_[phrases_[members[k]].head].mention));
    }
    chunk.possessive = phrases_[members[keep - 1]].possessive;
    chunk.in_pp = chunk.begin > 0 && (Has(chunk.begin - 1, kClassPreposition | kClassTo));
    const int index = static_cast<int>(out_->chunks.size());
    for (uint32_t u = chunk.begin; u < chunk.end; ++u) {
      const bool aside = std::any_of(asides.begin(), asides.end(),
                                     [&](const auto& a) { return u >= a.first && u < a.second; });
      if (!aside) out_->chunk_of[u] = index;
    }
    out_->chunks.push_back(std::move(chunk));
    // A phrase inside an aside of the list is a chunk of its own: "by Prime Minister Clement
    // Attlee" in "Winston Churchill (replaced on July 26 by Prime Minister Clement Attlee), and
    // Harry Truman" names the agent of the aside's participle. The member the aside follows is
    // one too, outside chunk_of (its units are the list's): the aside is about it alone
    // (MemberBeforeAside).
    for (size_t k = members[0]; k < members[keep - 1]; ++k) {
      const Phrase& inner = phrases_[k];
      const bool before_aside = std::any_of(asides.begin(), asides.end(),
                                            [&](const auto& a) { return inner.end == a.first; });
      const bool aside = std::any_of(asides.begin(), asides.end(), [&](const auto& a) {
        return inner.begin >= a.first && inner.end <= a.second;
      });
      if (!aside && !before_aside) continue;
      if (!aside &&
          std::find(members.begin(), members.begin() + keep, k) == members.begin() + keep) {
        continue;
      }
      Chunk own;
      own.begin = inner.begin;
      own.end = inner.end;
      own.members.push_back(static_cast<uint32_t>(info_[inner.head].mention));
      own.possessive = inner.possessive;
      own.in_pp = own.begin > 0 && Has(own.begin - 1, kClassPreposition | kClassTo);
      for (uint32_t u = own.begin; aside && u < own.end; ++u) {
        out_->chunk_of[u] = static_cast<int>(out_->chunks.size());
      }
      out_->chunks.push_back(std::move(own));
    }
    p = members[keep - 1] + 1;
  }
  next_phrase_hint_ = 0;
}

bool ClauseReader::InIntroductoryPhrase(uint32_t b) const {
  uint32_t k = b;
  while (k > 0 && !IsPunct(k - 1, ',') && !IsHardStop(k - 1)) --k;
  if (k > 0 && IsPunct(k - 1, ',')) return false;
  return k < b && Has(k, kClassPreposition | kClassSubordinator);
}

int ClauseReader::ChunkEndingAt(uint32_t e) const {
  if (e == 0 || e > n_) return -1;
  const int c = out_->chunk_of[e - 1];
  if (c < 0 || out_->chunks[c].end != e) return -1;
  return c;
}

int ClauseReader::MemberBeforeAside(uint32_t e) const {
  if (e == 0 || e > n_ || out_->chunk_of[e - 1] < 0) return -1;
  for (size_t c = static_cast<size_t>(out_->chunk_of[e - 1]) + 1; c < out_->chunks.size(); ++c) {
    const Chunk& chunk = out_->chunks[c];
    if (chunk.begin >= e) break;
    if (chunk.end == e && chunk.members.size() == 1) return static_cast<int>(c);
  }
  return -1;
}

int ClauseReader::ChunkAt(uint32_t u) {
  if (u >= n_) return -1;
  const int at = out_->chunk_of[u];
  if (at >= 0 && out_->chunks[at].begin == u && !out_->chunks[at].possessive) {
    const uint32_t end = out_->chunks[at].end;
    // "the New START treaty", "the Kuril islands": a noun naming the entity's kind.
    uint32_t e = end;
    while (e < n_ && IsKindNoun(e, ChunkClass(out_->chunks[at]))) ++e;
    if (e > end) {
      Chunk extended = out_->chunks[at];
      extended.end = e;
      return AddChunk(std::move(extended));
    }
    // "the US offer": one state or organization after a determiner, before a noun, modifies
    // the noun. A person never does: "met Abe next week", "discussed with Modi ways to".
    // Nor do two entities joined by a hyphen: "chaired the U.S.-ASEAN health ministerial
    // meeting" is the meeting (the phrase is built below), not the United States.
    const bool modifies = end < n_ && IsNounWord(end) &&
                          (Modifies(out_->chunks[at]) || SharesNoun(out_->chunks[at], end));
    if (!modifies && !HyphenJoinsEntities(end)) return at;
  }
  if (!StartsNounPhrase(u)) return -1;
  // "each of her counterparts' leadership", "all of the Allies": a quantifier and its
  // of-phrase are one phrase, which names what the of-phrase names.
  if ((Is(u, "each") || Is(u, "all") || Is(u, "both") || Is(u, "some") || Is(u, "many") ||
       Is(u, "most")) &&
      Is(u + 1, "of") && u + 2 < n_ && out_->chunk_of[u + 1] < 0) {
    const int inner = ChunkAt(u + 2);
    if (inner < 0) return -1;
    Chunk whole = out_->chunks[inner];
    whole.begin = u;
    whole.in_pp = false;
    return AddChunk(std::move(whole));
  }
  Chunk chunk;
  chunk.begin = u;
  uint32_t v = u;
  if (IsCurrency(v)) ++v;  // "$500 million"
  // "the $100 million commitment", "an additional $50 million".
  if (v == u && Has(v, kClassDeterminer) && IsCurrency(v + 1)) v += 2;
  while (v < n_) {
    if (IsPunct(v, '-') && v > u && v + 1 < n_ && info_[v + 1].kind == Kind::kWord) {
      ++v;  // "first-ever", "U.S.-German"
      continue;
    }
    // "an in-depth discussion", "an in-person meeting": a function word joined by a hyphen
    // to the word after it is one modifier (not "out", a verb's particle: "reached ... in
    // high out-migration municipalities" is no reaching out).
    if (v > u && v + 2 < n_ && info_[v].kind == Kind::kWord &&
        Has(v, kClassPreposition | kClassTo) && !Is(v, "out") && IsPunct(v + 1, '-') &&
        Joined(v + 1) && Joined(v + 2) && info_[v + 2].kind == Kind::kWord) {
      v += 2;
      continue;
    }
    // "an anti-Gondor parade", "a pro- Russian rally": a prefix joined to an entity by a hyphen
    // makes the entity the phrase's owner.
    if (IsPunct(v, '-') && v > u && v + 1 < n_ && info_[v - 1].kind == Kind::kWord && Joined(v) &&
        out_->chunk_of[v + 1] >= 0 && out_->chunks[out_->chunk_of[v + 1]].begin == v + 1) {
      ++v;
      continue;
    }
    // "the 5:5:3 ratio", "a 10:10:7 ratio": numbers joined by colons are one word; so are the
    // digit groups of a number ("more than 100,000 troops", "3,000 more troops").
    if (v > u && v + 1 < n_ &&
        (IsPunctRaw(v, ':') || (IsPunctRaw(v, ',') && Lower(v + 1).size() == 3)) && Joined(v) &&
        Joined(v + 1) && IsDigits(v - 1) && IsDigits(v + 1)) {
      ++v;
      continue;
    }
    const int c = out_->chunk_of[v];
    if (c >= 0) {
      const Chunk& inner = out_->chunks[c];
      for (uint32_t m : inner.members) chunk.owners.push_back(m);
      v = inner.end;
      if (const uint32_t p = PossessiveAt(v)) {
        v += p;
        // "the International Atomic Energy Agency's (IAEA) efforts": the same entity's short
        // form in parentheses after the possessive is no word of the phrase.
        if (IsPunct(v, '(') && v + 2 < n_ && out_->chunk_of[v + 1] >= 0) {
          const Chunk& aside = out_->chunks[out_->chunk_of[v + 1]];
          if (aside.begin == v + 1 && aside.end < n_ && IsPunct(aside.end, ')') &&
              aside.members.size() == 1 && inner.members.size() == 1 &&
              s_.mentions[aside.members[0]].entity == s_.mentions[inner.members[0]].entity) {
            v = aside.end + 1;
          }
        }
      }
      // "bilateral Japan-ROK ties", "the U.S.-Japan alliance": a hyphen without spaces joins
      // the entity to what follows it in the phrase.
      if (IsPunct(v, '-') && v + 1 < n_ && Joined(v) && Joined(v + 1) &&
          (out_->chunk_of[v + 1] >= 0 || IsNounWord(v + 1))) {
        chunk.joint_owners = chunk.joint_owners || out_->chunk_of[v + 1] >= 0;
        ++v;
        continue;
      }
      // A chunk that ends the phrase is its head: "the Treaty of Portsmouth" from "the". So is
      // one before a gerund with an object of its own: "welcomed the United States joining
      // the LeadIT" welcomed the United States, not the LeadIT.
      const bool gerund_after =
          v + 1 < n_ && info_[v].kind == Kind::kWord && !info_[v].cap &&
          (info_[v].forms & kFormIng) != 0 && (info_[v].forms & (kFormEd | kFormThird)) == 0 &&
          (Has(v + 1, kClassDeterminer | kClassPossessive) || IsEntity(v + 1));
      if (gerund_after || !(v < n_ && (IsNounWord(v) || Has(v, kClassModifier | kClassNumber)))) {
        if (PossessiveAt(inner.end) == 0) {
          chunk.owners.clear();
          chunk.members = inner.members;
          chunk.head = kNoUnit;
          chunk.end = inner.end;
          return AddChunk(std::move(chunk));
        }
      }
      continue;
    }
    // "the ROK's first Indo-Pacific Strategy", "its only ally": an adverb of order inside a
    // noun phrase, before what it modifies.
    if (v > u && (Is(v, "first") || Is(v, "last") || Is(v, "only")) && v + 1 < n_ &&
        (IsNounWord(v + 1) || out_->chunk_of[v + 1] >= 0 ||
         Has(v + 1, kClassModifier | kClassNumber))) {
      ++v;
      continue;
    }
    const Info& i = info_[v];
    if (i.kind == Kind::kDemonym) {
      chunk.owners.push_back(static_cast<uint32_t>(i.mention));
      ++v;
      continue;
    }
    if (v == u && Has(v, kClassDeterminer | kClassNumber)) {
      ++v;
      continue;
    }
    if (Has(v, kClassNumber | kClassModifier) || IsNounWord(v)) {
      chunk.head = v;
      ++v;
      // "her counterparts' leadership": a plural noun's possessive apostrophe joins the noun
      // it owns to the phrase.
      if (v + 1 < n_ && IsPunctRaw(v, '\'') && Joined(v) && Lower(v - 1).size() > 2 &&
          Lower(v - 1).back() == 's' && IsNounWord(v + 1) &&
          (info_[v + 1].forms & (kFormEd | kFormThird)) == 0) {
        ++v;
        continue;
      }
      // "his country's support for Ukraine", "the region's security": a singular noun's
      // possessive joins the noun it owns to the phrase.
      if (v + 2 < n_ && IsPunct(v, '\'') && Joined(v) && Is(v + 1, "s") && Joined(v + 1) &&
          (IsNounWord(v + 2) || Has(v + 2, kClassModifier | kClassNumber)) &&
          (info_[v + 2].forms & (kFormEd | kFormThird)) == 0) {
        v += 2;
        continue;
      }
      // "build-up", "first-ever", "U.S.-German".
      if (IsPunct(v, '-') && v + 1 < n_ && (IsNounWord(v + 1) || Has(v + 1, kClassAdverb))) {
        ++v;
      }
      // "Marc and Debra Tice": a first name joined to a person who has the surname.
      if (Is(v, "and") && chunk.head + 1 == v && info_[chunk.head].cap && v + 1 < n_ &&
          out_->chunk_of[v + 1] >= 0) {
        const Chunk& person = out_->chunks[out_->chunk_of[v + 1]];
        if (person.begin == v + 1 && person.members.size() == 1 &&
            s_.mentions[person.members[0]].entity->entity.type == EntityType::kPerson) {
          Chunk both = person;
          both.begin = u;
          return AddChunk(std::move(both));
        }
      }
      // Adjectives separated by a comma: "bold, new actions".
      if (IsPunct(v, ',') && chunk.head + 1 == v && v + 2 < n_ && Has(v + 1, kClassModifier) &&
          IsNounWord(v + 2)) {
        ++v;
        continue;
      }
      // "complete, full diplomatic ties", "a strong, durable partnership": the phrase's first
      // word, a comma and at least two more words of it, which end it (before a preposition
      // or a punctuation mark that ends no list); not a list ("trade, climate change and
      // security") nor the subject of another clause ("the economy, senior officials said").
      if (IsPunct(v, ',') && chunk.head + 1 == v &&
          (chunk.head == u || (chunk.head == u + 1 && Has(u, kClassDeterminer))) &&
          !info_[chunk.head].cap) {
        uint32_t k = v + 1;
        while (k < n_ && IsNounWord(k) && !info_[k].cap) ++k;
        if (k >= v + 3 && k < n_ &&
            (Has(k, kClassPreposition | kClassTo) ||
             (info_[k].kind == Kind::kPunct && !IsPunct(k, ',') && !IsPunct(k, '-')))) {
          ++v;
          continue;
        }
      }
      // Coordinated nouns: "the leaders and advocates", "trade and investment".
      if ((Is(v, "and") || Is(v, "or")) && v + 1 < n_ &&
          (IsNounWord(v + 1) || Has(v + 1, kClassDeterminer)) && chunk.head + 1 == v) {
        ++v;
      }
      continue;
    }
    // A short quotation after the first word of the phrase is a word of it (scare quotes): "a
    // naval "quarantine" of Cuba", "a "special role" for Egypt".
    if (i.kind == Kind::kQuote && v > u && ShortQuote(v)) {
      chunk.head = v;
      ++v;
      continue;
    }
    // An adverb before the word it modifies: "the first-ever meeting", "a newly signed deal".
    if (IsAdverb(v) && v + 1 < n_ &&
        (IsNounWord(v + 1) || IsPunct(v + 1, '-') || Has(v + 1, kClassModifier))) {
      ++v;
      continue;
    }
    break;
  }
  if (chunk.head == kNoUnit) return -1;
  chunk.end = chunk.head + 1;
  return AddChunk(std::move(chunk));
}

uint8_t ClauseReader::ChunkClass(const Chunk& c) const {
  uint8_t cls = 0xFF;
  for (uint32_t m : c.members) cls &= EntityClassOf(s_.mentions[m]);
  return c.members.empty() ? 0 : cls;
}

uint8_t ClauseReader::EntityClassOf(const Mention& m) {
  if (m.entity == nullptr) return 0;
  switch (m.entity->entity.type) {
    case EntityType::kAgreement:
      return kClassOfAgreement;
    case EntityType::kEvent:
      return kClassOfEvent;
    case EntityType::kPlace:
      return kClassOfPlace;
    default:
      return kClassOfActor;
  }
}

bool ClauseReader::HyphenJoinsEntities(uint32_t u) const {
  if (!IsPunct(u, '-') || u + 1 >= n_ || !Joined(u) || !Joined(u + 1)) return false;
  const int next = out_->chunk_of[u + 1];
  if (next < 0 || out_->chunks[next].begin != u + 1 || out_->chunks[next].members.empty()) {
    return false;
  }
  return IsNounWord(out_->chunks[next].end);
}

bool ClauseReader::IsKindNoun(uint32_t u, uint8_t cls) const {
  if (u >= n_ || info_[u].kind != Kind::kWord || cls == 0) return false;
  static constexpr std::string_view kAgreement[] = {
      "treaty",  "treaties",    "agreement",  "agreements", "accord", "accords",
      "pact",    "declaration", "convention", "protocol",   "deal",   "communique",
      "charter", "framework",   "memorandum", "resolution", "talks"};
  static constexpr std::string_view kEvent[] = {"summit",  "conference", "forum",
                                                "meeting", "talks",      "negotiations",
                                                "war",     "crisis",     "dialogue"};
  static constexpr std::string_view kPlace[] = {"islands", "island",   "region", "peninsula",
                                                "strait",  "province", "city",   "sea"};
  const std::string_view w = Lower(u);
  auto in = [&](const auto& list) {
    return std::find(std::begin(list), std::end(list), w) != std::end(list);
  };
  return ((cls & kClassOfAgreement) && in(kAgreement)) || ((cls & kClassOfEvent) && in(kEvent)) ||
         ((cls & kClassOfPlace) && in(kPlace));
}

bool ClauseReader::Modifies(const Chunk& c) const {
  if (c.members.size() != 1) return false;
  const Mention& m = s_.mentions[c.members[0]];
  if (m.entity == nullptr || m.entity->entity.type == EntityType::kPerson) return false;
  if (Has(c.begin, kClassDeterminer) || (c.begin > 0 && Has(c.begin - 1, kClassDeterminer))) {
    return true;
  }
  // "conveyed U.S. support for", "reaffirmed EU backing.": an abbreviation right after a verb
  // modifies a singular noun after it that ends the phrase (a name there may be an indirect
  // object: "offered Ukraine support", "provide FEMA additional resources"; "urged G20
  // leaders to" names the G20's leaders).
  if (c.begin == 0 || c.end != c.begin + 1 || !info_[c.begin - 1].verb) return false;
  const uint32_t noun = c.end, after = c.end + 1;
  if (noun >= n_ || PluralEnding(Lower(noun)) ||
      !(after >= n_ || info_[after].kind == Kind::kPunct ||
        Has(after, kClassPreposition | kClassTo | kClassThat | kClassConjunction))) {
    return false;
  }
  return CapitalsOnly(s_.UnitsText(c.begin, c.end));
}

bool ClauseReader::SharesNoun(const Chunk& c, uint32_t u) const {
  if (c.members.size() < 2 || !c.in_pp || c.possessive || info_[u].cap ||
      (info_[u].forms & (kFormBase | kFormEd | kFormIng)) != 0) {
    return false;
  }
  return std::all_of(c.members.begin(), c.members.end(), [&](uint32_t m) {
    const EntityDef* e = s_.mentions[m].entity;
    return e != nullptr &&
           (e->entity.type == EntityType::kState || e->entity.type == EntityType::kOrganization);
  });
}

int ClauseReader::NounChunkEndingAt(uint32_t e, bool possessor_owns) {
  const uint32_t w = e - 1;
  uint32_t b = w;
  while (b > 0) {
    if (IsNounWord(b - 1) || Has(b - 1, kClassModifier | kClassNumber) ||
        info_[b - 1].kind == Kind::kDemonym) {
      --b;
    } else if (b >= 2 && IsPunctRaw(b - 1, '-') && Joined(b - 1) && Joined(b) &&
               (IsNounWord(b - 2) || Has(b - 2, kClassNumber))) {
      // "the SAMP-T system", "long-range missiles": a hyphen without spaces joins a compound,
      // as ChunkAt reads it forwards.
      b -= 2;
    } else {
      break;
    }
  }
  // "the U.S. and Israeli delegations", "the Egyptian, Syrian, and Jordanian delegations":
  // states or bodies coordinated before the demonym that opens the phrase own the noun too.
  if (b < w && info_[b].kind == Kind::kDemonym) {
    while (b >= 2 && (Is(b - 1, "and") || IsPunct(b - 1, ','))) {
      uint32_t p = b - 2;
      if (Is(b - 1, "and") && p >= 1 && IsPunct(p, ',')) --p;  // ", and"
      if (!CoordinatedOwner(p)) break;
      b = p;
    }
  }
  // "Eriador's death and injury toll", "Russia's army and navy": nouns coordinated after a
  // possessive share its owner.
  if (b >= 3 && Is(b - 1, "and") && IsNounWord(b - 2)) {
    uint32_t c = b - 2;
    while (c > 0 && IsNounWord(c - 1)) --c;
    if (c > 0 && ((Is(c, "s") && PossessiveAt(c - 1) == 2) || PossessiveAt(c - 1) == 1)) b = c;
  }
  if (b > 0 && Has(b - 1, kClassDeterminer)) --b;
  Chunk noun;
  // "Eriador's death toll", "the countries' leaders": the entity before the possessive owns the
  // phrase (the "s" of "'s" is no word of it).
  uint32_t apostrophe = kNoUnit;
  if (b < w && b > 0 && Is(b, "s") && PossessiveAt(b - 1) == 2) apostrophe = b++ - 1;
  if (b > 0 && PossessiveAt(b - 1) == 1) apostrophe = b - 1;
  if (apostrophe != kNoUnit && possessor_owns) {
    const int owner = ChunkEndingAt(apostrophe);
    if (owner >= 0) noun.owners = out_->chunks[owner].members;
  }
  // "The KU basketball team", "the NATO summit": states or bodies right before the noun own
  // it, as they do read forwards ("a US offer"); not inside a prepositional phrase ("after
  // talks with Japan officials said").
  if (apostrophe == kNoUnit && possessor_owns && b > 0 && !Has(b, kClassDeterminer)) {
    const int owner = ChunkEndingAt(b);
    if (owner >= 0 && !out_->chunks[owner].possessive && !out_->chunks[owner].in_pp &&
        !out_->chunks[owner].members.empty() &&
        std::all_of(out_->chunks[owner].members.begin(), out_->chunks[owner].members.end(),
                    [&](uint32_t m) {
                      const EntityDef* e = s_.mentions[m].entity;
                      return e != nullptr && (e->entity.type == EntityType::kState ||
                                              e->entity.type == EntityType::kOrganization);
                    })) {
      noun.owners = out_->chunks[owner].members;
    }
  }
  noun.begin = b;
  noun.end = e;
  noun.head = w;
  for (uint32_t u = b; u < e; ++u) {
    if (info_[u].kind == Kind::kDemonym || (u < w && CoordinatedOwner(u))) {
      noun.owners.push_back(info_[u].mention);
    }
  }
  return AddChunk(std::move(noun));
}

bool ClauseReader::CoordinatedOwner(uint32_t u) const {
  if (u >= n_) return false;
  if (info_[u].kind == Kind::kDemonym) return true;
  if (info_[u].kind != Kind::kActor) return false;
  // Not a person nor a group: "American forces and Filipino nationalists" are two phrases.
  const Mention& m = s_.mentions[info_[u].mention];
  return m.entity != nullptr && (m.entity->entity.type == EntityType::kState ||
                                 m.entity->entity.type == EntityType::kOrganization);
}

int ClauseReader::AddChunk(Chunk chunk) {
  out_->chunks.push_back(std::move(chunk));
  return static_cast<int>(out_->chunks.size()) - 1;
}

bool ClauseReader::IsNounWord(uint32_t u) const {
  if (u >= n_ || info_[u].kind != Kind::kWord) return false;
  const Info& i = info_[u];
  if ((i.classes & ~(kClassModifier | kClassNumber)) != 0) return false;
  if (i.ly) return false;
  return !info_[u].verb;
}

bool ClauseReader::ShortQuote(uint32_t u) const {
  if (u >= n_ || info_[u].kind != Kind::kQuote) return false;
  const Unit& unit = s_.units[u];
  if (unit.tok_end < unit.tok_begin + 3) return false;
  int words = 0;
  // The tokens between the quotation marks: words, joined by hyphens, maybe a possessive ("a
  // "gentleman's agreement"").
  for (uint32_t t = unit.tok_begin + 1; t + 1 < unit.tok_end; ++t) {
    const Token& tok = s_.tokens[t];
    const unsigned char c = static_cast<unsigned char>(s_.text[tok.begin]);
    if (c == '\'' && t > unit.tok_begin + 1 && t + 2 < unit.tok_end &&
        s_.LowerToken(t + 1) == "s") {
      ++t;  // the "s" of "'s" is no word of its own
    } else if (IsWordByte(c)) {
      ++words;
    } else if (c != '-') {
      return false;
    }
  }
  return words >= 1 && words <= 3;
}

bool ClauseReader::StartsNounPhrase(uint32_t u) const {
  if (u >= n_) return false;
  if (out_->chunk_of[u] >= 0 || IsCurrency(u)) return true;
  const Info& i = info_[u];
  if (i.kind == Kind::kDemonym) return true;
  if (i.kind != Kind::kWord) return false;
  if (Has(u, kClassDeterminer | kClassNumber | kClassModifier)) return true;
  // A lower-case adverb of the lexicon before a noun modifies it: "towards further talks"
  // (not "First Lady", nor a gerund: "committed to further strengthening" is a verb's).
  if (!i.cap && (i.classes & kClassAdverb) != 0 && IsNounWord(u + 1) &&
      (info_[u + 1].forms & kFormIng) == 0) {
    return true;
  }
  return IsNounWord(u) || (i.cap && i.classes == 0);
}

}  // namespace parley::internal::clause_reader
