// Uses nlohmann-json (Debian nlohmann-json3-dev): a well-tested, header-only parser with exact
// error positions, so we do not maintain a general JSON parser of our own. It stays inside this
// file. Statement lines shaped as StatementToJson writes them are read through simdjson
// (Debian libsimdjson-dev, as extract/jsonl.cc reads documents), which hands every other line,
// errors included, to nlohmann.
#include "base/json.h"

#include <simdjson.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "base/text.h"

namespace parley {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  // Replace invalid UTF-8 instead of throwing: our strings come from repaired text, but a
  // statement file written by another tool may not.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Bit i is set where byte i of the 16 at `p` is more than copied into a JSON string: escaped
// ('"', '\\', below 0x20), or a byte of a multi-byte UTF-8 sequence, which is checked.
// Strings are mostly runs of other bytes (sentences, ids), told 16 at a time: a few
// instructions on SSE2.
inline uint32_t SpecialMask16(const char* p) {
#if defined(__SSE2__)
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x);
  const __m128i quote = _mm_cmpeq_epi8(x, _mm_set1_epi8('"'));
  const __m128i backslash = _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'));
  // The sign bit of a byte is set where it is not ASCII.
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_or_si128(x, _mm_or_si128(control, _mm_or_si128(quote, backslash)))));
#else
  uint32_t mask = 0;
  for (int i = 0; i < 16; ++i) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) mask |= 1u << i;
  }
  return mask;
#endif
}

// Copies n < 16 bytes in at most two moves of a word or half of one (or byte by byte below 4),
// not calling memcpy for a size it cannot know.
inline void CopySmall(char* to, const char* from, size_t n) {
  if (n >= 8) {
    std::memcpy(to, from, 8);
    std::memcpy(to + n - 8, from + n - 8, 8);
  } else if (n >= 4) {
    std::memcpy(to, from, 4);
    std::memcpy(to + n - 4, from + n - 4, 4);
  } else {
    for (size_t i = 0; i < n; ++i) to[i] = from[i];
  }
}

void AppendUint(uint64_t value, std::string* out) {
  char digits[20];
  out->append(digits, std::to_chars(std::begin(digits), std::end(digits), value).ptr);
}

// A string field that is null when empty.
void AppendStringOrNull(std::string_view value, std::string* out) {
  if (value.empty()) {
    out->append("null");
  } else {
    AppendJsonString(value, out);
  }
}

Status FieldError(std::string_view field, std::string_view problem) {
  return InvalidArgumentError("field '" + std::string(field) + "' " + std::string(problem));
}

Result<std::string> GetString(const Json& j, const char* field, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return FieldError(field, "is missing");
    return std::string();
  }
  if (!it->is_string()) return FieldError(field, "must be a string");
  return it->get<std::string>();
}

Result<std::optional<EntityRef>> GetRef(const Json& j, const char* field, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return FieldError(field, "is missing");
    return std::optional<EntityRef>();
  }
  if (!it->is_object()) return FieldError(field, "must be an object {id, label, type} or null");
  EntityRef ref;
  auto id = GetString(*it, "id", true);
  if (!id.ok()) return id.status().WithContext(field);
  ref.id = *id;
  auto label = GetString(*it, "label", false);
  if (!label.ok()) return label.status().WithContext(field);
  ref.label = label->empty() ? ref.id : *label;
  auto type_name = GetString(*it, "type", true);
  if (!type_name.ok()) return type_name.status().WithContext(field);
  auto type = ParseEntityType(*type_name);
  if (!type.ok()) return type.status().WithContext(field);
  ref.type = *type;
  return std::optional<EntityRef>(std::move(ref));
}

Result<Span> GetSpan(const Json& j, const char* field, bool required) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) {
    if (required) return FieldError(field, "is missing");
    return Span{};
  }
  if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_unsigned() ||
      !(*it)[1].is_number_unsigned()) {
    return FieldError(field, "must be [start, end] with non-negative integers");
  }
  Span span{(*it)[0].get<uint64_t>(), (*it)[1].get<uint64_t>()};
  if (span.end < span.begin) return FieldError(field, "ends before it starts");
  return span;
}

Result<uint64_t> GetUint(const Json& j, const char* field, uint64_t fallback) {
  auto it = j.find(field);
  if (it == j.end() || it->is_null()) return fallback;
  if (!it->is_number_unsigned()) return FieldError(field, "must be a non-negative integer");
  return it->get<uint64_t>();
}

Result<Json> Parse(std::string_view line) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) {
    // Re-parse with exceptions only to recover the byte position for the message.
    try {
      Json ignored = Json::parse(line);
      (void)ignored;
    } catch (const Json::parse_error& e) {
      return InvalidArgumentError("not valid JSON at column " + std::to_string(e.byte));
    } catch (const Json::exception& e) {
      // A number too large for a double is an out_of_range error, not a parse_error.
      std::string reason = e.what();  // "[json.exception.out_of_range.406] number overflow ..."
      if (const size_t end = reason.find("] "); end != std::string::npos) reason.erase(0, end + 2);
      return InvalidArgumentError("not valid JSON: " + reason);
    }
    return InvalidArgumentError("not valid JSON");
  }
  if (!j.is_object()) return InvalidArgumentError("a record must be a JSON object");
  return j;
}

