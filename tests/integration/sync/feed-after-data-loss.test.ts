import { afterEach, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../../src-main/core/call-context.js';
import { applyCentralStatus } from '../../../src-main/recording/central-status.js';
import { openStationStore } from '../../../src-main/store/station-store.js';
import { captureParams, demographicsFixture } from '../../helpers/enrollment.js';
import { silentLogger, tempDir, trainingStation } from '../../helpers/station.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Commits one resident on a station without a central (no worker), then closes it. */
async function committedRecord(dir: string): Promise<{ id: string; contentHash: string }> {
  const station = await trainingStation(dir);
  const window = statefulConnection('web');
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await station.dispatcher.dispatch(method, params, window);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  await ok('session.startTraining', { role: 'operator' });
  const draft = await ok<{ id: string }>('enrollment.startDraft', { demographics: demographicsFixture() });
  for (const capture of captureParams(draft.id)) await ok('enrollment.addCapture', capture);
  const committed = await ok<{ id: string; contentHash: string }>('enrollment.commit', { id: draft.id });
  await station.close();
  return { id: committed.id, contentHash: committed.contentHash };
}

describe('status feed after central lost records (real SQLite)', () => {
  it('an old feed report does not acknowledge a record that reconciliation queued again; a first report does', async () => {
    const home = tempDir('ktp-feed-loss-');
    cleanups.push(home.remove);
    const record = await committedRecord(home.dir);
    const store = openStationStore(home.dir, silentLogger());
    cleanups.push(() => store.close());
    const report = { enrollmentId: record.id, contentHash: record.contentHash, status: 'RECEIVED_AT_CENTRAL' as const, reason: null, at: new Date().toISOString() };

    // A first report from the feed: central holds it, so the entry leaves the queue.
    store.transaction(() => applyCentralStatus(store, report));
    const acked = store.outbox.forContent(record.id, record.contentHash);
    expect(acked?.state).toBe('ACKED');

    // Central loses it; reconciliation queues it again. The same report, still unread in the feed,
    // must not take it out of the queue: only the worker's own check that central holds it now may.
    store.transaction(() => store.outbox.requeue(acked?.id ?? -1));
    expect(store.transaction(() => applyCentralStatus(store, report))).toBe('unchanged');
    expect(store.outbox.forContent(record.id, record.contentHash)?.state).toBe('PENDING');
    expect(store.outbox.backlog().count).toBe(1);
  });
});
