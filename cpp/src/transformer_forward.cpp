// The forward pass compiled with the build's own flags (every processor), and the choice
// among the variants at run time.
#include "transformer_forward.hpp"

#include <cstdlib>
#include <stdexcept>
#include <string>

#define SYNOPSIS_FORWARD_NAME forward_generic
#include "transformer_forward_variant.hpp"

namespace synopsis::transformer_detail {

ForwardFn best_forward(const char** name) {
  bool avx512 = false, avx2vnni = false, avx2 = false;
#if defined(SYNOPSIS_X86_VARIANTS) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vnni");
  avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  avx2vnni = avx2 && __builtin_cpu_supports("avxvnni");
#endif
  // SYNOPSIS_KERNEL picks a slower variant (for tests and comparisons), never one the processor lacks.
  const char* asked = std::getenv("SYNOPSIS_KERNEL");
  const std::string want = asked ? asked : "";
  if (!want.empty() && want != "avx512" && want != "avx2vnni" && want != "avx2" && want != "generic")
    throw std::invalid_argument("SYNOPSIS_KERNEL must be avx512, avx2vnni, avx2 or generic, got '" + want + "'");
  if ((want == "avx512" && !avx512) || (want == "avx2vnni" && !avx2vnni) || (want == "avx2" && !avx2))
    throw std::invalid_argument("SYNOPSIS_KERNEL=" + want + ": this processor does not have it");
  if (avx512 && (want.empty() || want == "avx512")) {
    if (name) *name = "avx512";
    return forward_avx512;
  }
  if (avx2vnni && (want.empty() || want == "avx2vnni")) {
    if (name) *name = "avx2vnni";
    return forward_avx2vnni;
  }
  if (avx2 && (want.empty() || want == "avx2")) {
    if (name) *name = "avx2";
    return forward_avx2;
  }
  if (name) *name = "generic";
  return forward_generic;
}

}  // namespace synopsis::transformer_detail
