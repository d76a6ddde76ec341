#include "extract/clauses.h"

#include <algorithm>

#include "extract/rule_compiled.h"

namespace parley::internal {
namespace {

enum class Kind : uint8_t {
  kWord,       // a word token
  kPunct,      // a punctuation token
  kActor,      // person, state, organization, group
  kPlace,      // a place (maybe acting as an actor)
  kAgreement,  // agreement
  kEvent,      // event
  kDemonym,
  kDate,
  kQuote,
};

// Broad classes of entities, for coordination: members of a list are of one class.
enum EntityClass : uint8_t {
  kClassOfActor = 1,
  kClassOfPlace = 2,
  kClassOfAgreement = 4,
  kClassOfEvent = 8,
};

struct Info {
  Kind kind = Kind::kWord;
  uint32_t classes = 0;  // WordClass
  uint8_t forms = 0;     // VerbForm union
  const LexEntry* lex = nullptr;
  bool cap = false;  // a word starting with a capital letter
  bool ly = false;   // an adverb by its shape ("-ly", not a known verb form)
  char punct = 0;
  int mention = -1;
  uint8_t entity_class = 0;  // EntityClass bits of a mention unit
  bool negative = false;     // "didn", "won", "can" before ' t: an auxiliary with "n't"
};

// Auxiliaries contracted with "n't" (tokens "didn" "'" "t"): their class.
struct Contraction {
  std::string_view word;
  uint32_t classes;
};
constexpr Contraction kContractions[] = {
    {"didn", kClassDo},       {"doesn", kClassDo},     {"don", kClassDo},
    {"isn", kClassBe},        {"aren", kClassBe},      {"wasn", kClassBe},
    {"weren", kClassBe},      {"hasn", kClassHave},    {"haven", kClassHave},
    {"hadn", kClassHave},     {"couldn", kClassModal}, {"wouldn", kClassModal},
    {"shouldn", kClassModal}, {"mustn", kClassModal},  {"mightn", kClassModal},
    {"won", kClassModal},     {"can", kClassModal},
};

// An entity phrase: titles, demonyms and determiners around one head mention.
struct Phrase {
  uint32_t begin = 0, end = 0;
  uint32_t head = 0;  // unit
  bool possessive = false;
};

class ClauseReader {
 public:
  ClauseReader(const Tagged& s, const Lexicon& lexicon, ClauseAnalysis* out)
      : s_(s), lex_(lexicon), out_(out), n_(static_cast<uint32_t>(s.units.size())) {}

  void Run() {
    Classify();
    FindPhrases();
    FindCoordination();
    FindGroups();
    for (size_t g = 0; g < out_->groups.size(); ++g) FindRoles(g);
    ShareWithFollowingClause();
    MarkConditional();
  }

 private:
  // --- Units ---------------------------------------------------------------------------------
  std::string_view Lower(uint32_t u) const { return s_.LowerToken(s_.units[u].tok_begin); }
  bool Is(uint32_t u, std::string_view w) const {
    return u < n_ && info_[u].kind == Kind::kWord && Lower(u) == w;
  }
  bool IsPunct(uint32_t u, char c) const {
    return u < n_ && info_[u].kind == Kind::kPunct && info_[u].punct == c;
  }
  bool Has(uint32_t u, uint32_t classes) const {
    return u < n_ && info_[u].kind == Kind::kWord && (info_[u].classes & classes) != 0;
  }
  bool IsEntity(uint32_t u) const {
    if (u >= n_) return false;
    const Kind k = info_[u].kind;
    return k == Kind::kActor || k == Kind::kPlace || k == Kind::kAgreement || k == Kind::kEvent;
  }
  // Adverbs that may stand inside a verb group or between a subject and its verb.
  // A word of two or more capital letters and no lower-case one: an acronym ("PA", "PLO"), never
  // an adjective.
  bool AllCaps(uint32_t u) const {
    if (u >= n_ || info_[u].kind != Kind::kWord) return false;
    const std::string_view w = s_.TokenText(s_.units[u].tok_begin);
    if (w.size() < 2) return false;
    return std::all_of(w.begin(), w.end(), [](char c) { return c < 'a' || c > 'z'; }) &&
           std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  }
  bool IsAdverb(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kWord &&
           ((info_[u].classes & kClassAdverb) != 0 || info_[u].ly);
  }
  // The length in units of a time adverbial starting at u that the date finder did not make a
  // date (without a document date "Tuesday" is not one): "Tuesday", "on Tuesday", "next week",
  // "on Tuesday morning". 0 when there is none.
  uint32_t TimeAdverbialAt(uint32_t u) const {
    uint32_t k = u;
    if (Is(k, "on") || Is(k, "in") || Is(k, "during") || Is(k, "at")) ++k;
    if (Has(k, kClassCalendar) || Is(k, "the")) ++k;
    if (!Has(k, kClassTime)) return 0;
    ++k;
    if (Has(k, kClassTime)) ++k;  // "Tuesday morning"
    return k - u;
  }
  // The first unit of a time adverbial ending at unit e (exclusive), or e when none does.
  uint32_t TimeAdverbialBefore(uint32_t e) const {
    for (uint32_t len = 4; len > 0; --len) {
      if (e >= len && TimeAdverbialAt(e - len) == len) return e - len;
    }
    return e;
  }
  // Words a clause boundary: ; : ( ) and sentence-final punctuation.
  bool IsHardStop(uint32_t u) const {
    if (u >= n_) return true;
    if (info_[u].kind == Kind::kQuote) return false;
    if (info_[u].kind != Kind::kPunct) return false;
    const char c = info_[u].punct;
    return c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')';
  }

  void Classify() {
    info_.resize(n_);
    prefixed_.assign(n_, nullptr);
    for (uint32_t u = 0; u < n_; ++u) {
      Info& i = info_[u];
      if (u >= 2 && prefixed_[u] != nullptr) {
        // The hyphen of "re-iterated" reads as an adverb, the word as the prefixed verb.
        info_[u - 1] = Info();
        info_[u - 1].classes = kClassAdverb;
      }
      const Unit& unit = s_.units[u];
      if (unit.mention >= 0) {
        const Mention& m = s_.mentions[unit.mention];
        i.mention = unit.mention;
        switch (m.kind) {
          case MentionKind::kDemonym:
            i.kind = Kind::kDemonym;
            break;
          case MentionKind::kDate:
            i.kind = Kind::kDate;
            break;
          case MentionKind::kQuote:
            i.kind = Kind::kQuote;
            break;
          default: {
            const EntityType t = m.entity->entity.type;
            const bool acts =
                m.acts_as != nullptr && (EntityTypeBit(m.acts_as->entity.type) & kActorBits) != 0;
            if (t == EntityType::kPlace) {
              i.kind = Kind::kPlace;
              i.entity_class = kClassOfPlace | (acts ? kClassOfActor : 0);
            } else if (t == EntityType::kAgreement) {
              i.kind = Kind::kAgreement;
              i.entity_class = kClassOfAgreement;
            } else if (t == EntityType::kEvent) {
              i.kind = Kind::kEvent;
              i.entity_class = kClassOfEvent;
            } else {
              i.kind = Kind::kActor;
              i.entity_class = kClassOfActor;
            }
            break;
          }
        }
        continue;
      }
      const Token& t = s_.tokens[unit.tok_begin];
      const unsigned char c = static_cast<unsigned char>(s_.text[t.begin]);
      if (!IsWordByte(c)) {
        i.kind = Kind::kPunct;
        i.punct = static_cast<char>(c);
        continue;
      }
      i.cap = c >= 'A' && c <= 'Z';
      const std::string_view lower = Lower(u);
      i.lex = prefixed_[u] != nullptr ? prefixed_[u] : lex_.Find(lower);
      if (i.lex != nullptr) {
        i.classes = i.lex->classes;
        for (const VerbSense& sense : i.lex->senses) i.forms |= sense.forms;
      }
      // "didn't" is the tokens didn ' t: an auxiliary and a negation, three units.
      if (u + 2 < n_ && IsPunctRaw(u + 1, '\'') && LowerRaw(u + 2) == "t") {
        for (const Contraction& c : kContractions) {
          if (lower == c.word) {
            i.classes = c.classes;
            i.forms = 0;
            i.negative = true;
          }
        }
      }
      if (i.forms == 0 && !i.cap && lower.size() > 4 && lower.substr(lower.size() - 2) == "ly" &&
          i.classes == 0) {
        i.ly = true;
      }
      // A prefixed verb written with a hyphen ("re-iterated", "co-hosted"): the word after the
      // hyphen is a form of the prefixed verb, and the prefix and hyphen read as adverbs.
      if ((lower == "re" || lower == "co") && u + 2 < n_ && IsPunctRaw(u + 1, '-') &&
          s_.units[u + 2].mention < 0) {
        const std::string joined = std::string(lower) + std::string(LowerRaw(u + 2));
        if (const LexEntry* e = lex_.Find(joined); e != nullptr && !e->senses.empty()) {
          i.classes = kClassAdverb;
          prefixed_[u + 2] = e;
        }
      }
    }
  }
  bool IsPunctRaw(uint32_t u, char c) const {
    if (s_.units[u].mention >= 0) return false;
    const Token& t = s_.tokens[s_.units[u].tok_begin];
    return t.end - t.begin == 1 && s_.text[t.begin] == c;
  }
  std::string_view LowerRaw(uint32_t u) const {
    if (s_.units[u].mention >= 0) return {};
    return s_.LowerToken(s_.units[u].tok_begin);
  }

