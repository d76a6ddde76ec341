#include "extract/rule_matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <map>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "extract/dates.h"
#include "extract/rule_compiled.h"
#include "extract/rule_tokens.h"

namespace parley {
namespace {

using internal::CompiledPattern;
using internal::CompiledRules;
using internal::Cue;
using internal::EntityDef;
using internal::Rule;
using internal::RuleKind;
using internal::SlotCapture;
using internal::SlotKind;
using internal::SlotRole;
using internal::Token;

// How many units before a match cue words count, and how far outside a match an unbound
// qualifier may be attached from (rules/README.md sections 5 and 10).
constexpr size_t kCueWindow = 6;
constexpr size_t kAttachWindow = 6;

enum class MentionKind { kEntity, kDemonym, kDate, kQuote, kDiscovered, kCoref };

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kEntity:
      return "entity";
    case MentionKind::kDemonym:
      return "demonym";
    case MentionKind::kDate:
      return "date";
    case MentionKind::kQuote:
      return "quote";
    case MentionKind::kDiscovered:
      return "discovered";
    case MentionKind::kCoref:
      return "coref";
  }
  return "entity";
}

struct Mention {
  uint32_t tok_begin = 0, tok_end = 0;
  MentionKind kind = MentionKind::kEntity;
  const EntityDef* entity = nullptr;
  const EntityDef* acts_as = nullptr;
  int priority = 0;
  int order = 0;
  TimeValue time;
  bool relative = false;
  std::string via;
  std::string letters;
  uint32_t bits = 0;
};

struct Unit {
  uint32_t tok_begin = 0, tok_end = 0;
  int mention = -1;
};

// A sentence as the patterns see it.
struct Tagged {
  std::string_view text;
  std::string lower;
  std::vector<Token> tokens;
  std::vector<Mention> mentions;  // by tok_begin
  std::vector<Unit> units;
  std::vector<uint32_t> unit_offsets;  // start of each unit in `tagged`
  std::string tagged;
  uint32_t bits = 0;
  std::vector<std::string_view> words;  // lower-cased word units (views of `lower`), sorted, unique

  std::string_view TokenText(uint32_t t) const {
    return text.substr(tokens[t].begin, tokens[t].end - tokens[t].begin);
  }
  // Normalised text of tokens [b, e).
  std::string_view Range(uint32_t b, uint32_t e) const {
    if (b >= e) return {};
    return text.substr(tokens[b].begin, tokens[e - 1].end - tokens[b].begin);
  }
  std::string_view UnitsText(size_t u0, size_t u1) const {
    if (u0 >= u1) return {};
    return Range(units[u0].tok_begin, units[u1 - 1].tok_end);
  }
  // Units covered by the tagged-string range [b, e).
  std::pair<size_t, size_t> UnitRange(size_t b, size_t e) const {
    const size_t u0 =
        std::lower_bound(unit_offsets.begin(), unit_offsets.end(), b) - unit_offsets.begin();
    const size_t u1 =
        std::lower_bound(unit_offsets.begin(), unit_offsets.end(), e) - unit_offsets.begin();
    return {u0, std::max(u0, u1)};
  }
};

struct LocalAlias {
  std::vector<std::string> tokens;
  std::vector<bool> space_before;
  const EntityDef* entity = nullptr;
};

// Per-sentence working memory of Tag, kept across sentences so they reuse its allocations.
struct TagScratch {
  // TokenKey of each sentence token in the alias index: as written, and lower-cased.
  std::vector<uint32_t> exact_keys, folded_keys;
  std::vector<Mention> candidates;  // Candidates' output, ResolveOverlaps' input
  std::vector<uint32_t> order;      // ResolveOverlaps: candidate indices
  std::vector<uint8_t> taken;       // ResolveOverlaps: per token, covered by a kept mention
};

struct DocState {
  const CompiledRules& rules;
  std::string doc_date;
  bool trace = false;  // build the explanations (Mention::via) only for `parley rules explain`
  std::deque<EntityDef> local;
  std::map<std::string, EntityDef*> local_by_id;
  internal::StringMap<std::vector<LocalAlias>> local_aliases;
  mutable TagScratch scratch;  // Tag's only; holds nothing between sentences

  const EntityDef* Find(const std::string& id) const {
    if (auto it = rules.entity_index.find(id); it != rules.entity_index.end()) {
      return &rules.entities[it->second];
    }
    if (auto it = local_by_id.find(id); it != local_by_id.end()) return it->second;
    return nullptr;
  }
};

// Sets the placeholder letters of a mention (its type's, then what it acts as) and their bits.
void SetLetters(Mention* m) {
  uint32_t first = 0, second = 0;
  switch (m->kind) {
    case MentionKind::kDemonym:
      first = internal::kBitDemonym;
      break;
    case MentionKind::kDate:
      first = internal::kBitDate;
      break;
    case MentionKind::kQuote:
      first = internal::kBitQuote;
      break;
    default:
      first = internal::EntityTypeBit(m->entity->entity.type);
      if (m->acts_as != nullptr) second = internal::EntityTypeBit(m->acts_as->entity.type);
      break;
  }
  m->letters.assign(1, internal::MentionLetter(first));
  if (second != 0) m->letters += internal::MentionLetter(second);
  m->bits = first | second;
}

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

Mention EntityMention(const DocState& doc, const EntityDef* def, uint32_t b, uint32_t e,
                      MentionKind kind, std::string via) {
  Mention m;
  m.tok_begin = b;
  m.tok_end = e;
  m.kind = kind;
  m.entity = def;
  if (!def->acts_as.empty()) m.acts_as = doc.Find(def->acts_as);
  m.priority = def->priority;
  m.order = def->order;
  m.via = std::move(via);
  return m;
}

bool HasAsciiUpper(std::string_view text) {
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') return true;
  }
  return false;
}

