import type {
  EventName,
  EventPayload,
  MethodName,
  MethodParams,
  MethodResult,
  StationErrorPayload,
  StationTransport,
} from '../../src-main/contract/index.js';
import { createWebTransport, takeLaunchToken } from './web-transport.js';

declare global {
  interface Window {
    /** Present in Electron: the preload bridge. */
    station?: StationTransport;
  }
}

/** A failed call, carrying the station's error payload (code, message in both languages, details). */
export class StationCallError extends Error {
  constructor(readonly payload: StationErrorPayload) {
    super(`${payload.code}: ${payload.message.en}`);
    this.name = 'StationCallError';
  }
}

/** The typed client: the one place where the renderer trusts the contract's types over the wire. */
export interface StationClient {
  call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  readonly host: 'electron' | 'web';
}

export function createStationClient(): StationClient {
  const electron = window.station;
  const transport = electron ?? createWebTransport(takeLaunchToken());
  return {
    host: electron === undefined ? 'web' : 'electron',
    async call(method, params) {
      const outcome = await transport.call(method, params);
      if (!outcome.ok) throw new StationCallError(outcome.error);
      return outcome.result as MethodResult<typeof method>;
    },
    on(event, handler) {
      return transport.on(event, (payload) => handler(payload as EventPayload<typeof event>));
    },
  };
}
