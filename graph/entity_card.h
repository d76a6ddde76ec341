// The entity card: everything the store knows about one entity on one screen
// (`parley entity NAME`): id, type, label, aliases, attributes, dated roles, first and last
// mention, statement counts by predicate and its strongest partners.
//
// Thread-safety: pure functions over a store's reads.
#ifndef PARLEY_GRAPH_ENTITY_CARD_H_
#define PARLEY_GRAPH_ENTITY_CARD_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/types.h"
#include "graph/store.h"

namespace parley {

struct Partner {
  EntityRef entity;
  uint64_t statements = 0;  // statements both take part in (subject, object or recipient)

  friend bool operator==(const Partner&, const Partner&) = default;
};

struct Mention {
  std::string date;  // the document's date (or the statement's time when the document has none)
  std::string doc;
  std::string title;  // the document's title, or empty
  std::string url;    // the document's URL, or empty

  friend bool operator==(const Mention&, const Mention&) = default;
};

struct EntityCard {
  Entity entity;
  uint64_t statements = 0;  // statements involving the entity as subject, object or recipient
  std::map<std::string, uint64_t> statements_by_predicate;
  Mention first_mention;  // earliest dated statement; empty when none is dated
  Mention last_mention;
  std::vector<Partner> partners;  // most statements first, then by id
};

struct EntityCardOptions {
  // How many partners to keep. Default: 10.
  size_t max_partners = 10;
};

// The card of the entity `name` resolves to (ResolveEntity: id, label or alias). Errors:
// ResolveEntity's (NotFound with a suggestion, InvalidArgument for an ambiguous name) and the
// store's.
Result<EntityCard> BuildEntityCard(const Store& store, std::string_view name,
                                   const EntityCardOptions& options = {});

// The card as text for a terminal, one field per line, e.g.
//   person:ada-alpha  Ada Alpha (person)
//   aliases:     Alpha
//   roles:       foreign minister of state:borduria, 2018 - present
//   mentions:    2 (first 2019-01-25 news/one.txt, last 2019-03-10 news/two.txt)
// (with `cite`, the documents' URLs where they have one: "first 2019-01-25 https://...")
//   statements:  3: holds_office 1, met 1, proposed 1
//   partners:    Cy Gamma (person) 1, ...
std::string FormatEntityCard(const EntityCard& card, bool cite = false);

// The card as one JSON object: {"id", "label", "type", "aliases", "attributes", "roles",
// "mentions", "statements", "statements_by_predicate", "first_mention", "last_mention" ({date,
// doc, and title and url when known} or null), "partners"}.
std::string EntityCardToJson(const EntityCard& card);

}  // namespace parley

#endif  // PARLEY_GRAPH_ENTITY_CARD_H_
