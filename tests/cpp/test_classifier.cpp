#include "synopsis/classifier.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "synopsis/encoder.hpp"
#include "synopsis/features.hpp"

namespace {

struct Toy {
  std::vector<std::string> targets, texts;
  std::vector<int> labels;  // 0 agree, 1 disagree, 2 unrelated

  std::vector<std::string> names() const {
    static const char* kNames[] = {"agree", "disagree", "unrelated"};
    std::vector<std::string> out;
    for (int y : labels) out.push_back(kNames[y]);
    return out;
  }
  std::vector<std::int64_t> numbers(std::int64_t scale) const {
    std::vector<std::int64_t> out;
    for (int y : labels) out.push_back(scale * (y - 1));
    return out;
  }
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
  m.fit(t.targets, t.texts, t.names(), 2);
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
  a.fit(t.targets, t.texts, t.names(), 1);
  b.fit(t.targets, t.texts, t.names(), 2);
  EXPECT_EQ(a.serialize(), b.serialize());
}

// A model that trains in milliseconds.
synopsis::StanceClassifierModel small_model(const Toy& t, synopsis::StanceClassifierOptions o = {}) {
  o.hash_bits = 8;
  o.max_epochs = 2;
  synopsis::StanceClassifierModel m(o);
  m.fit(t.targets, t.texts, t.names(), 1);
  return m;
}

TEST(StanceClassifierModel, RejectsCorruptBytes) {
  Toy t = toy(2);
  std::string bytes = small_model(t).serialize();
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
  EXPECT_THROW(m.fit({"a"}, {"b", "c"}, std::vector<std::string>{"x"}), std::invalid_argument);
  EXPECT_THROW(m.fit({"a", "b"}, {"b", "c"}, std::vector<std::string>{"x", "x"}), std::invalid_argument);
  EXPECT_THROW(m.fit({}, {}, std::vector<std::int64_t>{}), std::invalid_argument);
}

// The options that once trained into a model nobody could load, and their neighbours.
TEST(StanceClassifierOptions, RejectsNonFiniteAndHugeNumbers) {
  const float inf = std::numeric_limits<float>::infinity(), nan = std::numeric_limits<float>::quiet_NaN();
  for (float bad : {inf, -inf, nan, 1e30f, 1.5f, -1e-6f}) {
    synopsis::StanceClassifierOptions o;
    o.l2 = bad;
    EXPECT_THROW(o.validate(), std::invalid_argument) << "l2 = " << bad;
  }
  for (float bad : {inf, nan, 1e6f, 2.0f, 0.0f, -1.0f}) {
    synopsis::StanceClassifierOptions o;
    o.learning_rate = bad;
    EXPECT_THROW(o.validate(), std::invalid_argument) << "learning_rate = " << bad;
  }
  for (float bad : {nan, inf, 0.9f, -0.1f}) {
    synopsis::StanceClassifierOptions o;
    o.validation_fraction = bad;
    EXPECT_THROW(o.validate(), std::invalid_argument) << "validation_fraction = " << bad;
  }
  synopsis::StanceClassifierOptions o;
  o.max_epochs = synopsis::stance_limits::kMaxEpochs + 1;
  EXPECT_THROW(o.validate(), std::invalid_argument);
  o = {};
  o.batch_size = synopsis::stance_limits::kMaxBatchSize + 1;
  EXPECT_THROW(o.validate(), std::invalid_argument);
  o = {};
  o.patience = 0;
  EXPECT_THROW(o.validate(), std::invalid_argument);
  o = {};
  o.learning_rate = synopsis::stance_limits::kMaxLearningRate;
  o.l2 = synopsis::stance_limits::kMaxL2;
  EXPECT_NO_THROW(o.validate());
}

TEST(StanceClassifierModel, ClassesAreTheSortedDistinctLabels) {
  Toy t = toy(2);
  synopsis::StanceClassifierModel m = small_model(t);
  m.fit(t.targets, t.texts, t.numbers(10), 1);  // -10, 0, 10
  ASSERT_EQ(m.classes().kind(), synopsis::ClassLabels::Kind::integer);
  EXPECT_EQ(m.classes().integers(), (std::vector<std::int64_t>{-10, 0, 10}));
  auto back = synopsis::StanceClassifierModel::deserialize(m.serialize());
  EXPECT_EQ(back.classes(), m.classes());

  std::vector<std::string> names = t.names();
  for (auto& n : names) n = n == "agree" ? "zebra" : n;
  m.fit(t.targets, t.texts, names, 1);
  ASSERT_EQ(m.classes().kind(), synopsis::ClassLabels::Kind::string);
  EXPECT_EQ(m.classes().strings(), (std::vector<std::string>{"disagree", "unrelated", "zebra"}));
}

TEST(StanceClassifierModel, FailedFitKeepsThePreviousModel) {
  Toy t = toy(2);
  synopsis::StanceClassifierModel m = small_model(t);
  const std::string before = m.serialize();
  EXPECT_THROW(m.fit(t.targets, t.texts, std::vector<std::string>(t.targets.size(), "one")), std::invalid_argument);
  EXPECT_EQ(m.serialize(), before);
}

// Header, payload and checksum (over the header too from version 2).
std::string framed(const std::string& payload, std::uint32_t version, bool header_in_checksum) {
  std::string out = "SYNSTNC";
  out.push_back('\0');
  const std::uint64_t n = payload.size();
  out.append(reinterpret_cast<const char*>(&version), 4);
  out.append(reinterpret_cast<const char*>(&n), 8);
  out += payload;
  const std::uint64_t sum = synopsis::stable_hash(header_in_checksum ? std::string_view(out) : std::string_view(payload), 0x5EED);
  out.append(reinterpret_cast<const char*>(&sum), 8);
  return out;
}

// An earlier file of a "words" model with string labels: version 3 lacks the text-vector
// encoder; version 2 also the feature set, n-gram and per-target options; version 1 also the
// label kind byte, and sums the payload only.
std::string as_version(const std::string& v4, std::uint32_t version) {
  std::uint64_t size;
  std::memcpy(&size, v4.data() + 12, 8);
  std::string payload = v4.substr(20, size);
  std::size_t pos = 0;
  auto u64 = [&] {
    std::uint64_t n;
    std::memcpy(&n, payload.data() + pos, 8);
    pos += 8;
    return n;
  };
  auto skip_str = [&] { pos += u64(); };
  skip_str();     // model
  pos += 4 * 4 + 3 * 4 + 4;  // four u32, three f32, patience
  skip_str();     // class_weight
  pos += 8;       // seed
  skip_str();     // language
  const std::size_t v3_options = pos;
  skip_str();     // features
  pos += 4 + 1;   // ngram_bits, per_target
  const std::size_t v3_options_end = pos;
  EXPECT_EQ(payload[pos], 0);  // string labels
  pos += 1;
  for (std::uint64_t n = u64(); n > 0; --n) skip_str();
  pos += 8;  // dense feature count
  EXPECT_EQ(u64(), 0u);  // no text vectors
  payload.erase(pos - 8, 8);
  if (version == 3) return framed(payload, 3, true);
  payload.erase(v3_options, v3_options_end - v3_options);
  pos = v3_options;
  if (version == 2) return framed(payload, 2, true);
  payload.erase(pos, 1);
  return framed(payload, 1, false);
}

TEST(StanceClassifierModel, ReadsVersion1Files) {
  Toy t = toy(2);
  synopsis::StanceClassifierModel m = small_model(t);
  ASSERT_EQ(m.options().features, "words");
  for (std::uint32_t version : {1u, 2u, 3u}) {
    auto back = synopsis::StanceClassifierModel::deserialize(as_version(m.serialize(), version));
    EXPECT_EQ(back.classes(), m.classes());
    EXPECT_EQ(back.options().features, "words");
    EXPECT_TRUE(back.predict_proba(t.targets, t.texts).isApprox(m.predict_proba(t.targets, t.texts), 1e-6f));
  }
}

// Enough pairs for "auto" to compare candidates: it names what it chose, and the n-gram
// blocks and the per-target models survive the model file.
TEST(StanceClassifierModel, AutoNamesItsChoiceAndNgramModelsRoundTrip) {
  Toy t = toy(50);  // 600 short pairs: 60 held out
  synopsis::StanceClassifierOptions o;
  o.hash_bits = 8;
  o.ngram_bits = 10;
  o.max_epochs = 3;
  synopsis::StanceClassifierModel m(o);
  synopsis::TrainingReport report = m.fit(t.targets, t.texts, t.names(), 2);
  EXPECT_NE(m.options().model, "auto");
  EXPECT_NE(m.options().features, "auto");
  EXPECT_EQ(report.features, m.options().features);
  EXPECT_GT(report.validation_macro_f1, 0.5f);

  for (const char* features : {"ngrams", "target_ngrams"})
    for (bool per_target : {false, true}) {
      o.features = features;
      o.per_target = per_target;
      o.model = "logistic";
      synopsis::StanceClassifierModel n(o);
      n.fit(t.targets, t.texts, t.names(), 2);
      EXPECT_EQ(n.options().features, features);
      EXPECT_EQ(n.options().per_target, per_target);
      std::vector<std::string> targets = t.targets, texts = t.texts;
      targets.push_back("a target never seen in training");  // answered by the model over all pairs
      texts.push_back("Officials confirmed it today.");
      Eigen::MatrixXf p = n.predict_proba(targets, texts, 2);
      EXPECT_TRUE(p.rowwise().sum().isApprox(Eigen::VectorXf::Ones(p.rows()), 1e-5f));
      EXPECT_GE(accuracy(p.topRows(t.labels.size()), t.labels), 0.9);
      auto back = synopsis::StanceClassifierModel::deserialize(n.serialize());
      EXPECT_TRUE(p.isApprox(back.predict_proba(targets, texts, 1), 1e-5f));
      EXPECT_EQ(back.serialize(), n.serialize());
    }
}

TEST(StanceClassifierModel, PerTargetModelsKeepTheClassColumns) {
  // One target only ever agrees or disagrees; another also has unrelated pairs.
  Toy t = toy(20);
  std::vector<std::string> targets, texts;
  std::vector<std::string> labels;
  const std::vector<std::string> names = t.names();
  for (std::size_t i = 0; i < t.targets.size(); ++i) {
    if (t.targets[i] == "volcano erupts near village" && t.labels[i] == 2) continue;
    targets.push_back(t.targets[i]);
    texts.push_back(t.texts[i]);
    labels.push_back(names[i]);
  }
  synopsis::StanceClassifierOptions o;
  o.hash_bits = 8;
  o.model = "logistic";
  o.features = "words";
  o.per_target = true;
  synopsis::StanceClassifierModel m(o);
  m.fit(targets, texts, labels, 1);
  ASSERT_EQ(m.classes().size(), 3u);
  Eigen::MatrixXf p = m.predict_proba({"volcano erupts near village"}, {"Officials confirmed that the volcano erupts."});
  EXPECT_EQ(p(0, 2), 0.0f);  // its own model never saw "unrelated"
  EXPECT_NEAR(p.sum(), 1.0f, 1e-5f);
  EXPECT_GT(p(0, 0), p(0, 1));
}

TEST(StanceClassifierModel, ChecksumCoversTheHeader) {
  Toy t = toy(2);
  std::string bytes = small_model(t).serialize();
  std::string v1 = bytes;
  v1[8] = 1;  // a version-2 payload declared as version 1
  try {
    synopsis::StanceClassifierModel::deserialize(v1);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
  }
}

// A payload with a valid checksum but options outside the limits: the loader applies the
// same limits as validate().
TEST(StanceClassifierModel, LoaderAppliesTheOptionLimits) {
  Toy t = toy(2);
  std::string bytes = small_model(t).serialize();
  const std::size_t lr = 20 + 8 + 3 + 4 * 4;  // header, "mlp", four u32: learning_rate
  const float huge = 2.0f;
  std::memcpy(&bytes[lr], &huge, 4);
  const std::uint64_t sum = synopsis::stable_hash(std::string_view(bytes).substr(0, bytes.size() - 8), 0x5EED);
  std::memcpy(&bytes[bytes.size() - 8], &sum, 8);
  try {
    synopsis::StanceClassifierModel::deserialize(bytes);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("learning_rate"), std::string::npos) << e.what();
  }
}

class ModelFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("synopsis_model_files_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path dir_;
};

TEST_F(ModelFiles, SaveReplacesTheFileAndLeavesNoTemporaries) {
  Toy t = toy(2);
  synopsis::StanceClassifierModel m = small_model(t);
  const std::string path = (dir_ / "model.bin").string();
  {
    std::ofstream old(path, std::ios::binary);
    old << "an older file";
  }
  m.save(path);
  m.save(path);
  EXPECT_EQ(synopsis::StanceClassifierModel::load(path).serialize(), m.serialize());
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) files += entry.is_regular_file();
  EXPECT_EQ(files, 1u);
}

TEST_F(ModelFiles, MissingFilesAndFoldersAreFilesystemErrors) {
  const std::string missing = (dir_ / "absent.bin").string();
  try {
    synopsis::StanceClassifierModel::load(missing);
    FAIL() << "expected std::filesystem::filesystem_error";
  } catch (const std::filesystem::filesystem_error& e) {
    EXPECT_EQ(e.code(), std::errc::no_such_file_or_directory);
    EXPECT_EQ(e.path1().string(), missing);
  }
  Toy t = toy(2);
  EXPECT_THROW(small_model(t).save((dir_ / "no" / "such" / "folder.bin").string()),
               std::filesystem::filesystem_error);
}

