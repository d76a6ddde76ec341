#include "extract/pattern_match.h"

#include <algorithm>
#include <cstring>

namespace parley::internal {
namespace {

bool HasSecond(const CompiledPattern& pattern) {
  return pattern.second_bits != 0 || !pattern.second_words.empty() || pattern.second_name;
}

// The unit tests of NextMatch for one pattern over one sentence. The scans test most units of
// a sentence for every pattern the prefilter leaves: the sentence's arrays are read once here
// (through the Tagged, each test would load every vector's data and size again: the RE2 calls
// between them may, for all the compiler knows, change them).
class StartScan {
 public:
  StartScan(const CompiledPattern& pattern, const Tagged& s)
      : pattern_(pattern),
        s_(s),
        units_(s.units.data()),
        offsets_(s.unit_offsets.data()),
        n_(s.units.size()),
        tagged_(s.tagged.data()),
        folded_(s.folded.data()),
        folded_size_(s.folded.size()),
        pattern_words_(s.pattern_words.data()),
        mentions_(s.mentions.data()),
        has_second_(HasSecond(pattern)) {}

  size_t size() const { return n_; }

  // Whether unit u may be a word of a {name} (NameRegex): a word unit starting with an ASCII
  // capital, in `tagged`.
  bool NameWordAt(size_t u) const {
    const char c = tagged_[offsets_[u]];
    return units_[u].mention < 0 && c >= 'A' && c <= 'Z';
  }

  // Whether unit u may be the pattern's second element (CompiledPattern::second_bits,
  // second_words, second_name), the first ending one unit before it, and the units after it
  // what CompiledPattern::then says they are.
  bool SecondAt(size_t u) const {
    if (!has_second_) return true;
    if (!UnitMayBe(u, pattern_.second_bits, pattern_.second_ids, pattern_.second_words,
                   pattern_.second_name)) {
      return false;
    }
    for (const UnitCheck& unit : pattern_.then) {
      if (!UnitMayBe(++u, unit.bits, unit.ids, unit.words, unit.name)) return false;
    }
    return true;
  }

  // Whether unit u may be a mention of one of `bits`, a word unit starting with an ASCII
  // capital (`name`) or one of `words` (as pattern words `ids`).
  bool UnitMayBe(size_t u, uint32_t bits, const PatternWordSet& ids,
                 const std::vector<std::string>& words, bool name) const {
    if (u >= n_) return false;
    const int mention = units_[u].mention;
    if (mention >= 0) return (mentions_[mention].bits & bits) != 0;
    if (name && NameWordAt(u)) return true;
    if (words.empty()) return false;
    if (pattern_.cased) {
      // A pattern on the sentence as written compares its words with (?i:), which also folds the
      // Kelvin sign and the long s to k and s, and non-ASCII letters, which `folded` keeps as
      // written: such a unit is tried.
      if (s_.folds_to_ascii) return true;
      const std::string_view word = FoldedWord(u);
      if (std::any_of(word.begin(), word.end(), [](char c) { return c & 0x80; })) return true;
    }
    return UnitIsOneOf(u, ids, words);
  }

  // Whether a {name} (NameRegex: 1 to 4 word units starting with an ASCII capital) may start at
  // unit u, end at a unit at or after `first_end` and be followed by the pattern's second
  // element. The scan looks at each unit from up to four starts: SecondAt is remembered for
  // the last few units.
  bool NameMayStartAt(size_t u, size_t first_end) {
    for (size_t k = u; k < u + 4 && k < n_; ++k) {
      if (!NameWordAt(k)) return false;
      if (k >= first_end && SecondAfter(k)) return true;
    }
    return false;
  }

  // One past the last unit a {name} starting at unit u may end at.
  size_t NameEndsBefore(size_t u) const {
    size_t k = u;
    while (k < u + 4 && k < n_ && NameWordAt(k)) ++k;
    return k;
  }

