// The forward pass compiled for AVX512 (CMake adds the flags on x86-64; elsewhere this file
// is empty and best_forward never names it).
#ifdef SYNOPSIS_X86_VARIANTS
#define Eigen synopsis_eigen_avx512
#define SYNOPSIS_FORWARD_NAME forward_avx512
#include "transformer_forward_variant.hpp"
#endif
