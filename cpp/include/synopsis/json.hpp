// A small JSON reader for the files a model folder holds (config.json, tokenizer.json,
// safetensors headers). Strict RFC 8259: anything else, and nesting deeper than
// kMaxJsonDepth, throws std::invalid_argument naming the byte offset.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace synopsis {

constexpr int kMaxJsonDepth = 64;

class JsonValue {
 public:
  enum class Kind { null, boolean, number, string, array, object };

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::null; }
  bool is_bool() const { return kind_ == Kind::boolean; }
  bool is_number() const { return kind_ == Kind::number; }
  bool is_string() const { return kind_ == Kind::string; }
  bool is_array() const { return kind_ == Kind::array; }
  bool is_object() const { return kind_ == Kind::object; }

  // Accessors throw std::invalid_argument (naming `what`) when the kind differs.
  bool as_bool(const char* what) const;
  double as_number(const char* what) const;
  // A number that is a whole value in [lo, hi].
  long long as_integer(const char* what, long long lo, long long hi) const;
  const std::string& as_string(const char* what) const;
  const std::vector<JsonValue>& as_array(const char* what) const;
  // Members in the order of the text (a repeated key keeps its last value, as most readers do).
  const std::vector<std::pair<std::string, JsonValue>>& as_object(const char* what) const;

  // The member named key of an object, or nullptr (also when this is not an object).
  const JsonValue* find(std::string_view key) const;

  static JsonValue parse(std::string_view text);

 private:
  friend class JsonParser;
  Kind kind_ = Kind::null;
  bool boolean_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<JsonValue> array_;
  std::vector<std::pair<std::string, JsonValue>> object_;
};

}  // namespace synopsis
