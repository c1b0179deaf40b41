import { z } from 'zod';

/** TRAINING: no config file, simulated devices, embedded central emulator. */
export const StationMode = z.enum(['training', 'production']);
export type StationMode = z.infer<typeof StationMode>;

/**
 * DARING: recent calls to central succeed. TERGANGGU: central answers with errors or times out.
 * LURING: no connection at all (refused, no route, no name, or no central configured).
 */
export const ConnectivityState = z.enum(['DARING', 'TERGANGGU', 'LURING']);
export type ConnectivityState = z.infer<typeof ConnectivityState>;

export const Connectivity = z.object({
  state: ConnectivityState,
  /** When the state last changed (ISO 8601). */
  since: z.iso.datetime(),
  /** When central was last probed; null before the first probe. */
  checkedAt: z.iso.datetime().nullable(),
  /** Round trip of the last successful probe. */
  latencyMs: z.number().nonnegative().nullable(),
  /** Why the link is not DARING, as a stable reason code with a short detail for the technician. */
  reason: z
    .object({
      code: z.enum([
        'CENTRAL_NOT_CONFIGURED',
        'DNS_FAILED',
        'CONNECTION_REFUSED',
        'CONNECTION_CUT',
        'NETWORK_UNREACHABLE',
        'TIMEOUT',
        'TLS_FAILED',
        'HTTP_ERROR',
        'MAINTENANCE',
      ]),
      detail: z.string(),
    })
    .nullable(),
});
export type Connectivity = z.infer<typeof Connectivity>;

/** Something a technician should fix; the station keeps working. */
export const StationWarning = z.object({
  code: z.enum(['DATA_KEY_FILE_ONLY', 'DATA_KEY_PERMISSIONS', 'DATA_KEY_FOLDER_PERMISSIONS']),
  message: z.object({ id: z.string(), en: z.string() }),
});
export type StationWarning = z.infer<typeof StationWarning>;

export const StationStatus = z.object({
  mode: StationMode,
  connectivity: Connectivity,
  /**
   * Records waiting to reach central. Null while this station has no record store
   * (nothing is assumed: the UI shows "—").
   */
  backlog: z.number().int().nonnegative().nullable(),
  /** The sync worker's progress for the top bar; null when no central is configured. */
  sync: z
    .object({
      bytesPending: z.number().int().nonnegative(),
      lastSuccessAt: z.iso.datetime().nullable(),
      /** Bytes of the packets in flight: sent so far and total (a progress bar while draining). */
      transfer: z.object({ records: z.number().int().nonnegative(), bytesSent: z.number().int().nonnegative(), bytesTotal: z.number().int().nonnegative() }).nullable(),
    })
    .nullable(),
});
export type StationStatus = z.infer<typeof StationStatus>;
