#include "extract/explain.h"

#include <vector>

#include "base/text.h"
#include "extract/prepare.h"
#include "extract/rule_matcher.h"

namespace parley {
namespace {

std::string Quoted(std::string_view text) {
  if (text.find_first_of(" \"") == std::string_view::npos && !text.empty()) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string ExplainUnit(const PreparedSentence& unit, bool relational, size_t index,
                        const SentenceAnalysis& analysis) {
  std::string out = "sentence " + std::to_string(index) + ": " + unit.text + "\n";
  if (!relational) {
    out += "  (" + std::string(UnitKindName(unit.kind)) +
           (unit.repeat_of >= 0 ? ", repeat of sentence " + std::to_string(unit.repeat_of) : "") +
           ": mentions only, no statements)\n";
  }
  out += "mentions:\n";
  if (analysis.mentions.empty()) out += "  (none)\n";
  for (const MentionTrace& m : analysis.mentions) {
    out += "  " + std::to_string(m.bytes.begin) + "-" + std::to_string(m.bytes.end) + " " +
           Quoted(m.text) + "  ";
    if (m.kind == "date") {
      out += "date " + m.time.value + " (" + m.time.start + ".." + m.time.end + ")";
    } else if (m.kind == "quote") {
      out += "quote";
    } else {
      out += m.entity_id + " \"" + m.label + "\"";
      if (m.kind == "demonym") out += " as demonym";
      if (!m.acts_as.empty()) out += ", acts as " + m.acts_as;
    }
    out += "  [" + m.via + "]\n";
  }
  out += "tagged: " + analysis.tagged + "\n";
  if (relational) {
    out += "clauses:\n";
    out += analysis.clauses.empty() ? "  (no verb group)\n" : analysis.clauses;
  }
  out += "rules fired:\n";
  if (analysis.firings.empty()) out += "  (none)\n";
  for (const RuleFiring& f : analysis.firings) {
    out += "  " + f.rule + " (" + f.what + " line " + std::to_string(f.line) + "):";
    for (const auto& [role, value] : f.captures) out += " " + role + "=" + value;
    out += "\n";
  }
  out += "statements:\n";
  if (analysis.statements.empty()) out += "  (none)\n";
  for (const Statement& st : analysis.statements) {
    out += "  " + FormatStatementBrief(st) + "  [rule " + st.rule + "]\n";
  }
  return out;
}

Result<std::string> Explain(const RuleSet& rules, const Document& document, size_t first,
                            size_t last, bool all_relational) {
  if (!IsValidUtf8(document.text)) return InvalidArgumentError("text is not valid UTF-8");
  const PreparedDocument prepared = PrepareDocument(document);
  if (first >= prepared.sentences.size()) {
    return InvalidArgumentError("no sentence " + std::to_string(first) + " (the document has " +
                                std::to_string(prepared.sentences.size()) + ")");
  }
  std::string title;
  const std::vector<SentenceInput> units =
      DocumentUnits(document, prepared, &title, all_relational);
  const DocumentAnalysis analysis =
      AnalyzeSentences(rules, units, document.info.date, /*trace=*/true, {}, document.info.url);
  std::string out;
  if (!document.info.date.empty()) out += "document date: " + document.info.date + "\n";
  if (!analysis.actors.empty()) out += "document actors:\n" + analysis.actors;
  for (size_t i = first; i < last && i < prepared.sentences.size(); ++i) {
    if (i > first) out += "\n";
    out += ExplainUnit(prepared.sentences[i], units[i].relational, i, analysis.sentences[i]);
  }
  return out;
}

}  // namespace

std::string FormatStatementBrief(const Statement& st) {
  std::string out = st.subject.id + " " + st.predicate;
  if (st.object) out += " " + st.object->id;
  if (st.recipient) out += " recipient=" + st.recipient->id;
  if (st.event) out += " event=" + st.event->id;
  if (st.place) out += " place=" + st.place->id;
  if (st.time) out += " time=" + st.time->value;
  out += " modality=" + std::string(ModalityName(st.modality));
  if (st.text) out += " text=" + Quoted(*st.text);
  if (!st.plover.empty()) out += " plover=" + st.plover;
  if (!st.cameo.empty()) out += " cameo=" + st.cameo;
  return out;
}

Result<std::string> ExplainText(const RuleSet& rules, std::string_view text,
                                std::string_view doc_date) {
  Document document;
  document.info.id = "explain";
  document.info.format = "text";
  document.info.date = std::string(doc_date);
  document.text = std::string(text);
  // A sentence typed to be explained is meant as a sentence, whatever its shape.
  return Explain(rules, document, 0, static_cast<size_t>(-1), /*all_relational=*/true);
}

Result<std::string> ExplainSentence(const RuleSet& rules, const Document& document,
                                    size_t sentence_index) {
  return Explain(rules, document, sentence_index, sentence_index + 1, /*all_relational=*/false);
}

}  // namespace parley
