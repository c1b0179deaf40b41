import type { StationTransport } from '../../src-main/contract/index.js';
import { StationClient } from './station-client';
import { createWebTransport } from './web-transport';
import type { LinkListener } from './web-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    readonly station?: StationTransport;
  }
}

export interface StationConnection {
  readonly host: 'electron' | 'web';
  readonly client: StationClient;
  /** Event-stream up/down notices; null when the host's event channel cannot drop (Electron IPC). */
  readonly onLink: ((listener: LinkListener) => () => void) | null;
}

/** The one place that picks the transport: the Electron preload bridge if present, else the web host. */
export function connectToStation(): StationConnection {
  const bridge = window.station;
  if (bridge !== undefined) {
    return { host: 'electron', client: new StationClient(bridge), onLink: null };
  }
  const web = createWebTransport();
  return { host: 'web', client: new StationClient(web), onLink: (listener) => web.onLink(listener) };
}
