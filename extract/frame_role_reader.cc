#include "extract/frame_role_reader.h"

#include <algorithm>
#include <utility>

#include "extract/frames.h"
#include "extract/participants.h"
#include "extract/statements.h"

namespace parley::internal {

bool RoleReader::SurfaceSubject(const Rule& rule) {
  const Frame& frame = *rule.frame;
  return rule.imported && rule.cameo.empty() && !frame.refine.empty() &&
         std::all_of(frame.refine.begin(), frame.refine.end(),
                     [](const Refinement& r) { return r.cameo.empty() && !r.reverse.empty(); });
}

void RoleReader::FindDirect(const VerbGroup& g, const GroupVerb& v, const FrameVerb& fv,
                            RoleReading* r) const {
  if (r->chained) return;
  if (v.passive) {
    r->direct = g.subject;
  } else if (!fv.particle.empty()) {
    for (size_t i = 0; i < g.preps.size(); ++i) {
      if (g.preps[i].prep == r->verb_end - 1) {
        r->direct = g.preps[i].chunk;
        r->first_pp = i + 1;
      }
    }
    if (r->direct < 0 && g.complement == r->verb_end) r->direct = g.object;
  } else {
    r->direct = g.object;
  }
}

bool RoleReader::HasObjectWord(const Frame& frame, const VerbGroup& g, int direct) const {
  // The noun phrase itself: "reaffirmed its commitment to support X" holds no support.
  if (roles_.PhraseHasWord(a_.chunks[direct].begin, a_.chunks[direct].end, frame.object_words)) {
    return true;
  }
  // A container's of-phrase holds what it contains: "held a series of meetings with",
  // "concluded a series of treaties with".
  if (ContainerNoun(Lower(a_.chunks[direct].end - 1))) {
    if (const int of = roles_.OfPhraseAfter(g, direct); of >= 0) {
      return roles_.PhraseHasWord(a_.chunks[of].begin, a_.chunks[of].end, frame.object_words);
    }
  }
  return false;
}

void RoleReader::ReadObject(const Rule& rule, const VerbGroup& g, RoleReading* r) const {
  const Frame& frame = *rule.frame;
  const bool chained = r->chained, bare_infinitive = r->bare_infinitive;
  const int direct = r->direct;
  const size_t first_pp = r->first_pp;
  std::vector<const EntityDef*>& objects = r->objects;
  int& object_chunk = r->object_chunk;
  bool& object_from_members = r->object_from_members;
  for (const RoleFiller& f : frame.object) {
    if (f.that) {
      // The subject of a that-clause: "allowed that Mordor isn't a pleasant place".
      if (chained || g.that_subject < 0) continue;
      objects = ResolveChunk(s_, a_, g.that_subject, kActorBits, true, false, doc_);
      if (!objects.empty()) {
        object_chunk = g.that_subject;
        object_from_members = true;
        break;
      }
    } else if (f.prep.empty()) {
      if (direct < 0) continue;
      // A noun phrase that names no entity, with one set off by commas after it: "invaded its
      // equally poor neighbor, Ethiopia," (not its owner: "attacked Russia's neighbor,
      // Ukraine," attacked Ukraine).
      if (const int appos = roles_.Apposition(direct); appos >= 0) {
        objects = ResolveChunk(s_, a_, appos, f.bits, f.actor, false, doc_);
        if (!objects.empty()) {
          object_chunk = appos;
          object_from_members = true;
          break;
        }
      }
      // The owner of the object phrase, where the frame says so: "rejected Moscow's proposal",
      // "attacked Israel's forces" (but "welcomed Japan's revision" welcomed the revision).
      const bool owners = (f.bits & frame.owner_bits) != 0;
      objects = ResolveChunk(s_, a_, direct, f.bits, f.actor, owners, doc_);
      if (!objects.empty()) {
        object_chunk = direct;
        object_from_members = !a_.chunks[direct].members.empty();
        break;
      }
    } else if (!chained) {
      if (bare_infinitive) continue;
      if (roles_.CommentTopic(rule, f, direct)) {
        if (const int of = roles_.OfPhraseAfter(g, direct); of >= 0) {
          objects = ResolveChunk(s_, a_, of, f.bits, f.actor, true, doc_);
          if (!objects.empty()) {
            object_chunk = of;
            object_from_members = true;
            break;
          }
        }
        continue;
      }
      object_chunk =
          roles_.FromPreps(g, first_pp, f, &objects, frame.owner_bits, rule.imported, rule.cameo);
      if (object_chunk >= 0) {
        object_from_members = true;
        break;
      }
      // PETRARCH's first actor after the verb may be the agent of a reduced relative on the
      // direct object, which owns it as a possessor would: "welcomed memos sent by Bree".
      if (const int agent = roles_.ReducedRelativeAgent(direct);
          agent >= 0 && f.prep == "any" && (f.bits & frame.owner_bits) != 0) {
        objects = ResolveChunk(s_, a_, agent, f.bits, f.actor, false, doc_);
        if (!objects.empty()) {
          object_chunk = agent;
          object_from_members = true;
          break;
        }
      }
    }
  }
}

const char* RoleReader::ReadSubject(const Rule& rule, const VerbGroup& g, const GroupVerb& v,
                                    RoleReading* r) const {
  const Frame& frame = *rule.frame;
  const size_t first_pp = r->first_pp;
  int& direct = r->direct;
  int& subject_chunk = r->subject_chunk;
  std::vector<const EntityDef*>& subjects = r->subjects;
  std::string& subject_note = r->subject_note;
  std::vector<const EntityDef*>& objects = r->objects;
  int& object_chunk = r->object_chunk;
  bool& object_from_members = r->object_from_members;
  // An imported frame takes the owner of a subject phrase that names no entity, as PETRARCH
  // codes the first actor of the subject's noun phrase ("Eriador's death toll has risen").
  subject_chunk = v.passive && !SurfaceSubject(rule) ? g.agent : g.subject;
  subjects = ResolveChunk(s_, a_, subject_chunk, frame.subject_bits, frame.subject_actor,
                          g.owner_subject || rule.imported, doc_);
  // A nominalisation without an agent whose of-phrase cannot be the object is about its
  // subject: "the visit of Sharon to the Temple Mount", "the surrender of Germany".
  if (g.nominal && subjects.empty() && direct >= 0 && object_chunk != direct) {
    subjects = ResolveChunk(s_, a_, direct, frame.subject_bits, frame.subject_actor, false, doc_);
    if (!subjects.empty()) {
      subject_chunk = direct;
      direct = -1;
      for (const RoleFiller& f : frame.object) {
        if (!objects.empty()) break;
        if (f.prep.empty()) continue;
        object_chunk =
            roles_.FromPreps(g, first_pp, f, &objects, frame.owner_bits, rule.imported, rule.cameo);
        if (object_chunk >= 0) {
          object_from_members = true;
          break;
        }
      }
    }
  }
  // Agentless passive: the parties of the agreement it is about.
  if (subjects.empty() && v.passive && g.agent < 0) {
    for (const EntityDef* o : objects) {
      if (o->entity.type != EntityType::kAgreement) continue;
      const auto it = o->entity.attributes.find("parties");
      if (it == o->entity.attributes.end()) continue;
      std::string_view rest = it->second;
      while (!rest.empty()) {
        const size_t comma = rest.find(',');
        if (const EntityDef* party = doc_.Find(std::string(rest.substr(0, comma)))) {
          if ((EntityTypeBit(party->entity.type) & frame.subject_bits) != 0) {
            subjects.push_back(party);
          }
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
      subject_note = "parties of " + o->entity.id;
    }
  }
  // The verb that opens a list item: the list introduction's subjects ("The Quad will: ...
  // Launch the Quad Fellowship").
  if (subjects.empty() && g.imperative && subject_chunk < 0 && doc_.actors != nullptr) {
    for (const EntityDef* e : doc_.actors->ListSubjects()) {
      if ((EntityTypeBit(e->entity.type) & frame.subject_bits) != 0) subjects.push_back(e);
    }
    subject_note = "the list's introduction";
  }
  if (subjects.empty()) {
    return subject_chunk < 0 ? "no subject" : "the subject names no entity";
  }
  if (doc_.trace && subject_note.empty() && doc_.actors != nullptr) {
    subject_note = doc_.actors->Resolve(s_, a_, subject_chunk).how;
  }
  return nullptr;
}

void RoleReader::ReadRecipient(const Frame& frame, const VerbGroup& g, const GroupVerb& v,
                               RoleReading* r) const {
  const bool chained = r->chained;
  const int direct = r->direct, indirect = r->indirect;
  const size_t first_pp = r->first_pp;
  std::vector<const EntityDef*>& recipients = r->recipients;
  bool& recipient_is_direct = r->recipient_is_direct;
  bool& recipient_with = r->recipient_with;
  for (const RoleFiller& f : frame.recipient) {
    if (chained) break;
    if (f.that) {
      if (g.that_subject >= 0) {
        recipients = ResolveChunk(s_, a_, g.that_subject, kActorBits, true, false, doc_);
      }
    } else if (f.prep.empty()) {
      // The indirect object ("offered Russia a package"), or the direct object of a frame that
      // takes none itself ("urged Xi to act").
      int c = indirect;
      const bool takes_direct =
          std::any_of(frame.object.begin(), frame.object.end(),
                      [](const RoleFiller& o) { return o.prep.empty() && !o.that; });
      if (c < 0 && !takes_direct && !v.passive) c = direct;
      if (c >= 0) {
        recipients = ResolveChunk(s_, a_, c, f.bits, f.actor, false, doc_);
        if (!recipients.empty() && c == direct) recipient_is_direct = true;
      }
    } else {
      roles_.FromPreps(g, first_pp, f, &recipients);
      recipient_with = f.prep == "with";
    }
    if (!recipients.empty()) break;
  }
}

void RoleReader::ReadText(const Frame& frame, const VerbGroup& g, size_t k, RoleReading* r) const {
  const bool chained = r->chained;
  const int direct = r->direct, object_chunk = r->object_chunk;
  const bool object_from_members = r->object_from_members;
  const bool recipient_is_direct = r->recipient_is_direct;
  const size_t first_pp = r->first_pp;
  const std::vector<const EntityDef*>& objects = r->objects;
  std::string text;
  uint32_t& text_end = r->text_end;
  text_end = r->verb_end;
  auto take = [&](uint32_t from) { TakeText(g, direct, from, &text, &text_end); };
  // The first source the frame lists that the clause has.
  uint32_t best = kNoUnit;
  bool best_quote = false;
  auto consider = [&](uint32_t start, bool quote) {
    if (start != kNoUnit && start < s_.units.size() && best == kNoUnit) {
      best = start;
      best_quote = quote;
    }
  };
  for (const TextFiller& t : frame.text) {
    switch (t.kind) {
      case TextFiller::Kind::kObject:
        if (direct >= 0 && !(object_from_members && object_chunk == direct) &&
            !recipient_is_direct && !chained) {
          consider(a_.chunks[direct].begin, false);
        }
        break;
      case TextFiller::Kind::kThat:
        if (!chained) consider(g.that_clause, false);
        break;
      case TextFiller::Kind::kTo:
      case TextFiller::Kind::kInfinitive:
        // A to-infinitive ("agreed to cooperate"); for `to`, else a to-phrase ("agreed to the
        // offer").
        if (chained) {
          consider(g.verbs[k + 1].unit, false);
        } else if (g.to_clause != kNoUnit) {
          consider(g.to_clause, false);
        } else if (t.kind == TextFiller::Kind::kTo) {
          consider(roles_.PrepText(g, first_pp, "to"), false);
        }
        break;
      case TextFiller::Kind::kQuote:
        if (!chained) consider(g.quote, true);
        break;
      case TextFiller::Kind::kPrep:
        if (!chained) consider(roles_.PrepText(g, first_pp, t.prep), false);
        break;
    }
  }
  if (best != kNoUnit && best_quote) {
    const Mention& q = s_.mentions[s_.units[best].mention];
    text = std::string(s_.Range(q.tok_begin + 1, q.tok_end - 1));
    text_end = std::max(text_end, best + 1);
  } else if (best != kNoUnit) {
    take(best);
  }
  // "relentlessly attacking Ukraine's energy system", "rejected Moscow's proposal": where the
  // object is the owner of the object phrase, the phrase says what of it the act is on.
  if (text.empty() && !chained && direct >= 0 && object_chunk == direct && !objects.empty() &&
      !object_from_members && !a_.chunks[direct].owners.empty()) {
    take(a_.chunks[direct].begin);
  }
  // "pledged to create working groups, and to enter into a Memorandum": one statement per
  // coordinated to-infinitive.
  std::vector<std::string> texts = {text};
  if (best != kNoUnit && !best_quote && !chained && best == g.to_clause) {
    for (uint32_t more : g.more_to_clauses) {
      take(more);
      texts.push_back(text);
    }
    text = texts[0];
  }
  r->texts = std::move(texts);
}

void RoleReader::TakeText(const VerbGroup& g, int direct, uint32_t from, std::string* text,
                          uint32_t* text_end) const {
  auto [b, e] = text_.TextExtent(from);
  // A passive's grammatical subject ends where its verb group starts; the antecedent of a
  // relative clause is its own chunk.
  if (b < g.begin) e = std::min(e, g.begin);
  // A nominalisation's text ends with its phrase, its of-phrase with that phrase; the
  // content clause of a noun of content ("a statement that ...") is no part of the phrase.
  // A noun of content's to-infinitive ends before the verb of the clause the noun is in:
  // "Japan's promise to withdraw was welcome".
  if (g.nominal && from == g.to_clause) {
    for (uint32_t k = from + 1; k < e; ++k) {
      const LexEntry* w = doc_.rules.lexicon.Find(Lower(k));
      if (sentence_.group_start[k] ||
          (w != nullptr && (w->classes & (kClassBe | kClassModal | kClassHave)) != 0)) {
        e = k;
      }
    }
  }
  if (g.nominal && from != g.that_clause && from != g.to_clause) {
    e = std::min(e, g.clause_end);
    if (direct >= 0 && from == a_.chunks[direct].begin) e = std::min(e, a_.chunks[direct].end);
  }
  if (g.object_relative && direct == g.object && from == a_.chunks[direct].begin) {
    e = a_.chunks[direct].end;
  }
  if (b < e) {
    *text = UnitsString(s_, b, e);
    *text_end = std::max(*text_end, e);
  }
}

bool RoleReader::Mutual(const Frame& frame, const VerbGroup& g, const RoleReading& r) const {
  const std::vector<const EntityDef*>& subjects = r.subjects;
  // "A and B met": each member is the others' object (up to five members: every pair met);
  // "A and B signed": each is the other's recipient (two members only: a list of signatories
  // is no set of bilateral agreements).
  // Only when the role has no phrase at all: "Biden, Widodo and Von der Leyen met with
  // leaders from Argentina" did not meet each other.
  const size_t most = frame.reciprocal == Frame::Reciprocal::kObject ? 5 : 2;
  const std::vector<RoleFiller>& role =
      frame.reciprocal == Frame::Reciprocal::kObject ? frame.object : frame.recipient;
  bool phrase = false;
  for (const RoleFiller& f : role) {
    if (f.that && frame.reciprocal == Frame::Reciprocal::kObject) {
      phrase = phrase || g.that_subject >= 0;
    } else if (f.prep.empty()) {
      phrase = phrase || r.direct >= 0;
    } else {
      phrase = phrase || roles_.PrepText(g, r.first_pp, f.prep) != kNoUnit;
    }
  }
  return frame.reciprocal != Frame::Reciprocal::kNone && subjects.size() > 1 &&
         subjects.size() <= most && (!phrase || frame.reciprocal_only) &&
         !roles_.Convenors(g, r.subject_chunk);
}

Modality RoleReader::ReadModality(const Rule& rule, const VerbGroup& g, size_t k,
                                  const RoleReading& r, uint32_t b) const {
  const GroupVerb& v = g.verbs[k];
  const int direct = r.direct, subject_chunk = r.subject_chunk;
  Modality modality = v.modality;
  if (g.embedded) modality = Stronger(modality, g.embedded_modality);
  // "expressed no concern", "signed no agreement".
  if (direct >= 0 && Lower(a_.chunks[direct].begin) == "no") {
    modality = Stronger(modality, Modality::kNegated);
  }
  if (g.conditional) modality = Stronger(modality, Modality::kHedged);
  if (g.imperative && doc_.actors != nullptr) {
    modality = Stronger(modality, doc_.actors->ListModality());
  }
  if (rule.modality.has_value()) {
    modality = *rule.modality;
  } else {
    // Cue words count before the verb, but not inside a skipped relative clause or
    // parenthetical ("Putin, who has never been to Tokyo, met Abe" is asserted).
    std::vector<std::pair<size_t, size_t>> skipped;
    for (const SkippedSpan& k : a_.skipped) skipped.emplace_back(k.begin, k.end);
    // A subject shared with an earlier verb brings none of that verb's cues: "declaring
    // that the US would not permit X, and demanded Y" asserts the demand.
    if (!v.passive && g.subject_via.rfind("shared", 0) == 0) skipped.emplace_back(0, g.begin);
    // Nor does the verb whose object (or its owner or agent) does what a to-infinitive says:
    // "rejected the U.S. offer to sign" is about a signing the US offered.
    if (g.infinitive && subject_chunk >= 0 && g.subject_via.rfind("purpose", 0) != 0 &&
        g.subject_via.rfind("subject", 0) != 0) {
      skipped.emplace_back(0, a_.chunks[subject_chunk].begin);
    }
    // Nor the clause around a nominal that presupposes its event ("should agree to Putin's
    // offer": clauses.h); its own cue words after the noun count ("Xi's visit next month").
    uint32_t cue_end = v.unit + 1;
    // Nor the frame's own verb and the verbs coordinated with it: they are claims, not cues
    // about one ("Japan rejected the plan" is asserted, "Japan might reject it" hedged, "it
    // rejected and condemned the plan" an asserted condemnation). A catenative before the
    // verb still counts ("refused to sign": GroupVerb::modality).
    size_t run = k;
    while (run > 0 && g.verbs[run].coordinated) --run;
    for (size_t j = run; j < g.verbs.size() && (j == run || g.verbs[j].coordinated); ++j) {
      skipped.emplace_back(g.verbs[j].unit, g.verbs[j].unit + 1);
    }
    if (g.presupposed) {
      skipped.emplace_back(0, g.begin);
      cue_end = std::max(cue_end, std::min<uint32_t>(g.clause_end, s_.units.size()));
    }
    modality = Stronger(modality, CueModality(doc_.rules, s_, b, cue_end, skipped));
  }
  return modality;
}
}  // namespace parley::internal
