#include "extract/frames.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "extract/frame_emit.h"
#include "extract/frame_imported.h"
#include "extract/frame_index.h"
#include "extract/frame_lines.h"
#include "extract/frame_role_reader.h"
#include "extract/frame_roles.h"
#include "extract/frame_sentence.h"
#include "extract/frame_text.h"
#include "extract/participants.h"
#include "extract/rule_compiled.h"

namespace parley::internal {
namespace {

// The frame verb a nominalisation is read with (no verb, no particle).
const FrameVerb kNominalVerb;

// Two defs for one entity (a sector view and its entity are the same entity).
bool SameEntity(const EntityDef* a, const EntityDef* b) {
  return a != nullptr && b != nullptr && a->entity.id == b->entity.id;
}

// The frame matcher's tables (frame_index.h), one set per thread, kept from sentence to
// sentence and from document to document: what they hold between sentences means nothing
// (ApplyFrames resets the entries the sentence before set, and sizes the tables anew for
// other rules), and keeping them spares allocating and clearing tables sized by the rules for
// every document.
FrameScratch& ThreadScratch() {
  thread_local FrameScratch scratch;
  return scratch;
}

// Reads the frames of one sentence: for each frame, the verbs it names and the nouns of its
// nominalisations; at each, the frame's verb with its particle, whether its lines let it apply
// (FrameLines), its roles (FrameRoles, ResolveChunk), its text (TextExtents), its modality and
// codes, and one statement per member of every role (FrameEmitter).
class FrameReader {
 public:
  FrameReader(const Tagged& s, const ClauseAnalysis& a, const DocState& doc, bool headline,
              FrameScratch* scratch, std::vector<StatementCandidate>* candidates,
              SentenceAnalysis* out)
      : sentence_(s, a, doc),
        text_(sentence_),
        lines_(sentence_, text_, scratch),
        roles_(sentence_),
        role_reader_(sentence_, roles_, text_),
        imported_(sentence_, roles_),
        emitter_(sentence_, candidates, out),
        headline_(headline),
        scratch_(*scratch) {}

  // Reads `rule` at the verbs of the sentence's groups it names (the chain of
  // FrameScratch::verbs from `named`, -1 for none) and at the nominalisations of its nouns.
  void Apply(const Rule& rule, int32_t named) {
    const std::vector<FrameScratch::NamedVerb>& named_verbs = scratch_.verbs;
    for (int32_t i = named; i >= 0; i = named_verbs[i].next) {
      const VerbGroup& g = a_.groups[named_verbs[i].group];
      const size_t k = named_verbs[i].verb;
      // A to-infinitive is read when the clause layer found who does what it says, by the
      // hand-written frames only (PETRARCH's dictionaries code main verbs).
      if (g.infinitive && (g.subject < 0 || rule.imported)) continue;
      if (headline_ && g.subject_via != "before the verb") continue;
      const std::vector<uint32_t>& verbs = g.verbs[k].verbs;
      // An imported frame gives way to the hand-written frames that read this verb.
      if (rule.imported && std::find(hand_written_.begin(), hand_written_.end(), g.verbs[k].unit) !=
                               hand_written_.end()) {
        continue;
      }
      // The frame verb with the longest particle that follows: "broke off relations" is
      // "break off", not "break" with "off" as a preposition; and words before it, the same
      // way ("wire tapped").
      const FrameVerb* best = nullptr;
      for (const FrameVerb& fv : rule.frame->verbs) {
        if (std::find(verbs.begin(), verbs.end(), fv.verb) == verbs.end()) continue;
        if (!ParticleFollows(g.verbs[k].unit, fv.particle)) continue;
        if (!WordsBefore(g.verbs[k].unit, fv.before)) continue;
        if (best == nullptr ||
            fv.particle.size() + fv.before.size() > best->particle.size() + best->before.size()) {
          best = &fv;
        }
      }
      if (best != nullptr) Read(rule, g, k, *best);
    }
    // Nominalisations of the nouns the frame names: "Russia's invasion of Ukraine"; nouns of
    // content with their clause: "Rabin's promise to withdraw".
    const std::vector<std::string>& nouns = rule.frame->nouns;
    const std::vector<std::string>& clause_nouns = rule.frame->clause_nouns;
    if ((nouns.empty() && clause_nouns.empty()) || headline_) return;
    for (const VerbGroup& g : a_.nominals) {
      const std::string_view noun = Lower(g.verbs[0].unit);
      const bool content = g.that_clause != kNoUnit || g.to_clause != kNoUnit;
      if (std::find(nouns.begin(), nouns.end(), noun) != nouns.end() ||
          (content &&
           std::find(clause_nouns.begin(), clause_nouns.end(), noun) != clause_nouns.end())) {
        Read(rule, g, 0, kNominalVerb);
      }
    }
  }

