#include "graph/keys.h"

#include <algorithm>

#include "base/date.h"
#include "base/text.h"

namespace parley::internal {
namespace {

// Records holding entities (Entity, DocContents, EntityAggregate): version 2 added each role's
// actor code after its dates; version 1 records (no code) still decode, with an empty code.
constexpr char kEntityRecordVersion = 2;
// Statement records: version 2 added the time's source after its end, version 3 the subject,
// object and recipient actor codes after `mentions`; older records still decode (source "text",
// no codes).
constexpr char kStatementVersion = 3;
// DocMeta records: version 2 added the normalised text's hash and duplicate_of at the end;
// version 1 records decode with both empty.
constexpr char kDocMetaVersion = 2;

// Appends a record to a string: its own (Take) or the caller's.
class Writer {
 public:
  explicit Writer(char tag) : out_(&own_) {
    own_.reserve(256);
    own_.push_back(tag);
  }
  Writer(char tag, std::string* out) : out_(out) { out_->push_back(tag); }
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_->push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_->push_back(static_cast<char>(v));
  }
  void String(std::string_view s) {
    Varint(s.size());
    out_->append(s);
  }
  void Ref(const EntityRef& ref) {
    String(ref.id);
    String(ref.label);
    Varint(static_cast<uint64_t>(ref.type));
  }
  void OptionalRef(const std::optional<EntityRef>& ref) {
    Varint(ref ? 1 : 0);
    if (ref) Ref(*ref);
  }
  std::string Take() { return std::move(own_); }

 private:
  std::string own_;
  std::string* out_;
};

// Reads what Writer wrote; any short read or bad value marks the reader failed, and the caller
// turns that into one DataLoss error naming the record kind.
class Reader {
 public:
  Reader(std::string_view in, char tag) : in_(in) {
    if (in_.empty() || in_[0] != tag) {
      failed_ = true;
    } else {
      in_.remove_prefix(1);
    }
  }
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      auto byte = static_cast<unsigned char>(in_[0]);
      in_.remove_prefix(1);
      v |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    failed_ = true;
    return 0;
  }
  std::string String() {
    uint64_t n = Varint();
    if (failed_ || n > in_.size()) {
      failed_ = true;
      return {};
    }
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  template <typename E>
  E Enum(size_t count) {
    uint64_t v = Varint();
    if (v >= count) failed_ = true;
    return failed_ ? E{} : static_cast<E>(v);
  }
  EntityRef Ref() {
    EntityRef ref;
    ref.id = String();
    ref.label = String();
    ref.type = Enum<EntityType>(std::size(kAllEntityTypes));
    return ref;
  }
  std::optional<EntityRef> OptionalRef() {
    if (Varint() == 0) return std::nullopt;
    return Ref();
  }
  // OK when every read succeeded and nothing is left over.
  Status Finish(std::string_view what) const {
    if (failed_ || !in_.empty()) {
      return DataLossError("corrupt " + std::string(what) + " record in the store");
    }
    return Status::Ok();
  }

 private:
  std::string_view in_;
  bool failed_ = false;
};

// Days between the start and end of a time, or a large number when either is malformed (so the
// statement lands in the always-scanned class).
int64_t SpanDays(const TimeValue& time) {
  Result<DayRange> range = TimeRange(time);
  return range.ok() ? range->last - range->first : int64_t{1} << 30;
}

}  // namespace

std::string_view CfName(Cf cf) {
  static constexpr std::string_view kNames[kCfCount] = {
      "default", "docs", "text",     "doc_contents", "statements", "spo",
      "pos",     "osp",  "involves", "time",         "entities",   "aliases"};
  return kNames[static_cast<int>(cf)];
}

void AppendPart(std::string_view part, std::string* key) {
  key->append(part);
  key->push_back('\0');
}

std::string Key(std::initializer_list<std::string_view> parts) {
  std::string key;
  for (std::string_view p : parts) AppendPart(p, &key);
  return key;
}

