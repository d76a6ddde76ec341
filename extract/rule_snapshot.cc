#include "extract/rule_snapshot.h"

#include <algorithm>
#include <bit>
#include <bitset>
#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <typeindex>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/text.h"
#include "extract/rule_compiled.h"
#include "extract/rule_entities.h"

namespace parley::internal {
namespace {

constexpr char kMagic[8] = {'P', 'A', 'R', 'L', 'E', 'Y', 'R', 'S'};
constexpr size_t kChecksumSize = 32;
constexpr bool kLittleEndian = std::endian::native == std::endian::little;

// Appends the encoding. Field functions take T& for both directions; the writer only reads it.
class Writer {
 public:
  static constexpr bool kReading = false;

  template <typename T>
  void Scalar(T& v) {
    Append(&v, sizeof(T));
  }
  // `count` items of trivially copyable T, as they lie in memory.
  template <typename T>
  void Array(T* data, size_t count) {
    Append(data, count * sizeof(T));
  }
  // A count; `min_bytes` is what the reader checks each item takes at least.
  void Count(size_t& n, size_t /*min_bytes*/) {
    if (n > UINT32_MAX) Fail("a table holds more than 2^32 items");
    uint32_t c = static_cast<uint32_t>(n);
    Scalar(c);
  }
  // A shared pointee: its reference, and the first time its fields (`write`); null as 0.
  template <typename T, typename Write, typename Read>
  void Shared(std::shared_ptr<T>& p, Write write, Read /*read*/) {
    uint32_t id = 0;
    if (p == nullptr) {
      Scalar(id);
      return;
    }
    auto& ids = shared_[std::type_index(typeid(std::remove_const_t<T>))];
    const auto [it, added] = ids.emplace(p.get(), static_cast<uint32_t>(ids.size() + 1));
    id = it->second;
    Scalar(id);
    if (added) write(const_cast<std::remove_const_t<T>&>(*p));
  }
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  // The bytes written. The writer is done with them.
  std::string Take() {
    out_.resize(used_);
    return std::move(out_);
  }

 private:
  // Most writes are a few bytes: the buffer grows by doubling, and a write is a copy.
  void Append(const void* p, size_t n) {
    if (n == 0) return;  // an empty string's data() may be null, which memcpy may not take
    if (out_.size() - used_ < n) out_.resize(std::max(out_.size() * 2, used_ + n + 4096));
    std::memcpy(out_.data() + used_, p, n);
    used_ += n;
  }

  std::string out_;
  size_t used_ = 0;
  std::string error_;
  std::unordered_map<std::type_index, std::unordered_map<const void*, uint32_t>> shared_;
};

// Reads the encoding. After the first error every read yields zeros (counts 0), so decoding runs
// to its end quickly and the error is reported once.
class Reader {
 public:
  static constexpr bool kReading = true;
  // `lasting`: the bytes outlive the rules read from them (the built-in snapshot), which may
  // then keep pointing into them.
  explicit Reader(std::string_view in, bool lasting = false)
      : p_(in.data()), end_(in.data() + in.size()), lasting_(lasting) {}
  bool lasting() const { return lasting_; }

