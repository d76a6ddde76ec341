// The default rules: every rules/**/*.rules file of the source tree, embedded into the binary
// at build time (cmake/embed_rules.cmake), so `parley` works from any directory.
//
// Thread-safety: pure function over static data.
#ifndef PARLEY_EXTRACT_DEFAULT_RULES_H_
#define PARLEY_EXTRACT_DEFAULT_RULES_H_

#include <vector>

#include "extract/rule_source.h"

namespace parley {

// The embedded rule files, sorted by path ("rules/core/modality.rules"): first those of
// rules/imported/ as kImportedLayer sources, then the others as layer-0 sources.
std::vector<RuleSource> DefaultRuleSources();

}  // namespace parley

#endif  // PARLEY_EXTRACT_DEFAULT_RULES_H_
