import type { StationStore } from '../../store/station-store.js';

export interface PrinterRate {
  name: string;
  cards: number;
  /** Cards per hour of printing (first card started → last card finished, per batch). */
  cardsPerHour: number | null;
  ratedCardsPerHour: number;
  /** Why the desk should look at this printer, or null. */
  alerts: string[];
}

export interface DailyReport {
  date: string;
  printed: number;
  spoiled: Array<{ reason: string; count: number }>;
  spoiledTotal: number;
  failedNoCard: number;
  suketIssued: number;
  stockOpening: number;
  stockClosing: number;
  received: number;
  week: Array<{ date: string; printed: number; spoiled: number }>;
  printers: PrinterRate[];
}

/** Local midnight of `date` (YYYY-MM-DD) as an ISO instant, and of the next day. */
export function dayBounds(date: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number);
  const start = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

export function localDate(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${p(at.getMonth() + 1)}-${p(at.getDate())}`;
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return localDate(new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
}

/** A printer whose reported settings differ from its saved profile, and by what. */
export interface SettingsCheck {
  name: string;
  differences: Array<{ setting: string; saved: string | null; reported: string | null }>;
}

/** The day's report, read from the attempts, the blanko ledger and the Suket register. */
export function dailyReport(store: StationStore, input: { date: string; ratedCardsPerHour: number; settings: SettingsCheck | null }): DailyReport {
  const { from, to } = dayBounds(input.date);
  const attempts = store.printDesk.queue.finishedBetween(from, to);
  const printedToday = attempts.filter((a) => (a.state === 'PRINTED' || a.state === 'SPOILED') && a.finishedAt !== null && a.finishedAt >= from && a.finishedAt < to);
  const ledger = store.printDesk.blanko.between(from, to);
  const spoils = ledger.filter((m) => m.kind === 'SPOIL');
  const reasons = new Map<string, number>();
  for (const s of spoils) reasons.set(s.reason ?? '-', (reasons.get(s.reason ?? '-') ?? 0) + 1);

  const week: DailyReport['week'] = [];
  for (let back = 6; back >= 0; back -= 1) {
    const day = addDays(input.date, -back);
    const bounds = dayBounds(day);
    const moves = store.printDesk.blanko.between(bounds.from, bounds.to);
    week.push({ date: day, printed: moves.filter((m) => m.kind === 'CONSUME').length, spoiled: moves.filter((m) => m.kind === 'SPOIL').length });
  }

  const byPrinter = new Map<string, typeof printedToday>();
  for (const a of printedToday) byPrinter.set(a.printer, [...(byPrinter.get(a.printer) ?? []), a]);
  const printers: PrinterRate[] = [...byPrinter.entries()].map(([name, list]) => {
    const batches = new Map<string, { start: number; end: number }>();
    for (const a of list) {
      const start = Date.parse(a.startedAt ?? a.createdAt);
      const end = Date.parse(a.finishedAt ?? a.createdAt);
      const held = batches.get(a.batchId);
      batches.set(a.batchId, { start: Math.min(held?.start ?? start, start), end: Math.max(held?.end ?? end, end) });
    }
    const hours = [...batches.values()].reduce((h, b) => h + Math.max(0, b.end - b.start), 0) / 3_600_000;
    const cardsPerHour = hours > 0 ? Math.round((list.length / hours) * 10) / 10 : null;
    const alerts: string[] = [];
    if (cardsPerHour !== null && list.length >= 5 && cardsPerHour < 0.8 * input.ratedCardsPerHour) {
      alerts.push(`rate ${cardsPerHour}/h is below 80% of the rated ${input.ratedCardsPerHour}/h`);
    }
    if (input.settings?.name === name) {
      for (const d of input.settings.differences) alerts.push(`${d.setting}: reported ${d.reported ?? '-'}, saved ${d.saved ?? '-'}`);
    }
    return { name, cards: list.length, cardsPerHour, ratedCardsPerHour: input.ratedCardsPerHour, alerts };
  });
  if (input.settings !== null && input.settings.differences.length > 0 && !byPrinter.has(input.settings.name)) {
    printers.push({
      name: input.settings.name,
      cards: 0,
      cardsPerHour: null,
      ratedCardsPerHour: input.ratedCardsPerHour,
      alerts: input.settings.differences.map((d) => `${d.setting}: reported ${d.reported ?? '-'}, saved ${d.saved ?? '-'}`),
    });
  }

  return {
    date: input.date,
    printed: ledger.filter((m) => m.kind === 'CONSUME').length,
    spoiled: [...reasons.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    spoiledTotal: spoils.length,
    failedNoCard: attempts.filter((a) => a.state === 'FAILED' && !a.cardFed && a.finishedAt !== null && a.finishedAt >= from).length,
    suketIssued: store.printDesk.suket.countBetween(from, to),
    stockOpening: store.printDesk.blanko.stock(from),
    stockClosing: store.printDesk.blanko.stock(to),
    received: ledger.filter((m) => m.kind === 'RECEIVE').reduce((n, m) => n + m.quantity, 0),
    week,
    printers,
  };
}

/** Saved profile against what the printer reports now. */
export function compareSettings(name: string, saved: Record<string, string> | null, reported: Record<string, string>): SettingsCheck {
  if (saved === null) return { name, differences: [] };
  const keys = new Set([...Object.keys(saved), ...Object.keys(reported)]);
  const differences = [...keys].filter((k) => saved[k] !== reported[k]).map((k) => ({ setting: k, saved: saved[k] ?? null, reported: reported[k] ?? null }));
  return { name, differences };
}
