// Store::Check's scan (CheckKv): what a whole store is, checked key by key (graph/FORMAT.md,
// "Checking a store").
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/kv_store.h"

namespace parley::internal {
namespace {

// The index families, whose last key part is a statement id.
constexpr Cf kIndexes[] = {Cf::kSpo, Cf::kPos, Cf::kOsp, Cf::kInvolves, Cf::kTime};

// The statement id an index key ends with.
std::string_view IndexedStatement(Cf cf, std::string_view key) {
  // A time key starts with its span class byte, then terminated parts.
  return SplitKey(cf == Cf::kTime ? key.substr(1) : key).back();
}

// Collects the findings of one check.
class Checker {
 public:
  Checker(const KvView& view, std::string name, size_t max_problems, CheckReport* report,
          KvBatch* fix)
      : view_(view),
        name_(std::move(name)),
        max_problems_(max_problems),
        report_(report),
        fix_(fix) {}

  Status Run() {
    PARLEY_RETURN_IF_ERROR(CheckDocuments());
    PARLEY_RETURN_IF_ERROR(CheckStatements());
    for (Cf cf : kIndexes) PARLEY_RETURN_IF_ERROR(CheckIndex(cf));
    PARLEY_RETURN_IF_ERROR(CheckOrphanRecords(Cf::kText, "text"));
    PARLEY_RETURN_IF_ERROR(CheckOrphanRecords(Cf::kDocContents, "contents record"));
    PARLEY_RETURN_IF_ERROR(CheckEntities());
    PARLEY_RETURN_IF_ERROR(CheckCounters());
    for (const auto& [doc, ignored] : damaged_) report_->damaged_documents.push_back(doc);
    if (skipped_ > 0) {
      report_->problems.push_back("... and " + std::to_string(skipped_) + " more problems");
    }
    return Status::Ok();
  }

 private:
  void Problem(std::string line) {
    if (report_->problems.size() < max_problems_) {
      report_->problems.push_back(std::move(line));
    } else {
      ++skipped_;
    }
  }
  void Delete(Cf cf, std::string_view key) {
    if (fix_ != nullptr) fix_->Delete(cf, key);
  }
  void Put(Cf cf, std::string_view key, std::string_view value) {
    if (fix_ != nullptr) fix_->Put(cf, key, value);
  }

