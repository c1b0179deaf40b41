import { afterEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src-main/sim/central/faults.js';
import type { CentralFaults } from '../../../src-main/sim/central/faults.js';
import { FAST_SYNC, linkedDesk, recordResident, startTestCentral, waitFor } from '../../helpers/central.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const RECORDS = Number(process.env['KTP_CHAOS_RECORDS'] ?? '1000');

/** The outages central goes through, in turn, while the station drains. */
const PHASES: Array<{ name: string; faults: CentralFaults }> = [
  { name: 'offline', faults: { ...NO_FAULTS, offline: true } },
  { name: 'maintenance', faults: { ...NO_FAULTS, maintenanceRetryAfterSeconds: 1 } },
  { name: '20% 5xx', faults: { ...NO_FAULTS, errorRatio: 0.2 } },
  { name: 'resets mid-body', faults: { ...NO_FAULTS, resetAfterBytes: 6000 } },
  { name: '500 ms latency', faults: { ...NO_FAULTS, latencyMs: 500 } },
  { name: 'bandwidth cap', faults: { ...NO_FAULTS, bandwidthBytesPerSecond: 64 * 1024 } },
  { name: 'malformed replies', faults: { ...NO_FAULTS, malformedRatio: 0.2 } },
  { name: 'clock skew', faults: { ...NO_FAULTS, clockSkewSeconds: 5 * 3600 } },
];

describe('sync: chaos', () => {
  it(`${RECORDS} enrollments reach central exactly once through outages, faults and a data loss`, async () => {
    const dir = tempDir('ktp-chaos-');
    cleanups.push(dir.remove);
    const central = await startTestCentral(`${dir.dir}/central`);
    cleanups.push(() => central.close());
    const desk = await linkedDesk(`${dir.dir}/station`, central, { ...FAST_SYNC, concurrency: 4, chunkBytes: 64 * 1024 });
    cleanups.push(() => desk.station.close());

    await central.setFaults({ ...NO_FAULTS, offline: true });
    const ids: string[] = [];
    for (let n = 1; n <= RECORDS; n += 1) ids.push(await recordResident(desk, n, 64));
    const backlog = async () => (await desk.ok<{ backlog: { count: number } }>('sync.overview', {})).backlog.count;
    expect(await backlog()).toBe(RECORDS);

    // Each outage lasts long enough for part of the backlog to meet it.
    const phaseMs = Math.max(1500, RECORDS * 5);
    for (const phase of PHASES) {
      await central.setFaults(phase.faults);
      await new Promise((resolve) => setTimeout(resolve, phaseMs));
      if (process.env['KTP_CHAOS_DEBUG'] !== undefined) process.stdout.write(`phase ${phase.name}: ${JSON.stringify(central.stats())} backlog=${await backlog()}\n`);
    }
    const receivedDuringFaults = central.stats().received;
    await central.setFaults(NO_FAULTS);
    await desk.ok('sync.now', {});
    await waitFor('the backlog to drain', async () => (await backlog()) === 0, 240_000, 250);
    // Central loses data: the last records it accepted are gone; reconciliation must find exactly those.
    const lost = central.loseRecords(25).length;
    const report = await desk.ok<{ requeued: number; missing: number }>('sync.reconcile', {});
    await waitFor('the backlog to drain after reconciliation', async () => (await backlog()) === 0, 120_000, 250);
    const second = await desk.ok<{ requeued: number; checked: number }>('sync.reconcile', {});

    const held = central.repo.allRecords(null);
    const byId = new Map(held.map((r) => [r.id, r]));
    let wrongHash = 0;
    let missing = 0;
    for (const id of ids) {
      const record = byId.get(id);
      if (record?.packetReceived !== true) {
        missing += 1;
        continue;
      }
      const view = await desk.ok<{ contentHash: string }>('enrollment.get', { id });
      if (view.contentHash !== record.contentHash) wrongHash += 1;
    }
    const stats = central.stats();
    const failures = new Set<string>();
    for (let beforeId: number | undefined; ; ) {
      const page = await desk.ok<{ attempts: Array<{ code: string | null; httpStatus: number | null }>; nextBeforeId: number | null }>('sync.history', {
        limit: 200,
        failedOnly: true,
        ...(beforeId === undefined ? {} : { beforeId }),
      });
      for (const a of page.attempts) failures.add(a.httpStatus !== null && a.httpStatus >= 500 && a.httpStatus !== 503 ? 'HTTP_5XX' : (a.code ?? ''));
      if (page.nextBeforeId === null) break;
      beforeId = page.nextBeforeId;
    }
    process.stdout.write(
      `chaos records=${RECORDS} lost=${missing} duplicates=${stats.duplicates} resets=${stats.resets} bytes_resent<=${stats.bytesUp} ` +
        `forgotten_by_central=${lost} reconciled_requeued=${report.requeued} wrong_hash=${wrongHash} received_during_faults=${receivedDuringFaults} failure_kinds=${[...failures].sort().join('|')}\n`,
    );
    // The station met every kind of fault while it drained, and made progress through them.
    expect(receivedDuringFaults).toBeGreaterThan(0);
    expect(stats.resets).toBeGreaterThan(0);
    for (const kind of ['CONNECTION_REFUSED', 'MAINTENANCE', 'HTTP_5XX', 'MALFORMED_JSON']) expect(failures).toContain(kind);
    expect(held).toHaveLength(RECORDS);
    expect(missing).toBe(0);
    expect(wrongHash).toBe(0);
    expect(stats.duplicates).toBe(0);
    expect(report.requeued).toBe(lost);
    expect(second).toMatchObject({ requeued: 0, checked: RECORDS });
  }, 900_000);
});
