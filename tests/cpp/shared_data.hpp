// The data sets in ../shared/data beside the checkout, for the tests that need real text.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace synopsis::test_data {

// The file's bytes, or nothing when ../shared/data is absent. CI always has the data, so
// there (CI=true) its absence is a failure; elsewhere the caller skips.
inline std::optional<std::string> shared_text(const std::string& relative) {
  const std::string path = std::string(SYNOPSIS_SHARED_DATA) + "/" + relative;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string(ci) == "true") ADD_FAILURE() << path << " is missing";
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace synopsis::test_data
