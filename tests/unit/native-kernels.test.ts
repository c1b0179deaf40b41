// The native kernels (native/) against their JavaScript twins, and the boundary both keep.
// The twins must agree exactly: bit for bit on every output, Float32 ones included (the C++
// repeats the JavaScript's double arithmetic and its rounding to float on every store). Tests
// that need the addon skip, saying why, when it is not built; under `npm run test:asan`
// (KTP_NATIVE_PATH set) they fail instead.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { fingerprintQuality } from '../../src-main/biometrics/quality/fingerprint-quality.js';
import { DiagCheck } from '../../src-main/contract/methods/diag.js';
import { checkNativeKernels } from '../../src-main/diagnostics/native-kernels-check.js';
import { grayFrame } from '../../src-main/biometrics/quality/gray-frame.js';
import { KernelInputError } from '../../src-main/imaging/kernel-input.js';
import type { ImagingKernels, PackDepth } from '../../src-main/imaging/kernels.js';
import { forceJavascriptKernels, javascriptKernels, kernelFor, nativeKernels } from '../../src-main/imaging/kernels.js';
import type { NativeAddon } from '../../src-main/imaging/native-addon.js';
import { loadNativeAddon, nativeAddon, nativeKernelStatus, stationRoot } from '../../src-main/imaging/native-addon.js';
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../../src-main/print/card-face.js';
import { encodeCardJob } from '../../src-main/print/evolis/card-job.js';
import { DITHERINGS } from '../../src-main/print/evolis/colour-panels.js';
import type { Dithering } from '../../src-main/print/evolis/colour-panels.js';
import { CARD_LAYER, COLOUR_DEPTHS } from '../../src-main/print/evolis/panel-geometry.js';
import type { ColourDepth } from '../../src-main/print/evolis/panel-geometry.js';
import { sampleFace } from '../helpers/card-faces.js';
import { fingersFrame, random } from '../helpers/synthetic-images.js';

const status = nativeKernelStatus();
const asanRun = (process.env['KTP_NATIVE_PATH'] ?? '') !== '';
const native: ImagingKernels | null = nativeKernels();

/** The native twins, or a skip that says why there are none (a failure under test:asan). */
function needNative(ctx: TestContext): ImagingKernels {
  if (native !== null) return native;
  const reason = status.loaded ? 'unknown' : `${status.code}: ${status.reason}`;
  if (asanRun) throw new Error(`KTP_NATIVE_PATH is set but the addon did not load (${reason})`);
  ctx.skip(`the native addon is not loaded (${reason}); build it with npm run native:build`);
  throw new Error('unreachable');
}

const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
const same = (a: ArrayBufferView, b: ArrayBufferView): boolean => bytesOf(a).equals(bytesOf(b));

/** Images whose content stresses different parts of the arithmetic: noise, hard stripes (the largest gradients), flat, ramps, fingers. */
type Pattern = 'noise' | 'stripes' | 'flat' | 'ramp' | 'fingers';
const PATTERNS: readonly Pattern[] = ['noise', 'stripes', 'flat', 'ramp', 'fingers'];
function image(pattern: Pattern, width: number, height: number, channels: number, seed: number): Uint8Array {
  const next = random(seed);
  const out = new Uint8Array(width * height * channels);
  if (pattern === 'fingers') {
    const gray = fingersFrame(width, height, 1, seed).pixels;
    for (let i = 0; i < out.length; i += 1) out[i] = (gray[Math.floor(i / channels)] ?? 0) ^ (i % channels) * 40;
    return out;
  }
  const level = Math.floor(next() * 256);
  const period = 1 + Math.floor(next() * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < channels; c += 1) {
        const i = (y * width + x) * channels + c;
        if (pattern === 'noise') out[i] = Math.floor(next() * 256);
        else if (pattern === 'stripes') out[i] = Math.floor((x + c) / period) % 2 === 0 ? 0 : 255;
        else if (pattern === 'flat') out[i] = level;
        else out[i] = Math.round(((x * (c + 1) + y) * 255) / Math.max(1, width * (c + 1) + height - 2)) & 0xff;
      }
    }
  }
  return out;
}

const imageCase = (maxSide: number) =>
  fc.record({
    width: fc.integer({ min: 1, max: maxSide }),
    height: fc.integer({ min: 1, max: maxSide }),
    pattern: fc.constantFrom(...PATTERNS),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  });

