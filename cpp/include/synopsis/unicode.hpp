// UTF-8 validation and offset conversion shared by the core and its bindings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace synopsis {

// Returns the byte offset of the first invalid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos when valid.
std::size_t find_invalid_utf8(std::string_view text);

// Copies text, replacing each maximal invalid subsequence by U+FFFD.
std::string replace_invalid_utf8(std::string_view text);

// Appends the UTF-8 encoding of c, a Unicode scalar value (at most U+10FFFF, not a surrogate).
void append_utf8(std::string& out, char32_t c);

// Number of code points in text[0, byte_offset); byte_offset must be a boundary.
std::size_t count_code_points(std::string_view text);

}  // namespace synopsis