TEST_F(ModelFiles, CorruptFilesNameThePath) {
  const std::string path = (dir_ / "corrupt.bin").string();
  {
    std::ofstream f(path, std::ios::binary);
    f << "SYNSTNC";
  }
  try {
    synopsis::StanceClassifierModel::load(path);
    FAIL() << "expected std::invalid_argument";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
  }
}

}  // namespace

TEST(StanceClassifierLabels, StringLabelsAreLowercased) {
  EXPECT_EQ(synopsis::lowercase_labels({"FAVOR", "Against", "none", "FAVOR", "ÜBER"}),
            (std::vector<std::string>{"favor", "against", "none", "favor", "über"}));
  EXPECT_THROW(synopsis::lowercase_labels({"Agree", "agree"}), std::invalid_argument);
  Toy t = toy(2);
  std::vector<std::string> upper;
  for (const std::string& name : t.names()) upper.push_back(name == "agree" ? "AGREE" : name);
  synopsis::StanceClassifierOptions o;
  o.hash_bits = 8;
  o.max_epochs = 2;
  synopsis::StanceClassifierModel m(o);
  m.fit(t.targets, t.texts, upper, 1);
  EXPECT_EQ(m.classes().strings(), (std::vector<std::string>{"agree", "disagree", "unrelated"}));
}