  // The reads are small and many (a few per alias): the checks inline, the failures not.
  template <typename T>
  void Scalar(T& v) {
    if (static_cast<size_t>(end_ - p_) < sizeof(T)) [[unlikely]] {
      EndsEarly();
      v = T{};
      return;
    }
    std::memcpy(&v, p_, sizeof(T));
    p_ += sizeof(T);
  }
  template <typename T>
  void Array(T* data, size_t count) {
    const size_t bytes = count * sizeof(T);
    if (static_cast<size_t>(end_ - p_) < bytes) [[unlikely]] {
      EndsEarly();
      if (count > 0) std::memset(static_cast<void*>(data), 0, bytes);
      return;
    }
    if (bytes > 0) std::memcpy(static_cast<void*>(data), p_, bytes);
    p_ += bytes;
  }
  // A string's bytes, copied once (no zero fill first). Appended to the emptied string:
  // std::string::assign takes the general path for a source that may overlap the string
  // (twice the instructions, a quarter of decoding with the imported layer's 300,000 strings).
  void String(std::string& s, size_t n) {
    s.clear();
    if (static_cast<size_t>(end_ - p_) < n) [[unlikely]] {
      EndsEarly();
      return;
    }
    s.append(p_, n);
    p_ += n;
  }
  // The next n bytes, not copied ("" after an error).
  std::string_view View(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) [[unlikely]] {
      EndsEarly();
      return {};
    }
    const std::string_view view(p_, n);
    p_ += n;
    return view;
  }
  void Count(size_t& n, size_t min_bytes) {
    uint32_t c = 0;
    Scalar(c);
    // Every item takes at least min_bytes (at least 1): a count the rest cannot hold is damage,
    // caught before anything is allocated for it.
    if (uint64_t{c} * std::max<size_t>(min_bytes, 1) > static_cast<size_t>(end_ - p_))
        [[unlikely]] {
      TooMany();
      c = 0;
    }
    n = c;
  }
  template <typename T, typename Write, typename Read>
  void Shared(std::shared_ptr<T>& p, Write /*write*/, Read read) {
    using Mutable = std::remove_const_t<T>;
    uint32_t id = 0;
    Scalar(id);
    p = nullptr;
    if (id == 0) return;
    std::vector<std::shared_ptr<void>>& table = shared_[std::type_index(typeid(Mutable))];
    if (id <= table.size()) {
      p = std::static_pointer_cast<Mutable>(table[id - 1]);
      return;
    }
    if (id != table.size() + 1) {
      Fail("a shared reference is out of order");
      return;
    }
    const size_t slot = table.size();
    table.emplace_back();
    std::shared_ptr<Mutable> made = read();
    table[slot] = made;
    p = std::move(made);
  }
  void Fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    p_ = end_;
  }
  [[gnu::noinline]] void EndsEarly() { Fail("it ends early"); }
  [[gnu::noinline]] void TooMany() { Fail("a count exceeds what is left"); }
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  bool at_end() const { return p_ == end_; }

 private:
  const char* p_;
  const char* end_;
  bool lasting_;
  std::string error_;
  std::unordered_map<std::type_index, std::vector<std::shared_ptr<void>>> shared_;
};

template <typename T>
concept Number = std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;
// Structs whose vectors go as a block of bytes, as they lie in memory.
template <typename T>
inline constexpr bool kBlockStruct = false;
// An alias key is six 32-bit words, no padding, of which any value decodes (the bit-fields
// included); its one check (AliasIndex::RestInBounds) runs once the index is read. Copied as
// a block, the default rules' buckets decode without a call per key.
template <>
inline constexpr bool kBlockStruct<AliasKey> = true;
static_assert(std::is_trivially_copyable_v<AliasKey> && sizeof(AliasKey) == 6 * sizeof(uint32_t));
// Items that go as a block of bytes: numbers (bool excepted: any byte but 0 or 1 is no bool)
// and the structs above.
template <typename T>
concept Block = Number<T> || kBlockStruct<T>;

template <typename IO, Number T>
void Field(IO& io, T& v) {
  io.Scalar(v);
}

template <typename IO>
void Field(IO& io, bool& v) {
  uint8_t b = v ? 1 : 0;
  io.Scalar(b);
  if constexpr (IO::kReading) {
    if (b > 1) io.Fail("a flag is neither 0 nor 1");
    v = b == 1;
  }
}

template <typename IO, typename T>
requires std::is_enum_v<T>
void Field(IO& io, T& v) {
  auto u = static_cast<std::underlying_type_t<T>>(v);
  io.Scalar(u);
  v = static_cast<T>(u);
}

template <typename IO>
void Field(IO& io, std::string& s) {
  size_t n = s.size();
  io.Count(n, 1);
  if constexpr (IO::kReading) {
    io.String(s, n);
  } else {
    io.Array(s.data(), n);
  }
}

template <typename IO, typename... T>
void All(IO& io, T&... v) {
  (Field(io, v), ...);
}

template <typename IO, typename A, typename B>
void Field(IO& io, std::pair<A, B>& p) {
  Field(io, p.first);
  Field(io, p.second);
}

template <typename IO, typename T>
void Field(IO& io, std::vector<T>& v) {
  size_t n = v.size();
  io.Count(n, Block<T> ? sizeof(T) : 1);
  if constexpr (IO::kReading) v.resize(n);
  if constexpr (Block<T>) {
    if constexpr (kLittleEndian) {
      io.Array(v.data(), n);
    } else {
      for (T& item : v) Field(io, item);
    }
  } else {
    for (T& item : v) Field(io, item);
  }
}

template <typename IO, typename T, size_t N>
void Field(IO& io, T (&array)[N]) {
  for (T& item : array) Field(io, item);
}

