// npm run bench -- sync [--records 100] [--mbit 20]
// Drains N enrollments of ~2 MB each from a station to the central emulator through a link
// capped at M Mbit/s, and reports payload bytes per second against the cap (goal ≥ 0.9). In the
// same run the same records (JSON + attachments) replicate with PouchDB to express-pouchdb
// through the same cap (the same pacing proxy code), and the time ratio is reported (goal ≤ 0.8).
// Each server side (the emulator with its proxy; express-pouchdb with the same proxy) runs in a
// child process, as a real central runs on another machine: the station's own work (sealing,
// SQLite) then competes only with the machine's cores, not with the server's event loop.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import expressPouchdb from 'express-pouchdb';
import PouchDB from 'pouchdb-node';
import memoryAdapter from 'pouchdb-adapter-memory';
import { FaultProxy } from '../../src-main/sim/central/fault-proxy.js';
import { NO_FAULTS } from '../../src-main/sim/central/faults.js';
import type { CentralFaults } from '../../src-main/sim/central/faults.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import { TEST_STATION_ID, resident, waitFor } from '../helpers/central.js';
import { silentLogger, trainingSetup } from '../helpers/station.js';
import { captureSet } from './capture-set.js';
import type { BenchCapture } from './capture-set.js';

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'sync', ...line })}\n`);
};

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

interface BenchRecord {
  demographics: Record<string, unknown>;
  captures: BenchCapture[];
}

type Call = <T>(method: string, params: unknown) => Promise<T>;

async function recordAll(ok: Call, records: BenchRecord[]): Promise<string[]> {
  const ids: string[] = [];
  for (const record of records) {
    const draft = await ok<{ id: string }>('enrollment.startDraft', { demographics: record.demographics });
    for (const c of record.captures) {
      await ok('enrollment.addCapture', { id: draft.id, modality: c.modality, position: c.position, quality: 80, image: { format: 'PNG', base64: c.bytes.toString('base64') } });
    }
    await ok('enrollment.commit', { id: draft.id });
    ids.push(draft.id);
  }
  return ids;
}

interface ChildServer {
  lines: string[];
  stop: () => Promise<void>;
}

/** Starts a child process and waits until it has printed `count` lines on stdout. */
function startChild(args: string[], count: number): Promise<ChildServer> {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, KTP_LOG_LEVEL: process.env['KTP_BENCH_CENTRAL_LOG'] ?? 'silent' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) resolve();
      else {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }
    });
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      // JSON lines are the child's log (KTP_BENCH_CENTRAL_LOG=info): passed to stderr.
      if (line.startsWith('{')) {
        process.stderr.write(`${line}\n`);
        return;
      }
      lines.push(line);
      if (lines.length === count) resolve({ lines, stop });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

const STATION_CREDENTIAL = 'bench-credential-0123456789';
/**
 * The config's defaults (2 lanes, 4 MiB chunks, status feed every 15 s, print queue every 60 s):
 * the test suites' fast polling would spend the capped link on the print-ready prefetch, which
 * is not what a drain measures. Backoff is short, as the link is up the whole time.
 */
const BENCH_SYNC = { concurrency: 2, chunkBytes: 4 * 1024 * 1024, backoffBaseMs: 50, backoffCapMs: 1000, reconcileIntervalMs: null };
/** The project folder: benches are bundled into node_modules/.cache, so not found from this module's URL. */
const ROOT = dirname(process.env['npm_package_json'] ?? join(process.cwd(), 'package.json'));
const BIN = join(ROOT, 'bin', 'ktp-station.js');

/** The station: record offline, open the capped link, time until central holds every record. */
async function drainStation(dir: string, records: BenchRecord[], cap: CentralFaults): Promise<{ seconds: number; wireBytesUp: number; ids: string[]; held: number; duplicates: number }> {
  const adminToken = 'bench-admin-token';
  const central = await startChild(
    [BIN, 'central', '--data', join(dir, 'central'), '--port', '0', '--station', `${TEST_STATION_ID}:${STATION_CREDENTIAL}`, '--faults', 'offline', '--verify-delay-ms', '0', '--admin-token', adminToken],
    4,
  );
  const url = /^KTP Station central emulator: (\S+)$/.exec(central.lines[0] ?? '')?.[1];
  const adminUrl = /^admin: (\S+)\/admin /.exec(central.lines[1] ?? '')?.[1];
  const keyFile = /^central public key: (.+)$/.exec(central.lines[2] ?? '')?.[1];
  if (url === undefined || adminUrl === undefined || keyFile === undefined) throw new Error(`unexpected central output: ${central.lines.join(' | ')}`);
  const admin = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const reply = await fetch(`${adminUrl}${path}`, {
      method,
      headers: { 'x-admin-token': adminToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!reply.ok) throw new Error(`${method} ${path}: HTTP ${reply.status}`);
    return (await reply.json()) as T;
  };
  const setup = { ...trainingSetup(join(dir, 'station')), central: { url, publicKeyPem: readFileSync(keyFile, 'utf8'), credential: STATION_CREDENTIAL, probeIntervalSeconds: 600 } };
  const station = createStation({ setup, logger: silentLogger(), host: 'web', regions: await regionDirectory(), syncOptions: BENCH_SYNC });
  const window = statefulConnection('web');
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await station.dispatcher.dispatch(method, params, window);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  try {
    await ok('session.startTraining', { role: 'operator' });
    const ids = await recordAll(ok, records);
    const before = (await admin<{ bytesUp: number }>('GET', '/admin/stats')).bytesUp;
    const started = performance.now();
    await admin('PUT', '/admin/faults', cap);
    await ok('sync.now', {});
    await waitFor('the station backlog to drain', async () => (await ok<{ backlog: { count: number } }>('sync.overview', {})).backlog.count === 0, 3_600_000, 50);
    const seconds = (performance.now() - started) / 1000;
    const attempts = (await ok<{ attempts: Array<{ enrollmentId: string | null; startedAt: string; step: string; outcome: string; code: string | null; detail: string | null; bytesSent: number; durationMs: number }> }>('sync.history', { limit: 200 })).attempts;
    const steps: Record<string, { ok: number; failed: number; ms: number; codes: string[] }> = {};
    for (const a of attempts) {
      const step = (steps[a.step] ??= { ok: 0, failed: 0, ms: 0, codes: [] });
      if (a.outcome === 'OK') step.ok += 1;
      else {
        step.failed += 1;
        if (a.code !== null && !step.codes.includes(a.code)) step.codes.push(a.code);
      }
      step.ms += a.durationMs;
    }
    if (process.env['KTP_BENCH_TRACE'] !== undefined) {
      const first = attempts.find((a) => a.outcome !== 'OK' && a.step === 'PACKET')?.enrollmentId;
      for (const a of [...attempts].reverse()) if (a.enrollmentId === first) process.stderr.write(`${a.startedAt} ${a.step} ${a.outcome} ${a.code ?? ''} ${a.detail ?? ''} sent=${a.bytesSent} ms=${a.durationMs}\n`);
    }
    emit({ phase: 'station_steps', steps, sample_failures: attempts.filter((a) => a.outcome !== 'OK').slice(0, 3).map((a) => ({ step: a.step, code: a.code, detail: a.detail, bytesSent: a.bytesSent, ms: a.durationMs })) });
    const stats = await admin<{ bytesUp: number; duplicates: number }>('GET', '/admin/stats');
    const held = await admin<Array<{ id: string; packetReceived: boolean }>>('GET', `/admin/records?stationId=${TEST_STATION_ID}`);
    const heldIds = new Set(held.filter((r) => r.packetReceived).map((r) => r.id));
    return { seconds, wireBytesUp: stats.bytesUp - before, ids, held: ids.filter((id) => heldIds.has(id)).length, duplicates: stats.duplicates };
  } finally {
    await station.close();
    await central.stop();
  }
}

/** The baseline's server side, run as a child process: express-pouchdb in memory behind the pacing proxy. */
async function servePouchdb(capBytesPerSecond: number): Promise<void> {
  const ServerPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' });
  const server: Server = createServer(expressPouchdb(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = new FaultProxy((server.address() as AddressInfo).port, () => ({ ...NO_FAULTS, bandwidthBytesPerSecond: capBytesPerSecond }));
  const port = await proxy.listen();
  process.stdout.write(`${port}\n`);
  // The parent asks for the proxy's byte count on stdin, then closes it to stop this server.
  createInterface({ input: process.stdin }).on('line', () => process.stdout.write(`${JSON.stringify(proxy.stats)}\n`));
  await new Promise<void>((resolve) => process.stdin.once('end', resolve));
  await proxy.stop();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** The baseline: PouchDB in memory replicating to express-pouchdb (a child process) through the same cap. */
async function replicatePouch(records: BenchRecord[], ids: string[], capBytesPerSecond: number): Promise<{ seconds: number; wireBytesUp: number; written: number; remoteDocs: number }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), 'sync', '--serve-pouchdb', String(capBytesPerSecond)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const port = Number(await nextLine());
  const Pouch = PouchDB.plugin(memoryAdapter);
  const local = new Pouch(`station-${Date.now()}`, { adapter: 'memory' });
  try {
    for (const [index, record] of records.entries()) {
      await local.put({
        _id: ids[index] ?? `record-${index}`,
        demographics: record.demographics,
        _attachments: Object.fromEntries(record.captures.map((c) => [`${c.modality}-${c.position}.png`, { content_type: 'image/png', data: c.bytes }])),
      });
    }
    const target = `http://127.0.0.1:${port}/central`;
    const started = performance.now();
    const result = await local.replicate.to(target);
    const seconds = (performance.now() - started) / 1000;
    const remoteDocs = (await new Pouch(target).info()).doc_count;
    child.stdin.write('stats\n');
    const stats = JSON.parse(await nextLine()) as { bytesUp: number };
    return { seconds, wireBytesUp: stats.bytesUp, written: result.docs_written, remoteDocs };
  } finally {
    await local.destroy();
    child.stdin.end();
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
  }
}

