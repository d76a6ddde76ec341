// One behaviour suite for every Store implementation: the in-memory store and the RocksDB
// store must be indistinguishable through the interface.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

#include "base/json.h"
#include "base/text.h"
#include "graph/store.h"
#include "graph/synthetic_corpus.h"
#include "tests/graph/store_test_util.h"

namespace parley {
namespace {

using testing::DumpEntities;
using testing::DumpStatements;
using testing::TempDir;

struct StoreFactory {
  std::string name;
  // Creates a fresh, empty store; `dir` lives as long as the test.
  std::function<std::unique_ptr<Store>(const TempDir& dir, const std::string& sub)> make;
};

void PrintTo(const StoreFactory& factory, std::ostream* os) { *os << factory.name; }

class StoreConformanceTest : public ::testing::TestWithParam<StoreFactory> {
 protected:
  std::unique_ptr<Store> NewStore(const std::string& sub = "store") {
    return GetParam().make(dir_, sub);
  }
  TempDir dir_;
};

Entity MakeEntity(EntityType type, const std::string& label, std::vector<std::string> aliases,
                  uint64_t mentions) {
  Entity e;
  e.id = MakeEntityId(type, label);
  e.label = label;
  e.type = type;
  e.aliases = std::move(aliases);
  e.mentions = mentions;
  return e;
}

EntityRef Ref(const Entity& e) { return EntityRef{e.id, e.label, e.type}; }

DocumentRecord SmallRecord(const std::string& id, const std::string& text) {
  Entity alpha = MakeEntity(EntityType::kPerson, "Ada Alpha", {"Alpha"}, 2);
  Entity borduria = MakeEntity(EntityType::kState, "Borduria", {}, 1);
  DocumentRecord r;
  r.document.info.id = id;
  r.document.text = text;
  r.rules_fingerprint = "fp1";
  r.sentence_count = 1;
  r.entities = {alpha, borduria};
  Statement s;
  s.subject = Ref(alpha);
  s.predicate = "proposed";
  s.object = Ref(borduria);
  s.text = "talks";
  s.time = TimeValue{"2019-01", "2019-01-01", "2019-01-31"};
  s.doc = id;
  s.span = {0, text.size()};
  s.byte_span = s.span;
  s.sentence = text;
  s.rule = "test.proposed";
  r.statements = {s};
  return r;
}

TEST_P(StoreConformanceTest, EmptyStoreHasNothing) {
  auto store = NewStore();
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->documents, 0u);
  EXPECT_EQ(stats->statements, 0u);
  EXPECT_EQ(stats->format_version, 4u);
  EXPECT_TRUE(DumpStatements(*store).empty());
  auto doc = store->GetDocument("missing");
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(doc->has_value());
}

TEST_P(StoreConformanceTest, PutStoresDocumentEntitiesAndStatements) {
  auto store = NewStore();
  DocumentRecord r = SmallRecord("a.txt", "Ada Alpha proposed talks to Borduria.");
  auto outcome = store->Put(r);
  ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  EXPECT_EQ(*outcome, PutOutcome::kAdded);

  auto doc = store->GetDocument("a.txt");
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_EQ((*doc)->text, r.document.text);
  EXPECT_EQ((*doc)->info.content_hash, ContentHash(r.document.text));
  auto stored = store->GetStoredDocument("a.txt");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ(**stored, (StoredDocument{(*doc)->info, "fp1", 1, 1, 2}));
  EXPECT_FALSE(store->GetStoredDocument("b.txt")->has_value());
  auto fp = store->GetRulesFingerprint("a.txt");
  ASSERT_TRUE(fp.ok() && fp->has_value());
  EXPECT_EQ(**fp, "fp1");

  std::vector<std::string> statements = DumpStatements(*store);
  ASSERT_EQ(statements.size(), 1u);
  Statement expected = r.statements[0];
  expected.id = MakeStatementId(expected);
  EXPECT_EQ(statements[0], StatementToJson(expected));

  auto entity = store->GetEntity("person:ada-alpha");
  ASSERT_TRUE(entity.ok() && entity->has_value());
  EXPECT_EQ(EntityToJson(**entity), EntityToJson(r.entities[0]));

  auto ids = store->FindEntitiesByName("  ALPHA ");
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, std::vector<std::string>{"person:ada-alpha"});

  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 1u);
  EXPECT_EQ(stats->sentences, 1u);
  EXPECT_EQ(stats->entities, 2u);
  EXPECT_EQ(stats->statements, 1u);
  EXPECT_EQ(stats->entities_by_type,
            (std::map<std::string, uint64_t>{{"person", 1}, {"state", 1}}));
  EXPECT_EQ(stats->statements_by_predicate, (std::map<std::string, uint64_t>{{"proposed", 1}}));
  EXPECT_EQ(stats->earliest, "2019-01-01");
  EXPECT_EQ(stats->latest, "2019-01-31");
}

