#include "base/text.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>

namespace parley {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The 8 bytes at p as one word (memcpy: unaligned and aliasing-safe).
uint64_t Load64(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof(word));
  return word;
}

constexpr uint64_t kHighBits = 0x8080808080808080ull;

// Length of the run of ASCII bytes at text[pos, ...), checked 32 bytes at a time (runs of
// prose are long), then 8.
size_t AsciiRunEnd(std::string_view text, size_t pos) {
  const size_t n = text.size();
  const char* const p = text.data();
  while (pos + 32 <= n &&
         ((Load64(p + pos) | Load64(p + pos + 8) | Load64(p + pos + 16) | Load64(p + pos + 24)) &
          kHighBits) == 0) {
    pos += 32;
  }
  while (pos + 8 <= n && (Load64(text.data() + pos) & kHighBits) == 0) pos += 8;
  while (pos < n && static_cast<unsigned char>(text[pos]) < 0x80) ++pos;
  return pos;
}

// ASCII folding for Latin-1 Supplement and Latin Extended-A letters (U+00C0..U+017F).
// Index = cp - 0xC0. Empty string: not a letter we fold (kept as-is).
const char* const kLatinFold[] = {
    // U+00C0..U+00FF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",  //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  //
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",   //
    // U+0100..U+017F
    "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",    //
    "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",    //
    "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",    //
    "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  //
    "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",    //
    "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  //
    "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",    //
    "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",    //
};

// Visible spaces plus the zero-width ones, which separate words as far as trimming goes.
bool IsUnicodeSpace(char32_t cp) { return IsVisibleSpace(cp) || cp == 0x200B || cp == 0xFEFF; }

}  // namespace

bool IsVisibleSpace(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  const size_t i = *pos;
  const unsigned char c = s[i];
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  size_t len;
  char32_t cp;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return kReplacementChar;
  }
  if (i + len > n) {
    *pos = i + 1;
    return kReplacementChar;
  }
  for (size_t k = 1; k < len; ++k) {
    if (!IsContinuation(s[i + k])) {
      *pos = i + 1;
      return kReplacementChar;
    }
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return kReplacementChar;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t before = pos;
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      pos = AsciiRunEnd(text, pos + 1);
      continue;
    }
    if (DecodeUtf8(text, &pos) == kReplacementChar) {
      // U+FFFD itself is valid (3 bytes); a replacement from bad input advanced one byte.
      if (pos - before == 1) return false;
    }
  }
  return true;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    DecodeUtf8(text, &pos);
    ++count;
  }
  return count;
}

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  checkpoints_.reserve(text.size() / 64 + 2);
  uint64_t cps = 0;
  size_t pos = 0;
  size_t next_checkpoint = 0;
  while (pos < text.size()) {
    while (next_checkpoint <= pos) {
      // A checkpoint inside a sequence records the code point that started before it.
      checkpoints_.push_back(cps - (next_checkpoint < pos ? 1 : 0));
      next_checkpoint += 64;
    }
    // An ASCII run up to the next checkpoint is one code point per byte.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      const size_t run = AsciiRunEnd(text.substr(0, std::min(next_checkpoint, text.size())), pos);
      cps += run - pos;
      pos = run;
      continue;
    }
    DecodeUtf8(text, &pos);
    ++cps;
  }
  while (next_checkpoint <= text.size()) {
    checkpoints_.push_back(cps);
    next_checkpoint += 64;
  }
}

uint64_t CodePointIndex::ToCodePoint(uint64_t byte) const {
  const uint64_t block = byte / 64;
  uint64_t cps = checkpoints_[block];
  size_t pos = block * 64;
  // Realign to the start of a sequence: the checkpoint counted the sequence that covers it.
  if (pos > 0 && pos < text_.size() && IsContinuation(static_cast<unsigned char>(text_[pos]))) {
    while (pos < text_.size() && IsContinuation(static_cast<unsigned char>(text_[pos]))) ++pos;
    ++cps;
    if (pos > byte) return cps - 1;
  }
  while (pos < byte) {
    if (static_cast<unsigned char>(text_[pos]) < 0x80) {
      const size_t run = AsciiRunEnd(text_.substr(0, byte), pos);
      cps += run - pos;
      pos = run;
      continue;
    }
    DecodeUtf8(text_, &pos);
    if (pos > byte) return cps;  // byte is inside this sequence
    ++cps;
  }
  return cps;
}

std::string QuoteAtMost(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t end = max_bytes;
  // Back up over continuation bytes so a multi-byte character is never cut.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = AsciiLowerByte(c);
  return out;
}

std::vector<std::string_view> SplitNonEmpty(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  // At most one piece more than separators: one allocation instead of the vector's doublings.
  pieces.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), separator)) + 1);
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) pieces.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return pieces;
}