template <typename IO, typename T>
void Field(IO& io, std::optional<T>& v) {
  bool has = v.has_value();
  Field(io, has);
  if constexpr (IO::kReading) {
    if (has)
      v.emplace();
    else
      v.reset();
  }
  if (has) Field(io, *v);
}

template <typename IO, size_t N>
void Field(IO& io, std::bitset<N>& bits) {
  static_assert(N % 64 == 0);
  uint64_t words[N / 64] = {};
  if constexpr (!IO::kReading) {
    for (size_t i = 0; i < N; ++i) {
      if (bits.test(i)) words[i / 64] |= uint64_t{1} << (i % 64);
    }
  }
  for (uint64_t& w : words) Field(io, w);
  if constexpr (IO::kReading) {
    bits.reset();
    for (size_t i = 0; i < N; ++i) {
      if ((words[i / 64] >> (i % 64)) & 1) bits.set(i);
    }
  }
}

// std::map: its pairs in order.
template <typename IO, typename K, typename V, typename C>
void Field(IO& io, std::map<K, V, C>& m) {
  size_t n = m.size();
  io.Count(n, 1);
  if constexpr (IO::kReading) {
    m.clear();
    for (size_t i = 0; i < n && io.ok(); ++i) {
      K k{};
      V v{};
      Field(io, k);
      Field(io, v);
      m.emplace_hint(m.end(), std::move(k), std::move(v));
    }
  } else {
    for (auto& [k, v] : m) {
      Field(io, const_cast<K&>(k));  // the writer only reads it
      Field(io, v);
    }
  }
}

// An unordered map: its pairs sorted by key, so that equal maps give equal bytes whatever
// order they were filled in.
template <typename IO, typename K, typename V, typename H, typename E>
void Field(IO& io, std::unordered_map<K, V, H, E>& m) {
  size_t n = m.size();
  io.Count(n, 1);
  if constexpr (IO::kReading) {
    m.clear();
    m.reserve(n);
    for (size_t i = 0; i < n && io.ok(); ++i) {
      K k{};
      V v{};
      Field(io, k);
      Field(io, v);
      m.emplace(std::move(k), std::move(v));
    }
  } else {
    // Sorted by the keys' hashes, then the keys: an order of the content alone, found
    // comparing integers (the maps hold tens of thousands of names).
    std::vector<std::pair<uint64_t, std::pair<const K, V>*>> sorted;
    sorted.reserve(m.size());
    for (auto& entry : m) {
      uint64_t hash = 0;
      if constexpr (std::is_same_v<K, std::string>) hash = Hash64(entry.first);
      sorted.emplace_back(hash, &entry);
    }
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second->first < b.second->first;
    });
    for (auto& [hash, entry] : sorted) {
      Field(io, const_cast<K&>(entry->first));  // the writer only reads it
      Field(io, entry->second);
    }
  }
}

// A shared pointee of a default-constructible T, by reference (Writer::Shared).
template <typename IO, typename T>
void Field(IO& io, std::shared_ptr<T>& p) {
  using Mutable = std::remove_const_t<T>;
  io.Shared(
      p, [&io](Mutable& value) { Field(io, value); },
      [&io] {
        auto made = std::make_shared<Mutable>();
        Field(io, *made);
        return made;
      });
}

template <typename IO>
void Field(IO& io, RE2::Options& o) {
  int64_t max_mem = o.max_mem();
  int32_t encoding = static_cast<int32_t>(o.encoding());
  bool flags[11] = {o.posix_syntax(), o.longest_match(), o.log_errors(),    o.literal(),
                    o.never_nl(),     o.dot_nl(),        o.never_capture(), o.case_sensitive(),
                    o.perl_classes(), o.word_boundary(), o.one_line()};
  All(io, max_mem, encoding, flags);
  if constexpr (IO::kReading) {
    if (encoding != RE2::Options::EncodingUTF8 && encoding != RE2::Options::EncodingLatin1) {
      io.Fail("a regular expression has an unknown encoding");
      return;
    }
    o.set_max_mem(max_mem);
    o.set_encoding(static_cast<RE2::Options::Encoding>(encoding));
    o.set_posix_syntax(flags[0]);
    o.set_longest_match(flags[1]);
    o.set_log_errors(flags[2]);
    o.set_literal(flags[3]);
    o.set_never_nl(flags[4]);
    o.set_dot_nl(flags[5]);
    o.set_never_capture(flags[6]);
    o.set_case_sensitive(flags[7]);
    o.set_perl_classes(flags[8]);
    o.set_word_boundary(flags[9]);
    o.set_one_line(flags[10]);
  }
}

}  // namespace

