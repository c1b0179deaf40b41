import type { Logger } from 'pino';
import type { StationStatus } from '../contract/status.js';
import { ConnectivityMonitor } from '../sync/connectivity.js';
import type { HostKind } from './call-context.js';
import type { StationSetup } from './config/profile.js';
import { createDispatcher } from './dispatcher.js';
import type { Dispatcher } from './dispatcher.js';
import { EventBus } from './event-bus.js';
import type { Handlers } from './handlers.js';
import { sessionHandlers } from './services/session-service.js';
import { stationHandlers } from './services/station-service.js';
import { SessionRegistry } from './sessions.js';

/** The Station core: one per launch, shared by whichever host carries the UI. */
export interface Station {
  readonly setup: StationSetup;
  readonly dispatcher: Dispatcher;
  readonly events: EventBus;
  readonly logger: Logger;
  status(): StationStatus;
  close(): Promise<void>;
}

export interface CreateStationOptions {
  setup: StationSetup;
  logger: Logger;
  host: Exclude<HostKind, 'cli'>;
  now?: () => Date;
}

export function createStation({ setup, logger, host, now }: CreateStationOptions): Station {
  const startedAt = (now ?? (() => new Date()))();
  const events = new EventBus();
  const sessions = new SessionRegistry({ idleMs: setup.profile.session.idleMinutes * 60_000, ...(now ? { now } : {}) });

  const status = (): StationStatus => ({
    mode: setup.mode,
    connectivity: connectivity.connectivity,
    // No record store in this build: the backlog is unknown, not zero.
    backlog: null,
  });

  const connectivity = new ConnectivityMonitor({
    centralUrl: setup.profile.central?.url ?? null,
    intervalMs: (setup.profile.central?.probeIntervalSeconds ?? 15) * 1000,
    ...(now ? { now } : {}),
    onChange: (next) => {
      logger.info({ connectivity: next }, 'connectivity changed');
      events.emit('status.changed', status());
    },
  });

  const handlers: Handlers = {
    ...stationHandlers({
      setup,
      startedAt,
      status,
      host,
      probeCentral: async () => {
        await connectivity.probe();
        return connectivity.connectivity;
      },
      ...(now ? { now } : {}),
    }),
    ...sessionHandlers({ mode: setup.mode, sessions }),
  };
  const dispatcher = createDispatcher({ handlers, sessions, logger });
  connectivity.start();
  logger.info({ mode: setup.mode, stationId: setup.profile.stationId, dataDir: setup.dataDir, host }, 'station started');

  return {
    setup,
    dispatcher,
    events,
    logger,
    status,
    close: () => {
      connectivity.stop();
      logger.info('station stopped');
      return Promise.resolve();
    },
  };
}
