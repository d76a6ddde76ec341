#include "extract/rule_compiled.h"

namespace parley::internal {

std::string_view SlotRoleName(SlotRole role) {
  static constexpr std::string_view kNames[kSlotRoleCount] = {
      "subject", "object", "recipient", "place",   "event",      "time",
      "text",    "label",  "office",    "country", "affiliation"};
  return kNames[static_cast<int>(role)];
}

std::string FrameVerbText(const Lexicon& lexicon, const FrameVerb& verb) {
  std::string text;
  for (const std::string& w : verb.before) text += w + " ";
  text += lexicon.Lemma(verb.verb);
  for (const std::string& w : verb.particle) text += " " + w;
  return text;
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