afterEach(() => forceJavascriptKernels(false));

describe('the native kernels load once, or say why not', () => {
  it('reports its status: loaded with the path, or the reason the JavaScript twins are used', () => {
    if (status.loaded) {
      expect(status.path).toMatch(/ktp_kernels\.node$/);
      expect(nativeAddon()).not.toBeNull();
    } else {
      expect(['DISABLED', 'NOT_BUILT', 'LOAD_FAILED', 'WRONG_VERSION']).toContain(status.code);
      expect(status.reason.length).toBeGreaterThan(0);
      expect(kernelFor('colourPanels')).toBe(javascriptKernels);
    }
  });

  it('KTP_NATIVE=off uses the twins; a path that is missing or not an addon is LOAD_FAILED with the loader message', () => {
    expect(loadNativeAddon({ KTP_NATIVE: 'off' }).status).toMatchObject({ loaded: false, code: 'DISABLED' });
    expect(loadNativeAddon({ KTP_NATIVE: 'OFF' }).addon).toBeNull();
    const missing = loadNativeAddon({ KTP_NATIVE_PATH: '/nonexistent/ktp_kernels.node' }).status;
    expect(missing).toMatchObject({ loaded: false, code: 'LOAD_FAILED' });
    const dir = mkdtempSync(join(tmpdir(), 'ktp-native-'));
    const notAddon = join(dir, 'broken.node');
    writeFileSync(notAddon, 'not an ELF file');
    const broken = loadNativeAddon({ KTP_NATIVE_PATH: notAddon }).status;
    expect(broken).toMatchObject({ loaded: false, code: 'LOAD_FAILED' });
    expect(broken.loaded ? '' : broken.reason).toContain(notAddon);
  });

  it('finds the station root above the module, and nothing above a folder outside it', () => {
    expect(stationRoot(join(process.cwd(), 'src-main', 'imaging', 'native-addon.ts'))).toBe(process.cwd());
    expect(stationRoot('/definitely/not/here/file.js')).toBeNull();
    expect(loadNativeAddon({}, '/definitely/not/here/file.js').status).toMatchObject({ loaded: false, code: 'NOT_BUILT' });
  });
});

describe('diagnostics: the native kernels check', () => {
  it('passes with the path when loaded, warns (never fails) with the reason when the twins are used', () => {
    const loaded = checkNativeKernels({ loaded: true, path: '/opt/ktp/native/build/Release/ktp_kernels.node' });
    expect(DiagCheck.parse(loaded)).toMatchObject({ id: 'software.native-kernels', section: 'software', status: 'pass', observed: '/opt/ktp/native/build/Release/ktp_kernels.node' });
    for (const code of ['DISABLED', 'NOT_BUILT', 'LOAD_FAILED', 'WRONG_VERSION'] as const) {
      const check = DiagCheck.parse(checkNativeKernels({ loaded: false, code, reason: `because ${code}` }));
      expect(check).toMatchObject({ status: 'warn', code: `NATIVE_${code}`, observed: `because ${code}` });
      expect(check.cause?.en).toContain(`because ${code}`);
      expect(check.fix?.en.length).toBeGreaterThan(10);
    }
    expect(checkNativeKernels().status).toBe(status.loaded ? 'pass' : 'warn');
  });
});

