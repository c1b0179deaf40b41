import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../../src-main/core/call-context.js';
import { regionDirectory } from '../../../src-main/core/setup.js';
import { createStation } from '../../../src-main/core/station.js';
import type { CentralEmulator } from '../../../src-main/sim/central/emulator.js';
import { FAST_SYNC, TEST_CREDENTIAL, recordResident, startTestCentral, waitFor } from '../../helpers/central.js';
import type { LinkedDesk } from '../../helpers/central.js';
import { silentLogger, tempDir, trainingSetup } from '../../helpers/station.js';

/**
 * What a real central, or a broken box between the station and it, can answer: a lie about the
 * hash it holds, the wrong content type, a reply cut off, one too large, or JSON of another shape.
 */
type ReplyMode = 'honest' | 'lie-about-hash' | 'wrong-content-type' | 'truncated' | 'oversize' | 'other-shape';

const RECORD_PATH = /^\/v1\/(enrollments\/[^/]+|stations\/[^/]+\/(holdings|status-feed))$/;
const OTHER_HASH = 'f'.repeat(64);

/** An HTTP proxy in front of the emulator that spoils the JSON replies about records as told. */
async function startSpoilingProxy(target: string): Promise<{ url: string; mode: { current: ReplyMode }; close: () => Promise<void> }> {
  const upstream = new URL(target);
  const mode: { current: ReplyMode } = { current: 'honest' };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (reply) => {
        const chunks: Buffer[] = [];
        reply.on('data', (c: Buffer) => chunks.push(c));
        reply.on('end', () => {
          const body = Buffer.concat(chunks);
          const spoil = mode.current !== 'honest' && RECORD_PATH.test((req.url ?? '').split('?')[0] ?? '') && (reply.headers['content-type'] ?? '').includes('json') && (reply.statusCode ?? 0) < 300;
          if (!spoil) {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            res.end(body);
            return;
          }
          const headers = { ...reply.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          switch (mode.current) {
            case 'lie-about-hash': {
              const text = body.toString('utf8').replace(/"contentHash":"[0-9a-f]{64}"/g, `"contentHash":"${OTHER_HASH}"`);
              res.writeHead(reply.statusCode ?? 200, { ...headers, 'content-length': Buffer.byteLength(text) });
              res.end(text);
              return;
            }
            case 'wrong-content-type':
              res.writeHead(200, { ...headers, 'content-type': 'text/html' });
              res.end('<html><body>Gateway login</body></html>');
              return;
            case 'truncated':
              // Says it sends the whole reply, sends half of it, and hangs up.
              res.writeHead(reply.statusCode ?? 200, { ...headers, 'content-length': body.byteLength });
              res.write(body.subarray(0, Math.floor(body.byteLength / 2)));
              res.socket?.destroy();
              return;
            case 'oversize':
              res.writeHead(200, { ...headers, 'content-length': 17 * 1024 * 1024 });
              res.end('{}');
              res.socket?.destroy();
              return;
            case 'other-shape':
              res.writeHead(200, { ...headers, 'content-type': 'application/json' });
              res.end(JSON.stringify({ ok: true, record: { id: 42 } }));
              return;
          }
        });
      },
    );
    forward.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    mode,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function deskBehind(dataDir: string, central: CentralEmulator, url: string): Promise<LinkedDesk & { close: () => Promise<void> }> {
  const setup = { ...trainingSetup(dataDir), central: { url, publicKeyPem: central.publicKeyPem, credential: TEST_CREDENTIAL, probeIntervalSeconds: 600 } };
  const station = createStation({ setup, logger: silentLogger(), host: 'web', regions: await regionDirectory(), syncOptions: FAST_SYNC });
  const window = statefulConnection('web');
  const call = (method: string, params: unknown) => station.dispatcher.dispatch(method, params, window);
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  await ok('session.startTraining', { role: 'supervisor' });
  return { station, ok, call, close: () => station.close() };
}

/** Each bad reply and the failure codes that name it (a cut reply is seen as such, or as a cut connection when the cut lands before the headers are read). */
const SPOILED: Array<{ mode: ReplyMode; codes: readonly string[] }> = [
  { mode: 'lie-about-hash', codes: ['NOT_HELD'] },
  { mode: 'wrong-content-type', codes: ['WRONG_CONTENT_TYPE'] },
  { mode: 'truncated', codes: ['REPLY_CUT', 'CONNECTION_CUT'] },
  { mode: 'oversize', codes: ['REPLY_TOO_LARGE'] },
  { mode: 'other-shape', codes: ['UNEXPECTED_REPLY'] },
];

describe('sync: a central that lies or answers badly', () => {
  it('marks nothing synced that central does not hold with the same hash, names each bad reply, and drains once central is honest', async () => {
    const dir = tempDir('ktp-sync-bad-');
    cleanups.push(dir.remove);
    const central = await startTestCentral(`${dir.dir}/central`);
    cleanups.push(() => central.close());
    const proxy = await startSpoilingProxy(central.url);
    cleanups.push(proxy.close);
    const desk = await deskBehind(`${dir.dir}/station`, central, proxy.url);
    cleanups.push(desk.close);

    const ids: string[] = [];
    const backlog = async () => (await desk.ok<{ backlog: { count: number } }>('sync.overview', {})).backlog.count;
    const seenCodes = new Set<string>();
    let n = 0;
    for (const { mode, codes } of SPOILED) {
      proxy.mode.current = mode;
      n += 1;
      ids.push(await recordResident(desk, n));
      await waitFor(`a ${codes.join(' or ')} failure while central answers "${mode}"`, async () => {
        const history = await desk.ok<{ attempts: Array<{ code: string | null }> }>('sync.history', { limit: 200, failedOnly: true });
        for (const a of history.attempts) if (a.code !== null) seenCodes.add(a.code);
        return codes.some((code) => seenCodes.has(code));
      }, 30_000, 100).catch((error: unknown) => {
        throw new Error(`${String(error)}; failure codes seen: ${[...seenCodes].join(', ')}`);
      });
      // However long it answers so, nothing it said counts as "held".
      expect(await backlog()).toBe(ids.length);
      for (const id of ids) {
        const view = await desk.ok<{ status: string }>('enrollment.get', { id });
        expect(view.status).toBe('COMMITTED');
      }
    }

    proxy.mode.current = 'honest';
    await desk.ok('sync.now', {});
    await waitFor('the backlog to drain once central is honest', async () => (await backlog()) === 0, 60_000, 200);
    const held = central.repo.allRecords(null);
    expect(held.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      const view = await desk.ok<{ contentHash: string }>('enrollment.get', { id });
      expect(held.find((r) => r.id === id)?.contentHash).toBe(view.contentHash);
      expect(held.find((r) => r.id === id)?.packetReceived).toBe(true);
    }
    expect(central.stats().duplicates).toBe(0);

    // A reconciliation that hears a lie queues again rather than trusting it.
    proxy.mode.current = 'lie-about-hash';
    const report = await desk.ok<{ checked: number; different: number; requeued: number }>('sync.reconcile', {});
    expect(report).toMatchObject({ checked: ids.length, different: ids.length, requeued: ids.length });
    proxy.mode.current = 'honest';
    await desk.ok('sync.now', {});
    await waitFor('the requeued records to be acknowledged again', async () => (await backlog()) === 0, 60_000, 200);
    expect(central.repo.allRecords(null)).toHaveLength(ids.length);
  }, 240_000);
});
