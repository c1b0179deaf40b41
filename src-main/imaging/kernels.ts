/**
 * The station's hot image kernels behind one narrow, typed API over Uint8Array: fingerprint
 * block features, and the printer's panel encoding (levels with or without error diffusion in
 * the panel's quarter turn, 1-bit panels, bit-packing). Each kernel has two twins that give the
 * same bytes: the JavaScript one (the reference, in the module that uses it) and the native one
 * (native/, loaded by native-addon.ts). Input is checked here before either runs
 * (kernel-input.ts), and again in C++ by the addon.
 *
 * The native twin runs where it loaded and where the bench shows it faster
 * (`npm run bench -- native`, NATIVE_WHEN_LOADED below); elsewhere, and with KTP_NATIVE=off, the
 * JavaScript twin runs.
 */
import type { FingerprintBlockFeatures } from '../biometrics/quality/fingerprint-features.js';
import { fingerprintBlockFeatures as fingerprintBlockFeaturesTwin } from '../biometrics/quality/fingerprint-features.js';
import { packBits as packBitsTwin } from '../print/evolis/bit-pack.js';
import type { ColourPanelOptions, ColourPanels } from '../print/evolis/colour-panels.js';
import { DITHERINGS, encodeColourPanels as colourPanelsTwin } from '../print/evolis/colour-panels.js';
import { encodeMonoPanel as monoPanelTwin } from '../print/evolis/mono-panel.js';
import type { ColourDepth, LayerSize } from '../print/evolis/panel-geometry.js';
import { COLOUR_DEPTHS } from '../print/evolis/panel-geometry.js';
import { checkBytes, checkInteger, checkLength, checkOneOf, checkSide, fromNativeError, KernelInputError, MAX_KERNEL_SIDE } from './kernel-input.js';
import type { NativeAddon } from './native-addon.js';
import { nativeAddon } from './native-addon.js';

export type { FingerprintBlockFeatures } from '../biometrics/quality/fingerprint-features.js';
export type { ColourPanelOptions, ColourPanels } from '../print/evolis/colour-panels.js';
export type { LayerSize } from '../print/evolis/panel-geometry.js';

/** Bits a dot that packBits takes: 1 for the K and O panels, 5, 6 or 7 for Y, M and C. */
export type PackDepth = 1 | ColourDepth;
export const PACK_DEPTHS: readonly PackDepth[] = [1, 5, 6, 7];

export type KernelName = 'fingerprintBlockFeatures' | 'colourPanels' | 'monoPanel' | 'packBits';

export interface ImagingKernels {
  readonly implementation: 'native' | 'javascript';
  /** Per block of blockSize × blockSize (1..4096) of a GRAY8 image: contrast, coherence, foreground. */
  fingerprintBlockFeatures(pixels: Uint8Array, width: number, height: number, blockSize?: number): FingerprintBlockFeatures;
  /** The Y, M and C panels of an RGB layer (width × height × 3 bytes), bit-packed. */
  colourPanels(rgb: Uint8Array, layer: LayerSize, options: ColourPanelOptions): ColourPanels;
  /** The 1-bit panel of a mask (width × height bytes, non-zero = print). */
  monoPanel(mask: Uint8Array, layer: LayerSize): Uint8Array;
  /** Levels (each below 2^bitsPerDot) packed most significant bit first. */
  packBits(levels: Uint8Array, bitsPerDot: PackDepth): Uint8Array;
}

/**
 * Whether the station runs a kernel's native twin when the addon loaded, as measured by
 * `npm run bench -- native` on the station's kind of machine. packBits on its own is not used by
 * the station (the panel kernels pack as they go); it is native for its tests and the bench.
 */
export const NATIVE_WHEN_LOADED: Readonly<Record<KernelName, boolean>> = {
  fingerprintBlockFeatures: true,
  colourPanels: true,
  monoPanel: true,
  packBits: true,
};

const MAX_LEVELS = MAX_KERNEL_SIDE * MAX_KERNEL_SIDE;

interface Image {
  bytes: Uint8Array;
  width: number;
  height: number;
}