  // Whether a match of the pattern (which has start words) may start at unit `u`: a word unit
  // that is one of them, followed by what may be the second element. A pattern on the sentence
  // as written compares its words with (?i:), which also folds the Kelvin sign and the long s
  // to k and s, so in a sentence holding one every word unit is tried.
  bool MayStartAt(size_t u) const {
    if (units_[u].mention >= 0) return false;
    if (!(pattern_.cased && s_.folds_to_ascii) &&
        !UnitIsOneOf(u, pattern_.start_ids, pattern_.start_words)) {
      return false;
    }
    return SecondAt(u + 1);
  }

  // Whether a match of the pattern (which has start bits) may start at unit `u`: a mention of
  // one of the start bits, followed by what may be the second element.
  bool MentionMayStartAt(size_t u) const {
    if (tagged_[offsets_[u]] != '\x01') return false;
    const int mention = units_[u].mention;
    if (mention >= 0 && (mentions_[mention].bits & pattern_.start_bits) == 0) return false;
    return SecondAt(u + 1);
  }

 private:
  // The word unit u's text in `folded`.
  std::string_view FoldedWord(size_t u) const {
    const size_t at = offsets_[u];
    const size_t end = (u + 1 < n_ ? offsets_[u + 1] : folded_size_) - 1;
    return std::string_view(folded_ + at, end - at);
  }

  // Whether word unit u is one of a pattern's words: `words` (sorted lower-cased tokens), as
  // pattern words `ids`. A unit is compared by its token's pattern word
  // (Tagged::pattern_words), an integer; a lone "\x01" or "\x02" token, no pattern word, by its
  // spelling in `folded`, "?" (tagged_sentence.h).
  bool UnitIsOneOf(size_t u, const PatternWordSet& ids,
                   const std::vector<std::string>& words) const {
    const uint32_t id = pattern_words_[units_[u].tok_begin];
    if (id != kNoPatternWord) return ids.Contains(id);
    return folded_[offsets_[u]] == '?' && FoldedWord(u) == "?" &&
           std::binary_search(words.begin(), words.end(), "?");
  }

  // SecondAt(k + 1), remembered for the last units asked.
  bool SecondAfter(size_t k) {
    Memo& memo = memo_[k % kMemo];
    if (memo.unit != k) {
      memo.unit = k;
      memo.second = SecondAt(k + 1);
    }
    return memo.second;
  }

  static constexpr size_t kMemo = 8;
  struct Memo {
    size_t unit = static_cast<size_t>(-1);
    bool second = false;
  };