// The fast path of StatementFromJson for lines as StatementToJson writes them: simdjson
// (the library extract/jsonl.cc reads documents with) parses the line, and the statement is
// read from its DOM when every key is known and appears once and every value has the expected
// type. Anything else, every error included, gives nullopt and the general (nlohmann) path
// then answers; so wherever the fast path answers, its answer is the general path's.
namespace fast {

using simdjson::dom::element;
using simdjson::dom::object;

// Longer lines take the general path: simdjson's parser keeps scratch of ~15 bytes per input
// byte for the next line.
constexpr size_t kMaxBytes = 1 << 20;

// Where the two parsers may disagree, the general path decides: \u escapes (a lone surrogate
// is an error to nlohmann), negative numbers (nlohmann reads -0 as a signed integer, which is
// not a count) and a byte-order mark.
bool NeedsGeneralPath(std::string_view line) {
  if (line.find("\\u") != std::string_view::npos || line.starts_with("\xef\xbb\xbf")) return true;
  for (size_t i = line.find('-'); i != std::string_view::npos; i = line.find('-', i + 1)) {
    size_t j = i;
    while (j > 0 && (line[j - 1] == ' ' || line[j - 1] == '\t' || line[j - 1] == '\n' ||
                     line[j - 1] == '\r')) {
      --j;
    }
    if (j > 0 && (line[j - 1] == ':' || line[j - 1] == ',' || line[j - 1] == '[')) return true;
  }
  return false;
}

bool LeaveToGeneralPath(std::string_view line) {
  return line.size() > kMaxBytes || NeedsGeneralPath(line);
}

// The record `of` reads from `line` parsed, or nullopt.
template <typename T, typename Of>
std::optional<T> ReadLine(std::string_view line, Of of) {
  if (LeaveToGeneralPath(line)) return std::nullopt;
  thread_local simdjson::dom::parser parser;
  element root;
  if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) return std::nullopt;
  return of(root);
}

bool String(element e, std::string* out) {
  std::string_view v;
  if (e.get_string().get(v) != simdjson::SUCCESS) return false;
  out->assign(v);
  return true;
}

bool OptionalString(element e, std::string* out) {
  out->clear();
  return e.is_null() || String(e, out);
}

bool Uint(element e, uint64_t* out) { return e.get_uint64().get(*out) == simdjson::SUCCESS; }

// Calls read(index of key in names, value) for each key of `e`, an object whose keys are all
// in `names`, each at most once; returns the bit set of keys seen, or nullopt. Writers put the
// keys in the order of `names`, so the name after the last one found is tried first.
template <size_t N, typename Read>
std::optional<uint32_t> Fields(element e, const std::string_view (&names)[N], Read read) {
  object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return std::nullopt;
  uint32_t seen = 0;
  size_t next = 0;
  for (const simdjson::dom::key_value_pair field : o) {
    const size_t k = next < N && names[next] == field.key
                         ? next
                         : static_cast<size_t>(std::find(names, names + N, field.key) - names);
    if (k == N || (seen & (1u << k)) != 0 || !read(k, field.value)) return std::nullopt;
    seen |= 1u << k;
    next = k + 1;
  }
  return seen;
}

// null, or {id, label, type} with id and type strings and label a string or null.
bool Ref(element e, std::optional<EntityRef>* out) {
  if (e.is_null()) return true;
  static constexpr std::string_view kNames[] = {"id", "label", "type"};
  EntityRef ref;
  std::string type;
  std::optional<uint32_t> seen = Fields(e, kNames, [&](size_t k, element v) {
    return k == 0 ? String(v, &ref.id) : k == 1 ? OptionalString(v, &ref.label) : String(v, &type);
  });
  if (!seen || (*seen & 5u) != 5u) return false;
  auto parsed = ParseEntityType(type);
  if (!parsed.ok()) return false;
  ref.type = *parsed;
  if (ref.label.empty()) ref.label = ref.id;
  *out = std::move(ref);
  return true;
}

// null, or {value, start, end, source} with value a string, start and end strings or null and
// source, when present, a TimeSourceName.
bool Time(element e, std::optional<TimeValue>* out) {
  if (e.is_null()) return true;
  static constexpr std::string_view kNames[] = {"value", "start", "end", "source"};
  TimeValue t;
  std::string source;
  std::optional<uint32_t> seen = Fields(e, kNames, [&](size_t k, element v) {
    if (k == 3) return String(v, &source);
    return k == 0 ? String(v, &t.value) : OptionalString(v, k == 1 ? &t.start : &t.end);
  });
  if (!seen || (*seen & 1u) == 0) return false;
  if ((*seen & 8u) != 0) {
    Result<TimeSource> parsed = ParseTimeSource(source);
    if (!parsed.ok()) return false;
    t.source = *parsed;
  }
  *out = std::move(t);
  return true;
}

bool SpanValue(element e, Span* span) {
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS || a.size() != 2) return false;
  return Uint(a.at(0).value_unsafe(), &span->begin) && Uint(a.at(1).value_unsafe(), &span->end) &&
         span->end >= span->begin;
}

enum FieldId {
  kId,
  kSubject,
  kPredicate,
  kObject,
  kText,
  kRecipient,
  kPlace,
  kEvent,
  kTime,
  kModality,
  kDoc,
  kSpan,
  kSentence,
  kRule,
  kByteSpan,
  kSentenceIndex,
  kPlover,
  kCameo,
  kDocDate,
  kMentions,
  kSubjectCode,
  kObjectCode,
  kRecipientCode,
  kDocTitle,
  kDocUrl,
};
constexpr std::string_view kFieldNames[] = {
    "id",          "subject",        "predicate", "object", "text",     "recipient", "place",
    "event",       "time",           "modality",  "doc",    "span",     "sentence",  "rule",
    "byte_span",   "sentence_index", "plover",    "cameo",  "doc_date", "mentions",  "subject_code",
    "object_code", "recipient_code", "doc_title", "doc_url"};

