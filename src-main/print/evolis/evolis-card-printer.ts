/**
 * EvolisCardPrinter: the desk's CardPrinter over an Evolis-style escape-command printer.
 *
 * Every command waits for its reply before the next is sent. A card is counted from the
 * printer's own counters, never assumed: `Rco` is read before a job, and after any fault, so the
 * outcome says exactly whether a blank was fed and whether it was printed. A garbled reply to
 * `Se` for a card that did print is reported as printed (with the garbled reply as a warning),
 * so the desk never prints it twice; when the printer stops answering, `cardFed` is null.
 */
import type { Logger } from 'pino';
import type { DeviceTransport } from '../../devices/transport.js';
import { TransportError } from '../../devices/transport.js';
import { StationError } from '../../core/station-error.js';
import type {
  CardPrinter,
  CardPrintJob,
  CardPrintOutcome,
  CardPrintProgress,
  PrinterFault,
  PrinterIdentity,
  PrinterState,
} from '../card-face.js';
import type { Dithering } from './colour-panels.js';
import { CardFaceError, encodeCardJob } from './card-job.js';
import { encodeCommand } from './command-frame.js';
import type { ColourDepth } from './panel-geometry.js';
import { readActionReply, readCounters, readRibbonRemaining, readSensors } from './printer-replies.js';
import type { CardCounters } from './printer-replies.js';
import { ReplyReader } from './reply-reader.js';

export interface EvolisPrinterOptions {
  readonly transport: DeviceTransport;
  readonly colourDepth: ColourDepth;
  readonly dithering: Dithering;
  /** How long a reply to a query or a download may take, once the bytes are sent. */
  readonly replyTimeoutMs: number;
  /** How long the reply to `Se` may take: the whole print cycle (a real printer takes ~16 s). */
  readonly printTimeoutMs: number;
  /** Ribbon prints left at or below which a printed card carries a RIBBON_LOW warning. */
  readonly ribbonLowAt: number;
  readonly logger?: Logger;
}

export const DEFAULT_EVOLIS_OPTIONS = {
  colourDepth: 6,
  dithering: 'floyd-steinberg',
  replyTimeoutMs: 5_000,
  printTimeoutMs: 60_000,
  ribbonLowAt: 10,
} as const satisfies Omit<EvolisPrinterOptions, 'transport' | 'logger'>;

type Exchange =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'fault'; readonly fault: PrinterFault };

