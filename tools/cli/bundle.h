// The extraction bundle: everything `parley ingest` stores for a document, as one JSON Lines
// record, so that extraction can run on other machines (`parley extract --format bundle`,
// tools/dask) and one process builds the store from the results (`parley ingest --bundle`)
// exactly as a direct ingest of the same documents builds it.
//
// A bundle stream is what one `parley extract --format bundle` (or one of its --requests)
// writes: one line per document, keys in this order:
//
//   {"bundle": 2, "stream_start": true, "document": INFO, "rules_fingerprint": "…",
//    "sentences": 37, "entities": [ENTITY | ["id", mentions], …],
//    "statements": [STATEMENT, …], "text": "…"}
//
//   bundle             the format version, 2 (readers also read version 1, below; they refuse
//                      other versions)
//   stream_start       true on the first line of a stream, absent on the others
//   document           the document's metadata as DocumentInfoToJson writes it (id, title, url,
//                      date, date_source, format, content_hash)
//   rules_fingerprint  Extractor::rules_fingerprint() of the rules that extracted it, so that
//                      `ingest --reextract` later knows which documents to run again
//   sentences          the number of sentences the splitter found
//   entities           the document's entity contributions, sorted by id. Each is an
//                      EntityToJson record (aliases, attributes, roles, mention count), or,
//                      when the stream already carried a record of that id equal to this one
//                      but for the mention count, the reference ["id", mentions]: that record
//                      with this document's count. Built-in entities (a gazetteer entry's
//                      aliases and attributes) recur in most documents, and their references
//                      make a stream about a third smaller and cheaper to write and read.
//   statements         the statement records (StatementToJson, the public contract), in the
//                      extractor's order
//   text               the stored text the statements' spans point into; its XXH3-128 must be
//                      the document's content_hash
//
// Which records a reference may name: writer and reader keep, per stream, a table of entity
// records by id, cleared at "stream_start". Every full record of an id already in the table
// replaces it; one of a new id is added while the table holds fewer than
// kBundleRememberedEntities, so both sides hold the same table and its memory is bounded.
//
// A bundle file is the concatenation of streams; streams concatenated in their parts' order
// are the bundle of the whole corpus. A line is read in its stream: a line whose references
// name records of earlier lines does not load alone (the reader says which id it misses).
// Version 1 lines (no references, no stream_start) still load.
//
// Thread-safety: a BundleWriter or BundleReader is used by one thread at a time.
#ifndef PARLEY_TOOLS_CLI_BUNDLE_H_
#define PARLEY_TOOLS_CLI_BUNDLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/json.h"
#include "base/status.h"
#include "extract/extractor.h"
#include "graph/store.h"

namespace parley::cli {

// The most entity records a stream's table holds (see above).
inline constexpr size_t kBundleRememberedEntities = 1 << 16;

// The record a store keeps for `document` extracted as `extraction` by rules `fingerprint`
// (with the extraction's normalized_hash).
DocumentRecord ToDocumentRecord(Document&& document, Extraction&& extraction,
                                const std::string& fingerprint);

// Writes one stream: the first line it returns starts the stream.
class BundleWriter {
 public:
  // Appends the bundle line of `record`, and a newline, to `out`.
  void Append(const DocumentRecord& record, std::string* out);

 private:
  bool started_ = false;
  std::unordered_map<std::string, Entity> sent_;  // the stream's table
};

// Reads the lines of one or more concatenated streams, in order.
class BundleReader {
 public:
  // Parses one bundle line (without its newline). Errors: InvalidArgument naming the field
  // (and the index of the entity or statement) that is missing or malformed, a reference to
  // an id the stream has not carried, or a content_hash that does not match the text;
  // OutOfRange for a bundle version other than 1 or 2. The records a failing line carried
  // before its error stay in the table, as they do in the writer's.
  Result<DocumentRecord> Read(std::string_view line);

 private:
  JsonParser parser_;
  std::unordered_map<std::string, Entity> table_;  // the stream's table
};

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_BUNDLE_H_
