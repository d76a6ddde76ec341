// Registers the built-in snapshot of the default rules in the test binaries that link it
// (tests/CMakeLists.txt), as tools/main.cc does in parley: a test that extracts with the default
// rules reads them as a run does (0.05 CPU s) instead of compiling them in every test process
// (0.2 CPU s; several times that with sanitizers). The tests of compiling itself compile
// (RuleSet::Compile, RuleCacheOff, PARLEY_RULES_CACHE=off), and
// Rules.BuiltInSnapshotEqualsCompiling shows the snapshot equal to compiling.
#include "extract/rule_cache.h"
#include "tools/built_in_rules_snapshot.h"

namespace {

// Before main(): SetBuiltInRulesSnapshot must run before any LoadRuleSet.
[[maybe_unused]] const bool kRegistered =
    (parley::SetBuiltInRulesSnapshot(parley::BuiltInRulesSnapshotBytes()), true);

}  // namespace