describe('inputs are checked at the boundary, the same for both twins', () => {
  const twins = (): ImagingKernels[] => [javascriptKernels, ...(native === null ? [] : [native])];
  const refuses = (code: string, run: (k: ImagingKernels) => unknown): void => {
    for (const k of twins()) {
      let caught: unknown;
      try {
        run(k);
      } catch (error: unknown) {
        caught = error;
      }
      expect(caught, `${k.implementation}: expected ${code}`).toBeInstanceOf(KernelInputError);
      expect((caught as KernelInputError).code, k.implementation).toBe(code);
    }
  };
  const gray = new Uint8Array(64 * 48);

  it('wrong types, dimensions, lengths and options: a KernelInputError with its code, never a crash', () => {
    refuses('KERNEL_INPUT_TYPE', (k) => k.fingerprintBlockFeatures([1, 2, 3] as unknown as Uint8Array, 1, 3));
    refuses('KERNEL_INPUT_TYPE', (k) => k.fingerprintBlockFeatures(new Uint16Array(4) as unknown as Uint8Array, 2, 2));
    refuses('KERNEL_INPUT_TYPE', (k) => k.fingerprintBlockFeatures(new Uint8ClampedArray(4) as unknown as Uint8Array, 2, 2));
    refuses('KERNEL_INPUT_TYPE', (k) => k.fingerprintBlockFeatures(gray, '64' as unknown as number, 48));
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 4097, 2 ** 32]) {
      refuses('KERNEL_INPUT_DIMENSIONS', (k) => k.fingerprintBlockFeatures(gray, bad, 48));
      refuses('KERNEL_INPUT_DIMENSIONS', (k) => k.monoPanel(gray, { width: 64, height: bad }));
      refuses('KERNEL_INPUT_DIMENSIONS', (k) => k.colourPanels(gray, { width: bad, height: 1 }, { bitsPerDot: 6, dithering: 'none' }));
    }
    refuses('KERNEL_INPUT_LENGTH', (k) => k.fingerprintBlockFeatures(gray, 64, 47));
    refuses('KERNEL_INPUT_LENGTH', (k) => k.fingerprintBlockFeatures(gray.subarray(1), 64, 48));
    refuses('KERNEL_INPUT_LENGTH', (k) => k.colourPanels(gray, { width: 64, height: 48 }, { bitsPerDot: 6, dithering: 'none' }));
    refuses('KERNEL_INPUT_LENGTH', (k) => k.monoPanel(new Uint8Array(CARD_WIDTH_DOTS * CARD_HEIGHT_DOTS - 1), CARD_LAYER));
    refuses('KERNEL_INPUT_OPTION', (k) => k.fingerprintBlockFeatures(gray, 64, 48, 0));
    refuses('KERNEL_INPUT_OPTION', (k) => k.fingerprintBlockFeatures(gray, 64, 48, 2.5));
    refuses('KERNEL_INPUT_OPTION', (k) => k.colourPanels(new Uint8Array(3), { width: 1, height: 1 }, { bitsPerDot: 4 as ColourDepth, dithering: 'none' }));
    refuses('KERNEL_INPUT_OPTION', (k) => k.colourPanels(new Uint8Array(3), { width: 1, height: 1 }, { bitsPerDot: 6, dithering: 'atkinson' as Dithering }));
    refuses('KERNEL_INPUT_OPTION', (k) => k.packBits(new Uint8Array(8), 3 as PackDepth));
    refuses('KERNEL_INPUT_TYPE', (k) => k.monoPanel(gray, null as unknown as { width: number; height: number }));
    refuses('KERNEL_INPUT_RANGE', (k) => k.packBits(Uint8Array.from([1, 0, 2]), 1));
    refuses('KERNEL_INPUT_RANGE', (k) => k.packBits(Uint8Array.from([31, 32]), 5));
  });

  it('1×1, an image smaller than one block, and empty levels are valid: the twins answer as the JavaScript does', () => {
    for (const k of twins()) {
      const one = k.fingerprintBlockFeatures(Uint8Array.of(200), 1, 1, 1);
      expect([one.blocksX, one.blocksY, one.contrast[0], one.coherence[0], one.foreground[0]]).toEqual([1, 1, 0, 0, 0]);
      const none = k.fingerprintBlockFeatures(new Uint8Array(15 * 15), 15, 15, 16);
      expect([none.blocksX, none.blocksY, none.contrast.length]).toEqual([0, 0, 0]);
      expect(k.packBits(new Uint8Array(0), 6).length).toBe(0);
      expect([...k.packBits(Uint8Array.of(1), 1)]).toEqual([0x80]);
      expect([...k.monoPanel(Uint8Array.of(9), { width: 1, height: 1 })]).toEqual([0x80]);
      expect(k.colourPanels(Uint8Array.of(0, 128, 255), { width: 1, height: 1 }, { bitsPerDot: 7, dithering: 'floyd-steinberg' })).toEqual(
        javascriptKernels.colourPanels(Uint8Array.of(0, 128, 255), { width: 1, height: 1 }, { bitsPerDot: 7, dithering: 'floyd-steinberg' }),
      );
    }
  });
});

