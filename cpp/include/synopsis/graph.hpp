// The sentence similarity graph: W(i, j) = similarity of sentences i and j (i != j).
//
// Small documents get every pair. Above GraphOptions::dense_limit sentences the graph keeps
// only each sentence's top_k neighbours, found through an inverted index over terms (sparse
// rows) or blocked products (dense rows), so memory stays linear in the sentence count.
#pragma once

#include <cstddef>

#include "synopsis/encoder.hpp"
#include "synopsis/rank.hpp"

namespace synopsis {

struct GraphOptions {
  std::size_t dense_limit = 2000;  // above this many sentences: sparse top-k graph
  int top_k = 30;                  // neighbours kept per sentence in the sparse graph
  double min_similarity = 0.0;     // pairs with similarity <= this get no edge
  bool symmetrize = true;          // asymmetric similarities (BM25): W = (S + S^T) / 2
  std::size_t max_postings = 5000; // sparse graph: terms in more sentences than this do not
                                   // propose candidates (they carry little idf anyway)
};

// Builds the graph from an encoder's similarity operands (rows = sentences). The result is
// square, has no self-loops, and is symmetric when the operands are or when symmetrize is
// set. Throws std::invalid_argument when the operands disagree in shape.
SparseGraph similarity_graph(const SimilarityOperands& operands, const GraphOptions& options = {});

// The graph of cosine similarities between the rows of one embedding.
SparseGraph similarity_graph(const Embedding& embedding, const GraphOptions& options = {});

}  // namespace synopsis
