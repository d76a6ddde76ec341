#include "extract/normalize.h"

#include <algorithm>
#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/text.h"

namespace parley {
namespace {

// How far the Markdown scanners look ahead for a closing bracket, parenthesis or '>'. Bounded so
// a stray '[' or '<' in a huge document costs O(limit), keeping normalisation linear.
constexpr uint32_t kLinkTextLimit = 512;
constexpr uint32_t kLinkTargetLimit = 2048;
constexpr uint32_t kTagLimit = 2048;

struct Entity {
  std::string_view name;
  char32_t cp;
};

// The named references that occur in scraped news and government pages; unknown names stay
// literal. Sorted by name for binary search.
constexpr Entity kEntities[] = {
    {"Aacute", 0xC1},   {"Eacute", 0xC9},  {"aacute", 0xE1},   {"acirc", 0xE2},   {"agrave", 0xE0},
    {"amp", '&'},       {"apos", '\''},    {"auml", 0xE4},     {"bdquo", 0x201E}, {"bull", 0x2022},
    {"ccedil", 0xE7},   {"copy", 0xA9},    {"deg", 0xB0},      {"eacute", 0xE9},  {"ecirc", 0xEA},
    {"egrave", 0xE8},   {"emsp", 0x2003},  {"ensp", 0x2002},   {"euro", 0x20AC},  {"gt", '>'},
    {"hellip", 0x2026}, {"iacute", 0xED},  {"laquo", 0xAB},    {"ldquo", 0x201C}, {"lsquo", 0x2018},
    {"lt", '<'},        {"mdash", 0x2014}, {"middot", 0xB7},   {"nbsp", 0xA0},    {"ndash", 0x2013},
    {"ntilde", 0xF1},   {"oacute", 0xF3},  {"ouml", 0xF6},     {"pound", 0xA3},   {"quot", '"'},
    {"raquo", 0xBB},    {"rdquo", 0x201D}, {"reg", 0xAE},      {"rsquo", 0x2019}, {"sbquo", 0x201A},
    {"shy", 0xAD},      {"szlig", 0xDF},   {"thinsp", 0x2009}, {"trade", 0x2122}, {"uacute", 0xFA},
    {"uuml", 0xFC},     {"zwj", 0x200D},   {"zwnj", 0x200C},
};

// Bytes that stand for themselves: every ASCII byte but white space and, with Markdown, the
// bytes that may start markup (Normalizer::Markup) or close link text (']'). A run of them is
// copied in one go; the per-character path would produce the same bytes and maps.
struct PlainBytes {
  bool text[256] = {};
  bool markdown[256] = {};
  constexpr PlainBytes() {
    for (int c = 0; c < 0x80; ++c) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
      text[c] = !space;
      markdown[c] = !space && c != '\\' && c != '>' && c != '`' && c != '*' && c != '_' &&
                    c != '!' && c != '[' && c != ']' && c != '<' && c != '&';
    }
  }
};
constexpr PlainBytes kPlainBytes;

#if defined(__SSE2__)
// Bits per byte of the 16 at `p`: `other` where the byte is not plain (PlainBytes, exactly: not
// ASCII, white space, or with `markdown` a byte that may start markup), `spaces` where it is ' '.
struct PlainMasks {
  uint32_t other, spaces;
};
PlainMasks PlainMasks16(const char* p, bool markdown) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto eq = [&](char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
  const __m128i blank = eq(' ');
  // x - '\t' <= 4, unsigned: the control bytes of white space.
  const __m128i shifted = _mm_sub_epi8(x, _mm_set1_epi8('\t'));
  const __m128i controls = _mm_cmpeq_epi8(_mm_min_epu8(shifted, _mm_set1_epi8(4)), shifted);
  __m128i other = _mm_or_si128(x, _mm_or_si128(blank, controls));  // sign bit: not ASCII
  if (markdown) {
    // '<' and '>' are the two bytes that | 2 makes '>'.
    const __m128i angle = _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8(2)), _mm_set1_epi8('>'));
    const __m128i some =
        _mm_or_si128(_mm_or_si128(eq('\\'), eq('`')), _mm_or_si128(eq('*'), eq('_')));
    const __m128i more =
        _mm_or_si128(_mm_or_si128(eq('!'), eq('[')), _mm_or_si128(eq(']'), eq('&')));
    other = _mm_or_si128(other, _mm_or_si128(_mm_or_si128(some, more), angle));
  }
  return {static_cast<uint32_t>(_mm_movemask_epi8(other)),
          static_cast<uint32_t>(_mm_movemask_epi8(blank))};
}
#endif

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// The ASCII replacement of `cp`, or nullptr when it is kept as is. "" means dropped.
const char* Replacement(char32_t cp) {
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0xAB:
    case 0xBB:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return "-";
    case 0x2026:
      return "...";
    case 0xFB00:
      return "ff";
    case 0xFB01:
      return "fi";
    case 0xFB02:
      return "fl";
    case 0xFB03:
      return "ffi";
    case 0xFB04:
      return "ffl";
    case 0xFB05:
    case 0xFB06:
      return "st";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return "";
    default:
      return nullptr;
  }
}

