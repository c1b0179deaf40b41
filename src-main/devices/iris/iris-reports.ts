import { crc32 } from 'node:zlib';
import { checkUint, expectReport, hexByte, readAscii, ReportError, writeAscii } from '../hid/report-error.js';

/**
 * Report protocol of the iris camera (a vendor-defined HID interface, modelled on monocular USB
 * iris cameras: capture request, status, image in blocks). Every report, both ways, is 64 bytes:
 * byte 0 the report id, byte 63 the sum of bytes 0..62 mod 256. Multi-byte fields big-endian.
 * Layouts in docs/devices.md. Pure code: never throws anything but ReportError.
 */
export const IRIS_REPORT_BYTES = 64;
export const BLOCK_DATA_BYTES = 58;

export const IrisReport = {
  GetInfo: 0x10,
  Capture: 0x11,
  Resend: 0x12,
  Abort: 0x13,
  Info: 0x20,
  Status: 0x21,
  ImageHeader: 0x22,
  ImageBlock: 0x23,
} as const;

export const Eye = { Right: 1, Left: 2 } as const;
export type Eye = 'RIGHT' | 'LEFT';

export const IrisState = {
  Idle: 0,
  Searching: 1,
  Capturing: 2,
  Transferring: 3,
  Done: 4,
  Failed: 0x80,
} as const;
export type IrisState = (typeof IrisState)[keyof typeof IrisState];

/** Why the camera itself failed a capture (status report, state Failed). */
export const IrisFailure = {
  1: 'NO_EYE',
  2: 'EYE_CLOSED',
  3: 'TOO_MUCH_MOTION',
  4: 'TOO_BRIGHT',
} as const;
export type IrisFailure = (typeof IrisFailure)[keyof typeof IrisFailure] | 'UNKNOWN';

/** The largest image the driver accepts (both sides). */
export const MAX_IRIS_SIDE = 2048;

function sum8(report: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < IRIS_REPORT_BYTES - 1; i += 1) sum += report[i] ?? 0;
  return sum & 0xff;
}

function frame(id: number, fill: (out: Uint8Array, view: DataView) => void): Uint8Array {
  const out = new Uint8Array(IRIS_REPORT_BYTES);
  out[0] = id;
  fill(out, new DataView(out.buffer));
  out[IRIS_REPORT_BYTES - 1] = sum8(out);
  return out;
}

/** Checks id, length and checksum of a report. */
export function checkFrame(report: Uint8Array, id: number, name: string): DataView {
  const view = expectReport(report, id, IRIS_REPORT_BYTES, name);
  const expected = sum8(report);
  const received = report[IRIS_REPORT_BYTES - 1] ?? 0;
  if (expected !== received) throw new ReportError('bad-checksum', `${name} checksum ${hexByte(received)} does not match ${hexByte(expected)}`, { reportId: id, expected, received });
  return view;
}

// ---- host → camera ----

export function getInfoReport(): Uint8Array {
  return frame(IrisReport.GetInfo, () => undefined);
}

export function captureReport(seq: number, eye: Eye): Uint8Array {
  checkUint(seq, 8, 'seq');
  return frame(IrisReport.Capture, (out) => {
    out[1] = seq;
    out[2] = eye === 'RIGHT' ? Eye.Right : Eye.Left;
  });
}

export function resendReport(seq: number): Uint8Array {
  checkUint(seq, 8, 'seq');
  return frame(IrisReport.Resend, (out) => {
    out[1] = seq;
  });
}

export function abortReport(): Uint8Array {
  return frame(IrisReport.Abort, () => undefined);
}

export type IrisCommand = { command: 'get-info' } | { command: 'capture'; seq: number; eye: Eye } | { command: 'resend'; seq: number } | { command: 'abort' };

/** Decodes what the host sent (for the simulator). */
export function decodeCommand(report: Uint8Array): IrisCommand {
  const id = report[0] ?? -1;
  switch (id) {
    case IrisReport.GetInfo:
      checkFrame(report, id, 'get-info');
      return { command: 'get-info' };
    case IrisReport.Capture: {
      checkFrame(report, id, 'capture');
      const eye = report[2];
      if (eye !== Eye.Right && eye !== Eye.Left) throw new ReportError('bad-value', `capture names eye ${String(eye)}, not 1 or 2`, { eye });
      return { command: 'capture', seq: report[1] ?? 0, eye: eye === Eye.Right ? 'RIGHT' : 'LEFT' };
    }
    case IrisReport.Resend:
      checkFrame(report, id, 'resend');
      return { command: 'resend', seq: report[1] ?? 0 };
    case IrisReport.Abort:
      checkFrame(report, id, 'abort');
      return { command: 'abort' };
    default:
      throw new ReportError('bad-report-id', `unknown command report ${hexByte(id)}`, { received: id });
  }
}

