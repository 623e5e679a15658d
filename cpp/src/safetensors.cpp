#include "synopsis/safetensors.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <utility>

#include "synopsis/json.hpp"

namespace synopsis {

namespace {

// The header is JSON text; real files keep it to kilobytes (a few per tensor).
constexpr std::uint64_t kMaxHeaderBytes = 100'000'000;

std::size_t dtype_size(TensorDtype d) {
  switch (d) {
    case TensorDtype::f64:
    case TensorDtype::i64: return 8;
    case TensorDtype::f32:
    case TensorDtype::i32: return 4;
    case TensorDtype::f16:
    case TensorDtype::bf16:
    case TensorDtype::i16: return 2;
    default: return 1;
  }
}

TensorDtype dtype_from(const std::string& name, const std::string& tensor) {
  static const std::pair<const char*, TensorDtype> kNames[] = {
      {"F32", TensorDtype::f32}, {"F16", TensorDtype::f16}, {"BF16", TensorDtype::bf16}, {"F64", TensorDtype::f64},
      {"I64", TensorDtype::i64}, {"I32", TensorDtype::i32}, {"I16", TensorDtype::i16},   {"I8", TensorDtype::i8},
      {"U8", TensorDtype::u8},   {"BOOL", TensorDtype::boolean}};
  for (const auto& [n, d] : kNames)
    if (name == n) return d;
  throw std::invalid_argument("safetensors: tensor '" + tensor + "' has an unknown dtype '" + name + "'");
}

std::uint64_t read_le64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  return v;
}

float half_to_float(std::uint16_t h) {
  const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000) << 16;
  std::uint32_t exponent = (h >> 10) & 0x1F;
  std::uint32_t mantissa = h & 0x3FF;
  std::uint32_t bits;
  if (exponent == 0) {
    if (mantissa == 0) {
      bits = sign;
    } else {  // subnormal: normalise
      exponent = 127 - 15 + 1;
      while (!(mantissa & 0x400)) {
        mantissa <<= 1;
        --exponent;
      }
      mantissa &= 0x3FF;
      bits = sign | (exponent << 23) | (mantissa << 13);
    }
  } else if (exponent == 31) {
    bits = sign | 0x7F800000u | (mantissa << 13);
  } else {
    bits = sign | ((exponent + 127 - 15) << 23) | (mantissa << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

}  // namespace

std::size_t TensorInfo::elements() const {
  std::size_t n = 1;
  for (std::int64_t d : shape) n *= static_cast<std::size_t>(d);
  return n;
}

std::string shape_text(const std::vector<std::int64_t>& shape) {
  std::string s = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

SafetensorsFile SafetensorsFile::read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot open '" + path + "'");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw std::invalid_argument("cannot read '" + path + "'");
  in.seekg(0, std::ios::beg);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) throw std::invalid_argument("cannot read '" + path + "'");
  try {
    return parse(std::move(bytes));
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string(e.what()) + " (in '" + path + "')");
  }
}

