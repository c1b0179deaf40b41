import { checkUint, expectReport, readAscii, ReportError, writeAscii } from '../hid/report-error.js';

/**
 * Report codec of the signature pad, modelled on the Wacom STU series (USB VID 0x056A; report
 * ids as reverse-engineered in pabloko/Wacom-STU-WebHID). Byte layouts are documented in
 * docs/devices.md; multi-byte fields are big-endian. Pure code: no I/O, never throws anything
 * but ReportError.
 */
export const WACOM_VENDOR_ID = 0x056a;

export const StuReport = {
  PenData: 0x01,
  Status: 0x03,
  Reset: 0x04,
  Information: 0x08,
  Capability: 0x09,
  /** Our model of the pad's serial-number report (the STU keeps it among its feature reports). */
  Serial: 0x0a,
  ClearScreen: 0x20,
  InkingMode: 0x21,
} as const;

export const PEN_DATA_BYTES = 7;
export const STATUS_BYTES = 5;
export const INFORMATION_BYTES = 16;
export const CAPABILITY_BYTES = 16;
export const SERIAL_BYTES = 13;
export const SERIAL_CHARS = 12;
export const MODEL_CHARS = 9;
export const MAX_PRESSURE = 0x0fff;

// ---- pen data (input report 0x01) ----

export interface PenSample {
  /** The pen is near the surface (the "rdy" bit). */
  proximity: boolean;
  /** The tip touches the surface (the "sw" bit). */
  touching: boolean;
  /** 0..4095 (12 bits). */
  pressure: number;
  x: number;
  y: number;
}

const RDY_BIT = 0x80;
const SW_BIT = 0x10;
const RESERVED_BITS = 0x60;

export function encodePenData(sample: PenSample): Uint8Array {
  checkUint(sample.pressure, 12, 'pressure');
  checkUint(sample.x, 16, 'x');
  checkUint(sample.y, 16, 'y');
  const out = new Uint8Array(PEN_DATA_BYTES);
  out[0] = StuReport.PenData;
  out[1] = (sample.proximity ? RDY_BIT : 0) | (sample.touching ? SW_BIT : 0) | (sample.pressure >>> 8);
  out[2] = sample.pressure & 0xff;
  const view = new DataView(out.buffer);
  view.setUint16(3, sample.x, false);
  view.setUint16(5, sample.y, false);
  return out;
}

/**
 * Decodes one pen report, checked against the pad's capability: a coordinate or pressure past
 * the pad's maximum, touch without proximity, or reserved bits set is a corrupt report.
 */
export function decodePenData(report: Uint8Array, capability: Pick<StuCapability, 'maxX' | 'maxY' | 'maxPressure'>): PenSample {
  const view = expectReport(report, StuReport.PenData, PEN_DATA_BYTES, 'pen data');
  const flags = view.getUint8(1);
  if ((flags & RESERVED_BITS) !== 0) throw new ReportError('bad-value', `pen data has reserved bits set (${flags.toString(2)})`, { flags });
  const proximity = (flags & RDY_BIT) !== 0;
  const touching = (flags & SW_BIT) !== 0;
  if (touching && !proximity) throw new ReportError('bad-value', 'pen data says touching without proximity', { flags });
  const pressure = ((flags & 0x0f) << 8) | view.getUint8(2);
  const x = view.getUint16(3, false);
  const y = view.getUint16(5, false);
  if (x > capability.maxX || y > capability.maxY || pressure > capability.maxPressure) {
    throw new ReportError('out-of-range', `pen at (${x}, ${y}) pressure ${pressure} is outside the pad (${capability.maxX}, ${capability.maxY}, ${capability.maxPressure})`, {
      x,
      y,
      pressure,
    });
  }
  if (!touching && pressure !== 0) throw new ReportError('bad-value', `pen not touching reports pressure ${pressure}`, { pressure });
  return { proximity, touching, pressure, x, y };
}

// ---- capability (feature 0x09) ----

export interface StuCapability {
  maxX: number;
  maxY: number;
  maxPressure: number;
  screenWidth: number;
  screenHeight: number;
  /** Pen reports per second. */
  maxReportRate: number;
  /** Tablet lines per inch. */
  resolution: number;
}

export function encodeCapability(c: StuCapability): Uint8Array {
  for (const [field, value] of Object.entries(c)) checkUint(value as number, field === 'maxReportRate' ? 8 : 16, field);
  const out = new Uint8Array(CAPABILITY_BYTES);
  out[0] = StuReport.Capability;
  const view = new DataView(out.buffer);
  view.setUint16(1, c.maxX, false);
  view.setUint16(3, c.maxY, false);
  view.setUint16(5, c.maxPressure, false);
  view.setUint16(7, c.screenWidth, false);
  view.setUint16(9, c.screenHeight, false);
  view.setUint8(11, c.maxReportRate);
  view.setUint16(12, c.resolution, false);
  return out;
}

