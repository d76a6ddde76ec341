// Progress for long jobs: on a terminal a self-updating line (documents, MB of text, MB of text
// per second, statements, ETA), at most ten updates a second; elsewhere nothing until Finish(),
// which prints a one-line summary.
//
// Two byte counts: `bytes_read` is how far the reader is through its input files (compressed
// bytes for .zst), which is what the ETA can be measured against; `text_bytes` is the document
// text extracted so far, the unit throughput is quoted in (BENCHMARKS.md).
//
// Thread-safety: one thread calls Update/Finish.
#ifndef PARLEY_TOOLS_CLI_PROGRESS_H_
#define PARLEY_TOOLS_CLI_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

namespace parley::cli {

class Progress {
 public:
  // `verb` names the job ("extracted", "ingested"); `total_bytes` 0 when unknown (no ETA).
  Progress(std::ostream& err, bool is_tty, std::string_view verb, uint64_t total_bytes);

  struct Counts {
    uint64_t documents = 0;
    uint64_t bytes_read = 0;  // of the input files; 0 when not known
    uint64_t text_bytes = 0;  // of document text; 0 when no text was read
    uint64_t statements = 0;
  };

  void Update(const Counts& counts);
  // Prints the final summary line, e.g.
  // "parley: ingested 6,390 documents (35.4 MB of text, 7.9 MB read) in 5.1 s, 6.9 MB of text/s:
  // 8,345 statements". The byte figures are left out when both counts are 0 (statements
  // loaded from JSON Lines), "MB read" when it equals the text size to the shown precision.
  void Finish(const Counts& counts, std::string_view extra);

 private:
  double Seconds() const;

  std::ostream& err_;
  bool is_tty_;
  std::string verb_;
  uint64_t total_bytes_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  bool drawn_ = false;
};

// 1234567 -> "1,234,567".
std::string WithThousands(uint64_t value);

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_CLI_PROGRESS_H_
