/**
 * The Evolis driver against the printer simulator over a real pty pair (socat): a batch of 20
 * cards with the ribbon running out at card 7, garbled and silent replies, and the PNGs the
 * simulator printed compared with the faces that were sent.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SerialPrinterTransport } from '../../src-main/devices/printer/serial-printer-transport.js';
import { UsbPrinterTransport } from '../../src-main/devices/printer/usblp-transport.js';
import type { CardFace, CardPrintOutcome } from '../../src-main/print/card-face.js';
import { DEFAULT_EVOLIS_OPTIONS, EvolisCardPrinter } from '../../src-main/print/evolis/evolis-card-printer.js';
import { cardFileName } from '../../src-main/sim/printer/card-render.js';
import { PrinterSimulator } from '../../src-main/sim/printer/printer-simulator.js';
import { sampleFace } from '../helpers/card-faces.js';
import { openPtyPair } from '../helpers/print-pty.js';
import type { PtyPair } from '../helpers/print-pty.js';

const W = 1016;
const H = 648;
const STEP_6_BITS = 255 / 63;

let dir: string;
let pty: PtyPair;
let sim: PrinterSimulator;
let printer: EvolisCardPrinter;

function readPng(path: string): Buffer {
  const png = PNG.sync.read(readFileSync(path));
  expect([png.width, png.height]).toEqual([W, H]);
  return png.data; // RGBA
}

/** The simulator's PNGs of card `n` hold the face: K and O exactly, RGB within one 6-bit step (error diffusion). */
function expectPrintedAsMeant(n: number, face: CardFace): void {
  const out = join(dir, 'cards');
  const k = readPng(join(out, cardFileName(n, '-k')));
  const o = readPng(join(out, cardFileName(n, '-o')));
  const ymc = readPng(join(out, cardFileName(n, '-ymc')));
  let kMismatch = 0;
  let oMismatch = 0;
  let worst = 0;
  for (let i = 0; i < W * H; i += 1) {
    if ((k[i * 4] === 0 ? 1 : 0) !== face.black[i]) kMismatch += 1;
    if ((o[i * 4] === 0 ? 1 : 0) !== (face.overlay === null ? 1 : face.overlay[i])) oMismatch += 1;
    for (let ch = 0; ch < 3; ch += 1) worst = Math.max(worst, Math.abs((ymc[i * 4 + ch] ?? 0) - (face.rgb[i * 3 + ch] ?? 0)));
  }
  expect({ card: n, kMismatch, oMismatch }).toEqual({ card: n, kMismatch: 0, oMismatch: 0 });
  expect(worst).toBeLessThanOrEqual(STEP_6_BITS + 0.5);
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ktp-print-'));
  pty = await openPtyPair(dir);
  sim = await PrinterSimulator.start({ port: pty.device, outputDir: join(dir, 'cards') });
  // Generous timeouts: the simulator renders PNGs in this same process on a shared machine; only
  // the silence test waits for one to run out.
  printer = new EvolisCardPrinter({ ...DEFAULT_EVOLIS_OPTIONS, transport: new SerialPrinterTransport(pty.host, 115_200), replyTimeoutMs: 20_000, printTimeoutMs: 60_000 });
});

afterEach(async () => {
  await printer.close();
  await sim.stop();
  await pty.close();
  rmSync(dir, { recursive: true, force: true });
}, 300_000);