function withTimeout(work: Promise<void>, ms: number, path: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TransportError('TIMEOUT', path, `the printer took nothing for ${ms} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

const fault = (code: PrinterFault['code'], raw: string, warning = false): PrinterFault => ({ code, raw, warning });

export class EvolisCardPrinter implements CardPrinter {
  readonly kind = 'evolis' as const;
  private readonly reader = new ReplyReader();
  private identity: PrinterIdentity | null = null;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: EvolisPrinterOptions) {}

  state(): Promise<PrinterState> {
    return this.serial(() => this.readState());
  }

  print(job: CardPrintJob, onProgress?: (progress: CardPrintProgress) => void): Promise<CardPrintOutcome> {
    let encoded;
    try {
      encoded = encodeCardJob(job.front, { bitsPerDot: this.options.colourDepth, dithering: this.options.dithering });
    } catch (error: unknown) {
      if (error instanceof CardFaceError) {
        throw new StationError('INVALID_PARAMS', {
          message: {
            id: `Muka kartu tidak dapat dicetak: ${error.message}. Susun ulang tata letak kartu.`,
            en: `The card face cannot be printed: ${error.message}. Compose the card layout again.`,
          },
          details: { jobId: job.jobId, layer: error.layer },
          cause: error,
        });
      }
      throw error;
    }
    return this.serial(() => this.send(job.jobId, encoded.frames, encoded.totalBytes, onProgress));
  }

  async close(): Promise<void> {
    await this.busy.catch(() => undefined);
    await this.options.transport.close();
  }

  /** One conversation with the printer at a time. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }

  private async send(
    jobId: string,
    frames: ReturnType<typeof encodeCardJob>['frames'],
    bytesTotal: number,
    onProgress?: (progress: CardPrintProgress) => void,
  ): Promise<CardPrintOutcome> {
    const log = this.options.logger?.child({ jobId });
    const before = await this.counters();
    if (!('fed' in before)) {
      log?.warn({ fault: before }, 'printer: counters unreadable before the job; nothing sent');
      return { jobId, printed: false, fault: before, cardFed: false };
    }
    let bytesSent = 0;
    onProgress?.({ jobId, phase: 'SENDING', bytesSent, bytesTotal });
    for (const frame of frames) {
      const printing = frame.step === 'end';
      if (printing) onProgress?.({ jobId, phase: 'PRINTING', bytesSent, bytesTotal });
      const reply = await this.exchange(frame.bytes, printing ? this.options.printTimeoutMs : this.options.replyTimeoutMs);
      bytesSent += frame.bytes.length;
      const failure = reply.kind === 'fault' ? reply.fault : readActionReply(reply.text);
      if ('code' in failure || !failure.ok) {
        const stopped = 'code' in failure ? failure : failure.fault;
        log?.warn({ step: frame.step, fault: stopped }, 'printer: job stopped');
        return this.settle(jobId, before, stopped, printing, onProgress);
      }
      if (!printing) onProgress?.({ jobId, phase: 'SENDING', bytesSent, bytesTotal });
    }
    const warnings = await this.ribbonWarnings();
    onProgress?.({ jobId, phase: 'PRINTED', bytesSent, bytesTotal });
    log?.info({ warnings }, 'printer: card printed');
    return { jobId, printed: true, warnings };
  }

  /** After a fault: the printer's counters say whether a blank was fed, and whether it printed. */
  private async settle(
    jobId: string,
    before: CardCounters,
    stopped: PrinterFault,
    printCommandSent: boolean,
    onProgress?: (progress: CardPrintProgress) => void,
  ): Promise<CardPrintOutcome> {
    const after = await this.counters();
    if ('fed' in after) {
      if (after.printed > before.printed) {
        // The card came out printed; only the reply was lost or garbled.
        onProgress?.({ jobId, phase: 'PRINTED' });
        return { jobId, printed: true, warnings: [{ ...stopped, warning: true }] };
      }
      onProgress?.({ jobId, phase: 'FAILED' });
      return { jobId, printed: false, fault: stopped, cardFed: after.fed > before.fed };
    }
    onProgress?.({ jobId, phase: 'FAILED' });
    // Before `Se` the printer does not feed; after it, only the printer can say.
    return { jobId, printed: false, fault: stopped, cardFed: printCommandSent ? null : false };
  }

  private async ribbonWarnings(): Promise<PrinterFault[]> {
    const reply = await this.exchange(encodeCommand('Rrt'), this.options.replyTimeoutMs);
    if (reply.kind !== 'text') return [];
    const remaining = readRibbonRemaining(reply.text);
    return remaining !== null && remaining <= this.options.ribbonLowAt ? [fault('RIBBON_LOW', `Rrt ${reply.text}`, true)] : [];
  }

  private async counters(): Promise<CardCounters | PrinterFault> {
    const reply = await this.exchange(encodeCommand('Rco'), this.options.replyTimeoutMs);
    if (reply.kind === 'fault') return reply.fault;
    return readCounters(reply.text) ?? fault('UNKNOWN_REPLY', `Rco: ${reply.text}`);
  }

  private async readState(): Promise<PrinterState> {
    const identity = await this.readIdentity();
    const faults: PrinterFault[] = [];
    const sensors = await this.exchange(encodeCommand('Rse'), this.options.replyTimeoutMs);
    if (sensors.kind === 'fault') {
      faults.push(sensors.fault);
    } else {
      const standing = readSensors(sensors.text);
      faults.push(...(standing ?? [fault('UNKNOWN_REPLY', `Rse: ${sensors.text}`)]));
    }
    const unreachable = faults.some((f) => f.code === 'OFFLINE' || f.code === 'TIMEOUT');
    const ribbon = unreachable ? null : await this.exchange(encodeCommand('Rrt'), this.options.replyTimeoutMs);
    const counters = unreachable ? null : await this.counters();
    return {
      identity: identity ?? { kind: 'evolis', model: 'Evolis', serial: null, firmware: null },
      ready: faults.every((f) => f.warning),
      faults,
      ribbonRemaining: ribbon?.kind === 'text' ? readRibbonRemaining(ribbon.text) : null,
      cardsPrinted: counters !== null && 'fed' in counters ? counters.printed : null,
    };
  }

  private async readIdentity(): Promise<PrinterIdentity | null> {
    if (this.identity !== null) return this.identity;
    const ask = async (command: string): Promise<string | null> => {
      const reply = await this.exchange(encodeCommand(command), this.options.replyTimeoutMs);
      return reply.kind === 'text' && !/^ERR/i.test(reply.text) ? reply.text : null;
    };
    const model = await ask('Rtp');
    if (model === null) return null;
    this.identity = { kind: 'evolis', model, serial: await ask('Rsn'), firmware: await ask('Rfv') };
    return this.identity;
  }

  /** Sends one frame and waits for one reply; every failure becomes a fault, nothing throws. */
  private async exchange(frame: Uint8Array, timeoutMs: number): Promise<Exchange> {
    const transport = this.options.transport;
    try {
      if (!transport.isOpen) await transport.open();
      this.reader.clear();
      transport.discardInput();
      // A printer that stops reading would block the write for ever: the print timeout bounds it.
      await withTimeout(transport.write(frame), this.options.printTimeoutMs, transport.path);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const reply = this.reader.next();
        if (reply !== undefined) {
          if (reply.kind === 'text') return reply;
          this.reader.clear();
          transport.discardInput();
          return { kind: 'fault', fault: fault('UNKNOWN_REPLY', reply.raw) };
        }
        this.reader.push(await transport.read(Math.max(1, deadline - Date.now())));
      }
    } catch (error: unknown) {
      if (error instanceof TransportError) {
        if (error.code === 'TIMEOUT') return { kind: 'fault', fault: fault('TIMEOUT', `no reply in ${timeoutMs} ms`) };
        return { kind: 'fault', fault: fault('OFFLINE', `${error.code}: ${error.message}`) };
      }
      throw error;
    }
  }
}
