import type { CardPrinter, CardPrintJob, CardPrintOutcome, CardPrintProgress, PrinterFault, PrinterState } from '../card-face.js';
import { CR80_MEDIA, cardPdf } from './card-pdf.js';
import { IppClient, IppError } from './ipp-client.js';
import type { IppJob } from './ipp-client.js';
import { faultsOfReasons } from './printer-reasons.js';

export interface SystemCardPrinterOptions {
  queueName: string;
  /** The CUPS server (IPP over HTTP); Linux default http://127.0.0.1:631. */
  serverUrl?: string;
  /** How often the job's state is read back from the queue. */
  pollMs?: number;
  /** A job that has not finished after this long is cancelled and reported as TIMEOUT. */
  jobTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const TERMINAL = new Set<IppJob['state']>(['completed', 'canceled', 'aborted']);

function faultOfIpp(error: unknown): PrinterFault {
  if (error instanceof IppError) {
    const code = error.kind === 'unreachable' ? 'OFFLINE' : error.kind === 'timeout' ? 'TIMEOUT' : error.kind === 'reply' ? 'UNKNOWN_REPLY' : 'JOB_FAILED';
    return { code, raw: error.message, warning: false };
  }
  return { code: 'UNKNOWN_REPLY', raw: error instanceof Error ? error.message : String(error), warning: false };
}

/**
 * A card printer with an OS driver (Fargo, Zebra, Entrust retransfer printers), reached through
 * its CUPS queue over IPP: the card goes as a PDF page of exactly CR80 size, and the job's state
 * is read back from the queue until it completes, aborts or is cancelled. A card counts as fed
 * once the queue said the job was processing.
 */
export class SystemCardPrinter implements CardPrinter {
  readonly kind = 'system' as const;
  private readonly client: IppClient;
  private readonly pollMs: number;
  private readonly jobTimeoutMs: number;

  constructor(private readonly options: SystemCardPrinterOptions) {
    this.client = new IppClient({
      serverUrl: options.serverUrl ?? 'http://127.0.0.1:631',
      queueName: options.queueName,
      ...(options.requestTimeoutMs === undefined ? {} : { timeoutMs: options.requestTimeoutMs }),
    });
    this.pollMs = options.pollMs ?? 250;
    this.jobTimeoutMs = options.jobTimeoutMs ?? 180_000;
  }

  async state(): Promise<PrinterState> {
    try {
      const printer = await this.client.printer();
      const faults = faultsOfReasons(printer.reasons);
      if (printer.state === 'stopped' && !faults.some((f) => !f.warning)) {
        faults.push({ code: 'OFFLINE', raw: `printer-state stopped${printer.message === null ? '' : `: ${printer.message}`}`, warning: false });
      }
      if (!printer.acceptingJobs) faults.push({ code: 'OFFLINE', raw: 'printer-is-accepting-jobs false', warning: false });
      return {
        identity: { kind: 'system', model: printer.makeAndModel ?? this.options.queueName, serial: null, firmware: null },
        ready: !faults.some((f) => !f.warning),
        faults,
        ribbonRemaining: null,
        cardsPrinted: null,
      };
    } catch (error: unknown) {
      return {
        identity: { kind: 'system', model: this.options.queueName, serial: null, firmware: null },
        ready: false,
        faults: [faultOfIpp(error)],
        ribbonRemaining: null,
        cardsPrinted: null,
      };
    }
  }

  /** The settings the queue reports now (media, colour mode, sides): compared with the saved profile. */
  async reportedSettings(): Promise<Record<string, string>> {
    return (await this.client.printer()).settings;
  }

  async print(job: CardPrintJob, onProgress?: (progress: CardPrintProgress) => void): Promise<CardPrintOutcome> {
    const report = (phase: CardPrintProgress['phase'], extra: Partial<CardPrintProgress> = {}) => onProgress?.({ jobId: job.jobId, phase, ...extra });
    const document = await cardPdf(job.front, `KTP ${job.jobId}`);
    report('SENDING', { bytesSent: 0, bytesTotal: document.length });
    let queued: IppJob;
    try {
      queued = await this.client.printJob(document, { jobName: `ktp-${job.jobId}`, documentFormat: 'application/pdf', media: CR80_MEDIA });
    } catch (error: unknown) {
      return { jobId: job.jobId, printed: false, fault: faultOfIpp(error), cardFed: false };
    }
    report('PRINTING', { bytesSent: document.length, bytesTotal: document.length });
    let sawProcessing = queued.state === 'processing' || queued.state === 'completed';
    const deadline = Date.now() + this.jobTimeoutMs;
    let current = queued;
    let unreadable = 0;
    while (!TERMINAL.has(current.state)) {
      if (current.state === 'processing-stopped' || current.state === 'pending-held') {
        const faults = faultsOfReasons([...current.reasons, ...(await this.printerReasons())]).filter((f) => !f.warning);
        await this.cancelQuietly(current.jobId);
        return {
          jobId: job.jobId,
          printed: false,
          fault: faults[0] ?? { code: 'JOB_FAILED', raw: `job ${current.jobId} ${current.state}: ${current.reasons.join(', ') || (current.message ?? '')}`, warning: false },
          cardFed: sawProcessing,
        };
      }
      if (Date.now() > deadline) {
        await this.cancelQuietly(current.jobId);
        return { jobId: job.jobId, printed: false, fault: { code: 'TIMEOUT', raw: `job ${current.jobId} still ${current.state} after ${this.jobTimeoutMs} ms`, warning: false }, cardFed: sawProcessing };
      }
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
      try {
        current = await this.client.job(queued.jobId);
        unreadable = 0;
      } catch (error: unknown) {
        unreadable += 1;
        if (unreadable >= 3) return { jobId: job.jobId, printed: false, fault: faultOfIpp(error), cardFed: true };
        continue;
      }
      if (current.state === 'processing') sawProcessing = true;
    }
    if (current.state === 'completed') {
      return { jobId: job.jobId, printed: true, warnings: faultsOfReasons(current.reasons).filter((f) => f.warning) };
    }
    return {
      jobId: job.jobId,
      printed: false,
      fault: { code: 'JOB_FAILED', raw: `job ${current.jobId} ${current.state}: ${current.reasons.join(', ') || (current.message ?? 'no reason given')}`, warning: false },
      cardFed: sawProcessing,
    };
  }

  /** The queue job behind a desk job, for the technician. */
  get queueName(): string {
    return this.options.queueName;
  }

  async close(): Promise<void> {
    // Nothing held open: every IPP exchange is its own HTTP request.
  }

  private async printerReasons(): Promise<string[]> {
    try {
      return (await this.client.printer()).reasons;
    } catch {
      return [];
    }
  }

  private async cancelQuietly(jobId: number): Promise<void> {
    try {
      await this.client.cancel(jobId);
    } catch {
      // The job may already be gone; its outcome is reported either way.
    }
  }
}
