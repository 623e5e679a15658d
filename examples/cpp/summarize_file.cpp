// Prints the three-sentence summary and the top keyphrases of a UTF-8 text file.
//   summarize_file examples/news_article.txt
#include <synopsis/synopsis.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: summarize_file FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  try {
    const synopsis::Document doc = synopsis::segment(text);
    for (const synopsis::SummarySentence& s : synopsis::summarize(doc).sentences)
      std::cout << doc.sentence_text(s.index) << "\n";
    synopsis::KeywordOptions options;
    options.top = 5;
    for (const synopsis::Keyword& k : synopsis::extract_keywords(doc, options)) std::cout << "  - " << k.phrase << "\n";
  } catch (const std::invalid_argument& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