// False when FindDates would find nothing in the sentence: its text is ASCII (non-ASCII bytes
// split FindDates' tokens differently from ours) and no token may start a date.
bool MayHoldDate(const Tagged& s) {
  unsigned char bits = 0;
  for (char c : s.text) bits |= static_cast<unsigned char>(c);
  if ((bits & 0x80) != 0) return true;
  for (uint32_t t = 0; t < s.tokens.size(); ++t) {
    const Token& token = s.tokens[t];
    const unsigned char c = static_cast<unsigned char>(s.text[token.begin]);
    if (c >= '0' && c <= '9') return true;
    // Date words are 3 to 9 letters long and start with one of these letters.
    static constexpr auto kInitial = [] {
      std::array<bool, 256> table{};
      for (char c : std::string_view("ADEFJLMNOSTWYelnty"))
        table[static_cast<unsigned char>(c)] = true;
      return table;
    }();
    const uint32_t size = token.end - token.begin;
    if (size >= 3 && size <= 9 && kInitial[c] && MayStartDate(s.TokenText(t))) return true;
  }
  return false;
}

// Fills `keys` with the TokenKey of each sentence token in the alias index (an absent token's
// id is 0, which no alias key holds), as written or lower-cased.
void AliasKeys(const internal::AliasIndex& index, const Tagged& s, std::vector<uint32_t>* exact,
               std::vector<uint32_t>* folded) {
  exact->resize(s.tokens.size());
  folded->resize(s.tokens.size());
  for (uint32_t i = 0; i < s.tokens.size(); ++i) {
    const Token& t = s.tokens[i];
    const std::string_view text = s.TokenText(i);
    const uint32_t id = index.tokens.Find(text);
    (*exact)[i] = internal::TokenKey(id, t.space_before);
    (*folded)[i] =
        HasAsciiUpper(text)
            ? internal::TokenKey(
                  index.tokens.Find(std::string_view(s.lower).substr(t.begin, t.end - t.begin)),
                  t.space_before)
            : (*exact)[i];
  }
}

// Calls `fn(key)` for each alias of `bucket` that matches the sentence at token i, in
// definition order. `keys` are the sentence's token keys for the bucket's table.
template <typename Fn>
void MatchBucket(const std::vector<internal::AliasKey>& bucket, const std::vector<uint32_t>& keys,
                 uint32_t i, Fn fn) {
  using internal::AliasKey;
  auto by_second = [](const AliasKey& k, uint32_t second) { return k.second < second; };
  // One-token aliases sort first (second == 0) and always match.
  auto single = bucket.begin();
  auto single_end = std::lower_bound(bucket.begin(), bucket.end(), 1u, by_second);
  auto multi = single_end, multi_end = single_end;
  if (i + 1 < keys.size() && keys[i + 1] > 1) {
    multi = std::lower_bound(single_end, bucket.end(), keys[i + 1], by_second);
    multi_end = multi;
    while (multi_end != bucket.end() && multi_end->second == keys[i + 1]) ++multi_end;
  }
  auto matches = [&](const AliasKey& k) {
    if (i + 1 + k.rest.size() > keys.size()) return false;
    return std::equal(k.rest.begin() + 1, k.rest.end(), keys.begin() + i + 2);
  };
  while (single != single_end || multi != multi_end) {
    if (multi == multi_end || (single != single_end && single->order < multi->order)) {
      fn(*single++);
    } else {
      if (matches(*multi)) fn(*multi);
      ++multi;
    }
  }
}

// Every alias, entity pattern and date in the sentence, overlapping, into
// doc.scratch.candidates.
void Candidates(const DocState& doc, const Tagged& s) {
  const CompiledRules& rules = doc.rules;
  const internal::AliasIndex& index = rules.alias_index;
  std::vector<uint32_t>& exact = doc.scratch.exact_keys;
  std::vector<uint32_t>& folded = doc.scratch.folded_keys;
  AliasKeys(index, s, &exact, &folded);
  std::vector<Mention>& out = doc.scratch.candidates;
  out.clear();
  for (uint32_t i = 0; i < s.tokens.size(); ++i) {
    auto add = [&](const internal::AliasKey& a) {
      const EntityDef* def = &rules.entities[a.entity];
      const uint32_t end = i + 1 + static_cast<uint32_t>(a.rest.size());
      out.push_back(EntityMention(
          doc, def, i, end, a.demonym ? MentionKind::kDemonym : MentionKind::kEntity,
          doc.trace ? (a.demonym ? "adjective '" : "alias '") + std::string(s.Range(i, end)) + "'"
                    : std::string()));
    };
    // Most interned tokens start no alias of one table or the other: empty buckets.
    if (const uint32_t id = exact[i] / 2;
        id != 0 && id < index.exact.size() && !index.exact[id].empty()) {
      MatchBucket(index.exact[id], exact, i, add);
    }
    if (const uint32_t id = folded[i] / 2;
        id != 0 && id < index.folded.size() && !index.folded[id].empty()) {
      MatchBucket(index.folded[id], folded, i, add);
    }
    if (!doc.local_aliases.empty()) {
      if (auto it = doc.local_aliases.find(s.TokenText(i)); it != doc.local_aliases.end()) {
        for (const LocalAlias& a : it->second) {
          if (!SameTokens(s, i, a.tokens, a.space_before, false)) continue;
          const uint32_t end = i + static_cast<uint32_t>(a.tokens.size());
          out.push_back(EntityMention(
              doc, a.entity, i, end, MentionKind::kDiscovered,
              doc.trace ? "discovered name '" + std::string(s.Range(i, end)) + "'" : ""));
        }
      }
    }
  }
  if (rules.entity_pattern_set != nullptr && !s.tokens.empty()) {
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
          out.push_back(EntityMention(
              doc, &rules.entities[p.entity], static_cast<uint32_t>(first - s.tokens.begin()),
              static_cast<uint32_t>(last - s.tokens.begin()) + 1, MentionKind::kEntity,
              doc.trace ? "pattern '" + p.re->pattern() + "'" : ""));
        }
      }
    }
  }
  if (!MayHoldDate(s)) return;
  for (const DateMention& d : FindDates(s.text, doc.doc_date)) {
    auto first = std::lower_bound(s.tokens.begin(), s.tokens.end(), d.begin,
                                  [](const Token& t, size_t v) { return t.end <= v; });
    auto last = std::lower_bound(s.tokens.begin(), s.tokens.end(), d.end,
                                 [](const Token& t, size_t v) { return t.begin < v; });
    if (first >= last) continue;
    Mention m;
    m.tok_begin = static_cast<uint32_t>(first - s.tokens.begin());
    m.tok_end = static_cast<uint32_t>(last - s.tokens.begin());
    m.kind = MentionKind::kDate;
    m.time = d.time;
    m.relative = d.relative;
    m.order = -1;
    m.via = d.relative ? "relative date" : "date";
    out.push_back(std::move(m));
  }
}

