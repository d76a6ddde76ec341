// Phoenix-style event data (graph/export.h WriteEvents): one row per statement with a CAMEO code.
#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/json.h"
#include "base/text.h"
#include "graph/export.h"
#include "graph/export_buffer.h"

namespace parley {
namespace {

using internal::OutputBuffer;

constexpr size_t kColumns = std::size(kEventColumns);
using EventRow = std::array<std::string, kColumns>;

// Columns written as JSON numbers in the JSON Lines encoding.
bool IsNumberColumn(size_t column) {
  const std::string_view name = kEventColumns[column];
  return name == "Year" || name == "Month" || name == "Day" || name == "QuadClass";
}

// The first of object and recipient that is an actor, else the first present (see
// kEventColumns); null when neither is. Sets *code to its actor code.
const EntityRef* EventTarget(const Statement& statement, const std::string** code) {
  const std::pair<const std::optional<EntityRef>*, const std::string*> candidates[] = {
      {&statement.object, &statement.object_code},
      {&statement.recipient, &statement.recipient_code}};
  for (const auto& candidate : candidates) {
    if (candidate.first->has_value() && IsActorType((*candidate.first)->type)) {
      *code = candidate.second;
      return &**candidate.first;
    }
  }
  for (const auto& candidate : candidates) {
    if (candidate.first->has_value()) {
      *code = candidate.second;
      return &**candidate.first;
    }
  }
  return nullptr;
}

// The statement's date at its precision: the time's value when it is an ISO date, else its
// first day; without a time the document date; nullopt when neither parses.
std::optional<PartialDate> EventDate(const Statement& statement,
                                     const std::optional<TimeValue>& time) {
  if (time) {
    if (Result<PartialDate> value = PartialDate::Parse(time->value); value.ok()) return *value;
    if (Result<PartialDate> start = PartialDate::Parse(time->start); start.ok()) return *start;
    return std::nullopt;
  }
  if (Result<PartialDate> date = PartialDate::Parse(statement.doc_date); date.ok()) return *date;
  return std::nullopt;
}

std::string TwoDigits(int value) {
  std::string text = std::to_string(value);
  if (text.size() < 2) text.insert(text.begin(), '0');
  return text;
}

// "RUSGOV" -> ("RUS", "GOV"): the three-letter chunks Phoenix splits actor codes into.
std::string_view CodePart(std::string_view code, size_t part) {
  return part * 3 < code.size() ? code.substr(part * 3, 3) : std::string_view();
}

EventRow MakeRow(const Statement& statement, const std::optional<TimeValue>& time,
                 std::string_view url) {
  EventRow row;
  size_t i = 0;
  auto cell = [&row, &i](std::string_view value) { row[i++] = std::string(value); };
  cell(statement.id);
  if (std::optional<PartialDate> date = EventDate(statement, time)) {
    std::string digits = std::to_string(date->year());
    if (date->month() > 0) digits += TwoDigits(date->month());
    if (date->day() > 0) digits += TwoDigits(date->day());
    cell(digits);
    cell(std::to_string(date->year()));
    cell(date->month() > 0 ? std::to_string(date->month()) : "");
    cell(date->day() > 0 ? std::to_string(date->day()) : "");
  } else {
    for (int k = 0; k < 4; ++k) cell("");
  }
  cell(statement.subject_code);
  cell(CodePart(statement.subject_code, 0));
  cell(CodePart(statement.subject_code, 1));
  static const std::string kNone;
  const std::string* target_code = &kNone;
  const EntityRef* target = EventTarget(statement, &target_code);
  cell(*target_code);
  cell(CodePart(*target_code, 0));
  cell(CodePart(*target_code, 1));
  cell(statement.cameo);
  cell(statement.cameo.substr(0, 2));
  const int quad = CameoQuadClass(statement.cameo);
  cell(quad < 0 ? std::string() : std::to_string(quad));
  cell(statement.plover);
  cell(statement.subject.label);
  cell(target == nullptr ? std::string_view() : std::string_view(target->label));
  cell(statement.place ? std::string_view(statement.place->label) : std::string_view());
  cell(statement.doc);
  cell(url);
  cell(statement.sentence);
  return row;
}

void AppendRow(const EventRow& row, EventEncoding encoding, std::string* out) {
  if (encoding == EventEncoding::kTsv) {
    for (size_t i = 0; i < kColumns; ++i) {
      if (i > 0) out->push_back('\t');
      out->append(TsvField(row[i]));
    }
    out->push_back('\n');
    return;
  }
  out->push_back('{');
  for (size_t i = 0; i < kColumns; ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(kEventColumns[i], out);
    out->push_back(':');
    if (row[i].empty()) {
      out->append("null");
    } else if (IsNumberColumn(i)) {
      out->append(row[i]);
    } else {
      AppendJsonString(row[i], out);
    }
  }
  out->append("}\n");
}

void AppendHeader(EventEncoding encoding, std::string* out) {
  if (encoding != EventEncoding::kTsv) return;
  for (size_t i = 0; i < kColumns; ++i) {
    if (i > 0) out->push_back('\t');
    out->append(kEventColumns[i]);
  }
  out->push_back('\n');
}

}  // namespace

int CameoQuadClass(std::string_view cameo) {
  if (cameo.size() < 2 || cameo[0] < '0' || cameo[0] > '2' || cameo[1] < '0' || cameo[1] > '9') {
    return -1;
  }
  const int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  if (root < 1 || root > 20) return -1;
  if (root <= 2) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

Status WriteEvents(const std::vector<Statement>& statements,
                   const std::map<std::string, DocumentInfo>& documents, EventEncoding encoding,
                   std::ostream& out) {
  OutputBuffer buffer(out);
  AppendHeader(encoding, &buffer.text());
  for (const Statement& statement : statements) {
    if (statement.cameo.empty()) continue;
    auto it = documents.find(statement.doc);
    const std::string_view url =
        it == documents.end() ? std::string_view() : std::string_view(it->second.url);
    AppendRow(MakeRow(statement, statement.time, url), encoding, &buffer.text());
    buffer.EndRecord();
  }
  return buffer.Finish();
}

Status WriteEvents(const GraphView& view, EventEncoding encoding, std::ostream& out) {
  OutputBuffer buffer(out);
  AppendHeader(encoding, &buffer.text());
  for (size_t i = 0; i < view.statements.size(); ++i) {
    const Statement& statement = view.statements[i];
    if (statement.cameo.empty()) continue;
    auto it = view.documents.find(statement.doc);
    const std::string_view url =
        it == view.documents.end() ? std::string_view() : std::string_view(it->second.url);
    AppendRow(MakeRow(statement, view.TimeOf(i), url), encoding, &buffer.text());
    buffer.EndRecord();
  }
  return buffer.Finish();
}

}  // namespace parley