// Reads one field into `s`, or for doc_title/doc_url into `document` (read and dropped when it
// is null).
bool Field(size_t field, element v, Statement* s, DocumentInfo* document) {
  switch (field) {
    case kId:
      return String(v, &s->id);
    case kSubject: {
      std::optional<EntityRef> ref;
      if (!Ref(v, &ref) || !ref) return false;
      s->subject = std::move(*ref);
      return true;
    }
    case kPredicate:
      return String(v, &s->predicate) && !s->predicate.empty();
    case kObject:
      return Ref(v, &s->object);
    case kRecipient:
      return Ref(v, &s->recipient);
    case kPlace:
      return Ref(v, &s->place);
    case kEvent:
      return Ref(v, &s->event);
    case kText: {
      if (v.is_null()) return true;
      std::string text;
      if (!String(v, &text)) return false;
      s->text = std::move(text);
      return true;
    }
    case kTime:
      return Time(v, &s->time);
    case kModality: {
      std::string name;
      if (!OptionalString(v, &name)) return false;
      if (name.empty()) return true;
      auto modality = ParseModality(name);
      if (!modality.ok()) return false;
      s->modality = *modality;
      return true;
    }
    case kDoc:
      return String(v, &s->doc);
    case kSpan:
      return !v.is_null() && SpanValue(v, &s->span);
    case kByteSpan:
      return v.is_null() || SpanValue(v, &s->byte_span);
    case kSentence:
      return OptionalString(v, &s->sentence);
    case kRule:
      return OptionalString(v, &s->rule);
    case kPlover:
      return OptionalString(v, &s->plover);
    case kCameo:
      return OptionalString(v, &s->cameo);
    case kDocDate:
      return OptionalString(v, &s->doc_date);
    case kSubjectCode:
      return OptionalString(v, &s->subject_code);
    case kObjectCode:
      return OptionalString(v, &s->object_code);
    case kRecipientCode:
      return OptionalString(v, &s->recipient_code);
    case kDocTitle:
    case kDocUrl: {
      std::string value;
      if (!OptionalString(v, &value)) return false;
      if (document != nullptr) (field == kDocTitle ? document->title : document->url) = value;
      return true;
    }
    case kSentenceIndex:
    case kMentions: {
      uint64_t value = field == kMentions ? 1 : 0;
      if (!v.is_null() && !Uint(v, &value)) return false;
      (field == kMentions ? s->mentions : s->sentence_index) = static_cast<uint32_t>(value);
      return true;
    }
    default:
      return false;
  }
}

std::optional<Statement> StatementOf(element root, DocumentInfo* document) {
  Statement s;
  std::optional<uint32_t> seen =
      Fields(root, kFieldNames, [&](size_t k, element v) { return Field(k, v, &s, document); });
  constexpr uint32_t kRequired =
      (1u << kId) | (1u << kSubject) | (1u << kPredicate) | (1u << kDoc) | (1u << kSpan);
  if (!seen || (*seen & kRequired) != kRequired) return std::nullopt;
  return s;
}

std::optional<Statement> ReadStatement(std::string_view line, DocumentInfo* document) {
  return ReadLine<Statement>(line,
                             [document](element root) { return StatementOf(root, document); });
}

// null, or an array of strings.
bool Strings(element e, std::vector<std::string>* out) {
  if (e.is_null()) return true;
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return false;
  out->reserve(a.size());
  for (element item : a) {
    if (!String(item, &out->emplace_back())) return false;
  }
  return true;
}

// null, or an object of strings whose keys appear once (the general path keeps the last of
// repeated keys; those lines take it).
bool Attributes(element e, std::map<std::string, std::string>* out) {
  if (e.is_null()) return true;
  object o;
  if (e.get_object().get(o) != simdjson::SUCCESS) return false;
  for (const simdjson::dom::key_value_pair field : o) {
    std::string value;
    if (!String(field.value, &value)) return false;
    if (!out->emplace(field.key, std::move(value)).second) return false;
  }
  return true;
}

// null, or an array of {office, country, from, to, code}: office a string, the others strings
// or null, code optional.
bool Roles(element e, std::vector<Role>* out) {
  if (e.is_null()) return true;
  simdjson::dom::array a;
  if (e.get_array().get(a) != simdjson::SUCCESS) return false;
  static constexpr std::string_view kNames[] = {"office", "country", "from", "to", "code"};
  for (element item : a) {
    Role role;
    std::optional<uint32_t> seen = Fields(item, kNames, [&](size_t k, element v) {
      return k == 0   ? String(v, &role.office)
             : k == 1 ? OptionalString(v, &role.country)
             : k == 2 ? OptionalString(v, &role.from)
             : k == 3 ? OptionalString(v, &role.to)
                      : OptionalString(v, &role.code);
    });
    if (!seen || (*seen & 1u) == 0) return false;
    out->push_back(std::move(role));
  }
  return true;
}

