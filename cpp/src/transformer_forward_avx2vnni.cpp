// The forward pass compiled for AVX2 with AVX-VNNI (int8 dot products on 256-bit registers,
// for processors without AVX-512; CMake adds the flags on x86-64; elsewhere this file is empty
// and best_forward never names it).
#ifdef SYNOPSIS_X86_VARIANTS
#define Eigen synopsis_eigen_avx2vnni
#define SYNOPSIS_FORWARD_NAME forward_avx2vnni
#include "transformer_forward_variant.hpp"
#endif
