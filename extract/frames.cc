#include "extract/frames.h"

#include <algorithm>
#include <bitset>
#include <cctype>

#include "extract/actor_codes.h"
#include "extract/frame_index.h"
#include "extract/participants.h"
#include "extract/pattern_match.h"
#include "extract/rule_compiled.h"

namespace parley::internal {
namespace {

// The frame verb a nominalisation is read with (no verb, no particle).
const FrameVerb kNominalVerb;

// Longest text a frame takes from a clause, in units.
constexpr uint32_t kMaxTextUnits = 40;

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

class FrameReader {
 public:
  FrameReader(const Tagged& s, const ClauseAnalysis& a, const DocState& doc, bool headline,
              FrameScratch* scratch, std::vector<StatementCandidate>* candidates,
              SentenceAnalysis* out)
      : s_(s),
        a_(a),
        doc_(doc),
        headline_(headline),
        scratch_(*scratch),
        candidates_(candidates),
        out_(out) {
    const uint32_t n = static_cast<uint32_t>(s.units.size());
    blocked_.assign(n, 0);
    for (const SkippedSpan& k : a.skipped) {
      for (uint32_t u = k.begin; u < k.end && u < n; ++u) blocked_[u] = 1;
    }
    // A place standing for an actor as a clause's subject acts there ("..., the Kremlin has
    // dispatched officials"): it is no place where another claim of the sentence happened.
    for (const VerbGroup& g : a.groups) {
      if (g.nominal || g.infinitive || g.subject < 0) continue;
      for (uint32_t m : a.chunks[g.subject].members) {
        const Mention& mention = s.mentions[m];
        if (mention.entity == nullptr || mention.acts_as == nullptr ||
            mention.entity->entity.type != EntityType::kPlace) {
          continue;
        }
        for (uint32_t u = a.chunks[g.subject].begin; u < a.chunks[g.subject].end && u < n; ++u) {
          if (s.units[u].mention == static_cast<int>(m)) blocked_[u] = 1;
        }
      }
    }
    group_start_.assign(n, 0);
    for (const VerbGroup& g : a.groups) {
      if (g.begin < n && !g.infinitive) group_start_[g.begin] = 1;
      // "to" of an infinitive coordinated with an earlier one (first unit after it listed).
      for (uint32_t u : g.more_to_clauses) {
        if (u >= 1 && u <= n) group_start_[u - 1] = 1;
      }
    }
  }

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

  // False when imported frame `r` (a rule index) cannot apply anywhere in the sentence: it
  // names no nouns and has `when` lines, none of whose words the sentence may hold
  // (MayOccurKeyed), so Applies would refuse it at every verb. Once a sentence's word keys are
  // found, this spares reading the rule, its verbs and its lines for most imported frames the
  // sentence's verbs name.
  bool MayApply(uint32_t r) const {
    const FrameIndex& index = doc_.rules.frame_index;
    const uint32_t begin = index.when_begin[r], end = index.when_begin[r + 1];
    // Without the sentence's word keys (found at the first line an imported frame tests at a
    // verb) the frame goes the long way: finding them costs more than most frames save.
    if (begin == end || (index.frame_flags[r] & FrameIndex::kNounFrame) != 0 ||
        !sentence_words_found_) {
      return true;
    }
    FrameScratch& memo = scratch_;
    for (uint32_t i = begin; i < end; ++i) {
      const uint32_t p = index.when_patterns[i];
      int8_t& may = memo.may[p];
      if (may < 0) {
        may = MayOccurKeyed(p) ? 1 : 0;
        memo.asked.push_back(p);
      }
      if (may != 0) return true;
    }
    return false;
  }

 private:
  std::string_view Lower(uint32_t u) const {
    if (u >= s_.units.size() || s_.units[u].mention >= 0) return {};
    return s_.LowerToken(s_.units[u].tok_begin);
  }

  // Whether no white space separates unit u from the unit before it.
  bool Tight(uint32_t u) const {
    return u < s_.units.size() && !s_.tokens[s_.units[u].tok_begin].space_before;
  }

  bool IsNumber(uint32_t u) const {
    const std::string_view w = Lower(u);
    return !w.empty() && w[0] >= '0' && w[0] <= '9';
  }

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

  // Whether units u, u + 1 are an adverb that narrows what goes before to a prepositional
  // phrase: "particularly in", "especially for" ("especially as" opens a clause).
  bool NarrowingAt(uint32_t u) const {
    static constexpr std::string_view kNarrowing[] = {"particularly", "especially", "notably",
                                                      "specifically", "primarily",  "mainly",
                                                      "chiefly",      "largely",    "mostly"};
    static constexpr std::string_view kPrepositions[] = {
        "in",      "on",     "for",    "with",    "at",         "through", "by",
        "from",    "to",     "during", "within",  "regarding",  "among",   "against",
        "between", "across", "toward", "towards", "concerning", "around",  "under"};
    const std::string_view adverb = Lower(u);
    const std::string_view prep = Lower(u + 1);
    return std::find(std::begin(kNarrowing), std::end(kNarrowing), adverb) !=
               std::end(kNarrowing) &&
           std::find(std::begin(kPrepositions), std::end(kPrepositions), prep) !=
               std::end(kPrepositions);
  }

  // The text of a role from unit `from`: up to a clause-ending punctuation mark, a
  // conjunction before another verb group, or kMaxTextUnits units. Returns [from, end).
  std::pair<uint32_t, uint32_t> TextExtent(uint32_t from) const {
    const uint32_t n = static_cast<uint32_t>(s_.units.size());
    uint32_t e = from;
    while (e < n && e - from < kMaxTextUnits) {
      if (const uint32_t close = NamesBetweenCommas(e); close > e) {
        e = close + 1;
        continue;
      }
      if (const uint32_t conjunction = ListInPhraseEnd(from, e); conjunction > e) {
        e = conjunction + 1;
        continue;
      }
      // "the Women, Peace and Security (WPS) Agenda": an acronym in parentheses inside the
      // phrase is part of it.
      if (e > from && Lower(e) == "(" && e + 2 < n && Lower(e + 2) == ")" && Acronym(e + 1)) {
        e += 3;
        continue;
      }
      if (s_.units[e].mention < 0) {
        const std::string_view w = Lower(e);
        // A comma inside a list chunk ("Japan, Korea and Australia") or before examples
        // (", including DPRK, Afghanistan, and Iran") belongs to the text.
        // So does a comma before an adverb that narrows the clause to a prepositional phrase
        // (", particularly in view of Mexico's presidency of the UN Security Council").
        const bool inner_comma =
            w == "," && (InsideChunk(e) || Lower(e + 1) == "including" ||
                         (Lower(e + 1) == "such" && Lower(e + 2) == "as") || NarrowingAt(e + 1));
        if (w.size() == 1 && std::string_view(",;:.!?()").find(w[0]) != std::string_view::npos &&
            !(w[0] == '.' && IsNumber(e - 1) && IsNumber(e + 1)) &&  // "$1.9 billion"
            !((w[0] == ',' || w[0] == ':') && IsNumber(e - 1) && IsNumber(e + 1) && Tight(e) &&
              Tight(e + 1)) &&  // "62,000 visas", "a 5:5:3 ratio"
            !inner_comma) {
          break;
        }
        if ((w == "and" || w == "but") && e + 1 < n && group_start_[e + 1]) break;
      }
      if (e > from && group_start_[e] && e > 0 && (Lower(e - 1) == "and")) break;
      ++e;
    }
    // A date, or a place after "at", at the end is the statement's time or place, not its
    // content: "sanctions on Iran in 2016", "a Declaration of Principles at the White House"
    // (but "the situation in the Taiwan Strait" is about the strait).
    while (e > from + 1) {
      const int m = s_.units[e - 1].mention;
      if (m < 0) break;
      const Mention& mention = s_.mentions[m];
      const bool place = mention.entity != nullptr && mention.kind != MentionKind::kDemonym &&
                         mention.entity->entity.type == EntityType::kPlace &&
                         (Lower(e - 2) == "at" || (Lower(e - 2) == "the" && Lower(e - 3) == "at"));
      if (mention.kind != MentionKind::kDate && !place) break;
      // A date after "of" belongs to its noun: "withdraw to the line of June 4, 1967", "the
      // attacks of September 11, 2001".
      if (!place && e >= 2 && Lower(e - 2) == "of") break;
      if (place) {
        e -= Lower(e - 2) == "the" ? 3 : 2;
        continue;
      }
      --e;
      const std::string_view p = Lower(e - 1);
      if (e > from + 1 && (p == "in" || p == "on" || p == "at" || p == "during" || p == "since" ||
                           p == "by" || p == "until" || p == ",")) {
        --e;
      }
    }
    // "with its ruler, Sultan Abdallah, on October 4, 1879": no comma ends the text, nor a
    // conjunction a list left ("the urgent, unhindered, and").
    while (e > from + 1 && s_.units[e - 1].mention < 0 &&
           (Lower(e - 1) == "," || Lower(e - 1) == "and" || Lower(e - 1) == "or")) {
      --e;
    }
    return {from, e};
  }

