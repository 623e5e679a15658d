// The whole synopsis C++ API in one include: segmentation, encoders, graphs and ranking,
// summaries, keyphrases, cues, attribution and stance.
#pragma once

#include "synopsis/attribution.hpp"
#include "synopsis/classifier.hpp"
#include "synopsis/cues.hpp"
#include "synopsis/document.hpp"
#include "synopsis/encoder.hpp"
#include "synopsis/features.hpp"
#include "synopsis/graph.hpp"
#include "synopsis/keywords.hpp"
#include "synopsis/language.hpp"
#include "synopsis/parallel.hpp"
#include "synopsis/rank.hpp"
#include "synopsis/segment.hpp"
#include "synopsis/stance.hpp"
#include "synopsis/summarize.hpp"
#include "synopsis/unicode.hpp"
