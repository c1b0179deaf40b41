import { StationError } from '../../core/station-error.js';
import type { BlankoMovement } from '../../store/print/blanko-ledger-repository.js';
import type { StationStore } from '../../store/station-store.js';

export interface Actor {
  id: string;
  role: string;
}

export interface StockPicture {
  stock: number;
  lowThreshold: number;
  low: boolean;
  lastCount: BlankoMovement | null;
  /** What moved since the last physical count: explains a difference at the next one. */
  sinceLastCount: { received: number; consumed: number; spoiled: number };
  movements: BlankoMovement[];
}

const SERIAL = /^([A-Z0-9-]*?)(\d{4,12})$/;

function parseSerial(serial: string): { prefix: string; number: bigint; digits: number } | null {
  const match = SERIAL.exec(serial.trim().toUpperCase());
  if (match === null) return null;
  const [, prefix = '', digits = ''] = match;
  return { prefix, number: BigInt(digits), digits: digits.length };
}

function rangeError(reason: string, details: Record<string, unknown>): StationError {
  return new StationError('BLANKO_RANGE_INVALID', {
    message: {
      id: `Rentang seri blanko ditolak: ${reason.split(' | ')[0]}. Periksa nomor seri dan jumlah pada kemasan; stok tidak berubah.`,
      en: `Blank serial range refused: ${reason.split(' | ')[1] ?? reason}. Check the serials and the quantity on the package; the stock is unchanged.`,
    },
    details,
  });
}

/** Blanko stock: receive, consume (done by the desk per card fed), spoil, count. Stock = the ledger's sum. */
export class BlankoStock {
  constructor(
    private readonly store: StationStore,
    private readonly lowThreshold: number,
    private readonly now: () => Date,
  ) {}

  picture(limit = 50): StockPicture {
    const ledger = this.store.printDesk.blanko;
    const stock = ledger.stock();
    const lastCount = ledger.lastCount() ?? null;
    const since = ledger.since(lastCount?.id ?? 0);
    return {
      stock,
      lowThreshold: this.lowThreshold,
      low: stock <= this.lowThreshold,
      lastCount,
      sinceLastCount: {
        received: since.filter((m) => m.kind === 'RECEIVE').reduce((n, m) => n + m.quantity, 0),
        consumed: since.filter((m) => m.kind === 'CONSUME').length,
        spoiled: since.filter((m) => m.kind === 'SPOIL').length,
      },
      movements: ledger.movements({ limit }),
    };
  }

  receive(input: { quantity: number; serialFrom: string; serialTo: string; note?: string | undefined }, actor: Actor): StockPicture {
    const from = parseSerial(input.serialFrom);
    const to = parseSerial(input.serialTo);
    if (from === null || to === null) {
      throw rangeError('nomor seri harus diakhiri 4–12 angka | serials must end in 4–12 digits', { serialFrom: input.serialFrom, serialTo: input.serialTo });
    }
    if (from.prefix !== to.prefix || from.digits !== to.digits) {
      throw rangeError('awalan seri awal dan akhir berbeda | the first and last serial differ in prefix', { serialFrom: input.serialFrom, serialTo: input.serialTo });
    }
    const span = to.number - from.number + 1n;
    if (span !== BigInt(input.quantity)) {
      throw rangeError(`rentang berisi ${span} blanko, bukan ${input.quantity} | the range holds ${span} blanks, not ${input.quantity}`, {
        serialFrom: input.serialFrom,
        serialTo: input.serialTo,
        quantity: input.quantity,
        rangeHolds: Number(span),
      });
    }
    this.store.transaction(() => {
      for (const held of this.store.printDesk.blanko.receivedRanges()) {
        const a = parseSerial(held.serialFrom);
        const b = parseSerial(held.serialTo);
        if (a === null || b === null || a.prefix !== from.prefix) continue;
        if (from.number <= b.number && a.number <= to.number) {
          throw rangeError(`tumpang tindih dengan ${held.serialFrom}–${held.serialTo} yang sudah diterima | overlaps ${held.serialFrom}–${held.serialTo}, already received`, {
            serialFrom: input.serialFrom,
            serialTo: input.serialTo,
            overlaps: held,
          });
        }
      }
      const at = this.now().toISOString();
      this.store.printDesk.blanko.append({
        at,
        kind: 'RECEIVE',
        quantity: input.quantity,
        serialFrom: input.serialFrom.trim().toUpperCase(),
        serialTo: input.serialTo.trim().toUpperCase(),
        attemptId: null,
        counted: null,
        expected: null,
        reason: input.note ?? null,
        actor: actor.id,
      });
      this.store.audit.append({ at, actor: actor.id, role: actor.role, action: 'blanko.received', subject: null, details: { quantity: input.quantity, serialFrom: input.serialFrom, serialTo: input.serialTo } });
    });
    return this.picture();
  }