std::vector<std::string_view> SplitKey(std::string_view key) {
  std::vector<std::string_view> parts;
  while (!key.empty()) {
    size_t nul = key.find('\0');
    if (nul == std::string_view::npos) {
      parts.push_back(key);
      break;
    }
    parts.push_back(key.substr(0, nul));
    key.remove_prefix(nul + 1);
  }
  return parts;
}

std::string PrefixEnd(std::string_view prefix) {
  std::string end(prefix);
  while (!end.empty()) {
    auto last = static_cast<unsigned char>(end.back());
    if (last != 0xff) {
      end.back() = static_cast<char>(last + 1);
      return end;
    }
    end.pop_back();
  }
  return end;
}

std::string EncodeU64(uint64_t value) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<char>(value & 0xff);
    value >>= 8;
  }
  return out;
}

Result<uint64_t> DecodeU64(std::string_view bytes) {
  if (bytes.size() != 8) return DataLossError("corrupt counter in the store");
  uint64_t v = 0;
  for (char c : bytes) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}

std::string FoldName(std::string_view name) { return AsciiLower(CollapseSpace(name)); }

SpanClass ClassifySpan(const TimeValue& time) {
  int64_t days = SpanDays(time);
  if (days >= 0 && days <= 31) return SpanClass::kMonth;
  if (days >= 0 && days <= 366) return SpanClass::kYear;
  return SpanClass::kLonger;
}

std::string ClassLowerBound(SpanClass c, std::string_view since) {
  if (c == SpanClass::kLonger) return "";
  Result<PartialDate> day = PartialDate::Parse(since);
  if (!day.ok() || day->precision() == DatePrecision::kYear) return "";
  int y = day->year();
  int m = day->month();
  if (c == SpanClass::kMonth) {
    m -= 2;
    if (m < 1) {
      m += 12;
      --y;
    }
  } else {
    y -= 2;
  }
  if (y < kMinDateYear) return "";
  return PartialDate::Day(y, m, 1).ToString();
}

std::string TimeKey(const TimeValue& time, std::string_view statement_id) {
  std::string key;
  AppendTimeKey(time, statement_id, &key);
  return key;
}

void AppendTimeKey(const TimeValue& time, std::string_view statement_id, std::string* key) {
  key->push_back(static_cast<char>(ClassifySpan(time)));
  AppendPart(time.start, key);
  AppendPart(statement_id, key);
}

void ApplyContribution(const Entity& c, int sign, EntityAggregate* a) {
  auto bump = [sign](auto& map, const auto& key, uint64_t by) {
    if (sign > 0) {
      map[key] += by;
      return;
    }
    auto it = map.find(key);
    if (it == map.end()) return;
    if (it->second <= by) {
      map.erase(it);
    } else {
      it->second -= by;
    }
  };
  a->id = c.id;
  a->type = c.type;
  bump(a->labels, c.label, 1);
  for (const std::string& alias : c.aliases) bump(a->aliases, alias, 1);
  for (const auto& [k, v] : c.attributes) bump(a->attributes, std::pair(k, v), 1);
  for (const Role& r : c.roles) {
    bump(a->roles, std::vector<std::string>{r.office, r.country, r.from, r.to, r.code}, 1);
  }
  if (sign > 0) {
    a->mentions += c.mentions;
    a->documents += 1;
  } else {
    a->mentions -= std::min(a->mentions, c.mentions);
    a->documents -= std::min<uint64_t>(a->documents, 1);
  }
}

