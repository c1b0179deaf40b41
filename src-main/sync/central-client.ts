import type { z } from 'zod';
import type { LinkOutcome } from './connectivity.js';
import { classifyFailure } from './connectivity.js';
import {
  CentralErrorBody,
  CentralReceiptReply,
  CentralRecord,
  HealthReply,
  HoldingsReply,
  PinnedKeyReply,
  PrintQueueReply,
  PrintResultReply,
  ReferenceReply,
  STATION_ID_HEADER,
  SigningKeyReply,
  StatusFeedReply,
  TUS_VERSION,
  UPLOADS_PATH,
  paths,
} from './central-api.js';
import type { EnrollmentMetadata, PrintResult, ReferenceName, UploadMetadata } from './central-api.js';
import type { SyncStep } from '../store/sync-repository.js';

/** Why a call to central failed, in words the sync worker acts on. */
export type FailureKind =
  | 'network' // no connection: refused, reset, no route, no name
  | 'timeout'
  | 'maintenance' // 503: wait for Retry-After
  | 'server' // 5xx
  | 'auth' // 401/403: this station's credential or rights; retrying soon will not help
  | 'conflict' // 409: central holds something else
  | 'rejected' // 4xx: central refused this request
  | 'malformed'; // a reply that does not parse: never taken as success

export class CentralCallError extends Error {
  constructor(
    readonly step: SyncStep,
    readonly kind: FailureKind,
    readonly code: string,
    readonly detail: string,
    readonly httpStatus: number | null = null,
    readonly retryAfterMs: number | null = null,
    readonly link: LinkOutcome | null = null,
    readonly details?: Record<string, unknown>,
  ) {
    super(`${step}: ${code}: ${detail}`);
    this.name = 'CentralCallError';
  }
}

export interface CentralClientOptions {
  baseUrl: string;
  stationId: string;
  credential: string;
  /** Timeout of one JSON call. */
  timeoutMs?: number;
  /** Called with the outcome of every exchange, so connectivity follows real traffic. */
  onOutcome?: (outcome: LinkOutcome) => void;
  now?: () => number;
}

const MAX_JSON_REPLY_BYTES = 16 * 1024 * 1024;

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 86_400) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.min(date - now, 86_400_000));
}

function kindOfStatus(status: number): FailureKind {
  if (status === 503) return 'maintenance';
  if (status >= 500) return 'server';
  if (status === 401 || status === 403) return 'auth';
  if (status === 409) return 'conflict';
  return 'rejected';
}

/**
 * The station's side of the central API (docs/central-api.md): typed calls, every reply validated
 * with zod before anything is believed, failures classified for the worker's retry policy.
 */
export class CentralClient {
  private readonly base: string;

  constructor(private readonly options: CentralClientOptions) {
    this.base = options.baseUrl.replace(/\/+$/, '');
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { [STATION_ID_HEADER]: this.options.stationId, authorization: `Bearer ${this.options.credential}`, ...extra };
  }

  private report(outcome: LinkOutcome): void {
    this.options.onOutcome?.(outcome);
  }

