/**
 * The simulated printer's state: ribbon, feeder (hopper), counters, the sequence being built and
 * the faults armed on command. It answers one frame at a time and never paces anything. Counters
 * are honest: a card stopped before feeding leaves the feeder and the ribbon untouched; a card
 * fed and stopped (jam, mechanical) counts as fed and rejected; only a printed card uses ribbon.
 */
import type { ReceivedFrame } from './frame-parser.js';

export const SIM_RIBBON_CAPACITY = 200;
export const SIM_HOPPER_CAPACITY = 100;

export type PanelName = 'y' | 'm' | 'c' | 'k' | 'o';

export interface ReceivedPanel {
  readonly bitsPerDot: number;
  /** The raw bitmap as received, or null for a constant panel (`Wcb`). */
  readonly bitmap: Uint8Array | null;
  /** The value of a constant panel. */
  readonly fill: number;
}

export interface PrintedCard {
  /** 1 for the first card this simulator printed. */
  readonly number: number;
  readonly panels: Readonly<Record<PanelName, ReceivedPanel>>;
}

export interface SimCounters {
  readonly fed: number;
  readonly printed: number;
  readonly rejected: number;
  readonly ribbonRemaining: number;
  readonly hopper: number;
}

/** Faults the simulator injects on command (sim-commands.ts names them). */
export type SimFault =
  | { readonly kind: 'ribbon-out-at'; readonly card: number }
  | { readonly kind: 'ribbon-replace' }
  | { readonly kind: 'feeder-empty' }
  | { readonly kind: 'cards-load'; readonly count: number }
  | { readonly kind: 'cover-open' }
  | { readonly kind: 'cover-close' }
  | { readonly kind: 'jam' }
  | { readonly kind: 'mechanical' }
  | { readonly kind: 'garbage' }
  | { readonly kind: 'garbage-print' }
  | { readonly kind: 'silence' }
  | { readonly kind: 'silence-print' }
  | { readonly kind: 'clear' };

/** What the printer does with one frame: the reply (null: silent) and the card it printed. */
export interface FrameResult {
  readonly reply: Uint8Array | null;
  readonly printed: PrintedCard | null;
}

const GARBAGE = Uint8Array.from([0xfe, 0x13, 0x88, 0x2a, 0x00, 0x9c, 0x0d]);
const LEVELS_OF_COLOUR: Readonly<Record<string, number>> = { '32': 5, '64': 6, '128': 7 };
const ascii = (text: string): Uint8Array => new TextEncoder().encode(`${text}\r`);

export class SimulatedPrinterModel {
  private fed = 0;
  private printed = 0;
  private rejected = 0;
  private ribbonRemaining = SIM_RIBBON_CAPACITY;
  private hopper = SIM_HOPPER_CAPACITY;
  private coverOpen = false;
  private standing: 'CARD JAM' | 'MECHANICAL' | null = null;
  private armed: 'jam' | 'mechanical' | null = null;
  private garbageNext = false;
  private garbageOnPrint = false;
  private silent = false;
  private silenceOnPrint = false;
  private sequence: Partial<Record<PanelName, ReceivedPanel>> | null = null;
  private lastReply = 'OK';

  constructor(
    readonly serial = 'SIM-EVOLIS-0001',
    readonly firmware = '1.0.0-sim',
  ) {}

  counters(): SimCounters {
    return { fed: this.fed, printed: this.printed, rejected: this.rejected, ribbonRemaining: this.ribbonRemaining, hopper: this.hopper };
  }

  inject(fault: SimFault): void {
    switch (fault.kind) {
      case 'ribbon-out-at':
        this.ribbonRemaining = Math.max(0, fault.card - 1 - this.printed);
        break;
      case 'ribbon-replace':
        this.ribbonRemaining = SIM_RIBBON_CAPACITY;
        break;
      case 'feeder-empty':
        this.hopper = 0;
        break;
      case 'cards-load':
        this.hopper = Math.min(SIM_HOPPER_CAPACITY, this.hopper + fault.count);
        break;
      case 'cover-open':
        this.coverOpen = true;
        break;
      case 'cover-close':
        this.coverOpen = false;
        break;
      case 'jam':
      case 'mechanical':
        this.armed = fault.kind;
        break;
      case 'garbage':
        this.garbageNext = true;
        break;
      case 'garbage-print':
        this.garbageOnPrint = true;
        break;
      case 'silence':
        this.silent = true;
        break;
      case 'silence-print':
        this.silenceOnPrint = true;
        break;
      case 'clear':
        this.standing = null;
        this.armed = null;
        this.garbageNext = false;
        this.garbageOnPrint = false;
        this.silent = false;
        this.silenceOnPrint = false;
        break;
    }
  }

  /** A frame the parser could not read. */
  badFrame(): FrameResult {
    return this.answer('ERROR CDE', null);
  }

