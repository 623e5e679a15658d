#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/keywords.hpp"
#include "synopsis/segment.hpp"

using namespace synopsis;

namespace {

const char* kOil =
    "Oil Spill Near Alaska\n\n"
    "Millions of gallons of crude oil spilled when the tanker Exxon Valdez ran aground in Prince "
    "William Sound. The oil spill covered the sound on Saturday.\n\n"
    "Crews said cleanup efforts were too slow. The spill is the biggest oil spill in U.S. history, "
    "and crude oil now covers the beaches of Prince William Sound.";

std::vector<std::string> keys(const std::vector<Candidate>& candidates) {
  std::vector<std::string> out;
  for (const Candidate& c : candidates) out.push_back(c.key);
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST(KeyphraseCandidates, RunsOfContentWordsDelimitedByStopwordsAndPunctuation) {
  const Document doc = segment("Markets fell, bonds rallied; gold-mining shares jumped. Prices of oil");
  CandidateOptions options;
  options.verb_heuristic = false;
  const auto k = keys(keyphrase_candidates(doc, options));
  EXPECT_TRUE(has(k, "market fell"));
  EXPECT_TRUE(has(k, "bond ralli"));
  EXPECT_TRUE(has(k, "gold mine share jump"));  // a hyphen joins, spaces join
  EXPECT_TRUE(has(k, "price"));
  EXPECT_TRUE(has(k, "oil"));
  for (const std::string& key : k) EXPECT_EQ(key.find("jump price"), std::string::npos);  // sentence end
}

TEST(KeyphraseCandidates, OccurrencesSpanTheSurfaceTextAndDropPossessives) {
  const Document doc = segment("Alaska's governor met Exxon officials. The governor of Alaska spoke.");
  const auto candidates = keyphrase_candidates(doc);
  const auto it = std::find_if(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.key == "alaska"; });
  ASSERT_NE(it, candidates.end());
  ASSERT_EQ(it->occurrences.size(), 2u);
  EXPECT_EQ(doc.span(it->occurrences[0].start, it->occurrences[0].end), "Alaska");
  EXPECT_EQ(doc.span(it->occurrences[1].start, it->occurrences[1].end), "Alaska");
}

TEST(KeyphraseCandidates, NumbersAloneAndBoilerplateAreNotCandidates) {
  const Document doc = segment("In 1990, 240,000 barrels spilled from 987-foot tankers.");
  for (const Candidate& c : keyphrase_candidates(doc)) {
    EXPECT_NE(c.key, "1990");
    EXPECT_NE(c.key.find_first_not_of("0123456789., "), std::string::npos) << c.key;
  }
  EXPECT_TRUE(has(keys(keyphrase_candidates(doc)), "987 foot tanker"));
}

TEST(KeyphraseCandidates, LabelledNotesInParenthesesAreSkipped) {
  const Document doc = segment("Armenia left the treaty (Source: official statements, regional analysts).");
  for (const Candidate& c : keyphrase_candidates(doc)) EXPECT_EQ(c.key.find("analyst"), std::string::npos);
}

TEST(KeyphraseCandidates, MaxWordsDropsLongerRuns) {
  const Document doc = segment("The European Central Bank Governing Council met.");
  CandidateOptions options;
  options.max_words = 3;
  for (const Candidate& c : keyphrase_candidates(doc, options))
    EXPECT_LE(std::count(c.key.begin(), c.key.end(), ' '), 2);
}

TEST(KeyphraseKey, StemsAPhrase) {
  EXPECT_EQ(keyphrase_key("Oil Spills"), "oil spill");
  EXPECT_EQ(keyphrase_key("the"), "the");
  EXPECT_EQ(keyphrase_key(""), "");
}

TEST(Keywords, EveryMethodFindsTheOilSpill) {
  const Document doc = segment(kOil);
  for (KeywordMethod method : {KeywordMethod::textrank, KeywordMethod::singlerank, KeywordMethod::positionrank,
                               KeywordMethod::topicrank, KeywordMethod::multipartiterank, KeywordMethod::tfidf,
                               KeywordMethod::positiontfidf}) {
    KeywordOptions options;
    options.method = method;
    options.top = 8;
    const auto found = extract_keywords(doc, options);
    ASSERT_FALSE(found.empty()) << keyword_method_name(method);
    EXPECT_LE(found.size(), 8u);
    std::set<std::string> seen;
    bool oil = false;
    for (std::size_t i = 0; i < found.size(); ++i) {
      EXPECT_TRUE(seen.insert(found[i].key).second) << "duplicate " << found[i].key;
      if (i) EXPECT_GE(found[i - 1].score, found[i].score);
      oil = oil || found[i].key.find("oil") != std::string::npos;
      for (const auto& [a, b] : found[i].offsets) EXPECT_LT(a, b);
    }
    EXPECT_TRUE(oil) << keyword_method_name(method);
  }
}

TEST(Keywords, SubsumedPhrasesAreDropped) {
  const Document doc = segment(
      "Regional security matters. The regional security forum met. Security forces waited. Security is "
      "costly. Regional security experts spoke about security.");
  KeywordOptions options;
  options.top = 20;
  const auto found = extract_keywords(doc, options);
  for (std::size_t i = 0; i < found.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      EXPECT_EQ((" " + found[j].key + " ").find(" " + found[i].key + " "), std::string::npos)
          << found[i].key << " inside " << found[j].key;
}

TEST(Keywords, DeterministicAndEmptyForEmptyText) {
  const Document doc = segment(kOil);
  KeywordOptions options;
  options.method = KeywordMethod::multipartiterank;
  const auto a = extract_keywords(doc, options);
  const auto b = extract_keywords(doc, options);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].key, b[i].key);
    EXPECT_EQ(a[i].score, b[i].score);
  }
  EXPECT_TRUE(extract_keywords(segment("")).empty());
  EXPECT_TRUE(extract_keywords(segment("and the of")).empty());
}

