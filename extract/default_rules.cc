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
  for (const auto& [path, text] : internal::EmbeddedRuleFiles()) {
    sources.push_back(RuleSource{std::string(path), std::string(text), 0});
  }
  return sources;
}

}  // namespace parley
