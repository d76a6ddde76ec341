#include "extract/rule_pattern.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

struct SlotTypeName {
  std::string_view name;
  SlotType type;
};
constexpr SlotTypeName kSlotTypes[] = {
    {"person", SlotType::kPerson},
    {"state", SlotType::kState},
    {"organization", SlotType::kOrganization},
    {"group", SlotType::kGroup},
    {"place", SlotType::kPlace},
    {"agreement", SlotType::kAgreement},
    {"event", SlotType::kEvent},
    {"actor", SlotType::kActor},
    {"demonym", SlotType::kDemonym},
    {"date", SlotType::kDate},
    {"quote", SlotType::kQuote},
    {"text", SlotType::kText},
    {"name", SlotType::kName},
};

std::string SlotTypeList() {
  std::string out;
  for (const auto& t : kSlotTypes) {
    if (!out.empty()) out += ", ";
    out += t.name;
  }
  return out;
}

std::string RoleList() {
  std::string out;
  for (int i = 0; i < kSlotRoleCount; ++i) {
    if (!out.empty()) out += ", ";
    out += SlotRoleName(static_cast<SlotRole>(i));
  }
  return out;
}

std::string_view SlotTypeDisplay(const PatternNode& node) {
  if (node.slot == SlotType::kWords) return "@list";
  for (const auto& t : kSlotTypes) {
    if (t.type == node.slot) return t.name;
  }
  return "?";
}

bool IsNameByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

class Parser {
 public:
  Parser(std::string_view text, PatternError* error) : text_(text), error_(error) {}

  bool Parse(PatternSeq* out) {
    std::vector<PatternSeq> alternatives;
    if (!ParseAlternatives(&alternatives, /*in_group=*/false)) return false;
    if (alternatives.size() > 1) {
      PatternNode group;
      group.kind = PatternNode::Kind::kGroup;
      group.alternatives = std::move(alternatives);
      out->push_back(std::move(group));
    } else {
      *out = std::move(alternatives[0]);
    }
    if (out->empty()) return Fail(0, "empty pattern");
    return true;
  }

 private:
  bool Fail(size_t offset, std::string message) {
    error_->offset = static_cast<int>(offset);
    error_->message = std::move(message);
    return false;
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }

  bool ParseAlternatives(std::vector<PatternSeq>* out, bool in_group) {
    out->emplace_back();
    while (true) {
      SkipSpace();
      if (pos_ >= text_.size()) {
        if (in_group) return Fail(group_open_, "unclosed '(' in pattern");
        return true;
      }
      const char c = text_[pos_];
      if (c == ')') {
        if (!in_group) return Fail(pos_, "unmatched ')' in pattern");
        return true;
      }
      if (c == '|') {
        ++pos_;
        out->emplace_back();
        continue;
      }
      if (c == '?') {
        if (out->back().empty()) return Fail(pos_, "'?' must follow an element");
        out->back().back().optional = true;
        ++pos_;
        continue;
      }
      PatternNode node;
      if (!ParseElement(&node)) return false;
      out->back().push_back(std::move(node));
    }
  }