// Overlap policy: longest (bytes), then priority, then earliest, then the later definition,
// then the first candidate, over scratch->candidates (left moved-from). Sorts indices: a
// Mention is large and costly to move.
std::vector<Mention> ResolveOverlaps(const Tagged& s, TagScratch* scratch) {
  std::vector<Mention>& candidates = scratch->candidates;
  auto bytes = [&](const Mention& m) {
    return s.tokens[m.tok_end - 1].end - s.tokens[m.tok_begin].begin;
  };
  std::vector<uint32_t>& order = scratch->order;
  order.resize(candidates.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t ia, uint32_t ib) {
    const Mention& a = candidates[ia];
    const Mention& b = candidates[ib];
    if (bytes(a) != bytes(b)) return bytes(a) > bytes(b);
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
    if (a.order != b.order) return a.order > b.order;
    return ia < ib;
  });
  std::vector<uint8_t>& taken = scratch->taken;
  taken.assign(s.tokens.size(), 0);
  size_t kept = 0;
  for (uint32_t i : order) {
    const Mention& m = candidates[i];
    bool free = true;
    for (uint32_t t = m.tok_begin; t < m.tok_end && free; ++t) free = taken[t] == 0;
    if (!free) continue;
    for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) taken[t] = 1;
    order[kept++] = i;
  }
  order.resize(kept);
  // Kept mentions do not overlap, so their first tokens differ.
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return candidates[a].tok_begin < candidates[b].tok_begin;
  });
  std::vector<Mention> out;
  out.reserve(kept + 4);  // room for AddQuotes
  for (uint32_t i : order) out.push_back(std::move(candidates[i]));
  return out;
}

// Quoted passages: pairs of '"' tokens. Mentions inside stay (they are counted) but the
// quote hides them from patterns.
void AddQuotes(Tagged* s) {
  int open = -1;
  std::vector<Mention> quotes;
  for (uint32_t t = 0; t < s->tokens.size(); ++t) {
    if (s->TokenText(t) != "\"") continue;
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

// The first 8 bytes of `word`, big-endian and zero-padded: ordering words by it agrees with
// their byte order wherever it differs, so sorting compares integers first.
uint64_t SortPrefix(std::string_view word) {
  uint64_t prefix = 0;
  const size_t n = std::min<size_t>(word.size(), 8);
  for (size_t i = 0; i < n; ++i) prefix = (prefix << 8) | static_cast<unsigned char>(word[i]);
  return n == 0 ? 0 : prefix << (8 * (8 - n));
}

// Writes the decimal digits of `value` at `out`; returns the end.
char* WriteDecimal(size_t value, char* out) {
  char digits[20];
  size_t n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) *out++ = digits[--n];
  return out;
}

void BuildUnits(Tagged* s) {
  const size_t n = s->tokens.size();
  for (Mention& m : s->mentions) SetLetters(&m);
  // Written through pointers into buffers sized for the worst case, then cut: a unit per token;
  // a token keeps its size plus a space; a placeholder is 2 markers, at most 2 letters and a
  // 20-digit index. Everything the loop reads is in locals: a char store may alias `*s`.
  s->units.resize(n);
  s->unit_offsets.resize(n);
  s->tagged.resize(1 + s->text.size() + n + 24 * s->mentions.size());
  char* const tagged = s->tagged.data();
  char* out = tagged;
  *out++ = ' ';
  std::vector<std::pair<uint64_t, std::string_view>> words(n);
  size_t word_count = 0;
  const char* const text = s->text.data();
  const char* const lower = s->lower.data();
  const internal::Token* const tokens = s->tokens.data();
  const Mention* const mentions = s->mentions.data();
  const size_t mention_count = s->mentions.size();
  Unit* const units = s->units.data();
  uint32_t* const unit_offsets = s->unit_offsets.data();
  uint32_t bits = 0;
  size_t unit_count = 0;
  size_t next_mention = 0;
  uint32_t t = 0;
  while (t < n) {
    while (next_mention < mention_count && mentions[next_mention].tok_begin < t) ++next_mention;
    unit_offsets[unit_count] = static_cast<uint32_t>(out - tagged);
    if (next_mention < mention_count && mentions[next_mention].tok_begin == t) {
      const Mention& m = mentions[next_mention];
      units[unit_count++] = {m.tok_begin, m.tok_end, static_cast<int>(next_mention)};
      *out++ = '\x01';
      for (char c : m.letters) *out++ = c;
      out = WriteDecimal(next_mention, out);
      *out++ = '\x02';
      bits |= m.bits;
      t = m.tok_end;
    } else {
      units[unit_count++] = {t, t + 1, -1};
      const uint32_t begin = tokens[t].begin;
      const size_t size = tokens[t].end - begin;
      if (size == 1 && (text[begin] == '\x01' || text[begin] == '\x02')) {
        *out++ = '?';
      } else {
        std::memcpy(out, text + begin, size);
        out += size;
      }
      const std::string_view word(lower + begin, size);
      words[word_count++] = {SortPrefix(word), word};
      ++t;
    }
    *out++ = ' ';
  }
  s->bits = bits;
  s->units.resize(unit_count);
  s->unit_offsets.resize(unit_count);
  s->tagged.resize(out - tagged);
  words.resize(word_count);
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    // Equal prefixes of words of up to 8 bytes: the shorter is a prefix of the other.
    if (a.second.size() <= 8 && b.second.size() <= 8) return a.second.size() < b.second.size();
    return a.second < b.second;
  });
  s->words.clear();
  s->words.reserve(words.size());
  for (const auto& [prefix, word] : words) {
    if (s->words.empty() || s->words.back() != word) s->words.push_back(word);
  }
}

// Fills `s` in place: `words` holds views of `s->lower`, so a Tagged must not be moved after.
void Tag(const DocState& doc, std::string_view text, Tagged* s) {
  s->text = text;
  // AsciiLower in place (it reuses the buffer and vectorises).
  s->lower.assign(text.data(), text.size());
  for (char& c : s->lower) {
    c = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
  }
  s->tokens = internal::Tokenize(text);
  Candidates(doc, *s);
  s->mentions = ResolveOverlaps(*s, &doc.scratch);
  AddQuotes(s);
  BuildUnits(s);
}

