#include "extract/rule_frames.h"

#include <algorithm>

#include "base/text.h"
#include "extract/rule_pattern.h"
#include "extract/rule_tokens.h"

namespace parley::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// Whitespace-separated words of `text` (views into it) with their columns.
std::vector<std::pair<std::string_view, int>> WordViews(std::string_view text, int col) {
  std::vector<std::pair<std::string_view, int>> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSpace(text[i])) ++i;
    if (i >= text.size()) break;
    size_t j = i;
    while (j < text.size() && !IsSpace(text[j])) ++j;
    out.emplace_back(text.substr(i, j - i), col + static_cast<int>(i));
    i = j;
  }
  return out;
}

// The same as strings.
std::vector<std::pair<std::string, int>> Words(std::string_view text, int col) {
  std::vector<std::pair<std::string, int>> out;
  for (const auto& [word, at] : WordViews(text, col)) out.emplace_back(std::string(word), at);
  return out;
}

bool IsLowerWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
  }
  return true;
}

struct TypeName {
  std::string_view name;
  uint32_t bits;
};
constexpr TypeName kRoleTypes[] = {
    {"person", kBitPerson}, {"state", kBitState},  {"organization", kBitOrganization},
    {"group", kBitGroup},   {"place", kBitPlace},  {"agreement", kBitAgreement},
    {"event", kBitEvent},   {"actor", kActorBits},
};

// "actor|agreement" -> bits; false with `bad` set to the unknown name.
bool ParseTypes(std::string_view text, uint32_t* bits, bool* actor, std::string* bad) {
  *bits = 0;
  *actor = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t bar = text.find('|', start);
    if (bar == std::string_view::npos) bar = text.size();
    const std::string_view name = text.substr(start, bar - start);
    bool found = false;
    for (const TypeName& t : kRoleTypes) {
      if (t.name == name) {
        *bits |= t.bits;
        found = true;
        if (name == "actor") *actor = true;
      }
    }
    if (!found) {
      *bad = std::string(name);
      return false;
    }
    start = bar + 1;
  }
  return true;
}

// True for a word the lexicon knows as a preposition ("to", "with", "from").
bool IsPreposition(const Lexicon& lexicon, std::string_view word) {
  const LexEntry* e = lexicon.Find(word);
  return e != nullptr && (e->classes & (kClassPreposition | kClassTo)) != 0;
}

// A CAMEO event code: digits, and the letters test dictionaries use ("174K"); "" is one too
// (callers check that something is given).
bool IsCameoCode(std::string_view code) {
  for (char c : code) {
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
      return false;
    }
  }
  return true;
}

std::string TypeList() {
  std::string out;
  for (const TypeName& t : kRoleTypes) out += (out.empty() ? "" : ", ") + std::string(t.name);
  return out;
}

}  // namespace

void CompileVerbs(RuleFiles* files, const SymbolTables& symbols, Lexicon* lexicon) {
  for (const RuleBlock* block : symbols.verbs_blocks) {
    for (const RuleProp& p : block->props) {
      const std::vector<std::pair<std::string, int>> words = Words(p.value, p.value_col);
      if (words.empty()) continue;
      bool ok = true;
      for (const auto& [w, col] : words) {
        std::string_view rest = w;
        while (!rest.empty()) {
          const size_t bar = rest.find('|');
          const std::string_view form = rest.substr(0, bar);
          if (!IsLowerWord(form)) {
            files->Error(*block, p, col,
                         "invalid verb form '" + std::string(form) +
                             "' (lower-case letters, '-' and '\\'' only)");
            ok = false;
            break;
          }
          if (bar == std::string_view::npos) break;
          rest.remove_prefix(bar + 1);
        }
        if (!ok) break;
      }
      if (!ok) continue;
      if (words.size() != 1 && words.size() != 4) {
        files->Error(*block, p, words[0].second,
                     "a verb line is 'LEMMA' or 'LEMMA 3SG ING ED' (alternatives joined by '|'), "
                     "not " +
                         std::to_string(words.size()) + " words");
        continue;
      }
      if (words[0].first.find('|') != std::string::npos) {
        files->Error(*block, p, words[0].second, "a lemma has no alternatives");
        continue;
      }
      if (words.size() == 1) {
        lexicon->Verb(words[0].first);
        continue;
      }
      auto split = [](const std::string& slot) {
        std::vector<std::string> out;
        size_t start = 0;
        while (start <= slot.size()) {
          size_t bar = slot.find('|', start);
          if (bar == std::string::npos) bar = slot.size();
          out.push_back(slot.substr(start, bar - start));
          start = bar + 1;
        }
        return out;
      };
      lexicon->AddVerb(words[0].first, split(words[1].first), split(words[2].first),
                       split(words[3].first));
    }
  }
}

