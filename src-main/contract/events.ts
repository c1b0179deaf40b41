import { z } from 'zod';
import { defineEvent } from './method.js';
import { StationStatus } from './status.js';

export const events = {
  'status.changed': defineEvent({
    summary: 'Connectivity, backlog or mode changed; carries the whole top-bar status.',
    payload: StationStatus,
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
