import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { sampleCapture } from '../../src-main/sim/sample-captures.js';
import type { CardText } from '../../src-main/print/layout/card-data.js';

/** The CUPS queue .ci/run makes with cups-pdf (override with KTP_CUPS_QUEUE). */
export const CUPS_QUEUE = process.env.KTP_CUPS_QUEUE ?? 'KTP-CARD';

/** Why the CUPS tests cannot run here, or null when the queue answers. */
export function cupsUnavailable(): string | null {
  try {
    const out = execFileSync('lpstat', ['-p', CUPS_QUEUE], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return out.includes(CUPS_QUEUE) ? null : `CUPS queue ${CUPS_QUEUE} not found`;
  } catch (error: unknown) {
    return `CUPS queue ${CUPS_QUEUE} not available (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); .ci/run installs cups + cups-pdf and makes it`;
  }
}

/** Where cups-pdf writes a job of the current user: its "Out" directory, ${HOME} expanded. */
export function cupsPdfOutDir(): string {
  const conf = readFileSync('/etc/cups/cups-pdf.conf', 'utf8');
  const out = /^Out\s+(.+)$/m.exec(conf)?.[1]?.trim() ?? '/var/spool/cups-pdf/${USER}';
  return out.replace('${HOME}', homedir()).replace('${USER}', process.env.USER ?? 'root');
}

/** The PDF cups-pdf wrote for the job named `ktp-<deskJobId>`, or null while it is not there yet. */
export function cupsPdfFor(deskJobId: string): string | null {
  const dir = cupsPdfOutDir();
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir).find((f) => f.startsWith(`ktp-${deskJobId}`) && f.endsWith('.pdf'));
  return name === undefined ? null : join(dir, name);
}

/** pdfinfo's page size in points, e.g. [242, 153]. */
export function pdfPageSize(file: string): [number, number] {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  if (match === null) throw new Error(`pdfinfo gave no page size for ${file}`);
  return [Number(match[1]), Number(match[2])];
}

/** The first page rendered by pdftoppm (poppler-utils) to PNG at `dpi`. */
export function renderPdfPage(file: string, outPrefix: string, dpi = 150): string {
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-singlefile', file, outPrefix]);
  return `${outPrefix}.png`;
}

export function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(file));
}

export function samplePhoto(n = 1): Buffer {
  return sampleCapture('FACE', 'FRONTAL', n).bytes;
}

export function sampleSignature(n = 1): Buffer {
  return sampleCapture('SIGNATURE', 'SIGNATURE', n).bytes;
}

export function cardTextFixture(overrides: Partial<CardText> = {}): CardText {
  return {
    provinsi: 'PROVINSI JAWA TIMUR',
    kabupatenKota: 'KABUPATEN PACITAN',
    nik: '3501011205900001',
    nama: 'BUDI SANTOSO',
    tempatTglLahir: 'PACITAN, 12-05-1990',
    jenisKelamin: 'LAKI-LAKI',
    golDarah: 'O',
    alamat: 'JL. RAYA DONOROJO NO. 12',
    rtRw: '001/002',
    kelDesa: 'DONOROJO',
    kecamatan: 'DONOROJO',
    agama: 'ISLAM',
    statusPerkawinan: 'KAWIN',
    pekerjaan: 'PETANI/PEKEBUN',
    kewarganegaraan: 'WNI',
    berlakuHingga: 'SEUMUR HIDUP',
    issuePlace: 'PACITAN',
    issueDate: '02-12-2026',
    ...overrides,
  };
}

/** Polls for a file path until it appears. */
export async function waitForFile(find: () => string | null, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error('timed out waiting for the cups-pdf output');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
