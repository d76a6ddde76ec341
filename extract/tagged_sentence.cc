#include "extract/tagged_sentence.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "base/text.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

uint32_t EntityTypeBit(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return kBitPerson;
    case EntityType::kState:
      return kBitState;
    case EntityType::kOrganization:
      return kBitOrganization;
    case EntityType::kGroup:
      return kBitGroup;
    case EntityType::kPlace:
      return kBitPlace;
    case EntityType::kAgreement:
      return kBitAgreement;
    case EntityType::kEvent:
      return kBitEvent;
  }
  return kBitPerson;
}

char MentionLetter(uint32_t bit) {
  const int i = std::countr_zero(bit);
  return std::has_single_bit(bit) && i < static_cast<int>(sizeof(kMentionLetters) - 1)
             ? kMentionLetters[i]
             : '?';
}

namespace {

// What a word may be followed by on a marked string (tagged_sentence.h, "Marked word lists").
constexpr std::string_view kOptionalMark = "(?:\\x03[0-9a-z]*)?";

bool Ascii(std::string_view token) {
  return std::all_of(token.begin(), token.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether a pattern's token (lower-cased) may match a word unit that carries a mark: one that
// begins an item of a marked list, or, compared with (?i:) (`fold`), any non-ASCII token, which
// might fold to one.
bool MayCarryMark(std::string_view token, bool fold, const MarkedLists* marks) {
  if (marks == nullptr || marks->empty()) return false;
  return (fold && !Ascii(token)) || marks->MayBegin(token);
}

}  // namespace

// One case-insensitive group for the whole cue (spaces and [^ \x01] fold to themselves): RE2
// parses a (?i:) group per token 8% slower over the default rules' patterns.
std::string CueRegex(const Cue& cue, bool fold, const MarkedLists* marks) {
  std::string re = fold ? "(?i:" : "(?:";
  for (size_t i = 0; i < cue.tokens.size(); ++i) {
    re += RE2::QuoteMeta(cue.tokens[i]);
    if (cue.prefix && i + 1 == cue.tokens.size()) {
      re += "[^ \\x01]*";  // which a mark's bytes are too
    } else if (MayCarryMark(cue.tokens[i], fold, marks)) {
      re += kOptionalMark;
    }
    re += " ";
  }
  return re + ")";
}

namespace {

// The rest of `items` after their first `depth` tokens, which they share, as a tree of shared
// tokens (CueListRegex); false when an item that ends at `depth` precedes one that goes on.
// Sibling tokens whose rests are written the same share that rest and their space
// ("(?:defense|finance) minister "): siblings are different tokens, so at most one of them
// matches a word and the order between them prefers nothing.
bool AppendCueTree(const std::vector<const Cue*>& items, size_t depth, bool fold,
                   const MarkedLists* marks, std::string* re) {
  std::vector<std::pair<std::string_view, std::vector<const Cue*>>> groups;
  bool ends = false;
  for (const Cue* cue : items) {
    if (cue->tokens.size() == depth) {
      ends = true;
      continue;
    }
    if (ends) return false;
    const std::string_view token = cue->tokens[depth];
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const auto& group) { return group.first == token; });
    if (it == groups.end()) it = groups.insert(groups.end(), {token, {}});
    it->second.push_back(cue);
  }
  // (tokens, their rest) in the order of each rest's first token.
  std::vector<std::pair<std::vector<std::string_view>, std::string>> branches;
  for (const auto& [token, members] : groups) {
    std::string rest;
    if (!AppendCueTree(members, depth + 1, fold, marks, &rest)) return false;
    auto it = std::find_if(branches.begin(), branches.end(),
                           [&](const auto& branch) { return branch.second == rest; });
    if (it == branches.end()) it = branches.insert(branches.end(), {{}, std::move(rest)});
    it->first.push_back(token);
  }
  const bool alternation = branches.size() + (ends ? 1 : 0) > 1;
  if (alternation) *re += "(?:";
  for (size_t b = 0; b < branches.size(); ++b) {
    if (b > 0) *re += "|";
    // Siblings share their space: a program instruction less per token (RE2's build time
    // grows with the instructions).
    const std::vector<std::string_view>& tokens = branches[b].first;
    if (tokens.size() > 1) *re += "(?:";
    bool marked = false;
    for (size_t t = 0; t < tokens.size(); ++t) {
      if (t > 0) *re += "|";
      *re += RE2::QuoteMeta(tokens[t]);
      marked = marked || MayCarryMark(tokens[t], fold, marks);
    }
    if (tokens.size() > 1) *re += ")";
    // A sibling that begins no item never carries a mark: the others' option costs it nothing.
    if (marked) *re += kOptionalMark;
    *re += " ";
    *re += branches[b].second;
  }
  if (ends && !groups.empty()) *re += "|";
  if (alternation) *re += ")";
  return true;
}

bool Factorable(const std::vector<Cue>& cues, bool fold) {
  return std::all_of(cues.begin(), cues.end(), [&](const Cue& cue) {
    return !cue.prefix && !cue.tokens.empty() &&
           (!fold || std::all_of(cue.tokens.begin(), cue.tokens.end(),
                                 [](const std::string& t) { return Ascii(t); }));
  });
}

}  // namespace

