import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { assertBuilt, runCli } from '../helpers/cli.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { tempDir, trainingStation } from '../helpers/station.js';

let home: { dir: string; remove: () => void };
const dataDir = () => join(home.dir, 'training');

beforeAll(async () => {
  assertBuilt();
  home = tempDir('ktp-audit-');
  const station = await trainingStation(dataDir());
  const window = statefulConnection('web');
  const ok = async (method: string, params: unknown) => {
    const outcome = await station.dispatcher.dispatch(method, params, window);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    return outcome.result as { id: string };
  };
  await ok('session.startTraining', { role: 'operator' });
  for (const [nik, tanggalLahir] of [['3501011205900001', '1990-05-12'], ['3501011305900002', '1990-05-13']] as const) {
    const draft = await ok('enrollment.startDraft', { demographics: demographicsFixture({ nik, tanggalLahir }) });
    for (const params of captureParams(draft.id)) await ok('enrollment.addCapture', params);
    await ok('enrollment.commit', { id: draft.id });
  }
  await ok('session.end', {});
  await station.close();
  // A restart with the same configuration records no change.
  await (await trainingStation(dataDir())).close();
});
afterAll(() => home.remove());

describe('audit chain', () => {
  it('records the configuration, sign-in, commits and sign-out in order, and verifies intact', () => {
    const db = new Database(join(dataDir(), 'station.db'), { readonly: true });
    const actions = (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as Array<{ action: string }>).map((r) => r.action);
    db.close();
    expect(actions).toEqual(['CONFIG_CHANGED', 'LOGIN', 'ENROLLMENT_COMMITTED', 'ENROLLMENT_COMMITTED', 'LOGOUT']);
    const result = runCli(['audit', 'verify', '--json'], { KTP_STATION_HOME: home.dir });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, entries: 5 });
  });

  it('refuses UPDATE and DELETE on the log through SQL', () => {
    const db = new Database(join(dataDir(), 'station.db'));
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
    db.close();
  });

  it('names the first broken entry when a row is edited in the database file', () => {
    const db = new Database(join(dataDir(), 'station.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET details = json_set(details, '$.registrationNo', 'PALSU') WHERE seq = 3`).run();
    db.close();
    const result = runCli(['audit', 'verify'], { KTP_STATION_HOME: home.dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('entry 3 (hash-mismatch)');
  });
});
