import type { Logger } from 'pino';
import { monotonicFactory } from 'ulid';
import type { PrintProgressEvent } from '../../contract/methods/print.js';
import { StationError, isStationError } from '../../core/station-error.js';
import type { RegionNames } from '../../reference/regions.js';
import type { StationStore } from '../../store/station-store.js';
import type { CardPrinter, CardPrintOutcome, PrinterFault } from '../card-face.js';
import type { ComposedCard } from '../layout/card-layout.js';
import { cardFacePng } from '../layout/card-raster.js';
import type { Actor } from './blanko-stock.js';
import { composeRecordCard } from './card-material.js';

const nextId = monotonicFactory();

/** Faults after which the batch stops: a person must act at the printer first. */
const STOPS_BATCH = new Set<PrinterFault['code']>(['RIBBON_OUT', 'RIBBON_WRONG', 'FEEDER_EMPTY', 'COVER_OPEN', 'CARD_JAM', 'MECHANICAL', 'OFFLINE', 'TIMEOUT', 'UNKNOWN_REPLY']);

/**
 * Approving a reprint: the supervisor's session is checked by the dispatcher (role); stations
 * with accounts re-authenticate the supervisor here before the approval is written.
 */
export type ReprintApprovalGate = (supervisor: Actor, enrollmentId: string) => Promise<void>;

export interface PrintDeskDeps {
  store: StationStore;
  dataKey: Buffer;
  regionNames: RegionNames;
  printer: CardPrinter | null;
  printerName: string;
  logger: Logger;
  now: () => Date;
  onProgress: (event: PrintProgressEvent) => void;
  /** A print result was written to the outbox: wake the sync worker. */
  onResult: () => void;
  approvalGate?: ReprintApprovalGate;
}

interface RunningBatch {
  batchId: string;
  stopRequested: boolean;
  done: Promise<void>;
}

/**
 * The print desk: prints batches of cached print-ready records on the configured printer, one
 * card per record, the next card composed while the printer works on the current one. Each
 * outcome (attempt state, blanko ledger line, record state, print result for central) commits
 * in one transaction; central is never waited for.
 */
export class PrintDesk {
  private running: RunningBatch | null = null;

  constructor(private readonly deps: PrintDeskDeps) {}

  get busyBatch(): string | null {
    return this.running?.batchId ?? null;
  }

  async preview(enrollmentId: string): Promise<{ png: Buffer; fits: ComposedCard['fits'] }> {
    const card = await composeRecordCard(this.deps, enrollmentId);
    return { png: cardFacePng(card.face), fits: card.fits };
  }

  private requirePrinter(): CardPrinter {
    if (this.deps.printer === null) throw new StationError('PRINTER_NOT_CONFIGURED');
    return this.deps.printer;
  }