TEST_P(StoreConformanceTest, SameDocumentTwiceIsUnchanged) {
  auto store = NewStore();
  DocumentRecord r = SyntheticDocument(7);
  ASSERT_EQ(*store->Put(r), PutOutcome::kAdded);
  auto before_statements = DumpStatements(*store);
  auto before_entities = DumpEntities(*store);
  auto outcome = store->Put(r);
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(DumpStatements(*store), before_statements);
  EXPECT_EQ(DumpEntities(*store), before_entities);
  EXPECT_EQ(store->Stats()->documents, 1u);
}

// A document whose normalised text is already stored under another id is a duplicate: kept,
// with nothing of it counted (issue 16: the readouts were also in the bench file under other
// ids, and every statement was stored twice).
TEST_P(StoreConformanceTest, DuplicatesAreStoredButNotCounted) {
  auto with_hash = [](DocumentRecord r, const std::string& hash) {
    r.document.info.normalized_hash = hash;
    return r;
  };
  const DocumentRecord a = with_hash(SyntheticDocument(1), "h1");
  const DocumentRecord b = with_hash(SyntheticDocument(2), "h1");  // same text, other id
  const DocumentRecord c = with_hash(SyntheticDocument(3), "h3");
  for (bool batch : {false, true}) {
    SCOPED_TRACE(batch ? "PutBatch" : "Put");
    auto store = NewStore(batch ? "batch" : "put");
    auto reference = NewStore(batch ? "batch-reference" : "put-reference");
    ASSERT_TRUE(reference->Put(a).ok());
    ASSERT_TRUE(reference->Put(c).ok());
    std::vector<PutOutcome> outcomes;
    if (batch) {
      outcomes = *store->PutBatch({a, b, c});
    } else {
      for (const DocumentRecord* r : {&a, &b, &c}) outcomes.push_back(*store->Put(*r));
    }
    EXPECT_EQ(outcomes, (std::vector<PutOutcome>{PutOutcome::kAdded, PutOutcome::kDuplicate,
                                                 PutOutcome::kAdded}));
    // Statements and entities as if the duplicate were not there.
    EXPECT_EQ(DumpStatements(*store), DumpStatements(*reference));
    EXPECT_EQ(DumpEntities(*store), DumpEntities(*reference));
    const StoreStats stats = *store->Stats();
    const StoreStats without = *reference->Stats();
    EXPECT_EQ(stats.documents, 3u);
    EXPECT_EQ(stats.duplicates, 1u);
    EXPECT_EQ(stats.statements, without.statements);
    EXPECT_EQ(stats.sentences, without.sentences);
    EXPECT_EQ(stats.statements_by_predicate, without.statements_by_predicate);
    EXPECT_EQ(*store->Duplicates(a.document.info.id), std::vector<std::string>{b.document.info.id});
    EXPECT_TRUE(store->Duplicates(c.document.info.id)->empty());
    std::optional<StoredDocument> stored_b = *store->GetStoredDocument(b.document.info.id);
    ASSERT_TRUE(stored_b.has_value());
    EXPECT_EQ(stored_b->duplicate_of, a.document.info.id);
    EXPECT_EQ(stored_b->statements, 0u);
    EXPECT_EQ((*store->GetDocument(b.document.info.id))->text, b.document.text);
    // Again: unchanged, duplicate or not.
    EXPECT_EQ(*store->Put(b), PutOutcome::kUnchanged);
    EXPECT_EQ(*store->Put(a), PutOutcome::kUnchanged);
  }
}

