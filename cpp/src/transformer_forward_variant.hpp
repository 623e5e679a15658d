// The body of the BERT forward pass, included by one .cpp file per instruction set with
// SYNOPSIS_FORWARD_NAME set to the function's name. The variants differ only in compiler
// flags, so Eigen's templates would be instantiated once per flag set under the same names;
// each variant therefore renames Eigen's namespace (the including file defines `Eigen`
// before including this), and everything else here has internal linkage, so no code
// compiled for one instruction set can be linked into another's calls.
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__AVX512F__) || defined(__AVX2__)
#include <immintrin.h>
#endif
#if defined(__AVX512F__) && defined(__AVX512VNNI__) && defined(__AVX512BW__)
#define SYNOPSIS_FORWARD_VNNI 1
#elif defined(__AVX2__) && defined(__AVXVNNI__)
#define SYNOPSIS_FORWARD_AVXVNNI 1
#elif defined(__AVX2__)
#define SYNOPSIS_FORWARD_AVX2_INT8 1
#endif

#include "transformer_forward.hpp"

namespace synopsis::transformer_detail {

namespace {

using Rows = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowsMap = Eigen::Map<Rows>;
using ConstRowsMap = Eigen::Map<const Rows>;

// Where linear_int8 quantises its input: one byte per input value (and the same widened to 16
// bits for the AVX2 tile), and per token its step and its minimum (room for the widest input of
// the model).
struct QuantBuffers {
  std::uint8_t* xq = nullptr;
  std::int16_t* x16 = nullptr;
  float* xs = nullptr;
  float* xmin = nullptr;
};
using Index = Eigen::Index;

// The int8 weight layout (packed by the loader): blocks of 16 output rows; within a block,
// groups of 4 inputs, each group holding the 16 rows' 4 bytes in turn (64 bytes, one
// AVX-512 register for VNNI): W[o, k] is at (o / 16) * 16 * in + (k / 4) * 64 + (o % 16) * 4 + k % 4.
#ifdef SYNOPSIS_FORWARD_VNNI
// acc + the products of a's unsigned bytes and w's signed ones, four to a lane (vpdpbusd). With
// the intrinsic, GCC 12 copied every accumulator of the tile below out and back around each
// product (16 register moves for 8 products in the inner loop); the asm form updates in place.
inline __m512i dpbusd(__m512i acc, __m512i a, __m512i w) {
#if defined(__GNUC__) && !defined(__clang__)
  asm("vpdpbusd %2, %1, %0" : "+v"(acc) : "v"(a), "v"(w));
  return acc;
#else
  return _mm512_dpbusd_epi32(acc, a, w);
#endif
}

// Rows [t0, t0 + NT) of y for output blocks [ob, ob + NB) of 16: NT x NB accumulators in
// registers, one weight load per block and one broadcast per row for each group of 4 inputs.
template <int NT, int NB>
inline void vnni_tile(const LinearView& w, const std::uint8_t* xq, const float* xs, const float* xmin, Index t0, int ob,
                      float* y) {
  const int in = w.in, out = w.out;
  __m512i acc[NT][NB];
  for (int r = 0; r < NT; ++r)
    for (int c = 0; c < NB; ++c) acc[r][c] = _mm512_setzero_si512();
  const std::size_t block = 16 * static_cast<std::size_t>(in);
  const std::int8_t* wb = w.q + static_cast<std::size_t>(ob) * block;
  const std::uint8_t* xr = xq + t0 * in;
  for (int g = 0; g < in / 4; ++g) {
    __m512i wv[NB];
    for (int c = 0; c < NB; ++c)
      wv[c] = _mm512_loadu_si512(reinterpret_cast<const void*>(wb + c * block + static_cast<std::size_t>(g) * 64));
    for (int r = 0; r < NT; ++r) {
      std::int32_t a;
      std::memcpy(&a, xr + r * in + 4 * g, 4);
      const __m512i av = _mm512_set1_epi32(a);
      for (int c = 0; c < NB; ++c) acc[r][c] = dpbusd(acc[r][c], av, wv[c]);
    }
  }
  for (int c = 0; c < NB; ++c) {
    const int o = (ob + c) * 16;
    const __m512 ws = _mm512_loadu_ps(w.scale + o);
    const __m512 sums = _mm512_mul_ps(_mm512_cvtepi32_ps(_mm512_loadu_si512(reinterpret_cast<const void*>(w.q_row_sum + o))), ws);
    const __m512 bias = _mm512_loadu_ps(w.bias + o);
    for (int r = 0; r < NT; ++r) {
      const __m512 v = _mm512_mul_ps(_mm512_cvtepi32_ps(acc[r][c]), ws);
      const __m512 shift = _mm512_fmadd_ps(sums, _mm512_set1_ps(xmin[t0 + r]), bias);
      _mm512_storeu_ps(y + (t0 + r) * out + o, _mm512_fmadd_ps(v, _mm512_set1_ps(xs[t0 + r]), shift));
    }
  }
}

template <int NT>
inline void vnni_rows(const LinearView& w, const std::uint8_t* xq, const float* xs, const float* xmin, Index t0, float* y) {
  const int blocks = w.out / 16;
  int ob = 0;
  for (; ob + 2 <= blocks; ob += 2) vnni_tile<NT, 2>(w, xq, xs, xmin, t0, ob, y);
  if (ob < blocks) vnni_tile<NT, 1>(w, xq, xs, xmin, t0, ob, y);
}
#endif

#ifdef SYNOPSIS_FORWARD_AVXVNNI
// acc + the products of a's unsigned bytes and w's signed ones (the VEX vpdpbusd), in place for
// the same reason as the AVX-512 form.
inline __m256i dpbusd(__m256i acc, __m256i a, __m256i w) {
#if defined(__GNUC__) && !defined(__clang__)
  asm("%{vex%} vpdpbusd %2, %1, %0" : "+x"(acc) : "x"(a), "x"(w));
  return acc;
#else
  return _mm256_dpbusd_avx_epi32(acc, a, w);
#endif
}

// The same tile with AVX-VNNI (the 256-bit VEX form of vpdpbusd, on processors with AVX2 but
// no AVX-512): a group's 64 bytes are two registers, rows 0-7 and rows 8-15 of the block, so
// each row of x keeps two accumulators per block and the sums are those of the AVX-512 tile.
template <int NT>
inline void avxvnni_tile(const LinearView& w, const std::uint8_t* xq, const float* xs, const float* xmin, Index t0, int ob,
                         float* y) {
  const int in = w.in, out = w.out;
  __m256i acc[NT][2];
  for (int r = 0; r < NT; ++r) acc[r][0] = acc[r][1] = _mm256_setzero_si256();
  const std::int8_t* wb = w.q + static_cast<std::size_t>(ob) * 16 * static_cast<std::size_t>(in);
  const std::uint8_t* xr = xq + t0 * in;
  for (int g = 0; g < in / 4; ++g) {
    const __m256i w0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(wb + static_cast<std::size_t>(g) * 64));
    const __m256i w1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(wb + static_cast<std::size_t>(g) * 64 + 32));
    for (int r = 0; r < NT; ++r) {
      std::int32_t a;
      std::memcpy(&a, xr + r * in + 4 * g, 4);
      const __m256i av = _mm256_set1_epi32(a);
      acc[r][0] = dpbusd(acc[r][0], av, w0);
      acc[r][1] = dpbusd(acc[r][1], av, w1);
    }
  }
  for (int half = 0; half < 2; ++half) {
    const int o = ob * 16 + 8 * half;
    const __m256 ws = _mm256_loadu_ps(w.scale + o);
    const __m256 sums = _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(w.q_row_sum + o))), ws);
    const __m256 bias = _mm256_loadu_ps(w.bias + o);
    for (int r = 0; r < NT; ++r) {
      const __m256 v = _mm256_mul_ps(_mm256_cvtepi32_ps(acc[r][half]), ws);
      const __m256 shift = _mm256_fmadd_ps(sums, _mm256_set1_ps(xmin[t0 + r]), bias);
      _mm256_storeu_ps(y + (t0 + r) * out + o, _mm256_fmadd_ps(v, _mm256_set1_ps(xs[t0 + r]), shift));
    }
  }
}
#endif

