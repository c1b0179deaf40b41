// Printer panel kernels: the twins of src-main/print/evolis/colour-panels.ts, mono-panel.ts and
// bit-pack.ts.
//
// The JavaScript makes one pass per ink, dot by dot down each panel line (up one card column),
// then packs each ink's levels. Here:
// - the panel lines are made a group of kGroup at a time (neighbouring card columns, so each card
//   row is read a few bytes at a time, not one byte per cache line), for all three inks at once;
// - with error diffusion the lines of a group run as a wavefront: line k + 1 is two dots behind
//   line k, which is exactly how far behind the error it takes from line k must be. Each line's
//   chain of dots is serial (a dot needs its predecessor's error), but the lines of the group
//   and the three inks are independent chains, which the processor runs side by side. Every
//   error buffer entry still receives its additions in the JavaScript's order (the previous
//   line's three, then this line's own), each rounded to float as a Float32Array store rounds;
// - the levels of a group are then packed line by line, eight levels (= bitsPerDot bytes) at a
//   time where the output is byte-aligned.
#include <algorithm>
#include <vector>

#include "kernels.h"

namespace ktp {

namespace {

// Panel lines made together: enough independent chains to keep the processor busy.
constexpr uint32_t kGroup = 8;

// Packs levels most significant bit first, as bit-pack.ts does: a stream of bitsPerDot-bit
// values with no gap, a byte filling from bit 7 down, the last byte padded with zero bits.
class BitPacker {
 public:
  BitPacker(uint8_t* out, int bitsPerDot) : out_(out), bits_(bitsPerDot) {}

  inline void Push(uint32_t level) {
    accumulator_ = (accumulator_ << bits_) | level;
    held_ += bits_;
    if (held_ >= 8) {
      held_ -= 8;
      *out_++ = static_cast<uint8_t>(accumulator_ >> held_);
      accumulator_ &= (1u << held_) - 1;
    }
  }

  // The same as Push for each level in turn; eight levels at a time while on a byte boundary.
  void PushAll(const uint8_t* levels, size_t count) {
    size_t i = 0;
    while (i < count && held_ != 0) Push(levels[i++]);
    const int bits = bits_;
    for (; i + 8 <= count; i += 8) {
      uint64_t group = 0;
      for (int j = 0; j < 8; ++j) group = (group << bits) | levels[i + j];
      for (int b = bits - 1; b >= 0; --b) *out_++ = static_cast<uint8_t>(group >> (8 * b));
    }
    for (; i < count; ++i) Push(levels[i]);
  }

  void Finish() {
    if (held_ > 0) *out_++ = static_cast<uint8_t>(accumulator_ << (8 - held_));
    held_ = 0;
    accumulator_ = 0;
  }

 private:
  uint8_t* out_;
  int bits_;
  uint32_t accumulator_ = 0;
  int held_ = 0;
};

// Lanes of the error-diffusion wavefront: panel lines diffused side by side.
constexpr uint32_t kLanes = kGroup;
// A row of the lane buffers: kLanes lanes plus the spill lane (the next group's first line).
constexpr uint32_t kRow = 16;
static_assert(kLanes + 1 <= kRow, "the spill lane must fit in a row");

// 2^52: adding and subtracting it rounds a double in [0, 2^51) to the nearest integer, ties to even.
constexpr double kRoundingShift = 4503599627370496.0;

// Floyd-Steinberg over the kLanes panel lines of a group, for one ink, as a wavefront: at step t
// lane k is at dot t - 2k. Every lane's error buffer is kept skewed by two entries a lane, so that
// at step t every lane reads and writes the same row of `rows`: lane k's buffer entry b (the
// JavaScript's current[b], b = dot + 1 being the dot's own) lives at rows[(b + 2k) * kRow + k].
// The buffer a line diffuses into for the line after it (the JavaScript's `next`) is the
// following lane's, one to the right; the last lane's spills into lane kLanes, which becomes
// lane 0 of the next group. Per buffer entry the additions come in the JavaScript's order: the
// previous line's 1/16, 5/16, 3/16, then the line's own 7/16, each rounded to float.
class InkWavefront {
 public:
  InkWavefront(uint32_t height, int top)
      : height_(height), top_(top), positions_(height + 2 * kLanes + 8), rows_(static_cast<size_t>(positions_) * kRow, 0.0f), carried_(height + 2, 0.0f) {}

