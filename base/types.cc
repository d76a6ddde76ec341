#include "base/types.h"

#include <charconv>

#include "base/text.h"

namespace parley {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kState:
      return "state";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kGroup:
      return "group";
    case EntityType::kPlace:
      return "place";
    case EntityType::kAgreement:
      return "agreement";
    case EntityType::kEvent:
      return "event";
  }
  return "person";
}

Result<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType type : kAllEntityTypes) {
    if (EntityTypeName(type) == name) return type;
  }
  return InvalidArgumentError("unknown entity type '" + std::string(name) +
                              "' (expected person, state, organization, group, place, "
                              "agreement or event)");
}

bool IsActorType(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kState ||
         type == EntityType::kOrganization || type == EntityType::kGroup;
}

std::string_view ModalityName(Modality modality) {
  switch (modality) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kReported:
      return "reported";
    case Modality::kHedged:
      return "hedged";
    case Modality::kNegated:
      return "negated";
    case Modality::kPlanned:
      return "planned";
  }
  return "asserted";
}

Result<Modality> ParseModality(std::string_view name) {
  for (Modality modality : kAllModalities) {
    if (ModalityName(modality) == name) return modality;
  }
  return InvalidArgumentError("unknown modality '" + std::string(name) +
                              "' (expected asserted, reported, hedged, negated or planned)");
}

std::string_view TimeSourceName(TimeSource source) {
  switch (source) {
    case TimeSource::kText:
      return "text";
    case TimeSource::kParagraph:
      return "paragraph";
    case TimeSource::kDocument:
      return "document";
  }
  return "text";
}

Result<TimeSource> ParseTimeSource(std::string_view name) {
  for (TimeSource source : kAllTimeSources) {
    if (TimeSourceName(source) == name) return source;
  }
  return InvalidArgumentError("unknown time source '" + std::string(name) +
                              "' (expected text, paragraph or document)");
}

std::string MakeEntityId(EntityType type, std::string_view label) {
  const std::string_view name = EntityTypeName(type);
  std::string id;
  id.reserve(name.size() + 1 + label.size());  // a slug is never longer than its text
  id += name;
  id += ':';
  AppendSlug(label, &id);
  return id;
}

std::string MakeStatementId(const Statement& s) {
  std::string key;
  key.reserve(256);
  auto add = [&key](std::string_view part) {
    key.append(part);
    key.push_back('\x1f');
  };
  auto add_number = [&](uint64_t value) {
    char digits[20];
    add(std::string_view(digits, std::to_chars(digits, digits + 20, value).ptr - digits));
  };
  // Views, not copies, of the optional parts.
  add(s.doc);
  add_number(s.byte_span.begin);
  add_number(s.byte_span.end);
  add(s.rule);
  add(s.subject.id);
  add(s.predicate);
  add(IdOrEmpty(s.object));
  add(s.text ? std::string_view(*s.text) : std::string_view());
  add(IdOrEmpty(s.recipient));
  return "s:" + Hex64(Hash64(key));
}

}  // namespace parley
