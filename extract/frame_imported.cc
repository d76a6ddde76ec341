#include "extract/frame_imported.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace parley::internal {

bool ImportedVerbs::OpensWithBareInfinitive(int c) const {
  const Chunk& chunk = a_.chunks[c];
  const uint32_t u = chunk.begin;
  if (u + 1 >= chunk.end) return false;
  const LexEntry* e = doc_.rules.lexicon.Find(Lower(u));
  if (e == nullptr || e->classes != 0 || s_.units[u].mention >= 0 ||
      std::none_of(e->senses.begin(), e->senses.end(),
                   [](const VerbSense& sense) { return (sense.forms & kFormBase) != 0; })) {
    return false;
  }
  if (s_.units[u + 1].mention >= 0) {
    const std::string_view after = Lower(u + 2);
    return after != "'" && after != "\u2019" && after != "'s";
  }
  const LexEntry* next = doc_.rules.lexicon.Find(Lower(u + 1));
  return next != nullptr && (next->classes & kClassDeterminer) != 0 &&
         (next->classes & kClassPossessive) == 0;
}

bool ImportedVerbs::GovernsClause(const VerbGroup& g, size_t k) const {
  const bool chained = k + 1 < g.verbs.size() && !g.verbs[k + 1].coordinated;
  const bool to_word = ToUnknownWord(g);
  if (!chained && !to_word && g.to_clause == kNoUnit && g.that_clause == kNoUnit) return false;
  const Lexicon& lexicon = doc_.rules.lexicon;
  return std::any_of(g.verbs[k].verbs.begin(), g.verbs[k].verbs.end(), [&](uint32_t verb) {
    if (lexicon.Catenative(verb).has_value()) return true;
    if (to_word) return false;
    const std::optional<Modality> m = lexicon.ComplementClause(verb);
    return m == Modality::kPlanned || m == Modality::kHedged;
  });
}

bool ImportedVerbs::ToUnknownWord(const VerbGroup& g) const {
  uint32_t u = g.complement;
  if (g.object >= 0 && a_.chunks[g.object].begin == u) u = a_.chunks[g.object].end;
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  if (u + 1 >= n || Lower(u) != "to" || s_.units[u + 1].mention >= 0) return false;
  const std::string_view w = Lower(u + 1);
  if (w.empty() || w[0] < 'a' || w[0] > 'z') return false;
  const LexEntry* e = doc_.rules.lexicon.Find(w);
  return e == nullptr || e->classes == 0;
}

bool ImportedVerbs::AfterPlacePreposition(int c) const {
  const std::string_view p = WordBeforePhrase(c);
  return p == "in" || FrameRoles::WherePreposition(p);
}

std::string_view ImportedVerbs::WordBeforePhrase(int c, bool entities) const {
  if (c < 0) return {};
  uint32_t u = a_.chunks[c].begin;
  while (u > 0) {
    if (s_.units[u - 1].mention >= 0) {
      if (!entities) break;
      --u;
      continue;
    }
    const std::string_view w = Lower(u - 1);
    const LexEntry* e = doc_.rules.lexicon.Find(w);
    if (e != nullptr && (e->classes & ~kClassModifier) != 0) break;
    if (w.empty() || w[0] < 'a' || w[0] > 'z') break;
    --u;
  }
  if (u == 0 || s_.units[u - 1].mention >= 0) return {};
  return Lower(u - 1);
}

bool ImportedVerbs::PrepositionObject(int c) const {
  const std::string_view p = WordBeforePhrase(c, true);
  if (p.empty()) return false;
  static constexpr std::string_view kOpensClause[] = {"after", "before", "since", "until",
                                                      "till",  "as",     "like",  "than"};
  if (std::find(std::begin(kOpensClause), std::end(kOpensClause), p) != std::end(kOpensClause)) {
    return false;
  }
  const LexEntry* e = doc_.rules.lexicon.Find(p);
  return e != nullptr && (e->classes & kClassPreposition) != 0 &&
         (e->classes & (kClassSubordinator | kClassStop)) == 0;
}