  float* Row(uint32_t q) { return rows_.data() + static_cast<size_t>(q) * kRow; }

  // Starts a group: lane 0 takes the carried buffer (the previous group's spill); every other
  // lane's entry is assigned (its first 1/16) before it is read, except in rows 0..3, which are
  // read in the first steps and so start at zero. What is left in the rows from the previous
  // group is finite, and touched only by idle lanes, whose error counts zero.
  void BeginGroup() {
    std::fill(rows_.begin(), rows_.begin() + 4 * kRow, 0.0f);
    for (uint32_t b = 0; b < height_ + 2; ++b) Row(b)[0] = carried_[b];
  }

  // Ends a group: what the last lane diffused into its spill lane is carried to the next group.
  void EndGroup() {
    for (uint32_t b = 0; b < height_ + 2; ++b) carried_[b] = Row(b + 2 * kLanes)[kLanes];
  }

  // One step: `ink` is each lane's ink times scale (0 where the lane is idle), `active` 1 or 0.
  // Writes each lane's level to `level`.
  inline void Step(uint32_t t, const double* ink, const double* active, int32_t* level) {
    const float* r1 = Row(t + 1);
    float* r2 = Row(t + 2);
    float* r3 = Row(t + 3);
    float* r4 = Row(t + 4);
    const double top = top_;
    double error[kLanes];
    for (uint32_t k = 0; k < kLanes; ++k) {
      const double wanted = ink[k] + static_cast<double>(r1[k]);
      // Math.round(wanted): nearest, ties to even, then a tie (x.5) goes up, as Math.round does.
      // Negative wanted rounds to at most 0 (to a multiple of 0.5 below 2^51; clamped to 0 anyway).
      double f = (wanted + kRoundingShift) - kRoundingShift;
      f += (wanted - f == 0.5) ? 1.0 : 0.0;
      f = f < 0.0 ? 0.0 : f;  // Math.max(0, ...)
      f = f > top ? top : f;  // Math.min(top, ...)
      level[k] = static_cast<int32_t>(f);
      error[k] = (wanted - f) * active[k];
    }
    for (uint32_t k = 0; k < kLanes; ++k) r2[k + 1] = static_cast<float>(static_cast<double>(r2[k + 1]) + (error[k] * 3) / 16);
    for (uint32_t k = 0; k < kLanes; ++k) r2[k] = static_cast<float>(static_cast<double>(r2[k]) + (error[k] * 7) / 16);
    for (uint32_t k = 0; k < kLanes; ++k) r3[k + 1] = static_cast<float>(static_cast<double>(r3[k + 1]) + (error[k] * 5) / 16);
    // The first addition to this entry of the next line's buffer (it holds 0 until now).
    for (uint32_t k = 0; k < kLanes; ++k) r4[k + 1] = static_cast<float>(error[k] / 16);
  }

  uint32_t Steps() const { return height_ + 2 * (kLanes - 1); }

