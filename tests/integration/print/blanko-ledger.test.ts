import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationStore } from '../../../src-main/store/station-store.js';
import type { StationStore } from '../../../src-main/store/station-store.js';
import { silentLogger, tempDir } from '../../helpers/station.js';

describe('blanko ledger (real SQLite file): append-only, one blank per attempt', () => {
  const dirs: Array<{ remove: () => void }> = [];
  let store: StationStore | undefined;
  afterEach(() => {
    store?.close();
    for (const d of dirs.splice(0)) d.remove();
  });

  function freshStore(): { store: StationStore; file: string } {
    const dir = tempDir('ktp-ledger-');
    dirs.push(dir);
    store = openStationStore(dir.dir, silentLogger());
    return { store, file: join(dir.dir, 'station.db') };
  }

  it('refuses to change or delete a line, and a second CONSUME or SPOIL for the same attempt', () => {
    const { store: s, file } = freshStore();
    const at = '2026-12-02T01:00:00.000Z';
    s.transaction(() => {
      s.sync.cachePrintReady({
        enrollmentId: 'E1',
        contentHash: 'a'.repeat(64),
        nik: '3501011205900001',
        regencyCode: '3501',
        demographicsJson: '{}',
        photoFormat: 'PNG',
        photo: Buffer.from('x'),
        signatureFormat: null,
        signature: null,
        readyAt: at,
        feedCursor: 1,
        fetchedAt: at,
      });
      s.printDesk.queue.addAttempt({ id: 'A1', enrollmentId: 'E1', batchId: 'B1', printer: 'Q', approvalId: null, operator: 'op', createdAt: at });
      s.printDesk.blanko.append({ at, kind: 'RECEIVE', quantity: 10, serialFrom: 'K0001', serialTo: 'K0010', attemptId: null, counted: null, expected: null, reason: null, actor: 'op' });
      s.printDesk.blanko.append({ at, kind: 'CONSUME', quantity: -1, serialFrom: null, serialTo: null, attemptId: 'A1', counted: null, expected: null, reason: null, actor: 'op' });
    });
    const consumeAgain = () =>
      s.transaction(() => s.printDesk.blanko.append({ at, kind: 'CONSUME', quantity: -1, serialFrom: null, serialTo: null, attemptId: 'A1', counted: null, expected: null, reason: null, actor: 'op' }));
    expect(consumeAgain).toThrow();
    const badCount = () =>
      s.transaction(() => s.printDesk.blanko.append({ at, kind: 'COUNT', quantity: 5, serialFrom: null, serialTo: null, attemptId: null, counted: 9, expected: 9, reason: null, actor: 'op' }));
    expect(badCount).toThrow();
    expect(s.printDesk.blanko.stock()).toBe(9);
    s.close();
    store = undefined;
    const raw = new Database(file);
    try {
      expect(() => raw.prepare("UPDATE blanko_ledger SET quantity = 100 WHERE kind = 'RECEIVE'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM blanko_ledger').run()).toThrow(/append-only/);
      expect((raw.prepare('SELECT sum(quantity) AS n FROM blanko_ledger').get() as { n: number }).n).toBe(9);
    } finally {
      raw.close();
    }
  });
});
