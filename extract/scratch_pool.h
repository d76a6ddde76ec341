// Per-thread pools of the tables a document's analysis sizes by the rules (a bit per word of the
// rules' vocabulary, a mark per pattern word): an object made for each document takes one from
// its thread's pool and gives it back, cleared, when it is destroyed, so that the next document
// on that thread neither allocates nor clears a table of the vocabulary's size (some 20 KB with
// the imported Phoenix layer; zeroing it for every document cost more than the words a
// document sets in it). Internal to extract/.
//
// Thread-safety: each thread has its own pools. A table taken on one thread may be given back
// on another (it then joins that thread's pool).
#ifndef PARLEY_EXTRACT_SCRATCH_POOL_H_
#define PARLEY_EXTRACT_SCRATCH_POOL_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace parley::internal {

// A pool of up to kKeep values of T per thread. T is movable and default-constructible.
template <typename T, size_t kKeep = 4>
class ScratchPool {
 public:
  // A value given back earlier on this thread, in the state it was given back, or T().
  static T Take() {
    std::vector<T>& free = Free();
    if (free.empty()) return T();
    T value = std::move(free.back());
    free.pop_back();
    return value;
  }
  // Keeps `value` for a later Take on this thread (or drops it when the pool is full).
  // REQUIRES: `value` is in the state the pool's users expect of a taken value (for the tables
  // above: cleared).
  static void Give(T value) {
    std::vector<T>& free = Free();
    if (free.size() < kKeep) free.push_back(std::move(value));
  }

 private:
  static std::vector<T>& Free() {
    thread_local std::vector<T> free;
    return free;
  }
};

}  // namespace parley::internal

#endif  // PARLEY_EXTRACT_SCRATCH_POOL_H_
