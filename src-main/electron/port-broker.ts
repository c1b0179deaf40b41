// Main's one job between windows and the core: hand each window of the app a MessagePort to the
// core, again after every core restart, and tell windows the core's state for the banner.
import type { EventPayload } from '../contract/events.js';
import type { CoreState } from '../core/process/core-supervisor.js';
import { CORE_STATE_CHANNEL, PORT_CHANNEL } from './ipc-channels.js';

/** The members of a webContents the broker uses (P: Electron's MessagePortMain). */
export interface BrokerContents<P> {
  readonly id: number;
  isDestroyed(): boolean;
  postMessage(channel: string, message: null, transfer: P[]): void;
  send(channel: string, payload: EventPayload<'core.state'>): void;
}

export interface PortBrokerOptions<P> {
  attach: (connection: string, port: P) => boolean;
  createChannel: () => { port1: P; port2: P };
  isAppUrl: (url: string) => boolean;
  log: (level: 'info' | 'warn', message: string, fields: Record<string, unknown>) => void;
}

/** The core's state as windows see it (no paths, no errors: those go to the log and the dialog). */
export function coreNotice(state: CoreState): EventPayload<'core.state'> {
  switch (state.state) {
    case 'running':
      return { state: 'running', restarts: state.restarts, retryInMs: null };
    case 'restarting':
      return { state: 'restarting', restarts: state.attempt, retryInMs: state.delayMs };
    case 'starting':
      return { state: 'starting', restarts: state.attempt - 1, retryInMs: null };
    default:
      return { state: state.state, restarts: 0, retryInMs: null };
  }
}

export class PortBroker<P> {
  private readonly windows = new Map<number, BrokerContents<P>>();
  private running = false;

  constructor(private readonly options: PortBrokerOptions<P>) {}

  /** A window asked for its port. Only frames of the app's own UI get one. */
  connect(contents: BrokerContents<P>, frameUrl: string): boolean {
    if (!this.options.isAppUrl(frameUrl)) {
      this.options.log('warn', 'port request from a frame that is not the app refused', { frameUrl, contents: contents.id });
      return false;
    }
    this.windows.set(contents.id, contents);
    if (this.running) this.handPort(contents);
    return true;
  }

  forget(contentsId: number): void {
    this.windows.delete(contentsId);
  }

  /** Every state change of the core: windows are told; a running core gets every window's port. */
  coreState(state: CoreState): void {
    this.running = state.state === 'running';
    const notice = coreNotice(state);
    for (const [id, contents] of this.windows) {
      if (contents.isDestroyed()) {
        this.windows.delete(id);
        continue;
      }
      contents.send(CORE_STATE_CHANNEL, notice);
      if (this.running) this.handPort(contents);
    }
  }

  private handPort(contents: BrokerContents<P>): void {
    const { port1, port2 } = this.options.createChannel();
    // Stable across reloads of the window: the core keeps its operator session.
    if (this.options.attach(`window-${contents.id}`, port1)) contents.postMessage(PORT_CHANNEL, null, [port2]);
  }
}
