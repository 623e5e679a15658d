// A reader for the safetensors format (8-byte little-endian header length, a JSON header
// naming each tensor's dtype, shape and byte range, then the raw little-endian data).
// Everything is validated before use: the header's size and JSON, each dtype, that shape x
// element size equals the byte range, that every range lies inside the data and that ranges
// do not overlap. A file that breaks any of these throws std::invalid_argument.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace synopsis {

enum class TensorDtype { f32, f16, bf16, f64, i64, i32, i16, i8, u8, boolean };

struct TensorInfo {
  TensorDtype dtype = TensorDtype::f32;
  std::vector<std::int64_t> shape;
  std::size_t begin = 0;  // byte range inside the data section
  std::size_t end = 0;
  std::size_t elements() const;
};

class SafetensorsFile {
 public:
  // Takes the whole file's bytes.
  static SafetensorsFile parse(std::string bytes);
  static SafetensorsFile read(const std::string& path);

  bool contains(const std::string& name) const { return tensors_.count(name) != 0; }
  const std::map<std::string, TensorInfo>& tensors() const { return tensors_; }
  const std::map<std::string, std::string>& metadata() const { return metadata_; }

  // The tensor as float32, row-major, after checking that its shape is `shape`. F32, F16,
  // BF16 and F64 convert; other dtypes, a missing name or another shape throw
  // std::invalid_argument naming the tensor.
  std::vector<float> floats(const std::string& name, const std::vector<std::int64_t>& shape) const;

 private:
  std::string bytes_;
  std::size_t data_offset_ = 0;
  std::map<std::string, TensorInfo> tensors_;
  std::map<std::string, std::string> metadata_;
};

std::string shape_text(const std::vector<std::int64_t>& shape);

}  // namespace synopsis
