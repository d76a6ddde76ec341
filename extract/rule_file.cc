#include "extract/rule_file.h"

#include <algorithm>
#include <stdexcept>

#include "base/date.h"
#include "base/text.h"
#include "extract/rule_pattern.h"

namespace parley::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

}  // namespace

RuleFiles::RuleFiles(const std::vector<RuleSource>& sources,
                     std::vector<RuleDiagnostic>* diagnostics)
    : sources_(sources), diagnostics_(diagnostics) {}

void RuleFiles::Parse() {
  lines_.resize(sources_.size());
  for (size_t i = 0; i < sources_.size(); ++i) ParseSource(i);
}

void RuleFiles::Error(size_t source, int line, int col, std::string message) {
  RuleDiagnostic d;
  d.path = sources_[source].path;
  d.line = line;
  d.column = col;
  d.message = std::move(message);
  if (line >= 1 && static_cast<size_t>(line) <= lines_[source].size()) {
    d.line_text = lines_[source][line - 1];
  }
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
        "unknown property '" + p.key + "' in " + b.keyword + " '" + b.name + "' (expected " + list +
            ")" + DidYouMean(p.key, allowed));
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
  source_order_.emplace(sources_[source].path, source);
  const std::string& text = sources_[source].text;
  std::vector<std::string>& lines = lines_[source];
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  RuleBlock* current = nullptr;
  bool skipping = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int line_no = static_cast<int>(i + 1);
    std::string content = lines[i];
    for (size_t k = 0; k < content.size(); ++k) {
      if (content[k] == '#' && (k == 0 || IsSpace(content[k - 1]))) {
        content.resize(k);
        break;
      }
    }
    while (!content.empty() && IsSpace(content.back())) content.pop_back();
    size_t indent = 0;
    while (indent < content.size() && IsSpace(content[indent])) ++indent;
    if (indent == content.size()) continue;
    if (indent == 0) {
      current = ParseHeader(source, line_no, content);
      skipping = current == nullptr;
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
    RuleProp prop;
    prop.line = line_no;
    prop.key_col = static_cast<int>(indent + 1);
    if (current->keyword == "words" || current->keyword == "verbs") {
      prop.value = content.substr(indent);
      prop.value_col = prop.key_col;
    } else {
      size_t key_end = indent;
      while (key_end < content.size() && !IsSpace(content[key_end])) ++key_end;
      prop.key = content.substr(indent, key_end - indent);
      size_t value_start = key_end;
      while (value_start < content.size() && IsSpace(content[value_start])) ++value_start;
      prop.value = content.substr(value_start);
      prop.value_col = static_cast<int>(value_start + 1);
    }
    current->props.push_back(std::move(prop));
  }
}

RuleBlock* RuleFiles::ParseHeader(size_t source, int line_no, const std::string& content) {
  size_t kw_end = 0;
  while (kw_end < content.size() && !IsSpace(content[kw_end])) ++kw_end;
  const std::string keyword = content.substr(0, kw_end);
  bool known = false;
  for (std::string_view k : kBlockKeywords) known = known || k == keyword;
  if (!known) {
    std::vector<std::string> names(std::begin(kBlockKeywords), std::end(kBlockKeywords));
    Error(source, line_no, 1,
          "unknown block '" + keyword +
              "' (expected entity, words, macro, relation, frame, discover, coref, modality, "
              "verbs, actors, sector or discard)" +
              DidYouMean(keyword, names));
    return nullptr;
  }
  RuleBlock block;
  block.keyword = keyword;
  block.line = line_no;
  block.source = source;
  block.layer = sources_[source].layer;
  size_t name_start = kw_end;
  while (name_start < content.size() && IsSpace(content[name_start])) ++name_start;
  block.name_col = static_cast<int>(name_start + 1);
  std::string rest = content.substr(name_start);
  if (keyword == "macro") {
    const size_t eq = rest.find('=');
    if (eq == std::string::npos) {
      Error(source, line_no, block.name_col, "expected 'macro NAME = PATTERN'");
      return nullptr;
    }
    block.name = std::string(TrimSpace(std::string_view(rest).substr(0, eq)));
    size_t body_start = eq + 1;
    while (body_start < rest.size() && IsSpace(rest[body_start])) ++body_start;
    block.body = rest.substr(body_start);
    block.body_col = static_cast<int>(name_start + body_start + 1);
  } else {
    block.name = rest;
  }
  if (block.name.empty()) {
    Error(
        source, line_no, block.name_col,
        "missing " + std::string(keyword == "entity" ? "id" : "name") + " after '" + keyword + "'");
    return nullptr;
  }
  if (block.name.find_first_of(" \t") != std::string::npos) {
    Error(source, line_no, block.name_col + static_cast<int>(block.name.find_first_of(" \t")),
          "unexpected text after '" + block.name.substr(0, block.name.find_first_of(" \t")) + "'");
    return nullptr;
  }
  if (keyword == "words" || keyword == "macro") {
    for (char c : block.name) {
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
        Error(source, line_no, block.name_col,
              "invalid name '" + block.name + "' (use lower-case letters, digits, '-', '_')");
        return nullptr;
      }
    }
  }
  blocks_.push_back(std::move(block));
  return &blocks_.back();
}

std::vector<std::pair<std::string, int>> SplitList(std::string_view value, int col) {
  std::vector<std::pair<std::string, int>> items;
  size_t start = 0;
  while (start <= value.size()) {
    size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    std::string_view raw = value.substr(start, comma - start);
    size_t lead = 0;
    while (lead < raw.size() && IsSpace(raw[lead])) ++lead;
    items.emplace_back(std::string(TrimSpace(raw)), col + static_cast<int>(start + lead));
    start = comma + 1;
  }
  return items;
}

std::string DateProblem(std::string_view value) {
  const Result<PartialDate> date = PartialDate::Parse(value);
  return date.ok() ? std::string() : date.status().message();
}

bool ParseInt(const std::string& text, int* out) {
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
