// The per-thread table of raw token forms, terms and stems (see segment_internal.hpp).
#include <cstring>

#include "segment_internal.hpp"

namespace synopsis::segmentation {

u32 StringIds::find(std::string_view s, std::size_t h) const {
  if (slots_.empty()) return kNone;
  const std::size_t mask = slots_.size() - 1;
  const auto h32 = static_cast<u32>(static_cast<std::uint64_t>(h) >> 32);
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id == kNone) return kNone;
    if (slot.hash == h32 && slot.length == s.size() && std::memcmp(bytes_.data() + slot.start, s.data(), s.size()) == 0)
      return slot.id;
  }
}

u32 StringIds::insert(std::string_view s, std::size_t h) {
  if ((size() + 1) * 2 > slots_.size()) grow();
  const u32 id = size();
  Slot slot{id, static_cast<u32>(static_cast<std::uint64_t>(h) >> 32), static_cast<u32>(bytes_.size()), static_cast<u32>(s.size())};
  bytes_.append(s);
  start_.push_back(static_cast<u32>(bytes_.size()));
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].id != kNone) i = (i + 1) & mask;
  slots_[i] = slot;
  return id;
}

void StringIds::grow() {
  // Slots keep only the high half of the hash: rehash the strings (amortised over the inserts).
  std::vector<Slot> slots(std::max<std::size_t>(1024, slots_.size() * 2));
  const std::size_t mask = slots.size() - 1;
  for (u32 id = 0; id < size(); ++id) {
    const std::string_view s = at(id);
    const std::size_t h = hash(s);
    std::size_t i = h & mask;
    while (slots[i].id != kNone) i = (i + 1) & mask;
    slots[i] = Slot{id, static_cast<u32>(static_cast<std::uint64_t>(h) >> 32), start_[id], static_cast<u32>(s.size())};
  }
  slots_.swap(slots);
}

namespace {

// Empties a container and returns its memory (clear() keeps the capacity).
template <class Container>
void release(Container& c) {
  Container().swap(c);
}

}  // namespace

void StringIds::clear() {
  release(bytes_);
  release(start_);
  start_.assign(1, 0);
  release(slots_);
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
  release(raw_term_);
  release(stop_);
  release(word_stem_);
  release(self_stem_);
  release(doc_term_);
  release(doc_stem_);
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