// EntityFromJson's fast path, on the terms of ReadStatement.
std::optional<Entity> EntityOf(element root) {
  static constexpr std::string_view kNames[] = {"id",         "label", "type",    "aliases",
                                                "attributes", "roles", "mentions"};
  Entity e;
  std::string type;
  std::optional<uint32_t> seen = Fields(root, kNames, [&](size_t k, element v) {
    switch (k) {
      case 0:
        return String(v, &e.id);
      case 1:
        return OptionalString(v, &e.label);
      case 2:
        return String(v, &type);
      case 3:
        return Strings(v, &e.aliases);
      case 4:
        return Attributes(v, &e.attributes);
      case 5:
        return Roles(v, &e.roles);
      default:
        return v.is_null() || Uint(v, &e.mentions);
    }
  });
  if (!seen || (*seen & 5u) != 5u) return std::nullopt;
  auto parsed = ParseEntityType(type);
  if (!parsed.ok()) return std::nullopt;
  e.type = *parsed;
  return e;
}

// DocumentInfoFromJson's fast path, on the terms of ReadStatement: every field a string or
// null, "id" a string.
std::optional<DocumentInfo> DocumentInfoOf(element root) {
  static constexpr std::string_view kNames[] = {
      "id", "title", "url", "date", "date_source", "format", "content_hash", "normalized_hash"};
  DocumentInfo d;
  std::string* const fields[] = {&d.id,          &d.title,  &d.url,          &d.date,
                                 &d.date_source, &d.format, &d.content_hash, &d.normalized_hash};
  std::optional<uint32_t> seen = Fields(root, kNames, [&](size_t k, element v) {
    return k == 0 ? String(v, fields[k]) : OptionalString(v, fields[k]);
  });
  if (!seen || (*seen & 1u) == 0) return std::nullopt;
  return d;
}

}  // namespace fast

}  // namespace

// Statement lines are written into a buffer sized beforehand (LineWriter), rather than
// through a Json DOM (which cost ~3x as much) or by appending to a string field by field (a
// call and a capacity test per piece): the same bytes as Dump of the ordered object, field for
// field (tests/base/json_test.cc pins the whole line).
namespace {

// The most bytes a quoted string of `size` bytes takes: every byte written as "\u00XX" (an
// invalid byte that Dump repairs to U+FFFD takes 3).
constexpr size_t QuotedBound(size_t size) { return 6 * size + 2; }

// WriteString's answer for a value that is not valid UTF-8: Dump's, which repairs it, at `p`.
char* WriteRepaired(std::string_view value, char* p) {
  const std::string repaired = Dump(Json(std::string(value)));
  std::memcpy(p, repaired.data(), repaired.size());
  return p + repaired.size();
}

// Writes `value` as a quoted string literal at `p` and returns the end: only '"', '\\' and
// control characters below 0x20 are escaped, as Dump does it (ensure_ascii off), and a value
// that is not valid UTF-8 is left to Dump, which repairs it. One pass copies, escapes and
// checks. REQUIRES: 6 bytes at `p` for each byte of `value`, and 2.
char* WriteString(std::string_view value, char* p) {
  static constexpr char kHex[] = "0123456789abcdef";
  char* const start = p;
  *p++ = '"';
  const char* s = value.data();
  const char* const end = s + value.size();
  while (s != end) {
    // The run of plain bytes, 16 at a time: each block is copied whole and the output then
    // advances to its first byte that is more (the caller's bound leaves room: 6 per byte).
    while (end - s >= 16) {
      const uint32_t mask = SpecialMask16(s);
      std::memcpy(p, s, 16);
      if (mask == 0) {
        s += 16;
        p += 16;
        continue;
      }
      const int plain = std::countr_zero(mask);
      s += plain;
      p += plain;
      break;
    }
    if (end - s < 16 && s != end) {
      // The last bytes: their bits of the last 16 bytes of the value, or of a copy of the
      // bytes padded with zeros (which the mask leaves out) when the value is shorter.
      const size_t n = static_cast<size_t>(end - s);
      uint32_t mask;
      if (value.size() >= 16) {
        mask = SpecialMask16(end - 16) >> (16 - n);
      } else {
        char padded[16] = {};
        CopySmall(padded, s, n);
        mask = SpecialMask16(padded) & ((1u << n) - 1);
      }
      const size_t plain = mask == 0 ? n : static_cast<size_t>(std::countr_zero(mask));
      CopySmall(p, s, plain);
      s += plain;
      p += plain;
    }
    if (s == end) break;
    const unsigned char c = static_cast<unsigned char>(*s);
    if (c >= 0x80) {
      // One UTF-8 sequence, copied if valid (IsValidUtf8's terms: a U+FFFD that decodes
      // from one byte is an invalid byte).
      size_t pos = static_cast<size_t>(s - value.data());
      const size_t before = pos;
      if (DecodeUtf8(value, &pos) == kReplacementChar && pos - before == 1) {
        return WriteRepaired(value, start);
      }
      for (const char* const next = s + (pos - before); s != next;) *p++ = *s++;
      continue;
    }
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\t':
        *p++ = 't';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\f':
        *p++ = 'f';
        break;
      case '\r':
        *p++ = 'r';
        break;
      default:
        std::memcpy(p, "u00", 3);
        p += 3;
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 0xF];
    }
    ++s;
  }
  *p++ = '"';
  return p;
}

// Writes a JSON line at a pointer into a buffer the caller sized from the bounds above.
class LineWriter {
 public:
  explicit LineWriter(char* p) : p_(p) {}

  char* end() const { return p_; }

