#include "extract/prepare.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "base/text.h"
#include "extract/markdown.h"
#include "extract/sentences.h"

namespace parley {
namespace {

// A line shorter than this (bytes, trimmed) is "short": hard-wrapped prose has few of them.
constexpr uint32_t kShortLineBytes = 40;
// Segments are normalised in pieces of at most this many bytes (cut at white space), so a
// pathological document (one 60 MB line) needs bounded scratch memory.
constexpr uint32_t kMaxSegmentBytes = 1u << 20;
// Units with at most this many words and no final punctuation are short lines.
constexpr size_t kShortLineWords = 6;
constexpr size_t kShortListItemWords = 3;
// The first unit of a document, a whole line of at most this many words without final
// punctuation, is its title.
constexpr size_t kTitleWords = 25;

enum class BlockKind { kNone, kParagraph, kListItem };

struct Line {
  uint32_t begin = 0;  // content, after indentation and markers
  uint32_t end = 0;    // trimmed of trailing white space
  bool hard_break = false;
};

struct Segment {
  uint32_t begin = 0;
  uint32_t end = 0;
  UnitKind kind = UnitKind::kSentence;
};

bool IsBlankOrSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// True when text[b, e) holds only white space or invisible characters (a lone NBSP line).
bool IsBlank(std::string_view text, uint32_t b, uint32_t e) {
  size_t pos = b;
  while (pos < e) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      if (!IsBlankOrSpace(text[pos])) return false;
      ++pos;
      continue;
    }
    const char32_t cp = DecodeUtf8(text, &pos);
    if (!IsNormalizedSpace(cp) && cp != 0x200B && cp != 0xFEFF && cp != 0x2060) return false;
  }
  return true;
}

// Length of a list marker at text[b, e) ("- ", "1. ", "• "), including the spaces after it,
// or 0.
uint32_t ListMarker(std::string_view text, uint32_t b, uint32_t e) {
  uint32_t k = b;
  if (k < e && (text[k] == '-' || text[k] == '*' || text[k] == '+')) {
    ++k;
  } else if (e - b >= 3 && text.substr(b, 3) == "\u2022") {
    k += 3;
  } else {
    while (k < e && k - b < 9 && text[k] >= '0' && text[k] <= '9') ++k;
    if (k == b || k >= e || (text[k] != '.' && text[k] != ')')) return 0;
    ++k;
  }
  if (k >= e || (text[k] != ' ' && text[k] != '\t')) return 0;
  while (k < e && (text[k] == ' ' || text[k] == '\t')) ++k;
  return k - b;
}

// A line of three or more '=', '-', '*' or '_' (spaces allowed): a setext underline or a
// thematic break. Returns the character, or 0.
char RuleLine(std::string_view text, uint32_t b, uint32_t e) {
  char c = 0;
  int count = 0;
  for (uint32_t k = b; k < e; ++k) {
    if (text[k] == ' ') continue;
    if (c == 0 && (text[k] == '=' || text[k] == '-' || text[k] == '*' || text[k] == '_')) {
      c = text[k];
    }
    if (text[k] != c) return 0;
    ++count;
  }
  return count >= 3 ? c : 0;
}

bool StartsWithLower(std::string_view text, uint32_t b, uint32_t e) {
  return b < e && text[b] >= 'a' && text[b] <= 'z';
}

class Preparer {
 public:
  Preparer(const Document& document, const PrepareOptions& options)
      : text_(document.text),
        syntax_(SyntaxForFormat(document.info.format)),
        offsets_(options.offsets) {}

  PreparedDocument Run() {
    const uint32_t n = static_cast<uint32_t>(text_.size());
    uint32_t pos = static_cast<uint32_t>(ParseFrontMatter(text_).body_offset);
    bool in_fence = false;
    while (pos < n) {
      const void* newline = std::memchr(text_.data() + pos, '\n', n - pos);
      const uint32_t eol =
          newline == nullptr
              ? n
              : static_cast<uint32_t>(static_cast<const char*>(newline) - text_.data());
      HandleLine(pos, eol, &in_fence);
      pos = eol + 1;
    }
    Flush();
    return std::move(out_);
  }

 private:
  bool markdown() const { return syntax_ == TextSyntax::kMarkdown; }

