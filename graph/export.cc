// Format dispatch and WriteFile (graph/export.h); the writers live in export_xml.cc and
// export_text.cc.
#include "graph/export.h"

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
  }
  return InternalError("unhandled export format");
}

Status WriteFile(const std::string& path, const std::function<Status(std::ostream&)>& write) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
  if (!file) return IoError(path + ": cannot open for writing: " + std::strerror(errno));
  auto fail = [&](Status status) {
    file.close();
    std::remove(temporary.c_str());
    return status;
  };
  if (Status status = write(file); !status.ok()) return fail(status.WithContext(path));
  file.close();
  if (!file) return fail(IoError(path + ": writing failed (disk full?)"));
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    return fail(IoError(path + ": cannot replace the file: " + std::strerror(errno)));
  }
  return Status();
}

}  // namespace parley
