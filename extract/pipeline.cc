#include "extract/pipeline.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "base/memory.h"

namespace parley {
namespace {

// A fixed pool of threads running queued tasks in FIFO order; the owner may run queued tasks
// on its own thread too (RunOne) instead of waiting.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Loop(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    cv_.notify_all();
    for (std::thread& worker : workers_) worker.join();
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  void Submit(std::function<void()> task) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      tasks_.push_back(std::move(task));
    }
    cv_.notify_one();
  }

  // Runs the oldest queued task on the calling thread; false when none is queued.
  bool RunOne() {
    std::function<void()> task;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (tasks_.empty()) return false;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
    return true;
  }

 private:
  void Loop() {
    for (;;) {
      std::function<void()> task;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
        if (tasks_.empty()) return;
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
      task();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

// Consecutive documents handed to a worker as one task: a task per document cost a thread
// handoff (two wake-ups) per document, 10,000 context switches on the bench corpus.
struct Chunk {
  std::vector<Document> documents;
  std::vector<Result<Extraction>> results;  // written by the worker, read once `done` is ready
  std::future<void> done;
  size_t bytes = 0;
};

// A chunk is handed over once it holds this much text or this many documents.
constexpr size_t kChunkBytes = 64 << 10;
constexpr size_t kChunkDocuments = 32;

// After a chunk of at least this much text, the memory its extraction freed is given back to
// the system: allocators keep what a thread frees for that thread (glibc in its arena, mimalloc
// in its heap), so two long documents extracted one after the other on different threads would
// otherwise hold the peak of both.
constexpr size_t kReleaseBytes = 1 << 20;

}  // namespace

int ResolveJobs(int jobs) {
  if (jobs > 0) return jobs;
  const unsigned hardware = std::thread::hardware_concurrency();
  return hardware == 0 ? 1 : static_cast<int>(hardware);
}

Status RunExtraction(DocumentReader& reader, const Extractor& extractor,
                     const PipelineOptions& options, const ExtractionSink& sink) {
  const int jobs = ResolveJobs(options.jobs);
  if (jobs == 1) {
    for (;;) {
      PARLEY_ASSIGN_OR_RETURN(std::optional<Document> document, reader.Next());
      if (!document) return Status();
      if (options.want && !options.want(*document)) continue;
      Result<Extraction> result = extractor.Extract(*document);
      PARLEY_RETURN_IF_ERROR(sink(std::move(*document), std::move(result)));
    }
  }
  const size_t max_in_flight =
      options.max_in_flight > 0 ? options.max_in_flight : static_cast<size_t>(64 * jobs);
  const size_t max_bytes =
      options.max_in_flight_bytes > 0 ? options.max_in_flight_bytes : size_t{16} << 20;
  // Chunks stay small enough that the bounds still leave every worker a chunk to run.
  const size_t chunk_documents =
      std::max<size_t>(1, std::min(kChunkDocuments, max_in_flight / (2 * jobs)));
  const size_t chunk_bytes = std::max<size_t>(1, std::min(kChunkBytes, max_bytes / (2 * jobs)));
  size_t in_flight_documents = 0;
  size_t in_flight_bytes = 0;
  // Declared before the pool so that the pool (and its threads) is destroyed first.
  std::deque<Chunk> in_flight;  // submitted chunks, in input order
  Chunk filling;                // documents read but not yet submitted
  // The calling thread is one of the `jobs`: besides reading and sinking it runs queued chunks
  // whenever it would otherwise wait, so `jobs` threads share `jobs` cores instead of jobs + 1
  // threads time-slicing them.
  WorkerPool pool(jobs - 1);
  auto submit = [&] {
    if (filling.documents.empty()) return;
    // std::deque::push_back never moves existing elements, so the task may point at the chunk
    // where it is stored until it is drained.
    in_flight.push_back(std::move(filling));
    filling = Chunk();
    Chunk* chunk = &in_flight.back();
    auto bound = std::make_shared<std::packaged_task<void()>>([&extractor, chunk] {
      chunk->results.reserve(chunk->documents.size());
      for (const Document& d : chunk->documents) chunk->results.push_back(extractor.Extract(d));
    });
    chunk->done = bound->get_future();
    pool.Submit([bound] { (*bound)(); });
  };
  auto drain_one = [&]() -> Status {
    if (in_flight.empty()) submit();
    // Wait before moving the documents out: the worker reads them until the results are ready.
    std::future<void>& done = in_flight.front().done;
    while (done.wait_for(std::chrono::seconds(0)) != std::future_status::ready && pool.RunOne()) {
    }
    done.get();
    Chunk chunk = std::move(in_flight.front());
    in_flight.pop_front();
    in_flight_documents -= chunk.documents.size();
    in_flight_bytes -= chunk.bytes;
    for (size_t i = 0; i < chunk.documents.size(); ++i) {
      PARLEY_RETURN_IF_ERROR(sink(std::move(chunk.documents[i]), std::move(chunk.results[i])));
    }
    if (chunk.bytes >= kReleaseBytes) {
      chunk = Chunk();
      ReleaseFreedMemory();
    }
    return Status();
  };
  Status reader_status;
  Status sink_status;
  for (;;) {
    Result<std::optional<Document>> next = reader.Next();
    if (!next.ok()) {
      reader_status = next.status();
      break;
    }
    if (!next->has_value()) break;
    if (options.want && !options.want(**next)) continue;
    const size_t bytes = (**next).text.size();
    // Extraction holds several times a document's text (README.md, "Memory"): a document that
    // would take the text in flight past max_bytes waits for the ones before it, so however
    // many jobs run, the documents being extracted hold at most max_bytes of text, or one
    // document alone.
    if (in_flight_documents > 0 && in_flight_bytes + bytes > max_bytes) {
      submit();
      while (in_flight_documents > 0 && in_flight_bytes + bytes > max_bytes) {
        sink_status = drain_one();
        if (!sink_status.ok()) break;
      }
      if (!sink_status.ok()) break;
    }
    filling.bytes += bytes;
    filling.documents.push_back(std::move(**next));
    ++in_flight_documents;
    in_flight_bytes += bytes;
    if (filling.documents.size() >= chunk_documents || filling.bytes >= chunk_bytes) submit();
    while (in_flight_documents > 0 &&
           (in_flight_documents >= max_in_flight || in_flight_bytes >= max_bytes)) {
      sink_status = drain_one();
      if (!sink_status.ok()) break;
    }
    if (!sink_status.ok()) break;
  }
  // Documents read before a reader error are still delivered; after a sink error, queued work
  // is only awaited, so no worker touches a destroyed document.
  if (sink_status.ok()) submit();
  while (!in_flight.empty()) {
    if (sink_status.ok()) {
      sink_status = drain_one();
    } else {
      in_flight.front().done.wait();
      in_flight.pop_front();
    }
  }
  return sink_status.ok() ? reader_status : sink_status;
}

}  // namespace parley
