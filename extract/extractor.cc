#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <vector>

#include "base/text.h"
#include "extract/default_rules.h"
#include "extract/prepare.h"
#include "extract/rule_matcher.h"
#include "extract/rule_set.h"

namespace parley {
namespace {

// DocumentInfo::normalized_hash: the units' texts, one per line. They reach the hasher in
// pieces of some 64 KB: a call of its update costs about a hundred instructions, more than most
// units' bytes, and the hash of the whole does not depend on how it was cut.
std::string NormalizedHash(const PreparedDocument& prepared) {
  constexpr size_t kPiece = 64 << 10;
  ContentHasher hasher;
  std::string piece;
  for (const PreparedSentence& p : prepared.sentences) {
    if (!piece.empty() && piece.size() + p.text.size() >= kPiece) {
      hasher.Update(piece);
      piece.clear();
    }
    if (p.text.size() >= kPiece) {
      hasher.Update(p.text);
      hasher.Update("\n");
      continue;
    }
    piece += p.text;
    piece += '\n';
  }
  hasher.Update(piece);
  return hasher.Finish();
}

class RuleExtractor : public Extractor {
 public:
  RuleExtractor(std::shared_ptr<const RuleSet> rules, size_t window_bytes, bool entities)
      : rules_(std::move(rules)), window_bytes_(window_bytes), entities_(entities) {}

  Result<Extraction> Extract(const Document& document) const override {
    if (!IsValidUtf8(document.text)) {
      return InvalidArgumentError(document.info.id + ": text is not valid UTF-8");
    }
    PreparedDocument prepared = PrepareDocument(document);
    std::string title;
    const std::vector<SentenceInput> units = DocumentUnits(document, prepared, &title);

    Extraction out;
    out.info = document.info;
    out.info.normalized_hash = NormalizedHash(prepared);
    const CodePointIndex index(document.text);
    out.sentences.reserve(prepared.sentences.size());
    for (const PreparedSentence& p : prepared.sentences) {
      SentenceInfo info;
      info.byte_span = p.byte_span;
      info.span = {index.ToCodePoint(p.byte_span.begin), index.ToCodePoint(p.byte_span.end)};
      info.relational = p.relational;
      out.sentences.push_back(info);
    }
    // Verbatim repeats count as mentions of the first occurrence's statements.
    std::vector<uint32_t> repeats(prepared.sentences.size(), 0);
    for (const PreparedSentence& p : prepared.sentences) {
      int32_t root = p.repeat_of;
      while (root >= 0 && prepared.sentences[root].repeat_of >= 0) {
        root = prepared.sentences[root].repeat_of;
      }
      if (root >= 0) ++repeats[root];
    }
    std::map<std::string, Statement> by_id;
    auto add = [&](size_t i, std::vector<Statement>&& statements) {
      if (i >= prepared.sentences.size()) return;  // the title gives no statements
      for (Statement& st : statements) {
        st.doc = document.info.id;
        st.byte_span = prepared.sentences[i].byte_span;
        st.span = out.sentences[i].span;
        st.sentence =
            document.text.substr(st.byte_span.begin, st.byte_span.end - st.byte_span.begin);
        st.sentence_index = static_cast<uint32_t>(i);
        st.mentions = 1 + repeats[i];
        st.id = MakeStatementId(st);
        by_id.emplace(st.id, std::move(st));
      }
      // Analysed: its normalised text is not read again (AnalyzeInWindows).
      std::string().swap(prepared.sentences[i].text);
    };
    DocumentAnalysis analysis;
    if (document.text.size() <= window_bytes_) {
      analysis = AnalyzeSentences(*rules_, units, document.info.date, false, {}, document.info.url,
                                  entities_);
      for (size_t i = 0; i < analysis.sentences.size(); ++i) {
        add(i, std::move(analysis.sentences[i].statements));
      }
    } else {
      analysis = AnalyzeInWindows(*rules_, units, document.info.date, document.info.url,
                                  window_bytes_, add, entities_);
      if (analysis.discarded) by_id.clear();
    }
    out.entities = std::move(analysis.entities);
    // The map's nodes are sorted, not the statements (a sort moves each several times), and
    // each node is freed as its statement moves out, so the map and the vector are never both
    // whole.
    using Node = std::map<std::string, Statement>::node_type;
    std::vector<Node> nodes;
    nodes.reserve(by_id.size());
    while (!by_id.empty()) nodes.push_back(by_id.extract(by_id.begin()));
    std::sort(nodes.begin(), nodes.end(), [](const Node& x, const Node& y) {
      const Statement& a = x.mapped();
      const Statement& b = y.mapped();
      if (a.byte_span.begin != b.byte_span.begin) return a.byte_span.begin < b.byte_span.begin;
      if (a.rule != b.rule) return a.rule < b.rule;
      return a.id < b.id;
    });
    out.statements.reserve(nodes.size());
    for (Node& node : nodes) {
      out.statements.push_back(std::move(node.mapped()));
      node = Node();
    }
    return out;
  }

  const std::string& rules_fingerprint() const override { return rules_->fingerprint(); }

 private:
  std::shared_ptr<const RuleSet> rules_;
  size_t window_bytes_;
  bool entities_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractorOptions& options) {
  if (options.window_bytes == 0) return InvalidArgumentError("window_bytes must be positive");
  std::vector<RuleSource> sources;
  if (options.default_rules) sources = DefaultRuleSources();
  PARLEY_ASSIGN_OR_RETURN(std::vector<RuleSource> extra,
                          ReadRuleSources(options.rule_paths, /*first_layer=*/1));
  AddUserSources(std::move(extra), &sources);
  PARLEY_ASSIGN_OR_RETURN(std::shared_ptr<const RuleSet> rules,
                          LoadRuleSet(sources, options.rules_cache));
  return std::unique_ptr<Extractor>(
      new RuleExtractor(std::move(rules), options.window_bytes, options.entities));
}

}  // namespace parley