  template <size_t N>
  void Literal(const char (&text)[N]) {
    std::memcpy(p_, text, N - 1);
    p_ += N - 1;
  }
  // An empty view may have a null data(), which memcpy must not be given even for 0 bytes.
  void Raw(std::string_view text) {
    if (text.empty()) return;
    std::memcpy(p_, text.data(), text.size());
    p_ += text.size();
  }
  void Uint(uint64_t value) { p_ = std::to_chars(p_, p_ + 20, value).ptr; }

  // A quoted string literal, as AppendJsonString writes it.
  void String(std::string_view value) { p_ = WriteString(value, p_); }

  void StringOrNull(std::string_view value) {
    if (value.empty()) {
      Literal("null");
    } else {
      String(value);
    }
  }

  // "[begin,end]".
  void SpanArray(const Span& span) {
    *p_++ = '[';
    Uint(span.begin);
    *p_++ = ',';
    Uint(span.end);
    *p_++ = ']';
  }

  void Ref(const std::optional<EntityRef>& ref) {
    if (!ref) {
      Literal("null");
      return;
    }
    Literal("{\"id\":");
    String(ref->id);
    Literal(",\"label\":");
    String(ref->label);
    Literal(",\"type\":\"");
    Raw(EntityTypeName(ref->type));  // a fixed lower-case word
    Literal("\"}");
  }

 private:
  char* p_;
};

size_t RefBound(const std::optional<EntityRef>& ref) {
  return ref ? 64 + QuotedBound(ref->id.size()) + QuotedBound(ref->label.size()) : 4;
}

// The most bytes WriteStatement writes for `s`.
size_t StatementBound(const Statement& s) {
  size_t strings = s.id.size() + s.predicate.size() + (s.text ? s.text->size() : 0) + s.doc.size() +
                   s.sentence.size() + s.rule.size() + s.plover.size() + s.cameo.size() +
                   s.doc_date.size() + s.subject_code.size() + s.object_code.size() +
                   s.recipient_code.size();
  if (s.time) strings += s.time->value.size() + s.time->start.size() + s.time->end.size();
  // Keys, punctuation, fixed words, numbers and the quotes of the strings take under 700
  // bytes.
  return 1024 + 6 * strings + RefBound(s.subject) + RefBound(s.object) + RefBound(s.recipient) +
         RefBound(s.place) + RefBound(s.event);
}

// The statement's object without its closing brace.
void WriteStatement(const Statement& s, LineWriter* w) {
  w->Literal("{\"id\":");
  w->String(s.id);
  w->Literal(",\"subject\":");
  w->Ref(s.subject);
  w->Literal(",\"predicate\":");
  w->String(s.predicate);
  w->Literal(",\"object\":");
  w->Ref(s.object);
  w->Literal(",\"text\":");
  if (s.text) {
    w->String(*s.text);
  } else {
    w->Literal("null");
  }
  w->Literal(",\"recipient\":");
  w->Ref(s.recipient);
  w->Literal(",\"place\":");
  w->Ref(s.place);
  w->Literal(",\"event\":");
  w->Ref(s.event);
  w->Literal(",\"time\":");
  if (s.time) {
    w->Literal("{\"value\":");
    w->String(s.time->value);
    w->Literal(",\"start\":");
    w->String(s.time->start);
    w->Literal(",\"end\":");
    w->String(s.time->end);
    w->Literal(",\"source\":\"");
    w->Raw(TimeSourceName(s.time->source));
    w->Literal("\"}");
  } else {
    w->Literal("null");
  }
  w->Literal(",\"modality\":\"");
  w->Raw(ModalityName(s.modality));  // a fixed lower-case word
  w->Literal("\",\"doc\":");
  w->String(s.doc);
  w->Literal(",\"span\":");
  w->SpanArray(s.span);
  w->Literal(",\"sentence\":");
  w->String(s.sentence);
  w->Literal(",\"rule\":");
  w->String(s.rule);
  w->Literal(",\"byte_span\":");
  w->SpanArray(s.byte_span);
  w->Literal(",\"sentence_index\":");
  w->Uint(s.sentence_index);
  w->Literal(",\"plover\":");
  w->StringOrNull(s.plover);
  w->Literal(",\"cameo\":");
  w->StringOrNull(s.cameo);
  w->Literal(",\"doc_date\":");
  w->StringOrNull(s.doc_date);
  w->Literal(",\"mentions\":");
  w->Uint(s.mentions);
  w->Literal(",\"subject_code\":");
  w->StringOrNull(s.subject_code);
  w->Literal(",\"object_code\":");
  w->StringOrNull(s.object_code);
  w->Literal(",\"recipient_code\":");
  w->StringOrNull(s.recipient_code);
}

// A buffer of at least `size` bytes, kept per thread: it only grows, so the lines of a run
// reuse it.
char* LineBuffer(size_t size) {
  thread_local std::string buffer;
  if (buffer.size() < size) buffer.resize(std::max(size, 2 * buffer.size()));
  return buffer.data();
}

}  // namespace

std::string StatementToJson(const Statement& s) {
  char* begin = LineBuffer(StatementBound(s) + 1);
  LineWriter w(begin);
  WriteStatement(s, &w);
  w.Literal("}");
  return std::string(begin, w.end());
}

std::string CitedStatementToJson(const Statement& statement, const DocumentInfo& document) {
  char* begin = LineBuffer(StatementBound(statement) + 64 + QuotedBound(document.title.size()) +
                           QuotedBound(document.url.size()));
  LineWriter w(begin);
  WriteStatement(statement, &w);
  if (!document.title.empty()) {
    w.Literal(",\"doc_title\":");
    w.String(document.title);
  }
  if (!document.url.empty()) {
    w.Literal(",\"doc_url\":");
    w.String(document.url);
  }
  w.Literal("}");
  return std::string(begin, w.end());
}

