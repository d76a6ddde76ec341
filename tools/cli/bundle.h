// The extraction bundle: everything `parley ingest` stores for a document, as one record, so
// that extraction can run on other machines (`parley extract --format bundle`, tools/dask) and
// one process builds the store from the results (`parley ingest --bundle`) exactly as a direct
// ingest of the same documents builds it.
//
// A bundle stream is what one `parley extract --format bundle` (or one of its --requests)
// writes. This parley writes version 3, binary; it reads versions 1 and 2 (JSON Lines, below)
// as well. All integers below are unsigned 32-bit little-endian ("u32"); a "record" is one of
// the store's binary records (graph/FORMAT.md, graph/keys.h: their tag, layout version and
// fields), so the bundle defines no encoding of its own for documents, entities or statements,
// and every record layout the store still reads loads from a bundle too.
//
//   stream header    the 8 bytes "\0PBUNDLE", then u32 version (3)
//   document frame   the byte 'd', u32 N, then N bytes:
//     u32 n, the document's DocMeta record (tag 'D': its metadata, rules fingerprint,
//            sentence count, and the numbers of statements and entities that follow)
//     u32 n, the stored text (UTF-8) the statements' spans point into; its XXH3-128 must be
//            the document's content_hash
//     u32 count of entity contributions, sorted by id, each u32 n and n bytes: the store's
//            Entity record (tag 'E': aliases, attributes, roles, mention count), or a
//            reference 'R', u32 mentions, then the entity id (the rest of the n bytes): the
//            stream's record of that id with this document's mention count (a count over
//            the u32 range travels in a full record)
//     u32 count of statements, in the extractor's order, each u32 n and a Statement record
//            (tag 'S')
//
// A frame holds exactly these bytes; a frame whose content is malformed is refused alone (the
// next one is read), while bytes that are neither a stream header nor a frame, a truncated
// frame or a stream of a version this parley does not read end the file.
//
// Versions 1 and 2 are JSON Lines, one document a line, keys in this order:
//
//   {"bundle": 2, "stream_start": true, "document": INFO, "rules_fingerprint": "…",
//    "sentences": 37, "entities": [ENTITY | ["id", mentions], …],
//    "statements": [STATEMENT, …], "text": "…"}
//
// with the fields of a frame: "document" as DocumentInfoToJson writes it, entities as
// EntityToJson records or references ["id", mentions], statements as StatementToJson records
// (the public contract); "stream_start" (version 2) starts a stream. Version 1 lines have no
// references. A bundle file may hold binary streams, JSON lines and blank lines in any order.
//
// Which records a reference may name (versions 2 and 3): writer and reader keep, per stream, a
// table of entity records by id, cleared at a stream's start. Every full record of an id
// already in the table replaces it; one of a new id is added while the table holds fewer than
// kBundleRememberedEntities, so both sides hold the same table and its memory is bounded.
// Built-in entities (a gazetteer entry's aliases and attributes) recur in most documents, and
// their references make a stream about a third smaller and cheaper to write and read.
//
// A bundle file is the concatenation of streams; streams concatenated in their parts' order
// are the bundle of the whole corpus. A document is read in its stream: one whose references
// name records of earlier documents does not load alone (the reader says which id it misses).
//
// Why binary (version 3): the JSON of version 2 cost the Dask recipe a parse and an escape of
// every byte of text and statement, about 0.5 CPU s on the bench corpus (BENCHMARKS.md).
//
// Thread-safety: a BundleWriter or BundleReader is used by one thread at a time.
#ifndef PARLEY_TOOLS_CLI_BUNDLE_H_
#define PARLEY_TOOLS_CLI_BUNDLE_H_

#include <cstddef>
#include <istream>
#include <optional>
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

// Writes one stream (version 3): the first document it appends starts with the stream header.
class BundleWriter {
 public:
  // Appends the frame of `record` (after the stream header, the first time) to `out`.
  void Append(const DocumentRecord& record, std::string* out);

 private:
  bool started_ = false;
  std::unordered_map<std::string, Entity> sent_;  // the stream's table
  std::string scratch_;                           // a record being encoded
};

// One document read from a bundle file: where it was, and the record or why it does not load.
struct BundleItem {
  // "line N" for a JSON line (N counts the JSON and blank lines of the file: its line number
  // in a file of JSON lines), "byte N" for a frame (the offset of its 'd').
  std::string where;
  Status status;          // OK, or why the document does not load
  DocumentRecord record;  // when status is OK
};

// Reads the documents of one or more concatenated streams, in order.
class BundleReader {
 public:
  // Reads the next document of the bundle file `in` (streams of any version, blank lines)
  // into `item`; returns false at the end of `in`. A document that does not load comes back
  // as an item holding its error (InvalidArgument naming the field, the entity or statement index,
  // a reference to an id the stream has not carried, or a content_hash that does not match the
  // text; OutOfRange for a JSON line of another version): the caller may report it and read on. The
  // file cannot be read on, and Next returns an error naming the byte, when it holds bytes that
  // start no bundle, a truncated frame or header, or a stream of another version (OutOfRange), or
  // when `in` fails.
  Result<bool> Next(std::istream& in, BundleItem* item);

  // Parses one JSON bundle line of version 1 or 2 (without its newline); errors as above. The
  // records a failing line carried before its error stay in the table, as they do in the
  // writer's.
  Result<DocumentRecord> Read(std::string_view line);

  // Parses the content of one version 3 document frame (the N bytes after 'd' and N).
  Result<DocumentRecord> ReadFrame(std::string_view frame);

 private:
  JsonParser parser_;
  std::unordered_map<std::string, Entity> table_;  // the stream's table
  uint64_t line_ = 0;                              // JSON and blank lines read so far
  uint64_t offset_ = 0;                            // bytes Next read so far
  bool in_binary_stream_ = false;                  // a version 3 header was read
  std::string buffer_;
};

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_BUNDLE_H_
