#include "extract/default_rules.h"

#include <string_view>
#include <utility>

namespace parley {
namespace internal {
// Defined in the build-generated embedded_rules.cc.
const std::vector<std::pair<std::string_view, std::string_view>>& EmbeddedRuleFiles();
}  // namespace internal

std::vector<RuleSource> DefaultRuleSources() {
  std::vector<RuleSource> sources;
  // The imported layer first (it is the lowest), then the hand-written files, each by path.
  for (const bool imported : {true, false}) {
    for (const auto& [path, text] : internal::EmbeddedRuleFiles()) {
      if (path.starts_with("rules/imported/") != imported) continue;
      sources.push_back(
          RuleSource{std::string(path), std::string(text), imported ? kImportedLayer : 0});
    }
  }
  return sources;
}

}  // namespace parley