  bool ParseElement(PatternNode* node) {
    const size_t start = pos_;
    node->offset = static_cast<int>(start);
    const char c = text_[pos_];
    if (c == '(') {
      const size_t saved_open = group_open_;
      group_open_ = pos_;
      ++pos_;
      node->kind = PatternNode::Kind::kGroup;
      if (!ParseAlternatives(&node->alternatives, /*in_group=*/true)) return false;
      ++pos_;  // ')'
      group_open_ = saved_open;
      for (const PatternSeq& alt : node->alternatives) {
        if (alt.empty()) return Fail(start, "empty alternative in group");
      }
      return true;
    }
    if (c == '{') return ParseSlot(node);
    if (c == '}') return Fail(pos_, "unmatched '}' in pattern");
    if (c == '@') {
      ++pos_;
      const size_t name_start = pos_;
      while (pos_ < text_.size() && IsNameByte(text_[pos_])) ++pos_;
      if (pos_ == name_start) return Fail(start, "expected a word-list or macro name after '@'");
      node->kind = PatternNode::Kind::kRef;
      node->text = std::string(text_.substr(name_start, pos_ - name_start));
      return true;
    }
    if (text_.substr(pos_, 3) == "...") {
      pos_ += 3;
      node->kind = PatternNode::Kind::kGap;
      const size_t digits = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      if (pos_ > digits) {
        if (pos_ - digits > 2 || std::stoi(std::string(text_.substr(digits, pos_ - digits))) > 30) {
          return Fail(digits, "gap too long (at most ...30)");
        }
        node->gap = std::stoi(std::string(text_.substr(digits, pos_ - digits)));
      }
      return true;
    }
    if (c == '*') return Fail(pos_, "'*' must directly follow a word");
    // `$` that ends the pattern or an alternative is the end of the sentence ("of the
    // {organization:object} (, | . | $)"); elsewhere it is a dollar sign ("$ {text}").
    if (c == '$') {
      size_t next = pos_ + 1;
      while (next < text_.size() && (text_[next] == ' ' || text_[next] == '\t')) ++next;
      if (next == text_.size() || text_[next] == ')' || text_[next] == '|') {
        ++pos_;
        node->kind = PatternNode::Kind::kEnd;
        return true;
      }
    }
    node->kind = PatternNode::Kind::kWord;
    if (IsWordByte(static_cast<unsigned char>(c))) {
      while (pos_ < text_.size() && IsWordByte(static_cast<unsigned char>(text_[pos_]))) ++pos_;
      node->text = std::string(text_.substr(start, pos_ - start));
      if (pos_ < text_.size() && text_[pos_] == '*') {
        node->prefix = true;
        ++pos_;
      }
    } else {
      node->text = std::string(1, c);
      ++pos_;
    }
    return true;
  }

  bool ParseSlot(PatternNode* node) {
    const size_t open = pos_;
    const size_t close = text_.find_first_of("{} \t", pos_ + 1);
    if (close == std::string_view::npos || text_[close] != '}') {
      return Fail(open, "unclosed '{' in pattern");
    }
    const std::string_view body = text_.substr(open + 1, close - open - 1);
    pos_ = close + 1;
    node->kind = PatternNode::Kind::kSlot;
    const size_t colon = body.find(':');
    const std::string_view type = body.substr(0, colon);
    const size_t type_offset = open + 1;
    if (!type.empty() && type[0] == '@') {
      node->slot = SlotType::kWords;
      node->text = std::string(type.substr(1));
      if (node->text.empty() || !std::all_of(node->text.begin(), node->text.end(), IsNameByte)) {
        return Fail(type_offset, "expected a word-list name after '@'");
      }
    } else {
      bool found = false;
      for (const auto& t : kSlotTypes) {
        if (t.name == type) {
          node->slot = t.type;
          found = true;
        }
      }
      if (!found) {
        std::vector<std::string> names;
        for (const auto& t : kSlotTypes) names.emplace_back(t.name);
        return Fail(type_offset, "unknown slot type '" + std::string(type) + "' (expected " +
                                     SlotTypeList() + ")" + DidYouMean(type, names));
      }
    }
    if (colon == std::string_view::npos) return true;
    const std::string_view role = body.substr(colon + 1);
    for (int i = 0; i < kSlotRoleCount; ++i) {
      if (SlotRoleName(static_cast<SlotRole>(i)) == role) {
        node->role = static_cast<SlotRole>(i);
        node->role_offset = static_cast<int>(open + 1 + colon + 1);
        return true;
      }
    }
    std::vector<std::string> names;
    for (int i = 0; i < kSlotRoleCount; ++i) {
      names.emplace_back(SlotRoleName(static_cast<SlotRole>(i)));
    }
    return Fail(open + 1 + colon + 1, "unknown role '" + std::string(role) + "' (expected " +
                                          RoleList() + ")" + DidYouMean(role, names));
  }

  std::string_view text_;
  PatternError* error_;
  size_t pos_ = 0;
  size_t group_open_ = 0;
};

// Which slot types may fill which role, per rule kind.
bool RoleAllowed(RuleKind kind, SlotRole role, std::string* expected) {
  switch (kind) {
    case RuleKind::kRelation:
      *expected = "subject, object, recipient, place, event, time or text";
      return role <= SlotRole::kText;
    case RuleKind::kDiscover:
      *expected = "label, office, country or affiliation";
      return role >= SlotRole::kLabel;
    case RuleKind::kCoref:
      *expected = "office or country";
      return role == SlotRole::kOffice || role == SlotRole::kCountry;
  }
  return false;
}

