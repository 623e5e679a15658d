// The BERT forward pass on raw arrays, compiled once per instruction set
// (transformer_forward.cpp for the build's flags, transformer_forward_avx2.cpp,
// transformer_forward_avx2vnni.cpp and transformer_forward_avx512.cpp with those extensions on
// x86-64) and chosen at run time by what the processor supports. No Eigen type crosses this
// header, so each variant keeps its own copy of Eigen's code (see transformer_forward_variant.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace synopsis::transformer_detail {

// A linear layer y = x W^T + b with W [out, in] row-major, in float32 or as int8 rows with
// one scale each (W[o, :] ~ scale[o] * q[o, :]). For the AVX2 and AVX-512 kernels the float
// weights are stored in panels of 16 outputs instead (when out is a multiple of 16): W[o, k] at
// (o / 16) * 16 * in + k * 16 + o % 16, so the product reads a panel's 16 weights of an input
// as one or two registers.
struct LinearView {
  int in = 0;
  int out = 0;
  const float* weight = nullptr;     // [out, in] when float
  bool panels = false;               // weight is in panels of 16 outputs (see above)
  const std::int8_t* q = nullptr;    // [out, in] when int8
  const float* scale = nullptr;      // [out] when int8
  const std::int32_t* q_row_sum = nullptr;  // [out]: sum of each int8 row (for the unsigned-input kernel)
  const float* bias = nullptr;       // [out]
};

struct LayerView {
  LinearView qkv;        // query, key and value fused: out = 3 * hidden
  LinearView attention_out;
  const float* attention_norm_gamma = nullptr;
  const float* attention_norm_beta = nullptr;
  LinearView ffn_in;
  LinearView ffn_out;
  const float* output_norm_gamma = nullptr;
  const float* output_norm_beta = nullptr;
};

struct ModelView {
  int hidden = 0;
  int heads = 0;
  int layers = 0;
  float norm_eps = 1e-12f;
  const float* word = nullptr;      // [vocab, hidden]
  const float* position = nullptr;  // [positions, hidden]
  const float* token_type = nullptr;  // row 0 is used
  const float* norm_gamma = nullptr;
  const float* norm_beta = nullptr;
  const LayerView* layer = nullptr;
  bool int8 = false;
};

// Where the forward pass keeps its activations, as float offsets into one scratch buffer
// (each a multiple of 16 floats, so a 64-byte-aligned buffer keeps every part aligned).
struct ScratchLayout {
  std::size_t x = 0, qkv = 0, context = 0, projected = 0, inner = 0;  // tokens x (h, 3h, h, h, inner_width)
  std::size_t quantized = 0;  // tokens x widest linear input, bytes (int8 models)
  std::size_t widened = 0;    // the same in 16 bits (int8 models on the AVX2 kernel)
  std::size_t steps = 0, minima = 0;  // tokens
  std::size_t scores = 0;  // longest sequence squared (the attention of one head)
  std::size_t total = 0;   // floats the buffer needs
  int inner_width = 0;     // the feed-forward layer's width
};

// The layout for a pass over `tokens` tokens whose longest sequence has `longest`.
ScratchLayout scratch_layout(const ModelView& model, std::size_t tokens, std::size_t longest);

// The last hidden states of sequences packed end to end: sequence s is
// ids[offsets[s], offsets[s + 1]) (with its [CLS] and [SEP]); out receives
// offsets[n] x hidden floats, row-major. Attention never crosses sequences, so packing needs
// no padding and no mask. scratch holds scratch_layout(model, offsets[n], longest).total floats
// (longest = the longest offsets[s + 1] - offsets[s]), 64-byte aligned for speed: the
// caller keeps it across calls, so a batch does not allocate (and fault in) fresh memory.
using ForwardFn = void (*)(const ModelView& model, const std::int32_t* ids, const std::size_t* offsets,
                           std::size_t n, float* scratch, float* out);

void forward_generic(const ModelView&, const std::int32_t*, const std::size_t*, std::size_t, float*, float*);
void forward_avx2(const ModelView&, const std::int32_t*, const std::size_t*, std::size_t, float*, float*);
void forward_avx2vnni(const ModelView&, const std::int32_t*, const std::size_t*, std::size_t, float*, float*);
void forward_avx512(const ModelView&, const std::int32_t*, const std::size_t*, std::size_t, float*, float*);

// The fastest variant this processor runs, and its name ("avx512", "avx2vnni", "avx2", "generic").
ForwardFn best_forward(const char** name = nullptr);

}  // namespace synopsis::transformer_detail