Entity ToEntity(const EntityAggregate& a) {
  Entity e;
  e.id = a.id;
  e.type = a.type;
  e.mentions = a.mentions;
  uint64_t best = 0;
  for (const auto& [label, count] : a.labels) {
    if (count > best) {  // map order makes the smallest label win ties
      best = count;
      e.label = label;
    }
  }
  std::vector<std::string> aliases;
  for (const auto& [label, count] : a.labels) {
    if (label != e.label) aliases.push_back(label);
  }
  for (const auto& [alias, count] : a.aliases) {
    if (alias != e.label) aliases.push_back(alias);
  }
  std::sort(aliases.begin(), aliases.end());
  aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
  e.aliases = std::move(aliases);
  std::map<std::string, uint64_t> best_attribute;
  for (const auto& [kv, count] : a.attributes) {
    if (count > best_attribute[kv.first]) {
      best_attribute[kv.first] = count;
      e.attributes[kv.first] = kv.second;
    }
  }
  for (const auto& [r, count] : a.roles) e.roles.push_back(Role{r[0], r[1], r[2], r[3], r[4]});
  return e;
}

std::set<std::string> AggregateNames(const EntityAggregate& a) {
  std::set<std::string> names;
  for (const auto* map : {&a.labels, &a.aliases}) {
    for (const auto& [name, count] : *map) {
      std::string folded = FoldName(name);
      if (!folded.empty()) names.insert(std::move(folded));
    }
  }
  return names;
}

std::string EncodeStatement(const Statement& s) {
  std::string out;
  out.reserve(256);
  AppendStatement(s, &out);
  return out;
}

void AppendStatement(const Statement& s, std::string* out) {
  Writer w('S', out);
  w.Varint(kStatementVersion);
  w.String(s.id);
  w.Ref(s.subject);
  w.String(s.predicate);
  w.OptionalRef(s.object);
  w.Varint(s.text ? 1 : 0);
  if (s.text) w.String(*s.text);
  w.OptionalRef(s.recipient);
  w.OptionalRef(s.place);
  w.OptionalRef(s.event);
  w.Varint(s.time ? 1 : 0);
  if (s.time) {
    w.String(s.time->value);
    w.String(s.time->start);
    w.String(s.time->end);
    w.Varint(static_cast<uint64_t>(s.time->source));
  }
  w.Varint(static_cast<uint64_t>(s.modality));
  w.String(s.doc);
  w.Varint(s.span.begin);
  w.Varint(s.span.end);
  w.Varint(s.byte_span.begin);
  w.Varint(s.byte_span.end);
  w.String(s.sentence);
  w.Varint(s.sentence_index);
  w.String(s.rule);
  w.String(s.plover);
  w.String(s.cameo);
  w.String(s.doc_date);
  w.Varint(s.mentions);
  w.String(s.subject_code);
  w.String(s.object_code);
  w.String(s.recipient_code);
}

Result<Statement> DecodeStatement(std::string_view bytes) {
  Reader r(bytes, 'S');
  Statement s;
  const uint64_t version = r.Varint();
  if (version < 1 || version > kStatementVersion) {
    return DataLossError("corrupt statement record in the store");
  }
  s.id = r.String();
  s.subject = r.Ref();
  s.predicate = r.String();
  s.object = r.OptionalRef();
  if (r.Varint() != 0) s.text = r.String();
  s.recipient = r.OptionalRef();
  s.place = r.OptionalRef();
  s.event = r.OptionalRef();
  if (r.Varint() != 0) {
    TimeValue t;
    t.value = r.String();
    t.start = r.String();
    t.end = r.String();
    if (version >= 2) t.source = r.Enum<TimeSource>(std::size(kAllTimeSources));
    s.time = std::move(t);
  }
  s.modality = r.Enum<Modality>(std::size(kAllModalities));
  s.doc = r.String();
  s.span.begin = r.Varint();
  s.span.end = r.Varint();
  s.byte_span.begin = r.Varint();
  s.byte_span.end = r.Varint();
  s.sentence = r.String();
  s.sentence_index = static_cast<uint32_t>(r.Varint());
  s.rule = r.String();
  s.plover = r.String();
  s.cameo = r.String();
  s.doc_date = r.String();
  s.mentions = static_cast<uint32_t>(r.Varint());
  if (version >= 3) {
    s.subject_code = r.String();
    s.object_code = r.String();
    s.recipient_code = r.String();
  }
  PARLEY_RETURN_IF_ERROR(r.Finish("statement"));
  return s;
}

