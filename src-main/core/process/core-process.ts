import type { Logger } from 'pino';
import { bootStation } from '../boot.js';
import type { BootOptions, BootedStation } from '../boot.js';
import { statefulConnection } from '../call-context.js';
import type { CallerConnection, HostKind } from '../call-context.js';
import { StationError, isStationError } from '../station-error.js';
import type { DataKey } from '../../security/data-key.js';
import { ParentMessage, WindowMessage } from './protocol.js';
import type { ControlChannel, CorePort, DataKeyOutcome } from './protocol.js';

export interface RunCoreOptions {
  channel: ControlChannel;
  host: Exclude<HostKind, 'cli'>;
  /** Config and data flags, as the shell received them. */
  boot: Omit<BootOptions, 'host' | 'provideDataKey' | 'keyProtector'>;
  /** True under Electron: the data key is unwrapped by main, where safeStorage lives. */
  dataKeyFromParent: boolean;
  /** The core entry point; bootStation unless a test gives its own. */
  bootStation?: (options: BootOptions) => Promise<BootedStation>;
}

/** How the core process ended: 0 after a clean shutdown, 2 when the station could not start. */
export type CoreExit = 0 | 2;

/**
 * The Station core off the window's thread. Boots the station through the one core entry point
 * (bootStation, the same the web host uses), then serves each attached window's port: calls go
 * to the dispatcher, events fan out to every port. `shutdown` refuses new calls, waits for the
 * calls in flight (a commit is never cut off), closes the station and reports `stopped`.
 */
export async function runCore(options: RunCoreOptions): Promise<CoreExit> {
  const { channel, host } = options;
  const boot = options.bootStation ?? bootStation;
  const keyAnswers: Array<(outcome: DataKeyOutcome) => void> = [];
  const waitingPorts: Array<{ connection: string; port: CorePort }> = [];
  const connections = new Map<string, CallerConnection>();
  const ports = new Set<CorePort>();
  const inFlight = new Set<Promise<void>>();
  let booted: BootedStation | null = null;
  let logger: Logger | null = null;
  let stopping = false;
  let finishedCalls = 0;
  let shutdownRequested: () => void = () => undefined;
  const shutdown = new Promise<void>((resolve) => {
    shutdownRequested = resolve;
  });

  const warn = (fields: Record<string, unknown>, message: string): void => {
    if (logger !== null) logger.warn(fields, message);
    else process.stderr.write(`${message} ${JSON.stringify(fields)}\n`);
  };

  const unavailable = (reason: string) => new StationError('CORE_UNAVAILABLE', { details: { reason } }).toPayload();

  function attach(connectionId: string, port: CorePort, station: BootedStation): void {
    let connection = connections.get(connectionId);
    if (connection === undefined) {
      // Kept across reloads of the same window: the operator stays signed in.
      connection = statefulConnection(host);
      connections.set(connectionId, connection);
    }
    const caller = connection;
    ports.add(port);
    port.onClose(() => ports.delete(port));
    port.onMessage((data) => {
      const parsed = WindowMessage.safeParse(data);
      if (!parsed.success) {
        warn({ connection: connectionId, issues: parsed.error.issues.map((i) => i.message) }, 'malformed message on a window port dropped');
        return;
      }
      const { id, method, params } = parsed.data;
      if (stopping) {
        port.post({ kind: 'result', id, outcome: { ok: false, error: unavailable('stopping') } });
        return;
      }
      const call: Promise<void> = station.station.dispatcher.dispatch(method, params, caller).then((outcome) => {
        finishedCalls += 1;
        port.post({ kind: 'result', id, outcome });
      });
      inFlight.add(call);
      void call.finally(() => inFlight.delete(call));
    });
  }

  channel.onMessage((data, transferred) => {
    const parsed = ParentMessage.safeParse(data);
    if (!parsed.success) {
      warn({ issues: parsed.error.issues.map((i) => i.message) }, 'malformed control message dropped');
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'attach': {
        const port = transferred[0];
        if (port === undefined) {
          warn({ connection: message.connection }, 'attach without a port dropped');
          return;
        }
        if (stopping) port.close();
        else if (booted === null) waitingPorts.push({ connection: message.connection, port });
        else attach(message.connection, port, booted);
        return;
      }
      case 'shutdown':
        stopping = true;
        shutdownRequested();
        return;
      case 'log':
        if (logger !== null) logger[message.level]({ ...message.fields, source: 'shell' }, message.message);
        return;
      case 'data-key':
        keyAnswers.shift()?.(message.outcome);
        return;
    }
  });

  const provideDataKey = (dataDir: string): Promise<DataKey> =>
    new Promise<DataKeyOutcome>((resolve) => {
      keyAnswers.push(resolve);
      channel.post({ kind: 'data-key-request', dataDir });
    }).then((outcome) => {
      if (!outcome.ok) throw new StationError(outcome.error.code, { message: outcome.error.message, details: outcome.error.details ?? {} });
      return { key: Buffer.from(outcome.keyB64, 'base64'), file: outcome.file, protection: outcome.protection, warnings: outcome.warnings };
    });

  let station: BootedStation;
  try {
    station = await boot({ ...options.boot, host, ...(options.dataKeyFromParent ? { provideDataKey } : {}) });
  } catch (error: unknown) {
    const payload = isStationError(error)
      ? error.toPayload()
      : new StationError('INTERNAL', { details: { reason: 'station could not start', error: String(error) } }).toPayload();
    channel.post({ kind: 'boot-failed', error: payload });
    for (const waiting of waitingPorts.splice(0)) waiting.port.close();
    return 2;
  }
  booted = station;
  logger = station.station.logger;
  const unsubscribe = station.station.events.subscribe((message) => {
    for (const port of ports) port.post({ kind: 'event', message });
  });
  for (const waiting of waitingPorts.splice(0)) attach(waiting.connection, waiting.port, station);
  channel.post({
    kind: 'ready',
    mode: station.setup.mode,
    display: station.setup.profile.window?.display ?? 'windowed',
    dataDir: station.setup.dataDir,
    logFile: station.logFile,
  });
  logger.info({ host, pid: process.pid }, 'station core serving windows off the UI thread');

  await shutdown;
  // New calls are refused from here on; the ones already running finish and are answered.
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  unsubscribe();
  logger.info({ finishedCalls }, 'station core stopping after its calls in flight');
  await station.shutdown();
  channel.post({ kind: 'stopped', finishedCalls });
  for (const port of ports) port.close();
  return 0;
}
