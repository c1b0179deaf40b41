import { z } from 'zod';
import { StationErrorPayload } from '../../contract/errors.js';
import { StationWarning } from '../../contract/status.js';

/**
 * The small typed protocol between a host shell (Electron main, or a test on plain Node) and
 * the Station core running off the window's thread (an Electron utilityProcess, or a Node
 * worker). Two kinds of channel carry it:
 *
 *   control channel (parent ⇄ core): attach a window's port, shutdown, shell log lines,
 *                                   the data key request; ready / boot-failed / stopped.
 *   connection port (window ⇄ core):  call → result, and events. One port per window; main
 *                                   brokers it and the window talks to the core directly.
 *
 * Every message is validated on arrival with these schemas; a malformed one is dropped and
 * logged, never acted on.
 */

export const WindowDisplay = z.enum(['windowed', 'fullscreen', 'kiosk']);
export type WindowDisplay = z.infer<typeof WindowDisplay>;

const LogLevel = z.enum(['info', 'warn', 'error']);

/** What the parent sends on the control channel. */
export const ParentMessage = z.discriminatedUnion('kind', [
  /** A window's port follows in the transfer list; `connection` is stable across reloads of that window. */
  z.object({ kind: z.literal('attach'), connection: z.string().min(1).max(64) }),
  /** Finish the calls in flight (a commit is never cut), close the station, then exit. */
  z.object({ kind: z.literal('shutdown') }),
  /** A line for the station log from the shell (renderer crash, reload), so there is one log. */
  z.object({ kind: z.literal('log'), level: LogLevel, message: z.string().max(2000), fields: z.record(z.string(), z.unknown()) }),
  /** The answer to `data-key-request`: the key unwrapped by the parent (which holds safeStorage). */
  z.object({
    kind: z.literal('data-key'),
    outcome: z.discriminatedUnion('ok', [
      z.object({
        ok: z.literal(true),
        keyB64: z.string(),
        file: z.string(),
        protection: z.enum(['safe-storage', 'key-file']),
        warnings: z.array(StationWarning),
      }),
      z.object({ ok: z.literal(false), error: StationErrorPayload }),
    ]),
  }),
]);
export type ParentMessage = z.infer<typeof ParentMessage>;
export type DataKeyOutcome = Extract<ParentMessage, { kind: 'data-key' }>['outcome'];

/** What the core sends on the control channel. */
export const CoreMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('ready'),
    mode: z.enum(['training', 'production']),
    display: WindowDisplay,
    dataDir: z.string(),
    logFile: z.string(),
  }),
  /** The station could not start (bad config, store refused, key unusable): not worth a restart. */
  z.object({ kind: z.literal('boot-failed'), error: StationErrorPayload }),
  /** The core needs the data key of this data folder unwrapped (Electron: safeStorage lives in main). */
  z.object({ kind: z.literal('data-key-request'), dataDir: z.string() }),
  z.object({ kind: z.literal('stopped'), finishedCalls: z.number().int().min(0) }),
]);
export type CoreMessage = z.infer<typeof CoreMessage>;

/** What a window sends on its connection port. */
export const WindowMessage = z.object({
  kind: z.literal('call'),
  id: z.number().int().min(0),
  method: z.string().max(200),
  params: z.unknown(),
});
export type WindowMessage = z.infer<typeof WindowMessage>;

/** What the core sends on a connection port. */
export const ConnectionMessage = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    id: z.number().int().min(0),
    outcome: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), result: z.unknown() }),
      z.object({ ok: z.literal(false), error: StationErrorPayload }),
    ]),
  }),
  z.object({ kind: z.literal('event'), message: z.object({ event: z.string(), payload: z.unknown() }) }),
]);
export type ConnectionMessage = z.infer<typeof ConnectionMessage>;

/** One end of a port as the core sees it (an Electron MessagePortMain or a Node MessagePort, adapted). */
export interface CorePort {
  post(message: ConnectionMessage): void;
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** The core's control channel to its parent (Electron `process.parentPort`, or a worker's parentPort, adapted). */
export interface ControlChannel {
  post(message: CoreMessage): void;
  onMessage(listener: (data: unknown, ports: readonly CorePort[]) => void): void;
}