bool TypeFitsRole(SlotType type, SlotRole role, std::string* expected) {
  const bool entity = type <= SlotType::kActor;
  switch (role) {
    case SlotRole::kSubject:
      *expected = "an entity type or actor";
      return entity;
    case SlotRole::kObject:
    case SlotRole::kRecipient:
      // A demonym names its entity ("Japanese Foreign Minister" -> the office of Japan).
      *expected = "an entity type, actor or demonym";
      return entity || type == SlotType::kDemonym;
    case SlotRole::kPlace:
      *expected = "place";
      return type == SlotType::kPlace;
    case SlotRole::kEvent:
      *expected = "event";
      return type == SlotType::kEvent;
    case SlotRole::kTime:
      *expected = "date";
      return type == SlotType::kDate;
    case SlotRole::kText:
      *expected = "quote, text or @list";
      return type == SlotType::kQuote || type == SlotType::kText || type == SlotType::kWords;
    case SlotRole::kLabel:
      *expected = "name";
      return type == SlotType::kName;
    case SlotRole::kOffice:
      *expected = "@list or text";
      return type == SlotType::kWords || type == SlotType::kText;
    case SlotRole::kCountry:
      *expected = "demonym or state";
      return type == SlotType::kDemonym || type == SlotType::kState;
    case SlotRole::kAffiliation:
      *expected = "organization, actor or name";
      return type == SlotType::kOrganization || type == SlotType::kActor || type == SlotType::kName;
  }
  return false;
}

uint32_t SlotBits(SlotType type) {
  switch (type) {
    case SlotType::kPerson:
      return kBitPerson;
    case SlotType::kState:
      return kBitState;
    case SlotType::kOrganization:
      return kBitOrganization;
    case SlotType::kGroup:
      return kBitGroup;
    case SlotType::kPlace:
      return kBitPlace;
    case SlotType::kAgreement:
      return kBitAgreement;
    case SlotType::kEvent:
      return kBitEvent;
    case SlotType::kActor:
      return kActorBits;
    case SlotType::kDemonym:
      return kBitDemonym;
    case SlotType::kDate:
      return kBitDate;
    case SlotType::kQuote:
      return kBitQuote;
    default:
      return 0;
  }
}

class Emitter {
 public:
  // `marked`: the pattern for the marked strings (EmittedPattern::marked_regex).
  Emitter(const PatternScope& scope, RuleKind kind, bool in_macro, bool fold, EmittedPattern* out,
          PatternError* error, bool marked = false)
      : scope_(scope),
        kind_(kind),
        in_macro_(in_macro),
        fold_(fold),
        marks_(marked ? scope.marks : nullptr),
        out_(out),
        error_(error) {}

  // Whether the pattern named a marked list.
  bool named_marked() const { return named_marked_; }

  bool EmitTop(const PatternSeq& seq) {
    std::vector<bool> bound(kSlotRoleCount, false);
    std::string regex;
    if (!EmitSeq(seq, /*required=*/true, &bound, &regex)) return false;
    out_->regex = std::string(kMatchStart) + regex;
    if (!seq.empty() && seq[0].kind == PatternNode::Kind::kSlot && !seq[0].optional) {
      out_->start_bits = SlotBits(seq[0].slot);
      out_->start_name = seq[0].slot == SlotType::kName;
    }
    std::set<std::string> first;
    if (!seq.empty() && out_->start_bits == 0 && FirstTokens(seq[0], &first)) {
      out_->start_words.assign(first.begin(), first.end());
    }
    // A mention or a {name} is one unit, or (a name) a run of them; a start word may be too, or
    // the first of a few ("prime minister"), whose second then follows it.
    if (out_->start_bits != 0 || out_->start_name ||
        (!out_->start_words.empty() && OneUnit(seq[0]))) {
      SetSecond(seq, {});
      SetThen(seq);
    } else if (std::set<std::string> inner; !out_->start_words.empty()) {
      bool alone = false;
      if (SecondTokens(seq[0], &inner, &alone)) {
        if (alone) {
          SetSecond(seq, std::move(inner));
        } else {
          out_->second_words.assign(inner.begin(), inner.end());
        }
      }
    }
    SetCaptureUnits(seq);
    return true;
  }

 private:
  bool Fail(int offset, std::string message) {
    error_->offset = offset;
    error_->message = std::move(message);
    return false;
  }