// When the text a duplicate copies goes, the duplicate waits to be extracted again.
TEST_P(StoreConformanceTest, DuplicatesOfAChangedDocumentAreExtractedAgain) {
  auto with_hash = [](DocumentRecord r, const std::string& hash) {
    r.document.info.normalized_hash = hash;
    return r;
  };
  auto store = NewStore();
  const DocumentRecord a = with_hash(SyntheticDocument(1), "h1");
  const DocumentRecord b = with_hash(SyntheticDocument(2), "h1");
  ASSERT_EQ(*store->Put(a), PutOutcome::kAdded);
  ASSERT_EQ(*store->Put(b), PutOutcome::kDuplicate);
  // a changes: b no longer copies a stored text.
  ASSERT_EQ(*store->Put(with_hash(SyntheticDocument(1, "rules-1", 1), "h1b")),
            PutOutcome::kReplaced);
  std::optional<StoredDocument> stored_b = *store->GetStoredDocument(b.document.info.id);
  ASSERT_TRUE(stored_b.has_value());
  EXPECT_EQ(stored_b->duplicate_of, "");
  EXPECT_EQ(stored_b->rules_fingerprint, "");
  EXPECT_EQ(store->Stats()->duplicates, 0u);
  EXPECT_EQ(*store->DocumentsWithOtherRules("rules-1"),
            std::vector<std::string>{b.document.info.id});
  // Its next ingest stores it, now holding its text; a third copy is its duplicate.
  EXPECT_EQ(*store->Put(b), PutOutcome::kReplaced);
  EXPECT_EQ(*store->Put(with_hash(SyntheticDocument(4), "h1")), PutOutcome::kDuplicate);
  auto reference = NewStore("reference");
  ASSERT_TRUE(reference->Put(with_hash(SyntheticDocument(1, "rules-1", 1), "h1b")).ok());
  ASSERT_TRUE(reference->Put(b).ok());
  EXPECT_EQ(DumpStatements(*store), DumpStatements(*reference));
  EXPECT_EQ(DumpEntities(*store), DumpEntities(*reference));
  EXPECT_EQ(store->Stats()->sentences, reference->Stats()->sentences);
  EXPECT_EQ(store->Stats()->duplicates, 1u);
}