  const CompiledPattern& pattern_;
  const Tagged& s_;
  const Unit* const units_;
  const uint32_t* const offsets_;
  const size_t n_;
  const char* const tagged_;
  const char* const folded_;
  const size_t folded_size_;
  const uint32_t* const pattern_words_;
  const Mention* const mentions_;
  const bool has_second_;
  Memo memo_[kMemo];
};

// The captures of `whole`, a match of `pattern` (which has capture_units) in `input`, the
// sentence's tagged or folded string, read off its units into groups[0..n) as RE2 would write
// them. False, writing nothing, when the match does not span whole units (every match does: RE2
// is then asked for the captures).
bool CapturesFromUnits(const CompiledPattern& pattern, const Tagged& s, re2::StringPiece input,
                       const uint32_t* offsets, re2::StringPiece whole, re2::StringPiece* groups,
                       int n) {
  const size_t units = s.units.size();
  // Where unit u starts (the end for u = units): a match starts at the space before its first
  // unit and ends after its last unit's space.
  const auto byte = [&](size_t u) -> size_t { return u < units ? offsets[u] : input.size(); };
  const size_t begin = whole.data() - input.data() + 1;
  const size_t end = begin - 1 + whole.size();
  const size_t first = std::lower_bound(offsets, offsets + units, begin) - offsets;
  const size_t last = std::lower_bound(offsets, offsets + units, end) - offsets;
  if (byte(first) != begin || byte(last) != end || last < first) return false;
  const auto unit = [&](int32_t count) -> size_t {
    return count >= 0 ? first + static_cast<size_t>(count) : last - static_cast<size_t>(~count);
  };
  const size_t captures = pattern.capture_units.size();
  for (size_t i = 0; i < captures; ++i) {
    const size_t b = unit(pattern.capture_units[i].begin);
    const size_t e = unit(pattern.capture_units[i].end);
    if (b < first || e > last || e < b) return false;
  }
  if (n > 0) groups[0] = whole;
  for (int g = 1; g < n; ++g) {
    if (static_cast<size_t>(g) > captures) {
      groups[g] = re2::StringPiece();
      continue;
    }
    const CaptureUnits& c = pattern.capture_units[g - 1];
    const size_t b = byte(unit(c.begin));
    groups[g] = re2::StringPiece(input.data() + b, byte(unit(c.end)) - b);
  }
  return true;
}

// Where byte `x` of a marked string, a match's or capture's bound, is in the plain one: every
// bound is a unit's start, the space before it, or the last space or end. False elsewhere.
bool ToPlain(const Tagged& s, const MarkedStrings& m, size_t size, size_t x, size_t* out) {
  const size_t plain = s.tagged.size();
  if (x == size || x + 1 == size) {
    *out = plain - (size - x);
    return true;
  }
  const uint32_t* const offsets = m.unit_offsets.data();
  const size_t units = m.unit_offsets.size();
  const size_t u = std::lower_bound(offsets, offsets + units, x) - offsets;
  if (u == units) return false;
  if (offsets[u] == x) {
    *out = s.unit_offsets[u];
  } else if (offsets[u] == x + 1) {
    *out = s.unit_offsets[u] - 1;
  } else {
    return false;
  }
  return true;
}

// The program a pattern runs on a sentence and the strings it reads: the plain ones, or, for a
// pattern that names a marked list, the marked ones (tagged_sentence.h, "Marked word lists").
// Chosen when a start first passes the unit tests: most sentences that a pattern is tried on
// pass none, and need no marks.
class Program {
 public:
  Program(const CompiledPattern& pattern, const Tagged& s, bool marks)
      : pattern_(pattern), s_(s), marks_(marks && pattern.marked.has_value()) {}

  void Choose() {
    if (re_ != nullptr) return;
    const MarkedStrings* const m = marks_ ? Marked(s_) : nullptr;
    input_ = re2::StringPiece(pattern_.cased ? s_.tagged : s_.folded);
    offsets_ = s_.unit_offsets.data();
    if (m == nullptr) {
      re_ = pattern_.re.operator->();
      return;
    }
    re_ = pattern_.marked.operator->();
    if (m->state == MarkedStrings::State::kMarked) {
      marked_ = m;
      input_ = re2::StringPiece(pattern_.cased ? m->tagged : m->folded);
      offsets_ = m->unit_offsets.data();
    }
  }
  const RE2* re() const { return re_; }
  re2::StringPiece input() const { return input_; }
  const uint32_t* offsets() const { return offsets_; }
  // The space before unit u (the last space for u = the unit count).
  size_t SpaceBefore(size_t u) const {
    return (u < s_.units.size() ? offsets_[u] : input_.size()) - 1;
  }
  // Groups of a match in `input` as the same units of the plain string; false (writing
  // nothing) when a bound is no unit's.
  bool ToPlainGroups(re2::StringPiece* groups, int n) const {
    if (marked_ == nullptr) return true;
    const re2::StringPiece plain(pattern_.cased ? s_.tagged : s_.folded);
    re2::StringPiece out[16];
    if (n > 16) return false;
    for (int g = 0; g < n; ++g) {
      if (groups[g].data() == nullptr) continue;
      const size_t b = groups[g].data() - input_.data();
      size_t pb = 0, pe = 0;
      if (!ToPlain(s_, *marked_, input_.size(), b, &pb) ||
          !ToPlain(s_, *marked_, input_.size(), b + groups[g].size(), &pe) || pe < pb) {
        return false;
      }
      out[g] = re2::StringPiece(plain.data() + pb, pe - pb);
    }
    std::copy(out, out + n, groups);
    return true;
  }

