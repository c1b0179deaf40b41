// Fingerprint block features: the twin of src-main/biometrics/quality/fingerprint-features.ts.
//
// The JavaScript walks each block pixel by pixel. Here one row of the image is walked at a time,
// and per image column five running sums are kept for the current row of blocks (pixel value,
// its square, gx^2, gy^2, gx*gy); when the row of blocks is complete the columns of each block
// are added up. Every step is integer arithmetic, which the compiler vectorises, and integer
// sums are exact, so the order of the additions does not matter: the sums are the very numbers
// the JavaScript adds up in doubles (exact there too, all below 2^53). Only the last step per
// block is floating point, and it is written as the JavaScript writes it.
#include <algorithm>
#include <cmath>
#include <vector>

#include "kernels.h"

namespace ktp {

namespace {

// Background below this standard deviation: FOREGROUND_MIN_STD in fingerprint-features.ts.
constexpr double kForegroundMinStd = 12;

// A column sum holds at most this many rows before it is flushed into 64-bit block sums:
// 1024 rows x (1020^2) stays below 2^31.
constexpr uint32_t kRowsPerFlush = 1024;

struct BlockSums {
  int64_t sum = 0;
  int64_t sumSq = 0;
  int64_t gxx = 0;
  int64_t gyy = 0;
  int64_t gxy = 0;
};

struct ColumnSums {
  explicit ColumnSums(size_t n) : sum(n), sumSq(n), gxx(n), gyy(n), gxy(n) {}
  std::vector<int32_t> sum, sumSq, gxx, gyy, gxy;
  void Clear() {
    std::fill(sum.begin(), sum.end(), 0);
    std::fill(sumSq.begin(), sumSq.end(), 0);
    std::fill(gxx.begin(), gxx.end(), 0);
    std::fill(gyy.begin(), gyy.end(), 0);
    std::fill(gxy.begin(), gxy.end(), 0);
  }
};

// Adds each block's columns into its 64-bit sums and clears the columns.
void Flush(ColumnSums& columns, std::vector<BlockSums>& blocks, uint32_t blockSize) {
  for (size_t b = 0; b < blocks.size(); ++b) {
    const size_t x0 = b * blockSize;
    int64_t sum = 0, sumSq = 0, gxx = 0, gyy = 0, gxy = 0;
    for (size_t x = x0; x < x0 + blockSize; ++x) {
      sum += columns.sum[x];
      sumSq += columns.sumSq[x];
      gxx += columns.gxx[x];
      gyy += columns.gyy[x];
      gxy += columns.gxy[x];
    }
    blocks[b].sum += sum;
    blocks[b].sumSq += sumSq;
    blocks[b].gxx += gxx;
    blocks[b].gyy += gyy;
    blocks[b].gxy += gxy;
  }
  columns.Clear();
}

// One image row into the column sums: the pixel sums over [0, span); the gradient sums over
// the columns that have both neighbours, [1, min(span, width - 1)), and only when the row has
// both neighbours (interior) -- the JavaScript skips the image's border pixels the same way.
void AddRow(const uint8_t* pixels, uint32_t width, uint32_t y, bool interior, uint32_t span, ColumnSums& columns) {
  const uint8_t* mid = pixels + static_cast<size_t>(y) * width;
  int32_t* sum = columns.sum.data();
  int32_t* sumSq = columns.sumSq.data();
  for (uint32_t x = 0; x < span; ++x) {
    const int32_t v = mid[x];
    sum[x] += v;
    sumSq[x] += v * v;
  }
  if (!interior) return;
  const uint8_t* up = mid - width;
  const uint8_t* down = mid + width;
  const uint32_t end = std::min(span, width - 1);
  int32_t* gxxs = columns.gxx.data();
  int32_t* gyys = columns.gyy.data();
  int32_t* gxys = columns.gxy.data();
  for (uint32_t x = 1; x < end; ++x) {
    // gx: right column minus left column (1, 2, 1); gy: row below minus row above (1, 2, 1).
    const int16_t gx = static_cast<int16_t>((up[x + 1] + 2 * mid[x + 1] + down[x + 1]) - (up[x - 1] + 2 * mid[x - 1] + down[x - 1]));
    const int16_t gy = static_cast<int16_t>((down[x - 1] + 2 * down[x] + down[x + 1]) - (up[x - 1] + 2 * up[x] + up[x + 1]));
    gxxs[x] += static_cast<int32_t>(gx) * gx;
    gyys[x] += static_cast<int32_t>(gy) * gy;
    gxys[x] += static_cast<int32_t>(gx) * gy;
  }
}

}  // namespace

void FingerprintBlockFeatures(const uint8_t* pixels, uint32_t width, uint32_t height, uint32_t blockSize,
                              float* contrast, float* coherence, uint8_t* foreground) {
  const uint32_t blocksX = width / blockSize;
  const uint32_t blocksY = height / blockSize;
  if (blocksX == 0 || blocksY == 0) return;
  const uint32_t span = blocksX * blockSize;
  ColumnSums columns(span);
  std::vector<BlockSums> blocks(blocksX);
  // The JavaScript's `count` and every value below are doubles, computed in its order.
  const double count = static_cast<double>(blockSize) * static_cast<double>(blockSize);
  for (uint32_t by = 0; by < blocksY; ++by) {
    std::fill(blocks.begin(), blocks.end(), BlockSums{});
    const uint32_t y0 = by * blockSize;
    uint32_t held = 0;
    for (uint32_t y = y0; y < y0 + blockSize; ++y) {
      AddRow(pixels, width, y, y > 0 && y + 1 < height, span, columns);
      if (++held == kRowsPerFlush) {
        Flush(columns, blocks, blockSize);
        held = 0;
      }
    }
    Flush(columns, blocks, blockSize);
    for (uint32_t bx = 0; bx < blocksX; ++bx) {
      const BlockSums& s = blocks[bx];
      const double mean = static_cast<double>(s.sum) / count;
      const double variance = static_cast<double>(s.sumSq) / count - mean * mean;
      const double std = std::sqrt(variance > 0 ? variance : 0.0);  // Math.max(0, variance)
      const size_t i = static_cast<size_t>(by) * blocksX + bx;
      contrast[i] = static_cast<float>(std);
      const double gxx = static_cast<double>(s.gxx);
      const double gyy = static_cast<double>(s.gyy);
      const double gxy = static_cast<double>(s.gxy);
      const double energy = gxx + gyy;
      const double difference = gxx - gyy;  // exact: both are integers below 2^53
      // (gxx - gyy) ** 2 + 4 * gxy * gxy, left to right as JavaScript evaluates it.
      coherence[i] = energy == 0 ? 0.0f : static_cast<float>(std::sqrt(difference * difference + 4.0 * gxy * gxy) / energy);
      foreground[i] = std >= kForegroundMinStd ? 1 : 0;
    }
  }
}

}  // namespace ktp
