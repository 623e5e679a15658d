// The forward pass compiled with the build's own flags (every processor), and the choice
// among the variants at run time.
#include "transformer_forward.hpp"

#include <algorithm>
#include <cstdlib>
#if defined(SYNOPSIS_X86_VARIANTS) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#endif
#include <stdexcept>
#include <string>

#define SYNOPSIS_FORWARD_NAME forward_generic
#include "transformer_forward_variant.hpp"

namespace synopsis::transformer_detail {

ScratchLayout scratch_layout(const ModelView& m, std::size_t tokens, std::size_t longest) {
  ScratchLayout l;
  int widest = m.hidden;
  for (int i = 0; i < m.layers; ++i) {
    l.inner_width = std::max(l.inner_width, m.layer[i].ffn_in.out);
    widest = std::max({widest, m.layer[i].qkv.in, m.layer[i].attention_out.in, m.layer[i].ffn_in.in,
                       m.layer[i].ffn_out.in});
  }
  const auto h = static_cast<std::size_t>(m.hidden);
  std::size_t next = 0;
  auto take = [&](std::size_t floats) {
    const std::size_t at = next;
    next += (floats + 15) / 16 * 16;
    return at;
  };
  l.x = take(tokens * h);
  l.qkv = take(tokens * 3 * h);
  l.context = take(tokens * h);
  l.projected = take(tokens * h);
  l.inner = take(tokens * static_cast<std::size_t>(l.inner_width));
  l.quantized = take((tokens * static_cast<std::size_t>(widest) + 3) / 4);
  l.widened = take((tokens * static_cast<std::size_t>(widest) + 1) / 2);
  l.steps = take(tokens);
  l.minima = take(tokens);
  l.scores = take(longest * longest);
  l.total = next;
  return l;
}

ForwardFn best_forward(const char** name) {
  bool avx512 = false, avx2vnni = false, avx2 = false;
#if defined(SYNOPSIS_X86_VARIANTS) && (defined(__GNUC__) || defined(__clang__))
  __builtin_cpu_init();
  avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vnni");
  avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  // AVX-VNNI: CPUID leaf 7, sub-leaf 1, EAX bit 4 (older compilers' __builtin_cpu_supports lacks it).
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  avx2vnni = avx2 && __get_cpuid_count(7, 1, &eax, &ebx, &ecx, &edx) && ((eax >> 4) & 1u);
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
