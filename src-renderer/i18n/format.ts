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
