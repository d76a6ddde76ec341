#include "extract/pattern_match.h"

#include <algorithm>
#include <cstring>

namespace parley::internal {
namespace {

// The word unit u's text in `folded`.
std::string_view FoldedWord(const Tagged& s, size_t u) {
  const size_t at = s.unit_offsets[u];
  const size_t end = (u + 1 < s.units.size() ? s.unit_offsets[u + 1] : s.folded.size()) - 1;
  return std::string_view(s.folded.data() + at, end - at);
}

// Whether word unit u is one of a pattern's words: `words` (sorted lower-cased tokens), as
// pattern words `ids`. A unit is compared by its token's pattern word (Tagged::pattern_words),
// an integer; a lone "\x01" or "\x02" token, no pattern word, by its spelling in `folded`, "?"
// (tagged_sentence.h).
inline bool UnitIsOneOf(const Tagged& s, size_t u, const PatternWordSet& ids,
                        const std::vector<std::string>& words) {
  const uint32_t id = s.pattern_words[s.units[u].tok_begin];
  if (id != kNoPatternWord) return ids.Contains(id);
  return s.folded[s.unit_offsets[u]] == '?' && FoldedWord(s, u) == "?" &&
         std::binary_search(words.begin(), words.end(), "?");
}

bool HasSecond(const CompiledPattern& pattern) {
  return pattern.second_bits != 0 || !pattern.second_words.empty() || pattern.second_name;
}

// Whether unit u may be a word of a {name} (NameRegex): a word unit starting with an ASCII
// capital, in `tagged`.
bool NameWordAt(const Tagged& s, size_t u) {
  const char c = s.tagged[s.unit_offsets[u]];
  return s.units[u].mention < 0 && c >= 'A' && c <= 'Z';
}

// Whether unit u may be the pattern's second element (CompiledPattern::second_bits,
// second_words, second_name), the first being one unit before it.
bool SecondAt(const CompiledPattern& pattern, const Tagged& s, size_t u) {
  if (!HasSecond(pattern)) return true;
  if (u >= s.units.size()) return false;
  const int mention = s.units[u].mention;
  if (mention >= 0) return (s.mentions[mention].bits & pattern.second_bits) != 0;
  if (pattern.second_name && NameWordAt(s, u)) return true;
  if (pattern.second_words.empty()) return false;
  if (pattern.cased) {
    // A pattern on the sentence as written compares its words with (?i:), which also folds the
    // Kelvin sign and the long s to k and s, and non-ASCII letters, which `folded` keeps as
    // written: such a unit is tried.
    if (s.folds_to_ascii) return true;
    const std::string_view word = FoldedWord(s, u);
    if (std::any_of(word.begin(), word.end(), [](char c) { return c & 0x80; })) return true;
  }
  return UnitIsOneOf(s, u, pattern.second_ids, pattern.second_words);
}

// Whether a {name} (NameRegex: 1 to 4 word units starting with an ASCII capital) may start at
// unit u, end at a unit at or after `first_end` and be followed by the pattern's second
// element.
bool NameMayStartAt(const CompiledPattern& pattern, const Tagged& s, size_t u, size_t first_end) {
  for (size_t k = u; k < u + 4 && k < s.units.size(); ++k) {
    if (!NameWordAt(s, k)) return false;
    if (k >= first_end && SecondAt(pattern, s, k + 1)) return true;
  }
  return false;
}

// One past the last unit a {name} starting at unit u may end at.
size_t NameEndsBefore(const Tagged& s, size_t u) {
  size_t k = u;
  while (k < u + 4 && k < s.units.size() && NameWordAt(s, k)) ++k;
  return k;
}

}  // namespace

bool NextMatch(const CompiledPattern& pattern, const Tagged& s, size_t pos,
               re2::StringPiece* groups, int n) {
  const re2::StringPiece input(pattern.cased ? s.tagged : s.folded);
  // A {name} start is tried anchored only where the second element follows a name: a sentence
  // has too many capitals to try every one (an unanchored search costs less than that).
  const bool names = pattern.start_name && HasSecond(pattern);
  if (pattern.start_name && !names) {
    return pattern.re->Match(input, pos, input.size(), RE2::UNANCHORED, groups, n);
  }
  if (pattern.start_bits == 0 && pattern.start_words.empty() && !names) {
    // No known start (a pattern that opens with a {text} slot or an optional element): tried
    // anchored at every space, which is where every match starts (kMatchStart; tokens hold no
    // space), in order, so the first match is the leftmost one an unanchored search finds. An
    // unanchored search of such a pattern builds DFA states at nearly every byte (a {text}
    // slot's counted repetition, begun again at each unit), about a million instructions a
    // search; anchored, the DFA's states repeat from unit to unit and sentence to sentence.
    const size_t first = std::lower_bound(s.unit_offsets.begin(), s.unit_offsets.end(), pos + 1) -
                         s.unit_offsets.begin();
    for (size_t u = first; u <= s.units.size(); ++u) {
      // The last space (after the last unit) starts only a match of optional elements alone.
      const size_t at = u < s.units.size() ? s.unit_offsets[u] - 1 : input.size() - 1;
      if (at < pos) continue;
      if (!pattern.re->Match(input, at, input.size(), RE2::ANCHOR_START, nullptr, 0)) continue;
      return pattern.re->Match(input, at, input.size(), RE2::ANCHOR_START, groups, n);
    }
    return false;
  }
  // Every match starts with " \x01" (a mention placeholder) of the right kind, or with one of
  // the pattern's start words. Trying those few starts in order, anchored, finds the same
  // leftmost match as an unanchored search, and far cheaper: an unanchored DFA tracks a thread
  // from every earlier position, so it meets new states all the time and builds them (most of
  // the matching cost), and it needs the reverse program to find where the match began. An
  // existence test without captures comes first because most starts fail.
  const size_t count = s.units.size();
  const uint32_t* const offsets = s.unit_offsets.data();
  const size_t first = std::lower_bound(offsets, offsets + count, pos + 1) - offsets;
  // Whether a match starts at the space before the unit at byte `at` (no captures), and that
  // match with its captures.
  const auto starts_at = [&](size_t at) {
    return pattern.re->Match(input, at - 1, input.size(), RE2::ANCHOR_START, nullptr, 0);
  };
  const auto match_at = [&](size_t at) {
    return pattern.re->Match(input, at - 1, input.size(), RE2::ANCHOR_START, groups, n);
  };
  // The loops below are one per kind of start: a pattern is tried at every unit of a sentence
  // (and the sentence at every pattern the prefilter selects), so what they test of each unit
  // is kept to a few loads.
  if (pattern.start_bits != 0) {
    // Only a placeholder starts with "\x01" (a word that is that byte alone is written "?"),
    // so the next one is found by memchr rather than unit by unit; a "\x01" inside a longer
    // token is at no unit's start and is passed over.
    const char* const data = input.data();
    size_t u = first;
    size_t from = u < count ? offsets[u] : input.size();
    while (from < input.size()) {
      const void* hit = std::memchr(data + from, '\x01', input.size() - from);
      if (hit == nullptr) return false;
      const size_t at = static_cast<const char*>(hit) - data;
      from = at + 1;
      u = std::lower_bound(offsets + u, offsets + count, at) - offsets;
      if (u == count) return false;
      if (offsets[u] != at) continue;
      const int mention = s.units[u].mention;
      if (mention >= 0 && (s.mentions[mention].bits & pattern.start_bits) == 0) continue;
      if (!SecondAt(pattern, s, u + 1)) continue;
      if (starts_at(at)) return match_at(at);
    }
    return false;
  }
  if (names) {
    // A {name} start: what follows a name ending at a unit depends only on that unit, so once
    // no match starts at unit u, no name ending where one from u may end is followed by a
    // match, and later starts are tried only for names ending after those (not again for the
    // "Biden" of "Joe Biden").
    size_t name_ends_from = 0;
    for (size_t u = first; u < count; ++u) {
      if (!NameWordAt(s, u) || !NameMayStartAt(pattern, s, u, name_ends_from)) continue;
      if (starts_at(offsets[u])) return match_at(offsets[u]);
      name_ends_from = NameEndsBefore(s, u);
    }
    return false;
  }
  // Start words. A pattern on the sentence as written compares its words with (?i:), which
  // also folds the Kelvin sign and the long s to k and s, so in a sentence holding one every
  // word unit is tried.
  const bool every_word = pattern.cased && s.folds_to_ascii;
  const Unit* const units = s.units.data();
  const uint32_t* const words = s.pattern_words.data();
  for (size_t u = first; u < count; ++u) {
    if (units[u].mention >= 0) continue;
    if (!every_word) {
      const uint32_t id = words[units[u].tok_begin];
      if (id != kNoPatternWord ? !pattern.start_ids.Contains(id)
                               : !UnitIsOneOf(s, u, pattern.start_ids, pattern.start_words)) {
        continue;
      }
    }
    if (!SecondAt(pattern, s, u + 1)) continue;
    if (starts_at(offsets[u])) return match_at(offsets[u]);
  }
  return false;
}

const EntityDef* SlotEntity(const Mention& m, const SlotCapture& c) {
  if (m.entity == nullptr) return nullptr;
  if (c.actor && m.acts_as != nullptr) return m.acts_as;
  if (EntityTypeBit(m.entity->entity.type) & c.bits) return m.entity;
  return m.acts_as != nullptr ? m.acts_as : m.entity;
}

EntityRef Ref(const EntityDef* def) {
  return EntityRef{def->entity.id, def->entity.label, def->entity.type};
}

}  // namespace parley::internal