const std::vector<std::string>& FrameProperties() {
  static const std::vector<std::string> kProps = {
      "verb",   "subject", "object",     "recipient",    "text",    "object-word",
      "refine", "when",    "reciprocal", "object-owner", "reverse", "noun",
      "unless", "lists",   "form",       "noun-clause"};
  return kProps;
}

bool CompileFrameProperty(RuleFiles* files, const SymbolTables& symbols, const RuleBlock& b,
                          const RuleProp& p, Lexicon* lexicon,
                          std::map<std::string, std::shared_ptr<const std::vector<Cue>>>* lists,
                          Frame* frame) {
  const std::string_view k = p.key;
  if (k == "verb") {
    if (frame->verbs.empty()) frame->line = p.line;
    for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
      std::vector<std::pair<std::string, int>> words = Words(item, col);
      if (words.empty()) {
        files->Error(b, p, col, "empty verb");
        return false;
      }
      // A compound verb: the words joined to the lemma by `_` stand right before it ("wire_tap":
      // "wire tapped").
      FrameVerb verb;
      for (size_t u = words[0].first.find('_'); u != std::string::npos;
           u = words[0].first.find('_')) {
        verb.before.push_back(words[0].first.substr(0, u));
        words[0].first.erase(0, u + 1);
        words[0].second += static_cast<int>(u) + 1;
      }
      const bool compound_ok = std::all_of(verb.before.begin(), verb.before.end(), IsLowerWord) &&
                               (verb.before.empty() || IsLowerWord(words[0].first));
      if (!compound_ok) {
        files->Error(b, p, col,
                     "invalid verb '" + item +
                         "' (a compound verb joins lower-case words to its lemma with '_': "
                         "'wire_tap')");
        return false;
      }
      for (const auto& [w, wcol] : words) {
        if (!IsLowerWord(w)) {
          files->Error(b, p, wcol,
                       "invalid verb '" + w +
                           "' (write the lemma in lower case: 'reject', "
                           "'turn down')");
          return false;
        }
      }
      verb.verb = lexicon->Verb(words[0].first);
      for (size_t i = 1; i < words.size(); ++i) verb.particle.push_back(words[i].first);
      if (!verb.before.empty()) lexicon->AddCompound(verb.before, verb.verb);
      frame->verbs.push_back(std::move(verb));
    }
    return true;
  }
  if (k == "noun" || k == "noun-clause") {
    for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
      const std::vector<std::pair<std::string, int>> words = Words(item, col);
      if (words.size() != 1 || !IsLowerWord(words[0].first)) {
        files->Error(b, p, col,
                     "a noun is one lower-case word ('invasion', 'visit'), not '" + item + "'");
        return false;
      }
      if (k == "noun") {
        frame->nouns.push_back(words[0].first);
        lexicon->AddEventNoun(words[0].first);
      } else {
        frame->clause_nouns.push_back(words[0].first);
        lexicon->AddClauseNoun(words[0].first);
      }
    }
    return true;
  }
  if (k == "subject" || k == "object" || k == "recipient") {
    for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
      std::vector<std::pair<std::string, int>> words = Words(item, col);
      RoleFiller filler;
      // "... after PREP": only the phrases after the first one of PREP.
      if (k != "subject" && words.size() >= 3 && words[words.size() - 2].first == "after") {
        filler.after = AsciiLower(words.back().first);
        if (!IsPreposition(*lexicon, filler.after)) {
          files->Error(b, p, words.back().second,
                       "'" + words.back().first + "' is not a preposition");
          return false;
        }
        words.resize(words.size() - 2);
      }
      if (words.empty() || words.size() > 2) {
        files->Error(b, p, col,
                     "expected '[PREPOSITION] TYPE [after PREPOSITION]' (e.g. 'actor', 'to "
                     "actor', 'with person|state', 'any actor after at')");
        return false;
      }
      if (k != "subject" && words.size() == 1 && words[0].first == "that") {
        filler.that = true;
        (k == "object" ? frame->object : frame->recipient).push_back(filler);
        continue;
      }
      std::string bad;
      const auto& [types, types_col] = words.back();
      if (!ParseTypes(types, &filler.bits, &filler.actor, &bad)) {
        files->Error(b, p, types_col,
                     "unknown type '" + bad + "' (expected " + TypeList() + ")" +
                         DidYouMean(bad, {"person", "state", "organization", "group", "place",
                                          "agreement", "event", "actor"}));
        return false;
      }
      if (words.size() == 2) {
        if (k == "subject") {
          files->Error(b, p, words[0].second, "a subject takes no preposition");
          return false;
        }
        filler.prep = AsciiLower(words[0].first);
        if (filler.prep != "any" && !IsPreposition(*lexicon, filler.prep)) {
          files->Error(b, p, words[0].second, "'" + words[0].first + "' is not a preposition");
          return false;
        }
      }
      if (k == "subject") {
        frame->subject_bits = filler.bits;
        frame->subject_actor = filler.actor;
      } else if (k == "object") {
        frame->object.push_back(filler);
      } else {
        frame->recipient.push_back(filler);
      }
    }
    return true;
  }
  if (k == "object-owner") {
    bool actor = false;
    std::string bad;
    if (!ParseTypes(TrimSpace(p.value), &frame->owner_bits, &actor, &bad)) {
      files->Error(b, p, p.value_col, "unknown type '" + bad + "' (expected " + TypeList() + ")");
      return false;
    }
    return true;
  }
  if (k == "text") {
    for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
      TextFiller filler;
      if (item == "object") {
        filler.kind = TextFiller::Kind::kObject;
      } else if (item == "that") {
        filler.kind = TextFiller::Kind::kThat;
      } else if (item == "to") {
        filler.kind = TextFiller::Kind::kTo;
      } else if (item == "infinitive") {
        filler.kind = TextFiller::Kind::kInfinitive;
      } else if (item == "quote") {
        filler.kind = TextFiller::Kind::kQuote;
      } else if (IsPreposition(*lexicon, item)) {
        filler.kind = TextFiller::Kind::kPrep;
        filler.prep = item;
      } else {
        files->Error(b, p, col,
                     "unknown text source '" + item +
                         "' (expected object, that, to, infinitive, quote or a preposition)");
        return false;
      }
      frame->text.push_back(std::move(filler));
    }
    return true;
  }
  if (k == "object-word") {
    for (const auto& [item, col] : SplitList(p.value, p.value_col)) {
      // "@meeting-noun": every item of that word list.
      if (item.size() > 1 && item[0] == '@') {
        const auto it = symbols.words.find(item.substr(1));
        if (it == symbols.words.end()) {
          files->Error(b, p, col, "undefined word list '" + item + "'");
          return false;
        }
        frame->object_words.insert(frame->object_words.end(), it->second.items.begin(),
                                   it->second.items.end());
        continue;
      }
      Cue cue;
      if (item.empty() || !ParseWordItem(item, &cue)) {
        files->Error(b, p, col, "empty object word");
        return false;
      }
      frame->object_words.push_back(std::move(cue));
    }
    return true;
  }
  if (k == "refine" || k == "when" || k == "unless") {
    const size_t arrow = k == "refine" ? p.value.find("->") : p.value.size();
    if (arrow == std::string::npos) {
      files->Error(b, p, p.value_col,
                   "expected 'refine WORDS -> CAMEO' (e.g. 'refine * of aggression -> 1125')");
      return false;
    }
    Refinement r;
    if (k == "refine") {
      // CODE[:REVERSE] [PLOVER]
      const int col = p.value_col + static_cast<int>(arrow) + 2;
      const std::vector<std::pair<std::string, int>> target =
          Words(std::string_view(p.value).substr(arrow + 2), col);
      std::string codes = target.empty() ? std::string() : target[0].first;
      const size_t colon = codes.find(':');
      r.cameo = codes.substr(0, colon);
      if (colon != std::string::npos) r.reverse = codes.substr(colon + 1);
      if (target.size() > 2 || (r.cameo.empty() && r.reverse.empty()) || !IsCameoCode(r.cameo) ||
          !IsCameoCode(r.reverse)) {
        files->Error(b, p, target.empty() ? col : target[0].second,
                     "expected 'refine WORDS -> CODE[:REVERSE] [PLOVER]' with CAMEO codes of "
                     "digits (and letters), not '" +
                         std::string(TrimSpace(std::string_view(p.value).substr(arrow + 2))) + "'");
        return false;
      }
      if (target.size() == 2) r.plover = target[1].first;
    }
    bool seen_verb = false;
    // Words joined by "_" follow each other directly ("most*_certainly*", "recently*_*").
    struct Part {
      std::string_view text;
      int col;
      bool joined;  // "_" before it
    };
    std::vector<Part> parts;
    for (const auto& [item, col] : WordViews(p.value.substr(0, arrow), p.value_col)) {
      size_t start = 0;
      bool joined = false;
      while (start <= item.size()) {
        const size_t end = std::min(item.find('_', start), item.size());
        if (end > start) {
          parts.push_back({item.substr(start, end - start), col + static_cast<int>(start), joined});
        }
        joined = end < item.size();
        start = end + 1;
      }
      // A trailing "_" joins the next item: "recently*_ *" is "recently*_*".
      if (item.ends_with("_") && item.size() > 1) parts.push_back({"", col, true});
    }
    bool join_next = false;
    for (size_t i = 0; i < parts.size(); ++i) {
      const auto& [w, col, part_joined] = parts[i];
      const bool joined = part_joined || join_next;
      join_next = false;
      if (w.empty()) {
        join_next = true;
        continue;
      }
      if (w == "*") {
        if (seen_verb) {
          files->Error(b, p, col, "'*' (the verb) may appear once");
          return false;
        }
        seen_verb = true;
        if (joined && !r.before.empty()) r.before_at_verb = true;
        if (i + 1 < parts.size() && parts[i + 1].joined && !parts[i + 1].text.empty()) {
          r.after_at_verb = true;
        }
        continue;
      }
      RefineWord word;
      // Joined to the word before it, not to the verb (after_at_verb says that).
      const bool after_verb = i > 0 && parts[i - 1].text == "*";
      const std::vector<RefineWord>& side = seen_verb ? r.after : r.before;
      word.joined = joined && !after_verb && !side.empty();
      if (w.size() > 1 && w[0] == '@') {
        const std::string name(w.substr(1));
        auto it = symbols.words.find(name);
        if (it == symbols.words.end()) {
          files->Error(b, p, col, "undefined word list '@" + name + "'");
          return false;
        }
        auto& shared = (*lists)[name];
        if (shared == nullptr) shared = std::make_shared<const std::vector<Cue>>(it->second.items);
        word.list = shared;
      } else if (!ParseWordItem(w, &word.cue) || word.cue.tokens.size() != 1) {
        files->Error(
            b, p, col,
            std::string(k) + " words are single words or @lists, not '" + std::string(w) + "'");
        return false;
      }
      r.adjacent = r.adjacent || word.joined;
      (seen_verb ? r.after : r.before).push_back(std::move(word));
    }
    if (!seen_verb) {
      r.after = std::move(r.before);
      r.before.clear();
    }
    r.adjacent = r.adjacent || r.before_at_verb || r.after_at_verb;
    if (r.before.empty() && r.after.empty()) {
      files->Error(b, p, p.value_col, std::string(k) + " needs at least one word");
      return false;
    }
    (k == "refine" ? frame->refine
     : k == "when" ? frame->when
                   : frame->unless)
        .push_back(std::move(r));
    return true;
  }
  if (k == "reverse") {
    if (!IsCameoCode(p.value) || p.value.empty()) {
      files->Error(b, p, p.value_col,
                   "a reverse code is a CAMEO code, not '" + std::string(p.value) + "'");
      return false;
    }
    frame->reverse = p.value;
    return true;
  }
  if (k == "form") {
    std::string value(p.value);
    int col = p.value_col;
    const bool except = value.starts_with("not ");
    if (except) {
      value = TrimSpace(value.substr(4));
      col += static_cast<int>(p.value.size() - value.size());
    }
    std::vector<std::string>& forms = except ? frame->except_forms : frame->only_forms;
    for (const auto& [item, item_col] : SplitList(value, col)) {
      const std::vector<std::pair<std::string, int>> words = Words(item, item_col);
      if (words.size() != 1) {
        files->Error(b, p, item_col,
                     "a form is one word as the verb is written ('left'), not '" + item + "'");
        return false;
      }
      forms.push_back(AsciiLower(words[0].first));
    }
    return true;
  }
  if (k == "lists") {
    if (p.value == "all") {
      frame->lists_none = false;
    } else if (p.value == "none") {
      frame->lists_none = true;
    } else {
      files->Error(b, p, p.value_col,
                   "lists is 'all' or 'none', not '" + std::string(p.value) + "'");
      return false;
    }
    return true;
  }
  if (k == "reciprocal") {
    std::string role(p.value);
    if (role.ends_with(" only")) {
      frame->reciprocal_only = true;
      role = TrimSpace(role.substr(0, role.size() - 5));
    }
    if (role == "object") {
      frame->reciprocal = Frame::Reciprocal::kObject;
    } else if (role == "recipient") {
      frame->reciprocal = Frame::Reciprocal::kRecipient;
    } else {
      files->Error(b, p, p.value_col,
                   "reciprocal is 'object' or 'recipient', optionally followed by 'only', not '" +
                       std::string(p.value) + "'");
      return false;
    }
    return true;
  }
  return false;
}

}  // namespace parley::internal