  // One document: whole, or listed in damaged_ with its problems reported.
  Status CheckDocument(const std::string& doc, std::string_view meta_bytes) {
    ++report_->documents;
    examined_.insert(doc);
    std::vector<std::string> problems;
    Result<DocMeta> meta = DecodeDocMeta(meta_bytes);
    if (!meta.ok())
      problems.push_back("its meta record does not decode: " + meta.status().message());
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> text, view_.Get(Cf::kText, doc));
    if (!text) problems.push_back("it has no text record");
    PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> contents_bytes,
                            view_.Get(Cf::kDocContents, doc));
    std::optional<DocContents> contents;
    if (!contents_bytes) {
      problems.push_back("it has no contents record");
    } else {
      Result<DocContents> decoded = DecodeDocContents(*contents_bytes);
      if (decoded.ok()) {
        contents = std::move(decoded).value();
      } else {
        problems.push_back("its contents record does not decode: " + decoded.status().message());
      }
    }
    // What the document adds when it is whole.
    std::map<std::string, int64_t> predicates;
    std::map<Cf, uint64_t> index_entries;
    std::vector<std::string> held;  // its statements that are stored
    if (contents) {
      if (meta.ok() && contents->statement_ids.size() != meta->statement_count) {
        problems.push_back(
            "its contents record lists " + std::to_string(contents->statement_ids.size()) +
            " statements, its meta record says " + std::to_string(meta->statement_count));
      }
      std::set<std::string_view> ids;
      uint64_t missing = 0, unindexed = 0;
      std::string first_missing, first_unindexed;
      for (const std::string& id : contents->statement_ids) {
        ++report_->statements;
        if (!ids.insert(id).second) {
          problems.push_back("its contents record lists statement " + id + " twice");
          continue;
        }
        PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, view_.Get(Cf::kStatements, id));
        if (!bytes) {
          if (missing++ == 0) first_missing = id;
          continue;
        }
        Result<Statement> s = DecodeStatement(*bytes);
        if (!s.ok()) {
          problems.push_back("statement " + id + " does not decode: " + s.status().message());
          continue;
        }
        if (s->doc != doc || s->id != id) {
          problems.push_back("statement " + id + " is stored as " + s->id + " of document '" +
                             s->doc + "'");
          continue;
        }
        held.push_back(id);
        ++predicates[s->predicate];
        Status lookup;
        ForEachIndexKey(*s, &key_, [&](Cf cf, std::string_view key, std::string_view value) {
          ++report_->index_entries;
          ++index_entries[cf];
          if (!lookup.ok()) return;
          auto stored = view_.Get(cf, key);
          if (!stored.ok()) {
            lookup = stored.status();
          } else if (!*stored || **stored != value) {
            if (unindexed++ == 0) first_unindexed = id + " (" + std::string(CfName(cf)) + ")";
          }
        });
        PARLEY_RETURN_IF_ERROR(lookup);
      }
      if (missing > 0) {
        problems.push_back(std::to_string(missing) + " of its " +
                           std::to_string(contents->statement_ids.size()) +
                           " statements are missing (the first: " + first_missing + ")");
      }
      if (unindexed > 0) {
        problems.push_back(std::to_string(unindexed) +
                           " index entries of its statements are missing or wrong (the first: " +
                           first_unindexed + ")");
      }
    }
    for (const std::string& id : held) statement_docs_.emplace(id, doc);
    if (!problems.empty()) {
      for (const std::string& p : problems) Problem("document '" + doc + "': " + p);
      damaged_[doc] = true;
      Delete(Cf::kDocs, doc);
      Delete(Cf::kText, doc);
      Delete(Cf::kDocContents, doc);
      // Its statements and their index entries go with it: the scans of those tables find
      // them unaccounted for.
      return Status::Ok();
    }
    whole_statements_.insert(held.begin(), held.end());
    for (const auto& [cf, n] : index_entries) expected_index_[cf] += n;
    for (const auto& [predicate, n] : predicates)
      counters_[CounterKey("predicate", predicate)] += n;
    counters_[CounterKey("total", "documents")] += 1;
    // A duplicate's sentences are not counted (graph/FORMAT.md, "Duplicate documents").
    if (meta->duplicate_of.empty()) {
      counters_[CounterKey("total", "sentences")] += meta->sentence_count;
    } else {
      counters_[CounterKey("total", "duplicates")] += 1;
    }
    counters_[CounterKey("total", "statements")] += static_cast<int64_t>(held.size());
    for (const Entity& c : contents->contributions) {
      EntityAggregate& aggregate = aggregates_[c.id];
      ApplyContribution(c, +1, &aggregate);
    }
    return Status::Ok();
  }

  Status CheckDocuments() {
    std::vector<std::pair<std::string, std::string>> chunk;
    Status status;
    // Documents are checked in chunks read from the scan, so no look-up runs inside it.
    std::string after;
    bool more = true;
    while (more) {
      chunk.clear();
      PARLEY_RETURN_IF_ERROR(
          view_.Scan(Cf::kDocs, after, "", [&](std::string_view key, std::string_view value) {
            if (!after.empty() && key == after) return true;
            chunk.emplace_back(key, value);
            return chunk.size() < 1024;
          }));
      more = chunk.size() == 1024;
      for (const auto& [doc, meta] : chunk) PARLEY_RETURN_IF_ERROR(CheckDocument(doc, meta));
      if (!chunk.empty()) after = chunk.back().first;
    }
    return status;
  }

  // Statements no whole document lists: part of a damaged document, or orphans.
  Status CheckStatements() {
    std::vector<std::pair<std::string, std::string>> extra;
    PARLEY_RETURN_IF_ERROR(
        view_.Scan(Cf::kStatements, "", "", [&](std::string_view id, std::string_view value) {
          if (whole_statements_.count(std::string(id)) == 0) extra.emplace_back(id, value);
          return true;
        }));
    for (const auto& [id, value] : extra) {
      auto owner = statement_docs_.find(id);
      if (owner == statement_docs_.end()) {
        Problem("statement " + id + " is stored but no document lists it");
      }
      Delete(Cf::kStatements, id);
      Result<Statement> s = DecodeStatement(value);
      if (s.ok()) {
        ForEachIndexKey(*s, &key_,
                        [&](Cf cf, std::string_view key, std::string_view) { Delete(cf, key); });
      }
    }
    return Status::Ok();
  }

  // Index entries beyond those the whole documents' statements need.
  Status CheckIndex(Cf cf) {
    uint64_t stored = 0;
    PARLEY_RETURN_IF_ERROR(view_.Scan(cf, "", "", [&](std::string_view, std::string_view) {
      ++stored;
      return true;
    }));
    if (stored == expected_index_[cf]) return Status::Ok();  // each expected one was found
    std::vector<std::string> keys;
    PARLEY_RETURN_IF_ERROR(view_.Scan(cf, "", "", [&](std::string_view key, std::string_view) {
      keys.emplace_back(key);
      return true;
    }));
    for (const std::string& key : keys) {
      std::string id(IndexedStatement(cf, key));
      bool wanted = false;
      if (whole_statements_.count(id) > 0) {
        PARLEY_ASSIGN_OR_RETURN(std::optional<std::string> bytes, view_.Get(Cf::kStatements, id));
        Result<Statement> s = bytes ? DecodeStatement(*bytes) : Result<Statement>(Statement());
        if (s.ok()) {
          ForEachIndexKey(*s, &key_, [&](Cf c, std::string_view k, std::string_view) {
            wanted = wanted || (c == cf && k == key);
          });
        }
      }
      if (wanted) continue;
      if (statement_docs_.count(id) == 0 || whole_statements_.count(id) > 0) {
        Problem(std::string(CfName(cf)) + " index entry for statement " + id +
                " has no statement of a document behind it");
      }
      Delete(cf, key);
    }
    return Status::Ok();
  }

  // Text or contents records of documents that have no meta record.
  Status CheckOrphanRecords(Cf cf, const std::string& what) {
    std::vector<std::string> orphans;
    PARLEY_RETURN_IF_ERROR(view_.Scan(cf, "", "", [&](std::string_view doc, std::string_view) {
      std::string id(doc);
      if (examined_.count(id) == 0) orphans.push_back(id);
      return true;
    }));
    for (const std::string& doc : orphans) {
      Problem("document '" + doc + "': its " + what + " is stored but it has no meta record");
      damaged_[doc] = true;
      Delete(cf, doc);
    }
    return Status::Ok();
  }

  // Entity totals and the alias index against the whole documents' contributions.
  Status CheckEntities() {
    std::vector<std::pair<std::string, std::string>> stored;
    PARLEY_RETURN_IF_ERROR(
        view_.Scan(Cf::kEntities, "", "", [&](std::string_view id, std::string_view value) {
          stored.emplace_back(id, value);
          return true;
        }));
    std::set<std::string> aliases;  // the alias keys the whole documents give
    std::map<std::string, int64_t> types;
    for (auto& [id, aggregate] : aggregates_) {
      aggregate.id = id;
      for (const std::string& name : AggregateNames(aggregate)) aliases.insert(Key({name, id}));
      ++types[std::string(EntityTypeName(aggregate.type))];
    }
    report_->entities = aggregates_.size();
    auto expected = aggregates_.begin();
    for (const auto& [id, value] : stored) {
      while (expected != aggregates_.end() && expected->first < id) {
        Problem("entity " + expected->first + " is missing");
        Put(Cf::kEntities, expected->first, EncodeAggregate(expected->second));
        ++expected;
      }
      if (expected == aggregates_.end() || expected->first != id) {
        Problem("entity " + id + " is stored but no whole document contributes to it");
        Delete(Cf::kEntities, id);
        continue;
      }
      Result<EntityAggregate> decoded = DecodeAggregate(value);
      if (!decoded.ok() || !(*decoded == expected->second)) {
        Problem("entity " + id +
                (decoded.ok() ? " has totals that differ from its documents'"
                              : " does not decode: " + decoded.status().message()));
        Put(Cf::kEntities, id, EncodeAggregate(expected->second));
      }
      ++expected;
    }
    for (; expected != aggregates_.end(); ++expected) {
      Problem("entity " + expected->first + " is missing");
      Put(Cf::kEntities, expected->first, EncodeAggregate(expected->second));
    }
    std::vector<std::string> extra;
    PARLEY_RETURN_IF_ERROR(
        view_.Scan(Cf::kAliases, "", "", [&](std::string_view key, std::string_view) {
          auto it = aliases.find(std::string(key));
          if (it == aliases.end()) {
            extra.emplace_back(key);
          } else {
            aliases.erase(it);
          }
          return true;
        }));
    for (const std::string& key : extra) {
      auto parts = SplitKey(key);
      Problem("alias '" + std::string(parts.front()) + "' of entity " + std::string(parts.back()) +
              " is indexed but no whole document gives it");
      Delete(Cf::kAliases, key);
    }
    for (const std::string& key : aliases) {
      auto parts = SplitKey(key);
      Problem("alias '" + std::string(parts.front()) + "' of entity " + std::string(parts.back()) +
              " is not indexed");
      Put(Cf::kAliases, key, "");
    }
    counters_[CounterKey("total", "entities")] = static_cast<int64_t>(aggregates_.size());
    for (const auto& [type, n] : types) counters_[CounterKey("type", type)] = n;
    return Status::Ok();
  }

  Status CheckCounters() {
    std::map<std::string, std::string> stored;
    const std::string prefix = Key({"count"});
    PARLEY_RETURN_IF_ERROR(view_.Scan(Cf::kMeta, prefix, PrefixEnd(prefix),
                                      [&](std::string_view key, std::string_view value) {
                                        stored.emplace(key, value);
                                        return true;
                                      }));
    auto describe = [](const std::string& key) {
      auto parts = SplitKey(key);
      return "counter " + std::string(parts.size() > 1 ? parts[1] : "") + "/" +
             std::string(parts.size() > 2 ? parts[2] : "");
    };
    for (const auto& [key, n] : counters_) {
      if (n == 0) continue;  // counters at zero are not stored
      auto it = stored.find(key);
      Result<uint64_t> value =
          it == stored.end() ? Result<uint64_t>(uint64_t{0}) : DecodeU64(it->second);
      if (!value.ok() || *value != static_cast<uint64_t>(n)) {
        Problem(describe(key) + " is " +
                (value.ok() ? std::to_string(*value) : std::string("corrupt")) +
                ", the whole documents give " + std::to_string(n));
        Put(Cf::kMeta, key, EncodeU64(static_cast<uint64_t>(n)));
      }
    }
    for (const auto& [key, value] : stored) {
      auto it = counters_.find(key);
      if (it != counters_.end() && it->second != 0) continue;
      Problem(describe(key) + " is stored, the whole documents give 0");
      Delete(Cf::kMeta, key);
    }
    return Status::Ok();
  }

  const KvView& view_;
  std::string name_;
  size_t max_problems_;
  CheckReport* report_;
  KvBatch* fix_;
  uint64_t skipped_ = 0;
  std::string key_;
  std::map<std::string, bool> damaged_;                          // documents that are not whole
  std::unordered_set<std::string> examined_;                     // documents with a meta record
  std::unordered_set<std::string> whole_statements_;             // of whole documents
  std::unordered_map<std::string, std::string> statement_docs_;  // every listed, stored one
  std::map<Cf, uint64_t> expected_index_;
  std::map<std::string, EntityAggregate> aggregates_;  // what the whole documents give
  std::map<std::string, int64_t> counters_;
};

}  // namespace

Status CheckKv(const KvView& view, const std::string& name, size_t max_problems,
               CheckReport* report, KvBatch* fix) {
  return Checker(view, name, max_problems, report, fix).Run();
}

}  // namespace parley::internal
