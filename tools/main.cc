// The parley executable: everything lives in parley_cli so tests can run the CLI in-process.
#include "tools/cli/cli.h"

#ifdef PARLEY_USE_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
#ifdef PARLEY_USE_MIMALLOC
  // 2 MiB pages where the kernel has transparent huge pages (madvise): compiling the rules with
  // the imported layer touches some 100 MB, a page fault each 4 KiB page otherwise (a fifth of
  // start-up's CPU time), and extraction's lookups miss the TLB less (BENCHMARKS.md).
  mi_option_enable(mi_option_large_os_pages);
#endif
  return parley::cli::Main(argc, argv);
}
