#include "extract/statements.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>

#include "base/text.h"
#include "extract/actor_codes.h"
#include "extract/clauses.h"
#include "extract/dates.h"
#include "extract/frames.h"
#include "extract/participants.h"
#include "extract/pattern_match.h"

namespace parley::internal {
namespace {

// How many units before a match cue words count, and how far outside a match an unbound
// qualifier may be attached from (rules/README.md sections 5 and 10).
constexpr size_t kCueWindow = 6;
constexpr size_t kAttachWindow = 6;
// Units after a possessor whose cue words are the noun phrase's own: "'", "s" and up to three
// words before the noun ("Putin's proposed visit", a pattern's `...3`).
constexpr size_t kPossessorWindow = 6;

// Whether unit u lies in one of the [begin, end) ranges of `content`.
bool InContent(const std::vector<std::pair<size_t, size_t>>& content, size_t u) {
  return std::any_of(content.begin(), content.end(),
                     [u](const auto& c) { return u >= c.first && u < c.second; });
}

bool CueAt(const Tagged& s, size_t u, const Cue& cue, size_t u_end) {
  if (u + cue.tokens.size() > u_end) return false;
  for (size_t k = 0; k < cue.tokens.size(); ++k) {
    const Unit& unit = s.units[u + k];
    if (unit.mention >= 0) return false;
    const std::string_view word = s.LowerToken(unit.tok_begin);
    const bool last = k + 1 == cue.tokens.size();
    if (last && cue.prefix) {
      if (word.substr(0, cue.tokens[k].size()) != cue.tokens[k]) return false;
    } else if (word != cue.tokens[k]) {
      return false;
    }
  }
  return true;
}

// Whether the match at unit u0 opens with an entity's possessive ("Putin's offer").
bool OpensWithPossessor(const Tagged& s, size_t u0) {
  if (u0 + 1 >= s.units.size() || s.units[u0].mention < 0 || s.units[u0 + 1].mention >= 0) {
    return false;
  }
  return s.LowerToken(s.units[u0 + 1].tok_begin) == "'";
}

// The modality of a match that opens with an entity's possessive ("should agree to Putin's
// offer of"): the phrase presupposes its event, so the cue words of the clause around it say
// nothing of it (clauses.h, VerbGroup::presupposed), but a cue of prospect right before it
// does ("looks forward to Xi's visit"), and so do its own words before the noun ("Putin's
// proposed visit", "Russia's possible withdrawal"), as in a nominal the clause layer reads.
Modality PresupposedModality(const CompiledRules& rules, const Tagged& s, size_t u0, size_t u1,
                             const std::vector<std::pair<size_t, size_t>>& content) {
  std::vector<std::pair<size_t, size_t>> outside = content;
  outside.emplace_back(0, u0);
  Modality modality = CueModality(rules, s, u0, u1, outside);
  for (const Cue& cue : rules.cues[static_cast<int>(Modality::kPlanned)]) {
    const size_t n = cue.tokens.size();
    if (n <= u0 && CueAt(s, u0 - n, cue, u0)) {
      modality = Stronger(modality, Modality::kPlanned);
      break;
    }
  }
  // "the prospect of Russia's withdrawal", "preparations for Xi's visit", "towards Japan's
  // accession", as the clause layer reads a nominal (clause_nominals.cc).
  if (u0 >= 1 && s.units[u0 - 1].mention < 0) {
    const std::string_view before = s.LowerToken(s.units[u0 - 1].tok_begin);
    if (before == "toward" || before == "towards") {
      modality = Stronger(modality, Modality::kPlanned);
    } else if (u0 >= 2 && (before == "of" || before == "for") && s.units[u0 - 2].mention < 0) {
      modality = Stronger(modality, ProspectNounModality(s.LowerToken(s.units[u0 - 2].tok_begin)));
    }
  }
  for (size_t u = u0 + 1; u < std::min(u1, u0 + kPossessorWindow); ++u) {
    if (s.units[u].mention >= 0 || InContent(content, u)) break;
    modality = Stronger(modality, NominalCueModality(s.LowerToken(s.units[u].tok_begin)));
  }
  return modality;
}

// Whether the comma at unit `comma` closes a subordinate clause: the words since the last
// comma or clause boundary before it open with a subordinator ("while", "although", "if",
// "once", ...; not "as", also a preposition, nor "whether").
bool ClosesSubordinateClause(const CompiledRules& rules, const Tagged& s, size_t comma) {
  size_t k = comma;
  while (k > 0) {
    const Unit& unit = s.units[k - 1];
    if (unit.mention < 0) {
      const std::string_view w = s.LowerToken(unit.tok_begin);
      if (w == "," || w == ";" || w == ":" || w == "." || w == "(" || w == ")") break;
    }
    --k;
  }
  if (k >= comma || s.units[k].mention >= 0) return false;
  const std::string_view first = s.LowerToken(s.units[k].tok_begin);
  if (first == "as" || first == "whether") return false;
  const LexEntry* entry = rules.lexicon.FindWord(
      s.units[k].tok_begin < s.words.size() ? s.words[s.units[k].tok_begin] : TokenTable::kAbsent,
      first);
  return entry != nullptr && (entry->classes & kClassSubordinator) != 0;
}

}  // namespace

Modality CueModality(const CompiledRules& rules, const Tagged& s, size_t u0, size_t u1,
                     const std::vector<std::pair<size_t, size_t>>& content) {
  static constexpr Modality kStrength[] = {Modality::kNegated, Modality::kHedged,
                                           Modality::kPlanned, Modality::kReported};
  constexpr size_t kNone = std::size(kStrength);
  size_t from = u0 > kCueWindow ? u0 - kCueWindow : 0;
  // A cue before a word that opens another clause is that clause's ("I'll never forget what
  // she told me", "did not say when he would visit": the telling and the visit are asserted).
  for (size_t u = u0; u > from; --u) {
    const Unit& unit = s.units[u - 1];
    if (unit.mention >= 0) continue;
    const Token& token = s.tokens[unit.tok_begin];
    const std::string_view word =
        std::string_view(s.lower).substr(token.begin, token.end - token.begin);
    // A comma that closes a subordinate clause ends its cues too: "Once it became clear that
    // the United States would not recognize the PRC, the Chinese arrested" asserts the arrests.
    if (word == "," && ClosesSubordinateClause(rules, s, u - 1)) {
      from = u;
      break;
    }
    const LexEntry* entry = rules.lexicon.FindWord(
        unit.tok_begin < s.words.size() ? s.words[unit.tok_begin] : TokenTable::kAbsent, word);
    // The question words open an embedded question too (the lexicon leaves them unclassed).
    // Not "whether" ("unclear whether": the doubt is about what follows) nor "as", which is
    // also a preposition and a comparison ("as she meets with" keeps the plan of "will").
    if (((entry != nullptr && (entry->classes & (kClassRelative | kClassSubordinator)) != 0) ||
         word == "what" || word == "why" || word == "how") &&
        word != "whether" && word != "as") {
      from = u;
      break;
    }
  }
  auto in_content = [&](size_t u) { return InContent(content, u); };
  size_t best = kNone;  // index into kStrength
  auto consider = [&](size_t u, const std::vector<std::pair<Modality, uint32_t>>& cues) {
    for (const auto& [m, i] : cues) {
      const size_t rank =
          std::find(std::begin(kStrength), std::end(kStrength), m) - std::begin(kStrength);
      if (rank < best && CueAt(s, u, rules.cues[static_cast<int>(m)][i], u1)) best = rank;
    }
  };
  // A cue starts at a word unit; look up the cues that can start with that word.
  for (size_t u = from; u < u1 && best > 0; ++u) {
    const Unit& unit = s.units[u];
    if (unit.mention >= 0 || in_content(u)) continue;
    const Token& token = s.tokens[unit.tok_begin];
    const std::string_view word =
        std::string_view(s.lower).substr(token.begin, token.end - token.begin);
    if (auto it = rules.cues_by_start.find(word); it != rules.cues_by_start.end()) {
      consider(u, it->second);
    }
    consider(u, rules.cues_any_start);
  }
  return best < kNone ? kStrength[best] : Modality::kAsserted;
}

namespace {

// The country of `person`'s role whose office is `office` (any office when empty) and whose
// dates meet `time` (when null, every such role must name the same country), or null. The
// imported roles count only when the hand-written ones say nothing (actor_codes.h).
const EntityDef* RoleCountry(const DocState& doc, const EntityDef& person, std::string_view office,
                             const std::optional<TimeValue>& time) {
  const std::vector<Role>& roles = person.entity.roles;
  const size_t own = OwnRoleCount(person);
  const size_t end = own > 0 ? own : roles.size();
  std::string country;
  for (size_t i = 0; i < end; ++i) {
    const Role& role = roles[i];
    if (role.country.empty() || (!office.empty() && role.office != office)) continue;
    if (time && !RoleHeldDuring(role, time->start, time->end)) continue;
    if (!country.empty() && country != role.country) return nullptr;
    country = role.country;
  }
  return country.empty() ? nullptr : doc.Find(country);
}

// The asides around a claim at units [u0, u1), as unit ranges: the non-restrictive relative
// clauses (", which ...", ", who ...") that open at or after u1, each up to the next comma or
// semicolon or the sentence's end, and the parentheses that do not hold the claim. Their dates
// tell when what they say happened ("the Geneva Conference, which had been established in
// December 1973"; "Churchill (replaced on July 26 by Attlee)"), not when the claim did.
std::vector<std::pair<size_t, size_t>> AsidesOutside(const CompiledRules& rules, const Tagged& s,
                                                     size_t u0, size_t u1) {
  std::vector<std::pair<size_t, size_t>> out;
  auto word = [&](size_t u) -> std::string_view {
    if (u >= s.units.size() || s.units[u].mention >= 0) return {};
    const Token& token = s.tokens[s.units[u].tok_begin];
    return std::string_view(s.lower).substr(token.begin, token.end - token.begin);
  };
  // Before u1 only parentheses count: a sentence without any is read from u1 on.
  const bool parentheses = s.lower.find('(') != std::string::npos;
  for (size_t u = parentheses ? 0 : u1; u < s.units.size(); ++u) {
    if (word(u) == "(") {
      size_t close = u + 1;
      while (close < s.units.size() && word(close) != ")" && word(close) != "(") ++close;
      if (close == s.units.size() || word(close) != ")") continue;
      if (close < u0 || u >= u1) out.emplace_back(u, close + 1);
      u = close;
      continue;
    }
    if (u < u1 || word(u) != "," || u + 1 >= s.units.size()) continue;
    const Unit& next = s.units[u + 1];
    if (next.mention >= 0) continue;
    const LexEntry* entry = rules.lexicon.FindWord(
        next.tok_begin < s.words.size() ? s.words[next.tok_begin] : TokenTable::kAbsent,
        word(u + 1));
    if (entry == nullptr || (entry->classes & kClassRelative) == 0) continue;
    size_t end = u + 2;
    while (end < s.units.size() && word(end) != "," && word(end) != ";") ++end;
    out.emplace_back(u + 1, end);
    u = end - 1;
  }
  return out;
}

bool MakeStatement(const Rule& rule, const CompiledPattern& p, const Tagged& s,
                   const std::vector<re2::StringPiece>& g, const DocState& doc,
                   StatementCandidate* c, SentenceAnalysis* out) {
  const bool trace = doc.trace;
  Statement& st = c->statement;
  st.predicate = rule.predicate;
  st.rule = rule.id;
  st.plover = rule.plover;
  st.cameo = rule.cameo;
  // Plain variables, not a structured binding: the lambdas below capture them (clang 14).
  const std::pair<size_t, size_t> match_units =
      s.UnitRange(s.Offset(g[0]), s.Offset(g[0]) + g[0].size());
  const size_t u0 = match_units.first;
  const size_t u1 = match_units.second;
  std::vector<const Mention*> used;                // a handful: a vector beats a set
  std::vector<std::pair<size_t, size_t>> content;  // units of captured text
  bool have_subject = false;
  const EntityDef* defs[3] = {nullptr, nullptr, nullptr};  // subject, object, recipient
  const Mention* time_mention = nullptr;
  // A target date ("by 2050") of the claim: not its time, but a plan.
  const Mention* target = nullptr;
  RuleFiring firing;
  if (trace) {
    firing.rule = rule.id;
    firing.line = p.line;
  }
  for (size_t i = 0; i < p.captures.size(); ++i) {
    const re2::StringPiece& piece = g[i + 1];
    if (piece.data() == nullptr) continue;
    const SlotCapture& cap = p.captures[i];
    std::string rendered;
    if (cap.kind == SlotKind::kMention) {
      const Mention* m = PlaceholderMention(s, piece);
      if (m == nullptr) return false;
      used.push_back(m);
      if (m->kind == MentionKind::kDate) {
        if (m->date_role == DateRole::kTarget) target = m;
        if (IsClaimTime(m->date_role)) {
          st.time = m->time;
          time_mention = m;
        }
        if (trace) rendered = m->time.value;
      } else if (m->kind == MentionKind::kQuote) {
        const std::string_view q = s.Range(m->tok_begin + 1, m->tok_end - 1);
        st.text = std::string(q);
        if (trace) rendered = "\"" + std::string(q) + "\"";
      } else {
        const EntityDef* def = SlotEntity(*m, cap);
        if (def == nullptr) return false;
        if (trace) rendered = def->entity.id;
        switch (cap.role) {
          case SlotRole::kSubject:
            st.subject = Ref(def);
            defs[0] = def;
            have_subject = true;
            break;
          case SlotRole::kObject:
            st.object = Ref(def);
            defs[1] = def;
            break;
          case SlotRole::kRecipient:
            st.recipient = Ref(def);
            defs[2] = def;
            break;
          case SlotRole::kPlace:
            st.place = Ref(def);
            break;
          case SlotRole::kEvent:
            st.event = Ref(def);
            break;
          default:
            break;
        }
      }
    } else {
      const auto [c0, c1] = s.UnitRange(s.Offset(piece), s.Offset(piece) + piece.size());
      if (cap.kind == SlotKind::kText) content.emplace_back(c0, c1);
      std::string text(s.UnitsText(c0, c1));
      // A word-list capture is the item that matched, in the list's (lower-case) form.
      if (cap.kind == SlotKind::kWords) text = CollapseSpace(AsciiLower(text));
      if (trace) rendered = "\"" + text + "\"";
      if (cap.role == SlotRole::kText) st.text = std::move(text);
    }
    if (trace) {
      firing.captures.emplace_back(std::string(SlotRoleName(cap.role)), rendered);
    }
  }
  if (!have_subject) return false;
  // Self-relations ("Russia ... Russia") are noise, never claims.
  if (st.object && st.object->id == st.subject.id) return false;
  if (st.recipient && st.recipient->id == st.subject.id) return false;
  if (rule.modality.has_value()) {
    st.modality = *rule.modality;
  } else if (OpensWithPossessor(s, u0)) {
    st.modality = PresupposedModality(doc.rules, s, u0, u1, content);
  } else {
    st.modality = CueModality(doc.rules, s, u0, u1, content);
  }
  AttachQualifiers(rule, s, u0, u1, nullptr, content, doc, &used, &time_mention, &target, &st,
                   trace ? &firing : nullptr);
  if (OpensWithPossessor(s, u0)) PlanIfAhead(rule, time_mention, &st);
  // The rule matched; a statement it cannot make is still a firing, which says why.
  auto no_statement = [&](const char* why) {
    if (trace) {
      firing.captures.emplace_back("no statement", why);
      out->firings.push_back(std::move(firing));
    }
    return false;
  };
  if (rule.object_from_role && !st.object) {
    const EntityDef* country =
        defs[0] == nullptr ? nullptr : RoleCountry(doc, *defs[0], st.text.value_or(""), st.time);
    if (country == nullptr) return no_statement("no role of the subject fits");
    st.object = Ref(country);
    defs[1] = country;
    if (trace) firing.captures.emplace_back("object (role)", country->entity.id);
  }
  if (rule.once_per_document &&
      !doc.once_claims
           .insert(st.subject.id + '\x1f' + (st.object ? st.object->id : "") + '\x1f' +
                   st.text.value_or(""))
           .second) {
    return no_statement("stated earlier in the document (once document)");
  }
  SetActorCodes(doc.rules, doc.doc_date, defs[0], defs[1], defs[2], &doc.actor_codes, &st);
  c->length = g[0].size();
  c->priority = rule.priority;
  c->begin = s.Offset(g[0]);
  if (trace) out->firings.push_back(std::move(firing));
  return true;
}

}  // namespace

void AttachQualifiers(const Rule& rule, const Tagged& s, size_t u0, size_t u1,
                      const std::vector<uint8_t>* blocked,
                      const std::vector<std::pair<size_t, size_t>>& content, const DocState& doc,
                      std::vector<const Mention*>* used, const Mention** time_mention,
                      const Mention** target, Statement* st, RuleFiring* firing) {
  auto in_content = [&](size_t u) { return InContent(content, u); };
  // Dates in the asides around the claim are not its time (AsidesOutside): the sentence's date
  // mentions and the dates the time context holds for it (its own, s.dates). Most sentences
  // hold none, and need no asides.
  const bool dated = !s.dates.empty() ||
                     std::any_of(s.mentions.begin(), s.mentions.end(),
                                 [](const Mention& m) { return m.kind == MentionKind::kDate; });
  const std::vector<std::pair<size_t, size_t>> asides =
      dated && (rule.attach_time || rule.attach_document_date)
          ? AsidesOutside(doc.rules, s, u0, u1)
          : std::vector<std::pair<size_t, size_t>>{};
  auto in_aside = [&](size_t u) {
    for (const auto& [b, e] : asides) {
      if (u >= b && u < e) return true;
    }
    return false;
  };
  // What the claim may take from the units around it, each the nearest mention that fits within
  // kAttachWindow of the claim and is not bound yet: the time, a target, an event, a place.
  // The four kinds are disjoint (a date of a claim's time or a target; an event or a place), so
  // one scan finds them all and none takes another's.
  enum Kind { kTime, kTarget, kEvent, kPlace, kKinds };
  // Only a point date ("in 2018", "since 2014", "the June 1967 war") is the time of the act; a
  // target makes the claim a plan, a baseline ("from 2005 levels") or an attribute ("the 1967
  // lines") says nothing of when. A standing fact ("holds_office") is no plan, whatever target
  // stands near it.
  const bool wanted[kKinds] = {rule.attach_time && !st->time,
                               rule.attach_time && *target == nullptr && !rule.attach_document_date,
                               rule.attach_event && !st->event, rule.attach_place && !st->place};
  const Mention* best[kKinds] = {};
  size_t best_distance[kKinds] = {};
  // The kind `m` would be taken as, or kKinds.
  auto kind_of = [&](const Mention& m) -> int {
    if (m.kind == MentionKind::kDate) {
      if (IsClaimTime(m.date_role)) return kTime;
      return m.date_role == DateRole::kTarget ? kTarget : kKinds;
    }
    if (m.entity == nullptr || m.kind == MentionKind::kDemonym) return kKinds;
    if (m.entity->entity.type == EntityType::kEvent) return kEvent;
    if (m.entity->entity.type != EntityType::kPlace) return kKinds;
    // A place that stands for an actor bound in this statement is not where it happened.
    return m.acts_as != nullptr && (m.acts_as->entity.id == st->subject.id ||
                                    (st->object && st->object->id == m.acts_as->entity.id))
               ? kKinds
               : kPlace;
  };
  if (wanted[kTime] || wanted[kTarget] || wanted[kEvent] || wanted[kPlace]) {
    // Only units within kAttachWindow of the claim can be taken.
    const size_t first = u0 > kAttachWindow ? u0 - kAttachWindow : 0;
    const size_t last = std::min(s.units.size(), std::max(u0, u1) + kAttachWindow);
    for (size_t u = first; u < last; ++u) {
      if (s.units[u].mention < 0) continue;
      const Mention& m = s.mentions[s.units[u].mention];
      if (blocked != nullptr && (*blocked)[u]) continue;
      const int k = kind_of(m);
      if (k == kKinds || !wanted[k] || std::find(used->begin(), used->end(), &m) != used->end()) {
        continue;
      }
      // A date inside the claim's content dates the content ("agreed to reconvene on May 10,
      // 1775"), not the claim.
      if (m.kind == MentionKind::kDate && (in_content(u) || in_aside(u))) continue;
      const size_t d = u < u0 ? u0 - u : (u >= u1 ? u - u1 + 1 : 0);
      if (d > kAttachWindow) continue;
      if (best[k] == nullptr || d < best_distance[k]) {
        best[k] = &m;
        best_distance[k] = d;
      }
    }
  }
  static constexpr const char* kRoles[kKinds] = {"time", "target", "event", "place"};
  for (int k = 0; k < kKinds; ++k) {
    const Mention* m = best[k];
    if (m == nullptr) continue;
    used->push_back(m);
    switch (k) {
      case kTime:
        st->time = m->time;
        *time_mention = m;
        break;
      case kTarget:
        *target = m;
        break;
      case kEvent:
        st->event = Ref(m->entity);
        break;
      default:
        st->place = Ref(m->entity);
        break;
    }
    if (firing != nullptr) {
      firing->captures.emplace_back(
          std::string(kRoles[k]) + " (attached)",
          m->kind == MentionKind::kDate ? m->time.value : m->entity->entity.id);
    }
  }
  if (*time_mention != nullptr && (*time_mention)->relative) st->doc_date = doc.doc_date;
  if (!st->time && doc.time != nullptr && (rule.attach_time || rule.attach_document_date)) {
    // No date of its own: the sentence's elsewhere, the document's, or for a standing fact the
    // paragraph's (extract/time_context.h), as of where the claim starts in the sentence.
    const size_t clause_begin = u0 < s.units.size() ? s.tokens[s.units[u0].tok_begin].begin : 0;
    std::vector<std::pair<size_t, size_t>> content_bytes;
    for (const auto& [b, e] : content) {
      if (b >= e) continue;
      content_bytes.emplace_back(s.tokens[s.units[b].tok_begin].begin,
                                 s.tokens[s.units[e - 1].tok_end - 1].end);
    }
    for (const auto& [b, e] : asides) {
      content_bytes.emplace_back(s.tokens[s.units[b].tok_begin].begin,
                                 s.tokens[s.units[e - 1].tok_end - 1].end);
    }
    // Nor are the dates of what the clause reader stepped over ("The UAE - host of COP28 in
    // 2023 - will invest": not in 2023), unless the claim is made there ("Churchill (replaced
    // on July 26 by Attlee)").
    if (blocked != nullptr) {
      for (size_t b = 0; b < blocked->size() && b < s.units.size();) {
        size_t e = b;
        while (e < blocked->size() && e < s.units.size() && (*blocked)[e]) ++e;
        if (e > b && (e <= u0 || b >= u1)) {
          content_bytes.emplace_back(s.tokens[s.units[b].tok_begin].begin,
                                     s.tokens[s.units[e - 1].tok_end - 1].end);
        }
        b = e + 1;
      }
    }
    st->time = doc.time->Fallback(clause_begin, content_bytes);
    // An event's time is not its paragraph's: on the Milestones essays half of them were
    // wrong (a story moves on without saying so); an office held then is right.
    if (st->time && st->time->source == TimeSource::kParagraph && !rule.attach_document_date) {
      st->time.reset();
    }
    // A plan for 1949 was not made in 1953: a context time after the target is not this claim's.
    if (st->time && *target != nullptr && st->time->start > (*target)->time.end) st->time.reset();
    if (st->time && st->time->source == TimeSource::kDocument) st->doc_date = doc.doc_date;
    if (firing != nullptr && st->time) {
      firing->captures.emplace_back("time (" + std::string(TimeSourceName(st->time->source)) + ")",
                                    st->time->value);
    }
  }
  if (*target != nullptr && !rule.modality.has_value() &&
      (st->modality == Modality::kAsserted || st->modality == Modality::kReported)) {
    st->modality = Modality::kPlanned;
  }
}

void PlanIfAhead(const Rule& rule, const Mention* time_mention, Statement* st) {
  if (time_mention == nullptr || !time_mention->ahead || time_mention->time != st->time ||
      rule.modality.has_value() || rule.attach_document_date ||
      (st->modality != Modality::kAsserted && st->modality != Modality::kReported)) {
    return;
  }
  st->modality = Modality::kPlanned;
}

namespace {

std::string_view TextOrEmpty(const std::optional<std::string>& text) {
  return text ? std::string_view(*text) : std::string_view();
}

// Whether statements a and b (of coordinated complements `a_part` and `b_part`) make one claim:
// the same subject, predicate, object, recipient and part (ResolveRelationOverlaps).
bool SameClaim(const Statement& a, size_t a_part, const Statement& b, size_t b_part) {
  return a_part == b_part && a.subject.id == b.subject.id && a.predicate == b.predicate &&
         IdOrEmpty(a.object) == IdOrEmpty(b.object) &&
         IdOrEmpty(a.recipient) == IdOrEmpty(b.recipient);
}

}  // namespace

void ResolveRelationOverlaps(std::vector<StatementCandidate>* candidates_in,
                             SentenceAnalysis* out) {
  std::vector<StatementCandidate>& candidates = *candidates_in;
  // One statement per claim: one statement per claim; longest match, priority, earliest.
  // A claim is a subject, predicate, object and recipient; two candidates for the same
  // claim are one statement when their matched texts overlap in the sentence (several
  // patterns or rules reading the same words), so the shorter reading is dropped; identical
  // statements are one statement wherever they matched.
  // The candidates' order is sorted, not the candidates (each holds a whole statement); ties
  // keep the order they were found in.
  std::vector<uint32_t> order(candidates.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    const StatementCandidate& a = candidates[x];
    const StatementCandidate& b = candidates[y];
    if (a.length != b.length) return a.length > b.length;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.statement.rule != b.statement.rule) return a.statement.rule < b.statement.rule;
    return x < y;
  });
  // The statements kept so far (out->statements from `first` on), each with its span and part.
  struct Kept {
    size_t begin, end, part;
  };
  std::vector<Kept> kept;
  const size_t first = out->statements.size();
  out->statements.reserve(first + candidates.size());
  for (const uint32_t i : order) {
    StatementCandidate& c = candidates[i];
    const size_t end = c.begin + c.length;
    bool dropped = false;
    for (size_t k = 0; k < kept.size() && !dropped; ++k) {
      const Statement& other = out->statements[first + k];
      dropped = SameClaim(c.statement, c.part, other, kept[k].part) &&
                ((c.begin < kept[k].end && kept[k].begin < end) ||
                 TextOrEmpty(c.statement.text) == TextOrEmpty(other.text));
    }
    if (dropped) continue;
    kept.push_back({c.begin, end, c.part});
    out->statements.push_back(std::move(c.statement));
  }
}

