import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT_DOTS, CARD_WIDTH_DOTS } from '../../src-main/print/card-face.js';
import { packBits } from '../../src-main/print/evolis/bit-pack.js';
import { CardFaceError, encodeCardJob } from '../../src-main/print/evolis/card-job.js';
import { encodeColourPanels, inkLevels } from '../../src-main/print/evolis/colour-panels.js';
import { encodeMonoPanel } from '../../src-main/print/evolis/mono-panel.js';
import { panelBytes } from '../../src-main/print/evolis/panel-geometry.js';
import { decodePanel, inkOfLevels } from '../../src-main/sim/printer/panel-decoder.js';
import { sampleFace } from '../helpers/card-faces.js';

const W = CARD_WIDTH_DOTS;
const H = CARD_HEIGHT_DOTS;

describe('Evolis panel geometry (a quarter turn clockwise, 648-dot lines)', () => {
  it('puts the face bottom-left corner first, top-left at the end of line 0, top-right last', () => {
    const bit = (panel: Uint8Array, index: number) => ((panel[index >> 3] ?? 0) >> (7 - (index & 7))) & 1;
    const one = (x: number, y: number) => {
      const mask = new Uint8Array(W * H);
      mask[y * W + x] = 1;
      return encodeMonoPanel(mask);
    };
    expect(bit(one(0, H - 1), 0)).toBe(1);
    expect(bit(one(0, 0), 647)).toBe(1);
    expect(bit(one(1, H - 1), 648)).toBe(1);
    expect(bit(one(W - 1, 0), 648 * 1016 - 1)).toBe(1);
    const panel = one(5, 10);
    const set = [...Array(648 * 1016).keys()].filter((i) => bit(panel, i) === 1);
    expect(set).toEqual([5 * 648 + (647 - 10)]);
  });

  it('sizes panels as the guide says: K 81 bytes a line, 82,296 bytes; Y/M/C at 5/6/7 bits', () => {
    expect(panelBytes(1)).toBe(82_296);
    expect(encodeMonoPanel(new Uint8Array(W * H)).length).toBe(82_296);
    expect([5, 6, 7].map(panelBytes)).toEqual([411_480, 493_776, 576_072]);
  });

  it('bit-packs most significant bit first, at every depth, and the simulator unpacks the same', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 5, 6, 7), fc.array(fc.nat(127), { minLength: 8, maxLength: 64 }), (bits, raw) => {
        const levels = Uint8Array.from(raw.slice(0, 8 * Math.floor(raw.length / 8)).map((v) => v & ((1 << bits) - 1)));
        const packed = packBits(levels, bits);
        expect(packed.length).toBe((levels.length * bits) / 8);
        let bitAt = 0;
        for (const level of levels) {
          let value = 0;
          for (let k = 0; k < bits; k += 1, bitAt += 1) value = (value << 1) | (((packed[bitAt >> 3] ?? 0) >> (7 - (bitAt & 7))) & 1);
          expect(value).toBe(level);
        }
      }),
    );
  });

  it('K and O round-trip exactly through the simulator decoder', () => {
    const face = sampleFace(3);
    const overlay = face.overlay ?? new Uint8Array();
    expect(Buffer.from(decodePanel(encodeMonoPanel(face.black), 1)).equals(face.black)).toBe(true);
    expect(Buffer.from(decodePanel(encodeMonoPanel(overlay), 1)).equals(overlay)).toBe(true);
  });
});

describe('Evolis colour panels (subtractive, quantised)', () => {
  const face = sampleFace(1);
  const maxError = (depth: 5 | 6 | 7, dithering: 'none' | 'floyd-steinberg') => {
    const panels = encodeColourPanels(face.rgb, { bitsPerDot: depth, dithering });
    let worst = 0;
    let sum = 0;
    for (const [panel, channel] of [[panels.c, 0], [panels.m, 1], [panels.y, 2]] as const) {
      const ink = inkOfLevels(decodePanel(panel, depth), depth);
      for (let i = 0; i < W * H; i += 1) {
        const error = 255 - (ink[i] ?? 0) - (face.rgb[i * 3 + channel] ?? 0);
        worst = Math.max(worst, Math.abs(error));
        sum += error;
      }
    }
    return { worst, meanError: sum / (3 * W * H), step: 255 / ((1 << depth) - 1) };
  };

  it.each([5, 6, 7] as const)('without dithering every dot is within half a level step at %i bits', (depth) => {
    const { worst, step } = maxError(depth, 'none');
    expect(worst).toBeLessThanOrEqual(step / 2 + 0.5);
  });

  it.each([5, 6, 7] as const)('with error diffusion every dot is within one step and the mean tone is kept at %i bits', (depth) => {
    const { worst, meanError, step } = maxError(depth, 'floyd-steinberg');
    expect(worst).toBeLessThanOrEqual(step + 0.5);
    expect(Math.abs(meanError)).toBeLessThan(0.5);
  });

  it('white needs no ink and black is full ink on all three panels', () => {
    const rgb = new Uint8Array(W * H * 3);
    rgb.fill(255, 0, (W * H * 3) / 2);
    for (const channel of [0, 1, 2] as const) {
      const levels = inkLevels(rgb, channel, { bitsPerDot: 6, dithering: 'floyd-steinberg' });
      expect(new Set(levels)).toEqual(new Set([0, 63]));
    }
  });
});

describe('Evolis card job', () => {
  it('is Pr, Ss, five panels, Se with 64 NUL of padding; a full overlay is Wcb;o;255', () => {
    const job = encodeCardJob(sampleFace(0, 'full'), { bitsPerDot: 5, dithering: 'none' });
    const text = (b: Uint8Array) => new TextDecoder().decode(b.subarray(1, Math.min(b.length, 16)));
    expect(job.frames.map((f) => f.step)).toEqual(['ribbon', 'start', 'panel-y', 'panel-m', 'panel-c', 'panel-k', 'panel-o', 'end']);
    expect(text(job.frames[0]?.bytes ?? new Uint8Array())).toBe('Pr;ymcko\r');
    expect(text(job.frames[2]?.bytes ?? new Uint8Array()).startsWith('Db;y;32;')).toBe(true);
    expect(text(job.frames[5]?.bytes ?? new Uint8Array()).startsWith('Db;k;2;')).toBe(true);
    expect(text(job.frames[6]?.bytes ?? new Uint8Array())).toBe('Wcb;o;255\r');
    const end = job.frames[7]?.bytes ?? new Uint8Array();
    expect(end.length).toBe(4 + 64);
    expect([...end.subarray(4)].every((b) => b === 0)).toBe(true);
    expect(job.totalBytes).toBe(job.frames.reduce((s, f) => s + f.bytes.length, 0));
  });

  it('refuses a face of the wrong size or a mask holding something other than 0 and 1', () => {
    const good = sampleFace(2);
    const options = { bitsPerDot: 6, dithering: 'none' } as const;
    expect(() => encodeCardJob({ ...good, rgb: good.rgb.subarray(3) }, options)).toThrow(CardFaceError);
    const black = Uint8Array.from(good.black);
    black[1234] = 255;
    expect(() => encodeCardJob({ ...good, black }, options)).toThrow(/black layer holds only 0 or 1/);
  });
});
