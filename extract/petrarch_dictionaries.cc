#include "extract/petrarch_dictionaries.h"

#include <algorithm>
#include <functional>
#include <set>
#include <utility>

#include "base/text.h"

namespace parley::petrarch {
namespace {

struct Line {
  int number = 0;
  std::string text;     // comments removed, trimmed at the right
  bool blank = false;   // nothing but white space, not even a comment
  std::string comment;  // the text after a '#' outside brackets, trimmed
};

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// The lines of `text` without comments: '#' outside brackets to the end of the line, and
// <!-- ... --> (also "<! --"), which may span lines.
std::vector<Line> CleanLines(std::string_view text) {
  std::vector<Line> out;
  bool in_comment = false;
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    std::string line;
    std::string comment;
    int depth = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (in_comment) {
        if (raw.substr(i).starts_with("-->")) {
          in_comment = false;
          i += 2;
        }
        continue;
      }
      if (raw.substr(i).starts_with("<!--") || raw.substr(i).starts_with("<! --")) {
        in_comment = true;
        i += 3;
        continue;
      }
      const char c = raw[i];
      if (c == '[') ++depth;
      if (c == ']') depth = std::max(0, depth - 1);
      if (c == '#' && depth == 0) {
        comment = std::string(TrimSpace(raw.substr(i + 1)));
        break;
      }
      line.push_back(c == '\r' ? ' ' : c);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    const bool blank = TrimSpace(raw).empty();
    out.push_back({number, std::move(line), blank, std::move(comment)});
    if (end == text.size()) break;
  }
  return out;
}

std::string_view Trim(std::string_view s) { return TrimSpace(s); }

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : std::string(s) + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) out.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  return out;
}