#ifdef SYNOPSIS_FORWARD_AVX2_INT8
// Rows [t0, t0 + NT) of y for one block of 16 outputs with AVX2: bytes widened to 16 bits and
// multiplied in pairs (vpmaddwd). Each group of 4 inputs is four registers of 4 rows x 4
// inputs; the activations' 4 bytes repeat across a register; every product pair lands in an
// int32 lane, and the two lanes of a row are added at the end.
template <int NT>
inline void avx2_tile(const LinearView& w, const std::int16_t* x16, const float* xs, const float* xmin, Index t0, int ob,
                      float* y) {
  const int in = w.in, out = w.out;
  __m256i acc[NT][4];
  for (int r = 0; r < NT; ++r)
    for (int q = 0; q < 4; ++q) acc[r][q] = _mm256_setzero_si256();
  const std::int8_t* wb = w.q + static_cast<std::size_t>(ob) * 16 * static_cast<std::size_t>(in);
  for (int g = 0; g < in / 4; ++g) {
    __m256i wv[4];
    for (int q = 0; q < 4; ++q)
      wv[q] = _mm256_cvtepi8_epi16(
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(wb + static_cast<std::size_t>(g) * 64 + 16 * q)));
    for (int r = 0; r < NT; ++r) {
      long long four;
      std::memcpy(&four, x16 + (t0 + r) * in + 4 * g, 8);
      const __m256i av = _mm256_set1_epi64x(four);
      for (int q = 0; q < 4; ++q) acc[r][q] = _mm256_add_epi32(acc[r][q], _mm256_madd_epi16(wv[q], av));
    }
  }
  for (int r = 0; r < NT; ++r) {
    alignas(32) std::int32_t lanes[4][8];
    for (int q = 0; q < 4; ++q) _mm256_store_si256(reinterpret_cast<__m256i*>(lanes[q]), acc[r][q]);
    float* yr = y + (t0 + r) * out + ob * 16;
    for (int q = 0; q < 4; ++q) {
      for (int j = 0; j < 4; ++j) {
        const int o = ob * 16 + 4 * q + j;
        const std::int32_t sum = lanes[q][2 * j] + lanes[q][2 * j + 1];
        yr[4 * q + j] = w.scale[o] * (xs[t0 + r] * static_cast<float>(sum) + xmin[t0 + r] * static_cast<float>(w.q_row_sum[o])) +
                        w.bias[o];
      }
    }
  }
}
#endif

