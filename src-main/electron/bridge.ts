import type { CallOutcome, EventMessage } from '../contract/index.js';
import { statefulConnection } from '../core/call-context.js';
import type { CallerConnection } from '../core/call-context.js';
import type { Station } from '../core/station.js';
import { StationError } from '../core/station-error.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';

/** The part of Electron's ipcMain the bridge uses (so it can be tested where Electron cannot run). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<CallOutcome<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string } | null;
}

export interface WebContentsLike {
  id: number;
  isDestroyed(): boolean;
  send(channel: string, message: EventMessage): void;
}

export interface BridgeOptions {
  ipcMain: IpcMainLike;
  station: Station;
  /** True for URLs of the app's own UI (file:// of the bundled renderer); anything else is refused. */
  isTrustedUrl: (url: string) => boolean;
  /** The windows that receive events. */
  windows: () => readonly WebContentsLike[];
}

/**
 * Wires the preload's two channels to the Station dispatcher: the same dispatcher the web host
 * uses. Each window is one caller connection that remembers its operator session.
 */
export function wireBridge({ ipcMain, station, isTrustedUrl, windows }: BridgeOptions): () => void {
  const connections = new Map<number, CallerConnection>();

  ipcMain.handle(CALL_CHANNEL, async (event, method, params) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(frameUrl)) {
      station.logger.warn({ frameUrl }, 'IPC call from an untrusted frame refused');
      return { ok: false, error: new StationError('ORIGIN_NOT_ALLOWED', { details: { origin: frameUrl } }).toPayload() };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: new StationError('UNKNOWN_METHOD', { details: { method: String(method) } }).toPayload() };
    }
    let connection = connections.get(event.sender.id);
    if (connection === undefined) {
      connection = statefulConnection('electron');
      connections.set(event.sender.id, connection);
    }
    return station.dispatcher.dispatch(method, params, connection);
  });

  const unsubscribe = station.events.subscribe((message) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
    connections.clear();
  };
}