  // FrameLines::MayApply.
  bool MayApply(uint32_t r) const { return lines_.MayApply(r); }

  // After the hand-written frames ran: the verb units they emitted statements at or read
  // become those imported frames leave alone.
  void LeaveHandWritten() {
    hand_written_ = emitter_.emitted();
    hand_written_.insert(hand_written_.end(), read_.begin(), read_.end());
  }

 private:
  std::string_view Lower(uint32_t u) const { return sentence_.Lower(u); }

  bool ParticleFollows(uint32_t verb, const std::vector<std::string>& particle) const {
    for (size_t i = 0; i < particle.size(); ++i) {
      if (Lower(verb + 1 + static_cast<uint32_t>(i)) != particle[i]) return false;
    }
    return true;
  }

  // Whether the words `before` stand right before unit `verb` ("wire" of "wire tapped").
  bool WordsBefore(uint32_t verb, const std::vector<std::string>& before) const {
    if (before.size() > verb) return false;
    const uint32_t first = verb - static_cast<uint32_t>(before.size());
    for (size_t i = 0; i < before.size(); ++i) {
      if (Lower(first + static_cast<uint32_t>(i)) != before[i]) return false;
    }
    return true;
  }

  // Reads `rule` at verb k of g, frame verb `fv` (kNominalVerb at a nominalisation): whether
  // it applies, its roles, its text, its modality and codes, then its statements.
  void Read(const Rule& rule, const VerbGroup& g, size_t k, const FrameVerb& fv) {
    const Frame& frame = *rule.frame;
    const GroupVerb& v = g.verbs[k];
    // An imported frame's lines first: ImportedSkip's trace is only of frames that apply.
    if (rule.imported && !lines_.Applies(rule, g, v.unit)) return;
    RoleReading r;
    r.chained = k + 1 < g.verbs.size() && !g.verbs[k + 1].coordinated;
    r.verb_end = v.unit + 1 + static_cast<uint32_t>(fv.particle.size());
    role_reader_.FindDirect(g, v, fv, &r);
    if (rule.imported) {
      if (const char* why = imported_.ImportedSkip(rule, g, k, r.direct, hand_written_)) {
        emitter_.Skip(rule, v.unit, why);
        return;
      }
    }
    r.bare_infinitive = rule.imported && !v.passive && roles_.HelpsBareInfinitive(g, k, r.direct);
    if (!r.chained && !v.passive && g.second_object >= 0 && fv.particle.empty()) {
      r.indirect = g.object;
      r.direct = g.second_object;
    }
    // `object-word`: there is a direct object, and its phrase holds one of the words or it
    // is an entity the phrase names (not a possessor: "Russia's claims" is no proposal). The
    // words first, before the frame's lines and the roles: most readings they refuse.
    const bool object_words = !frame.object_words.empty() && !g.nominal;
    bool has_word = true;
    if (object_words) {
      if (r.direct < 0) return;
      has_word = role_reader_.HasObjectWord(frame, g, r.direct);
    }
    if (!rule.imported && !lines_.Applies(rule, g, v.unit)) return;
    role_reader_.ReadObject(rule, g, &r);
    if (object_words && !has_word && !(r.object_from_members && r.object_chunk == r.direct)) {
      return;
    }
    // The hand-written frame reads this verb, whatever it gives: no imported frame reads it.
    if (!rule.imported) read_.push_back(v.unit);
    if (const char* why = role_reader_.ReadSubject(rule, g, v, &r)) {
      emitter_.Skip(rule, v.unit, why);
      return;
    }
    role_reader_.ReadRecipient(frame, g, v, &r);
    role_reader_.ReadText(frame, g, k, &r);
    const bool mutual = role_reader_.Mutual(frame, g, r);
    if (frame.reciprocal_only && !mutual) {
      emitter_.Skip(rule, v.unit, "the subject is no list of two to five actors");
      return;
    }
    // A frame that takes an object needs one, or a text; a frame that takes a recipient or a
    // text needs one of them. "A and B met" needs neither: each is the other's object.
    const bool no_text = r.texts[0].empty();
    if (!frame.object.empty() ? r.objects.empty() && no_text && !mutual
                              : (!frame.recipient.empty() || !frame.text.empty()) &&
                                    r.recipients.empty() && no_text && !mutual) {
      emitter_.Skip(rule, v.unit,
                    frame.object.empty() ? "no recipient or text" : "no object or text");
      return;
    }
    // The statement's extent, for the overlap policy and qualifier attachment.
    uint32_t b = r.subject_chunk >= 0 ? std::min(a_.chunks[r.subject_chunk].begin, v.unit) : v.unit;
    if (r.direct >= 0) b = std::min(b, a_.chunks[r.direct].begin);
    uint32_t e = std::max(r.verb_end, r.text_end);
    for (int c : {r.object_chunk, r.direct}) {
      if (c >= 0) e = std::max(e, a_.chunks[c].end);
    }
    if (!r.chained) e = std::max(e, g.clause_end);
    e = std::min<uint32_t>(e, static_cast<uint32_t>(s_.units.size()));
    // A passive's grammatical subject; a coordinated passive may have none ("X was a prosecutor
    // and was appointed by Reagan").
    if (r.subject_chunk >= 0 && v.passive && g.subject >= 0) {
      b = std::min(b, a_.chunks[g.subject].begin);
    }
    const Modality modality = role_reader_.ReadModality(rule, g, k, r, b);
    // A negated verb codes no event (PETRARCH codes none; "did not want to antagonize Napoleon
    // III", "was unable to find any common ground"): an imported frame gives nothing, unless it
    // codes the negated event itself (`modality asserted`: "DID N'T * OVER EFFORTS").
    if (rule.imported && !rule.modality.has_value() && modality == Modality::kNegated) {
      emitter_.Skip(rule, v.unit, "negated: no event");
      return;
    }
    bool by_list = false;
    const Refinement codes = lines_.Codes(rule, g, v.unit, &by_list);
    FrameReading reading;
    reading.rule = &rule;
    reading.group = &g;
    reading.verb = &v;
    reading.frame_verb = &fv;
    reading.noun = &fv == &kNominalVerb;
    reading.modality = modality;
    reading.plover = codes.plover;
    reading.begin = b;
    reading.end = e;
    // A show of force its pattern names no armed force of: it needs an armed actor.
    reading.unarmed_show = rule.imported && codes.plover == "MOBILIZE" && !by_list;
    EmitAll(reading, codes, mutual, &r);
  }