std::string CueListRegex(const std::vector<Cue>& cues, bool fold, const MarkedLists* marks) {
  if (Factorable(cues, fold)) {
    std::vector<const Cue*> items;
    for (const Cue& cue : cues) items.push_back(&cue);
    std::string re = fold ? "(?i:" : "(?:";
    if (AppendCueTree(items, 0, fold, marks, &re)) return re + ")";
  }
  std::string re = "(?:";
  for (size_t i = 0; i < cues.size(); ++i) {
    if (i > 0) re += "|";
    re += CueRegex(cues[i], fold, marks);
  }
  return re + ")";
}

bool MarkableList(const std::vector<Cue>& cues) {
  if (cues.empty() || !Factorable(cues, /*fold=*/true)) return false;
  for (const Cue& cue : cues) {
    if (cue.tokens.size() > 9) return false;
  }
  std::vector<const Cue*> items;
  for (const Cue& cue : cues) items.push_back(&cue);
  std::string tree;
  return AppendCueTree(items, 0, /*fold=*/false, nullptr, &tree);
}

std::string MarkedListRegex(uint32_t list, const std::vector<Cue>& cues) {
  bool lengths[10] = {};
  size_t longest = 0;
  for (const Cue& cue : cues) {
    const size_t length = std::min<size_t>(cue.tokens.size(), 9);
    lengths[length] = true;
    longest = std::max(longest, length);
  }
  // The first unit: its text (no "\x03": Marked writes no marks then), "\x03", the marks of the
  // lists before this one, its letter; lazily past the digits of longer items to an item's
  // length, then the rest of the mark and the space; then the item's other units. A mark's
  // digits differ, so at each digit one length at most matches: the lengths nest, sharing their
  // other units ("(?:(?:3m U|2m) U|1m)"), and the lazy skip tries the digits in the mark's
  // order, the longest item first.
  std::string re = "[^ \\x03]+\\x03[0-9a-z]*?";
  re += static_cast<char>('a' + list);
  re += "[0-9]*?";
  std::string nest;
  for (size_t length = longest; length >= 1; --length) {
    std::string here(1, static_cast<char>('0' + length));
    here += "[0-9a-z]* ";
    if (length == longest) {
      nest = std::move(here);
    } else {
      nest = "(?:" + nest + "[^ ]+ " + (lengths[length] ? "|" + here : std::string()) + ")";
    }
  }
  return "(?:" + re + nest + ")";
}

MarkedLists::MarkedLists(std::vector<std::vector<Cue>> marked) : lists(std::move(marked)) {
  std::vector<std::pair<std::string, std::pair<uint32_t, uint32_t>>> firsts;
  for (uint32_t l = 0; l < lists.size(); ++l) {
    for (uint32_t i = 0; i < lists[l].size(); ++i) {
      if (!lists[l][i].tokens.empty()) firsts.push_back({lists[l][i].tokens[0], {l, i}});
    }
  }
  std::stable_sort(firsts.begin(), firsts.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [token, item] : firsts) {
    if (first_tokens.empty() || first_tokens.back() != token) {
      first_tokens.push_back(token);
      items_of_first.emplace_back();
    }
    items_of_first.back().push_back(item);
  }
  size_t size = kWordKeys;
  while (size < 2 * first_tokens.size()) size *= 2;
  slots.assign(size, kNoFirst);
  for (uint32_t k = 0; k < first_tokens.size(); ++k) {
    size_t slot = WordKey(first_tokens[k]);
    while (slots[slot] != kNoFirst) slot = (slot + 1) % size;
    slots[slot] = k;
  }
}