// The classes with private members: friends of each (`friend struct SnapshotAccess`).
struct SnapshotAccess {
  template <typename IO>
  static void Fields(IO& io, TokenTable& t) {
    auto& [slots_, pool_, texts_, count_, bytes_] = t;
    size_t slots = slots_.size();
    io.Count(slots, sizeof(TokenTable::Slot));
    if constexpr (IO::kReading) {
      // Probe wraps with a mask: the table is empty or a power of two in size.
      if (slots != 0 && !std::has_single_bit(slots)) io.Fail("a token table is misshapen");
      slots_.resize(io.ok() ? slots : 0);
    }
    static_assert(sizeof(TokenTable::Slot) == 16);
    if constexpr (kLittleEndian) {
      io.Array(slots_.data(), slots_.size());
    } else {
      for (TokenTable::Slot& s : slots_) All(io, s.id, s.hash, s.offset, s.size);
    }
    All(io, pool_, texts_, count_);
    if constexpr (IO::kReading) {
      if (count_ != texts_.size()) io.Fail("a token table is misshapen");
      for (const TokenTable::Slot& s : slots_) {
        if (s.id > count_ || uint64_t{s.offset} + s.size > pool_.size()) {
          io.Fail("a token table is misshapen");
          break;
        }
      }
      for (const auto& [offset, size] : texts_) {
        if (uint64_t{offset} + size > pool_.size()) {
          io.Fail("a token table is misshapen");
          break;
        }
      }
      if (io.ok()) t.FillBytes();
    }
  }

  template <typename IO>
  static void Fields(IO& io, PersonIndex& t) {
    auto& [keys_, key_ends_, value_ends_, values_] = t;
    All(io, keys_, key_ends_, value_ends_, values_);
    if constexpr (IO::kReading) {
      if (!t.Valid()) io.Fail("a person index is misshapen");
    }
  }

  template <typename IO>
  static void Fields(IO& io, FrameWordTable& t) {
    auto& [tokens_, prefix_, slots_, shift_, filter_, stems_, longest_prefix_, empty_prefix_] = t;
    All(io, tokens_, prefix_);
    size_t slots = slots_.size();
    io.Count(slots, sizeof(FrameWordTable::Slot));
    if constexpr (IO::kReading) {
      if (slots != 0 && !std::has_single_bit(slots)) io.Fail("a frame word table is misshapen");
      slots_.resize(io.ok() ? slots : 0);
    }
    for (FrameWordTable::Slot& s : slots_) All(io, s.hash, s.key);
    All(io, shift_, filter_, longest_prefix_, empty_prefix_);
    // stems_ is not encoded: rebuilt from the keys.
    if constexpr (IO::kReading) {
      if (io.ok()) t.FillStems();
    }
  }

  template <typename IO>
  static void Fields(IO& io, Lexicon& l) {
    auto& [words_, entries_, by_vocabulary_, lemmas_, forms_, catenative_, raising_, clause_,
           clause_bare_, infinitive_, compounds_] = l;
    All(io, words_, entries_, by_vocabulary_, lemmas_, forms_, catenative_, raising_, clause_,
        clause_bare_, infinitive_, compounds_);
  }

  template <typename IO>
  static void Fields(IO& io, PhraseSet& s) {
    auto& [first_, buckets_] = s;
    Field(io, first_);
    size_t n = buckets_.size();
    io.Count(n, 1);
    if constexpr (IO::kReading) buckets_.resize(n);
    for (PhraseSet::Bucket& b : buckets_) All(io, b.single, b.longer);
  }

  // NameVocabulary's words are the rules' vocabulary (shared_ points at the alias index's
  // table): written as a flag, re-pointed at `vocabulary` on reading.
  template <typename IO>
  static void Fields(IO& io, NameVocabulary& v, TokenTable* vocabulary) {
    auto& [titles, particles, stopwords, openers, heads, event_prefixes, honorifics, given, regnal,
           female, male, apposition, leader_titles, never_names, own_, shared_] = v;
    All(io, titles, particles, stopwords, openers, heads, event_prefixes, honorifics, given, regnal,
        female, male, apposition, leader_titles, never_names, own_);
    bool shared = shared_ != nullptr;
    Field(io, shared);
    if constexpr (IO::kReading) {
      shared_ = shared ? vocabulary : nullptr;
    } else if (shared && shared_ != vocabulary) {
      io.Fail("the name vocabulary shares a table that is not the rules' vocabulary");
    }
  }

