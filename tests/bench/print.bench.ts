// npm run bench -- print [--cards 15]
// Host work per card for an Evolis escape-command printer: the panel encoding (Y/M/C at 5, 6, 7
// bits, with and without error diffusion; K and O at 1 bit) against the printer's 16 s card cycle
// (goal: under 1 % of it, and the panels in under 200 ms). The transfer of one job through a real
// pty (socat) is reported on its own line. Medians, JSON lines.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPrinterTransport } from '../../src-main/devices/printer/serial-printer-transport.js';
import { encodeCardJob } from '../../src-main/print/evolis/card-job.js';
import type { Dithering } from '../../src-main/print/evolis/colour-panels.js';
import type { ColourDepth } from '../../src-main/print/evolis/panel-geometry.js';
import { sampleFace } from '../helpers/card-faces.js';

const CYCLE_MS = 16_000;
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};
const round = (x: number): number => Math.round(x * 100) / 100;
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'print', ...line })}\n`);
};
function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

export async function run(args: string[]): Promise<void> {
  const cards = Number(option(args, '--cards', '15'));
  const faces = Array.from({ length: cards }, (_, i) => sampleFace(i));
  for (const dithering of ['floyd-steinberg', 'none'] as Dithering[]) {
    for (const depth of [5, 6, 7] as ColourDepth[]) {
      encodeCardJob(faces[0] ?? sampleFace(0), { bitsPerDot: depth, dithering }); // warm-up
      const ms: number[] = [];
      let bytes = 0;
      for (const face of faces) {
        const t0 = performance.now();
        bytes = encodeCardJob(face, { bitsPerDot: depth, dithering }).totalBytes;
        ms.push(performance.now() - t0);
      }
      const p50 = median(ms);
      emit({
        case: 'encode-card',
        colourDepth: depth,
        dithering,
        cards,
        jobBytes: bytes,
        p50Ms: round(p50),
        cycleMs: CYCLE_MS,
        ratioToCycle: round((p50 / CYCLE_MS) * 10_000) / 10_000,
        goalUnder1Percent: p50 < CYCLE_MS / 100,
        goalPanelsUnder200Ms: p50 < 200,
      });
    }
  }

  // Transfer: one 6-bit job through a socat pty pair, read back on the other end.
  const dir = mkdtempSync(join(tmpdir(), 'ktp-bench-print-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  try {
    for (let i = 0; i < 200 && !(existsSync(a) && existsSync(b)); i += 1) await new Promise((r) => setTimeout(r, 25));
    const host = new SerialPrinterTransport(a, 115_200);
    const device = new SerialPrinterTransport(b, 115_200);
    await host.open();
    await device.open();
    const job = encodeCardJob(faces[0] ?? sampleFace(0), { bitsPerDot: 6, dithering: 'floyd-steinberg' });
    const ms: number[] = [];
    for (let round_ = 0; round_ < 5; round_ += 1) {
      const t0 = performance.now();
      const receiving = (async () => {
        let got = 0;
        while (got < job.totalBytes) got += (await device.read(10_000)).length;
      })();
      for (const frame of job.frames) await host.write(frame.bytes);
      await receiving;
      ms.push(performance.now() - t0);
    }
    const p50 = median(ms);
    emit({
      case: 'transfer-pty',
      note: 'a pty is not a printer link: USB 2.0 full speed is ~1 MB/s, serial at 115200 baud ~11.5 KB/s',
      jobBytes: job.totalBytes,
      p50Ms: round(p50),
      mbPerSecond: round(job.totalBytes / 1e6 / (p50 / 1000)),
      ratioToCycle: round((p50 / CYCLE_MS) * 10_000) / 10_000,
    });
    await host.close();
    await device.close();
  } finally {
    socat.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