 private:
  uint32_t height_;
  int top_;
  uint32_t positions_;
  std::vector<float> rows_;
  std::vector<float> carried_;
};

}  // namespace

void ColourPanels(const uint8_t* rgb, uint32_t width, uint32_t height, int bitsPerDot, bool floydSteinberg,
                  uint8_t* yellow, uint8_t* magenta, uint8_t* cyan) {
  const int top = (1 << bitsPerDot) - 1;
  const double scale = static_cast<double>(top) / 255;
  // Per byte value: the ink (255 - value) times scale, the JavaScript's `ink * scale`; and the
  // level without dithering, `((255 - value) * scale + 0.5) | 0`.
  double inkScaled[256];
  uint8_t plainLevel[256];
  for (int v = 0; v < 256; ++v) {
    inkScaled[v] = static_cast<double>(255 - v) * scale;
    plainLevel[v] = static_cast<uint8_t>(static_cast<int>(inkScaled[v] + 0.5));
  }
  // Levels of the group's lines, per ink (cyan from red, magenta from green, yellow from blue):
  // line k's dot d at [k * height + d].
  const size_t groupLevels = static_cast<size_t>(kGroup) * height;
  std::vector<uint8_t> levels[3] = {std::vector<uint8_t>(groupLevels), std::vector<uint8_t>(groupLevels), std::vector<uint8_t>(groupLevels)};
  uint8_t* lv[3] = {levels[0].data(), levels[1].data(), levels[2].data()};
  BitPacker packers[3] = {BitPacker(cyan, bitsPerDot), BitPacker(magenta, bitsPerDot), BitPacker(yellow, bitsPerDot)};
  std::vector<InkWavefront> waves;
  if (floydSteinberg) waves.assign(3, InkWavefront(height, top));
  const size_t stride = static_cast<size_t>(width) * 3;

  for (uint32_t first = 0; first < width; first += kGroup) {
    const uint32_t count = std::min(kGroup, width - first);
    // Panel line first + k, dot d is card column first + k, row height - 1 - d.
    const uint8_t* bottom = rgb + (static_cast<size_t>(height - 1) * width + first) * 3;
    if (!floydSteinberg) {
      for (uint32_t dot = 0; dot < height; ++dot) {
        const uint8_t* row = bottom - dot * stride;
        for (uint32_t k = 0; k < count; ++k) {
          const size_t at = static_cast<size_t>(k) * height + dot;
          lv[0][at] = plainLevel[row[3 * k]];
          lv[1][at] = plainLevel[row[3 * k + 1]];
          lv[2][at] = plainLevel[row[3 * k + 2]];
        }
      }
    } else {
      for (auto& ink : waves) ink.BeginGroup();
      double ink[3][kLanes];
      double active[kLanes];
      int32_t level[3][kLanes];
      const uint32_t steps = waves[0].Steps();
      for (uint32_t t = 0; t < steps; ++t) {
        for (uint32_t k = 0; k < kLanes; ++k) {
          const bool on = k < count && t >= 2 * k && t - 2 * k < height;
          active[k] = on ? 1.0 : 0.0;
          if (on) {
            const uint8_t* p = bottom - static_cast<size_t>(t - 2 * k) * stride + 3 * k;
            ink[0][k] = inkScaled[p[0]];
            ink[1][k] = inkScaled[p[1]];
            ink[2][k] = inkScaled[p[2]];
          } else {
            ink[0][k] = ink[1][k] = ink[2][k] = 0.0;
          }
        }
        for (int c = 0; c < 3; ++c) waves[c].Step(t, ink[c], active, level[c]);
        for (uint32_t k = 0; k < count; ++k) {
          if (t < 2 * k || t - 2 * k >= height) continue;
          const size_t at = static_cast<size_t>(k) * height + (t - 2 * k);
          lv[0][at] = static_cast<uint8_t>(level[0][k]);
          lv[1][at] = static_cast<uint8_t>(level[1][k]);
          lv[2][at] = static_cast<uint8_t>(level[2][k]);
        }
      }
      for (auto& ink : waves) ink.EndGroup();
    }
    for (int c = 0; c < 3; ++c) packers[c].PushAll(lv[c], static_cast<size_t>(count) * height);
  }
  for (auto& packer : packers) packer.Finish();
}

void MonoPanel(const uint8_t* mask, uint32_t width, uint32_t height, uint8_t* out) {
  BitPacker pack(out, 1);
  std::vector<uint8_t> levels(static_cast<size_t>(kGroup) * height);
  for (uint32_t first = 0; first < width; first += kGroup) {
    const uint32_t count = std::min(kGroup, width - first);
    const uint8_t* bottom = mask + static_cast<size_t>(height - 1) * width + first;
    for (uint32_t dot = 0; dot < height; ++dot) {
      const uint8_t* row = bottom - static_cast<size_t>(dot) * width;
      for (uint32_t k = 0; k < count; ++k) levels[static_cast<size_t>(k) * height + dot] = row[k] == 0 ? 0 : 1;
    }
    pack.PushAll(levels.data(), static_cast<size_t>(count) * height);
  }
  pack.Finish();
}

void PackBits(const uint8_t* levels, size_t count, int bitsPerDot, uint8_t* out) {
  BitPacker pack(out, bitsPerDot);
  pack.PushAll(levels, count);
  pack.Finish();
}

size_t FirstLevelOutOfRange(const uint8_t* levels, size_t count, int bitsPerDot) {
  const unsigned limit = 1u << bitsPerDot;
  for (size_t i = 0; i < count; ++i) {
    if (levels[i] >= limit) return i;
  }
  return count;
}

}  // namespace ktp