describe('the addon checks its own arguments (never trusting the JavaScript side)', () => {
  const junk = fc.oneof(
    fc.constantFrom<unknown>(undefined, null, 0, -1, 1.5, Number.NaN, Number.NEGATIVE_INFINITY, 4097, 2 ** 40, 'x', {}, [], true),
    fc.integer({ min: -10, max: 5000 }),
    fc.uint8Array({ maxLength: 64 }),
    fc.constantFrom<unknown>(new Uint16Array(4), new Float32Array(2), new Uint8ClampedArray(3), Buffer.alloc(12), new DataView(new ArrayBuffer(8))),
  );

  it('refuses random arguments with a KERNEL_INPUT_* code, or computes a right-sized answer', (ctx) => {
    needNative(ctx);
    const addon = nativeAddon() as NativeAddon;
    const calls: ((args: unknown[]) => unknown)[] = [
      (a) => (addon.fingerprintBlockFeatures as (...x: unknown[]) => unknown)(...a),
      (a) => (addon.colourPanels as (...x: unknown[]) => unknown)(...a),
      (a) => (addon.monoPanel as (...x: unknown[]) => unknown)(...a),
      (a) => (addon.packBits as (...x: unknown[]) => unknown)(...a),
    ];
    fc.assert(
      fc.property(fc.nat(3), fc.array(junk, { maxLength: 6 }), (which, args) => {
        try {
          const result = calls[which]?.(args);
          expect(result).toBeDefined();
        } catch (error: unknown) {
          expect(error).toBeInstanceOf(Error);
          expect((error as { code?: string }).code ?? '').toMatch(/^KERNEL_INPUT_(TYPE|DIMENSIONS|LENGTH|OPTION|RANGE)$/);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('fingerprint block features: the native twin gives the JavaScript bits exactly', () => {
  const agree = (k: ImagingKernels, pixels: Uint8Array, width: number, height: number, blockSize: number): void => {
    const a = javascriptKernels.fingerprintBlockFeatures(pixels, width, height, blockSize);
    const b = k.fingerprintBlockFeatures(pixels, width, height, blockSize);
    expect([b.blockSize, b.blocksX, b.blocksY]).toEqual([a.blockSize, a.blocksX, a.blocksY]);
    expect(same(b.contrast, a.contrast), 'contrast').toBe(true);
    expect(same(b.coherence, a.coherence), 'coherence').toBe(true);
    expect(same(b.foreground, a.foreground), 'foreground').toBe(true);
  };

  it('on random images of random sizes (odd widths, 1×1 included) and block sizes', (ctx) => {
    const k = needNative(ctx);
    fc.assert(
      fc.property(imageCase(90), fc.integer({ min: 1, max: 24 }), ({ width, height, pattern, seed }, blockSize) => {
        agree(k, image(pattern, width, height, 1, seed), width, height, blockSize);
      }),
      { numRuns: 300 },
    );
  });

  it('on a 1600 × 1500 slap and on hard stripes whose gradient sums pass 2^26 (squares no longer exact in double)', (ctx) => {
    const k = needNative(ctx);
    const slap = fingersFrame(1600, 1500, 4, 3);
    agree(k, slap.pixels, 1600, 1500, 16);
    agree(k, image('stripes', 512, 256, 1, 1), 512, 256, 64);
    agree(k, image('stripes', 1200, 1200, 1, 2), 1200, 1200, 1200);
  });

  it('fingerprint quality scores the same either way', (ctx) => {
    needNative(ctx);
    for (const seed of [1, 2, 3]) {
      const frame = fingersFrame(400, 500, 1, seed);
      const withNative = fingerprintQuality(grayFrame(frame.pixels, 400, 500));
      forceJavascriptKernels(true);
      const withTwin = fingerprintQuality(grayFrame(frame.pixels, 400, 500));
      forceJavascriptKernels(false);
      expect(withNative).toEqual(withTwin);
    }
  });
});

describe('panel kernels: the native twin gives the JavaScript bytes exactly', () => {
  it('colour panels, every depth and both ditherings, on random layers of random sizes', (ctx) => {
    const k = needNative(ctx);
    fc.assert(
      fc.property(imageCase(48), fc.constantFrom(...COLOUR_DEPTHS), fc.constantFrom(...DITHERINGS), ({ width, height, pattern, seed }, bitsPerDot, dithering) => {
        const rgb = image(pattern, width, height, 3, seed);
        const layer = { width, height };
        expect(k.colourPanels(rgb, layer, { bitsPerDot, dithering })).toEqual(javascriptKernels.colourPanels(rgb, layer, { bitsPerDot, dithering }));
      }),
      { numRuns: 300 },
    );
  });

  it('full card faces: sample faces and random content, every depth, both ditherings', (ctx) => {
    const k = needNative(ctx);
    const faces = [sampleFace(0).rgb, sampleFace(4).rgb, image('noise', CARD_WIDTH_DOTS, CARD_HEIGHT_DOTS, 3, 9)];
    for (const [index, rgb] of faces.entries()) {
      for (const bitsPerDot of COLOUR_DEPTHS) {
        for (const dithering of DITHERINGS) {
          if (index === 2 && dithering === 'none' && bitsPerDot !== 6) continue; // noise without dithering: one depth is enough
          const a = javascriptKernels.colourPanels(rgb, CARD_LAYER, { bitsPerDot, dithering });
          const b = k.colourPanels(rgb, CARD_LAYER, { bitsPerDot, dithering });
          expect(same(b.y, a.y) && same(b.m, a.m) && same(b.c, a.c), `face ${index}, ${bitsPerDot} bits, ${dithering}`).toBe(true);
        }
      }
    }
  });

  it('1-bit panels of random masks and sizes, and of a card', (ctx) => {
    const k = needNative(ctx);
    fc.assert(
      fc.property(imageCase(70), ({ width, height, pattern, seed }) => {
        const mask = image(pattern, width, height, 1, seed).map((v) => (v > 127 ? v : 0));
        expect(same(k.monoPanel(mask, { width, height }), javascriptKernels.monoPanel(mask, { width, height }))).toBe(true);
      }),
      { numRuns: 200 },
    );
    const black = sampleFace(2).black;
    expect(same(k.monoPanel(black, CARD_LAYER), javascriptKernels.monoPanel(black, CARD_LAYER))).toBe(true);
  });

  it('bit-packing at 1, 5, 6 and 7 bits, any count (0 and tails that end mid-byte included)', (ctx) => {
    const k = needNative(ctx);
    fc.assert(
      fc.property(fc.constantFrom<PackDepth>(1, 5, 6, 7), fc.uint8Array({ maxLength: 200 }), (bits, raw) => {
        const levels = raw.map((v) => v & ((1 << bits) - 1));
        expect(same(k.packBits(levels, bits), javascriptKernels.packBits(levels, bits))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the card job', () => {
  // SHA-256 (first 16 hex) of every frame of the job, as the JavaScript encoder made it before the
  // kernels moved behind imaging/ (the Evolis encoder of #7): neither twin changed a byte.
  const GOLDEN: Record<string, string> = {
    '0 none 5': '13782caea9e6abd4',
    '0 none 6': '2894e1f6004d4d18',
    '0 none 7': '59a93663bb40b4a7',
    '0 floyd-steinberg 5': 'a4bd92f2c0343cad',
    '0 floyd-steinberg 6': '2a3fd846d2e808c1',
    '0 floyd-steinberg 7': '22381a7be6033a33',
    '5 none 5': 'd9e495c049f6b727',
    '5 none 6': 'e8f657d4f1cc9882',
    '5 none 7': 'da2c7ec184bbd3c4',
    '5 floyd-steinberg 5': 'ae2b1db38bfd7309',
    '5 floyd-steinberg 6': 'bb9b8bc5b57b209a',
    '5 floyd-steinberg 7': '0ff8b5877b05b311',
  };
  const digest = (seed: number, dithering: Dithering, bitsPerDot: ColourDepth): string => {
    const hash = createHash('sha256');
    for (const frame of encodeCardJob(sampleFace(seed), { bitsPerDot, dithering }).frames) hash.update(frame.bytes);
    return hash.digest('hex').slice(0, 16);
  };

  it.each(['javascript', 'station'] as const)('encodes the same bytes as before, with the %s kernels', (which) => {
    forceJavascriptKernels(which === 'javascript');
    for (const [key, expected] of Object.entries(GOLDEN)) {
      const [seed, dithering, bits] = key.split(' ');
      expect(digest(Number(seed), dithering as Dithering, Number(bits) as ColourDepth), key).toBe(expected);
    }
  });
});
