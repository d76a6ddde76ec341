#include "extract/mentions.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "base/date.h"
#include "base/text.h"
#include "extract/dates.h"
#include "extract/rule_prefilter.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

bool SameTokens(const Tagged& s, uint32_t at, const std::vector<std::string>& tokens,
                const std::vector<bool>& space_before, bool ignore_case) {
  if (at + tokens.size() > s.tokens.size()) return false;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = s.tokens[at + k];
    if (k > 0 && t.space_before != space_before[k]) return false;
    const std::string_view have = ignore_case
                                      ? std::string_view(s.lower).substr(t.begin, t.end - t.begin)
                                      : s.TokenText(at + k);
    if (have != tokens[k]) return false;
  }
  return true;
}

// kNone when FindDates would find nothing in the sentence: its text is ASCII (non-ASCII bytes
// split FindDates' tokens differently from ours) and no token may start a date (MayStartDate
// with the token after it);
// kToken when a token may (FindDatesUntested then: where FindDates' own first test would fail,
// it finds nothing either); kUnknown for a text that is not ASCII. A word the vocabulary knows
// (Tagged::words) may start a date only if its lower-cased text is a date word's or starts with
// a digit (CompiledRules::date_word_ids): most tokens are passed over by their ids alone; one
// that may is tested with the token after it (MayStartDate). `ascii`: whether the text is ASCII
// (Tag notes it while lower-casing); `narrative`: DateReference::narrative.
enum class DateTest { kNone, kToken, kUnknown };
DateTest MayHoldDate(const CompiledRules& rules, const Tagged& s, bool ascii, bool narrative) {
  if (!ascii) return DateTest::kUnknown;
  // The loop's arrays read once: the calls in it would make every iteration reload them.
  const uint8_t* const date_words = rules.date_word_ids.data();
  const size_t date_ids = rules.date_word_ids.size();
  const Token* const tokens = s.tokens.data();
  const uint32_t* const words = s.words.data();
  const char* const text = s.text.data();
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  for (uint32_t t = 0; t < n; ++t) {
    // Most tokens: a known word that is no date word and starts with no digit.
    const uint32_t id = words[t];
    if (id < date_ids && date_words[id] == 0) continue;
    const unsigned char c = static_cast<unsigned char>(text[tokens[t].begin]);
    if (c >= '0' && c <= '9') {
      if (MayStartDate(s.TokenText(t))) return DateTest::kToken;
      continue;
    }
    const std::string_view text = s.TokenText(t);
    if (MayBeDateWord(text) &&
        MayStartDate(text, t + 1 < s.tokens.size() ? s.TokenText(t + 1) : "", narrative)) {
      return DateTest::kToken;
    }
  }
  return DateTest::kNone;
}

// EntityMention's fields but `via`, set on a default-constructed mention.
void SetEntityFields(const DocState& doc, const EntityDef* def, uint32_t b, uint32_t e,
                     MentionKind kind, Mention* m) {
  m->tok_begin = b;
  m->tok_end = e;
  m->kind = kind;
  m->entity = def;
  if (!def->acts_as.empty()) m->acts_as = doc.Find(def->acts_as);
  m->priority = def->priority;
  m->order = def->order;
}

// Whether a document-local alias may start at token i: inlined at every token, where most
// tokens start none (the call LocalCandidates' frame needs cost more than this test).
inline bool MayStartLocalAlias(const DocState& doc, const Tagged& s, uint32_t i) {
  if (doc.local_aliases.empty()) return false;
  // A token and a key the same are the same lower-cased: the same vocabulary id, or both none.
  // (operator[]: test() checks the index, which is in range.)
  if (s.words.size() == s.tokens.size() && s.words[i] != TokenTable::kAbsent) {
    return doc.local_id_bits[s.words[i] % 4096];
  }
  return doc.local_key_bits[LocalKeyBit(s.TokenText(i))];
}