  handle(frame: ReceivedFrame): FrameResult {
    if (this.silent) return { reply: null, printed: null };
    const p = frame.params;
    switch (frame.command) {
      case 'Rfv':
        return this.answer(this.firmware, null);
      case 'Rsn':
        return this.answer(this.serial, null);
      case 'Rtp':
        return this.answer('Evolis Primacy (KTP Station simulator)', null);
      case 'Rr':
        return this.answer('YMCKO', null);
      case 'Rrt':
        return this.answer(String(this.ribbonRemaining), null);
      case 'Rco':
        return this.answer(`fed=${this.fed};printed=${this.printed};rejected=${this.rejected}`, null);
      case 'Rse':
        return this.answer(this.sensors(), null);
      case 'Rlr':
        return this.answer(this.lastReply, null);
      case 'Pr':
        return this.answer(p[0] === 'ymcko' ? 'OK' : 'ERR RIB TYPE', null);
      case 'Pmi':
      case 'Pem':
      case 'Si':
      case 'Seb':
      case 'Ser':
        return this.answer('OK', null);
      case 'Ss':
        this.sequence = {};
        return this.answer('OK', null);
      case 'Db':
        return this.download(p[0] ?? '', p[1] ?? '', frame.data);
      case 'Wcb':
        return this.constantPanel(p[0] ?? '', p[1] ?? '');
      case 'Se':
        return this.endSequence();
      default:
        return this.answer('ERROR CDE', null);
    }
  }

  private sensors(): string {
    const words: string[] = [];
    if (this.coverOpen) words.push('COVER OPEN');
    if (this.ribbonRemaining === 0) words.push('RIBBON OUT');
    else if (this.ribbonRemaining <= 10) words.push('RIBBON LOW');
    if (this.hopper === 0) words.push('FEEDER EMPTY');
    if (this.standing !== null) words.push(this.standing);
    return words.length === 0 ? 'READY' : words.join(';');
  }

  private download(panel: string, levels: string, data: Uint8Array | undefined): FrameResult {
    if (this.sequence === null) return this.answer('ERR NO SEQUENCE', null);
    if (data === undefined) return this.answer('ERR PARAM', null);
    if ((panel === 'k' || panel === 'o') && levels === '2') {
      this.sequence[panel] = { bitsPerDot: 1, bitmap: data, fill: 0 };
      return this.answer('OK', null);
    }
    const bits = LEVELS_OF_COLOUR[levels];
    if ((panel === 'y' || panel === 'm' || panel === 'c') && bits !== undefined) {
      this.sequence[panel] = { bitsPerDot: bits, bitmap: data, fill: 0 };
      return this.answer('OK', null);
    }
    return this.answer('ERR PARAM', null);
  }

  private constantPanel(panel: string, value: string): FrameResult {
    if (this.sequence === null) return this.answer('ERR NO SEQUENCE', null);
    if ((panel !== 'k' && panel !== 'o') || !/^\d{1,3}$/.test(value) || Number(value) > 255) return this.answer('ERR PARAM', null);
    this.sequence[panel] = { bitsPerDot: 1, bitmap: null, fill: Number(value) };
    return this.answer('OK', null);
  }

  private endSequence(): FrameResult {
    const sequence = this.sequence;
    this.sequence = null;
    if (sequence === null) return this.answer('ERR NO SEQUENCE', null);
    const { y, m, c, k, o } = sequence;
    if (y === undefined || m === undefined || c === undefined || k === undefined || o === undefined) return this.answer('ERR SEQUENCE', null);
    if (this.standing !== null) return this.answer(`ERR ${this.standing}`, null);
    // Checked before a card leaves the feeder: nothing is fed, nothing counted.
    if (this.coverOpen) return this.answer('ERR COVER OPEN', null);
    if (this.ribbonRemaining === 0) return this.answer('ERR RIBBON OUT', null);
    if (this.hopper === 0) return this.answer('ERR FEEDER EMPTY', null);
    this.hopper -= 1;
    this.fed += 1;
    if (this.armed !== null) {
      const what = this.armed === 'jam' ? 'CARD JAM' : 'MECHANICAL';
      this.armed = null;
      this.standing = what;
      this.rejected += 1;
      return this.answer(`ERR ${what}`, null);
    }
    this.ribbonRemaining -= 1;
    this.printed += 1;
    const card: PrintedCard = { number: this.printed, panels: { y, m, c, k, o } };
    if (this.silenceOnPrint) {
      this.silenceOnPrint = false;
      this.silent = true;
      return { reply: null, printed: card };
    }
    if (this.garbageOnPrint) {
      this.garbageOnPrint = false;
      return { reply: GARBAGE, printed: card };
    }
    return this.answer('OK', card);
  }

  private answer(text: string, printed: PrintedCard | null): FrameResult {
    if (this.garbageNext) {
      this.garbageNext = false;
      return { reply: GARBAGE, printed };
    }
    this.lastReply = text;
    return { reply: ascii(text), printed };
  }
}
