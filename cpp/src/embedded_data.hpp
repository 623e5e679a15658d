// Data files compiled into the core by cmake/EmbedData.cmake (private to the library).
#pragma once

#include <string_view>
#include <vector>

namespace synopsis::detail {

// Contents of cpp/data/<name>, or an empty view when there is no such file.
std::string_view embedded_file(std::string_view name);

// All embedded file names, relative to cpp/data.
std::vector<std::string_view> embedded_file_names();

// The entries of cpp/data/<name>: its lines trimmed of ASCII whitespace, without blank
// lines and '#' comments; empty when there is no such file. Every data file is read
// through this, so all lists follow one format.
std::vector<std::string_view> embedded_lines(std::string_view name);

}  // namespace synopsis::detail