class Normalizer {
 public:
  // Writes into *out, reusing its buffers.
  Normalizer(std::string_view original, uint32_t begin, uint32_t end, TextSyntax syntax,
             NormalizedText* out)
      : s_(original),
        begin_(begin),
        end_(end),
        syntax_(syntax),
        markdown_(syntax == TextSyntax::kMarkdown),
        plain_(markdown_ ? kPlainBytes.markdown : kPlainBytes.text),
        out_(*out) {
    out_.text.clear();
    out_.pieces.clear();
    out_.text.reserve(end - begin);
  }

  void Run() {
    uint32_t i = begin_;
    bool line_start = true;
    while (i < end_) {
      const char c = s_[i];
      if (plain_[static_cast<unsigned char>(c)]) {
        const uint32_t j = internal::PlainRunEnd(s_, i + 1, end_, syntax_);
        EmitRun(i, j);
        line_start = false;
        i = j;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x80) {
        if (IsAsciiSpace(c)) {
          Space(i);
          if (c == '\n') line_start = true;
          ++i;
          continue;
        }
        if (markdown_) {
          const uint32_t next = Markup(i, line_start);
          line_start = false;
          if (next != i) {
            i = next;
            continue;
          }
        }
        line_start = false;
        Emit(std::string_view(&s_[i], 1), i, i + 1, /*verbatim=*/true);
        ++i;
        continue;
      }
      line_start = false;
      size_t pos = i;
      const char32_t cp = DecodeUtf8(s_, &pos);
      EmitCodePoint(cp, i, static_cast<uint32_t>(pos));
      i = static_cast<uint32_t>(pos);
    }
    out_.end_offset = out_.pieces.empty() ? begin_ : out_.pieces.back().last_end;
  }

 private:
  void Space(uint32_t at) {
    if (!pending_space_) space_at_ = at;
    pending_space_ = true;
  }

  // Markup dropped at [from, to): it belongs to the character before it unless white space (or
  // nothing) precedes it, then to the next one.
  void Drop(uint32_t from, uint32_t to) {
    if (out_.text.empty() || pending_space_) {
      if (!pending_markup_) markup_begin_ = from;
      pending_markup_ = true;
    } else {
      // Every byte of the last character ends at `to` now: the last piece's last byte (its
      // only character's bytes but in a run).
      out_.pieces.back().last_end = to;
    }
  }

  void EmitCodePoint(char32_t cp, uint32_t from, uint32_t to) {
    if (IsNormalizedSpace(cp)) {
      Space(from);
      return;
    }
    if (const char* repl = Replacement(cp)) {
      if (*repl == '\0') {
        Drop(from, to);
      } else {
        Emit(repl, from, to, /*verbatim=*/false);
      }
      return;
    }
    Emit(std::string_view(&s_[from], to - from), from, to, /*verbatim=*/true);
  }

  // Writes the space pending before output that starts at `from`, and returns where that
  // output's first character begins in the source (pending markup included).
  uint32_t BeginEmit(uint32_t from) {
    if (pending_space_ && !out_.text.empty()) {
      AddPiece(NormalizedText::Piece::Kind::kRun, 1, space_at_, space_at_, space_at_ + 1);
      out_.text.push_back(' ');
    }
    pending_space_ = false;
    const uint32_t first = pending_markup_ ? std::min(markup_begin_, from) : from;
    pending_markup_ = false;
    return first;
  }

