import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../../src-main/core/call-context.js';
import { regionDirectory } from '../../../src-main/core/setup.js';
import { createStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station.js';
import type { BlankoStockView, PrintAttemptView } from '../../../src-main/contract/index.js';
import { keyFileProtector, loadOrCreateDataKey } from '../../../src-main/security/data-key.js';
import { seal } from '../../../src-main/security/sealed-bytes.js';
import { openStationStore } from '../../../src-main/store/station-store.js';
import { BUDI } from '../../helpers/enrollment.js';
import { waitFor } from '../../helpers/central.js';
import { CUPS_QUEUE, cupsUnavailable, samplePhoto } from '../../helpers/print.js';
import { silentLogger, tempDir, trainingSetup } from '../../helpers/station.js';

const unavailable = cupsUnavailable();

describe.skipIf(unavailable !== null)(`print desk: records that cannot be printed use no blank${unavailable === null ? '' : `: skipped, ${unavailable}`}`, () => {
  const data = tempDir('ktp-print-bad-');
  let station: Station;
  const window = statefulConnection('web');
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await station.dispatcher.dispatch(method, params, window);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };

  beforeAll(async () => {
    const setup = trainingSetup(data.dir);
    station = createStation({ setup: { ...setup, profile: { ...setup.profile, printer: { kind: 'system', queueName: CUPS_QUEUE } } }, logger: silentLogger(), host: 'web', regions: await regionDirectory() });
    await ok('session.startTraining', { role: 'printer' });
    // Print-ready records as the prefetch stores them (images sealed with the station data key).
    const key = loadOrCreateDataKey({ dataDir: data.dir, protector: keyFileProtector() }).key;
    const store = openStationStore(data.dir, silentLogger());
    const at = new Date().toISOString();
    const garbage = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(300, 1)]);
    const records = [
      { id: 'GOOD', demographics: BUDI, photo: samplePhoto() },
      { id: 'NOPHOTO', demographics: BUDI, photo: garbage },
      { id: 'LONGADDR', demographics: { ...BUDI, alamat: 'JALAN PANJANG '.repeat(7).trim() }, photo: samplePhoto() },
    ];
    store.transaction(() => {
      for (const [i, r] of records.entries()) {
        store.sync.cachePrintReady({
          enrollmentId: r.id,
          contentHash: String(i).repeat(64),
          nik: `350101120590000${i + 1}`,
          regencyCode: '3501',
          demographicsJson: JSON.stringify(r.demographics),
          photoFormat: 'PNG',
          photo: seal(key, r.photo, r.id),
          signatureFormat: null,
          signature: null,
          readyAt: at,
          feedCursor: i + 1,
          fetchedAt: at,
        });
      }
    });
    store.close();
  });
  afterAll(async () => {
    await station.close();
    data.remove();
  });

  it('prints the good card; an unreadable photo and an address that does not fit fail with their reason, consume nothing, and stay queued', async () => {
    await ok('blanko.receive', { quantity: 5, serialFrom: 'X0001', serialTo: 'X0005' });
    const started = await ok<{ batchId: string }>('print.start', { enrollmentIds: ['GOOD', 'NOPHOTO', 'LONGADDR'] });
    await waitFor('the batch', async () => !(await ok<{ running: boolean }>('print.batch', { batchId: started.batchId })).running, 60_000, 200);
    const { attempts } = await ok<{ attempts: PrintAttemptView[] }>('print.batch', { batchId: started.batchId });
    expect(attempts.map((a) => [a.enrollmentId, a.state, a.faultCode, a.cardFed])).toEqual([
      ['GOOD', 'PRINTED', null, true],
      ['NOPHOTO', 'FAILED', 'CARD_IMAGE_UNUSABLE', false],
      ['LONGADDR', 'FAILED', 'CARD_TEXT_DOES_NOT_FIT', false],
    ]);
    const stock = await ok<BlankoStockView>('blanko.stock', { limit: 50 });
    expect(stock.stock).toBe(4);
    expect(stock.movements.map((m) => m.kind)).toEqual(['CONSUME', 'RECEIVE']);
    const queued = await ok<{ rows: Array<{ enrollmentId: string }> }>('print.queue', { state: 'QUEUED' });
    expect(queued.rows.map((r) => r.enrollmentId).sort()).toEqual(['LONGADDR', 'NOPHOTO']);
    // With no blank left on the ledger, a batch is refused before any card is fed.
    await ok('blanko.spoil', { quantity: 4, reason: 'kemasan basah' });
    const refused = await station.dispatcher.dispatch('print.start', { enrollmentIds: ['NOPHOTO'] }, window);
    expect(refused).toMatchObject({ ok: false, error: { code: 'BLANKO_OUT', details: { stock: 0, requested: 1 } } });
    expect((await ok<BlankoStockView>('blanko.stock', { limit: 50 })).movements.filter((m) => m.kind === 'SPOIL')).toHaveLength(4);
  }, 120_000);
});
