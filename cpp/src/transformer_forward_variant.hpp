// The body of the BERT forward pass, included by one .cpp file per instruction set with
// SYNOPSIS_FORWARD_NAME set to the function's name. The variants differ only in compiler
// flags, so Eigen's templates would be instantiated once per flag set under the same names;
// each variant therefore renames Eigen's namespace (the including file defines `Eigen`
// before including this), and everything else here has internal linkage, so no code
// compiled for one instruction set can be linked into another's calls.
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__AVX512F__) && defined(__AVX512VNNI__) && defined(__AVX512BW__)
#include <immintrin.h>
#define SYNOPSIS_FORWARD_VNNI 1
#endif

#include "transformer_forward.hpp"

namespace synopsis::transformer_detail {

namespace {

using Rows = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ConstRowsMap = Eigen::Map<const Rows>;
using Index = Eigen::Index;

// The int8 weight layout (packed by the loader): blocks of 16 output rows; within a block,
// groups of 4 inputs, each group holding the 16 rows' 4 bytes in turn (64 bytes, one
// AVX-512 register for VNNI): W[o, k] is at (o / 16) * 16 * in + (k / 4) * 64 + (o % 16) * 4 + k % 4.
// y = x W^T + b over int8: each row of x quantised symmetrically to [-127, 127] with its own
// scale, products accumulated in int32.
void linear_int8(const LinearView& w, const Rows& x, Rows& y) {
  const Index rows = x.rows();
  const int in = w.in, out = w.out;
  y.resize(rows, out);
  Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> xq(rows, in);
  Eigen::VectorXf xs(rows);
  for (Index t = 0; t < rows; ++t) {
    const float m = x.row(t).cwiseAbs().maxCoeff();
    const float s = m > 0 ? m / 127.0f : 1.0f;
    xs[t] = s;
    const float inv = 1.0f / s;
    for (int k = 0; k < in; ++k) {
      const float v = std::nearbyint(x(t, k) * inv);
      xq(t, k) = static_cast<std::uint8_t>(static_cast<int>(v) + 128);  // |v| <= 127
    }
  }
#ifdef SYNOPSIS_FORWARD_VNNI
  const int k4 = in / 4;
  for (Index t0 = 0; t0 < rows; t0 += 4) {
    const int nt = static_cast<int>(rows - t0 < 4 ? rows - t0 : 4);
    for (int ob = 0; ob < out / 16; ++ob) {
      __m512i acc[4] = {_mm512_setzero_si512(), _mm512_setzero_si512(), _mm512_setzero_si512(),
                        _mm512_setzero_si512()};
      const std::int8_t* wb = w.q + static_cast<std::size_t>(ob) * 16 * static_cast<std::size_t>(in);
      for (int g = 0; g < k4; ++g) {
        const __m512i wv = _mm512_loadu_si512(reinterpret_cast<const void*>(wb + static_cast<std::size_t>(g) * 64));
        for (int r = 0; r < nt; ++r) {
          std::int32_t a;
          std::memcpy(&a, xq.data() + (t0 + r) * in + 4 * g, 4);
          acc[r] = _mm512_dpbusd_epi32(acc[r], _mm512_set1_epi32(a), wv);
        }
      }
      const __m512i sums = _mm512_loadu_si512(reinterpret_cast<const void*>(w.q_row_sum + ob * 16));
      const __m512i offset = _mm512_slli_epi32(sums, 7);  // 128 * row sum
      const __m512 ws = _mm512_loadu_ps(w.scale + ob * 16);
      const __m512 bias = _mm512_loadu_ps(w.bias + ob * 16);
      for (int r = 0; r < nt; ++r) {
        const __m512 v = _mm512_cvtepi32_ps(_mm512_sub_epi32(acc[r], offset));
        const __m512 scaled = _mm512_fmadd_ps(_mm512_mul_ps(v, ws), _mm512_set1_ps(xs[t0 + r]), bias);
        _mm512_storeu_ps(y.data() + (t0 + r) * out + ob * 16, scaled);
      }
    }
  }
#else
  for (Index t = 0; t < rows; ++t) {
    for (int o = 0; o < out; ++o) {
      const std::int8_t* wb = w.q + static_cast<std::size_t>(o / 16) * 16 * static_cast<std::size_t>(in) +
                              static_cast<std::size_t>(o % 16) * 4;
      std::int32_t acc = 0;
      for (int g = 0; g < in / 4; ++g)
        for (int j = 0; j < 4; ++j)
          acc += static_cast<std::int32_t>(xq(t, 4 * g + j)) * wb[static_cast<std::size_t>(g) * 64 + static_cast<std::size_t>(j)];
      y(t, o) = static_cast<float>(acc - 128 * w.q_row_sum[o]) * w.scale[o] * xs[t] + w.bias[o];
    }
  }
#endif
}

void linear(const LinearView& w, const Rows& x, Rows& y) {
  if (w.q) {
    linear_int8(w, x, y);
    return;
  }
  const ConstRowsMap weight(w.weight, w.out, w.in);
  y.resize(x.rows(), w.out);
  y.noalias() = x * weight.transpose();
  y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(w.bias, w.out);
}

void layer_norm(Rows& x, const float* gamma, const float* beta, float eps) {
  const Index h = x.cols();
  const Eigen::Map<const Eigen::RowVectorXf> g(gamma, h), b(beta, h);
  for (Index t = 0; t < x.rows(); ++t) {
    auto row = x.row(t);
    const float mean = row.mean();
    row.array() -= mean;
    const float var = row.squaredNorm() / static_cast<float>(h);
    row = (row * (1.0f / std::sqrt(var + eps))).cwiseProduct(g) + b;
  }
}

// GELU with erf, as BERT's "gelu".
void gelu(Rows& x) {
  auto a = x.array();
  a = 0.5f * a * (1.0f + (a * 0.70710678118654752f).erf());
}

}  // namespace

void SYNOPSIS_FORWARD_NAME(const ModelView& m, const std::int32_t* ids, const std::size_t* offsets, std::size_t n,
                           float* out) {
  const Index tokens = static_cast<Index>(offsets[n]);
  const int h = m.hidden;
  const int heads = m.heads;
  const int d = h / heads;
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  Rows x(tokens, h);
  for (std::size_t s = 0; s < n; ++s) {
    for (std::size_t t = offsets[s]; t < offsets[s + 1]; ++t) {
      const Index p = static_cast<Index>(t - offsets[s]);
      x.row(static_cast<Index>(t)) = Eigen::Map<const Eigen::RowVectorXf>(m.word + static_cast<std::size_t>(ids[t]) * h, h) +
                                     Eigen::Map<const Eigen::RowVectorXf>(m.position + p * h, h) +
                                     Eigen::Map<const Eigen::RowVectorXf>(m.token_type, h);
    }
  }
  layer_norm(x, m.norm_gamma, m.norm_beta, m.norm_eps);

  Rows qkv, context(tokens, h), projected, inner;
  Rows scores;
  for (int l = 0; l < m.layers; ++l) {
    const LayerView& layer = m.layer[l];
    linear(layer.qkv, x, qkv);
    for (std::size_t s = 0; s < n; ++s) {
      const Index begin = static_cast<Index>(offsets[s]);
      const Index len = static_cast<Index>(offsets[s + 1] - offsets[s]);
      for (int head = 0; head < heads; ++head) {
        const auto q = qkv.block(begin, head * d, len, d);
        const auto k = qkv.block(begin, h + head * d, len, d);
        const auto v = qkv.block(begin, 2 * h + head * d, len, d);
        scores.resize(len, len);
        scores.noalias() = (q * k.transpose()) * scale;
        for (Index i = 0; i < len; ++i) {
          auto row = scores.row(i).array();
          row = (row - row.maxCoeff()).exp();
          row /= row.sum();
        }
        context.block(begin, head * d, len, d).noalias() = scores * v;
      }
    }
    linear(layer.attention_out, context, projected);
    x += projected;
    layer_norm(x, layer.attention_norm_gamma, layer.attention_norm_beta, m.norm_eps);
    linear(layer.ffn_in, x, inner);
    gelu(inner);
    linear(layer.ffn_out, inner, projected);
    x += projected;
    layer_norm(x, layer.output_norm_gamma, layer.output_norm_beta, m.norm_eps);
  }
  Eigen::Map<Rows>(out, tokens, h) = x;
}

}  // namespace synopsis::transformer_detail
