import type { StationDatabase } from '../database.js';

/** What a desk saved about a printer: its model, rated speed and the settings it should report. */
export interface PrinterProfileRow {
  name: string;
  kind: string;
  model: string;
  ratedCardsPerHour: number;
  settings: Record<string, string>;
  savedAt: string;
}

export class PrinterProfileRepository {
  constructor(private readonly db: StationDatabase) {}

  save(p: PrinterProfileRow): void {
    this.db
      .prepare(
        `INSERT INTO printer_profile (name, kind, model, rated_cards_per_hour, settings, saved_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, model = excluded.model, rated_cards_per_hour = excluded.rated_cards_per_hour,
           settings = excluded.settings, saved_at = excluded.saved_at`,
      )
      .run(p.name, p.kind, p.model, p.ratedCardsPerHour, JSON.stringify(p.settings), p.savedAt);
  }

  get(name: string): PrinterProfileRow | undefined {
    const r = this.db.prepare('SELECT * FROM printer_profile WHERE name = ?').get(name) as
      | { name: string; kind: string; model: string; rated_cards_per_hour: number; settings: string; saved_at: string }
      | undefined;
    return r === undefined
      ? undefined
      : { name: r.name, kind: r.kind, model: r.model, ratedCardsPerHour: r.rated_cards_per_hour, settings: JSON.parse(r.settings) as Record<string, string>, savedAt: r.saved_at };
  }
}
