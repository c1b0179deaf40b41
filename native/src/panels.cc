// Printer panel kernels: the twins of src-main/print/evolis/colour-panels.ts, mono-panel.ts and
// bit-pack.ts.
//
// The JavaScript makes one pass per ink, dot by dot down each panel line (up one card column),
// then packs each ink's levels. Here:
// - the panel lines are made kLanes at a time (neighbouring card columns, so each card row is
//   read a few bytes at a time), for all three inks at once;
// - with error diffusion the lines of a group run as a wavefront: line k + 1 is two dots behind
//   line k, exactly as far as it must be to have the error line k passes on. A line's dots form
//   a serial chain (each needs its predecessor's error), but the lanes are independent chains,
//   computed side by side in SIMD registers. Every error buffer entry still receives its
//   additions in the JavaScript's order (the previous line's 1/16, 5/16, 3/16, then the line's
//   own 7/16), each computed in double and rounded to float as a Float32Array store rounds;
// - each group's levels are then packed line by line, eight levels (= bitsPerDot bytes) at a
//   time where the output is byte-aligned.
#include <algorithm>
#include <cstring>
#include <vector>

#if (defined(__SSE2__) || defined(_M_X64)) && !defined(KTP_KERNELS_SCALAR)
#define KTP_SSE2 1
#include <emmintrin.h>
#endif

#include "kernels.h"

namespace ktp {

namespace {

// Panel lines made together.
constexpr uint32_t kLanes = 16;
// A row of the wavefront buffers: lanes 0..7, the spill lane 8 (the next group's first line),
// and padding to whole 16-byte vectors.
constexpr uint32_t kRow = 20;
static_assert(kLanes % 8 == 0 && kLanes + 1 <= kRow && kRow % 4 == 0, "lanes in whole 8-byte level stores; the spill lane and whole float vectors in a row");

// 2^52: adding and subtracting it rounds a double in [0, 2^51) to the nearest integer, ties to even.
constexpr double kRoundingShift = 4503599627370496.0;

// The JavaScript diffuses (error * 7) / 16, (error * 3) / 16, (error * 5) / 16 and error / 16.
// Dividing by 16 is exact, so each is the product rounded once, which is what multiplying by
// 7/16, 3/16, 5/16 and 1/16 (all exact in binary) gives -- the same double, bit for bit, as
// long as the result is not below 2^-1022, and an error is 0 or at least 2^-149 in size (a
// float's smallest step, since it is a double minus a whole number or a float).
constexpr double kRight = 7.0 / 16, kBelowLeft = 3.0 / 16, kBelow = 5.0 / 16, kBelowRight = 1.0 / 16;

// Packs levels most significant bit first, as bit-pack.ts does: a stream of kBits-bit values
// with no gap, a byte filling from bit 7 down, the last byte padded with zero bits.
inline uint64_t ByteSwap(uint64_t v) {
#if defined(_MSC_VER) && !defined(__clang__)
  return _byteswap_uint64(v);
#else
  return __builtin_bswap64(v);
#endif
}

// Packs levels most significant bit first, as bit-pack.ts does: a stream of kBits-bit values
// with no gap, a byte filling from bit 7 down, the last byte padded with zero bits. `end` is the
// end of the output: nothing is written past it.
template <int kBits>
class BitPacker {
 public:
  BitPacker(uint8_t* out, uint8_t* end) : out_(out), end_(end) {}

  inline void Push(uint32_t level) {
    accumulator_ = (accumulator_ << kBits) | level;
    held_ += kBits;
    if (held_ >= 8) {
      held_ -= 8;
      *out_++ = static_cast<uint8_t>(accumulator_ >> held_);
      accumulator_ &= (1u << held_) - 1;
    }
  }

