#include "extract/rule_compiled.h"

#include <algorithm>

#include "base/date.h"

namespace parley::internal {

RolePeriod RolePeriod::Of(const Role& role) {
  RolePeriod period;
  if (const std::optional<PartialDate> from = PartialDate::TryParse(role.from)) {
    period.first = from->first_day();
  }
  if (const std::optional<PartialDate> to = PartialDate::TryParse(role.to)) {
    period.last = to->last_day();
  }
  return period;
}

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

bool EntityPatternGate::MayMatch(const std::vector<uint32_t>& keys) const {
  if (!enabled) return true;
  if (std::none_of(keys.begin(), keys.end(),
                   [&](uint32_t key) { return anchor_bits[key / 2 % anchor_bits.size()]; })) {
    return false;
  }
  std::bitset<kMaxTokens> present;
  for (const uint32_t key : keys) {
    const auto it = std::lower_bound(tokens.begin(), tokens.end(), key / 2);
    if (it != tokens.end() && *it == key / 2) present[it - tokens.begin()] = true;
  }
  return std::any_of(required.begin(), required.end(), [&](const std::vector<uint8_t>& r) {
    return std::all_of(r.begin(), r.end(), [&](uint8_t i) { return present[i]; });
  });
}

}  // namespace parley::internal
