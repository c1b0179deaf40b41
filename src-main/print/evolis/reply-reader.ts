/**
 * Cuts the printer's byte stream into replies: ASCII text ended by CR (a following LF, and NULs
 * between replies, are skipped). A reply that is not printable text, or that runs past
 * MAX_REPLY_BYTES without a CR, is garbage: it is returned as such so the driver can say
 * "unknown reply" instead of waiting for ever or guessing. Pure code.
 */
import { CR, NUL } from './command-frame.js';

export const MAX_REPLY_BYTES = 256;
const LF = 0x0a;

export type PrinterReply =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'garbage'; readonly raw: string };

/** Shows bytes for a log line: printable ASCII as is, anything else as \xNN. */
export function showBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`;
  return out;
}

export class ReplyReader {
  private pending: number[] = [];
  private readonly ready: PrinterReply[] = [];

  /** Feeds received bytes; complete replies become available through `next`. */
  push(chunk: Uint8Array): void {
    for (const b of chunk) {
      if (b === CR) {
        this.finish();
      } else if ((b === LF || b === NUL) && this.pending.length === 0) {
        continue;
      } else {
        this.pending.push(b);
        if (this.pending.length > MAX_REPLY_BYTES) this.finish();
      }
    }
  }

  next(): PrinterReply | undefined {
    return this.ready.shift();
  }

  /** Forgets everything not yet taken (after garbage, before the next command). */
  clear(): void {
    this.pending = [];
    this.ready.length = 0;
  }

  private finish(): void {
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    const printable = bytes.length > 0 && bytes.length <= MAX_REPLY_BYTES && bytes.every((b) => b >= 0x20 && b < 0x7f);
    this.ready.push(printable ? { kind: 'text', text: new TextDecoder().decode(bytes).trim() } : { kind: 'garbage', raw: showBytes(bytes) });
  }
}