// Calls fn(t) for each token t of `s` that MayStartLocalAlias, in order, until it returns
// true; returns whether it did. One loop over the sentence's arrays, read once.
template <typename Fn>
bool ForEachMayStartLocalAlias(const DocState& doc, const Tagged& s, Fn fn) {
  if (doc.local_aliases.empty()) return false;
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  if (s.words.size() != n) {
    for (uint32_t t = 0; t < n; ++t) {
      if (MayStartLocalAlias(doc, s, t) && fn(t)) return true;
    }
    return false;
  }
  const uint32_t* const words = s.words.data();
  const std::bitset<4096>& id_bits = doc.local_id_bits;
  for (uint32_t t = 0; t < n; ++t) {
    const uint32_t id = words[t];
    if ((id != TokenTable::kAbsent ? id_bits[id % 4096]
                                   : doc.local_key_bits[LocalKeyBit(s.TokenText(t))]) &&
        fn(t)) {
      return true;
    }
  }
  return false;
}

// Calls fn(alias, end) for each document-local alias (a discovered name) that the sentence
// writes from token i to token `end`. Returns whether token i is the first token of one.
template <typename Fn>
bool ForEachLocalAliasAt(const DocState& doc, const Tagged& s, uint32_t i, Fn fn) {
  auto it = doc.local_aliases.find(s.TokenText(i));
  if (it == doc.local_aliases.end()) return false;
  for (const LocalAlias& a : it->second) {
    if (SameTokens(s, i, a.tokens, a.space_before, false)) {
      fn(a, i + static_cast<uint32_t>(a.tokens.size()));
    }
  }
  return true;
}

// The document-local aliases starting at token i, appended to `out`; returns whether token i
// is the first token of one. Out of line: inlined into Candidates' token loop, where most
// sentences never call it, it slows the loop down.
// REQUIRES: MayStartLocalAlias(doc, s, i).
[[gnu::noinline]] bool LocalCandidates(const DocState& doc, const Tagged& s, uint32_t i,
                                       std::vector<TagCandidate>* out) {
  return ForEachLocalAliasAt(doc, s, i, [&](const LocalAlias& a, uint32_t end) {
    out->push_back({i, end, a.entity->priority, kLocalOrder, a.entity, MentionKind::kDiscovered,
                    TagCandidate::Source::kLocal});
  });
}

