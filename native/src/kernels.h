// The station's hot image kernels, as plain C++ over byte buffers (no Node types here: addon.cc
// checks every argument before it calls in). Each kernel is the exact twin of a JavaScript one
// (named per function); the arithmetic is written to give the same bits, not merely close ones:
// doubles where JavaScript computes in doubles, a store to float where JavaScript stores into a
// Float32Array, Math.round's "half toward +infinity" spelled out. Built with -ffp-contract=off
// and without -ffast-math, so the compiler may not fuse or reorder any of it.
#ifndef KTP_KERNELS_H
#define KTP_KERNELS_H

#include <cstddef>
#include <cstdint>

namespace ktp {

// Raised by the TypeScript wrapper's own expectation (src-main/imaging/native-kernels.ts) when
// this file changes in a way that changes what a kernel returns or takes.
constexpr int kKernelsVersion = 1;

// Largest image side any kernel accepts, in pixels (a 1600 x 1500 slap, a 1016 x 648 card face
// and the 4096-pixel frame limit of gray-frame.ts all fit).
constexpr uint32_t kMaxSide = 4096;

// src-main/biometrics/quality/fingerprint-features.ts: per block of blockSize x blockSize
// pixels (row-major, blocksX = width / blockSize, blocksY = height / blockSize), the standard
// deviation (contrast), the Sobel orientation coherence and the foreground flag.
// Preconditions: 1 <= width, height, blockSize <= kMaxSide; pixels holds width * height bytes;
// each output holds blocksX * blocksY entries.
void FingerprintBlockFeatures(const uint8_t* pixels, uint32_t width, uint32_t height, uint32_t blockSize,
                              float* contrast, float* coherence, uint8_t* foreground);

// src-main/print/evolis/colour-panels.ts: the Y, M and C panels of an RGB layer (width x height,
// 3 bytes a dot), turned a quarter turn clockwise (panel line L = column L, dot D = row
// height - 1 - D), quantised to 2^bitsPerDot levels with or without Floyd-Steinberg error
// diffusion, and bit-packed (bit-pack.ts). Preconditions: 1 <= width, height <= kMaxSide;
// rgb holds width * height * 3 bytes; bitsPerDot in 1..7; each output holds PackedBytes(width *
// height, bitsPerDot) bytes.
void ColourPanels(const uint8_t* rgb, uint32_t width, uint32_t height, int bitsPerDot, bool floydSteinberg,
                  uint8_t* yellow, uint8_t* magenta, uint8_t* cyan);

// src-main/print/evolis/mono-panel.ts: a 1-bit panel of a mask (non-zero = print), in the same
// quarter-turn order. Preconditions as ColourPanels, out holds PackedBytes(width * height, 1).
void MonoPanel(const uint8_t* mask, uint32_t width, uint32_t height, uint8_t* out);

// src-main/print/evolis/bit-pack.ts: levels (each < 2^bitsPerDot) packed most significant bit
// first. out holds PackedBytes(count, bitsPerDot) bytes.
void PackBits(const uint8_t* levels, size_t count, int bitsPerDot, uint8_t* out);

// Index of the first level >= 2^bitsPerDot, or count when every level fits.
size_t FirstLevelOutOfRange(const uint8_t* levels, size_t count, int bitsPerDot);

inline size_t PackedBytes(size_t count, int bitsPerDot) {
  return (count * static_cast<size_t>(bitsPerDot) + 7) / 8;
}

}  // namespace ktp

#endif  // KTP_KERNELS_H
