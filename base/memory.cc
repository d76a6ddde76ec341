#include "base/memory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// mimalloc's collector, declared weak so that base/ needs neither its header nor its library:
// the address is null unless the program was linked with mimalloc (tools/CMakeLists.txt).
extern "C" void mi_collect(bool force) __attribute__((weak));

namespace parley {

void ReleaseFreedMemory() {
  if (mi_collect != nullptr) {
    mi_collect(true);
    return;
  }
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

}  // namespace parley
