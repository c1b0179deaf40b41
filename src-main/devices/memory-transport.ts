import { ChunkInbox } from './chunk-inbox.js';
import type { DeviceTransport, TransportError } from './transport.js';
import { transportError } from './transport-errors.js';

/**
 * An in-memory duplex byte pipe standing in for a cable: what one end writes, the other end
 * reads, in the same chunks, on a later turn of the event loop. Training mode connects a
 * simulator to its driver with one; `unplug` and `plugIn` rehearse a pulled cable.
 */
export class MemoryTransport implements DeviceTransport {
  readonly kind = 'memory' as const;
  private opened = false;
  private readonly inbox: ChunkInbox;
  private readonly listeners = new Set<(error: TransportError) => void>();
  /** Set by the link: the other end's inbox delivery. */
  deliver: (chunk: Uint8Array) => void = () => undefined;

  constructor(
    readonly path: string,
    private readonly link: MemoryLink,
  ) {
    this.inbox = new ChunkInbox(path);
  }

  get isOpen(): boolean {
    return this.opened;
  }

  open(): Promise<void> {
    if (!this.link.pluggedIn) return Promise.reject(transportError('PORT_MISSING', this.path));
    if (!this.opened) {
      this.opened = true;
      this.inbox.reopen();
    }
    return Promise.resolve();
  }

  write(data: Uint8Array): Promise<void> {
    if (!this.opened) return Promise.reject(this.inbox.failed() ?? transportError('CLOSED', this.path));
    const copy = data.slice();
    setImmediate(() => this.deliver(copy));
    return Promise.resolve();
  }

  /** Called by the link with bytes the other end wrote. */
  receive(chunk: Uint8Array): void {
    if (this.opened) this.inbox.push(chunk);
  }

  read(timeoutMs: number): Promise<Uint8Array> {
    if (!this.opened) return Promise.reject(this.inbox.failed() ?? transportError('CLOSED', this.path));
    return this.inbox.read(timeoutMs);
  }

  discardInput(): void {
    this.inbox.discard();
  }

  close(): Promise<void> {
    this.opened = false;
    this.inbox.fail(transportError('CLOSED', this.path));
    return Promise.resolve();
  }

  /** The cable was pulled: reads fail, listeners hear DEVICE_GONE. */
  gone(): void {
    if (!this.opened) return;
    this.opened = false;
    const error = transportError('DEVICE_GONE', this.path);
    this.inbox.fail(error);
    for (const listener of this.listeners) listener(error);
  }

  onDisconnect(listener: (error: TransportError) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** Both ends of one in-memory cable. */
export class MemoryLink {
  pluggedIn = true;
  /** The station's end (the driver opens this). */
  readonly host: MemoryTransport;
  /** The device's end (the simulator speaks through this). */
  readonly device: MemoryTransport;

  constructor(path: string) {
    this.host = new MemoryTransport(path, this);
    this.device = new MemoryTransport(`${path}#device`, this);
    this.host.deliver = (chunk) => this.device.receive(chunk);
    this.device.deliver = (chunk) => this.host.receive(chunk);
  }

  unplug(): void {
    this.pluggedIn = false;
    this.host.gone();
    this.device.gone();
  }

  plugIn(): void {
    this.pluggedIn = true;
  }
}
