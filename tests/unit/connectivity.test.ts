import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Connectivity } from '../../src-main/contract/status.js';
import { ConnectivityMonitor, classifyFailure } from '../../src-main/sync/connectivity.js';

async function withServer(status: number, run: (url: string) => Promise<void>): Promise<void> {
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
}

function monitor(url: string | null) {
  const changes: Connectivity[] = [];
  const m = new ConnectivityMonitor({ centralUrl: url, intervalMs: 60_000, timeoutMs: 2000, onChange: (c) => changes.push(c) });
  return { m, changes };
}

describe('connectivity from real outcomes', () => {
  it('is LURING with CENTRAL_NOT_CONFIGURED when there is no central', () => {
    const { m } = monitor(null);
    expect(m.connectivity).toMatchObject({ state: 'LURING', reason: { code: 'CENTRAL_NOT_CONFIGURED' } });
  });

  it('is DARING when central health answers 200', async () => {
    await withServer(200, async (url) => {
      const { m, changes } = monitor(url);
      await m.probe();
      expect(m.connectivity).toMatchObject({ state: 'DARING', reason: null });
      expect(m.connectivity.latencyMs).toBeGreaterThanOrEqual(0);
      expect(changes).toHaveLength(1);
    });
  });

  it('is TERGANGGU with MAINTENANCE on 503 and HTTP_ERROR on 500', async () => {
    await withServer(503, async (url) => {
      const { m } = monitor(url);
      await m.probe();
      expect(m.connectivity).toMatchObject({ state: 'TERGANGGU', reason: { code: 'MAINTENANCE' } });
    });
    await withServer(500, async (url) => {
      const { m } = monitor(url);
      await m.probe();
      expect(m.connectivity).toMatchObject({ state: 'TERGANGGU', reason: { code: 'HTTP_ERROR' } });
    });
  });

  it('is LURING with CONNECTION_REFUSED when nothing listens', async () => {
    let freePort = 0;
    await withServer(200, (url) => {
      freePort = Number(new URL(url).port);
      return Promise.resolve();
    });
    const { m } = monitor(`http://127.0.0.1:${freePort}/`);
    await m.probe();
    expect(m.connectivity).toMatchObject({ state: 'LURING', reason: { code: 'CONNECTION_REFUSED' } });
  });

  it('classifies DNS failures, timeouts and TLS errors', () => {
    const wrap = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });
    expect(classifyFailure(wrap('ENOTFOUND'))).toMatchObject({ state: 'LURING', code: 'DNS_FAILED' });
    expect(classifyFailure(wrap('EHOSTUNREACH'))).toMatchObject({ state: 'LURING', code: 'NETWORK_UNREACHABLE' });
    expect(classifyFailure(wrap('UND_ERR_CONNECT_TIMEOUT'))).toMatchObject({ state: 'TERGANGGU', code: 'TIMEOUT' });
    expect(classifyFailure(wrap('CERT_HAS_EXPIRED'))).toMatchObject({ state: 'TERGANGGU', code: 'TLS_FAILED' });
    expect(classifyFailure(new DOMException('t', 'TimeoutError'))).toMatchObject({ state: 'TERGANGGU', code: 'TIMEOUT' });
  });

  it('reports a change only when the state or reason changes', () => {
    const { m, changes } = monitor('http://127.0.0.1:9/');
    m.record({ ok: true, latencyMs: 10 });
    m.record({ ok: true, latencyMs: 12 });
    m.record({ ok: false, state: 'TERGANGGU', code: 'TIMEOUT', detail: 'x' });
    expect(changes.map((c) => c.state)).toEqual(['DARING', 'TERGANGGU']);
  });
});