// ---- camera → host ----

export interface IrisInfo {
  model: string;
  serial: string;
  firmware: string;
  width: number;
  height: number;
}

export function encodeInfo(info: IrisInfo): Uint8Array {
  const parts = info.firmware.split('.').map(Number);
  if (parts.length !== 3) throw new ReportError('bad-argument', 'firmware must be "major.minor.patch"', { firmware: info.firmware });
  parts.forEach((p) => checkUint(p, 8, 'firmware'));
  checkUint(info.width, 16, 'width');
  checkUint(info.height, 16, 'height');
  return frame(IrisReport.Info, (out, view) => {
    writeAscii(out, 1, 16, info.model, 'model');
    writeAscii(out, 17, 16, info.serial, 'serial');
    out.set(parts, 33);
    view.setUint16(36, info.width, false);
    view.setUint16(38, info.height, false);
  });
}

function checkSize(width: number, height: number, name: string): void {
  if (width < 1 || height < 1 || width > MAX_IRIS_SIDE || height > MAX_IRIS_SIDE) {
    throw new ReportError('out-of-range', `${name} image size ${width} × ${height} is not 1..${MAX_IRIS_SIDE} a side`, { width, height });
  }
}

export function decodeInfo(report: Uint8Array): IrisInfo {
  const view = checkFrame(report, IrisReport.Info, 'info');
  const model = readAscii(report, 1, 16, 'model');
  const serial = readAscii(report, 17, 16, 'serial');
  if (model.length === 0 || serial.length === 0) throw new ReportError('bad-value', 'info has an empty model or serial', {});
  const width = view.getUint16(36, false);
  const height = view.getUint16(38, false);
  checkSize(width, height, 'info');
  return { model, serial, firmware: `${report[33] ?? 0}.${report[34] ?? 0}.${report[35] ?? 0}`, width, height };
}

export interface IrisStatus {
  seq: number;
  state: IrisState;
  failure: IrisFailure | null;
  /** 0..100 */
  progress: number;
}

export function encodeStatus(status: { seq: number; state: IrisState; failureCode?: number; progress: number }): Uint8Array {
  return frame(IrisReport.Status, (out) => {
    out[1] = status.seq;
    out[2] = status.state;
    out[3] = status.failureCode ?? 0;
    out[4] = status.progress;
  });
}

export function decodeStatus(report: Uint8Array): IrisStatus {
  const view = checkFrame(report, IrisReport.Status, 'status');
  const state = view.getUint8(2);
  if (!(Object.values(IrisState) as number[]).includes(state)) throw new ReportError('bad-value', `unknown camera state ${hexByte(state)}`, { state });
  const progress = view.getUint8(4);
  if (progress > 100) throw new ReportError('out-of-range', `progress ${progress} is past 100`, { progress });
  const code = view.getUint8(3);
  const failure: IrisFailure | null = state === IrisState.Failed ? ((IrisFailure as Record<number, IrisFailure | undefined>)[code] ?? 'UNKNOWN') : null;
  return { seq: view.getUint8(1), state: state as IrisState, failure, progress };
}

export interface ImageHeader {
  seq: number;
  width: number;
  height: number;
  bitsPerPixel: 8;
  blockCount: number;
  totalBytes: number;
  crc32: number;
}

export function blocksFor(totalBytes: number): number {
  return Math.ceil(totalBytes / BLOCK_DATA_BYTES);
}

export function encodeImageHeader(header: Omit<ImageHeader, 'bitsPerPixel'>): Uint8Array {
  return frame(IrisReport.ImageHeader, (out, view) => {
    out[1] = header.seq;
    view.setUint16(2, header.width, false);
    view.setUint16(4, header.height, false);
    out[6] = 8;
    view.setUint16(7, header.blockCount, false);
    view.setUint32(9, header.totalBytes, false);
    view.setUint32(13, header.crc32 >>> 0, false);
  });
}

export function decodeImageHeader(report: Uint8Array): ImageHeader {
  const view = checkFrame(report, IrisReport.ImageHeader, 'image header');
  const width = view.getUint16(2, false);
  const height = view.getUint16(4, false);
  checkSize(width, height, 'image header');
  const bits = view.getUint8(6);
  if (bits !== 8) throw new ReportError('bad-value', `image of ${bits} bits per pixel; only 8 is spoken`, { bitsPerPixel: bits });
  const totalBytes = view.getUint32(9, false);
  if (totalBytes !== width * height) throw new ReportError('bad-length', `image header says ${totalBytes} bytes for ${width} × ${height}`, { totalBytes, width, height });
  const blockCount = view.getUint16(7, false);
  if (blockCount !== blocksFor(totalBytes)) throw new ReportError('bad-length', `image header says ${blockCount} blocks for ${totalBytes} bytes`, { blockCount, totalBytes });
  return { seq: view.getUint8(1), width, height, bitsPerPixel: 8, blockCount, totalBytes, crc32: view.getUint32(13, false) };
}

