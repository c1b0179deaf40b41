import type { DiagCheck } from '../contract/methods/diag.js';
import type { CentralTime } from './central-checks.js';
import { fail, pass, skip, text } from './check.js';

const title = text('Jam station dibanding server pusat', 'Station clock against central');

/** Past this, signed packets, certificates and sessions start to fail. */
export const MAX_SKEW_MS = 120_000;

/** The station clock against central's (from its health reply or Date header). */
export function checkClock(time: CentralTime, now: Date, maxSkewMs: number = MAX_SKEW_MS): DiagCheck {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const base = { id: 'clock.skew', section: 'clock' as const, subject: `${now.toISOString()} (${zone})`, title };
  if (time.skewMs === null) {
    return skip({
      ...base,
      code: 'CENTRAL_TIME_UNKNOWN',
      cause: text('Waktu server pusat tidak diketahui: pemeriksaan HTTP tidak berhasil.', 'Central\'s time is unknown: the HTTP check did not succeed.'),
      facts: { localTime: now.toISOString(), timeZone: zone },
    });
  }
  const seconds = Math.round(time.skewMs / 1000);
  const facts = { localTime: now.toISOString(), timeZone: zone, skewMs: time.skewMs, source: time.source };
  const observed = `${seconds >= 0 ? '+' : ''}${seconds} s (${time.source ?? '?'})`;
  if (Math.abs(time.skewMs) > maxSkewMs) {
    const direction = time.skewMs > 0 ? text('tertinggal', 'behind') : text('terlalu maju', 'ahead');
    return fail({
      ...base,
      code: 'CLOCK_SKEW',
      observed,
      cause: text(
        `Jam station ${direction.id} ${Math.abs(seconds)} detik dari server pusat; sertifikat dan masuk ke pusat dapat gagal.`,
        `The station clock is ${Math.abs(seconds)} seconds ${direction.en} central; certificates and central sign-in can fail.`,
      ),
      fix: text('Setel jam dan zona waktu station, dan aktifkan NTP: `timedatectl set-ntp true`.', 'Set the station\'s clock and time zone, and turn NTP on: `timedatectl set-ntp true`.'),
      facts,
    });
  }
  return pass({ ...base, observed, facts });
}