  // The unit after a one-unit first element (EmittedPattern::second_bits, second_words,
  // second_name), also one of `words`: the first unit of seq[1], or, while the elements after
  // the first may match nothing (optional elements, macros and groups of them), of one of them
  // or of the first one after them that must match something. Left unknown when one of those
  // starts with no known unit (a gap, free text, a word with any ending) or when every element
  // after the first may match nothing.
  void SetSecond(const PatternSeq& seq, std::set<std::string> words) {
    Firsts firsts;
    firsts.words = std::move(words);
    if (SeqFirsts(seq, 1, &firsts) != Start::kKnown) return;
    out_->second_bits = firsts.bits;
    out_->second_words.assign(firsts.words.begin(), firsts.words.end());
    out_->second_name = firsts.name;
  }

  // EmittedPattern::then, the second element being known: while the elements from the second
  // on are each one unit, the first unit of the element after each.
  void SetThen(const PatternSeq& seq) {
    if (out_->second_bits == 0 && out_->second_words.empty() && !out_->second_name) return;
    for (size_t i = 1; i < seq.size() && out_->then.size() < kThenUnits; ++i) {
      if (!RequiredUnit(seq[i])) return;
      Firsts firsts;
      if (SeqFirsts(seq, i + 1, &firsts) != Start::kKnown) return;
      UnitCheck& unit = out_->then.emplace_back();
      unit.bits = firsts.bits;
      unit.words.assign(firsts.words.begin(), firsts.words.end());
      unit.name = firsts.name;
    }
  }

  // EmittedPattern::capture_units: each capture a required slot of `seq` itself, and every
  // element of `seq` but at most one a fixed number of units. A capture before that element
  // counts from the match's start, one after it from its end, and that element from both.
  void SetCaptureUnits(const PatternSeq& seq) {
    std::vector<int> units(seq.size());
    size_t variable = seq.size();
    size_t slots = 0;
    for (size_t i = 0; i < seq.size(); ++i) {
      units[i] = FixedUnits(seq[i]);
      if (units[i] < 0) {
        if (variable < seq.size()) return;
        variable = i;
      }
      if (seq[i].kind == PatternNode::Kind::kSlot && seq[i].role.has_value()) {
        if (seq[i].optional) return;
        ++slots;
      }
    }
    if (slots == 0 || slots != out_->captures.size()) return;
    // Units from the start to element i's start (i up to the variable element), and from
    // element i's start to the end (i after it).
    std::vector<int> before(seq.size() + 1, 0), after(seq.size() + 1, 0);
    for (size_t i = 0; i < variable; ++i) before[i + 1] = before[i] + units[i];
    for (size_t i = seq.size(); i-- > 0 && i > variable;) after[i] = after[i + 1] + units[i];
    std::vector<CaptureUnits> captures;
    for (size_t i = 0; i < seq.size(); ++i) {
      if (seq[i].kind != PatternNode::Kind::kSlot || !seq[i].role.has_value()) continue;
      CaptureUnits& c = captures.emplace_back();
      c.begin = i <= variable ? before[i] : ~after[i];
      c.end = i < variable ? before[i] + units[i] : ~after[i + 1];
    }
    out_->capture_units = std::move(captures);
  }

  // The number of units every match of `node` is, or -1 when matches may differ (an optional
  // element, a gap, free text, a {name}, a list or group with items of different lengths).
  int FixedUnits(const PatternNode& node, int depth = 0) const {
    if (node.optional || depth > 32) return -1;
    const auto list = [](const WordList& items) {
      if (items.items.empty()) return -1;
      const size_t size = items.items.front().tokens.size();
      for (const Cue& item : items.items) {
        if (item.tokens.size() != size) return -1;
      }
      return static_cast<int>(size);
    };
    switch (node.kind) {
      case PatternNode::Kind::kWord:
        // One token, whatever its bytes: a unit ends at a space.
        return node.text.find(' ') == std::string::npos ? 1 : -1;
      case PatternNode::Kind::kEnd:
        return 0;
      case PatternNode::Kind::kGap:
        return -1;
      case PatternNode::Kind::kSlot: {
        if (SlotBits(node.slot) != 0) return 1;
        if (node.slot != SlotType::kWords) return -1;
        const auto it = scope_.words->find(node.text);
        return it != scope_.words->end() ? list(it->second) : -1;
      }
      case PatternNode::Kind::kRef: {
        if (const auto it = scope_.words->find(node.text); it != scope_.words->end()) {
          return list(it->second);
        }
        const auto it = scope_.macros->find(node.text);
        return it != scope_.macros->end() ? SeqUnits(it->second, depth + 1) : -1;
      }
      case PatternNode::Kind::kGroup: {
        int units = -1;
        for (size_t a = 0; a < node.alternatives.size(); ++a) {
          const int alt = SeqUnits(node.alternatives[a], depth + 1);
          if (alt < 0 || (a > 0 && alt != units)) return -1;
          units = alt;
        }
        return units;
      }
    }
    return -1;
  }
  int SeqUnits(const PatternSeq& seq, int depth) const {
    int units = 0;
    for (const PatternNode& node : seq) {
      const int n = FixedUnits(node, depth);
      if (n < 0) return -1;
      units += n;
    }
    return units;
  }