// Every alias, entity pattern and date in the sentence, overlapping, into
// doc.scratch.tag_candidates.
void Candidates(const DocState& doc, const Tagged& s) {
  const CompiledRules& rules = doc.rules;
  const AliasIndex& index = rules.alias_index;
  // Tag looked the tokens up (AliasIndex::Keys).
  const std::vector<uint32_t>& exact = doc.scratch.exact_keys;
  const std::vector<uint32_t>& folded = doc.scratch.folded_keys;
  std::vector<TagCandidate>& out = doc.scratch.tag_candidates;
  out.clear();
  const bool local_aliases = !doc.local_aliases.empty();
  // The loop's arrays read once: the calls in it would make every iteration reload them.
  const uint32_t n = static_cast<uint32_t>(s.tokens.size());
  const uint32_t* const exact_key = exact.data();
  const uint32_t* const folded_key = folded.data();
  const std::vector<AliasKey>* const exact_buckets = index.exact.data();
  const std::vector<AliasKey>* const folded_buckets = index.folded.data();
  // Most tokens start no alias: one byte per key tells (AliasIndex::starts).
  const uint8_t* const first_of = index.starts.data();
  const size_t ids = index.starts.size();
  for (uint32_t i = 0; i < n; ++i) {
    const uint32_t e = exact_key[i] / 2, f = folded_key[i] / 2;
    const uint8_t exact_starts = e < ids ? first_of[e] : 0;
    const uint8_t folded_starts = f < ids ? first_of[f] : 0;
    uint8_t starts =
        (exact_starts & AliasIndex::kStartsExact) | (folded_starts & AliasIndex::kStartsFolded);
    if (starts != 0) {
      // A bucket of aliases of two or more tokens only is read when the next token may
      // continue one of them.
      if ((starts & AliasIndex::kStartsExact) != 0 && (exact_starts & AliasIndex::kOneExact) == 0 &&
          (i + 1 == n || !index.MayPair(e, exact_key[i + 1]))) {
        starts &= ~AliasIndex::kStartsExact;
      }
      if ((starts & AliasIndex::kStartsFolded) != 0 &&
          (folded_starts & AliasIndex::kOneFolded) == 0 &&
          (i + 1 == n || !index.MayPair(f, folded_key[i + 1]))) {
        starts &= ~AliasIndex::kStartsFolded;
      }
    }
    if (starts != 0) {
      auto add = [&](const AliasKey& a) {
        const EntityDef& def = rules.entities[a.entity];
        out.push_back({i, i + 1 + a.rest_size, def.priority, def.order, &def,
                       a.demonym ? MentionKind::kDemonym : MentionKind::kEntity,
                       TagCandidate::Source::kAlias});
      };
      if (starts & AliasIndex::kStartsExact)
        MatchBucket(exact_buckets[e], index.more, exact, i, add);
      if (starts & AliasIndex::kStartsFolded)
        MatchBucket(folded_buckets[f], index.more, folded, i, add);
    }
    if (local_aliases && MayStartLocalAlias(doc, s, i)) LocalCandidates(doc, s, i, &out);
  }
  // The set scans every byte; most sentences lack a token every match of any pattern holds.
  if (rules.entity_pattern_set != nullptr && !s.tokens.empty() &&
      rules.entity_gate.MayMatch(exact)) {
    std::vector<int> hits;
    if (rules.entity_pattern_set->Match(s.text, &hits)) {
      std::sort(hits.begin(), hits.end());
      for (int h : hits) {
        const auto& p = rules.entity_patterns[h];
        re2::StringPiece input(s.text.data(), s.text.size());
        re2::StringPiece match;
        size_t pos = 0;
        while (pos <= s.text.size() &&
               p.re->Match(input, pos, s.text.size(), RE2::UNANCHORED, &match, 1)) {
          const size_t b = match.data() - s.text.data();
          const size_t e = b + match.size();
          pos = e > b ? e : b + 1;
          if (e == b) continue;
          auto first = std::lower_bound(s.tokens.begin(), s.tokens.end(), b,
                                        [](const Token& t, size_t v) { return t.begin < v; });
          auto last = std::lower_bound(s.tokens.begin(), s.tokens.end(), e,
                                       [](const Token& t, size_t v) { return t.end < v; });
          if (first == s.tokens.end() || first->begin != b || last == s.tokens.end() ||
              last->end != e) {
            continue;  // not on token boundaries: not a whole-word match
          }
          const EntityDef& def = rules.entities[p.entity];
          out.push_back({static_cast<uint32_t>(first - s.tokens.begin()),
                         static_cast<uint32_t>(last - s.tokens.begin()) + 1, def.priority,
                         def.order, &def, MentionKind::kEntity, TagCandidate::Source::kPattern,
                         static_cast<uint32_t>(h)});
        }
      }
    }
  }
  for (uint32_t k = 0; k < s.dates.size(); ++k) {
    const DateMention& d = s.dates[k];
    auto first = std::lower_bound(s.tokens.begin(), s.tokens.end(), d.begin,
                                  [](const Token& t, size_t v) { return t.end <= v; });
    auto last = std::lower_bound(s.tokens.begin(), s.tokens.end(), d.end,
                                 [](const Token& t, size_t v) { return t.begin < v; });
    if (first >= last) continue;
    out.push_back({static_cast<uint32_t>(first - s.tokens.begin()),
                   static_cast<uint32_t>(last - s.tokens.begin()), 0, -1, nullptr,
                   MentionKind::kDate, TagCandidate::Source::kDate, k});
  }
}

