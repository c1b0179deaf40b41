// The N-API face of the kernels (node-addon-api, C++ exceptions on). Every argument is checked
// here again, whatever the TypeScript wrapper already checked: a wrong type, a dimension that is
// not an integer in 1..kMaxSide, a buffer whose length is not what the dimensions say, or an
// option outside its set throws a JavaScript error named KernelInputError with a `code`
// (KERNEL_INPUT_TYPE, _DIMENSIONS, _LENGTH, _OPTION, _RANGE), before a single byte is read. Outputs are allocated here,
// at the size the kernel writes, so no kernel writes past a buffer.
#include <napi.h>

#include <cmath>
#include <string>

#include "kernels.h"

namespace {

// An output the kernel writes in full: a Node Buffer (a Uint8Array) without the zero-filling of
// a fresh ArrayBuffer. Every kernel below writes every byte of the outputs it is given.
Napi::Uint8Array Output(const Napi::Env& env, size_t bytes) { return Napi::Buffer<uint8_t>::New(env, bytes); }

[[noreturn]] void Refuse(const Napi::Env& env, const char* reason, const std::string& message) {
  Napi::Error error = Napi::Error::New(env, message);
  error.Set("name", Napi::String::New(env, "KernelInputError"));
  error.Set("code", Napi::String::New(env, std::string("KERNEL_INPUT_") + reason));
  throw error;
}

// A Uint8Array (a Buffer is one); anything else is refused as TYPE.
Napi::Uint8Array Uint8(const Napi::CallbackInfo& info, size_t index, const char* name) {
  const Napi::Value value = info[index];
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != napi_uint8_array) {
    Refuse(info.Env(), "TYPE", std::string(name) + " must be a Uint8Array");
  }
  return value.As<Napi::Uint8Array>();
}

// Its bytes, when it holds exactly `expected` of them (nullptr data only when empty).
const uint8_t* Sized(const Napi::CallbackInfo& info, const Napi::Uint8Array& bytes, const char* name, size_t expected) {
  if (bytes.ElementLength() != expected) {
    Refuse(info.Env(), "LENGTH",
           std::string(name) + " must hold " + std::to_string(expected) + " bytes, got " + std::to_string(bytes.ElementLength()));
  }
  return bytes.Data();
}

// A number that is an integer in [min, max]; `reason` says which kind of argument it is.
uint32_t Integer(const Napi::CallbackInfo& info, size_t index, const char* name, uint32_t min, uint32_t max, const char* reason) {
  const Napi::Value value = info[index];
  if (!value.IsNumber()) Refuse(info.Env(), "TYPE", std::string(name) + " must be a number");
  const double v = value.As<Napi::Number>().DoubleValue();
  if (!std::isfinite(v) || std::floor(v) != v || v < min || v > max) {
    Refuse(info.Env(), reason,
           std::string(name) + " must be an integer in " + std::to_string(min) + ".." + std::to_string(max));
  }
  return static_cast<uint32_t>(v);
}

uint32_t Side(const Napi::CallbackInfo& info, size_t index, const char* name) {
  return Integer(info, index, name, 1, ktp::kMaxSide, "DIMENSIONS");
}

int ColourDepth(const Napi::CallbackInfo& info, size_t index) {
  const uint32_t bits = Integer(info, index, "bitsPerDot", 5, 7, "OPTION");
  return static_cast<int>(bits);
}

// fingerprintBlockFeatures(pixels, width, height, blockSize)
//   -> { blocksX, blocksY, contrast: Float32Array, coherence: Float32Array, foreground: Uint8Array }
Napi::Value FingerprintBlockFeatures(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const Napi::Uint8Array input = Uint8(info, 0, "pixels");
  const uint32_t width = Side(info, 1, "width");
  const uint32_t height = Side(info, 2, "height");
  const uint32_t blockSize = Integer(info, 3, "blockSize", 1, ktp::kMaxSide, "OPTION");
  const uint8_t* pixels = Sized(info, input, "pixels", static_cast<size_t>(width) * height);
  const uint32_t blocksX = width / blockSize;
  const uint32_t blocksY = height / blockSize;
  const size_t n = static_cast<size_t>(blocksX) * blocksY;
  Napi::Float32Array contrast = Napi::Float32Array::New(env, n);
  Napi::Float32Array coherence = Napi::Float32Array::New(env, n);
  Napi::Uint8Array foreground = Napi::Uint8Array::New(env, n);
  if (n > 0) ktp::FingerprintBlockFeatures(pixels, width, height, blockSize, contrast.Data(), coherence.Data(), foreground.Data());
  Napi::Object result = Napi::Object::New(env);
  result.Set("blockSize", Napi::Number::New(env, blockSize));
  result.Set("blocksX", Napi::Number::New(env, blocksX));
  result.Set("blocksY", Napi::Number::New(env, blocksY));
  result.Set("contrast", contrast);
  result.Set("coherence", coherence);
  result.Set("foreground", foreground);
  return result;
}

