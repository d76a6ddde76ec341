#include "extract/document_reader.h"

#include <fnmatch.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "base/date.h"
#include "base/text.h"
#include "extract/dates.h"
#include "extract/document_date.h"
#include "extract/encoding.h"
#include "extract/html.h"
#include "extract/jsonl.h"
#include "extract/markdown.h"
#include "extract/prepare.h"

namespace parley {
namespace {

namespace fs = std::filesystem;

constexpr size_t kReadChunk = 1 << 20;
// How much of stdin is looked at to guess its format.
constexpr size_t kSniffBytes = 64 << 10;

// ---- Byte sources: a file, stdin, bytes already in memory, zstd on top of any of them. ----

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`; 0 means the end. Errors: IoError, InvalidArgument (corrupt
  // compressed data: bad input, not a damaged store).
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
  // Input bytes taken from outside the process so far (compressed bytes for zstd; 0 for bytes
  // already in memory, which the reader counted when it read them).
  virtual uint64_t raw_read() const = 0;
};

class FileSource : public ByteSource {
 public:
  FileSource(std::FILE* file, std::string name, bool owned)
      : file_(file), name_(std::move(name)), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(file_);
  }
  Result<size_t> Read(char* buf, size_t n) override {
    const size_t got = std::fread(buf, 1, n, file_);
    if (got == 0 && std::ferror(file_)) return IoError(name_ + ": read error");
    raw_read_ += got;
    return got;
  }
  uint64_t raw_read() const override { return raw_read_; }

 private:
  std::FILE* file_;
  std::string name_;
  bool owned_;
  uint64_t raw_read_ = 0;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string data) : data_(std::move(data)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    const size_t got = std::min(n, data_.size() - pos_);
    std::copy_n(data_.data() + pos_, got, buf);
    pos_ += got;
    return got;
  }
  uint64_t raw_read() const override { return 0; }

 private:
  std::string data_;
  size_t pos_ = 0;
};

// `prefix` first, then the rest of `rest` (stdin after the bytes used to sniff its format).
class ChainSource : public ByteSource {
 public:
  ChainSource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ < prefix_.size()) {
      const size_t got = std::min(n, prefix_.size() - pos_);
      std::copy_n(prefix_.data() + pos_, got, buf);
      pos_ += got;
      return got;
    }
    return rest_->Read(buf, n);
  }
  uint64_t raw_read() const override { return pos_ + rest_->raw_read(); }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> rest_;
};

class ZstdSource : public ByteSource {
 public:
  ZstdSource(std::unique_ptr<ByteSource> inner, std::string name)
      : inner_(std::move(inner)), name_(std::move(name)), stream_(ZSTD_createDStream()) {
    ZSTD_initDStream(stream_);
    in_buf_.resize(ZSTD_DStreamInSize());
  }
  ~ZstdSource() override { ZSTD_freeDStream(stream_); }
  uint64_t raw_read() const override { return inner_->raw_read(); }

  Result<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out = {buf, n, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        if (eof_) {
          if (!frame_done_) return InvalidArgumentError(name_ + ": truncated zstd stream");
          return size_t{0};
        }
        PARLEY_ASSIGN_OR_RETURN(const size_t got, inner_->Read(in_buf_.data(), in_buf_.size()));
        if (got == 0) {
          eof_ = true;
          continue;
        }
        in_ = {in_buf_.data(), got, 0};
      }
      const size_t ret = ZSTD_decompressStream(stream_, &out, &in_);
      if (ZSTD_isError(ret)) {
        return InvalidArgumentError(name_ + ": corrupt zstd data: " + ZSTD_getErrorName(ret));
      }
      frame_done_ = ret == 0;
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::string name_;
  ZSTD_DStream* stream_;
  std::vector<char> in_buf_;
  ZSTD_inBuffer in_ = {nullptr, 0, 0};
  bool eof_ = false;
  bool frame_done_ = true;
};

// Splits a source into lines, never buffering more than `max_line` bytes of one line.
class LineReader {
 public:
  LineReader(std::unique_ptr<ByteSource> source, size_t max_line)
      : source_(std::move(source)), max_line_(max_line) {
    buf_.resize(kReadChunk);
  }

  // Reads the next line (without "\n" or "\r\n") into *line. Returns false at the end. A line
  // longer than max_line is skipped to its end and reported with *too_long (and *line empty).
  uint64_t raw_read() const { return source_->raw_read(); }

  Result<bool> Next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        PARLEY_ASSIGN_OR_RETURN(len_, source_->Read(buf_.data(), buf_.size()));
        pos_ = 0;
        if (len_ == 0) {
          if (line->ends_with('\r')) line->pop_back();
          return any;
        }
      }
      any = true;
      const char* start = buf_.data() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(start, '\n', len_ - pos_));
      const size_t take = nl == nullptr ? len_ - pos_ : static_cast<size_t>(nl - start);
      if (!*too_long) {
        if (line->size() + take > max_line_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(start, take);
        }
      }
      pos_ += take;
      if (nl != nullptr) {
        ++pos_;
        if (line->ends_with('\r')) line->pop_back();
        return true;
      }
    }
  }

 private:
  std::unique_ptr<ByteSource> source_;
  size_t max_line_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
};

// ---- Formats. ----

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         AsciiLower(s.substr(s.size() - suffix.size())) == AsciiLower(suffix);
}

// The format a file name implies, or "" when it says nothing.
std::string FormatFromName(std::string_view name) {
  for (std::string_view ext : {".md", ".markdown", ".mdown", ".mkd"}) {
    if (EndsWith(name, ext)) return "markdown";
  }
  for (std::string_view ext : {".html", ".htm", ".xhtml"}) {
    if (EndsWith(name, ext)) return "html";
  }
  for (std::string_view ext : {".jsonl", ".ndjson", ".jsonl.zst", ".ndjson.zst"}) {
    if (EndsWith(name, ext)) return "jsonl";
  }
  if (EndsWith(name, ".txt") || EndsWith(name, ".text")) return "text";
  return "";
}

// The format of content whose name says nothing.
std::string FormatFromContent(std::string_view head) {
  size_t i = 0;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) {
    ++i;
  }
  const std::string_view rest = head.substr(i);
  if (head.starts_with("---\n") || head.starts_with("---\r\n")) return "markdown";
  const std::string lower = AsciiLower(rest.substr(0, 512));
  if (lower.starts_with("<!doctype html") || lower.starts_with("<html") ||
      lower.find("<body") != std::string::npos || lower.find("<head") != std::string::npos) {
    return "html";
  }
  if (rest.starts_with("{\"") || rest.starts_with("{ \"")) return "jsonl";
  if (rest.starts_with("# ")) return "markdown";
  return "text";
}

bool ValidFormat(std::string_view f) {
  return f == "auto" || f == "text" || f == "markdown" || f == "html" || f == "jsonl";
}

std::string Plural(uint64_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

// ---- The reader. ----

struct Input {
  std::string arg;  // as the user gave it
  bool is_stdin = false;
  bool is_dir = false;
};

struct DirFrame {
  std::vector<fs::path> entries;  // sorted
  size_t next = 0;
};

class DocumentReaderImpl : public DocumentReader {
 public:
  DocumentReaderImpl(std::vector<Input> inputs, ReaderOptions options, uint64_t total)
      : inputs_(std::move(inputs)), options_(std::move(options)), bytes_total_(total) {}

  Result<std::optional<Document>> Next() override {
    while (true) {
      if (lines_ != nullptr) {
        PARLEY_ASSIGN_OR_RETURN(std::optional<Document> doc, NextJsonl());
        if (doc) return doc;
        continue;
      }
      std::optional<std::pair<std::string, bool>> next = NextPath();  // (path, named)
      if (!next) return std::optional<Document>();
      if (next->first == "-" && next->second) {
        PARLEY_ASSIGN_OR_RETURN(std::optional<Document> doc, ReadStdin());
        if (doc) return doc;
        continue;
      }
      reading_named_ = next->second;
      PARLEY_ASSIGN_OR_RETURN(std::optional<Document> doc, ReadPath(next->first));
      if (doc) return doc;
    }
  }

  uint64_t bytes_read() const override { return bytes_read_; }
  uint64_t bytes_total() const override { return bytes_total_; }
  uint64_t skipped_files() const override { return skipped_files_; }
  uint64_t skipped_records() const override { return skipped_records_; }
  uint64_t unreadable_named() const override { return unreadable_named_; }

 private:
  void Warn(const std::string& where, const std::string& message) const {
    if (options_.warn) options_.warn(where + ": warning: " + message);
  }
  void SkipFile(const std::string& where, const std::string& message) {
    ++skipped_files_;
    Warn(where, message);
  }
  void SkipLine(const std::string& where, const std::string& message) {
    ++skipped_records_;
    Warn(where, message);
  }
  // A file that cannot be read: skipped, and counted against the command when it was named.
  void Unreadable(const std::string& where, const std::string& message) {
    if (reading_named_) ++unreadable_named_;
    SkipFile(where, message);
  }

  bool Selected(const std::string& relative) const {
    auto matches = [&](const std::vector<std::string>& globs) {
      return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
        return fnmatch(g.c_str(), relative.c_str(), 0) == 0;
      });
    };
    if (!options_.include.empty() && !matches(options_.include)) return false;
    return !matches(options_.exclude);
  }

  // Lists one directory, sorted; hidden entries (".git", ".DS_Store") are left out.
  DirFrame List(const fs::path& dir) const {
    DirFrame frame;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      Warn(dir.string(), "cannot list directory: " + ec.message() + "; skipped");
      return frame;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        Warn(dir.string(), "error while listing directory: " + ec.message());
        break;
      }
      const std::string name = it->path().filename().string();
      if (name.empty() || name.front() == '.') continue;
      frame.entries.push_back(it->path());
    }
    std::sort(frame.entries.begin(), frame.entries.end());
    return frame;
  }

  // The next file to read: (path, whether the user named it).
  std::optional<std::pair<std::string, bool>> NextPath() {
    while (true) {
      if (!dirs_.empty()) {
        DirFrame& top = dirs_.back();
        if (top.next == top.entries.size()) {
          dirs_.pop_back();
          continue;
        }
        const fs::path path = top.entries[top.next++];
        std::error_code ec;
        const fs::file_status link = fs::symlink_status(path, ec);
        if (fs::is_directory(link)) {
          dirs_.push_back(List(path));
          continue;
        }
        const fs::file_status target = fs::status(path, ec);
        if (!fs::is_regular_file(target)) continue;  // sockets, dangling links, linked dirs
        const std::string relative = path.lexically_relative(root_).generic_string();
        if (!Selected(relative)) continue;
        return std::pair{path.string(), false};
      }
      if (next_input_ == inputs_.size()) return std::nullopt;
      const Input& input = inputs_[next_input_++];
      if (input.is_dir) {
        root_ = input.arg;
        dirs_.push_back(List(root_));
        continue;
      }
      return std::pair{input.arg, true};
    }
  }

  Result<std::optional<Document>> ReadPath(const std::string& path) {
    std::string format = options_.input_format;
    if (format == "auto") format = FormatFromName(path);
    std::error_code ec;
    const uint64_t size = fs::file_size(path, ec);
    if (ec) {
      Unreadable(path, "cannot read: " + ec.message() + "; skipped");
      return std::optional<Document>();
    }
    if (format == "jsonl") {
      std::FILE* file = std::fopen(path.c_str(), "rb");
      if (file == nullptr) {
        Unreadable(path, std::string("cannot open: ") + std::strerror(errno) + "; skipped");
        return std::optional<Document>();
      }
      std::unique_ptr<ByteSource> source = std::make_unique<FileSource>(file, path, true);
      if (EndsWith(path, ".zst")) source = std::make_unique<ZstdSource>(std::move(source), path);
      StartJsonl(path, std::move(source));
      return std::optional<Document>();
    }
    if (size > options_.max_doc_bytes) {
      bytes_read_ += size;
      SkipFile(path, "document of " + std::to_string(size) + " bytes is over the limit of " +
                         std::to_string(options_.max_doc_bytes) +
                         " bytes (max_doc_bytes); skipped");
      return std::optional<Document>();
    }
    std::string bytes;
    {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        Unreadable(path, std::string("cannot open: ") + std::strerror(errno) + "; skipped");
        return std::optional<Document>();
      }
      bytes.resize(size);
      in.read(bytes.data(), static_cast<std::streamsize>(size));
      bytes.resize(static_cast<size_t>(in.gcount()));
    }
    bytes_read_ += bytes.size();
    if (format.empty()) format = FormatFromContent(std::string_view(bytes).substr(0, kSniffBytes));
    if (format == "jsonl") {
      StartJsonl(path, std::make_unique<MemorySource>(std::move(bytes)));
      return std::optional<Document>();
    }
    return MakeDocument(path, std::move(bytes), format);
  }

  Result<std::optional<Document>> ReadStdin() {
    auto source = std::make_unique<FileSource>(stdin, "<stdin>", false);
    std::string head(kSniffBytes, '\0');
    size_t got = 0;
    while (got < head.size()) {
      PARLEY_ASSIGN_OR_RETURN(const size_t n, source->Read(head.data() + got, head.size() - got));
      if (n == 0) break;
      got += n;
    }
    head.resize(got);
    std::string format = options_.input_format;
    if (format == "auto") format = FormatFromContent(head);
    if (format == "jsonl") {
      StartJsonl("-", std::make_unique<ChainSource>(std::move(head), std::move(source)));
      return std::optional<Document>();
    }
    std::string bytes = std::move(head);
    bytes_read_ += bytes.size();
    bool too_big = bytes.size() > options_.max_doc_bytes;
    std::vector<char> chunk(kReadChunk);
    while (true) {
      PARLEY_ASSIGN_OR_RETURN(const size_t n, source->Read(chunk.data(), chunk.size()));
      if (n == 0) break;
      bytes_read_ += n;
      if (!too_big && bytes.size() + n > options_.max_doc_bytes) {
        too_big = true;
        bytes.clear();
        bytes.shrink_to_fit();
      }
      if (!too_big) bytes.append(chunk.data(), n);
    }
    if (too_big) {
      SkipFile("-", "document is over the limit of " + std::to_string(options_.max_doc_bytes) +
                        " bytes (max_doc_bytes); skipped");
      return std::optional<Document>();
    }
    return MakeDocument("-", std::move(bytes), format);
  }

  // A record's title as the document's title: a title with a backslash is the content of a YAML
  // double-quoted scalar copied undecoded (JSON has already decoded its own escapes).
  static std::string RecordTitle(const std::string& title) {
    if (title.find('\\') == std::string::npos) return title;
    return CollapseSpace(UnescapeDoubleQuoted(title));
  }

  // Checks, decodes and parses one document's bytes; nullopt (after a warning) when skipped.
  std::optional<Document> MakeDocument(const std::string& id, std::string bytes,
                                       const std::string& format) {
    if (bytes.empty()) {
      SkipFile(id, "empty file; skipped");
      return std::nullopt;
    }
    if (std::optional<std::string> reason = NotTextReason(bytes)) {
      SkipFile(id, *reason + "; skipped");
      return std::nullopt;
    }
    DecodedText decoded = DecodeText(bytes);
    bytes.clear();
    bytes.shrink_to_fit();
    if (decoded.invalid_bytes > 0) {
      Warn(id, Plural(decoded.invalid_bytes, "invalid UTF-8 byte") + " replaced with U+FFFD");
    }
    Document doc;
    doc.info.id = id;
    doc.info.format = format;
    std::string metadata_date;
    size_t body_begin = 0;
    if (format == "html") {
      HtmlContent html = ExtractHtml(decoded.text);
      if (html.degraded) {
        Warn(id, "HTML nested more than " + std::to_string(kMaxHtmlDepth) +
                     " elements deep; read with its tags stripped, not parsed");
      }
      doc.info.title = std::move(html.title);
      doc.info.url = std::move(html.url);
      metadata_date = std::move(html.date);
      doc.text = std::move(html.text);
    } else {
      // Front matter carries metadata whatever the file is called (a .txt file may have one).
      const FrontMatter fm = ParseFrontMatter(decoded.text);
      body_begin = fm.body_offset;
      auto field = [&](const char* key) {
        const auto it = fm.fields.find(key);
        return it == fm.fields.end() ? std::string() : it->second;
      };
      doc.info.title = CollapseSpace(field("title"));
      doc.info.url = field("source_url").empty() ? field("url") : field("source_url");
      metadata_date = field("date");
      doc.text = std::move(decoded.text);
    }
    if (!metadata_date.empty() && NormalizeMetadataDate(metadata_date).empty()) {
      Warn(id, "date '" + metadata_date + "' is not a date; ignored");
      metadata_date.clear();
    }
    Finish(&doc, body_begin, options_.date.empty() ? metadata_date : options_.date);
    return doc;
  }

  void Finish(Document* doc, size_t body_begin, const std::string& metadata_date) const {
    const DocumentDate date = DetermineDocumentDate(
        doc->text, body_begin, SyntaxForFormat(doc->info.format), metadata_date);
    doc->info.date = date.date;
    doc->info.date_source = date.source;
    doc->info.content_hash = ContentHash(doc->text);
  }

  void StartJsonl(const std::string& path, std::unique_ptr<ByteSource> source) {
    jsonl_path_ = path;
    jsonl_line_ = 0;
    jsonl_base_ = bytes_read_;
    lines_ = std::make_unique<LineReader>(std::move(source), options_.max_doc_bytes);
  }

  Result<std::optional<Document>> NextJsonl() {
    std::string line;
    while (true) {
      bool too_long = false;
      Result<bool> more = lines_->Next(&line, &too_long);
      bytes_read_ = jsonl_base_ + lines_->raw_read();
      if (!more.ok()) {
        // A corrupt or unreadable stream: what was read stays read, the rest of this input is
        // skipped, and the next input goes on.
        lines_.reset();
        Unreadable(jsonl_path_ + ":" + std::to_string(jsonl_line_ + 1),
                   more.status().message() + "; the rest of the file is skipped");
        return std::optional<Document>();
      }
      if (!*more) {
        lines_.reset();
        return std::optional<Document>();
      }
      ++jsonl_line_;
      const std::string where = jsonl_path_ + ":" + std::to_string(jsonl_line_);
      if (too_long) {
        SkipLine(where, "line is over the document limit of " +
                            std::to_string(options_.max_doc_bytes) +
                            " bytes (max_doc_bytes); skipped");
        continue;
      }
      if (TrimSpace(line).empty()) continue;
      DecodedText decoded = DecodeText(line);
      if (decoded.invalid_bytes > 0) {
        Warn(where, Plural(decoded.invalid_bytes, "invalid UTF-8 byte") + " replaced with U+FFFD");
      }
      Result<JsonlRecord> record = ParseJsonlRecord(decoded.text);
      if (!record.ok()) {
        SkipLine(where, record.status().message() + "; line skipped");
        continue;
      }
      Document doc;
      doc.info.id = std::move(record->id);
      doc.info.format = "jsonl";
      doc.info.title = RecordTitle(record->title);
      doc.info.url = std::move(record->url);
      doc.text = std::move(record->text);
      std::string date = std::move(record->date);
      if (!date.empty() && NormalizeMetadataDate(date).empty()) {
        Warn(where, "date '" + date + "' is not a date; ignored");
        date.clear();
      }
      Finish(&doc, 0, options_.date.empty() ? date : options_.date);
      return std::optional<Document>(std::move(doc));
    }
  }

  std::vector<Input> inputs_;
  ReaderOptions options_;
  uint64_t bytes_total_;
  uint64_t bytes_read_ = 0;
  uint64_t skipped_files_ = 0;
  uint64_t skipped_records_ = 0;
  uint64_t unreadable_named_ = 0;
  bool reading_named_ = false;  // the file being read was named, not found in a directory
  size_t next_input_ = 0;
  fs::path root_;  // the named directory being walked
  std::vector<DirFrame> dirs_;
  std::unique_ptr<LineReader> lines_;  // set while a JSONL input is being read
  std::string jsonl_path_;
  uint64_t jsonl_line_ = 0;
  uint64_t jsonl_base_ = 0;  // bytes_read_ when the current JSONL input started
};

// fnmatch has no compile step; reject what it would silently treat literally.
Status CheckGlob(const std::string& glob, const char* option) {
  if (glob.empty()) return InvalidArgumentError(std::string(option) + ": empty glob pattern");
  int depth = 0;
  for (size_t i = 0; i < glob.size(); ++i) {
    if (glob[i] == '\\') {
      ++i;
      continue;
    }
    if (glob[i] == '[') ++depth;
    if (glob[i] == ']' && depth > 0) --depth;
  }
  if (depth != 0) {
    return InvalidArgumentError(std::string(option) + ": unbalanced '[' in glob pattern '" + glob +
                                "'");
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<DocumentReader>> DocumentReader::Open(std::vector<std::string> inputs,
                                                             ReaderOptions options) {
  if (!ValidFormat(options.input_format)) {
    return InvalidArgumentError("unknown input format '" + options.input_format +
                                "' (expected auto, text, markdown, html or jsonl)");
  }
  if (options.max_doc_bytes == 0) return InvalidArgumentError("max_doc_bytes must be positive");
  for (const std::string& g : options.include) PARLEY_RETURN_IF_ERROR(CheckGlob(g, "--include"));
  for (const std::string& g : options.exclude) PARLEY_RETURN_IF_ERROR(CheckGlob(g, "--exclude"));
  if (!options.date.empty()) {
    PARLEY_RETURN_IF_ERROR(
        PartialDate::ParseTimestamp(options.date).status().WithContext("--date"));
  }
  if (options.max_doc_bytes >= (uint64_t{1} << 32)) {
    return InvalidArgumentError("max_doc_bytes must be below 4 GiB");
  }
  std::vector<Input> resolved;
  uint64_t total = 0;
  bool total_known = true;
  int stdin_count = 0;
  for (std::string& arg : inputs) {
    Input input;
    input.arg = std::move(arg);
    if (input.arg == "-") {
      if (++stdin_count > 1) return InvalidArgumentError("'-' (stdin) given more than once");
      input.is_stdin = true;
      total_known = false;
      resolved.push_back(std::move(input));
      continue;
    }
    std::error_code ec;
    const fs::file_status status = fs::status(input.arg, ec);
    if (ec || !fs::exists(status)) {
      return NotFoundError(input.arg + ": no such file or directory");
    }
    if (fs::is_directory(status)) {
      input.is_dir = true;
      total_known = false;
    } else {
      const uint64_t size = fs::file_size(input.arg, ec);
      if (!ec) total += size;
    }
    resolved.push_back(std::move(input));
  }
  return std::unique_ptr<DocumentReader>(std::make_unique<DocumentReaderImpl>(
      std::move(resolved), std::move(options), total_known ? total : 0));
}

}  // namespace parley
