import { paths } from './central-api.js';
import type { Connectivity, ConnectivityState } from '../contract/status.js';

type ReasonCode = NonNullable<Connectivity['reason']>['code'];

/** The outcome of one exchange with central, as the probe or the sync worker saw it. */
export type LinkOutcome =
  | { ok: true; latencyMs: number }
  | { ok: false; state: Exclude<ConnectivityState, 'DARING'>; code: ReasonCode; detail: string };

export interface ConnectivityMonitorOptions {
  /** Central's base URL, or null when no central is configured. */
  centralUrl: string | null;
  intervalMs: number;
  timeoutMs?: number;
  now?: () => Date;
  onChange: (connectivity: Connectivity) => void;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA']);
const UNREACHABLE_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'ETIMEDOUT']);

function errnoCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Classifies a failed fetch into a link state, from what actually happened on the wire. */
export function classifyFailure(error: unknown): LinkOutcome {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { ok: false, state: 'TERGANGGU', code: 'TIMEOUT', detail: 'central did not answer in time' };
  }
  const code = errnoCode(error) ?? 'unknown';
  if (code === 'ECONNREFUSED') {
    return { ok: false, state: 'LURING', code: 'CONNECTION_REFUSED', detail: `connection refused (${code})` };
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
    return { ok: false, state: 'TERGANGGU', code: 'CONNECTION_CUT', detail: `connection cut mid-exchange (${code})` };
  }
  if (DNS_CODES.has(code)) {
    return { ok: false, state: 'LURING', code: 'DNS_FAILED', detail: `central's name did not resolve (${code})` };
  }
  if (UNREACHABLE_CODES.has(code)) {
    return { ok: false, state: 'LURING', code: 'NETWORK_UNREACHABLE', detail: `no route to central (${code})` };
  }
  if (TIMEOUT_CODES.has(code)) {
    return { ok: false, state: 'TERGANGGU', code: 'TIMEOUT', detail: `timed out (${code})` };
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('CERT') || code.startsWith('ERR_SSL')) {
    return { ok: false, state: 'TERGANGGU', code: 'TLS_FAILED', detail: `TLS failed (${code})` };
  }
  return { ok: false, state: 'LURING', code: 'CONNECTION_REFUSED', detail: `connection failed (${code})` };
}

export function classifyResponse(status: number, latencyMs: number): LinkOutcome {
  if (status >= 200 && status < 300) return { ok: true, latencyMs };
  if (status === 503) return { ok: false, state: 'TERGANGGU', code: 'MAINTENANCE', detail: 'central answered 503 (maintenance)' };
  return { ok: false, state: 'TERGANGGU', code: 'HTTP_ERROR', detail: `central answered HTTP ${status}` };
}

/**
 * Honest connectivity: DARING / TERGANGGU / LURING from real outcomes only. It probes
 * central's health endpoint on an interval, and the sync worker reports its own outcomes too.
 */
export class ConnectivityMonitor {
  private current: Connectivity;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => Date;
  private probing: Promise<void> | undefined;

  constructor(private readonly options: ConnectivityMonitorOptions) {
    this.now = options.now ?? (() => new Date());
    this.current = {
      state: 'LURING',
      since: this.now().toISOString(),
      checkedAt: null,
      latencyMs: null,
      reason:
        options.centralUrl === null
          ? { code: 'CENTRAL_NOT_CONFIGURED', detail: 'no central server is configured for this station' }
          : { code: 'CONNECTION_REFUSED', detail: 'not probed yet' },
    };
  }

  get connectivity(): Connectivity {
    return this.current;
  }

  start(): void {
    if (this.options.centralUrl === null || this.timer !== undefined) return;
    void this.probe();
    this.timer = setInterval(() => void this.probe(), this.options.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One probe of central's health endpoint; concurrent callers share it. */
  probe(): Promise<void> {
    const url = this.options.centralUrl;
    if (url === null) return Promise.resolve();
    this.probing ??= (async () => {
      const started = performance.now();
      let outcome: LinkOutcome;
      try {
        const response = await fetch(`${url.replace(/\/+$/, '')}${paths.health}`, {
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
          headers: { accept: 'application/json' },
        });
        await response.arrayBuffer();
        outcome = classifyResponse(response.status, Math.round(performance.now() - started));
      } catch (error: unknown) {
        outcome = classifyFailure(error);
      }
      this.record(outcome);
    })().finally(() => {
      this.probing = undefined;
    });
    return this.probing;
  }

  /** Feeds one real outcome (from the probe or the sync worker) into the state. */
  record(outcome: LinkOutcome): void {
    const checkedAt = this.now().toISOString();
    const state: ConnectivityState = outcome.ok ? 'DARING' : outcome.state;
    const next: Connectivity = {
      state,
      since: state === this.current.state ? this.current.since : checkedAt,
      checkedAt,
      latencyMs: outcome.ok ? outcome.latencyMs : this.current.latencyMs,
      reason: outcome.ok ? null : { code: outcome.code, detail: outcome.detail },
    };
    const changed =
      next.state !== this.current.state ||
      next.reason?.code !== this.current.reason?.code ||
      next.reason?.detail !== this.current.reason?.detail;
    this.current = next;
    if (changed) this.options.onChange(next);
  }
}