// The Mention of candidate `c`, made at the end of *out.
void MakeMention(const DocState& doc, const Tagged& s, const TagCandidate& c,
                 std::vector<Mention>* out) {
  Mention& m = out->emplace_back();  // built in place: a Mention is large to move
  if (c.source == TagCandidate::Source::kDate) {
    const DateMention& d = s.dates[c.index];
    m.tok_begin = c.tok_begin;
    m.tok_end = c.tok_end;
    m.kind = MentionKind::kDate;
    m.time = d.time;
    m.relative = d.relative;
    m.ahead = d.ahead;
    m.date_role = d.role;
    m.order = c.order;
    m.via = d.relative ? "relative date" : "date";
    return;
  }
  SetEntityFields(doc, c.entity, c.tok_begin, c.tok_end, c.kind, &m);
  m.order = c.order;
  if (!doc.trace) return;
  const std::string words(s.Range(c.tok_begin, c.tok_end));
  switch (c.source) {
    case TagCandidate::Source::kAlias:
      m.via = (c.kind == MentionKind::kDemonym ? "adjective '" : "alias '") + words + "'";
      break;
    case TagCandidate::Source::kPattern:
      m.via = "pattern '" + doc.rules.entity_patterns[c.index].re->pattern() + "'";
      break;
    case TagCandidate::Source::kLocal:
      m.via = "discovered name '" + words + "'";
      break;
    case TagCandidate::Source::kDate:
      break;
  }
}

// ResolveOverlaps' policy: whether candidate `a` (index ia) goes before `b` (index ib).
// A and B: Mention or TagCandidate.
template <typename A, typename B>
bool Precedes(const Tagged& s, const A& a, uint32_t ia, const B& b, uint32_t ib) {
  const uint32_t a_bytes = s.tokens[a.tok_end - 1].end - s.tokens[a.tok_begin].begin;
  const uint32_t b_bytes = s.tokens[b.tok_end - 1].end - s.tokens[b.tok_begin].begin;
  if (a_bytes != b_bytes) return a_bytes > b_bytes;
  if (a.priority != b.priority) return a.priority > b.priority;
  if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
  if (a.order != b.order) return a.order > b.order;
  return ia < ib;
}

// Overlap policy: longest (bytes), then priority, then earliest, then the later definition,
// then the first candidate. Leaves in scratch->order the indices of the candidates kept, by
// their first token, and in *inner the entities named inside a kept one of another type.
// T: Mention or TagCandidate.
template <typename T>
void KeepByOverlapPolicy(const Tagged& s, const std::vector<T>& candidates, TagScratch* scratch,
                         std::vector<const EntityDef*>* inner) {
  std::vector<uint32_t>& order = scratch->order;
  order.resize(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t ia, uint32_t ib) {
    return Precedes(s, candidates[ia], ia, candidates[ib], ib);
  });
  std::vector<uint8_t>& taken = scratch->taken;
  taken.assign(s.tokens.size(), 0);
  size_t kept = 0;
  for (uint32_t i : order) {
    const T& m = candidates[i];
    bool free = true;
    for (uint32_t t = m.tok_begin; t < m.tok_end && free; ++t) free = taken[t] == 0;
    if (!free) continue;
    for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) taken[t] = 1;
    order[kept++] = i;
  }
  // A candidate that lost to a longer mention of another entity type lying over all of it is
  // still a mention of its entity ("G7" in "G7 Summit").
  inner->clear();
  if (kept < candidates.size()) {
    std::vector<int>& owner = scratch->owner;
    owner.assign(s.tokens.size(), -1);
    for (size_t k = 0; k < kept; ++k) {
      const T& m = candidates[order[k]];
      for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) owner[t] = static_cast<int>(order[k]);
    }
    std::vector<uint8_t>& is_kept = scratch->is_kept;
    is_kept.assign(candidates.size(), 0);
    for (size_t k = 0; k < kept; ++k) is_kept[order[k]] = 1;
    for (uint32_t i = 0; i < candidates.size(); ++i) {
      const T& m = candidates[i];
      if (is_kept[i] || m.entity == nullptr || m.kind == MentionKind::kDemonym) continue;
      const int o = owner[m.tok_begin];
      if (o < 0 || owner[m.tok_end - 1] != o) continue;
      const T& outer = candidates[o];
      if (outer.entity == nullptr || outer.kind == MentionKind::kDemonym ||
          outer.entity->entity.type == m.entity->entity.type) {
        continue;
      }
      if (std::find(inner->begin(), inner->end(), m.entity) == inner->end()) {
        inner->push_back(m.entity);
      }
    }
  }
  order.resize(kept);
  // Kept mentions do not overlap, so their first tokens differ.
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return candidates[a].tok_begin < candidates[b].tok_begin;
  });
}

