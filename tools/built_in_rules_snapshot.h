// The built-in snapshot of the default rules (extract/rule_cache.h; README.md, Start-up): the
// bytes tools/rules_snapshot_main.cc writes when parley is built, embedded by the source it
// generates, which the object library parley_built_in_rules compiles (tools/CMakeLists.txt).
// Linked into the parley executable, which registers them at start (tools/main.cc), and into
// the test binaries that read the default rules (tests/built_in_rules.cc). A target that does
// not link parley_built_in_rules has no definition of this function.
#ifndef PARLEY_TOOLS_BUILT_IN_RULES_SNAPSHOT_H_
#define PARLEY_TOOLS_BUILT_IN_RULES_SNAPSHOT_H_

#include <string_view>

namespace parley {

// The snapshot's bytes, which live as long as the process.
std::string_view BuiltInRulesSnapshotBytes();

}  // namespace parley

#endif  // PARLEY_TOOLS_BUILT_IN_RULES_SNAPSHOT_H_
