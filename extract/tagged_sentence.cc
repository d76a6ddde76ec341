#include "extract/tagged_sentence.h"

#include <cstring>

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
  for (int i = 0; kMentionLetters[i] != '\0'; ++i) {
    if (bit == (1u << i)) return kMentionLetters[i];
  }
  return '?';
}

// One case-insensitive group for the whole cue (spaces and [^ \x01] fold to themselves): RE2
// parses a (?i:) group per token 8% slower over the default rules' patterns.
std::string CueRegex(const Cue& cue) {
  std::string re = "(?i:";
  for (size_t i = 0; i < cue.tokens.size(); ++i) {
    re += RE2::QuoteMeta(cue.tokens[i]);
    if (cue.prefix && i + 1 == cue.tokens.size()) re += "[^ \\x01]*";
    re += " ";
  }
  return re + ")";
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

void SetLetters(Mention* m) {
  uint32_t first = 0, second = 0;
  switch (m->kind) {
    case MentionKind::kDemonym:
      first = kBitDemonym;
      break;
    case MentionKind::kDate:
      first = kBitDate;
      break;
    case MentionKind::kQuote:
      first = kBitQuote;
      break;
    default:
      first = EntityTypeBit(m->entity->entity.type);
      if (m->acts_as != nullptr) second = EntityTypeBit(m->acts_as->entity.type);
      break;
  }
  m->letters.assign(1, MentionLetter(first));
  if (second != 0) m->letters += MentionLetter(second);
  m->bits = first | second;
}

namespace {

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

}  // namespace

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
  const Token* const tokens = s->tokens.data();
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
  // A document's tagged sentences are all held until its last pass (extract/rule_matcher.cc):
  // give back what the worst-case sizing above left unused (half of them, on long documents).
  s->units.shrink_to_fit();
  s->unit_offsets.shrink_to_fit();
  s->tagged.shrink_to_fit();
  s->words.shrink_to_fit();
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
