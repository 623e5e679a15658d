// Reading pickled states (see state.hpp).
#include "state.hpp"

#include <algorithm>
#include <cmath>

#include "arguments.hpp"
#include "synopsis/cues.hpp"
#include "text.hpp"

namespace synopsis::python {

namespace {

std::string type_name_of(py::handle value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

}  // namespace

StateReader::StateReader(py::handle state, const char* cls, std::size_t fields) : cls_(cls) {
  if (!PyTuple_Check(state.ptr()))
    throw py::type_error("invalid " + cls_ + " state: expected a tuple, got " + type_name_of(state));
  state_ = py::reinterpret_borrow<py::tuple>(state);
  if (state_.size() != fields)
    fail("expected " + std::to_string(fields) + " fields, got " + std::to_string(state_.size()));
}

std::string StateReader::field(std::size_t i) const { return cls_ + " state field " + std::to_string(i); }

void StateReader::fail(const std::string& why) const { throw py::value_error("invalid " + cls_ + " state: " + why); }

void StateReader::fail_type(std::size_t i, const std::string& expected) const {
  throw py::type_error("invalid " + cls_ + " state: field " + std::to_string(i) + " must be " + expected);
}

std::size_t StateReader::count(std::size_t i) const {
  // Offsets and indices beyond INT_MAX are beyond any text the core takes.
  return python::count(state_[i], field(i).c_str(), kIntMax);
}

std::optional<std::size_t> StateReader::optional_count(std::size_t i) const {
  if (state_[i].is_none()) return std::nullopt;
  return count(i);
}

double StateReader::finite(std::size_t i) const {
  const double value = number(state_[i], field(i).c_str());
  if (!std::isfinite(value)) fail("field " + std::to_string(i) + " must be finite");
  return value;
}

bool StateReader::flag(std::size_t i) const {
  if (!PyBool_Check(state_[i].ptr())) fail_type(i, "a bool, got " + type_name_of(state_[i]));
  return state_[i].cast<bool>();
}

std::string StateReader::text(std::size_t i) const {
  if (!PyUnicode_Check(state_[i].ptr())) fail_type(i, "a str, got " + type_name_of(state_[i]));
  return utf8_from_python(state_[i], "strict", field(i).c_str());
}

std::optional<std::string> StateReader::optional_text(std::size_t i) const {
  if (state_[i].is_none()) return std::nullopt;
  return text(i);
}

std::string StateReader::choice(std::size_t i, const std::vector<std::string>& allowed) const {
  std::string value = text(i);
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
    fail("field " + std::to_string(i) + " has the unknown value '" + shorten_utf8(value, 40) + "'");
  return value;
}

py::list StateReader::list(std::size_t i) const {
  if (!PyList_Check(state_[i].ptr())) fail_type(i, "a list, got " + type_name_of(state_[i]));
  return py::reinterpret_borrow<py::list>(state_[i]);
}

std::vector<std::string> StateReader::texts(std::size_t i) const {
  std::vector<std::string> out;
  for (py::handle value : list(i)) {
    if (!PyUnicode_Check(value.ptr())) fail_type(i, "a list of str");
    out.push_back(utf8_from_python(value, "strict", field(i).c_str()));
  }
  return out;
}

void StateReader::require_span(std::size_t start, std::size_t end, std::size_t text_length) const {
  require(start <= end && end - start == text_length, "a span does not hold its text");
}

std::vector<PyCueState> cues_from_state(const StateReader& reader, std::size_t i) {
  std::vector<std::string> kinds;
  for (CueKind kind : {CueKind::support, CueKind::refute, CueKind::hedge, CueKind::negation, CueKind::reporting})
    kinds.emplace_back(cue_kind_name(kind));
  kinds.emplace_back(std::string("negated_") + cue_kind_name(CueKind::support));
  kinds.emplace_back(std::string("negated_") + cue_kind_name(CueKind::refute));
  std::vector<PyCueState> out;
  for (py::handle cue : reader.list(i)) {
    const StateReader fields(cue, "cue", 4);
    std::string kind = fields.choice(0, kinds), text = fields.text(1);
    const std::size_t start = fields.count(2), end = fields.count(3);
    fields.require_span(start, end, py::len(fields.item(1)));
    out.emplace_back(std::move(kind), std::move(text), start, end);
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> spans_from_python(py::handle spans, const char* name) {
  if (!PyList_Check(spans.ptr()) && !PyTuple_Check(spans.ptr()))
    throw py::type_error(std::string(name) + " must be a list of (start, end) pairs, got " + type_name_of(spans));
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (py::handle span : spans) {
    const StateReader pair(span, name, 2);
    const std::size_t start = pair.count(0), end = pair.count(1);
    pair.require(start <= end, "a span ends before it starts");
    out.emplace_back(start, end);
  }
  return out;
}

}  // namespace synopsis::python