Result<Statement> StatementFromJson(std::string_view line) {
  if (std::optional<Statement> statement = fast::ReadStatement(line, nullptr)) {
    return std::move(*statement);
  }
  return internal::StatementFromJsonTree(line);
}

Result<Statement> CitedStatementFromJson(std::string_view line, DocumentInfo* document) {
  DocumentInfo source;
  if (std::optional<Statement> statement = fast::ReadStatement(line, &source)) {
    document->title = std::move(source.title);
    document->url = std::move(source.url);
    return std::move(*statement);
  }
  PARLEY_ASSIGN_OR_RETURN(Statement statement, internal::StatementFromJsonTree(line));
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  PARLEY_ASSIGN_OR_RETURN(document->title, GetString(j, "doc_title", false));
  PARLEY_ASSIGN_OR_RETURN(document->url, GetString(j, "doc_url", false));
  return statement;
}

namespace internal {

Result<Statement> StatementFromJsonTree(std::string_view line) {
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  Statement s;
  PARLEY_ASSIGN_OR_RETURN(s.id, GetString(j, "id", true));
  PARLEY_ASSIGN_OR_RETURN(auto subject, GetRef(j, "subject", true));
  s.subject = std::move(*subject);
  PARLEY_ASSIGN_OR_RETURN(s.predicate, GetString(j, "predicate", true));
  if (s.predicate.empty()) return FieldError("predicate", "is empty");
  PARLEY_ASSIGN_OR_RETURN(s.object, GetRef(j, "object", false));
  auto text_it = j.find("text");
  if (text_it != j.end() && !text_it->is_null()) {
    if (!text_it->is_string()) return FieldError("text", "must be a string or null");
    s.text = text_it->get<std::string>();
  }
  PARLEY_ASSIGN_OR_RETURN(s.recipient, GetRef(j, "recipient", false));
  PARLEY_ASSIGN_OR_RETURN(s.place, GetRef(j, "place", false));
  PARLEY_ASSIGN_OR_RETURN(s.event, GetRef(j, "event", false));
  auto time_it = j.find("time");
  if (time_it != j.end() && !time_it->is_null()) {
    if (!time_it->is_object()) return FieldError("time", "must be {value, start, end} or null");
    TimeValue t;
    PARLEY_ASSIGN_OR_RETURN(t.value, GetString(*time_it, "value", true));
    PARLEY_ASSIGN_OR_RETURN(t.start, GetString(*time_it, "start", false));
    PARLEY_ASSIGN_OR_RETURN(t.end, GetString(*time_it, "end", false));
    PARLEY_ASSIGN_OR_RETURN(std::string source, GetString(*time_it, "source", false));
    if (!source.empty()) {
      Result<TimeSource> parsed = ParseTimeSource(source);
      if (!parsed.ok()) return FieldError("time.source", parsed.status().message());
      t.source = *parsed;
    }
    s.time = std::move(t);
  }
  PARLEY_ASSIGN_OR_RETURN(std::string modality, GetString(j, "modality", false));
  if (!modality.empty()) {
    auto parsed = ParseModality(modality);
    if (!parsed.ok()) return parsed.status().WithContext("field 'modality'");
    s.modality = *parsed;
  }
  PARLEY_ASSIGN_OR_RETURN(s.doc, GetString(j, "doc", true));
  PARLEY_ASSIGN_OR_RETURN(s.span, GetSpan(j, "span", true));
  PARLEY_ASSIGN_OR_RETURN(s.sentence, GetString(j, "sentence", false));
  PARLEY_ASSIGN_OR_RETURN(s.rule, GetString(j, "rule", false));
  PARLEY_ASSIGN_OR_RETURN(s.byte_span, GetSpan(j, "byte_span", false));
  PARLEY_ASSIGN_OR_RETURN(uint64_t index, GetUint(j, "sentence_index", 0));
  s.sentence_index = static_cast<uint32_t>(index);
  PARLEY_ASSIGN_OR_RETURN(s.plover, GetString(j, "plover", false));
  PARLEY_ASSIGN_OR_RETURN(s.cameo, GetString(j, "cameo", false));
  PARLEY_ASSIGN_OR_RETURN(s.doc_date, GetString(j, "doc_date", false));
  PARLEY_ASSIGN_OR_RETURN(uint64_t mentions, GetUint(j, "mentions", 1));
  s.mentions = static_cast<uint32_t>(mentions);
  PARLEY_ASSIGN_OR_RETURN(s.subject_code, GetString(j, "subject_code", false));
  PARLEY_ASSIGN_OR_RETURN(s.object_code, GetString(j, "object_code", false));
  PARLEY_ASSIGN_OR_RETURN(s.recipient_code, GetString(j, "recipient_code", false));
  return s;
}

}  // namespace internal

