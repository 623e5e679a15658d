// The forward pass compiled with the build's own flags (every processor), and the choice
// among the variants at run time.
#include "transformer_forward.hpp"

#define SYNOPSIS_FORWARD_NAME forward_generic
#include "transformer_forward_variant.hpp"

namespace synopsis::transformer_detail {

ForwardFn best_forward(const char** name) {
#if defined(SYNOPSIS_X86_VARIANTS) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
      __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
      __builtin_cpu_supports("avx512vnni")) {
    if (name) *name = "avx512";
    return forward_avx512;
  }
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    if (name) *name = "avx2";
    return forward_avx2;
  }
#endif
  if (name) *name = "generic";
  return forward_generic;
}

}  // namespace synopsis::transformer_detail
