// The weights of a loaded TransformerEncoder and the views the forward pass reads.
#pragma once

#include <cstdint>
#include <vector>

#include "synopsis/transformer.hpp"
#include "transformer_forward.hpp"

namespace synopsis {

struct TransformerLinear {
  int in = 0, out = 0;
  std::vector<float> weight;  // [out, in]; emptied when quantised; in panels once to_panels() ran
  bool panels = false;
  std::vector<float> bias;
  std::vector<std::int8_t> q;  // packed int8 (see transformer_forward_variant.hpp)
  std::vector<float> scale;
  std::vector<std::int32_t> row_sum;

  // Replaces the float weights by int8 rows with one scale each (symmetric, max |w| -> 127).
  void quantize();
  // Reorders the float weights into panels of 16 outputs (transformer_forward.hpp), the layout
  // the AVX2 and AVX-512 kernels read. Needs out % 16 == 0.
  void to_panels();
  transformer_detail::LinearView view() const;
};

struct TransformerLayer {
  TransformerLinear qkv, attention_out, ffn_in, ffn_out;
  std::vector<float> attention_gamma, attention_beta, output_gamma, output_beta;
};

struct TransformerEncoder::Weights {
  std::vector<float> word, position, token_type, gamma, beta;
  std::vector<TransformerLayer> layers;
  std::vector<transformer_detail::LayerView> layer_views;
  transformer_detail::ModelView view;
  transformer_detail::ForwardFn forward = nullptr;
  const char* kernel = "generic";
};

}  // namespace synopsis
