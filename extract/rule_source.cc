#include "extract/rule_source.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>

#include "base/text.h"

namespace parley {

std::string FormatDiagnostic(const RuleDiagnostic& d) {
  std::string out = d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) +
                    ": error: " + d.message + "\n";
  if (d.line_text.empty()) return out;
  out += d.line_text + "\n";
  const size_t caret = d.column > 0 ? static_cast<size_t>(d.column - 1) : 0;
  for (size_t i = 0; i < caret; ++i) {
    out += (i < d.line_text.size() && d.line_text[i] == '\t') ? '\t' : ' ';
  }
  out += "^\n";
  return out;
}

std::string FormatDiagnostics(const std::vector<RuleDiagnostic>& diagnostics) {
  if (diagnostics.empty()) return "";
  std::string out;
  std::set<std::string> files;
  for (const RuleDiagnostic& d : diagnostics) {
    out += FormatDiagnostic(d);
    files.insert(d.path);
  }
  out += std::to_string(diagnostics.size()) + (diagnostics.size() == 1 ? " error" : " errors") +
         " in " + std::to_string(files.size()) + (files.size() == 1 ? " file" : " files") + "\n";
  return out;
}

namespace {

Status ReadOne(const std::filesystem::path& path, int layer, std::vector<RuleSource>* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(path.string() + ": cannot read rule file");
  // Read at the file's size (a string stream would grow to twice the text), then whatever
  // is left (a file that is no regular file has no size).
  std::string text;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size > 0 && in) {
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<size_t>(in.gcount()));
  }
  in.clear(in.rdstate() & ~(std::ios::failbit | std::ios::eofbit));
  if (in.peek() != std::char_traits<char>::eof()) {
    std::ostringstream rest;
    rest << in.rdbuf();
    text += std::move(rest).str();
  }
  if (in.bad()) return IoError(path.string() + ": read error");
  if (!IsValidUtf8(text)) {
    return InvalidArgumentError(path.string() + ": rule file is not valid UTF-8");
  }
  out->push_back(RuleSource{path.generic_string(), std::move(text), layer});
  return Status::Ok();
}

}  // namespace

Result<std::vector<RuleSource>> ReadRuleSources(const std::vector<std::string>& paths,
                                                int first_layer) {
  std::vector<RuleSource> sources;
  int layer = first_layer;
  try {
    for (const std::string& name : paths) {
      const std::filesystem::path path(name);
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        return NotFoundError(name + ": no such rule file or directory");
      }
      if (std::filesystem::is_directory(path, ec)) {
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
          if (entry.is_regular_file() && entry.path().extension() == ".rules") {
            files.push_back(entry.path());
          }
        }
        std::sort(files.begin(), files.end());
        // The files of the directory's imported/ folder are the imported layer, below the
        // built-in rules (rule_source.h kImportedLayer).
        auto is_imported = [&](const std::filesystem::path& file) {
          return *file.lexically_relative(path).begin() == "imported";
        };
        for (const auto& file : files) {
          PARLEY_RETURN_IF_ERROR(
              ReadOne(file, is_imported(file) ? kImportedLayer : layer, &sources));
        }
      } else {
        PARLEY_RETURN_IF_ERROR(ReadOne(path, layer, &sources));
      }
      ++layer;
    }
  } catch (const std::filesystem::filesystem_error& e) {
    return IoError(std::string("reading rules: ") + e.what());
  }
  return sources;
}

void AddUserSources(std::vector<RuleSource> user, std::vector<RuleSource>* sources) {
  const bool imported = std::any_of(user.begin(), user.end(), [](const RuleSource& source) {
    return source.layer == kImportedLayer;
  });
  if (imported) {
    std::erase_if(*sources,
                  [](const RuleSource& source) { return source.layer == kImportedLayer; });
  }
  sources->insert(sources->end(), std::make_move_iterator(user.begin()),
                  std::make_move_iterator(user.end()));
}

}  // namespace parley
