import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { createConnection } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FaultProxy } from '../../src-main/sim/central/fault-proxy.js';
import { NO_FAULTS } from '../../src-main/sim/central/faults.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** One raw HTTP/1.1 exchange with `Connection: close`: everything the other side sent before it hung up. */
function exchange(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.on('close', () => resolve(got));
    socket.on('error', reject);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

describe('fault proxy (real TCP on loopback)', () => {
  it('delivers a whole paced reply when the server hangs up right after sending it', async () => {
    const body = 'x'.repeat(100_000);
    const server: Server = createServer((req, res) => {
      const text = req.url === '/small' ? 'not here' : body;
      res.writeHead(req.url === '/small' ? 404 : 200, { 'content-type': 'text/plain', 'content-length': text.length, connection: 'close' });
      res.end(text);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const proxy = new FaultProxy((server.address() as AddressInfo).port, () => ({ ...NO_FAULTS, bandwidthBytesPerSecond: 1_000_000 }));
    const port = await proxy.listen();
    cleanups.push(() => proxy.stop());

    for (let round = 0; round < 5; round += 1) {
      const small = await exchange(port, '/small');
      expect(small).toMatch(/^HTTP\/1\.1 404/);
      expect(small.endsWith('not here')).toBe(true);
      const large = await exchange(port, '/large');
      expect(large.endsWith(body)).toBe(true);
    }
    expect(proxy.stats.resets).toBe(0);
  });

  it('keeps every byte in order through the cap while the event loop is busy', async () => {
    const server: Server = createServer((req, res) => {
      const hash = createHash('sha256');
      req.on('data', (c: Buffer) => hash.update(c));
      req.on('end', () => res.end(hash.digest('hex')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const proxy = new FaultProxy((server.address() as AddressInfo).port, () => ({ ...NO_FAULTS, bandwidthBytesPerSecond: 4_000_000 }));
    const port = await proxy.listen();
    cleanups.push(() => proxy.stop());
    // Busy spells of a few ms, as synchronous SQLite and crypto work make on a station.
    const busy = setInterval(() => {
      const until = performance.now() + 3;
      while (performance.now() < until) {
        // spin
      }
    }, 1);
    cleanups.push(() => Promise.resolve(clearInterval(busy)));
    for (let round = 0; round < 3; round += 1) {
      const body = randomBytes(1_500_000);
      const reply = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body });
      expect(await reply.text()).toBe(createHash('sha256').update(body).digest('hex'));
    }
  });
});
