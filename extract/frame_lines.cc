#include "extract/frame_lines.h"

#include <algorithm>

namespace parley::internal {

bool FrameLines::MayApply(uint32_t r) const {
  const FrameIndex& index = doc_.rules.frame_index;
  const uint32_t begin = index.when_begin[r], end = index.when_begin[r + 1];
  // Without the sentence's word keys (found at the first line an imported frame tests at a
  // verb) the frame goes the long way: finding them costs more than most frames save.
  if (begin == end || (index.frame_flags[r] & FrameIndex::kNounFrame) != 0 ||
      !sentence_words_found_) {
    return true;
  }
  FrameScratch& memo = scratch_;
  for (uint32_t i = begin; i < end; ++i) {
    const uint32_t p = index.when_patterns[i];
    int8_t& may = memo.may[p];
    if (may < 0) {
      may = MayOccurKeyed(p) ? 1 : 0;
      memo.asked.push_back(p);
    }
    if (may != 0) return true;
  }
  return false;
}

bool FrameLines::WordIs(uint32_t u, const std::string& token, bool prefix, bool imported) const {
  const std::string_view w = Lower(u);
  if (w.empty()) return false;
  if (!prefix) return w == token;
  return w.starts_with(token) && (!imported || StemEnding(w.substr(token.size())));
}

bool FrameLines::StemEnding(std::string_view rest) {
  if (rest.empty() || rest == "s" || rest == "d") return true;
  if (rest.starts_with("'") || rest.starts_with("\u2019")) return true;
  return std::string_view("aeiouy").find(rest[0]) != std::string_view::npos;
}

bool FrameLines::LastWordAtHead(const std::vector<RefineWord>& words, uint32_t b,
                                uint32_t e) const {
  if (words.empty() || words.back().list == nullptr) return true;
  const std::vector<Cue>& list = *words.back().list;
  for (uint32_t u = b; u < e; ++u) {
    const uint32_t end = ListAt(list, u, e, true);
    if (end == 0) continue;
    const uint32_t last = end - 1;
    if (std::none_of(a_.chunks.begin(), a_.chunks.end(), [&](const Chunk& c) {
          return c.head != kNoUnit && c.head != last && last >= c.begin && last < c.end;
        })) {
      return true;
    }
  }
  return false;
}

uint32_t FrameLines::ListAt(const std::vector<Cue>& list, uint32_t u, uint32_t e,
                            bool imported) const {
  for (const Cue& item : list) {
    const uint32_t n = static_cast<uint32_t>(item.tokens.size());
    if (u + n > e) continue;
    bool same = true;
    for (uint32_t k = 0; k < n && same; ++k) {
      same = WordIs(u + k, item.tokens[k], item.prefix && k + 1 == n, imported);
    }
    if (same) return u + n;
  }
  return 0;
}

bool FrameLines::RunAt(const std::vector<RefineWord>& words, size_t i, size_t j, uint32_t v,
                       uint32_t e, bool imported, uint32_t* end) const {
  for (size_t k = i; k < j; ++k) {
    if (v >= e) return false;
    const RefineWord& word = words[k];
    if (word.list != nullptr) {
      v = ListAt(*word.list, v, e, imported);
      if (v == 0) return false;
    } else if (WordIs(v, word.cue.tokens[0], word.cue.prefix, imported)) {
      ++v;
    } else {
      return false;
    }
  }
  *end = v;
  return true;
}

bool FrameLines::InOrderAdjacent(const std::vector<RefineWord>& words, uint32_t b, uint32_t e,
                                 bool at_begin, bool at_end, bool imported) const {
  size_t runs_end = words.size();
  if (at_end && !words.empty()) {
    size_t last = words.size() - 1;
    while (last > 0 && words[last].joined) --last;
    bool found = false;
    for (uint32_t v = e; v > b && !found;) {
      --v;
      uint32_t end = 0;
      if (RunAt(words, last, words.size(), v, e, imported, &end) && end == e) {
        e = v;
        found = true;
      }
    }
    if (!found) return false;
    runs_end = last;
  }
  uint32_t u = b;
  for (size_t i = 0; i < runs_end;) {
    size_t j = i + 1;
    while (j < runs_end && words[j].joined) ++j;
    bool matched = false;
    for (uint32_t v = u; v < e && !matched; ++v) {
      uint32_t end = 0;
      if (RunAt(words, i, j, v, e, imported, &end)) {
        u = end;
        matched = true;
      } else if (i == 0 && at_begin) {
        break;
      }
    }
    if (!matched) return false;
    i = j;
  }
  return true;
}

bool FrameLines::InOrder(const std::vector<RefineWord>& words, uint32_t b, uint32_t e,
                         bool imported) const {
  const FrameSentenceWords* keys = imported ? &SentenceWords() : nullptr;
  const uint32_t n = static_cast<uint32_t>(s_.units.size());
  size_t i = 0;
  for (uint32_t u = b; u < e && i < words.size(); ++u) {
    const RefineWord& word = words[i];
    const bool keyed = keys != nullptr && u < n;
    if (word.list != nullptr) {
      if (keyed && !keys->UnitMayStartList(u, word.list_key, doc_.rules.frame_index)) continue;
      if (const uint32_t end = ListAt(*word.list, u, e, imported); end != 0) {
        u = end - 1;
        ++i;
      }
    } else if (keyed && word.id != RefineWord::kNoId
                   ? keys->UnitHas(u, word.id) &&
                         (!word.cue.prefix ||
                          StemEnding(Lower(u).substr(word.cue.tokens[0].size())))
                   : WordIs(u, word.cue.tokens[0], word.cue.prefix, imported)) {
      ++i;
    }
  }
  return i == words.size();
}

bool FrameLines::MayOccur(const std::vector<RefineWord>& words) const {
  for (const RefineWord& word : words) {
    if (word.list != nullptr || word.cue.tokens.empty() || word.cue.prefix) continue;
    if (!UnitsHold(word.cue.tokens[0])) return false;
  }
  return true;
}

bool FrameLines::MayOccurKeyed(uint32_t pattern) const {
  const FrameIndex& index = doc_.rules.frame_index;
  const uint32_t* const needs = index.pattern_needs.data();
  const uint32_t end = index.pattern_needs_begin[pattern + 1];
  for (uint32_t i = index.pattern_needs_begin[pattern]; i < end; ++i) {
    const uint32_t need = needs[i];
    if ((need & FrameIndex::kListNeed) != 0
            ? !SentenceWords().HasList(need & ~FrameIndex::kListNeed)
            : !SentenceWords().Has(need)) {
      return false;
    }
  }
  return true;
}

const FrameSentenceWords& FrameLines::SentenceWords() const {
  if (!sentence_words_found_) {
    scratch_.words.Find(doc_.rules.frame_index, s_);
    sentence_words_found_ = true;
  }
  return scratch_.words;
}

bool FrameLines::UnitsHold(std::string_view token) const {
  if (!word_keys_made_) {
    for (const Unit& u : s_.units) {
      if (u.mention >= 0) continue;
      const std::string_view w = s_.LowerToken(u.tok_begin);
      if (!w.empty()) word_keys_.set(WordKey(w));
    }
    word_keys_made_ = true;
  }
  if (!token.empty() && !word_keys_.test(WordKey(token))) return false;
  return std::any_of(s_.units.begin(), s_.units.end(), [&](const Unit& u) {
    return u.mention < 0 && s_.LowerToken(u.tok_begin) == token;
  });
}

uint32_t FrameLines::AfterEnd(const VerbGroup& g, uint32_t verb) const {
  return std::max(g.clause_end, text_.TextExtent(verb + 1).second);
}

uint32_t FrameLines::BeforeBegin(const Rule& rule, const VerbGroup& g) {
  return rule.imported ? 0 : g.clause_begin;
}

bool FrameLines::Occurs(const Refinement& r, bool imported, const VerbGroup& g,
                        uint32_t before_begin, uint32_t verb, uint32_t* after_end_known) const {
  FrameScratch& memo = scratch_;
  int8_t& may = memo.may[r.pattern];
  if (may < 0) {
    // A hand-written frame's MayOccur is the weaker test: either is true wherever the line
    // occurs, and the scan decides.
    may = (imported ? MayOccurKeyed(r.pattern) : MayOccur(r.before) && MayOccur(r.after)) ? 1 : 0;
    memo.asked.push_back(r.pattern);
  }
  if (may == 0) return false;
  for (int32_t i = memo.first_occurrence[r.pattern]; i >= 0; i = memo.occurrences[i].next) {
    const FrameScratch::Occurrence& o = memo.occurrences[i];
    if (o.group == &g && o.verb == verb && o.imported == imported) return o.occurs;
  }
  if (*after_end_known == kNoUnit) *after_end_known = AfterEnd(g, verb);
  uint32_t after_end = *after_end_known;
  // An imported pattern's words after the verb are the verb's own, not those of the
  // to-infinitive it governs, unless the pattern spells that "to" ("joined a call with the
  // G7 to discuss Iran's attack" is no JOIN * ATTACK [190]).
  if (imported && g.to_clause != kNoUnit && g.to_clause > verb && g.to_clause < after_end &&
      std::none_of(r.after.begin(), r.after.end(), [](const RefineWord& w) {
        return w.list == nullptr && !w.cue.tokens.empty() && w.cue.tokens[0] == "to";
      })) {
    after_end = g.to_clause;
  }
  const bool occurs =
      (r.adjacent
           ? InOrderAdjacent(r.before, before_begin, verb, false, r.before_at_verb, imported) &&
                 InOrderAdjacent(r.after, verb + 1, after_end, r.after_at_verb, false, imported)
           : InOrder(r.before, before_begin, verb, imported) &&
                 InOrder(r.after, verb + 1, after_end, imported)) &&
      (!imported || LastWordAtHead(r.after, verb + 1, after_end));
  memo.occurrences.push_back({&g, verb, imported, occurs, memo.first_occurrence[r.pattern]});
  memo.first_occurrence[r.pattern] = static_cast<int32_t>(memo.occurrences.size() - 1);
  return occurs;
}

Refinement FrameLines::Codes(const Rule& rule, const VerbGroup& g, uint32_t verb,
                             bool* by_list) const {
  uint32_t after_end = kNoUnit;
  const uint32_t before_begin = BeforeBegin(rule, g);
  if (by_list != nullptr) *by_list = false;
  for (const Refinement& r : rule.frame->refine) {
    if (Occurs(r, rule.imported, g, before_begin, verb, &after_end)) {
      Refinement codes;
      codes.cameo = r.cameo;
      codes.reverse = r.reverse;
      codes.plover = r.plover.empty() ? rule.plover : r.plover;
      if (by_list != nullptr) {
        auto list = [](const RefineWord& w) { return w.list != nullptr; };
        *by_list = std::any_of(r.before.begin(), r.before.end(), list) ||
                   std::any_of(r.after.begin(), r.after.end(), list);
      }
      return codes;
    }
  }
  Refinement codes;
  codes.cameo = rule.cameo;
  codes.reverse = rule.frame->reverse;
  codes.plover = rule.plover;
  return codes;
}

bool FrameLines::Applies(const Rule& rule, const VerbGroup& g, uint32_t verb) const {
  const Frame& frame = *rule.frame;
  if (!frame.only_forms.empty() || !frame.except_forms.empty()) {
    const std::string_view form = Lower(verb);
    auto in = [&](const std::vector<std::string>& forms) {
      return std::find(forms.begin(), forms.end(), form) != forms.end();
    };
    if ((!frame.only_forms.empty() && !in(frame.only_forms)) || in(frame.except_forms)) {
      return false;
    }
  }
  // No `unless` line may occur, and a `when` line must, if there are any: the `when` lines
  // first, as most frames that have them do not apply.
  uint32_t after_end = kNoUnit;
  const uint32_t before_begin = BeforeBegin(rule, g);
  if (!frame.when.empty() &&
      std::none_of(frame.when.begin(), frame.when.end(), [&](const Refinement& r) {
        return Occurs(r, rule.imported, g, before_begin, verb, &after_end);
      })) {
    return false;
  }
  return std::none_of(frame.unless.begin(), frame.unless.end(), [&](const Refinement& r) {
    return Occurs(r, rule.imported, g, before_begin, verb, &after_end);
  });
}

}  // namespace parley::internal