void AppendSlug(std::string_view text, std::string* slug) {
  std::string& out = *slug;
  const size_t start_size = out.size();  // the slug's own first byte
  bool pending_dash = false;
  size_t pos = 0;
  // The text's ASCII start (most labels are all ASCII), written in place: never longer than the
  // text, as a dash stands for at least one separator. The same cases as the loop below.
  out.resize(start_size + text.size());
  char* const begin = out.data() + start_size;
  char* end = begin;
  for (; pos < text.size(); ++pos) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte >= 0x80) break;
    const char c = AsciiLowerByte(static_cast<char>(byte));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (pending_dash && end != begin) *end++ = '-';
      pending_dash = false;
      *end++ = c;
    } else if (c != '\'' && c != '.') {
      pending_dash = true;
    }
  }
  out.resize(static_cast<size_t>(end - out.data()));
  auto emit = [&](std::string_view piece) {
    if (pending_dash && out.size() > start_size) out.push_back('-');
    pending_dash = false;
    out.append(piece);
  };
  while (pos < text.size()) {
    const size_t start = pos;
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80) {
      // ASCII, byte by byte (most labels are): the cases below for a one-byte code point.
      ++pos;
      const char c = AsciiLowerByte(static_cast<char>(byte));
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (pending_dash && out.size() > start_size) out.push_back('-');
        pending_dash = false;
        out.push_back(c);
      } else if (c != '\'' && c != '.') {
        pending_dash = true;
      }
      continue;
    }
    const char32_t cp = DecodeUtf8(text, &pos);
    if (cp >= 0xC0 && cp <= 0x17F && kLatinFold[cp - 0xC0][0] != '\0') {
      emit(kLatinFold[cp - 0xC0]);
    } else if (cp == '\'' || cp == 0x2019 || cp == '.') {
      // "O'Brien" -> "obrien", "U.S." -> "us": joiners, not separators.
    } else if (cp >= 0x250 && cp != kReplacementChar && !IsUnicodeSpace(cp) &&
               !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F)) {
      emit(text.substr(start, pos - start));
    } else {
      pending_dash = true;
    }
  }
}

std::string Slugify(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendSlug(text, &out);
  return out;
}

std::string_view TrimSpace(std::string_view text) {
  // Most texts start and end with an ASCII character that is no space: nothing to trim.
  auto ascii_word = [](unsigned char c) { return c > ' ' && c < 0x80; };
  if (!text.empty() && ascii_word(text.front()) && ascii_word(text.back())) return text;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t pos = begin;
    if (!IsUnicodeSpace(DecodeUtf8(text, &pos))) break;
    begin = pos;
  }
  size_t end = text.size();
  while (end > begin) {
    size_t start = end - 1;
    while (start > begin && IsContinuation(static_cast<unsigned char>(text[start]))) --start;
    size_t pos = start;
    if (!IsUnicodeSpace(DecodeUtf8(text, &pos)) || pos != end) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(text, &pos);
    if (IsUnicodeSpace(cp)) {
      pending = true;
      continue;
    }
    if (pending && !out.empty()) out.push_back(' ');
    pending = false;
    out.append(text.substr(start, pos - start));
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t max_distance) {
  const size_t m = a.size();
  const size_t n = b.size();
  if ((m > n ? m - n : n - m) > max_distance) return max_distance + 1;
  // Three rows of the optimal-string-alignment table: two back for transpositions.
  std::vector<size_t> before(n + 1), previous(n + 1), row(n + 1);
  for (size_t j = 0; j <= n; ++j) previous[j] = j;
  for (size_t i = 1; i <= m; ++i) {
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= n; ++j) {
      row[j] = std::min(
          {previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return max_distance + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[n], max_distance + 1);
}

bool LooksLikeFormula(std::string_view cell) {
  return !cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                           cell[0] == '\t' || cell[0] == '\r');
}

namespace {

// `field` in double quotes, its quotes doubled (RFC 4180).
std::string QuotedField(std::string_view field) {
  std::string quoted = "\"";
  for (char c : field) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

}  // namespace

std::string CsvField(std::string_view value, bool neutralize_formulas) {
  std::string field;
  field.reserve(value.size() + 3);
  if (neutralize_formulas && LooksLikeFormula(value)) field.push_back('\'');
  field.append(value);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  return QuotedField(field);
}

std::string TsvField(std::string_view value) {
  std::string field;
  field.reserve(value.size() + 1);
  if (LooksLikeFormula(value)) field.push_back('\'');
  bool quote = false;
  for (char c : value) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    quote = quote || c == '"';
    field.push_back(c);
  }
  return quote ? QuotedField(field) : field;
}

std::string ContentHash(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  return Hex64(h.high64) + Hex64(h.low64);
}

struct ContentHasher::State {
  XXH3_state_t* xxh = XXH3_createState();
  ~State() { XXH3_freeState(xxh); }
};

ContentHasher::ContentHasher() : state_(std::make_unique<State>()) {
  XXH3_128bits_reset(state_->xxh);
}
ContentHasher::~ContentHasher() = default;

void ContentHasher::Update(std::string_view data) {
  XXH3_128bits_update(state_->xxh, data.data(), data.size());
}

std::string ContentHasher::Finish() {
  const XXH128_hash_t h = XXH3_128bits_digest(state_->xxh);
  return Hex64(h.high64) + Hex64(h.low64);
}

uint64_t Hash64(std::string_view data) { return XXH3_64bits(data.data(), data.size()); }

std::string Hex64(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<size_t>(i)] = kDigits[value & 0xF];
    value >>= 4;
  }
  return out;
}

}  // namespace parley