 private:
  const CompiledPattern& pattern_;
  const Tagged& s_;
  const bool marks_;
  const RE2* re_ = nullptr;
  re2::StringPiece input_;
  const uint32_t* offsets_ = nullptr;
  const MarkedStrings* marked_ = nullptr;  // kMarked strings in use
};

enum class Found { kNone, kMatch, kUnmapped };

// NextMatch, on the marked strings where `marks` allows and the pattern names a marked list;
// kUnmapped when a marked match's bounds were no unit's (not reached: the plain program then
// decides).
Found MatchIn(const CompiledPattern& pattern, const Tagged& s, size_t pos, re2::StringPiece* groups,
              int n, bool marks) {
  Program program(pattern, s, marks);
  const size_t units = s.units.size();
  const uint32_t* const offsets = s.unit_offsets.data();
  const size_t first = std::lower_bound(offsets, offsets + units, pos + 1) - offsets;
  // A {name} start is tried anchored only where the second element follows a name: a sentence
  // has too many capitals to try every one (an unanchored search costs less than that).
  const bool names = pattern.start_name && HasSecond(pattern);
  if (pattern.start_name && !names) {
    program.Choose();
    // Every match starts at a space (kMatchStart): on the marked strings, from the first at or
    // after `pos` in the plain one.
    const size_t from = program.offsets() == offsets ? pos : program.SpaceBefore(first);
    if (!program.re()->Match(program.input(), from, program.input().size(), RE2::UNANCHORED, groups,
                             n)) {
      return Found::kNone;
    }
    return program.ToPlainGroups(groups, n) ? Found::kMatch : Found::kUnmapped;
  }
  // Whether a match starts at the space before unit u (the last space for u = units), with its
  // captures. Most starts fail, so RE2 is asked first whether one matches there at all,
  // without captures; where the units fix the captures (capture_units) it is asked for the
  // match alone, and they are read off its units.
  const bool from_units = !pattern.capture_units.empty() && n > 0;
  const auto match_from = [&](size_t u) -> Found {
    program.Choose();
    const RE2* const re = program.re();
    const re2::StringPiece input = program.input();
    const size_t at = program.SpaceBefore(u);
    bool found = false;
    if (from_units) {
      re2::StringPiece whole;
      if (!re->Match(input, at, input.size(), RE2::ANCHOR_START, &whole, 1)) return Found::kNone;
      found = CapturesFromUnits(pattern, s, input, program.offsets(), whole, groups, n);
    } else if (!re->Match(input, at, input.size(), RE2::ANCHOR_START, nullptr, 0)) {
      return Found::kNone;
    }
    if (!found) found = re->Match(input, at, input.size(), RE2::ANCHOR_START, groups, n);
    if (!found) return Found::kNone;
    return program.ToPlainGroups(groups, n) ? Found::kMatch : Found::kUnmapped;
  };
  if (pattern.start_bits == 0 && pattern.start_words.empty() && !names) {
    // No known start (a pattern that opens with a {text} slot or an optional element): tried
    // anchored at every space, which is where every match starts (kMatchStart; tokens hold no
    // space), in order, so the first match is the leftmost one an unanchored search finds. An
    // unanchored search of such a pattern builds DFA states at nearly every byte (a {text}
    // slot's counted repetition, begun again at each unit), about a million instructions a
    // search; anchored, the DFA's states repeat from unit to unit and sentence to sentence.
    const size_t size = s.tagged.size();
    for (size_t u = first; u <= units; ++u) {
      // The last space (after the last unit) starts only a match of optional elements alone.
      const size_t at = u < units ? offsets[u] - 1 : size - 1;
      if (at < pos) continue;
      if (const Found f = match_from(u); f != Found::kNone) return f;
    }
    return Found::kNone;
  }
  // Every match starts with " \x01" (a mention placeholder) of the right kind, or with one of
  // the pattern's start words. Trying those few starts in order, anchored, finds the same
  // leftmost match as an unanchored search, and far cheaper: an unanchored DFA tracks a thread
  // from every earlier position, so it meets new states all the time and builds them (most of
  // the matching cost), and it needs the reverse program to find where the match began
  // (match_from: an existence test first, or the match alone). The units are tested on the
  // plain strings.
  StartScan scan(pattern, s);
  // One loop per kind of start, each testing only what its kind needs of a unit.
  if (pattern.start_bits != 0) {
    // Only a placeholder starts with "\x01" (a word that is that byte alone is written "?"), so
    // the next one is found by memchr rather than unit by unit; a "\x01" inside a longer token
    // is at no unit's start and is passed over.
    const char* const data = s.tagged.data();
    const size_t size = s.tagged.size();
    size_t u = first;
    size_t from = u < units ? offsets[u] : size;
    while (from < size) {
      const void* hit = std::memchr(data + from, '\x01', size - from);
      if (hit == nullptr) return Found::kNone;
      const size_t at = static_cast<const char*>(hit) - data;
      from = at + 1;
      u = std::lower_bound(offsets + u, offsets + units, at) - offsets;
      if (u == units) return Found::kNone;
      if (offsets[u] != at || !scan.MentionMayStartAt(u)) continue;
      if (const Found f = match_from(u); f != Found::kNone) return f;
    }
    return Found::kNone;
  }
  // The sentence's pattern-word units (WordUnits), where a start test may look instead of at
  // every unit: null where a unit that is no pattern word may pass a word test (UnitMayBe,
  // UnitIsOneOf: a marker token written "?"; for a pattern on `tagged`, a character that (?i:)
  // folds to ASCII, or, for its second word, a word outside ASCII).
  const PatternWordUnits* index = s.markers ? nullptr : WordUnits(s);
  if (index != nullptr && pattern.cased && (s.folds_to_ascii || !s.ascii)) index = nullptr;
  if (names) {
    // A {name} start: what follows a name ending at a unit depends only on that unit, so once
    // no match starts at unit u, no name ending where one from u may end is followed by a
    // match, and later starts are tried only for names ending after those (not again for the
    // "Biden" of "Joe Biden").
    size_t name_ends_from = 0;
    // A second element of words alone: a name starting at unit u (1 to 4 units) is followed by
    // it only when one of units u + 1 to u + 4 is one of the words, so the units before the
    // next such unit less four are passed over.
    const bool seconds = index != nullptr && pattern.second_bits == 0 && !pattern.second_name &&
                         !pattern.second_words.empty();
    const PatternWordUnits::Entry* const indexed = seconds ? index->units.data() : nullptr;
    const size_t indexed_size = seconds ? index->units.size() : 0;
    size_t next = 0;  // indexed[next]: the first unit after u that may be the second
    for (size_t u = first; u < units; ++u) {
      if (seconds) {
        while (next < indexed_size &&
               (indexed[next].unit <= u || !pattern.second_ids.Contains(indexed[next].id))) {
          ++next;
        }
        if (next == indexed_size) return Found::kNone;
        const size_t second = indexed[next].unit;
        u = std::max<size_t>(u, second - std::min<size_t>(second, 4));
      }
      if (!scan.NameWordAt(u) || !scan.NameMayStartAt(u, name_ends_from)) continue;
      if (const Found f = match_from(u); f != Found::kNone) return f;
      name_ends_from = scan.NameEndsBefore(u);
    }
    return Found::kNone;
  }
  if (index != nullptr) {
    // Only a word unit whose pattern word is a start word may start a match (MayStartAt): the
    // sentence's pattern-word units, a little over half its units, are tested by id alone.
    for (const PatternWordUnits::Entry& e : index->units) {
      if (e.unit < first || !pattern.start_ids.Contains(e.id) || !scan.SecondAt(e.unit + 1)) {
        continue;
      }
      if (const Found f = match_from(e.unit); f != Found::kNone) return f;
    }
    return Found::kNone;
  }
  for (size_t u = first; u < units; ++u) {
    if (!scan.MayStartAt(u)) continue;
    if (const Found f = match_from(u); f != Found::kNone) return f;
  }
  return Found::kNone;
}

}  // namespace

bool NextMatch(const CompiledPattern& pattern, const Tagged& s, size_t pos,
               re2::StringPiece* groups, int n) {
  const Found found = MatchIn(pattern, s, pos, groups, n, /*marks=*/true);
  if (found != Found::kUnmapped) return found == Found::kMatch;
  return MatchIn(pattern, s, pos, groups, n, /*marks=*/false) == Found::kMatch;
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