  // Whether the comma at u opens an apposition of names closed by a comma before more of the
  // phrase: "its two principal competitors in the naval arms race, Japan and the United
  // Kingdom, in negotiations".
  // Returns the closing comma's unit, or u when there is no such apposition.
  uint32_t NamesBetweenCommas(uint32_t u) const {
    if (u + 1 >= a_.chunk_of.size() || a_.chunk_of[u + 1] < 0 || Lower(u) != ",") return u;
    const Chunk& c = a_.chunks[a_.chunk_of[u + 1]];
    const uint32_t n = static_cast<uint32_t>(s_.units.size());
    // The phrase goes on with a preposition or "to" ("..., in negotiations", "..., to purchase
    // Alaska"), not a relative clause, a list or another clause.
    static constexpr std::string_view kOn[] = {"in",      "on",      "for",  "with",
                                               "at",      "to",      "by",   "from",
                                               "against", "between", "over", "toward"};
    const bool more = c.end + 1 < n && s_.units[c.end + 1].mention < 0 &&
                      std::find(std::begin(kOn), std::end(kOn), Lower(c.end + 1)) != std::end(kOn);
    return c.begin == u + 1 && !c.members.empty() && more && Lower(c.end) == "," ? c.end : u;
  }

  // Whether the comma at u goes on with a list inside the noun phrase it follows: the text from
  // `from` ends in a determiner or a possessive and at most two words ("a free", "our roads"),
  // and after the comma come items of one to three words, none a verb or a function word, joined
  // by commas and closed by "and" or "or": "a free, open, inclusive, and resilient
  // Indo-Pacific", "investment in our roads, bridges, rail, ports, airports, and transit
  // systems" (not "strengthen their ties, and to advance").
  // Returns the unit of that conjunction, or u when the comma ends the phrase.
  uint32_t ListInPhraseEnd(uint32_t from, uint32_t u) const {
    const uint32_t n = static_cast<uint32_t>(s_.units.size());
    if (u <= from || u + 1 >= n || Lower(u) != ",") return u;
    constexpr uint32_t kFunction = kClassDeterminer | kClassPreposition | kClassTo |
                                   kClassSubordinator | kClassRelative | kClassThat |
                                   kClassPronoun | kClassBe | kClassHave | kClassDo | kClassModal |
                                   kClassNegation | kClassConjunction;
    const auto classes = [&](uint32_t k) -> uint32_t {
      const LexEntry* w = doc_.rules.lexicon.Find(Lower(k));
      return w == nullptr ? 0 : w->classes;
    };
    const auto word = [&](uint32_t k) {
      const std::string_view w = Lower(k);
      return !w.empty() && (std::isalnum(static_cast<unsigned char>(w[0])) != 0 ||
                            static_cast<unsigned char>(w[0]) >= 0x80);
    };
    // Back to the determiner: one or two words after it, the possessive "'s" counting as one.
    // The verb of a to-infinitive that opens the text stands for it ("to grow educational,
    // professional, and cultural exchanges", "to promote transparent, high-quality investment").
    uint32_t words = 0;
    uint32_t k = u;
    bool determiner = false;
    while (k > from && words <= 2) {
      --k;
      if ((classes(k) & kClassDeterminer) != 0 ||
          (Lower(k) == "s" && k >= 1 && Lower(k - 1) == "'")) {
        determiner = true;
        break;
      }
      if (!word(k) || group_start_[k]) return u;
      if (k == from && from > 0 && Lower(from - 1) == "to") {
        determiner = true;
        break;
      }
      ++words;
    }
    if (!determiner || words == 0 || words > 2) return u;
    // Forward over the items.
    k = u + 1;
    while (k < n && k < u + 20) {
      uint32_t item = 0;
      while (k < n && item < 4 && word(k) && (classes(k) & kFunction) == 0 && !group_start_[k]) {
        ++k;
        ++item;
      }
      if (item == 0 || item > 3 || k >= n) return u;
      if (Lower(k) == ",") ++k;
      if (k < n && (Lower(k) == "and" || Lower(k) == "or")) return k;
      if (Lower(k - 1) != ",") return u;
    }
    return u;
  }

  // Whether unit u is one word of two to eight capital letters or digits ("WPS", "BEAD",
  // "G7"), or an entity written so.
  bool Acronym(uint32_t u) const {
    const std::string_view text = s_.UnitsText(u, u + 1);
    if (text.size() < 2 || text.size() > 8) return false;
    bool capital = false;
    for (const char c : text) {
      if (c >= 'A' && c <= 'Z') {
        capital = true;
      } else if (!(c >= '0' && c <= '9') && c != '-' && c != '&') {
        return false;
      }
    }
    return capital;
  }

  // Whether unit u lies inside an entity chunk that goes on after it (a list's comma).
  bool InsideChunk(uint32_t u) const {
    if (u >= a_.chunk_of.size() || a_.chunk_of[u] < 0) return false;
    const Chunk& c = a_.chunks[a_.chunk_of[u]];
    return c.begin < u && u + 1 < c.end;
  }

  std::string Text(uint32_t from) const {
    const auto [b, e] = TextExtent(from);
    return UnitsString(s_, b, e);
  }