#ifdef __AVX512F__
// Rows [t0, t0 + NT) of y for output panels [p, p + NP) of 16 (weights in panels, see
// transformer_forward.hpp): NT x NP accumulators start at the bias and take, for each input,
// one weight register per panel and one broadcast of x per row. The weights are packed once, at
// load; Eigen's general product repacks both operands on every call, and at the model's shapes
// on Zen 4 ran about a tenth slower than this, which is near a tuned BLAS's rate there.
// The loops over rows and panels are unrolled by pragma (here and in the AVX2 tile): left to
// GCC 12, the sums of a tile lived on the stack and were stored after every input.
template <int NT, int NP>
inline void panel_tile(const LinearView& w, const float* x, Index t0, int p, float* y) {
  const int in = w.in, out = w.out;
  __m512 acc[NT][NP];
  #pragma GCC unroll 16
  for (int c = 0; c < NP; ++c) {
    const __m512 b = _mm512_loadu_ps(w.bias + (p + c) * 16);
    #pragma GCC unroll 16
    for (int r = 0; r < NT; ++r) acc[r][c] = b;
  }
  const std::size_t panel = 16 * static_cast<std::size_t>(in);
  const float* wp = w.weight + static_cast<std::size_t>(p) * panel;
  const float* xr = x + t0 * in;
  for (int k = 0; k < in; ++k) {
    __m512 wv[NP];
    #pragma GCC unroll 16
    for (int c = 0; c < NP; ++c) wv[c] = _mm512_loadu_ps(wp + c * panel + static_cast<std::size_t>(k) * 16);
    #pragma GCC unroll 16
    for (int r = 0; r < NT; ++r) {
      const __m512 xv = _mm512_set1_ps(xr[static_cast<std::size_t>(r) * in + k]);
      #pragma GCC unroll 16
      for (int c = 0; c < NP; ++c) acc[r][c] = _mm512_fmadd_ps(xv, wv[c], acc[r][c]);
    }
  }
  #pragma GCC unroll 16
  for (int r = 0; r < NT; ++r)
    #pragma GCC unroll 16
    for (int c = 0; c < NP; ++c) _mm512_storeu_ps(y + (t0 + r) * out + (p + c) * 16, acc[r][c]);
}

