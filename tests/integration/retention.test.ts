import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { silentLogger, tempDir, trainingSetup } from '../helpers/station.js';

/**
 * Retention on a real database file: a record central accepted 31 days ago loses its biometric
 * bytes (grace 30 days), one accepted yesterday and one not yet sent keep theirs; the purge is
 * audited and the deleted ciphertext is gone from the database file and its WAL.
 */
let home: { dir: string; remove: () => void };
let station: Station;
const clock = new Date('2026-12-01T08:00:00Z');
const desk = statefulConnection('web');
const ids: string[] = [];

async function ok<T>(method: string, params: unknown): Promise<T> {
  const outcome = await station.dispatcher.dispatch(method, params, desk);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

function accept(id: string, daysAgo: number): void {
  const db = new Database(join(home.dir, 'station.db'));
  const at = new Date(clock.getTime() - daysAgo * 86_400_000).toISOString();
  db.prepare("UPDATE outbox SET state = 'ACKED', acked_at = ? WHERE enrollment_id = ?").run(at, id);
  db.prepare("UPDATE enrollment SET status = 'PRINT_READY_RECORD' WHERE id = ?").run(id);
  db.close();
}

beforeAll(async () => {
  home = tempDir('ktp-retention-');
  station = createStation({ setup: trainingSetup(home.dir), logger: silentLogger(), host: 'web', regions: await regionDirectory(), now: () => clock });
  await ok('session.startTraining', { role: 'supervisor' });
  for (const [nik, tanggalLahir] of [['3501011205900001', '1990-05-12'], ['3501011305900002', '1990-05-13'], ['3501011405900003', '1990-05-14']] as const) {
    const draft = await ok<{ id: string }>('enrollment.startDraft', { demographics: demographicsFixture({ nik, tanggalLahir }) });
    for (const params of captureParams(draft.id)) await ok('enrollment.addCapture', params);
    await ok('enrollment.commit', { id: draft.id });
    ids.push(draft.id);
  }
  accept(ids[0] ?? '', 31);
  accept(ids[1] ?? '', 1);
});

afterAll(async () => {
  await station.close();
  home.remove();
});

describe('retention', () => {
  it('deletes the biometric bytes of the record past its grace period only, keeps its resident data, and audits it', async () => {
    const db = new Database(join(home.dir, 'station.db'), { readonly: true });
    const sealedBefore = (db.prepare('SELECT sealed FROM capture WHERE enrollment_id = ? AND sealed IS NOT NULL').all(ids[0]) as Array<{ sealed: Buffer }>).map((r) => r.sealed);
    db.close();
    expect(sealedBefore.length).toBeGreaterThan(10);

    const report = await ok<{ purgedRecords: number; captures: number; bytes: number; vacuumed: boolean }>('retention.run', {});
    expect(report).toMatchObject({ purgedRecords: 1, captures: sealedBefore.length, vacuumed: true });
    expect(report.bytes).toBe(sealedBefore.reduce((sum, b) => sum + b.length, 0));

    const purged = await station.dispatcher.dispatch('enrollment.captureImage', { id: ids[0], modality: 'FACE', position: 'FRONTAL', attempt: 1 }, desk);
    expect(purged).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { purged: true } } });
    expect(await ok('enrollment.get', { id: ids[0] })).toMatchObject({ id: ids[0], demographics: { nama: 'BUDI SANTOSO' } });
    for (const id of [ids[1], ids[2]]) {
      expect(await ok('enrollment.captureImage', { id, modality: 'FACE', position: 'FRONTAL', attempt: 1 })).toMatchObject({ format: 'PNG' });
    }

    const audit = new Database(join(home.dir, 'station.db'), { readonly: true });
    const entries = audit.prepare("SELECT action, subject FROM audit_log WHERE action IN ('BIOMETRICS_PURGED', 'STORE_VACUUMED') ORDER BY seq").all();
    audit.close();
    expect(entries).toEqual([
      { action: 'BIOMETRICS_PURGED', subject: ids[0] },
      { action: 'STORE_VACUUMED', subject: null },
    ]);

    for (const name of readdirSync(home.dir).filter((f) => f.startsWith('station.db'))) {
      const bytes = readFileSync(join(home.dir, name));
      for (const sealed of sealedBefore) expect(bytes.indexOf(sealed.subarray(40, 104)), `${name} still holds purged ciphertext`).toBe(-1);
    }
  });

  it('a second run finds nothing more to delete', async () => {
    expect(await ok('retention.run', {})).toMatchObject({ purgedRecords: 0, vacuumed: false });
  });

  it('operators cannot run it', async () => {
    const operator = statefulConnection('web');
    await station.dispatcher.dispatch('session.startTraining', { role: 'operator' }, operator);
    expect(await station.dispatcher.dispatch('retention.run', {}, operator)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });
});
