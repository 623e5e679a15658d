// The per-thread table of raw token forms, terms and stems (see segment_internal.hpp).
#include <cstring>

#include "segment_internal.hpp"

namespace synopsis::segmentation {

u32 StringIds::find(std::string_view s, std::size_t h) const {
  if (slots_.empty()) return kNone;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const u32 slot = slots_[i];
    if (slot == 0) return kNone;
    const u32 id = slot - 1;
    if (hashes_[id] == h && start_[id + 1] - start_[id] == s.size() &&
        std::memcmp(bytes_.data() + start_[id], s.data(), s.size()) == 0)
      return id;
  }
}

u32 StringIds::insert(std::string_view s, std::size_t h) {
  if ((hashes_.size() + 1) * 2 > slots_.size()) grow();  // load factor at most 1/2
  const u32 id = size();
  bytes_.append(s);
  start_.push_back(static_cast<u32>(bytes_.size()));
  hashes_.push_back(h);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = id + 1;
  return id;
}

void StringIds::grow() {
  std::vector<u32> slots(std::max<std::size_t>(1024, slots_.size() * 2), 0);
  const std::size_t mask = slots.size() - 1;
  for (u32 id = 0; id < size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_.swap(slots);
}

void StringIds::clear() {
  bytes_.clear();
  start_.assign(1, 0);
  hashes_.clear();
  slots_.clear();
}

void TermTable::begin_document() {
  if (raws_.size() > kMaxForms || raws_.bytes() + terms_.bytes() + stems_.bytes() > kMaxBytes) clear();
  if (++stamp_ == 0) {  // the stamps wrapped around: forget every old one
    doc_term_.clear();
    doc_stem_.clear();
    stamp_ = 1;
  }
}

void TermTable::clear() {
  raws_.clear();
  terms_.clear();
  stems_.clear();
  raw_term_.clear();
  stop_.clear();
  word_stem_.clear();
  self_stem_.clear();
  doc_term_.clear();
  doc_stem_.clear();
}

u32 TermTable::term_of(std::string_view raw) {
  const std::size_t h = StringIds::hash(raw);
  const u32 r = raws_.find(raw, h);
  if (r != StringIds::kNone) return raw_term_[r];
  const std::string norm = normalise(raw);
  const std::size_t nh = StringIds::hash(norm);
  u32 t = terms_.find(norm, nh);
  if (t == StringIds::kNone) {
    t = terms_.insert(norm, nh);
    stop_.push_back(lang_.stopwords.count(norm) != 0);
    word_stem_.push_back(StringIds::kNone);
    self_stem_.push_back(StringIds::kNone);
  }
  raws_.insert(raw, h);
  raw_term_.push_back(t);
  return t;
}

u32 TermTable::stem_of(u32 t, bool word) {
  const bool stemmed = word && stemmer_;
  u32& cached = stemmed ? word_stem_[t] : self_stem_[t];
  if (cached != StringIds::kNone) return cached;
  std::string stem(terms_.at(t));
  if (stemmed) {
    const sb_symbol* out =
        sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(stem.data()), static_cast<int>(stem.size()));
    if (out)
      stem.assign(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
  }
  const std::size_t h = StringIds::hash(stem);
  u32 s = stems_.find(stem, h);
  if (s == StringIds::kNone) s = stems_.insert(stem, h);
  cached = s;
  return s;
}

}  // namespace synopsis::segmentation