uint32_t MarkedLists::FirstIndex(std::string_view token) const {
  if (token.empty() || slots.empty()) return kNoFirst;
  const size_t size = slots.size();
  for (size_t slot = WordKey(token);; slot = (slot + 1) % size) {
    const uint32_t k = slots[slot];
    if (k == kNoFirst || first_tokens[k] == token) return k;
  }
}

std::string PlaceholderRegex(uint32_t bits) {
  std::string letters = "[";
  for (int i = 0; kMentionLetters[i] != '\0'; ++i) {
    if (bits & (1u << i)) letters += kMentionLetters[i];
  }
  letters += "]";
  return "\\x01[A-Z]*" + letters + "[A-Z]*[0-9]+\\x02 ";
}

std::string GapRegex(int max) { return "(?:[^ ]+ ){0," + std::to_string(max) + "}?"; }

std::string TextRegex() { return "(?:[^ ,;:.!?()][^ ]* ){1,20}"; }

std::string NameRegex() { return "(?:[A-Z][^ ]* ){1,4}"; }

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

namespace {

// The bits of a mention's letters, its type's first: SetLetters.
void LetterBits(const Mention& m, uint32_t* first, uint32_t* second) {
  *second = 0;
  switch (m.kind) {
    case MentionKind::kDemonym:
      *first = kBitDemonym;
      break;
    case MentionKind::kDate:
      *first = kBitDate;
      break;
    case MentionKind::kQuote:
      *first = kBitQuote;
      break;
    default:
      *first = EntityTypeBit(m.entity->entity.type);
      if (m.acts_as != nullptr) *second = EntityTypeBit(m.acts_as->entity.type);
      break;
  }
}

}  // namespace

void SetLetters(Mention* m) {
  uint32_t first = 0, second = 0;
  LetterBits(*m, &first, &second);
  m->letters = {MentionLetter(first), second != 0 ? MentionLetter(second) : '\0'};
  m->bits = first | second;
}

bool LettersCurrent(const Mention& m) {
  uint32_t first = 0, second = 0;
  LetterBits(m, &first, &second);
  return m.bits == (first | second) && m.letters[0] == MentionLetter(first) &&
         m.letters[1] == (second != 0 ? MentionLetter(second) : '\0');
}

namespace {

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

// The number of decimal digits of `value`.
size_t DecimalSize(size_t value) {
  size_t n = 1;
  while (value >= 10) {
    value /= 10;
    ++n;
  }
  return n;
}

}  // namespace

bool HoldsAsciiFoldingCharacter(std::string_view text) {
  return text.find("\xE2\x84\xAA") != std::string_view::npos ||
         text.find("\xC5\xBF") != std::string_view::npos;
}

void ClearForReuse(Tagged* s) {
  // Every field by name: a field added to Tagged stops this from compiling until it is cleared
  // here too.
  auto& [text, lower, tokens, mentions, inner, units, unit_offsets, tagged, folded, bits,
         folds_to_ascii, text_scanned, markers, ascii, words, pattern_words, dates, date, list_item,
         marked_lists, marked, word_units] = *s;
  text = {};
  lower.clear();
  tokens.clear();
  mentions.clear();
  inner.clear();
  units.clear();
  unit_offsets.clear();
  tagged.clear();
  folded.clear();
  bits = 0;
  folds_to_ascii = false;
  text_scanned = false;
  markers = false;
  ascii = false;
  words.clear();
  pattern_words.clear();
  dates.clear();
  date.clear();
  list_item = false;
  marked_lists = nullptr;
  marked.state = MarkedStrings::State::kUnknown;
  marked.tagged.clear();
  marked.folded.clear();
  marked.unit_offsets.clear();
  word_units.state = PatternWordUnits::State::kUnknown;
  word_units.units.clear();
}

