#include "graph/synthetic_corpus.h"

#include <cstdio>

#include "base/text.h"

namespace parley {
namespace {

constexpr const char* kGiven[] = {"Anna",  "Boris", "Chen", "Dara", "Emil",
                                  "Farah", "Goran", "Hiro", "Ines", "Jonas"};
constexpr const char* kFamily[] = {"Alvarez", "Brandt", "Costa", "Dubois", "Eriksen"};
constexpr const char* kStates[] = {"Arland",    "Borduria", "Carpania", "Drusia",  "Elbonia",
                                   "Florin",    "Genovia",  "Hyrkania", "Illyria", "Jubaland",
                                   "Krakozhia", "Latveria", "Molvania", "Nordia",  "Ostia"};
constexpr const char* kPredicates[] = {"proposed", "met",        "offered",
                                       "visited",  "criticized", "signed"};

std::string TwoDigits(uint64_t v) {
  char buf[8];
  std::snprintf(buf, sizeof(buf), "%02u", static_cast<unsigned>(v));
  return buf;
}

EntityRef Person(uint64_t n) {
  std::string label = std::string(kGiven[n % 10]) + " " + kFamily[(n / 10) % 5];
  return EntityRef{MakeEntityId(EntityType::kPerson, label), label, EntityType::kPerson};
}

EntityRef State(uint64_t n) {
  std::string label = kStates[n % 15];
  return EntityRef{MakeEntityId(EntityType::kState, label), label, EntityType::kState};
}

TimeValue Time(uint64_t n) {
  uint64_t year = 1990 + n % 30;
  uint64_t month = 1 + (n / 30) % 12;
  uint64_t day = 1 + (n / 7) % 28;
  std::string y = std::to_string(year);
  switch (n % 4) {
    case 0:
      return {y + "-" + TwoDigits(month) + "-" + TwoDigits(day),
              y + "-" + TwoDigits(month) + "-" + TwoDigits(day),
              y + "-" + TwoDigits(month) + "-" + TwoDigits(day)};
    case 1:
      return {y + "-" + TwoDigits(month), y + "-" + TwoDigits(month) + "-01",
              y + "-" + TwoDigits(month) + "-28"};
    case 2:
      return {y, y + "-01-01", y + "-12-31"};
    default: {
      std::string decade = std::to_string(year / 10 * 10);
      return {decade + "s", decade + "-01-01", std::to_string(year / 10 * 10 + 9) + "-12-31"};
    }
  }
}

}  // namespace

DocumentRecord SyntheticDocument(uint64_t index, std::string_view fingerprint, uint32_t revision) {
  DocumentRecord r;
  r.rules_fingerprint = std::string(fingerprint);
  r.document.info.id = "synthetic/" + std::to_string(index) + ".txt";
  r.document.info.format = "text";
  r.document.info.date = std::to_string(1990 + index % 30) + "-06-15";
  r.document.info.date_source = "metadata";
  r.document.info.title = "Synthetic report " + std::to_string(index);
  uint64_t seed = index * 2654435761u + revision * 40503u;
  size_t count = 3 + seed % 10;
  std::map<std::string, Entity> entities;
  auto mention = [&entities](const EntityRef& ref) {
    Entity& e = entities[ref.id];
    e.id = ref.id;
    e.label = ref.label;
    e.type = ref.type;
    e.mentions += 1;
    if (ref.type == EntityType::kPerson) {
      // The family name alone is how later sentences refer to a person.
      std::string family = ref.label.substr(ref.label.find(' ') + 1);
      if (e.aliases.empty()) e.aliases.push_back(family);
    }
  };
  std::string text;
  for (size_t j = 0; j < count; ++j) {
    uint64_t k = seed / 7 + j * 31;
    Statement s;
    s.subject = Person(k % 50);
    s.predicate = kPredicates[(k / 3) % 6];
    if (k % 5 == 0) {
      s.object = Person((k / 5) % 50);
    } else {
      s.object = State(k % 15);
    }
    if (k % 3 == 0) s.recipient = State((k / 3) % 15);
    if (k % 4 != 3) s.time = Time(k);
    if (s.time && k % 7 == 0) s.time->source = TimeSource::kDocument;
    s.modality = kAllModalities[k % 5];
    s.doc = r.document.info.id;
    std::string sentence = s.subject.label + " " + s.predicate + " " + s.object->label +
                           (s.time ? " in " + s.time->value : "") + " (rev " +
                           std::to_string(revision) + ", item " + std::to_string(j) + ").";
    if (!text.empty()) text += " ";
    uint64_t begin = text.size();
    text += sentence;
    s.span = {begin, text.size()};  // ASCII: code points and bytes agree
    s.byte_span = s.span;
    s.sentence = sentence;
    s.sentence_index = static_cast<uint32_t>(j);
    s.rule = "synthetic." + s.predicate;
    s.doc_date = r.document.info.date;
    s.id = MakeStatementId(s);
    mention(s.subject);
    mention(*s.object);
    if (s.recipient) mention(*s.recipient);
    r.statements.push_back(std::move(s));
  }
  r.document.text = text;
  r.document.info.content_hash = ContentHash(text);
  r.sentence_count = static_cast<uint32_t>(count);
  for (auto& [id, e] : entities) r.entities.push_back(std::move(e));
  return r;
}

}  // namespace parley