// Written directly, like StatementToJson: the bytes Dump of the ordered object gives
// (tests/base/json_test.cc pins the whole line).
std::string EntityToJson(const Entity& e) {
  std::string out;
  out.reserve(96 + e.id.size() + e.label.size() + 24 * e.aliases.size() + 64 * e.roles.size());
  out.append("{\"id\":");
  AppendJsonString(e.id, &out);
  out.append(",\"label\":");
  AppendJsonString(e.label, &out);
  out.append(",\"type\":\"");
  out.append(EntityTypeName(e.type));  // a fixed lower-case word
  out.append("\",\"aliases\":[");
  for (size_t i = 0; i < e.aliases.size(); ++i) {
    if (i > 0) out.push_back(',');
    AppendJsonString(e.aliases[i], &out);
  }
  out.append("],\"attributes\":{");
  bool first = true;
  for (const auto& [key, value] : e.attributes) {
    if (!first) out.push_back(',');
    first = false;
    AppendJsonString(key, &out);
    out.push_back(':');
    AppendJsonString(value, &out);
  }
  out.append("},\"roles\":[");
  for (size_t i = 0; i < e.roles.size(); ++i) {
    const Role& role = e.roles[i];
    out.append(i > 0 ? ",{\"office\":" : "{\"office\":");
    AppendJsonString(role.office, &out);
    out.append(",\"country\":");
    AppendStringOrNull(role.country, &out);
    out.append(",\"from\":");
    AppendStringOrNull(role.from, &out);
    out.append(",\"to\":");
    AppendStringOrNull(role.to, &out);
    if (!role.code.empty()) {
      out.append(",\"code\":");
      AppendJsonString(role.code, &out);
    }
    out.push_back('}');
  }
  out.append("],\"mentions\":");
  AppendUint(e.mentions, &out);
  out.push_back('}');
  return out;
}

Result<Entity> EntityFromJson(std::string_view line) {
  if (std::optional<Entity> entity = fast::ReadLine<Entity>(line, fast::EntityOf))
    return std::move(*entity);
  return internal::EntityFromJsonTree(line);
}

namespace internal {

Result<Entity> EntityFromJsonTree(std::string_view line) {
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  Entity e;
  PARLEY_ASSIGN_OR_RETURN(e.id, GetString(j, "id", true));
  PARLEY_ASSIGN_OR_RETURN(e.label, GetString(j, "label", false));
  PARLEY_ASSIGN_OR_RETURN(std::string type_name, GetString(j, "type", true));
  auto type = ParseEntityType(type_name);
  if (!type.ok()) return type.status().WithContext("field 'type'");
  e.type = *type;
  if (auto it = j.find("aliases"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return FieldError("aliases", "must be an array of strings");
    for (const auto& alias : *it) {
      if (!alias.is_string()) return FieldError("aliases", "must be an array of strings");
      e.aliases.push_back(alias.get<std::string>());
    }
  }
  if (auto it = j.find("attributes"); it != j.end() && !it->is_null()) {
    if (!it->is_object()) return FieldError("attributes", "must be an object of strings");
    for (const auto& [key, value] : it->items()) {
      if (!value.is_string()) return FieldError("attributes", "must be an object of strings");
      e.attributes[key] = value.get<std::string>();
    }
  }
  if (auto it = j.find("roles"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) return FieldError("roles", "must be an array");
    for (const auto& r : *it) {
      if (!r.is_object()) return FieldError("roles", "must be an array of objects");
      Role role;
      PARLEY_ASSIGN_OR_RETURN(role.office, GetString(r, "office", true));
      PARLEY_ASSIGN_OR_RETURN(role.country, GetString(r, "country", false));
      PARLEY_ASSIGN_OR_RETURN(role.from, GetString(r, "from", false));
      PARLEY_ASSIGN_OR_RETURN(role.to, GetString(r, "to", false));
      PARLEY_ASSIGN_OR_RETURN(role.code, GetString(r, "code", false));
      e.roles.push_back(std::move(role));
    }
  }
  PARLEY_ASSIGN_OR_RETURN(e.mentions, GetUint(j, "mentions", 0));
  return e;
}

}  // namespace internal

std::string DocumentInfoToJson(const DocumentInfo& d) {
  // As Dump of the ordered object wrote it: date and date_source null when empty,
  // normalized_hash only when set.
  enum class Empty { kString, kNull, kOmitted };
  const struct {
    std::string_view key;
    const std::string& value;
    Empty empty;
  } fields[] = {
      {"{\"id\":", d.id, Empty::kString},
      {",\"title\":", d.title, Empty::kString},
      {",\"url\":", d.url, Empty::kString},
      {",\"date\":", d.date, Empty::kNull},
      {",\"date_source\":", d.date_source, Empty::kNull},
      {",\"format\":", d.format, Empty::kString},
      {",\"content_hash\":", d.content_hash, Empty::kString},
      {",\"normalized_hash\":", d.normalized_hash, Empty::kOmitted},
  };
  std::string out;
  out.reserve(160 + d.id.size() + d.title.size() + d.url.size());
  for (const auto& field : fields) {
    if (field.value.empty() && field.empty != Empty::kString) {
      if (field.empty == Empty::kOmitted) continue;
      out.append(field.key);
      out.append("null");
      continue;
    }
    out.append(field.key);
    AppendJsonString(field.value, &out);
  }
  out.push_back('}');
  return out;
}

Result<DocumentInfo> DocumentInfoFromJson(std::string_view line) {
  if (std::optional<DocumentInfo> info = fast::ReadLine<DocumentInfo>(line, fast::DocumentInfoOf))
    return std::move(*info);
  PARLEY_ASSIGN_OR_RETURN(Json j, Parse(line));
  DocumentInfo d;
  PARLEY_ASSIGN_OR_RETURN(d.id, GetString(j, "id", true));
  PARLEY_ASSIGN_OR_RETURN(d.title, GetString(j, "title", false));
  PARLEY_ASSIGN_OR_RETURN(d.url, GetString(j, "url", false));
  PARLEY_ASSIGN_OR_RETURN(d.date, GetString(j, "date", false));
  PARLEY_ASSIGN_OR_RETURN(d.date_source, GetString(j, "date_source", false));
  PARLEY_ASSIGN_OR_RETURN(d.format, GetString(j, "format", false));
  PARLEY_ASSIGN_OR_RETURN(d.content_hash, GetString(j, "content_hash", false));
  PARLEY_ASSIGN_OR_RETURN(d.normalized_hash, GetString(j, "normalized_hash", false));
  return d;
}

void AppendJsonString(std::string_view value, std::string* out) {
  const size_t size = out->size();
  out->resize(size + QuotedBound(value.size()));
  LineWriter w(out->data() + size);
  w.String(value);
  out->resize(static_cast<size_t>(w.end() - out->data()));
}

struct internal::JsonValueAccess {
  using Element = simdjson::dom::element;
  static_assert(sizeof(Element) == sizeof(JsonValue::element_) &&
                    alignof(Element) <= alignof(JsonValue) && std::is_trivially_copyable_v<Element>,
                "JsonValue holds a simdjson::dom::element by value");