/** A buffer and its width × height, checked in the order the addon checks them (its length is checked last, after the options). */
function checkImage(kernel: string, name: string, bytes: unknown, width: unknown, height: unknown): Image {
  const checked = checkBytes(kernel, name, bytes);
  const w = checkSide(kernel, 'width', width);
  const h = checkSide(kernel, 'height', height);
  return { bytes: checked, width: w, height: h };
}

function checkLayer(kernel: string, layer: unknown): { width: unknown; height: unknown } {
  if (typeof layer !== 'object' || layer === null) throw new KernelInputError('KERNEL_INPUT_TYPE', kernel, 'layer must be { width, height }');
  return layer as { width: unknown; height: unknown };
}

function checkColourOptions(kernel: string, options: unknown): ColourPanelOptions {
  if (typeof options !== 'object' || options === null) throw new KernelInputError('KERNEL_INPUT_TYPE', kernel, 'options must be { bitsPerDot, dithering }');
  const { bitsPerDot, dithering } = options as { bitsPerDot: unknown; dithering: unknown };
  return { bitsPerDot: checkOneOf(kernel, 'bitsPerDot', bitsPerDot, COLOUR_DEPTHS), dithering: checkOneOf(kernel, 'dithering', dithering, DITHERINGS) };
}

const checked = {
  fingerprintBlockFeatures(pixels: unknown, width: unknown, height: unknown, blockSize: unknown): Image & { blockSize: number } {
    const kernel = 'fingerprintBlockFeatures';
    const image = checkImage(kernel, 'pixels', pixels, width, height);
    const size = checkInteger(kernel, 'blockSize', blockSize, 1, MAX_KERNEL_SIDE, 'KERNEL_INPUT_OPTION');
    checkLength(kernel, 'pixels', image.bytes, image.width * image.height);
    return { ...image, blockSize: size };
  },
  colourPanels(rgb: unknown, layer: unknown, options: unknown): Image & ColourPanelOptions {
    const kernel = 'colourPanels';
    const { width, height } = checkLayer(kernel, layer);
    const image = checkImage(kernel, 'rgb', rgb, width, height);
    const opts = checkColourOptions(kernel, options);
    checkLength(kernel, 'rgb', image.bytes, image.width * image.height * 3);
    return { ...image, ...opts };
  },
  monoPanel(mask: unknown, layer: unknown): Image {
    const kernel = 'monoPanel';
    const { width, height } = checkLayer(kernel, layer);
    const image = checkImage(kernel, 'mask', mask, width, height);
    checkLength(kernel, 'mask', image.bytes, image.width * image.height);
    return image;
  },
  /** Type, depth and count; the levels' range is checked by the twin that runs (one pass over them). */
  packBits(levels: unknown, bitsPerDot: unknown): { levels: Uint8Array; bitsPerDot: PackDepth } {
    const kernel = 'packBits';
    const bytes = checkBytes(kernel, 'levels', levels);
    const bits = checkOneOf(kernel, 'bitsPerDot', bitsPerDot, PACK_DEPTHS);
    if (bytes.length > MAX_LEVELS) throw new KernelInputError('KERNEL_INPUT_LENGTH', kernel, `levels must hold at most ${MAX_LEVELS} entries, got ${bytes.length}`);
    return { levels: bytes, bitsPerDot: bits };
  },
};

/** The JavaScript twins, behind the same checks. */
export const javascriptKernels: ImagingKernels = {
  implementation: 'javascript',
  fingerprintBlockFeatures(pixels, width, height, blockSize = 16) {
    const input = checked.fingerprintBlockFeatures(pixels, width, height, blockSize);
    return fingerprintBlockFeaturesTwin(input.bytes, input.width, input.height, input.blockSize);
  },
  colourPanels(rgb, layer, options) {
    const input = checked.colourPanels(rgb, layer, options);
    return colourPanelsTwin(input.bytes, { bitsPerDot: input.bitsPerDot, dithering: input.dithering }, { width: input.width, height: input.height });
  },
  monoPanel(mask, layer) {
    const input = checked.monoPanel(mask, layer);
    return monoPanelTwin(input.bytes, { width: input.width, height: input.height });
  },
  packBits(levels, bitsPerDot) {
    const input = checked.packBits(levels, bitsPerDot);
    const limit = 1 << input.bitsPerDot;
    for (let i = 0; i < input.levels.length; i += 1) {
      const level = input.levels[i] ?? 0;
      if (level >= limit) throw new KernelInputError('KERNEL_INPUT_RANGE', 'packBits', `level ${level} at ${i} does not fit in ${input.bitsPerDot} bits`);
    }
    return packBitsTwin(input.levels, input.bitsPerDot);
  },
};