  template <typename IO>
  static void Fields(IO& io, LazyRegex& r) {
    auto& [state_] = r;
    io.Shared(
        state_,
        [&io](LazyRegex::State& s) {
          Field(io, s.regex);
          Field(io, s.options);
        },
        [&io] {
          std::string regex;
          RE2::Options options;
          Field(io, regex);
          Field(io, options);
          return std::make_shared<LazyRegex::State>(std::move(regex), options);
        });
  }

  template <typename IO>
  static void Fields(IO& io, PatternWordSet& s) {
    auto& [ids_, bits_] = s;  // the bits follow from the ids
    Field(io, ids_);
    if constexpr (IO::kReading) s = PatternWordSet(std::move(ids_));
  }
};

namespace {

// The classes SnapshotAccess reads (TokenTable, PersonIndex, FrameWordTable, Lexicon, PhraseSet,
// LazyRegex, PatternWordSet).
template <typename IO, typename T>
requires requires(IO& io, T& value) { SnapshotAccess::Fields(io, value); }
void Field(IO& io, T& value) { SnapshotAccess::Fields(io, value); }

// The structs whose fields are public name them all with a structured binding: a field added to
// one stops this from compiling until it is written here too. PARLEY_SNAPSHOT_FIELDS(T, a, b)
// is that Field for a struct T whose fields are a and b, in order.
#define PARLEY_SNAPSHOT_FIELDS(Type, ...) \
  template <typename IO>                  \
  void Field(IO& io, Type& value) {       \
    auto& [__VA_ARGS__] = value;          \
    All(io, __VA_ARGS__);                 \
  }

PARLEY_SNAPSHOT_FIELDS(Role, office, country, from, to, code)
PARLEY_SNAPSHOT_FIELDS(Entity, id, label, type, aliases, attributes, roles, mentions)
PARLEY_SNAPSHOT_FIELDS(SourceLocation, path, line)
PARLEY_SNAPSHOT_FIELDS(RolePeriod, first, last)
PARLEY_SNAPSHOT_FIELDS(EntityDef::Era, id, from, to)
template <typename IO>
void Field(IO& io, EntityDef& d) {
  auto& [entity, role_periods, acts_as, eras, adjectives, priority, order, where, imported_roles,
         imported, view_of, view_code] = d;
  // Views are made per document (sectors.h), never by compiling.
  if (view_of != nullptr || !view_code.empty()) io.Fail("an entity is a sector view");
  All(io, entity, role_periods, acts_as, eras, adjectives, priority, order, where, imported_roles,
      imported);
}
// Bytes the lazily decoded entities keep (EntityDefs): null when they outlive the rules
// (Reader::lasting), else a copy.
std::unique_ptr<std::string> Keep(const Reader& io, std::string_view bytes) {
  return io.lasting() ? nullptr : std::make_unique<std::string>(bytes);
}

// One entity, from its own bytes (EntityDefs::Decode).
bool DecodeEntity(std::string_view bytes, EntityDef* def) {
  Reader reader(bytes);
  Field(reader, *def);
  return reader.ok() && reader.at_end();
}

// The entities: u32 offsets (count + 1, from 0), then a string of every entity's fields one after
// another, entity i at [offsets[i], offsets[i + 1]), so that reading leaves each encoded until it
// is asked for (EntityDefs::SetEncoded).
template <typename IO>
void Field(IO& io, EntityDefs& defs) {
  std::vector<uint32_t> offsets;
  if constexpr (!IO::kReading) {
    std::string bytes;
    offsets.reserve(defs.size() + 1);
    offsets.push_back(0);
    for (size_t i = 0; i < defs.size() && io.ok(); ++i) {
      Writer one;
      Field(one, const_cast<EntityDef&>(std::as_const(defs)[i]));  // the writer only reads it
      if (!one.ok()) io.Fail(one.error());
      bytes += one.Take();
      if (bytes.size() > UINT32_MAX) io.Fail("the entities take more than 4 GB");
      offsets.push_back(static_cast<uint32_t>(bytes.size()));
    }
    Field(io, offsets);
    Field(io, bytes);
  } else {
    Field(io, offsets);
    size_t size = 0;
    io.Count(size, 1);
    const std::string_view bytes = io.View(size);
    if (offsets.empty() || offsets[0] != 0 || offsets.back() != size ||
        !std::is_sorted(offsets.begin(), offsets.end())) {
      io.Fail("the entities are misshapen");
    }
    if (!io.ok()) return;
    std::unique_ptr<std::string> owned = Keep(io, bytes);
    const std::string_view kept = owned != nullptr ? std::string_view(*owned) : bytes;
    defs.SetEncoded(std::move(offsets), kept, std::move(owned), DecodeEntity);
  }
}
PARLEY_SNAPSHOT_FIELDS(SectorDef, code, group, label, where)
PARLEY_SNAPSHOT_FIELDS(SectorNoun, tokens, sector, before)
PARLEY_SNAPSHOT_FIELDS(SlotCapture, role, kind, bits, actor)
PARLEY_SNAPSHOT_FIELDS(UnitCheck, bits, words, ids, name)
PARLEY_SNAPSHOT_FIELDS(CaptureUnits, begin, end)
PARLEY_SNAPSHOT_FIELDS(CompiledPattern, re, captures, required_bits, required_words, required_any,
                       requirements, anchors, start_bits, start_words, start_ids, start_name,
                       second_bits, second_words, second_ids, second_name, then, capture_units,
                       cased, marked, line, source)
PARLEY_SNAPSHOT_FIELDS(SelfTest, counter, sentence, line, expects)
PARLEY_SNAPSHOT_FIELDS(FrameVerb, verb, particle, before)
PARLEY_SNAPSHOT_FIELDS(RoleFiller, prep, bits, actor, that, after)
PARLEY_SNAPSHOT_FIELDS(TextFiller, kind, prep)
PARLEY_SNAPSHOT_FIELDS(Cue, tokens, prefix)
PARLEY_SNAPSHOT_FIELDS(RefineWord, cue, list, joined, id, list_key)
PARLEY_SNAPSHOT_FIELDS(Refinement, before, after, before_at_verb, after_at_verb, adjacent, pattern,
                       cameo, reverse, plover)
PARLEY_SNAPSHOT_FIELDS(Frame, verbs, verb_ids, nouns, clause_nouns, line, subject_bits,
                       subject_actor, object, recipient, text, object_words, owner_bits, refine,
                       when, unless, only_forms, except_forms, reciprocal, reciprocal_only,
                       lists_none, reverse)
PARLEY_SNAPSHOT_FIELDS(Rule, kind, id, where, patterns, tests, example_date, priority, predicate,
                       plover, cameo, modality, attach_time, attach_place, attach_event,
                       attach_document_date, object_from_role, once_per_document, frame, imported,
                       creates, resolve_role, resolve_named, resolve_previous)
PARLEY_SNAPSHOT_FIELDS(CueIndex, by_last, prefixed)
PARLEY_SNAPSHOT_FIELDS(ActorVocabulary, people, states, sides, anonymous, official, bare, joint,
                       kinds, author, quoting, meeting, offices, people_index, states_index,
                       sides_index, offices_index, domains, female, male)
PARLEY_SNAPSHOT_FIELDS(PatternWord, requirements, anchored, frames)
PARLEY_SNAPSHOT_FIELDS(EntityPatternGate, enabled, tokens, required, anchor_bits)
// An alias key alone (a host of another byte order: vectors of them are blocks otherwise).
template <typename IO>
void Field(IO& io, AliasKey& k) {
  // entity and demonym are bit-fields: no reference binds to them.
  uint32_t entity = k.entity;
  bool demonym = k.demonym != 0;
  All(io, k.order, entity, demonym, k.second, k.third, k.rest_size, k.more);
  if constexpr (IO::kReading) {
    if (entity >= (1u << 31)) io.Fail("an alias names no entity");
    k.entity = entity & 0x7fffffffu;
    k.demonym = demonym ? 1 : 0;
  }
}
PARLEY_SNAPSHOT_FIELDS(AliasIndex, tokens, exact, folded, more, starts, pairs)
PARLEY_SNAPSHOT_FIELDS(FrameList, first_words, always)
PARLEY_SNAPSHOT_FIELDS(FrameIndex::Span, begin, end)
PARLEY_SNAPSHOT_FIELDS(FrameIndex, frames_of_verb, frame_flags, when_begin, when_patterns, words,
                       lists, lists_of_key, always_lists, pattern_count, pattern_needs_begin,
                       pattern_needs, vocabulary, vocabulary_keys, event_nouns)
PARLEY_SNAPSHOT_FIELDS(VerbSense, verb, forms)
PARLEY_SNAPSHOT_FIELDS(LexEntry, classes, senses, adjective_modality, stative, experiencer, remain,
                       linking, event_noun, content_noun, clause_noun, light_object, compounds)
PARLEY_SNAPSHOT_FIELDS(CompoundVerb, before, verb)
#undef PARLEY_SNAPSHOT_FIELDS

// The entity patterns: their expressions; the programs and their set are rebuilt on reading
// as the compiler builds them (rule_entities.h).
template <typename IO>
void EntityPatterns(IO& io, std::vector<EntityPattern>& patterns, std::unique_ptr<RE2::Set>& set) {
  size_t n = patterns.size();
  io.Count(n, 1);
  if constexpr (IO::kReading) patterns.resize(n);
  for (EntityPattern& p : patterns) {
    std::string regex = IO::kReading ? std::string() : p.re->pattern();
    Field(io, regex);
    Field(io, p.entity);
    if constexpr (IO::kReading) {
      if (!io.ok()) return;
      p.re = std::make_unique<RE2>(regex, EntityPatternOptions());
      if (!p.re->ok()) {
        io.Fail("an entity pattern does not compile");
        return;
      }
    }
  }
  bool has_set = set != nullptr;
  Field(io, has_set);
  if constexpr (IO::kReading) {
    if (!has_set || !io.ok()) return;
    bool compiled = false;
    set = EntityPatternSet(patterns, &compiled);
    if (set == nullptr || !compiled) io.Fail("the entity patterns do not compile together");
  }
}

template <typename IO>
void Field(IO& io, CompiledRules& r) {
  auto& [entities, entity_index, alias_index, entity_patterns, entity_pattern_set, entity_gate,
         date_word_ids, rules, pattern_words, pattern_word_of, requirement_count, refine_word_count,
         frame_index, patterns_of, unanchored, discover_rules, coref_rules, lexicon, cues,
         cues_by_start, cues_any_start, sectors, sector_nouns, sector_noun_ids, sector_by_group,
         discard_sentence, discard_document, office_holders, actors, marked_lists, names,
         person_names, person_surnames, fingerprint] = r;
  All(io, entities, entity_index, alias_index);
  if constexpr (IO::kReading) {
    if (!alias_index.RestInBounds()) io.Fail("an alias's tokens lie outside the alias index");
  }
  EntityPatterns(io, entity_patterns, entity_pattern_set);
  All(io, entity_gate, date_word_ids, rules, pattern_words, pattern_word_of, requirement_count,
      refine_word_count, frame_index, patterns_of, unanchored, discover_rules, coref_rules, lexicon,
      cues, cues_by_start, cues_any_start, sectors, sector_nouns, sector_noun_ids, sector_by_group,
      discard_sentence, discard_document, office_holders, actors);
  // The marked lists: their items and first tokens' pattern words; the rest follows from them.
  std::vector<std::vector<Cue>> lists = marked_lists.lists;
  std::vector<uint32_t> by_id = marked_lists.first_of_pattern_word;
  All(io, lists, by_id);
  if constexpr (IO::kReading) {
    if (lists.size() > MarkedLists::kMaxLists) io.Fail("too many marked word lists");
    marked_lists = MarkedLists(std::move(lists));
    for (uint32_t k : by_id) {
      if (k != MarkedLists::kNoFirst && k >= marked_lists.first_tokens.size()) {
        io.Fail("a marked list's first token is out of range");
      }
    }
    marked_lists.first_of_pattern_word = std::move(by_id);
  }
  SnapshotAccess::Fields(io, names, &alias_index.tokens);
  All(io, person_names, person_surnames, fingerprint);
}

Result<DecodedRules> DecodePayload(std::string_view payload, bool lasting) {
  DecodedRules out;
  out.rules = std::make_unique<CompiledRules>();
  Reader reader(payload, lasting);
  Field(reader, out.alias_count);
  Field(reader, *out.rules);
  if (reader.ok() && !reader.at_end()) reader.Fail("bytes follow the rules");
  if (!reader.ok()) return DataLossError("the snapshot is damaged: " + reader.error());
  return out;
}

}  // namespace

