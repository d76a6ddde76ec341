// The listed persons by a key of their names (CompiledRules::person_names, person_surnames):
// sorted keys back to back with, for each, the indices of the persons it names, looked up by
// binary search. Flat arrays, so that reading a rules snapshot copies them as they are: the
// hash maps they replace cost about 16 M instructions to decode at a run's first discovered
// name, for the few thousand lookups a corpus makes. Internal to extract/.
//
// Thread-safety: built once (Build); afterwards any number of threads read it.
#ifndef PARLEY_EXTRACT_PERSON_INDEX_H_
#define PARLEY_EXTRACT_PERSON_INDEX_H_

#include <algorithm>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace parley::internal {

class PersonIndex {
 public:
  // The index of `entries` (key, entity index): each key's entities in the order given, an
  // entity given twice under one key kept twice; empty keys are left out.
  static PersonIndex Build(std::vector<std::pair<std::string, uint32_t>> entries) {
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    PersonIndex index;
    for (size_t i = 0; i < entries.size(); ++i) {
      const auto& [key, entity] = entries[i];
      if (key.empty()) continue;
      if (index.key_ends_.empty() || key != index.Key(index.key_ends_.size() - 1)) {
        index.keys_ += key;
        index.key_ends_.push_back(static_cast<uint32_t>(index.keys_.size()));
        index.value_ends_.push_back(static_cast<uint32_t>(index.values_.size()));
      }
      index.values_.push_back(entity);
      index.value_ends_.back() = static_cast<uint32_t>(index.values_.size());
    }
    return index;
  }

  // The entities of `key`, in the order Build was given them; empty when none.
  std::span<const uint32_t> Find(std::string_view key) const {
    size_t lo = 0, hi = key_ends_.size();
    while (lo < hi) {
      const size_t mid = lo + (hi - lo) / 2;
      if (Key(mid) < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    if (lo == key_ends_.size() || Key(lo) != key) return {};
    const uint32_t begin = lo == 0 ? 0 : value_ends_[lo - 1];
    return std::span<const uint32_t>(values_.data() + begin, value_ends_[lo] - begin);
  }

  size_t size() const { return key_ends_.size(); }

  // Whether the arrays hold together (a snapshot's, before it is read): ends that never
  // decrease and stay within their arrays, as many of each.
  bool Valid() const {
    if (key_ends_.size() != value_ends_.size()) return false;
    uint32_t key_end = 0, value_end = 0;
    for (size_t i = 0; i < key_ends_.size(); ++i) {
      if (key_ends_[i] < key_end || value_ends_[i] < value_end) return false;
      key_end = key_ends_[i];
      value_end = value_ends_[i];
    }
    return key_end <= keys_.size() && value_end <= values_.size();
  }

  friend bool operator==(const PersonIndex&, const PersonIndex&) = default;

 private:
  friend struct SnapshotAccess;  // rule_snapshot.cc encodes the members
  std::string_view Key(size_t i) const {
    const uint32_t begin = i == 0 ? 0 : key_ends_[i - 1];
    return std::string_view(keys_.data() + begin, key_ends_[i] - begin);
  }

  std::string keys_;                  // the keys, sorted, back to back
  std::vector<uint32_t> key_ends_;    // the end of key i in keys_
  std::vector<uint32_t> value_ends_;  // the end of key i's entities in values_
  std::vector<uint32_t> values_;      // entity indices (CompiledRules::entities)
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_PERSON_INDEX_H_