export interface ImageBlock {
  seq: number;
  index: number;
  data: Uint8Array;
}

export function encodeImageBlock(block: ImageBlock): Uint8Array {
  checkUint(block.index, 16, 'index');
  if (block.data.length < 1 || block.data.length > BLOCK_DATA_BYTES) {
    throw new ReportError('bad-argument', `a block carries 1..${BLOCK_DATA_BYTES} bytes, got ${block.data.length}`, { length: block.data.length });
  }
  return frame(IrisReport.ImageBlock, (out, view) => {
    out[1] = block.seq;
    view.setUint16(2, block.index, false);
    out[4] = block.data.length;
    out.set(block.data, 5);
  });
}

export function decodeImageBlock(report: Uint8Array): ImageBlock {
  const view = checkFrame(report, IrisReport.ImageBlock, 'image block');
  const length = view.getUint8(4);
  if (length < 1 || length > BLOCK_DATA_BYTES) throw new ReportError('bad-length', `block length ${length} is not 1..${BLOCK_DATA_BYTES}`, { length });
  for (let i = 5 + length; i < IRIS_REPORT_BYTES - 1; i += 1) {
    if ((report[i] ?? 0) !== 0) throw new ReportError('bad-value', 'image block has bytes past its length', { length });
  }
  return { seq: view.getUint8(1), index: view.getUint16(2, false), data: report.slice(5, 5 + length) };
}

/** The reports of one image: header, then the blocks in order. */
export function splitIrisImage(seq: number, width: number, height: number, pixels: Uint8Array): Uint8Array[] {
  if (pixels.length !== width * height) throw new ReportError('bad-argument', `${pixels.length} pixels for ${width} × ${height}`, { length: pixels.length });
  const blockCount = blocksFor(pixels.length);
  const out = [encodeImageHeader({ seq, width, height, blockCount, totalBytes: pixels.length, crc32: crc32(pixels) })];
  for (let index = 0; index < blockCount; index += 1) {
    out.push(encodeImageBlock({ seq, index, data: pixels.subarray(index * BLOCK_DATA_BYTES, Math.min(pixels.length, (index + 1) * BLOCK_DATA_BYTES)) }));
  }
  return out;
}

/**
 * Assembles an image from its header and blocks as they arrive. A block out of order, of the
 * wrong sequence or of the wrong length is refused; the whole is checked against the CRC-32.
 */
export class IrisImageAssembler {
  private readonly pixels: Uint8Array;
  private nextIndex = 0;
  private offset = 0;

  constructor(readonly header: ImageHeader) {
    this.pixels = new Uint8Array(header.totalBytes);
  }

  get complete(): boolean {
    return this.nextIndex === this.header.blockCount;
  }

  get received(): number {
    return this.nextIndex;
  }

  add(block: ImageBlock): void {
    const { header } = this;
    if (block.seq !== header.seq) throw new ReportError('out-of-order', `block of capture ${block.seq} during capture ${header.seq}`, { seq: block.seq, expected: header.seq });
    if (block.index !== this.nextIndex) throw new ReportError('out-of-order', `block ${block.index} where ${this.nextIndex} was due`, { index: block.index, expected: this.nextIndex });
    const last = block.index === header.blockCount - 1;
    const expected = last ? header.totalBytes - this.offset : BLOCK_DATA_BYTES;
    if (block.data.length !== expected) throw new ReportError('bad-length', `block ${block.index} carries ${block.data.length} bytes, ${expected} expected`, { index: block.index });
    this.pixels.set(block.data, this.offset);
    this.offset += block.data.length;
    this.nextIndex += 1;
  }

  /** The image, once complete and matching its CRC-32. */
  image(): Uint8Array {
    if (!this.complete) throw new ReportError('bad-length', `image incomplete: ${this.nextIndex} of ${this.header.blockCount} blocks`, { received: this.nextIndex });
    const actual = crc32(this.pixels) >>> 0;
    if (actual !== this.header.crc32 >>> 0) throw new ReportError('bad-checksum', `image CRC-32 ${actual.toString(16)} does not match ${this.header.crc32.toString(16)}`, {});
    return this.pixels;
  }
}
