#include "extract/frame_emit.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>

#include "extract/actor_codes.h"
#include "extract/pattern_match.h"

namespace parley::internal {

FrameEmitter::FrameEmitter(const FrameSentence& sentence,
                           std::vector<StatementCandidate>* candidates, SentenceAnalysis* out)
    : sentence_(sentence), candidates_(candidates), out_(out) {}

const std::vector<uint8_t>* FrameEmitter::Blocked() {
  if (blocked_made_) return &blocked_;
  blocked_made_ = true;
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  blocked_.assign(n, 0);
  for (const SkippedSpan& k : a_.skipped) {
    for (uint32_t u = k.begin; u < k.end && u < n; ++u) blocked_[u] = 1;
  }
  // A place standing for an actor as a clause's subject acts there ("..., the Kremlin has
  // dispatched officials"): it is no place where another claim of the sentence happened.
  for (const VerbGroup& g : a_.groups) {
    if (g.nominal || g.infinitive || g.subject < 0) continue;
    for (uint32_t m : a_.chunks[g.subject].members) {
      const Mention& mention = s_.mentions[m];
      if (mention.entity == nullptr || mention.acts_as == nullptr ||
          mention.entity->entity.type != EntityType::kPlace) {
        continue;
      }
      for (uint32_t u = a_.chunks[g.subject].begin; u < a_.chunks[g.subject].end && u < n; ++u) {
        if (s_.units[u].mention == static_cast<int>(m)) blocked_[u] = 1;
      }
    }
  }
  return &blocked_;
}

std::vector<std::pair<size_t, size_t>> FrameEmitter::OtherClauses(const VerbGroup& g,
                                                                  uint32_t verb) const {
  std::vector<std::pair<size_t, size_t>> other;
  if (g.nominal) return other;
  // A claim in a concessive clause ("Although the United States supported the Balfour
  // Declaration, Roosevelt had assured the Arabs in 1945 that ...") is not of the main
  // clause's time.
  auto opens = [&](uint32_t u, std::initializer_list<std::string_view> words) {
    if (u >= s_.units.size()) return false;
    return std::find(words.begin(), words.end(), Lower(u)) != words.end();
  };
  const uint32_t g_subject_begin = g.subject >= 0 ? a_.chunks[g.subject].begin : g.begin;
  const bool concessive =
      opens(g.clause_begin, {"although", "though", "whereas"}) ||
      (g_subject_begin > 0 && opens(g_subject_begin - 1, {"although", "though", "whereas"}));
  for (const VerbGroup& o : a_.groups) {
    if (&o == &g || o.infinitive || o.embedded || o.clause_begin >= o.clause_end) continue;
    if (verb >= o.clause_begin && verb < o.clause_end) continue;
    if (g.subject >= 0 && o.subject == g.subject) continue;
    // The relative word opens the clause, stands before its subject, or is its subject.
    auto relative_word = [&](uint32_t u) {
      if (u >= s_.units.size()) return false;
      const std::string_view w = Lower(u);
      return w == "which" || w == "who" || w == "whom" || w == "whose" || w == "where" ||
             w == "that";
    };
    const uint32_t before_subject =
        o.subject >= 0 && a_.chunks[o.subject].begin > 0 ? a_.chunks[o.subject].begin - 1 : kNoUnit;
    const bool relative = relative_word(o.clause_begin) ||
                          (o.clause_begin > 0 && relative_word(o.clause_begin - 1)) ||
                          relative_word(before_subject) ||
                          (o.begin > 0 && relative_word(o.begin - 1));
    // A participle without an auxiliary after a noun: "the articles signed in Paris".
    const bool participle =
        o.subject_via == "reduced relative" ||
        (!o.verbs.empty() && o.verbs.front().passive && o.begin == o.verbs.front().unit &&
         o.begin > 0 && a_.chunk_of[o.begin - 1] >= 0);
    if (relative || participle || concessive) {
      // A reduced relative's clause may start at its noun: from its verb on.
      other.emplace_back(participle ? std::max(o.clause_begin, o.begin) : o.clause_begin,
                         o.clause_end);
    }
  }
  return other;
}

void FrameEmitter::Emit(const FrameReading& r, const EntityDef* subject, const EntityDef* object,
                        const EntityDef* recipient, const std::string& text,
                        const std::string& cameo, const std::string& subject_note, size_t part) {
  const Rule& rule = *r.rule;
  const VerbGroup& g = *r.group;
  const GroupVerb& v = *r.verb;
  // Built in place, and taken back when skipped: a Statement moved costs more than most of
  // its fields.
  StatementCandidate& c = candidates_->emplace_back();
  c.part = part;
  Statement& st = c.statement;
  st.predicate = rule.predicate;
  st.rule = rule.id;
  st.plover = r.plover;
  st.cameo = cameo;
  st.subject = Ref(subject);
  if (object != nullptr) st.object = Ref(object);
  if (recipient != nullptr) st.recipient = Ref(recipient);
  if (!text.empty()) st.text = text;
  st.modality = r.modality;
  RuleFiring firing;
  RuleFiring* trace = doc_.trace ? &firing : nullptr;
  if (trace != nullptr) {
    firing.rule = rule.id;
    firing.what = "frame";
    firing.line = rule.frame->line;
    if (r.noun) {
      firing.captures.emplace_back("noun", "\"" + std::string(Lower(v.unit)) + "\"");
    } else {
      firing.captures.emplace_back("verb",
                                   "\"" + FrameVerbText(doc_.rules.lexicon, *r.frame_verb) + "\"");
    }
    firing.captures.emplace_back(
        "subject", subject->entity.id + (subject_note.empty() ? "" : " (" + subject_note + ")"));
    if (object != nullptr) firing.captures.emplace_back("object", object->entity.id);
    if (recipient != nullptr) firing.captures.emplace_back("recipient", recipient->entity.id);
    if (!text.empty()) firing.captures.emplace_back("text", "\"" + text + "\"");
  }
  // Mentions already bound are not attached again.
  std::vector<const Mention*> used;
  for (const Mention& m : s_.mentions) {
    if (m.entity == nullptr) continue;
    const EntityDef* as = m.acts_as;
    for (const EntityDef* bound : {subject, object, recipient}) {
      if (bound != nullptr && (m.entity == bound || as == bound)) used.push_back(&m);
    }
  }
  const Mention* time_mention = nullptr;
  const Mention* target = nullptr;
  AttachQualifiers(rule, s_, r.begin, r.end, Blocked(), OtherClauses(g, v.unit), doc_, &used,
                   &time_mention, &target, &st, trace);
  if (g.nominal) PlanIfAhead(rule, time_mention, &st);
  const std::string day = StatementDay(st, doc_.doc_date);
  if (subject != nullptr) st.subject_code = ActorCodeAt(*subject, day);
  if (object != nullptr) st.object_code = ActorCodeAt(*object, day);
  if (recipient != nullptr) st.recipient_code = ActorCodeAt(*recipient, day);
  // An imported frame codes an event, as PETRARCH does, between two actors with codes, of
  // which neither is the other or a part of it ("Vice President Harris" USAGOV and the United
  // States USA, two USAGOV offices): what else its verbs say is no event between actors.
  if (rule.imported && !CodesEvent(st.subject_code, st.object_code)) {
    candidates_->pop_back();
    Skip(rule, v.unit, "no event between two coded actors");
    return;
  }
  if (rule.imported && !SectorActs(st.plover, st.subject_code)) {
    candidates_->pop_back();
    Skip(rule, v.unit, "the subject's sector does no such event");
    return;
  }
  if (r.unarmed_show && !Armed(st.subject_code) && !Armed(st.object_code)) {
    candidates_->pop_back();
    Skip(rule, v.unit, "a show of force with no armed force");
    return;
  }
  emitted_.push_back(v.unit);
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  const size_t begin = s_.unit_offsets[r.begin] - 1;
  const size_t end = r.end < n ? s_.unit_offsets[r.end] : s_.tagged.size();
  c.begin = begin;
  c.length = end - begin;
  c.priority = rule.priority;
  if (trace != nullptr) out_->firings.push_back(std::move(firing));
}

const std::string& FrameEmitter::ActorCodeAt(const EntityDef& def, const std::string& day) {
  return doc_.actor_codes.Get(doc_.rules, def, day);
}

void FrameEmitter::Skip(const Rule& rule, uint32_t verb, const char* why) {
  if (!doc_.trace) return;
  out_->clauses += "  frame " + rule.id + " at \"" + UnitsString(s_, verb, verb + 1) +
                   "\": nothing (" + why + ")\n";
}

bool FrameEmitter::CodesEvent(const std::string& subject, const std::string& object) {
  if (subject.empty() || object.empty()) return false;
  return !subject.starts_with(object) && !object.starts_with(subject);
}

bool FrameEmitter::SectorActs(std::string_view plover, std::string_view code) {
  static constexpr std::string_view kPopulations[] = {"CVL", "LAB", "REF", "REL", "MUS",
                                                      "CHR", "JEW", "HIN", "BUD"};
  const std::string_view sector = ActorCodeSector(code);
  if (sector.empty()) return true;
  if (plover == "ASSAULT" && (sector == "BUS" || sector == "MED" || sector == "EDU")) {
    return false;
  }
  if (plover == "CONSULT") {
    return std::find(std::begin(kPopulations), std::end(kPopulations), sector) ==
           std::end(kPopulations);
  }
  return plover != "PROTEST" || sector != "MIL";
}

bool FrameEmitter::Armed(std::string_view code) {
  const std::string_view sector = ActorCodeSector(code);
  return sector == "MIL" || sector == "COP";
}

}  // namespace parley::internal