  /** One HTTP exchange; transport failures become CentralCallError with the link outcome. */
  async exchange(
    step: SyncStep,
    url: string,
    init: RequestInit & { timeoutMs?: number },
  ): Promise<Response> {
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs ?? this.options.timeoutMs ?? 15_000) });
    } catch (error: unknown) {
      const outcome = classifyFailure(error);
      this.report(outcome);
      const detail = `${outcome.ok ? 'failed' : outcome.detail} during ${init.method ?? 'GET'} ${new URL(url).pathname}`;
      throw new CentralCallError(step, outcome.ok || outcome.code !== 'TIMEOUT' ? 'network' : 'timeout', outcome.ok ? 'NETWORK' : outcome.code, detail, null, null, outcome);
    }
    const latencyMs = Math.round(performance.now() - started);
    if (response.status === 503) {
      this.report({ ok: false, state: 'TERGANGGU', code: 'MAINTENANCE', detail: 'central answered 503 (maintenance)' });
    } else if (response.status >= 500) {
      this.report({ ok: false, state: 'TERGANGGU', code: 'HTTP_ERROR', detail: `central answered HTTP ${response.status}` });
    } else {
      this.report({ ok: true, latencyMs });
    }
    return response;
  }

  private async failure(step: SyncStep, response: Response): Promise<CentralCallError> {
    let code = `HTTP_${response.status}`;
    let detail = `central answered HTTP ${response.status}`;
    let details: Record<string, unknown> | undefined;
    try {
      const body = CentralErrorBody.safeParse(JSON.parse(await response.text()));
      if (body.success) {
        code = body.data.error.code;
        detail = body.data.error.message;
        details = body.data.error.details;
      }
    } catch {
      // An error reply without a readable body keeps the HTTP status as its code.
    }
    return new CentralCallError(step, kindOfStatus(response.status), code, detail, response.status, retryAfterMs(response.headers.get('retry-after')), null, details);
  }

  /** Reads and validates a JSON reply; anything else is a `malformed` failure. */
  private async parse<T>(step: SyncStep, response: Response, schema: z.ZodType<T>): Promise<T> {
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('application/json')) {
      await response.body?.cancel();
      throw new CentralCallError(step, 'malformed', 'WRONG_CONTENT_TYPE', `central replied ${type || 'without a content type'}, not JSON`, response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_JSON_REPLY_BYTES) {
      await response.body?.cancel();
      throw new CentralCallError(step, 'malformed', 'REPLY_TOO_LARGE', `central's reply of ${declared} bytes is over the limit`, response.status);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error: unknown) {
      const outcome = classifyFailure(error);
      throw new CentralCallError(step, 'network', 'REPLY_CUT', `the reply was cut off: ${outcome.ok ? '' : outcome.detail}`, response.status, null, outcome);
    }
    if (text.length > MAX_JSON_REPLY_BYTES) throw new CentralCallError(step, 'malformed', 'REPLY_TOO_LARGE', 'central reply is over the limit', response.status);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new CentralCallError(step, 'malformed', 'MALFORMED_JSON', `central replied with broken JSON (${text.length} bytes)`, response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CentralCallError(step, 'malformed', 'UNEXPECTED_REPLY', `central's reply does not match the API: ${issue ? `${issue.path.join('.')}: ${issue.message}` : ''}`, response.status);
    }
    return parsed.data;
  }

  private json(body: unknown): RequestInit {
    return { body: JSON.stringify(body), headers: this.headers({ 'content-type': 'application/json', accept: 'application/json' }) };
  }

  async health(): Promise<z.infer<typeof HealthReply>> {
    const response = await this.exchange('STATUS_FEED', `${this.base}${paths.health}`, { method: 'GET', headers: { accept: 'application/json' } });
    if (!response.ok) throw await this.failure('STATUS_FEED', response);
    return this.parse('STATUS_FEED', response, HealthReply);
  }

  async pinSigningKey(publicKeyPem: string): Promise<z.infer<typeof SigningKeyReply>> {
    const response = await this.exchange('SIGNING_KEY', `${this.base}${paths.signingKey(this.options.stationId)}`, { method: 'PUT', ...this.json({ publicKeyPem }) });
    if (response.status !== 200 && response.status !== 201) throw await this.failure('SIGNING_KEY', response);
    return this.parse('SIGNING_KEY', response, SigningKeyReply);
  }

  /** Declares a record: 201 new, 200 already held (same hash). 409 (different hash) is a `conflict` failure. */
  async declare(id: string, metadata: EnrollmentMetadata): Promise<{ created: boolean; record: CentralRecord }> {
    const response = await this.exchange('METADATA', `${this.base}${paths.enrollment(id)}`, { method: 'PUT', ...this.json(metadata) });
    if (response.status !== 200 && response.status !== 201) throw await this.failure('METADATA', response);
    const record = await this.parse('METADATA', response, CentralRecord);
    if (record.id !== id) throw new CentralCallError('METADATA', 'malformed', 'WRONG_RECORD', `central answered about ${record.id}, not ${id}`, response.status);
    return { created: response.status === 201, record };
  }

  /** Central's view of one record; null when central does not hold it. A relay names the origin station. */
  async record(id: string, originStationId?: string): Promise<CentralRecord | null> {
    const query = originStationId === undefined ? '' : `?station=${encodeURIComponent(originStationId)}`;
    const response = await this.exchange('ACK', `${this.base}${paths.enrollment(id)}${query}`, { method: 'GET', headers: this.headers({ accept: 'application/json' }) });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await this.failure('ACK', response);
    const record = await this.parse('ACK', response, CentralRecord);
    if (record.id !== id) throw new CentralCallError('ACK', 'malformed', 'WRONG_RECORD', `central answered about ${record.id}, not ${id}`, response.status);
    return record;
  }

  /** Another station's signing key as central pinned it; null when central holds none. */
  async pinnedKey(stationId: string): Promise<PinnedKeyReply | null> {
    const response = await this.exchange('SIGNING_KEY', `${this.base}${paths.signingKey(stationId)}`, { method: 'GET', headers: this.headers({ accept: 'application/json' }) });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw await this.failure('SIGNING_KEY', response);
    const reply = await this.parse('SIGNING_KEY', response, PinnedKeyReply);
    if (reply.stationId !== stationId) throw new CentralCallError('SIGNING_KEY', 'malformed', 'WRONG_STATION', `central answered about ${reply.stationId}, not ${stationId}`, response.status);
    return reply;
  }

  /** Central's signed statement of which of a station's records it holds (the sneakernet receipt). */
  async receipt(stationId: string, ids: readonly string[]): Promise<CentralReceiptReply> {
    const response = await this.exchange('ACK', `${this.base}${paths.receipt(stationId)}`, { method: 'POST', ...this.json({ ids }) });
    if (!response.ok) throw await this.failure('ACK', response);
    return this.parse('ACK', response, CentralReceiptReply);
  }

  async holdings(ids: readonly string[]): Promise<z.infer<typeof HoldingsReply>> {
    const response = await this.exchange('RECONCILE', `${this.base}${paths.holdings(this.options.stationId)}`, { method: 'POST', ...this.json({ ids }) });
    if (!response.ok) throw await this.failure('RECONCILE', response);
    return this.parse('RECONCILE', response, HoldingsReply);
  }

  async statusFeed(after: number, limit: number): Promise<z.infer<typeof StatusFeedReply>> {
    const url = `${this.base}${paths.statusFeed(this.options.stationId)}?after=${after}&limit=${limit}`;
    const response = await this.exchange('STATUS_FEED', url, { method: 'GET', headers: this.headers({ accept: 'application/json' }) });
    if (!response.ok) throw await this.failure('STATUS_FEED', response);
    return this.parse('STATUS_FEED', response, StatusFeedReply);
  }

  async printQueue(regencyCode: string, after: number, limit: number): Promise<z.infer<typeof PrintQueueReply>> {
    const url = `${this.base}${paths.printQueue(regencyCode)}?after=${after}&limit=${limit}`;
    const response = await this.exchange('PRINT_QUEUE', url, { method: 'GET', headers: this.headers({ accept: 'application/json' }), timeoutMs: 60_000 });
    if (!response.ok) throw await this.failure('PRINT_QUEUE', response);
    return this.parse('PRINT_QUEUE', response, PrintQueueReply);
  }

  async reportPrintResult(id: string, attemptId: string, result: PrintResult): Promise<z.infer<typeof PrintResultReply>> {
    const response = await this.exchange('PRINT_QUEUE', `${this.base}${paths.printResult(id, attemptId)}`, { method: 'PUT', ...this.json(result) });
    if (response.status !== 200 && response.status !== 201) throw await this.failure('PRINT_QUEUE', response);
    return this.parse('PRINT_QUEUE', response, PrintResultReply);
  }

  /** Reference data with its ETag: null when unchanged (304). */
  async reference(name: ReferenceName, etag: string | null): Promise<{ etag: string; reply: z.infer<typeof ReferenceReply> } | null> {
    const response = await this.exchange('REFERENCE', `${this.base}${paths.reference(name)}`, {
      method: 'GET',
      headers: this.headers({ accept: 'application/json', ...(etag === null ? {} : { 'if-none-match': etag }) }),
    });
    if (response.status === 304) return null;
    if (!response.ok) throw await this.failure('REFERENCE', response);
    const reply = await this.parse('REFERENCE', response, ReferenceReply);
    if (reply.name !== name) throw new CentralCallError('REFERENCE', 'malformed', 'WRONG_DOCUMENT', `asked for ${name}, got ${reply.name}`);
    return { etag: response.headers.get('etag') ?? '', reply };
  }

  // --- tus 1.0.0 (core + creation): resumable packet upload -------------------------------

  /** Creates an upload; returns its absolute URL. */
  async createUpload(length: number, metadata: UploadMetadata): Promise<string> {
    const encoded = (Object.entries(metadata).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
      .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
      .join(',');
    const response = await this.exchange('PACKET', `${this.base}${UPLOADS_PATH}`, {
      method: 'POST',
      headers: this.headers({ 'tus-resumable': TUS_VERSION, 'upload-length': String(length), 'upload-metadata': encoded }),
    });
    if (response.status !== 201) throw await this.failure('PACKET', response);
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (location === null) throw new CentralCallError('PACKET', 'malformed', 'NO_LOCATION', 'central created an upload without a Location', 201);
    return new URL(location, `${this.base}/`).toString();
  }

  /** The server's offset for an upload; null when the upload is gone (expired, or central lost it). */
  async uploadOffset(url: string): Promise<{ offset: number; length: number | null } | null> {
    const response = await this.exchange('PACKET', url, { method: 'HEAD', headers: this.headers({ 'tus-resumable': TUS_VERSION }) });
    if (response.status === 404 || response.status === 410) return null;
    if (!response.ok) throw await this.failure('PACKET', response);
    const offset = Number(response.headers.get('upload-offset'));
    const lengthHeader = response.headers.get('upload-length');
    if (!Number.isInteger(offset) || offset < 0) throw new CentralCallError('PACKET', 'malformed', 'BAD_OFFSET', 'central sent no valid Upload-Offset', response.status);
    return { offset, length: lengthHeader === null ? null : Number(lengthHeader) };
  }

  /** Sends bytes at `offset`; returns the new offset the server reports. */
  async patch(url: string, offset: number, bytes: Uint8Array): Promise<{ offset: number; contentHash: string | null }> {
    const response = await this.exchange('PACKET', url, {
      method: 'PATCH',
      headers: this.headers({ 'tus-resumable': TUS_VERSION, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }),
      body: bytes as Uint8Array<ArrayBuffer>,
      // A chunk may cross a slow link: allow it a floor of 8 KB/s on top of the usual timeout.
      timeoutMs: (this.options.timeoutMs ?? 15_000) + Math.ceil(bytes.byteLength / 8),
    });
    if (response.status !== 204 && response.status !== 200) throw await this.failure('PACKET', response);
    await response.body?.cancel();
    const next = Number(response.headers.get('upload-offset'));
    if (!Number.isInteger(next) || next < offset || next > offset + bytes.byteLength) {
      throw new CentralCallError('PACKET', 'malformed', 'BAD_OFFSET', `central reported offset ${String(response.headers.get('upload-offset'))} after a PATCH at ${offset}`, response.status);
    }
    return { offset: next, contentHash: response.headers.get('x-ktp-content-hash') };
  }
}