  static JsonValue Make(Element element, bool plain) {
    JsonValue value;
    std::memcpy(value.element_, &element, sizeof(Element));
    value.plain_ = plain;
    return value;
  }
  static Element Get(const JsonValue& value) {
    Element element;
    std::memcpy(&element, value.element_, sizeof(Element));
    return element;
  }
  static bool Plain(const JsonValue& value) { return value.plain_; }
};

namespace {
using Access = internal::JsonValueAccess;
}  // namespace

struct JsonParser::Impl {
  simdjson::dom::parser parser;
};

JsonParser::JsonParser() : impl_(std::make_unique<Impl>()) {}
JsonParser::~JsonParser() = default;
JsonParser::JsonParser(JsonParser&&) noexcept = default;
JsonParser& JsonParser::operator=(JsonParser&&) noexcept = default;

Result<JsonValue> JsonParser::Parse(std::string_view text) {
  simdjson::dom::element root;
  if (auto error = impl_->parser.parse(text.data(), text.size()).get(root)) {
    return InvalidArgumentError(simdjson::error_message(error));
  }
  return Access::Make(root, !fast::NeedsGeneralPath(text));
}

bool JsonValue::IsObject() const { return Access::Get(*this).is_object(); }
bool JsonValue::IsArray() const { return Access::Get(*this).is_array(); }

std::optional<uint64_t> JsonValue::Uint() const {
  uint64_t value = 0;
  if (Access::Get(*this).get_uint64().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<bool> JsonValue::Bool() const {
  bool value = false;
  if (Access::Get(*this).get_bool().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::optional<std::string_view> JsonValue::String() const {
  std::string_view value;
  if (Access::Get(*this).get_string().get(value) != simdjson::SUCCESS) return std::nullopt;
  return value;
}

std::vector<std::pair<std::string_view, JsonValue>> JsonValue::Fields() const {
  std::vector<std::pair<std::string_view, JsonValue>> fields;
  simdjson::dom::object object;
  if (Access::Get(*this).get_object().get(object) != simdjson::SUCCESS) return fields;
  fields.reserve(object.size());
  for (const simdjson::dom::key_value_pair field : object) {
    fields.emplace_back(field.key, Access::Make(field.value, plain_));
  }
  return fields;
}

std::vector<JsonValue> JsonValue::Items() const {
  std::vector<JsonValue> items;
  simdjson::dom::array array;
  if (Access::Get(*this).get_array().get(array) != simdjson::SUCCESS) return items;
  items.reserve(array.size());
  for (const simdjson::dom::element item : array) items.push_back(Access::Make(item, plain_));
  return items;
}

std::string JsonValue::Minified() const { return simdjson::minify(Access::Get(*this)); }

namespace internal {

// The element readers require a text without what NeedsGeneralPath finds, which they cannot
// check on an element.
std::optional<Statement> StatementFromJsonValueFast(const JsonValue& value) {
  if (!Access::Plain(value)) return std::nullopt;
  return fast::StatementOf(Access::Get(value), nullptr);
}

std::optional<Entity> EntityFromJsonValueFast(const JsonValue& value) {
  if (!Access::Plain(value)) return std::nullopt;
  return fast::EntityOf(Access::Get(value));
}

std::optional<DocumentInfo> DocumentInfoFromJsonValueFast(const JsonValue& value) {
  if (!Access::Plain(value)) return std::nullopt;
  return fast::DocumentInfoOf(Access::Get(value));
}

}  // namespace internal

Result<Statement> StatementFromJsonValue(const JsonValue& value) {
  if (auto statement = internal::StatementFromJsonValueFast(value)) return std::move(*statement);
  return StatementFromJson(value.Minified());
}

Result<Entity> EntityFromJsonValue(const JsonValue& value) {
  if (auto entity = internal::EntityFromJsonValueFast(value)) return std::move(*entity);
  return EntityFromJson(value.Minified());
}

Result<DocumentInfo> DocumentInfoFromJsonValue(const JsonValue& value) {
  if (auto info = internal::DocumentInfoFromJsonValueFast(value)) return std::move(*info);
  return DocumentInfoFromJson(value.Minified());
}

}  // namespace parley
