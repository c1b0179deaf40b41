import type { Logger } from 'pino';
import { CentralOutcome } from '../contract/enrollment-status.js';
import { isStationError } from '../core/station-error.js';
import { acknowledgeContent, applyCentralStatus, markResend } from '../recording/central-status.js';
import { seal } from '../security/sealed-bytes.js';
import type { OutboxEntry } from '../store/outbox-repository.js';
import type { StationStore } from '../store/station-store.js';
import type { SyncStep } from '../store/sync-repository.js';
import { CircuitBreaker, fullJitterDelay } from './backoff.js';
import type { CentralClient } from './central-client.js';
import { CentralCallError } from './central-client.js';
import { PrintResult } from './central-api.js';
import type { ReferenceName } from './central-api.js';
import type { PacketStore } from './packet-store.js';

export interface SyncWorkerOptions {
  /** Uploads in flight at once. */
  concurrency: number;
  /** Bytes per tus PATCH. */
  chunkBytes: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
  breakerMaxCooldownMs: number;
  statusFeedIntervalMs: number;
  printQueueIntervalMs: number;
  /** How often waiting print results are sent to central (a result written wakes the loop at once). */
  printResultsIntervalMs: number;
  referenceIntervalMs: number;
  /** Null: reconcile only when asked. */
  reconcileIntervalMs: number | null;
  /** Print-ready records kept ready for the print desk. */
  printCacheSize: number;
  /** How long to wait when central says 503 without Retry-After. */
  defaultRetryAfterMs: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncWorkerOptions = {
  concurrency: 2,
  chunkBytes: 4 * 1024 * 1024,
  backoffBaseMs: 1000,
  backoffCapMs: 5 * 60_000,
  breakerThreshold: 5,
  breakerCooldownMs: 5000,
  breakerMaxCooldownMs: 2 * 60_000,
  statusFeedIntervalMs: 15_000,
  printQueueIntervalMs: 60_000,
  printResultsIntervalMs: 30_000,
  referenceIntervalMs: 15 * 60_000,
  reconcileIntervalMs: 60 * 60_000,
  printCacheSize: 500,
  defaultRetryAfterMs: 60_000,
};

export interface TransferProgress {
  outboxId: number;
  enrollmentId: string;
  step: 'METADATA' | 'PACKET' | 'ACK';
  bytesSent: number;
  bytesTotal: number | null;
  startedAt: string;
}

export interface ReconcileReport {
  checked: number;
  held: number;
  missing: number;
  different: number;
  requeued: number;
}

export interface SyncWorkerDeps {
  store: StationStore;
  client: CentralClient;
  packets: PacketStore;
  stationId: string;
  regencyCode: string;
  signingKeyPem: string;
  dataKey: Buffer;
  logger: Logger;
  options?: Partial<SyncWorkerOptions>;
  now?: () => Date;
  random?: () => number;
  /** Backlog, progress or results changed (throttled). */
  onChange?: () => void;
}

const RECEIVED_OR_DECIDED = new Set<string>(['RECEIVED_AT_CENTRAL', ...CentralOutcome.options]);

/** A sleep that `wake()` cuts short, for every sleeper at once. */
class Alarm {
  private readonly sleepers = new Set<() => void>();
  private closed = false;

  sleep(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      this.sleepers.add(done);
    });
  }

  wake(): void {
    for (const done of [...this.sleepers]) done();
  }

  /** From now on every sleep returns at once: the worker is stopping. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  open(): void {
    this.closed = false;
  }
}

/**
 * The sync worker: drains the outbox to central and brings central's answers back.
 *
 * Independent loops, so a failure in one never blocks another: uploads (bounded concurrency,
 * oldest first), the status feed, print-ready prefetch, reference data, and reconciliation.
 * All calls share one circuit breaker over the link and honour central's Retry-After. A record
 * leaves the outbox only when central acknowledges the same content hash.
 */