// Every row of y for panels [p, p + NP): 12 rows at a time (24 of the 32 registers hold sums
// when NP is 2), then 4, then 1.
template <int NP>
inline void panel_rows(const LinearView& w, const float* x, Index rows, int p, float* y) {
  Index t0 = 0;
  for (; t0 + 12 <= rows; t0 += 12) panel_tile<12, NP>(w, x, t0, p, y);
  for (; t0 + 4 <= rows; t0 += 4) panel_tile<4, NP>(w, x, t0, p, y);
  for (; t0 < rows; ++t0) panel_tile<1, NP>(w, x, t0, p, y);
}
#elif defined(__AVX2__) && defined(__FMA__)
// The same with 256-bit registers: one panel is two registers, so 6 rows take 12 of the 16.
template <int NT>
inline void panel_tile_avx2(const LinearView& w, const float* x, Index t0, int p, float* y) {
  const int in = w.in, out = w.out;
  __m256 acc[NT][2];
  const __m256 b0 = _mm256_loadu_ps(w.bias + p * 16), b1 = _mm256_loadu_ps(w.bias + p * 16 + 8);
  #pragma GCC unroll 16
  for (int r = 0; r < NT; ++r) {
    acc[r][0] = b0;
    acc[r][1] = b1;
  }
  const float* wp = w.weight + static_cast<std::size_t>(p) * 16 * static_cast<std::size_t>(in);
  const float* xr = x + t0 * in;
  for (int k = 0; k < in; ++k) {
    const __m256 w0 = _mm256_loadu_ps(wp + static_cast<std::size_t>(k) * 16);
    const __m256 w1 = _mm256_loadu_ps(wp + static_cast<std::size_t>(k) * 16 + 8);
    #pragma GCC unroll 16
    for (int r = 0; r < NT; ++r) {
      const __m256 xv = _mm256_broadcast_ss(xr + static_cast<std::size_t>(r) * in + k);
      acc[r][0] = _mm256_fmadd_ps(xv, w0, acc[r][0]);
      acc[r][1] = _mm256_fmadd_ps(xv, w1, acc[r][1]);
    }
  }
  #pragma GCC unroll 16
  for (int r = 0; r < NT; ++r) {
    _mm256_storeu_ps(y + (t0 + r) * out + p * 16, acc[r][0]);
    _mm256_storeu_ps(y + (t0 + r) * out + p * 16 + 8, acc[r][1]);
  }
}
#endif

// y = x W^T + b with W in panels of 16 outputs; a panel (or two) at a time, each pass over every
// row of x, so the panels (16 x in floats each) stay in cache while x streams by.
void linear_panels(const LinearView& w, const RowsMap& x, RowsMap& y) {
  const int panels = w.out / 16;
  const Index rows = x.rows();
#ifdef __AVX512F__
  int p = 0;
  for (; p + 2 <= panels; p += 2) panel_rows<2>(w, x.data(), rows, p, y.data());
  if (p < panels) panel_rows<1>(w, x.data(), rows, p, y.data());
#elif defined(__AVX2__) && defined(__FMA__)
  for (int p = 0; p < panels; ++p) {
    Index t0 = 0;
    for (; t0 + 6 <= rows; t0 += 6) panel_tile_avx2<6>(w, x.data(), t0, p, y.data());
    for (; t0 < rows; ++t0) panel_tile_avx2<1>(w, x.data(), t0, p, y.data());
  }
#else
  // Only the AVX2 and AVX-512 variants are given panels (transformer_model.cpp); kept correct regardless.
  const std::size_t in = static_cast<std::size_t>(w.in);
  for (Index t = 0; t < x.rows(); ++t)
    for (int o = 0; o < w.out; ++o) {
      const float* wp = w.weight + static_cast<std::size_t>(o / 16) * 16 * in + static_cast<std::size_t>(o % 16);
      float sum = w.bias[o];
      for (std::size_t k = 0; k < in; ++k) sum += x(t, static_cast<Index>(k)) * wp[16 * k];
      y(t, o) = sum;
    }
  (void)panels;
  (void)rows;
#endif
}