  // Whether every match of `node` is exactly one unit: a required mention slot, word, or group
  // or list of single words.
  bool RequiredUnit(const PatternNode& node) const {
    if (node.optional) return false;
    if (node.kind == PatternNode::Kind::kSlot && SlotBits(node.slot) != 0) return true;
    return OneUnit(node);
  }

  // What the first unit of a match of seq[from..] may be: a mention of one of `bits`, a word
  // unit starting with a capital (`name`, a {name} slot) or one of `words`.
  struct Firsts {
    uint32_t bits = 0;
    bool name = false;
    std::set<std::string> words;
  };
  // kKnown: *out holds what the first unit of every match of the elements may be (every element
  // up to the first that must match something, macros and groups read through); kNullable: the
  // elements may match nothing (*out holds what starts theirs when they do not); kUnknown: an
  // element starts with no known unit.
  enum class Start { kKnown, kNullable, kUnknown };
  Start SeqFirsts(const PatternSeq& seq, size_t from, Firsts* out, int depth = 0) const {
    if (depth > 32) return Start::kUnknown;
    for (size_t i = from; i < seq.size(); ++i) {
      const PatternNode& node = seq[i];
      Start start = Start::kKnown;
      if (node.kind == PatternNode::Kind::kSlot && SlotBits(node.slot) != 0) {
        out->bits |= SlotBits(node.slot);
      } else if (node.kind == PatternNode::Kind::kSlot && node.slot == SlotType::kName) {
        out->name = true;
      } else if (node.kind == PatternNode::Kind::kRef && scope_.words->count(node.text) == 0) {
        const auto it = scope_.macros->find(node.text);
        if (it == scope_.macros->end()) return Start::kUnknown;
        start = SeqFirsts(it->second, 0, out, depth + 1);
      } else if (node.kind == PatternNode::Kind::kGroup) {
        for (const PatternSeq& alt : node.alternatives) {
          const Start alt_start = SeqFirsts(alt, 0, out, depth + 1);
          if (alt_start == Start::kUnknown) return Start::kUnknown;
          if (alt_start == Start::kNullable) start = Start::kNullable;
        }
      } else {
        PatternNode present = node;
        present.optional = false;
        if (!FirstTokens(present, &out->words)) return Start::kUnknown;
      }
      if (start == Start::kUnknown) return Start::kUnknown;
      if (!node.optional && start == Start::kKnown) return Start::kKnown;
    }
    return Start::kNullable;
  }

  // The lower-cased tokens one of which must start any match of `node`; false when that is
  // unknowable (a slot, a gap, an optional start, a word with any ending).
  bool FirstTokens(const PatternNode& node, std::set<std::string>* out, int depth = 0) const {
    if (node.optional || depth > 32) return false;
    switch (node.kind) {
      case PatternNode::Kind::kWord:
        if (node.prefix) return false;
        out->insert(AsciiLower(node.text));
        return true;
      case PatternNode::Kind::kRef:
        if (auto it = scope_.words->find(node.text); it != scope_.words->end()) {
          return ListFirstTokens(it->second, out);
        }
        if (auto it = scope_.macros->find(node.text);
            it != scope_.macros->end() && !it->second.empty()) {
          return FirstTokens(it->second.front(), out, depth + 1);
        }
        return false;
      case PatternNode::Kind::kGroup:
        for (const PatternSeq& alt : node.alternatives) {
          if (alt.empty() || !FirstTokens(alt.front(), out, depth + 1)) return false;
        }
        return true;
      case PatternNode::Kind::kSlot:
        if (node.slot != SlotType::kWords) return false;
        if (auto it = scope_.words->find(node.text); it != scope_.words->end()) {
          return ListFirstTokens(it->second, out);
        }
        return false;
      case PatternNode::Kind::kGap:
      case PatternNode::Kind::kEnd:
        return false;
    }
    return false;
  }