  // The same as Push for each level in turn; while on a byte boundary, eight levels (kBits
  // bytes) at a time: the eight bytes are merged pairwise into one 8 * kBits-bit word, most
  // significant level first, written big-endian with one 8-byte store where 8 bytes are left.
  void PushAll(const uint8_t* levels, size_t count) {
    size_t i = 0;
    while (i < count && held_ != 0) Push(levels[i++]);
    for (; i + 8 <= count; i += 8) {
      uint64_t x;
      std::memcpy(&x, levels + i, 8);
      if (!IsLittleEndian()) x = ByteSwap(x);
      x = ((x & 0x00FF00FF00FF00FFull) << kBits) | ((x >> 8) & 0x00FF00FF00FF00FFull);
      x = ((x & 0x0000FFFF0000FFFFull) << (2 * kBits)) | ((x >> 16) & 0x0000FFFF0000FFFFull);
      WriteGroup(((x & 0xFFFFFFFFull) << (4 * kBits)) | (x >> 32));
    }
    for (; i < count; ++i) Push(levels[i]);
  }

  // PushAll over levels `stride` bytes apart.
  void PushStrided(const uint8_t* levels, size_t stride, size_t count) {
    size_t i = 0;
    while (i < count && held_ != 0) Push(levels[stride * i++]);
    for (; i + 8 <= count; i += 8) {
      uint64_t group = 0;
      for (int j = 0; j < 8; ++j) group = (group << kBits) | levels[stride * (i + j)];
      WriteGroup(group);
    }
    for (; i < count; ++i) Push(levels[stride * i]);
  }

  void Finish() {
    if (held_ > 0) *out_++ = static_cast<uint8_t>(accumulator_ << (8 - held_));
    held_ = 0;
    accumulator_ = 0;
  }

 private:
  // Eight levels (8 * kBits bits, the first most significant) as kBits bytes, big-endian.
  inline void WriteGroup(uint64_t group) {
    if (kBits == 1) {
      *out_++ = static_cast<uint8_t>(group);
    } else if (end_ - out_ >= 8) {
      const uint64_t bytes = ByteSwap(group << (64 - 8 * kBits));
      std::memcpy(out_, &bytes, 8);
      out_ += kBits;
    } else {
      for (int b = kBits - 1; b >= 0; --b) *out_++ = static_cast<uint8_t>(group >> (8 * b));
    }
  }

  static bool IsLittleEndian() {
    const uint16_t probe = 1;
    uint8_t first;
    std::memcpy(&first, &probe, 1);
    return first == 1;
  }

  uint8_t* out_;
  uint8_t* end_;
  uint32_t accumulator_ = 0;
  int held_ = 0;
};

// Floyd-Steinberg over the kLanes panel lines of a group, for one ink, as a wavefront: at step t
// lane k is at dot t - 2k. Each lane's error buffer is kept skewed by two entries a lane, so that
// at step t every lane reads and writes the same rows: lane k's buffer entry b (the JavaScript's
// current[b]; entry dot + 1 is the dot's own) is rows[(b + 2k) * kRow + k]. The buffer a line
// diffuses into for the following line (the JavaScript's `next`) is the next lane's, one to the
// right; the last lane's is the spill lane, carried to lane 0 of the next group.
class InkWavefront {
 public:
  InkWavefront(uint32_t height, int top)
      : height_(height), top_(top), rows_(static_cast<size_t>(height + 2 * kLanes + 8) * kRow, 0.0f), carried_(height + 2, 0.0f) {}

  uint32_t Steps() const { return height_ + 2 * (kLanes - 1); }

  // Starts a group: lane 0 takes the carried buffer. Every other lane's entry is assigned (its
  // first addition, 1/16) before it is read, except in rows 0..3, which are read in the first
  // steps and so start at zero. What the previous group left elsewhere is finite and touched
  // only by idle lanes, whose error counts as zero.
  void BeginGroup() {
    std::fill(rows_.begin(), rows_.begin() + 4 * kRow, 0.0f);
    for (uint32_t b = 0; b < height_ + 2; ++b) Row(b)[0] = carried_[b];
  }

