#include "extract/frame_roles.h"

#include <algorithm>
#include <iterator>

#include "extract/frames.h"
#include "extract/participants.h"

namespace parley::internal {
namespace {

// The entity a mention means in a role of `bits`.
const EntityDef* RoleEntity(const Mention& m, uint32_t bits, bool actor) {
  if (m.entity == nullptr) return nullptr;
  if (m.kind == MentionKind::kDemonym) {
    return (EntityTypeBit(m.entity->entity.type) & bits) != 0 ? m.entity : nullptr;
  }
  if (actor && m.acts_as != nullptr && (EntityTypeBit(m.acts_as->entity.type) & bits) != 0) {
    return m.acts_as;
  }
  if ((EntityTypeBit(m.entity->entity.type) & bits) != 0) return m.entity;
  if (m.acts_as != nullptr && (EntityTypeBit(m.acts_as->entity.type) & bits) != 0) {
    return m.acts_as;
  }
  return nullptr;
}

}  // namespace

std::vector<const EntityDef*> ResolveChunk(const Tagged& s, const ClauseAnalysis& a, int c,
                                           uint32_t bits, bool actor, bool owners,
                                           const DocState& doc) {
  std::vector<const EntityDef*> out;
  if (c < 0) return out;
  const Chunk& chunk = a.chunks[c];
  owners = owners && !chunk.joint_owners;
  // A chunk that names no actor: who the document has established (participants.h).
  if (chunk.members.empty() && !(owners && !chunk.owners.empty()) && doc.actors != nullptr) {
    for (const EntityDef* def : doc.actors->Resolve(s, a, c).entities) {
      if ((EntityTypeBit(def->entity.type) & bits) != 0) out.push_back(def);
    }
    return out;
  }
  const std::vector<uint32_t>& mentions =
      !chunk.members.empty() ? chunk.members : (owners ? chunk.owners : chunk.members);
  // Sector views inside the chunk that are no member: titles ("Bree President" in "Bree President
  // Romendacil").
  std::vector<const EntityDef*> titles;
  for (uint32_t u = chunk.begin; u < chunk.end && u < s.units.size(); ++u) {
    const int m = s.units[u].mention;
    if (m < 0 || s.mentions[m].entity == nullptr || s.mentions[m].entity->view_of == nullptr ||
        std::find(mentions.begin(), mentions.end(), static_cast<uint32_t>(m)) != mentions.end()) {
      continue;
    }
    titles.push_back(s.mentions[m].entity);
  }
  for (uint32_t m : mentions) {
    const EntityDef* def = RoleEntity(s.mentions[m], bits, actor);
    // A title that is a sector view of the member's own entity gives it its sector: "Bree
    // President Romendacil", a name the rules code as the state Bree, acts as BREGOV.
    for (const EntityDef* title : titles) {
      if (def != nullptr && title->view_of == def) def = title;
    }
    if (def != nullptr && std::find(out.begin(), out.end(), def) == out.end()) out.push_back(def);
    // "Lawmakers and officials in Fornost": the more actors the mention names.
    for (const EntityDef* more : s.mentions[m].also) {
      if ((EntityTypeBit(more->entity.type) & bits) != 0 &&
          std::find(out.begin(), out.end(), more) == out.end()) {
        out.push_back(more);
      }
    }
  }
  // "he and Soviet Premier Alexei Kosygin met": the pronoun coordinated before the names.
  if (!chunk.members.empty() && doc.actors != nullptr) {
    for (const EntityDef* def : doc.actors->CoordinatedPronoun(s, a, c).entities) {
      if ((EntityTypeBit(def->entity.type) & bits) != 0 &&
          std::find(out.begin(), out.end(), def) == out.end()) {
        out.push_back(def);
      }
    }
  }
  return out;
}

bool FrameRoles::PhraseHasWord(uint32_t b, uint32_t e, const std::vector<Cue>& words) const {
  auto listed = [&](std::string_view w) {
    for (const Cue& cue : words) {
      if (cue.tokens.size() != 1) continue;
      if (cue.prefix ? w.substr(0, cue.tokens[0].size()) == cue.tokens[0] : w == cue.tokens[0]) {
        return true;
      }
    }
    return false;
  };
  for (uint32_t u = b; u < e && u < s_.units.size(); ++u) {
    const Unit& unit = s_.units[u];
    // The words of a quotation inside the phrase count ("a naval "quarantine" of Cuba"), and so
    // do a group's, whose name says what it is ("deployed Russian troops to Belarus", "sent
    // large numbers of Egyptian soldiers into the Sinai").
    if (unit.mention >= 0 &&
        (s_.mentions[unit.mention].kind == MentionKind::kQuote ||
         (s_.mentions[unit.mention].entity != nullptr &&
          s_.mentions[unit.mention].entity->entity.type == EntityType::kGroup))) {
      for (uint32_t t = unit.tok_begin; t < unit.tok_end; ++t) {
        if (listed(s_.LowerToken(t))) return true;
      }
      continue;
    }
    const std::string_view w = Lower(u);
    if (!w.empty() && listed(w)) return true;
  }
  return false;
}

uint32_t FrameRoles::PrepText(const VerbGroup& g, size_t from, std::string_view prep) const {
  for (size_t i = from; i < g.preps.size(); ++i) {
    if (Lower(g.preps[i].prep) == prep) return g.preps[i].prep + 1;
  }
  return kNoUnit;
}

int FrameRoles::Apposition(int c) const {
  const Chunk& chunk = a_.chunks[c];
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  if (!chunk.members.empty() || chunk.end + 1 >= n || Lower(chunk.end) != ",") return -1;
  const int next = a_.chunk_of[chunk.end + 1];
  if (next < 0 || a_.chunks[next].begin != chunk.end + 1 || a_.chunks[next].members.empty()) {
    return -1;
  }
  const uint32_t after = a_.chunks[next].end;
  if (after < n && Lower(after) != "," && Lower(after) != ".") return -1;
  return next;
}

int FrameRoles::TitleApposition(int c) const {
  const Chunk& chunk = a_.chunks[c];
  const bool demonym_title = chunk.members.empty() && chunk.owners.size() == 1 &&
                             s_.mentions[chunk.owners[0]].kind == MentionKind::kDemonym &&
                             chunk.end <= chunk.begin + 4;
  if (chunk.members.empty() && !demonym_title) return -1;
  // One title mention (a demonym, or an alias such as "Soviet Ambassador" for its state).
  if (!demonym_title && (chunk.members.size() != 1 || chunk.end > chunk.begin + 2 ||
                         (chunk.end == chunk.begin + 2 && Lower(chunk.begin) != "the"))) {
    return -1;
  }
  const Mention& title = s_.mentions[demonym_title ? chunk.owners[0] : chunk.members[0]];
  if (title.entity == nullptr || title.entity->entity.type == EntityType::kPerson ||
      (!demonym_title && title.tok_end - title.tok_begin < 2)) {
    return -1;
  }
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  uint32_t e = chunk.end;
  const std::string_view p = Lower(e);
  if ((p == "to" || p == "of" || p == "in") && e + 1 < n && a_.chunk_of[e + 1] >= 0) {
    e = a_.chunks[a_.chunk_of[e + 1]].end;
  }
  if (e + 1 >= n || Lower(e) != ",") return -1;
  const int next = a_.chunk_of[e + 1];
  if (next < 0 || a_.chunks[next].begin != e + 1 || a_.chunks[next].members.size() != 1) {
    return -1;
  }
  const Mention& m = s_.mentions[a_.chunks[next].members[0]];
  if (m.kind == MentionKind::kDemonym || m.entity == nullptr ||
      m.entity->entity.type != EntityType::kPerson) {
    return -1;
  }
  const uint32_t after = a_.chunks[next].end;
  if (after < n && Lower(after) != "," && Lower(after) != "." && Lower(after) != "and") {
    return -1;
  }
  return next;
}

bool FrameRoles::IsLandPart(int c) const {
  static constexpr std::string_view kParts[] = {"border",    "borders",     "frontier", "frontiers",
                                                "territory", "territories", "waters",   "airspace",
                                                "coast",     "coastline",   "soil",     "doorstep"};
  const Chunk& chunk = a_.chunks[c];
  if (chunk.end == 0 || chunk.end <= chunk.begin) return false;
  const std::string_view head = Lower(chunk.end - 1);
  return std::find(std::begin(kParts), std::end(kParts), head) != std::end(kParts);
}

bool FrameRoles::TopicComplement(std::string_view p) { return p == "of" || p == "in" || p == "to"; }

bool FrameRoles::WherePreposition(std::string_view p) {
  static constexpr std::string_view kWhere[] = {"on",         "around", "across", "inside",
                                                "throughout", "within", "near"};
  return std::find(std::begin(kWhere), std::end(kWhere), p) != std::end(kWhere);
}

int FrameRoles::FromPreps(const VerbGroup& g, size_t from, const RoleFiller& f,
                          std::vector<const EntityDef*>* entities, uint32_t owner_bits,
                          bool imported, std::string_view cameo) const {
  if (!f.after.empty()) {
    while (from < g.preps.size() && Lower(g.preps[from].prep) != f.after) ++from;
    ++from;  // past the phrase of f.after (or past the end: none)
  }
  // The end of the last phrase of place or topic and of the of-, in- and to-phrases right
  // after it.
  uint32_t topic_end = kNoUnit;
  for (size_t i = from; i < g.preps.size(); ++i) {
    const PrepPhrase& pp = g.preps[i];
    if ((f.prep != "any" && Lower(pp.prep) != f.prep) || pp.chunk < 0) continue;
    // An `any` phrase names who the event is with, not where or about what: "consult closely
    // on Iran", "stability in Haiti", "a training activity around Japan"; nor do the of-, in-
    // and to-phrases right after it, which are its noun's ("coordinating on a common approach
    // in response to Russia's build-up"; but "act on a resolution with Libya").
    if (f.prep == "any" && (WherePreposition(Lower(pp.prep)) ||
                            (pp.prep == topic_end && TopicComplement(Lower(pp.prep))))) {
      topic_end = a_.chunks[pp.chunk].end;
      continue;
    }
    // Right after a for-phrase that names no entity a to- or with-phrase belongs to its noun:
    // "support for a calibrated diplomatic approach to North Korea", "for a ceasefire with
    // Hamas" (but "called for a boycott against Osgiliath" calls against Osgiliath); so does a
    // to-phrase right after such a with-phrase of a name and its title: "spoke with Stephen
    // Lovegrove, incoming National Security Advisor to the Prime Minister" did not speak to
    // the prime minister (but "spoke with Chief Advisor to the President, Ambassador X" did
    // with X).
    const std::string_view before = i > 0 ? Lower(g.preps[i - 1].prep) : std::string_view();
    const auto apposed = [&](int c) {
      for (uint32_t u = a_.chunks[c].begin; u < a_.chunks[c].end; ++u) {
        if (Lower(u) == ",") return true;
      }
      return false;
    };
    if (i > 0 && (Lower(pp.prep) == "to" || Lower(pp.prep) == "with") &&
        g.preps[i - 1].chunk >= 0 &&
        (before == "for" ||
         (before == "with" && Lower(pp.prep) == "to" && apposed(g.preps[i - 1].chunk))) &&
        a_.chunks[g.preps[i - 1].chunk].members.empty() &&
        a_.chunks[g.preps[i - 1].chunk].owners.empty() &&
        a_.chunks[g.preps[i - 1].chunk].end == pp.prep) {
      continue;
    }
    if (imported && f.prep == "any" && ImportedAnySkips(g, i, cameo)) continue;
    // "with Soviet Ambassador to the United States, Anatoly Dobrynin,": a title named by a
    // demonym is the person of its apposition.
    if (const int person = TitleApposition(pp.chunk); person >= 0) {
      *entities = ResolveChunk(s_, a_, person, f.bits, f.actor, false, doc_);
      if (!entities->empty()) return person;
    }
    // `object-owner` counts for `any` phrases too, PETRARCH's first actor after the verb:
    // "restore ties with Libya's ..." is Libya; and for an imported frame's phrases, as
    // PETRARCH's noun phrase holds its modifiers ("spoke with Philippine National Security
    // Advisor Eduardo M.").
    const bool owners = (f.prep == "any" || imported) && (f.bits & owner_bits) != 0;
    *entities = ResolveChunk(s_, a_, pp.chunk, f.bits, f.actor, owners, doc_);
    if (!entities->empty()) return pp.chunk;
    // A title or description with the entity as its apposition: "to His Majesty, King
    // Abdullah II," "with the Jordanian monarch, King Abdullah,".
    if (const int appos = Apposition(pp.chunk); appos >= 0) {
      *entities = ResolveChunk(s_, a_, appos, f.bits, f.actor, false, doc_);
      if (!entities->empty()) return appos;
    }
    // "on the islands of Iturup and Kunashir": the entity an of-phrase names; "along the
    // border with Ukraine": a with-phrase after a part of a country's land.
    if (i + 1 < g.preps.size() && g.preps[i + 1].chunk >= 0 &&
        a_.chunks[pp.chunk].end == g.preps[i + 1].prep &&
        (Lower(g.preps[i + 1].prep) == "of" ||
         (Lower(g.preps[i + 1].prep) == "with" && IsLandPart(pp.chunk))) &&
        !(imported && f.prep == "any" && ImportedAnySkips(g, i + 1, cameo))) {
      *entities = ResolveChunk(s_, a_, g.preps[i + 1].chunk, f.bits, f.actor, false, doc_);
      if (!entities->empty()) return g.preps[i + 1].chunk;
    }
    // "on Ukraine's borders", "in Japan's territorial waters": a part of a country's land,
    // sea or air is the place of its owner.
    if ((f.bits & kBitPlace) != 0 && IsLandPart(pp.chunk) && a_.chunks[pp.chunk].members.empty() &&
        !a_.chunks[pp.chunk].owners.empty()) {
      *entities = ResolveChunk(s_, a_, pp.chunk, f.bits, f.actor, true, doc_);
      if (!entities->empty()) return pp.chunk;
    }
  }
  return -1;
}

bool FrameRoles::ImportedAnySkips(const VerbGroup& g, size_t i, std::string_view cameo) const {
  const PrepPhrase& pp = g.preps[i];
  const std::string_view prep = Lower(pp.prep);
  const bool cooperation =
      cameo.size() >= 2 && cameo[0] == '0' && cameo[1] >= '3' && cameo[1] <= '8';
  if (InDiscussedOrAsClause(g, i)) return true;
  if (prep == "against") return cooperation;
  // A through- or via-phrase names a way or a medium ("monitor progress through Ukraine
  // Donor Platform meetings", "aid to Gaza through Egypt").
  if (prep == "through" || prep == "via") return true;
  if (prep == "alongside") return !cooperation;
  if (prep == "with" && !cooperation && pp.prep >= 2) {
    static constexpr std::string_view kJoint[] = {"coordination", "cooperation", "partnership",
                                                  "consultation", "conjunction", "collaboration",
                                                  "concert"};
    const std::string_view before = Lower(pp.prep - 1);
    if (before == "together" || before == "along" ||
        (Lower(pp.prep - 2) == "in" &&
         std::find(std::begin(kJoint), std::end(kJoint), before) != std::end(kJoint))) {
      return true;
    }
  }
  // "airlifted aid to the humanitarian logistics hub in Egypt", "look forward to their
  // integration into NATO's structures": an in- or into-phrase right after a to-phrase that
  // names no entity is where that phrase's noun is (not after an of-phrase:
  // "criticized the closure of guest houses in Bree" is about Bree).
  if ((prep == "in" || prep == "into") && i > 0 && g.preps[i - 1].chunk >= 0) {
    const Chunk& before = a_.chunks[g.preps[i - 1].chunk];
    const std::string_view before_prep = Lower(g.preps[i - 1].prep);
    if (before_prep == "to" && before.end == pp.prep && before.members.empty() &&
        before.owners.empty()) {
      return true;
    }
  }
  return (prep == "of" || prep == "in") && OpensWithIngForm(pp.chunk);
}

bool FrameRoles::InDiscussedOrAsClause(const VerbGroup& g, size_t i) const {
  for (size_t k = i;; --k) {
    const PrepPhrase& p = g.preps[k];
    if (Lower(p.prep) == "of" && p.prep >= 1) {
      const std::string_view noun = Lower(p.prep - 1);
      if (noun == "discussion" || noun == "discussions") return true;
    }
    if (k < i && Lower(p.prep) == "as" && p.chunk >= 0 &&
        a_.chunks[p.chunk].begin + 1 == a_.chunks[p.chunk].end &&
        IsPastParticiple(a_.chunks[p.chunk].begin)) {
      return true;
    }
    if (k == 0 || g.preps[k - 1].chunk < 0 || a_.chunks[g.preps[k - 1].chunk].end != p.prep) {
      return false;
    }
  }
}

bool FrameRoles::IsPastParticiple(uint32_t u) const {
  const LexEntry* e = doc_.rules.lexicon.Find(Lower(u));
  return e != nullptr && e->classes == 0 &&
         std::any_of(e->senses.begin(), e->senses.end(),
                     [](const VerbSense& sense) { return (sense.forms & kFormEd) != 0; });
}

bool FrameRoles::OpensWithIngForm(int c) const {
  const uint32_t u = a_.chunks[c].begin;
  const std::string_view w = Lower(u);
  if (w.empty()) return false;
  if (const LexEntry* e = doc_.rules.lexicon.Find(w)) {
    for (const VerbSense& sense : e->senses) {
      if ((sense.forms & kFormIng) != 0) return true;
    }
  }
  return false;
}

int FrameRoles::ReducedRelativeAgent(int c) const {
  if (c < 0) return -1;
  const Chunk& noun = a_.chunks[c];
  for (const VerbGroup& r : a_.groups) {
    if (r.subject < 0 || r.agent < 0 || r.subject_via != "reduced relative") continue;
    const Chunk& subject = a_.chunks[r.subject];
    if (subject.begin == noun.begin && subject.end == noun.end) return r.agent;
  }
  return -1;
}

bool FrameRoles::CommentTopic(const Rule& rule, const RoleFiller& f, int direct) const {
  return rule.imported && f.prep == "any" && direct >= 0 && rule.frame->when.empty() &&
         (rule.cameo.starts_with("01") || rule.cameo.starts_with("14"));
}

bool FrameRoles::Convenors(const VerbGroup& g, int subject_chunk) const {
  static constexpr std::string_view kConvene[] = {"convene",  "host",   "gather",
                                                  "assemble", "summon", "bring"};
  if (subject_chunk < 0) return false;
  const Lexicon& lexicon = doc_.rules.lexicon;
  for (const VerbGroup& other : a_.groups) {
    if (&other == &g || other.begin >= g.begin || other.subject != subject_chunk ||
        other.verbs.empty() || other.object < 0) {
      continue;
    }
    for (uint32_t verb : other.verbs.back().verbs) {
      const std::string_view lemma = lexicon.Lemma(verb);
      if (std::find(std::begin(kConvene), std::end(kConvene), lemma) != std::end(kConvene)) {
        return true;
      }
    }
  }
  return false;
}

bool FrameRoles::HelpsBareInfinitive(const VerbGroup& g, size_t k, int direct) const {
  if (direct < 0) return false;
  const Lexicon& lexicon = doc_.rules.lexicon;
  if (std::none_of(g.verbs[k].verbs.begin(), g.verbs[k].verbs.end(),
                   [&](uint32_t verb) { return lexicon.Lemma(verb) == "help"; })) {
    return false;
  }
  const uint32_t u = a_.chunks[direct].begin;
  const LexEntry* e = lexicon.Find(Lower(u));
  return e != nullptr && e->classes == 0 && s_.units[u].mention < 0 &&
         std::any_of(e->senses.begin(), e->senses.end(),
                     [](const VerbSense& sense) { return (sense.forms & kFormBase) != 0; });
}

int FrameRoles::OfPhraseAfter(const VerbGroup& g, int c) const {
  for (const PrepPhrase& pp : g.preps) {
    if (pp.prep == a_.chunks[c].end && Lower(pp.prep) == "of") return pp.chunk;
  }
  return -1;
}

}  // namespace parley::internal