  // The piece of the `size` bytes about to be appended to the text.
  void AddPiece(NormalizedText::Piece::Kind kind, size_t size, uint32_t from, uint32_t first,
                uint32_t last_end) {
    out_.pieces.push_back({static_cast<uint32_t>(out_.text.size()), static_cast<uint32_t>(size),
                           from, first, last_end, kind});
  }

  // Emits s_[from, to), plain bytes, verbatim: one piece, where Emit would make one a byte.
  void EmitRun(uint32_t from, uint32_t to) {
    const uint32_t first = BeginEmit(from);
    AddPiece(NormalizedText::Piece::Kind::kRun, to - from, from, first, to);
    out_.text.append(s_.data() + from, to - from);
  }

  // Emits `bytes` for the character s_[from, to): the character itself (`verbatim`) or its
  // replacement.
  void Emit(std::string_view bytes, uint32_t from, uint32_t to, bool verbatim) {
    const uint32_t first = BeginEmit(from);
    if (bytes.empty()) return;
    AddPiece(verbatim ? NormalizedText::Piece::Kind::kCharacter
                      : NormalizedText::Piece::Kind::kReplacement,
             bytes.size(), from, first, to);
    out_.text.append(bytes);
  }

  // Handles Markdown syntax at s_[i]; returns the position after what it consumed, or i when
  // s_[i] is an ordinary character.
  uint32_t Markup(uint32_t i, bool line_start) {
    const char c = s_[i];
    if (link_close_ != 0 && i == link_close_) {
      link_close_ = 0;
      Drop(i, link_tail_end_);
      return link_tail_end_;
    }
    switch (c) {
      case '\\': {
        if (i + 1 < end_ && IsAsciiPunct(s_[i + 1])) {
          Emit(std::string_view(&s_[i + 1], 1), i, i + 2, /*verbatim=*/false);
          return i + 2;
        }
        if (i + 1 < end_ && s_[i + 1] == '\n') {  // hard line break
          Space(i);
          return i + 1;
        }
        return i;
      }
      case '>':
        if (line_start) {
          Drop(i, i + 1);
          return i + 1;
        }
        return i;
      case '`': {
        uint32_t j = i;
        while (j < end_ && s_[j] == '`') ++j;
        Drop(i, j);
        return j;
      }
      case '*':
      case '_': {
        uint32_t j = i;
        while (j < end_ && s_[j] == c) ++j;
        const bool space_before = i == begin_ || IsAsciiSpace(s_[i - 1]);
        const bool space_after = j == end_ || IsAsciiSpace(s_[j]);
        if (i != begin_ && j != end_ && space_before && space_after) return i;  // "2 * 3"
        if (c == '_' && !space_before && !space_after && IsAsciiAlnum(s_[i - 1]) &&
            IsAsciiAlnum(s_[j])) {
          return i;  // snake_case
        }
        Drop(i, j);
        return j;
      }
      case '!':
        if (i + 1 < end_ && s_[i + 1] == '[' && FindLink(i + 1)) {
          Drop(i, i + 2);
          return i + 2;
        }
        return i;
      case '[':
        if (FindLink(i)) {
          Drop(i, i + 1);
          return i + 1;
        }
        return i;
      case '<':
        return Tag(i);
      case '&':
        return CharacterReference(i);
      default:
        return i;
    }
  }

