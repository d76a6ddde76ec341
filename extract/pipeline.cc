#include "extract/pipeline.h"

#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace parley {
namespace {

// A fixed pool of threads running queued tasks in FIFO order.
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

struct InFlight {
  Document document;
  std::future<Result<Extraction>> result;
};

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
      options.max_in_flight_bytes > 0 ? options.max_in_flight_bytes : size_t{64} << 20;
  size_t in_flight_bytes = 0;
  // Declared before the pool so that the pool (and its threads) is destroyed first.
  std::deque<InFlight> in_flight;
  WorkerPool pool(jobs);
  auto drain_one = [&]() -> Status {
    // Wait before moving the document out: the worker reads it until the result is ready.
    Result<Extraction> result = in_flight.front().result.get();
    Document document = std::move(in_flight.front().document);
    in_flight.pop_front();
    in_flight_bytes -= document.text.size();
    return sink(std::move(document), std::move(result));
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
    // std::deque::push_back never moves existing elements, so the task may point at the
    // document where it is stored until it is drained.
    in_flight_bytes += (**next).text.size();
    in_flight.push_back(InFlight{std::move(**next), {}});
    InFlight& stored = in_flight.back();
    auto bound = std::make_shared<std::packaged_task<Result<Extraction>()>>(
        [&extractor, document = &stored.document] { return extractor.Extract(*document); });
    stored.result = bound->get_future();
    pool.Submit([bound] { (*bound)(); });
    while (!in_flight.empty() &&
           (in_flight.size() >= max_in_flight || in_flight_bytes >= max_bytes)) {
      sink_status = drain_one();
      if (!sink_status.ok()) break;
    }
    if (!sink_status.ok()) break;
  }
  // Documents read before a reader error are still delivered; after a sink error, queued work
  // is only awaited, so no worker touches a destroyed document.
  while (!in_flight.empty()) {
    if (sink_status.ok()) {
      sink_status = drain_one();
    } else {
      in_flight.front().result.wait();
      in_flight.pop_front();
    }
  }
  return sink_status.ok() ? reader_status : sink_status;
}

}  // namespace parley
