#include "synopsis/json.hpp"
#include "synopsis/unicode.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <unordered_map>

namespace synopsis {

namespace {

[[noreturn]] void kind_error(const char* what, const char* expected) {
  throw std::invalid_argument(std::string(what) + " must be " + expected);
}

}  // namespace

class JsonParser {
 public:
  explicit JsonParser(std::string_view text) : s_(text) {}

  JsonValue document() {
    JsonValue v = value(0);
    skip_space();
    if (pos_ != s_.size()) fail("unexpected text after the JSON value");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& why) const {
    throw std::invalid_argument("invalid JSON at byte " + std::to_string(pos_) + ": " + why);
  }
  void skip_space() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) ++pos_;
  }
  bool consume(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  JsonValue value(int depth) {
    if (depth >= kMaxJsonDepth) fail("nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
    skip_space();
    if (pos_ >= s_.size()) fail("unexpected end of text");
    JsonValue v;
    const char c = s_[pos_];
    if (c == '{') {
      v.kind_ = JsonValue::Kind::object;
      ++pos_;
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == '}') {
        ++pos_;
        return v;
      }
      std::unordered_map<std::string, std::size_t> seen;
      for (;;) {
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != '"') fail("expected a string key");
        std::string key = string();
        skip_space();
        if (pos_ >= s_.size() || s_[pos_] != ':') fail("expected ':'");
        ++pos_;
        JsonValue member = value(depth + 1);
        auto found = seen.find(key);
        if (found != seen.end()) {
          v.object_[found->second].second = std::move(member);
        } else {
          seen.emplace(key, v.object_.size());
          v.object_.emplace_back(std::move(key), std::move(member));
        }
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == '}') {
          ++pos_;
          return v;
        }
        fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.kind_ = JsonValue::Kind::array;
      ++pos_;
      skip_space();
      if (pos_ < s_.size() && s_[pos_] == ']') {
        ++pos_;
        return v;
      }
      for (;;) {
        v.array_.push_back(value(depth + 1));
        skip_space();
        if (pos_ < s_.size() && s_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (pos_ < s_.size() && s_[pos_] == ']') {
          ++pos_;
          return v;
        }
        fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.kind_ = JsonValue::Kind::string;
      v.string_ = string();
      return v;
    }
    if (consume("true")) {
      v.kind_ = JsonValue::Kind::boolean;
      v.boolean_ = true;
      return v;
    }
    if (consume("false")) {
      v.kind_ = JsonValue::Kind::boolean;
      return v;
    }
    if (consume("null")) return v;
    if (c == '-' || (c >= '0' && c <= '9')) {
      v.kind_ = JsonValue::Kind::number;
      v.number_ = number();
      return v;
    }
    fail("unexpected character");
  }

  double number() {
    const std::size_t start = pos_;
    auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (digits() == 0) {
      fail("a number needs digits");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (digits() == 0) fail("a fraction needs digits");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (digits() == 0) fail("an exponent needs digits");
    }
    const std::string text(s_.substr(start, pos_ - start));
    return std::strtod(text.c_str(), nullptr);  // the grammar above is a subset of strtod's
  }

  unsigned hex4() {
    if (pos_ + 4 > s_.size()) fail("\\u needs four hex digits");
    unsigned u = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = s_[pos_++];
      u <<= 4;
      if (h >= '0' && h <= '9') u |= static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f') u |= static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') u |= static_cast<unsigned>(h - 'A' + 10);
      else fail("\\u needs four hex digits");
    }
    return u;
  }

  // Also checks that the raw bytes are valid UTF-8, so every string handed on is.
  std::string string() {
    ++pos_;  // the opening quote
    std::string out;
    for (;;) {
      if (pos_ >= s_.size()) fail("unterminated string");
      const unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (c < 0x20) fail("control character in a string");
      if (c == '\\') {
        ++pos_;
        if (pos_ >= s_.size()) fail("unterminated escape");
        const char e = s_[pos_++];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            char32_t u = hex4();
            if (u >= 0xD800 && u <= 0xDBFF) {
              if (!consume("\\u")) fail("a high surrogate must be followed by a low one");
              const unsigned low = hex4();
              if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate must be followed by a low one");
              u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            } else if (u >= 0xDC00 && u <= 0xDFFF) {
              fail("lone low surrogate");
            }
            append_utf8(out, u);
            break;
          }
          default: fail("unknown escape");
        }
        continue;
      }
      if (c < 0x80) {
        out += static_cast<char>(c);
        ++pos_;
        continue;
      }
      // A multi-byte UTF-8 sequence: lead byte, continuation bytes, no overlongs or surrogates.
      int len = 0;
      char32_t cp = 0;
      if (c >= 0xC2 && c <= 0xDF) len = 2, cp = c & 0x1F;
      else if (c >= 0xE0 && c <= 0xEF) len = 3, cp = c & 0x0F;
      else if (c >= 0xF0 && c <= 0xF4) len = 4, cp = c & 0x07;
      else fail("invalid UTF-8");
      if (pos_ + static_cast<std::size_t>(len) > s_.size()) fail("invalid UTF-8");
      for (int i = 1; i < len; ++i) {
        const unsigned char b = static_cast<unsigned char>(s_[pos_ + static_cast<std::size_t>(i)]);
        if ((b & 0xC0) != 0x80) fail("invalid UTF-8");
        cp = (cp << 6) | (b & 0x3F);
      }
      if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        fail("invalid UTF-8");
      out.append(s_.substr(pos_, static_cast<std::size_t>(len)));
      pos_ += static_cast<std::size_t>(len);
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

JsonValue JsonValue::parse(std::string_view text) { return JsonParser(text).document(); }

bool JsonValue::as_bool(const char* what) const {
  if (kind_ != Kind::boolean) kind_error(what, "true or false");
  return boolean_;
}

double JsonValue::as_number(const char* what) const {
  if (kind_ != Kind::number) kind_error(what, "a number");
  return number_;
}

long long JsonValue::as_integer(const char* what, long long lo, long long hi) const {
  const double v = as_number(what);
  if (!(v >= static_cast<double>(lo) && v <= static_cast<double>(hi)) || std::floor(v) != v)
    throw std::invalid_argument(std::string(what) + " must be a whole number in [" + std::to_string(lo) + ", " +
                                std::to_string(hi) + "]");
  return static_cast<long long>(v);
}

const std::string& JsonValue::as_string(const char* what) const {
  if (kind_ != Kind::string) kind_error(what, "a string");
  return string_;
}

const std::vector<JsonValue>& JsonValue::as_array(const char* what) const {
  if (kind_ != Kind::array) kind_error(what, "an array");
  return array_;
}

const std::vector<std::pair<std::string, JsonValue>>& JsonValue::as_object(const char* what) const {
  if (kind_ != Kind::object) kind_error(what, "an object");
  return object_;
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (kind_ != Kind::object) return nullptr;
  for (const auto& [k, v] : object_)
    if (k == key) return &v;
  return nullptr;
}

}  // namespace synopsis
