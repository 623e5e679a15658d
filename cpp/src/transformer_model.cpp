// Loading a TransformerEncoder: the folder's configuration, tokeniser and weights.
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "synopsis/json.hpp"
#include "synopsis/safetensors.hpp"
#include "synopsis/transformer.hpp"
#include "transformer_weights.hpp"

namespace synopsis {

namespace {

// Config files are small; a larger one is not what it claims to be.
constexpr std::size_t kMaxConfigBytes = 64u << 20;

bool file_exists(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return static_cast<bool>(in);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::invalid_argument("cannot open '" + path + "'");
  std::ostringstream out;
  out << in.rdbuf();
  std::string s = out.str();
  if (s.size() > kMaxConfigBytes) throw std::invalid_argument("'" + path + "' is too large for a configuration file");
  return s;
}

JsonValue read_json(const std::string& path) {
  try {
    return JsonValue::parse(read_text(path));
  } catch (const std::invalid_argument& e) {
    throw std::invalid_argument(std::string(e.what()) + " (in '" + path + "')");
  }
}

int config_int(const JsonValue& config, const char* key, const std::string& path, long long lo, long long hi) {
  const JsonValue* v = config.find(key);
  if (!v) throw std::invalid_argument("'" + path + "' lacks \"" + key + "\"");
  return static_cast<int>(v->as_integer((path + ": " + key).c_str(), lo, hi));
}

bool flag_or(const JsonValue& object, const char* key, bool fallback) {
  const JsonValue* v = object.find(key);
  if (!v || v->is_null()) return fallback;
  return v->as_bool(key);
}

}  // namespace

void TransformerLinear::quantize() {
  if (out % 16 || in % 4)
    throw std::invalid_argument("quantize='int8' needs layer sizes divisible by 16 (outputs) and 4 (inputs), got " +
                                std::to_string(out) + " x " + std::to_string(in));
  const std::size_t n_in = static_cast<std::size_t>(in);
  q.assign(static_cast<std::size_t>(out) * n_in, 0);
  scale.assign(static_cast<std::size_t>(out), 1.0f);
  row_sum.assign(static_cast<std::size_t>(out), 0);
  for (int o = 0; o < out; ++o) {
    const float* row = weight.data() + static_cast<std::size_t>(o) * n_in;
    float m = 0;
    for (int k = 0; k < in; ++k) m = std::max(m, std::fabs(row[k]));
    const float s = m > 0 ? m / 127.0f : 1.0f;
    scale[static_cast<std::size_t>(o)] = s;
    std::int32_t sum = 0;
    for (int k = 0; k < in; ++k) {
      const int v = static_cast<int>(std::lround(row[k] / s));
      const std::int8_t c = static_cast<std::int8_t>(std::max(-127, std::min(127, v)));
      q[static_cast<std::size_t>(o / 16) * 16 * n_in + static_cast<std::size_t>(k / 4) * 64 +
        static_cast<std::size_t>(o % 16) * 4 + static_cast<std::size_t>(k % 4)] = c;
      sum += c;
    }
    row_sum[static_cast<std::size_t>(o)] = sum;
  }
  weight.clear();
  weight.shrink_to_fit();
}

void TransformerLinear::to_panels() {
  const std::size_t n_in = static_cast<std::size_t>(in);
  std::vector<float> packed(weight.size());
  for (std::size_t o = 0; o < static_cast<std::size_t>(out); ++o)
    for (std::size_t k = 0; k < n_in; ++k) packed[(o / 16) * 16 * n_in + k * 16 + o % 16] = weight[o * n_in + k];
  weight = std::move(packed);
  panels = true;
}

transformer_detail::LinearView TransformerLinear::view() const {
  transformer_detail::LinearView v;
  v.in = in;
  v.out = out;
  v.bias = bias.data();
  if (!q.empty()) {
    v.q = q.data();
    v.scale = scale.data();
    v.q_row_sum = row_sum.data();
  } else {
    v.weight = weight.data();
    v.panels = panels;
  }
  return v;
}

TransformerEncoder::~TransformerEncoder() = default;

std::string TransformerEncoder::kernel() const { return weights_->kernel; }

TransformerEncoder::TransformerEncoder(const std::string& folder, TransformerOptions options)
    : folder_(folder), options_(std::move(options)) {
  if (options_.quantize != "" && options_.quantize != "int8")
    throw std::invalid_argument("quantize must be None or 'int8', got '" + options_.quantize + "'");
  if (options_.threads < 1) throw std::invalid_argument("TransformerEncoder: threads must be >= 1");
  if (options_.batch_tokens < 1) throw std::invalid_argument("TransformerEncoder: batch_tokens must be >= 1");
  std::string dir = folder;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  const std::string config_path = dir + "/config.json";
  if (!file_exists(config_path))
    throw std::invalid_argument("'" + folder + "' is not a model folder: it has no config.json (point at the folder "
                                "holding config.json, model.safetensors and vocab.txt or tokenizer.json)");

  // The architecture.
  const JsonValue config = read_json(config_path);
  config.as_object(("'" + config_path + "'").c_str());
  if (const JsonValue* type = config.find("model_type")) {
    const std::string& t = type->as_string("model_type");
    if (t != "bert")
      throw std::invalid_argument("'" + config_path + "' describes a '" + t +
                                  "' model; TransformerEncoder runs BERT-family models (model_type \"bert\")");
  }
  if (const JsonValue* act = config.find("hidden_act")) {
    if (act->as_string("hidden_act") != "gelu")
      throw std::invalid_argument("'" + config_path + "': hidden_act \"" + act->as_string("hidden_act") +
                                  "\" is not supported (only \"gelu\")");
  }
  if (const JsonValue* pe = config.find("position_embedding_type")) {
    if (pe->as_string("position_embedding_type") != "absolute")
      throw std::invalid_argument("'" + config_path + "': only absolute position embeddings are supported");
  }
  config_.hidden = config_int(config, "hidden_size", config_path, 1, 16384);
  config_.layers = config_int(config, "num_hidden_layers", config_path, 1, 256);
  config_.heads = config_int(config, "num_attention_heads", config_path, 1, 1024);
  config_.intermediate = config_int(config, "intermediate_size", config_path, 1, 65536);
  config_.vocab = config_int(config, "vocab_size", config_path, 1, 10'000'000);
  config_.positions = config_int(config, "max_position_embeddings", config_path, 3, 1'000'000);
  config_.token_types = config.find("type_vocab_size") ? config_int(config, "type_vocab_size", config_path, 1, 1024) : 2;
  if (const JsonValue* eps = config.find("layer_norm_eps")) {
    const double e = eps->as_number("layer_norm_eps");
    if (!(e > 0 && e < 1)) throw std::invalid_argument("'" + config_path + "': layer_norm_eps must lie in (0, 1)");
    config_.norm_eps = static_cast<float>(e);
  }
  if (config_.hidden % config_.heads)
    throw std::invalid_argument("'" + config_path + "': hidden_size must be a multiple of num_attention_heads");

  // sentence-transformers' own settings: the token cap, lower-casing before the tokeniser.
  std::size_t cap = static_cast<std::size_t>(config_.positions);
  const std::string st_path = dir + "/sentence_bert_config.json";
  if (file_exists(st_path)) {
    const JsonValue st = read_json(st_path);
    if (const JsonValue* m = st.find("max_seq_length"))
      cap = std::min(cap, static_cast<std::size_t>(m->as_integer("max_seq_length", 3, 1'000'000)));
    lowercase_input_ = flag_or(st, "do_lower_case", false);
  }
  if (options_.max_length) {
    if (options_.max_length < 3 || options_.max_length > static_cast<std::size_t>(config_.positions))
      throw std::invalid_argument("max_length must lie in [3, " + std::to_string(config_.positions) +
                                  "] (the model's position embeddings), got " + std::to_string(options_.max_length));
    cap = options_.max_length;
  }
  max_length_ = cap;

  // Pooling: modules.json names the pooling module's folder.
  std::string pooling_path = dir + "/1_Pooling/config.json";
  const std::string modules_path = dir + "/modules.json";
  if (file_exists(modules_path)) {
    for (const JsonValue& module : read_json(modules_path).as_array("modules.json")) {
      const JsonValue* type = module.find("type");
      const JsonValue* path = module.find("path");
      if (type && path && type->as_string("modules.json type").find("Pooling") != std::string::npos)
        pooling_path = dir + "/" + path->as_string("modules.json path") + "/config.json";
    }
  }
  if (file_exists(pooling_path)) {
    const JsonValue pool = read_json(pooling_path);
    if (flag_or(pool, "pooling_mode_cls_token", false)) pooling_ = Pooling::cls;
    else if (flag_or(pool, "pooling_mode_max_tokens", false)) pooling_ = Pooling::max;
    else if (flag_or(pool, "pooling_mode_mean_tokens", true)) pooling_ = Pooling::mean;
    else
      throw std::invalid_argument("'" + pooling_path + "': only mean, cls and max pooling are supported");
  }

  // The tokeniser: tokenizer.json (what sentence-transformers' fast tokeniser reads), else vocab.txt.
  WordPieceOptions wp;
  std::vector<std::string> vocabulary;
  const std::string tokenizer_path = dir + "/tokenizer.json";
  const std::string vocab_path = dir + "/vocab.txt";
  if (file_exists(tokenizer_path)) {
    const JsonValue tok = read_json(tokenizer_path);
    const JsonValue* model = tok.find("model");
    if (!model || !model->find("type") || model->find("type")->as_string("tokenizer model type") != "WordPiece")
      throw std::invalid_argument("'" + tokenizer_path + "' is not a WordPiece tokeniser");
    if (const JsonValue* unk = model->find("unk_token")) wp.unknown = unk->as_string("unk_token");
    if (const JsonValue* pre = model->find("continuing_subword_prefix")) wp.continuation = pre->as_string("continuing_subword_prefix");
    if (const JsonValue* mx = model->find("max_input_chars_per_word"))
      wp.max_chars_per_word = static_cast<std::size_t>(mx->as_integer("max_input_chars_per_word", 1, 1'000'000));
    const JsonValue* vocab = model->find("vocab");
    if (!vocab) throw std::invalid_argument("'" + tokenizer_path + "' has no model.vocab");
    const auto& entries = vocab->as_object("tokenizer.json model.vocab");
    vocabulary.assign(entries.size(), std::string());
    std::vector<std::uint8_t> seen(entries.size(), 0);
    for (const auto& [piece, id] : entries) {
      const auto i = static_cast<std::size_t>(id.as_integer("a vocabulary id", 0, static_cast<long long>(entries.size()) - 1));
      if (seen[i]) throw std::invalid_argument("'" + tokenizer_path + "': two pieces share the id " + std::to_string(i));
      seen[i] = 1;
      vocabulary[i] = piece;
    }
    if (const JsonValue* norm = tok.find("normalizer"); norm && !norm->is_null()) {
      const JsonValue* type = norm->find("type");
      if (!type || type->as_string("normalizer type") != "BertNormalizer")
        throw std::invalid_argument("'" + tokenizer_path + "': only the BertNormalizer is supported");
      wp.lowercase = flag_or(*norm, "lowercase", true);
      wp.strip_accents = flag_or(*norm, "strip_accents", wp.lowercase);
      wp.chinese_chars = flag_or(*norm, "handle_chinese_chars", true);
      wp.clean_text = flag_or(*norm, "clean_text", true);
    }
  } else if (file_exists(vocab_path)) {
    vocabulary = read_vocab_txt(read_text(vocab_path));
    const std::string tc_path = dir + "/tokenizer_config.json";
    if (file_exists(tc_path)) {
      const JsonValue tc = read_json(tc_path);
      wp.lowercase = flag_or(tc, "do_lower_case", true);
      wp.strip_accents = flag_or(tc, "strip_accents", wp.lowercase);
      wp.chinese_chars = flag_or(tc, "tokenize_chinese_chars", true);
    }
  } else {
    throw std::invalid_argument("'" + folder + "' has neither tokenizer.json nor vocab.txt");
  }
  if (vocabulary.size() != static_cast<std::size_t>(config_.vocab))
    throw std::invalid_argument("the tokeniser has " + std::to_string(vocabulary.size()) + " pieces, config.json says " +
                                std::to_string(config_.vocab));
  tokenizer_ = std::make_unique<WordPieceTokenizer>(std::move(vocabulary), wp);
  cls_id_ = tokenizer_->id("[CLS]");
  sep_id_ = tokenizer_->id("[SEP]");
  if (cls_id_ < 0 || sep_id_ < 0) throw std::invalid_argument("the vocabulary lacks [CLS] or [SEP]");

  // The weights.
  const std::string weights_path = dir + "/model.safetensors";
  if (!file_exists(weights_path))
    throw std::invalid_argument("'" + folder + "' has no model.safetensors (a pytorch_model.bin alone is not read: "
                                "convert it with safetensors' save_file)");
  const SafetensorsFile file = SafetensorsFile::read(weights_path);
  std::string prefix;
  if (!file.contains("embeddings.word_embeddings.weight") && file.contains("bert.embeddings.word_embeddings.weight"))
    prefix = "bert.";
  const std::int64_t h = config_.hidden, inner = config_.intermediate;
  auto get = [&](const std::string& name, std::vector<std::int64_t> shape) {
    return file.floats(prefix + name, shape);
  };
  auto linear = [&](const std::string& name, std::int64_t out, std::int64_t in) {
    TransformerLinear l;
    l.in = static_cast<int>(in);
    l.out = static_cast<int>(out);
    l.weight = get(name + ".weight", {out, in});
    l.bias = get(name + ".bias", {out});
    return l;
  };
  weights_ = std::make_unique<Weights>();
  Weights& w = *weights_;
  w.word = get("embeddings.word_embeddings.weight", {config_.vocab, h});
  w.position = get("embeddings.position_embeddings.weight", {config_.positions, h});
  w.token_type = get("embeddings.token_type_embeddings.weight", {config_.token_types, h});
  w.gamma = get("embeddings.LayerNorm.weight", {h});
  w.beta = get("embeddings.LayerNorm.bias", {h});
  for (int l = 0; l < config_.layers; ++l) {
    const std::string p = "encoder.layer." + std::to_string(l) + ".";
    TransformerLayer layer;
    const TransformerLinear q = linear(p + "attention.self.query", h, h);
    const TransformerLinear k = linear(p + "attention.self.key", h, h);
    const TransformerLinear v = linear(p + "attention.self.value", h, h);
    layer.qkv.in = static_cast<int>(h);
    layer.qkv.out = static_cast<int>(3 * h);
    for (const TransformerLinear* part : {&q, &k, &v}) {
      layer.qkv.weight.insert(layer.qkv.weight.end(), part->weight.begin(), part->weight.end());
      layer.qkv.bias.insert(layer.qkv.bias.end(), part->bias.begin(), part->bias.end());
    }
    layer.attention_out = linear(p + "attention.output.dense", h, h);
    layer.attention_gamma = get(p + "attention.output.LayerNorm.weight", {h});
    layer.attention_beta = get(p + "attention.output.LayerNorm.bias", {h});
    layer.ffn_in = linear(p + "intermediate.dense", inner, h);
    layer.ffn_out = linear(p + "output.dense", h, inner);
    layer.output_gamma = get(p + "output.LayerNorm.weight", {h});
    layer.output_beta = get(p + "output.LayerNorm.bias", {h});
    if (options_.quantize == "int8") {
      // The fused query/key/value projection stays float32: its int8 error, passed through the
      // softmax, cost the most accuracy (worst cosine to float32 over the parity sentences
      // 0.9926 with it quantised, 0.9953 without; 4/5 of the speed-up kept).
      for (TransformerLinear* lin : {&layer.attention_out, &layer.ffn_in, &layer.ffn_out}) lin->quantize();
    }
    w.layers.push_back(std::move(layer));
  }
  w.forward = transformer_detail::best_forward(&w.kernel);
  if (std::string(w.kernel) != "generic") {
    for (TransformerLayer& layer : w.layers)
      for (TransformerLinear* lin : {&layer.qkv, &layer.attention_out, &layer.ffn_in, &layer.ffn_out})
        if (lin->q.empty() && lin->out % 16 == 0) lin->to_panels();
  }
  for (const TransformerLayer& layer : w.layers) {
    transformer_detail::LayerView v;
    v.qkv = layer.qkv.view();
    v.attention_out = layer.attention_out.view();
    v.attention_norm_gamma = layer.attention_gamma.data();
    v.attention_norm_beta = layer.attention_beta.data();
    v.ffn_in = layer.ffn_in.view();
    v.ffn_out = layer.ffn_out.view();
    v.output_norm_gamma = layer.output_gamma.data();
    v.output_norm_beta = layer.output_beta.data();
    w.layer_views.push_back(v);
  }
  w.view.hidden = config_.hidden;
  w.view.heads = config_.heads;
  w.view.layers = config_.layers;
  w.view.norm_eps = config_.norm_eps;
  w.view.word = w.word.data();
  w.view.position = w.position.data();
  w.view.token_type = w.token_type.data();
  w.view.norm_gamma = w.gamma.data();
  w.view.norm_beta = w.beta.data();
  w.view.layer = w.layer_views.data();
  w.view.int8 = options_.quantize == "int8";
}

}  // namespace synopsis