/** The addon hands its byte outputs over as Buffers (no zero-filling); callers get a plain Uint8Array view of the same bytes, as from the twin. */
function plain(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The native twins of a loaded addon, behind the same checks (and the addon's own). */
export function nativeKernelsOf(addon: NativeAddon): ImagingKernels {
  const call = <T>(kernel: KernelName, run: () => T): T => {
    try {
      return run();
    } catch (error: unknown) {
      throw fromNativeError(kernel, error);
    }
  };
  return {
    implementation: 'native',
    fingerprintBlockFeatures(pixels, width, height, blockSize = 16) {
      const input = checked.fingerprintBlockFeatures(pixels, width, height, blockSize);
      const f = call('fingerprintBlockFeatures', () => addon.fingerprintBlockFeatures(input.bytes, input.width, input.height, input.blockSize));
      return { blockSize: f.blockSize, blocksX: f.blocksX, blocksY: f.blocksY, contrast: f.contrast, coherence: f.coherence, foreground: f.foreground };
    },
    colourPanels(rgb, layer, options) {
      const input = checked.colourPanels(rgb, layer, options);
      const [y, m, c] = call('colourPanels', () =>
        addon.colourPanels(input.bytes, input.width, input.height, input.bitsPerDot, input.dithering === 'floyd-steinberg' ? 1 : 0),
      );
      return { y: plain(y), m: plain(m), c: plain(c) };
    },
    monoPanel(mask, layer) {
      const input = checked.monoPanel(mask, layer);
      return plain(call('monoPanel', () => addon.monoPanel(input.bytes, input.width, input.height)));
    },
    packBits(levels, bitsPerDot) {
      const input = checked.packBits(levels, bitsPerDot);
      return plain(call('packBits', () => addon.packBits(input.levels, input.bitsPerDot)));
    },
  };
}

let native: ImagingKernels | null | undefined;

/** The native twins, or null when the addon did not load (nativeKernelStatus() says why). */
export function nativeKernels(): ImagingKernels | null {
  if (native === undefined) {
    const addon = nativeAddon();
    native = addon === null ? null : nativeKernelsOf(addon);
  }
  return native;
}

let javascriptForced = false;

/**
 * Runs every kernel's JavaScript twin from now on (true), as KTP_NATIVE=off does, or goes back to
 * the native ones where they loaded (false). For the bench and the tests, which measure or check
 * the callers (fingerprint quality, the card job) both ways in one process.
 */
export function forceJavascriptKernels(on: boolean): void {
  javascriptForced = on;
}

/** The twin the station runs for `kernel`. */
export function kernelFor(kernel: KernelName): ImagingKernels {
  const loaded = NATIVE_WHEN_LOADED[kernel] && !javascriptForced ? nativeKernels() : null;
  return loaded ?? javascriptKernels;
}

export function fingerprintBlockFeatures(pixels: Uint8Array, width: number, height: number, blockSize = 16): FingerprintBlockFeatures {
  return kernelFor('fingerprintBlockFeatures').fingerprintBlockFeatures(pixels, width, height, blockSize);
}

export function encodeColourPanels(rgb: Uint8Array, layer: LayerSize, options: ColourPanelOptions): ColourPanels {
  return kernelFor('colourPanels').colourPanels(rgb, layer, options);
}

export function encodeMonoPanel(mask: Uint8Array, layer: LayerSize): Uint8Array {
  return kernelFor('monoPanel').monoPanel(mask, layer);
}

export function packBits(levels: Uint8Array, bitsPerDot: PackDepth): Uint8Array {
  return kernelFor('packBits').packBits(levels, bitsPerDot);
}
