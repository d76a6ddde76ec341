// Who does what a non-finite complement says (clause_reader.h). A to-infinitive: the subject of the
// clause it completes
// ("Biden met Scholz to reaffirm": Biden; "Japan agreed to sign": Japan), the object of a verb
// that has its object act ("urged Xi to sign": Xi), the by-agent of a passive ("the steps taken
// by Seoul and Tokyo to strengthen ties"), the owner of the noun before it ("NATO's work to
// support Ukraine", "commitments by Israel and the PA to de-escalate"). A to-infinitive says what
// is meant to happen, not what happened: its verbs are planned at least; after "not" or "yet"
// ("warned Russia not to invade", "has yet to ratify") it gets no subject. A gerund after
// "for", "on" or "of" that credits or blames someone: who is thanked, praised or accused does it
// ("thanked His Majesty, King Abdullah II, for convening this gathering": the King convened).
#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "extract/clause_reader.h"
#include "extract/rule_compiled.h"

namespace parley::internal::clause_reader {

namespace {

// Verbs whose object (or, for "call" and "appeal", the object of "on", "upon" or "to") does
// what the to-infinitive after it says: "urged Xi to sign", "invited Japan to attend", "called
// on Moscow to withdraw", "sent Blinken to negotiate".
constexpr std::string_view kObjectActs[] = {
    "urge",      "ask",       "call",    "appeal",   "encourage", "invite",    "press",
    "persuade",  "convince",  "help",    "assist",   "enable",    "allow",     "permit",
    "authorize", "direct",    "order",   "instruct", "tell",      "force",     "compel",
    "request",   "challenge", "require", "push",     "prompt",    "advise",    "remind",
    "warn",      "need",      "inspire", "empower",  "train",     "equip",     "send",
    "dispatch",  "task",      "charge",  "entrust",  "implore",   "lead",      "recruit",
    "expect",    "want",      "appoint", "elect",    "nominate",  "designate", "commission",
    "mobilize",  "support",   "select",  "pressure", "oblige",    "cause",     "get"};

// Of kObjectActs, the verbs whose direct object does not act: "called Scholz to discuss".
constexpr std::string_view kPrepObjectActs[] = {"call", "appeal"};

// Verbs of contact, whose purpose infinitive takes their with-phrase: "met with X to discuss"
// is a discussion with X.
constexpr std::string_view kContactVerbs[] = {"meet", "speak",   "talk",   "confer", "consult",
                                              "call", "convene", "engage", "visit",  "travel"};

// Verbs whose subject goes along with a delegation the clause names: "led a delegation to
// Mexico to strengthen cooperation" (the leader strengthens it; "sent a delegation" does not).
constexpr std::string_view kLeadVerbs[] = {"lead", "head", "co-lead", "accompany", "join"};

// Verbs after which nobody named does what the infinitive says: "forbade Japan to rearm".
constexpr std::string_view kNobodyActs[] = {"forbid",     "prohibit", "bar",   "ban",
                                            "discourage", "dissuade", "deter", "prevent"};

// Verbs whose subject acts in what the noun of their object is meant to do: "took steps to
// improve ties", "signed an agreement to build", "announced a plan to send". Verbs of attitude
// ("welcomed the decision to", "supports efforts to") are not among them: the decision is
// someone else's.
constexpr std::string_view kNounPurposeVerbs[] = {
    "take", "make", "launch", "sign", "reach", "conclude", "announce", "establish", "create",
    "form", "provide", "offer", "propose", "adopt", "unveil", "introduce", "hold", "convene",
    "host", "develop", "use", "deploy", "send", "issue", "allocate", "commit", "pledge", "dedicate",
    "mobilize", "set", "put", "begin", "start", "initiate", "organize", "open", "pursue", "seek",
    "negotiate", "draft", "finalize", "complete", "invest", "spend", "donate", "contribute",
    "mount", "stage",
    // "led a congressional effort to demand", "redoubled its efforts to end the war".
    "lead", "spearhead", "head", "join", "redouble", "intensify", "accelerate"};

// Verbs and nouns of credit or blame whose object is who did what the gerund after "for",
// "on" or "of" says.
constexpr std::string_view kCreditVerbs[] = {
    "thank", "praise", "commend", "congratulate", "applaud", "credit", "salute", "honor",
    "laud",  "hail",   "blame",   "criticize",    "condemn", "accuse", "fault",  "rebuke"};
// Of them, those whose gerund is only what the speaker claims: "accused Russia of violating".
constexpr std::string_view kBlameVerbs[] = {"blame",  "criticize", "condemn",
                                            "accuse", "fault",     "rebuke"};
constexpr std::string_view kCreditNouns[] = {"thanks", "gratitude", "appreciation",
                                             "congratulations", "praise"};

}  // namespace

bool ClauseReader::CreditedGerundAt(uint32_t u, const VerbGroup& gov) const {
  if (u < 3 || (info_[u].forms & kFormIng) == 0 || (info_[u].forms & (kFormEd | kFormThird))) {
    return false;
  }
  const uint32_t prep = u - 1;
  if (!Is(prep, "for") && !Is(prep, "on") && !Is(prep, "of")) return false;
  if (gov.verbs.empty() || gov.infinitive || gov.end > prep || prep - gov.end > 16) return false;
  for (uint32_t k = gov.end; k < prep; ++k) {
    if (IsHardStop(k) || info_[k].verb) return false;
  }
  if (LemmaIn(gov, kCreditVerbs)) return true;
  for (uint32_t k = gov.end; k < prep; ++k) {
    const std::string_view w = Lower(k);
    if (info_[k].kind == Kind::kWord &&
        std::find(std::begin(kCreditNouns), std::end(kCreditNouns), w) != std::end(kCreditNouns)) {
      return true;
    }
  }
  return false;
}

int ClauseReader::CreditedChunk(size_t gi) {
  VerbGroup& g = out_->groups[gi];
  const VerbGroup& gov = out_->groups[gi - 1];
  uint32_t e = g.begin - 1;  // the preposition
  // ", King Abdullah II, for", "Congress - both parties, both chambers - for".
  if (IsPunct(e - 1, ',')) {
    --e;
  } else if (IsPunct(e - 1, '-')) {
    uint32_t k = e - 1;
    while (k > 0 && !IsPunct(k - 1, '-') && !IsHardStop(k - 1)) --k;
    if (k == 0 || !IsPunct(k - 1, '-')) return -1;
    e = k - 1;
  }
  const int c = ChunkEndingAt(e);
  if (c < 0 || (out_->chunks[c].members.empty() && !out_->chunks[c].pronoun)) return -1;
  if (LemmaIn(gov, kBlameVerbs)) {
    for (GroupVerb& v : g.verbs) v.modality = Stronger(v.modality, Modality::kReported);
  }
  return c;
}

bool ClauseReader::OwnedNoun(const Chunk& c) const {
  if (c.owners.empty() || c.head == kNoUnit || c.head + 1 != c.end || c.head == c.begin) {
    return false;
  }
  // "Finland's contract", "the U.S. offer", "the Japanese decision": the owner right before the
  // noun, or a possessive before it.
  const uint32_t p = c.head - 1;
  if (IsEntity(p) || info_[p].kind == Kind::kDemonym) return true;
  for (uint32_t k = c.begin; k < c.head; ++k) {
    if (IsPunct(k, '\'') && k > c.begin && (IsEntity(k - 1) || Is(k + 1, "s"))) return true;
  }
  return false;
}

bool ClauseReader::LemmaIn(const VerbGroup& g, std::span<const std::string_view> lemmas) const {
  for (uint32_t id : g.verbs.back().verbs) {
    if (std::find(lemmas.begin(), lemmas.end(), lex_.Lemma(id)) != lemmas.end()) return true;
  }
  return false;
}

int ClauseReader::BeHereSubject(uint32_t to) {
  uint32_t u = to;
  // A place phrase after "here": "here in Switzerland", "here in Washington".
  if (u >= 2 && out_->chunk_of[u - 1] >= 0) {
    const Chunk& place = out_->chunks[out_->chunk_of[u - 1]];
    if (place.end == u && place.begin >= 1 && Is(place.begin - 1, "in")) u = place.begin - 1;
  }
  if (u < 3 || !(Is(u - 1, "here") || Is(u - 1, "there")) || !Has(u - 2, kClassBe)) return -1;
  const uint32_t be = u - 2;
  if (SubjectPronoun(be - 1) && !Is(be - 1, "it")) return AddPronounChunk(be - 1, be - 1);
  const int c = ChunkEndingAt(be);
  if (c < 0 || out_->chunks[c].members.empty() || out_->chunks[c].in_pp ||
      !ClauseStartBefore(out_->chunks[c].begin)) {
    return -1;
  }
  return c;
}

bool ClauseReader::DelegationBetween(uint32_t b, uint32_t e) const {
  for (uint32_t u = b; u < e && u < n_; ++u) {
    if (info_[u].kind != Kind::kWord) continue;
    const std::string_view w = Lower(u);
    if (w == "delegation" || w == "delegations") return true;
  }
  return false;
}

uint32_t ClauseReader::StepBackOverAsides(uint32_t e) const {
  for (bool stepped = true; stepped;) {
    stepped = false;
    if (e > 0 && (info_[e - 1].kind == Kind::kDate || IsAdverb(e - 1))) {
      --e;
      stepped = true;
    } else if (const uint32_t a = TimeAdverbialBefore(e); a < e) {
      e = a;
      stepped = true;
    } else if (e >= 3 && IsPunct(e - 2, ',') && info_[e - 3].kind == Kind::kPlace &&
               s_.units[e - 1].mention >= 0 &&
               s_.mentions[s_.units[e - 1].mention].entity != nullptr &&
               s_.mentions[s_.units[e - 1].mention].entity->entity.type == EntityType::kState) {
      e -= 2;  // "Kyiv, Ukraine"
      stepped = true;
    }
  }
  return e;
}

void ClauseReader::FindInfinitiveSubjects() {
  for (size_t gi = 0; gi < out_->groups.size(); ++gi) {
    VerbGroup& g = out_->groups[gi];
    if (!g.infinitive || g.subject >= 0 || !Is(g.begin, "to") || g.verbs.empty()) continue;
    const uint32_t to = g.begin;
    // "warned Russia not to invade", "has yet to ratify": what is not to happen is no claim.
    if (to > 0 && (Has(to - 1, kClassNegation) || Is(to - 1, "yet"))) continue;
    // "took no action other than to declare", "cannot comment, except to say that": an
    // exception to what the clause says is what its subject did; its words stand between the
    // clause and the "to".
    uint32_t clause_to = to;
    if (to >= 2 && Is(to - 1, "than") && Is(to - 2, "other")) {
      clause_to = to - 2;
    } else if (to >= 1 && Is(to - 1, "except")) {
      clause_to = to - 1;
    }
    // "I am here in Switzerland to stand with Ukraine", "We are here to support": the subject
    // of "be here" (or "there"), with a place phrase between, does what the infinitive says.
    if (const int here = BeHereSubject(to); here >= 0) {
      g.subject = here;
      g.infinitive = false;
      g.subject_via = "purpose of 'be here'";
      continue;
    }
    // "Truman's foremost goal was to limit Soviet expansion": the owner of an aim (or of an
    // achievement) that "be" joins to the infinitive does what the infinitive says.
    if (to >= 2 && Has(to - 1, kClassBe) && IsNounWord(to - 2)) {
      int noun = ChunkEndingAt(to - 1);
      const bool added = noun < 0;
      if (added) noun = NounChunkEndingAt(to - 1, /*possessor_owns=*/true);
      const int kind = AchievementNoun(noun);
      if (kind == 0 && added && noun >= 0 && noun + 1 == static_cast<int>(out_->chunks.size())) {
        out_->chunks.pop_back();
      }
      if (kind != 0 && !out_->chunks[noun].in_pp) {
        g.infinitive = false;
        OwnerActs(&g, noun, kind);
        continue;
      }
    }
    const bool exception = clause_to != to;
    if (exception && clause_to > 0 && IsPunct(clause_to - 1, ',')) --clause_to;
    // The clause the infinitive completes ends at its "to", or at a place's country set off
    // by a comma before it ("traveled to Kyiv, Ukraine today to meet").
    const uint32_t reach = StepBackOverAsides(clause_to);
    int h = -1;
    for (size_t k = gi; k-- > 0;) {
      const VerbGroup& prev = out_->groups[k];
      if ((prev.clause_end == clause_to || prev.clause_end == reach) && !prev.verbs.empty() &&
          prev.verbs.back().unit < clause_to) {
        h = static_cast<int>(k);
        break;
      }
      if (prev.end <= to) break;
    }
    if (h < 0) {
      CoordinatedInfinitive(gi);
      continue;
    }
    const VerbGroup& gov = out_->groups[h];
    if (exception) {
      if (gov.subject < 0 || gov.verbs.back().passive) continue;
      g.subject = gov.subject;
      g.subject_via = "exception to '" + std::string(UnitText(gov.verbs.back().unit)) + "'";
      g.embedded = gov.embedded;
      g.embedded_modality = gov.embedded_modality;
      // What the subject did do: the clause's modality, less its negation ("no action", "cannot
      // comment").
      const Modality m = gov.verbs.back().modality == Modality::kNegated
                             ? Modality::kAsserted
                             : gov.verbs.back().modality;
      for (GroupVerb& v : g.verbs) v.modality = m;
      continue;
    }
    if (LemmaIn(gov, kNobodyActs)) continue;
    // A delegation the clause sends or names does what the infinitive says, not the sender:
    // "announced the designation of a Presidential Delegation to Qatar to attend the Closing
    // Ceremonies", "sent a delegation to Kyiv to discuss" (who leads one goes along: "led a
    // delegation to Mexico to strengthen cooperation").
    if (!LemmaIn(gov, kLeadVerbs) && DelegationBetween(gov.verbs.back().unit + 1, to)) continue;
    const bool object_acts = LemmaIn(gov, kObjectActs);
    const bool passive = gov.verbs.back().passive;
    const bool purpose = to >= 2 && Is(to - 1, "order") && Is(to - 2, "in");
    // The phrase right before "to" (or "not to", "in order to"): the object, or the last
    // prepositional phrase.
    uint32_t end = gov.clause_end - (purpose ? 2 : 0);
    // Phrases of time right before it stand aside: "meeting with Thieu on Midway Island on
    // June 8 to announce" (Nixon announces), "Japan agreed on Tuesday to sign".
    size_t tail = gov.preps.size();
    while (tail > 0 && DatePhrase(gov.preps[tail - 1]) && gov.preps[tail - 1].prep + 2 == end) {
      end = gov.preps[--tail].prep;
    }
    // So do a date, a time adverbial or adverbs without a preposition after a phrase, and a
    // place's country: "traveled to Kyiv, Ukraine today to meet with President Zelenskyy"
    // (Sullivan meets); not after the verb itself ("work together to support" is the verb's
    // complement).
    {
      size_t t = tail;
      uint32_t e = StepBackOverAsides(end);
      while (t > 0 && DatePhrase(gov.preps[t - 1]) && gov.preps[t - 1].prep + 2 == e) {
        e = StepBackOverAsides(gov.preps[--t].prep);
      }
      const auto ends_at = [&](int c) { return c >= 0 && out_->chunks[c].end == e; };
      if (e < end && (ends_at(gov.object) || (t > 0 && ends_at(gov.preps[t - 1].chunk)))) {
        end = e;
        tail = t;
      }
    }
    auto ends_there = [&](int c) { return c >= 0 && out_->chunks[c].end == end; };
    const int before = ends_there(gov.object) ? gov.object
                       : tail > 0 && ends_there(gov.preps[tail - 1].chunk)
                           ? gov.preps[tail - 1].chunk
                           : -1;
    // (A prepositional phrase without a chunk has chunk -1, as `before` has when nothing ends
    // there: that is no phrase before "to".)
    const PrepPhrase* last_pp = before >= 0 && tail > 0 && before == gov.preps[tail - 1].chunk
                                    ? &gov.preps[tail - 1]
                                    : nullptr;
    int subject = -1;
    bool owner = false;
    std::string via;
    if (passive) {
      if (gov.agent >= 0 && gov.agent == before) {
        subject = gov.agent;  // "the steps taken by Seoul and Tokyo to strengthen"
        via = "by-agent of '";
      } else if (object_acts && gov.agent < 0 && gov.complement == gov.clause_end) {
        subject = gov.subject;  // "Xi was urged to sign"
        via = "subject of '";
      }
    } else if (purpose) {
      subject = gov.subject;
      via = "purpose of '";
    } else if (before >= 0 && before == gov.object) {
      const Chunk& object = out_->chunks[gov.object];
      if (!object.members.empty() || object.pronoun) {
        // "urged Xi to sign" (Xi signs) against "met Scholz to reaffirm" (Biden reaffirms).
        if (object_acts && !LemmaIn(gov, kPrepObjectActs)) {
          subject = gov.object;
          via = "object of '";
        } else {
          subject = gov.subject;
          via = "purpose of '";
        }
      } else if (OwnedNoun(object)) {
        subject = gov.object;  // "welcomed NATO's work to support Ukraine"
        owner = true;
        via = "owner of the object of '";
      } else if (LemmaIn(gov, kNounPurposeVerbs)) {
        subject = gov.subject;  // "took steps to improve ties"
        via = "purpose of '";
      }
    } else if (last_pp != nullptr) {
      const Chunk& pp = out_->chunks[last_pp->chunk];
      const bool control_prep =
          Is(last_pp->prep, "on") || Is(last_pp->prep, "upon") || Is(last_pp->prep, "to");
      if (!pp.members.empty() && object_acts && control_prep && gov.object < 0) {
        subject = last_pp->chunk;  // "called on Moscow to withdraw"
        via = "object of '";
      } else if (!pp.members.empty() && Is(last_pp->prep, "by") && gov.object >= 0 &&
                 out_->chunks[gov.object].members.empty() &&
                 out_->chunks[gov.object].end == last_pp->prep) {
        subject = last_pp->chunk;  // "welcomed commitments by Israel and the PA to de-escalate"
        via = "by-phrase of the object of '";
      } else if (!pp.members.empty() && gov.object >= 0 &&
                 out_->chunks[gov.object].members.empty() &&
                 (Is(last_pp->prep, "on") || Is(last_pp->prep, "upon"))) {
        subject = last_pp->chunk;  // "reiterated our call on Hamas to release the hostages"
        via = "object of the object of '";
      } else if (!pp.members.empty() && !object_acts &&
                 (gov.object < 0 || !out_->chunks[gov.object].members.empty() ||
                  LemmaIn(gov, kNounPurposeVerbs))) {
        // "met with Scholz to discuss", "reached an agreement with Castro to place missiles";
        // after a noun that is no deed of the subject ("welcomed the pressure on Russia to")
        // nobody named.
        subject = gov.subject;
        via = "purpose of '";
      }
    } else if (before < 0 && gov.complement == end && !object_acts) {
      subject = gov.subject;  // "Japan agreed to sign", "we are working to strengthen"
      via = "subject of '";
    } else if (before < 0 && gov.complement == end && object_acts && gov.object < 0) {
      subject = gov.subject;  // "Japan asked to join"
      via = "subject of '";
    }
    if (subject < 0) continue;
    // "the treaty that Japan agreed to sign", "announced the meeting, which both Begin and
    // Sadat agreed to attend": the antecedent of the relative clause the infinitive completes
    // is its object, when it has none of its own, the verb it completes took none (FindRoles
    // left it to the infinitive) and that verb's content is its infinitive ("the weapons that
    // Ukraine has used to defend itself" are what it used). After a comma an earlier verb's
    // object is safe here: a "which" about a whole clause completes no such infinitive.
    if (g.object < 0 && gov.object < 0 && !passive && subject == gov.subject &&
        TakesInfinitive(gov)) {
      const int antecedent =
          RelativeAntecedent(static_cast<size_t>(h), /*object_after_comma=*/true);
      if (antecedent >= 0) {
        g.object = antecedent;
        g.object_relative = true;
      }
    }
    g.subject = subject;
    g.owner_subject = owner;
    g.subject_via = via + std::string(UnitText(gov.verbs.back().unit)) + "'";
    g.embedded = gov.embedded;
    g.embedded_modality = gov.embedded_modality;
    Modality m = Stronger(Modality::kPlanned, gov.verbs.back().modality);
    if (gov.negated) m = Stronger(m, Modality::kNegated);
    for (GroupVerb& v : g.verbs) v.modality = Stronger(v.modality, m);
    // "A and B met with X to discuss Y": who they met is whom they discuss with, not each
    // other; the purpose of a verb of contact takes its with-phrase when it has none of its own
    // ("work with Congress to meet these goals" is no meeting with Congress).
    if (via == "purpose of '" && subject == gov.subject && LemmaIn(gov, kContactVerbs)) {
      const auto with = [&](const VerbGroup& v) -> const PrepPhrase* {
        for (const PrepPhrase& pp : v.preps) {
          if (Is(pp.prep, "with") && pp.chunk >= 0 && !out_->chunks[pp.chunk].members.empty()) {
            return &pp;
          }
        }
        return nullptr;
      };
      if (const PrepPhrase* pp = with(gov); pp != nullptr && with(g) == nullptr) {
        g.preps.push_back(*pp);
      }
    }
  }
}

bool ClauseReader::TakesInfinitive(const VerbGroup& g) const {
  if (g.verbs.empty() || info_[g.verbs.back().unit].lex == nullptr) return false;
  for (const VerbSense& sense : info_[g.verbs.back().unit].lex->senses) {
    if (lex_.InfinitiveComplement(sense.verb)) return true;
  }
  return false;
}

bool ClauseReader::ClauseBoundaryIn(uint32_t b, uint32_t e) const {
  for (uint32_t u = b; u < e; ++u) {
    if (IsHardStop(u) || Has(u, kClassSubordinator | kClassRelative)) return true;
  }
  return false;
}

bool ClauseReader::InfinitiveListGoesOn(size_t gi) const {
  for (size_t j = gi + 1; j < out_->groups.size(); ++j) {
    const VerbGroup& next = out_->groups[j];
    if (!next.infinitive) return false;
    if (ClauseBoundaryIn(out_->groups[j - 1].end, next.begin)) return false;
    if (!Is(next.begin, "to") || next.begin < 1) continue;
    if (Is(next.begin - 1, "and") || Is(next.begin - 1, "or")) return true;
  }
  return false;
}

void ClauseReader::CoordinatedInfinitive(size_t gi) {
  VerbGroup& g = out_->groups[gi];
  const uint32_t to = g.begin;
  // "to create X, and to enter into Y", "to explore X or to improve Y", and the members of a
  // comma list that such a one ends ("to combat X, to reinvigorate Y, and to explore Z").
  if (to < 2) return;
  const bool conjoined = Is(to - 1, "and") || Is(to - 1, "or");
  if (!conjoined && !(IsPunct(to - 1, ',') && InfinitiveListGoesOn(gi))) return;
  const uint32_t conjunction = conjoined && IsPunct(to - 2, ',') ? to - 2 : to - 1;
  // The nearest infinitive before it, with nothing but its own phrases in between: no finite
  // verb, no clause boundary ("agreed to sign the treaty; to ratify it" is no list).
  for (size_t k = gi; k-- > 0;) {
    const VerbGroup& prev = out_->groups[k];
    if (!prev.infinitive) {
      if (prev.begin < conjunction) return;
      continue;
    }
    if (!Is(prev.begin, "to") || prev.subject < 0) return;
    if (ClauseBoundaryIn(prev.end, conjunction)) return;
    g.subject = prev.subject;
    g.owner_subject = prev.owner_subject;
    g.subject_via = "coordinated with 'to " + std::string(UnitText(prev.verbs.back().unit)) + "'";
    g.embedded = prev.embedded;
    g.embedded_modality = prev.embedded_modality;
    for (GroupVerb& v : g.verbs) v.modality = Stronger(v.modality, prev.verbs.back().modality);
    // The verb the first infinitive completes takes this one as a complement too.
    for (VerbGroup& gov : out_->groups) {
      if (&gov == &g || gov.to_clause == kNoUnit) continue;
      const bool completes = gov.to_clause == prev.begin + 1 ||
                             std::find(gov.more_to_clauses.begin(), gov.more_to_clauses.end(),
                                       prev.begin + 1) != gov.more_to_clauses.end();
      if (completes) {
        gov.more_to_clauses.push_back(to + 1);
        break;
      }
    }
    return;
  }
}

}  // namespace parley::internal::clause_reader