// True when a sentence holds the first token of a document-local alias.
bool HasLocalAlias(const DocState& doc, const Tagged& s) {
  for (uint32_t t = 0; t < s.tokens.size(); ++t) {
    if (doc.local_aliases.count(s.TokenText(t)) > 0) return true;
  }
  return false;
}

// The leftmost match of `pattern` in the tagged sentence at or after byte `pos`, into `groups`
// (n of them); false when there is none.
bool NextMatch(const CompiledPattern& pattern, const Tagged& s, size_t pos,
               re2::StringPiece* groups, int n) {
  const re2::StringPiece input(s.tagged);
  if (pattern.start_bits == 0) {
    return pattern.re->Match(input, pos, s.tagged.size(), RE2::UNANCHORED, groups, n);
  }
  // Every match starts with " \x01" (a mention placeholder) of the right kind. Trying those few
  // starts in order, anchored, finds the same leftmost match as an unanchored search, and far
  // cheaper: an unanchored DFA tracks a thread from every earlier position, so it meets new
  // states all the time and builds them (most of the matching cost), and it needs the reverse
  // program to find where the match began. An existence test without captures comes first
  // because most starts fail.
  const size_t first = std::lower_bound(s.unit_offsets.begin(), s.unit_offsets.end(), pos + 1) -
                       s.unit_offsets.begin();
  for (size_t u = first; u < s.units.size(); ++u) {
    const size_t at = s.unit_offsets[u];
    if (s.tagged[at] != '\x01') continue;
    const int mention = s.units[u].mention;
    if (mention >= 0 && (s.mentions[mention].bits & pattern.start_bits) == 0) continue;
    if (!pattern.re->Match(input, at - 1, s.tagged.size(), RE2::ANCHOR_START, nullptr, 0)) {
      continue;
    }
    return pattern.re->Match(input, at - 1, s.tagged.size(), RE2::ANCHOR_START, groups, n);
  }
  return false;
}

// Calls `fn(groups)` for each non-overlapping match of `pattern` in the tagged sentence.
template <typename Fn>
void ForEachMatch(const CompiledPattern& pattern, const Tagged& s, Fn fn) {
  const int n = 1 + pattern.re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> groups(n);
  size_t pos = 0;
  while (pos < s.tagged.size() && NextMatch(pattern, s, pos, groups.data(), n)) {
    const size_t end = groups[0].data() - s.tagged.data() + groups[0].size();
    fn(groups);
    // The match's trailing space is the next match's leading space.
    pos = end > pos + 1 ? end - 1 : pos + 1;
  }
}

size_t Offset(const Tagged& s, const re2::StringPiece& piece) {
  return piece.data() - s.tagged.data();
}

// The mention a placeholder capture names.
const Mention* CapturedMention(const Tagged& s, const re2::StringPiece& piece) {
  size_t i = 0;
  while (i < piece.size() && !(piece[i] >= '0' && piece[i] <= '9')) ++i;
  size_t index = 0;
  while (i < piece.size() && piece[i] >= '0' && piece[i] <= '9') {
    index = index * 10 + static_cast<size_t>(piece[i] - '0');
    ++i;
  }
  return index < s.mentions.size() ? &s.mentions[index] : nullptr;
}

// The entity a mention means in a slot: actor slots prefer what a place acts as.
const EntityDef* SlotEntity(const Mention& m, const SlotCapture& c) {
  if (m.entity == nullptr) return nullptr;
  if (c.actor && m.acts_as != nullptr) return m.acts_as;
  if (internal::EntityTypeBit(m.entity->entity.type) & c.bits) return m.entity;
  return m.acts_as != nullptr ? m.acts_as : m.entity;
}

