import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CREDENTIAL, TEST_STATION_ID, recordResident, startTestCentral } from '../../helpers/central.js';
import { BIN, ROOT, assertBuilt } from '../../helpers/cli.js';
import { DEAD_CENTRAL_URL, RELAY_CREDENTIAL, RELAY_STATION_ID, deskFor, originSetup } from '../../helpers/sneakernet.js';
import { tempDir } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
beforeAll(() => {
  assertBuilt();
});

/** The CLI as a child process, without blocking this process (the central emulator runs here). */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, KTP_LOG_LEVEL: 'silent' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function config(file: string, fields: { stationId: string; url: string; publicKeyFile: string; credential: string; dataDir: string }): string {
  writeFileSync(
    file,
    JSON.stringify({
      stationId: fields.stationId,
      region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
      central: { url: fields.url, publicKeyFile: fields.publicKeyFile, credential: fields.credential },
      dataDir: fields.dataDir,
    }),
  );
  return file;
}

describe('sneakernet CLI: ktp-station export | import | import-receipt', () => {
  it('exports from a stopped offline station, relays with another station\'s config, and the receipt empties the origin outbox', async () => {
    const dir = tempDir('ktp-usb-cli-');
    cleanups.push(dir.remove);
    const central = await startTestCentral(join(dir.dir, 'central'), {
      stations: [
        { stationId: TEST_STATION_ID, credential: TEST_CREDENTIAL, regencyCode: '3501' },
        { stationId: RELAY_STATION_ID, credential: RELAY_CREDENTIAL, regencyCode: '3501' },
      ],
    });
    cleanups.push(() => central.close());
    const originData = join(dir.dir, 'origin');
    const online = await deskFor(originSetup(originData, central, false));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (central.repo.station(TEST_STATION_ID)?.signingKeyPem != null) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    await online.station.close();
    const offline = await deskFor(originSetup(originData, central, true));
    for (let n = 1; n <= 3; n += 1) await recordResident(offline, n);
    await offline.station.close();

    const usb = join(dir.dir, 'usb');
    mkdirSync(usb);
    const originConfig = config(join(dir.dir, 'origin.json'), { stationId: TEST_STATION_ID, url: DEAD_CENTRAL_URL, publicKeyFile: central.publicKeyFile, credential: TEST_CREDENTIAL, dataDir: originData });
    const relayConfig = config(join(dir.dir, 'relay.json'), { stationId: RELAY_STATION_ID, url: central.url, publicKeyFile: central.publicKeyFile, credential: RELAY_CREDENTIAL, dataDir: join(dir.dir, 'relay') });

    const exported = await cli(['export', '--out', usb, '--config', originConfig]);
    expect(exported.stderr).not.toContain('ERROR');
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('OK: 3 packets');
    const exportDir = join(usb, readdirSync(usb).find((n) => n.startsWith('ktp-export-')) ?? '');

    const imported = await cli(['import', exportDir, '--config', relayConfig]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('uploaded: 3');
    expect(imported.stdout).toContain('refused: 0');
    expect(central.repo.allRecords(TEST_STATION_ID)).toHaveLength(3);

    const applied = await cli(['import-receipt', join(exportDir, 'receipt.json'), '--config', originConfig]);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('OK: 3 acknowledged');

    const half = join(usb, 'ktp-export-broken.partial');
    mkdirSync(half);
    const refused = await cli(['import', half, '--config', relayConfig]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('SNEAKERNET_EXPORT_REFUSED');
    expect(refused.stderr).toContain('.partial');
  }, 120_000);
});
