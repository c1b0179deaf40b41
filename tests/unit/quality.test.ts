import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessCapture, assessFrame } from '../../src-main/biometrics/quality/assess.js';
import { fingerprintBlockFeatures } from '../../src-main/biometrics/quality/fingerprint-features.js';
import { FrameError, grayFrame } from '../../src-main/biometrics/quality/gray-frame.js';
import { syntheticIris } from '../../src-main/devices/iris/synthetic-iris.js';
import { renderSignature } from '../../src-main/devices/signature/signature-ink.js';
import { proceduralSignature, STU_540_PROFILE } from '../../src-main/devices/signature/signature-pad-simulator.js';
import { blankFrame, noiseFrame, portraitFrame, ridgeFrame } from '../helpers/synthetic-images.js';

const score = (modality: Parameters<typeof assessFrame>[0], frame: { width: number; height: number; pixels: Uint8Array }) => assessFrame(modality, grayFrame(frame.pixels, frame.width, frame.height)).score;

describe('fingerprint quality (synthetic frames)', () => {
  it('clear ridges score high; blank glass, noise and a half-covered sensor score low', () => {
    expect(score('FINGER', ridgeFrame(1))).toBeGreaterThanOrEqual(80);
    expect(score('FINGER', ridgeFrame(7))).toBeGreaterThanOrEqual(80);
    expect(score('FINGER', blankFrame())).toBe(0);
    expect(score('FINGER', noiseFrame())).toBeLessThan(20);
    expect(score('FINGER', ridgeFrame(1, { coverTopHalf: true }))).toBeLessThan(40);
  });

  it('the kernel: parallel ridges are coherent foreground, flat blocks are background', () => {
    const width = 64;
    const height = 64;
    const pixels = new Uint8Array(width * height);
    for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = x < 32 ? Math.round(128 + 100 * Math.sin(x / 1.3)) : 200;
    const f = fingerprintBlockFeatures(pixels, width, height, 16);
    expect([f.blocksX, f.blocksY]).toEqual([4, 4]);
    expect(f.foreground[0]).toBe(1);
    expect(f.coherence[0]).toBeGreaterThan(0.95);
    expect(f.foreground[3]).toBe(0);
    expect(f.contrast[3]).toBe(0);
  });
});

describe('face quality (synthetic portraits)', () => {
  it('a centred head on a plain background scores well; small, off-centre, busy background, dark or empty score low', () => {
    const good = score('FACE', portraitFrame());
    expect(good).toBeGreaterThanOrEqual(60);
    expect(score('FACE', portraitFrame({ width: 120, height: 160 }))).toBeLessThan(good - 20);
    expect(score('FACE', portraitFrame({ shiftX: 170 }))).toBeLessThan(20);
    expect(score('FACE', portraitFrame({ background: 'busy' }))).toBeLessThan(20);
    expect(score('FACE', portraitFrame({ brightness: 0.3 }))).toBeLessThan(20);
    expect(score('FACE', blankFrame(480, 640))).toBe(0);
  });
});

describe('iris quality (procedural eyes)', () => {
  it('an open, sharp eye scores high; eyelid occlusion and defocus lower it; no pupil scores 0', () => {
    const open = score('IRIS', syntheticIris());
    expect(open).toBeGreaterThanOrEqual(70);
    const occluded = score('IRIS', syntheticIris({ occlusion: 0.3 }));
    expect(occluded).toBeLessThan(open - 20);
    expect(score('IRIS', syntheticIris({ occlusion: 0.6 }))).toBeLessThan(10);
    expect(score('IRIS', syntheticIris({ blur: 4 }))).toBeLessThan(open - 20);
    expect(score('IRIS', blankFrame(640, 480, 200))).toBe(0);
  });

  it('reports occlusion as measured', () => {
    const report = assessFrame('IRIS', grayFrame(syntheticIris({ occlusion: 0.3 }).pixels, 640, 480));
    expect(report.measures['occlusion']).toBeGreaterThan(0.15);
    expect(report.measures['occlusion']).toBeLessThan(0.45);
  });
});

