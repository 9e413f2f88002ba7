#ifndef CONEDNN_SHIM_H
#define CONEDNN_SHIM_H
#include <oneapi/dnnl/dnnl.h>

/// libgomp's thread control (oneDNN on Debian runs on OpenMP); declared here because
/// omp.h lives in GCC's private include folder, which clang does not search.
void omp_set_num_threads(int count);
int omp_get_max_threads(void);

/// DNNL_MEMORY_ALLOCATE is a pointer cast, which Swift does not import.
static inline void *conednn_memory_allocate(void) { return DNNL_MEMORY_ALLOCATE; }
#endif