void EntityDefs::SetEncoded(std::vector<uint32_t> offsets, std::string_view bytes,
                            std::unique_ptr<std::string> owned, Decode decode) {
  const size_t n = offsets.empty() ? 0 : offsets.size() - 1;
  defs_.clear();
  defs_.resize(n);
  lazy_ = std::make_unique<Lazy>();
  lazy_->offsets = std::move(offsets);
  lazy_->bytes = bytes;
  lazy_->owned = std::move(owned);
  lazy_->decode = decode;
  lazy_->ready.reset(new std::atomic<bool>[n]());
}

void EntityDefs::DecodeOne(size_t i) const {
  std::lock_guard<std::mutex> lock(lazy_->mutex);
  if (lazy_->ready[i].load(std::memory_order_relaxed)) return;  // another thread's meanwhile
  const uint32_t begin = lazy_->offsets[i];
  if (!lazy_->decode(lazy_->bytes.substr(begin, lazy_->offsets[i + 1] - begin), &defs_[i])) {
    defs_[i] = EntityDef();
    lazy_->failed = true;
  }
  lazy_->ready[i].store(true, std::memory_order_release);
}

bool EntityDefs::DecodeAll() const {
  if (lazy_ == nullptr) return true;
  for (size_t i = 0; i < defs_.size(); ++i) (*this)[i];
  std::lock_guard<std::mutex> lock(lazy_->mutex);
  return !lazy_->failed;
}

