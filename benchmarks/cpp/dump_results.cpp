// Everything synopsis derives from a set of texts, written as plain text so that two builds
// can be compared byte for byte (benchmarks/check_identical.py drives it): per document the
// paragraphs, sentences with their flags, tokens with kind, term id, stem id and stopword
// flag, the term and stem tables, two summaries (default, and with a word budget) and the
// default keyphrases. Scores are written with 17 significant digits.
//
//   build/bench/dump_results texts.bin > dump.txt      (texts separated by the byte 0x1E)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "synopsis/document.hpp"
#include "synopsis/keywords.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/summarize.hpp"

namespace {

void write_summary(std::FILE* out, const char* name, const synopsis::Summary& summary) {
  std::fprintf(out, "%s", name);
  for (const auto& s : summary.sentences) std::fprintf(out, " %u:%u-%u:%.17g", s.index, s.start, s.end, s.score);
  std::fprintf(out, "\n");
}

void dump(std::FILE* out, std::size_t index, const std::string& text) {
  const synopsis::Document doc = synopsis::segment(text);
  std::fprintf(out, "# document %zu: %zu bytes, title %d\n", index, text.size(), doc.title);
  for (const auto& p : doc.paragraphs)
    std::fprintf(out, "P %u %u-%u s%u-%u\n", p.index, p.start, p.end, p.sentence_begin, p.sentence_end);
  for (const auto& s : doc.sentences)
    std::fprintf(out, "S %u %u-%u p%u t%u-%u h%d b%d\n", s.index, s.start, s.end, s.paragraph, s.token_begin,
                 s.token_end, s.is_heading, s.is_boilerplate);
  for (const auto& t : doc.tokens)
    std::fprintf(out, "T %u-%u s%u k%d term%u stem%u stop%d\n", t.start, t.end, t.sentence, static_cast<int>(t.kind),
                 t.term, t.stem, t.is_stopword);
  for (const auto& term : doc.terms) std::fprintf(out, "W %s\n", term.c_str());
  for (const auto& stem : doc.stems) std::fprintf(out, "M %s\n", stem.c_str());
  write_summary(out, "summary", synopsis::summarize(doc));
  synopsis::SummarizeOptions budget;
  budget.words = 60;
  write_summary(out, "summary_words60", synopsis::summarize(doc, budget));
  for (const auto& k : synopsis::extract_keywords(doc)) {
    std::fprintf(out, "K %s | %s | %.17g |", k.phrase.c_str(), k.key.c_str(), k.score);
    for (const auto& [a, b] : k.offsets) std::fprintf(out, " %u-%u", a, b);
    std::fprintf(out, "\n");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: dump_results TEXTS_FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  std::size_t index = 0;
  for (std::string text; std::getline(in, text, '\x1e');) dump(stdout, index++, text);
  return 0;
}