SafetensorsFile SafetensorsFile::parse(std::string bytes) {
  if (bytes.size() < 8) throw std::invalid_argument("safetensors: the file is shorter than its 8-byte header length");
  const std::uint64_t header_size = read_le64(bytes.data());
  if (header_size > kMaxHeaderBytes || header_size > bytes.size() - 8)
    throw std::invalid_argument("safetensors: the header length (" + std::to_string(header_size) +
                                " bytes) runs past the end of the file; not a safetensors file?");
  JsonValue header;
  try {
    header = JsonValue::parse(std::string_view(bytes).substr(8, static_cast<std::size_t>(header_size)));
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string("safetensors: the header is not JSON: ") + e.what());
  }
  SafetensorsFile file;
  file.data_offset_ = 8 + static_cast<std::size_t>(header_size);
  const std::size_t data_size = bytes.size() - file.data_offset_;
  std::vector<std::pair<std::size_t, std::size_t>> ranges;
  for (const auto& [name, entry] : header.as_object("safetensors: the header")) {
    if (name == "__metadata__") {
      for (const auto& [k, v] : entry.as_object("safetensors: __metadata__"))
        file.metadata_[k] = v.as_string("safetensors: a __metadata__ value");
      continue;
    }
    const std::string what = "safetensors: tensor '" + name + "'";
    entry.as_object(what.c_str());
    const JsonValue* dtype = entry.find("dtype");
    const JsonValue* shape = entry.find("shape");
    const JsonValue* offsets = entry.find("data_offsets");
    if (!dtype || !shape || !offsets)
      throw std::invalid_argument(what + " needs dtype, shape and data_offsets");
    TensorInfo info;
    info.dtype = dtype_from(dtype->as_string((what + " dtype").c_str()), name);
    std::size_t elements = 1;
    bool overflow = false;
    for (const JsonValue& d : shape->as_array((what + " shape").c_str())) {
      const long long n = d.as_integer((what + " shape entries").c_str(), 0, std::numeric_limits<std::int32_t>::max());
      info.shape.push_back(n);
      if (n && elements > std::numeric_limits<std::size_t>::max() / 16 / static_cast<std::size_t>(n)) overflow = true;
      elements *= static_cast<std::size_t>(n);
    }
    const auto& range = offsets->as_array((what + " data_offsets").c_str());
    if (range.size() != 2) throw std::invalid_argument(what + " data_offsets must be [begin, end]");
    const long long limit = static_cast<long long>(std::min<std::size_t>(data_size, 1ull << 62));
    info.begin = static_cast<std::size_t>(range[0].as_integer((what + " data_offsets").c_str(), 0, limit));
    info.end = static_cast<std::size_t>(range[1].as_integer((what + " data_offsets").c_str(), 0, limit));
    if (info.begin > info.end) throw std::invalid_argument(what + " data_offsets end before they begin");
    if (overflow || elements * dtype_size(info.dtype) != info.end - info.begin)
      throw std::invalid_argument(what + " of shape " + shape_text(info.shape) + " does not fill its " +
                                  std::to_string(info.end - info.begin) + " bytes");
    ranges.emplace_back(info.begin, info.end);
    file.tensors_.emplace(name, std::move(info));
  }
  std::sort(ranges.begin(), ranges.end());
  for (std::size_t i = 1; i < ranges.size(); ++i)
    if (ranges[i].first < ranges[i - 1].second)
      throw std::invalid_argument("safetensors: two tensors share bytes of the data section");
  file.bytes_ = std::move(bytes);
  return file;
}

std::vector<float> SafetensorsFile::floats(const std::string& name, const std::vector<std::int64_t>& shape) const {
  const auto it = tensors_.find(name);
  if (it == tensors_.end()) throw std::invalid_argument("safetensors: the model has no tensor '" + name + "'");
  const TensorInfo& t = it->second;
  if (t.shape != shape)
    throw std::invalid_argument("safetensors: tensor '" + name + "' has shape " + shape_text(t.shape) +
                                ", the config implies " + shape_text(shape));
  const std::size_t n = t.elements();
  const char* p = bytes_.data() + data_offset_ + t.begin;
  std::vector<float> out(n);
  switch (t.dtype) {
    case TensorDtype::f32:
      for (std::size_t i = 0; i < n; ++i) {
        std::uint32_t bits = 0;
        for (int b = 3; b >= 0; --b) bits = (bits << 8) | static_cast<unsigned char>(p[4 * i + static_cast<std::size_t>(b)]);
        std::memcpy(&out[i], &bits, 4);
      }
      break;
    case TensorDtype::f64:
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t bits = read_le64(p + 8 * i);
        double d;
        std::memcpy(&d, &bits, 8);
        out[i] = static_cast<float>(d);
      }
      break;
    case TensorDtype::f16:
    case TensorDtype::bf16:
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint16_t h = static_cast<std::uint16_t>(static_cast<unsigned char>(p[2 * i]) |
                                                           (static_cast<unsigned char>(p[2 * i + 1]) << 8));
        if (t.dtype == TensorDtype::f16) {
          out[i] = half_to_float(h);
        } else {
          const std::uint32_t bits = static_cast<std::uint32_t>(h) << 16;
          std::memcpy(&out[i], &bits, 4);
        }
      }
      break;
    default:
      throw std::invalid_argument("safetensors: tensor '" + name + "' is not floating point");
  }
  return out;
}

}  // namespace synopsis