  // The lower-cased tokens that come second in the matches of `node` (a required element whose
  // first tokens are known) that are more than one unit long, and in `*alone` whether a match
  // may be one unit; false when unknowable (an item whose second token takes any ending, a
  // macro, an alternative of optional elements).
  bool SecondTokens(const PatternNode& node, std::set<std::string>* out, bool* alone,
                    int depth = 0) const {
    const auto list = [&](const WordList& items) {
      for (const Cue& item : items.items) {
        if (item.tokens.size() == 1) {
          *alone = true;
        } else if (item.prefix && item.tokens.size() == 2) {
          return false;
        } else {
          out->insert(item.tokens[1]);
        }
      }
      return true;
    };
    if (depth > 32) return false;
    switch (node.kind) {
      case PatternNode::Kind::kWord:
        *alone = true;
        return true;
      case PatternNode::Kind::kRef:
      case PatternNode::Kind::kSlot: {
        if (node.kind == PatternNode::Kind::kSlot && node.slot != SlotType::kWords) return false;
        const auto it = scope_.words->find(node.text);
        return it != scope_.words->end() && list(it->second);
      }
      case PatternNode::Kind::kGroup:
        for (const PatternSeq& alt : node.alternatives) {
          if (alt.empty() || alt[0].optional) return false;
          if (alt.size() == 1) {
            if (!SecondTokens(alt[0], out, alone, depth + 1)) return false;
          } else if (!OneUnit(alt[0]) || !FirstTokens(alt[1], out, depth + 1)) {
            return false;
          }
        }
        return true;
      case PatternNode::Kind::kGap:
      case PatternNode::Kind::kEnd:
        return false;
    }
    return false;
  }

  // Whether every match of `node` (a required element whose first tokens are known) is one
  // unit: a single word, or a group or word list of single words.
  bool OneUnit(const PatternNode& node) const {
    const auto single = [](const WordList& list) {
      return std::all_of(list.items.begin(), list.items.end(),
                         [](const Cue& item) { return item.tokens.size() == 1; });
    };
    switch (node.kind) {
      case PatternNode::Kind::kWord:
        return true;
      case PatternNode::Kind::kRef: {
        const auto it = scope_.words->find(node.text);
        return it != scope_.words->end() && single(it->second);
      }
      case PatternNode::Kind::kGroup:
        return std::all_of(node.alternatives.begin(), node.alternatives.end(),
                           [&](const PatternSeq& alt) {
                             return alt.size() == 1 && !alt[0].optional && OneUnit(alt[0]);
                           });
      case PatternNode::Kind::kSlot: {
        if (node.slot != SlotType::kWords) return false;
        const auto it = scope_.words->find(node.text);
        return it != scope_.words->end() && single(it->second);
      }
      case PatternNode::Kind::kGap:
      case PatternNode::Kind::kEnd:
        return false;
    }
    return false;
  }

  static bool ListFirstTokens(const WordList& list, std::set<std::string>* out) {
    for (const Cue& item : list.items) {
      if (item.tokens.size() == 1 && item.prefix) return false;
      out->insert(item.tokens[0]);
    }
    return true;
  }

  // Records "one of these words must occur" for a required list, group or list slot.
  void RequireAny(const PatternNode& node) {
    const bool list_like =
        node.kind == PatternNode::Kind::kRef ||
        (node.kind == PatternNode::Kind::kGroup && node.alternatives.size() > 1) ||
        (node.kind == PatternNode::Kind::kSlot && node.slot == SlotType::kWords);
    if (!list_like) return;
    std::set<std::string> tokens;
    if (FirstTokens(node, &tokens) && !tokens.empty()) {
      out_->required_any.emplace_back(tokens.begin(), tokens.end());
    }
  }

