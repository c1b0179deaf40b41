import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../src-main/core/station-lock.js';
import { TEST_CREDENTIAL, TEST_STATION_ID, linkedDesk, recordResident, startTestCentral, waitFor } from '../../helpers/central.js';
import { assertBuilt, runCliAsync as runCli } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
beforeAll(() => assertBuilt());

interface StatusJson {
  running: boolean;
  backlog: { count: number; bySteps: Array<{ step: string; count: number }> };
  lastAckAt: string | null;
  lastReconcileAt: string | null;
}

describe('ktp-station sync (CLI)', () => {
  it('status reads the outbox; reconcile re-queues exactly what central lost, and refuses while the station runs', async () => {
    const dir = tempDir('ktp-sync-cli-');
    cleanups.push(dir.remove);
    const central = await startTestCentral(join(dir.dir, 'central'));
    cleanups.push(() => central.close());
    const dataDir = join(dir.dir, 'station');

    // A desk records three residents and drains them to central, then closes.
    const desk = await linkedDesk(dataDir, central);
    for (let n = 1; n <= 3; n += 1) await recordResident(desk, n);
    await waitFor('backlog 0', async () => (await desk.ok<{ backlog: { count: number } }>('sync.overview', {})).backlog.count === 0, 30_000);
    await desk.station.close();

    // The same data folder, as a production config names it.
    writeFileSync(join(dir.dir, 'central.pem'), central.publicKeyPem);
    const config = join(dir.dir, 'station.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        stationId: TEST_STATION_ID,
        region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
        central: { url: central.url, publicKeyFile: 'central.pem', credential: TEST_CREDENTIAL },
        dataDir: 'station',
      }),
    );

    const before = await runCli(['sync', 'status', '--config', config, '--json']);
    expect(before.status, before.stderr).toBe(0);
    const statusBefore = JSON.parse(before.stdout) as StatusJson;
    expect(statusBefore).toMatchObject({ running: false, backlog: { count: 0 } });
    expect(statusBefore.lastAckAt).not.toBeNull();
    expect((await runCli(['sync', 'status', '--config', config])).stdout).toContain('Antrean / backlog: 0 rekaman / records');

    // Central loses two records; the CLI's reconciliation finds exactly those.
    const lost = central.loseRecords(2);
    expect(lost).toHaveLength(2);
    const reconciled = await runCli(['sync', 'reconcile', '--config', config, '--json']);
    expect(reconciled.status, reconciled.stderr).toBe(0);
    expect(JSON.parse(reconciled.stdout)).toEqual({ checked: 3, held: 1, missing: 2, different: 0, requeued: 2 });

    const after = JSON.parse((await runCli(['sync', 'status', '--config', config, '--json'])).stdout) as StatusJson;
    expect(after.backlog.count).toBe(2);
    expect(after.lastReconcileAt).not.toBeNull();

    // A running station owns its outbox: the CLI points at the Sinkronisasi page instead.
    const unlock = lockDataDir(dataDir);
    cleanups.push(unlock);
    const refused = await runCli(['sync', 'reconcile', '--config', config]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('GALAT STATION_RUNNING');
    expect(refused.stderr).toContain('Sinkronisasi');
    const whileRunning = JSON.parse((await runCli(['sync', 'status', '--config', config, '--json'])).stdout) as StatusJson;
    expect(whileRunning.running).toBe(true);
  }, 120_000);
});