  // Whether units [b, e) hold one of `words`.
  bool PhraseHasWord(uint32_t b, uint32_t e, const std::vector<Cue>& words) const {
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
      // The words of a quotation inside the phrase count ("a naval "quarantine" of Cuba").
      if (unit.mention >= 0 && s_.mentions[unit.mention].kind == MentionKind::kQuote) {
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

  // Whether word unit u is `token` or, with `prefix`, starts with it. An imported frame's
  // prefix (a TABARI stem: "BACK", "PEACE", "VIOLAT") takes an ending (StemEnding), not the
  // rest of another word: "backed", "peace's", "violation", not "background" or "peaceful".
  bool WordIs(uint32_t u, const std::string& token, bool prefix, bool imported) const {
    const std::string_view w = Lower(u);
    if (w.empty()) return false;
    if (!prefix) return w == token;
    return w.starts_with(token) && (!imported || StemEnding(w.substr(token.size())));
  }

  // Whether `rest`, what follows a stem in a word, is an ending: none, "s", "d", an
  // apostrophe's, or one that opens with a vowel ("-ed", "-ing", "-ion", "-ic", "-y"). A rest
  // that opens with another consonant is mostly a word of its own ("back|ground",
  // "peace|ful", "peace|keeping").
  static bool StemEnding(std::string_view rest) {
    if (rest.empty() || rest == "s" || rest == "d") return true;
    if (rest.starts_with("'") || rest.starts_with("\u2019")) return true;
    return std::string_view("aeiouy").find(rest[0]) != std::string_view::npos;
  }

  // Whether the last of an imported pattern's words after the verb, when it is an item of a
  // word list, occurs in units [b, e) as a word of no noun phrase or as its phrase's head. A
  // PETRARCH synonym set names a class of things (&MILITARY: troops, soldiers, the military);
  // its word as a modifier names the kind of another noun: "increased military assistance to
  // Angola" is no "INCREASE * &MILITARY" (a build-up), "increased security cooperation" no
  // "* &SECURITY"; "increased its military presence" is "* {&MILITARY PRESENCE}". A plain
  // word of a pattern is written for where it stands ("* DIPLOMATIC": "renewed diplomatic
  // ties"; "* ARTILLERY": "fired two artillery shells").
  bool LastWordAtHead(const std::vector<RefineWord>& words, uint32_t b, uint32_t e) const {
    if (words.empty() || words.back().list == nullptr) return true;
    const std::vector<Cue>& list = *words.back().list;
    for (uint32_t u = b; u < e; ++u) {
      const uint32_t end = ListAt(list, u, e, true);
      if (end == 0) continue;
      const uint32_t last = end - 1;
      if (std::none_of(a_.chunks.begin(), a_.chunks.end(), [&](const Chunk& c) {
            return c.head != kNoUnit && c.head != last && last >= c.begin && last < c.end;
          })) {
        return true;
      }
    }
    return false;
  }

  // The end of an item of `list` that starts at unit `u` (its words one after another, before
  // `e`), or 0; `imported` as for WordIs.
  uint32_t ListAt(const std::vector<Cue>& list, uint32_t u, uint32_t e, bool imported) const {
    for (const Cue& item : list) {
      const uint32_t n = static_cast<uint32_t>(item.tokens.size());
      if (u + n > e) continue;
      bool same = true;
      for (uint32_t k = 0; k < n && same; ++k) {
        same = WordIs(u + k, item.tokens[k], item.prefix && k + 1 == n, imported);
      }
      if (same) return u + n;
    }
    return 0;
  }

  // Whether words [i, j) of `words` occur one right after another from unit v on, before
  // `e`; `*end` is then past the last of them.
  bool RunAt(const std::vector<RefineWord>& words, size_t i, size_t j, uint32_t v, uint32_t e,
             bool imported, uint32_t* end) const {
    for (size_t k = i; k < j; ++k) {
      if (v >= e) return false;
      const RefineWord& word = words[k];
      if (word.list != nullptr) {
        v = ListAt(*word.list, v, e, imported);
        if (v == 0) return false;
      } else if (WordIs(v, word.cue.tokens[0], word.cue.prefix, imported)) {
        ++v;
      } else {
        return false;
      }
    }
    *end = v;
    return true;
  }

  // Refine words in order in units [b, e), joined words right after each other, the first at b
  // when `at_begin`, the last ending at e when `at_end`. Each run of joined words is taken
  // where it first occurs, which leaves the most room for the runs after it.
  bool InOrderAdjacent(const std::vector<RefineWord>& words, uint32_t b, uint32_t e, bool at_begin,
                       bool at_end, bool imported) const {
    size_t runs_end = words.size();
    if (at_end && !words.empty()) {
      size_t last = words.size() - 1;
      while (last > 0 && words[last].joined) --last;
      bool found = false;
      for (uint32_t v = e; v > b && !found;) {
        --v;
        uint32_t end = 0;
        if (RunAt(words, last, words.size(), v, e, imported, &end) && end == e) {
          e = v;
          found = true;
        }
      }
      if (!found) return false;
      runs_end = last;
    }
    uint32_t u = b;
    for (size_t i = 0; i < runs_end;) {
      size_t j = i + 1;
      while (j < runs_end && words[j].joined) ++j;
      bool matched = false;
      for (uint32_t v = u; v < e && !matched; ++v) {
        uint32_t end = 0;
        if (RunAt(words, i, j, v, e, imported, &end)) {
          u = end;
          matched = true;
        } else if (i == 0 && at_begin) {
          break;
        }
      }
      if (!matched) return false;
      i = j;
    }
    return true;
  }

  // Refine words in order in units [b, e). An imported frame's words are compared by key
  // (frame_index.h): the keys each unit meets, found once per sentence.
  bool InOrder(const std::vector<RefineWord>& words, uint32_t b, uint32_t e, bool imported) const {
    const FrameSentenceWords* keys = imported ? &SentenceWords() : nullptr;
    const uint32_t n = static_cast<uint32_t>(s_.units.size());
    size_t i = 0;
    for (uint32_t u = b; u < e && i < words.size(); ++u) {
      const RefineWord& word = words[i];
      const bool keyed = keys != nullptr && u < n;
      if (word.list != nullptr) {
        if (keyed && !keys->UnitMayStartList(u, word.list_key, doc_.rules.frame_index)) continue;
        if (const uint32_t end = ListAt(*word.list, u, e, imported); end != 0) {
          u = end - 1;
          ++i;
        }
      } else if (keyed && word.id != RefineWord::kNoId
                     ? keys->UnitHas(u, word.id) &&
                           (!word.cue.prefix ||
                            StemEnding(Lower(u).substr(word.cue.tokens[0].size())))
                     : WordIs(u, word.cue.tokens[0], word.cue.prefix, imported)) {
        ++i;
      }
    }
    return i == words.size();
  }

  // False when a word of `words` is no word unit of the sentence, so the scan of InOrder cannot
  // succeed. Hand-written frames (few refinements a verb) look up plain words by scanning the
  // units.
  bool MayOccur(const std::vector<RefineWord>& words) const {
    for (const RefineWord& word : words) {
      if (word.list != nullptr || word.cue.tokens.empty() || word.cue.prefix) continue;
      if (!UnitsHold(word.cue.tokens[0])) return false;
    }
    return true;
  }

  // MayOccur of an imported frame's line `pattern`, the stronger test: most refinements of an
  // imported verb fail here, cheaply. Imported frames (hundreds of lines a verb) look up plain
  // words, prefixes and the first words of a word list's items among the keys the sentence's
  // words meet (frame_index.h), found once per sentence, from the line's needs, which lie
  // together in the index.
  bool MayOccurKeyed(uint32_t pattern) const {
    const FrameIndex& index = doc_.rules.frame_index;
    const uint32_t* const needs = index.pattern_needs.data();
    const uint32_t end = index.pattern_needs_begin[pattern + 1];
    for (uint32_t i = index.pattern_needs_begin[pattern]; i < end; ++i) {
      const uint32_t need = needs[i];
      if ((need & FrameIndex::kListNeed) != 0
              ? !SentenceWords().HasList(need & ~FrameIndex::kListNeed)
              : !SentenceWords().Has(need)) {
        return false;
      }
    }
    return true;
  }

  // The keys of the frames' words that the sentence's word units meet: found at the first
  // refinement of an imported frame.
  const FrameSentenceWords& SentenceWords() const {
    if (!sentence_words_found_) {
      scratch_.words.Find(doc_.rules.frame_index, s_);
      sentence_words_found_ = true;
    }
    return scratch_.words;
  }

  // Whether a word unit of the sentence is `token`. Most tokens asked for are none, and their
  // key's bit in the sentence's word keys (made at the first question) says so without a
  // scan of the units.
  bool UnitsHold(std::string_view token) const {
    if (!word_keys_made_) {
      for (const Unit& u : s_.units) {
        if (u.mention >= 0) continue;
        const std::string_view w = s_.LowerToken(u.tok_begin);
        if (!w.empty()) word_keys_.set(WordKey(w));
      }
      word_keys_made_ = true;
    }
    if (!token.empty() && !word_keys_.test(WordKey(token))) return false;
    return std::any_of(s_.units.begin(), s_.units.end(), [&](const Unit& u) {
      return u.mention < 0 && s_.LowerToken(u.tok_begin) == token;
    });
  }

  // Where the words after `verb` may be looked for: its clause, or the text after it.
  uint32_t AfterEnd(const VerbGroup& g, uint32_t verb) const {
    return std::max(g.clause_end, TextExtent(verb + 1).second);
  }

  // Where the words before `verb` may be looked for: its clause; for an imported frame the
  // sentence, as PETRARCH's patterns read the words before the verb ("INDICATED WOULD * NOW":
  // "Ethiopia indicated it would act now").
  static uint32_t BeforeBegin(const Rule& rule, const VerbGroup& g) {
    return rule.imported ? 0 : g.clause_begin;
  }

  // Whether the words of refinement `r` occur around `verb` of group g. `*after_end` is
  // AfterEnd(g, verb), measured at the first refinement whose words may occur (kNoUnit until
  // then): most refinements fail MayOccur, which costs less than measuring the text. Each
  // distinct line (Refinement::pattern) is tested once per sentence by MayOccur and once per
  // verb by the scan: frames repeat lines.
  bool Occurs(const Refinement& r, bool imported, const VerbGroup& g, uint32_t before_begin,
              uint32_t verb, uint32_t* after_end_known) const {
    FrameScratch& memo = scratch_;
    int8_t& may = memo.may[r.pattern];
    if (may < 0) {
      // A hand-written frame's MayOccur is the weaker test: either is true wherever the line
      // occurs, and the scan decides.
      may = (imported ? MayOccurKeyed(r.pattern) : MayOccur(r.before) && MayOccur(r.after)) ? 1 : 0;
      memo.asked.push_back(r.pattern);
    }
    if (may == 0) return false;
    for (int32_t i = memo.first_occurrence[r.pattern]; i >= 0; i = memo.occurrences[i].next) {
      const FrameScratch::Occurrence& o = memo.occurrences[i];
      if (o.group == &g && o.verb == verb && o.imported == imported) return o.occurs;
    }
    if (*after_end_known == kNoUnit) *after_end_known = AfterEnd(g, verb);
    uint32_t after_end = *after_end_known;
    // An imported pattern's words after the verb are the verb's own, not those of the
    // to-infinitive it governs, unless the pattern spells that "to" ("joined a call with the
    // G7 to discuss Iran's attack" is no JOIN * ATTACK [190]).
    if (imported && g.to_clause != kNoUnit && g.to_clause > verb && g.to_clause < after_end &&
        std::none_of(r.after.begin(), r.after.end(), [](const RefineWord& w) {
          return w.list == nullptr && !w.cue.tokens.empty() && w.cue.tokens[0] == "to";
        })) {
      after_end = g.to_clause;
    }
    const bool occurs =
        (r.adjacent
             ? InOrderAdjacent(r.before, before_begin, verb, false, r.before_at_verb, imported) &&
                   InOrderAdjacent(r.after, verb + 1, after_end, r.after_at_verb, false, imported)
             : InOrder(r.before, before_begin, verb, imported) &&
                   InOrder(r.after, verb + 1, after_end, imported)) &&
        (!imported || LastWordAtHead(r.after, verb + 1, after_end));
    memo.occurrences.push_back({&g, verb, imported, occurs, memo.first_occurrence[r.pattern]});
    memo.first_occurrence[r.pattern] = static_cast<int32_t>(memo.occurrences.size() - 1);
    return occurs;
  }

  // The codes of the statement read at `verb`: the first refinement whose words occur, else
  // the rule's.
  // `by_list`, if given, tells whether that refinement names an item of a word list (`@name`:
  // an imported pattern's synonym set).
  Refinement Codes(const Rule& rule, const VerbGroup& g, uint32_t verb,
                   bool* by_list = nullptr) const {
    uint32_t after_end = kNoUnit;
    const uint32_t before_begin = BeforeBegin(rule, g);
    if (by_list != nullptr) *by_list = false;
    for (const Refinement& r : rule.frame->refine) {
      if (Occurs(r, rule.imported, g, before_begin, verb, &after_end)) {
        Refinement codes;
        codes.cameo = r.cameo;
        codes.reverse = r.reverse;
        codes.plover = r.plover.empty() ? rule.plover : r.plover;
        if (by_list != nullptr) {
          auto list = [](const RefineWord& w) { return w.list != nullptr; };
          *by_list = std::any_of(r.before.begin(), r.before.end(), list) ||
                     std::any_of(r.after.begin(), r.after.end(), list);
        }
        return codes;
      }
    }
    Refinement codes;
    codes.cameo = rule.cameo;
    codes.reverse = rule.frame->reverse;
    codes.plover = rule.plover;
    return codes;
  }

  bool Applies(const Rule& rule, const VerbGroup& g, uint32_t verb) const {
    const Frame& frame = *rule.frame;
    if (!frame.only_forms.empty() || !frame.except_forms.empty()) {
      const std::string_view form = Lower(verb);
      auto in = [&](const std::vector<std::string>& forms) {
        return std::find(forms.begin(), forms.end(), form) != forms.end();
      };
      if ((!frame.only_forms.empty() && !in(frame.only_forms)) || in(frame.except_forms)) {
        return false;
      }
    }
    // No `unless` line may occur, and a `when` line must, if there are any: the `when` lines
    // first, as most frames that have them do not apply.
    uint32_t after_end = kNoUnit;
    const uint32_t before_begin = BeforeBegin(rule, g);
    if (!frame.when.empty() &&
        std::none_of(frame.when.begin(), frame.when.end(), [&](const Refinement& r) {
          return Occurs(r, rule.imported, g, before_begin, verb, &after_end);
        })) {
      return false;
    }
    return std::none_of(frame.unless.begin(), frame.unless.end(), [&](const Refinement& r) {
      return Occurs(r, rule.imported, g, before_begin, verb, &after_end);
    });
  }

  // The first unit after the first prepositional phrase's preposition `prep`, from index
  // `from` on, or kNoUnit.
  uint32_t PrepText(const VerbGroup& g, size_t from, std::string_view prep) const {
    for (size_t i = from; i < g.preps.size(); ++i) {
      if (Lower(g.preps[i].prep) == prep) return g.preps[i].prep + 1;
    }
    return kNoUnit;
  }

  // The entity chunk set off by commas right after noun chunk c, which names no entity: "His
  // Majesty, King Abdullah II," (a closing comma or the sentence end after it). -1 when none.
  int Apposition(int c) const {
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

  // The person chunk set off by commas after chunk c, a title that names no person: one
  // mention of two or more words ("the Soviet leaders" as a sector of its state) or a demonym
  // and up to three words ("Soviet Ambassador"), maybe with "to/of/in" and an entity after it:
  // "Soviet Ambassador to the United States, Anatoly Dobrynin,". -1 when none.
  int TitleApposition(int c) const {
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

  // Whether chunk c is headed by a noun that names a part of a country's land, sea or air
  // ("border", "territory", "waters", "airspace"), so that its owner or its with-phrase names
  // the place: "on Ukraine's borders", "along the border with Ukraine".
  bool IsLandPart(int c) const {
    static constexpr std::string_view kParts[] = {
        "border", "borders",  "frontier", "frontiers", "territory", "territories",
        "waters", "airspace", "coast",    "coastline", "soil",      "doorstep"};
    const Chunk& chunk = a_.chunks[c];
    if (chunk.end == 0 || chunk.end <= chunk.begin) return false;
    const std::string_view head = Lower(chunk.end - 1);
    return std::find(std::begin(kParts), std::end(kParts), head) != std::end(kParts);
  }

  // Prepositions of a phrase that belongs to the noun before it: "of", "in", "to".
  static bool TopicComplement(std::string_view p) { return p == "of" || p == "in" || p == "to"; }

  // Prepositions of place and topic, whose phrase names no party to an event.
  static bool WherePreposition(std::string_view p) {
    static constexpr std::string_view kWhere[] = {"on",         "around", "across", "inside",
                                                  "throughout", "within", "near"};
    return std::find(std::begin(kWhere), std::end(kWhere), p) != std::end(kWhere);
  }

  // The first prepositional phrase with preposition `prep` whose entities fit, from index
  // `from` on (after the first phrase of f.after, if any); fills `entities` and returns its
  // chunk, or -1. An `any` phrase's owner of `owner_bits` counts, and for an imported frame
  // (`imported`, its statement's CAMEO code `cameo`) any phrase's; an imported frame's `any`
  // phrase names no partner of a different act (ImportedAnySkips).
  int FromPreps(const VerbGroup& g, size_t from, const RoleFiller& f,
                std::vector<const EntityDef*>* entities, uint32_t owner_bits = 0,
                bool imported = false, std::string_view cameo = {}) const {
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
      if ((f.bits & kBitPlace) != 0 && IsLandPart(pp.chunk) &&
          a_.chunks[pp.chunk].members.empty() && !a_.chunks[pp.chunk].owners.empty()) {
        *entities = ResolveChunk(s_, a_, pp.chunk, f.bits, f.actor, true, doc_);
        if (!entities->empty()) return pp.chunk;
      }
    }
    return -1;
  }

  // Whether phrase i of g, an `any` phrase of an imported frame whose statement has CAMEO code
  // `cameo`, names no target, as PETRARCH's first actor after the verb would:
  //  - an against-phrase of a cooperation (CAMEO 03 to 08) names the adversary, not the
  //    partner ("joined the war against Great Britain");
  //  - the with-phrase of "in coordination with", "together with" (and "alongside") of any
  //    other act names who does it too ("monitor the situation in coordination with the
  //    Government of Turkiye");
  //  - an of- or in-phrase that opens with an -ing form is a clause of its own, whose actors
  //    are its verb's ("failed in its objective of capturing Kyiv");
  //  - a phrase of what is discussed or of an as-clause (InDiscussedOrAsClause).
  bool ImportedAnySkips(const VerbGroup& g, size_t i, std::string_view cameo) const {
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

  // Whether phrase i of g is in a chain of phrases (each chunk ending where the next phrase
  // opens) that names no party to the verb's event:
  //  - "with an extended discussion of Laos", "with substantial discussion of Russia's war
  //    against Ukraine": an of-phrase right after a noun of discussing names what is discussed,
  //    and the phrases after it are that topic's;
  //  - "look forward to the special session, as agreed at the World Health Assembly": the
  //    phrases after an as-phrase of a past participle are that reduced clause's.
  bool InDiscussedOrAsClause(const VerbGroup& g, size_t i) const {
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

  // Whether unit u is a word the lexicon knows only as a verb's -ed form ("agreed", "noted"),
  // no noun or adjective.
  bool IsPastParticiple(uint32_t u) const {
    const LexEntry* e = doc_.rules.lexicon.Find(Lower(u));
    return e != nullptr && e->classes == 0 &&
           std::any_of(e->senses.begin(), e->senses.end(),
                       [](const VerbSense& sense) { return (sense.forms & kFormEd) != 0; });
  }

  // Whether chunk c opens with a word the lexicon knows as a verb's -ing form: a gerund
  // clause ("easing sanctions on the regime"), not a noun phrase ("their meeting").
  bool OpensWithIngForm(int c) const {
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

  // Whether chunk c opens with a verb's base form and a noun phrase after it (a determiner or
  // an entity, not its possessive): a bare infinitive read as a noun phrase ("helped establish
  // the Response Plans", "help bring Caribbean capabilities up to standards"), whose object is
  // that verb's; the owner of what it acts on is helped ("helped expand Indonesia's system").
  bool OpensWithBareInfinitive(int c) const {
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

  // The by-agent chunk of a reduced passive relative on noun chunk `c` ("memos sent by Bree"),
  // or -1.
  int ReducedRelativeAgent(int c) const {
    if (c < 0) return -1;
    const Chunk& noun = a_.chunks[c];
    for (const VerbGroup& r : a_.groups) {
      if (r.subject < 0 || r.agent < 0 || r.subject_via != "reduced relative") continue;
      const Chunk& subject = a_.chunks[r.subject];
      if (subject.begin == noun.begin && subject.end == noun.end) return r.agent;
    }
    return -1;
  }

  // Whether verb k of g is a catenative of the modality rules (Lexicon::Catenative: "want",
  // "seek", "decide") or a verb of expecting or believing with a complement clause
  // (ComplementClause planned or hedged: "expect", "hope"; not a verb of saying, whose
  // statement is its own event), followed by the verb, to-infinitive or clause it governs.
  // A to-phrase the clause layer read as a preposition's ("sought to destabilize East
  // Germany", "wanted to happen": verbs the lexicon does not know) counts for a catenative when
  // a lower-case word no word class claims follows "to" (ToUnknownWord).
  bool GovernsClause(const VerbGroup& g, size_t k) const {
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

  // Whether the verbs of g (or their direct object) are followed by "to" and a lower-case word
  // of no word class: a verb the lexicon does not know, in a to-infinitive.
  bool ToUnknownWord(const VerbGroup& g) const {
    uint32_t u = g.complement;
    if (g.object >= 0 && a_.chunks[g.object].begin == u) u = a_.chunks[g.object].end;
    const uint32_t n = static_cast<uint32_t>(s_.units.size());
    if (u + 1 >= n || Lower(u) != "to" || s_.units[u + 1].mention >= 0) return false;
    const std::string_view w = Lower(u + 1);
    if (w.empty() || w[0] < 'a' || w[0] > 'z') return false;
    const LexEntry* e = doc_.rules.lexicon.Find(w);
    return e == nullptr || e->classes == 0;
  }

  // Whether `any` filler f of imported frame `rule` reads only the of-phrase right after the
  // direct object: the rule is a verb's own code of a comment or a protest (CAMEO 01x, 14x; no
  // pattern) and its direct object names no entity. A comment's target is who or what it
  // addresses, a protest's whom it is against; the phrases after a topic are the topic's
  // ("addressed the worsening crisis in Burma", "addressed the nation on our response to Hamas'
  // attacks against Israel", "demonstrated its lack of knowledge about the Japanese
  // government"), not an of-phrase right after it, which names whom ("will address a joint
  // session of Congress").
  bool CommentTopic(const Rule& rule, const RoleFiller& f, int direct) const {
    return rule.imported && f.prep == "any" && direct >= 0 && rule.frame->when.empty() &&
           (rule.cameo.starts_with("01") || rule.cameo.starts_with("14"));
  }

  // Whether chunk c follows a preposition of place ("in", and WherePreposition's), maybe after
  // modifiers and words of no word class ("in eastern Syria"): a reduced relative after it
  // modifies the noun before the place ("a facility in eastern Syria used by the IRGC"), not
  // the place.
  bool AfterPlacePreposition(int c) const {
    const std::string_view p = WordBeforePhrase(c);
    return p == "in" || WherePreposition(p);
  }

  // The word before chunk c and the modifiers and words of no word class before it, and with
  // `entities` the entities among them (lower case; empty at the sentence's start or after an
  // entity).
  std::string_view WordBeforePhrase(int c, bool entities = false) const {
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

  // Whether chunk c, a verb's subject, is the object of a preposition ("tariffs on certain
  // Russian products imported to the United States"): the verb is a participle on that noun
  // (a reduced relative), and the phrase no subject of it. Not after a word that may open a
  // clause ("after the Soviet military shot down", "as Russia seeks").
  bool PrepositionObject(int c) const {
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

  // Whether the subject chunk of g is that of an earlier verb of convening: "A and B convened
  // the task force to discuss", "A and B convened industry leaders and discussed": the
  // convenors talk with whom they brought together, not with each other.
  bool Convenors(const VerbGroup& g, int subject_chunk) const {
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

  // Whether verb k of g is "help" with a direct object that opens with a verb's base form: a
  // bare infinitive ("help deliver justice after atrocities committed in Rwanda", "helped
  // expand Indonesia's system"), whose phrases are that verb's; the one helped is only the
  // owner of what it acts on. "help" is the verb that takes a bare infinitive with no object
  // before it.
  bool HelpsBareInfinitive(const VerbGroup& g, size_t k, int direct) const {
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

  // Whether verb k of g, in its -s form with no direct object, is a plural noun: its phrases are
  // followed by a form of "be" or "have", right after them or after a parenthetical set off by
  // commas ("U.S. exports to the EU were 56 bcm", "U.S. exports to Russia, including of ...,
  // have decreased"), the verb of which that noun is the subject.
  bool PluralNounBeforeVerb(const VerbGroup& g, size_t k) const {
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

  // The chunk of the of-phrase right after chunk c among g's phrases, or -1.
  int OfPhraseAfter(const VerbGroup& g, int c) const {
    for (const PrepPhrase& pp : g.preps) {
      if (pp.prep == a_.chunks[c].end && Lower(pp.prep) == "of") return pp.chunk;
    }
    return -1;
  }

  void Read(const Rule& rule, const VerbGroup& g, size_t k, const FrameVerb& fv) {
    const Frame& frame = *rule.frame;
    const GroupVerb& v = g.verbs[k];
    if (!Applies(rule, g, v.unit)) return;
    const bool chained = k + 1 < g.verbs.size() && !g.verbs[k + 1].coordinated;
    const uint32_t verb_end = v.unit + 1 + static_cast<uint32_t>(fv.particle.size());
    // The chunk after the verb: the direct object, or with a prepositional particle ("call
    // for", "turn down") the chunk that particle governs.
    int direct = -1;
    size_t first_pp = 0;
    if (!chained) {
      if (v.passive) {
        direct = g.subject;
      } else if (!fv.particle.empty()) {
        for (size_t i = 0; i < g.preps.size(); ++i) {
          if (g.preps[i].prep == verb_end - 1) {
            direct = g.preps[i].chunk;
            first_pp = i + 1;
          }
        }
        if (direct < 0 && g.complement == verb_end) direct = g.object;
      } else {
        direct = g.object;
      }
    }
    // "made a formal ceasefire proposal to the rebels": a direct object that is an event a
    // hand-written frame reads (a nominalisation) is that frame's; no imported frame reads its
    // support verb.
    if (rule.imported && direct >= 0 &&
        std::any_of(hand_written_.begin(), hand_written_.end(), [&](uint32_t u) {
          return u >= a_.chunks[direct].begin && u < a_.chunks[direct].end;
        })) {
      Skip(rule, v.unit, "the object is an event a hand-written frame reads");
      return;
    }
    // So is one headed by a noun a hand-written frame names, read or not ("made a new
    // ceasefire proposal to the rebels": no proposal's content to read, and no ceasefire
    // made): the verb supports the noun's event.
    if (rule.imported && direct >= 0 && a_.chunks[direct].head != kNoUnit &&
        doc_.rules.frame_index.IsEventNoun(Lower(a_.chunks[direct].head))) {
      Skip(rule, v.unit, "the object is headed by a noun a hand-written frame names");
      return;
    }
    // "might consider easing sanctions on the regime", "considered meeting the rebels' demands":
    // an object that opens with a verb's -ing form is a clause of its own, whose actors are its
    // verb's, not this one's; nor are the phrases after it this verb's.
    if (rule.imported && direct >= 0 && OpensWithIngForm(direct)) {
      Skip(rule, v.unit, "the object is a clause (an -ing form)");
      return;
    }
    if (rule.imported && direct >= 0 && OpensWithBareInfinitive(direct)) {
      Skip(rule, v.unit, "the object is a clause (a bare infinitive)");
      return;
    }
    // "wanted the Egyptians to reopen the Suez", "sought to rein in Ulbricht", "expect that
    // Kenya will participate": a verb the modality rules make a catenative or a verb of a
    // complement clause (rules/core/modality.rules), with its to-infinitive or clause, gives the
    // verb it governs a modality; it is no event of its own for an imported frame to code.
    if (rule.imported && GovernsClause(g, k)) {
      Skip(rule, v.unit, "the verb gives the verb it governs a modality");
      return;
    }
    if (rule.imported && v.passive && g.subject_via == "reduced relative" &&
        AfterPlacePreposition(g.subject)) {
      Skip(rule, v.unit, "a reduced relative after a place modifies the noun before it");
      return;
    }
    // "We are worried by China's crackdown": a comment's own code (CAMEO 01x, no pattern) in
    // the passive is a feeling its by-agent causes, not a comment that agent makes; a
    // protest's (14x) is what something shows ("a commitment demonstrated through rotations
    // of troops"), no protest.
    if (rule.imported && v.passive && frame.when.empty() &&
        (rule.cameo.starts_with("01") || rule.cameo.starts_with("14"))) {
      Skip(rule, v.unit, "a comment's or a protest's verb in the passive");
      return;
    }
    // "Israel's proposals demonstrated to Kissinger that the two sides were close": a
    // protest's own code with a that-clause is a verb of showing or claiming.
    if (rule.imported && frame.when.empty() && rule.cameo.starts_with("14") &&
        g.that_clause != kNoUnit) {
      Skip(rule, v.unit, "a protest's verb with a that-clause");
      return;
    }
    if (rule.imported && !v.passive && g.subject >= 0 && !g.infinitive &&
        (g.subject_via == "noun phrase" || g.subject_via == "before the verb" ||
         g.subject_via == "entity and noun phrase") &&
        PrepositionObject(g.subject)) {
      Skip(rule, v.unit, "the subject is a preposition's object (a participle on it)");
      return;
    }
    if (rule.imported && !v.passive && PluralNounBeforeVerb(g, k)) {
      Skip(rule, v.unit, "the word is a plural noun, the subject of the verb after it");
      return;
    }
    const bool bare_infinitive = rule.imported && !v.passive && HelpsBareInfinitive(g, k, direct);
    int indirect = -1;
    if (!chained && !v.passive && g.second_object >= 0 && fv.particle.empty()) {
      indirect = g.object;
      direct = g.second_object;
    }
    // Subject.
    // An imported frame takes the owner of a subject phrase that names no entity, as PETRARCH
    // codes the first actor of the subject's noun phrase ("Eriador's death toll has risen").
    int subject_chunk = v.passive ? g.agent : g.subject;
    std::vector<const EntityDef*> subjects =
        ResolveChunk(s_, a_, subject_chunk, frame.subject_bits, frame.subject_actor,
                     g.owner_subject || rule.imported, doc_);
    // Object.
    std::vector<const EntityDef*> objects;
    int object_chunk = -1;
    bool object_from_members = false;
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
        if (const int appos = Apposition(direct); appos >= 0) {
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
        if (CommentTopic(rule, f, direct)) {
          if (const int of = OfPhraseAfter(g, direct); of >= 0) {
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
            FromPreps(g, first_pp, f, &objects, frame.owner_bits, rule.imported, rule.cameo);
        if (object_chunk >= 0) {
          object_from_members = true;
          break;
        }
        // PETRARCH's first actor after the verb may be the agent of a reduced relative on the
        // direct object, which owns it as a possessor would: "welcomed memos sent by Bree".
        if (const int agent = ReducedRelativeAgent(direct);
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
              FromPreps(g, first_pp, f, &objects, frame.owner_bits, rule.imported, rule.cameo);
          if (object_chunk >= 0) {
            object_from_members = true;
            break;
          }
        }
      }
    }
    // `object-word`: there is a direct object, and its phrase holds one of the words or it
    // is an entity the phrase names (not a possessor: "Russia's claims" is no proposal).
    if (!frame.object_words.empty() && !g.nominal) {
      if (direct < 0) return;
      // The noun phrase itself: "reaffirmed its commitment to support X" holds no support.
      bool has_word =
          PhraseHasWord(a_.chunks[direct].begin, a_.chunks[direct].end, frame.object_words);
      // A container's of-phrase holds what it contains: "held a series of meetings with",
      // "concluded a series of treaties with".
      if (!has_word && ContainerNoun(Lower(a_.chunks[direct].end - 1))) {
        if (const int of = OfPhraseAfter(g, direct); of >= 0) {
          has_word = PhraseHasWord(a_.chunks[of].begin, a_.chunks[of].end, frame.object_words);
        }
      }
      if (!has_word && !(object_from_members && object_chunk == direct)) return;
    }
    // The hand-written frame reads this verb, whatever it gives: no imported frame reads it.
    if (!rule.imported) read_.push_back(v.unit);
    // Agentless passive: the parties of the agreement it is about.
    std::string subject_note;
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
      Skip(rule, v.unit, subject_chunk < 0 ? "no subject" : "the subject names no entity");
      return;
    }
    if (doc_.trace && subject_note.empty() && doc_.actors != nullptr) {
      subject_note = doc_.actors->Resolve(s_, a_, subject_chunk).how;
    }
    // Recipient.
    std::vector<const EntityDef*> recipients;
    bool recipient_is_direct = false;
    bool recipient_with = false;  // from a with-phrase ("signed X with Arafat")
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
        FromPreps(g, first_pp, f, &recipients);
        recipient_with = f.prep == "with";
      }
      if (!recipients.empty()) break;
    }
    // Text.
    std::string text;
    uint32_t text_end = verb_end;
    auto take = [&](uint32_t from) {
      auto [b, e] = TextExtent(from);
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
          if (group_start_[k] ||
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
        text = UnitsString(s_, b, e);
        text_end = std::max(text_end, e);
      }
    };
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
            consider(PrepText(g, first_pp, "to"), false);
          }
          break;
        case TextFiller::Kind::kQuote:
          if (!chained) consider(g.quote, true);
          break;
        case TextFiller::Kind::kPrep:
          if (!chained) consider(PrepText(g, first_pp, t.prep), false);
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
    // A frame that takes an object needs one, or a text; a frame that takes a recipient or a
    // text needs one of them. "A and B met" needs neither: each is the other's object.
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
        phrase = phrase || direct >= 0;
      } else {
        phrase = phrase || PrepText(g, first_pp, f.prep) != kNoUnit;
      }
    }
    const bool mutual = frame.reciprocal != Frame::Reciprocal::kNone && subjects.size() > 1 &&
                        subjects.size() <= most && (!phrase || frame.reciprocal_only) &&
                        !Convenors(g, subject_chunk);
    if (frame.reciprocal_only && !mutual) {
      Skip(rule, v.unit, "the subject is no list of two to five actors");
      return;
    }
    if (!frame.object.empty() ? objects.empty() && text.empty() && !mutual
                              : (!frame.recipient.empty() || !frame.text.empty()) &&
                                    recipients.empty() && text.empty() && !mutual) {
      Skip(rule, v.unit, frame.object.empty() ? "no recipient or text" : "no object or text");
      return;
    }
    // The statement's extent, for the overlap policy and qualifier attachment.
    uint32_t b = subject_chunk >= 0 ? std::min(a_.chunks[subject_chunk].begin, v.unit) : v.unit;
    if (direct >= 0) b = std::min(b, a_.chunks[direct].begin);
    uint32_t e = std::max(verb_end, text_end);
    for (int c : {object_chunk, direct}) {
      if (c >= 0) e = std::max(e, a_.chunks[c].end);
    }
    if (!chained) e = std::max(e, g.clause_end);
    e = std::min<uint32_t>(e, static_cast<uint32_t>(s_.units.size()));
    // A passive's grammatical subject; a coordinated passive may have none ("X was a prosecutor
    // and was appointed by Reagan").
    if (subject_chunk >= 0 && v.passive && g.subject >= 0) {
      b = std::min(b, a_.chunks[g.subject].begin);
    }
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
    // A negated verb codes no event (PETRARCH codes none; "did not want to antagonize Napoleon
    // III", "was unable to find any common ground"): an imported frame gives nothing, unless it
    // codes the negated event itself (`modality asserted`: "DID N'T * OVER EFFORTS").
    if (rule.imported && !rule.modality.has_value() && modality == Modality::kNegated) {
      Skip(rule, v.unit, "negated: no event");
      return;
    }
    bool by_list = false;
    const Refinement codes = Codes(rule, g, v.unit, &by_list);
    // A show of force its pattern names no armed force of: it needs an armed actor.
    unarmed_show_ = rule.imported && codes.plover == "MOBILIZE" && !by_list;
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
      Skip(rule, v.unit, "a list of subjects or of objects (lists none)");
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
              Emit(rule, g, v, fv, subject, object, recipient, texts[part], modality, codes.cameo,
                   codes.plover, b, e, subject_note, part);
            }
            // CAMEO's "A:B": the same event seen from the other side ("left for" 032 / 033).
            if (!codes.reverse.empty() && object != nullptr) {
              Emit(rule, g, v, fv, object, subject, recipient, texts[part], modality, codes.reverse,
                   codes.plover, b, e, "reverse of " + rule.id, part);
            }
            if (partner_acts && (!codes.cameo.empty() || codes.reverse.empty()) &&
                !SameEntity(object, recipient)) {
              Emit(rule, g, v, fv, recipient, object, subject, texts[part], modality, codes.cameo,
                   codes.plover, b, e, "with-phrase of " + rule.id, part);
            }
          }
        }
      }
    }
  }

  // The clauses of the sentence whose dates are not the time of a claim of `g` (verb `verb`):
  // relative clauses ("Shufeldt would improve relations with Korea, where U.S. Marines had
  // invaded in 1871"; "the government that the United States established in 1900") and
  // participle clauses ("The preliminary articles signed in Paris on November 30, 1782, were
  // effective only when Britain and France signed a treaty") that do not hold its verb. A
  // when-clause, a coordinated clause or the clause governing a complement shares its time.
  std::vector<std::pair<size_t, size_t>> OtherClauses(const VerbGroup& g, uint32_t verb) const {
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
      const uint32_t before_subject = o.subject >= 0 && a_.chunks[o.subject].begin > 0
                                          ? a_.chunks[o.subject].begin - 1
                                          : kNoUnit;
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

  void Emit(const Rule& rule, const VerbGroup& g, const GroupVerb& v, const FrameVerb& fv,
            const EntityDef* subject, const EntityDef* object, const EntityDef* recipient,
            const std::string& text, Modality modality, const std::string& cameo,
            const std::string& plover, uint32_t b, uint32_t e, const std::string& subject_note,
            size_t part) {
    StatementCandidate c;
    c.part = part;
    Statement& st = c.statement;
    st.predicate = rule.predicate;
    st.rule = rule.id;
    st.plover = plover;
    st.cameo = cameo;
    st.subject = Ref(subject);
    if (object != nullptr) st.object = Ref(object);
    if (recipient != nullptr) st.recipient = Ref(recipient);
    if (!text.empty()) st.text = text;
    st.modality = modality;
    RuleFiring firing;
    RuleFiring* trace = doc_.trace ? &firing : nullptr;
    if (trace != nullptr) {
      firing.rule = rule.id;
      firing.what = "frame";
      firing.line = rule.frame->line;
      if (&fv == &kNominalVerb) {
        firing.captures.emplace_back("noun", "\"" + std::string(Lower(v.unit)) + "\"");
      } else {
        firing.captures.emplace_back("verb", "\"" + FrameVerbText(doc_.rules.lexicon, fv) + "\"");
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
    AttachQualifiers(rule, s_, b, e, &blocked_, OtherClauses(g, v.unit), doc_, &used, &time_mention,
                     &target, &st, trace);
    if (g.nominal) PlanIfAhead(rule, time_mention, &st);
    SetActorCodes(doc_.rules, doc_.doc_date, subject, object, recipient, &st);
    // An imported frame codes an event, as PETRARCH does, between two actors with codes, of
    // which neither is the other or a part of it ("Vice President Harris" USAGOV and the United
    // States USA, two USAGOV offices): what else its verbs say is no event between actors.
    if (rule.imported && !CodesEvent(st.subject_code, st.object_code)) {
      Skip(rule, v.unit, "no event between two coded actors");
      return;
    }
    if (rule.imported && !SectorActs(st.plover, st.subject_code)) {
      Skip(rule, v.unit, "the subject's sector does no such event");
      return;
    }
    if (unarmed_show_ && !Armed(st.subject_code) && !Armed(st.object_code)) {
      Skip(rule, v.unit, "a show of force with no armed force");
      return;
    }
    emitted_.push_back(v.unit);
    const uint32_t n = static_cast<uint32_t>(s_.units.size());
    const size_t begin = s_.unit_offsets[b] - 1;
    const size_t end = e < n ? s_.unit_offsets[e] : s_.tagged.size();
    c.begin = begin;
    c.length = end - begin;
    c.priority = rule.priority;
    candidates_->push_back(std::move(c));
    if (trace != nullptr) out_->firings.push_back(std::move(firing));
    (void)v;
  }

  void Skip(const Rule& rule, uint32_t verb, const char* why) {
    if (!doc_.trace) return;
    out_->clauses += "  frame " + rule.id + " at \"" + UnitsString(s_, verb, verb + 1) +
                     "\": nothing (" + why + ")\n";
  }

  // Whether an imported frame's statement with these actor codes is an event: both coded,
  // neither a prefix of the other (the same actor, or an actor and its own state or sector).
  static bool CodesEvent(const std::string& subject, const std::string& object) {
    if (subject.empty() || object.empty()) return false;
    return !subject.starts_with(object) && !object.starts_with(subject);
  }

  // Whether an imported frame's event of PLOVER type `plover` may come from an actor of `code`:
  // a population (civilians, labour, refugees, believers) consults and visits no one, it travels
  // ("Chinese laborers who came to the United States", "Irish citizens come to the United
  // States": COME * (TO) [040]); an armed force protests against no one, it moves ("Russian
  // troops marched across the border into Ukraine": MARCH [140]); business, the media and
  // education assault and fight no one, they compete ("PRC companies ... targeting the U.S.
  // market": TARGET [190]).
  static bool SectorActs(std::string_view plover, std::string_view code) {
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

  // Whether an actor of `code` is an armed force (sector MIL or COP). An imported show of force
  // (PLOVER MOBILIZE, CAMEO 15) needs one, as its subject or object, unless its pattern names
  // one by a synonym set (`INCREASE * &MILITARY`): "redoubled efforts for stability in Haiti"
  // (REDOUBLE * EFFORT [150]) and "accelerating the deployment of 10,000 electric buses in
  // India" (ACCELERATE * DEPLOYMENT [154]) show none.
  static bool Armed(std::string_view code) {
    const std::string_view sector = ActorCodeSector(code);
    return sector == "MIL" || sector == "COP";
  }

  const Tagged& s_;
  const ClauseAnalysis& a_;
  const DocState& doc_;
  const bool headline_;
  FrameScratch& scratch_;  // ThreadScratch()
  std::vector<StatementCandidate>* candidates_;
  SentenceAnalysis* out_;
  // Units never attached: skipped spans, and places acting as actors as a clause's subject.
  std::vector<uint8_t> blocked_;
  // Set by Read for Emit: the statement is a show of force whose pattern names no armed force.
  bool unarmed_show_ = false;
  // First units of finite verb groups, and the "to" of coordinated to-infinitives ("to sign
  // the treaty and to withdraw": a text ends before "and to").
  std::vector<uint8_t> group_start_;

 public:
  // The verb units statements were emitted at so far; after the hand-written frames ran, they
  // become the units imported frames leave alone.
  std::vector<uint32_t> emitted_;
  // The verb units hand-written frames read (their verb, `unless`/`when` and object words
  // allowing), whether or not they gave a statement there.
  std::vector<uint32_t> read_;
  std::vector<uint32_t> hand_written_;
  mutable bool sentence_words_found_ = false;  // SentenceWords()
  mutable std::bitset<kWordKeys> word_keys_;   // UnitsHold(): WordKey of each word unit
  mutable bool word_keys_made_ = false;
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

void ApplyFrames(const Tagged& s, const ClauseAnalysis& a, const std::vector<uint32_t>& frames,
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
  std::vector<uint32_t>& apply = scratch.apply;
  std::vector<uint32_t>& apply_imported = scratch.apply_imported;
  apply.clear();
  apply_imported.clear();
  const uint8_t* const flags = index.frame_flags.data();
  for (uint32_t r : frames) {
    if (first[r] < 0 && !(nominals && (flags[r] & FrameIndex::kNounFrame) != 0)) continue;
    ((flags[r] & FrameIndex::kImportedFrame) != 0 ? apply_imported : apply).push_back(r);
  }
  FrameReader reader(s, a, doc, headline, &scratch, candidates, out);
  // Hand-written frames first; imported frames then skip the verbs those read.
  for (const bool imported : {false, true}) {
    // A question asserts no event ("do you see any signs that China is helping Russia?"): no
    // imported frame codes one there.
    if (imported && (apply_imported.empty() || IsQuestion(s))) break;
    if (imported) {
      reader.hand_written_ = reader.emitted_;
      reader.hand_written_.insert(reader.hand_written_.end(), reader.read_.begin(),
                                  reader.read_.end());
    }
    for (uint32_t r : imported ? apply_imported : apply) {
      if (imported && !reader.MayApply(r)) continue;
      const Rule& rule = doc.rules.rules[r];
      if (!only_relation.empty() && rule.id != only_relation) continue;
      reader.Apply(rule, first[r]);
    }
  }
  for (uint32_t r : scratch.named) first[r] = last[r] = -1;
}

}  // namespace parley::internal