EntityRef Ref(const EntityDef* def) {
  return EntityRef{def->entity.id, def->entity.label, def->entity.type};
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

bool CueAt(const Tagged& s, size_t u, const Cue& cue, size_t u_end) {
  if (u + cue.tokens.size() > u_end) return false;
  for (size_t k = 0; k < cue.tokens.size(); ++k) {
    const Unit& unit = s.units[u + k];
    if (unit.mention >= 0) return false;
    const std::string_view word = std::string_view(s.lower).substr(
        s.tokens[unit.tok_begin].begin,
        s.tokens[unit.tok_begin].end - s.tokens[unit.tok_begin].begin);
    const bool last = k + 1 == cue.tokens.size();
    if (last && cue.prefix) {
      if (word.substr(0, cue.tokens[k].size()) != cue.tokens[k]) return false;
    } else if (word != cue.tokens[k]) {
      return false;
    }
  }
  return true;
}

// Cues inside captured text (the content of a claim) say nothing about the claim itself:
// "Japan declared that it would never accept" is an asserted declaration. The strongest
// modality with a cue in the window wins.
Modality CueModality(const CompiledRules& rules, const Tagged& s, size_t u0, size_t u1,
                     const std::vector<std::pair<size_t, size_t>>& content) {
  static constexpr Modality kStrength[] = {Modality::kNegated, Modality::kHedged,
                                           Modality::kPlanned, Modality::kReported};
  constexpr size_t kNone = std::size(kStrength);
  const size_t from = u0 > kCueWindow ? u0 - kCueWindow : 0;
  auto in_content = [&](size_t u) {
    for (const auto& [b, e] : content) {
      if (u >= b && u < e) return true;
    }
    return false;
  };
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

bool RoleContains(const Role& role, const std::string& date) {
  if (date.empty()) return false;
  const std::optional<TimeValue> d = ParseIsoDate(date);
  if (!d.has_value()) return false;
  if (!role.from.empty()) {
    const std::optional<TimeValue> from = ParseIsoDate(role.from);
    if (from.has_value() && d->start < from->start) return false;
  }
  if (!role.to.empty()) {
    const std::optional<TimeValue> to = ParseIsoDate(role.to);
    if (to.has_value() && d->start > to->end) return false;
  }
  return true;
}

class Analyzer {
 public:
  Analyzer(const RuleSet& rules, std::string_view doc_date, bool trace,
           std::string_view only_relation)
      : only_relation_(only_relation),
        rules_(rules.compiled()),
        doc_{rules.compiled(), std::string(doc_date), trace, {}, {}, {}},
        trace_(trace),
        met_(rules_.requirement_count, 0) {}

  DocumentAnalysis Run(const std::vector<SentenceInput>& units) {
    DocumentAnalysis out;
    out.sentences.resize(units.size());
    std::vector<Tagged> tagged(units.size());
    for (size_t i = 0; i < units.size(); ++i) Tag(doc_, units[i].text, &tagged[i]);
    // Discovery's word lookups, kept for the coreference pass: (begin, end) in kept_uses_, or
    // empty when the sentence was tagged again in between.
    std::vector<std::pair<uint32_t, uint32_t>> kept(units.size());
    if (!rules_.discover_rules.empty()) {
      for (size_t i = 0; i < units.size(); ++i) {
        Discover(tagged[i], &out);
        const uint32_t begin = static_cast<uint32_t>(kept_uses_.size());
        kept_uses_.insert(kept_uses_.end(), word_uses_.begin(), word_uses_.end());
        kept[i] = {begin, static_cast<uint32_t>(kept_uses_.size())};
      }
      if (!doc_.local_aliases.empty()) {
        for (size_t i = 0; i < units.size(); ++i) {
          if (!HasLocalAlias(doc_, tagged[i])) continue;
          Tag(doc_, units[i].text, &tagged[i]);
          kept[i] = {};
        }
      }
    }
    looked_up_ = nullptr;
    const std::vector<const Mention*> none;
    std::vector<const EntityDef*> previous_persons;
    for (size_t i = 0; i < units.size(); ++i) {
      Tagged& s = tagged[i];
      if (kept[i].second > kept[i].first) {
        RestoreLookUp(s, kept_uses_.data() + kept[i].first, kept_uses_.data() + kept[i].second);
      }
      Coref(&s, previous_persons, &out);
      previous_persons.clear();
      for (const Mention& m : s.mentions) {
        if (m.entity == nullptr || m.kind == MentionKind::kDemonym) continue;
        if (m.entity->entity.type != EntityType::kPerson) continue;
        if (std::find(previous_persons.begin(), previous_persons.end(), m.entity) ==
            previous_persons.end()) {
          previous_persons.push_back(m.entity);
        }
      }
      CountMentions(s);
      SentenceAnalysis& sa = out.sentences[i];
      if (units[i].relational && units[i].repeat_of < 0) Relations(s, &sa);
      if (trace_) Trace(s, &sa);
    }
    Entities(&out);
    return out;
  }

 private:
  // --- Discovery ---------------------------------------------------------------------------
  void Discover(const Tagged& s, DocumentAnalysis* out) {
    Prefilter(RuleKind::kDiscover, s);
    for (const auto& [r, pi] : patterns_) {
      const Rule& rule = rules_.rules[r];
      const CompiledPattern& p = rule.patterns[pi];
      if (!Possible(p, s)) continue;
      ForEachMatch(p, s, [&](const std::vector<re2::StringPiece>& g) {
        std::string label, office, country, affiliation;
        for (size_t c = 0; c < p.captures.size(); ++c) {
          const re2::StringPiece& piece = g[c + 1];
          if (piece.data() == nullptr) continue;
          const auto [u0, u1] = s.UnitRange(Offset(s, piece), Offset(s, piece) + piece.size());
          const SlotCapture& cap = p.captures[c];
          if (cap.kind == SlotKind::kMention) {
            const Mention* m = CapturedMention(s, piece);
            if (m == nullptr || m->entity == nullptr) continue;
            const std::string& id = SlotEntity(*m, cap)->entity.id;
            if (cap.role == SlotRole::kCountry) country = id;
            if (cap.role == SlotRole::kAffiliation) affiliation = id;
          } else if (cap.role == SlotRole::kLabel) {
            label = std::string(s.UnitsText(u0, u1));
          } else if (cap.role == SlotRole::kAffiliation) {
            affiliation = std::string(s.UnitsText(u0, u1));
          } else if (cap.role == SlotRole::kOffice) {
            office = CollapseSpace(AsciiLower(s.UnitsText(u0, u1)));
          }
        }
        if (!label.empty()) AddDiscovered(rule, label, office, country, affiliation, out);
      });
    }
  }

  void AddDiscovered(const Rule& rule, const std::string& label, const std::string& office,
                     const std::string& country, const std::string& affiliation,
                     DocumentAnalysis* out) {
    const std::string id = MakeEntityId(rule.creates, label);
    out->discoveries.push_back({rule.id, id, office, country});
    if (rules_.entity_index.count(id) > 0) return;  // already known
    EntityDef* def;
    if (auto it = doc_.local_by_id.find(id); it != doc_.local_by_id.end()) {
      def = it->second;
    } else {
      def = &doc_.local.emplace_back();
      def->entity.id = id;
      def->entity.label = label;
      def->entity.type = rule.creates;
      def->entity.attributes["discovered_by"] = rule.id;
      def->order = 1 << 30;
      doc_.local_by_id[id] = def;
      std::vector<bool> space;
      std::vector<std::string> tokens = internal::TokenTexts(label, &space);
      doc_.local_aliases[tokens[0]].push_back({tokens, space, def});
      const std::string& last = tokens.back();
      if (tokens.size() >= 2 && last.size() >= 2 && last[0] >= 'A' && last[0] <= 'Z' &&
          !StartsExactAlias(last)) {
        doc_.local_aliases[last].push_back({{last}, {false}, def});
        def->entity.aliases.push_back(last);
      }
    }
    if (!affiliation.empty()) def->entity.attributes["affiliation"] = affiliation;
    if (!office.empty()) {
      Role role{office, country, "", ""};
      if (std::find(def->entity.roles.begin(), def->entity.roles.end(), role) ==
          def->entity.roles.end()) {
        def->entity.roles.push_back(role);
      }
    }
  }

  // True when some literal (case-sensitive) alias of the rules starts with `token`.
  bool StartsExactAlias(std::string_view token) const {
    const internal::AliasIndex& index = rules_.alias_index;
    const uint32_t id = index.tokens.Find(token);
    return id != internal::TokenTable::kAbsent && id < index.exact.size() &&
           !index.exact[id].empty();
  }

  // --- Coreference ---------------------------------------------------------------------------
  const EntityDef* HolderOf(const std::string& office, const std::string& country) const {
    std::vector<const EntityDef*> found;
    if (auto it = rules_.office_holders.find({office, country});
        it != rules_.office_holders.end()) {
      for (uint32_t e : it->second) {
        const EntityDef* def = &rules_.entities[e];
        for (const Role& role : def->entity.roles) {
          if (role.office == office && role.country == country &&
              RoleContains(role, doc_.doc_date)) {
            if (std::find(found.begin(), found.end(), def) == found.end()) found.push_back(def);
          }
        }
      }
    }
    for (const EntityDef& def : doc_.local) {
      for (const Role& role : def.entity.roles) {
        if (role.office == office && role.country == country &&
            std::find(found.begin(), found.end(), &def) == found.end()) {
          found.push_back(&def);
        }
      }
    }
    return found.size() == 1 ? found[0] : nullptr;
  }

  void Coref(Tagged* s, const std::vector<const EntityDef*>& previous_persons,
             DocumentAnalysis* out) {
    std::vector<Mention> resolved;
    Prefilter(RuleKind::kCoref, *s);
    for (const auto& [r, pi] : patterns_) {
      const Rule& rule = rules_.rules[r];
      const CompiledPattern& p = rule.patterns[pi];
      if (!Possible(p, *s)) continue;
      ForEachMatch(p, *s, [&](const std::vector<re2::StringPiece>& g) {
        const auto [u0, u1] = s->UnitRange(Offset(*s, g[0]), Offset(*s, g[0]) + g[0].size());
        if (u0 >= u1) return;
        const EntityDef* target = nullptr;
        if (rule.resolve_role) {
          std::string office, country;
          for (size_t c = 0; c < p.captures.size(); ++c) {
            const re2::StringPiece& piece = g[c + 1];
            if (piece.data() == nullptr) continue;
            const SlotCapture& cap = p.captures[c];
            if (cap.role == SlotRole::kCountry) {
              const Mention* m = CapturedMention(*s, piece);
              if (m != nullptr && m->entity != nullptr) country = SlotEntity(*m, cap)->entity.id;
            } else if (cap.role == SlotRole::kOffice) {
              const auto [c0, c1] =
                  s->UnitRange(Offset(*s, piece), Offset(*s, piece) + piece.size());
              office = CollapseSpace(AsciiLower(s->UnitsText(c0, c1)));
            }
          }
          target = HolderOf(office, country);
        } else {
          for (size_t u = u0; u-- > 0;) {
            const Unit& unit = s->units[u];
            if (unit.mention < 0) continue;
            const Mention& m = s->mentions[unit.mention];
            if (m.entity != nullptr && m.kind != MentionKind::kDemonym &&
                m.entity->entity.type == EntityType::kPerson) {
              target = m.entity;
              break;
            }
          }
          if (target == nullptr && previous_persons.size() == 1) target = previous_persons[0];
        }
        if (target == nullptr) return;
        Mention m = EntityMention(doc_, target, s->units[u0].tok_begin, s->units[u1 - 1].tok_end,
                                  MentionKind::kCoref, "coref rule " + rule.id);
        resolved.push_back(std::move(m));
        out->corefs.emplace_back(rule.id, target->entity.id);
      });
    }
    if (resolved.empty()) return;
    std::vector<Mention> merged;
    for (Mention& m : s->mentions) {
      bool inside = false;
      for (const Mention& c : resolved) {
        inside = inside || (m.tok_begin < c.tok_end && c.tok_begin < m.tok_end);
      }
      if (!inside) merged.push_back(std::move(m));
    }
    for (Mention& c : resolved) {
      bool clash = false;
      for (const Mention& m : merged) {
        clash = clash || (m.kind == MentionKind::kCoref && m.tok_begin < c.tok_end &&
                          c.tok_begin < m.tok_end);
      }
      if (!clash) merged.push_back(std::move(c));
    }
    std::stable_sort(merged.begin(), merged.end(), [](const Mention& a, const Mention& b) {
      if (a.tok_begin != b.tok_begin) return a.tok_begin < b.tok_begin;
      return a.tok_end > b.tok_end;
    });
    s->mentions = std::move(merged);
    BuildUnits(s);
    looked_up_ = nullptr;
  }

  // --- Relations -----------------------------------------------------------------------------
  // Fills patterns_ with the patterns of `kind` sentence `s` may match, in rule then pattern
  // order (the order in which rules apply matters: discoveries and coreferences build on
  // earlier ones), and marks the word requirements `s` meets for Possible().
  void Prefilter(RuleKind kind, const Tagged& s) {
    if (looked_up_ != &s) LookUpWords(s);
    const int k = static_cast<int>(kind);
    patterns_.assign(rules_.unanchored[k].begin(), rules_.unanchored[k].end());
    for (const internal::PatternWord* use : word_uses_) {
      patterns_.insert(patterns_.end(), use->anchored[k].begin(), use->anchored[k].end());
    }
    std::sort(patterns_.begin(), patterns_.end());
    patterns_.erase(std::unique(patterns_.begin(), patterns_.end()), patterns_.end());
  }

  // Finds the sentence's words in the pattern word index (word_uses_) and marks the word
  // requirements they meet. Coreference and relations reuse the result for a sentence whose
  // units did not change in between.
  void LookUpWords(const Tagged& s) {
    NewStamp();
    word_uses_.clear();
    for (std::string_view w : s.words) {
      if (!rules_.pattern_word_buckets.test(internal::PatternWordBucket(w))) continue;
      auto it = rules_.pattern_words.find(w);
      if (it == rules_.pattern_words.end()) continue;
      for (uint32_t id : it->second.requirements) met_[id] = stamp_;
      word_uses_.push_back(&it->second);
    }
    looked_up_ = &s;
  }

  // Makes [begin, end), an earlier LookUpWords result for `s`, the current one again.
  void RestoreLookUp(const Tagged& s, const internal::PatternWord* const* begin,
                     const internal::PatternWord* const* end) {
    NewStamp();
    word_uses_.assign(begin, end);
    for (const internal::PatternWord* use : word_uses_) {
      for (uint32_t id : use->requirements) met_[id] = stamp_;
    }
    looked_up_ = &s;
  }

  void NewStamp() {
    if (++stamp_ == 0) {  // wrapped: forget every mark
      std::fill(met_.begin(), met_.end(), 0);
      stamp_ = 1;
    }
  }

  // True unless the prefilter proves that `p` cannot match `s`.
  // REQUIRES: Prefilter(kind of p, s) was the last Prefilter call.
  bool Possible(const CompiledPattern& p, const Tagged& s) const {
    for (uint32_t bits : p.required_bits) {
      if ((bits & s.bits) == 0) return false;
    }
    for (uint32_t id : p.requirements) {
      if (met_[id] != stamp_) return false;
    }
    return true;
  }

  struct Candidate {
    Statement statement;
    size_t length = 0;
    int priority = 0;
    size_t begin = 0;
  };

  void Relations(const Tagged& s, SentenceAnalysis* out) {
    Prefilter(RuleKind::kRelation, s);
    if (patterns_.empty()) return;
    std::vector<Candidate> candidates;
    for (const auto& [r, pi] : patterns_) {
      const Rule& rule = rules_.rules[r];
      const CompiledPattern& p = rule.patterns[pi];
      if (!only_relation_.empty() && rule.id != only_relation_) continue;
      if (!Possible(p, s)) continue;
      ForEachMatch(p, s, [&](const std::vector<re2::StringPiece>& g) {
        Candidate c;
        if (MakeStatement(rule, p, s, g, &c, out)) candidates.push_back(std::move(c));
      });
    }
    // Relation overlap policy: one statement per claim; longest match, priority, earliest.
    // A claim is a subject, predicate, object and recipient; two candidates for the same
    // claim are one statement when their matched texts overlap in the sentence (several
    // patterns or rules reading the same words), so the shorter reading is dropped; identical
    // statements are one statement wherever they matched.
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) {
                       if (a.length != b.length) return a.length > b.length;
                       if (a.priority != b.priority) return a.priority > b.priority;
                       if (a.begin != b.begin) return a.begin < b.begin;
                       return a.statement.rule < b.statement.rule;
                     });
    std::map<std::string, std::vector<std::pair<size_t, size_t>>> kept;
    std::set<std::string> identical;
    for (Candidate& c : candidates) {
      const Statement& st = c.statement;
      const std::string key = st.subject.id + '\x1f' + st.predicate + '\x1f' +
                              (st.object ? st.object->id : "") + '\x1f' +
                              (st.recipient ? st.recipient->id : "");
      std::vector<std::pair<size_t, size_t>>& spans = kept[key];
      const size_t end = c.begin + c.length;
      const bool overlaps = std::any_of(spans.begin(), spans.end(), [&](const auto& span) {
        return c.begin < span.second && span.first < end;
      });
      if (overlaps || !identical.insert(key + '\x1f' + st.text.value_or("")).second) continue;
      spans.emplace_back(c.begin, end);
      out->statements.push_back(std::move(c.statement));
    }
  }

  bool MakeStatement(const Rule& rule, const CompiledPattern& p, const Tagged& s,
                     const std::vector<re2::StringPiece>& g, Candidate* c, SentenceAnalysis* out) {
    Statement& st = c->statement;
    st.predicate = rule.predicate;
    st.rule = rule.id;
    st.plover = rule.plover;
    st.cameo = rule.cameo;
    // Plain variables, not a structured binding: the lambdas below capture them (clang 14).
    const std::pair<size_t, size_t> match_units =
        s.UnitRange(Offset(s, g[0]), Offset(s, g[0]) + g[0].size());
    const size_t u0 = match_units.first;
    const size_t u1 = match_units.second;
    std::vector<const Mention*> used;                // a handful: a vector beats a set
    std::vector<std::pair<size_t, size_t>> content;  // units of captured text
    bool have_subject = false;
    const Mention* time_mention = nullptr;
    RuleFiring firing;
    if (trace_) {
      firing.rule = rule.id;
      firing.line = p.line;
    }
    for (size_t i = 0; i < p.captures.size(); ++i) {
      const re2::StringPiece& piece = g[i + 1];
      if (piece.data() == nullptr) continue;
      const SlotCapture& cap = p.captures[i];
      std::string rendered;
      if (cap.kind == SlotKind::kMention) {
        const Mention* m = CapturedMention(s, piece);
        if (m == nullptr) return false;
        used.push_back(m);
        if (m->kind == MentionKind::kDate) {
          st.time = m->time;
          time_mention = m;
          if (trace_) rendered = m->time.value;
        } else if (m->kind == MentionKind::kQuote) {
          const std::string_view q = s.Range(m->tok_begin + 1, m->tok_end - 1);
          st.text = std::string(q);
          if (trace_) rendered = "\"" + std::string(q) + "\"";
        } else {
          const EntityDef* def = SlotEntity(*m, cap);
          if (def == nullptr) return false;
          if (trace_) rendered = def->entity.id;
          switch (cap.role) {
            case SlotRole::kSubject:
              st.subject = Ref(def);
              have_subject = true;
              break;
            case SlotRole::kObject:
              st.object = Ref(def);
              break;
            case SlotRole::kRecipient:
              st.recipient = Ref(def);
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
        const auto [c0, c1] = s.UnitRange(Offset(s, piece), Offset(s, piece) + piece.size());
        if (cap.kind == SlotKind::kText) content.emplace_back(c0, c1);
        std::string text(s.UnitsText(c0, c1));
        // A word-list capture is the item that matched, in the list's (lower-case) form.
        if (cap.kind == SlotKind::kWords) text = CollapseSpace(AsciiLower(text));
        if (trace_) rendered = "\"" + text + "\"";
        if (cap.role == SlotRole::kText) st.text = std::move(text);
      }
      if (trace_) {
        firing.captures.emplace_back(std::string(internal::SlotRoleName(cap.role)), rendered);
      }
    }
    if (!have_subject) return false;
    // Self-relations ("Russia ... Russia") are noise, never claims.
    if (st.object && st.object->id == st.subject.id) return false;
    if (st.recipient && st.recipient->id == st.subject.id) return false;
    auto attach = [&](bool allowed, auto&& fits, auto&& assign, const char* role) {
      if (!allowed) return;
      const Mention* best = nullptr;
      size_t best_distance = 0;
      for (size_t u = 0; u < s.units.size(); ++u) {
        if (s.units[u].mention < 0) continue;
        const Mention& m = s.mentions[s.units[u].mention];
        if (!fits(m) || std::find(used.begin(), used.end(), &m) != used.end()) continue;
        const size_t d = u < u0 ? u0 - u : (u >= u1 ? u - u1 + 1 : 0);
        if (d > kAttachWindow) continue;
        if (best == nullptr || d < best_distance) {
          best = &m;
          best_distance = d;
        }
      }
      if (best == nullptr) return;
      used.push_back(best);
      assign(*best);
      if (!trace_) return;
      firing.captures.emplace_back(
          std::string(role) + " (attached)",
          best->kind == MentionKind::kDate ? best->time.value : best->entity->entity.id);
    };
    if (!st.time) {
      attach(
          rule.attach_time, [](const Mention& m) { return m.kind == MentionKind::kDate; },
          [&](const Mention& m) {
            st.time = m.time;
            time_mention = &m;
          },
          "time");
    }
    if (!st.event) {
      attach(
          rule.attach_event,
          [](const Mention& m) {
            return m.entity != nullptr && m.kind != MentionKind::kDemonym &&
                   m.entity->entity.type == EntityType::kEvent;
          },
          [&](const Mention& m) { st.event = Ref(m.entity); }, "event");
    }
    if (!st.place) {
      attach(
          rule.attach_place,
          [&](const Mention& m) {
            if (m.entity == nullptr || m.kind == MentionKind::kDemonym ||
                m.entity->entity.type != EntityType::kPlace) {
              return false;
            }
            // A place that stands for an actor bound in this statement is not where it happened.
            return !(m.acts_as != nullptr &&
                     (m.acts_as->entity.id == st.subject.id ||
                      (st.object && st.object->id == m.acts_as->entity.id)));
          },
          [&](const Mention& m) { st.place = Ref(m.entity); }, "place");
    }
    if (time_mention != nullptr && time_mention->relative) st.doc_date = doc_.doc_date;
    if (!st.time && rule.attach_document_date) {
      if (std::optional<TimeValue> t = ParseIsoDate(doc_.doc_date)) {
        st.time = std::move(*t);
        st.doc_date = doc_.doc_date;
        if (trace_) firing.captures.emplace_back("time (document date)", st.time->value);
      }
    }
    st.modality =
        rule.modality.has_value() ? *rule.modality : CueModality(rules_, s, u0, u1, content);
    c->length = g[0].size();
    c->priority = rule.priority;
    c->begin = Offset(s, g[0]);
    if (trace_) out->firings.push_back(std::move(firing));
    return true;
  }

  // --- Bookkeeping ---------------------------------------------------------------------------
  void CountMentions(const Tagged& s) {
    for (const Mention& m : s.mentions) {
      if (m.entity != nullptr) ++counts_[m.entity];
    }
  }

  void Entities(DocumentAnalysis* out) {
    std::map<std::string, Entity> entities;
    for (const auto& [def, count] : counts_) {
      Entity e = def->entity;
      e.mentions = count;
      entities[e.id] = std::move(e);
    }
    for (const SentenceAnalysis& sa : out->sentences) {
      for (const Statement& st : sa.statements) {
        for (const EntityRef* ref :
             {&st.subject, st.object ? &*st.object : nullptr,
              st.recipient ? &*st.recipient : nullptr, st.place ? &*st.place : nullptr,
              st.event ? &*st.event : nullptr}) {
          if (ref == nullptr || entities.count(ref->id) > 0) continue;
          if (const EntityDef* def = doc_.Find(ref->id)) {
            Entity e = def->entity;
            e.mentions = 0;
            entities[e.id] = std::move(e);
          }
        }
      }
    }
    for (auto& [id, e] : entities) {
      std::sort(e.aliases.begin(), e.aliases.end());
      e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
      out->entities.push_back(std::move(e));
    }
  }

  void Trace(const Tagged& s, SentenceAnalysis* out) {
    for (const Mention& m : s.mentions) {
      MentionTrace t;
      t.bytes = {s.tokens[m.tok_begin].begin, s.tokens[m.tok_end - 1].end};
      t.text = std::string(s.Range(m.tok_begin, m.tok_end));
      t.kind = std::string(MentionKindName(m.kind));
      if (m.entity != nullptr) {
        t.entity_id = m.entity->entity.id;
        t.label = m.entity->entity.label;
      }
      if (m.acts_as != nullptr) t.acts_as = m.acts_as->entity.id;
      t.via = m.via;
      t.time = m.time;
      out->mentions.push_back(std::move(t));
    }
    std::string tagged;
    for (const Unit& u : s.units) {
      if (!tagged.empty()) tagged += ' ';
      const std::string_view text = s.Range(u.tok_begin, u.tok_end);
      tagged += u.mention >= 0 ? MentionDisplay(s.mentions[u.mention], text) : std::string(text);
    }
    out->tagged = std::move(tagged);
  }

  std::string_view only_relation_;
  const CompiledRules& rules_;
  DocState doc_;
  bool trace_;
  std::map<const EntityDef*, uint64_t> counts_;
  // Prefilter's results: candidate patterns, and the word requirements met (met_[id] ==
  // stamp_) by the words of the sentence `looked_up_` (reset whenever a sentence's units are
  // rebuilt), with their index entries.
  std::vector<std::pair<uint32_t, uint32_t>> patterns_;
  std::vector<const internal::PatternWord*> word_uses_;
  std::vector<const internal::PatternWord*> kept_uses_;  // see Run
  const Tagged* looked_up_ = nullptr;
  std::vector<uint32_t> met_;
  uint32_t stamp_ = 0;
};

}  // namespace

DocumentAnalysis AnalyzeSentences(const RuleSet& rules, const std::vector<SentenceInput>& units,
                                  std::string_view doc_date, bool trace,
                                  std::string_view only_relation) {
  Analyzer analyzer(rules, doc_date, trace, only_relation);
  return analyzer.Run(units);
}

}  // namespace parley
