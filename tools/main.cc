// The parley executable: everything lives in parley_cli so tests can run the CLI in-process.
#include <string_view>

#include "extract/rule_cache.h"
#include "tools/built_in_rules_snapshot.h"
#include "tools/cli/cli.h"

#ifdef PARLEY_USE_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace {

// Asks for 2 MiB pages where the kernel has transparent huge pages (`madvise` mode): compiling
// the rules with the imported layer touches some 100 MB, a page fault for each 4 KiB page
// otherwise (a fifth of start-up's CPU time), and extraction's lookups miss the TLB less
// (BENCHMARKS.md, "Start-up"). Only a hint: without huge pages nothing changes.
void UseLargePages() {
  // mimalloc's segments made from now on.
  mi_option_enable(mi_option_large_os_pages);
  // The main thread's first segment was made before main() (the C++ runtime allocates at load)
  // with small pages. mimalloc finds a block's segment by masking its address to the segment
  // size (32 MiB in mimalloc 2.0, `_mi_ptr_segment`), so that range is the segment: its pages
  // not touched yet fault in as huge pages once advised.
  constexpr size_t kSegmentSize = size_t{32} << 20;
  void* const probe = mi_malloc(8);
  const uintptr_t segment = reinterpret_cast<uintptr_t>(probe) & ~uintptr_t{kSegmentSize - 1};
  madvise(reinterpret_cast<void*>(segment), kSegmentSize, MADV_HUGEPAGE);
  mi_free(probe);
}

}  // namespace
#endif

int main(int argc, char** argv) {
#ifdef PARLEY_USE_MIMALLOC
  UseLargePages();
#endif
  parley::SetBuiltInRulesSnapshot(parley::BuiltInRulesSnapshotBytes());
  return parley::cli::Main(argc, argv);
}