export async function run(args: string[]): Promise<void> {
  if (args[0] === '--serve-pouchdb') {
    await servePouchdb(Number(args[1]));
    return;
  }
  const count = Number(option(args, '--records', '100'));
  const mbit = Number(option(args, '--mbit', '20'));
  const capBytesPerSecond = (mbit * 1_000_000) / 8;
  const cap: CentralFaults = { ...NO_FAULTS, bandwidthBytesPerSecond: capBytesPerSecond };
  const records: BenchRecord[] = Array.from({ length: count }, (_, i) => ({ demographics: resident(i + 1), captures: captureSet() }));
  const payloadBytes = records.reduce((sum, r) => sum + r.captures.reduce((s, c) => s + c.bytes.byteLength, 0), 0);
  emit({ phase: 'setup', records: count, payload_bytes: payloadBytes, cap_mbit: mbit, cap_bytes_per_s: capBytesPerSecond });

  const dir = mkdtempSync(join(tmpdir(), 'ktp-bench-sync-'));
  try {
    const station = await drainStation(dir, records, cap);
    const stationRate = payloadBytes / station.seconds;
    emit({
      phase: 'station',
      seconds: round(station.seconds),
      payload_bytes_per_s: Math.round(stationRate),
      payload_rate_vs_cap: round(stationRate / capBytesPerSecond),
      goal_payload_rate_vs_cap: 0.9,
      wire_bytes_up: station.wireBytesUp,
      wire_overhead: round(station.wireBytesUp / payloadBytes - 1),
      held_at_central: station.held,
      duplicates: station.duplicates,
    });

    const pouch = await replicatePouch(records, station.ids, capBytesPerSecond);
    const pouchRate = payloadBytes / pouch.seconds;
    emit({
      phase: 'pouchdb',
      seconds: round(pouch.seconds),
      payload_bytes_per_s: Math.round(pouchRate),
      payload_rate_vs_cap: round(pouchRate / capBytesPerSecond),
      wire_bytes_up: pouch.wireBytesUp,
      wire_overhead: round(pouch.wireBytesUp / payloadBytes - 1),
      docs_written: pouch.written,
      remote_docs: pouch.remoteDocs,
    });
    emit({
      phase: 'summary',
      station_vs_pouchdb_time: round(station.seconds / pouch.seconds),
      goal_station_vs_pouchdb_time: 0.8,
      station_payload_rate_vs_cap: round(stationRate / capBytesPerSecond),
      goal_payload_rate_vs_cap: 0.9,
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
