/**
 * What the printer's words mean. Error replies (`ERR …`), sensor words (`Rse`) and the counter
 * reply (`Rco`) map to the desk's fault codes and numbers; anything else is UNKNOWN_REPLY, never
 * a guess. Pure code.
 *
 * Replies as this driver reads them (the simulator in src-main/sim/printer speaks the same):
 * - action commands: `OK`, or `ERR <reason>`, or `ERROR CDE` (command not understood)
 * - `Rse`: `READY`, or the standing conditions separated by `;`, e.g. `COVER OPEN;RIBBON LOW`
 * - `Rco`: `fed=<n>;printed=<n>;rejected=<n>` (cards fed from the feeder, printed, rejected)
 * - `Rrt`: ribbon prints remaining (a whole number); `Rr`: ribbon type, e.g. `YMCKO`
 * - `Rfv`, `Rsn`, `Rtp`: firmware, serial number, model (text)
 */
import type { PrinterFault, PrinterFaultCode } from '../card-face.js';

/** Reasons the printer gives, as words it may use (matched case-insensitively, by prefix). */
const REASONS: ReadonlyArray<readonly [RegExp, PrinterFaultCode]> = [
  [/^(RIBBON|RIB) (OUT|END|ENDED|DETECTION)\b/i, 'RIBBON_OUT'],
  [/^(RIBBON|RIB) (LOW|NEAR END)\b/i, 'RIBBON_LOW'],
  [/^(RIBBON|RIB) (TYPE|WRONG|MISMATCH)\b/i, 'RIBBON_WRONG'],
  [/^(FEEDER EMPTY|NO CARD|HOPPER EMPTY)\b/i, 'FEEDER_EMPTY'],
  [/^(COVER OPEN|HEAD OPEN)\b/i, 'COVER_OPEN'],
  [/^(CARD JAM|JAM|BLOCKED)\b/i, 'CARD_JAM'],
  [/^(MECHANICAL|MECA|MOTOR)\b/i, 'MECHANICAL'],
];

/** The fault a reason word names, or null when the printer said something this driver does not know. */
export function faultOfReason(reason: string): PrinterFaultCode | null {
  for (const [pattern, code] of REASONS) if (pattern.test(reason.trim())) return code;
  return null;
}

export type ActionReply = { readonly ok: true } | { readonly ok: false; readonly fault: PrinterFault };

/** Reads the reply to an action command (Pr, Ss, Db, Wcb, Se). */
export function readActionReply(text: string): ActionReply {
  if (text === 'OK') return { ok: true };
  const err = /^ERR(?:OR)?\s+(.*)$/i.exec(text);
  if (err !== null) {
    const reason = err[1] ?? '';
    if (/^CDE\b/i.test(reason)) return { ok: false, fault: { code: 'JOB_FAILED', raw: text, warning: false } };
    const code = faultOfReason(reason);
    return { ok: false, fault: { code: code ?? 'UNKNOWN_REPLY', raw: text, warning: code === 'RIBBON_LOW' } };
  }
  return { ok: false, fault: { code: 'UNKNOWN_REPLY', raw: text, warning: false } };
}

/** Reads `Rse`; null when the reply is not a list of conditions this driver knows. */
export function readSensors(text: string): PrinterFault[] | null {
  if (text === 'READY') return [];
  const faults: PrinterFault[] = [];
  for (const word of text.split(';')) {
    const code = faultOfReason(word);
    if (code === null) return null;
    faults.push({ code, raw: word.trim(), warning: code === 'RIBBON_LOW' });
  }
  return faults;
}

export interface CardCounters {
  readonly fed: number;
  readonly printed: number;
  readonly rejected: number;
}

/** Reads `Rco`; null unless it names all three counters as whole numbers. */
export function readCounters(text: string): CardCounters | null {
  const match = /^fed=(\d{1,9});printed=(\d{1,9});rejected=(\d{1,9})$/.exec(text);
  if (match === null) return null;
  return { fed: Number(match[1]), printed: Number(match[2]), rejected: Number(match[3]) };
}

/** Reads `Rrt`; null unless a whole number. */
export function readRibbonRemaining(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
