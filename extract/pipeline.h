// RunExtraction: the parallel driver behind `parley extract` and `parley ingest`.
//
// The calling thread reads documents from a DocumentReader and hands them, in chunks of
// consecutive documents, to `jobs` - 1 worker threads that run Extractor::Extract; while it
// waits for a result it runs queued chunks itself, so `jobs` threads are busy in all. Results
// come back to the calling thread through `sink` in input order, whatever `jobs` is, so output
// is deterministic. At most `max_in_flight`
// documents, and about `max_in_flight_bytes` of their text, are held at once, so memory stays
// bounded on any corpus size.
//
// Thread-safety: `sink` always runs on the calling thread; the Extractor is shared read-only.
#ifndef PARLEY_EXTRACT_PIPELINE_H_
#define PARLEY_EXTRACT_PIPELINE_H_

#include <cstddef>
#include <functional>

#include "base/status.h"
#include "base/types.h"
#include "extract/document_reader.h"
#include "extract/extractor.h"

namespace parley {

struct PipelineOptions {
  // Worker threads; 0 means one per hardware thread. 1 runs everything on the calling thread.
  // Default: 0.
  int jobs = 0;
  // Documents read but not yet passed to `sink`; 0 means 64 * jobs. Results come back in input
  // order, so a long document holds back the ones read after it: a deep queue keeps the other
  // workers busy meanwhile (4 * jobs left a worker idle ~10% of the time on the bench corpus).
  // Default: 0.
  size_t max_in_flight = 0;
  // Text bytes of the documents in flight: a document that would take them past it waits until
  // the documents before it are done (one document is always admitted, whatever its size), so
  // the documents extracted at once hold at most this much text, or one document alone,
  // whatever `jobs` is. 0 means 16 MiB (README.md, "Memory"). Default: 0.
  size_t max_in_flight_bytes = 0;
  // When set, called on the calling thread for each document before extraction; documents for
  // which it returns false are neither extracted nor passed to the sink (e.g. documents a store
  // already holds unchanged). Default: extract everything.
  std::function<bool(const Document&)> want;
};

// Called once per document in input order with the document and its extraction (or the
// extractor's error for that document). A non-OK return stops the run and is returned.
using ExtractionSink = std::function<Status(Document&& document, Result<Extraction>&& result)>;

// Runs until the reader is exhausted, the reader fails (its Status is returned) or the sink
// returns an error. REQUIRES: jobs >= 0.
Status RunExtraction(DocumentReader& reader, const Extractor& extractor,
                     const PipelineOptions& options, const ExtractionSink& sink);

// The number of worker threads `jobs` stands for (resolves 0 to the hardware count, >= 1).
int ResolveJobs(int jobs);

}  // namespace parley

#endif  // PARLEY_EXTRACT_PIPELINE_H_
