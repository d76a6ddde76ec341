// The rule-file parser: *.rules text to blocks (a keyword line and its indented property lines,
// rules/README.md section 1), plus the diagnostics every compile stage reports through. The
// first stage of RuleSet::Compile; what the blocks mean is the later stages' business
// (rule_symbols.h, rule_entities.h, rule_compiler.h).
//
// Thread-safety: a RuleFiles is used by one thread at a time.
#ifndef PARLEY_EXTRACT_RULE_FILE_H_
#define PARLEY_EXTRACT_RULE_FILE_H_

#include <cstddef>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"
#include "extract/rule_source.h"

namespace parley::internal {

// One indented line of a block: `key value`. In a `words` block the whole line is the value.
// Views into the source text (RuleSource::text), which outlives the blocks.
struct RuleProp {
  std::string_view key;
  std::string_view value;
  int line = 0;
  int key_col = 0;  // 1-based byte columns
  int value_col = 0;
};

// A block: `keyword name` in column 1 and its properties.
struct RuleBlock {
  std::string keyword;  // one of kBlockKeywords
  std::string name;
  int line = 0;
  int name_col = 0;
  size_t source = 0;  // index into the sources
  size_t index = 0;   // place among the blocks of all sources, in load order
  int layer = 0;
  std::vector<RuleProp> props;
  std::string body;  // macro: the pattern after '='
  int body_col = 0;
};

// The block keywords, in the order error messages list them.
inline constexpr std::string_view kBlockKeywords[] = {"entity", "words",    "macro",  "relation",
                                                      "frame",  "discover", "coref",  "modality",
                                                      "verbs",  "actors",   "sector", "discard"};

// The sources being compiled, their blocks, and the diagnostics found so far.
class RuleFiles {
 public:
  // `sources` in the order they compile (source index i is sources[i]). REQUIRES: the
  // sources and `diagnostics` outlive this object.
  RuleFiles(std::vector<const RuleSource*> sources, std::vector<RuleDiagnostic>* diagnostics);
  // The sources in the order given.
  RuleFiles(const std::vector<RuleSource>& sources, std::vector<RuleDiagnostic>* diagnostics);

  // Splits every source into blocks (in load order), reporting malformed headers and lines.
  void Parse();

  std::deque<RuleBlock>& blocks() { return blocks_; }
  const std::string& path(size_t source) const { return sources_[source]->path; }

  // Reports a problem at `line`:`col` of `source` (the line's text is attached).
  void Error(size_t source, int line, int col, std::string message);
  void Error(const RuleBlock& block, const RuleProp& prop, int col, std::string message);
  // "unknown property 'k' in KEYWORD 'name' (expected ...)" with a did-you-mean.
  void UnknownProperty(const RuleBlock& block, const RuleProp& prop,
                       const std::vector<std::string>& allowed);
  // Orders the diagnostics by source (load order), line and column.
  void SortDiagnostics();
  bool ok() const { return diagnostics_->empty(); }

 private:
  void ParseSource(size_t source);
  RuleBlock* ParseHeader(size_t source, int line_no, std::string_view content);
  // Line `line` (1-based) of `source` without its line break, or "" past the end.
  std::string_view LineText(size_t source, int line) const;

  std::vector<const RuleSource*> sources_;
  std::vector<RuleDiagnostic>* diagnostics_;
  std::vector<std::vector<size_t>> line_starts_;  // per source: the byte offset of each line
  std::map<std::string, size_t> source_order_;
  std::deque<RuleBlock> blocks_;         // a deque: symbol tables point into it
  std::vector<RuleProp> props_scratch_;  // ParseSource: the properties of the block being read
};

// Splits a comma-separated value into trimmed items with the column each starts at. An empty
// item ("a,,b") is kept as "" so that the caller can report it.
std::vector<std::pair<std::string, int>> SplitList(std::string_view value, int col);
// The same items, each passed to `fn(std::string_view item, int col)` as a view into `value`.
template <typename Fn>
void ForEachListItem(std::string_view value, int col, Fn fn) {
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    const std::string_view raw = value.substr(start, comma - start);
    size_t lead = 0;
    while (lead < raw.size() && (raw[lead] == ' ' || raw[lead] == '\t' || raw[lead] == '\r')) {
      ++lead;
    }
    // TrimSpace from the first byte that is no ASCII space: its quick case, the same view.
    fn(TrimSpace(raw.substr(lead)), col + static_cast<int>(start + lead));
    start = comma + 1;
  }
}

// What is wrong with a date written in a rule file, as an error message ("invalid date
// '2019-13-45': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"), or "" when it
// is a valid partial ISO date (base/date.h PartialDate).
std::string DateProblem(std::string_view value);

// Parses a whole string as a decimal int; false on anything else.
bool ParseInt(std::string_view text, int* out);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_RULE_FILE_H_
