import { TransportError } from '../transport.js';
import type { DeviceIdentity } from '../hid/device-identity.js';
import type { HidReportTransport } from '../hid/hid-report-transport.js';
import { ReportError } from '../hid/report-error.js';
import { withTimeout } from '../hid/with-timeout.js';
import type { GrayImage, InkPoint, SignatureInk } from './signature-ink.js';
import { renderSignature } from './signature-ink.js';
import type { StuCapability } from './stu-reports.js';
import {
  CAPABILITY_BYTES,
  clearScreenReport,
  decodeCapability,
  decodeInformation,
  decodePenData,
  decodeSerial,
  decodeStatus,
  INFORMATION_BYTES,
  inkingModeReport,
  SERIAL_BYTES,
  STATUS_BYTES,
  StuReport,
  StuStatusCode,
} from './stu-reports.js';

export type SignaturePadFaultCode = 'NOT_READY' | 'PROTOCOL' | 'NO_SIGNATURE' | 'STOPPED_MID_STROKE' | 'TOO_MANY_CORRUPT_REPORTS';

/** A signature pad that answered but not as a pad should (the transport's own faults stay TransportErrors). */
export class SignaturePadError extends Error {
  constructor(
    readonly code: SignaturePadFaultCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SignaturePadError';
  }
}

export interface SignaturePadOptions {
  /** How long one feature-report exchange may take. */
  requestTimeoutMs?: number;
  /** Feature reads are idempotent: a corrupt or late answer is asked for again this many times. */
  retries?: number;
}

export interface SignatureCaptureOptions {
  /** The signature is finished once the pen has been up (or away) this long after the first stroke. */
  idleMs?: number;
  /** Give up when nothing was signed within this time. */
  maxMs?: number;
  /** The operator pressed "Selesai" (or cancelled). */
  signal?: AbortSignal;
  /** Width of the rendered frame. */
  imageWidth?: number;
}

export interface SignatureCapture {
  ink: SignatureInk;
  image: GrayImage;
  /** Pen reports received, and those dropped as corrupt. */
  reports: number;
  droppedReports: number;
}

/** More than this share of corrupt pen reports means the cable or the pad is failing. */
const MAX_CORRUPT_SHARE = 0.2;

/**
 * Driver for a Wacom STU-style signature pad over HID: capability, information, serial and
 * status are feature reports; pen data arrives as input reports while inking is on.
 */
export class SignaturePad {
  private capability: StuCapability | null = null;
  private readonly requestTimeoutMs: number;
  private readonly retries: number;

  constructor(
    readonly transport: HidReportTransport,
    options: SignaturePadOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? 1000;
    this.retries = options.retries ?? 2;
  }

  open(): Promise<void> {
    return this.transport.open();
  }

  close(): Promise<void> {
    this.capability = null;
    return this.transport.close();
  }

  private async feature<T>(reportId: number, length: number, decode: (report: Uint8Array) => T): Promise<T> {
    let last: unknown;
    for (let attempt = 0; attempt <= this.retries; attempt += 1) {
      try {
        const report = await withTimeout(this.transport.getFeatureReport(reportId, length), this.requestTimeoutMs, this.transport.path);
        return decode(report);
      } catch (error: unknown) {
        // Only a corrupt answer or a late one is worth asking again; a vanished device is not.
        if (error instanceof ReportError || (error instanceof TransportError && error.code === 'TIMEOUT')) {
          last = error;
          continue;
        }
        throw error;
      }
    }
    if (last instanceof TransportError) throw last;
    throw new SignaturePadError('PROTOCOL', `the pad's feature report 0x${reportId.toString(16)} stayed corrupt after ${this.retries + 1} reads: ${(last as Error).message}`, { reportId }, { cause: last });
  }

  /** Reads the pad's identity and capability, checks it is ready, and clears its screen. */
  async handshake(): Promise<DeviceIdentity & { capability: StuCapability }> {
    const info = await this.feature(StuReport.Information, INFORMATION_BYTES, decodeInformation);
    const serial = await this.feature(StuReport.Serial, SERIAL_BYTES, decodeSerial);
    const capability = await this.feature(StuReport.Capability, CAPABILITY_BYTES, decodeCapability);
    const status = await this.feature(StuReport.Status, STATUS_BYTES, decodeStatus);
    if (status.statusCode !== StuStatusCode.Ready && status.statusCode !== StuStatusCode.Capture) {
      throw new SignaturePadError('NOT_READY', `the pad is busy (status ${status.statusCode}); wait for it to finish or reset it`, { status });
    }
    this.capability = capability;
    await this.clearScreen();
    return { model: info.modelName, serial, firmware: `${info.firmwareMajor}.${info.firmwareMinor}`, capability };
  }