// Text vectors: an encoder whose vectors know that invented words share a meaning, so that a
// model trained on some of them reads the others (which no n-gram or cue feature can).
namespace {

class ConceptEncoder : public synopsis::Encoder {
 public:
  explicit ConceptEncoder(float twist = 0.0f) : twist_(twist) {}
  std::string name() const override { return "concepts"; }
  synopsis::Embedding encode(const synopsis::Document&) const override {
    throw std::logic_error("not used by the classifier");
  }
  std::size_t dimension() const override { return 8; }
  synopsis::DenseRows embed_texts(const std::vector<std::string>& texts, int) const override {
    synopsis::DenseRows out = synopsis::DenseRows::Zero(static_cast<Eigen::Index>(texts.size()), 8);
    for (std::size_t i = 0; i < texts.size(); ++i) {
      auto row = out.row(static_cast<Eigen::Index>(i));
      row(7) = 1.0f + twist_;
      row(6) = twist_;
      for (const char* w : {"blorp", "zibble"})
        if (texts[i].find(w) != std::string::npos) row(0) += 1.0f;
      for (const char* w : {"quax", "frell"})
        if (texts[i].find(w) != std::string::npos) row(1) += 1.0f;
      row.normalize();
    }
    return out;
  }

 private:
  float twist_;
};

struct Concepts {
  std::vector<std::string> targets, texts, labels;
};

// Texts for (favour word, against word); the target is always the same.
Concepts concepts(const char* favour, const char* against, int repeats) {
  Concepts c;
  for (int r = 0; r < repeats; ++r) {
    const std::string n = std::to_string(r);
    c.targets.insert(c.targets.end(), {"the plan", "the plan"});
    c.texts.push_back("People said " + std::string(favour) + " about it, case " + n + ".");
    c.texts.push_back("People said " + std::string(against) + " about it, case " + n + ".");
    c.labels.insert(c.labels.end(), {"favor", "against"});
  }
  return c;
}

double label_accuracy(const synopsis::StanceClassifierModel& m, const Concepts& c) {
  Eigen::MatrixXf p = m.predict_proba(c.targets, c.texts, 1);
  int ok = 0;
  for (Eigen::Index i = 0; i < p.rows(); ++i) {
    Eigen::Index arg;
    p.row(i).maxCoeff(&arg);
    ok += m.classes().strings()[static_cast<std::size_t>(arg)] == c.labels[static_cast<std::size_t>(i)];
  }
  return double(ok) / static_cast<double>(p.rows());
}

synopsis::StanceClassifierOptions concept_options() {
  synopsis::StanceClassifierOptions o;
  o.model = "logistic";
  o.features = "words";
  o.hash_bits = 10;
  o.max_epochs = 30;
  o.learning_rate = 0.02f;
  o.validation_fraction = 0.0f;
  return o;
}

}  // namespace