  /** Checks and queues a batch, then prints it in the background; progress arrives as events. */
  startBatch(enrollmentIds: readonly string[], operator: Actor): { batchId: string; attemptIds: string[] } {
    const printer = this.requirePrinter();
    if (this.running !== null) throw new StationError('PRINT_DESK_BUSY', { details: { batchId: this.running.batchId } });
    const unique = [...new Set(enrollmentIds)];
    const store = this.deps.store;
    const batchId = nextId();
    const attemptIds = store.transaction(() => {
      const needApproval: string[] = [];
      const approvals = new Map<string, string | null>();
      for (const id of unique) {
        const material = store.printDesk.queue.material(id);
        if (material === undefined) throw new StationError('NOT_FOUND', { details: { enrollmentId: id, what: 'print-ready record' } });
        const approval = store.printDesk.queue.openApproval(id);
        const printedBefore = store.printDesk.queue.attemptsFor(id).some((a) => a.state === 'PRINTED' || a.state === 'SPOILED');
        if (material.state !== 'QUEUED' || (printedBefore && approval === undefined)) needApproval.push(id);
        approvals.set(id, approval?.id ?? null);
      }
      if (needApproval.length > 0) {
        throw new StationError('REPRINT_NOT_APPROVED', {
          message: {
            id: `${needApproval.length} rekaman dalam pilihan sudah dicetak. Cetak ulang memerlukan persetujuan supervisor dengan alasan; batch tidak dimulai dan tidak ada blanko yang terpakai.`,
            en: `${needApproval.length} selected record(s) were already printed. A reprint needs a supervisor's approval with a reason; the batch did not start and no blank was used.`,
          },
          details: { enrollmentIds: needApproval },
        });
      }
      const stock = store.printDesk.blanko.stock();
      if (stock < unique.length) throw new StationError('BLANKO_OUT', { details: { stock, requested: unique.length } });
      const at = this.deps.now().toISOString();
      return unique.map((enrollmentId) => {
        const id = nextId();
        store.printDesk.queue.addAttempt({ id, enrollmentId, batchId, printer: this.deps.printerName, approvalId: approvals.get(enrollmentId) ?? null, operator: operator.id, createdAt: at });
        return id;
      });
    });
    const batch: RunningBatch = { batchId, stopRequested: false, done: Promise.resolve() };
    this.running = batch;
    batch.done = this.run(batch, printer, attemptIds, operator)
      .catch((error: unknown) => this.deps.logger.error({ err: error, batchId }, 'print batch failed'))
      .finally(() => {
        this.running = null;
      });
    return { batchId, attemptIds };
  }

  /** Stops the running batch after the card in the printer; the rest stay unprinted. */
  stopBatch(): boolean {
    if (this.running === null) return false;
    this.running.stopRequested = true;
    return true;
  }

  /** Resolves when the running batch (if any) has finished. */
  async settled(): Promise<void> {
    await this.running?.done;
  }

  private emit(attemptId: string, batchId: string, phase: PrintProgressEvent['phase'], extra: Partial<PrintProgressEvent> = {}): void {
    const attempt = this.deps.store.printDesk.queue.attempt(attemptId);
    const batch = this.deps.store.printDesk.queue.batch(batchId);
    this.deps.onProgress({
      batchId,
      attemptId,
      enrollmentId: attempt?.enrollmentId ?? '',
      phase,
      fault: null,
      done: batch.filter((a) => a.state !== 'QUEUED' && a.state !== 'PRINTING').length,
      total: batch.length,
      ...extra,
    });
  }

  private async run(batch: RunningBatch, printer: CardPrinter, attemptIds: string[], operator: Actor): Promise<void> {
    const store = this.deps.store;
    const compose = (attemptId: string): Promise<ComposedCard> => {
      const attempt = store.printDesk.queue.attempt(attemptId);
      if (attempt === undefined) return Promise.reject(new Error(`attempt ${attemptId} vanished`));
      const composing = composeRecordCard(this.deps, attempt.enrollmentId);
      composing.catch(() => undefined); // awaited below; never an unhandled rejection
      return composing;
    };
    // The card composed ahead: set when the printer has taken the current one.
    const ahead: { card: Promise<ComposedCard> | null } = { card: attemptIds[0] === undefined ? null : compose(attemptIds[0]) };
    const composeAhead = (id: string | undefined) => {
      if (id !== undefined && ahead.card === null) ahead.card = compose(id);
    };
    for (const [index, attemptId] of attemptIds.entries()) {
      const current = ahead.card;
      ahead.card = null;
      const following = attemptIds[index + 1];
      if (batch.stopRequested || current === null) {
        this.finish(attemptId, batch.batchId, { failed: { code: 'STOPPED', detail: 'the batch was stopped before this card', cardFed: false } }, operator);
        continue;
      }
      let card: ComposedCard;
      try {
        card = await current;
      } catch (error: unknown) {
        const code = isStationError(error) ? error.code : 'LAYOUT_FAILED';
        const detail = isStationError(error) ? error.text.en : error instanceof Error ? error.message : String(error);
        this.finish(attemptId, batch.batchId, { failed: { code, detail, cardFed: false } }, operator);
        composeAhead(following);
        continue;
      }
      store.transaction(() => store.printDesk.queue.startAttempt(attemptId, this.deps.now().toISOString()));
      this.emit(attemptId, batch.batchId, 'PRINTING');
      let outcome: CardPrintOutcome;
      try {
        outcome = await printer.print({ jobId: attemptId, front: card.face }, (progress) => {
          // Pipelining: once this card is in the printer, compose the next one.
          if (progress.phase === 'PRINTING') composeAhead(following);
        });
      } catch (error: unknown) {
        outcome = { jobId: attemptId, printed: false, fault: { code: 'UNKNOWN_REPLY', raw: error instanceof Error ? error.message : String(error), warning: false }, cardFed: false };
      }
      composeAhead(following);
      if (outcome.printed) {
        this.finish(attemptId, batch.batchId, { printed: outcome.warnings }, operator);
      } else {
        // cardFed null: the printer went silent after it was told to print; whether the card left
        // cannot be known, so the blank is counted as used (never twice) and the desk is told to look.
        const fed = outcome.cardFed ?? true;
        const detail = outcome.cardFed === null ? `${outcome.fault.raw} (the printer went silent after the print command: check its output tray; the blank is counted as used)` : outcome.fault.raw;
        this.finish(attemptId, batch.batchId, { failed: { code: outcome.fault.code, detail, cardFed: fed } }, operator);
        if (STOPS_BATCH.has(outcome.fault.code)) batch.stopRequested = true;
      }
    }
  }

