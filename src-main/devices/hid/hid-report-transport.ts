import type { DeviceTransport } from '../transport.js';

/**
 * A HID device reached report by report. On top of the DeviceTransport basics (output reports
 * written, input reports read one per `read`), HID devices answer feature reports: the Wacom STU
 * family puts its capability, information and status there.
 *
 * Every report carries its report id in byte 0, as node-hid expects on write and returns on read.
 */
export interface HidReportTransport extends DeviceTransport {
  /** Reads feature report `reportId`; the answer starts with the report id and is at most `length` bytes. */
  getFeatureReport(reportId: number, length: number): Promise<Uint8Array>;
  /** Sends a feature report (byte 0 = report id). */
  sendFeatureReport(report: Uint8Array): Promise<void>;
}

/** Checks a report before it goes to a device: a Uint8Array of 1..maxLength bytes whose byte 0 is a report id. */
export function isWellFormedReport(report: Uint8Array, maxLength = 4096): boolean {
  return report instanceof Uint8Array && report.length >= 1 && report.length <= maxLength;
}

/** A transport that speaks feature reports too (node-hid, or the in-memory pipe to a simulator). */
export function isHidReportTransport(transport: DeviceTransport): transport is HidReportTransport {
  const candidate = transport as Partial<HidReportTransport>;
  return typeof candidate.getFeatureReport === 'function' && typeof candidate.sendFeatureReport === 'function';
}