TEST(StanceClassifierTextVectors, ReadMeaningThatWordsDoNotShow) {
  const Concepts train = concepts("blorp", "quax", 20), test = concepts("zibble", "frell", 5);
  synopsis::StanceClassifierModel words(concept_options());
  words.fit(train.targets, train.texts, train.labels, 2);
  EXPECT_GE(label_accuracy(words, train), 0.95);
  EXPECT_LE(label_accuracy(words, test), 0.6);  // unseen words: chance

  auto encoder = std::make_shared<ConceptEncoder>();
  synopsis::StanceClassifierModel meaning(concept_options(), encoder);
  meaning.fit(train.targets, train.texts, train.labels, 2);
  EXPECT_TRUE(meaning.reads_text_vectors());
  EXPECT_EQ(meaning.encoder_signature().name, "concepts");
  EXPECT_EQ(label_accuracy(meaning, test), 1.0);
  synopsis::StanceFeaturizer f = synopsis::StanceFeaturizer(10);
  f.set_encoder(encoder);
  const synopsis::PairFeatures x = f.transform({"the plan"}, {"blorp. quax!"})[0];
  const std::size_t base = synopsis::stance_dense_feature_names().size();
  EXPECT_EQ(x.dense.size(), base + synopsis::stance_embedding_feature_names(8).size());
  EXPECT_EQ(synopsis::stance_embedding_feature_names(8).size(), 6u + 16u);
  EXPECT_EQ(f.sparse_dimension(), 2u * 1024u);
  // The text's vector is the mean of its two sentences' (unit length); the product block too.
  const Eigen::Map<const Eigen::VectorXf> text(x.dense.data() + base + 6, 8), product(x.dense.data() + base + 14, 8);
  EXPECT_NEAR(text.norm(), 1.0f, 1e-5f);
  EXPECT_NEAR(text[0], text[1], 1e-6f);
  EXPECT_NEAR(product.norm(), 1.0f, 1e-5f);
}

TEST(StanceClassifierTextVectors, ModelFileNamesTheEncoderItNeeds) {
  const Concepts train = concepts("blorp", "quax", 10), test = concepts("zibble", "frell", 3);
  auto encoder = std::make_shared<ConceptEncoder>();
  for (bool per_target : {false, true}) {
    synopsis::StanceClassifierOptions o = concept_options();
    o.per_target = per_target;
    synopsis::StanceClassifierModel m(o, encoder);
    m.fit(train.targets, train.texts, train.labels, 1);
    const Eigen::MatrixXf p = m.predict_proba(test.targets, test.texts, 1);

    auto back = synopsis::StanceClassifierModel::deserialize(m.serialize());
    EXPECT_TRUE(back.reads_text_vectors());
    EXPECT_EQ(back.encoder(), nullptr);
    try {
      back.predict_proba(test.targets, test.texts, 1);
      ADD_FAILURE() << "predicted without its encoder";
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("'concepts' encoder of dimension 8"), std::string::npos) << e.what();
    }
    // Another encoder of the same name and dimension whose vectors differ is refused, and the
    // model stays without one; int8-like small differences would pass.
    EXPECT_THROW(back.set_encoder(std::make_shared<ConceptEncoder>(1.0f)), std::invalid_argument);
    EXPECT_EQ(back.encoder(), nullptr);
    EXPECT_NO_THROW(back.set_encoder(std::make_shared<ConceptEncoder>(0.01f)));
    back.set_encoder(encoder);
    EXPECT_TRUE(p.isApprox(back.predict_proba(test.targets, test.texts, 1), 1e-6f));
    EXPECT_EQ(back.serialize(), m.serialize());
  }
  // A model without text vectors takes no encoder; lexical encoders give no text vectors.
  synopsis::StanceClassifierModel plain(concept_options());
  plain.fit(train.targets, train.texts, train.labels, 1);
  EXPECT_THROW(plain.set_encoder(encoder), std::invalid_argument);
  EXPECT_THROW(synopsis::StanceClassifierModel(concept_options(), synopsis::make_encoder("tfidf")),
               std::invalid_argument);
}
