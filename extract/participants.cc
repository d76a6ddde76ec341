#include "extract/participants.h"

#include <algorithm>
#include <functional>

#include "base/date.h"
#include "base/text.h"
#include "extract/mention_rules.h"
#include "extract/rule_compiled.h"

namespace parley::internal {
namespace {

// How many units back an antecedent may stand: the unit before and the one before that.
constexpr size_t kAntecedentUnits = 2;
// How many recent subjects and coordinations are remembered.
constexpr size_t kRecentKept = 4;

// The lower-cased word of unit u, or "" for a mention unit or past the end.
std::string_view Word(const Tagged& s, uint32_t u) {
  if (u >= s.units.size() || s.units[u].mention >= 0) return {};
  return s.LowerToken(s.units[u].tok_begin);
}

// Whether sentence s names person e after a spouse's title: "First Lady Jill Biden", "Mrs.
// Brigitte Macron", "Second Gentleman Douglas Emhoff".
bool SpouseTitled(const Tagged& s, const EntityDef* e) {
  for (uint32_t u = 0; u < s.units.size(); ++u) {
    const int m = s.units[u].mention;
    if (m < 0 || s.mentions[m].entity != e) continue;
    const std::string_view w1 = u >= 1 ? Word(s, u - 1) : std::string_view();
    const std::string_view w2 = u >= 2 ? Word(s, u - 2) : std::string_view();
    if (((w1 == "lady" || w1 == "gentleman") && (w2 == "first" || w2 == "second")) || w1 == "mrs" ||
        (w1 == "." && w2 == "mrs")) {
      return true;
    }
  }
  return false;
}

// Whether chunk `c` is the subject (a passive's: the by-agent) of a finite verb group of `a`.
bool IsSubject(const ClauseAnalysis& a, int c) {
  for (const VerbGroup& g : a.groups) {
    if (g.infinitive) continue;
    const bool passive = !g.verbs.empty() && g.verbs.back().passive;
    if (passive ? g.agent == c : g.subject == c) return true;
  }
  // The possessive pronoun of a nominalisation: "his call with", "our deliveries of".
  for (const VerbGroup& g : a.nominals) {
    if (c >= 0 && g.subject == c && a.chunks[c].pronoun) return true;
  }
  return false;
}

// The subject pronoun a possessive or reflexive pronoun stands for ("his", "himself": "he"),
// else `w`. A reflexive read as a subject is the object of a verb before it whose subject it
// repeats ("Sadat found himself frustrated ... and made a dramatic move").
std::string_view SubjectForm(std::string_view w) {
  if (w == "his" || w == "himself") return "he";
  if (w == "her" || w == "herself") return "she";
  if (w == "their" || w == "themselves") return "they";
  if (w == "itself") return "it";
  if (w == "our") return "we";
  if (w == "my") return "i";
  return w;
}

const Mention* MentionAt(const Tagged& s, uint32_t u) {
  if (u >= s.units.size() || s.units[u].mention < 0) return nullptr;
  return &s.mentions[s.units[u].mention];
}

bool IsType(const EntityDef* e, EntityType t) { return e != nullptr && e->entity.type == t; }

// Adverbs that may open a sentence before its subject without a comma: "Together they
// discussed", "Later they met".
bool IsSentenceAdverb(std::string_view w) {
  return w == "together" || w == "also" || w == "then" || w == "later" || w == "finally" ||
         w == "separately" || w == "subsequently" || w == "additionally" || w == "further" ||
         w == "jointly" || w == "afterwards";
}

// Whether "it" at unit `at` of `s` is the subject of a copula, a verb of seeming or another
// verb that takes an expletive "it" ("It was not until 1979", "It seems", "It took years"), or
// of no verb group at all: then it names nothing.
bool ExpletiveIt(const Tagged& s, const ClauseAnalysis& a, uint32_t at) {
  static constexpr std::string_view kExpletiveVerbs[] = {
      "am",      "appear", "appeared", "appears", "are",      "be",      "became", "become",
      "becomes", "been",   "being",    "happen",  "happened", "happens", "is",     "matter",
      "matters", "meant",  "means",    "remain",  "remained", "remains", "seem",   "seemed",
      "seems",   "take",   "takes",    "took",    "was",      "were"};
  for (const VerbGroup& g : a.groups) {
    if (g.subject < 0 || a.chunks[g.subject].begin != at || g.infinitive) continue;
    for (uint32_t u = g.begin; u < g.end && u < s.units.size(); ++u) {
      const std::string_view w = Word(s, u);
      if (std::find(std::begin(kExpletiveVerbs), std::end(kExpletiveVerbs), w) !=
          std::end(kExpletiveVerbs)) {
        return true;
      }
    }
    return false;
  }
  return true;
}

// The entity a mention stands for as an actor: what a place acts as, a demonym's state.
const EntityDef* ActorOf(const Mention& m) {
  if (m.entity == nullptr) return nullptr;
  if (m.acts_as != nullptr && (EntityTypeBit(m.acts_as->entity.type) & kActorBits) != 0) {
    return m.acts_as;
  }
  return (EntityTypeBit(m.entity->entity.type) & kActorBits) != 0 ? m.entity : nullptr;
}

// Whether the word `w` (lower-cased) is the cue's token k.
bool CueToken(std::string_view w, const Cue& cue, size_t k) {
  const std::string& want = cue.tokens[k];
  return k + 1 == cue.tokens.size() && cue.prefix ? w.substr(0, want.size()) == want : w == want;
}

// Whether the word units [u, u + cue size) are the cue. Returns the unit after it, or 0.
uint32_t CueAt(const Tagged& s, uint32_t u, const Cue& cue) {
  for (size_t k = 0; k < cue.tokens.size(); ++k) {
    const std::string_view w = Word(s, u + static_cast<uint32_t>(k));
    if (w.empty() || !CueToken(w, cue, k)) return 0;
  }
  return u + static_cast<uint32_t>(cue.tokens.size());
}

// Whether the last words of mention `m` are a cue of `cues`: a title's own name ("APEC Leaders'
// Golden Gate Declaration" once the document has named its "Golden Gate Declaration") still
// says what kind of document it is.
bool MentionEndsWithCue(const Tagged& s, const Mention& m, const std::vector<Cue>& cues) {
  for (const Cue& cue : cues) {
    const uint32_t size = static_cast<uint32_t>(cue.tokens.size());
    if (m.tok_end < m.tok_begin + size) continue;
    bool all = true;
    for (uint32_t k = 0; k < size && all; ++k) {
      const Token& tok = s.tokens[m.tok_end - size + k];
      const std::string_view w = std::string_view(s.lower).substr(tok.begin, tok.end - tok.begin);
      const std::string& want = cue.tokens[k];
      all = k + 1 == size && cue.prefix ? w.substr(0, want.size()) == want : w == want;
    }
    if (all) return true;
  }
  return false;
}

// The first cue of `cues` (longest first) at unit u; its end, or 0.
uint32_t AnyCueAt(const Tagged& s, uint32_t u, const std::vector<Cue>& cues, const Cue** which) {
  // Every cue starts with a word: the unit's is read once, and a cue whose first token it is
  // not is passed over without reading on.
  const std::string_view first = Word(s, u);
  if (first.empty()) return 0;
  for (const Cue& cue : cues) {
    if (cue.tokens.empty() || !CueToken(first, cue, 0)) continue;
    if (const uint32_t e = CueAt(s, u, cue)) {
      if (which != nullptr) *which = &cue;
      return e;
    }
  }
  return 0;
}

// The first unit of a cue of `cues` that ends at unit e (exclusive) and starts at or after
// `from`, or kNoUnit.
// Whether `cue` ends at unit e (exclusive), starts at or after `from` and ends with the word
// `last` (unit e - 1's).
bool CueEndsAt(const Tagged& s, uint32_t from, uint32_t e, std::string_view last, const Cue& cue) {
  const uint32_t size = static_cast<uint32_t>(cue.tokens.size());
  return size != 0 && e >= from + size && CueToken(last, cue, size - 1) &&
         CueAt(s, e - size, cue) == e;
}

// The first unit of the first cue of `cues` (in list order) that ends at unit e (exclusive) and
// starts at or after `from`, or kNoUnit; `index` is the list's CueIndex, which names the cues
// that may end with unit e - 1's word.
uint32_t CueEndingAt(const Tagged& s, uint32_t from, uint32_t e, const std::vector<Cue>& cues,
                     const CueIndex& index, const Cue** which) {
  // Every cue ends with a word: the last unit's is read once (as in AnyCueAt).
  const std::string_view last = e > 0 ? Word(s, e - 1) : std::string_view();
  if (last.empty()) return kNoUnit;
  static const std::vector<uint32_t> kNone;
  const auto it = index.by_last.find(last);
  const std::vector<uint32_t>& exact = it == index.by_last.end() ? kNone : it->second;
  const std::vector<uint32_t>& prefixed = index.prefixed;
  size_t a = 0, b = 0;
  while (a < exact.size() || b < prefixed.size()) {
    const uint32_t i = b == prefixed.size() || (a < exact.size() && exact[a] < prefixed[b])
                           ? exact[a++]
                           : prefixed[b++];
    const Cue& cue = cues[i];
    if (CueEndsAt(s, from, e, last, cue)) {
      if (which != nullptr) *which = &cue;
      return e - static_cast<uint32_t>(cue.tokens.size());
    }
  }
  return kNoUnit;
}

}  // namespace

bool FollowedByAnother(const Tagged& s, uint32_t e) {
  if (e >= s.units.size()) return false;
  if (s.units[e].mention >= 0) return true;
  const std::string_view w = s.TokenText(s.units[e].tok_begin);
  return w == "of" || w == "-" || (w[0] >= 'A' && w[0] <= 'Z');
}

bool EndsAnotherTitle(const Tagged& s, uint32_t b) {
  if (b >= 1 && b <= s.units.size() && s.units[b - 1].mention < 0 &&
      s.TokenText(s.units[b - 1].tok_begin) == "the") {
    --b;
  }
  if (b < 2 || b > s.units.size() || s.units[b - 1].mention >= 0 || s.units[b - 2].mention >= 0) {
    return false;
  }
  const std::string_view to = s.TokenText(s.units[b - 1].tok_begin);
  const std::string_view w = s.TokenText(s.units[b - 2].tok_begin);
  return (to == "to" || to == "To") && !w.empty() && w[0] >= 'A' && w[0] <= 'Z';
}

namespace {

std::string CueText(const Cue& cue) {
  std::string out;
  for (const std::string& t : cue.tokens) {
    if (!out.empty() && t != "-" && out.back() != '-') out += ' ';
    out += t;
  }
  return out;
}

// Whether a token list (lower-cased) is exactly one of the cues.
bool IsOneOf(const std::vector<std::string>& words, const std::vector<Cue>& cues) {
  for (const Cue& cue : cues) {
    if (cue.tokens == words) return true;
  }
  return false;
}

void AddUnique(std::vector<const EntityDef*>* out, const EntityDef* e) {
  if (e != nullptr && std::find(out->begin(), out->end(), e) == out->end()) out->push_back(e);
}

int NumberWord(std::string_view w) {
  static constexpr std::string_view kNumbers[] = {"two",   "three", "four", "five", "six",
                                                  "seven", "eight", "nine", "ten"};
  for (size_t i = 0; i < std::size(kNumbers); ++i) {
    if (w == kNumbers[i]) return static_cast<int>(i) + 2;
  }
  if (w == "both") return 2;
  if (w.size() == 1 && w[0] >= '2' && w[0] <= '9') return w[0] - '0';
  return 0;
}

std::string Ids(const std::vector<const EntityDef*>& entities) {
  std::string out;
  for (const EntityDef* e : entities) out += (out.empty() ? "" : ", ") + e->entity.id;
  return out;
}

// "PRESIDENT BIDEN" -> "President Biden"; "MS. JEAN-PIERRE" -> "Ms. Jean-Pierre".
std::string TitleCase(std::string_view label) {
  std::string out(label);
  bool start = true;
  for (char& c : out) {
    const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    if (letter && !start && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    start = !letter && c != '\'';
  }
  return out;
}

}  // namespace

// --- What a document establishes before its relations -------------------------------------

void DocumentActors::Establish(const std::vector<Tagged>& units,
                               const std::vector<SentenceInput>& inputs, std::string_view url) {
  const ActorVocabulary& v = doc_.rules.actors;
  units_ = &units;
  // The country of the publisher: the last label of the address's host.
  if (const size_t scheme = url.find("://"); scheme != std::string_view::npos) {
    std::string_view host = url.substr(scheme + 3);
    host = host.substr(0, host.find_first_of("/?#"));
    host = host.substr(0, host.find(':'));
    const std::string tld = AsciiLower(host.substr(host.rfind('.') + 1));
    if (auto it = v.domains.find(tld); it != v.domains.end() && host.find('.') != host.npos) {
      country_ = doc_.Find(it->second);
      country_via_ = "the domain ." + tld;
    }
  }
  voices_.assign(units.size(), Voice());
  size_t title = units.size();
  for (size_t i = 0; i < units.size(); ++i) {
    if (inputs[i].title) title = i;
    // The title comes first in the story the document tells, wherever its unit is.
    ReadUnit(units[i], inputs[i].title ? 0 : i);
  }
  if (title < units.size()) {
    current_ = 0;
    ReadTitle(units[title]);
    // A joint document's "we": who its title names, whatever meetings its text reports.
    if (participants_.size() >= 2) joint_we_ = participants_;
    if (body_ != nullptr) joint_we_ = {body_};
  }
  ReadSpeakers(units, inputs);
  current_ = 0;
}

// Persons named with an office ("President Biden", "Chancellor Olaf Scholz of Germany"), the
// states the text gives them ("of Germany", "German Chancellor"), and gender titles.
void DocumentActors::ReadUnit(const Tagged& s, size_t i) {
  const ActorVocabulary& v = doc_.rules.actors;
  // The people's mentions that are units, in order: found from the mentions (a few), not by
  // reading every unit.
  for (size_t mi = 0; mi < s.mentions.size(); ++mi) {
    const Mention* m = &s.mentions[mi];
    if (m->kind == MentionKind::kDemonym || !IsType(m->entity, EntityType::kPerson)) continue;
    const auto unit =
        std::lower_bound(s.units.begin(), s.units.end(), m->tok_begin,
                         [](const Unit& x, uint32_t tok) { return x.tok_begin < tok; });
    if (unit == s.units.end() || unit->mention != static_cast<int>(mi)) continue;
    const uint32_t u = static_cast<uint32_t>(unit - s.units.begin());
    const EntityDef* person = m->entity;
    named_.push_back({i, person, ""});
    uint32_t before = u;
    if (before > 0 && Word(s, before - 1) == ".") --before;  // "Mr. Sullivan"
    const Cue* title = nullptr;
    uint32_t b = CueEndingAt(s, 0, before, v.offices, v.offices_index, &title);
    if (b != kNoUnit) named_.push_back({i, person, CueText(*title)});
    const std::optional<int64_t> day = FirstDayCount(s.date);
    for (size_t r = 0; r < person->entity.roles.size(); ++r) {
      if (person->role_periods[r].HeldOn(day)) {
        named_.push_back({i, person, person->entity.roles[r].office});
      }
    }
    // The first given name, once per person ("Kamala Harris"; not a family name written
    // first: the list leaves out common surnames such as "Kim").
    if (named_gender_.insert(person).second) {
      const std::string& label = person->entity.label;
      const std::string first = AsciiLower(label.substr(0, label.find(' ')));
      if (label.find(' ') != std::string::npos) {
        const NameVocabulary& names = doc_.rules.names;
        if (names.female.ContainsWord(names.Id(first))) --gender_[person];
        if (names.male.ContainsWord(names.Id(first))) ++gender_[person];
      }
    }
    // Gender titles right before the name ("Ms. Psaki", "King Abdullah").
    if (before > 0) {
      const uint32_t g = before - 1;
      if (AnyCueAt(s, g, v.female, nullptr) == before) --gender_[person];
      if (AnyCueAt(s, g, v.male, nullptr) == before) ++gender_[person];
    }
    // "X of STATE"; "German Chancellor X", "Japan's Prime Minister X".
    const EntityDef* state = nullptr;
    uint32_t k = u + 1;
    if (Word(s, k) == "of") {
      ++k;
      if (Word(s, k) == "the") ++k;
      if (const Mention* c = MentionAt(s, k);
          c != nullptr && IsType(c->entity, EntityType::kState)) {
        state = c->entity;
      }
    }
    if (state == nullptr && b != kNoUnit && b > 0) {
      uint32_t p = b - 1;
      if (p > 0 && Word(s, p) == "s" && Word(s, p - 1) == "'") p -= 2;
      if (const Mention* c = MentionAt(s, p);
          c != nullptr && IsType(c->entity, EntityType::kState)) {
        state = c->entity;
      }
    }
    if (state != nullptr) state_of_[person] = state;
  }
}

// The person "the OFFICE" at unit u names ("the President's Call"), with its end; null when u
// starts none or the office is someone else's ("the President of Russia", "the President Biden").
const EntityDef* DocumentActors::OfficeNounAt(const Tagged& s, uint32_t u, uint32_t* end) const {
  if (Word(s, u) != "the") return nullptr;
  const Cue* office = nullptr;
  const uint32_t e = AnyCueAt(s, u + 1, doc_.rules.actors.offices, &office);
  if (e == 0 || FollowedByAnother(s, e) || EndsAnotherTitle(s, u)) return nullptr;
  *end = e;
  return OfficeHolder(CueText(*office));
}

void DocumentActors::ReadTitle(const Tagged& t) {
  const ActorVocabulary& v = doc_.rules.actors;
  const uint32_t n = static_cast<uint32_t>(t.units.size());
  // A joint document; its kind ("Statement", "Remarks") and the author after "by" / "from".
  uint32_t kind = kNoUnit;
  uint32_t author = kNoUnit;
  for (uint32_t u = 0; u < n; ++u) {
    // A joint word after the document's kind is what the document is about ("Statement on
    // the G7 Leaders' Communiqué", "Readout of Meetings on the Atlantic Declaration").
    if (kind == kNoUnit && AnyCueAt(t, u, v.joint, nullptr) != 0) joint_ = true;
    if (const Mention* m = MentionAt(t, u); kind == kNoUnit && m != nullptr &&
                                            IsType(m->entity, EntityType::kAgreement) &&
                                            MentionEndsWithCue(t, *m, v.joint)) {
      joint_ = true;
    }
    if (AnyCueAt(t, u, v.quoting, nullptr) != 0) quoting_ = true;
    if (kind == kNoUnit && AnyCueAt(t, u, v.kinds, nullptr) != 0) kind = u;
    if (kind != kNoUnit && author == kNoUnit && u > kind) {
      if (const uint32_t e = AnyCueAt(t, u, v.author, nullptr)) author = e;
    }
  }
  uint32_t author_end = author;
  if (author != kNoUnit) {
    const Lexicon& lex = doc_.rules.lexicon;
    uint32_t u = author;
    while (u < n) {
      if (const Mention* m = MentionAt(t, u)) {
        if (m->kind != MentionKind::kDate && m->kind != MentionKind::kQuote &&
            IsType(m->entity, EntityType::kPerson) && m->kind != MentionKind::kDemonym) {
          AddUnique(&authors_, m->entity);
        } else if (m->kind == MentionKind::kDate || m->kind == MentionKind::kQuote) {
          break;
        }
        ++u;
        continue;
      }
      uint32_t e = 0;
      if (const EntityDef* holder = OfficeNounAt(t, u, &e)) {
        AddUnique(&authors_, holder);
        u = e;
        continue;
      }
      std::vector<std::string> rest;
      if (u + 1 < n && (Word(t, u) == "a" || Word(t, u) == "an")) {
        if (const uint32_t oe = AnyCueAt(t, u + 1, v.official, nullptr)) {
          official_author_ = true;
          u = oe;
          continue;
        }
      }
      if (const uint32_t oe = AnyCueAt(t, u, v.official, nullptr)) {
        official_author_ = true;
        u = oe;
        continue;
      }
      const std::string_view w = Word(t, u);
      if (w == "," || w == "and" || w == "of" || w == "the" || w == "." || w == "'" || w == "s" ||
          w == "jr") {
        ++u;
        continue;
      }
      // Title words ("Prime Minister", "National Security Advisor"); not a preposition or a
      // verb ("on", "before", "Welcoming").
      const Token& token = t.tokens[t.units[u].tok_begin];
      const char c = t.text[token.begin];
      const LexEntry* lexeme = lex.Find(w);
      const bool closed = lexeme != nullptr && lexeme->classes != 0;
      const bool ing = lexeme != nullptr &&
                       std::any_of(lexeme->senses.begin(), lexeme->senses.end(),
                                   [](const VerbSense& vs) { return (vs.forms & kFormIng) != 0; });
      if (c >= 'A' && c <= 'Z' && !closed && !ing) {
        ++u;
        continue;
      }
      break;
    }
    author_end = u;
  }
  // Participants: the persons the title names besides its author ("on President Biden's Call
  // with President Zelenskyy"), and "the President".
  std::vector<const EntityDef*> persons;
  for (uint32_t u = 0; u < n; ++u) {
    if (author != kNoUnit && u >= author && u < author_end) continue;
    uint32_t e = 0;
    if (const EntityDef* holder = OfficeNounAt(t, u, &e)) {
      AddUnique(&persons, holder);
      u = e - 1;
      continue;
    }
    const Mention* m = MentionAt(t, u);
    if (m != nullptr && m->kind != MentionKind::kDemonym &&
        IsType(m->entity, EntityType::kPerson) &&
        std::find(authors_.begin(), authors_.end(), m->entity) == authors_.end()) {
      AddUnique(&persons, m->entity);
    }
  }
  // "Remarks by Vice President Harris and President Zelenskyy": the speakers are the meeting.
  if (persons.empty() && authors_.size() >= 2) persons = authors_;
  if (persons.size() >= 2) {
    SetParticipants(persons, "the title");
    return;
  }
  if (!persons.empty()) return;
  // Otherwise the states and bodies the title lists: "the Leaders of India, Israel, United Arab
  // Emirates, and the United States", "U.S.-Israel Strategic Consultative Group".
  std::vector<const EntityDef*> list, best;
  for (uint32_t u = 0; u <= n; ++u) {
    const Mention* m = u < n ? MentionAt(t, u) : nullptr;
    const EntityDef* actor =
        m != nullptr && m->kind != MentionKind::kDemonym ? ActorOf(*m) : nullptr;
    // A body right after the list, with nothing between, is the one its members form ("U.S.-EU
    // Trade and Technology Council"): no participant beside them.
    const bool formed =
        actor != nullptr && !list.empty() && u > 0 && MentionAt(t, u - 1) != nullptr;
    if (actor != nullptr && !IsType(actor, EntityType::kPerson) && !formed) {
      AddUnique(&list, actor);
      continue;
    }
    const std::string_view w = Word(t, u);
    if (u < n && !formed && (w == "," || w == "and" || w == "the" || w == "-")) continue;
    if (list.size() > best.size()) best = list;
    list.clear();
  }
  if (best.size() >= 2) {
    SetParticipants(best, "the title");
    return;
  }
  // A joint document of one body ("Carbis Bay G7 Summit Communique", "G20 Bali Leaders'
  // Declaration"): "we" are that body.
  if (joint_ && best.size() == 1 && !IsType(best[0], EntityType::kState)) body_ = best[0];
}

// Speaker labels at paragraph starts: "PRESIDENT BIDEN:", "SENIOR ADMINISTRATION OFFICIAL:",
// "Q" (a bare label). A speaker's turn lasts until the next label.
void DocumentActors::ReadSpeakers(const std::vector<Tagged>& units,
                                  const std::vector<SentenceInput>& inputs) {
  const ActorVocabulary& v = doc_.rules.actors;
  Voice voice;
  uint32_t turn = 0;
  std::map<std::string, Voice, std::less<>> known;  // by label
  for (size_t i = 0; i < units.size(); ++i) {
    if (inputs[i].title) continue;
    const Tagged& s = units[i];
    const bool paragraph_start = i == 0 || inputs[i].paragraph != inputs[i - 1].paragraph;
    if (paragraph_start && !s.tokens.empty()) {
      // Upper-case words (and . - ') before a colon, within the first ten tokens.
      size_t colon = 0;
      bool label = false;
      for (size_t t = 0; t < s.tokens.size() && t < 10; ++t) {
        const std::string_view text = s.TokenText(static_cast<uint32_t>(t));
        if (text == ":") {
          colon = t;
          label = t > 0;
          break;
        }
        const bool word = IsWordByte(static_cast<unsigned char>(text[0]));
        if (!word && text != "." && text != "-" && text != "'") break;
        if (word && std::any_of(text.begin(), text.end(), [](char c) {
              return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            })) {
          break;
        }
      }
      if (!label && s.tokens.size() >= 2) {
        // A bare label: "Q Thank you".
        const std::string lower = AsciiLower(s.TokenText(0));
        const char next = s.text[s.tokens[1].begin];
        if (IsOneOf({lower}, v.bare) && s.TokenText(0) != lower && next >= 'A' && next <= 'Z') {
          colon = 1;
          label = true;
        }
      }
      if (label) {
        const std::string_view text = s.Range(0, static_cast<uint32_t>(colon));
        auto it = known.find(text);
        if (it == known.end()) it = known.emplace(std::string(text), SpeakerOf(text)).first;
        voice = it->second;
        voice.turn = ++turn;
        if (voice.person != nullptr && voice.name_end > voice.name_begin) {
          speaker_names_.push_back({i, voice.name_begin, voice.name_end, voice.person});
        }
      }
    }
    voices_[i] = voice;
  }
}

DocumentActors::Voice DocumentActors::SpeakerOf(std::string_view label) const {
  const ActorVocabulary& v = doc_.rules.actors;
  Voice voice;
  const std::string cased = TitleCase(label);
  std::vector<std::string> words = TokenTexts(AsciiLower(label), nullptr);
  words.erase(std::remove(words.begin(), words.end(), "."), words.end());
  if (IsOneOf(words, v.anonymous) || IsOneOf(words, v.bare)) {
    voice.kind = VoiceKind::kAnonymous;
    return voice;
  }
  if (IsOneOf(words, v.official)) {
    voice.kind = VoiceKind::kOfficial;
    return voice;
  }
  // The label as a name: "Vice President Harris", "Ms. Psaki", "The President".
  Tagged t;
  Tag(doc_, cased, DateReference{.date = doc_.doc_date}, &t);  // a label: no dates to read
  for (const Mention& m : t.mentions) {
    if (m.kind != MentionKind::kDemonym && IsType(m.entity, EntityType::kPerson)) {
      voice.kind = VoiceKind::kPerson;
      voice.person = m.entity;
      // TitleCase keeps every byte's place: the label's tokens are the unit's first ones. The
      // name starts after the titles an alias may hold ("Vice President Harris"), which then
      // read as the office they are.
      uint32_t b = m.tok_begin;
      for (bool more = true; more;) {
        more = false;
        for (const std::vector<Cue>* list : {&v.offices, &v.female, &v.male}) {
          for (const Cue& cue : *list) {
            const uint32_t n = static_cast<uint32_t>(cue.tokens.size());
            if (b + n >= m.tok_end) continue;
            bool fits = true;
            for (uint32_t k = 0; k < n && fits; ++k) {
              fits = AsciiLower(t.TokenText(b + k)) == cue.tokens[k];
            }
            if (!fits) continue;
            b += n;
            if (b + 1 < m.tok_end && t.TokenText(b) == ".") ++b;
            more = true;
            break;
          }
          if (more) break;
        }
      }
      voice.name_begin = b;
      voice.name_end = m.tok_end;
      return voice;
    }
  }
  // Titles and honorifics before the name.
  std::vector<std::string> office;
  size_t k = 0;
  if (k < words.size() && words[k] == "the") ++k;
  for (;;) {
    bool more = false;
    for (const std::vector<Cue>* list : {&v.offices, &v.female, &v.male}) {
      for (const Cue& cue : *list) {
        if (k + cue.tokens.size() <= words.size() &&
            std::equal(cue.tokens.begin(), cue.tokens.end(), words.begin() + k)) {
          if (list == &v.offices) office.assign(cue.tokens.begin(), cue.tokens.end());
          k += cue.tokens.size();
          more = true;
          break;
        }
      }
      if (more) break;
    }
    if (!more) break;
  }
  if (k == words.size()) {
    // "THE PRESIDENT", "THE VICE PRESIDENT".
    if (!office.empty() && words[0] == "the") {
      Cue cue;
      cue.tokens = office;
      voice.person = OfficeHolder(CueText(cue));
      if (voice.person != nullptr) voice.kind = VoiceKind::kPerson;
    }
    return voice;
  }
  // "MS. JEAN-PIERRE": a person named in the document whose name ends so.
  const std::vector<std::string> name(words.begin() + static_cast<std::ptrdiff_t>(k), words.end());
  std::vector<const EntityDef*> found;
  for (const Named& named : named_) {
    std::vector<std::string> label = TokenTexts(AsciiLower(named.person->entity.label), nullptr);
    label.erase(std::remove(label.begin(), label.end(), "."), label.end());
    if (label.size() >= name.size() && std::equal(name.rbegin(), name.rend(), label.rbegin())) {
      AddUnique(&found, named.person);
    }
  }
  if (found.size() == 1) {
    voice.kind = VoiceKind::kPerson;
    voice.person = found[0];
  }
  return voice;
}

void DocumentActors::SetParticipants(std::vector<const EntityDef*> entities, std::string_view how) {
  participants_ = std::move(entities);
  const bool title = how == "the title";
  participants_via_ =
      title ? std::string(how) : std::string(how) + " in sentence " + std::to_string(current_);
  participants_from_ = title ? 0 : current_;
}

const EntityDef* DocumentActors::OfficeHolder(std::string_view office) const {
  std::vector<const EntityDef*> candidates;
  // named_ lists a person once per naming and role, and StateOf reads every role's dates:
  // each person's state is asked once.
  std::vector<const EntityDef*> elsewhere;  // persons whose state is not country_
  for (const Named& named : named_) {
    if (named.office != office) continue;
    const auto known = [&](const std::vector<const EntityDef*>& list) {
      return std::find(list.begin(), list.end(), named.person) != list.end();
    };
    if (known(candidates) || known(elsewhere)) continue;
    if (country_ != nullptr && StateOf(named.person) != country_) {
      elsewhere.push_back(named.person);
      continue;
    }
    candidates.push_back(named.person);
  }
  if (candidates.empty()) {
    if (country_ == nullptr) return nullptr;
    const std::string& date =
        units_ != nullptr && current_ < units_->size() ? (*units_)[current_].date : doc_.doc_date;
    if (const EntityDef* holder = HolderOf(doc_, std::string(office), country_->entity.id, date)) {
      return holder;
    }
    // An office the document's country does not have: the one person of another country
    // the document names with it ("Prime Minister Jacinda Ardern ... The Prime Minister
    // expressed her condolences" in a United States statement).
    return elsewhere.size() == 1 ? elsewhere[0] : nullptr;
  }
  if (candidates.size() == 1) return candidates[0];
  // The one named last before the current unit.
  const EntityDef* last = nullptr;
  for (const Named& named : named_) {
    if (named.unit >= current_) continue;
    if (std::find(candidates.begin(), candidates.end(), named.person) != candidates.end()) {
      last = named.person;
    }
  }
  return last;
}

const EntityDef* DocumentActors::StateOf(const EntityDef* person) const {
  if (person == nullptr || person->entity.type != EntityType::kPerson) return person;
  if (auto it = state_of_.find(person); it != state_of_.end()) return it->second;
  const EntityDef* state = nullptr;
  const std::optional<int64_t> doc_day = FirstDayCount(doc_.doc_date);
  for (bool dated : {true, false}) {
    for (size_t r = 0; r < person->entity.roles.size(); ++r) {
      const Role& role = person->entity.roles[r];
      if (role.country.empty() || (dated && !person->role_periods[r].HeldOn(doc_day))) continue;
      const EntityDef* c = doc_.Find(role.country);
      if (state != nullptr && c != state) return nullptr;
      state = c;
    }
    if (state != nullptr) return state;
  }
  return nullptr;
}

// --- Resolution ------------------------------------------------------------------------------

std::vector<const EntityDef*> DocumentActors::Persons() const {
  std::vector<const EntityDef*> out;
  for (const EntityDef* e : participants_) {
    if (IsType(e, EntityType::kPerson)) out.push_back(e);
  }
  return out;
}

const EntityDef* DocumentActors::CountryOf(const EntityDef* e) const {
  const EntityDef* state = doc_.StateOfGroup(e);
  return state != nullptr ? state : e;
}

std::vector<const EntityDef*> DocumentActors::States() const {
  std::vector<const EntityDef*> out;
  for (const EntityDef* e : participants_) {
    if (!IsType(e, EntityType::kPerson)) out.push_back(e);
  }
  if (!out.empty()) return out;
  for (const EntityDef* e : participants_) {
    const EntityDef* state = StateOf(e);
    if (state == nullptr) return {};
    AddUnique(&out, state);
  }
  return out;
}

bool DocumentActors::Near(size_t unit) const {
  if (unit > current_ || current_ - unit > kAntecedentUnits) return false;
  return voices_.empty() || voices_[unit].turn == voices_[current_].turn;
}

int DocumentActors::Gender(const EntityDef* person) const {
  const auto it = gender_.find(person);
  if (it == gender_.end() || it->second == 0) return 0;
  return it->second > 0 ? 1 : -1;
}

ImplicitActors DocumentActors::Resolve(const Tagged& s, const ClauseAnalysis& a, int c) const {
  if (c < 0 || !a.chunks[c].members.empty()) return {};
  // Objects too for "you", the one other participant ("I thank you").
  if (!IsSubject(a, c) && !(a.chunks[c].pronoun && Word(s, a.chunks[c].begin) == "you")) {
    return {};
  }
  if (!a.chunks[c].pronoun) return Collective(s, a, c);
  // "You and I": both pronouns, each resolved.
  const Chunk& chunk = a.chunks[c];
  ImplicitActors out = Pronoun(s, a, chunk.begin);
  if (chunk.end >= chunk.begin + 3) {
    const ImplicitActors second = Pronoun(s, a, chunk.end - 1);
    if (out.entities.empty() || second.entities.empty()) return {{}, out.how + "; " + second.how};
    for (const EntityDef* e : second.entities) AddUnique(&out.entities, e);
    out.how += "; " + second.how;
  }
  return out;
}

ImplicitActors DocumentActors::CoordinatedPronoun(const Tagged& s, const ClauseAnalysis& a,
                                                  int c) const {
  if (c < 0 || a.chunks[c].members.empty() || a.chunks[c].begin < 2) return {};
  const uint32_t p = a.chunks[c].begin - 2;
  if (Word(s, p + 1) != "and" || a.chunk_of[p] >= 0) return {};
  const std::string_view w = Word(s, p);
  if (w != "he" && w != "she" && w != "we" && w != "i" && w != "they" && w != "you") return {};
  // The pronoun opens its clause: the sentence, or after a comma or a conjunction ("and in
  // 1967, he and Kosygin met"), never an object before it ("told them and Japan").
  if (p > 0) {
    const std::string_view before = Word(s, p - 1);
    if (before != "," && before != ";" && before != "and" && before != "but") {
      return {};
    }
  }
  if (!IsSubject(a, c)) return {};
  ImplicitActors out = Pronoun(s, a, p);
  if (!out.how.empty()) out.how = "'" + std::string(w) + "': " + out.how;
  return out;
}

ImplicitActors DocumentActors::We() const {
  const Voice& voice = voices_.empty() ? Voice() : voices_[current_];
  switch (voice.kind) {
    case VoiceKind::kPerson: {
      const EntityDef* state = StateOf(voice.person);
      if (state == nullptr) return {{}, "the speaker's country (unknown)"};
      return {{state}, "the speaker's country"};
    }
    case VoiceKind::kOfficial:
      if (country_ == nullptr) return {{}, "the official's country (unknown)"};
      return {{country_}, "the official's country, " + country_via_};
    case VoiceKind::kAnonymous:
      return {{}, "an anonymous speaker"};
    case VoiceKind::kNone:
      break;
  }
  if (!we_.empty()) return {we_, "the apposition of 'we'"};
  if (joint_ && !joint_we_.empty()) return {joint_we_, "the joint document's participants"};
  if (quoting_) return {{}, "a document quoting others (its title)"};
  if (country_ != nullptr) return {{country_}, "the document's country, " + country_via_};
  return {{}, "no country or participants established"};
}

ImplicitActors DocumentActors::Pronoun(const Tagged& s, const ClauseAnalysis& a,
                                       uint32_t at) const {
  const std::string_view w = SubjectForm(Word(s, at));
  const Voice& voice = voices_.empty() ? Voice() : voices_[current_];
  if (w == "i" || w == "me") {
    if (voice.kind == VoiceKind::kPerson) return {{voice.person}, "the speaker"};
    if (voice.turn == 0 && authors_.size() == 1) return {{authors_[0]}, "the title's author"};
    return {{}, "no speaker or author"};
  }
  if (w == "we" || w == "us") return We();
  // "you" in a speaker's turn: the one other participant when the document has two ("I thank
  // you, Madam Vice President" in remarks by two leaders).
  if (w == "you") {
    if (voice.kind != VoiceKind::kPerson) return {{}, "no speaker"};
    std::vector<const EntityDef*> others;
    for (const EntityDef* e : participants_) {
      if (e != voice.person && IsType(e, EntityType::kPerson)) AddUnique(&others, e);
    }
    if (participants_.size() == 2 && others.size() == 1) return {others, "the other participant"};
    return {{}, "not two participants"};
  }
  // Antecedents stand before it.
  if (w == "they" || w == "them") {
    for (size_t g = a.groups.size(); g-- > 0;) {
      const VerbGroup& group = a.groups[g];
      if (group.infinitive || group.subject < 0 || a.chunks[group.subject].end > at) continue;
      std::vector<const EntityDef*> members;
      for (uint32_t m : a.chunks[group.subject].members)
        AddUnique(&members, ActorOf(s.mentions[m]));
      if (members.size() >= 2) return {members, "the plural subject before it"};
    }
    // "Clinton hosted Netanyahu and Arafat at the Wye River Plantation, where they negotiated":
    // opening a clause of ", where" or ", when", the direct object of the verb before it when
    // that names two or more actors of one kind and its subject does not.
    if (at >= 2 && (Word(s, at - 1) == "where" || Word(s, at - 1) == "when") &&
        Word(s, at - 2) == ",") {
      for (size_t g = a.groups.size(); g-- > 0;) {
        const VerbGroup& group = a.groups[g];
        if (group.infinitive || group.nominal || group.begin >= at) continue;
        if (group.object < 0 || group.verbs.empty() || group.verbs.back().passive) break;
        std::vector<const EntityDef*> members;
        for (uint32_t m : a.chunks[group.object].members) {
          AddUnique(&members, ActorOf(s.mentions[m]));
        }
        const size_t persons_in = static_cast<size_t>(
            std::count_if(members.begin(), members.end(),
                          [](const EntityDef* e) { return IsType(e, EntityType::kPerson); }));
        if (members.size() >= 2 && (persons_in == 0 || persons_in == members.size())) {
          return {members, "the plural object before it"};
        }
        // The object is meant, whatever it names: no earlier sentence's subject.
        return {{}, "the object before it names no two actors of one kind"};
      }
    }
    if (plural_.entities.size() >= 2 && Near(plural_.unit)) {
      return {plural_.entities, "the last plural subject"};
    }
    // A "they" that opens its sentence (after an introductory phrase and its comma at most) is
    // the participants a meeting or the title established ("Sullivan met with Secretary Beliz
    // ... They noted the importance of"), unless a plural phrase naming fewer than two actors
    // was a subject since ("These programs will ... They") or an organization was the last
    // sentence's ("Ninety One is contributing ... They provide credit").
    // Sentence adverbs may come first without a comma: "Together they discussed", "Later they".
    uint32_t first = at;
    while (first > 0 && IsSentenceAdverb(Word(s, first - 1))) --first;
    const bool opens =
        first == 0 || (Word(s, first - 1) == "," &&
                       std::none_of(a.groups.begin(), a.groups.end(),
                                    [&](const VerbGroup& g) { return g.begin < first; }));
    const bool organization = !thing_.entities.empty() && thing_.unit + 1 == current_ &&
                              IsType(thing_.entities[0], EntityType::kOrganization);
    if (participants_.size() >= 2 && opens && !organization &&
        !(plural_noun_ != SIZE_MAX && Near(plural_noun_))) {
      return {participants_, "the participants, from " + participants_via_};
    }
    return {{}, "no plural subject in the last two sentences"};
  }
  if (w == "he" || w == "she") {
    const int want = w == "he" ? 1 : -1;
    // A possessive right after a person and "for", "on", "about", "over" or "and" is that
    // person's, whatever the clause's subject: "thanked Prime Minister Kishida for his
    // commitment", "congratulated Macron on his re-election", "welcomed Modi and his
    // delegation" (not "appointed Linowitz to his team", nor "told Kishida that his").
    if (const std::string_view word = Word(s, at); (word == "his" || word == "her") && at >= 2) {
      const std::string_view link = Word(s, at - 1);
      const Mention* before = MentionAt(s, at - 2);
      if ((link == "for" || link == "on" || link == "about" || link == "over" || link == "and") &&
          before != nullptr && IsType(before->entity, EntityType::kPerson) &&
          Gender(before->entity) != -want) {
        return {{before->entity}, "the person right before it"};
      }
    }
    std::vector<const EntityDef*> candidates;  // nearest first
    for (size_t g = a.groups.size(); g-- > 0;) {
      const VerbGroup& group = a.groups[g];
      if (group.infinitive || group.subject < 0 || a.chunks[group.subject].end > at) continue;
      const std::vector<uint32_t>& members = a.chunks[group.subject].members;
      if (members.size() == 1 && IsType(s.mentions[members[0]].entity, EntityType::kPerson)) {
        AddUnique(&candidates, s.mentions[members[0]].entity);
      }
    }
    const size_t in_sentence = candidates.size();
    for (size_t k = persons_.size(); k-- > 0;) {
      if (Near(persons_[k].unit)) AddUnique(&candidates, persons_[k].entities[0]);
    }
    // "After speaking in Cape Town, where he pledged ..., Mandela took ...": in a clause that
    // opens the sentence with a subordinator or preposition, the main clause's subject.
    const LexEntry* first = doc_.rules.lexicon.Find(Word(s, 0));
    if (candidates.empty() && first != nullptr &&
        (first->classes & (kClassSubordinator | kClassPreposition)) != 0) {
      for (const VerbGroup& group : a.groups) {
        if (group.infinitive || group.subject < 0 || a.chunks[group.subject].begin <= at) continue;
        const std::vector<uint32_t>& members = a.chunks[group.subject].members;
        if (members.size() == 1 && IsType(s.mentions[members[0]].entity, EntityType::kPerson)) {
          AddUnique(&candidates, s.mentions[members[0]].entity);
        }
        break;
      }
    }
    std::vector<const EntityDef*> fit;
    for (const EntityDef* p : candidates) {
      if (Gender(p) != -want) fit.push_back(p);
    }
    if (fit.empty()) return {{}, "no subject of that gender in the last two sentences"};
    // The nearest one, unless its gender is unknown and another subject might be meant.
    // A subject before it in its own sentence is nearer than the earlier sentences' ("When
    // Harrison was elected in 1888, he invited Blaine"), when it is the only one there.
    if (Gender(fit[0]) == 0 && fit.size() > 1 && !(in_sentence == 1 && fit[0] == candidates[0])) {
      // One subject known to agree ("Kamala Harris" for "she") beats those of unknown gender.
      std::vector<const EntityDef*> agreeing;
      for (const EntityDef* p : fit) {
        if (Gender(p) == want) agreeing.push_back(p);
      }
      if (agreeing.size() == 1) return {agreeing, "the subject of that gender"};
      return {{}, "two subjects might be meant (" + Ids(fit) + ")"};
    }
    return {{fit[0]},
            in_sentence > 0 && fit[0] == candidates[0] ? "the subject before it"
                                                       : "the nearest subject"};
  }
  // "it" opening the complement clause of a verb of saying or planning right before it (with
  // or without "that"): that verb's subject, when it is one state or organization ("Ethiopia
  // indicated it would act", "Russia said that it would respond"; not "hoped it would serve").
  if (w == "it") {
    for (size_t g = a.groups.size(); g-- > 0;) {
      const VerbGroup& group = a.groups[g];
      if (group.verbs.empty() || group.verbs.back().unit >= at) continue;
      uint32_t next = group.verbs.back().unit + 1;
      if (next < at && Word(s, next) == "that") ++next;
      if (next != at || group.infinitive || group.subject < 0) break;
      bool says = false;
      for (const uint32_t verb : group.verbs.back().verbs) {
        // The verbs of `clause` lines: "demanded that it" is another's doing.
        const std::optional<Modality> m = doc_.rules.lexicon.ComplementClause(verb);
        says = says || (doc_.rules.lexicon.BareComplementClause(verb) &&
                        (m == Modality::kReported || m == Modality::kPlanned));
      }
      if (!says) break;
      const std::vector<uint32_t>& members = a.chunks[group.subject].members;
      if (members.size() != 1) break;
      const EntityDef* e = ActorOf(s.mentions[members[0]]);
      if (IsType(e, EntityType::kState) || IsType(e, EntityType::kOrganization)) {
        return {{e}, "the subject of the verb before it"};
      }
      break;
    }
    // "It" opening a sentence, subject of a verb other than a copula or a verb of seeming: the
    // last sentence's main-clause subject, when that was one agreement, state or organization
    // ("The Five-Power Treaty ... was the cornerstone of the program. It called for ...").
    if (at == 0 && !thing_.entities.empty() && thing_.unit + 1 == current_ &&
        !ExpletiveIt(s, a, at)) {
      return {thing_.entities, "the last sentence's subject"};
    }
    return {{}, "no state or organization subject of the verb right before it"};
  }
  return {};
}

ImplicitActors DocumentActors::Collective(const Tagged& s, const ClauseAnalysis& a, int c) const {
  const ActorVocabulary& v = doc_.rules.actors;
  const Chunk& chunk = a.chunks[c];
  enum { kPeople, kStates, kSides } kind;
  uint32_t b = kNoUnit;
  if ((b = CueEndingAt(s, chunk.begin, chunk.end, v.people, v.people_index, nullptr)) != kNoUnit) {
    kind = kPeople;
  } else if ((b = CueEndingAt(s, chunk.begin, chunk.end, v.states, v.states_index, nullptr)) !=
             kNoUnit) {
    kind = kStates;
  } else if ((b = CueEndingAt(s, chunk.begin, chunk.end, v.sides, v.sides_index, nullptr)) !=
             kNoUnit) {
    kind = kSides;
  } else {
    return BareNumber(s, a, c);
  }
  // Before the noun: determiners and a number ("the two", "both", "our"), or its owners ("Quad
  // leaders", "the Israeli side").
  int number = 0;
  bool determined = false;
  bool every = false;  // "all"
  std::vector<const EntityDef*> owners;
  for (uint32_t u = chunk.begin; u < b; ++u) {
    if (const Mention* m = MentionAt(s, u)) {
      AddUnique(&owners, m->kind == MentionKind::kDemonym ? m->entity : ActorOf(*m));
      continue;
    }
    const std::string_view w = Word(s, u);
    if (const int k = NumberWord(w)) {
      number = k;
      determined = true;
    } else if (w == "the" || w == "all" || w == "our" || w == "these" || w == "those") {
      determined = true;
      every = every || w == "all";
    } else if ((w == "and" || w == ",") && !owners.empty()) {
      // "the U.S. and Israeli delegations": owners coordinated.
    } else {
      return {{}, "a noun phrase with other words than a determiner or a number"};
    }
  }
  // "All states must comply", "all countries": every state, not the document's ("all three
  // countries" are).
  if (every && kind == kStates && number == 0 && owners.empty()) {
    return {{}, "\"all\" states without a number: every state, not the document's"};
  }
  // "U.S. participants": a state or body right before the noun owns it.
  if (owners.empty() && chunk.begin == b && b > 0) {
    if (const Mention* m = MentionAt(s, b - 1); m != nullptr && m->kind != MentionKind::kDemonym) {
      const EntityDef* owner = ActorOf(*m);
      if (owner != nullptr && !IsType(owner, EntityType::kPerson)) owners.push_back(owner);
    }
  }
  if (!owners.empty()) return {owners, "the noun's owner"};
  // "the leaders of Japan, the ROK and the United States".
  if (Word(s, chunk.end) == "of" && chunk.end + 1 < s.units.size()) {
    const int named = a.chunk_of[chunk.end + 1];
    if (named >= 0 && a.chunks[named].begin == chunk.end + 1 && !a.chunks[named].members.empty()) {
      std::vector<const EntityDef*> out;
      for (uint32_t m : a.chunks[named].members) AddUnique(&out, ActorOf(s.mentions[m]));
      if (!out.empty()) return {out, "named after 'of'"};
    }
  }
  // "the three Allied leaders": the noun phrase began before the chunk, with capitalised
  // adjectives and a number between its determiner and the noun.
  if (!determined && chunk.begin == b) {
    uint32_t k = chunk.begin;
    int counted = 0;
    while (k > 0 && chunk.begin - k < 4 && s.units[k - 1].mention < 0) {
      const std::string_view w = Word(s, k - 1);
      const std::string_view raw = s.TokenText(s.units[k - 1].tok_begin);
      if (const int m = NumberWord(w)) {
        counted = m;
      } else if (raw.empty() || raw[0] < 'A' || raw[0] > 'Z' || w == "the") {
        break;
      }
      --k;
    }
    if (k < chunk.begin && k > 0 && (Word(s, k - 1) == "the" || Word(s, k - 1) == "both")) {
      determined = true;
      if (counted > 0) number = counted;
    }
  }
  // "Leaders discussed", "In the discussion, leaders reiterated": a bare noun of people or
  // sides that is the whole phrase names the participants too; not one a prepositional phrase
  // qualifies ("leaders from across the region"), nor a bare noun of states ("countries must").
  if (!determined) {
    const LexEntry* next =
        chunk.end < s.units.size() ? doc_.rules.lexicon.Find(Word(s, chunk.end)) : nullptr;
    // The noun opens its clause: not "The country's leaders" read from "leaders".
    const std::string_view before = chunk.begin > 0 ? Word(s, chunk.begin - 1) : ",";
    if (kind == kStates || chunk.begin != b || (before != "," && before != ":") ||
        (next != nullptr && (next->classes & kClassPreposition) != 0)) {
      return {{}, "no determiner"};
    }
    // Only the meeting the document opens with: a later one ("G7 leaders met with the leaders
    // of Ukraine, Australia, ...") may be a session of some of them.
    if (participants_from_ > 2) return {{}, "a bare noun, and participants of a later meeting"};
  }
  std::vector<const EntityDef*> set = kind == kPeople   ? Persons()
                                      : kind == kStates ? States()
                                                        : States();
  if (set.empty() && kind != kStates) set = kind == kPeople ? States() : Persons();
  // "The Presidents", "the prime ministers" of participants that are no persons: the heads of
  // the states among them, not of an organization that met with them ("France and the United
  // States with the OECD ... The Presidents").
  if (kind == kPeople && !set.empty() && !IsType(set[0], EntityType::kPerson)) {
    const std::string_view noun = Word(s, chunk.end - 1);
    if (noun == "presidents" || noun == "ministers" || noun == "chancellors" ||
        noun == "premiers") {
      std::erase_if(set, [](const EntityDef* e) { return !IsType(e, EntityType::kState); });
    }
  }
  auto fits = [&](const std::vector<const EntityDef*>& entities) {
    if (kind == kSides) return true;
    return std::all_of(entities.begin(), entities.end(), [&](const EntityDef* e) {
      return IsType(e, EntityType::kPerson) == (kind == kPeople);
    });
  };
  // "U.S. and Kenyan officials plan to sign ... The two countries have committed": the states
  // of national groups; the same number of them, or the groups themselves.
  auto as_states = [&](const std::vector<const EntityDef*>& entities) {
    if (kind != kStates) return entities;
    std::vector<const EntityDef*> states;
    for (const EntityDef* e : entities) AddUnique(&states, CountryOf(e));
    return states.size() == entities.size() ? states : entities;
  };
  if (number > 0 && static_cast<int>(set.size()) != number) {
    // "commitments by Israel and the PA ... The two sides": the last list of that many.
    ImplicitActors listed = LastList(s, a, c, number, fits);
    if (!listed.entities.empty()) return {as_states(listed.entities), std::move(listed.how)};
    return {{}, std::to_string(set.size()) + " participants, not " + std::to_string(number)};
  }
  if (set.size() < 2) return {{}, "fewer than two participants established"};
  // A bare "participants" names the states of a meeting; in a roundtable with offices and
  // invited guests it is the guests, whom the participants established need not include.
  if (!determined && kind == kSides && !std::all_of(set.begin(), set.end(), [](const EntityDef* e) {
        return IsType(e, EntityType::kState);
      })) {
    return {{}, "a bare noun of sides, and participants that are no states"};
  }
  return {as_states(set), "the participants, from " + participants_via_};
}

ImplicitActors DocumentActors::LastList(
    const Tagged& s, const ClauseAnalysis& a, int c, int number,
    const std::function<bool(const std::vector<const EntityDef*>&)>& fits) const {
  const Chunk& chunk = a.chunks[c];
  for (int k = c; k-- > 0;) {
    const Chunk& other = a.chunks[k];
    if (other.end > chunk.begin || static_cast<int>(other.members.size()) != number) continue;
    std::vector<const EntityDef*> members;
    for (uint32_t m : other.members) AddUnique(&members, ActorOf(s.mentions[m]));
    if (static_cast<int>(members.size()) == number && fits(members)) {
      return {members, "the list before it"};
    }
  }
  for (size_t k = lists_.size(); k-- > 0;) {
    if (Near(lists_[k].unit) && static_cast<int>(lists_[k].entities.size()) == number &&
        fits(lists_[k].entities)) {
      return {lists_[k].entities, "the last list of " + std::to_string(number)};
    }
  }
  return {};
}

ImplicitActors DocumentActors::BareNumber(const Tagged& s, const ClauseAnalysis& a, int c) const {
  // "The two discussed", "The three met": a number alone after "the" is that many of the
  // participants (persons first: "President Biden met Prime Minister Store ... The two
  // discussed"; their states when no person is one), else the last list of that many persons.
  const Chunk& chunk = a.chunks[c];
  uint32_t u = chunk.begin;
  if (u >= chunk.end || Word(s, u) != "the") return {};
  ++u;
  if (u + 1 != chunk.end || MentionAt(s, u) != nullptr) return {};
  const int number = NumberWord(Word(s, u));
  if (number == 0 || Word(s, u) == "both") return {};
  // "Vice President Mondale worked side by side with President Carter as the two endeavored":
  // that many persons named before it in the sentence, not as owners ("Sullivan emphasized
  // President Biden's commitment, and the two exchanged views" is no pair).
  std::vector<const EntityDef*> named;
  for (const Chunk& other : a.chunks) {
    if (other.end > chunk.begin || other.possessive) continue;
    for (uint32_t m : other.members) {
      const EntityDef* e = ActorOf(s.mentions[m]);
      if (e != nullptr && IsType(e, EntityType::kPerson)) AddUnique(&named, e);
    }
  }
  if (static_cast<int>(named.size()) == number) return {named, "the persons before it"};
  const std::vector<const EntityDef*> persons = Persons();
  if (static_cast<int>(persons.size()) == number) {
    return {persons, "the participants, from " + participants_via_};
  }
  const std::vector<const EntityDef*> states = States();
  if (persons.empty() && static_cast<int>(states.size()) == number) {
    return {states, "the participants, from " + participants_via_};
  }
  // A list of persons only: "the ongoing situation in Russia and Ukraine ... The two
  // discussed" is no pair of states discussing.
  ImplicitActors listed = LastList(s, a, c, number, [](const std::vector<const EntityDef*>& list) {
    return std::all_of(list.begin(), list.end(),
                       [](const EntityDef* e) { return IsType(e, EntityType::kPerson); });
  });
  if (!listed.entities.empty()) return listed;
  return {{},
          std::to_string(number) + " alone: no participants or list of " + std::to_string(number)};
}

// --- What a unit establishes for the next ones -----------------------------------------------

void DocumentActors::Observe(const Tagged& s, const ClauseAnalysis* a,
                             const std::vector<Statement>& statements) {
  const std::vector<std::string>& meeting = doc_.rules.actors.meeting;
  std::vector<const EntityDef*> persons, others;
  auto mentioned = [&](const std::string& id) {
    return std::any_of(s.mentions.begin(), s.mentions.end(), [&](const Mention& m) {
      return m.entity != nullptr && m.entity->entity.id == id;
    });
  };
  // A sentence that speaks of the participants without naming them ("The two leaders renewed
  // their commitment to the Strategic Dialogue co-chaired by A and B") keeps them: a meeting in
  // one of its phrases is not who the document is about from then on.
  const bool about_participants =
      std::any_of(statements.begin(), statements.end(), [&](const Statement& st) {
        const EntityDef* e = doc_.Find(st.subject.id);
        return e != nullptr && !mentioned(st.subject.id) &&
               std::find(participants_.begin(), participants_.end(), e) != participants_.end();
      });
  bool met = false;
  for (const Statement& st : statements) {
    if (about_participants) break;
    if (!std::binary_search(meeting.begin(), meeting.end(), st.predicate)) continue;
    if (st.modality == Modality::kNegated || st.modality == Modality::kHedged) continue;
    if (st.modality == Modality::kPlanned && participants_met_) continue;
    met = met || st.modality != Modality::kPlanned;
    // Only a meeting whose subject the sentence names ("We welcome Turkey" is none).
    if (!mentioned(st.subject.id)) continue;
    for (const EntityRef* ref : {&st.subject, st.object ? &*st.object : nullptr,
                                 st.recipient ? &*st.recipient : nullptr}) {
      if (ref == nullptr) continue;
      const EntityDef* e = doc_.Find(ref->id);
      if (e == nullptr || (EntityTypeBit(e->entity.type) & kActorBits) == 0) continue;
      // A group hosted or met ("thanked Lithuania for hosting U.S. forces") does not replace
      // the leaders a document has established.
      if (IsType(e, EntityType::kGroup) && Persons().size() >= 2) continue;
      // A spouse hosted or hosting ("President Joe Biden and First Lady Jill Biden will host
      // President Ruto and First Lady Rachel Ruto") is no party to the leaders' talks.
      if (IsType(e, EntityType::kPerson) && SpouseTitled(s, e)) continue;
      AddUnique(IsType(e, EntityType::kPerson) ? &persons : &others, e);
    }
  }
  if (persons.size() >= 2 || (persons.empty() && others.size() >= 2)) {
    SetParticipants(persons.size() >= 2 ? persons : others, "a meeting");
    participants_met_ = met;
  }
  // A list item that opens with no verb ends the list; an introduction opens one.
  if (s.list_item &&
      (a == nullptr || std::none_of(a->groups.begin(), a->groups.end(),
                                    [](const VerbGroup& g) { return g.imperative; }))) {
    list_subjects_.clear();
  }
  if (a != nullptr) ReadListIntroduction(s, *a);
  if (a == nullptr) return;
  // "They" in a later sentence is the last plural subject of a main clause ("the two leaders
  // discussed the role that the United States and the PRC play. They also discussed": the
  // leaders), and only without one the last of a complement or relative clause.
  std::vector<const EntityDef*> main_plural, other_plural;
  for (const VerbGroup& g : a->groups) {
    if (g.infinitive) continue;
    const bool passive = !g.verbs.empty() && g.verbs.back().passive;
    const int c = passive ? g.agent : g.subject;
    if (c < 0) continue;
    std::vector<const EntityDef*> subjects;
    for (uint32_t m : a->chunks[c].members) AddUnique(&subjects, ActorOf(s.mentions[m]));
    if (subjects.empty()) subjects = Resolve(s, *a, c).entities;
    // A plural subject that names fewer than two actors: a plural noun ("These programs") or
    // a coordination ("Dr. Sherwood-Randall, General Townsend, and Mr. Maier met").
    const Chunk& subject = a->chunks[c];
    if (subjects.size() < 2 && !subject.pronoun && !g.embedded && !g.object_relative) {
      bool plural = PluralEnding(Word(s, subject.end - 1));
      // "General Townsend, and Mr. Maier met": "and" before the phrase or its title.
      for (uint32_t k = subject.begin; k > 0 && k + 4 > subject.begin && !plural;) {
        const std::string_view w = Word(s, --k);
        if (w == ",") break;
        plural = w == "and";
      }
      for (uint32_t u = subject.begin; u < subject.end && !plural; ++u)
        plural = Word(s, u) == "and";
      if (plural) plural_noun_ = current_;
    }
    for (const EntityDef* e : CoordinatedPronoun(s, *a, c).entities) AddUnique(&subjects, e);
    if (g.apposed_end == g.apposed_begin + 1 && Word(s, g.apposed_begin) == "we" &&
        subjects.size() >= 2) {
      we_ = subjects;
      SetParticipants(subjects, "the apposition");
    }
    // "They": a plural subject of one kind (persons, or states and bodies).
    const size_t persons_in =
        static_cast<size_t>(std::count_if(subjects.begin(), subjects.end(), [](const EntityDef* e) {
          return IsType(e, EntityType::kPerson);
        }));
    // The agents of a reduced relative are no antecedent ("the proposal outlined by the United
    // States, Qatar, and Egypt. They discussed": they are the sentence's subject).
    if (subjects.size() >= 2 && (persons_in == 0 || persons_in == subjects.size()) &&
        g.subject_via != "reduced relative") {
      const bool subordinate =
          g.embedded || g.object_relative || g.subject_via.rfind("relative", 0) == 0;
      // Of the main clauses, the first: the sentence's topic ("The two sides discussed the
      // commitments President Biden and President Xi made": the sides; a relative clause
      // without "that" may read as a main clause).
      if (subordinate) {
        other_plural = subjects;
      } else if (main_plural.empty()) {
        main_plural = subjects;
      }
    }
    if (subjects.size() == 1 && IsType(subjects[0], EntityType::kPerson)) {
      persons_.push_back({subjects, current_});
      // "his commitment", "her counterparts": the possessive of the clause's own subject.
      for (uint32_t u = g.end; u < g.clause_end && u < s.units.size(); ++u) {
        const std::string_view w = Word(s, u);
        const int chunk = a->chunk_of[u];
        const bool determiner = chunk >= 0 && a->chunks[chunk].begin == u;
        if (w == "his" || (w == "himself")) ++gender_[subjects[0]];
        if ((w == "her" && determiner) || w == "herself") --gender_[subjects[0]];
      }
    }
  }
  // "It" in the next sentence: this one's main-clause subject, when one agreement, state or
  // organization (a place standing for its state counts; a pronoun resolved to one too).
  Recent thing;
  for (const VerbGroup& g : a->groups) {
    if (g.infinitive || g.embedded || g.object_relative || g.subject < 0 ||
        g.subject_via.rfind("relative", 0) == 0) {
      continue;
    }
    // A reduced relative's antecedent that opens the sentence is the subject of its main
    // clause, which may be a copula the clause layer makes no group of ("The Five-Power
    // Treaty, signed by ..., was the cornerstone").
    if (g.subject_via == "reduced relative" && a->chunks[g.subject].begin != 0) continue;
    const Chunk& chunk = a->chunks[g.subject];
    std::vector<const EntityDef*> subjects;
    if (chunk.members.size() == 1) {
      const Mention& m = s.mentions[chunk.members[0]];
      const EntityDef* e = ActorOf(m);
      subjects.push_back(e != nullptr ? e : m.entity);
    } else if (chunk.members.empty() && chunk.pronoun && Word(s, chunk.begin) == "it") {
      subjects = Resolve(s, *a, g.subject).entities;
    }
    if (subjects.size() == 1 &&
        (IsType(subjects[0], EntityType::kAgreement) || IsType(subjects[0], EntityType::kState) ||
         IsType(subjects[0], EntityType::kOrganization))) {
      thing = {subjects, current_};
    }
    break;
  }
  thing_ = std::move(thing);
  if (!main_plural.empty()) {
    plural_ = {main_plural, current_};
  } else if (!other_plural.empty()) {
    plural_ = {other_plural, current_};
  }
  for (const Chunk& chunk : a->chunks) {
    if (chunk.members.size() < 2) continue;
    std::vector<const EntityDef*> members;
    for (uint32_t m : chunk.members) AddUnique(&members, ActorOf(s.mentions[m]));
    if (members.size() >= 2) lists_.push_back({members, current_});
  }
  if (persons_.size() > kRecentKept) persons_.erase(persons_.begin(), persons_.end() - kRecentKept);
  if (lists_.size() > kRecentKept) lists_.erase(lists_.begin(), lists_.end() - kRecentKept);
}

void DocumentActors::ReadListIntroduction(const Tagged& s, const ClauseAnalysis& a) {
  const uint32_t n = static_cast<uint32_t>(s.units.size());
  if (n < 3 || Word(s, n - 1) != ":") return;
  const uint32_t before = n - 2;
  const std::string_view w = Word(s, before);
  std::vector<const EntityDef*> subjects;
  Modality modality = Modality::kPlanned;
  if (w == "will" || w == "shall") {
    // "The Quad will:", "we will:": the phrase right before the modal.
    const int c = a.chunk_of[before - 1];
    if (c < 0 || a.chunks[c].end != before) return;
    const Chunk& chunk = a.chunks[c];
    for (uint32_t m : chunk.members) AddUnique(&subjects, ActorOf(s.mentions[m]));
    if (chunk.members.empty()) {
      subjects = chunk.pronoun ? Pronoun(s, a, chunk.begin).entities : Collective(s, a, c).entities;
    }
  } else if (w == "to") {
    // "The leaders decided to:": the subject of the verb the "to" follows.
    for (const VerbGroup& g : a.groups) {
      if (g.infinitive || g.nominal || g.verbs.empty() || g.end != before || g.subject < 0 ||
          g.verbs.back().passive) {
        continue;
      }
      const Chunk& chunk = a.chunks[g.subject];
      for (uint32_t m : chunk.members) AddUnique(&subjects, ActorOf(s.mentions[m]));
      if (chunk.members.empty()) subjects = Resolve(s, a, g.subject).entities;
      modality = Stronger(modality, g.verbs.back().modality);
    }
  } else {
    return;
  }
  // Only actors do things: "President Biden's American Families Plan will:" opens no list.
  std::erase_if(subjects, [](const EntityDef* e) {
    return e == nullptr || (EntityTypeBit(e->entity.type) & kActorBits) == 0;
  });
  if (subjects.empty()) return;
  list_subjects_ = subjects;
  list_modality_ = modality;
  introductions_.push_back({current_, subjects, modality});
}

void DocumentActors::Repeat(size_t j) {
  for (const Introduction& intro : introductions_) {
    if (intro.unit != j) continue;
    list_subjects_ = intro.subjects;
    list_modality_ = intro.modality;
  }
}

std::string DocumentActors::DescribeDocument() const {
  std::string out;
  if (country_ != nullptr) out += "  country: " + country_->entity.id + " (" + country_via_ + ")\n";
  if (!participants_.empty()) {
    out += "  participants: " + Ids(participants_) + " (" + participants_via_ + ")\n";
  }
  if (!authors_.empty()) out += "  author: " + Ids(authors_) + "\n";
  if (official_author_) out += "  author: an official\n";
  if (joint_) out += "  joint document" + (body_ ? " of " + body_->entity.id : "") + "\n";
  uint32_t turns = 0;
  for (const Voice& v : voices_) turns = std::max(turns, v.turn);
  if (turns > 0) out += "  speaker turns: " + std::to_string(turns) + "\n";
  return out;
}

std::string DocumentActors::Describe(const Tagged& s, const ClauseAnalysis& a) const {
  std::string out;
  std::vector<int> seen;
  for (const VerbGroup& g : a.groups) {
    if (g.infinitive) continue;
    const bool passive = !g.verbs.empty() && g.verbs.back().passive;
    const int c = passive ? g.agent : g.subject;
    if (c < 0 || std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
    seen.push_back(c);
    const ImplicitActors r = Resolve(s, a, c);
    if (r.how.empty()) continue;
    out += "  implicit \"" + UnitsString(s, a.chunks[c].begin, a.chunks[c].end) +
           "\" = " + (r.entities.empty() ? "nothing" : Ids(r.entities)) + " (" + r.how + ")\n";
  }
  return out;
}

}  // namespace parley::internal
