#include "extract/rule_file.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "base/date.h"
#include "base/text.h"
#include "extract/rule_pattern.h"

namespace parley::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

RuleFiles::RuleFiles(std::vector<const RuleSource*> sources,
                     std::vector<RuleDiagnostic>* diagnostics)
    : sources_(std::move(sources)), diagnostics_(diagnostics) {}

RuleFiles::RuleFiles(const std::vector<RuleSource>& sources,
                     std::vector<RuleDiagnostic>* diagnostics)
    : diagnostics_(diagnostics) {
  sources_.reserve(sources.size());
  for (const RuleSource& source : sources) sources_.push_back(&source);
}

void RuleFiles::Parse() {
  line_starts_.resize(sources_.size());
  for (size_t i = 0; i < sources_.size(); ++i) ParseSource(i);
}

std::string_view RuleFiles::LineText(size_t source, int line) const {
  const std::vector<size_t>& starts = line_starts_[source];
  if (line < 1 || static_cast<size_t>(line) > starts.size()) return {};
  const std::string_view text = sources_[source]->text;
  const size_t start = starts[line - 1];
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view out = text.substr(start, end - start);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

void RuleFiles::Error(size_t source, int line, int col, std::string message) {
  RuleDiagnostic d;
  d.path = sources_[source]->path;
  d.line = line;
  d.column = col;
  d.message = std::move(message);
  d.line_text = std::string(LineText(source, line));
  diagnostics_->push_back(std::move(d));
}

void RuleFiles::Error(const RuleBlock& block, const RuleProp& prop, int col, std::string message) {
  Error(block.source, prop.line, col, std::move(message));
}

void RuleFiles::UnknownProperty(const RuleBlock& b, const RuleProp& p,
                                const std::vector<std::string>& allowed) {
  std::string list;
  for (size_t i = 0; i < allowed.size(); ++i) {
    if (i > 0) list += ", ";
    list += allowed[i];
  }
  Error(b, p, p.key_col,
        "unknown property '" + std::string(p.key) + "' in " + b.keyword + " '" + b.name +
            "' (expected " + list + ")" + DidYouMean(p.key, allowed));
}

void RuleFiles::SortDiagnostics() {
  std::stable_sort(diagnostics_->begin(), diagnostics_->end(),
                   [&](const RuleDiagnostic& a, const RuleDiagnostic& b) {
                     const size_t sa = source_order_[a.path], sb = source_order_[b.path];
                     if (sa != sb) return sa < sb;
                     if (a.line != b.line) return a.line < b.line;
                     return a.column < b.column;
                   });
}

void RuleFiles::ParseSource(size_t source) {
  source_order_.emplace(sources_[source]->path, source);
  const std::string_view text = sources_[source]->text;
  std::vector<size_t>& starts = line_starts_[source];
  RuleBlock* current = nullptr;
  bool skipping = false;
  bool whole_line = false;  // the current block's lines are values without a key
  // The current block's properties, moved into it when it ends: one allocation of the right
  // size per block instead of a vector grown line by line.
  std::vector<RuleProp>& props = props_scratch_;
  auto finish_block = [&] {
    if (current == nullptr) return;
    current->props.reserve(props.size());
    std::move(props.begin(), props.end(), std::back_inserter(current->props));
    props.clear();
  };
  size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    starts.push_back(start);
    ++line_no;
    std::string_view content = text.substr(start, end - start);
    start = end + 1;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    for (size_t k = content.find('#'); k != std::string_view::npos; k = content.find('#', k + 1)) {
      if (k == 0 || IsSpace(content[k - 1])) {
        content = content.substr(0, k);
        break;
      }
    }
    while (!content.empty() && IsSpace(content.back())) content.remove_suffix(1);
    size_t indent = 0;
    while (indent < content.size() && IsSpace(content[indent])) ++indent;
    if (indent == content.size()) continue;
    if (indent == 0) {
      finish_block();
      current = ParseHeader(source, line_no, content);
      skipping = current == nullptr;
      whole_line =
          current != nullptr && (current->keyword == "words" || current->keyword == "verbs");
      continue;
    }
    if (current == nullptr) {
      if (!skipping) {
        Error(source, line_no, static_cast<int>(indent + 1),
              "indented line outside a block (a block starts with a keyword in column 1)");
        skipping = true;
      }
      continue;
    }
    const int key_col = static_cast<int>(indent + 1);
    if (whole_line) {
      props.push_back(RuleProp{{}, content.substr(indent), line_no, key_col, key_col});
    } else {
      size_t key_end = indent;
      while (key_end < content.size() && !IsSpace(content[key_end])) ++key_end;
      size_t value_start = key_end;
      while (value_start < content.size() && IsSpace(content[value_start])) ++value_start;
      props.push_back(RuleProp{content.substr(indent, key_end - indent),
                               content.substr(value_start), line_no, key_col,
                               static_cast<int>(value_start + 1)});
    }
  }
  finish_block();
}