void BuildUnits(Tagged* s) {
  const size_t n = s->tokens.size();
  for (Mention& m : s->mentions) SetLetters(&m);
  const Token* const tokens = s->tokens.data();
  const Mention* const mentions = s->mentions.data();
  const size_t mention_count = s->mentions.size();
  // A first pass over the mentions counts the units and bounds the strings' size, so that a
  // sentence allocates each output once (the document's tagged sentences are all held until
  // its last pass, extract/rule_matcher.cc): a mention that starts where the previous unit
  // ended is a unit of its own (the placeholder: 2 markers, its letters, its index); every
  // other token is a unit (its bytes: all of them at most the text's). Each unit is followed by
  // a space, and the string starts with one.
  if (!s->text_scanned) {
    const std::string_view all(s->text);
    s->markers = all.find_first_of("\x01\x02") != std::string_view::npos;
    s->folds_to_ascii = HoldsAsciiFoldingCharacter(all);
    s->ascii = std::all_of(all.begin(), all.end(), [](char c) { return (c & 0x80) == 0; });
    s->text_scanned = true;
  }
  size_t unit_count = n;
  size_t tagged_bound = 1 + n + s->text.size();
  {
    uint32_t t = 0;
    for (size_t i = 0; i < mention_count; ++i) {
      const Mention& m = mentions[i];
      if (m.tok_begin < t || m.tok_begin >= n) continue;
      unit_count -= m.tok_end - m.tok_begin - 1;
      tagged_bound += 3 + (m.letters[1] != '\0') + DecimalSize(i);
      t = m.tok_end;
    }
  }
  s->units.resize(unit_count);
  s->unit_offsets.resize(unit_count);
  // A word of at most 16 bytes is copied as 16 (below): room for the last one's spare bytes.
  constexpr size_t kWordCopy = 16;
  s->tagged.resize(tagged_bound + kWordCopy);
  s->folded.resize(tagged_bound + kWordCopy);
  char* const tagged = s->tagged.data();
  char* out = tagged;
  *out++ = ' ';
  // `folded` is `tagged` lower-cased but for the placeholders' letters: the same bytes at the
  // same offsets, a word unit's from `lower`.
  char* const folded = s->folded.data();
  folded[0] = ' ';
  const ptrdiff_t to_folded = folded - tagged;
  const char* const text = s->text.data();
  const char* const lower = s->lower.data();
  const size_t text_size = std::min(s->text.size(), s->lower.size());  // readable bytes
  Unit* const units = s->units.data();
  uint32_t* const unit_offsets = s->unit_offsets.data();
  uint32_t bits = 0;
  size_t u = 0;
  uint32_t t = 0;
  // The word units before each mention (or the end), then the mention; a mention that starts
  // inside the previous one (a quote's contents) is no unit.
  for (size_t next = 0; next <= mention_count; ++next) {
    const uint32_t stop =
        next < mention_count ? std::min<uint32_t>(mentions[next].tok_begin, n) : n;
    for (; t < stop; ++t) {
      unit_offsets[u] = static_cast<uint32_t>(out - tagged);
      units[u++] = {t, t + 1, -1};
      const uint32_t begin = tokens[t].begin;
      const size_t size = tokens[t].end - begin;
      if (size <= kWordCopy && begin + kWordCopy <= text_size) {
        // Most words: one move of 16 bytes each, without CopyTokenBytes' size dispatch; the
        // bytes past the word are written over by what follows it or cut off at the end.
        std::memcpy(out, text + begin, kWordCopy);
        std::memcpy(out + to_folded, lower + begin, kWordCopy);
      } else {
        CopyTokenBytes(out, text + begin, size);
        CopyTokenBytes(out + to_folded, lower + begin, size);
      }
      out += size;
      out[to_folded] = ' ';
      *out++ = ' ';
    }
    if (next == mention_count) break;
    const Mention& m = mentions[next];
    if (m.tok_begin < t || m.tok_begin >= n) continue;
    const size_t at = out - tagged;
    unit_offsets[u] = static_cast<uint32_t>(at);
    units[u++] = {m.tok_begin, m.tok_end, static_cast<int>(next)};
    *out++ = '\x01';
    *out++ = m.letters[0];
    if (m.letters[1] != '\0') *out++ = m.letters[1];
    out = WriteDecimal(next, out);
    *out++ = '\x02';
    *out++ = ' ';
    std::memcpy(folded + at, tagged + at, out - tagged - at);
    bits |= m.bits;
    t = m.tok_end;
  }
  const size_t size = out - tagged;
  // A token that is a marker byte is written '?' (in place: the same size); most sentences
  // hold none.
  if (s->markers) {
    for (size_t k = 0; k < u; ++k) {
      const Unit& unit = units[k];
      if (unit.mention >= 0) continue;
      const Token& token = tokens[unit.tok_begin];
      if (token.end - token.begin == 1 &&
          (text[token.begin] == '\x01' || text[token.begin] == '\x02')) {
        tagged[unit_offsets[k]] = '?';
        folded[unit_offsets[k]] = '?';
      }
    }
  }
  // The count above is exact and the bound holds; a sentence past it would have been written
  // past the buffers.
  if (u != unit_count || size > tagged_bound) {
    std::fputs("parley: internal error: BuildUnits sized a sentence wrongly\n", stderr);
    std::abort();
  }
  // The strings keep their bound's capacity: at most a byte of the text's white space, and the
  // 16 spare bytes, more than they hold.
  s->tagged.resize(size);
  s->folded.resize(size);
  s->bits = bits;
  s->marked.state = MarkedStrings::State::kUnknown;  // the units changed
  s->word_units.state = PatternWordUnits::State::kUnknown;
  // The vectors keep their capacity (a sentence is rebuilt, and reused: ClearForReuse).
}

