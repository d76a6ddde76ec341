// Format dispatch and WriteFile (graph/export.h); the writers live in export_xml.cc,
// export_text.cc, export_events.cc and export_html.cc.
#include "graph/export.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "base/text.h"

namespace parley {

std::string_view ExportFormatName(ExportFormat format) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return "graphml";
    case ExportFormat::kGexf:
      return "gexf";
    case ExportFormat::kCsvNodes:
      return "csv-nodes";
    case ExportFormat::kCsvEdges:
      return "csv-edges";
    case ExportFormat::kDot:
      return "dot";
    case ExportFormat::kStatementsJsonl:
      return "statements";
    case ExportFormat::kEntitiesJsonl:
      return "entities";
    case ExportFormat::kPloverJsonl:
      return "plover";
    case ExportFormat::kHtml:
      return "html";
    case ExportFormat::kEventsTsv:
      return "events";
    case ExportFormat::kEventsJsonl:
      return "events-jsonl";
  }
  return "unknown";
}

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  std::string known;
  std::string_view nearest;
  size_t nearest_distance = 3;  // suggest only close misspellings
  for (ExportFormat format : kAllExportFormats) {
    const std::string_view candidate = ExportFormatName(format);
    if (candidate == name) return format;
    if (!known.empty()) known += ", ";
    known += candidate;
    const size_t distance = EditDistance(AsciiLower(name), candidate, nearest_distance);
    if (distance < nearest_distance) {
      nearest_distance = distance;
      nearest = candidate;
    }
  }
  std::string message = "unknown export format '";
  message.append(name);
  message += "'";
  if (!nearest.empty()) {
    message += " (did you mean '";
    message.append(nearest);
    message += "'?)";
  }
  return InvalidArgumentError(message + "; known: " + known);
}

Status WriteExport(const GraphView& view, ExportFormat format, const GexfOptions& gexf,
                   std::ostream& out) {
  switch (format) {
    case ExportFormat::kGraphMl:
      return WriteGraphMl(view, out);
    case ExportFormat::kGexf:
      return WriteGexf(view, gexf, out);
    case ExportFormat::kCsvNodes:
      return WriteCsvNodes(view, out);
    case ExportFormat::kCsvEdges:
      return WriteCsvEdges(view, out);
    case ExportFormat::kDot:
      return WriteDot(view, out);
    case ExportFormat::kStatementsJsonl:
      return WriteStatementsJsonl(view, out);
    case ExportFormat::kEntitiesJsonl:
      return WriteEntitiesJsonl(view, out);
    case ExportFormat::kPloverJsonl:
      return WritePloverJsonl(view, out);
    case ExportFormat::kHtml:
      return WriteHtml(view, out);
    case ExportFormat::kEventsTsv:
      return WriteEvents(view, EventEncoding::kTsv, out);
    case ExportFormat::kEventsJsonl:
      return WriteEvents(view, EventEncoding::kJsonl, out);
  }
  return InternalError("unhandled export format");
}

namespace {

// Writes in place to a device, FIFO or socket: they cannot be replaced, only written.
Status WriteInPlace(const std::string& path, const std::function<Status(std::ostream&)>& write) {
  std::ofstream file(path, std::ios::binary | std::ios::out);
  if (!file) return IoError(path + ": cannot open for writing: " + std::strerror(errno));
  if (Status status = write(file); !status.ok()) return status.WithContext(path);
  file.close();
  if (!file) return IoError(path + ": writing failed");
  return Status();
}

}  // namespace

Status WriteFile(const std::string& path, const std::function<Status(std::ostream&)>& write,
                 const WriteFileOptions& options) {
  std::string target = path;
  struct stat link;
  if (lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)) {
    struct stat pointee;
    if (stat(path.c_str(), &pointee) == 0 && !S_ISREG(pointee.st_mode) &&
        !S_ISDIR(pointee.st_mode) && !options.follow_symlinks) {
      return InvalidArgumentError(
          path +
          ": is a symbolic link to a device, FIFO or socket; not writing through it "
          "(name the target itself, or pass --follow-symlinks)");
    }
    // Replace what the link points at, not the link.
    char resolved[PATH_MAX];
    if (realpath(path.c_str(), resolved) != nullptr) target = resolved;
  }
  struct stat existing;
  const bool exists = stat(target.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) {
    return IoError(path + ": is a directory; name a file to write");
  }
  if (exists && !S_ISREG(existing.st_mode)) return WriteInPlace(path, write);

  const std::string temporary = target + ".tmp." + std::to_string(::getpid());
  std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
  if (!file) return IoError(path + ": cannot open for writing: " + std::strerror(errno));
  auto fail = [&](Status status) {
    file.close();
    std::remove(temporary.c_str());
    return status;
  };
  // The new file keeps the old one's permissions (a 0600 file stays private) and, where this
  // process may, its owner.
  if (exists) {
    if (chmod(temporary.c_str(), existing.st_mode & 07777) != 0) {
      return fail(IoError(path + ": cannot keep the file's permissions: " + std::strerror(errno)));
    }
    if (chown(temporary.c_str(), existing.st_uid, existing.st_gid) != 0 && errno != EPERM) {
      return fail(IoError(path + ": cannot keep the file's owner: " + std::strerror(errno)));
    }
  }
  if (Status status = write(file); !status.ok()) return fail(status.WithContext(path));
  file.close();
  if (!file) return fail(IoError(path + ": writing failed (disk full?)"));
  if (std::rename(temporary.c_str(), target.c_str()) != 0) {
    return fail(IoError(path + ": cannot replace the file: " + std::strerror(errno)));
  }
  return Status();
}

}  // namespace parley
