#include "synopsis/classifier.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

struct Toy {
  std::vector<std::string> targets, texts;
  std::vector<int> labels;
};

// Related pairs that confirm, related pairs that deny, and unrelated pairs.
Toy toy(int repeats) {
  Toy t;
  const std::vector<std::string> topics = {"volcano erupts near village", "bank raises interest rates",
                                           "team wins the championship final", "new vaccine approved by regulator"};
  for (int r = 0; r < repeats; ++r)
    for (std::size_t i = 0; i < topics.size(); ++i) {
      const std::string& topic = topics[i];
      const std::string& other = topics[(i + 1) % topics.size()];
      t.targets.push_back(topic);
      t.texts.push_back("Officials confirmed that the " + topic + " today. Reports verified it, case " + std::to_string(r) + ".");
      t.labels.push_back(0);
      t.targets.push_back(topic);
      t.texts.push_back("Officials denied that the " + topic + "; the story is a hoax and fake, case " + std::to_string(r) + ".");
      t.labels.push_back(1);
      t.targets.push_back(topic);
      t.texts.push_back("The " + other + " dominated the news, case " + std::to_string(r) + ".");
      t.labels.push_back(2);
    }
  return t;
}

double accuracy(const Eigen::MatrixXf& p, const std::vector<int>& y) {
  int ok = 0;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    Eigen::Index arg;
    p.row(i).maxCoeff(&arg);
    ok += arg == y[i];
  }
  return double(ok) / p.rows();
}

TEST(StanceFeaturizer, DenseFeaturesHaveNames) {
  synopsis::StanceFeaturizer f(10);
  auto x = f.transform({"a volcano erupts"}, {"The volcano erupts. It is not a hoax."});
  ASSERT_EQ(x.size(), 1u);
  EXPECT_EQ(x[0].dense.size(), synopsis::stance_dense_feature_names().size());
  EXPECT_GT(x[0].dense[0], 0.5f);  // cosine of overlapping texts
}

class ModelKinds : public ::testing::TestWithParam<const char*> {};

TEST_P(ModelKinds, LearnsToyStanceAndRoundTrips) {
  Toy t = toy(6);
  synopsis::StanceClassifierOptions o;
  o.model = GetParam();
  o.hash_bits = 10;
  o.max_epochs = 40;
  o.validation_fraction = 0.0f;
  o.learning_rate = 0.01f;
  synopsis::StanceClassifierModel m(o);
  m.fit(t.targets, t.texts, t.labels, {"agree", "disagree", "unrelated"}, 2);
  Eigen::MatrixXf p = m.predict_proba(t.targets, t.texts, 2);
  EXPECT_GE(accuracy(p, t.labels), 0.95);

  std::string bytes = m.serialize();
  auto back = synopsis::StanceClassifierModel::deserialize(bytes);
  EXPECT_TRUE(p.isApprox(back.predict_proba(t.targets, t.texts, 1), 1e-5f));
  EXPECT_EQ(back.classes(), m.classes());
}

INSTANTIATE_TEST_SUITE_P(StanceClassifierModel, ModelKinds, ::testing::Values("mlp", "logistic"));

TEST(StanceClassifierModel, SameSeedSameModel) {
  Toy t = toy(3);
  synopsis::StanceClassifierOptions o;
  o.hash_bits = 10;
  o.max_epochs = 5;
  synopsis::StanceClassifierModel a(o), b(o);
  a.fit(t.targets, t.texts, t.labels, {"agree", "disagree", "unrelated"}, 1);
  b.fit(t.targets, t.texts, t.labels, {"agree", "disagree", "unrelated"}, 2);
  EXPECT_EQ(a.serialize(), b.serialize());
}

TEST(StanceClassifierModel, RejectsCorruptBytes) {
  Toy t = toy(2);
  synopsis::StanceClassifierOptions o;
  o.hash_bits = 8;
  o.max_epochs = 2;
  synopsis::StanceClassifierModel m(o);
  m.fit(t.targets, t.texts, t.labels, {"agree", "disagree", "unrelated"}, 1);
  std::string bytes = m.serialize();
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  EXPECT_THROW(synopsis::StanceClassifierModel::deserialize(flipped), std::invalid_argument);
  EXPECT_THROW(synopsis::StanceClassifierModel::deserialize(bytes.substr(0, bytes.size() - 9)), std::invalid_argument);
  EXPECT_THROW(synopsis::StanceClassifierModel::deserialize("PK\x03\x04 not a model"), std::invalid_argument);
  std::string version = bytes;
  version[8] = 99;
  EXPECT_THROW(synopsis::StanceClassifierModel::deserialize(version), std::invalid_argument);
}

TEST(StanceClassifierModel, RejectsBadOptionsAndInputs) {
  synopsis::StanceClassifierOptions o;
  o.model = "forest";
  EXPECT_THROW(synopsis::StanceClassifierModel{o}, std::invalid_argument);
  synopsis::StanceClassifierModel m;
  EXPECT_THROW(m.predict_proba({"a"}, {"b"}), std::invalid_argument);
  EXPECT_THROW(m.fit({"a"}, {"b", "c"}, {0}, {"x", "y"}), std::invalid_argument);
  EXPECT_THROW(m.fit({"a"}, {"b"}, {0}, {"x"}), std::invalid_argument);
}

}  // namespace
