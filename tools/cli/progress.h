// Progress for long jobs: on a terminal a self-updating line (documents, MB, MB/s, ETA), at most
// ten updates a second; elsewhere nothing until Finish(), which prints a one-line summary.
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

  void Update(uint64_t documents, uint64_t bytes, uint64_t statements);
  // Prints the final summary line, e.g.
  // "parley: ingested 80 documents (0.4 MB) in 0.3 s, 1.5 MB/s: 1,234 statements".
  void Finish(uint64_t documents, uint64_t bytes, uint64_t statements, std::string_view extra);

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