// q[k] = round((v[k] - lo) * inv), at most 255: a loop the compiler vectorises (the byte
// stores could alias the floats were the pointers not restrict).
inline void quantize_row(const float* __restrict v, int n, float lo, float inv, std::uint8_t* __restrict q) {
  for (int k = 0; k < n; ++k) {
    const float f = (v[k] - lo) * inv + 0.5f;  // in [0.5, 255.5]
    q[k] = static_cast<std::uint8_t>(f < 255.0f ? f : 255.0f);
  }
}

// y = x W^T + b over int8: each row of x quantised to unsigned bytes over its own range
// [min, max] (x ~ min + scale * q), weights int8 per output row; products summed in int32,
// so y = wscale * (scale * sum q w + min * sum w) + b.
void linear_int8(const LinearView& w, const RowsMap& x, RowsMap& y, const QuantBuffers& buffers) {
  const Index rows = x.rows();
  const int in = w.in;
  Eigen::Map<Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> xq(buffers.xq, rows, in);
  Eigen::Map<Eigen::VectorXf> xs(buffers.xs, rows), xmin(buffers.xmin, rows);
  for (Index t = 0; t < rows; ++t) {
    const float lo = x.row(t).minCoeff(), hi = x.row(t).maxCoeff();
    const float s = hi > lo ? (hi - lo) / 255.0f : 1.0f;
    xs[t] = s;
    xmin[t] = lo;
    quantize_row(x.row(t).data(), in, lo, 1.0f / s, xq.row(t).data());
  }
#if defined(SYNOPSIS_FORWARD_VNNI)
  Index t0 = 0;
  for (; t0 + 4 <= rows; t0 += 4) vnni_rows<4>(w, xq.data(), xs.data(), xmin.data(), t0, y.data());
  for (; t0 < rows; ++t0) vnni_rows<1>(w, xq.data(), xs.data(), xmin.data(), t0, y.data());
#elif defined(SYNOPSIS_FORWARD_AVXVNNI)
  for (int ob = 0; ob < w.out / 16; ++ob) {
    Index t0 = 0;
    for (; t0 + 4 <= rows; t0 += 4) avxvnni_tile<4>(w, xq.data(), xs.data(), xmin.data(), t0, ob, y.data());
    for (; t0 < rows; ++t0) avxvnni_tile<1>(w, xq.data(), xs.data(), xmin.data(), t0, ob, y.data());
  }
#elif defined(SYNOPSIS_FORWARD_AVX2_INT8)
  Eigen::Map<Eigen::Matrix<std::int16_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> x16(buffers.x16, rows, in);
  x16 = xq.template cast<std::int16_t>();
  for (int ob = 0; ob < w.out / 16; ++ob) {
    Index t0 = 0;
    for (; t0 + 2 <= rows; t0 += 2) avx2_tile<2>(w, x16.data(), xs.data(), xmin.data(), t0, ob, y.data());
    for (; t0 < rows; ++t0) avx2_tile<1>(w, x16.data(), xs.data(), xmin.data(), t0, ob, y.data());
  }
#else
  for (Index t = 0; t < rows; ++t) {
    for (int o = 0; o < w.out; ++o) {
      const std::int8_t* wb = w.q + static_cast<std::size_t>(o / 16) * 16 * static_cast<std::size_t>(in) +
                              static_cast<std::size_t>(o % 16) * 4;
      std::int32_t acc = 0;
      for (int g = 0; g < in / 4; ++g)
        for (int j = 0; j < 4; ++j)
          acc += static_cast<std::int32_t>(xq(t, 4 * g + j)) * wb[static_cast<std::size_t>(g) * 64 + static_cast<std::size_t>(j)];
      y(t, o) = w.scale[o] * (xs[t] * static_cast<float>(acc) + xmin[t] * static_cast<float>(w.q_row_sum[o])) + w.bias[o];
    }
  }
#endif
}

