// Class labels of the stance classifier: all strings or all integers.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "synopsis/classifier.hpp"
#include "synopsis/unicode.hpp"

namespace synopsis {

namespace {

template <typename T>
std::vector<T> sorted_unique(std::vector<T> values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

template <typename T>
void require_distinct(const std::vector<T>& values) {
  if (sorted_unique(values).size() != values.size()) throw std::invalid_argument("class labels must be distinct");
}

// Class index of each label by binary search when the classes are sorted (what fit makes),
// else by a linear scan (a version-1 file may hold any order).
template <typename T, typename Text>
std::vector<int> indices_in(const std::vector<T>& classes, const std::vector<T>& labels, Text&& text) {
  const bool sorted = std::is_sorted(classes.begin(), classes.end());
  std::vector<int> out;
  out.reserve(labels.size());
  for (const T& label : labels) {
    auto it = sorted ? std::lower_bound(classes.begin(), classes.end(), label)
                     : std::find(classes.begin(), classes.end(), label);
    if (it == classes.end() || !(*it == label))
      throw std::invalid_argument("label '" + text(label) + "' is not one of the model's classes");
    out.push_back(static_cast<int>(it - classes.begin()));
  }
  return out;
}

}  // namespace

std::vector<std::string> lowercase_labels(const std::vector<std::string>& labels) {
  std::vector<std::string> out;
  out.reserve(labels.size());
  std::map<std::string, std::string> first;  // lowercase form -> the first label that gave it
  std::map<std::string, std::string, std::less<>> cache;
  for (const std::string& label : labels) {
    auto it = cache.find(label);
    if (it == cache.end()) {
      std::string lower;
      icu::UnicodeString::fromUTF8(label).toLower(icu::Locale::getRoot()).toUTF8String(lower);
      auto [seen, inserted] = first.emplace(lower, label);
      if (!inserted && seen->second != label)
        throw std::invalid_argument("labels '" + replace_invalid_utf8(seen->second) + "' and '" +
                                    replace_invalid_utf8(label) +
                                    "' differ only in case: string labels are case-insensitive (they come back "
                                    "lowercase)");
      it = cache.emplace(label, std::move(lower)).first;
    }
    out.push_back(it->second);
  }
  return out;
}

ClassLabels ClassLabels::sorted_distinct(std::vector<std::string> labels) {
  return in_order(sorted_unique(std::move(labels)));
}

ClassLabels ClassLabels::sorted_distinct(std::vector<std::int64_t> labels) {
  return in_order(sorted_unique(std::move(labels)));
}

ClassLabels ClassLabels::in_order(std::vector<std::string> labels) {
  require_distinct(labels);
  return ClassLabels(Kind::string, std::move(labels), {});
}

ClassLabels ClassLabels::in_order(std::vector<std::int64_t> labels) {
  require_distinct(labels);
  return ClassLabels(Kind::integer, {}, std::move(labels));
}

std::vector<int> ClassLabels::indices_of(const std::vector<std::string>& labels) const {
  if (kind_ != Kind::string) throw std::invalid_argument("the classes are integers, the labels strings");
  return indices_in(strings_, labels, [](const std::string& s) { return replace_invalid_utf8(s); });
}

std::vector<int> ClassLabels::indices_of(const std::vector<std::int64_t>& labels) const {
  if (kind_ != Kind::integer) throw std::invalid_argument("the classes are strings, the labels integers");
  return indices_in(integers_, labels, [](std::int64_t v) { return std::to_string(v); });
}

std::string ClassLabels::text(std::size_t i) const {
  return kind_ == Kind::string ? strings_.at(i) : std::to_string(integers_.at(i));
}

}  // namespace synopsis