Result<std::string> EncodeRuleSnapshot(const CompiledRules& rules, uint64_t alias_count,
                                       std::string_view key) {
  if (!kLittleEndian) return FailedPreconditionError("rule snapshots need a little-endian host");
  Writer payload;
  Field(payload, alias_count);
  Field(payload, const_cast<CompiledRules&>(rules));
  if (!payload.ok()) return InternalError("cannot snapshot the rules: " + payload.error());
  const std::string body = payload.Take();
  Writer header;
  header.Array(kMagic, sizeof(kMagic));
  uint32_t version = kRuleSnapshotVersion;
  header.Scalar(version);
  std::string k(key);
  Field(header, k);
  uint64_t size = body.size();
  header.Scalar(size);
  std::string bytes = header.Take();
  bytes.reserve(bytes.size() + kChecksumSize + body.size());
  bytes += ContentHash(body);
  bytes += body;
  return bytes;
}

Result<DecodedRules> DecodeRuleSnapshot(std::string_view bytes, std::string_view key,
                                        SnapshotCheck check) {
  if (!kLittleEndian) return FailedPreconditionError("rule snapshots need a little-endian host");
  if (bytes.size() < sizeof(kMagic) || std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) != 0) {
    return DataLossError("it is no rules snapshot");
  }
  Reader header(bytes.substr(sizeof(kMagic)));
  uint32_t version = 0;
  header.Scalar(version);
  if (header.ok() && version != kRuleSnapshotVersion) {
    return FailedPreconditionError("it was made by another version of parley (snapshot format " +
                                   std::to_string(version) + ", this one reads " +
                                   std::to_string(kRuleSnapshotVersion) + ")");
  }
  std::string stored_key;
  Field(header, stored_key);
  uint64_t size = 0;
  header.Scalar(size);
  if (!header.ok()) return DataLossError("it is truncated");
  if (stored_key != key) {
    return FailedPreconditionError("it was made for other rules or another build of parley");
  }
  const size_t header_size = sizeof(kMagic) + 4 + 4 + stored_key.size() + 8;
  const std::string_view rest = bytes.substr(header_size);
  if (rest.size() < kChecksumSize || rest.size() - kChecksumSize != size) {
    return DataLossError(rest.size() < kChecksumSize + size ? "it is truncated"
                                                            : "it has bytes after its end");
  }
  const std::string_view payload = rest.substr(kChecksumSize);
  if (check == SnapshotCheck::kChecksum && ContentHash(payload) != rest.substr(0, kChecksumSize)) {
    return DataLossError("it is damaged (its checksum does not match)");
  }
  // The built-in snapshot lives as long as the process: its entities stay where they are.
  return DecodePayload(payload, /*lasting=*/check == SnapshotCheck::kTrusted);
}

Status DecodeRuleSnapshotPayload(std::string_view payload) {
  PARLEY_ASSIGN_OR_RETURN(DecodedRules decoded, DecodePayload(payload, /*lasting=*/false));
  if (!decoded.rules->entities.DecodeAll()) {
    return DataLossError("the snapshot is damaged: an entity does not decode");
  }
  return Status::Ok();
}

}  // namespace parley::internal
