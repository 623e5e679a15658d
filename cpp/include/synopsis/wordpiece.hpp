// BERT's WordPiece tokenisation, as the Hugging Face BertNormalizer + BertPreTokenizer +
// WordPiece model do it: control characters dropped and white space unified, spaces put
// around CJK ideographs, accents stripped (NFD, marks removed) and text lower-cased when the
// model says so, words split at white space and around each punctuation character, then
// each word greedily cut into the longest vocabulary pieces ("##" marks a continuation); a
// word with a part no piece covers, or longer than max_chars_per_word, becomes [UNK].
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace synopsis {

struct WordPieceOptions {
  bool lowercase = true;             // do_lower_case
  bool strip_accents = true;         // default: as lowercase
  bool chinese_chars = true;         // spaces around CJK ideographs
  bool clean_text = true;            // drop control characters, unify white space
  std::size_t max_chars_per_word = 100;
  std::string continuation = "##";
  std::string unknown = "[UNK]";
};

class WordPieceTokenizer {
 public:
  // vocabulary[i] is the piece with id i; throws std::invalid_argument when the unknown
  // piece is missing, the vocabulary is empty or a piece repeats.
  WordPieceTokenizer(std::vector<std::string> vocabulary, WordPieceOptions options);

  // The piece ids of utf8 (invalid UTF-8 reads as U+FFFD, which is dropped), at most
  // max_pieces of them; *truncated (when given) says whether more would have followed.
  std::vector<std::int32_t> encode(std::string_view utf8, std::size_t max_pieces = SIZE_MAX,
                                   bool* truncated = nullptr) const;
  // The words the pre-tokeniser gives (after normalisation), before WordPiece.
  std::vector<std::string> words(std::string_view utf8) const;

  // The id of a piece, or -1.
  std::int32_t id(std::string_view piece) const;
  const std::vector<std::string>& vocabulary() const { return vocabulary_; }
  const WordPieceOptions& options() const { return options_; }
  std::int32_t unknown_id() const { return unknown_id_; }

 private:
  // Appends the pieces of one word; returns false when max_pieces was reached first.
  bool add_word(std::string_view word, std::vector<std::int32_t>& out, std::size_t max_pieces) const;

  std::vector<std::string> vocabulary_;
  std::unordered_map<std::string, std::int32_t> ids_;
  WordPieceOptions options_;
  std::int32_t unknown_id_ = -1;
};

// vocab.txt: one piece per line, the line number is its id.
std::vector<std::string> read_vocab_txt(std::string_view text);

}  // namespace synopsis
