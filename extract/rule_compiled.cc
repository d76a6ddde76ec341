#include "extract/rule_compiled.h"

namespace parley::internal {

std::string_view SlotRoleName(SlotRole role) {
  static constexpr std::string_view kNames[kSlotRoleCount] = {
      "subject", "object", "recipient", "place",   "event",      "time",
      "text",    "label",  "office",    "country", "affiliation"};
  return kNames[static_cast<int>(role)];
}

std::string_view RuleKindName(RuleKind kind) {
  switch (kind) {
    case RuleKind::kRelation:
      return "relation";
    case RuleKind::kDiscover:
      return "discover";
    case RuleKind::kCoref:
      return "coref";
  }
  return "relation";
}

}  // namespace parley::internal