// "VLADIMIR_PUTIN_" -> "VLADIMIR PUTIN"; runs of spaces and underscores become one space.
std::string NameText(std::string_view raw) {
  std::string out;
  for (char c : Trim(raw)) {
    if (c == '_' || c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return Upper(out);
}

// The bracketed groups of `s` ("[A] [B 990101-]" -> "A", "B 990101-") and the text before the
// first.
std::vector<std::string> Brackets(std::string_view s, std::string* before) {
  std::vector<std::string> out;
  const size_t first = s.find('[');
  if (before != nullptr) *before = std::string(s.substr(0, first));
  size_t pos = first;
  while (pos != std::string_view::npos && pos < s.size()) {
    const size_t close = s.find(']', pos);
    if (close == std::string_view::npos) {
      out.push_back(std::string(Trim(s.substr(pos + 1))));
      break;
    }
    out.push_back(std::string(Trim(s.substr(pos + 1, close - pos - 1))));
    pos = s.find('[', close);
  }
  return out;
}

bool ParseCode(std::string_view path, int line, const std::string& group, ActorCode* out,
               std::vector<Problem>* problems) {
  std::string code, rest;
  size_t i = 0;
  while (i < group.size() && group[i] != ' ' && group[i] != '\t' && group[i] != '<' &&
         group[i] != '>') {
    code.push_back(group[i++]);
  }
  for (; i < group.size(); ++i) {
    if (group[i] != ' ' && group[i] != '\t') rest.push_back(group[i]);
  }
  out->code = Upper(code);
  out->line = line;
  if (out->code.empty()) {
    // "[950601-990815]": dates without a code.
    problems->push_back({std::string(path), line, "code block [" + group + "] has no code"});
    return false;
  }
  if (rest.empty()) return true;
  auto bad = [&] {
    problems->push_back({std::string(path), line, "unreadable dates in [" + group + "]"});
    return false;
  };
  if (rest[0] == '<' || rest[0] == '>') {
    const std::string date = PetrarchDate(rest.substr(1));
    if (date.empty()) return bad();
    (rest[0] == '<' ? out->to : out->from) = date;
    return true;
  }
  const size_t dash = rest.find('-');
  if (dash == std::string::npos) return bad();
  out->from = PetrarchDate(rest.substr(0, dash));
  out->to = PetrarchDate(rest.substr(dash + 1));
  if (out->from.empty() || out->to.empty()) return bad();
  return true;
}

bool IsAgentCode(std::string_view group) {
  const std::string_view g = Trim(group);
  return !g.empty() && (g.front() == '~' || g.back() == '~');
}

Agent MakeAgent(const Name& noun, const std::string& group) {
  Agent a;
  a.noun = noun;
  std::string g(Trim(group));
  a.code_first = !g.empty() && g.back() == '~';
  g.erase(std::remove(g.begin(), g.end(), '~'), g.end());
  g.erase(std::remove(g.begin(), g.end(), ' '), g.end());
  a.code = Upper(g);
  return a;
}

}  // namespace

std::string PetrarchDate(std::string_view digits) {
  if (digits.size() != 6 && digits.size() != 8) return "";
  for (char c : digits) {
    if (c < '0' || c > '9') return "";
  }
  std::string year;
  std::string_view rest;
  if (digits.size() == 6) {
    const int yy = (digits[0] - '0') * 10 + (digits[1] - '0');
    year = (yy <= 30 ? "20" : "19") + std::string(digits.substr(0, 2));
    rest = digits.substr(2);
  } else {
    year = std::string(digits.substr(0, 4));
    rest = digits.substr(4);
  }
  const int month = (rest[0] - '0') * 10 + (rest[1] - '0');
  const int day = (rest[2] - '0') * 10 + (rest[3] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return year + "-" + std::string(rest.substr(0, 2)) + "-" + std::string(rest.substr(2, 2));
}

ActorFile ReadActors(std::string_view path, std::string_view text, std::vector<Problem>* problems) {
  ActorFile file;
  Actor* current = nullptr;
  for (const Line& line : CleanLines(text)) {
    const std::string_view t = Trim(line.text);
    if (t.empty()) continue;
    std::string before;
    const std::vector<std::string> groups = Brackets(t, &before);
    if (t[0] == '[') {
      if (current == nullptr) {
        problems->push_back({std::string(path), line.number, "codes before any actor"});
        continue;
      }
      for (const std::string& g : groups) {
        ActorCode code;
        if (ParseCode(path, line.number, g, &code, problems)) current->codes.push_back(code);
      }
      continue;
    }
    const bool synonym = t[0] == '+';
    const Name name{NameText(synonym ? std::string_view(before).substr(1) : before), line.number};
    if (name.text.empty()) {
      problems->push_back({std::string(path), line.number, "an entry without a name"});
      continue;
    }
    if (!groups.empty() && IsAgentCode(groups[0])) {
      file.agents.push_back(MakeAgent(name, groups[0]));
      current = nullptr;
      continue;
    }
    if (synonym) {
      if (current == nullptr) {
        problems->push_back({std::string(path), line.number,
                             "synonym '" + name.text + "' without an actor before it"});
        continue;
      }
      current->names.push_back(name);
    } else {
      // A root without codes shares the codes of the root after it ("DMITRY_MEDVEDEV_" and its
      // synonyms, then "DMITR_MEDVEDEV_" with the codes): one actor.
      std::vector<Name> carried;
      int carried_line = 0;
      if (current != nullptr && current->codes.empty()) {
        carried = std::move(current->names);
        carried_line = current->line;
        file.actors.pop_back();
      }
      current = &file.actors.emplace_back();
      current->line = carried.empty() ? line.number : carried_line;
      current->names = std::move(carried);
      current->names.push_back(name);
    }
    for (const std::string& g : groups) {
      ActorCode code;
      if (ParseCode(path, line.number, g, &code, problems)) current->codes.push_back(code);
    }
  }
  return file;
}

AgentFile ReadAgents(std::string_view path, std::string_view text, std::vector<Problem>* problems) {
  AgentFile file;
  std::map<std::string, std::vector<std::string>> sets;  // "!PERSON!" -> members
  for (const Line& line : CleanLines(text)) {
    const std::string_view t = Trim(line.text);
    if (t.empty()) continue;
    if (t[0] == '!' && t.find('=') != std::string_view::npos) {
      const size_t eq = t.find('=');
      const std::string set = std::string(Trim(t.substr(0, eq)));
      std::vector<std::string>& members = sets[set];
      for (const auto& [item, col] : [&] {
             std::vector<std::pair<std::string, int>> items;
             std::string_view rest = t.substr(eq + 1);
             while (!rest.empty()) {
               const size_t comma = rest.find(',');
               items.emplace_back(std::string(Trim(rest.substr(0, comma))), 0);
               if (comma == std::string_view::npos) break;
               rest.remove_prefix(comma + 1);
             }
             return items;
           }()) {
        if (!item.empty()) members.push_back(Upper(item));
      }
      continue;
    }
    std::string before;
    const std::vector<std::string> groups = Brackets(t, &before);
    if (groups.empty() || !IsAgentCode(groups.back())) {
      problems->push_back(
          {std::string(path), line.number, "no agent code [~CODE] in '" + std::string(t) + "'"});
      continue;
    }
    // NOUN {PLURALS}
    std::string noun_part = before;
    std::vector<std::string> plurals;
    bool no_plural = false;
    if (const size_t open = before.find('{'); open != std::string::npos) {
      noun_part = before.substr(0, open);
      const size_t close = before.find('}', open);
      const std::string inside = before.substr(
          open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
      no_plural = Trim(inside).empty();
      std::string word;
      for (char c : inside + " ") {
        if (c == ' ' || c == '\t') {
          if (!word.empty()) plurals.push_back(word);
          word.clear();
        } else {
          word.push_back(c);
        }
      }
    }
    // Expand !SET! substitutions (each a concatenation: CONGRESS!PERSON! -> CONGRESSMAN).
    std::vector<std::string> nouns = {std::string(Trim(noun_part))};
    for (bool again = true; again;) {
      again = false;
      std::vector<std::string> next;
      for (const std::string& n : nouns) {
        const size_t a = n.find('!');
        const size_t b = a == std::string::npos ? a : n.find('!', a + 1);
        if (b == std::string::npos) {
          next.push_back(n);
          continue;
        }
        const std::string set = n.substr(a, b - a + 1);
        auto it = sets.find(set);
        if (it == sets.end()) {
          problems->push_back({std::string(path), line.number, "unknown substitution set " + set});
          continue;
        }
        for (const std::string& m : it->second)
          next.push_back(n.substr(0, a) + m + n.substr(b + 1));
        again = true;
      }
      nouns = std::move(next);
    }
    for (const std::string& n : nouns) {
      const Name name{NameText(n), line.number};
      if (name.text.empty()) continue;
      Agent agent = MakeAgent(name, groups.back());
      agent.no_plural = no_plural;
      for (const std::string& p : plurals) agent.plurals.push_back({NameText(p), line.number});
      file.agents.push_back(std::move(agent));
    }
  }
  return file;
}

VerbFile ReadVerbs(std::string_view path, std::string_view text, std::vector<Problem>* problems) {
  VerbFile file;
  VerbBlock* block = nullptr;
  std::vector<std::vector<std::string>>* synset = nullptr;
  std::string synset_name;
  auto split_words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string word;
    for (char c : std::string(s) + " ") {
      if (c == ' ' || c == '\t' || c == '_') {
        if (!word.empty()) out.push_back(Upper(word));
        word.clear();
      } else if (c == '{' || c == '}' || c == '(' || c == ')') {
        if (!word.empty()) out.push_back(Upper(word));
        word.clear();
      } else {
        word.push_back(c);
      }
    }
    return out;
  };
  // A pattern's words, as split_words, keeping what its underscores say: between two words
  // they are joined (the second follows the first directly: "FOR_CEASEFIRE", "RECENTLY_*"),
  // which is the item "_" between them; at the end of a word it is taken as written ("CASH_",
  // no other ending), which keeps the underscore on the word. A prepositional phrase's
  // parentheses are the items "(" and ")" around its words.
  auto pattern_words = [](std::string_view s) {
    std::vector<std::string> out;
    std::string word;
    auto separator = [](char c) {
      return c == ' ' || c == '\t' || c == '{' || c == '}' || c == '(' || c == ')';
    };
    auto flush = [&] {
      if (!word.empty()) out.push_back(Upper(word));
      word.clear();
    };
    for (size_t i = 0; i <= s.size(); ++i) {
      const char c = i < s.size() ? s[i] : ' ';
      if (c == '_') {
        const char next = i + 1 < s.size() ? s[i + 1] : ' ';
        if (!word.empty() && !separator(next) && next != '_') {
          flush();
          out.push_back("_");
        } else if (!word.empty()) {
          word.push_back('_');
          flush();
        } else if (!out.empty() && out.back() != "_" && !separator(next) && next != '_') {
          out.push_back("_");
        }
        continue;
      }
      if (separator(c)) {
        flush();
        if (c == '(' || c == ')') out.push_back(std::string(1, c));
        continue;
      }
      word.push_back(c);
    }
    return out;
  };
  // "[042:043]" -> ("042", "043"); "[---]" -> ("---", "").
  auto codes = [](const std::string& group, std::string* code, std::string* reverse) {
    std::string g;
    for (char c : group) {
      if (c != ' ' && c != '\t') g.push_back(c);
    }
    const size_t colon = g.find(':');
    *code = Upper(g.substr(0, colon));
    *reverse = colon == std::string::npos ? "" : Upper(g.substr(colon + 1));
  };
  bool transformations = false;
  for (const Line& line : CleanLines(text)) {
    const std::string_view t = Trim(line.text);
    if (t.empty()) {
      if (line.blank) synset = nullptr;
      continue;
    }
    if (t.starts_with("~")) {
      if (!transformations) {
        problems->push_back({std::string(path), line.number,
                             "transformation rules (~ ...) are not translated: parley's "
                             "clause layer sets modality and reported speech itself"});
      }
      transformations = true;
      continue;
    }
    transformations = false;
    if (t[0] == '&') {
      synset_name = Upper(Trim(t.substr(0, t.find_first_of(" \t"))));
      while (!synset_name.empty() && synset_name.back() == '_') synset_name.pop_back();
      synset = &file.synsets[synset_name];
      block = nullptr;
      continue;
    }
    if (t.starts_with("---")) {
      synset = nullptr;
      std::string before;
      const std::vector<std::string> groups = Brackets(t, &before);
      block = &file.blocks.emplace_back();
      block->line = line.number;
      std::string name(Trim(before));
      name.erase(0, name.find_first_not_of("- "));
      block->name = NameText(name);
      if (groups.empty()) {
        problems->push_back({std::string(path), line.number, "verb block without a code"});
        block->code = "---";
      } else {
        codes(groups[0], &block->code, &block->reverse);
        if (groups.size() > 1) {
          problems->push_back(
              {std::string(path), line.number,
               "verb block with " + std::to_string(groups.size()) + " codes: the first is used"});
        }
      }
      continue;
    }
    if (synset != nullptr && t[0] == '+') {
      std::string phrase;
      for (const std::string& w : split_words(t.substr(1)))
        phrase += (phrase.empty() ? "" : " ") + w;
      if (!phrase.empty()) {
        std::vector<std::string> words;
        std::string word;
        for (char c : phrase + " ") {
          if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
          } else {
            word.push_back(c);
          }
        }
        synset->push_back(std::move(words));
      }
      continue;
    }
    if (block == nullptr) {
      problems->push_back({std::string(path), line.number,
                           "line outside a verb block or synonym set: '" + std::string(t) + "'"});
      continue;
    }
    if (t[0] == '-') {
      std::string before;
      const std::vector<std::string> groups = Brackets(t.substr(1), &before);
      VerbPattern p;
      p.line = line.number;
      p.comment = line.comment;
      if (groups.empty()) {
        problems->push_back({std::string(path), line.number, "pattern without a code"});
        continue;
      }
      codes(groups[0], &p.code, &p.reverse);
      bool star = false;
      for (const std::string& w : pattern_words(before)) {
        if (w == "(" || w == ")") {
          if (!star) continue;
          if (w == "(") {
            p.phrases.push_back({p.after.size(), p.after.size()});
          } else if (!p.phrases.empty()) {
            p.phrases.back().second = p.after.size();
          }
          continue;
        }
        if (w == "*") {
          if (star) {
            problems->push_back({std::string(path), line.number, "pattern with two '*'"});
          }
          star = true;
          continue;
        }
        (star ? p.after : p.before).push_back(w);
      }
      if (!star) {
        problems->push_back({std::string(path), line.number, "pattern without '*' (the verb)"});
        continue;
      }
      block->patterns.push_back(std::move(p));
      continue;
    }
    // A verb line: VERB {FORMS} [CODE], "+MULTI_WORD", "PRE_+VERB".
    std::string before;
    const std::vector<std::string> groups = Brackets(t, &before);
    Verb verb;
    verb.line = line.number;
    std::string words_part = before;
    std::string forms_part;
    if (const size_t open = before.find('{'); open != std::string::npos) {
      words_part = before.substr(0, open);
      const size_t close = before.find('}', open);
      forms_part = before.substr(open + 1,
                                 close == std::string::npos ? std::string::npos : close - open - 1);
    }
    std::vector<std::string> words;
    {
      std::string word;
      for (char c : words_part + " ") {
        if (c == ' ' || c == '\t' || c == '_') {
          if (!word.empty()) words.push_back(Upper(word));
          word.clear();
        } else {
          word.push_back(c);
        }
      }
    }
    if (words.empty()) {
      problems->push_back({std::string(path), line.number, "verb line without a verb"});
      continue;
    }
    int marked = -1;
    for (size_t i = 0; i < words.size(); ++i) {
      if (words[i][0] == '+') {
        words[i].erase(0, 1);
        if (marked < 0) marked = static_cast<int>(i);
      }
    }
    // Without a '+', the first word is the verb ("LASH OUT", "RULE OUT").
    if (marked < 0) marked = 0;
    for (int i = 0; i < static_cast<int>(words.size()); ++i) {
      if (words[i].empty()) continue;
      if (i < marked) verb.before.push_back(words[i]);
      if (i == marked) verb.verb = words[i];
      if (i > marked) verb.after.push_back(words[i]);
    }
    if (verb.verb.empty()) {
      problems->push_back({std::string(path), line.number, "verb line without a verb"});
      continue;
    }
    // Forms of a multi-word verb are multi-word too ("+BREAKS_DOWN"): the verb's word of each.
    for (const std::string& f : SplitSpaces(forms_part)) {
      std::vector<std::string> parts;
      std::string part;
      for (char c : f + "_") {
        if (c == '_') {
          if (!part.empty()) parts.push_back(Upper(part));
          part.clear();
        } else if (c != '+') {
          part.push_back(c);
        }
      }
      if (static_cast<size_t>(marked) < parts.size()) verb.forms.push_back(parts[marked]);
    }
    if (!groups.empty()) {
      std::string reverse;
      codes(groups[0], &verb.code, &reverse);
    }
    block->verbs.push_back(std::move(verb));
  }
  return file;
}

DiscardFile ReadDiscards(std::string_view path, std::string_view text,
                         std::vector<Problem>* problems) {
  DiscardFile file;
  (void)path;
  (void)problems;
  for (const Line& line : CleanLines(text)) {
    std::string_view t = Trim(line.text);
    if (t.empty()) continue;
    const bool story = t[0] == '+';
    if (story) t.remove_prefix(1);
    // ";AB 13 JUN 2005"-style trailers are coder notes.
    t = Trim(t.substr(0, t.find(';')));
    const Name name{NameText(t), line.number};
    if (name.text.empty()) continue;
    (story ? file.story : file.sentence).push_back(name);
  }
  return file;
}

}  // namespace parley::petrarch
