#ifndef CONEDNN_SHIM_H
#define CONEDNN_SHIM_H
#include <oneapi/dnnl/dnnl.h>

/// libgomp's thread control (oneDNN on Debian runs on OpenMP); declared here because
/// omp.h lives in GCC's private include folder, which clang does not search.
void omp_set_num_threads(int count);
#endif
