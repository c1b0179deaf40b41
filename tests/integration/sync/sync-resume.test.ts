import { afterEach, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src-main/sim/central/faults.js';
import { FAST_SYNC, linkedDesk, recordResident, startTestCentral, waitFor } from '../../helpers/central.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const CHUNK = 1024 * 1024;
const RESET_EVERY = 256 * 1024;

describe('sync: resumable packet upload (tus)', () => {
  it('with a connection reset every 256 KiB, a 2 MB packet arrives whole and each reset costs less than one chunk', async () => {
    const dir = tempDir('ktp-resume-');
    cleanups.push(dir.remove);
    const central = await startTestCentral(`${dir.dir}/central`);
    cleanups.push(() => central.close());
    const desk = await linkedDesk(`${dir.dir}/station`, central, { ...FAST_SYNC, chunkBytes: CHUNK, concurrency: 1 });
    cleanups.push(() => desk.station.close());

    await central.setFaults({ ...NO_FAULTS, offline: true });
    const id = await recordResident(desk, 1, 150_000); // 14 captures × ~150 kB ≈ 2.1 MB
    await central.setFaults({ ...NO_FAULTS, resetAfterBytes: RESET_EVERY });
    const before = central.stats();
    await desk.ok('sync.now', {});
    await waitFor('the record acknowledged', async () => (await desk.ok<{ status: string }>('enrollment.get', { id })).status !== 'COMMITTED', 120_000);

    const record = central.repo.record(id);
    expect(record?.packetReceived).toBe(true);
    const view = await desk.ok<{ contentHash: string }>('enrollment.get', { id });
    expect(record?.contentHash).toBe(view.contentHash);
    const after = central.stats();
    const resets = after.resets - before.resets;
    const packetBytes = record?.packetBytes ?? 0;
    // Everything the station sent through the link, headers and JSON calls included: an upper bound of what was sent twice.
    const resent = after.bytesUp - before.bytesUp - packetBytes;
    process.stdout.write(`resume packet_bytes=${packetBytes} chunk=${CHUNK} resets=${resets} bytes_resent<=${resent} per_reset<=${Math.round(resent / Math.max(1, resets))}\n`);
    expect(packetBytes).toBeGreaterThan(2_000_000);
    expect(resets).toBeGreaterThanOrEqual(7);
    expect(resent / resets).toBeLessThan(CHUNK);
    expect(after.duplicates).toBe(0);
  });
});
