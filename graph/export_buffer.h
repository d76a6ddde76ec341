// Internal to graph/'s writers: a string buffer flushed to a stream in large blocks, so exports
// stream to disk in bounded memory without one ostream call per field.
//
// Thread-safety: one buffer per writer call; not shared.
#ifndef PARLEY_GRAPH_EXPORT_BUFFER_H_
#define PARLEY_GRAPH_EXPORT_BUFFER_H_

#include <ostream>
#include <string>

#include "base/status.h"

namespace parley::internal {

class OutputBuffer {
 public:
  explicit OutputBuffer(std::ostream& out) : out_(out) { text_.reserve(kFlushBytes + 4096); }
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  // The pending text; writers append to it and call EndRecord() after each node or edge.
  std::string& text() { return text_; }

  // Flushes once the buffer holds at least 1 MiB.
  void EndRecord() {
    if (text_.size() >= kFlushBytes) Flush();
  }

  // Flushes everything. IoError when the stream failed at any point.
  Status Finish() {
    Flush();
    out_.flush();
    if (!out_) return IoError("writing the export failed (disk full or stream closed?)");
    return Status();
  }

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 20;

  void Flush() {
    if (!text_.empty() && out_)
      out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
    text_.clear();
  }

  std::ostream& out_;
  std::string text_;
};

}  // namespace parley::internal

#endif  // PARLEY_GRAPH_EXPORT_BUFFER_H_
