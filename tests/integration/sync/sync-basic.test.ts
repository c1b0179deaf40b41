import { afterEach, describe, expect, it } from 'vitest';
import type { CentralEmulator } from '../../../src-main/sim/central/emulator.js';
import { linkedDesk, recordResident, startTestCentral, waitFor } from '../../helpers/central.js';
import type { LinkedDesk } from '../../helpers/central.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(): Promise<{ central: CentralEmulator; desk: LinkedDesk }> {
  const dir = tempDir('ktp-sync-');
  cleanups.push(dir.remove);
  const central = await startTestCentral(`${dir.dir}/central`);
  cleanups.push(() => central.close());
  const desk = await linkedDesk(`${dir.dir}/station`, central);
  cleanups.push(() => desk.station.close());
  return { central, desk };
}

describe('sync: station to central emulator', () => {
  it('drains committed records to central, which holds each once with the same hash, and brings back its status', async () => {
    const { central, desk } = await setUp();
    const ids: string[] = [];
    for (let n = 1; n <= 3; n += 1) ids.push(await recordResident(desk, n));
    await waitFor('backlog 0', async () => (await desk.ok<{ backlog: { count: number } }>('sync.overview', {})).backlog.count === 0, 30_000);
    const held = central.repo.allRecords(null);
    expect(held.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const view = await desk.ok<{ contentHash: string }>('enrollment.get', { id });
      expect(held.find((r) => r.id === id)?.contentHash).toBe(view.contentHash);
    }
    await waitFor('print ready', async () => {
      const views = await Promise.all(ids.map((id) => desk.ok<{ status: string }>('enrollment.get', { id })));
      return views.every((v) => v.status === 'PRINT_READY_RECORD');
    });
    expect(central.stats().duplicates).toBe(0);
  });
});
