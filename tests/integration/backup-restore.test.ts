import { generateKeyPairSync } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../src-main/core/call-context.js';
import type { Station } from '../../src-main/core/station.js';
import { assertBuilt, runCli, serve } from '../helpers/cli.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { tempDir, trainingStation } from '../helpers/station.js';

let home: { dir: string; remove: () => void };
const env = () => ({ KTP_STATION_HOME: home.dir });
const dataDir = () => join(home.dir, 'training');

async function withStation<T>(work: (station: Station, call: (m: string, p: unknown) => Promise<unknown>) => Promise<T>): Promise<T> {
  const station = await trainingStation(dataDir());
  const window = statefulConnection('web');
  const call = async (method: string, params: unknown) => {
    const outcome = await station.dispatcher.dispatch(method, params, window);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result;
  };
  try {
    await call('session.startTraining', { role: 'operator' });
    return await work(station, call);
  } finally {
    await station.close();
  }
}

async function recordOne(call: (m: string, p: unknown) => Promise<unknown>, nik: string, tanggalLahir: string): Promise<string> {
  const draft = (await call('enrollment.startDraft', { demographics: demographicsFixture({ nik, tanggalLahir }) })) as { id: string };
  for (const params of captureParams(draft.id)) await call('enrollment.addCapture', params);
  await call('enrollment.commit', { id: draft.id });
  return draft.id;
}

function corrupt(file: string): void {
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  for (let offset = 4096; offset < size; offset += 4096) writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, offset + 8);
  closeSync(fd);
}

beforeAll(() => {
  assertBuilt();
  home = tempDir('ktp-backup-');
});
afterAll(() => home.remove());

describe('backup and restore (real files, the real CLI)', () => {
  let first = '';
  const backupFile = () => join(home.dir, 'cadangan', 'station-backup.db');

  it('backs up a station with records, consistently, to a file restore recognises', async () => {
    first = await withStation((_s, call) => recordOne(call, '3501011205900001', '1990-05-12'));
    const result = runCli(['backup', '--out', backupFile()], env());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('PELATIHAN-01');
    expect(existsSync(backupFile())).toBe(true);
  });

  it('refuses to start on a damaged database, naming the file and the restore command', async () => {
    await withStation((_s, call) => recordOne(call, '3501011305900002', '1990-05-13'));
    corrupt(join(dataDir(), 'station.db'));
    await expect(serve([], env())).rejects.toThrow(/STORE_CORRUPT[\s\S]*station\.db[\s\S]*ktp-station restore/);
  });

  it('restores the backup, keeping the damaged database aside; the station starts and holds the backed-up record', async () => {
    const result = runCli(['restore', backupFile()], env());
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(readdirSync(join(dataDir(), 'backups')).some((f) => f.startsWith('station.db.before-restore.'))).toBe(true);
    const status = await withStation(async (_s, call) => (await call('enrollment.get', { id: first })) as { status: string });
    expect(status.status).toBe('COMMITTED');
  });

  it('refuses a file that is not a backup, and a backup of another station without --force', () => {
    const junk = join(home.dir, 'junk.db');
    writeFileSync(junk, 'not a database at all');
    const refused = runCli(['restore', junk], env());
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('NOT_A_BACKUP');
    const config = join(home.dir, 'other.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        stationId: 'KEC-350101-09',
        region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
        central: { url: 'http://127.0.0.1:9/', publicKeyPem: generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(), credential: 'station-credential-0123456789' },
        dataDir: 'other-station',
      }),
    );
    const other = runCli(['restore', backupFile(), '--config', config], env());
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('BACKUP_MISMATCH');
    expect(existsSync(join(home.dir, 'other-station', 'station.db'))).toBe(false);
    const forced = runCli(['restore', backupFile(), '--config', config, '--force'], env());
    expect(forced.status).toBe(0);
  });

  it('refuses to restore while the station is running', async () => {
    const running = await serve([], env());
    try {
      const result = runCli(['restore', backupFile()], env());
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('STATION_RUNNING');
    } finally {
      await running.stop();
    }
  });
});