// KeepByOverlapPolicy over scratch->candidates (left moved-from): the mentions kept. Sorts
// indices: a Mention is large and costly to move.
std::vector<Mention> ResolveOverlaps(const Tagged& s, TagScratch* scratch,
                                     std::vector<const EntityDef*>* inner) {
  std::vector<Mention>& candidates = scratch->candidates;
  KeepByOverlapPolicy(s, candidates, scratch, inner);
  // Allocated at its size: AddQuotes grows it for the few sentences that quote.
  std::vector<Mention> out;
  out.reserve(scratch->order.size());
  for (uint32_t i : scratch->order) out.push_back(std::move(candidates[i]));
  return out;
}

// Quoted passages: pairs of '"' tokens. Mentions inside stay (they are counted) but the
// quote hides them from patterns.
void AddQuotes(Tagged* s) {
  // Most sentences quote nothing: one scan of the text tells.
  if (std::memchr(s->text.data(), '"', s->text.size()) == nullptr) return;
  int open = -1;
  std::vector<Mention> quotes;
  const Token* const tokens = s->tokens.data();
  const char* const text = s->text.data();
  const uint32_t n = static_cast<uint32_t>(s->tokens.size());
  for (uint32_t t = 0; t < n; ++t) {
    if (tokens[t].end - tokens[t].begin != 1 || text[tokens[t].begin] != '"') continue;
    if (open < 0) {
      open = static_cast<int>(t);
      continue;
    }
    Mention q;
    q.kind = MentionKind::kQuote;
    q.tok_begin = static_cast<uint32_t>(open);
    q.tok_end = t + 1;
    q.via = "quotation marks";
    quotes.push_back(std::move(q));
    open = -1;
  }
  // The mentions are in order already (ResolveOverlaps).
  if (quotes.empty()) return;
  for (Mention& q : quotes) s->mentions.push_back(std::move(q));
  std::stable_sort(s->mentions.begin(), s->mentions.end(), [](const Mention& a, const Mention& b) {
    if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
    return a.tok_end > b.tok_end;  // an enclosing quote first
  });
}

}  // namespace

Mention EntityMention(const DocState& doc, const EntityDef* def, uint32_t b, uint32_t e,
                      MentionKind kind, std::string via) {
  Mention m;
  SetEntityFields(doc, def, b, e, kind, &m);
  m.via = std::move(via);
  return m;
}

void ApplyEras(const DocState& doc, Tagged* s) {
  if (s->date.empty()) return;
  std::string first, last;  // the sentence's days, worked out at the first entity with eras
  auto era_of = [&](const EntityDef* def) -> const EntityDef* {
    if (def == nullptr || def->eras.empty()) return def;
    if (first.empty()) {
      first = FirstDayOf(s->date);
      last = LastDayOf(s->date);
      if (first.empty() || last.empty()) return def;
    }
    for (const EntityDef::Era& era : def->eras) {
      if ((era.from.empty() || FirstDayOf(era.from) <= first) &&
          (era.to.empty() || last <= LastDayOf(era.to))) {
        if (const EntityDef* then = doc.Find(era.id)) return then;
      }
    }
    return def;
  };
  for (Mention& m : s->mentions) {
    if (m.entity != nullptr && m.entity->view_of == nullptr) {
      const EntityDef* then = era_of(m.entity);
      if (then != m.entity) {
        m.entity = then;
        m.acts_as = then->acts_as.empty() ? nullptr : doc.Find(then->acts_as);
      }
    }
    m.acts_as = era_of(m.acts_as);
  }
}