bool ImportedVerbs::PluralNounBeforeVerb(const VerbGroup& g, size_t k) const {
  if (g.object >= 0) return false;
  const uint32_t verb = g.verbs[k].unit;
  const LexEntry* e = doc_.rules.lexicon.Find(Lower(verb));
  if (e == nullptr || std::none_of(e->senses.begin(), e->senses.end(), [](const VerbSense& s) {
        return (s.forms & kFormThird) != 0;
      })) {
    return false;
  }
  uint32_t u = g.complement;
  for (const PrepPhrase& pp : g.preps) {
    if (pp.chunk >= 0) u = std::max(u, a_.chunks[pp.chunk].end);
  }
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  if (u < n && Lower(u) == ",") {
    do ++u;
    while (u < n && Lower(u) != ",");
    ++u;
  }
  if (u >= n) return false;
  const LexEntry* next = doc_.rules.lexicon.Find(Lower(u));
  return next != nullptr && (next->classes & (kClassBe | kClassHave)) != 0;
}

const char* ImportedVerbs::ImportedSkip(const Rule& rule, const VerbGroup& g, size_t k, int direct,
                                        const std::vector<uint32_t>& hand_written) const {
  const Frame& frame = *rule.frame;
  const GroupVerb& v = g.verbs[k];
  // "made a formal ceasefire proposal to the rebels": a direct object that is an event a
  // hand-written frame reads (a nominalisation) is that frame's; no imported frame reads its
  // support verb.
  if (direct >= 0 && std::any_of(hand_written.begin(), hand_written.end(), [&](uint32_t u) {
        return u >= a_.chunks[direct].begin && u < a_.chunks[direct].end;
      })) {
    return "the object is an event a hand-written frame reads";
  }
  // So is one headed by a noun a hand-written frame names, read or not ("made a new
  // ceasefire proposal to the rebels": no proposal's content to read, and no ceasefire
  // made): the verb supports the noun's event.
  if (direct >= 0 && a_.chunks[direct].head != kNoUnit &&
      doc_.rules.frame_index.IsEventNoun(Lower(a_.chunks[direct].head))) {
    return "the object is headed by a noun a hand-written frame names";
  }
  // "might consider easing sanctions on the regime", "considered meeting the rebels' demands":
  // an object that opens with a verb's -ing form is a clause of its own, whose actors are its
  // verb's, not this one's; nor are the phrases after it this verb's.
  if (direct >= 0 && roles_.OpensWithIngForm(direct))
    return "the object is a clause (an -ing form)";
  if (direct >= 0 && OpensWithBareInfinitive(direct)) {
    return "the object is a clause (a bare infinitive)";
  }
  // "wanted the Egyptians to reopen the Suez", "sought to rein in Ulbricht", "expect that
  // Kenya will participate": a verb the modality rules make a catenative or a verb of a
  // complement clause (rules/core/modality.rules), with its to-infinitive or clause, gives the
  // verb it governs a modality; it is no event of its own for an imported frame to code.
  if (GovernsClause(g, k)) return "the verb gives the verb it governs a modality";
  if (v.passive && g.subject_via == "reduced relative" && AfterPlacePreposition(g.subject)) {
    return "a reduced relative after a place modifies the noun before it";
  }
  // "We are worried by China's crackdown": a comment's own code (CAMEO 01x, no pattern) in
  // the passive is a feeling its by-agent causes, not a comment that agent makes; a
  // protest's (14x) is what something shows ("a commitment demonstrated through rotations
  // of troops"), no protest.
  if (v.passive && frame.when.empty() &&
      (rule.cameo.starts_with("01") || rule.cameo.starts_with("14"))) {
    return "a comment's or a protest's verb in the passive";
  }
  // "Israel's proposals demonstrated to Kissinger that the two sides were close": a
  // protest's own code with a that-clause is a verb of showing or claiming.
  if (frame.when.empty() && rule.cameo.starts_with("14") && g.that_clause != kNoUnit) {
    return "a protest's verb with a that-clause";
  }
  if (!v.passive && g.subject >= 0 && !g.infinitive &&
      (g.subject_via == "noun phrase" || g.subject_via == "before the verb" ||
       g.subject_via == "entity and noun phrase") &&
      PrepositionObject(g.subject)) {
    return "the subject is a preposition's object (a participle on it)";
  }
  if (!v.passive && PluralNounBeforeVerb(g, k)) {
    return "the word is a plural noun, the subject of the verb after it";
  }
  return nullptr;
}

}  // namespace parley::internal
