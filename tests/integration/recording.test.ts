import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src-main/contract/index.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import type { CallerConnection } from '../../src-main/core/call-context.js';
import type { Station } from '../../src-main/core/station.js';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { REQUIRED_CAPTURES } from '../../src-main/contract/captures.js';
import { captureParams, demographicsFixture, fakePng } from '../helpers/enrollment.js';
import { tempDir, trainingStation } from '../helpers/station.js';

interface Desk {
  station: Station;
  window: CallerConnection;
  call: (method: string, params: unknown) => Promise<CallOutcome<unknown>>;
  ok: <T>(method: string, params: unknown) => Promise<T>;
}

async function openDesk(dir: string): Promise<Desk> {
  const station = await trainingStation(dir);
  const window = statefulConnection('web');
  const call = (method: string, params: unknown) => station.dispatcher.dispatch(method, params, window);
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  await ok('session.startTraining', { role: 'operator' });
  return { station, window, call, ok };
}

interface View {
  id: string;
  status: string;
  registrationNo: string;
  contentHash: string | null;
  missing: unknown[];
  captures: Array<{ position: string; chosen: boolean; attempt: number }>;
}

describe('recording: drafts, captures, commit (real SQLite, real encryption)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function desk(): Promise<Desk & { dir: string }> {
    const t = tempDir('ktp-rec-');
    cleanups.push(t.remove);
    const d = await openDesk(t.dir);
    cleanups.push(() => d.station.close());
    return { ...d, dir: t.dir };
  }

  async function recordOne(d: Desk, overrides: Record<string, unknown> = {}, updateReason?: string): Promise<View> {
    const draft = await d.ok<View>('enrollment.startDraft', {
      demographics: demographicsFixture(overrides),
      ...(updateReason ? { updateReason } : {}),
    });
    for (const params of captureParams(draft.id)) await d.ok('enrollment.addCapture', params);
    return d.ok<View>('enrollment.commit', { id: draft.id });
  }

  it('records a resident end to end: draft → 14 captures → COMMITTED with a content hash and an outbox entry', async () => {
    const d = await desk();
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    expect(draft).toMatchObject({ status: 'DRAFT', registrationNo: expect.stringMatching(/^350101-\d{8}-0001$/) });
    expect(draft.missing).toHaveLength(14);
    for (const params of captureParams(draft.id)) await d.ok('enrollment.addCapture', params);
    const committed = await d.ok<View>('enrollment.commit', { id: draft.id });
    expect(committed.status).toBe('COMMITTED');
    expect(committed.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(committed.missing).toEqual([]);
    expect(d.station.status().backlog).toBe(1);
  });

  it('refuses to commit an incomplete record, naming what is missing, and changes nothing', async () => {
    const d = await desk();
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    const outcome = await d.call('enrollment.commit', { id: draft.id });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CAPTURES_MISSING' } });
    expect((await d.ok<View>('enrollment.get', { id: draft.id })).status).toBe('DRAFT');
    expect(d.station.status().backlog).toBe(0);
  });

  it('flags a NIK already on this station before capture; an update needs a reason', async () => {
    const d = await desk();
    await recordOne(d);
    const again = await d.call('enrollment.startDraft', { demographics: demographicsFixture() });
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE_NIK', details: { records: [expect.objectContaining({ status: 'COMMITTED' })] } } });
    const update = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture(), updateReason: 'Perubahan alamat' });
    expect(update.status).toBe('DRAFT');
  });

  it('refuses bad resident data with field-level errors and writes nothing', async () => {
    const d = await desk();
    const outcome = await d.call('enrollment.startDraft', { demographics: demographicsFixture({ nik: '3501011305900001' }) });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_DEMOGRAPHICS' } });
    const found = await d.ok<{ items: unknown[] }>('enrollment.search', { nik: '3501011305900001' });
    expect(found.items).toHaveLength(0);
  });

  it('refuses bytes that are not the image they claim to be, and oversize images, storing nothing', async () => {
    const d = await desk();
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    const notPng = await d.call('enrollment.addCapture', {
      id: draft.id, modality: 'FACE', position: 'FRONTAL', image: { format: 'PNG', base64: Buffer.from('hello').toString('base64') },
    });
    expect(notPng).toMatchObject({ ok: false, error: { code: 'INVALID_CAPTURE', details: { reason: 'not-an-image' } } });
    const wrongFrame = await d.call('enrollment.addCapture', {
      id: draft.id, modality: 'FINGER', position: 'RIGHT_THUMB', image: { format: 'GRAY4', base64: 'AAAA', width: 256, height: 288 },
    });
    expect(wrongFrame).toMatchObject({ ok: false, error: { code: 'INVALID_CAPTURE', details: { reason: 'length' } } });
    const oversize = await d.call('enrollment.addCapture', {
      id: draft.id, modality: 'FACE', position: 'FRONTAL', image: { format: 'PNG', base64: fakePng(5 * 1024 * 1024).toString('base64') },
    });
    expect(oversize).toMatchObject({ ok: false, error: { code: 'INVALID_CAPTURE', details: { reason: 'too-large' } } });
    const wrongPosition = await d.call('enrollment.addCapture', {
      id: draft.id, modality: 'IRIS', position: 'RIGHT_THUMB', image: { format: 'PNG', base64: fakePng().toString('base64') },
    });
    expect(wrongPosition).toMatchObject({ ok: false, error: { code: 'INVALID_CAPTURE' } });
    expect((await d.ok<View>('enrollment.get', { id: draft.id })).captures).toEqual([]);
  });

  it('keeps the best of up to 3 attempts, and records an exception when there is no image', async () => {
    const d = await desk();
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    const png = () => ({ format: 'PNG', base64: fakePng().toString('base64') });
    for (const quality of [30, 75, 50]) {
      await d.ok('enrollment.addCapture', { id: draft.id, modality: 'FACE', position: 'FRONTAL', quality, image: png() });
    }
    const fourth = await d.call('enrollment.addCapture', { id: draft.id, modality: 'FACE', position: 'FRONTAL', quality: 99, image: png() });
    expect(fourth).toMatchObject({ ok: false, error: { code: 'INVALID_CAPTURE', details: { field: 'attempt' } } });
    await d.ok('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'LEFT_LITTLE', exceptionReason: 'AMPUTASI' });
    const view = await d.ok<View>('enrollment.get', { id: draft.id });
    expect(view.captures.filter((c) => c.position === 'FRONTAL').map((c) => [c.attempt, c.chosen])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(view.missing).toHaveLength(12);
  });

  it('gives back the exact image bytes, and keeps no plaintext image or NIK bytes in the database or its WAL', async () => {
    const d = await desk();
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    const image = fakePng(4096);
    await d.ok('enrollment.addCapture', { id: draft.id, modality: 'FACE', position: 'FRONTAL', quality: 90, image: { format: 'PNG', base64: image.toString('base64') } });
    const back = await d.ok<{ base64: string }>('enrollment.captureImage', { id: draft.id, modality: 'FACE', position: 'FRONTAL', attempt: 1 });
    expect(Buffer.from(back.base64, 'base64').equals(image)).toBe(true);
    for (const params of captureParams(draft.id).slice(1)) await d.ok('enrollment.addCapture', params);
    await d.ok('enrollment.commit', { id: draft.id });
    const files = readdirSync(d.dir).filter((f) => f.startsWith('station.db'));
    expect(files).toEqual(expect.arrayContaining(['station.db', 'station.db-wal']));
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    for (const file of files) {
      const bytes = readFileSync(join(d.dir, file));
      expect(bytes.indexOf(png), `${file} holds a PNG signature`).toBe(-1);
      expect(bytes.indexOf(image.subarray(100, 164)), `${file} holds image bytes`).toBe(-1);
    }
  });

  it('finds records by NIK, name prefix, registration number and status, and pages them', async () => {
    const d = await desk();
    const budi = await recordOne(d);
    const siti = await recordOne(d, { nik: '3501014308850002', nama: 'Siti Aminah', tanggalLahir: '1985-08-03', jenisKelamin: 'PEREMPUAN' });
    const byNik = await d.ok<{ items: Array<{ id: string }> }>('enrollment.search', { nik: '3501014308850002' });
    expect(byNik.items.map((i) => i.id)).toEqual([siti.id]);
    const byName = await d.ok<{ items: Array<{ id: string }> }>('enrollment.search', { namePrefix: 'bud' });
    expect(byName.items.map((i) => i.id)).toEqual([budi.id]);
    const byReg = await d.ok<{ items: Array<{ id: string }> }>('enrollment.search', { registrationNo: budi.registrationNo });
    expect(byReg.items.map((i) => i.id)).toEqual([budi.id]);
    const page1 = await d.ok<{ items: Array<{ id: string }>; nextBeforeSeq: number | null }>('enrollment.search', { status: 'COMMITTED', limit: 1 });
    expect(page1.items.map((i) => i.id)).toEqual([siti.id]);
    const page2 = await d.ok<{ items: Array<{ id: string }> }>('enrollment.search', { status: 'COMMITTED', limit: 1, beforeSeq: page1.nextBeforeSeq });
    expect(page2.items.map((i) => i.id)).toEqual([budi.id]);
    const wildcard = await d.ok<{ items: unknown[] }>('enrollment.search', { namePrefix: '%' });
    expect(wildcard.items).toHaveLength(0);
  });

  it('survives a restart: the committed record and a draft are there after reopening', async () => {
    const t = tempDir('ktp-rec-restart-');
    cleanups.push(t.remove);
    const first = await openDesk(t.dir);
    const committed = await recordOne(first);
    const draft = await first.ok<View>('enrollment.startDraft', {
      demographics: demographicsFixture({ nik: '3501014308850002', nama: 'Siti Aminah', tanggalLahir: '1985-08-03', jenisKelamin: 'PEREMPUAN' }),
    });
    await first.station.close();
    const second = await openDesk(t.dir);
    cleanups.push(() => second.station.close());
    expect((await second.ok<View>('enrollment.get', { id: committed.id })).status).toBe('COMMITTED');
    expect((await second.ok<View>('enrollment.get', { id: draft.id })).status).toBe('DRAFT');
    expect(second.station.status().backlog).toBe(1);
  });

  it('records a whole resident from training-mode sample captures; fingerprints get a PNG preview', async () => {
    const d = await desk();
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    for (const { modality, position } of REQUIRED_CAPTURES) {
      const sample = await d.ok<{ format: string; base64: string; width: number; height: number; quality: number }>('training.sampleCapture', {
        modality,
        position,
      });
      await d.ok('enrollment.addCapture', {
        id: draft.id,
        modality,
        position,
        quality: sample.quality,
        image: { format: sample.format, base64: sample.base64, width: sample.width, height: sample.height },
      });
    }
    expect((await d.ok<View>('enrollment.commit', { id: draft.id })).status).toBe('COMMITTED');
    const thumb = await d.ok<{ format: string; preview: { mime: string; base64: string } | null }>('enrollment.captureImage', {
      id: draft.id,
      modality: 'FINGER',
      position: 'RIGHT_THUMB',
      attempt: 1,
    });
    expect(thumb.format).toBe('GRAY4');
    const decoded = PNG.sync.read(Buffer.from(thumb.preview?.base64 ?? '', 'base64'));
    expect([decoded.width, decoded.height]).toEqual([256, 288]);
  });

  it('prints a receipt (tanda terima) PDF for a saved record, and none for a draft', async () => {
    const d = await desk();
    const saved = await recordOne(d);
    const receipt = await d.ok<{ fileName: string; pdfBase64: string }>('enrollment.receipt', { id: saved.id });
    expect(receipt.fileName).toBe(`tanda-terima-${saved.registrationNo}.pdf`);
    const pdf = await PDFDocument.load(Buffer.from(receipt.pdfBase64, 'base64'));
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toContain(saved.registrationNo);
    const [width, height] = [pdf.getPage(0).getWidth(), pdf.getPage(0).getHeight()];
    expect([Math.round(width), Math.round(height)]).toEqual([420, 595]);
    const unusual = await recordOne(d, { alamat: 'JL. ŞEHİR ĂNH 5 — ☂' }, 'Alamat dengan huruf khusus');
    expect((await d.call('enrollment.receipt', { id: unusual.id })).ok).toBe(true);
    const draft = await d.ok<View>('enrollment.startDraft', { demographics: demographicsFixture(), updateReason: 'Perubahan data' });
    expect(await d.call('enrollment.receipt', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'ILLEGAL_TRANSITION' } });
  });

  it('summarises the day for the dashboard: recorded today against the target, by status, 14 days', async () => {
    const d = await desk();
    await recordOne(d);
    await d.ok('enrollment.startDraft', { demographics: demographicsFixture({ nik: '3501014308850002', nama: 'Siti', tanggalLahir: '1985-08-03', jenisKelamin: 'PEREMPUAN' }) });
    const summary = await d.ok<{
      today: { recorded: number; target: number };
      byStatus: Array<{ status: string; count: number }>;
      backlog: number;
      lastDays: Array<{ recorded: number }>;
    }>('dashboard.summary', {});
    expect(summary.today).toMatchObject({ recorded: 1, target: 150 });
    expect(summary.byStatus).toEqual([
      { status: 'COMMITTED', count: 1 },
      { status: 'DRAFT', count: 1 },
    ]);
    expect(summary.backlog).toBe(1);
    expect(summary.lastDays).toHaveLength(14);
    expect(summary.lastDays.reduce((sum, day) => sum + day.recorded, 0)).toBe(1);
  });

  it('refuses recording methods to a printing-desk operator', async () => {
    const d = await desk();
    await d.ok('session.startTraining', { role: 'printer' });
    expect(await d.call('enrollment.search', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });
});
