#include "extract/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace parley {
namespace {

// Yields `count` documents "d0", "d1", ...; fails instead of yielding document `fail_at`.
class FakeReader : public DocumentReader {
 public:
  FakeReader(int count, int fail_at = -1) : count_(count), fail_at_(fail_at) {}
  Result<std::optional<Document>> Next() override {
    if (next_ == fail_at_) return IoError("disk gone at " + std::to_string(next_));
    if (next_ >= count_) return std::optional<Document>();
    Document d;
    d.info.id = "d" + std::to_string(next_);
    d.text = std::string(static_cast<size_t>(next_ % 7) + 1, 'x');
    ++next_;
    bytes_ += d.text.size();
    return std::optional<Document>(std::move(d));
  }
  uint64_t bytes_read() const override { return bytes_; }
  uint64_t bytes_total() const override { return 0; }
  int documents_read() const { return next_; }

 private:
  int count_;
  int fail_at_;
  int next_ = 0;
  uint64_t bytes_ = 0;
};

// "Extracts" one statement whose predicate is the text; documents of length 3 take longest, so
// completion order differs from input order. Counts concurrent calls.
class FakeExtractor : public Extractor {
 public:
  Result<Extraction> Extract(const Document& document) const override {
    const int now = ++active_;
    int seen = max_active_.load();
    while (now > seen && !max_active_.compare_exchange_weak(seen, now)) {
    }
    if (document.text.size() == 3) std::this_thread::sleep_for(std::chrono::milliseconds(2));
    --active_;
    if (document.info.id == "d13") return InvalidArgumentError("bad document");
    Extraction e;
    e.info = document.info;
    Statement s;
    s.doc = document.info.id;
    s.predicate = document.text;
    e.statements.push_back(s);
    return e;
  }
  const std::string& rules_fingerprint() const override { return fingerprint_; }
  int max_active() const { return max_active_.load(); }

 private:
  std::string fingerprint_ = "fake";
  mutable std::atomic<int> active_{0};
  mutable std::atomic<int> max_active_{0};
};

TEST(PipelineTest, DeliversInInputOrderForAnyJobCount) {
  for (int jobs : {1, 2, 3, 8}) {
    SCOPED_TRACE(jobs);
    FakeReader reader(50);
    FakeExtractor extractor;
    std::vector<std::string> seen;
    int errors = 0;
    PipelineOptions options;
    options.jobs = jobs;
    Status status = RunExtraction(reader, extractor, options,
                                  [&](Document&& d, Result<Extraction>&& r) -> Status {
                                    seen.push_back(d.info.id);
                                    if (!r.ok()) {
                                      ++errors;
                                    } else {
                                      EXPECT_EQ(r->statements.at(0).doc, d.info.id);
                                      EXPECT_EQ(r->statements.at(0).predicate, d.text);
                                    }
                                    return Status();
                                  });
    ASSERT_TRUE(status.ok()) << status.ToString();
    ASSERT_EQ(seen.size(), 50u);
    for (int i = 0; i < 50; ++i) EXPECT_EQ(seen[static_cast<size_t>(i)], "d" + std::to_string(i));
    EXPECT_EQ(errors, 1);  // d13's extraction error reaches the sink, the run goes on
    if (jobs == 1) {
      EXPECT_EQ(extractor.max_active(), 1);
    }
  }
}

// Documents and text bytes read but not yet sunk never exceed the bounds (the byte bound may be
// passed by the last document read, which is always admitted).
TEST(PipelineTest, InFlightStaysWithinDocumentAndByteBounds) {
  struct Case {
    size_t max_docs, max_bytes;
  };
  for (const Case& c : {Case{5, 1000}, Case{100, 10}, Case{3, 4}, Case{100, 1}}) {
    SCOPED_TRACE(std::to_string(c.max_docs) + " documents, " + std::to_string(c.max_bytes) +
                 " bytes");
    FakeReader reader(60);
    FakeExtractor extractor;
    PipelineOptions options;
    options.jobs = 3;
    options.max_in_flight = c.max_docs;
    options.max_in_flight_bytes = c.max_bytes;
    uint64_t sunk_docs = 0, sunk_bytes = 0, max_docs = 0, max_bytes = 0;
    Status status = RunExtraction(
        reader, extractor, options, [&](Document&& d, Result<Extraction>&&) -> Status {
          // Held now: read so far minus sunk before this one.
          max_docs = std::max<uint64_t>(max_docs,
                                        static_cast<uint64_t>(reader.documents_read()) - sunk_docs);
          max_bytes = std::max<uint64_t>(max_bytes, reader.bytes_read() - sunk_bytes);
          ++sunk_docs;
          sunk_bytes += d.text.size();
          return Status();
        });
    ASSERT_TRUE(status.ok()) << status.ToString();
    EXPECT_EQ(sunk_docs, 60u);
    EXPECT_LE(max_docs, c.max_docs);
    // FakeReader's documents hold 1-7 bytes.
    EXPECT_LE(max_bytes, c.max_bytes + 6);
  }
}

TEST(PipelineTest, WantFiltersBeforeExtraction) {
  FakeReader reader(10);
  FakeExtractor extractor;
  std::vector<std::string> seen;
  PipelineOptions options;
  options.jobs = 2;
  options.want = [](const Document& d) { return d.info.id != "d3" && d.info.id != "d4"; };
  ASSERT_TRUE(
      RunExtraction(reader, extractor, options, [&](Document&& d, Result<Extraction>&&) -> Status {
        seen.push_back(d.info.id);
        return Status();
      }).ok());
  EXPECT_EQ(seen, (std::vector<std::string>{"d0", "d1", "d2", "d5", "d6", "d7", "d8", "d9"}));
}

TEST(PipelineTest, SinkErrorStopsTheRun) {
  for (int jobs : {1, 4}) {
    SCOPED_TRACE(jobs);
    FakeReader reader(100);
    FakeExtractor extractor;
    int delivered = 0;
    PipelineOptions options;
    options.jobs = jobs;
    Status status =
        RunExtraction(reader, extractor, options, [&](Document&&, Result<Extraction>&&) -> Status {
          return ++delivered == 5 ? IoError("disk full") : Status();
        });
    EXPECT_EQ(status, IoError("disk full"));
    EXPECT_EQ(delivered, 5);
  }
}

TEST(PipelineTest, ReaderErrorIsReturnedAfterEarlierDocuments) {
  for (int jobs : {1, 3}) {
    SCOPED_TRACE(jobs);
    FakeReader reader(20, /*fail_at=*/7);
    FakeExtractor extractor;
    int delivered = 0;
    PipelineOptions options;
    options.jobs = jobs;
    Status status =
        RunExtraction(reader, extractor, options, [&](Document&&, Result<Extraction>&&) -> Status {
          ++delivered;
          return Status();
        });
    EXPECT_EQ(status.code(), StatusCode::kIoError);
    EXPECT_EQ(status.message(), "disk gone at 7");
    EXPECT_EQ(delivered, 7);
  }
}

TEST(PipelineTest, ResolveJobs) {
  EXPECT_EQ(ResolveJobs(3), 3);
  EXPECT_GE(ResolveJobs(0), 1);
}

}  // namespace
}  // namespace parley