  // Ends a group: what its last lane diffused into the spill lane is the next line's buffer.
  void EndGroup() {
    for (uint32_t b = 0; b < height_ + 2; ++b) carried_[b] = Row(b + 2 * kLanes)[kLanes];
  }

  // One step. `ink`: lane k's ink times scale (the JavaScript's `ink * scale`) for its dot d is
  // ink[k * inkStride + d + 2 * kLanes] (0 around the line); `active`: 1 for a lane at a dot of
  // its line, else 0 (its error then counts as zero). Writes the lanes' levels (meaningful for
  // active lanes only) to level[0..7].
  template <bool kAllActive>
  inline void Step(uint32_t t, const double* ink, size_t inkStride, const double* active, uint8_t* level);

 private:
  float* Row(uint32_t q) { return rows_.data() + static_cast<size_t>(q) * kRow; }

  uint32_t height_;
  int top_;
  std::vector<float> rows_;
  std::vector<float> carried_;
};

#ifdef KTP_SSE2

// Rounds each double to float and back: a Float32Array store and load.
inline __m128d ThroughFloat(__m128d v) { return _mm_cvtps_pd(_mm_cvtpd_ps(v)); }

template <bool kAllActive>
inline void InkWavefront::Step(uint32_t t, const double* ink, size_t inkStride, const double* active, uint8_t* level) {
  constexpr int kPairs = kLanes / 2;      // lanes 0..kLanes-1 as pairs of doubles
  constexpr int kVectors = kRow / 4;      // a row as vectors of 4 floats
  constexpr int kRowPairs = 2 * kVectors;  // ... as pairs of doubles (lanes 0..kRow-1)
  const float* r1 = Row(t + 1);
  float* r2 = Row(t + 2);
  float* r3 = Row(t + 3);
  float* r4 = Row(t + 4);
  const __m128d half = _mm_set1_pd(0.5);
  const __m128d zero = _mm_setzero_pd();
  const __m128d top = _mm_set1_pd(static_cast<double>(top_));

  // Lanes 0..kLanes-1: wanted = ink + current[dot + 1]; level = min(top, max(0, Math.round(wanted))).
  __m128d e[kPairs];
  __m128i rounded[kPairs];
  for (int i = 0; i < kPairs; ++i) {
    const __m128d current = _mm_cvtps_pd(_mm_castpd_ps(_mm_load_sd(reinterpret_cast<const double*>(r1 + 2 * i))));
    // Lane k is at dot t - 2k: its ink is at k * inkStride + t - 2k + 2 * kLanes.
    const double* lane = ink + static_cast<size_t>(2 * i) * inkStride + (t + 2 * kLanes - 4 * i);
    const __m128d wanted = _mm_add_pd(_mm_loadh_pd(_mm_load_sd(lane), lane + inkStride - 2), current);
    // Math.round(wanted) is floor(wanted + 0.5) taken exactly. From 0.5 up the double sum is
    // exact and truncating it is that floor; below 0.5 the rounded value is at most 0, which
    // the clamp makes 0 (also for 0.49999999999999994, whose double sum with 0.5 is 1). Idle
    // lanes may hold anything finite here: their error counts zero and their level is unused.
    __m128d f = _mm_cvtepi32_pd(_mm_cvttpd_epi32(_mm_add_pd(wanted, half)));
    f = _mm_min_pd(_mm_andnot_pd(_mm_cmplt_pd(wanted, half), f), top);
    rounded[i] = _mm_cvttpd_epi32(f);
    e[i] = _mm_sub_pd(wanted, f);
    if (!kAllActive) e[i] = _mm_mul_pd(e[i], _mm_loadu_pd(active + 2 * i));
  }
  for (int i = 0; i < kPairs; i += 4) {
    const __m128i words = _mm_packs_epi32(_mm_unpacklo_epi64(rounded[i], rounded[i + 1]), _mm_unpacklo_epi64(rounded[i + 2], rounded[i + 3]));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(level + 2 * i), _mm_packus_epi16(words, words));
  }

