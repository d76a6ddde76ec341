// Extractor: one document in, entities and statements out. This is extract/'s front door;
// everything else in extract/ is a stage behind it (see extract/README.md).
//
// Created once from rule sources (the embedded defaults plus any user rule directories); the
// compiled rules are immutable, so one Extractor may be shared by any number of threads, each
// calling Extract() concurrently. Extract() is a pure function of (rules, document): it reads
// no clock and keeps no state between documents; relative dates resolve against
// Document::info.date.
#ifndef PARLEY_EXTRACT_EXTRACTOR_H_
#define PARLEY_EXTRACT_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "extract/rule_cache.h"

namespace parley {

struct ExtractorOptions {
  // Use the default rules embedded at build time from rules/. Default: true.
  bool default_rules = true;
  // Extra rule files or directories (searched recursively for *.rules), loaded after the
  // defaults; an entity or rule with the same id as an earlier one replaces it. Default: empty.
  std::vector<std::string> rule_paths;
  // Documents with more text than this (bytes) are analysed in windows of whole paragraphs of
  // at most this much normalised text (extract/rule_matcher.h AnalyzeInWindows), so that the
  // working memory of one document is bounded by the window, not the document (README.md,
  // "Memory"). Shorter documents are analysed whole. Default: 256 KiB, above every document of
  // the bench corpus (the longest has 252 KB). REQUIRES: > 0.
  size_t window_bytes = 256u << 10;
  // Fill Extraction::entities. False leaves it empty and skips counting the mentions, for a
  // caller that writes statements only (`parley extract --format jsonl`): the list costs some
  // 1.5 % of an extraction's instructions. Statements are the same either way. Default: true.
  bool entities = true;
  // Where the compiled rules may be read from instead of compiled, and written to
  // (extract/rule_cache.h): the built-in snapshot of the default rules and a cache directory.
  // Default: the built-in snapshot when the executable registered one (parley and the test
  // binaries do), no directory.
  RuleCacheOptions rules_cache;
};

// A sentence of the document as the splitter saw it.
struct SentenceInfo {
  Span span;       // code points in Document::text
  Span byte_span;  // bytes in Document::text
  // False for units that yield no relations (headings, menu lines, repeated sentences).
  bool relational = true;
};

struct Extraction {
  DocumentInfo info;                    // the input's info (date as given), normalized_hash set
  std::vector<SentenceInfo> sentences;  // in document order
  std::vector<Entity> entities;         // every entity mentioned, mentions counted; sorted by id
                                        // (empty unless ExtractorOptions::entities)
  std::vector<Statement> statements;    // sorted by (byte_span.begin, rule, id); ids unique
  std::vector<std::string> warnings;    // full lines, "doc: warning: ..."
};

class Extractor {
 public:
  // Compiles the rules. On failure the Status message lists every problem found, one per
  // line, compiler style ("path:line:column: error: message").
  static Result<std::unique_ptr<Extractor>> Create(const ExtractorOptions& options);
  virtual ~Extractor() = default;

  // Thread-safe. Errors only for documents the pipeline cannot handle at all (InvalidArgument
  // for text that is not valid UTF-8, which DocumentReader never produces).
  virtual Result<Extraction> Extract(const Document& document) const = 0;

  // 32 hex digits identifying the compiled rule set: equal fingerprints, equal output.
  virtual const std::string& rules_fingerprint() const = 0;
};

}  // namespace parley

#endif  // PARLEY_EXTRACT_EXTRACTOR_H_