void Tag(const DocState& doc, std::string_view text, const DateReference& dates, Tagged* s) {
  s->text = text;
  // AsciiLower in place (it reuses the buffer and vectorises), noting on the way whether the
  // text is ASCII.
  s->lower.assign(text.data(), text.size());
  unsigned char high_bits = 0;
  unsigned char markers = 0;  // a byte, not a bool: the loop stays vectorised
  for (char& c : s->lower) {
    high_bits |= static_cast<unsigned char>(c);
    markers |= static_cast<unsigned char>(static_cast<unsigned char>(c - 1) < 2);  // \x01, \x02
    c = AsciiLowerByte(c);
  }
  const bool ascii = (high_bits & 0x80) == 0;
  // What BuildUnits would scan the text for (Tagged::text_scanned).
  s->markers = markers != 0;
  s->folds_to_ascii = !ascii && HoldsAsciiFoldingCharacter(text);
  s->ascii = ascii;
  s->text_scanned = true;
  // Held until the document's last pass, like BuildUnits' output: tokenized in place, where a
  // copy at their size cost more than the tokenizing (Token is not trivial: copied one by one).
  // Tokenize sizes them for the text, about a third over what a sentence holds.
  Tokenize(text, &s->tokens);
  // Each token is looked up once in the rules' vocabulary, as written and lower-cased: the
  // alias keys, and the lower-cased ids every later stage reads (Tagged::words).
  std::vector<uint32_t>& folded = doc.scratch.folded_keys;
  doc.rules.alias_index.Keys(text, s->lower, s->tokens, &doc.scratch.exact_keys, &folded);
  FindPatternWords(doc.rules, folded, s);  // Tagged::words and pattern_words
  s->dates.clear();
  // A narrative's day phrases ("that same day") start with common words (DateReference::day).
  if (dates.narrative && !dates.day.empty()) {
    s->dates = FindDates(text, dates);
  } else if (const DateTest test = MayHoldDate(doc.rules, *s, ascii, dates.narrative);
             test == DateTest::kToken) {
    // An ASCII text (kToken): its tokens are the date finder's, but where an underscore joins
    // words.
    s->dates = std::memchr(text.data(), '_', text.size()) == nullptr
                   ? FindDatesUntested(text, dates, s->tokens)
                   : FindDatesUntested(text, dates);
  } else if (test == DateTest::kUnknown) {
    s->dates = FindDates(text, dates);
  }
  Candidates(doc, *s);
  KeepByOverlapPolicy(*s, doc.scratch.tag_candidates, &doc.scratch, &s->inner);
  // Into the sentence's own vector (kept when the sentence is reused: ClearForReuse); AddQuotes
  // grows it for the few sentences that quote.
  s->mentions.clear();
  s->mentions.reserve(doc.scratch.order.size());
  for (uint32_t i : doc.scratch.order) {
    MakeMention(doc, *s, doc.scratch.tag_candidates[i], &s->mentions);
  }
  AddQuotes(s);
  BuildUnits(s);
}