namespace {

void WriteEntityFields(const Entity& e, Writer* w) {
  w->String(e.id);
  w->String(e.label);
  w->Varint(static_cast<uint64_t>(e.type));
  w->Varint(e.aliases.size());
  for (const auto& a : e.aliases) w->String(a);
  w->Varint(e.attributes.size());
  for (const auto& [k, v] : e.attributes) {
    w->String(k);
    w->String(v);
  }
  w->Varint(e.roles.size());
  for (const Role& r : e.roles) {
    w->String(r.office);
    w->String(r.country);
    w->String(r.from);
    w->String(r.to);
    w->String(r.code);
  }
  w->Varint(e.mentions);
}

// Counts are bounded by the bytes left, so a corrupt count cannot loop for long. `version` is
// the record's (kEntityRecordVersion or 1).
Entity ReadEntityFields(Reader* r, size_t limit, uint64_t version) {
  Entity e;
  e.id = r->String();
  e.label = r->String();
  e.type = r->Enum<EntityType>(std::size(kAllEntityTypes));
  for (uint64_t n = r->Varint(), i = 0; i < n && i < limit; ++i) e.aliases.push_back(r->String());
  for (uint64_t n = r->Varint(), i = 0; i < n && i < limit; ++i) {
    std::string k = r->String();
    e.attributes[k] = r->String();
  }
  for (uint64_t n = r->Varint(), i = 0; i < n && i < limit; ++i) {
    Role role;
    role.office = r->String();
    role.country = r->String();
    role.from = r->String();
    role.to = r->String();
    if (version >= 2) role.code = r->String();
    e.roles.push_back(std::move(role));
  }
  e.mentions = r->Varint();
  return e;
}

}  // namespace

std::string EncodeEntity(const Entity& e) {
  Writer w('E');
  w.Varint(kEntityRecordVersion);
  WriteEntityFields(e, &w);
  return w.Take();
}

Result<Entity> DecodeEntity(std::string_view bytes) {
  Reader r(bytes, 'E');
  const uint64_t version = r.Varint();
  if (version < 1 || version > kEntityRecordVersion) {
    return DataLossError("corrupt entity record in the store");
  }
  Entity e = ReadEntityFields(&r, bytes.size(), version);
  PARLEY_RETURN_IF_ERROR(r.Finish("entity"));
  return e;
}

std::string EncodeDocContents(const DocContents& c) {
  std::vector<std::string_view> ids(c.statement_ids.begin(), c.statement_ids.end());
  std::vector<const Entity*> contributions;
  contributions.reserve(c.contributions.size());
  for (const Entity& e : c.contributions) contributions.push_back(&e);
  std::string out;
  AppendDocContents(ids, contributions, &out);
  return out;
}

void AppendDocContents(const std::vector<std::string_view>& statement_ids,
                       const std::vector<const Entity*>& contributions, std::string* out) {
  Writer w('C', out);
  w.Varint(kEntityRecordVersion);
  w.Varint(statement_ids.size());
  for (std::string_view id : statement_ids) w.String(id);
  w.Varint(contributions.size());
  for (const Entity* e : contributions) WriteEntityFields(*e, &w);
}

Result<DocContents> DecodeDocContents(std::string_view bytes) {
  Reader r(bytes, 'C');
  DocContents c;
  const uint64_t version = r.Varint();
  if (version < 1 || version > kEntityRecordVersion) {
    return DataLossError("corrupt document record in the store");
  }
  for (uint64_t n = r.Varint(), i = 0; i < n && i < bytes.size(); ++i) {
    c.statement_ids.push_back(r.String());
  }
  for (uint64_t n = r.Varint(), i = 0; i < n && i < bytes.size(); ++i) {
    c.contributions.push_back(ReadEntityFields(&r, bytes.size(), version));
  }
  PARLEY_RETURN_IF_ERROR(r.Finish("document contents"));
  return c;
}