export class SyncWorker {
  private readonly options: SyncWorkerOptions;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly claimed = new Set<number>();
  private readonly transfers = new Map<number, TransferProgress>();
  private readonly alarms = { upload: new Alarm(), feed: new Alarm(), print: new Alarm(), reference: new Alarm(), reconcile: new Alarm(), printResults: new Alarm() };
  readonly breaker: CircuitBreaker;
  private pausedUntil = 0;
  private running = false;
  private loops: Array<Promise<void>> = [];
  private signingKeyPinned = false;
  private changeTimer: NodeJS.Timeout | undefined;
  private reconciling: Promise<ReconcileReport> | undefined;
  private lastReconcile: { at: string; report: ReconcileReport } | null = null;

  constructor(private readonly deps: SyncWorkerDeps) {
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...deps.options };
    this.now = deps.now ?? (() => new Date());
    this.random = deps.random ?? Math.random;
    this.breaker = new CircuitBreaker(this.options.breakerThreshold, this.options.breakerCooldownMs, this.options.breakerMaxCooldownMs);
  }

  /** Feeds the breaker from every exchange the client makes (wired by the station). */
  linkOutcome(ok: boolean, linkFailure: boolean): void {
    if (ok) this.breaker.succeeded();
    else if (linkFailure) this.breaker.failed();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const alarm of Object.values(this.alarms)) alarm.open();
    this.loops = [
      ...Array.from({ length: this.options.concurrency }, () => this.uploadLane()),
      this.periodic(this.alarms.feed, this.options.statusFeedIntervalMs, () => this.pullStatusFeed()),
      this.periodic(this.alarms.print, this.options.printQueueIntervalMs, () => this.prefetchPrintQueue()),
      this.periodic(this.alarms.reference, this.options.referenceIntervalMs, () => this.refreshReferenceData()),
      this.periodic(this.alarms.printResults, this.options.printResultsIntervalMs, () => this.sendPrintResults()),
      ...(this.options.reconcileIntervalMs === null
        ? []
        : [this.periodic(this.alarms.reconcile, this.options.reconcileIntervalMs, async () => { await this.reconcile(); }, true)]),
    ];
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const alarm of Object.values(this.alarms)) alarm.close();
    await Promise.allSettled(this.loops);
    this.loops = [];
    clearTimeout(this.changeTimer);
  }

  /** A commit happened: wake the uploaders. */
  wake(): void {
    this.alarms.upload.wake();
  }

  /** "Sinkronkan sekarang": everything waiting is due, the breaker closes, every loop runs. */
  syncNow(): number {
    const made = this.deps.store.transaction(() => {
      this.deps.store.printDesk.results.makeAllDue();
      return this.deps.store.outbox.makeAllDue();
    });
    this.breaker.reset();
    this.pausedUntil = 0;
    for (const alarm of Object.values(this.alarms)) alarm.wake();
    return made;
  }

  currentTransfers(): TransferProgress[] {
    return [...this.transfers.values()];
  }

  get pausedUntilIso(): string | null {
    return this.pausedUntil > Date.now() ? new Date(this.pausedUntil).toISOString() : null;
  }

  get lastReconciliation(): { at: string; report: ReconcileReport } | null {
    return this.lastReconcile;
  }

  private changed(): void {
    if (this.changeTimer !== undefined) return;
    this.changeTimer = setTimeout(() => {
      this.changeTimer = undefined;
      this.deps.onChange?.();
    }, 200);
    this.changeTimer.unref();
  }

  /** Milliseconds to hold off every call: central's Retry-After, or the open breaker. */
  private gateMs(): number {
    return Math.max(this.pausedUntil - Date.now(), this.breaker.waitMs(), 0);
  }

  private async periodic(alarm: Alarm, intervalMs: number, task: () => Promise<unknown>, waitFirst = false): Promise<void> {
    let failures = 0;
    if (waitFirst) await alarm.sleep(intervalMs);
    while (this.running) {
      const gate = this.gateMs();
      if (gate > 0) {
        await alarm.sleep(gate);
        continue;
      }
      try {
        await task();
        failures = 0;
        await alarm.sleep(intervalMs);
      } catch (error: unknown) {
        failures += 1;
        this.noteLoopFailure(error);
        await alarm.sleep(Math.min(intervalMs, fullJitterDelay(failures, this.options.backoffBaseMs, this.options.backoffCapMs, this.random) + 100));
      }
    }
  }

  private noteLoopFailure(error: unknown): void {
    if (error instanceof CentralCallError && error.kind === 'maintenance') {
      this.pausedUntil = Date.now() + (error.retryAfterMs ?? this.options.defaultRetryAfterMs);
    }
    if (!(error instanceof CentralCallError)) this.deps.logger.error({ err: error }, 'sync loop failed');
  }

  private record(step: SyncStep, started: number, outcome: 'OK' | 'FAILED', extra: { entry?: OutboxEntry; error?: unknown; bytesSent?: number; detail?: string } = {}): void {
    const error = extra.error;
    let code: string | null = null;
    let detail: string | null = extra.detail ?? null;
    let httpStatus: number | null = null;
    if (error instanceof CentralCallError) {
      code = error.code;
      detail = error.detail;
      httpStatus = error.httpStatus;
    } else if (isStationError(error)) {
      code = error.code;
      detail = error.message;
    } else if (error !== undefined) {
      code = 'LOCAL';
      detail = error instanceof Error ? error.message : JSON.stringify(error);
    }
    try {
      this.deps.store.transaction(() =>
        this.deps.store.sync.recordAttempt({
          outboxId: extra.entry?.id ?? null,
          enrollmentId: extra.entry?.enrollmentId ?? null,
          step,
          outcome,
          code,
          detail,
          httpStatus,
          bytesSent: extra.bytesSent ?? 0,
          startedAt: new Date(started).toISOString(),
          durationMs: Math.max(0, Date.now() - started),
        }),
      );
    } catch (storeFailure: unknown) {
      this.deps.logger.error({ err: storeFailure }, 'could not record a sync attempt');
    }
  }

  // --- uploads -------------------------------------------------------------------------

  private async uploadLane(): Promise<void> {
    while (this.running) {
      const gate = this.gateMs();
      if (gate > 0) {
        await this.alarms.upload.sleep(gate);
        continue;
      }
      const entry = this.claimNext();
      if (entry === undefined) {
        await this.alarms.upload.sleep(this.idleMs());
        continue;
      }
      try {
        await this.process(entry);
      } finally {
        this.claimed.delete(entry.id);
        this.transfers.delete(entry.id);
        this.changed();
      }
    }
  }

  private claimNext(): OutboxEntry | undefined {
    const [entry] = this.deps.store.outbox.due(this.now().toISOString(), 1, [...this.claimed]);
    if (entry !== undefined) this.claimed.add(entry.id);
    return entry;
  }

  /** How long an idle lane sleeps: until the next entry is due, at most 30 s (a commit wakes it earlier). */
  private idleMs(): number {
    const next = this.deps.store.outbox.nextDueAt();
    if (next === null) return 30_000;
    if (next === '') return 1000;
    return Math.min(30_000, Math.max(50, Date.parse(next) - this.now().getTime()));
  }

  private progress(entry: OutboxEntry, step: TransferProgress['step'], bytesSent: number, bytesTotal: number | null): void {
    const known = this.transfers.get(entry.id);
    this.transfers.set(entry.id, {
      outboxId: entry.id,
      enrollmentId: entry.enrollmentId,
      step,
      bytesSent,
      bytesTotal,
      startedAt: known?.startedAt ?? this.now().toISOString(),
    });
    this.changed();
  }

  private async process(claimed: OutboxEntry): Promise<void> {
    const store = this.deps.store;
    let entry = claimed;
    let step: SyncStep = entry.step === 'DONE' ? 'ACK' : entry.step;
    let started = Date.now();
    try {
      if (entry.step === 'METADATA' || entry.packetSha256 === null || entry.packetBytes === null) {
        step = 'METADATA';
        this.progress(entry, 'METADATA', 0, entry.packetBytes);
        entry = this.ensurePacket(entry);
        const row = store.enrollments.get(entry.enrollmentId);
        if (row?.committedAt == null || entry.packetSha256 === null || entry.packetBytes === null) throw new Error(`record ${entry.enrollmentId} has no committed content`);
        const declared = await this.deps.client.declare(entry.enrollmentId, {
          stationId: this.deps.stationId,
          registrationNo: row.registrationNo,
          regencyCode: this.deps.regencyCode,
          contentHash: entry.contentHash,
          committedAt: row.committedAt,
          packet: { sha256: entry.packetSha256, bytes: entry.packetBytes },
        });
        this.record('METADATA', started, 'OK', { entry, detail: declared.created ? 'declared (201)' : `already declared (200, ${declared.record.status})` });
        if (declared.record.contentHash === entry.contentHash && declared.record.packetReceived) {
          step = 'ACK';
          started = Date.now();
          this.acknowledge(entry, 'central already held it (200)');
          this.record('ACK', started, 'OK', { entry, detail: 'already held with the same hash' });
          return;
        }
        store.transaction(() => store.outbox.setStep(entry.id, 'PACKET'));
        entry = { ...entry, step: 'PACKET' };
      }
      if (entry.step === 'PACKET') {
        step = 'SIGNING_KEY';
        started = Date.now();
        await this.ensureSigningKey();
        step = 'PACKET';
        started = Date.now();
        const sent = await this.upload(entry);
        this.record('PACKET', started, 'OK', { entry, bytesSent: sent, detail: `${entry.packetBytes ?? 0} bytes held by central` });
        store.transaction(() => store.outbox.setStep(entry.id, 'ACK'));
      }
      step = 'ACK';
      started = Date.now();
      this.progress(entry, 'ACK', entry.packetBytes ?? 0, entry.packetBytes);
      const held = await this.deps.client.record(entry.enrollmentId);
      if (held?.packetReceived === true && held.contentHash === entry.contentHash) {
        this.acknowledge(entry, `central holds it (${held.status})`);
        this.record('ACK', started, 'OK', { entry, detail: `central holds it: ${held.status}` });
        if (RECEIVED_OR_DECIDED.has(held.status) && held.status !== 'RECEIVED_AT_CENTRAL') this.alarms.feed.wake();
        return;
      }
      store.transaction(() => store.outbox.setStep(entry.id, 'METADATA'));
      throw new CentralCallError(
        'ACK',
        'rejected',
        'NOT_HELD',
        held === null ? 'central does not hold the record after its upload; it will be declared and sent again' : `central holds other content (${held.contentHash.slice(0, 12)}…)`,
      );
    } catch (error: unknown) {
      this.failed(entry, step, started, error);
    }
  }

  /** Makes sure the entry's sealed packet exists on disk with the recorded SHA-256; (re)builds it otherwise. */
  private ensurePacket(entry: OutboxEntry): OutboxEntry {
    if (entry.packetSha256 !== null && this.deps.packets.read(entry.enrollmentId, entry.contentHash, entry.packetSha256) !== null) return entry;
    const built = this.deps.packets.build(entry.enrollmentId, entry.contentHash);
    this.deps.store.transaction(() => this.deps.store.outbox.recordPacket(entry.id, { sha256: built.sha256, bytes: built.bytes }));
    return { ...entry, packetSha256: built.sha256, packetBytes: built.bytes, uploadUrl: null, step: 'METADATA' };
  }

  private async ensureSigningKey(): Promise<void> {
    if (this.signingKeyPinned) return;
    const started = Date.now();
    try {
      await this.deps.client.pinSigningKey(this.deps.signingKeyPem);
      this.signingKeyPinned = true;
      this.record('SIGNING_KEY', started, 'OK', { detail: 'signing key pinned at central' });
    } catch (error: unknown) {
      this.record('SIGNING_KEY', started, 'FAILED', { error });
      throw error;
    }
  }

  /** tus upload of the entry's packet, resuming from central's offset; returns the bytes central took in this attempt. */
  private async upload(entry: OutboxEntry): Promise<number> {
    const store = this.deps.store;
    if (entry.packetSha256 === null || entry.packetBytes === null) throw new Error('packet not built');
    const bytes = this.deps.packets.read(entry.enrollmentId, entry.contentHash, entry.packetSha256);
    if (bytes === null) {
      store.transaction(() => store.outbox.setStep(entry.id, 'METADATA'));
      throw new CentralCallError('PACKET', 'rejected', 'PACKET_FILE_MISSING', 'the sealed packet file is missing or damaged; it will be sealed again');
    }
    let url = entry.uploadUrl;
    let offset = 0;
    if (url !== null) {
      const head = await this.deps.client.uploadOffset(url);
      if (head?.length === bytes.byteLength) offset = head.offset;
      else url = null;
    }
    if (url === null) {
      try {
        url = await this.deps.client.createUpload(bytes.byteLength, {
          enrollmentId: entry.enrollmentId,
          contentHash: entry.contentHash,
          sha256: entry.packetSha256,
        });
      } catch (error: unknown) {
        if (error instanceof CentralCallError && error.code === 'ALREADY_RECEIVED') return 0;
        if (error instanceof CentralCallError && (error.code === 'NOT_DECLARED' || error.code === 'PACKET_MISMATCH' || error.code === 'CONTENT_HASH_MISMATCH')) {
          store.transaction(() => store.outbox.setStep(entry.id, 'METADATA'));
        }
        throw error;
      }
      const created = url;
      store.transaction(() => store.outbox.setUploadUrl(entry.id, created));
    }
    let taken = 0;
    while (offset < bytes.byteLength) {
      this.progress(entry, 'PACKET', offset, bytes.byteLength);
      const end = Math.min(offset + this.options.chunkBytes, bytes.byteLength);
      let next: number;
      try {
        next = (await this.deps.client.patch(url, offset, bytes.subarray(offset, end))).offset;
      } catch (error: unknown) {
        if (error instanceof CentralCallError && error.kind === 'rejected' && error.code.startsWith('PACKET_')) {
          // Central refused the finished packet (checksum, seal, signature): seal it again and start over.
          this.deps.packets.remove(entry.enrollmentId, entry.contentHash);
          store.transaction(() => store.outbox.setStep(entry.id, 'METADATA'));
        }
        throw error;
      }
      const advanced = next - offset;
      taken += advanced;
      offset = next;
      store.transaction(() => {
        store.outbox.addBytesSent(entry.id, advanced);
        store.outbox.progressed(entry.id);
      });
    }
    this.progress(entry, 'PACKET', bytes.byteLength, bytes.byteLength);
    return taken;
  }

  private acknowledge(entry: OutboxEntry, why: string): void {
    const at = this.now().toISOString();
    this.deps.store.transaction(() => acknowledgeContent(this.deps.store, entry.enrollmentId, entry.contentHash, at));
    this.deps.packets.remove(entry.enrollmentId, entry.contentHash);
    this.deps.logger.info({ enrollmentId: entry.enrollmentId, contentHash: entry.contentHash, why }, 'central acknowledged a record');
    this.changed();
  }

  private failed(entry: OutboxEntry, step: SyncStep, started: number, error: unknown): void {
    if (step !== 'SIGNING_KEY') this.record(step, started, 'FAILED', { entry, error });
    const nowMs = this.now().getTime();
    const fresh = this.deps.store.outbox.get(entry.id);
    const attempts = fresh?.attempts ?? entry.attempts;
    let wait = fullJitterDelay(attempts, this.options.backoffBaseMs, this.options.backoffCapMs, this.random);
    let message: string;
    if (error instanceof CentralCallError) {
      message = `${step}: ${error.code}: ${error.detail}`;
      if (error.kind === 'maintenance') {
        this.pausedUntil = Date.now() + (error.retryAfterMs ?? this.options.defaultRetryAfterMs);
        wait = Math.max(wait, error.retryAfterMs ?? this.options.defaultRetryAfterMs);
      } else if (error.kind === 'auth' || (error.kind === 'conflict' && step === 'METADATA')) {
        // Retrying soon will not help: a credential to fix, or central holding other content.
        wait = this.options.backoffCapMs;
      } else if (error.kind === 'rejected' || error.kind === 'conflict') {
        wait = Math.min(wait, this.options.backoffBaseMs);
      }
    } else {
      message = `${step}: ${isStationError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error)}`;
      this.deps.logger.error({ err: error, enrollmentId: entry.enrollmentId, step }, 'sync step failed on the station');
    }
    try {
      this.deps.store.transaction(() => this.deps.store.outbox.fail(entry.id, message.slice(0, 500), new Date(nowMs + wait).toISOString()));
    } catch (storeFailure: unknown) {
      this.deps.logger.error({ err: storeFailure }, 'could not record a failed upload');
    }
  }

  // --- status feed ---------------------------------------------------------------------

  /** Reads central's status feed from the saved cursor and applies each report. */
  async pullStatusFeed(): Promise<number> {
    const store = this.deps.store;
    let applied = 0;
    // Pin the signing key at the first contact, not only at the first upload: a station that
    // later works offline for months can then hand its packets to a relay (USB export), whose
    // central checks them against this pin. A refusal is recorded; uploads try again.
    await this.ensureSigningKey().catch(() => undefined);
    const started = Date.now();
    try {
      for (;;) {
        const cursor = store.sync.cursor('status');
        const page = await this.deps.client.statusFeed(cursor, 200);
        if (page.events.length === 0) break;
        if (page.nextCursor <= cursor) break;
        store.transaction(() => {
          for (const event of page.events) {
            const result = applyCentralStatus(store, {
              enrollmentId: event.enrollmentId,
              contentHash: event.contentHash,
              status: event.status,
              reason: event.reason,
              at: this.now().toISOString(),
            });
            if (result === 'applied') applied += 1;
          }
          store.sync.setCursor('status', page.nextCursor, this.now().toISOString());
        });
        if (page.events.length < 200) break;
      }
      if (applied > 0) {
        this.record('STATUS_FEED', started, 'OK', { detail: `${applied} status reports applied` });
        this.changed();
      }
      return applied;
    } catch (error: unknown) {
      this.record('STATUS_FEED', started, 'FAILED', { error });
      throw error;
    }
  }

  // --- print-ready prefetch ------------------------------------------------------------

  /** Fills the local print-ready cache up to its size, from central's queue for this kabupaten. */
  async prefetchPrintQueue(): Promise<number> {
    const store = this.deps.store;
    const feed = `print:${this.deps.regencyCode}`;
    let cached = 0;
    const started = Date.now();
    try {
      for (;;) {
        const room = this.options.printCacheSize - store.sync.printReadyCount().queued;
        if (room <= 0) break;
        const cursor = store.sync.cursor(feed);
        const page = await this.deps.client.printQueue(this.deps.regencyCode, cursor, Math.min(room, 100));
        if (page.records.length === 0 || page.nextCursor <= cursor) break;
        const fetchedAt = this.now().toISOString();
        store.transaction(() => {
          for (const r of page.records) {
            const photo = Buffer.from(r.photo.base64, 'base64');
            const signature = r.signature === null ? null : Buffer.from(r.signature.base64, 'base64');
            if (
              store.sync.cachePrintReady({
                enrollmentId: r.enrollmentId,
                contentHash: r.contentHash,
                nik: r.nik,
                regencyCode: this.deps.regencyCode,
                demographicsJson: JSON.stringify(r.demographics),
                photoFormat: r.photo.format,
                photo: seal(this.deps.dataKey, photo, r.enrollmentId),
                signatureFormat: r.signature?.format ?? null,
                signature: signature === null ? null : seal(this.deps.dataKey, signature, r.enrollmentId),
                readyAt: r.readyAt,
                feedCursor: r.cursor,
                fetchedAt,
              })
            ) {
              cached += 1;
            }
          }
          store.sync.setCursor(feed, page.nextCursor, fetchedAt);
        });
      }
      if (cached > 0) {
        this.record('PRINT_QUEUE', started, 'OK', { detail: `${cached} print-ready records cached` });
        this.changed();
      }
      return cached;
    } catch (error: unknown) {
      this.record('PRINT_QUEUE', started, 'FAILED', { error });
      throw error;
    }
  }

  // --- print results ------------------------------------------------------------------

  /** The print desk wrote a result: send it now. */
  wakePrintResults(): void {
    this.alarms.printResults.wake();
  }

  /**
   * Sends waiting print results, oldest first. Each PUT is idempotent by its result id, so a
   * result sent twice (a reply lost on the way back) is held by central once. A link failure ends
   * the pass (the loop backs off); a refusal keeps the entry with its error and retries it later.
   */
  async sendPrintResults(): Promise<number> {
    const store = this.deps.store;
    let sent = 0;
    for (;;) {
      const due = store.printDesk.results.due(this.now().toISOString(), 50);
      if (due.length === 0) break;
      for (const entry of due) {
        const started = Date.now();
        try {
          const body = PrintResult.parse(JSON.parse(entry.body));
          await this.deps.client.reportPrintResult(entry.enrollmentId, entry.resultId, body);
          store.transaction(() => store.printDesk.results.ack(entry.resultId, this.now().toISOString()));
          sent += 1;
        } catch (error: unknown) {
          this.record('PRINT_QUEUE', started, 'FAILED', { error, detail: `print result ${entry.resultId}` });
          const linkDown = error instanceof CentralCallError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'maintenance' || error.kind === 'server');
          const delay = fullJitterDelay(entry.attempts + 1, this.options.backoffBaseMs, this.options.backoffCapMs, this.random) + 100;
          const message = error instanceof CentralCallError ? `${error.code}: ${error.detail}` : error instanceof Error ? error.message : String(error);
          store.transaction(() => store.printDesk.results.fail(entry.resultId, message, new Date(this.now().getTime() + delay).toISOString()));
          if (linkDown) throw error;
        }
      }
    }
    if (sent > 0) {
      this.record('PRINT_QUEUE', Date.now(), 'OK', { detail: `${sent} print results sent` });
      this.changed();
    }
    return sent;
  }

  // --- reference data ------------------------------------------------------------------

  async refreshReferenceData(names: readonly ReferenceName[] = ['regions', 'closed-lists', 'station-config']): Promise<number> {
    const store = this.deps.store;
    let updated = 0;
    for (const name of names) {
      const started = Date.now();
      const held = store.sync.reference(name);
      try {
        const fetched = await this.deps.client.reference(name, held?.etag ?? null);
        const at = this.now().toISOString();
        if (fetched === null) {
          store.transaction(() => store.sync.touchReference(name, at));
          continue;
        }
        store.transaction(() =>
          store.sync.saveReference(name, { etag: fetched.etag, version: fetched.reply.version, body: JSON.stringify(fetched.reply.data ?? null), fetchedAt: at }),
        );
        updated += 1;
        this.record('REFERENCE', started, 'OK', { detail: `${name} ${fetched.reply.version}` });
      } catch (error: unknown) {
        this.record('REFERENCE', started, 'FAILED', { error, detail: name });
        throw error;
      }
    }
    return updated;
  }

  // --- reconciliation ------------------------------------------------------------------

  /**
   * Asks central which of this station's acknowledged records it holds, with which hash, and
   * queues again exactly those it lacks or holds differently. Concurrent callers share one pass.
   */
  reconcile(): Promise<ReconcileReport> {
    this.reconciling ??= this.reconcileOnce().finally(() => {
      this.reconciling = undefined;
    });
    return this.reconciling;
  }

  private async reconcileOnce(): Promise<ReconcileReport> {
    const store = this.deps.store;
    const report: ReconcileReport = { checked: 0, held: 0, missing: 0, different: 0, requeued: 0 };
    const started = Date.now();
    try {
      let after = 0;
      for (;;) {
        const page = store.outbox.acked(after, 500);
        if (page.length === 0) break;
        after = page.at(-1)?.id ?? after;
        const reply = await this.deps.client.holdings(page.map((e) => e.enrollmentId));
        const held = new Map(reply.held.map((r) => [r.id, r]));
        const at = this.now().toISOString();
        store.transaction(() => {
          for (const entry of page) {
            report.checked += 1;
            const record = held.get(entry.enrollmentId);
            if (record?.contentHash === entry.contentHash && record.packetReceived) {
              report.held += 1;
              continue;
            }
            if (record === undefined || !record.packetReceived) report.missing += 1;
            else report.different += 1;
            store.outbox.requeue(entry.id);
            markResend(store, entry.enrollmentId, at, record === undefined ? 'RECONCILE: central does not hold it' : 'RECONCILE: central holds other content');
            report.requeued += 1;
          }
        });
      }
      this.lastReconcile = { at: this.now().toISOString(), report };
      this.record('RECONCILE', started, 'OK', {
        detail: `checked ${report.checked}, held ${report.held}, missing ${report.missing}, different ${report.different}`,
      });
      if (report.requeued > 0) {
        this.deps.logger.warn({ ...report }, 'reconciliation queued records again');
        this.wake();
      }
      this.changed();
      return report;
    } catch (error: unknown) {
      this.record('RECONCILE', started, 'FAILED', { error });
      throw error;
    }
  }
}
