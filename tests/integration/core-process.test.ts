// The Station core off the UI thread, on plain Node: a real worker thread (the counterpart of
// Electron's utilityProcess), real MessagePorts brokered by the parent, a real training station
// with real SQLite. Crashes are real too: the worker is terminated mid-flight.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src-main/contract/index.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { CoreSupervisor } from '../../src-main/core/process/core-supervisor.js';
import type { CoreChild, CoreState } from '../../src-main/core/process/core-supervisor.js';
import { WindowCoreClient } from '../../src-main/core/process/window-client.js';
import { launchCoreWorker } from '../../src-main/core/process/worker-launcher.js';
import { ROOT } from '../helpers/cli.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { tempDir, trainingStation } from '../helpers/station.js';

let entry: string;
beforeAll(async () => {
  // Inside the project so that bare imports resolve from node_modules.
  entry = join(ROOT, 'node_modules', '.cache', 'ktp-station', 'core-worker.mjs');
  await build({
    entryPoints: [join(ROOT, 'src-main', 'core', 'process', 'worker-entry.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
});

const FAST_BACKOFF = { initialMs: 40, factor: 2, maxMs: 1000, healthyAfterMs: 60_000 };

interface Harness {
  supervisor: CoreSupervisor<MessagePort>;
  states: CoreState[];
  children: Array<CoreChild<MessagePort>>;
  home: string;
  /** Resolves at the next state of this kind. */
  next: (state: CoreState['state']) => Promise<CoreState>;
  /** A window: a client on a fresh brokered port, attached under `connection`. */
  window: (connection: string) => WindowCoreClient;
  reattach: (client: WindowCoreClient, connection: string) => void;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
afterAll(() => undefined);

function harness(env: Record<string, string> = {}, flags: { configFlag?: string } = {}): Harness {
  const t = tempDir('ktp-core-');
  cleanups.push(t.remove);
  const states: CoreState[] = [];
  const children: Array<CoreChild<MessagePort>> = [];
  const waiters: Array<{ state: CoreState['state']; resolve: (s: CoreState) => void }> = [];
  const supervisor = new CoreSupervisor<MessagePort>({
    launch: () => {
      const child = launchCoreWorker({ entry, ...flags, env: { ...process.env, KTP_STATION_HOME: t.dir, KTP_LOG_LEVEL: 'silent', ...env } });
      children.push(child);
      return child;
    },
    backoff: FAST_BACKOFF,
    onState: (state) => {
      states.push(state);
      for (const w of waiters.filter((x) => x.state === state.state)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(state);
      }
    },
  });
  cleanups.push(() => supervisor.stop());
  const next = (state: CoreState['state']) => new Promise<CoreState>((resolve) => waiters.push({ state, resolve }));
  const reattach = (client: WindowCoreClient, connection: string) => {
    const channel = new MessageChannel();
    expect(supervisor.attach(connection, channel.port2)).toBe(true);
    client.attach(channel.port1);
  };
  const window = (connection: string) => {
    const client = new WindowCoreClient();
    reattach(client, connection);
    cleanups.push(() => client.detach('test over'));
    return client;
  };
  return { supervisor, states, children, home: t.dir, next, window, reattach };
}

async function ok<T>(client: WindowCoreClient, method: string, params: unknown = {}): Promise<T> {
  const outcome = await client.call(method, params);
  if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
  return outcome.result as T;
}

async function draftWithCaptures(client: WindowCoreClient, nik: string): Promise<string> {
  const draft = await ok<{ id: string }>(client, 'enrollment.startDraft', { demographics: demographicsFixture({ nik }) });
  for (const params of captureParams(draft.id)) await ok(client, 'enrollment.addCapture', params);
  return draft.id;
}

describe('station core in a worker thread (plain-Node counterpart of the utilityProcess)', () => {
  it('serves calls and events over a brokered port; a window keeps its session across a reload', async () => {
    const h = harness();
    const running = h.next('running');
    h.supervisor.start();
    expect(await running).toMatchObject({ state: 'running', mode: 'training', display: 'windowed', restarts: 0 });

    const first = h.window('window-1');
    expect(await ok(first, 'station.info')).toMatchObject({ stationId: 'PELATIHAN-01' });
    await ok(first, 'session.startTraining', { role: 'operator' });

    // The same window reloaded: a new port under the same connection keeps the operator signed in.
    h.reattach(first, 'window-1');
    expect(await ok(first, 'session.current')).toMatchObject({ operator: { role: 'operator' } });
    // Another window is another caller.
    const second = h.window('window-2');
    expect(await ok(second, 'session.current')).toBeNull();

    const statusEvents: unknown[] = [];
    second.on('status.changed', (payload) => statusEvents.push(payload));
    const id = await draftWithCaptures(first, '3501011205900001');
    expect(await ok(first, 'enrollment.commit', { id })).toMatchObject({ status: 'COMMITTED' });
    await expect.poll(() => statusEvents.length).toBeGreaterThan(0);
    expect(statusEvents.at(-1)).toMatchObject({ mode: 'training', backlog: 1 });
  });

  it('drops a malformed message on a window port and keeps serving', async () => {
    const h = harness();
    const running = h.next('running');
    h.supervisor.start();
    await running;
    const channel = new MessageChannel();
    h.supervisor.attach('raw', channel.port2);
    // Station events (device status, sync progress) are broadcast on every window port too;
    // only results answer calls. The port is ordered: a reply to the malformed call would
    // arrive before the reply to call 7.
    const replies: unknown[] = [];
    channel.port1.on('message', (m: { kind?: string }) => {
      if (m.kind !== 'event') replies.push(m);
    });
    channel.port1.postMessage({ kind: 'call', id: 'not-a-number', method: 'station.info' });
    channel.port1.postMessage({ kind: 'call', id: 7, method: 'station.info', params: {} });
    await expect.poll(() => replies.length).toBeGreaterThanOrEqual(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ kind: 'result', id: 7, outcome: { ok: true } });
    channel.port1.close();
  });

  it('restarts a crashed core with growing backoff; saved records survive; windows get a new port', async () => {
    const h = harness();
    const running = h.next('running');
    h.supervisor.start();
    const { dataDir } = (await running) as Extract<CoreState, { state: 'running' }>;
    const client = h.window('window-1');
    await ok(client, 'session.startTraining', { role: 'operator' });
    const id = await draftWithCaptures(client, '3501011205900001');
    await ok(client, 'enrollment.commit', { id });

    for (const expectedDelay of [40, 80]) {
      const restarting = h.next('restarting');
      const back = h.next('running');
      h.children.at(-1)?.kill();
      expect(await restarting).toMatchObject({ state: 'restarting', delayMs: expectedDelay });
      client.detach('restarting');
      expect(await client.call('station.info', {})).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE' } });
      expect(await back).toMatchObject({ state: 'running', dataDir });
      h.reattach(client, 'window-1');
    }
    expect(h.states.filter((s) => s.state === 'running').at(-1)).toMatchObject({ restarts: 2 });
    expect(h.children).toHaveLength(3);
    // Sessions live in the core: after a crash the operator signs in again; the record is there.
    await ok(client, 'session.startTraining', { role: 'operator' });
    expect(await ok(client, 'enrollment.get', { id })).toMatchObject({ status: expect.not.stringMatching(/^DRAFT$/) });
  });

  it('a clean shutdown: the commit sent just before it is answered, and the answer is what the disk holds', async () => {
    const h = harness();
    const running = h.next('running');
    h.supervisor.start();
    const { dataDir } = (await running) as Extract<CoreState, { state: 'running' }>;
    const client = h.window('window-1');
    await ok(client, 'session.startTraining', { role: 'operator' });
    const id = await draftWithCaptures(client, '3501011205900001');

    // The window's port and the control channel are two channels: the core either took the
    // commit (then it finishes it before closing the store) or refused it as stopping.
    const commit = client.call('enrollment.commit', { id });
    await h.supervisor.stop();
    const outcome: CallOutcome<unknown> = await commit;
    expect(h.states.map((s) => s.state).slice(-2)).toEqual(['stopping', 'stopped']);
    // After the core stopped, a call is answered at once (its port closed), never left hanging.
    expect(await client.call('station.info', {})).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE' } });

    const station = await trainingStation(dataDir);
    cleanups.push(() => station.close());
    const desk = statefulConnection('web');
    await station.dispatcher.dispatch('session.startTraining', { role: 'operator' }, desk);
    const onDisk = await station.dispatcher.dispatch('enrollment.get', { id }, desk);
    if (outcome.ok) {
      expect(outcome.result).toMatchObject({ status: 'COMMITTED' });
      // Committed, or already further (training mode syncs to its own central at once).
      expect(onDisk).toMatchObject({ ok: true, result: { status: expect.not.stringMatching(/^DRAFT$/) } });
    } else {
      expect(outcome.error).toMatchObject({ code: 'CORE_UNAVAILABLE', details: { reason: 'stopping' } });
      expect(onDisk).toMatchObject({ ok: true, result: { status: 'DRAFT' } });
    }
  });

  it('a core that cannot boot (invalid config) is reported as failed with its error, not restarted', async () => {
    const t = tempDir('ktp-core-config-');
    cleanups.push(t.remove);
    mkdirSync(t.dir, { recursive: true });
    const config = join(t.dir, 'station.config.json');
    writeFileSync(config, JSON.stringify({ stationId: 'x' }));
    const h = harness({}, { configFlag: config });
    const failed = h.next('failed');
    h.supervisor.start();
    expect(await failed).toMatchObject({ state: 'failed', error: { code: 'CONFIG_INVALID' } });
    expect(h.children).toHaveLength(1);
    expect(h.supervisor.attach('window-1', new MessageChannel().port2)).toBe(false);
  });
});