// The store's state depends only on the set of documents it holds, never on the path there:
// replacing documents (new text or new rules) must subtract their old contributions exactly.
TEST_P(StoreConformanceTest, ReplacementIsExact) {
  auto store = NewStore("replaced");
  for (uint64_t i = 0; i < 20; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  for (uint64_t i = 0; i < 20; i += 3) {
    SCOPED_TRACE(i);
    auto outcome = store->Put(SyntheticDocument(i, "rules-1", /*revision=*/1));
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(*outcome, PutOutcome::kReplaced);
  }
  for (uint64_t i = 1; i < 20; i += 5) {
    auto outcome = store->Put(SyntheticDocument(i, "rules-2"));
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(*outcome, PutOutcome::kReplaced);
  }

  auto fresh = NewStore("fresh");
  for (uint64_t i = 0; i < 20; ++i) {
    DocumentRecord r =
        SyntheticDocument(i, i % 5 == 1 ? "rules-2" : "rules-1", i % 3 == 0 && i % 5 != 1 ? 1 : 0);
    ASSERT_TRUE(fresh->Put(r).ok());
  }
  EXPECT_EQ(DumpStatements(*store), DumpStatements(*fresh));
  EXPECT_EQ(DumpEntities(*store), DumpEntities(*fresh));
  auto a = store->Stats();
  auto b = fresh->Stats();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->documents, b->documents);
  EXPECT_EQ(a->sentences, b->sentences);
  EXPECT_EQ(a->entities, b->entities);
  EXPECT_EQ(a->statements, b->statements);
  EXPECT_EQ(a->entities_by_type, b->entities_by_type);
  EXPECT_EQ(a->statements_by_predicate, b->statements_by_predicate);
  EXPECT_EQ(a->earliest, b->earliest);
  EXPECT_EQ(a->latest, b->latest);

  auto other = store->DocumentsWithOtherRules("rules-1");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(*other, (std::vector<std::string>{"synthetic/1.txt", "synthetic/11.txt",
                                              "synthetic/16.txt", "synthetic/6.txt"}));
}

TEST_P(StoreConformanceTest, EntitiesMergeAcrossDocumentsAndAliasesAccumulate) {
  auto store = NewStore();
  DocumentRecord a = SmallRecord("a.txt", "Ada Alpha proposed talks to Borduria.");
  DocumentRecord b = SmallRecord("b.txt", "Alpha proposed talks to Borduria again.");
  b.entities[0].aliases = {"A. Alpha"};
  b.entities[0].mentions = 3;
  b.entities[0].roles = {Role{"foreign minister", "state:borduria", "2018", ""}};
  ASSERT_TRUE(store->Put(a).ok());
  ASSERT_TRUE(store->Put(b).ok());
  auto entity = store->GetEntity("person:ada-alpha");
  ASSERT_TRUE(entity.ok() && entity->has_value());
  EXPECT_EQ((*entity)->mentions, 5u);
  EXPECT_EQ((*entity)->aliases, (std::vector<std::string>{"A. Alpha", "Alpha"}));
  EXPECT_EQ((*entity)->roles.size(), 1u);
  EXPECT_EQ(*store->FindEntitiesByName("a. alpha"), std::vector<std::string>{"person:ada-alpha"});

  // Re-extracting b without the alias removes what only b contributed.
  b.rules_fingerprint = "fp2";
  b.entities[0].aliases.clear();
  b.entities[0].roles.clear();
  ASSERT_EQ(*store->Put(b), PutOutcome::kReplaced);
  entity = store->GetEntity("person:ada-alpha");
  EXPECT_EQ((*entity)->mentions, 5u);
  EXPECT_EQ((*entity)->aliases, std::vector<std::string>{"Alpha"});
  EXPECT_TRUE((*entity)->roles.empty());
  EXPECT_TRUE(store->FindEntitiesByName("a. alpha")->empty());
  EXPECT_EQ(store->Stats()->statements, 2u);
}

TEST_P(StoreConformanceTest, PutBatchMatchesPut) {
  auto one = NewStore("one");
  auto bulk = NewStore("bulk");
  std::vector<DocumentRecord> records;
  for (uint64_t i = 0; i < 600; ++i) records.push_back(SyntheticDocument(i));
  records.push_back(SyntheticDocument(3, "rules-1", 1));  // replaces one in the same call
  records.push_back(SyntheticDocument(4));                // unchanged
  std::vector<PutOutcome> expected;
  for (const auto& r : records) {
    auto outcome = one->Put(r);
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
    expected.push_back(*outcome);
  }
  auto outcomes = bulk->PutBatch(records);
  ASSERT_TRUE(outcomes.ok()) << outcomes.status().ToString();
  EXPECT_EQ(*outcomes, expected);
  EXPECT_EQ(expected[600], PutOutcome::kReplaced);
  EXPECT_EQ(expected[601], PutOutcome::kUnchanged);
  EXPECT_EQ(DumpStatements(*one), DumpStatements(*bulk));
  EXPECT_EQ(DumpEntities(*one), DumpEntities(*bulk));
}

