import { createConnection, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import type { CentralFaults } from './faults.js';

/** Paces bytes through a link of a given capacity: each piece is released when it would have finished crossing. */
class LinkPacer {
  private freeAt = 0;

  constructor(private readonly rate: () => number | null) {}

  /** Milliseconds from now until `bytes` sent now would have crossed the link. */
  delayFor(bytes: number): number {
    const rate = this.rate();
    if (rate === null) return 0;
    const now = performance.now();
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + (bytes / rate) * 1000;
    return this.freeAt - now;
  }
}

const PIECE = 16 * 1024;
/** How far ahead a direction may schedule before its source is paused. */
const MAX_SCHEDULED_BYTES = 256 * 1024;

export interface FaultProxyStats {
  connections: number;
  resets: number;
  bytesUp: number;
  bytesDown: number;
}

/**
 * A TCP proxy in front of central that plays the link's faults on the wire: refused connections
 * (nothing listening), one-way latency, a bandwidth cap per direction shared by all connections
 * (a link, not a socket), and a connection reset after N bytes from the client.
 */
export class FaultProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly up: LinkPacer;
  private readonly down: LinkPacer;
  readonly stats: FaultProxyStats = { connections: 0, resets: 0, bytesUp: 0, bytesDown: 0 };

  constructor(
    private readonly upstreamPort: number,
    private readonly faults: () => CentralFaults,
    private port = 0,
    private readonly host = '127.0.0.1',
  ) {
    this.up = new LinkPacer(() => this.faults().bandwidthBytesPerSecond);
    this.down = new LinkPacer(() => this.faults().bandwidthBytesPerSecond);
  }

  get listeningPort(): number {
    return this.port;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  /** Starts accepting (a no-op when already listening); the port stays the same across restarts. */
  async listen(): Promise<number> {
    if (this.server !== undefined) return this.port;
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address !== null && typeof address === 'object') this.port = address.port;
    this.server = server;
    return this.port;
  }

  /** Stops accepting and drops every open connection: the station meets "connection refused". */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    if (server !== undefined) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.stats.connections += 1;
    const upstream = createConnection({ port: this.upstreamPort, host: '127.0.0.1' });
    this.sockets.add(client);
    this.sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let clientBytes = 0;
    let closed = false;
    const close = (reset: boolean) => {
      if (closed) return;
      closed = true;
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      if (reset) {
        client.resetAndDestroy();
        upstream.resetAndDestroy();
      } else {
        // end(), not destroy(): destroy would drop bytes written to a side but not yet flushed.
        for (const socket of [client, upstream]) {
          socket.end();
          setTimeout(() => socket.destroy(), 5000).unref();
        }
      }
    };
    // A side that closes may still have paced bytes on their way to the other side: those are
    // delivered first, as a real link would, and only then is the other side closed.
    const closeAfterInFlight = () => {
      void Promise.all([upIdle(), downIdle()]).then(() => close(false));
    };
    client.on('error', () => close(false));
    upstream.on('error', () => close(false));
    client.on('close', closeAfterInFlight);
    upstream.on('close', closeAfterInFlight);

    const upIdle = this.pipe(client, upstream, this.up, (piece) => {
      const limit = this.faults().resetAfterBytes;
      if (limit === null) return { forward: piece, reset: false };
      const room = limit - clientBytes;
      if (piece.byteLength < room) {
        clientBytes += piece.byteLength;
        return { forward: piece, reset: false };
      }
      clientBytes = limit;
      return { forward: piece.subarray(0, room), reset: true };
    }, () => {
      this.stats.resets += 1;
      close(true);
    }, (n) => (this.stats.bytesUp += n), () => this.faults().latencyMs);
    const downIdle = this.pipe(upstream, client, this.down, (piece) => ({ forward: piece, reset: false }), () => close(true), (n) => (this.stats.bytesDown += n), () => 0);
  }

  /**
   * Forwards `from` to `to` through the pacer, strictly in order: pieces wait in one queue per
   * direction and a single timer releases the head when its time has come. (A timer per piece
   * let a later piece overtake an earlier one whose timer had not fired yet on a busy loop.)
   * Returns a function that resolves once every piece queued so far is out.
   */
  private pipe(
    from: Socket,
    to: Socket,
    pacer: LinkPacer,
    cut: (piece: Buffer) => { forward: Buffer; reset: boolean },
    onReset: () => void,
    count: (bytes: number) => void,
    latencyMs: () => number,
  ): () => Promise<void> {
    const queue: Array<{ piece: Buffer; releaseAt: number; reset: boolean }> = [];
    let scheduled = 0;
    let lastRelease = 0;
    let timer: NodeJS.Timeout | undefined;
    let waiters: Array<() => void> = [];
    const whenIdle = (): Promise<void> => (queue.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)));

    const pump = (): void => {
      timer = undefined;
      for (let head = queue[0]; head !== undefined; head = queue[0]) {
        const wait = head.releaseAt - performance.now();
        if (wait > 0) {
          timer = setTimeout(pump, wait);
          return;
        }
        queue.shift();
        scheduled -= head.piece.byteLength;
        if (!to.destroyed && head.piece.byteLength > 0) {
          to.write(head.piece);
          count(head.piece.byteLength);
        }
        if (head.reset) {
          queue.length = 0;
          onReset();
          break;
        }
        if (scheduled <= MAX_SCHEDULED_BYTES / 2 && from.isPaused()) from.resume();
      }
      if (queue.length === 0) {
        const ready = waiters;
        waiters = [];
        for (const wake of ready) wake();
      }
    };

    from.on('data', (chunk: Buffer) => {
      for (let offset = 0; offset < chunk.byteLength; offset += PIECE) {
        const { forward, reset } = cut(chunk.subarray(offset, offset + PIECE));
        const releaseAt = Math.max(performance.now() + pacer.delayFor(forward.byteLength) + latencyMs(), lastRelease);
        lastRelease = releaseAt;
        scheduled += forward.byteLength;
        queue.push({ piece: forward, releaseAt, reset });
        if (scheduled > MAX_SCHEDULED_BYTES) from.pause();
        if (reset) {
          from.pause();
          break;
        }
      }
      if (timer === undefined) pump();
    });
    from.on('end', () => {
      void whenIdle().then(() => {
        if (!to.destroyed) to.end();
      });
    });
    return whenIdle;
  }
}