  void HandleLine(uint32_t b, uint32_t e, bool* in_fence) {
    uint32_t end = e;
    uint32_t trailing_spaces = 0;
    while (end > b && IsBlankOrSpace(text_[end - 1])) {
      if (text_[end - 1] == ' ') ++trailing_spaces;
      --end;
    }
    uint32_t indent = 0;
    uint32_t begin = b;
    while (begin < end && (text_[begin] == ' ' || text_[begin] == '\t')) {
      indent += text_[begin] == '\t' ? 4 : 1;
      ++begin;
    }
    const std::string_view content = std::string_view(text_).substr(begin, end - begin);
    if (markdown() && (content.starts_with("```") || content.starts_with("~~~"))) {
      Flush();
      *in_fence = !*in_fence;
      return;
    }
    if (*in_fence) return;
    if (IsBlank(text_, begin, end)) {
      Flush();
      return;
    }
    if (markdown() && indent < 4 && content.starts_with('#')) {
      uint32_t k = begin;
      while (k < end && text_[k] == '#') ++k;
      if (k - begin <= 6 && (k == end || text_[k] == ' ' || text_[k] == '\t')) {
        Flush();
        uint32_t hend = end;
        while (hend > k && (text_[hend - 1] == '#' || text_[hend - 1] == ' ')) --hend;
        segments_.push_back({k, hend, UnitKind::kHeading});
        EmitSegments();
        return;
      }
    }
    if (const char rule = RuleLine(text_, begin, end); rule != 0 && indent < 4) {
      if ((rule == '=' || rule == '-') && kind_ == BlockKind::kParagraph && !lines_.empty()) {
        segments_.push_back({lines_.front().begin, lines_.back().end, UnitKind::kHeading});
        lines_.clear();
        kind_ = BlockKind::kNone;
        EmitSegments();
        return;
      }
      Flush();
      return;
    }
    if (markdown() && ((content.size() > 1 && content.starts_with('|') && content.ends_with('|')) ||
                       content.starts_with("+-"))) {
      // Table rows: separator rows carry nothing; a content row is a line of its own.
      Flush();
      if (content.find_first_not_of("|+-=: ") != std::string_view::npos) {
        kind_ = BlockKind::kParagraph;
        lines_.push_back({begin, end, false});
        Flush();
      }
      return;
    }
    bool hard_break = markdown() && trailing_spaces >= 2;
    if (markdown() && end > begin && text_[end - 1] == '\\') {
      hard_break = true;
      --end;
    }
    if (const uint32_t marker = ListMarker(text_, begin, end); marker != 0) {
      Flush();
      kind_ = BlockKind::kListItem;
      lines_.push_back({begin + marker, end, hard_break});
      return;
    }
    if (kind_ == BlockKind::kNone) kind_ = BlockKind::kParagraph;
    lines_.push_back({begin, end, hard_break});
  }

  // Turns the pending block into segments and units.
  void Flush() {
    if (lines_.empty()) {
      kind_ = BlockKind::kNone;
      return;
    }
    const UnitKind unit_kind =
        kind_ == BlockKind::kListItem ? UnitKind::kListItem : UnitKind::kSentence;
    const size_t m = lines_.size();
    size_t short_lines = 0;
    bool hard_breaks = false;
    for (size_t i = 0; i + 1 < m; ++i) {
      if (lines_[i].end - lines_[i].begin < kShortLineBytes) ++short_lines;
      hard_breaks = hard_breaks || lines_[i].hard_break;
    }
    // Markdown that marks its line ends with hard breaks says itself where lines end.
    const bool line_list = m > 1 && short_lines * 3 > m - 1 && !hard_breaks;
    uint32_t seg_begin = lines_.front().begin;
    int depth = 0;
    for (size_t i = 0; i < m; ++i) {
      const bool last = i + 1 == m;
      if (markdown()) depth = BracketDepth(lines_[i], depth);
      // A segment never ends inside link text, whatever the line breaks say.
      bool cut = last || (lines_[i].hard_break && depth == 0);
      if (line_list && !last) {
        const bool continues =
            StartsWithLower(text_, lines_[i + 1].begin, lines_[i + 1].end) ||
            (lines_[i].end > lines_[i].begin && text_[lines_[i].end - 1] == ',') || depth > 0;
        cut = !continues;
      }
      if (cut) {
        depth = 0;
        segments_.push_back({seg_begin, lines_[i].end, unit_kind});
        if (!last) seg_begin = lines_[i + 1].begin;
      }
    }
    lines_.clear();
    kind_ = BlockKind::kNone;
    EmitSegments();
  }

  // Brackets a line leaves open, given `depth` open before it ("[West" wrapped before
  // "Virginia](url)").
  int BracketDepth(const Line& line, int depth) const {
    uint32_t k = line.begin;
    if (depth == 0) {  // a ']' before the first '[' changes nothing
      const void* open = std::memchr(text_.data() + k, '[', line.end - k);
      if (open == nullptr) return 0;
      k = static_cast<uint32_t>(static_cast<const char*>(open) - text_.data());
    }
    for (; k < line.end; ++k) {
      if (text_[k] == '[') ++depth;
      if (text_[k] == ']' && depth > 0) --depth;
    }
    return depth;
  }

