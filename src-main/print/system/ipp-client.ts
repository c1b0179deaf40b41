import { userInfo } from 'node:os';
import ipp from 'ipp-encoder';
import type { IppAttribute, IppResponse } from 'ipp-encoder';

/**
 * A small IPP/1.1 client over HTTP (RFC 8011) for a local CUPS queue: Print-Job,
 * Get-Job-Attributes, Get-Printer-Attributes, Cancel-Job. Messages are encoded and decoded by
 * `ipp-encoder`; the transport is Node's fetch. Every reply is checked: a garbled or silent
 * answer becomes an IppError of kind 'reply', never a guess.
 */
const C = ipp.CONSTANTS;

const tag = (name: string): number => {
  const value = C[name];
  if (value === undefined) throw new Error(`ipp-encoder has no constant ${name}`);
  return value;
};

export type IppErrorKind = 'unreachable' | 'timeout' | 'reply' | 'status';

export class IppError extends Error {
  constructor(
    readonly kind: IppErrorKind,
    message: string,
    readonly statusCode: number | null = null,
  ) {
    super(message);
    this.name = 'IppError';
  }
}

/** IPP job-state (RFC 8011 §5.3.7). */
export const JOB_STATES = { 3: 'pending', 4: 'pending-held', 5: 'processing', 6: 'processing-stopped', 7: 'canceled', 8: 'aborted', 9: 'completed' } as const;
export type IppJobState = (typeof JOB_STATES)[keyof typeof JOB_STATES];

/** IPP printer-state (RFC 8011 §5.4.11). */
export const PRINTER_STATES = { 3: 'idle', 4: 'processing', 5: 'stopped' } as const;
export type IppPrinterState = (typeof PRINTER_STATES)[keyof typeof PRINTER_STATES];

export interface IppJob {
  jobId: number;
  state: IppJobState;
  reasons: string[];
  message: string | null;
}

export interface IppPrinter {
  state: IppPrinterState;
  reasons: string[];
  message: string | null;
  makeAndModel: string | null;
  acceptingJobs: boolean;
  /** Settings the queue reports, compared against the desk's saved profile. */
  settings: Record<string, string>;
}

type Attributes = Map<string, unknown[]>;

export interface IppClientOptions {
  /** e.g. http://127.0.0.1:631 */
  serverUrl: string;
  queueName: string;
  timeoutMs?: number;
  /** CUPS runs jobs as this user; it must exist on the machine (cups-pdf writes to its home). */
  userName?: string;
}

export class IppClient {
  private requestId = 1;
  readonly printerUri: string;
  private readonly httpUrl: string;
  private readonly timeoutMs: number;
  private readonly userName: string;