// A record with repeated entities and statements, unsorted names, statements without ids and
// an entity only a statement mentions is stored exactly as its normal form is.
TEST_P(StoreConformanceTest, RecordsAreStoredInNormalForm) {
  DocumentRecord messy = SmallRecord("m.txt", "Ada Alpha proposed talks to Borduria.");
  Entity alpha = messy.entities[0];
  Entity borduria = messy.entities[1];
  Role envoy{"envoy", "state:borduria", "2018", ""};
  Role minister{"minister", "", "2019", "2020"};
  Entity alpha_again = alpha;
  alpha_again.label = "Ada B. Alpha";
  alpha_again.aliases = {"Ada", "Alpha"};
  alpha_again.attributes = {{"party", "blue"}};
  alpha_again.roles = {envoy};
  alpha_again.mentions = 1;
  alpha.aliases = {"Alpha", "Ada Alpha", "A. Alpha", "Alpha"};
  alpha.roles = {minister, envoy, minister};
  messy.entities = {borduria, alpha, alpha_again};
  Statement first = messy.statements[0];
  first.doc.clear();
  Statement second = first;
  second.predicate = "met";
  second.text.reset();
  second.recipient = EntityRef{"state:carpania", "Carpania", EntityType::kState};
  second.event = EntityRef{"event:summit", "", EntityType::kEvent};
  second.id = "s:given";
  second.doc = "m.txt";
  messy.statements = {first, second, first};
  messy.statements[2].mentions = 2;

  DocumentRecord normal = messy;
  Entity merged = messy.entities[1];
  merged.aliases = {"A. Alpha", "Ada", "Ada B. Alpha", "Alpha"};
  merged.attributes = {{"party", "blue"}};
  merged.roles = {envoy, minister};
  merged.mentions = 3;
  Entity carpania{"state:carpania", "Carpania", EntityType::kState, {}, {}, {}, 0};
  Entity summit{"event:summit", "event:summit", EntityType::kEvent, {}, {}, {}, 0};
  normal.entities = {summit, merged, borduria, carpania};
  Statement kept = first;
  kept.doc = "m.txt";
  kept.id = MakeStatementId(kept);
  kept.mentions = 3;
  normal.statements = {kept, second};

  auto from_messy = NewStore("messy");
  auto from_normal = NewStore("normal");
  ASSERT_TRUE(from_messy->Put(messy).ok());
  ASSERT_TRUE(from_normal->Put(normal).ok());
  EXPECT_EQ(DumpStatements(*from_messy), DumpStatements(*from_normal));
  EXPECT_EQ(DumpEntities(*from_messy), DumpEntities(*from_normal));
  EXPECT_EQ(DumpStatements(*from_messy).size(), 2u);
  EXPECT_EQ(DumpEntities(*from_messy).size(), 4u);
  auto stored = from_messy->GetStoredDocument("m.txt");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->statements, 2u);
  EXPECT_EQ((*stored)->entities, 4u);
  EXPECT_EQ(*stored, *from_normal->GetStoredDocument("m.txt"));
  // Replacing removes exactly what the messy record contributed.
  DocumentRecord other = SmallRecord("m.txt", "Ada Alpha proposed talks again.");
  ASSERT_EQ(*from_messy->Put(other), PutOutcome::kReplaced);
  ASSERT_EQ(*from_normal->Put(other), PutOutcome::kReplaced);
  EXPECT_EQ(DumpEntities(*from_messy), DumpEntities(*from_normal));
  EXPECT_EQ(DumpStatements(*from_messy), DumpStatements(*from_normal));
  EXPECT_EQ(DumpEntities(*from_messy).size(), 2u);
}