  // One statement per subject, object, recipient and text of reading `reading` with codes
  // `codes`; with `mutual` subjects, each with the others.
  void EmitAll(const FrameReading& reading, const Refinement& codes, bool mutual, RoleReading* r) {
    const Rule& rule = *reading.rule;
    const Frame& frame = *rule.frame;
    const GroupVerb& v = *reading.verb;
    const Modality modality = reading.modality;
    const std::vector<const EntityDef*>& subjects = r->subjects;
    std::vector<const EntityDef*>& objects = r->objects;
    std::vector<const EntityDef*>& recipients = r->recipients;
    const std::vector<std::string>& texts = r->texts;
    const std::string& subject_note = r->subject_note;
    const int subject_chunk = r->subject_chunk, object_chunk = r->object_chunk;
    const bool recipient_with = r->recipient_with;
    if (objects.empty()) objects.push_back(nullptr);
    if (recipients.empty()) recipients.push_back(nullptr);
    const bool reciprocal =
        mutual && (frame.reciprocal_only ||
                   (frame.reciprocal == Frame::Reciprocal::kObject && objects[0] == nullptr) ||
                   (frame.reciprocal == Frame::Reciprocal::kRecipient && recipients[0] == nullptr));
    // "Barak signed the Memorandum with Arafat": with a mutual recipient, one actor that does it
    // with one other in an active clause does it with the first too (Arafat signed, with
    // Barak), as "Barak and Arafat signed" would say. Only what happened: "Egypt would be
    // willing to sign a peace agreement with Israel" says nothing of Israel's will.
    const bool partner_acts = frame.reciprocal == Frame::Reciprocal::kRecipient &&
                              !frame.reciprocal_only && recipient_with && !v.passive &&
                              modality == Modality::kAsserted && subjects.size() == 1 &&
                              recipients.size() == 1 && recipients[0] != nullptr;
    // A participant the document established does not act on its own country ("We are
    // providing Ukraine with air defenses" in a statement Zelenskyy signed too).
    const bool implicit =
        subject_chunk >= 0 && a_.chunks[subject_chunk].members.empty() && doc_.actors != nullptr;
    // A list counts by its members, named entities or not.
    const size_t object_members =
        object_chunk >= 0 ? std::max(objects.size(), a_.chunks[object_chunk].members.size())
                          : objects.size();
    const size_t subject_members =
        subject_chunk >= 0 ? std::max(subjects.size(), a_.chunks[subject_chunk].members.size())
                           : subjects.size();
    if (frame.lists_none && (subject_members > 1 || object_members > 1)) {
      emitter_.Skip(rule, v.unit, "a list of subjects or of objects (lists none)");
      return;
    }
    for (const EntityDef* subject : subjects) {
      std::vector<const EntityDef*> others;
      if (reciprocal) {
        for (const EntityDef* o : subjects) {
          if (o != subject) others.push_back(o);
        }
      }
      const std::vector<const EntityDef*>& os =
          reciprocal && frame.reciprocal == Frame::Reciprocal::kObject ? others : objects;
      const std::vector<const EntityDef*>& rs =
          reciprocal && frame.reciprocal == Frame::Reciprocal::kRecipient ? others : recipients;
      for (const EntityDef* object : os) {
        for (const EntityDef* recipient : rs) {
          if (SameEntity(object, subject) || SameEntity(recipient, subject)) continue;
          if (implicit && (doc_.actors->Represents(subject, object) ||
                           doc_.actors->Represents(subject, recipient))) {
            continue;
          }
          for (size_t part = 0; part < texts.size(); ++part) {
            if (!codes.cameo.empty() || codes.reverse.empty()) {
              emitter_.Emit(reading, subject, object, recipient, texts[part], codes.cameo,
                            subject_note, part);
            }
            // CAMEO's "A:B": the same event seen from the other side ("left for" 032 / 033).
            if (!codes.reverse.empty() && object != nullptr) {
              emitter_.Emit(reading, object, subject, recipient, texts[part], codes.reverse,
                            "reverse of " + rule.id, part);
            }
            if (partner_acts && (!codes.cameo.empty() || codes.reverse.empty()) &&
                !SameEntity(object, recipient)) {
              emitter_.Emit(reading, recipient, object, subject, texts[part], codes.cameo,
                            "with-phrase of " + rule.id, part);
            }
          }
        }
      }
    }
  }