  bool EmitSeq(const PatternSeq& seq, bool required, std::vector<bool>* bound, std::string* re) {
    for (const PatternNode& node : seq) {
      std::string piece;
      if (!EmitNode(node, required && !node.optional, bound, &piece)) return false;
      if (required && !node.optional) RequireAny(node);
      if (node.optional) {
        *re += "(?:" + piece + ")?";
      } else {
        *re += piece;
      }
    }
    return true;
  }

  bool EmitNode(const PatternNode& node, bool required, std::vector<bool>* bound, std::string* re) {
    switch (node.kind) {
      case PatternNode::Kind::kWord: {
        Cue cue;
        cue.tokens.push_back(AsciiLower(node.text));
        cue.prefix = node.prefix;
        *re += CueRegex(cue, fold_, marks_);
        if (required && !node.prefix && IsWordByte(static_cast<unsigned char>(node.text[0]))) {
          out_->required_words.push_back(cue.tokens[0]);
        }
        return true;
      }
      case PatternNode::Kind::kGap:
        *re += GapRegex(node.gap);
        return true;
      case PatternNode::Kind::kEnd:
        *re += "$";  // the tagged sentence ends with the space after its last unit
        return true;
      case PatternNode::Kind::kRef:
        return EmitRef(node, required, bound, re);
      case PatternNode::Kind::kGroup: {
        std::vector<bool> merged = *bound;
        std::string body;
        for (size_t i = 0; i < node.alternatives.size(); ++i) {
          std::vector<bool> alt_bound = *bound;
          std::string alt;
          const bool single = node.alternatives.size() == 1;
          if (!EmitSeq(node.alternatives[i], required && single, &alt_bound, &alt)) return false;
          for (int r = 0; r < kSlotRoleCount; ++r) merged[r] = merged[r] || alt_bound[r];
          if (i > 0) body += "|";
          body += alt;
        }
        *bound = merged;
        *re += "(?:" + body + ")";
        return true;
      }
      case PatternNode::Kind::kSlot:
        return EmitSlot(node, required, bound, re);
    }
    return false;
  }

  bool EmitRef(const PatternNode& node, bool required, std::vector<bool>* bound, std::string* re) {
    if (auto it = scope_.words->find(node.text); it != scope_.words->end()) {
      *re += ListRegex(it->first, it->second);
      return true;
    }
    auto it = scope_.macros->find(node.text);
    if (it == scope_.macros->end()) {
      return Fail(node.offset, "undefined word list or macro '@" + node.text + "'");
    }
    if (scope_.broken_macros->count(node.text) > 0) return Fail(-1, "");
    if (depth_ > 32) return Fail(-1, "");
    ++depth_;
    std::string body;
    const bool ok = EmitSeq(it->second, required, bound, &body);
    --depth_;
    if (!ok) {
      // Problems inside a macro body were reported at the macro itself.
      error_->offset = -1;
      return false;
    }
    *re += "(?:" + body + ")";
    return true;
  }

  bool EmitSlot(const PatternNode& node, bool required, std::vector<bool>* bound, std::string* re) {
    std::string piece;
    SlotCapture capture;
    switch (node.slot) {
      case SlotType::kText:
        piece = TextRegex();
        capture.kind = SlotKind::kText;
        break;
      case SlotType::kName:
        piece = NameRegex();
        capture.kind = SlotKind::kName;
        out_->cased = true;
        break;
      case SlotType::kWords: {
        auto it = scope_.words->find(node.text);
        if (it == scope_.words->end()) {
          if (scope_.macros->count(node.text) > 0) {
            return Fail(node.offset + 1, "'@" + node.text + "' in a slot must be a word list");
          }
          return Fail(node.offset + 1, "undefined word list '@" + node.text + "'");
        }
        piece = ListRegex(it->first, it->second);
        capture.kind = SlotKind::kWords;
        break;
      }
      default: {
        const uint32_t bits = SlotBits(node.slot);
        piece = PlaceholderRegex(bits);
        capture.kind = SlotKind::kMention;
        capture.bits = bits;
        capture.actor = node.slot == SlotType::kActor;
        if (required) out_->required_bits.push_back(bits);
        break;
      }
    }
    if (!node.role.has_value()) {
      *re += piece;
      return true;
    }
    const SlotRole role = *node.role;
    const int role_offset = node.role_offset;
    std::string expected;
    if (in_macro_) {
      return Fail(node.offset, "a macro may not bind a role ('" + std::string(SlotRoleName(role)) +
                                   "'); bind it in the rule's pattern");
    }
    if (!RoleAllowed(kind_, role, &expected)) {
      return Fail(role_offset, "role '" + std::string(SlotRoleName(role)) +
                                   "' is not available in a " + std::string(RuleKindName(kind_)) +
                                   " rule (expected " + expected + ")");
    }
    if (!TypeFitsRole(node.slot, role, &expected)) {
      return Fail(node.offset + 1, "slot type '" + std::string(SlotTypeDisplay(node)) +
                                       "' cannot fill role '" + std::string(SlotRoleName(role)) +
                                       "' (expected " + expected + ")");
    }
    if ((*bound)[static_cast<int>(role)]) {
      return Fail(node.offset,
                  "role '" + std::string(SlotRoleName(role)) + "' is bound twice in this pattern");
    }
    (*bound)[static_cast<int>(role)] = true;
    capture.role = role;
    out_->captures.push_back(capture);
    *re += "(" + piece + ")";
    return true;
  }