  constructor(options: IppClientOptions) {
    const server = new URL(options.serverUrl);
    this.httpUrl = `${server.origin}/printers/${encodeURIComponent(options.queueName)}`;
    this.printerUri = `ipp://${server.host}/printers/${encodeURIComponent(options.queueName)}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.userName = options.userName ?? userInfo().username;
  }

  private operation(extra: IppAttribute[] = []): IppAttribute[] {
    return [
      { tag: tag('CHARSET'), name: 'attributes-charset', value: 'utf-8' },
      { tag: tag('NATURAL_LANG'), name: 'attributes-natural-language', value: 'en' },
      { tag: tag('URI'), name: 'printer-uri', value: this.printerUri },
      { tag: tag('NAME_WITHOUT_LANG'), name: 'requesting-user-name', value: this.userName },
      ...extra,
    ];
  }

  private async send(operationId: number, operation: IppAttribute[], job: IppAttribute[] = [], document?: Buffer): Promise<Attributes[]> {
    const message = {
      version: { major: 1, minor: 1 },
      operationId,
      requestId: this.requestId++,
      groups: [{ tag: tag('OPERATION_ATTRIBUTES_TAG'), attributes: operation }, ...(job.length > 0 ? [{ tag: tag('JOB_ATTRIBUTES_TAG'), attributes: job }] : [])],
    };
    const head = Buffer.alloc(ipp.request.encodingLength(message));
    ipp.request.encode(message, head);
    const body = document === undefined ? head : Buffer.concat([head, document]);
    let response: Response;
    try {
      response = await fetch(this.httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/ipp' },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause: unknown) {
      const name = cause instanceof Error ? cause.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') throw new IppError('timeout', `no IPP reply from ${this.httpUrl} within ${this.timeoutMs} ms`);
      const detail = cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : String(cause);
      throw new IppError('unreachable', `cannot reach the print server at ${this.httpUrl}: ${detail}`);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new IppError('reply', `the print server answered HTTP ${response.status} for ${this.httpUrl}`);
    if ((response.headers.get('content-type') ?? '').split(';')[0]?.trim() !== 'application/ipp') {
      throw new IppError('reply', `the print server answered ${response.headers.get('content-type') ?? 'no content type'} instead of application/ipp`);
    }
    let decoded: IppResponse;
    try {
      if (bytes.length < 9) throw new Error(`${bytes.length} bytes`);
      decoded = ipp.response.decode(bytes);
    } catch (cause: unknown) {
      throw new IppError('reply', `the IPP reply cannot be decoded (${cause instanceof Error ? cause.message : String(cause)}; ${bytes.length} bytes)`);
    }
    if (decoded.requestId !== message.requestId) throw new IppError('reply', `the IPP reply answers request ${decoded.requestId}, not ${message.requestId}`);
    const groups = decoded.groups.map((g) => new Map(g.attributes.map((a) => [a.name, a.value])));
    if (decoded.statusCode >= 0x0400) {
      const text = groups[0]?.get('status-message')?.[0];
      throw new IppError('status', `the print server refused the request: 0x${decoded.statusCode.toString(16).padStart(4, '0')}${typeof text === 'string' ? ` ${text}` : ''}`, decoded.statusCode);
    }
    return groups;
  }

  async printJob(document: Buffer, options: { jobName: string; documentFormat: string; media: string }): Promise<IppJob> {
    const groups = await this.send(
      tag('PRINT_JOB'),
      this.operation([
        { tag: tag('NAME_WITHOUT_LANG'), name: 'job-name', value: options.jobName },
        { tag: tag('MIME_MEDIA_TYPE'), name: 'document-format', value: options.documentFormat },
      ]),
      [{ tag: tag('KEYWORD'), name: 'media', value: options.media }],
      document,
    );
    return jobOf(groups);
  }

  async job(jobId: number): Promise<IppJob> {
    const groups = await this.send(
      tag('GET_JOB_ATTRIBUTES'),
      this.operation([
        { tag: tag('INTEGER'), name: 'job-id', value: jobId },
        { tag: tag('KEYWORD'), name: 'requested-attributes', value: ['job-id', 'job-state', 'job-state-reasons', 'job-state-message'] },
      ]),
    );
    return jobOf(groups);
  }

  async cancel(jobId: number): Promise<void> {
    await this.send(tag('CANCEL_JOB'), this.operation([{ tag: tag('INTEGER'), name: 'job-id', value: jobId }]));
  }

  async printer(): Promise<IppPrinter> {
    const groups = await this.send(
      tag('GET_PRINTER_ATTRIBUTES'),
      this.operation([
        {
          tag: tag('KEYWORD'),
          name: 'requested-attributes',
          value: ['printer-state', 'printer-state-reasons', 'printer-state-message', 'printer-make-and-model', 'printer-is-accepting-jobs', 'media-default', 'print-color-mode-default', 'sides-default'],
        },
      ]),
    );
    const attrs = groups.find((g) => g.has('printer-state'));
    if (attrs === undefined) throw new IppError('reply', 'the print server sent no printer-state');
    const state = PRINTER_STATES[first(attrs, 'printer-state', 'number') as keyof typeof PRINTER_STATES] as IppPrinterState | undefined;
    if (state === undefined) throw new IppError('reply', `unknown printer-state ${String(attrs.get('printer-state'))}`);
    const settings: Record<string, string> = {};
    for (const name of ['media-default', 'print-color-mode-default', 'sides-default']) {
      const value = attrs.get(name)?.[0];
      if (typeof value === 'string') settings[name] = value;
    }
    return {
      state,
      reasons: strings(attrs, 'printer-state-reasons').filter((r) => r !== 'none'),
      message: text(attrs, 'printer-state-message'),
      makeAndModel: text(attrs, 'printer-make-and-model'),
      acceptingJobs: attrs.get('printer-is-accepting-jobs')?.[0] !== false,
      settings,
    };
  }
}

function first(attrs: Attributes, name: string, type: 'number' | 'string'): number | string {
  const value = attrs.get(name)?.[0];
  if (typeof value !== type) throw new IppError('reply', `the IPP reply has no ${type} ${name}`);
  return value as number | string;
}

function strings(attrs: Attributes, name: string): string[] {
  return (attrs.get(name) ?? []).filter((v): v is string => typeof v === 'string');
}

function text(attrs: Attributes, name: string): string | null {
  const value = attrs.get(name)?.[0];
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string') return value.value;
  return null;
}

function jobOf(groups: Attributes[]): IppJob {
  const attrs = groups.find((g) => g.has('job-id'));
  if (attrs === undefined) throw new IppError('reply', 'the IPP reply names no job-id');
  const jobId = first(attrs, 'job-id', 'number') as number;
  const state = JOB_STATES[first(attrs, 'job-state', 'number') as keyof typeof JOB_STATES] as IppJobState | undefined;
  if (state === undefined) throw new IppError('reply', `unknown job-state ${String(attrs.get('job-state'))}`);
  return { jobId, state, reasons: strings(attrs, 'job-state-reasons').filter((r) => r !== 'none'), message: text(attrs, 'job-state-message') };
}