  /** Blanks spoiled outside a print job (damaged in storage, dropped): −1 each. */
  spoilLoose(input: { quantity: number; reason: string }, actor: Actor): StockPicture {
    this.store.transaction(() => {
      const stock = this.store.printDesk.blanko.stock();
      if (stock < input.quantity) throw new StationError('BLANKO_OUT', { details: { stock, requested: input.quantity } });
      const at = this.now().toISOString();
      for (let i = 0; i < input.quantity; i += 1) {
        this.store.printDesk.blanko.append({ at, kind: 'SPOIL', quantity: -1, serialFrom: null, serialTo: null, attemptId: null, counted: null, expected: null, reason: input.reason, actor: actor.id });
      }
      this.store.audit.append({ at, actor: actor.id, role: actor.role, action: 'blanko.spoiled', subject: null, details: { quantity: input.quantity, reason: input.reason } });
    });
    return this.picture();
  }

  /**
   * A physical count. Equal to the ledger: recorded. Different: refused with the difference and
   * what moved since the last count, unless the desk gives an explanation; then the difference is
   * booked as one COUNT line carrying that explanation.
   */
  count(input: { counted: number; explanation?: string | undefined }, actor: Actor): { difference: number; picture: StockPicture } {
    return this.store.transaction(() => {
      const expected = this.store.printDesk.blanko.stock();
      const difference = input.counted - expected;
      if (difference !== 0 && (input.explanation === undefined || input.explanation.trim().length < 5)) {
        const since = this.picture(0).sinceLastCount;
        throw new StationError('STOCK_COUNT_MISMATCH', {
          message: {
            id: `Hitung fisik ${input.counted}, buku stok ${expected}: selisih ${difference > 0 ? '+' : ''}${difference}. Sejak hitung terakhir: diterima ${since.received}, terpakai ${since.consumed}, rusak ${since.spoiled}. Hitung ulang, atau isi penjelasan selisih; stok tidak berubah.`,
            en: `Counted ${input.counted}, ledger ${expected}: difference ${difference > 0 ? '+' : ''}${difference}. Since the last count: received ${since.received}, used ${since.consumed}, spoiled ${since.spoiled}. Count again, or give an explanation of the difference; the stock is unchanged.`,
          },
          details: { counted: input.counted, expected, difference, sinceLastCount: since },
        });
      }
      const at = this.now().toISOString();
      this.store.printDesk.blanko.append({
        at,
        kind: 'COUNT',
        quantity: difference,
        serialFrom: null,
        serialTo: null,
        attemptId: null,
        counted: input.counted,
        expected,
        reason: input.explanation?.trim() ?? null,
        actor: actor.id,
      });
      this.store.audit.append({ at, actor: actor.id, role: actor.role, action: 'blanko.counted', subject: null, details: { counted: input.counted, expected, difference, explanation: input.explanation ?? null } });
      return { difference, picture: this.picture() };
    });
  }
}