  /** One card's outcome, committed at once: attempt, ledger, record state, result for central. */
  private finish(attemptId: string, batchId: string, outcome: { printed: readonly PrinterFault[] } | { failed: { code: string; detail: string; cardFed: boolean } }, operator: Actor): void {
    const store = this.deps.store;
    const at = this.deps.now().toISOString();
    const attempt = store.printDesk.queue.attempt(attemptId);
    if (attempt === undefined) return;
    store.transaction(() => {
      if ('printed' in outcome) {
        store.printDesk.queue.finishAttempt(attemptId, { state: 'PRINTED', cardFed: true, faultCode: null, faultDetail: outcome.printed.map((w) => w.raw).join(', ') || null, at });
        store.printDesk.blanko.append({ at, kind: 'CONSUME', quantity: -1, serialFrom: null, serialTo: null, attemptId, counted: null, expected: null, reason: null, actor: operator.id });
        store.printDesk.queue.setRecordState(attempt.enrollmentId, 'PRINTED');
        if (attempt.approvalId !== null) {
          store.printDesk.queue.useApproval(attempt.approvalId, at);
          store.audit.append({ at, actor: operator.id, role: operator.role, action: 'print.reprinted', subject: attempt.enrollmentId, details: { attemptId, approvalId: attempt.approvalId } });
        }
        store.printDesk.results.enqueue({ resultId: attemptId, enrollmentId: attempt.enrollmentId, attemptId, outcome: 'PRINTED', body: JSON.stringify({ outcome: 'PRINTED', at }), createdAt: at });
      } else {
        const { code, detail, cardFed } = outcome.failed;
        store.printDesk.queue.finishAttempt(attemptId, { state: 'FAILED', cardFed, faultCode: code, faultDetail: detail, at });
        if (cardFed) {
          // The printer took a blank and no card came out: that blank is spoiled, once.
          const reason = `${code}: ${detail}`.slice(0, 200);
          store.printDesk.blanko.append({ at, kind: 'SPOIL', quantity: -1, serialFrom: null, serialTo: null, attemptId, counted: null, expected: null, reason, actor: operator.id });
          store.printDesk.results.enqueue({ resultId: `${attemptId}-S`, enrollmentId: attempt.enrollmentId, attemptId, outcome: 'SPOILED', body: JSON.stringify({ outcome: 'SPOILED', at, reason }), createdAt: at });
        }
      }
    });
    if ('printed' in outcome) {
      this.emit(attemptId, batchId, 'PRINTED');
      this.deps.onResult();
    } else {
      this.emit(attemptId, batchId, 'FAILED', { fault: { code: outcome.failed.code, detail: outcome.failed.detail } });
      if (outcome.failed.cardFed) this.deps.onResult();
    }
  }

