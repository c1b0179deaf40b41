// The window's end of its connection port to the core. Runs in the sandboxed preload (and in
// tests on plain Node), so it imports types only: no zod, no Node, nothing of the core.
import type { CallOutcome, StationErrorPayload } from '../../contract/errors.js';
import { errorCatalog } from '../error-catalog.js';
import type { ConnectionMessage, WindowMessage } from './protocol.js';

/** A DOM MessagePort, or a worker_threads MessagePort (both are EventTargets with start()). */
export interface WindowPort {
  postMessage(message: WindowMessage): void;
  addEventListener(type: 'message' | 'close', listener: (event: Event) => void): void;
  start(): void;
  close(): void;
}

type EventHandler = (payload: unknown) => void;

function isConnectionMessage(value: unknown): value is ConnectionMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'result') return typeof (value as { id?: unknown }).id === 'number' && typeof (value as { outcome?: unknown }).outcome === 'object';
  if (kind === 'event') {
    const message = (value as { message?: unknown }).message;
    return typeof message === 'object' && message !== null && typeof (message as { event?: unknown }).event === 'string';
  }
  return false;
}

/** The answer to a call the core cannot take (restarting, stopping, port lost). */
export function coreUnavailable(reason: string): StationErrorPayload {
  return { code: 'CORE_UNAVAILABLE', message: errorCatalog.CORE_UNAVAILABLE.message, details: { reason } };
}

/**
 * Calls made before the first port arrives wait for it. While the core is down (`detach`) a
 * call is answered at once with CORE_UNAVAILABLE, and so are calls that were in flight on a
 * port that closed (the core stopped or crashed): the caller decides whether to retry.
 */
export class WindowCoreClient {
  private port: WindowPort | null = null;
  private down: StationErrorPayload | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, (outcome: CallOutcome<unknown>) => void>();
  private readonly waiting: Array<() => void> = [];
  private readonly handlers = new Map<string, Set<EventHandler>>();

  attach(port: WindowPort): void {
    this.port?.close();
    this.port = port;
    this.down = null;
    port.addEventListener('message', (event) => this.receive(port, (event as MessageEvent<unknown>).data));
    port.addEventListener('close', () => {
      if (port === this.port) this.detach('port closed');
    });
    port.start();
    for (const resume of this.waiting.splice(0)) resume();
  }

  /** The core went away: fail what was in flight on the old port, and answer new calls at once. */
  detach(reason: string): void {
    const error = coreUnavailable(reason);
    const port = this.port;
    this.port = null;
    port?.close();
    this.down = error;
    for (const [id, resolve] of this.pending) {
      this.pending.delete(id);
      resolve({ ok: false, error });
    }
  }

  call(method: string, params: unknown): Promise<CallOutcome<unknown>> {
    if (this.down !== null) return Promise.resolve({ ok: false, error: this.down });
    if (this.port === null) return new Promise((resolve) => this.waiting.push(() => void this.call(method, params).then(resolve)));
    const port = this.port;
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      port.postMessage({ kind: 'call', id, method, params });
    });
  }

  on(event: string, handler: EventHandler): () => void {
    let set = this.handlers.get(event);
    if (set === undefined) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }

  /** Delivers an event that did not come from the core (main's notice of the core's state). */
  emit(event: string, payload: unknown): void {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }

  private receive(port: WindowPort, data: unknown): void {
    if (port !== this.port || !isConnectionMessage(data)) return;
    if (data.kind === 'result') {
      const resolve = this.pending.get(data.id);
      this.pending.delete(data.id);
      resolve?.(data.outcome);
      return;
    }
    this.emit(data.message.event, data.message.payload);
  }
}
