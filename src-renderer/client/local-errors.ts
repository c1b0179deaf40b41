import type { StationErrorPayload } from '../../src-main/contract/index.js';

/**
 * Errors made on this side of the wire, when no reply from the station could be read.
 * They use the contract's INTERNAL code and say plainly what happened and what to do.
 */
export function stationUnreachable(method: string, cause: unknown): StationErrorPayload {
  return {
    code: 'INTERNAL',
    message: {
      id: 'Station tidak dapat dihubungi. Pastikan station masih berjalan, lalu coba lagi.',
      en: 'The station cannot be reached. Make sure the station is still running, then try again.',
    },
    details: { method, side: 'client', cause: describe(cause) },
  };
}

export function unreadableReply(method: string, httpStatus: number): StationErrorPayload {
  return {
    code: 'INTERNAL',
    message: {
      id: `Jawaban station tidak dapat dibaca (HTTP ${httpStatus}). Coba lagi; bila berulang, hubungi teknisi.`,
      en: `The station's reply could not be read (HTTP ${httpStatus}). Try again; if it keeps happening, call the technician.`,
    },
    details: { method, side: 'client', httpStatus },
  };
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}

/** A reply body that has the shape of a station error (checked field by field, not trusted). */
export function isStationErrorPayload(value: unknown): value is StationErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, details } = value as Record<string, unknown>;
  if (typeof code !== 'string' || typeof message !== 'object' || message === null) return false;
  const { id, en } = message as Record<string, unknown>;
  if (typeof id !== 'string' || typeof en !== 'string') return false;
  return details === undefined || (typeof details === 'object' && details !== null);
}