  /** A printed card found bad: the attempt and the record become SPOILED, the blank counts as spoiled. */
  spoil(attemptId: string, reason: string, operator: Actor): void {
    const store = this.deps.store;
    store.transaction(() => {
      const attempt = store.printDesk.queue.attempt(attemptId);
      if (attempt === undefined) throw new StationError('NOT_FOUND', { details: { attemptId, what: 'print attempt' } });
      if (attempt.state !== 'PRINTED') {
        throw new StationError('ILLEGAL_TRANSITION', {
          message: {
            id: `Hanya kartu yang sudah tercetak yang dapat dinyatakan rusak; percobaan ini berstatus ${attempt.state}.`,
            en: `Only a printed card can be marked spoiled; this attempt is ${attempt.state}.`,
          },
          details: { attemptId, state: attempt.state },
        });
      }
      const at = this.deps.now().toISOString();
      store.printDesk.queue.spoilAttempt(attemptId, reason, at);
      store.printDesk.queue.setRecordState(attempt.enrollmentId, 'SPOILED');
      // The blank was consumed when the card was printed: the ledger notes it spoiled (0), once.
      store.printDesk.blanko.append({ at, kind: 'SPOIL', quantity: 0, serialFrom: null, serialTo: null, attemptId, counted: null, expected: null, reason, actor: operator.id });
      store.printDesk.results.enqueue({ resultId: `${attemptId}-S`, enrollmentId: attempt.enrollmentId, attemptId, outcome: 'SPOILED', body: JSON.stringify({ outcome: 'SPOILED', at, reason }), createdAt: at });
      store.audit.append({ at, actor: operator.id, role: operator.role, action: 'print.spoiled', subject: attempt.enrollmentId, details: { attemptId, reason } });
    });
    this.deps.onResult();
  }

  /** A supervisor's approval, with a reason, for one more card of a printed (or spoiled) record. */
  async approveReprint(enrollmentId: string, reason: string, supervisor: Actor): Promise<{ approvalId: string }> {
    await this.deps.approvalGate?.(supervisor, enrollmentId);
    const store = this.deps.store;
    return store.transaction(() => {
      const material = store.printDesk.queue.material(enrollmentId);
      if (material === undefined) throw new StationError('NOT_FOUND', { details: { enrollmentId, what: 'print-ready record' } });
      const open = store.printDesk.queue.openApproval(enrollmentId);
      if (open !== undefined) return { approvalId: open.id };
      if (material.state === 'QUEUED' && !store.printDesk.queue.attemptsFor(enrollmentId).some((a) => a.state === 'PRINTED' || a.state === 'SPOILED')) {
        throw new StationError('ILLEGAL_TRANSITION', {
          message: { id: 'Rekaman ini belum pernah dicetak; tidak perlu persetujuan cetak ulang.', en: 'This record was never printed; no reprint approval is needed.' },
          details: { enrollmentId },
        });
      }
      const at = this.deps.now().toISOString();
      const approvalId = nextId();
      store.printDesk.queue.addApproval({ id: approvalId, enrollmentId, reason, approvedBy: supervisor.id, approvedAt: at });
      store.printDesk.queue.setRecordState(enrollmentId, 'QUEUED');
      store.audit.append({ at, actor: supervisor.id, role: supervisor.role, action: 'print.reprintApproved', subject: enrollmentId, details: { approvalId, reason } });
      return { approvalId };
    });
  }

  /** Attempts a stopped station left QUEUED or PRINTING: marked FAILED (card fed unknown → not counted) at start. */
  recoverUnfinished(): number {
    const left = this.deps.store.printDesk.queue.unfinished();
    const at = this.deps.now().toISOString();
    this.deps.store.transaction(() => {
      for (const a of left) {
        this.deps.store.printDesk.queue.finishAttempt(a.id, { state: 'FAILED', cardFed: false, faultCode: 'INTERRUPTED', faultDetail: 'the station stopped during this attempt; check the printer output and count the stock', at });
      }
    });
    return left.length;
  }
}