void Relations(const Tagged& s, Prefilter* prefilter, const DocState& doc,
               std::string_view only_relation, bool headline, SentenceAnalysis* out) {
  static const PatternRefs kNone;
  const PatternRefs& patterns = headline ? kNone : prefilter->Select(RuleKind::kRelation, s);
  // The thread's candidates of the sentences before, emptied: a sentence's first candidate
  // would otherwise allocate, and each that follows move them all (a StatementCandidate holds a
  // whole Statement).
  thread_local std::vector<StatementCandidate> candidates;
  candidates.clear();
  for (const auto& [r, pi] : patterns) {
    const Rule& rule = doc.rules.rules[r];
    const CompiledPattern& p = rule.patterns[pi];
    if (!only_relation.empty() && rule.id != only_relation) continue;
    if (!prefilter->Possible(p, s)) continue;
    ForEachMatch(p, s, [&](const std::vector<re2::StringPiece>& g) {
      StatementCandidate c;
      if (MakeStatement(rule, p, s, g, doc, &c, out)) candidates.push_back(std::move(c));
    });
  }
  // Frames read the clause analysis, which runs when a frame's verb occurs, for `parley rules
  // explain`, and when the document's actors (participants.h) follow its subjects and lists.
  const FrameSelection& frames = prefilter->SelectFrames(s);
  ClauseAnalysis& clauses = doc.clauses;
  const bool analysed = !frames.empty() || doc.trace || doc.actors != nullptr;
  if (analysed) {
    AnalyzeClauses(s, doc.rules.lexicon, &clauses);
    if (doc.trace) {
      out->clauses = DescribeClauses(s, doc.rules.lexicon, clauses);
      if (doc.actors != nullptr) out->clauses += doc.actors->Describe(s, clauses);
    }
    ApplyFrames(s, clauses, frames, doc, only_relation, headline, &candidates, out);
  }
  if (!candidates.empty()) ResolveRelationOverlaps(&candidates, out);
  // What this sentence establishes for the next ones: participants, subjects.
  if (doc.actors != nullptr) doc.actors->Observe(s, analysed ? &clauses : nullptr, out->statements);
}

}  // namespace parley::internal