  // The errors as the next lane sees them (lane j gets lane j - 1's; lane 0 and the padding get 0)
  // and as the own lane sees them (the spill lane and the padding get 0).
  __m128d fromLeft[kRowPairs], own[kRowPairs];
  for (int j = 0; j < kRowPairs; ++j) {
    const __m128d lo = j == 0 ? zero : (j - 1 < kPairs ? e[j - 1] : zero);
    const __m128d hi = j < kPairs ? e[j] : zero;
    fromLeft[j] = _mm_shuffle_pd(lo, hi, 1);
    own[j] = j < kPairs ? e[j] : zero;
  }
  fromLeft[0] = _mm_shuffle_pd(zero, e[0], 0);

  // Row t + 2: the previous lane's 3/16 (the last it gives this entry), then the own 7/16.
  // Row t + 3: the previous lane's 5/16. Row t + 4: its 1/16, the entry's first (lane 0 kept).
  const __m128d belowLeft = _mm_set1_pd(kBelowLeft), right = _mm_set1_pd(kRight), below = _mm_set1_pd(kBelow), belowRight = _mm_set1_pd(kBelowRight);
  __m128 out2[kVectors], out3[kVectors], out4[kVectors];
  for (int i = 0; i < kVectors; ++i) {
    const __m128 p2 = _mm_loadu_ps(r2 + 4 * i);
    const __m128 p3 = _mm_loadu_ps(r3 + 4 * i);
    const __m128d w2[2] = {_mm_cvtps_pd(p2), _mm_cvtps_pd(_mm_movehl_ps(p2, p2))};
    const __m128d w3[2] = {_mm_cvtps_pd(p3), _mm_cvtps_pd(_mm_movehl_ps(p3, p3))};
    __m128d v2[2], v3[2], v4[2];
    for (int h = 0; h < 2; ++h) {
      const int j = 2 * i + h;
      if (j > kPairs) {  // padding lanes only: left as they are
        v2[h] = w2[h];
        v3[h] = w3[h];
        v4[h] = _mm_setzero_pd();
        continue;
      }
      v2[h] = ThroughFloat(_mm_add_pd(w2[h], _mm_mul_pd(fromLeft[j], belowLeft)));
      v2[h] = _mm_add_pd(v2[h], _mm_mul_pd(own[j], right));
      v3[h] = _mm_add_pd(w3[h], _mm_mul_pd(fromLeft[j], below));
      v4[h] = _mm_mul_pd(fromLeft[j], belowRight);
    }
    out2[i] = _mm_movelh_ps(_mm_cvtpd_ps(v2[0]), _mm_cvtpd_ps(v2[1]));
    out3[i] = _mm_movelh_ps(_mm_cvtpd_ps(v3[0]), _mm_cvtpd_ps(v3[1]));
    out4[i] = _mm_movelh_ps(_mm_cvtpd_ps(v4[0]), _mm_cvtpd_ps(v4[1]));
  }
  out4[0] = _mm_move_ss(out4[0], _mm_load_ss(r4));  // lane 0 of row t + 4 is lane 0's own entry
  for (int i = 0; i < kVectors; ++i) {
    _mm_storeu_ps(r2 + 4 * i, out2[i]);
    _mm_storeu_ps(r3 + 4 * i, out3[i]);
    _mm_storeu_ps(r4 + 4 * i, out4[i]);
  }
}

#else  // portable: the same arithmetic, lane by lane

template <bool kAllActive>
inline void InkWavefront::Step(uint32_t t, const double* ink, size_t inkStride, const double* active, uint8_t* level) {
  const float* r1 = Row(t + 1);
  float* r2 = Row(t + 2);
  float* r3 = Row(t + 3);
  float* r4 = Row(t + 4);
  const double top = top_;
  double error[kLanes + 1];
  for (uint32_t k = 0; k < kLanes; ++k) {
    const double wanted = ink[k * inkStride + t - 2 * k + 2 * kLanes] + static_cast<double>(r1[k]);
    double f = (wanted + kRoundingShift) - kRoundingShift;
    f += (wanted - f == 0.5) ? 1.0 : 0.0;
    f = f < 0.0 ? 0.0 : f;
    f = f > top ? top : f;
    level[k] = static_cast<uint8_t>(f);
    error[k] = kAllActive ? wanted - f : (wanted - f) * active[k];
  }
  for (uint32_t k = 0; k < kLanes; ++k) r2[k + 1] = static_cast<float>(static_cast<double>(r2[k + 1]) + error[k] * kBelowLeft);
  for (uint32_t k = 0; k < kLanes; ++k) r2[k] = static_cast<float>(static_cast<double>(r2[k]) + error[k] * kRight);
  for (uint32_t k = 0; k < kLanes; ++k) r3[k + 1] = static_cast<float>(static_cast<double>(r3[k + 1]) + error[k] * kBelow);
  for (uint32_t k = 0; k < kLanes; ++k) r4[k + 1] = static_cast<float>(error[k] * kBelowRight);
}

#endif

template <int kBits>
void ColourPanelsAt(const uint8_t* rgb, uint32_t width, uint32_t height, bool floydSteinberg, uint8_t* yellow, uint8_t* magenta,
                    uint8_t* cyan) {
  constexpr int top = (1 << kBits) - 1;
  const double scale = static_cast<double>(top) / 255;
  // Per byte value: the ink (255 - value) times scale, the JavaScript's `ink * scale`; and the
  // level without dithering, `((255 - value) * scale + 0.5) | 0`.
  double inkScaled[256];
  uint8_t plainLevel[256];
  for (int v = 0; v < 256; ++v) {
    inkScaled[v] = static_cast<double>(255 - v) * scale;
    plainLevel[v] = static_cast<uint8_t>(static_cast<int>(inkScaled[v] + 0.5));
  }
  // The group's levels per ink (cyan from red, magenta from green, yellow from blue): line k's
  // dot d at [k * height + d].
  const size_t groupLevels = static_cast<size_t>(kLanes) * height;
  std::vector<uint8_t> levels(3 * groupLevels);
  uint8_t* lv[3] = {levels.data(), levels.data() + groupLevels, levels.data() + 2 * groupLevels};
  const size_t bytes = PackedBytes(static_cast<size_t>(width) * height, kBits);
  BitPacker<kBits> packers[3] = {BitPacker<kBits>(cyan, cyan + bytes), BitPacker<kBits>(magenta, magenta + bytes), BitPacker<kBits>(yellow, yellow + bytes)};
  std::vector<InkWavefront> waves;
  const size_t inkStride = height + 4 * kLanes;
  std::vector<double> inks[3];
  std::vector<uint8_t> skewed;
  if (floydSteinberg) {
    waves.assign(3, InkWavefront(height, top));
    for (auto& ink : inks) ink.assign(kLanes * inkStride, 0.0);
    skewed.assign(static_cast<size_t>(height + 2 * kLanes) * 3 * kLanes, 0);
  }
  const size_t stride = static_cast<size_t>(width) * 3;

  for (uint32_t first = 0; first < width; first += kLanes) {
    const uint32_t count = std::min(kLanes, width - first);
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
      // Each lane's inks along its line, with 2 * kLanes zeros either side for the ramp steps.
      for (uint32_t k = 0; k < kLanes; ++k) {
        double* lines[3] = {&inks[0][k * inkStride + 2 * kLanes], &inks[1][k * inkStride + 2 * kLanes], &inks[2][k * inkStride + 2 * kLanes]};
        if (k >= count) {
          for (uint32_t dot = 0; dot < height; ++dot) lines[0][dot] = lines[1][dot] = lines[2][dot] = 0.0;
          continue;
        }
        for (uint32_t dot = 0; dot < height; ++dot) {
          const uint8_t* p = bottom - dot * stride + 3 * k;
          lines[0][dot] = inkScaled[p[0]];
          lines[1][dot] = inkScaled[p[1]];
          lines[2][dot] = inkScaled[p[2]];
        }
      }
      for (auto& wave : waves) wave.BeginGroup();
      alignas(16) double active[kLanes];
      const uint32_t steps = waves[0].Steps();
      for (uint32_t t = 0; t < steps; ++t) {
        // Every lane at a dot of its line: the group is whole and t is past the ramp.
        uint8_t* level = &skewed[static_cast<size_t>(t) * 3 * kLanes];
        if (count == kLanes && t >= 2 * (kLanes - 1) && t < height) {
          for (int c = 0; c < 3; ++c) waves[c].Step<true>(t, inks[c].data(), inkStride, active, level + c * kLanes);
        } else {
          for (uint32_t k = 0; k < kLanes; ++k) active[k] = k < count && t >= 2 * k && t - 2 * k < height ? 1.0 : 0.0;
          for (int c = 0; c < 3; ++c) waves[c].Step<false>(t, inks[c].data(), inkStride, active, level + c * kLanes);
        }
      }
      for (auto& wave : waves) wave.EndGroup();
      // Line k's dot d was made at step d + 2k, in lane k of that step's levels.
      for (uint32_t k = 0; k < count; ++k) {
        for (int c = 0; c < 3; ++c) packers[c].PushStrided(&skewed[static_cast<size_t>(2 * k) * 3 * kLanes + c * kLanes + k], 3 * kLanes, height);
      }
      continue;
    }
    for (int c = 0; c < 3; ++c) packers[c].PushAll(lv[c], static_cast<size_t>(count) * height);
  }
  for (auto& packer : packers) packer.Finish();
}