TEST_P(StoreConformanceTest, FiltersMatchBruteForce) {
  auto store = NewStore();
  for (uint64_t i = 0; i < 60; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  std::vector<Statement> all;
  ASSERT_TRUE(store
                  ->ScanStatements({},
                                   [&](const Statement& s) {
                                     all.push_back(s);
                                     return true;
                                   })
                  .ok());
  ASSERT_GT(all.size(), 300u);
  // Some times come from documents, and they survive the store.
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const Statement& s) {
    return s.time && s.time->source == TimeSource::kDocument;
  }));
  const std::string someone = all[5].subject.id;
  const std::string something = all[9].object->id;
  struct Case {
    std::string name;
    StatementFilter filter;
    std::function<bool(const Statement&)> keep;
  };
  auto involves = [](const Statement& s, const std::string& id) {
    return s.subject.id == id || (s.object && s.object->id == id) ||
           (s.recipient && s.recipient->id == id);
  };
  std::vector<Case> cases = {
      {"subject",
       {.subject = someone},
       [&](const Statement& s) { return s.subject.id == someone; }},
      {"subject+predicates",
       {.subject = someone, .predicates = {"met", "proposed"}},
       [&](const Statement& s) {
         return s.subject.id == someone && (s.predicate == "met" || s.predicate == "proposed");
       }},
      {"object",
       {.object = something},
       [&](const Statement& s) { return s.object && s.object->id == something; }},
      {"involving",
       {.involving = something},
       [&](const Statement& s) { return involves(s, something); }},
      {"predicate",
       {.predicates = {"signed"}},
       [](const Statement& s) { return s.predicate == "signed"; }},
      {"since",
       {.since = "2010-03"},
       [](const Statement& s) { return s.time && s.time->end >= "2010-03-01"; }},
      {"until",
       {.until = "1995"},
       [](const Statement& s) { return s.time && s.time->start <= "1995-12-31"; }},
      {"since+until",
       {.since = "2001-02-10", .until = "2003-07"},
       [](const Statement& s) {
         return s.time && s.time->end >= "2001-02-10" && s.time->start <= "2003-07-31";
       }},
      {"require_time",
       {.require_time = true},
       [](const Statement& s) { return s.time.has_value(); }},
      {"since+text_dates_only",
       {.since = "2010-03", .text_dates_only = true},
       [](const Statement& s) {
         return s.time && s.time->end >= "2010-03-01" && IsTextTime(*s.time);
       }},
      {"require_time+text_dates_only",
       {.require_time = true, .text_dates_only = true},
       [](const Statement& s) { return s.time && IsTextTime(*s.time); }},
      {"modality",
       {.modality = Modality::kHedged},
       [](const Statement& s) { return s.modality == Modality::kHedged; }},
      {"doc",
       {.doc = "synthetic/12.txt"},
       [](const Statement& s) { return s.doc == "synthetic/12.txt"; }},
      {"predicate+since",
       {.predicates = {"met"}, .since = "2015"},
       [](const Statement& s) {
         return s.predicate == "met" && s.time && s.time->end >= "2015-01-01";
       }},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> expected;
    for (const Statement& s : all) {
      if (c.keep(s)) expected.push_back(StatementToJson(s));
    }
    std::sort(expected.begin(), expected.end());
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(DumpStatements(*store, c.filter), expected);
  }
}