describe('signature quality (rendered pen strokes)', () => {
  const capability = STU_540_PROFILE.capability;
  it('a signature scores high; nothing, a tick or noise score low', () => {
    const full = renderSignature({ strokes: proceduralSignature(capability), capability });
    expect(score('SIGNATURE', full)).toBeGreaterThanOrEqual(80);
    expect(assessFrame('SIGNATURE', grayFrame(full.pixels, full.width, full.height)).measures['strokes']).toBe(3);
    expect(score('SIGNATURE', blankFrame(800, 480, 255))).toBe(0);
    const tick = proceduralSignature(capability)[2]?.slice(0, 10) ?? [];
    expect(score('SIGNATURE', renderSignature({ strokes: [tick], capability }))).toBeLessThan(20);
    expect(score('SIGNATURE', noiseFrame(800, 480))).toBeLessThan(20);
  });
});

describe('the boundary', () => {
  it('refuses a frame whose length is not width × height, or whose sides are impossible', () => {
    expect(() => grayFrame(new Uint8Array(10), 4, 4)).toThrow(FrameError);
    expect(() => grayFrame(new Uint8Array(0), 0, 0)).toThrow(FrameError);
    expect(() => grayFrame(new Uint8Array(4), 1.5, 2)).toThrow(FrameError);
  });

  it('assesses GRAY8, GRAY4 and PNG; not JPEG (no decoder: the device score stands)', () => {
    const ridges = ridgeFrame(2);
    expect(assessCapture('FINGER', 'GRAY8', ridges.pixels, 256, 288)?.score).toBeGreaterThanOrEqual(80);
    const gray4 = new Uint8Array((256 * 288) / 2);
    for (let i = 0; i < ridges.pixels.length; i += 1) {
      const nibble = (ridges.pixels[i] ?? 0) >> 4;
      gray4[i >> 1] = i % 2 === 0 ? nibble << 4 : (gray4[i >> 1] ?? 0) | nibble;
    }
    expect(assessCapture('FINGER', 'GRAY4', gray4, 256, 288)?.score).toBeGreaterThanOrEqual(80);
    expect(assessCapture('FACE', 'PNG', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3), null, null)).toBeNull();
    expect(assessCapture('FACE', 'JPEG', Uint8Array.of(0xff, 0xd8, 0xff), null, null)).toBeNull();
  });
});

describe('quality checks on random frames (fast-check)', () => {
  it('any valid frame gives an integer score 0..100 for every modality, never a crash', () => {
    const frame = fc
      .tuple(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 48 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom('noise', 'flat', 'stripes'))
      .map(([width, height, seed, kind]) => {
        const pixels = new Uint8Array(width * height);
        for (let i = 0; i < pixels.length; i += 1) {
          pixels[i] = kind === 'flat' ? seed & 0xff : kind === 'stripes' ? ((i % width) % 4 < 2 ? 10 : 240) : (Math.imul(i + 1, seed | 1) >>> 13) & 0xff;
        }
        return grayFrame(pixels, width, height);
      });
    fc.assert(
      fc.property(frame, fc.constantFrom<'FINGER' | 'FACE' | 'IRIS' | 'SIGNATURE'>('FINGER', 'FACE', 'IRIS', 'SIGNATURE'), (f, modality) => {
        const { score } = assessFrame(modality, f);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 400 },
    );
  });

  it('any byte string claimed as a frame is either a valid frame or a FrameError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: -2, max: 10 }), fc.integer({ min: -2, max: 10 }), (bytes, width, height) => {
        try {
          const f = grayFrame(bytes, width, height);
          expect(f.pixels.length).toBe(width * height);
        } catch (error: unknown) {
          expect(error).toBeInstanceOf(FrameError);
        }
      }),
    );
  });
});
