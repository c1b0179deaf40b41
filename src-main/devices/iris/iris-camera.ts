import { TransportError } from '../transport.js';
import type { DeviceIdentity } from '../hid/device-identity.js';
import type { HidReportTransport } from '../hid/hid-report-transport.js';
import { ReportError } from '../hid/report-error.js';
import type { Eye, IrisFailure, IrisInfo } from './iris-reports.js';
import {
  abortReport,
  captureReport,
  decodeImageBlock,
  decodeImageHeader,
  decodeInfo,
  decodeStatus,
  getInfoReport,
  IrisImageAssembler,
  IrisReport,
  IrisState,
  resendReport,
} from './iris-reports.js';

export type IrisCameraFaultCode = 'PROTOCOL' | 'CAPTURE_FAILED' | 'WRONG_IMAGE_SIZE' | 'IMAGE_INCOMPLETE';

export class IrisCameraError extends Error {
  constructor(
    readonly code: IrisCameraFaultCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IrisCameraError';
  }
}

export interface IrisCameraOptions {
  /** Longest wait for one report. */
  reportTimeoutMs?: number;
  /** How long the camera may look for the eye before the capture is given up. */
  captureTimeoutMs?: number;
  /** A corrupt or interrupted image is asked for again (RESEND) this many times. */
  resends?: number;
}

export interface IrisImage {
  eye: Eye;
  width: number;
  height: number;
  /** GRAY8, row-major. */
  pixels: Uint8Array;
  /** Images asked for again before this one arrived whole. */
  resends: number;
}

/**
 * Driver for the HID iris camera: GET_INFO for the handshake; CAPTURE, then status reports
 * while the camera finds the eye, then an image header and its blocks. A corrupt block, a block
 * out of order, a CRC mismatch or a transfer that stops is answered with RESEND (the image is
 * already taken, so asking again is safe); the camera's own failures and a wrong image size are
 * typed errors, and nothing partial is ever returned.
 */
export class IrisCamera {
  private info: IrisInfo | null = null;
  private seq = 0;
  private readonly reportTimeoutMs: number;
  private readonly captureTimeoutMs: number;
  private readonly resends: number;

  constructor(
    readonly transport: HidReportTransport,
    options: IrisCameraOptions = {},
  ) {
    this.reportTimeoutMs = options.reportTimeoutMs ?? 1000;
    this.captureTimeoutMs = options.captureTimeoutMs ?? 15_000;
    this.resends = options.resends ?? 2;
  }

  open(): Promise<void> {
    return this.transport.open();
  }

  close(): Promise<void> {
    this.info = null;
    return this.transport.close();
  }

  async handshake(): Promise<DeviceIdentity & { width: number; height: number }> {
    let last: unknown;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      this.transport.discardInput();
      await this.transport.write(getInfoReport());
      try {
        const info = decodeInfo(await this.nextOf(IrisReport.Info, this.reportTimeoutMs));
        this.info = info;
        return { model: info.model, serial: info.serial, firmware: info.firmware, width: info.width, height: info.height };
      } catch (error: unknown) {
        if (!(error instanceof ReportError) && !(error instanceof TransportError && error.code === 'TIMEOUT')) throw error;
        last = error;
      }
    }
    if (last instanceof TransportError) throw last;
    throw new IrisCameraError('PROTOCOL', `the camera's info report stayed corrupt: ${(last as Error).message}`, {}, { cause: last });
  }

  /** The next report with this id; other ids (a late status, say) are passed over. */
  private async nextOf(reportId: number, timeoutMs: number): Promise<Uint8Array> {
    for (;;) {
      const report = await this.transport.read(timeoutMs);
      if (report[0] === reportId) return report;
    }
  }

  async captureIris(eye: Eye): Promise<IrisImage> {
    const info = this.info;
    if (info === null) throw new IrisCameraError('PROTOCOL', 'handshake() must succeed before a capture', {});
    this.seq = (this.seq + 1) & 0xff;
    const seq = this.seq;
    this.transport.discardInput();
    await this.transport.write(captureReport(seq, eye));
    try {
      await this.waitForTransfer(seq);
    } catch (error: unknown) {
      await this.transport.write(abortReport()).catch(() => undefined);
      throw error;
    }
    let last: unknown;
    for (let attempt = 0; attempt <= this.resends; attempt += 1) {
      if (attempt > 0) {
        this.transport.discardInput();
        await this.transport.write(resendReport(seq));
      }
      try {
        const { width, height, pixels } = await this.receiveImage(seq, info);
        return { eye, width, height, pixels, resends: attempt };
      } catch (error: unknown) {
        const retryable = error instanceof ReportError || (error instanceof TransportError && error.code === 'TIMEOUT');
        if (!retryable) throw error;
        last = error;
      }
    }
    await this.transport.write(abortReport()).catch(() => undefined);
    throw new IrisCameraError('IMAGE_INCOMPLETE', `the iris image did not arrive whole after ${this.resends + 1} transfers: ${(last as Error).message}`, { eye, seq }, { cause: last });
  }

  /** Status reports until the camera says it is sending (or failed, or took too long). */
  private async waitForTransfer(seq: number): Promise<void> {
    const deadline = Date.now() + this.captureTimeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new TransportError('TIMEOUT', this.transport.path, `the camera found no eye within ${this.captureTimeoutMs} ms`);
      const report = await this.nextOf(IrisReport.Status, Math.min(left, this.reportTimeoutMs * 5));
      let status;
      try {
        status = decodeStatus(report);
      } catch (error: unknown) {
        if (error instanceof ReportError) continue; // a garbled status is followed by the next one
        throw error;
      }
      if (status.seq !== seq) continue;
      if (status.state === IrisState.Failed) {
        const failure: IrisFailure = status.failure ?? 'UNKNOWN';
        throw new IrisCameraError('CAPTURE_FAILED', `the camera could not capture the iris: ${failure}`, { failure });
      }
      if (status.state === IrisState.Transferring) return;
    }
  }

  private async receiveImage(seq: number, info: IrisInfo): Promise<{ width: number; height: number; pixels: Uint8Array }> {
    const header = decodeImageHeader(await this.nextOf(IrisReport.ImageHeader, this.reportTimeoutMs));
    if (header.seq !== seq) throw new ReportError('out-of-order', `image of capture ${header.seq} during capture ${seq}`, { seq: header.seq });
    if (header.width !== info.width || header.height !== info.height) {
      throw new IrisCameraError('WRONG_IMAGE_SIZE', `the camera sent ${header.width} × ${header.height}; it announced ${info.width} × ${info.height}`, {
        width: header.width,
        height: header.height,
        expected: { width: info.width, height: info.height },
      });
    }
    const assembler = new IrisImageAssembler(header);
    while (!assembler.complete) {
      assembler.add(decodeImageBlock(await this.nextOf(IrisReport.ImageBlock, this.reportTimeoutMs)));
    }
    return { width: header.width, height: header.height, pixels: assembler.image() };
  }
}