  /** A cheap idle check: the pad answers its status feature report and is not stuck busy. */
  async checkReady(): Promise<void> {
    const status = await this.feature(StuReport.Status, STATUS_BYTES, decodeStatus);
    if (status.statusCode !== StuStatusCode.Ready && status.statusCode !== StuStatusCode.Capture) {
      throw new SignaturePadError('NOT_READY', `the pad is busy (status ${status.statusCode}); wait for it to finish or reset it`, { status });
    }
  }

  async clearScreen(): Promise<void> {
    await this.transport.sendFeatureReport(clearScreenReport());
  }

  /**
   * Records one signature: clears the screen, turns inking on, reads pen reports until the pen
   * has rested `idleMs` after the first stroke (or `signal` fires), turns inking off. Corrupt
   * pen reports are dropped and counted; too many of them, the pad vanishing, or the pad going
   * silent with the pen down end the capture with a typed error and no signature.
   */
  async captureSignature(options: SignatureCaptureOptions = {}): Promise<SignatureCapture> {
    const capability = this.capability;
    if (capability === null) throw new SignaturePadError('NOT_READY', 'handshake() must succeed before a capture', {});
    const idleMs = options.idleMs ?? 1500;
    const maxMs = options.maxMs ?? 60_000;
    const signal = options.signal;
    this.transport.discardInput();
    await this.clearScreen();
    await this.transport.sendFeatureReport(inkingModeReport(true));
    const strokes: InkPoint[][] = [];
    let current: InkPoint[] | null = null;
    let reports = 0;
    let dropped = 0;
    let waited = 0;
    try {
      for (;;) {
        if (signal?.aborted === true) break;
        const budget = strokes.length === 0 && current === null ? Math.min(idleMs, maxMs - waited) : idleMs;
        if (budget <= 0) break;
        let report: Uint8Array;
        try {
          report = await this.readOrAbort(budget, signal);
        } catch (error: unknown) {
          if (error instanceof TransportError && error.code === 'TIMEOUT') {
            if (current !== null) {
              throw new SignaturePadError('STOPPED_MID_STROKE', `the pad stopped reporting for ${idleMs} ms with the pen down`, { strokes: strokes.length }, { cause: error });
            }
            if (strokes.length > 0) break;
            waited += budget;
            continue;
          }
          if (error instanceof AbortedRead) break;
          throw error;
        }
        if (report[0] !== StuReport.PenData) continue;
        reports += 1;
        let sample;
        try {
          sample = decodePenData(report, capability);
        } catch (error: unknown) {
          if (!(error instanceof ReportError)) throw error;
          dropped += 1;
          if (reports >= 20 && dropped / reports > MAX_CORRUPT_SHARE) {
            throw new SignaturePadError('TOO_MANY_CORRUPT_REPORTS', `${dropped} of ${reports} pen reports were corrupt; check the cable`, { dropped, reports }, { cause: error });
          }
          continue;
        }
        if (sample.touching) {
          current ??= [];
          current.push({ x: sample.x, y: sample.y, pressure: sample.pressure });
        } else if (current !== null) {
          strokes.push(current);
          current = null;
        }
      }
    } finally {
      // Best effort: a vanished pad cannot be told to stop inking.
      await this.transport.sendFeatureReport(inkingModeReport(false)).catch(() => undefined);
    }
    if (current !== null) strokes.push(current);
    if (strokes.length === 0) throw new SignaturePadError('NO_SIGNATURE', 'nothing was signed on the pad', { reports, dropped });
    const ink: SignatureInk = { strokes, capability };
    return { ink, image: renderSignature(ink, options.imageWidth), reports, droppedReports: dropped };
  }

  private readOrAbort(timeoutMs: number, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const read = this.transport.read(timeoutMs);
    if (signal === undefined) return read;
    return new Promise<Uint8Array>((resolve, reject) => {
      const onAbort = () => reject(new AbortedRead());
      signal.addEventListener('abort', onAbort, { once: true });
      read.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  }
}

class AbortedRead extends Error {}