TEST_P(StoreConformanceTest, ScanStopsWhenVisitorSaysSo) {
  auto store = NewStore();
  for (uint64_t i = 0; i < 10; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  int seen = 0;
  ASSERT_TRUE(store
                  ->ScanStatements({.involving = "state:borduria"},
                                   [&](const Statement&) { return ++seen < 2; })
                  .ok());
  EXPECT_EQ(seen, 2);
}

TEST_P(StoreConformanceTest, BadInputIsRefusedWithContext) {
  auto store = NewStore();
  struct Case {
    std::string name;
    std::function<void(DocumentRecord*)> edit;
    std::string message;
  };
  std::vector<Case> cases = {
      {"no id", [](DocumentRecord* r) { r->document.info.id.clear(); },
       "a document without an id cannot be stored"},
      {"foreign statement", [](DocumentRecord* r) { r->statements[0].doc = "b.txt"; },
       "document 'a.txt': statement  belongs to document 'b.txt'"},
      {"empty predicate", [](DocumentRecord* r) { r->statements[0].predicate.clear(); },
       "document 'a.txt': statement s:"},
      {"since", nullptr,
       "invalid date '2019-13': month 13 is out of range (expected YYYY, YYYY-MM or YYYY-MM-DD)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    if (!c.edit) {
      Status s = store->ScanStatements({.since = "2019-13"}, [](const Statement&) { return true; });
      EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
      EXPECT_EQ(s.message(), c.message);
      continue;
    }
    DocumentRecord r = SmallRecord("a.txt", "Ada Alpha proposed talks.");
    c.edit(&r);
    auto outcome = store->Put(r);
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.status().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(outcome.status().message().substr(0, c.message.size()), c.message);
  }
  EXPECT_EQ(store->Stats()->documents, 0u);
}

// Reads from other threads while one thread writes see whole documents only.
TEST_P(StoreConformanceTest, ReadersSeeWholeDocumentsDuringWrites) {
  auto store = NewStore();
  std::atomic<bool> done = false;
  std::thread writer([&] {
    for (uint64_t i = 0; i < 300; ++i) {
      auto outcome = store->Put(SyntheticDocument(i));
      EXPECT_TRUE(outcome.ok()) << outcome.status().ToString();
    }
    done = true;
  });
  int rounds = 0;
  while (!done || rounds == 0) {
    ++rounds;
    Status s = store->ScanStoredDocuments([&](const StoredDocument& d) {
      size_t found = DumpStatements(*store, {.doc = d.info.id}).size();
      EXPECT_EQ(found, d.statements) << d.info.id;
      return true;
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  writer.join();
  EXPECT_EQ(store->Stats()->documents, 300u);
}

TEST_P(StoreConformanceTest, BackupOpensAsRocksStore) {
  auto store = NewStore();
  for (uint64_t i = 0; i < 30; ++i) ASSERT_TRUE(store->Put(SyntheticDocument(i)).ok());
  std::string backup_dir = dir_.Sub("backup");
  Status s = store->Backup(backup_dir);
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto copy = OpenRocksStore(backup_dir, {.read_only = true});
  ASSERT_TRUE(copy.ok()) << copy.status().ToString();
  EXPECT_EQ(DumpStatements(**copy), DumpStatements(*store));
  EXPECT_EQ(DumpEntities(**copy), DumpEntities(*store));
  Status again = store->Backup(backup_dir);
  EXPECT_EQ(again.code(), StatusCode::kAlreadyExists);
}

INSTANTIATE_TEST_SUITE_P(
    Stores, StoreConformanceTest,
    ::testing::Values(StoreFactory{"Memory", [](const TempDir&,
                                                const std::string&) { return NewMemoryStore(); }},
                      StoreFactory{"Rocks",
                                   [](const TempDir& dir, const std::string& sub) {
                                     auto store = OpenRocksStore(dir.Sub(sub), {});
                                     EXPECT_TRUE(store.ok()) << store.status().ToString();
                                     return std::move(store).value();
                                   }},
                      StoreFactory{"RocksBulk",
                                   [](const TempDir& dir, const std::string& sub) {
                                     auto store = OpenRocksStore(dir.Sub(sub), {.bulk_load = true});
                                     EXPECT_TRUE(store.ok()) << store.status().ToString();
                                     return std::move(store).value();
                                   }}),
    [](const ::testing::TestParamInfo<StoreFactory>& info) { return info.param.name; });

}  // namespace
}  // namespace parley