  // Recognises "[text](target)" or "[text][ref]" starting at s_[open]; on success records where
  // the text closes and where the whole link ends.
  bool FindLink(uint32_t open) {
    if (link_close_ != 0) return false;  // no nested links
    const uint32_t limit = std::min(end_, open + kLinkTextLimit);
    // Link text holds no brackets; a failed scan is remembered so that a run of '[' without
    // ']' is scanned once, not once per '['.
    uint32_t j = std::max(open + 1, no_close_before_);
    for (; j < limit; ++j) {
      if (s_[j] == '\\') {
        ++j;
        continue;
      }
      if (s_[j] == '[' || s_[j] == ']') break;
    }
    if (j >= limit || s_[j] == '[') {
      no_close_before_ = std::max(no_close_before_, j);
      return false;
    }
    if (j >= limit || j + 1 >= end_) return false;
    const uint32_t close = j;
    const char opener = s_[close + 1];
    if (opener != '(' && opener != '[') return false;
    const char closer = opener == '(' ? ')' : ']';
    const uint32_t target_limit = std::min(end_, close + 2 + kLinkTargetLimit);
    int parens = 0;
    for (uint32_t k = close + 2; k < target_limit; ++k) {
      const char t = s_[k];
      if (t == '\n' && opener == '[') return false;
      if (t == opener && opener == '(') ++parens;
      if (t == closer) {
        if (parens == 0) {
          link_close_ = close;
          link_tail_end_ = k + 1;
          return true;
        }
        --parens;
      }
    }
    return false;
  }

  // Inline HTML: "<tag ...>", "</tag>", "<!-- ... -->" are dropped (attributes may wrap onto
  // the next line); "<https://...>" keeps the address.
  uint32_t Tag(uint32_t i) {
    if (i + 1 >= end_) return i;
    const char n = s_[i + 1];
    const uint32_t limit = std::min(end_, i + kTagLimit);
    if (n == '!' && i + 3 < end_ && s_[i + 2] == '-' && s_[i + 3] == '-') {
      for (uint32_t k = i + 4; k + 2 < limit; ++k) {
        if (s_[k] == '-' && s_[k + 1] == '-' && s_[k + 2] == '>') {
          Drop(i, k + 3);
          return k + 3;
        }
      }
      return i;
    }
    const bool letter = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z');
    const bool closing = n == '/' && i + 2 < end_ && IsAsciiAlnum(s_[i + 2]);
    if (!letter && !closing) return i;
    // An autolink is a scheme ("https", "mailto") and ':' right after the '<', no spaces.
    uint32_t k = i + 1;
    while (k < limit && (IsAsciiAlnum(s_[k]) || s_[k] == '+' || s_[k] == '.' || s_[k] == '-')) ++k;
    const bool scheme = letter && k < limit && s_[k] == ':' && k - i > 2;
    for (; k < limit && s_[k] != '>'; ++k) {
      if (s_[k] == '<') return i;
      if (scheme && IsAsciiSpace(s_[k])) return i;
    }
    if (k >= limit) return i;
    if (scheme) {
      Drop(i, i + 1);
      for (uint32_t m = i + 1; m < k; ++m) Emit(std::string_view(&s_[m], 1), m, m + 1, true);
      Drop(k, k + 1);
      return k + 1;
    }
    Drop(i, k + 1);
    return k + 1;
  }

  uint32_t CharacterReference(uint32_t i) {
    uint32_t k = i + 1;
    const uint32_t limit = std::min(end_, i + 12);
    char32_t cp = 0;
    if (k < limit && s_[k] == '#') {
      ++k;
      const bool hex = k < limit && (s_[k] == 'x' || s_[k] == 'X');
      if (hex) ++k;
      const uint32_t digits = k;
      for (; k < limit && s_[k] != ';'; ++k) {
        const char d = s_[k];
        int v = -1;
        if (d >= '0' && d <= '9') v = d - '0';
        if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
        if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
        if (v < 0) return i;
        cp = cp * (hex ? 16 : 10) + static_cast<char32_t>(v);
      }
      if (k == digits || k >= limit) return i;
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    } else {
      for (; k < limit && IsAsciiAlnum(s_[k]); ++k) {
      }
      if (k >= limit || s_[k] != ';') return i;
      const std::string_view name = s_.substr(i + 1, k - i - 1);
      const auto* it =
          std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                           [](const Entity& e, std::string_view key) { return e.name < key; });
      if (it == std::end(kEntities) || it->name != name) return i;
      cp = it->cp;
    }
    const uint32_t to = k + 1;
    if (IsNormalizedSpace(cp)) {
      Space(i);
    } else if (const char* repl = Replacement(cp)) {
      if (*repl == '\0') {
        Drop(i, to);
      } else {
        Emit(repl, i, to, /*verbatim=*/false);
      }
    } else {
      std::string bytes;
      AppendUtf8(cp, &bytes);
      Emit(bytes, i, to, /*verbatim=*/false);
    }
    return to;
  }

  std::string_view s_;
  uint32_t begin_;
  uint32_t end_;
  TextSyntax syntax_;
  bool markdown_;
  const bool* plain_;  // kPlainBytes for the syntax
  NormalizedText& out_;
  bool pending_space_ = false;
  uint32_t space_at_ = 0;
  bool pending_markup_ = false;
  uint32_t markup_begin_ = 0;
  uint32_t link_close_ = 0;  // position of the ']' closing the current link text, 0 = none
  uint32_t link_tail_end_ = 0;
  uint32_t no_close_before_ = 0;  // no ']' between the last failed '[' and here
};