  const FrameSentence sentence_;
  const TextExtents text_;
  const FrameLines lines_;
  const FrameRoles roles_;
  const RoleReader role_reader_;
  const ImportedVerbs imported_;
  FrameEmitter emitter_;
  const Tagged& s_ = sentence_.s;
  const ClauseAnalysis& a_ = sentence_.a;
  const DocState& doc_ = sentence_.doc;
  const bool headline_;
  FrameScratch& scratch_;  // ThreadScratch()
  // The verb units hand-written frames read (their verb, `unless`/`when` and object words
  // allowing), whether or not they gave a statement there.
  std::vector<uint32_t> read_;
  // The units imported frames leave alone (LeaveHandWritten).
  std::vector<uint32_t> hand_written_;
};

}  // namespace

// Whether the sentence ends with a question mark (before closing quotes or brackets).
static bool IsQuestion(const Tagged& s) {
  for (size_t u = s.units.size(); u > 0 && u + 3 > s.units.size(); --u) {
    if (s.units[u - 1].mention >= 0) return false;
    const std::string_view w = s.LowerToken(s.units[u - 1].tok_begin);
    if (w == "?") return true;
    if (w != "\"" && w != "'" && w != ")" && w != "\u201d" && w != "\u2019") return false;
  }
  return false;
}

// Reads the frames ApplyFrames chose for sentence `s` (FrameScratch::apply, apply_imported).
static void ReadFrames(const Tagged& s, const ClauseAnalysis& a, const DocState& doc,
                       std::string_view only_relation, bool headline, FrameScratch* scratch_ptr,
                       std::vector<StatementCandidate>* candidates, SentenceAnalysis* out) {
  FrameScratch& scratch = *scratch_ptr;
  const std::vector<int32_t>& first = scratch.first_verb;
  FrameReader reader(s, a, doc, headline, &scratch, candidates, out);
  // Hand-written frames first; imported frames then skip the verbs those read.
  for (const bool imported : {false, true}) {
    // A question asserts no event ("do you see any signs that China is helping Russia?"): no
    // imported frame codes one there.
    if (imported && (scratch.apply_imported.empty() || IsQuestion(s))) break;
    if (imported) {
      reader.LeaveHandWritten();
    }
    for (uint32_t r : imported ? scratch.apply_imported : scratch.apply) {
      if (imported && !reader.MayApply(r)) continue;
      const Rule& rule = doc.rules.rules[r];
      if (!only_relation.empty() && rule.id != only_relation) continue;
      reader.Apply(rule, first[r]);
    }
  }
}

void ApplyFrames(const Tagged& s, const ClauseAnalysis& a, const FrameSelection& frames,
                 const DocState& doc, std::string_view only_relation, bool headline,
                 std::vector<StatementCandidate>* candidates, SentenceAnalysis* out) {
  if (frames.empty()) return;
  // What the sentence before left in the memo of lines (FrameReader::Occurs).
  FrameScratch& scratch = ThreadScratch();
  const FrameIndex& index = doc.rules.frame_index;
  if (scratch.may.size() != index.pattern_count) {
    scratch.may.assign(index.pattern_count, -1);
    scratch.first_occurrence.assign(index.pattern_count, -1);
  } else {
    for (uint32_t p : scratch.asked) {
      scratch.may[p] = -1;
      scratch.first_occurrence[p] = -1;
    }
  }
  scratch.asked.clear();
  scratch.occurrences.clear();
  // The verbs of the groups each frame names (FrameIndex::frames_of_verb), in the order of the
  // groups and their verbs: a frame the prefilter selected names none, mostly ("attack" as a
  // noun), and reads only nominalisations then.
  std::vector<int32_t>& first = scratch.first_verb;
  std::vector<int32_t>& last = scratch.last_verb;
  if (first.size() != doc.rules.rules.size()) {
    first.assign(doc.rules.rules.size(), -1);
    last.assign(doc.rules.rules.size(), -1);
  }
  scratch.verbs.clear();
  scratch.named.clear();
  for (uint32_t gi = 0; gi < a.groups.size(); ++gi) {
    const std::vector<GroupVerb>& verbs = a.groups[gi].verbs;
    for (uint32_t k = 0; k < verbs.size(); ++k) {
      for (uint32_t verb : verbs[k].verbs) {
        if (verb >= index.frames_of_verb.size()) continue;
        for (uint32_t r : index.frames_of_verb[verb]) {
          const int32_t at = static_cast<int32_t>(scratch.verbs.size());
          if (first[r] < 0) {
            first[r] = at;
            scratch.named.push_back(r);
          } else {
            FrameScratch::NamedVerb& previous = scratch.verbs[last[r]];
            if (previous.group == gi && previous.verb == k) continue;  // another sense of it
            previous.next = at;
          }
          scratch.verbs.push_back({gi, k, -1});
          last[r] = at;
        }
      }
    }
  }
  // The selected frames that name such a verb or, when the sentence has nominalisations, a
  // noun: hand-written ones (`apply`) and imported ones (`apply_imported`), each in rule order.
  const bool nominals = !a.nominals.empty() && !headline;
  const uint8_t* const flags = index.frame_flags.data();
  std::vector<uint32_t>& chosen = scratch.chosen;
  chosen.clear();
  for (uint32_t r : scratch.named) {
    if (frames.Has(r)) chosen.push_back(r);
  }
  if (nominals) {
    frames.ForEach([&](uint32_t r) {
      if (first[r] < 0 && (flags[r] & FrameIndex::kNounFrame) != 0) chosen.push_back(r);
    });
  }
  // The verbs' frames come in the order of the groups: mostly one, or in order already.
  if (!std::is_sorted(chosen.begin(), chosen.end())) std::sort(chosen.begin(), chosen.end());
  std::vector<uint32_t>& apply = scratch.apply;
  std::vector<uint32_t>& apply_imported = scratch.apply_imported;
  apply.clear();
  apply_imported.clear();
  for (uint32_t r : chosen) {
    ((flags[r] & FrameIndex::kImportedFrame) != 0 ? apply_imported : apply).push_back(r);
  }
  if (!apply.empty() || !apply_imported.empty()) {
    ReadFrames(s, a, doc, only_relation, headline, &scratch, candidates, out);
  }
  for (uint32_t r : scratch.named) first[r] = last[r] = -1;
}

}  // namespace parley::internal
