import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../../src-main/core/call-context.js';
import { regionDirectory } from '../../../src-main/core/setup.js';
import { createStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station.js';
import { REQUIRED_CAPTURES } from '../../../src-main/contract/captures.js';
import type { BlankoStockView, PrintAttemptView, PrintProgressEvent } from '../../../src-main/contract/index.js';
import type { CentralEmulator } from '../../../src-main/sim/central/emulator.js';
import { fakePng } from '../../helpers/enrollment.js';
import { FAST_SYNC, linkedSetup, resident, startTestCentral, waitFor } from '../../helpers/central.js';
import { CUPS_QUEUE, cupsPdfFor, cupsUnavailable, pdfPageSize, renderPdfPage, readPng, samplePhoto, sampleSignature } from '../../helpers/print.js';
import { silentLogger, tempDir } from '../../helpers/station.js';

const unavailable = cupsUnavailable();
const CARDS = 20;

describe.skipIf(unavailable !== null)(`print desk offline, to the real CUPS queue ${CUPS_QUEUE} (cups-pdf)${unavailable === null ? '' : `: skipped, ${unavailable}`}`, () => {
  const central = tempDir('ktp-print-central-');
  const desk = tempDir('ktp-print-desk-');
  let emulator: CentralEmulator;
  let station: Station;
  const progress: PrintProgressEvent[] = [];
  const window = statefulConnection('web');
  const call = (method: string, params: unknown) => station.dispatcher.dispatch(method, params, window);
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  const refused = async (method: string, params: unknown): Promise<{ code: string; details?: Record<string, unknown> }> => {
    const outcome = await call(method, params);
    if (outcome.ok) throw new Error(`${method} was expected to be refused`);
    return outcome.error;
  };
  let ids: string[] = [];
  let attempts: PrintAttemptView[] = [];

  beforeAll(async () => {
    emulator = await startTestCentral(central.dir);
    const setup = linkedSetup(desk.dir, emulator);
    station = createStation({
      setup: { ...setup, profile: { ...setup.profile, printer: { kind: 'system', queueName: CUPS_QUEUE } } },
      logger: silentLogger(),
      host: 'web',
      regions: await regionDirectory(),
      syncOptions: { ...FAST_SYNC, printResultsIntervalMs: 300 },
    });
    station.events.subscribe((m) => {
      if (m.event === 'print.progress') progress.push(m.payload as PrintProgressEvent);
    });
    await ok('session.startTraining', { role: 'supervisor' });
    // Residents recorded at this station with a real face photo and signature: central verifies
    // them, marks them print-ready, and the worker prefetches them while central is up.
    for (let n = 1; n <= CARDS; n += 1) {
      const draft = await ok<{ id: string }>('enrollment.startDraft', { demographics: resident(n) });
      for (const { modality, position } of REQUIRED_CAPTURES) {
        const bytes = modality === 'FACE' ? samplePhoto(n) : modality === 'SIGNATURE' ? sampleSignature(n) : fakePng(96);
        await ok('enrollment.addCapture', { id: draft.id, modality, position, quality: 80, image: { format: 'PNG', base64: bytes.toString('base64') } });
      }
      await ok('enrollment.commit', { id: draft.id });
      ids.push(draft.id);
    }
    await waitFor('20 print-ready records prefetched', async () => (await ok<{ total: number }>('print.queue', { state: 'QUEUED' })).total === CARDS, 90_000);
  }, 180_000);

  afterAll(async () => {
    await station.close();
    await emulator.close();
    central.remove();
    desk.remove();
  });

  it('prints all 20 from the local queue while central is offline; the ledger is exact', async () => {
    await emulator.setFaults({ ...emulator.faults(), offline: true });
    await ok('blanko.receive', { quantity: 25, serialFrom: 'KTP0000001', serialTo: 'KTP0000025' });
    const queue = await ok<{ rows: Array<{ enrollmentId: string }> }>('print.queue', { state: 'QUEUED', limit: 100 });
    ids = queue.rows.map((r) => r.enrollmentId);
    expect(ids).toHaveLength(CARDS);
    const started = await ok<{ batchId: string; attemptIds: string[] }>('print.start', { enrollmentIds: ids });
    expect(started.attemptIds).toHaveLength(CARDS);
    // One batch at a time.
    expect((await refused('print.start', { enrollmentIds: ids.slice(0, 1) })).code).toBe('PRINT_DESK_BUSY');
    await waitFor('the batch to finish', async () => !(await ok<{ running: boolean }>('print.batch', { batchId: started.batchId })).running, 240_000, 250);
    attempts = (await ok<{ attempts: PrintAttemptView[] }>('print.batch', { batchId: started.batchId })).attempts;
    expect(attempts.map((a) => (a.state === 'PRINTED' ? a.state : `${a.state} ${a.faultCode ?? ''} ${a.faultDetail ?? ''}`))).toEqual(Array(CARDS).fill('PRINTED'));

    // Live progress: each card went PRINTING then PRINTED, and the counts rose to 20.
    for (const a of attempts) expect(progress.filter((p) => p.attemptId === a.id).map((p) => p.phase)).toEqual(['PRINTING', 'PRINTED']);
    expect(progress.at(-1)).toMatchObject({ done: CARDS, total: CARDS });

    // Each card is a PDF page of CR80 size in the cups-pdf output.
    for (const a of attempts) {
      await waitFor(`cups-pdf output of ${a.id}`, () => cupsPdfFor(a.id) !== null, 30_000);
      const [w, h] = pdfPageSize(cupsPdfFor(a.id) ?? '');
      expect(Math.abs(w - 242.6)).toBeLessThan(1.5);
      expect(Math.abs(h - 153.1)).toBeLessThan(1.5);
    }
    const first = cupsPdfFor(attempts[0]?.id ?? '') ?? '';
    const rendered = renderPdfPage(first, `${desk.dir}/card-page`, 100);
    const page = readPng(rendered);
    expect(Math.abs(page.width - 337)).toBeLessThanOrEqual(2);
    if (process.env.KTP_SCREENSHOTS === '1') copyFileSync(renderPdfPage(first, `${desk.dir}/card-page-300`, 300), 'docs/screenshots/print-card-cups-pdf.png');
    expect(readFileSync(first).subarray(0, 5).toString()).toBe('%PDF-');

    const stock = await ok<BlankoStockView>('blanko.stock', { limit: 100 });
    expect(stock.stock).toBe(25 - CARDS);
    expect(stock.movements.filter((m) => m.kind === 'CONSUME')).toHaveLength(CARDS);
    expect(new Set(stock.movements.filter((m) => m.kind === 'CONSUME').map((m) => m.attemptId))).toEqual(new Set(attempts.map((a) => a.id)));
    expect(stock.low).toBe(true);
    expect((await ok<{ total: number }>('print.queue', { state: 'PRINTED' })).total).toBe(CARDS);
  }, 300_000);

  it('refuses a reprint without approval, a count that does not match, and keeps the ledger intact', async () => {
    const before = await ok<BlankoStockView>('blanko.stock', { limit: 500 });
    const reprint = await refused('print.start', { enrollmentIds: [ids[0]] });
    expect(reprint.code).toBe('REPRINT_NOT_APPROVED');
    const count = await refused('blanko.count', { counted: before.stock + 2 });
    expect(count).toMatchObject({ code: 'STOCK_COUNT_MISMATCH', details: { expected: before.stock, counted: before.stock + 2, difference: 2 } });
    expect((await refused('blanko.receive', { quantity: 3, serialFrom: 'KTP0000020', serialTo: 'KTP0000022' })).code).toBe('BLANKO_RANGE_INVALID');
    expect((await refused('blanko.receive', { quantity: 5, serialFrom: 'KTP0000100', serialTo: 'KTP0000102' })).code).toBe('BLANKO_RANGE_INVALID');
    const after = await ok<BlankoStockView>('blanko.stock', { limit: 500 });
    expect(after.movements).toEqual(before.movements);
    const matching = await ok<{ difference: number }>('blanko.count', { counted: before.stock });
    expect(matching.difference).toBe(0);
  });

  it('a spoiled card counts its blank once; the record prints again only with a supervisor approval (audited)', async () => {
    const printed = attempts[0];
    if (printed === undefined) throw new Error('no attempt');
    await ok('print.spoil', { attemptId: printed.id, reason: 'foto tergores' });
    expect((await refused('print.spoil', { attemptId: printed.id, reason: 'sekali lagi' })).code).toBe('ILLEGAL_TRANSITION');
    const stock = await ok<BlankoStockView>('blanko.stock', { limit: 500 });
    expect(stock.stock).toBe(25 - CARDS);
    expect(stock.movements.filter((m) => m.kind === 'SPOIL' && m.attemptId === printed.id)).toMatchObject([{ quantity: 0, reason: 'foto tergores' }]);
    expect((await refused('print.start', { enrollmentIds: [printed.enrollmentId] })).code).toBe('REPRINT_NOT_APPROVED');
    // The approval is a re-authenticated action: no proof, no approval; a proof is good for one call.
    // (Training sessions have no password: the step is practised, so any password gets a proof.)
    const proof = async () => (await ok<{ reauthProof: string }>('session.reauthenticate', { password: 'latihan', method: 'print.approveReprint' })).reauthProof;
    expect((await refused('print.approveReprint', { enrollmentId: printed.enrollmentId, reason: 'kartu rusak saat dicetak' })).code).toBe('REAUTH_REQUIRED');
    expect((await refused('print.approveReprint', { enrollmentId: printed.enrollmentId, reason: 'x', reauthProof: await proof() })).code).toBe('INVALID_PARAMS');
    const used = await proof();
    await ok('print.approveReprint', { enrollmentId: printed.enrollmentId, reason: 'kartu rusak saat dicetak', reauthProof: used });
    expect((await refused('print.approveReprint', { enrollmentId: printed.enrollmentId, reason: 'kartu rusak saat dicetak', reauthProof: used })).code).toBe('REAUTH_REQUIRED');
    const again = await ok<{ batchId: string; attemptIds: string[] }>('print.start', { enrollmentIds: [printed.enrollmentId] });
    await waitFor('the reprint', async () => !(await ok<{ running: boolean }>('print.batch', { batchId: again.batchId })).running, 60_000, 200);
    expect((await ok<{ attempts: PrintAttemptView[] }>('print.batch', { batchId: again.batchId })).attempts[0]?.state).toBe('PRINTED');
    expect((await ok<BlankoStockView>('blanko.stock', { limit: 1 })).stock).toBe(25 - CARDS - 1);
    // The approval is used up: a third card needs another one.
    expect((await refused('print.start', { enrollmentIds: [printed.enrollmentId] })).code).toBe('REPRINT_NOT_APPROVED');
    attempts.push(...(await ok<{ attempts: PrintAttemptView[] }>('print.batch', { batchId: again.batchId })).attempts);
  }, 120_000);

  it('central comes back: every result syncs, and central holds each once', async () => {
    await emulator.setFaults({ ...emulator.faults(), offline: false });
    await ok('sync.now', {});
    const repo = emulator.repo;
    await waitFor('print results at central', () => attempts.every((a) => repo.printResult(a.enrollmentId, a.id)?.outcome === 'PRINTED'), 60_000, 200);
    const spoiled = attempts[0];
    await waitFor('the spoil report at central', () => repo.printResult(spoiled?.enrollmentId ?? '', `${spoiled?.id ?? ''}-S`)?.outcome === 'SPOILED', 30_000, 200);
    // Central's own table: each result exactly once (20 printed + 1 reprint + 1 spoil report).
    const db = new Database(join(central.dir, 'central.db'), { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare('SELECT enrollment_id, attempt_id, outcome FROM print_result').all() as Array<{ enrollment_id: string; attempt_id: string; outcome: string }>;
      expect(rows).toHaveLength(attempts.length + 1);
      expect(new Set(rows.map((r) => `${r.enrollment_id}/${r.attempt_id}`)).size).toBe(rows.length);
    } finally {
      db.close();
    }
    expect(await ok<{ total: number }>('print.queue', { state: 'ALL' })).toMatchObject({ total: CARDS });
  }, 120_000);

  it('the daily report: printed, spoiled with reasons, stock at opening and closing, the printer against its profile', async () => {
    await ok('print.saveProfile', {});
    const report = await ok<{
      printed: number;
      spoiledTotal: number;
      spoiled: Array<{ reason: string; count: number }>;
      stockOpening: number;
      stockClosing: number;
      received: number;
      week: Array<{ printed: number }>;
      printers: Array<{ name: string; cards: number; cardsPerHour: number | null; alerts: string[] }>;
      pdf: string | null;
    }>('print.dailyReport', { pdf: true });
    expect(report).toMatchObject({ printed: CARDS + 1, spoiledTotal: 1, spoiled: [{ reason: 'foto tergores', count: 1 }], stockOpening: 0, received: 25, stockClosing: 25 - CARDS - 1 });
    expect(report.week).toHaveLength(7);
    expect(report.week.at(-1)?.printed).toBe(CARDS + 1);
    expect(report.printers).toMatchObject([{ name: CUPS_QUEUE, cards: CARDS + 1 }]);
    expect(report.printers[0]?.cardsPerHour).toBeGreaterThan(0);
    expect(report.printers[0]?.alerts.filter((a) => a.includes('reported'))).toEqual([]);
    expect(Buffer.from(report.pdf ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);
});