namespace {

// The marks of s's word units (tagged_sentence.h, "Marked word lists"), one after another in
// `bytes`: (unit, end of its mark in `bytes`) for each unit that carries one, in order.
void FindMarks(const Tagged& s, const MarkedLists& lists, std::string* bytes,
               std::vector<std::pair<uint32_t, uint32_t>>* marks) {
  const size_t n = s.units.size();
  const Unit* const units = s.units.data();
  // The marks at word unit u, whose token is lists.first_tokens[k].
  const auto mark = [&](size_t u, uint32_t k) {
    // Per list, a bit per item length that matches here.
    uint32_t found[MarkedLists::kMaxLists] = {};
    bool any = false;
    for (const auto& [l, i] : lists.items_of_first[k]) {
      const std::vector<std::string>& tokens = lists.lists[l][i].tokens;
      if (u + tokens.size() > n || (found[l] & (1u << tokens.size())) != 0) continue;
      bool match = true;
      for (size_t j = 1; j < tokens.size() && match; ++j) {
        match = units[u + j].mention < 0 && s.LowerToken(units[u + j].tok_begin) == tokens[j];
      }
      if (!match) continue;
      found[l] |= 1u << tokens.size();
      any = true;
    }
    if (!any) return;
    *bytes += '\x03';
    for (size_t l = 0; l < lists.lists.size(); ++l) {
      if (found[l] == 0) continue;
      *bytes += static_cast<char>('a' + l);
      for (int length = 9; length >= 1; --length) {
        if (found[l] & (1u << length)) *bytes += static_cast<char>('0' + length);
      }
    }
    marks->emplace_back(static_cast<uint32_t>(u), static_cast<uint32_t>(bytes->size()));
  };
  const std::vector<uint32_t>& by_id = lists.first_of_pattern_word;
  const PatternWordUnits* const words = by_id.empty() ? nullptr : WordUnits(s);
  if (words == nullptr) {
    for (size_t u = 0; u < n; ++u) {
      if (units[u].mention >= 0) continue;
      const uint32_t k = lists.FirstIndex(s.LowerToken(units[u].tok_begin));
      if (k != MarkedLists::kNoFirst) mark(u, k);
    }
    return;
  }
  // Every first token is a pattern word (IndexPatternWords): only the sentence's pattern-word
  // units may begin an item.
  for (const PatternWordUnits::Entry& w : words->units) {
    if (w.id < by_id.size() && by_id[w.id] != MarkedLists::kNoFirst) mark(w.unit, by_id[w.id]);
  }
}

// `plain` with each unit's mark (FindMarks) after its text.
void WriteMarked(const std::string& plain, const std::vector<uint32_t>& offsets,
                 std::string_view bytes, const std::vector<std::pair<uint32_t, uint32_t>>& marks,
                 std::string* out) {
  out->clear();
  out->reserve(plain.size() + bytes.size());
  size_t from = 0, mark = 0;
  for (const auto& [u, mark_end] : marks) {
    // The unit's text ends at the space before the next unit (or the last space).
    const size_t end = (u + 1 < offsets.size() ? offsets[u + 1] : plain.size()) - 1;
    out->append(plain, from, end - from);
    out->append(bytes.substr(mark, mark_end - mark));
    mark = mark_end;
    from = end;
  }
  out->append(plain, from, plain.size() - from);
}

}  // namespace

