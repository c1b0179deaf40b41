/**
 * The typed error of every HID report codec (signature pad, iris camera). Codecs are pure:
 * they never throw anything else on input bytes. Drivers decide what a reason means (drop the
 * report, ask again, give up) and map it for the operator.
 */
export type ReportErrorReason =
  | 'bad-report-id'
  | 'bad-length'
  | 'bad-checksum'
  | 'bad-value'
  | 'out-of-range'
  | 'out-of-order'
  | 'bad-argument';

export class ReportError extends Error {
  constructor(
    readonly reason: ReportErrorReason,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

export function hexByte(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Checks byte 0 and the exact length of a fixed-size report. */
export function expectReport(report: Uint8Array, reportId: number, length: number, name: string): DataView {
  if (report.length === 0) throw new ReportError('bad-length', `empty report where ${name} (${hexByte(reportId)}) was expected`, { reportId });
  const id = report[0] ?? -1;
  if (id !== reportId) {
    throw new ReportError('bad-report-id', `report ${hexByte(id)} where ${name} (${hexByte(reportId)}) was expected`, { expected: reportId, received: id });
  }
  if (report.length !== length) {
    throw new ReportError('bad-length', `${name} is ${length} bytes, got ${report.length}`, { reportId, expected: length, received: report.length });
  }
  return new DataView(report.buffer, report.byteOffset, report.byteLength);
}

/** Printable ASCII, NUL-padded: the text before the first NUL; anything else is refused. */
export function readAscii(report: Uint8Array, from: number, length: number, field: string): string {
  let text = '';
  for (let i = from; i < from + length; i += 1) {
    const c = report[i] ?? 0;
    if (c === 0) {
      for (let j = i + 1; j < from + length; j += 1) {
        if ((report[j] ?? 0) !== 0) throw new ReportError('bad-value', `${field} has bytes after its NUL padding`, { field });
      }
      break;
    }
    if (c < 0x20 || c > 0x7e) throw new ReportError('bad-value', `${field} holds a non-printable byte ${hexByte(c)}`, { field, byte: c });
    text += String.fromCharCode(c);
  }
  return text;
}

export function writeAscii(target: Uint8Array, from: number, length: number, text: string, field: string): void {
  if (text.length > length || !/^[\x20-\x7e]*$/.test(text)) {
    throw new ReportError('bad-argument', `${field} must be at most ${length} printable ASCII characters`, { field, text });
  }
  for (let i = 0; i < length; i += 1) target[from + i] = i < text.length ? text.charCodeAt(i) : 0;
}

export function checkUint(value: number, bits: 8 | 12 | 16 | 32, field: string): void {
  const max = 2 ** bits - 1;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new ReportError('bad-argument', `${field} must be an integer 0..${max}, got ${String(value)}`, { field, value });
  }
}