template <int kBits>
void PackBitsAt(const uint8_t* levels, size_t count, uint8_t* out) {
  BitPacker<kBits> pack(out, out + PackedBytes(count, kBits));
  pack.PushAll(levels, count);
  pack.Finish();
}

}  // namespace

void ColourPanels(const uint8_t* rgb, uint32_t width, uint32_t height, int bitsPerDot, bool floydSteinberg,
                  uint8_t* yellow, uint8_t* magenta, uint8_t* cyan) {
  switch (bitsPerDot) {
    case 5: return ColourPanelsAt<5>(rgb, width, height, floydSteinberg, yellow, magenta, cyan);
    case 6: return ColourPanelsAt<6>(rgb, width, height, floydSteinberg, yellow, magenta, cyan);
    case 7: return ColourPanelsAt<7>(rgb, width, height, floydSteinberg, yellow, magenta, cyan);
    default: return;  // addon.cc admits 5, 6 and 7 only
  }
}

void MonoPanel(const uint8_t* mask, uint32_t width, uint32_t height, uint8_t* out) {
  BitPacker<1> pack(out, out + PackedBytes(static_cast<size_t>(width) * height, 1));
  std::vector<uint8_t> levels(static_cast<size_t>(kLanes) * height);
  for (uint32_t first = 0; first < width; first += kLanes) {
    const uint32_t count = std::min(kLanes, width - first);
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
  switch (bitsPerDot) {
    case 1: return PackBitsAt<1>(levels, count, out);
    case 5: return PackBitsAt<5>(levels, count, out);
    case 6: return PackBitsAt<6>(levels, count, out);
    case 7: return PackBitsAt<7>(levels, count, out);
    default: return;  // addon.cc admits 1, 5, 6 and 7 only
  }
}

size_t FirstLevelOutOfRange(const uint8_t* levels, size_t count, int bitsPerDot) {
  const unsigned limit = 1u << bitsPerDot;
  for (size_t i = 0; i < count; ++i) {
    if (levels[i] >= limit) return i;
  }
  return count;
}

}  // namespace ktp