  void EmitSegments() {
    for (const Segment& segment : segments_) {
      ++paragraph_;
      uint32_t b = segment.begin;
      while (b < segment.end) {
        uint32_t e = segment.end;
        if (e - b > kMaxSegmentBytes) {
          e = b + kMaxSegmentBytes;
          uint32_t space = e;
          while (space > b + kMaxSegmentBytes / 2 && text_[space] != ' ' && text_[space] != '\n')
            --space;
          if (text_[space] == ' ' || text_[space] == '\n') {
            e = space;
          } else {
            while (e > b && (static_cast<unsigned char>(text_[e]) & 0xC0) == 0x80) --e;
          }
        }
        EmitUnits(b, e, segment.kind);
        b = e;
      }
    }
    segments_.clear();
  }

  void EmitUnits(uint32_t b, uint32_t e, UnitKind kind) {
    NormalizeForMatching(text_, b, e, syntax_, &norm_);
    const NormalizedText& norm = norm_;
    if (norm.text.empty()) return;
    std::vector<TextRange> ranges;
    if (kind == UnitKind::kHeading && norm.text.size() <= 8192) {
      ranges.push_back({0, norm.text.size()});
    } else {
      ranges = SplitSentences(norm.text);
    }
    for (const TextRange& r : ranges) {
      PreparedSentence unit;
      unit.kind = kind;
      unit.paragraph = paragraph_ - 1;
      unit.text.assign(norm.text, r.begin, r.end - r.begin);
      unit.byte_span = {norm.Begin(r.begin), norm.End(r.end - 1)};
      if (offsets_) {
        unit.offsets.reserve(r.end - r.begin + 1);
        norm.AppendOffsets(r.begin, r.end, &unit.offsets);
        unit.offsets.push_back(static_cast<uint32_t>(unit.byte_span.end));
      }
      Classify(&unit, ranges.size() == 1);
      out_.sentences.push_back(std::move(unit));
    }
  }

  void Classify(PreparedSentence* unit, bool whole_segment) {
    const std::string_view t = unit->text;
    const int32_t index = static_cast<int32_t>(out_.sentences.size());
    auto [it, inserted] = first_by_hash_.try_emplace(Hash64(t), index);
    if (!inserted && out_.sentences[static_cast<size_t>(it->second)].text == t) {
      unit->repeat_of = it->second;
      unit->relational = false;
    }
    if (unit->kind == UnitKind::kHeading) {
      unit->relational = false;
      return;
    }
    if (!whole_segment) return;
    size_t last = t.size();
    while (last > 0 && (t[last - 1] == '"' || t[last - 1] == '\'' || t[last - 1] == ')' ||
                        t[last - 1] == ']')) {
      --last;
    }
    const bool final_punct = last > 0 && (t[last - 1] == '.' || t[last - 1] == '!' ||
                                          t[last - 1] == '?' || t[last - 1] == ':');
    if (final_punct) return;
    size_t words = 0;
    size_t long_words = 0;
    size_t capitalised = 0;
    for (size_t i = 0; i < t.size();) {
      size_t j = i;
      while (j < t.size() && t[j] != ' ') ++j;
      ++words;
      if (j - i >= 4 && ((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'))) {
        ++long_words;
        if (t[i] <= 'Z') ++capitalised;
      }
      i = j + 1;
    }
    if (unit->kind == UnitKind::kListItem) {
      if (words <= kShortListItemWords) unit->relational = false;
      return;
    }
    if (words <= kShortLineWords) {
      unit->kind = UnitKind::kShortLine;
      unit->relational = false;
    } else if (capitalised * 5 >= long_words * 3 || (index == 0 && words <= kTitleWords)) {
      unit->kind = UnitKind::kHeading;
      unit->relational = false;
    }
  }

  const std::string& text_;
  TextSyntax syntax_;
  const bool offsets_;  // PrepareOptions::offsets
  BlockKind kind_ = BlockKind::kNone;
  std::vector<Line> lines_;
  std::vector<Segment> segments_;
  NormalizedText norm_;     // scratch for EmitUnits, reused across segments
  uint32_t paragraph_ = 0;  // segments emitted so far
  std::unordered_map<uint64_t, int32_t> first_by_hash_;  // lookups only; never iterated
  PreparedDocument out_;
};

}  // namespace

std::string_view UnitKindName(UnitKind kind) {
  switch (kind) {
    case UnitKind::kSentence:
      return "sentence";
    case UnitKind::kHeading:
      return "heading";
    case UnitKind::kListItem:
      return "list_item";
    case UnitKind::kShortLine:
      return "short_line";
  }
  return "sentence";
}

TextSyntax SyntaxForFormat(std::string_view format) {
  return format == "markdown" || format == "jsonl" ? TextSyntax::kMarkdown : TextSyntax::kPlain;
}

PreparedDocument PrepareDocument(const Document& document, const PrepareOptions& options) {
  return Preparer(document, options).Run();
}

}  // namespace parley
