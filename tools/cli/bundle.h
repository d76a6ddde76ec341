// The extraction bundle: everything `parley ingest` stores for a document, as one JSON Lines
// record, so that extraction can run on other machines (`parley extract --format bundle`,
// tools/dask) and one process builds the store from the results (`parley ingest --bundle`)
// exactly as a direct ingest of the same documents builds it.
//
// One line per document, keys in this order:
//
//   {"bundle": 1, "document": INFO, "rules_fingerprint": "…", "sentences": 37,
//    "entities": [ENTITY, …], "statements": [STATEMENT, …], "text": "…"}
//
//   bundle             the format version, 1; readers refuse other versions
//   document           the document's metadata as DocumentInfoToJson writes it (id, title, url,
//                      date, date_source, format, content_hash)
//   rules_fingerprint  Extractor::rules_fingerprint() of the rules that extracted it, so that
//                      `ingest --reextract` later knows which documents to run again
//   sentences          the number of sentences the splitter found
//   entities           the document's entity contributions (EntityToJson records: aliases,
//                      attributes, roles, mention counts), sorted by id
//   statements         the statement records (StatementToJson, the public contract), in the
//                      extractor's order
//   text               the stored text the statements' spans point into; its XXH3-128 must be
//                      the document's content_hash
//
// A bundle file is the concatenation of such lines in input order; bundles of a corpus' parts
// concatenated in the parts' order are the bundle of the whole corpus.
//
// Thread-safety: pure functions.
#ifndef PARLEY_TOOLS_CLI_BUNDLE_H_
#define PARLEY_TOOLS_CLI_BUNDLE_H_

#include <string>
#include <string_view>

#include "base/status.h"
#include "extract/extractor.h"
#include "graph/store.h"

namespace parley::cli {

// The record a store keeps for `document` extracted as `extraction` by rules `fingerprint`
// (with the extraction's normalized_hash).
DocumentRecord ToDocumentRecord(Document&& document, Extraction&& extraction,
                                const std::string& fingerprint);

// One bundle line, without the newline.
std::string BundleToJson(const DocumentRecord& record);

// Parses one bundle line. Errors: InvalidArgument naming the field (and the index of the entity
// or statement) that is missing or malformed, or a content_hash that does not match the text;
// OutOfRange for a bundle version other than 1.
Result<DocumentRecord> BundleFromJson(std::string_view line);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_BUNDLE_H_
