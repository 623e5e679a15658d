// StanceClassifierModel::deserialize on any bytes. With the first byte odd, the rest is
// taken as a payload and wrapped in a valid header and checksum, so the fuzzer gets past
// the checksum into the payload reader; with it even, the rest is the whole file. A model
// that loads must predict finite probabilities summing to 1.
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "fuzz_input.hpp"
#include "synopsis/classifier.hpp"
#include "synopsis/features.hpp"

using namespace synopsis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::Input in(data, size);
  const bool wrap = in.byte() & 1;
  const std::string_view rest = in.rest();
  std::string file;
  if (wrap) {
    file.append("SYNSTNC\0", 8);
    const std::uint32_t version = StanceClassifierModel::kFormatVersion;
    const std::uint64_t n = rest.size();
    file.append(reinterpret_cast<const char*>(&version), 4);
    file.append(reinterpret_cast<const char*>(&n), 8);
    file.append(rest);
    const std::uint64_t sum = stable_hash(file, 0x5EED);  // the format's checksum: header and payload
    file.append(reinterpret_cast<const char*>(&sum), 8);
  } else {
    file.assign(rest);
  }
  try {
    const StanceClassifierModel model = StanceClassifierModel::deserialize(file);
    SYNOPSIS_FUZZ_CHECK(model.fitted() && model.classes().size() >= 2);
    const Eigen::MatrixXf p = model.predict_proba({"the target", ""}, {"Some text about the target. It is true.", ""});
    SYNOPSIS_FUZZ_CHECK(p.rows() == 2 && static_cast<std::size_t>(p.cols()) == model.classes().size());
    for (Eigen::Index i = 0; i < p.rows(); ++i) {
      SYNOPSIS_FUZZ_CHECK(p.row(i).allFinite());
      SYNOPSIS_FUZZ_CHECK(std::fabs(p.row(i).sum() - 1.0f) < 1e-3f);
    }
  } catch (const std::invalid_argument& e) {
    SYNOPSIS_FUZZ_CHECK(find_invalid_utf8(e.what()) == std::string_view::npos);
  }
  return 0;
}
