import type { Language } from './index';

const LOCALE: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language]).format(value);
}

/** Whole seconds as `[days] hh:mm:ss`, the days part worded by the caller. */
export function splitDuration(totalSeconds: number): { days: number; clock: string } {
  const whole = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(whole / 86_400);
  const hours = Math.floor((whole % 86_400) / 3_600);
  const minutes = Math.floor((whole % 3_600) / 60);
  const seconds = whole % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { days, clock: `${pad(hours)}:${pad(minutes)}:${pad(seconds)}` };
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Bytes for people: "3,2 MB" (id) / "3.2 MB" (en); powers of 1024, one decimal from KB up. */
export function formatBytes(bytes: number, language: Language): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${number} ${BYTE_UNITS[unit] ?? 'B'}`;
}

/** A moment shown short: "14.05" today, "23 Nov 14.05" on another day (the desk's local time). */
export function formatShortTime(iso: string, language: Language, { seconds = false, now = new Date() }: { seconds?: boolean; now?: Date } = {}): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay = date.toDateString() === now.toDateString();
  const clock: Intl.DateTimeFormatOptions = seconds ? { hour: '2-digit', minute: '2-digit', second: '2-digit' } : { hour: '2-digit', minute: '2-digit' };
  const options: Intl.DateTimeFormatOptions = sameDay ? clock : { day: 'numeric', month: 'short', ...clock };
  return new Intl.DateTimeFormat(LOCALE[language], options).format(date).replace(', ', ' ');
}

/** Sent of total as a whole percentage, 0..100 (0 when the total is not known yet). */
export function percentOf(sent: number, total: number | null): number {
  if (total === null || total <= 0) return 0;
  return Math.min(100, Math.max(0, Math.round((sent / total) * 100)));
}
