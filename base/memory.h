// The process's memory allocator, seen from the code that frees a lot at once.
//
// parley's executable is linked with mimalloc (CMakeLists.txt, PARLEY_MIMALLOC): extraction
// allocates and frees millions of small blocks (tokens, units, mentions, RE2's match state),
// and mimalloc does that in a fraction of glibc's instructions (BENCHMARKS.md). Libraries and
// tests do not link it; they run on glibc's allocator. Nothing in parley depends on which one
// is in use, except how freed memory goes back to the system, which is this header's job.
//
// Thread-safety: safe to call from any thread.
#ifndef PARLEY_BASE_MEMORY_H_
#define PARLEY_BASE_MEMORY_H_

namespace parley {

// Gives memory that was freed back to the system: after a long document or a window of one,
// the allocator would otherwise keep the peak (glibc keeps freed small blocks between live
// ones; mimalloc keeps freed pages for reuse). Calls mimalloc's mi_collect(true) when the
// process uses mimalloc, glibc's malloc_trim(0) otherwise. Its cost grows with what it gives
// back (mimalloc: under a millisecond with little to return, some 40 ms for 200 MB of small
// blocks): call it after megabytes of work, not per sentence.
void ReleaseFreedMemory();

}  // namespace parley

#endif  // PARLEY_BASE_MEMORY_H_