RuleBlock* RuleFiles::ParseHeader(size_t source, int line_no, std::string_view content) {
  size_t kw_end = 0;
  while (kw_end < content.size() && !IsSpace(content[kw_end])) ++kw_end;
  const std::string_view keyword = content.substr(0, kw_end);
  bool known = false;
  for (std::string_view k : kBlockKeywords) known = known || k == keyword;
  if (!known) {
    std::vector<std::string> names(std::begin(kBlockKeywords), std::end(kBlockKeywords));
    Error(source, line_no, 1,
          "unknown block '" + std::string(keyword) +
              "' (expected entity, words, macro, relation, frame, discover, coref, modality, "
              "verbs, actors, sector or discard)" +
              DidYouMean(std::string(keyword), names));
    return nullptr;
  }
  size_t name_start = kw_end;
  while (name_start < content.size() && IsSpace(content[name_start])) ++name_start;
  const int name_col = static_cast<int>(name_start + 1);
  const std::string_view rest = content.substr(name_start);
  std::string_view name = rest, body;
  int body_col = 0;
  if (keyword == "macro") {
    const size_t eq = rest.find('=');
    if (eq == std::string_view::npos) {
      Error(source, line_no, name_col, "expected 'macro NAME = PATTERN'");
      return nullptr;
    }
    name = TrimSpace(rest.substr(0, eq));
    size_t body_start = eq + 1;
    while (body_start < rest.size() && IsSpace(rest[body_start])) ++body_start;
    body = rest.substr(body_start);
    body_col = static_cast<int>(name_start + body_start + 1);
  }
  if (name.empty()) {
    Error(source, line_no, name_col,
          "missing " + std::string(keyword == "entity" ? "id" : "name") + " after '" +
              std::string(keyword) + "'");
    return nullptr;
  }
  size_t space = 0;
  while (space < name.size() && name[space] != ' ' && name[space] != '\t') ++space;
  if (space < name.size()) {
    Error(source, line_no, name_col + static_cast<int>(space),
          "unexpected text after '" + std::string(name.substr(0, space)) + "'");
    return nullptr;
  }
  if (keyword == "words" || keyword == "macro") {
    for (char c : name) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        Error(
            source, line_no, name_col,
            "invalid name '" + std::string(name) + "' (use lower-case letters, digits, '-', '_')");
        return nullptr;
      }
    }
  }
  RuleBlock& block = blocks_.emplace_back();
  block.index = blocks_.size() - 1;
  block.keyword = keyword;
  block.name = name;
  block.line = line_no;
  block.name_col = name_col;
  block.source = source;
  block.layer = sources_[source]->layer;
  if (!body.empty()) block.body = body;  // macros only
  block.body_col = body_col;
  return &block;
}

std::vector<std::pair<std::string, int>> SplitList(std::string_view value, int col) {
  std::vector<std::pair<std::string, int>> items;
  ForEachListItem(value, col, [&](std::string_view item, int at) {
    items.emplace_back(std::string(item), at);
  });
  return items;
}

std::string DateProblem(std::string_view value) {
  const Result<PartialDate> date = PartialDate::Parse(value);
  return date.ok() ? std::string() : date.status().message();
}

bool ParseInt(std::string_view text_view, int* out) {
  const std::string text(text_view);
  try {
    size_t used = 0;
    const int value = std::stoi(text, &used);
    if (used != text.size()) return false;
    *out = value;
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace parley::internal
