import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../src-main/core/call-context.js';
import type { Station } from '../../src-main/core/station.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { tempDir, trainingStation } from '../helpers/station.js';

/**
 * What an attacker who copies the data folder gets: after 20 residents, the database and its WAL
 * hold no plaintext image bytes, and the NIK only in the columns declared searchable.
 */
const SEARCHABLE_NIK_COLUMNS = new Set(['enrollment.nik', 'print_ready.nik']);
const RESIDENTS = 20;

let home: { dir: string; remove: () => void };
let station: Station;
const niks: string[] = [];
const imageSamples: Buffer[] = [];
let walBytes: Buffer;

beforeAll(async () => {
  home = tempDir('ktp-at-rest-');
  station = await trainingStation(home.dir);
  const desk = statefulConnection('web');
  const ok = async (method: string, params: unknown) => {
    const outcome = await station.dispatcher.dispatch(method, params, desk);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    return outcome.result as { id: string };
  };
  await ok('session.startTraining', { role: 'operator' });
  for (let i = 1; i <= RESIDENTS; i++) {
    const nik = `350101120590${String(i).padStart(4, '0')}`;
    niks.push(nik);
    const draft = await ok('enrollment.startDraft', { demographics: demographicsFixture({ nik, nama: `Warga Uji ${'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.charAt(i)}` }) });
    for (const params of captureParams(draft.id)) {
      const image = (params['image'] as { base64: string } | undefined)?.base64;
      if (image !== undefined && imageSamples.length < 400) imageSamples.push(Buffer.from(image, 'base64').subarray(16, 80));
      await ok('enrollment.addCapture', params);
    }
    await ok('enrollment.get', { id: draft.id });
    await ok('enrollment.commit', { id: draft.id });
  }
  walBytes = readFileSync(join(home.dir, 'station.db-wal'));
}, 120_000);

afterAll(async () => {
  await station.close();
  home.remove();
});

function databaseFiles(): Array<{ name: string; bytes: Buffer }> {
  return readdirSync(home.dir)
    .filter((name) => name.startsWith('station.db'))
    .map((name) => ({ name, bytes: readFileSync(join(home.dir, name)) }));
}

describe('data at rest after 20 residents', () => {
  it('the database and its WAL hold no PNG signature and no slice of any image sent', () => {
    const files = [...databaseFiles(), { name: 'station.db-wal (while running)', bytes: walBytes }];
    expect(walBytes.length).toBeGreaterThan(1_000_000);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(imageSamples.length).toBeGreaterThan(100);
    for (const file of files) {
      expect(file.bytes.indexOf(png), `${file.name} holds a PNG signature`).toBe(-1);
      for (const sample of imageSamples) expect(file.bytes.indexOf(sample), `${file.name} holds image bytes`).toBe(-1);
    }
  });

  it('no column outside the declared searchable ones holds a NIK', () => {
    const db = new Database(join(home.dir, 'station.db'), { readonly: true });
    try {
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(['enrollment', 'capture', 'audit_log', 'outbox', 'account']));
      const offenders: string[] = [];
      let searchableHits = 0;
      for (const table of tables) {
        const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as Array<{ name: string }>).map((c) => c.name);
        for (const column of columns) {
          const statement = db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE instr(CAST("${column}" AS BLOB), CAST(? AS BLOB)) > 0`);
          const hits = niks.reduce((sum, nik) => sum + (statement.get(nik) as { n: number }).n, 0);
          if (SEARCHABLE_NIK_COLUMNS.has(`${table}.${column}`)) searchableHits += hits;
          else if (hits > 0) offenders.push(`${table}.${column} (${hits})`);
        }
      }
      expect(offenders).toEqual([]);
      expect(searchableHits).toBe(RESIDENTS);
    } finally {
      db.close();
    }
  });

  it('the views of each record were audited by record id, never by NIK', () => {
    const db = new Database(join(home.dir, 'station.db'), { readonly: true });
    const views = db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'RECORD_VIEWED' AND subject IS NOT NULL").get() as { n: number };
    db.close();
    expect(views.n).toBe(RESIDENTS);
  });
});
