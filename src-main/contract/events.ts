import { z } from 'zod';
import { defineEvent } from './method.js';
import { DeviceStatus } from './devices.js';
import { StationStatus } from './status.js';
import { SneakernetProgress } from './methods/sneakernet.js';
import { PrintProgressEvent } from './methods/print.js';

export const events = {
  'status.changed': defineEvent({
    summary: 'Connectivity, backlog or mode changed; carries the whole top-bar status.',
    payload: StationStatus,
  }),
  'sneakernet.progress': defineEvent({
    summary: 'Kirim via USB: packets written (export) or relayed (import) so far, for the progress bar.',
    payload: SneakernetProgress,
  }),
  'print.progress': defineEvent({
    summary: 'One card of a running print batch changed phase (printing, printed, failed), with the batch totals.',
    payload: PrintProgressEvent,
  }),
  'devices.changed': defineEvent({
    summary: 'A capture device changed state (SIAP / SIBUK / TIDAK_TERHUBUNG / GALAT) or diagnostics; carries every device.',
    payload: z.object({ devices: z.array(DeviceStatus) }),
  }),
  'core.state': defineEvent({
    summary: 'Electron host only: the station core (off the window thread) is starting, running, restarting after a crash, or stopping. The web host never sends it.',
    payload: z.object({
      state: z.enum(['starting', 'running', 'restarting', 'stopping', 'stopped', 'failed']),
      /** Restarts since launch. */
      restarts: z.number().int().min(0),
      /** While restarting: the wait before the next attempt. */
      retryInMs: z.number().int().min(0).nullable(),
    }),
  }),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]['payload']>;

/** One event as it travels over the WebSocket or the IPC channel. */
export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}