bool AddLocalMentions(const DocState& doc, Tagged* s, bool document_title) {
  // The local aliases starting at each token, as spans first: one that loses to a mention the
  // sentence has needs no Mention made, and a sentence where all lose keeps its mentions and
  // units.
  std::vector<TagCandidate>& hits = doc.scratch.local_hits;
  hits.clear();
  bool holds_key = false;  // a token is the first of a local alias
  ForEachMayStartLocalAlias(doc, *s, [&](uint32_t i) {
    holds_key |= LocalCandidates(doc, *s, i, &hits);
    return false;
  });
  if (!holds_key) return false;
  // The sentence's mentions but quotations, in order: the known ones.
  std::vector<const Mention*>& known = doc.scratch.known;
  known.clear();
  for (const Mention& m : s->mentions) {
    if (m.kind != MentionKind::kQuote) known.push_back(&m);
  }
  if (document_title) {
    // The title keeps the known entities a local name of another kind would cover.
    auto holds_known = [&](const TagCandidate& h) {
      if (h.entity->entity.type == EntityType::kPerson) return false;
      for (const Mention* k : known) {
        if (k->entity != nullptr && k->kind != MentionKind::kDemonym &&
            k->kind != MentionKind::kDate && k->tok_begin >= h.tok_begin &&
            k->tok_end <= h.tok_end) {
          return true;
        }
      }
      return false;
    };
    hits.erase(std::remove_if(hits.begin(), hits.end(), holds_known), hits.end());
  }
  // Nothing new: the sentence keeps its mentions, quotations with their letters and bits (a
  // quotation's patterns read what the sentence says, whatever names the document found
  // elsewhere).
  if (hits.empty()) return false;
  // The sentence's mentions do not overlap. When each new one overlaps one of them that goes
  // before it (ResolveOverlaps' policy), ResolveOverlaps would keep them all and drop the new
  // ones: the mentions stay as they were, and a new one lying within one of another entity
  // type is an inner entity (as ResolveOverlaps tells).
  const uint32_t before = static_cast<uint32_t>(known.size());
  const auto dropped = [&](uint32_t h) {
    const TagCandidate& m = hits[h];
    for (uint32_t k = 0; k < before; ++k) {
      const Mention& other = *known[k];
      if (other.tok_begin < m.tok_end && m.tok_begin < other.tok_end &&
          Precedes(*s, other, k, m, before + h)) {
        return true;
      }
    }
    return false;
  };
  bool unchanged = true;
  for (uint32_t h = 0; h < hits.size() && unchanged; ++h) unchanged = dropped(h);
  if (unchanged) {
    for (const TagCandidate& m : hits) {
      for (const Mention* outer : known) {
        if (outer->tok_begin > m.tok_begin || outer->tok_end < m.tok_end) continue;
        if (outer->entity != nullptr && outer->kind != MentionKind::kDemonym &&
            outer->entity->entity.type != m.entity->entity.type &&
            std::find(s->inner.begin(), s->inner.end(), m.entity) == s->inner.end()) {
          s->inner.push_back(m.entity);
        }
        break;
      }
    }
    // The units stand unless a mention's letters changed since they were built (ApplyEras
    // gives a mention another entity).
    if (std::all_of(s->mentions.begin(), s->mentions.end(), LettersCurrent)) return false;
    BuildUnits(s);
    return true;
  }
  std::vector<Mention>& candidates = doc.scratch.candidates;
  candidates.clear();
  for (Mention& m : s->mentions) {
    if (m.kind != MentionKind::kQuote) candidates.push_back(std::move(m));
  }
  for (const TagCandidate& h : hits) MakeMention(doc, *s, h, &candidates);
  std::vector<const EntityDef*> inner;
  s->mentions = ResolveOverlaps(*s, &doc.scratch, &inner);
  for (const EntityDef* def : inner) {
    if (std::find(s->inner.begin(), s->inner.end(), def) == s->inner.end()) {
      s->inner.push_back(def);
    }
  }
  AddQuotes(s);
  BuildUnits(s);
  return true;
}

std::string MentionDisplay(const Mention& m, std::string_view text) {
  switch (m.kind) {
    case MentionKind::kDate:
      return "{date " + m.time.value + "}";
    case MentionKind::kQuote:
      return "{quote " + std::string(text) + "}";
    case MentionKind::kDemonym:
      return "{demonym " + m.entity->entity.id + "}";
    default:
      return "{" + m.entity->entity.id + (m.acts_as ? " acts-as " + m.acts_as->entity.id : "") +
             "}";
  }
}

}  // namespace parley::internal
