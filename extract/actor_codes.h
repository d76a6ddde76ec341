// CAMEO actor codes (rules/README.md section 14): what an entity is called in event data at a
// date. "RUS" for Russia, "RUSGOV" for Putin while in office or for "the Russian government",
// "ISRMIL" for "Israeli soldiers", "IGOUNO" for the UN.
//
// The code of an entity at a day, first that applies:
//   1. a sector view (sectors.h: "the French government"): its code;
//   2. a hand-written role that covers the day, the latest started: its `code`, else the code
//      of its country with the sector of its office (the sector whose noun the office is:
//      "president of state:russia" is RUSGOV, "general of state:russia" RUSMIL);
//   3. an imported role (EntityDef::imported_roles) that covers the day, unless the day is after
//      everything the hand-written roles say (a newer hand-written office beats the 2014
//      dictionaries: a leader whose hand-written term ended in 2020 is not given his imported
//      open-ended government code in 2022);
//   4. the `cameo` attribute (an imported one only for an entity without hand-written roles:
//      rule_entities.cc leaves it out of the merge, so Phoenix's undated USAELI does not make
//      Carter, president by hand, USAELI in an undated statement); for a group with `country` and
//      `kind` attributes, the country's code and the sector of that group kind
//      ("group:russia-media": RUSMED); for a state, its `iso3`;
//   5. without a day: the code of the latest-starting role.
//
// Thread-safety: pure functions over immutable rules.
#ifndef PARLEY_EXTRACT_ACTOR_CODES_H_
#define PARLEY_EXTRACT_ACTOR_CODES_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/types.h"
#include "extract/rule_compiled.h"

namespace parley::internal {

// Appends the sector code `sector` ("GOV") to `code` unless `code` already ends with it: "the
// White House" (USAGOV) with "officials" (GOV) is USAGOV, as PETRARCH combines agents.
void AppendSectorCode(std::string_view sector, std::string* code);

// The first sector of a CAMEO actor code after its three-letter country ("MIL" of "RUSMIL"), or
// "" when the code has none.
inline std::string_view ActorCodeSector(std::string_view code) {
  return code.size() >= 6 ? code.substr(3, 3) : std::string_view();
}

// How many of `def`'s roles are hand-written: the first ones, before the imported layer's.
inline size_t OwnRoleCount(const EntityDef& def) {
  return def.entity.roles.size() - std::min<size_t>(def.imported_roles, def.entity.roles.size());
}

// Whether `role` was held on some day of [first_day, last_day] ("YYYY-MM-DD"), so a partial
// time ("1977") fits a role held during any of it; a role without a start or an end is open on
// that side (RolePeriod::Meets, on the role's dates read for this call: an EntityDef's roles
// have theirs read already, EntityDef::role_periods).
bool RoleHeldDuring(const Role& role, std::string_view first_day, std::string_view last_day);

// The code of `def` at `day` ("YYYY-MM-DD", or "" when unknown); "" when it has none.
std::string ActorCode(const CompiledRules& rules, const EntityDef& def, std::string_view day);

// ActorCode, worked out once per (entity, day) of a document: its statements name the same
// actors on the same few days again and again (on the bench slice 8,600 codes asked, each
// costing some 1,400 instructions, a role at a time). Entities are told apart by address.
// REQUIRES: no entity asked for changes (roles, attributes) while its code is kept: Clear
// after discovery may have changed the document's own entities.
// Thread-safety: per document and thread.
class ActorCodeMemo {
 public:
  // ActorCode(rules, def, day). The reference is valid until the next call or Clear.
  const std::string& Get(const CompiledRules& rules, const EntityDef& def, std::string_view day);
  void Clear() { codes_.clear(); }

 private:
  // By entity: (day, code) in the order asked.
  std::unordered_map<const EntityDef*, std::vector<std::pair<std::string, std::string>>> codes_;
};

// The sector of an office ("president", "foreign minister", "general"): the sector one of whose
// nouns is the office, else whose noun its last word is; null when none.
const SectorDef* OfficeSector(const CompiledRules& rules, std::string_view office);

// The day a statement's codes are taken at: the first day of its time, else of `doc_date`, else
// "".
std::string StatementDay(const Statement& st, std::string_view doc_date);

// Sets st->subject_code, object_code and recipient_code from the entities that fill those roles
// (null: none) at StatementDay(*st, doc_date), through `memo`.
void SetActorCodes(const CompiledRules& rules, std::string_view doc_date, const EntityDef* subject,
                   const EntityDef* object, const EntityDef* recipient, ActorCodeMemo* memo,
                   Statement* st);

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_ACTOR_CODES_H_