export function decodeCapability(report: Uint8Array): StuCapability {
  const view = expectReport(report, StuReport.Capability, CAPABILITY_BYTES, 'capability');
  const c: StuCapability = {
    maxX: view.getUint16(1, false),
    maxY: view.getUint16(3, false),
    maxPressure: view.getUint16(5, false),
    screenWidth: view.getUint16(7, false),
    screenHeight: view.getUint16(9, false),
    maxReportRate: view.getUint8(11),
    resolution: view.getUint16(12, false),
  };
  if (c.maxX < 100 || c.maxY < 100) throw new ReportError('bad-value', `a pad of ${c.maxX} × ${c.maxY} points is not a signature pad`, { maxX: c.maxX, maxY: c.maxY });
  if (c.maxPressure < 1 || c.maxPressure > MAX_PRESSURE) throw new ReportError('bad-value', `max pressure ${c.maxPressure} is not 1..${MAX_PRESSURE}`, { maxPressure: c.maxPressure });
  if (c.screenWidth === 0 || c.screenHeight === 0) throw new ReportError('bad-value', 'the pad reports a screen of zero size', { screenWidth: c.screenWidth, screenHeight: c.screenHeight });
  if (c.maxReportRate === 0) throw new ReportError('bad-value', 'the pad reports a report rate of zero', {});
  if ((view.getUint8(14) | view.getUint8(15)) !== 0) throw new ReportError('bad-value', 'capability has reserved bytes set', {});
  return c;
}

// ---- information (feature 0x08) and serial (feature 0x0A) ----

export interface StuInformation {
  modelName: string;
  firmwareMajor: number;
  firmwareMinor: number;
  secureIc: number;
}

export function encodeInformation(info: StuInformation): Uint8Array {
  checkUint(info.firmwareMajor, 8, 'firmwareMajor');
  checkUint(info.firmwareMinor, 8, 'firmwareMinor');
  checkUint(info.secureIc, 8, 'secureIc');
  const out = new Uint8Array(INFORMATION_BYTES);
  out[0] = StuReport.Information;
  writeAscii(out, 1, MODEL_CHARS, info.modelName, 'modelName');
  out[10] = info.firmwareMajor;
  out[11] = info.firmwareMinor;
  out[12] = info.secureIc;
  return out;
}

export function decodeInformation(report: Uint8Array): StuInformation {
  expectReport(report, StuReport.Information, INFORMATION_BYTES, 'information');
  const modelName = readAscii(report, 1, MODEL_CHARS, 'modelName');
  if (modelName.length === 0) throw new ReportError('bad-value', 'information has an empty model name', {});
  if (((report[13] ?? 0) | (report[14] ?? 0) | (report[15] ?? 0)) !== 0) throw new ReportError('bad-value', 'information has reserved bytes set', {});
  return { modelName, firmwareMajor: report[10] ?? 0, firmwareMinor: report[11] ?? 0, secureIc: report[12] ?? 0 };
}

export function encodeSerial(serial: string): Uint8Array {
  const out = new Uint8Array(SERIAL_BYTES);
  out[0] = StuReport.Serial;
  writeAscii(out, 1, SERIAL_CHARS, serial, 'serial');
  return out;
}

export function decodeSerial(report: Uint8Array): string {
  expectReport(report, StuReport.Serial, SERIAL_BYTES, 'serial');
  const serial = readAscii(report, 1, SERIAL_CHARS, 'serial');
  if (serial.length === 0) throw new ReportError('bad-value', 'the pad reports an empty serial number', {});
  return serial;
}

// ---- status (feature 0x03) ----

export const StuStatusCode = {
  Ready: 0x00,
  Image: 0x01,
  Capture: 0x02,
  Calculation: 0x03,
  ImageBoot: 0x04,
  SystemReset: 0x05,
} as const;
export type StuStatusCode = (typeof StuStatusCode)[keyof typeof StuStatusCode];

export interface StuStatus {
  statusCode: StuStatusCode;
  /** 0 = the last command succeeded. */
  lastResultCode: number;
  statusWord: number;
}

export function encodeStatus(status: StuStatus): Uint8Array {
  const out = new Uint8Array(STATUS_BYTES);
  out[0] = StuReport.Status;
  out[1] = status.statusCode;
  out[2] = status.lastResultCode;
  new DataView(out.buffer).setUint16(3, status.statusWord, false);
  return out;
}

export function decodeStatus(report: Uint8Array): StuStatus {
  const view = expectReport(report, StuReport.Status, STATUS_BYTES, 'status');
  const statusCode = view.getUint8(1);
  if (statusCode > StuStatusCode.SystemReset) throw new ReportError('bad-value', `unknown status code ${statusCode}`, { statusCode });
  return { statusCode: statusCode as StuStatusCode, lastResultCode: view.getUint8(2), statusWord: view.getUint16(3, false) };
}

// ---- commands (set feature) ----

export function clearScreenReport(): Uint8Array {
  return Uint8Array.of(StuReport.ClearScreen, 0x00);
}

export function inkingModeReport(on: boolean): Uint8Array {
  return Uint8Array.of(StuReport.InkingMode, on ? 0x01 : 0x00);
}

export function resetReport(): Uint8Array {
  return Uint8Array.of(StuReport.Reset, 0x00);
}

/** Decodes a set-feature command the pad received (for the simulator): which command, and its argument byte. */
export function decodeCommand(report: Uint8Array): { command: 'clear-screen' | 'inking-mode' | 'reset'; argument: number } {
  if (report.length !== 2) throw new ReportError('bad-length', `a command report is 2 bytes, got ${report.length}`, { received: report.length });
  const [id = 0, argument = 0] = report;
  switch (id) {
    case StuReport.ClearScreen:
      return { command: 'clear-screen', argument };
    case StuReport.InkingMode:
      if (argument > 1) throw new ReportError('bad-value', `inking mode is 0 or 1, got ${argument}`, { argument });
      return { command: 'inking-mode', argument };
    case StuReport.Reset:
      return { command: 'reset', argument };
    default:
      throw new ReportError('bad-report-id', `unknown command report ${id}`, { received: id });
  }
}
