#include "extract/frame_index.h"

#include <algorithm>

#include "extract/rule_compiled.h"

namespace parley::internal {

uint32_t FrameWordTable::Hash(std::string_view token, bool prefix) {
  uint32_t h = kSeed;
  for (char c : token) h = Step(h, static_cast<unsigned char>(c));
  return prefix ? h : Step(h, 0);
}

uint32_t FrameWordTable::Find(std::string_view token, bool prefix) const {
  if (slots_.empty()) return kNone;
  const uint32_t hash = Hash(token, prefix);
  for (size_t i = SlotOf(hash);; i = (i + 1) & (slots_.size() - 1)) {
    const Slot& slot = slots_[i];
    if (slot.key == kNone) return kNone;
    if (slot.hash == hash && (prefix_[slot.key] != 0) == prefix && tokens_[slot.key] == token) {
      return slot.key;
    }
  }
}

uint32_t FrameWordTable::Add(std::string_view token, bool prefix) {
  if (const uint32_t key = Find(token, prefix); key != kNone) return key;
  const uint32_t key = static_cast<uint32_t>(tokens_.size());
  tokens_.emplace_back(token);
  prefix_.push_back(prefix ? 1 : 0);
  if (prefix && token.empty()) empty_prefix_ = key;
  if (prefix) {
    longest_prefix_ = std::max(longest_prefix_, token.size());
    AddStems(token);
  }
  if (2 * tokens_.size() > slots_.size()) {
    Grow();  // re-inserts every key, this one too
  } else {
    const uint32_t hash = Hash(token, prefix);
    size_t i = SlotOf(hash);
    while (slots_[i].key != kNone) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {hash, key};
    filter_.set(Fold(hash));
  }
  return key;
}

void FrameWordTable::Grow() {
  size_t size = 64;
  while (size < 4 * tokens_.size()) size *= 2;
  slots_.assign(size, Slot());
  shift_ = 32;
  for (size_t s = size; s > 1; s /= 2) --shift_;
  for (uint32_t key = 0; key < tokens_.size(); ++key) {
    const uint32_t hash = Hash(tokens_[key], prefix_[key] != 0);
    size_t i = SlotOf(hash);
    while (slots_[i].key != kNone) i = (i + 1) & (slots_.size() - 1);
    slots_[i] = {hash, key};
    filter_.set(Fold(hash));
  }
}

void FrameWordTable::AddStems(std::string_view token) {
  uint32_t h = kSeed;
  for (char c : token) {
    h = Step(h, static_cast<unsigned char>(c));
    stems_.set(Fold(h));
  }
}

void FrameWordTable::FillStems() {
  stems_.reset();
  for (uint32_t key = 0; key < tokens_.size(); ++key) {
    if (prefix_[key] != 0) AddStems(tokens_[key]);
  }
}

void FrameIndexBuilder::NumberWords(Frame* frame) {
  std::string line;  // a line's words and flags, encoded
  const auto put = [&](uint32_t v) { line.append(reinterpret_cast<const char*>(&v), sizeof v); };
  for (std::vector<Refinement>* lines : {&frame->refine, &frame->when, &frame->unless}) {
    for (Refinement& r : *lines) {
      line.clear();
      needs_.clear();
      for (std::vector<RefineWord>* side : {&r.before, &r.after}) {
        put(static_cast<uint32_t>(side->size()));
        for (RefineWord& w : *side) {
          if (w.list != nullptr) {
            const auto [it, fresh] =
                list_keys_.emplace(w.list.get(), static_cast<uint32_t>(lists_.size()));
            if (fresh) lists_.push_back(w.list);
            w.list_key = it->second;
            needs_.push_back(FrameIndex::kListNeed | w.list_key);
          } else if (!w.cue.tokens.empty()) {
            w.id = index_.words.Add(w.cue.tokens[0], w.cue.prefix);
            needs_.push_back(w.id);
          }
          put(w.id);
          put(w.list_key);
          put(w.joined ? 1 : 0);
        }
      }
      put((r.before_at_verb ? 1 : 0) | (r.after_at_verb ? 2 : 0) | (r.adjacent ? 4 : 0));
      const auto [it, fresh] = patterns_.emplace(line, static_cast<uint32_t>(patterns_.size()));
      r.pattern = it->second;
      if (fresh) {
        if (index_.pattern_needs_begin.empty()) index_.pattern_needs_begin.push_back(0);
        index_.pattern_needs.insert(index_.pattern_needs.end(), needs_.begin(), needs_.end());
        index_.pattern_needs_begin.push_back(static_cast<uint32_t>(index_.pattern_needs.size()));
      }
    }
  }
}

void FrameIndexBuilder::Finish(CompiledRules* rules) {
  rules->refine_word_count = static_cast<uint32_t>(index_.words.size());
  // An item of a list starts where its first word is (FrameReader::ListAt): that word, or with a
  // one-word prefix item any word it starts.
  index_.lists.resize(lists_.size());
  std::vector<std::pair<uint32_t, uint32_t>> key_lists;  // (key, list)
  for (uint32_t l = 0; l < lists_.size(); ++l) {
    FrameList& list = index_.lists[l];
    for (const Cue& item : *lists_[l]) {
      if (item.tokens.empty()) {
        list.always = true;
        continue;
      }
      const uint32_t key = index_.words.Add(item.tokens[0], item.prefix && item.tokens.size() == 1);
      list.first_words.push_back(key);
      key_lists.emplace_back(key, l);
    }
    std::sort(list.first_words.begin(), list.first_words.end());
    list.first_words.erase(std::unique(list.first_words.begin(), list.first_words.end()),
                           list.first_words.end());
    if (list.always) index_.always_lists.push_back(l);
  }
  index_.lists_of_key.assign(index_.words.size(), {});
  std::sort(key_lists.begin(), key_lists.end());
  key_lists.erase(std::unique(key_lists.begin(), key_lists.end()), key_lists.end());
  for (const auto& [key, l] : key_lists) index_.lists_of_key[key].push_back(l);
  index_.frames_of_verb.assign(rules->lexicon.verb_count(), {});
  index_.frame_flags.assign(rules->rules.size(), 0);
  index_.when_begin.assign(1, 0);
  for (uint32_t r = 0; r < rules->rules.size(); ++r) {
    const Rule& rule = rules->rules[r];
    if (rule.frame != nullptr) {
      for (const Refinement& line : rule.frame->when) index_.when_patterns.push_back(line.pattern);
    }
    index_.when_begin.push_back(static_cast<uint32_t>(index_.when_patterns.size()));
    if (rule.frame == nullptr) continue;
    for (uint32_t verb : rule.frame->verb_ids) index_.frames_of_verb[verb].push_back(r);
    index_.frame_flags[r] =
        (rule.imported ? FrameIndex::kImportedFrame : 0) |
        (rule.frame->nouns.empty() && rule.frame->clause_nouns.empty() ? 0
                                                                       : FrameIndex::kNounFrame);
    if (rule.imported) continue;
    for (const std::vector<std::string>* nouns : {&rule.frame->nouns, &rule.frame->clause_nouns}) {
      index_.event_nouns.insert(index_.event_nouns.end(), nouns->begin(), nouns->end());
    }
  }
  std::sort(index_.event_nouns.begin(), index_.event_nouns.end());
  index_.event_nouns.erase(std::unique(index_.event_nouns.begin(), index_.event_nouns.end()),
                           index_.event_nouns.end());
  index_.pattern_count = static_cast<uint32_t>(patterns_.size());
  if (index_.pattern_needs_begin.empty()) index_.pattern_needs_begin.push_back(0);
  // The keys of the vocabulary's lower-case texts: the words of most sentence tokens. Only the
  // imported frames' lines are tested by key (frames.cc): without them, nothing to find.
  const bool imported_lines =
      std::any_of(rules->rules.begin(), rules->rules.end(), [](const Rule& rule) {
        return rule.imported && rule.frame != nullptr &&
               (!rule.frame->refine.empty() || !rule.frame->when.empty() ||
                !rule.frame->unless.empty());
      });
  const TokenTable& vocabulary = rules->alias_index.tokens;
  if (imported_lines) {
    index_.vocabulary.assign(vocabulary.size() + 1, {FrameWordTable::kNone, FrameWordTable::kNone});
  }
  for (uint32_t id = 1; imported_lines && id <= vocabulary.size(); ++id) {
    const std::string_view text = vocabulary.Text(id);
    if (text.empty() ||
        std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
      continue;
    }
    FrameIndex::Span& span = index_.vocabulary[id];
    span.begin = static_cast<uint32_t>(index_.vocabulary_keys.size());
    index_.words.ForEachKey(text, [&](uint32_t key) { index_.vocabulary_keys.push_back(key); });
    span.end = static_cast<uint32_t>(index_.vocabulary_keys.size());
  }
  rules->frame_index = std::move(index_);
  index_ = FrameIndex();
  lists_.clear();
  list_keys_.clear();
  patterns_.clear();
  needs_.clear();
}

void FrameSentenceWords::Find(const FrameIndex& index, const Tagged& s) {
  if (keys_.size() != index.words.size() || lists_.size() != index.lists.size()) {
    keys_.assign(index.words.size(), 0);
    lists_.assign(index.lists.size(), 0);
  } else {
    for (uint32_t key : set_) keys_[key] = 0;
    for (uint32_t l : lists_set_) lists_[l] = 0;
  }
  set_.clear();
  lists_set_.clear();
  own_keys_.clear();
  vocabulary_keys_ = index.vocabulary_keys.data();
  for (uint32_t l : index.always_lists) {
    lists_[l] = 1;
    lists_set_.push_back(l);
  }
  const auto meet = [&](uint32_t key) {
    if (keys_[key] != 0) return;
    keys_[key] = 1;
    set_.push_back(key);
    for (uint32_t l : index.lists_of_key[key]) {
      if (lists_[l] != 0) continue;
      lists_[l] = 1;
      lists_set_.push_back(l);
    }
  };
  // A token's lower-cased vocabulary id, when Tag has looked the tokens up: its keys are read
  // in the index, where the unit's span then points. Other words' keys are found here.
  const bool ids = s.words.size() == s.tokens.size();
  const FrameIndex::Span* const vocabulary = index.vocabulary.data();
  const size_t vocabulary_size = index.vocabulary.size();
  const size_t n = s.units.size();
  spans_.resize(n);
  for (size_t u = 0; u < n; ++u) {
    const Unit& unit = s.units[u];
    FrameIndex::Span& span = spans_[u];
    span = {0, 0};
    if (unit.mention >= 0) continue;
    const uint32_t id = ids ? s.words[unit.tok_begin] : TokenTable::kAbsent;
    if (id < vocabulary_size && vocabulary[id].begin != FrameWordTable::kNone) {
      span = vocabulary[id];
      for (uint32_t i = span.begin; i < span.end; ++i) meet(vocabulary_keys_[i]);
      continue;
    }
    const std::string_view w = s.LowerToken(unit.tok_begin);
    if (w.empty()) continue;
    const auto begin = static_cast<uint32_t>(own_keys_.size());
    index.words.ForEachKey(w, [&](uint32_t key) {
      own_keys_.push_back(key);
      meet(key);
    });
    span = {begin | kOwnKeys, static_cast<uint32_t>(own_keys_.size())};
  }
}

}  // namespace parley::internal
