#include "tools/cli/command.h"

#include <ostream>

namespace parley::cli {

ExitCode ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return ExitCode::kOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
    case StatusCode::kResourceExhausted:
    case StatusCode::kIoError:
      return ExitCode::kInputError;
    case StatusCode::kUnavailable:
      return ExitCode::kStoreBusy;
    case StatusCode::kFailedPrecondition:
    case StatusCode::kOutOfRange:
    case StatusCode::kDataLoss:
      return ExitCode::kStoreError;
    case StatusCode::kAlreadyExists:
      return ExitCode::kFailure;
    case StatusCode::kInternal:
      return ExitCode::kInternal;
  }
  return ExitCode::kInternal;
}

int ReportError(const CommandContext& context, const Status& status) {
  context.err() << "parley: error: " << status.message() << "\n";
  return static_cast<int>(ExitCodeFor(status));
}

int ReportStoreError(const CommandContext& context, const Status& status) {
  const int code = ReportError(context, status);
  return status.code() == StatusCode::kNotFound ? static_cast<int>(ExitCode::kStoreError) : code;
}

void Warn(const CommandContext& context, std::string_view message) {
  context.err() << "parley: warning: " << message << "\n";
}

void Note(const CommandContext& context, std::string_view message) {
  context.err() << "parley: note: " << message << "\n";
}

}  // namespace parley::cli
