#include "tools/cli/common.h"

#include <cstdlib>

#include "base/entity_merge.h"

namespace parley::cli {

Result<std::istream*> OpenInputStream(const CommandContext& context, const std::string& path,
                                      std::string_view what, std::ifstream& file) {
  if (path == "-") return context.streams.in;
  file.open(path, std::ios::binary);
  if (!file) return NotFoundError("cannot open " + std::string(what) + " '" + path + "'");
  return &file;
}

void AddDbFlag(CLI::App& app, std::string& db) {
  const char* env = std::getenv("PARLEY_DB");
  db = (env != nullptr && *env != '\0') ? env : "parley.db";
  app.add_option("--db", db, "The store directory (default: $PARLEY_DB, else ./parley.db)");
}

void AddGraphFlags(CLI::App& app, GraphFlags& flags, bool with_center) {
  app.add_option("--since", flags.since, "Only statements dated on or after (YYYY[-MM[-DD]])");
  app.add_option("--until", flags.until, "Only statements dated on or before (YYYY[-MM[-DD]])");
  app.add_option("--predicate", flags.predicates, "Only these predicates (repeatable, or a,b)")
      ->delimiter(',');
  app.add_option("--type", flags.types,
                 "Only nodes of these entity types (repeatable, or a,b): person, state, "
                 "organization, group, place, agreement, event")
      ->delimiter(',');
  app.add_flag("--actors-only", flags.actors_only, "Only people, states, organisations and groups");
  app.add_flag("--fold-people", flags.fold_people,
               "Fold people into the state they served at the statement's time");
  app.add_option("--min-weight", flags.min_weight, "Drop edges supported by fewer statements")
      ->check(AtLeast(1));
  if (with_center) {
    app.add_option("--center", flags.center, "Ego network around this entity (name or id)");
    app.add_option("--hops", flags.hops, "Ego network radius")->check(CLI::Range(1, 100));
  }
  app.add_flag("--multi", flags.multi, "One edge per statement instead of one per relation");
  app.add_flag("--text-dates-only", flags.text_dates_only,
               "Only dates found in the text count (for time windows, first/last dates and "
               "GEXF timelines); statements dated by their document are undated");
  app.add_flag("--document-dates", flags.document_dates,
               "Date statements that carry no time by their document's date (stores ingested "
               "before statements took their document's date)");
}

Result<GraphFilter> ToGraphFilter(const GraphFlags& flags) {
  GraphFilter filter;
  if (!flags.since.empty()) filter.since = flags.since;
  if (!flags.until.empty()) filter.until = flags.until;
  filter.predicates = flags.predicates;
  for (const std::string& name : flags.types) {
    PARLEY_ASSIGN_OR_RETURN(EntityType type, ParseEntityType(name));
    filter.types.push_back(type);
  }
  filter.actors_only = flags.actors_only;
  filter.fold_people_into_states = flags.fold_people;
  filter.min_weight = flags.min_weight;
  if (!flags.center.empty()) filter.center = flags.center;
  filter.hops = flags.hops;
  filter.multi = flags.multi;
  filter.text_dates_only = flags.text_dates_only;
  filter.document_dates = flags.document_dates;
  return filter;
}

int ReportUnreadable(const CommandContext& context, uint64_t unreadable) {
  return ReportError(context,
                     IoError(std::to_string(unreadable) + (unreadable == 1 ? " input" : " inputs") +
                             " named on the command line could not be read (see the warnings "
                             "above); everything else was read"));
}

Result<std::unique_ptr<Store>> OpenStoreForReading(const std::string& db) {
  StoreOptions options;
  options.read_only = true;
  return OpenRocksStore(db, options);
}

Result<std::unique_ptr<Store>> OpenStoreForRepair(const std::string& db) {
  StoreOptions options;
  options.create_if_missing = false;
  options.repair = true;
  return OpenRocksStore(db, options);
}

namespace {

class StoredReader : public DocumentReader {
 public:
  StoredReader(const Store& store, std::vector<std::string> ids)
      : store_(store), ids_(std::move(ids)) {}

  Result<std::optional<Document>> Next() override {
    while (next_ < ids_.size()) {
      PARLEY_ASSIGN_OR_RETURN(std::optional<Document> document, store_.GetDocument(ids_[next_++]));
      if (!document) continue;  // removed meanwhile
      bytes_read_ += document->text.size();
      return document;
    }
    return std::optional<Document>();
  }
  uint64_t bytes_read() const override { return bytes_read_; }
  uint64_t bytes_total() const override { return 0; }

 private:
  const Store& store_;
  std::vector<std::string> ids_;
  size_t next_ = 0;
  uint64_t bytes_read_ = 0;
};

}  // namespace

Result<std::unique_ptr<DocumentReader>> StoredDocumentReader(const Store& store,
                                                             const std::string& fingerprint) {
  PARLEY_ASSIGN_OR_RETURN(std::vector<std::string> ids, store.DocumentsWithOtherRules(fingerprint));
  // Documents loaded from statement files have no text to re-extract.
  std::vector<std::string> with_text;
  for (std::string& id : ids) {
    PARLEY_ASSIGN_OR_RETURN(std::optional<StoredDocument> stored, store.GetStoredDocument(id));
    if (stored && stored->rules_fingerprint != "statements") with_text.push_back(std::move(id));
  }
  return std::unique_ptr<DocumentReader>(new StoredReader(store, std::move(with_text)));
}

void MergeEntity(Entity entity, std::map<std::string, Entity>* entities) {
  auto it = entities->find(entity.id);
  if (it == entities->end()) {
    NormalizeEntityNames(&entity);
    entities->emplace(entity.id, std::move(entity));
    return;
  }
  MergeEntityInto(entity, &it->second);
}

}  // namespace parley::cli