std::string EncodeAggregate(const EntityAggregate& a) {
  Writer w('A');
  w.Varint(kEntityRecordVersion);
  w.String(a.id);
  w.Varint(static_cast<uint64_t>(a.type));
  w.Varint(a.labels.size());
  for (const auto& [k, n] : a.labels) {
    w.String(k);
    w.Varint(n);
  }
  w.Varint(a.aliases.size());
  for (const auto& [k, n] : a.aliases) {
    w.String(k);
    w.Varint(n);
  }
  w.Varint(a.attributes.size());
  for (const auto& [kv, n] : a.attributes) {
    w.String(kv.first);
    w.String(kv.second);
    w.Varint(n);
  }
  w.Varint(a.roles.size());
  for (const auto& [r, n] : a.roles) {
    for (const auto& part : r) w.String(part);
    w.Varint(n);
  }
  w.Varint(a.mentions);
  w.Varint(a.documents);
  return w.Take();
}

Result<EntityAggregate> DecodeAggregate(std::string_view bytes) {
  Reader r(bytes, 'A');
  EntityAggregate a;
  const uint64_t version = r.Varint();
  if (version < 1 || version > kEntityRecordVersion) {
    return DataLossError("corrupt entity record in the store");
  }
  a.id = r.String();
  a.type = r.Enum<EntityType>(std::size(kAllEntityTypes));
  for (uint64_t n = r.Varint(), i = 0; i < n && i < bytes.size(); ++i) {
    std::string k = r.String();
    a.labels[k] = r.Varint();
  }
  for (uint64_t n = r.Varint(), i = 0; i < n && i < bytes.size(); ++i) {
    std::string k = r.String();
    a.aliases[k] = r.Varint();
  }
  for (uint64_t n = r.Varint(), i = 0; i < n && i < bytes.size(); ++i) {
    std::string k = r.String();
    std::string v = r.String();
    a.attributes[{k, v}] = r.Varint();
  }
  for (uint64_t n = r.Varint(), i = 0; i < n && i < bytes.size(); ++i) {
    std::vector<std::string> role(version >= 2 ? 5 : 4);
    for (auto& part : role) part = r.String();
    role.resize(5);
    a.roles[role] = r.Varint();
  }
  a.mentions = r.Varint();
  a.documents = r.Varint();
  PARLEY_RETURN_IF_ERROR(r.Finish("entity"));
  return a;
}

std::string EncodeDocMeta(const DocMeta& m) {
  Writer w('D');
  w.Varint(kDocMetaVersion);
  w.String(m.info.id);
  w.String(m.info.title);
  w.String(m.info.url);
  w.String(m.info.date);
  w.String(m.info.date_source);
  w.String(m.info.format);
  w.String(m.info.content_hash);
  w.String(m.rules_fingerprint);
  w.Varint(m.sentence_count);
  w.Varint(m.statement_count);
  w.Varint(m.entity_count);
  w.String(m.info.normalized_hash);
  w.String(m.duplicate_of);
  return w.Take();
}

Result<DocMeta> DecodeDocMeta(std::string_view bytes) {
  Reader r(bytes, 'D');
  DocMeta m;
  const uint64_t version = r.Varint();
  if (version != 1 && version != kDocMetaVersion) {
    return DataLossError("corrupt document record in the store");
  }
  m.info.id = r.String();
  m.info.title = r.String();
  m.info.url = r.String();
  m.info.date = r.String();
  m.info.date_source = r.String();
  m.info.format = r.String();
  m.info.content_hash = r.String();
  m.rules_fingerprint = r.String();
  m.sentence_count = static_cast<uint32_t>(r.Varint());
  m.statement_count = static_cast<uint32_t>(r.Varint());
  m.entity_count = static_cast<uint32_t>(r.Varint());
  if (version >= 2) {
    m.info.normalized_hash = r.String();
    m.duplicate_of = r.String();
  }
  PARLEY_RETURN_IF_ERROR(r.Finish("document"));
  return m;
}

}  // namespace parley::internal
