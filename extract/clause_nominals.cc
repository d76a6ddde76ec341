// Nominalisations: nouns that frames name ("invasion", "visit", "talks"), read like verb groups
// (clause_reader.h): who acts (a by-phrase, the noun phrase's owner, a between-phrase), what
// the of-phrase and the other prepositional phrases after the noun say, and the modality its
// cue words and governing verb give.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/clause_reader.h"
#include "extract/rule_compiled.h"

namespace parley::internal::clause_reader {

namespace {

// Words before an event noun that make it prospective or uncertain.
struct Cue {
  std::string_view word;
  Modality modality;
};
constexpr Cue kNominalCues[] = {
    {"upcoming", Modality::kPlanned},    {"future", Modality::kPlanned},
    {"next", Modality::kPlanned},        {"planned", Modality::kPlanned},
    {"proposed", Modality::kPlanned},    {"prospective", Modality::kPlanned},
    {"forthcoming", Modality::kPlanned}, {"expected", Modality::kPlanned},
    {"anticipated", Modality::kPlanned}, {"scheduled", Modality::kPlanned},
    {"intended", Modality::kPlanned},    {"possible", Modality::kHedged},
    {"potential", Modality::kHedged},    {"any", Modality::kHedged},
    {"eventual", Modality::kHedged},     {"likely", Modality::kHedged},
    {"hypothetical", Modality::kHedged}, {"threatened", Modality::kHedged},
    {"alleged", Modality::kHedged},      {"no", Modality::kNegated},
};

// Nouns whose of- or for-phrase is an event not (yet) real: "the prospect of a summit",
// "preparations for the visit", "in the event of a violation of the accords".
constexpr Cue kProspectNouns[] = {
    {"prospect", Modality::kHedged},      {"prospects", Modality::kHedged},
    {"event", Modality::kHedged},         {"possibility", Modality::kHedged},
    {"idea", Modality::kHedged},          {"threat", Modality::kHedged},
    {"risk", Modality::kHedged},          {"plan", Modality::kPlanned},
    {"plans", Modality::kPlanned},        {"preparation", Modality::kPlanned},
    {"preparations", Modality::kPlanned}, {"proposal", Modality::kPlanned},
    {"invitation", Modality::kPlanned},   {"call", Modality::kPlanned},
    {"calls", Modality::kPlanned},        {"request", Modality::kPlanned},
    {"need", Modality::kPlanned},         {"hope", Modality::kPlanned},
    {"goal", Modality::kPlanned},
};

// Verbs whose object is an event to come: "proposed a meeting", "seek talks".
constexpr std::string_view kProspectVerbs[] = {
    "propose", "plan",   "prepare", "suggest",  "seek",   "request",  "urge",    "invite",
    "offer",   "expect", "hope",    "want",     "intend", "consider", "explore", "await",
    "call",    "push",   "press",   "advocate", "insist", "demand",
};

// Support verbs: their subject is the event's agent when the event is their direct object
// ("Bush ordered an invasion of Panama", "Russia launched an attack on Ukraine", "paid a visit
// to Japan").
constexpr std::string_view kSupportVerbs[] = {
    "launch", "order",  "conduct",  "stage", "mount", "begin",    "start", "undertake", "make",
    "pay",    "resume", "complete", "lead",  "carry", "continue", "issue", "release",
};

}  // namespace

void ClauseReader::FindNominals() {
  // Most sentences hold no such noun (Classify tells).
  if (!nominal_word_) return;
  for (uint32_t u = 0; u < n_; ++u) {
    const Info& i = info_[u];
    if (i.kind != Kind::kWord || i.lex == nullptr || !(i.lex->event_noun || i.lex->clause_noun) ||
        info_[u].verb) {
      continue;
    }
    // The head of its noun phrase: "the summit meeting", not "the meeting room" or "the
    // visit-related costs".
    if (IsNounWord(u + 1) && !Has(u + 1, kClassModifier | kClassNumber)) continue;
    if (IsPunct(u + 1, '-')) continue;
    ReadNominal(u);
  }
}

bool ClauseReader::InfinitiveAfter(uint32_t k) const {
  if (!Is(k, "to") || k + 1 >= n_ || info_[k + 1].kind != Kind::kWord || info_[k + 1].cap) {
    return false;
  }
  if ((info_[k + 1].forms & kFormBase) != 0) return true;
  // "to de-escalate": a prefix joined by a hyphen to a verb's base form.
  return k + 3 < n_ && info_[k + 1].classes == 0 && IsPunctRaw(k + 2, '-') && Joined(k + 2) &&
         Joined(k + 3) && info_[k + 3].kind == Kind::kWord && (info_[k + 3].forms & kFormBase) != 0;
}

bool ClauseReader::GerundAfter(uint32_t k) const {
  return Is(k, "to") && k + 1 < n_ && info_[k + 1].kind == Kind::kWord && !info_[k + 1].cap &&
         (info_[k + 1].forms & kFormIng) != 0;
}

int ClauseReader::ClauseSubjectOfPhrase(uint32_t b, uint32_t k, const VerbGroup* gov) const {
  static constexpr std::string_view kTimePreps[] = {"after",  "following", "during",
                                                    "before", "upon",      "throughout"};
  // "a series of talks with", "several rounds of negotiations with": the phrase is the
  // container's.
  uint32_t start = b;
  if (start >= 2 && Is(start - 1, "of") && ContainerNoun(Lower(start - 2))) {
    start -= 2;
    while (start > 0 && Has(start - 1, kClassDeterminer | kClassNumber | kClassModifier)) --start;
  }
  if (start == 0) return -1;
  const uint32_t prep = start - 1;
  const bool time =
      info_[prep].kind == Kind::kWord &&
      std::find(std::begin(kTimePreps), std::end(kTimePreps), Lower(prep)) != std::end(kTimePreps);
  if (!time && !Is(prep, "in") && !Is(prep, "at")) return -1;
  // The partner: an entity after "with" among the noun's phrases.
  bool partner = false;
  for (uint32_t w = b; w + 1 < k; ++w) {
    if (Is(w, "with") && out_->chunk_of[w + 1] >= 0 &&
        !out_->chunks[out_->chunk_of[w + 1]].members.empty()) {
      partner = true;
    }
  }
  if (!partner) return -1;
  // One actor: of a list the sentence does not say who had the meeting ("In a meeting with
  // King Salman, the United States and Saudi Arabia finalized").
  // Not a group: "in meetings with the Ministry of Defence, officials discussed" says little of
  // who met.
  auto one = [&](int c) {
    if (c < 0) return false;
    const Chunk& chunk = out_->chunks[c];
    return chunk.pronoun || (chunk.members.size() == 1 && !NamesOnlyGroups(chunk));
  };
  const bool opens = ClauseStartBefore(prep);
  if (!opens) {
    // The clause before the phrase: its verb's subject, when the phrase is the verb's (of
    // time anywhere in the clause; "in"/"at" right after the verb).
    if (gov == nullptr || gov->infinitive || gov->verbs.back().passive || gov->subject < 0 ||
        gov->nominal || gov->subject_via == "participle clause" || gov->clause_end < prep) {
      return -1;
    }
    if (!time && gov->complement != prep) return -1;
    return one(gov->subject) ? gov->subject : -1;
  }
  // The phrase opens its clause: the subject right after the comma that closes it.
  for (const VerbGroup& next : out_->groups) {
    if (next.begin < k) continue;
    if (next.infinitive || next.subject < 0 || next.subject_via != "before the verb" ||
        next.verbs.back().passive) {
      return -1;
    }
    const uint32_t sb = out_->chunks[next.subject].begin;
    if (sb < k || out_->chunks[next.subject].pronoun || !one(next.subject)) return -1;
    for (uint32_t w = k; w < sb; ++w) {
      if (IsPunct(w, ',')) return next.subject;
      if (IsHardStop(w)) return -1;
    }
    return -1;
  }
  return -1;
}

void ClauseReader::ReadNominal(uint32_t u) {
  Modality modality = Modality::kAsserted;
  auto cue = [&](uint32_t k) { modality = Stronger(modality, NominalCueModality(Lower(k))); };
  // The phrase before the noun: adjectives and nouns, entity and demonym modifiers ("U.S.
  // mediation", "the Soviet invasion"), a possessor ("Russia's attack"), a determiner.
  std::vector<uint32_t> owners;
  bool possessor = false;                 // an entity's possessive ("Russia's") opens the phrase
  uint32_t possessive_pronoun = kNoUnit;  // "his call with", "our deliveries of"
  uint32_t b = u;
  while (b > 0 && u - b < 10) {
    const uint32_t p = b - 1;
    if (info_[p].kind == Kind::kDemonym) {
      owners.push_back(static_cast<uint32_t>(info_[p].mention));
      b = p;
      continue;
    }
    if (info_[p].kind == Kind::kDate) {  // "the 1967 war"
      b = p;
      continue;
    }
    // A possessor: "Russia's", "Hamas'", "today's"; it opens the phrase.
    uint32_t e = kNoUnit;
    if (Is(p, "s") && p > 0 && IsPunct(p - 1, '\'')) {
      e = p - 1;
    } else if (IsPunct(p, '\'') && p > 0) {
      e = p;
    }
    if (e != kNoUnit) {
      if (const int c = ChunkEndingAt(e); c >= 0) {
        for (uint32_t m : out_->chunks[c].members) owners.push_back(m);
        b = out_->chunks[c].begin;
        possessor = !out_->chunks[c].members.empty();
      } else if (e > 0 && info_[e - 1].kind == Kind::kDate) {
        b = e - 1;
      }
      break;
    }
    // An entity modifier: "the U.S. offer", "U.S.-Israel talks".
    // Of a list only its last member modifies the noun: "the launch of the IPEF, and the Quad
    // meeting" is a meeting of the Quad. A gerund with an object is a clause whose subject is
    // the whole list: "China and the Solomon Islands signing a security agreement".
    if (const int c = ChunkEndingAt(b); c >= 0 && out_->chunks[c].end == b) {
      const Chunk& modifier = out_->chunks[c];
      if (modifier.members.size() > 1 && !Has(u + 1, kClassDeterminer)) {
        if (!IsEntity(p)) break;
        owners.push_back(static_cast<uint32_t>(info_[p].mention));
        b = p;
        if (b > 0 && Is(b - 1, "the")) --b;
        break;
      }
      for (uint32_t m : modifier.members) owners.push_back(m);
      b = modifier.begin;
      continue;
    }
    if (IsPunct(p, '-') && p > 0 && IsEntity(p - 1)) {
      b = p;
      continue;
    }
    if (Has(p, kClassDeterminer | kClassPossessive)) {
      cue(p);
      if (Has(p, kClassPossessive) && !Is(p, "its") && !Is(p, "your")) possessive_pronoun = p;
      b = p;
      break;
    }
    // A verb form no determiner or possessor introduces is a verb the tagger did not group
    // ("the Palestinians suspended talks"): the phrase starts after it.
    if ((info_[p].forms & (kFormEd | kFormThird)) != 0 && p > 0 &&
        !Has(p - 1, kClassDeterminer | kClassPossessive) && !IsPunct(p - 1, '\'') &&
        !Is(p - 1, "s")) {
      break;
    }
    if (IsNounWord(p) || Has(p, kClassModifier | kClassNumber) || IsAdverb(p)) {
      cue(p);
      b = p;
      continue;
    }
    break;
  }
  // An event the phrase itself marks as prospective or uncertain ("any prospective troop
  // withdrawal", "a possible visit", "no invasion") is only talked about: no statement.
  if (modality != Modality::kAsserted) return;
  VerbGroup g;
  g.nominal = true;
  g.begin = b;
  g.end = u + 1;
  g.complement = u + 1;
  GroupVerb noun;
  noun.unit = u;
  // The phrases after the noun: "of Ukraine", "to the Temple Mount", "with President Putin",
  // "between A and B"; a date or an adverb may stand between ("his call yesterday with").
  uint32_t k = u + 1;
  while (k < n_ && g.preps.size() < 4) {
    if (IsAdverb(k) || info_[k].kind == Kind::kDate) {
      ++k;
      continue;
    }
    if (!Has(k, kClassPreposition | kClassTo) || Is(k, "including") || Is(k, "as") ||
        Is(k, "like")) {
      break;
    }
    // "plans to visit", "a promise to de-escalate": an infinitive, no phrase; after a noun of
    // content also a gerund ("a commitment to advancing").
    if (InfinitiveAfter(k) || (info_[u].lex->clause_noun && GerundAfter(k))) break;
    PrepPhrase pp;
    pp.prep = k;
    pp.chunk = ChunkAt(k + 1);
    g.preps.push_back(pp);
    if (pp.chunk < 0) {
      ++k;
      break;
    }
    k = out_->chunks[pp.chunk].end;
  }
  // A noun of content ("a statement that ...", "Rabin's promise to withdraw", "commitments by
  // Israel and the PA to de-escalate"): its that-clause or to-infinitive; without one a noun
  // only `noun-clause` lines name is no event.
  const LexEntry& entry = *info_[u].lex;
  // Only right after the noun or its by- and of-phrases: in "a commitment to values that unite
  // us" the that-clause is the relative clause of another noun.
  const bool next_to_noun = std::all_of(g.preps.begin(), g.preps.end(), [&](const PrepPhrase& pp) {
    return Is(pp.prep, "by") || Is(pp.prep, "of");
  });
  // "a Statement of Administration Policy that condemns": "that" before a verb is a relative
  // pronoun, no content.
  const bool relative = k + 1 < n_ && info_[k + 1].kind == Kind::kWord &&
                        ((info_[k + 1].forms & (kFormThird | kFormEd)) != 0 ||
                         Has(k + 1, kClassBe | kClassHave | kClassModal | kClassDo));
  if (entry.clause_noun && next_to_noun) {
    if (Is(k, "that") && k + 1 < n_ && !relative && !ThatTime(k)) {
      g.that_clause = k + 1;
      if (const int c = ChunkAt(k + 1); c >= 0 && !out_->chunks[c].members.empty()) {
        g.that_subject = c;
      }
    } else if (InfinitiveAfter(k) || GerundAfter(k)) {
      g.to_clause = k + 1;
    }
  }
  if (entry.clause_noun && g.that_clause == kNoUnit && g.to_clause == kNoUnit &&
      !entry.event_noun) {
    return;
  }
  g.clause_begin = b;
  g.clause_end = k;
  // The of-phrase right after the noun is its object ("the invasion of Ukraine"), or, for a
  // frame whose object it cannot be, its subject ("the visit of Sharon"; frames.h decides).
  if (!g.preps.empty() && g.preps[0].prep == u + 1 && Is(u + 1, "of") && g.preps[0].chunk >= 0) {
    g.object = g.preps[0].chunk;
    g.preps.erase(g.preps.begin());
  }
  // Who acts: a by-phrase, the phrase's owners, the parties of a between-phrase.
  for (const PrepPhrase& pp : g.preps) {
    if (Is(pp.prep, "by") && pp.chunk >= 0 && !out_->chunks[pp.chunk].members.empty()) {
      g.subject = pp.chunk;
      g.subject_via = "by-phrase";
      break;
    }
  }
  if (g.subject < 0 && !owners.empty()) {
    Chunk phrase;
    phrase.begin = b;
    phrase.end = u + 1;
    phrase.head = u;
    phrase.owners = owners;
    g.subject = AddChunk(std::move(phrase));
    g.owner_subject = true;
    g.subject_via = "owner";
  }
  // The between-phrase must follow the noun or its place ("the summit in Baghdad between A
  // and B"): in "negotiations on a treaty between A and B" it is the treaty's.
  if (g.subject < 0 && !g.preps.empty()) {
    const size_t first = Is(g.preps[0].prep, "in") || Is(g.preps[0].prep, "at") ? 1 : 0;
    for (size_t i = first; i < g.preps.size() && i <= first; ++i) {
      const PrepPhrase& pp = g.preps[i];
      if (!Is(pp.prep, "between") || pp.chunk < 0) continue;
      int c = pp.chunk;
      // "between senior officials of A, B and C".
      if (out_->chunks[c].members.size() < 2 && NamesOnlyGroups(out_->chunks[c]) &&
          i + 1 < g.preps.size() && Is(g.preps[i + 1].prep, "of") && g.preps[i + 1].chunk >= 0 &&
          out_->chunks[c].end == g.preps[i + 1].prep) {
        c = g.preps[i + 1].chunk;
      }
      if (out_->chunks[c].members.size() >= 2) {
        g.subject = c;
        g.subject_via = "between-phrase";
      }
      break;
    }
  }
  // "towards a meeting", "the prospect of a summit", "preparations for the visit".
  if (b > 0 && (Is(b - 1, "toward") || Is(b - 1, "towards"))) {
    modality = Stronger(modality, Modality::kPlanned);
  }
  if (b > 1 && (Is(b - 1, "of") || Is(b - 1, "for"))) {
    modality = Stronger(modality, ProspectNounModality(Lower(b - 2)));
  }
  // The nearest verb before the phrase, with no clause boundary between, governs it: its
  // modality (not its negation: "did not discuss Russia's invasion" is about an invasion), its
  // complement clause, its if-clause; "plans a visit", "proposed engagement, including a
  // meeting", "looks forward to the summit" are planned.
  const VerbGroup* gov = nullptr;
  for (const VerbGroup& group : out_->groups) {
    if (group.verbs.back().unit < b) gov = &group;
  }
  for (uint32_t k2 = gov != nullptr ? gov->verbs.back().unit + 1 : b; k2 < b; ++k2) {
    if (IsHardStop(k2) || Has(k2, kClassSubordinator | kClassRelative)) gov = nullptr;
  }
  // "Bush ordered an invasion of Panama": the support verb's subject acts.
  // Not a participle clause's borrowed subject ("..., including continuing consultations with
  // Qatar and Egypt").
  if (gov != nullptr && g.subject < 0 && !gov->infinitive && !gov->verbs.back().passive &&
      gov->subject >= 0 && gov->subject_via != "participle clause" && gov->object >= 0 &&
      out_->chunks[gov->object].begin == b) {
    for (uint32_t id : gov->verbs.back().verbs) {
      if (std::find(std::begin(kSupportVerbs), std::end(kSupportVerbs), lex_.Lemma(id)) !=
          std::end(kSupportVerbs)) {
        g.subject = gov->subject;
        g.subject_via = "subject of '" + std::string(Lower(gov->verbs.back().unit)) + "'";
        break;
      }
    }
  }
  // "responded to Kennedy's message with a statement that ...": the subject of the verb whose
  // with-phrase a noun of content is says it.
  if (gov != nullptr && g.subject < 0 && (g.that_clause != kNoUnit || g.to_clause != kNoUnit) &&
      !gov->infinitive && !gov->verbs.back().passive && gov->subject >= 0 && b > 0 &&
      Is(b - 1, "with")) {
    g.subject = gov->subject;
    g.subject_via = "subject of '" + std::string(Lower(gov->verbs.back().unit)) + "'";
  }
  // "his call yesterday with key allies", "our deliveries of security assistance": without
  // a support verb's subject ("the Contras launched their first attack"), the pronoun acts,
  // resolved as a subject pronoun is (participants.h).
  if (g.subject < 0 && owners.empty() && possessive_pronoun != kNoUnit) {
    g.subject = AddPronounChunk(possessive_pronoun, possessive_pronoun);
    g.subject_via = "possessive pronoun";
  }
  // "After another private meeting with Litvinov, Roosevelt secured", "signed the accord
  // during talks with Egypt": a meeting the clause's subject had, named by a noun with its
  // partner in a with-phrase, in a prepositional phrase of the clause (of time, or "in"/"at"
  // opening the clause or right after its verb: "progress in talks with Iran" is the
  // progress's).
  if (g.subject < 0 && owners.empty() && possessive_pronoun == kNoUnit) {
    if (const int by = ClauseSubjectOfPhrase(b, k, gov); by >= 0) {
      g.subject = by;
      g.subject_via = "subject of the clause";
    }
  }
  // A phrase a possessor opens is definite and presupposes its event ("should agree to Putin's
  // offer", "might reject Russia's proposal", "wants to discuss China's invasion of"): the
  // governing verb's own modality, catenatives, complement clause and if-clause do not reach
  // it; a verb of prospect does ("demanded Israel's withdrawal", "looks forward to Xi's visit").
  g.presupposed = possessor && g.subject_via == "owner";
  if (gov != nullptr) {
    const GroupVerb& verb = gov->verbs.back();
    Modality m = g.presupposed ? Modality::kAsserted : verb.modality;
    if (m == Modality::kNegated) m = Modality::kAsserted;
    for (uint32_t id : verb.verbs) {
      if (auto c = lex_.Catenative(id); c && !g.presupposed) m = Stronger(m, *c);
      if (std::find(std::begin(kProspectVerbs), std::end(kProspectVerbs), lex_.Lemma(id)) !=
          std::end(kProspectVerbs)) {
        m = Stronger(m, Modality::kPlanned);
      }
    }
    if (Is(verb.unit + 1, "forward")) m = Stronger(m, Modality::kPlanned);
    if (!g.presupposed) {
      if (gov->embedded) m = Stronger(m, gov->embedded_modality);
      if (gov->conditional) m = Stronger(m, Modality::kHedged);
    }
    modality = Stronger(modality, m);
  }
  noun.modality = modality;
  g.verbs.push_back(std::move(noun));
  out_->nominals.push_back(std::move(g));
}

}  // namespace parley::internal::clause_reader

namespace parley::internal {

Modality NominalCueModality(std::string_view word) {
  for (const clause_reader::Cue& c : clause_reader::kNominalCues) {
    if (c.word == word) return c.modality;
  }
  return Modality::kAsserted;
}

bool ContainerNoun(std::string_view word) {
  // Counts of what follows too: "sent thousands of troops into Afghanistan", "large numbers of
  // Egyptian soldiers", "a contingent of marines".
  static constexpr std::string_view kContainers[] = {
      "series", "round",  "rounds", "number",   "numbers",   "set",        "sets",
      "pair",   "couple", "dozens", "hundreds", "thousands", "contingent", "contingents"};
  return std::find(std::begin(kContainers), std::end(kContainers), word) != std::end(kContainers);
}

Modality ProspectNounModality(std::string_view word) {
  for (const clause_reader::Cue& c : clause_reader::kProspectNouns) {
    if (c.word == word) return c.modality;
  }
  return Modality::kAsserted;
}

}  // namespace parley::internal