// colourPanels(rgb, width, height, bitsPerDot 5..7, floydSteinberg 0|1) -> [yellow, magenta, cyan]
Napi::Value ColourPanels(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const Napi::Uint8Array input = Uint8(info, 0, "rgb");
  const uint32_t width = Side(info, 1, "width");
  const uint32_t height = Side(info, 2, "height");
  const int bits = ColourDepth(info, 3);
  const bool floydSteinberg = Integer(info, 4, "dithering", 0, 1, "OPTION") == 1;
  const uint8_t* rgb = Sized(info, input, "rgb", static_cast<size_t>(width) * height * 3);
  const size_t bytes = ktp::PackedBytes(static_cast<size_t>(width) * height, bits);
  Napi::Uint8Array yellow = Output(env, bytes);
  Napi::Uint8Array magenta = Output(env, bytes);
  Napi::Uint8Array cyan = Output(env, bytes);
  ktp::ColourPanels(rgb, width, height, bits, floydSteinberg, yellow.Data(), magenta.Data(), cyan.Data());
  Napi::Array result = Napi::Array::New(env, 3);
  result.Set(0u, yellow);
  result.Set(1u, magenta);
  result.Set(2u, cyan);
  return result;
}

// monoPanel(mask, width, height) -> Uint8Array (1 bit a dot)
Napi::Value MonoPanel(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const Napi::Uint8Array input = Uint8(info, 0, "mask");
  const uint32_t width = Side(info, 1, "width");
  const uint32_t height = Side(info, 2, "height");
  const uint8_t* mask = Sized(info, input, "mask", static_cast<size_t>(width) * height);
  Napi::Uint8Array out = Output(env, ktp::PackedBytes(static_cast<size_t>(width) * height, 1));
  ktp::MonoPanel(mask, width, height, out.Data());
  return out;
}

// packBits(levels, bitsPerDot 1|5|6|7) -> Uint8Array
Napi::Value PackBits(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const Napi::Uint8Array input = Uint8(info, 0, "levels");
  const size_t count = input.ElementLength();
  const uint8_t* levels = input.Data();
  const uint32_t bits = Integer(info, 1, "bitsPerDot", 1, 7, "OPTION");
  if (bits > 1 && bits < 5) Refuse(env, "OPTION", "bitsPerDot must be 1, 5, 6 or 7");
  const size_t maxCount = static_cast<size_t>(ktp::kMaxSide) * ktp::kMaxSide;
  if (count > maxCount) Refuse(env, "LENGTH", "levels must hold at most " + std::to_string(maxCount) + " entries");
  const size_t bad = ktp::FirstLevelOutOfRange(levels, count, static_cast<int>(bits));
  if (bad < count) {
    Refuse(env, "RANGE",
           "level " + std::to_string(levels[bad]) + " at " + std::to_string(bad) + " does not fit in " + std::to_string(bits) + " bits");
  }
  Napi::Uint8Array out = Output(env, ktp::PackedBytes(count, static_cast<int>(bits)));
  if (count > 0) ktp::PackBits(levels, count, static_cast<int>(bits), out.Data());
  return out;
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  exports.Set("kernelsVersion", Napi::Number::New(env, ktp::kKernelsVersion));
  exports.Set("maxSide", Napi::Number::New(env, ktp::kMaxSide));
  exports.Set("fingerprintBlockFeatures", Napi::Function::New(env, FingerprintBlockFeatures, "fingerprintBlockFeatures"));
  exports.Set("colourPanels", Napi::Function::New(env, ColourPanels, "colourPanels"));
  exports.Set("monoPanel", Napi::Function::New(env, MonoPanel, "monoPanel"));
  exports.Set("packBits", Napi::Function::New(env, PackBits, "packBits"));
  return exports;
}

}  // namespace

NODE_API_MODULE(ktp_kernels, Init)
