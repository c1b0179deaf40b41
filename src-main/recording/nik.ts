import type { LocalizedText } from '../contract/errors.js';
import type { JenisKelamin } from '../contract/demographics.js';

/**
 * NIK (Nomor Induk Kependudukan): 16 digits =
 *   province (2) + kabupaten/kota (2) + kecamatan (2) + birth date DDMMYY + serial (4),
 * where women have 40 added to DD (so 41–71). There is no check digit.
 */
export interface ParsedNik {
  provinceCode: string; // '35'
  regencyCode: string; // '3501'
  districtCode: string; // '350101'
  birthDate: string; // 'YYYY-MM-DD'
  sex: JenisKelamin;
  serial: string; // '0001'..'9999'
}

export type NikErrorCode = 'NIK_LENGTH' | 'NIK_NOT_DIGITS' | 'NIK_DATE_INVALID' | 'NIK_SERIAL_ZERO';

export type NikParseResult =
  | { ok: true; value: ParsedNik }
  | { ok: false; code: NikErrorCode; message: LocalizedText };

export const NIK_LENGTH = 16;
/** Oldest birth date accepted, in years before `today`. */
export const MAX_AGE_YEARS = 130;

export interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export const isoDate = (d: CalendarDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
/** As written on forms and the card: DD-MM-YYYY. */
export const cardDate = (d: CalendarDate): string => `${pad(d.day)}-${pad(d.month)}-${pad(d.year, 4)}`;

export function isRealDate(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, d.month, 0)).getUTCDate(); // leap-year agnostic upper bound
  if (d.day > daysInMonth) return false;
  if (d.month === 2 && d.day === 29) return isLeapYear(d.year);
  return true;
}

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * `today` as a calendar date in the station's local time zone (the desk's wall clock, WIB/WITA/WIT),
 * which is what "born today" and "17 years old today" mean to an operator.
 */
export const calendarDateOf = (today: Date): CalendarDate => ({
  year: today.getFullYear(),
  month: today.getMonth() + 1,
  day: today.getDate(),
});

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Whole years from `birth` to `today` (birthday reached when the month/day has come; 29 Feb → 1 Mar). */
export function ageInYears(birth: CalendarDate, today: CalendarDate): number {
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}

/** The earliest date still within MAX_AGE_YEARS of today (29 Feb maps to 1 Mar in a non-leap year). */
function oldestAllowed(today: CalendarDate): CalendarDate {
  const year = today.year - MAX_AGE_YEARS;
  if (today.month === 2 && today.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: today.month, day: today.day };
}

/**
 * Century rule for the two-digit year: take the latest year ending in YY whose date is a real
 * date, not after `today`, and not more than MAX_AGE_YEARS (130) before `today`. "Latest" settles
 * the case where two centuries both fit the 130-year window (e.g. YY=05 in 2025 → 2005, not 1905).
 * Returns undefined when no century fits (e.g. 31 February, or 29 Feb of a year that is never leap here).
 */
export function resolveCentury(day: number, month: number, yy: number, today: Date): CalendarDate | undefined {
  const now = calendarDateOf(today);
  const oldest = oldestAllowed(now);
  const base = now.year - (now.year % 100) + yy;
  for (const year of [base, base - 100, base - 200]) {
    const candidate = { year, month, day };
    if (!isRealDate(candidate)) continue;
    if (compareDates(candidate, now) > 0) continue;
    if (compareDates(candidate, oldest) < 0) continue;
    return candidate;
  }
  return undefined;
}

const fail = (code: NikErrorCode, id: string, en: string): NikParseResult => ({ ok: false, code, message: { id, en } });

/** Parses a NIK. Never throws; accepts exactly 16 ASCII digits (no spaces or separators). */
export function parseNik(nik: string, today: Date): NikParseResult {
  if (!/^[0-9]*$/.test(nik)) {
    return fail(
      'NIK_NOT_DIGITS',
      'NIK: hanya boleh berisi angka 0–9 (tanpa huruf, spasi, atau tanda baca). Periksa kembali NIK pada KK.',
      'NIK: must contain digits 0–9 only (no letters, spaces or punctuation). Check the NIK against the family card (KK).',
    );
  }
  if (nik.length !== NIK_LENGTH) {
    return fail(
      'NIK_LENGTH',
      `NIK: harus tepat 16 angka, yang diisi ${nik.length} angka. Periksa kembali NIK pada KK.`,
      `NIK: must be exactly 16 digits, but ${nik.length} were entered. Check the NIK against the family card (KK).`,
    );
  }
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const shown = `${nik.slice(6, 8)}-${nik.slice(8, 10)}-${nik.slice(10, 12)}`;
  const birth = day >= 1 && day <= 31 ? resolveCentury(day, month, yy, today) : undefined;
  if (birth === undefined) {
    return fail(
      'NIK_DATE_INVALID',
      `NIK: angka ke-7 s.d. 12 (${shown}) bukan tanggal lahir yang sah (tanggal 01–31 untuk laki-laki atau 41–71 untuk perempuan, bulan 01–12, tidak di masa depan). Periksa NIK.`,
      `NIK: digits 7–12 (${shown}) are not a valid birth date (day 01–31 for men or 41–71 for women, month 01–12, not in the future). Check the NIK.`,
    );
  }
  const serial = nik.slice(12, 16);
  if (serial === '0000') {
    return fail(
      'NIK_SERIAL_ZERO',
      'NIK: 4 angka terakhir (nomor urut) tidak boleh 0000. Periksa NIK.',
      'NIK: the last 4 digits (serial number) cannot be 0000. Check the NIK.',
    );
  }
  return {
    ok: true,
    value: {
      provinceCode: nik.slice(0, 2),
      regencyCode: nik.slice(0, 4),
      districtCode: nik.slice(0, 6),
      birthDate: isoDate(birth),
      sex: female ? 'PEREMPUAN' : 'LAKI-LAKI',
      serial,
    },
  };
}