const MarkedStrings* Marked(const Tagged& s) {
  MarkedStrings& m = s.marked;
  using State = MarkedStrings::State;
  if (m.state == State::kUnknown) {
    m.state = State::kNone;
    const MarkedLists* const lists = s.marked_lists;
    // A "\x03" of the text would read as a mark; a character that (?i:) folds to an ASCII letter
    // makes a word of `tagged` match an item that its `folded` spelling is not.
    if (lists != nullptr && !lists->empty() && s.text_scanned && !s.folds_to_ascii &&
        s.text.find('\x03') == std::string_view::npos) {
      static thread_local std::string bytes;
      static thread_local std::vector<std::pair<uint32_t, uint32_t>> marks;
      bytes.clear();
      marks.clear();
      FindMarks(s, *lists, &bytes, &marks);
      if (marks.empty()) {
        m.state = State::kPlain;
      } else {
        WriteMarked(s.tagged, s.unit_offsets, bytes, marks, &m.tagged);
        WriteMarked(s.folded, s.unit_offsets, bytes, marks, &m.folded);
        m.unit_offsets.resize(s.unit_offsets.size());
        size_t added = 0, next = 0;
        for (size_t u = 0; u < s.unit_offsets.size(); ++u) {
          m.unit_offsets[u] = static_cast<uint32_t>(s.unit_offsets[u] + added);
          if (next < marks.size() && marks[next].first == u) {
            added = marks[next++].second;  // the marks' bytes so far
          }
        }
        m.state = State::kMarked;
      }
    }
  }
  return m.state == State::kNone ? nullptr : &m;
}

const PatternWordUnits* WordUnits(const Tagged& s) {
  PatternWordUnits& w = s.word_units;
  using State = PatternWordUnits::State;
  if (w.state == State::kUnknown) {
    w.state = State::kNone;
    if (s.pattern_words.size() == s.tokens.size()) {
      // Sized for every unit, then cut: a push_back per unit costs more than the loop.
      const size_t n = s.units.size();
      w.units.resize(n);
      PatternWordUnits::Entry* const out = w.units.data();
      const Unit* const units = s.units.data();
      const uint32_t* const words = s.pattern_words.data();
      size_t k = 0;
      for (size_t u = 0; u < n; ++u) {
        if (units[u].mention >= 0) continue;
        const uint32_t id = words[units[u].tok_begin];
        if (id == kNoPatternWord) continue;
        out[k++] = {static_cast<uint32_t>(u), id};
      }
      w.units.resize(k);
      w.state = State::kKnown;
    }
  }
  return w.state == State::kKnown ? &w : nullptr;
}

const Mention* PlaceholderMention(const Tagged& s, const re2::StringPiece& piece) {
  size_t i = 0;
  while (i < piece.size() && !(piece[i] >= '0' && piece[i] <= '9')) ++i;
  size_t index = 0;
  while (i < piece.size() && piece[i] >= '0' && piece[i] <= '9') {
    index = index * 10 + static_cast<size_t>(piece[i] - '0');
    ++i;
  }
  return index < s.mentions.size() ? &s.mentions[index] : nullptr;
}

}  // namespace parley::internal