// y (x.rows() x w.out, given) = x W^T + b.
void linear(const LinearView& w, const RowsMap& x, RowsMap& y, const QuantBuffers& buffers) {
  if (w.q) {
    linear_int8(w, x, y, buffers);
    return;
  }
  if (w.panels) {
    linear_panels(w, x, y);
    return;
  }
  const ConstRowsMap weight(w.weight, w.out, w.in);
  y.noalias() = x * weight.transpose();
  y.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(w.bias, w.out);
}

void layer_norm(RowsMap& x, const float* gamma, const float* beta, float eps) {
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
void gelu(RowsMap& x) {
  auto a = x.array();
  a = 0.5f * a * (1.0f + (a * 0.70710678118654752f).erf());
}

}  // namespace

void SYNOPSIS_FORWARD_NAME(const ModelView& m, const std::int32_t* ids, const std::size_t* offsets, std::size_t n,
                           float* scratch, float* out) {
  const Index tokens = static_cast<Index>(offsets[n]);
  const int h = m.hidden;
  const int heads = m.heads;
  const int d = h / heads;
  const float scale = 1.0f / std::sqrt(static_cast<float>(d));
  std::size_t longest = 0;
  for (std::size_t s = 0; s < n; ++s) longest = std::max(longest, offsets[s + 1] - offsets[s]);
  const ScratchLayout layout = scratch_layout(m, static_cast<std::size_t>(tokens), longest);
  RowsMap x(scratch + layout.x, tokens, h), qkv(scratch + layout.qkv, tokens, 3 * h),
      context(scratch + layout.context, tokens, h), projected(scratch + layout.projected, tokens, h),
      inner(scratch + layout.inner, tokens, layout.inner_width);
  const QuantBuffers quant{reinterpret_cast<std::uint8_t*>(scratch + layout.quantized),
                           reinterpret_cast<std::int16_t*>(scratch + layout.widened), scratch + layout.steps,
                           scratch + layout.minima};
  for (std::size_t s = 0; s < n; ++s) {
    for (std::size_t t = offsets[s]; t < offsets[s + 1]; ++t) {
      const Index p = static_cast<Index>(t - offsets[s]);
      x.row(static_cast<Index>(t)) = Eigen::Map<const Eigen::RowVectorXf>(m.word + static_cast<std::size_t>(ids[t]) * h, h) +
                                     Eigen::Map<const Eigen::RowVectorXf>(m.position + p * h, h) +
                                     Eigen::Map<const Eigen::RowVectorXf>(m.token_type, h);
    }
  }
  layer_norm(x, m.norm_gamma, m.norm_beta, m.norm_eps);

  for (int l = 0; l < m.layers; ++l) {
    const LayerView& layer = m.layer[l];
    linear(layer.qkv, x, qkv, quant);
    for (std::size_t s = 0; s < n; ++s) {
      const Index begin = static_cast<Index>(offsets[s]);
      const Index len = static_cast<Index>(offsets[s + 1] - offsets[s]);
      for (int head = 0; head < heads; ++head) {
        const auto q = qkv.block(begin, head * d, len, d);
        const auto k = qkv.block(begin, h + head * d, len, d);
        const auto v = qkv.block(begin, 2 * h + head * d, len, d);
        RowsMap scores(scratch + layout.scores, len, len);
        scores.noalias() = (q * k.transpose()) * scale;
        for (Index i = 0; i < len; ++i) {
          auto row = scores.row(i).array();
          row = (row - row.maxCoeff()).exp();
          row /= row.sum();
        }
        context.block(begin, head * d, len, d).noalias() = scores * v;
      }
    }
    linear(layer.attention_out, context, projected, quant);
    x += projected;
    layer_norm(x, layer.attention_norm_gamma, layer.attention_norm_beta, m.norm_eps);
    linear(layer.ffn_in, x, inner, quant);
    gelu(inner);
    linear(layer.ffn_out, inner, projected, quant);
    x += projected;
    layer_norm(x, layer.output_norm_gamma, layer.output_norm_beta, m.norm_eps);
  }
  Eigen::Map<Rows>(out, tokens, h) = x;
}

}  // namespace synopsis::transformer_detail
