// npm run bench -- native [--rounds 21]
// The native kernels (native/) against their JavaScript twins: the same inputs, in the same run,
// the two twins taking turns round by round so that both see the same machine. Medians (p50) in
// ms and the ratio JavaScript / native; `identical` says both gave the same bytes. Goals (issue
// #10): fingerprint features over a 1600 × 1500 slap and the full YMCKO panel encoding of a card
// face at least 5× faster natively; live fingerprint quality (the real fingerprintQuality over a
// 400 × 500 GRAY8 frame, a single finger at 500 ppi) at least 15 frames a second.
import { fingerprintQuality } from '../../src-main/biometrics/quality/fingerprint-quality.js';
import { grayFrame } from '../../src-main/biometrics/quality/gray-frame.js';
import type { ImagingKernels, PackDepth } from '../../src-main/imaging/kernels.js';
import { forceJavascriptKernels, javascriptKernels, nativeKernels } from '../../src-main/imaging/kernels.js';
import { nativeKernelStatus } from '../../src-main/imaging/native-addon.js';
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../../src-main/print/card-face.js';
import type { CardFace } from '../../src-main/print/card-face.js';
import { encodeCardJob } from '../../src-main/print/evolis/card-job.js';
import { DITHERINGS, inkLevels } from '../../src-main/print/evolis/colour-panels.js';
import type { ColourDepth } from '../../src-main/print/evolis/panel-geometry.js';
import { CARD_LAYER, COLOUR_DEPTHS } from '../../src-main/print/evolis/panel-geometry.js';
import { sampleFace } from '../helpers/card-faces.js';
import { fingersFrame } from '../helpers/synthetic-images.js';

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'native', ...line })}\n`);
};
function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

const sameBytes = (a: ArrayBufferView, b: ArrayBufferView): boolean =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

interface Pair<T> {
  jsP50Ms: number;
  nativeP50Ms: number | null;
  ratio: number | null;
  identical: boolean | null;
  js: T;
}

/** Runs `work` with each twin in turn for `rounds` rounds (after 2 warm-up rounds each); `identical` compares the last round's results. */
function compare<T>(rounds: number, work: (kernels: ImagingKernels, round: number) => T, same: (a: T, b: T) => boolean): Pair<T> {
  const native = nativeKernels();
  const jsMs: number[] = [];
  const nativeMs: number[] = [];
  let js: T | undefined;
  let nat: T | undefined;
  for (let i = 0; i < rounds + 2; i += 1) {
    let t0 = performance.now();
    js = work(javascriptKernels, i);
    if (i >= 2) jsMs.push(performance.now() - t0);
    if (native !== null) {
      t0 = performance.now();
      nat = work(native, i);
      if (i >= 2) nativeMs.push(performance.now() - t0);
    }
  }
  const jsP50 = median(jsMs);
  const nativeP50 = native === null ? null : median(nativeMs);
  return {
    jsP50Ms: round(jsP50),
    nativeP50Ms: nativeP50 === null ? null : round(nativeP50),
    ratio: nativeP50 === null ? null : round(jsP50 / nativeP50, 2),
    identical: native === null || js === undefined || nat === undefined ? null : same(js, nat),
    js: js as T,
  };
}

const line = <T>(pair: Pair<T>): Record<string, unknown> => ({
  jsP50Ms: pair.jsP50Ms,
  nativeP50Ms: pair.nativeP50Ms,
  ratio: pair.ratio,
  identical: pair.identical,
});

/** The five panels of a face, as the card job makes them. */
function ymcko(kernels: ImagingKernels, face: CardFace, bitsPerDot: ColourDepth, dithering: (typeof DITHERINGS)[number]): Uint8Array[] {
  const { y, m, c } = kernels.colourPanels(face.rgb, CARD_LAYER, { bitsPerDot, dithering });
  return [y, m, c, kernels.monoPanel(face.black, CARD_LAYER), kernels.monoPanel(face.overlay ?? face.black, CARD_LAYER)];
}
const samePanels = (a: Uint8Array[], b: Uint8Array[]): boolean => a.length === b.length && a.every((p, i) => sameBytes(p, b[i] ?? new Uint8Array()));

export function run(args: string[]): Promise<void> {
  const rounds = Number(option(args, '--rounds', '21'));
  const status = nativeKernelStatus();
  emit({ case: 'status', ...status, note: status.loaded ? 'native twins measured against the JavaScript twins' : 'addon not loaded: JavaScript twins only' });

  // 1. Fingerprint block features over a four-finger slap, 1600 × 1500 at 500 ppi.
  const slap = fingersFrame(1600, 1500, 4, 11);
  const features = compare(
    rounds,
    (k) => k.fingerprintBlockFeatures(slap.pixels, slap.width, slap.height, 16),
    (a, b) => sameBytes(a.contrast, b.contrast) && sameBytes(a.coherence, b.coherence) && sameBytes(a.foreground, b.foreground),
  );
  emit({ case: 'fingerprint-features', image: '1600x1500 GRAY8, 4 fingers', blockSize: 16, rounds, ...line(features), goal: 'ratio >= 5', goalMet: features.ratio === null ? null : features.ratio >= 5 });

  // 2. Live fingerprint quality: the real fingerprintQuality (frame check, features, scoring).
  const finger = fingersFrame(400, 500, 1, 5);
  const quality = compare(
    rounds * 5,
    (k) => {
      forceJavascriptKernels(k.implementation === 'javascript');
      try {
        return fingerprintQuality(grayFrame(finger.pixels, finger.width, finger.height));
      } finally {
        forceJavascriptKernels(false);
      }
    },
    (a, b) => JSON.stringify(a) === JSON.stringify(b),
  );
  // Where the time of one frame goes, natively: the features against the whole quality call.
  const nativeOnly = nativeKernels();
  const featuresShare =
    nativeOnly === null || quality.nativeP50Ms === null
      ? null
      : round(median(Array.from({ length: rounds * 5 }, () => {
          const t0 = performance.now();
          nativeOnly.fingerprintBlockFeatures(finger.pixels, finger.width, finger.height, 16);
          return performance.now() - t0;
        })) / quality.nativeP50Ms, 2);
  emit({
    case: 'fingerprint-quality',
    image: '400x500 GRAY8, 1 finger (500 ppi)',
    rounds: rounds * 5,
    score: quality.js.score,
    ...line(quality),
    jsFps: round(1000 / quality.jsP50Ms, 0),
    nativeFps: quality.nativeP50Ms === null ? null : round(1000 / quality.nativeP50Ms, 0),
    nativeFeaturesShareOfFrame: featuresShare,
    goal: 'fps >= 15',
    goalMet: (quality.nativeP50Ms ?? quality.jsP50Ms) <= 1000 / 15,
  });

  // 3. Full YMCKO panel encoding of card faces (Y, M, C at each depth and dithering; K and O).
  const faces = [sampleFace(0), sampleFace(3), sampleFace(6)];
  for (const dithering of DITHERINGS) {
    for (const bitsPerDot of COLOUR_DEPTHS) {
      const pair = compare(rounds, (k, i) => ymcko(k, faces[i % faces.length] ?? sampleFace(0), bitsPerDot, dithering), samePanels);
      emit({ case: 'ymcko-panels', dithering, colourDepth: bitsPerDot, card: `${CARD_WIDTH_DOTS}x${CARD_HEIGHT_DOTS}`, rounds, ...line(pair), goal: 'ratio >= 5', goalMet: pair.ratio === null ? null : pair.ratio >= 5 });
    }
  }

  // 4. The whole card job as the print desk makes it (face check, panels, command frames).
  for (const dithering of DITHERINGS) {
    const face = faces[1] ?? sampleFace(3);
    const pair = compare(
      rounds,
      (k) => {
        forceJavascriptKernels(k.implementation === 'javascript');
        try {
          return encodeCardJob(face, { bitsPerDot: 6, dithering });
        } finally {
          forceJavascriptKernels(false);
        }
      },
      (a, b) => a.frames.length === b.frames.length && a.frames.every((f, i) => sameBytes(f.bytes, b.frames[i]?.bytes ?? new Uint8Array())),
    );
    emit({ case: 'card-job', dithering, colourDepth: 6, rounds, jobBytes: pair.js.totalBytes, ...line(pair) });
  }

  // 5. Each panel kernel on its own, to decide where the native twin earns its place.
  const face = faces[0] ?? sampleFace(0);
  for (const dithering of DITHERINGS) {
    const pair = compare(rounds, (k) => k.colourPanels(face.rgb, CARD_LAYER, { bitsPerDot: 6, dithering }), (a, b) => sameBytes(a.y, b.y) && sameBytes(a.m, b.m) && sameBytes(a.c, b.c));
    emit({ case: 'kernel', kernel: 'colourPanels', dithering, colourDepth: 6, rounds, ...line(pair) });
  }
  const mono = compare(rounds, (k) => k.monoPanel(face.black, CARD_LAYER), sameBytes);
  emit({ case: 'kernel', kernel: 'monoPanel', rounds, ...line(mono) });
  for (const bits of [1, 6] as PackDepth[]) {
    const levels = bits === 1 ? face.black : inkLevels(face.rgb, 0, { bitsPerDot: 6, dithering: 'floyd-steinberg' });
    const pair = compare(rounds, (k) => k.packBits(levels, bits), sameBytes);
    emit({ case: 'kernel', kernel: 'packBits', bitsPerDot: bits, levels: levels.length, rounds, ...line(pair) });
  }
  return Promise.resolve();
}
