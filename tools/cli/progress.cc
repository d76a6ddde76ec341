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

void Progress::Update(const Counts& counts) {
  if (!is_tty_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  drawn_ = true;
  const double seconds = Seconds();
  const double text_mb = static_cast<double>(counts.text_bytes) / 1e6;
  const double read_mb = static_cast<double>(counts.bytes_read) / 1e6;
  std::string line =
      fmt::format("\r{} {} docs  {:.1f} MB of text  {:.1f} MB/s  {} statements", verb_,
                  WithThousands(counts.documents), text_mb, seconds > 0 ? text_mb / seconds : 0,
                  WithThousands(counts.statements));
  const uint64_t bytes = counts.bytes_read;
  const double read_rate = seconds > 0 ? read_mb / seconds : 0;
  if (total_bytes_ > 0 && bytes > 0 && bytes < total_bytes_ && read_rate > 0) {
    const double remaining = static_cast<double>(total_bytes_ - bytes) / 1e6 / read_rate;
    line += fmt::format("  {:.0f}%  ETA {:.0f} s",
                        100.0 * static_cast<double>(bytes) / static_cast<double>(total_bytes_),
                        remaining);
  }
  err_ << line << "\x1b[K" << std::flush;
}

void Progress::Finish(const Counts& counts, std::string_view extra) {
  const double seconds = Seconds();
  const double text_mb = static_cast<double>(counts.text_bytes) / 1e6;
  const double read_mb = static_cast<double>(counts.bytes_read) / 1e6;
  if (drawn_) err_ << "\r\x1b[K";
  std::string sizes;
  if (counts.text_bytes > 0 || counts.bytes_read > 0) {
    sizes = fmt::format(" ({:.1f} MB of text", text_mb);
    if (fmt::format("{:.1f}", read_mb) != fmt::format("{:.1f}", text_mb)) {
      sizes += fmt::format(", {:.1f} MB read", read_mb);
    }
    sizes += ")";
  }
  err_ << fmt::format("parley: {} {} document{}{} in {:.1f} s", verb_,
                      WithThousands(counts.documents), counts.documents == 1 ? "" : "s", sizes,
                      seconds);
  if (!sizes.empty()) {
    err_ << fmt::format(", {:.1f} MB of text/s", seconds > 0 ? text_mb / seconds : 0.0);
  }
  err_ << fmt::format(": {} statement{}", WithThousands(counts.statements),
                      counts.statements == 1 ? "" : "s");
  if (!extra.empty()) err_ << ", " << extra;
  err_ << "\n";
}

}  // namespace parley::cli