  // --- Entity phrases --------------------------------------------------------------------------
  // A capitalised word that may be a title inside a name phrase ("Prime", "Minister"): not a
  // closed-class word and not a finite verb form ("Rejects", "Signed" in a title-case headline).
  bool IsTitleWord(uint32_t u) const {
    const Info& i = info_[u];
    if (i.kind != Kind::kWord || !i.cap) return false;
    if ((i.classes & ~kClassModifier) != 0) return false;
    return (i.forms & (kFormThird | kFormEd)) == 0;
  }
  // The length of a run of one to three lower-case nouns at u that ends right before a title
  // word or a person: "leader" in "Soviet leader Joseph Stalin". 0 when there is none.
  uint32_t LowerOfficeRun(uint32_t u) const {
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

  // A possessive after unit u: "'s" or a bare "'" after a word ending in s. Returns its length
  // in units (0 when there is none).
  uint32_t PossessiveAt(uint32_t u) const {
    if (u < n_ && IsPunct(u, '\'')) {
      if (u + 1 < n_ && Is(u + 1, "s")) return 2;
      return 1;
    }
    return 0;
  }

  void FindPhrases() {
    uint32_t u = 0;
    while (u < n_) {
      const Info& first = info_[u];
      const bool can_start = IsEntity(u) || first.kind == Kind::kDemonym || IsTitleWord(u) ||
                             Is(u, "the") || Is(u, "both") || Has(u, kClassPossessive) ||
                             (first.kind == Kind::kWord && (first.classes & kClassModifier));
      if (!can_start) {
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
          while (k < n_ && k - j < 3 && info_[k].kind == Kind::kWord && !info_[k].cap &&
                 info_[k].classes == 0 && info_[k].forms == 0 && !info_[k].ly) {
            ++k;
          }
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
      phrase.possessive = PossessiveAt(phrase.end) > 0;
      phrases_.push_back(phrase);
      u = phrase.end;
    }
  }

  // --- Coordination ----------------------------------------------------------------------------
  // The phrase starting at unit u, or -1.
  int PhraseAt(uint32_t u) const {
    for (size_t p = next_phrase_hint_; p < phrases_.size(); ++p) {
      if (phrases_[p].begin == u) return static_cast<int>(p);
      if (phrases_[p].begin > u) break;
    }
    return -1;
  }

  uint8_t ClassOf(const Phrase& p) const { return info_[p.head].entity_class; }

  // Whether a comma joins phrase `a` to the list of `b`: both of one kind (places with places,
  // persons with persons), and `a` is not the object of a clause-initial preposition ("In
  // Moscow, Putin and Abe met").
  bool CommaJoins(const Phrase& a, const Phrase& b, bool a_first) const {
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

  void FindCoordination() {
    out_->chunk_of.assign(n_, -1);
    size_t p = 0;
    while (p < phrases_.size()) {
      next_phrase_hint_ = p;
      std::vector<size_t> members = {p};
      std::vector<std::pair<uint32_t, uint32_t>> asides;  // parentheses inside the list
      std::vector<bool> by_conjunction = {true};
      uint8_t common = ClassOf(phrases_[p]);
      // A list after a colon may be separated by semicolons: "spoke with: A of X; B of Y; and
      // C of Z".
      const bool colon_list = phrases_[p].begin > 0 && IsPunct(phrases_[p].begin - 1, ':');
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
        bool conj = false;
        if (IsPunct(u, ',') || (colon_list && IsPunct(u, ';'))) {
          ++u;
          if (Is(u, "and")) {
            ++u;
            conj = true;
          }
        } else if (Is(u, "and")) {
          ++u;
          conj = true;
        } else if (Is(u, "as") && Is(u + 1, "well") && Is(u + 2, "as")) {
          u += 3;
          conj = true;
        } else if ((Is(u, "together") || Is(u, "along")) && Is(u + 1, "with")) {
          u += 2;
          conj = true;
        } else {
          break;
        }
        next_phrase_hint_ = q + 1;
        const int next = PhraseAt(u);
        if (next < 0) break;
        const uint8_t cls = common & ClassOf(phrases_[next]);
        if (cls == 0) break;
        if (!conj && !CommaJoins(phrases_[q], phrases_[next], members.size() == 1)) break;
        common = cls;
        q = static_cast<size_t>(next);
        members.push_back(q);
        by_conjunction.push_back(conj);
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
      if (keep < members.size()) list_end = phrases_[members[keep - 1]].end;
      // "As a step towards the goals of the Task Force, the Commission and the US welcome": a
      // comma after the first member closes an introductory phrase when a verb follows the
      // list ("With Japan, Korea and Australia, the US" keeps its list).
      if (keep > 2 && !by_conjunction[1] && InIntroductoryPhrase(phrases_[members[0]].begin) &&
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
      p = members[keep - 1] + 1;
    }
    next_phrase_hint_ = 0;
  }

  // Whether unit b is inside a clause-initial prepositional or subordinate phrase that no
  // comma has closed yet: "As a step towards the goals of [b]".
  bool InIntroductoryPhrase(uint32_t b) const {
    uint32_t k = b;
    while (k > 0 && !IsPunct(k - 1, ',') && !IsHardStop(k - 1)) --k;
    if (k > 0 && IsPunct(k - 1, ',')) return false;
    return k < b && Has(k, kClassPreposition | kClassSubordinator);
  }

  // The entity chunk ending at unit e (exclusive), or -1.
  int ChunkEndingAt(uint32_t e) const {
    if (e == 0 || e > n_) return -1;
    const int c = out_->chunk_of[e - 1];
    if (c < 0 || out_->chunks[c].end != e) return -1;
    return c;
  }

  // A chunk for the noun phrase starting at unit u: an entity chunk that starts there (and is
  // not a possessive), or a noun chunk whose owners are the entity chunks and demonyms inside it.
  // Returns -1 when no noun phrase starts at u.
  int ChunkAt(uint32_t u) {
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
      if (!(end < n_ && IsNounWord(end) && Modifies(out_->chunks[at]))) return at;
    }
    if (!StartsNounPhrase(u)) return -1;
    Chunk chunk;
    chunk.begin = u;
    uint32_t v = u;
    if (IsCurrency(v)) ++v;  // "$500 million"
    while (v < n_) {
      if (IsPunct(v, '-') && v > u && v + 1 < n_ && info_[v + 1].kind == Kind::kWord) {
        ++v;  // "first-ever", "U.S.-German"
        continue;
      }
      const int c = out_->chunk_of[v];
      if (c >= 0) {
        const Chunk& inner = out_->chunks[c];
        for (uint32_t m : inner.members) chunk.owners.push_back(m);
        v = inner.end;
        if (const uint32_t p = PossessiveAt(v)) v += p;
        // A chunk that ends the phrase is its head: "the Treaty of Portsmouth" from "the".
        if (!(v < n_ && (IsNounWord(v) || Has(v, kClassModifier | kClassNumber)))) {
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
        // Coordinated nouns: "the leaders and advocates", "trade and investment".
        if ((Is(v, "and") || Is(v, "or")) && v + 1 < n_ &&
            (IsNounWord(v + 1) || Has(v + 1, kClassDeterminer)) && chunk.head + 1 == v) {
          ++v;
        }
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
  bool IsDigits(uint32_t u) const {
    if (u >= n_ || info_[u].kind != Kind::kWord) return false;
    const std::string_view w = Lower(u);
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  bool IsCurrency(uint32_t u) const {
    return u < n_ && info_[u].kind == Kind::kPunct && info_[u].punct == '$';
  }
  // The entity classes all members of a chunk share.
  uint8_t ChunkClass(const Chunk& c) const {
    uint8_t cls = 0xFF;
    for (uint32_t m : c.members) cls &= EntityClassOf(s_.mentions[m]);
    return c.members.empty() ? 0 : cls;
  }
  static uint8_t EntityClassOf(const Mention& m) {
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
  // A noun that names the kind of an entity of class `cls` after its name.
  bool IsKindNoun(uint32_t u, uint8_t cls) const {
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
  // Whether an entity chunk before a noun modifies it ("the US offer", "a Russian proposal"):
  // one state, organization or group, after a determiner.
  bool Modifies(const Chunk& c) const {
    if (c.members.size() != 1) return false;
    const Mention& m = s_.mentions[c.members[0]];
    if (m.entity == nullptr || m.entity->entity.type == EntityType::kPerson) return false;
    return Has(c.begin, kClassDeterminer) || (c.begin > 0 && Has(c.begin - 1, kClassDeterminer));
  }
  // A noun chunk whose head is unit e - 1 (a noun word): its modifiers and determiner before.
  int NounChunkEndingAt(uint32_t e) {
    const uint32_t w = e - 1;
    uint32_t b = w;
    while (b > 0 && (IsNounWord(b - 1) || Has(b - 1, kClassModifier | kClassNumber) ||
                     info_[b - 1].kind == Kind::kDemonym)) {
      --b;
    }
    if (b > 0 && Has(b - 1, kClassDeterminer)) --b;
    Chunk noun;
    noun.begin = b;
    noun.end = e;
    noun.head = w;
    for (uint32_t u = b; u < e; ++u) {
      if (info_[u].kind == Kind::kDemonym) noun.owners.push_back(info_[u].mention);
    }
    return AddChunk(std::move(noun));
  }

  int AddChunk(Chunk chunk) {
    out_->chunks.push_back(std::move(chunk));
    return static_cast<int>(out_->chunks.size()) - 1;
  }
  // A word that can be (part of) a noun: not closed-class and not a finite verb in this place.
  bool IsNounWord(uint32_t u) const {
    if (u >= n_ || info_[u].kind != Kind::kWord) return false;
    const Info& i = info_[u];
    if ((i.classes & ~(kClassModifier | kClassNumber)) != 0) return false;
    if (i.ly) return false;
    return !verb_unit_[u];
  }
  bool StartsNounPhrase(uint32_t u) const {
    if (u >= n_) return false;
    if (out_->chunk_of[u] >= 0 || IsCurrency(u)) return true;
    const Info& i = info_[u];
    if (i.kind == Kind::kDemonym) return true;
    if (i.kind != Kind::kWord) return false;
    if (Has(u, kClassDeterminer | kClassNumber | kClassModifier)) return true;
    return IsNounWord(u) || (i.cap && i.classes == 0);
  }

  // --- Verb groups -----------------------------------------------------------------------------
  // Whether the verb form at u reads as a verb where it stands, given what came before it in
  // its group (`aux`: be, have, do, modal or "to" seen).
  bool Verbal(uint32_t u, uint32_t aux, bool be) const {
    const Info& i = info_[u];
    if (i.forms == 0 || i.kind != Kind::kWord) return false;
    // Right after a verb it is that verb's object: "resumed talks", "lifted sanctions".
    if (aux == 0 && u > 0 && verb_unit_[u - 1]) return false;
    // A word that is also an adverb is one unless an auxiliary says otherwise: "Russia further
    // invades" ("to further the goals" has "to").
    if (aux == 0 && (i.classes & kClassAdverb) != 0) return false;
    if (aux != 0) {
      if (be) return (i.forms & (kFormEd | kFormIng)) != 0;
      if (aux & kClassHave) return (i.forms & kFormEd) != 0;
      return (i.forms & kFormBase) != 0;  // do, modal, to
    }
    if (u == 0) return false;
    // A capitalised present participle inside a sentence, before another capitalised word,
    // begins a name: "The Lasker Foundation, Ending Pandemics, and Resolve to Save Lives".
    if (i.cap && (i.forms & kFormIng) != 0 && u + 1 < n_ && info_[u + 1].cap &&
        info_[u + 1].kind == Kind::kWord) {
      return false;
    }
    // A participle that opens a reduced passive relative: "the Accords, signed by Carter",
    // "a treaty concluded between Israel and Egypt".
    if ((i.forms & kFormEd) != 0 && (Is(u + 1, "by") || Is(u + 1, "between")) &&
        !Has(u - 1, kClassDeterminer | kClassPossessive | kClassPreposition)) {
      return true;
    }
    // A participle that takes a complement clause: "sent a letter declaring that", "issued a
    // statement saying that".
    if ((i.forms & kFormIng) != 0 && !(i.forms & (kFormEd | kFormThird)) && Is(u + 1, "that") &&
        VerbTakesClause(u, /*bare=*/false)) {
      return true;
    }
    // A participle clause that shares the subject of its sentence: "by hosting King Hussein",
    // "after meeting Abe", "..., announcing that".
    if ((i.forms & kFormIng) != 0 && !(i.forms & (kFormEd | kFormThird)) &&
        (Is(u - 1, "by") || Is(u - 1, "after") || Is(u - 1, "before") || Is(u - 1, "while") ||
         Is(u - 1, "when") || Is(u - 1, "upon") || Is(u - 1, "including") ||
         // After a comma, only when the last verb is finite ("..., desire to build ties,
         // expanding" attaches to "build", whose subject is not the sentence's).
         (IsPunct(u - 1, ',') && !out_->groups.empty() && !out_->groups.back().infinitive))) {
      return true;
    }
    if (u == 0) return false;
    const uint32_t p = u - 1;
    // After a determiner, possessive, number or modifier it is a noun or an adjective: "the
    // offer", "their support", "Russia's attack", "the signed agreement". "then" is an adverb
    // unless a determiner comes before it ("Kennedy then met" against "the then president").
    if (Is(p, "then") && !(p > 0 && Has(p - 1, kClassDeterminer | kClassPossessive))) {
      // Read as an adverb: what stands before "then" decides, as before any adverb.
    } else if (Has(p, kClassDeterminer | kClassNumber | kClassModifier | kClassPreposition |
                          kClassTo)) {
      return false;
    }
    if (p >= 1 && Is(p, "s") && IsPunct(p - 1, '\'')) return false;
    // A present form before a modal or an auxiliary is a noun: "that U.S. support would keep",
    // "US sanctions will remain".
    if ((i.forms & kFormEd) == 0 && u + 1 < n_ && Has(u + 1, kClassModal | kClassHave | kClassBe)) {
      return false;
    }
    // After a demonym or another capitalised adjective inside a noun phrase it is a noun:
    // "conducted by European states", "the American forces".
    if ((info_[p].kind == Kind::kDemonym ||
         (info_[p].kind == Kind::kWord && info_[p].cap && info_[p].classes == 0 && !AllCaps(p))) &&
        p > 0 && Has(p - 1, kClassPreposition | kClassTo | kClassDeterminer | kClassPossessive)) {
      return false;
    }
    if (IsPunct(p, '\'')) return false;
    if ((i.forms & (kFormEd | kFormThird)) != 0) {
      // After "and", "or" or a comma it continues a coordinated verb phrase only in the form of
      // the verb before ("discussed X, reaffirmed Y"); otherwise it is a coordinated noun ("the
      // leaders and advocates").
      if (Has(p, kClassConjunction) || IsPunct(p, ',')) {
        // "the four countries' enduring and shared commitment": adjectives joined.
        if (Has(p, kClassConjunction) && p > 0 && info_[p - 1].kind == Kind::kWord &&
            (info_[p - 1].forms & (kFormIng | kFormEd)) != 0 && !verb_unit_[p - 1]) {
          return false;
        }
        if (!out_->groups.empty()) {
          const VerbGroup& last = out_->groups.back();
          if ((info_[last.verbs[0].unit].forms & i.forms & (kFormEd | kFormThird)) != 0) {
            return true;
          }
          // After ", and" it may continue an earlier verb phrase past a complement clause:
          // "sent a letter declaring that the US would not permit X, and demanded Y".
          if (Has(p, kClassConjunction) && p > 0 && IsPunct(p - 1, ',')) {
            for (const VerbGroup& earlier : out_->groups) {
              if (!earlier.infinitive && earlier.begin == earlier.verbs[0].unit &&
                  (info_[earlier.verbs[0].unit].forms & i.forms & (kFormEd | kFormThird)) != 0) {
                return true;
              }
            }
          }
        }
        return IsPunct(p, ',') && ClosesParenthetical(p);
      }
      // After a plain word its subject must be a noun phrase with a determiner ("the leader
      // said"), not a bare noun or adjective ("on key issues"); a reduced passive ("challenges
      // posed by") is read as one.
      if (info_[p].kind == Kind::kWord && !IsAdverb(p) && !Has(p, kClassPronoun | kClassNegation) &&
          !info_[p].cap) {
        if (Is(u + 1, "by")) return true;
        const uint32_t d = DeterminedNounPhraseStart(u);
        if (d == kNoUnit) return false;
        // The noun phrase is the object of a verb before it that takes no bare clause: "extends
        // his personal thanks", "reaffirmed the U.S. extended deterrence" ("said the
        // government plans" is a clause).
        if (d > 0 && verb_unit_[d - 1] && !VerbTakesClause(d - 1, (i.forms & kFormThird) == 0)) {
          return false;
        }
        return true;
      }
      // After the object of a verb that takes no complement clause without "that" it is no
      // verb: "reaffirmed the U.S. extended deterrence commitment", "backed the EU sanctions";
      // "said the US extended the deadline" is a clause.
      if (const int c = ChunkEndingAt(u); c >= 0) {
        const uint32_t b = out_->chunks[c].begin;
        // After a possessive the entity modifies a noun: "his G7 partners", "our NATO allies".
        if (Has(b, kClassPossessive)) return false;
        // A past form is a participle unless the verb is one that takes a clause without
        // "that" ("said the US extended" against "reaffirmed the U.S. extended deterrence");
        // a present form needs a verb that takes a complement clause at all ("reaffirmed the
        // US remains committed" against "backed the EU sanctions").
        const bool past = (i.forms & kFormThird) == 0;
        if (b > 0 && verb_unit_[b - 1] && !VerbTakesClause(b - 1, past)) return false;
      }
      return true;
    }
    if ((i.forms & kFormBase) != 0) {
      // A present-tense verb after its subject: "Japan and Russia sign", "they agree", "We,
      // the leaders of A and B, oppose", "I also want". Not after one entity ("Japan sign" is
      // no clause, "a US offer" a noun phrase).
      if (Has(p, kClassPronoun)) return true;
      if (IsAdverb(p)) {
        uint32_t q = p;
        while (q > 0 && IsAdverb(q)) --q;
        if (Has(q, kClassPronoun) && !Has(q, kClassPossessive)) return true;
      }
      // A coordinated verb phrase in the present: "condemn the attack and reaffirm our
      // commitment". The verb before must be a finite present form too, and what follows must
      // start its object ("and support for Ukraine" is a noun).
      if ((Is(p, "and") || Is(p, "or")) && !out_->groups.empty() && u + 1 < n_) {
        const VerbGroup& last = out_->groups.back();
        const Info& lv = info_[last.verbs.back().unit];
        if (!last.infinitive && last.begin == last.verbs[0].unit && (lv.forms & kFormBase) != 0 &&
            (lv.forms & (kFormEd | kFormIng | kFormThird)) == 0 &&
            (Has(u + 1, kClassDeterminer | kClassPossessive | kClassThat) || IsEntity(u + 1))) {
          return true;
        }
      }
      if (IsPunct(p, ',')) return ClosesParenthetical(p);
      // A group is plural ("Japanese strategists insist"); after "that" a base form is a
      // subjunctive ("demanded that the US cancel").
      const int c = ChunkEndingAt(u);
      if (c < 0) return false;
      const Chunk& chunk = out_->chunks[c];
      if (Has(chunk.begin, kClassPossessive)) return false;  // "our NATO and EU partners"
      if (chunk.members.size() > 1) return true;
      if (chunk.members.size() == 1 &&
          s_.mentions[chunk.members[0]].entity->entity.type == EntityType::kGroup) {
        return true;
      }
      if (chunk.begin > 0 && Is(chunk.begin - 1, "that")) return true;
      // One organization or state named as a body ("Quad leaders recognize that", "the G7
      // call on"): a verb when what follows starts its object or complement, not after "a"
      // ("a US offer").
      if (chunk.begin > 0 && (Is(chunk.begin - 1, "a") || Is(chunk.begin - 1, "an"))) return false;
      const uint32_t next = u + 1;
      return next < n_ && (Has(next, kClassDeterminer | kClassThat | kClassPronoun) ||
                           IsEntity(next) || Is(next, "on") || Is(next, "for"));
    }
    return false;
  }

  // The first unit of the noun phrase that ends before unit e (exclusive) and starts with a
  // determiner, a possessive, a demonym or an entity ("the two leaders", "Russia's economy"):
  // that determiner, owner, demonym or entity; kNoUnit when the words before e are no such
  // phrase.
  uint32_t DeterminedNounPhraseStart(uint32_t e) const {
    uint32_t b = e;
    while (b > 0 && e - b < 5 && info_[b - 1].kind == Kind::kWord && !info_[b - 1].cap &&
           (info_[b - 1].classes & ~(kClassModifier | kClassNumber)) == 0 && !verb_unit_[b - 1]) {
      --b;
    }
    if (b == e || b == 0) return kNoUnit;
    if (Has(b - 1, kClassDeterminer) || info_[b - 1].kind == Kind::kDemonym) return b - 1;
    if (b >= 2 && Is(b - 1, "s") && IsPunct(b - 2, '\'')) return b - 2;
    if (IsEntity(b - 1)) return b - 1;
    return kNoUnit;
  }

  // Whether the comma at p closes a parenthetical that follows an entity chunk or a pronoun at
  // the start of a clause: "Putin, who has never been to Tokyo, met", "We, the leaders of A
  // and B, oppose". Commas inside a coordinated chunk are not the opening one.
  bool ClosesParenthetical(uint32_t p) const {
    uint32_t k = p;
    while (k > 0 && !(IsPunct(k - 1, ',') && out_->chunk_of[k - 1] < 0) && !IsHardStop(k - 1)) {
      --k;
    }
    if (k < 2 || !IsPunct(k - 1, ',')) return false;
    return ChunkEndingAt(k - 1) >= 0 || (Has(k - 2, kClassPronoun) && ClauseStartBefore(k - 2));
  }

  void FindGroups() {
    verb_unit_.assign(n_, false);
    uint32_t u = 0;
    while (u < n_) {
      const uint32_t next = TryGroup(u);
      u = next > u ? next : u + 1;
    }
  }

  // Reads the verb group starting at u, if one does; returns the unit after it.
  uint32_t TryGroup(uint32_t start) {
    const Info& first = info_[start];
    if (first.kind != Kind::kWord) return start + 1;
    const uint32_t aux_classes = kClassBe | kClassHave | kClassDo | kClassModal;
    const bool starts =
        (first.classes & aux_classes) != 0 || Is(start, "to") || Verbal(start, 0, false);
    if (!starts) return start + 1;
    VerbGroup g;
    g.begin = start;
    uint32_t aux = 0;
    bool be = false;
    Modality modality = Modality::kAsserted;
    bool adjective_to = false;  // "is proud to": the "to" continues the group
    uint32_t j = start;
    while (j < n_) {
      const Info& i = info_[j];
      if (i.kind != Kind::kWord) break;
      if (Is(j, "to")) {
        // An infinitive: at the start of a group, or after a catenative verb of modality.
        uint32_t k = j + 1;
        while (IsAdverb(k)) ++k;
        if (k >= n_ || (info_[k].forms & kFormBase) == 0) break;
        if (!g.verbs.empty()) {
          std::optional<Modality> cat;
          for (uint32_t verb : g.verbs.back().verbs) {
            if (auto m = lex_.Catenative(verb)) cat = m;
          }
          if (!cat.has_value()) break;
          modality = Stronger(modality, *cat);
        } else if (adjective_to) {
          adjective_to = false;
        } else if (j == start) {
          g.infinitive = true;
        } else {
          break;
        }
        aux = kClassTo;
        be = false;
        ++j;
        continue;
      }
      if (g.verbs.empty() || aux == kClassTo) {
        if ((i.classes & kClassModal) != 0) {
          modality = Stronger(modality, ModalModality(Lower(j)));
          aux |= kClassModal;
          if (i.negative) g.negated = true;
          j += i.negative ? 3 : 1;
          continue;
        }
        if ((i.classes & kClassNegation) != 0) {
          g.negated = true;
          ++j;
          continue;
        }
        if (IsAdverb(j) && j > start) {
          ++j;
          continue;
        }
        if ((i.classes & (kClassBe | kClassHave | kClassDo)) != 0) {
          // An auxiliary only when a verb follows (adverbs and negation may come between).
          uint32_t k = j + (i.negative ? 3 : 1);
          while (k < n_ && !CatenativeAdjectiveAt(k) &&
                 (IsAdverb(k) || Has(k, kClassNegation | kClassBe | kClassHave))) {
            k += info_[k].negative ? 3 : 1;
          }
          // "be" with a catenative adjective, "to" and a verb: "we are proud to announce".
          if ((i.classes & kClassBe) != 0 && CatenativeAdjectiveAt(k)) {
            for (uint32_t m = j; m < k; ++m) {
              if (Has(m, kClassNegation) || info_[m].negative) g.negated = true;
            }
            modality = Stronger(modality, static_cast<Modality>(info_[k].lex->adjective_modality));
            adjective_to = true;
            j = k + 1;
            continue;
          }
          if (k < n_ && info_[k].forms != 0 && (info_[k].classes & kClassPreposition) == 0) {
            aux |= i.classes & (kClassBe | kClassHave | kClassDo);
            be = (i.classes & kClassBe) != 0;
            if (i.negative) g.negated = true;
            j += i.negative ? 3 : 1;
            continue;
          }
          break;
        }
        if (!Verbal(j, aux, be)) break;
        GroupVerb v;
        v.unit = j;
        for (const VerbSense& sense : i.lex->senses) v.verbs.push_back(sense.verb);
        v.passive = be && (i.forms & kFormEd) != 0 && (i.forms & kFormIng) == 0;
        if (be && (i.forms & kFormIng) != 0 && (i.forms & kFormEd) == 0) v.passive = false;
        v.modality = modality;
        g.verbs.push_back(std::move(v));
        verb_unit_[j] = true;
        ++j;
        aux = 0;
        be = false;
        // Coordinated verbs share the group: "signed and ratified", "will sign and ratify".
        uint32_t k = j;
        if (IsPunct(k, ',')) ++k;
        if (Is(k, "and") || Is(k, "or")) {
          ++k;
          while (IsAdverb(k)) ++k;
          const uint8_t want = info_[g.verbs.back().unit].forms;
          if (k < n_ && info_[k].kind == Kind::kWord && (info_[k].forms & want) != 0 &&
              (info_[k].classes & kClassPreposition) == 0) {
            GroupVerb w;
            w.unit = k;
            w.coordinated = true;
            for (const VerbSense& sense : info_[k].lex->senses) w.verbs.push_back(sense.verb);
            w.passive = g.verbs.back().passive;
            w.modality = modality;
            g.verbs.push_back(std::move(w));
            verb_unit_[k] = true;
            j = k + 1;
          }
        }
        continue;
      }
      break;
    }
    if (g.verbs.empty()) return std::max(start + 1, j);
    g.end = j;
    for (GroupVerb& v : g.verbs) {
      if (g.negated) v.modality = Modality::kNegated;
    }
    out_->groups.push_back(std::move(g));
    return j;
  }
  // Whether unit k is a catenative adjective followed by "to" and a verb's base form.
  bool CatenativeAdjectiveAt(uint32_t k) const {
    if (k + 2 >= n_ || info_[k].kind != Kind::kWord || info_[k].lex == nullptr ||
        info_[k].lex->adjective_modality < 0 || !Is(k + 1, "to")) {
      return false;
    }
    uint32_t m = k + 2;
    while (IsAdverb(m)) ++m;
    return m < n_ && info_[m].kind == Kind::kWord && (info_[m].forms & kFormBase) != 0;
  }
  static Modality ModalModality(std::string_view modal) {
    if (modal == "will" || modal == "shall" || modal == "would" || modal == "won") {
      return Modality::kPlanned;
    }
    if (modal == "cannot") return Modality::kNegated;
    return Modality::kHedged;  // may, might, could, should, must, can
  }

  // --- Roles -----------------------------------------------------------------------------------
  // Units at which a clause starts for the purpose of "subject position": the sentence start,
  // punctuation that separates clauses, subordinators, conjunctions, "that".
  bool ClauseStartBefore(uint32_t begin) const {
    if (begin == 0) return true;
    uint32_t p = begin - 1;
    while (p > 0 && (IsAdverb(p) || info_[p].kind == Kind::kDate)) --p;
    if (info_[p].kind == Kind::kPunct) return info_[p].punct != '-' && info_[p].punct != '\'';
    if (info_[p].kind == Kind::kQuote || info_[p].kind == Kind::kDate) return true;
    return Has(p, kClassSubordinator | kClassConjunction | kClassThat | kClassAdverb);
  }

  // Whether the units (p, u) between two commas are a parenthetical the subject search may step
  // over: a relative clause ("who has never been to Tokyo"), or a phrase without a finite verb
  // (an apposition "the Japanese foreign minister", an adverbial "in 1905").
  bool Parenthetical(uint32_t p, uint32_t u) const {
    if (p + 1 >= u) return false;
    if (Has(p + 1, kClassRelative)) return true;
    for (const VerbGroup& g : out_->groups) {
      if (g.begin > p && g.begin < u && !g.infinitive) return false;
    }
    return true;
  }

  // The previous verb group that a group without a subject of its own shares its subject with
  // ("discussed X, reaffirmed Y"): the nearest earlier finite group of the same clause level.
  int SharedSubject(size_t g) const {
    // A participle clause's own opener ("while visiting") is no boundary.
    const VerbGroup& own = out_->groups[g];
    const bool participle = (info_[own.verbs[0].unit].forms & kFormIng) != 0;
    const uint32_t stop = participle && own.begin > 0 ? own.begin - 1 : own.begin;
    // A participle that reports ("adding that", "noting") belongs to the reporting verb; any
    // other belongs to the nearest clause before it: "announced that the companies signed the
    // pledge, committing to cut emissions" (the companies commit), "will celebrate the
    // shipment to be sold there, supporting food security" (no one the sentence names).
    const bool nearest = participle && !VerbTakesClause(own.verbs[0].unit, /*bare=*/false);
    for (size_t h = g; h-- > 0;) {
      const VerbGroup& prev = out_->groups[h];
      const bool to_infinitive = prev.infinitive || (prev.begin > 0 && Is(prev.begin - 1, "to"));
      if (nearest && h + 1 == g && (to_infinitive || prev.embedded)) {
        return to_infinitive ? -1 : static_cast<int>(h);
      }
      // Inside a complement clause whose verb was not found: its subject is unknown.
      if (nearest && h + 1 == g && prev.that_clause != kNoUnit && prev.that_clause < own.begin) {
        return -1;
      }
      // Infinitives ("to be delivered" too) and complement clauses are no coordinated verb.
      if (to_infinitive || prev.embedded) continue;
      for (uint32_t u = prev.end; u < stop; ++u) {
        if (IsPunct(u, ';') || IsPunct(u, ':') || IsPunct(u, '(') ||
            Has(u, kClassSubordinator | kClassRelative)) {
          return -1;
        }
      }
      if (prev.subject_via.rfind("relative", 0) == 0) continue;
      return static_cast<int>(h);
    }
    return -1;
  }

  // "the majority of the Japanese public", "most of the members": a chunk after a quantifier
  // and "of" is what the phrase is about.
  bool AfterQuantifier(uint32_t begin) const {
    if (begin < 2 || !Is(begin - 1, "of")) return false;
    static constexpr std::string_view kQuantifiers[] = {
        "majority", "most", "many", "some", "all", "each", "both", "half", "several", "much"};
    const std::string_view w = Lower(begin - 2);
    return info_[begin - 2].kind == Kind::kWord &&
           std::find(std::begin(kQuantifiers), std::end(kQuantifiers), w) != std::end(kQuantifiers);
  }

  // Whether what stands before unit p (a comma or a dash) at the start of a clause is a
  // pronoun or a noun phrase that names no entity: "We,", "The Big Three -".
  bool NamesNoEntity(uint32_t p) const {
    if (p == 0) return false;
    const uint32_t w = p - 1;
    if (Has(w, kClassPronoun)) return ClauseStartBefore(w);
    if (!IsNounWord(w) || out_->chunk_of[w] >= 0) return false;
    return ClauseStartBefore(ClauseStartOf(p));
  }
  // The first unit of the noun phrase that ends before unit p.
  uint32_t ClauseStartOf(uint32_t p) const {
    uint32_t b = p;
    while (b > 0 &&
           (IsNounWord(b - 1) ||
            Has(b - 1, kClassDeterminer | kClassModifier | kClassNumber | kClassPronoun) ||
            (info_[b - 1].kind == Kind::kWord && info_[b - 1].cap && out_->chunk_of[b - 1] < 0))) {
      --b;
    }
    return b;
  }

  // Gives group gi the subject of the group its verb phrase is coordinated with, if any.
  void ShareSubject(size_t gi) {
    const int h = SharedSubject(gi);
    if (h < 0 || out_->groups[h].subject < 0) return;
    VerbGroup& g = out_->groups[gi];
    g.subject = out_->groups[h].subject;
    g.subject_via = "shared with '" + std::string(UnitText(out_->groups[h].verbs[0].unit)) + "'";
  }

  void FindSubject(size_t gi) {
    VerbGroup& g = out_->groups[gi];
    if (g.infinitive) return;
    int64_t u = static_cast<int64_t>(g.begin) - 1;
    while (u >= 0) {
      const uint32_t w = static_cast<uint32_t>(u);
      if (IsAdverb(w) || Has(w, kClassNegation)) {
        --u;
        continue;
      }
      if (info_[w].kind == Kind::kDate) {
        --u;
        if (u >= 0 && Has(static_cast<uint32_t>(u), kClassPreposition)) --u;
        continue;
      }
      if (const uint32_t t = TimeAdverbialBefore(w + 1); t <= w) {
        u = static_cast<int64_t>(t) - 1;
        continue;
      }
      if (IsPunct(w, ')')) {
        int64_t k = u - 1;
        while (k >= 0 && !IsPunct(static_cast<uint32_t>(k), '(')) --k;
        if (k < 0) break;
        out_->skipped.push_back({static_cast<uint32_t>(k), w + 1, "parentheses"});
        u = k - 1;
        continue;
      }
      // "The Big Three - Stalin, Churchill and Truman - met": the apposition between dashes
      // names who the subject is.
      if (IsPunct(w, '-')) {
        const int named = ChunkEndingAt(w);
        if (named >= 0 && !out_->chunks[named].members.empty()) {
          const uint32_t b = out_->chunks[named].begin;
          if (b >= 2 && IsPunct(b - 1, '-') && NamesNoEntity(b - 1)) {
            out_->skipped.push_back({b - 1, w + 1, "apposition"});
            g.subject = named;
            g.subject_via = "apposition";
            return;
          }
        }
        return;
      }
      if (IsPunct(w, ',')) {
        // A comma-enclosed parenthetical after the subject: step over it.
        int64_t k = u - 1;
        while (k >= 0 && !(IsPunct(static_cast<uint32_t>(k), ',') && out_->chunk_of[k] < 0) &&
               !IsHardStop(static_cast<uint32_t>(k))) {
          --k;
        }
        if (k >= 1 && IsPunct(static_cast<uint32_t>(k), ',')) {
          const uint32_t p = static_cast<uint32_t>(k);
          // "We, the leaders of Japan, the ROK and the United States, oppose", "The three
          // leaders, Biden, Scholz and Macron, agreed": the apposition names who the pronoun
          // or the noun phrase is.
          const int named = ChunkEndingAt(w);
          // A prepositional phrase names nobody: "Micron, in partnership with the NSF,
          // announced".
          if (named >= 0 && !out_->chunks[named].members.empty() && out_->chunks[named].begin > p &&
              !Has(p + 1, kClassPreposition | kClassTo) && NamesNoEntity(p) &&
              Parenthetical(p, w)) {
            out_->skipped.push_back({p, w + 1, "apposition"});
            g.subject = named;
            g.apposed_begin = ClauseStartOf(p);
            g.apposed_end = p;
            g.subject_via =
                "apposition of \"" + std::string(s_.UnitsText(g.apposed_begin, p)) + "\"";
            return;
          }
          const int c = ChunkEndingAt(p);
          if (c >= 0 && !out_->chunks[c].in_pp && ClauseStartBefore(out_->chunks[c].begin) &&
              Parenthetical(p, w)) {
            out_->skipped.push_back(
                {p, w + 1,
                 Has(p + 1, kClassRelative) ? "relative clause" : "apposition or adverbial"});
            g.subject = c;
            g.subject_via = "before a parenthetical";
            return;
          }
        }
        // "The leaders discussed X, reaffirmed Y": a verb phrase coordinated with the previous.
        ShareSubject(gi);
        return;
      }
      if (Has(w, kClassConjunction) && !Is(w, "or")) {
        ShareSubject(gi);
        return;
      }
      if (Has(w, kClassRelative) || (Is(w, "that") && w > 0 && !verb_unit_[w - 1])) {
        if (Is(w, "whom") || Is(w, "whose")) return;
        uint32_t e = w;
        if (e > 0 && IsPunct(e - 1, ',')) --e;
        // An antecedent inside a prepositional phrase may not be the one ("a program in
        // Gwinnett County, Georgia, that will support").
        const int c = ChunkEndingAt(e);
        if (c >= 0 && !out_->chunks[c].in_pp) {
          g.subject = c;
          g.subject_via = "relative '" + std::string(Lower(w)) + "'";
        }
        return;
      }
      const int c = ChunkEndingAt(w + 1);
      if (c >= 0) {
        // A copy: NounChunkEndingAt below may add a chunk and move the vector.
        const Chunk chunk = out_->chunks[c];
        if (chunk.possessive) return;
        // "after the Arab states rejected": a preposition that also introduces clauses.
        const bool clause_prep =
            chunk.begin > 0 && (Is(chunk.begin - 1, "after") || Is(chunk.begin - 1, "before") ||
                                Is(chunk.begin - 1, "since") || Is(chunk.begin - 1, "until") ||
                                Is(chunk.begin - 1, "as") || Is(chunk.begin - 1, "till"));
        // "The leaders of Japan and India condemned": the noun phrase that opens the clause
        // and owns the of-phrase (ResolveChunk reads what "of" names).
        if (chunk.in_pp && chunk.begin >= 2 && Is(chunk.begin - 1, "of") &&
            !AfterQuantifier(chunk.begin) && IsNounWord(chunk.begin - 2) &&
            out_->chunk_of[chunk.begin - 2] < 0) {
          const int noun = NounChunkEndingAt(chunk.begin - 1);
          if (ClauseStartBefore(out_->chunks[noun].begin)) {
            g.subject = noun;
            g.subject_via = "noun phrase before 'of'";
            return;
          }
          out_->chunks.pop_back();
        }
        if (chunk.in_pp && !AfterQuantifier(chunk.begin) && !clause_prep) return;
        g.subject = c;
        g.subject_via = "before the verb";
        return;
      }
      if (Has(w, kClassPronoun)) {
        Chunk pronoun;
        pronoun.begin = w;
        pronoun.end = w + 1;
        pronoun.head = w;
        pronoun.pronoun = true;
        g.subject = AddChunk(std::move(pronoun));
        g.subject_via = "pronoun";
        return;
      }
      if (IsNounWord(w)) {
        // A noun phrase that names no entity ("the leaders", "the leader of Russia"): the
        // subject, but no entity; resolving it is for ResolveChunk.
        g.subject = NounChunkEndingAt(w + 1);
        g.subject_via = "noun phrase";
      }
      return;
    }
  }

  void FindRoles(size_t gi) {
    FindSubject(gi);
    VerbGroup& g = out_->groups[gi];
    // A complement clause without "that" of an earlier verb that takes one bare: "Officials
    // said the US extended the deadline", "Japan hopes Russia accepts": the object the earlier
    // verb took is this clause's subject.
    if (g.subject >= 0 && g.subject_via == "before the verb") {
      const Chunk& subject = out_->chunks[g.subject];
      // A past form needs a verb that takes a clause without "that" (see Verbal); a present
      // form or an auxiliary any verb that takes a complement clause.
      const bool past = g.begin == g.verbs[0].unit &&
                        (info_[g.verbs[0].unit].forms & (kFormThird | kFormBase)) == 0;
      for (size_t h = 0; h < gi; ++h) {
        VerbGroup& prev = out_->groups[h];
        if (prev.object < 0 || out_->chunks[prev.object].begin != subject.begin ||
            prev.complement != subject.begin || prev.that_clause != kNoUnit ||
            !TakesClause(prev, /*bare=*/past)) {
          continue;
        }
        prev.object = -1;
        prev.second_object = -1;
        prev.that_clause = subject.begin;
        if (!subject.members.empty()) prev.that_subject = g.subject;
        prev.clause_end = subject.begin;
      }
    }
    // A complement clause of an earlier verb: "demanded that the US cancel its plans".
    if (g.subject >= 0) {
      for (size_t h = 0; h < gi; ++h) {
        const VerbGroup& prev = out_->groups[h];
        if (prev.that_clause != out_->chunks[g.subject].begin) continue;
        g.embedded = true;
        g.embedded_modality = Modality::kReported;
        for (uint32_t verb : prev.verbs.back().verbs) {
          if (auto m = lex_.ComplementClause(verb)) {
            g.embedded_modality = Stronger(g.embedded_modality, *m);
          }
        }
      }
    }
    // A reduced relative: "challenges posed by China", "the treaty signed by Japan", "The
    // Camp David Accords, signed by Carter, Sadat and Begin", "a treaty concluded between
    // Israel and Egypt".
    if (g.begin > 0 && g.verbs.size() == 1 && (Is(g.end, "by") || Is(g.end, "between")) &&
        (info_[g.verbs[0].unit].forms & kFormEd) != 0 && g.begin == g.verbs[0].unit &&
        (g.subject < 0 || g.subject_via == "noun phrase" || g.subject_via == "before the verb" ||
         g.subject_via == "before a parenthetical")) {
      uint32_t e = g.begin;
      if (IsPunct(e - 1, ',') && e >= 2) --e;
      int c = ChunkEndingAt(e);
      if (c < 0 && e > 0 && IsNounWord(e - 1)) c = NounChunkEndingAt(e);
      if (c >= 0) {
        g.subject = c;
        g.subject_via = "reduced relative";
        for (GroupVerb& v : g.verbs) v.passive = true;
      }
    }
    // A participle clause takes the subject of its sentence: the last finite verb's before
    // it, else the next one's ("After meeting Abe, Putin said").
    if (g.subject < 0 && !g.verbs.empty() && (info_[g.verbs[0].unit].forms & kFormIng) != 0 &&
        g.begin == g.verbs[0].unit) {
      ShareSubject(gi);
      if (g.subject >= 0) g.subject_via = "participle clause";
    }
    const bool passive = !g.verbs.empty() && g.verbs.back().passive;
    uint32_t v = g.end;
    while (IsAdverb(v)) ++v;
    g.complement = v;
    g.clause_begin = g.subject >= 0 ? std::min(out_->chunks[g.subject].begin, g.begin) : g.begin;
    if (!passive && !g.infinitive) {
      const int object = ObjectAt(v);
      if (object >= 0) {
        g.object = object;
        v = out_->chunks[object].end;
        // "offered Russia a package": a second noun phrase with a determiner, a number or an
        // amount.
        if (!out_->chunks[object].members.empty() && !out_->chunks[object].possessive &&
            (Has(v, kClassDeterminer | kClassNumber) || IsCurrency(v) || IsDigits(v))) {
          const int second = ObjectAt(v);
          if (second >= 0 && out_->chunks[second].members.empty()) {
            g.second_object = second;
            v = out_->chunks[second].end;
          }
        }
      }
    }
    // Prepositional phrases, that-clauses, infinitives and quotations that follow.
    while (v < n_) {
      if (IsAdverb(v)) {
        ++v;
        continue;
      }
      if (info_[v].kind == Kind::kDate) {
        ++v;
        // The rest of a date range: "from May 10-11", "June 23-25".
        while (IsDigits(v) || (IsPunct(v, '-') && IsDigits(v + 1))) ++v;
        continue;
      }
      if (const uint32_t t = TimeAdverbialAt(v)) {
        v += t;
        continue;
      }

      if (info_[v].kind == Kind::kQuote) {
        if (g.quote == kNoUnit) g.quote = v;
        ++v;
        continue;
      }
      // "released the "Potsdam Declaration"": a quoted name after an article.
      if (Has(v, kClassDeterminer) && v + 1 < n_ && info_[v + 1].kind == Kind::kQuote) {
        if (g.quote == kNoUnit) g.quote = v + 1;
        v += 2;
        continue;
      }
      if (IsPunct(v, ',') && v + 1 < n_ &&
          (Has(v + 1, kClassPreposition) || info_[v + 1].kind == Kind::kDate)) {
        ++v;
        continue;
      }
      // A to-infinitive right after the verb or its object is the verb's complement ("agreed
      // to cooperate", "urged Xi to act"); after a prepositional phrase it belongs to that
      // phrase ("agreed on the need for cooperation to address COVID-19") unless that phrase
      // names an entity ("called on Moscow to withdraw").
      // A negated one keeps its "not" in the complement: "agreed not to discriminate".
      const bool negated_to = Has(v, kClassNegation) && !info_[v].negative && Is(v + 1, "to");
      if (Is(v, "to") || negated_to) {
        const uint32_t to = negated_to ? v + 1 : v;
        uint32_t k = to + 1;
        while (IsAdverb(k)) ++k;
        // After "not to" any open-class word is a verb, listed or not ("not to discriminate").
        const bool verb = k < n_ && info_[k].kind == Kind::kWord &&
                          ((info_[k].forms & kFormBase) != 0 ||
                           (negated_to && !info_[k].cap && info_[k].classes == 0));
        if (verb && !StartsEntity(k)) {
          const bool after_noun =
              std::any_of(g.preps.begin(), g.preps.end(), [&](const PrepPhrase& pp) {
                return pp.chunk < 0 || out_->chunks[pp.chunk].members.empty();
              });
          if (!after_noun) g.to_clause = negated_to ? v : v + 1;
          break;
        }
      }
      // "collaborating, including with other partners": examples, not the verb's roles.
      if (Is(v, "including")) break;
      if (Has(v, kClassPreposition | kClassTo)) {
        PrepPhrase pp;
        pp.prep = v;
        // "spoke with: A; B; and C": the list after a colon is the phrase's object.
        pp.chunk = ChunkAt(IsPunct(v + 1, ':') ? v + 2 : v + 1);
        if (pp.chunk >= 0) out_->chunks[pp.chunk].in_pp = true;
        g.preps.push_back(pp);
        if (passive && Is(v, "by") && pp.chunk >= 0 && g.agent < 0) g.agent = pp.chunk;
        // "a treaty concluded between Israel and Egypt": the parties are the agents.
        if (passive && Is(v, "between") && pp.chunk >= 0 && g.agent < 0 &&
            out_->chunks[pp.chunk].members.size() > 1) {
          g.agent = pp.chunk;
        }
        v = pp.chunk >= 0 ? out_->chunks[pp.chunk].end : v + 1;
        continue;
      }
      // A complement clause right after the verb or its entity object ("told Abe that"); after
      // a noun ("issue a template that principals can use") "that" is a relative pronoun.
      if (Is(v, "that")) {
        if (g.object < 0 || !out_->chunks[g.object].members.empty()) {
          g.that_clause = v + 1;
          const int c = ChunkAt(v + 1);
          if (c >= 0 && !out_->chunks[c].members.empty()) g.that_subject = c;
        }
        break;
      }
      break;
    }
    g.clause_end = v;
    // An object relative clause: "the treaty that Japan signed", "the islands, which Russia has
    // controlled": the antecedent is the object.
    if (g.object < 0 && !passive && !g.infinitive && g.subject >= 0 && g.that_clause == kNoUnit &&
        g.to_clause == kNoUnit) {
      const uint32_t sb = out_->chunks[g.subject].begin;
      if (sb > 0 && (Is(sb - 1, "that") || Is(sb - 1, "which") || Is(sb - 1, "whom"))) {
        uint32_t e = sb - 1;
        const bool comma = e > 0 && IsPunct(e - 1, ',');
        if (comma) --e;
        // After a comma only an entity is a safe antecedent ("equity, which historians have
        // described" is about the actions before it).
        int c = ChunkEndingAt(e);
        if (c >= 0 && out_->chunks[c].in_pp) c = -1;
        if (c < 0 && !comma && e > 0 && IsNounWord(e - 1)) c = NounChunkEndingAt(e);
        if (c >= 0) {
          g.object = c;
          g.object_relative = true;
        }
      }
    }
  }

  bool StartsEntity(uint32_t u) const { return out_->chunk_of[u] >= 0; }

  // Whether the last verb of group `g` takes a complement clause (without "that": `bare`).
  bool TakesClause(const VerbGroup& g, bool bare) const {
    return !g.verbs.empty() && VerbTakesClause(g.verbs.back().unit, bare);
  }
  bool VerbTakesClause(uint32_t u, bool bare) const {
    if (info_[u].lex == nullptr) return false;
    for (const VerbSense& sense : info_[u].lex->senses) {
      if (bare ? lex_.BareComplementClause(sense.verb)
               : lex_.ComplementClause(sense.verb).has_value()) {
        return true;
      }
    }
    return false;
  }

  // The object chunk starting at v: an entity chunk or a noun phrase; -1 when v starts none
  // (a preposition, a clause, punctuation).
  int ObjectAt(uint32_t v) {
    if (v >= n_) return -1;
    if (Has(v, kClassPreposition | kClassTo | kClassConjunction | kClassSubordinator |
                   kClassRelative | kClassThat | kClassBe | kClassHave | kClassModal)) {
      return -1;
    }
    if ((info_[v].kind == Kind::kPunct && !IsCurrency(v)) || info_[v].kind == Kind::kQuote ||
        info_[v].kind == Kind::kDate) {
      return -1;
    }
    // An object pronoun ("thank you", "met them"): a chunk of its own, so that what follows it
    // is read, and resolved as a subject pronoun is.
    if (Has(v, kClassPronoun) &&
        (Is(v, "you") || Is(v, "him") || Is(v, "her") || Is(v, "them") || Is(v, "us") ||
         Is(v, "me")) &&
        !(v + 1 < n_ && info_[v + 1].kind == Kind::kWord && IsNounWord(v + 1))) {
      Chunk pronoun;
      pronoun.begin = v;
      pronoun.end = v + 1;
      pronoun.head = v;
      pronoun.pronoun = true;
      return AddChunk(std::move(pronoun));
    }
    return ChunkAt(v);
  }

  // "After meeting Abe, Putin said": a participle clause before its sentence's subject takes
  // the subject of the first finite verb after it.
  void ShareWithFollowingClause() {
    for (size_t g = 0; g < out_->groups.size(); ++g) {
      VerbGroup& p = out_->groups[g];
      if (p.subject >= 0 || p.infinitive || p.begin != p.verbs[0].unit ||
          (info_[p.verbs[0].unit].forms & kFormIng) == 0) {
        continue;
      }
      for (size_t h = g + 1; h < out_->groups.size(); ++h) {
        const VerbGroup& next = out_->groups[h];
        if (next.infinitive) continue;
        if (next.subject >= 0 && next.subject_via == "before the verb") {
          p.subject = next.subject;
          p.subject_via = "participle clause";
        }
        break;
      }
    }
  }

  // Groups inside an if/unless clause are conditional.
  void MarkConditional() {
    for (uint32_t u = 0; u < n_; ++u) {
      if (!(Is(u, "if") || Is(u, "unless"))) continue;
      uint32_t e = u + 1;
      while (e < n_ && !IsPunct(e, ',') && !IsHardStop(e)) ++e;
      for (VerbGroup& g : out_->groups) {
        if (g.begin > u && g.begin < e) g.conditional = true;
      }
    }
  }

  std::string_view UnitText(uint32_t u) const { return s_.UnitsText(u, u + 1); }

  const Tagged& s_;
  const Lexicon& lex_;
  ClauseAnalysis* out_;
  const uint32_t n_;
  std::vector<Info> info_;
  std::vector<Phrase> phrases_;
  std::vector<bool> verb_unit_;            // units that are verbs of a group
  std::vector<const LexEntry*> prefixed_;  // "re-iterated": the entry of "reiterated"
  size_t next_phrase_hint_ = 0;
};

}  // namespace

void AnalyzeClauses(const Tagged& s, const Lexicon& lexicon, ClauseAnalysis* out) {
  out->chunks.clear();
  out->groups.clear();
  out->skipped.clear();
  out->chunk_of.clear();
  ClauseReader reader(s, lexicon, out);
  reader.Run();
}

Modality Stronger(Modality a, Modality b) {
  auto rank = [](Modality m) {
    switch (m) {
      case Modality::kNegated:
        return 4;
      case Modality::kHedged:
        return 3;
      case Modality::kPlanned:
        return 2;
      case Modality::kReported:
        return 1;
      case Modality::kAsserted:
        return 0;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

std::string UnitsString(const Tagged& s, uint32_t b, uint32_t e) {
  if (b >= e || e > s.units.size()) return {};
  return std::string(s.UnitsText(b, e));
}

namespace {

std::string ChunkString(const Tagged& s, const ClauseAnalysis& a, int c) {
  if (c < 0) return "-";
  const Chunk& chunk = a.chunks[c];
  std::string out = "\"" + UnitsString(s, chunk.begin, chunk.end) + "\"";
  if (!chunk.members.empty()) {
    out += " =";
    for (size_t i = 0; i < chunk.members.size(); ++i) {
      out += (i == 0 ? " " : ", ") + s.mentions[chunk.members[i]].entity->entity.id;
    }
  } else if (chunk.pronoun) {
    out += " (pronoun, unresolved)";
  } else {
    out += " (names no entity";
    if (!chunk.owners.empty()) {
      out += "; owner";
      for (uint32_t m : chunk.owners) {
        const Mention& mention = s.mentions[m];
        if (mention.entity != nullptr) out += " " + mention.entity->entity.id;
      }
    }
    out += ")";
  }
  return out;
}

}  // namespace

std::string DescribeClauses(const Tagged& s, const Lexicon& lexicon, const ClauseAnalysis& a) {
  std::string out;
  for (const SkippedSpan& k : a.skipped) {
    out += "  skipped \"" + UnitsString(s, k.begin, k.end) + "\" (" + k.why + ")\n";
  }
  for (const VerbGroup& g : a.groups) {
    out += "  verb group \"" + UnitsString(s, g.begin, g.end) + "\":";
    for (const GroupVerb& v : g.verbs) {
      out += " ";
      for (size_t i = 0; i < v.verbs.size(); ++i) {
        out += (i == 0 ? "" : "|") + std::string(lexicon.Lemma(v.verbs[i]));
      }
      out += " (" + std::string(v.passive ? "passive" : "active") + ", " +
             std::string(ModalityName(v.modality)) + ")";
    }
    if (g.infinitive) out += " infinitive";
    if (g.embedded) {
      out += " in a complement clause (" + std::string(ModalityName(g.embedded_modality)) + ")";
    }
    if (g.conditional) out += " conditional";
    out += "\n";
    if (g.infinitive) continue;
    out += "    subject " + ChunkString(s, a, g.subject);
    if (!g.subject_via.empty()) out += " [" + g.subject_via + "]";
    out += "\n";
    if (g.agent >= 0) out += "    by-agent " + ChunkString(s, a, g.agent) + "\n";
    if (g.object >= 0) {
      out += "    object " + ChunkString(s, a, g.object) +
             (g.object_relative ? " [antecedent of a relative clause]" : "") + "\n";
    }
    if (g.second_object >= 0) {
      out += "    second object " + ChunkString(s, a, g.second_object) + "\n";
    }
    for (const PrepPhrase& pp : g.preps) {
      out +=
          "    " + UnitsString(s, pp.prep, pp.prep + 1) + " " + ChunkString(s, a, pp.chunk) + "\n";
    }
    if (g.that_clause != kNoUnit) {
      out += "    that-clause";
      if (g.that_subject >= 0) out += ", its subject " + ChunkString(s, a, g.that_subject);
      out += "\n";
    }
    if (g.to_clause != kNoUnit) out += "    to-infinitive\n";
    if (g.quote != kNoUnit) out += "    quotation\n";
  }
  return out;
}

}  // namespace parley::internal