  // A word list's expression: on the marked strings (marks_), a marked list's marks.
  std::string ListRegex(const std::string& name, const WordList& list) {
    if (scope_.marked != nullptr) {
      if (auto it = scope_.marked->find(name); it != scope_.marked->end()) {
        named_marked_ = true;
        if (marks_ != nullptr) return MarkedListRegex(it->second, list.items);
      }
    }
    return CueListRegex(list.items, fold_, marks_);
  }

  const PatternScope& scope_;
  RuleKind kind_;
  bool in_macro_;
  bool fold_;                 // words case-insensitively, for the tagged string as written
  const MarkedLists* marks_;  // non-null: for the marked strings
  bool named_marked_ = false;
  EmittedPattern* out_;
  PatternError* error_;
  int depth_ = 0;
};

}  // namespace

bool ParsePattern(std::string_view text, PatternSeq* out, PatternError* error) {
  out->clear();
  Parser parser(text, error);
  return parser.Parse(out);
}

bool ParseWordItem(std::string_view item, Cue* out) {
  item = TrimSpace(item);
  out->prefix = false;
  if (!item.empty() && item.back() == '*') {
    out->prefix = true;
    item.remove_suffix(1);
  }
  const std::string lower = AsciiLower(item);
  // Scratch kept between calls: rule files hold tens of thousands of word items.
  static thread_local std::vector<Token> tokens;
  Tokenize(lower, &tokens);
  out->tokens.clear();
  out->tokens.reserve(tokens.size());
  for (const Token& t : tokens) out->tokens.emplace_back(lower, t.begin, t.end - t.begin);
  return !out->tokens.empty();
}

std::string WordListRegex(const WordList& list, bool fold) {
  return CueListRegex(list.items, fold);
}

bool EmitPattern(const PatternSeq& seq, const PatternScope& scope, RuleKind kind, bool in_macro,
                 EmittedPattern* out, PatternError* error) {
  *out = EmittedPattern();
  Emitter emitter(scope, kind, in_macro, /*fold=*/false, out, error);
  if (!emitter.EmitTop(seq)) return false;
  bool fold = false;
  if (out->cased) {
    // A {name} slot reads capitals, so the pattern runs on the tagged string as written, with
    // case-insensitive words.
    fold = true;
    *out = EmittedPattern();
    Emitter cased(scope, kind, in_macro, /*fold=*/true, out, error);
    if (!cased.EmitTop(seq)) return false;
  }
  if (!emitter.named_marked() || scope.marks == nullptr || scope.marks->empty()) return true;
  EmittedPattern marked;
  Emitter on_marks(scope, kind, in_macro, fold, &marked, error, /*marked=*/true);
  if (!on_marks.EmitTop(seq)) return false;
  out->marked_regex = std::move(marked.regex);
  return true;
}

void CollectRefs(const PatternSeq& seq, std::vector<std::pair<std::string, int>>* refs) {
  for (const PatternNode& node : seq) {
    if (node.kind == PatternNode::Kind::kRef) refs->emplace_back(node.text, node.offset);
    for (const PatternSeq& alt : node.alternatives) CollectRefs(alt, refs);
  }
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = 3;
  for (const std::string& c : candidates) {
    const size_t d = EditDistance(word, c, 2);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best.empty() ? "" : "; did you mean '" + best + "'?";
}

}  // namespace parley::internal
