import type {
  CallOutcome,
  ErrorCode,
  EventName,
  EventPayload,
  MethodName,
  MethodParams,
  MethodResult,
  StationErrorPayload,
  StationTransport,
} from '../../src-main/contract/index.js';
import { stationUnreachable } from './local-errors';

/** A call the station answered with an error (or that could not reach it). Carries the payload. */
export class StationCallError extends Error {
  readonly payload: StationErrorPayload;
  readonly method: string;

  constructor(method: string, payload: StationErrorPayload) {
    super(`${method}: ${payload.code}: ${payload.message.en}`);
    this.name = 'StationCallError';
    this.method = method;
    this.payload = payload;
  }

  get code(): ErrorCode {
    return this.payload.code;
  }
}

/**
 * The typed face of a transport: the contract types every call and event end to end.
 * This is the only place in the renderer that casts what arrives from the wire.
 */
export class StationClient {
  constructor(private readonly transport: StationTransport) {}

  async call<M extends MethodName>(method: M, params: MethodParams<M>): Promise<MethodResult<M>> {
    let outcome: CallOutcome<unknown>;
    try {
      outcome = await this.transport.call(method, params);
    } catch (error: unknown) {
      // Transports resolve station errors; a rejection means the bridge itself failed.
      throw new StationCallError(method, stationUnreachable(method, error));
    }
    if (!outcome.ok) throw new StationCallError(method, outcome.error);
    return outcome.result as MethodResult<M>;
  }

  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
    return this.transport.on(event, (payload) => handler(payload as EventPayload<E>));
  }
}

/** Turns anything thrown by a call into the payload the operator is shown. */
export function toErrorPayload(error: unknown, method = 'unknown'): StationErrorPayload {
  return error instanceof StationCallError ? error.payload : stationUnreachable(method, error);
}