TEST(Keywords, TfidfUsesDocumentFrequencies) {
  DocumentFrequency df;
  df.add_document(segment("Oil prices were high in Alaska."));
  df.add_document(segment("Oil prices were low in Texas."));
  EXPECT_EQ(df.documents(), 2u);
  EXPECT_EQ(df.frequency("oil price"), 2u);
  KeywordOptions options;
  options.method = KeywordMethod::tfidf;
  const auto found = extract_keywords(segment("Oil prices were high. Exxon Valdez spilled oil. Then Exxon Valdez sailed."),
                                      options, &df);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].phrase, "Exxon Valdez");
}

TEST(Keywords, TheBundledEnglishTableServesTfidfWithoutFit) {
  const DocumentFrequency* english = bundled_document_frequency("en");
  ASSERT_NE(english, nullptr);
  EXPECT_EQ(english->documents(), 1000u);
  EXPECT_GT(english->frequency("polic"), 100u);  // "police": in many news articles
  EXPECT_EQ(english->frequency("zeppelin"), 0u);
  EXPECT_EQ(bundled_document_frequency("fr"), nullptr);
  EXPECT_EQ(bundled_document_frequency("en-GB"), english);  // the primary subtag decides
  EXPECT_EQ(bundled_document_frequency("EN"), english);
  EXPECT_EQ(bundled_document_frequency("not a code!"), nullptr);
  EXPECT_EQ(bundled_document_frequency("en"), english);  // parsed once

  const Document doc = segment("Police and zeppelin. Zeppelin and police.");
  KeywordOptions options;
  options.method = KeywordMethod::tfidf;
  auto found = extract_keywords(doc, options);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].key, "zeppelin");
  options.idf = IdfSource::document;  // the sentences tie them; the first seen comes first
  found = extract_keywords(doc, options);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].key, "polic");
  EXPECT_EQ(found[0].score, found[1].score);
}

TEST(Keywords, PositionTfidfWeighsTheFirstOccurrence) {
  std::string text = "Early harbour news.";
  for (int i = 0; i < 120; ++i) text += " Filler words appear here.";
  text += " Late harbour news. Early harbour news. Late harbour news.";
  const Document doc = segment(text);
  KeywordOptions options;
  options.top = 50;
  options.dedup = KeywordDedup::none;
  auto score_of = [&](const std::vector<Keyword>& found, const std::string& phrase) {
    for (const Keyword& k : found)
      if (k.phrase == phrase) return k.score;
    return -1.0;
  };
  options.method = KeywordMethod::positiontfidf;
  const auto position = extract_keywords(doc, options);
  options.method = KeywordMethod::tfidf;
  const auto plain = extract_keywords(doc, options);
  EXPECT_EQ(score_of(plain, "Early harbour news"), score_of(plain, "Late harbour news"));
  EXPECT_GT(score_of(position, "Early harbour news"), score_of(position, "Late harbour news"));
  EXPECT_GT(score_of(position, "Late harbour news"), 0.0);
}

TEST(Keywords, BadOptionsThrowWithTheAllowedValues) {
  try {
    keyword_method("rake");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("positionrank"), std::string::npos);
  }
  KeywordOptions options;
  options.top = 0;
  EXPECT_THROW(validate(options), std::invalid_argument);
  options = {};
  options.window = 1;
  EXPECT_THROW(validate(options), std::invalid_argument);
  options = {};
  options.damping = 1.0;
  EXPECT_THROW(validate(options), std::invalid_argument);
  options = {};
  options.position_decay = 0.0;
  EXPECT_THROW(validate(options), std::invalid_argument);
  EXPECT_EQ(keyword_method(keyword_method_name(KeywordMethod::positiontfidf)), KeywordMethod::positiontfidf);
  EXPECT_EQ(keyword_method(keyword_method_name(KeywordMethod::topicrank)), KeywordMethod::topicrank);
}