describe('Evolis printer on a pty, through the simulator', () => {
  it('prints 20 cards; the ribbon runs out at card 7, which is not fed; after a new ribbon it resumes with card 7', async () => {
    const faces = Array.from({ length: 20 }, (_, i) => sampleFace(i, i % 4 === 3 ? 'full' : 'partial'));
    const identity = await printer.state();
    expect(identity.identity.model).toMatch(/Evolis/);
    expect(identity.ready).toBe(true);
    sim.inject({ kind: 'ribbon-out-at', card: 7 });
    const outcomes: CardPrintOutcome[] = [];
    let next = 0;
    while (next < faces.length) {
      const face = faces[next];
      if (face === undefined) break;
      const outcome = await printer.print({ jobId: `job-${next + 1}`, front: face });
      outcomes.push(outcome);
      if (outcome.printed) {
        next += 1;
        continue;
      }
      // The desk's view of the stop: card 7, ribbon out, no blank left the feeder.
      expect(outcome).toEqual({ jobId: 'job-7', printed: false, cardFed: false, fault: { code: 'RIBBON_OUT', raw: 'ERR RIBBON OUT', warning: false } });
      expect(sim.counters()).toMatchObject({ fed: 6, printed: 6, rejected: 0, ribbonRemaining: 0, hopper: 94 });
      const stopped = await printer.state();
      expect(stopped.ready).toBe(false);
      expect(stopped.faults.map((f) => f.code)).toContain('RIBBON_OUT');
      sim.inject({ kind: 'ribbon-replace' });
    }
    expect(outcomes.map((o) => o.jobId)).toEqual([...Array(7).keys()].map((i) => `job-${i + 1}`).concat(['job-7'], [...Array(13).keys()].map((i) => `job-${i + 8}`)));
    expect(outcomes.filter((o) => o.printed)).toHaveLength(20);
    expect(sim.counters()).toMatchObject({ fed: 20, printed: 20, rejected: 0, ribbonRemaining: 200 - 14, hopper: 80 });
    const pngs = readdirSync(join(dir, 'cards')).filter((f) => /^card-\d{4}\.png$/.test(f));
    expect(pngs).toHaveLength(20);
    for (let n = 1; n <= 20; n += 1) expectPrintedAsMeant(n, faces[n - 1] ?? sampleFace(0));
    const after = await printer.state();
    expect(after.cardsPrinted).toBe(20);
    expect(after.ribbonRemaining).toBe(186);
  }, 1_800_000);

  it('a garbled reply to a printed card is reported printed, once; a garbled reply before the job prints nothing', async () => {
    sim.inject({ kind: 'garbage' });
    const first = await printer.print({ jobId: 'a', front: sampleFace(1) });
    expect(first).toMatchObject({ printed: false, cardFed: false, fault: { code: 'UNKNOWN_REPLY' } });
    expect(sim.counters().printed).toBe(0);
    sim.inject({ kind: 'garbage-print' });
    const second = await printer.print({ jobId: 'a', front: sampleFace(1) });
    expect(second).toMatchObject({ printed: true, warnings: [{ code: 'UNKNOWN_REPLY', warning: true }] });
    const third = await printer.print({ jobId: 'b', front: sampleFace(2) });
    expect(third).toMatchObject({ printed: true, warnings: [] });
    expect(sim.counters()).toMatchObject({ fed: 2, printed: 2 });
    expect(readdirSync(join(dir, 'cards')).filter((f) => /^card-\d{4}\.png$/.test(f))).toHaveLength(2);
  }, 300_000);

  it('a printer that goes silent while printing: TIMEOUT, cardFed unknown; after it answers again its counter settles it', async () => {
    await printer.close();
    printer = new EvolisCardPrinter({ ...DEFAULT_EVOLIS_OPTIONS, transport: new SerialPrinterTransport(pty.host, 115_200), replyTimeoutMs: 3_000, printTimeoutMs: 6_000 });
    sim.inject({ kind: 'silence-print' });
    const outcome = await printer.print({ jobId: 'c', front: sampleFace(4) });
    expect(outcome).toMatchObject({ printed: false, cardFed: null, fault: { code: 'TIMEOUT' } });
    const silent = await printer.state();
    expect(silent.ready).toBe(false);
    expect(silent.faults.map((f) => f.code)).toEqual(['TIMEOUT']);
    sim.inject({ kind: 'clear' });
    expect((await printer.state()).cardsPrinted).toBe(1);
  }, 300_000);

  it('feeder empty and cover open stop before feeding; a jam feeds the card and stops', async () => {
    sim.inject({ kind: 'feeder-empty' });
    expect(await printer.print({ jobId: 'd', front: sampleFace(5) })).toMatchObject({ printed: false, cardFed: false, fault: { code: 'FEEDER_EMPTY' } });
    sim.inject({ kind: 'cards-load', count: 5 });
    sim.inject({ kind: 'cover-open' });
    expect(await printer.print({ jobId: 'd', front: sampleFace(5) })).toMatchObject({ printed: false, cardFed: false, fault: { code: 'COVER_OPEN' } });
    sim.inject({ kind: 'cover-close' });
    sim.inject({ kind: 'jam' });
    expect(await printer.print({ jobId: 'd', front: sampleFace(5) })).toMatchObject({ printed: false, cardFed: true, fault: { code: 'CARD_JAM' } });
    expect(sim.counters()).toMatchObject({ fed: 1, printed: 0, rejected: 1, hopper: 4 });
    sim.inject({ kind: 'clear' });
    expect(await printer.print({ jobId: 'd', front: sampleFace(5) })).toMatchObject({ printed: true });
  }, 300_000);

  it('the USB printer-class transport (a character device opened non-blocking) drives the same printer', async () => {
    const usb = new EvolisCardPrinter({ ...DEFAULT_EVOLIS_OPTIONS, transport: new UsbPrinterTransport(pty.host), replyTimeoutMs: 20_000, printTimeoutMs: 60_000 });
    await printer.close();
    printer = usb;
    const face = sampleFace(9);
    expect(await usb.print({ jobId: 'e', front: face })).toMatchObject({ printed: true });
    expectPrintedAsMeant(1, face);
  }, 300_000);
});
