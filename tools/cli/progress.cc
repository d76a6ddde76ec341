#include "tools/cli/progress.h"

#include <fmt/format.h>

#include <ostream>

namespace parley::cli {

std::string WithThousands(uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

Progress::Progress(std::ostream& err, bool is_tty, std::string_view verb, uint64_t total_bytes)
    : err_(err),
      is_tty_(is_tty),
      verb_(verb),
      total_bytes_(total_bytes),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double Progress::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::Update(uint64_t documents, uint64_t bytes, uint64_t statements) {
  if (!is_tty_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = Seconds();
  const double mb = static_cast<double>(bytes) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0;
  std::string line = fmt::format("\r{} {} docs  {:.1f} MB  {:.1f} MB/s  {} statements", verb_,
                                 WithThousands(documents), mb, rate, WithThousands(statements));
  if (total_bytes_ > 0 && bytes > 0 && bytes < total_bytes_ && rate > 0) {
    const double remaining = static_cast<double>(total_bytes_ - bytes) / 1e6 / rate;
    line += fmt::format("  {:.0f}%  ETA {:.0f} s",
                        100.0 * static_cast<double>(bytes) / static_cast<double>(total_bytes_),
                        remaining);
  }
  err_ << line << "\x1b[K" << std::flush;
}

void Progress::Finish(uint64_t documents, uint64_t bytes, uint64_t statements,
                      std::string_view extra) {
  const double seconds = Seconds();
  const double mb = static_cast<double>(bytes) / 1e6;
  if (drawn_) err_ << "\r\x1b[K";
  err_ << fmt::format("parley: {} {} documents ({:.1f} MB) in {:.1f} s, {:.1f} MB/s: {} statements",
                      verb_, WithThousands(documents), mb, seconds,
                      seconds > 0 ? mb / seconds : 0.0, WithThousands(statements));
  if (!extra.empty()) err_ << ", " << extra;
  err_ << "\n";
}

}  // namespace parley::cli