const NormalizedText::Piece& PieceAt(const NormalizedText& n, size_t i) {
  // The last piece starting at or before i.
  const auto it =
      std::upper_bound(n.pieces.begin(), n.pieces.end(), i,
                       [](size_t at, const NormalizedText::Piece& piece) { return at < piece.at; });
  return *(it - 1);
}

}  // namespace

uint32_t NormalizedText::Offset(size_t i) const {
  if (i == text.size()) return end_offset;
  const Piece& piece = PieceAt(*this, i);
  return piece.kind == Piece::Kind::kReplacement ? piece.from
                                                 : piece.from + static_cast<uint32_t>(i - piece.at);
}

uint32_t NormalizedText::Begin(size_t i) const {
  const Piece& piece = PieceAt(*this, i);
  return piece.kind == Piece::Kind::kRun && i != piece.at
             ? piece.from + static_cast<uint32_t>(i - piece.at)
             : piece.first;
}

uint32_t NormalizedText::End(size_t i) const {
  const Piece& piece = PieceAt(*this, i);
  return piece.kind == Piece::Kind::kRun && i + 1 != piece.at + piece.size
             ? piece.from + static_cast<uint32_t>(i - piece.at) + 1
             : piece.last_end;
}

void NormalizedText::AppendOffsets(size_t b, size_t e, std::vector<uint32_t>* out) const {
  out->reserve(out->size() + (e - b));
  for (size_t i = b; i < e; ++i) out->push_back(Offset(i));
}

bool IsNormalizedSpace(char32_t cp) { return IsVisibleSpace(cp); }

namespace internal {

uint32_t PlainRunEnd(std::string_view s, uint32_t j, uint32_t end, TextSyntax syntax) {
  const bool markdown = syntax == TextSyntax::kMarkdown;
  const bool* const plain = markdown ? kPlainBytes.markdown : kPlainBytes.text;
#if defined(__SSE2__)
  // 16 bytes at a time while the byte after them is in range too: a byte ends the run where it
  // is not plain, unless it is a ' ' and the byte after it is plain. The byte loop below gives
  // the same end; it took 8 instructions a byte.
  while (j + 16 < end) {
    const PlainMasks masks = PlainMasks16(s.data() + j, markdown);
    // The lanes' next bytes: the block's shifted, and the one after it.
    const uint32_t next_other =
        (masks.other >> 1) | (plain[static_cast<unsigned char>(s[j + 16])] ? 0u : 1u << 15);
    const uint32_t ends = masks.other & ~(masks.spaces & ~next_other);
    if (ends != 0) return j + static_cast<uint32_t>(std::countr_zero(ends));
    j += 16;
  }
#endif
  while (j < end) {
    if (plain[static_cast<unsigned char>(s[j])]) {
      ++j;
    } else if (s[j] == ' ' && j + 1 < end && plain[static_cast<unsigned char>(s[j + 1])]) {
      j += 2;
    } else {
      break;
    }
  }
  return j;
}

}  // namespace internal

NormalizedText NormalizeForMatching(std::string_view original, uint32_t begin, uint32_t end,
                                    TextSyntax syntax) {
  NormalizedText out;
  Normalizer(original, begin, end, syntax, &out).Run();
  return out;
}

void NormalizeForMatching(std::string_view original, uint32_t begin, uint32_t end,
                          TextSyntax syntax, NormalizedText* out) {
  Normalizer(original, begin, end, syntax, out).Run();
}

}  // namespace parley
