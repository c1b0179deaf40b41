import type { Logger } from 'pino';
import type { StationStatus } from '../contract/status.js';
import { EnrollmentService } from '../recording/enrollment-service.js';
import type { RegionDirectory } from '../reference/regions.js';
import { keyFileProtector, loadOrCreateDataKey } from '../security/data-key.js';
import type { DataKey, KeyProtector } from '../security/data-key.js';
import { openStationStore } from '../store/station-store.js';
import { ConnectivityMonitor } from '../sync/connectivity.js';
import { SyncService } from '../sync/sync-service.js';
import type { SyncWorkerOptions } from '../sync/sync-worker.js';
import { syncHandlers } from './services/sync-handlers.js';
import type { TrainingLinkState } from './services/sync-handlers.js';
import type { HostKind } from './call-context.js';
import type { StationSetup } from './config/profile.js';
import { createDispatcher } from './dispatcher.js';
import type { Dispatcher } from './dispatcher.js';
import { EventBus } from './event-bus.js';
import type { Handlers } from './handlers.js';
import { enrollmentHandlers } from './services/enrollment-handlers.js';
import { sessionHandlers } from './services/session-service.js';
import { stationHandlers } from './services/station-service.js';
import { SessionRegistry } from './sessions.js';
import { lockDataDir } from './station-lock.js';

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
  /** The region table (loaded once per process; see regionDirectory()). */
  regions: RegionDirectory;
  /** How the station data key is protected: Electron's safeStorage, else the key file. */
  keyProtector?: KeyProtector;
  /** The data key already loaded by the host (Electron main holds safeStorage; the core runs apart). */
  dataKey?: DataKey;
  now?: () => Date;
  /** Training mode's embedded central: plays outages on request. */
  trainingLink?: (state: TrainingLinkState) => Promise<void>;
  /** Timing overrides for the sync worker (tests, benches). */
  syncOptions?: Partial<SyncWorkerOptions>;
}

export function createStation({ setup, logger, host, regions, keyProtector, dataKey: providedKey, now, trainingLink, syncOptions }: CreateStationOptions): Station {
  const startedAt = (now ?? (() => new Date()))();
  const events = new EventBus();
  const unlock = lockDataDir(setup.dataDir);
  let store;
  let dataKey;
  try {
    store = openStationStore(setup.dataDir, logger);
  } catch (error: unknown) {
    unlock();
    throw error;
  }
  try {
    dataKey = providedKey ?? loadOrCreateDataKey({ dataDir: setup.dataDir, protector: keyProtector ?? keyFileProtector() });
  } catch (error: unknown) {
    store.close();
    unlock();
    throw error;
  }
  for (const warning of dataKey.warnings) logger.warn({ file: dataKey.file, protection: dataKey.protection, code: warning.code }, warning.message.en);
  const warnings = dataKey.warnings;
  const enrollments = new EnrollmentService({
    store,
    dataKey: dataKey.key,
    regions,
    districtCode: setup.profile.region.districtCode,
    ...(now ? { now } : {}),
    onCommitted: () => {
      sync?.worker.wake();
      events.emit('status.changed', status());
    },
  });
  const sessions = new SessionRegistry({ idleMs: setup.profile.session.idleMinutes * 60_000, ...(now ? { now } : {}) });

  const status = (): StationStatus => ({
    mode: setup.mode,
    connectivity: connectivity.connectivity,
    backlog: enrollments.backlog(),
    sync: sync?.topBar() ?? null,
  });

  const connectivity = new ConnectivityMonitor({
    centralUrl: setup.central?.url ?? null,
    intervalMs: (setup.central?.probeIntervalSeconds ?? 15) * 1000,
    ...(now ? { now } : {}),
    onChange: (next) => {
      logger.info({ connectivity: next }, 'connectivity changed');
      events.emit('status.changed', status());
    },
  });

  let sync: SyncService | null = null;
  if (setup.central !== null) {
    try {
      sync = new SyncService({
        central: setup.central,
        sync: setup.profile.sync,
        stationId: setup.profile.stationId,
        regencyCode: setup.profile.region.regencyCode,
        dataDir: setup.dataDir,
        dataKey: dataKey.key,
        store,
        logger,
        connectivity,
        onChange: () => events.emit('status.changed', status()),
        ...(syncOptions ? { workerOptions: syncOptions } : {}),
        ...(now ? { now } : {}),
      });
    } catch (error: unknown) {
      store.close();
      unlock();
      throw error;
    }
  }

  const handlers: Handlers = {
    ...stationHandlers({
      setup,
      startedAt,
      status,
      host,
      warnings: () => warnings,
      probeCentral: async () => {
        await connectivity.probe();
        return connectivity.connectivity;
      },
      ...(now ? { now } : {}),
    }),
    ...sessionHandlers({
      mode: setup.mode,
      sessions,
      audit: (entry) => {
        store.transaction(() => store.audit.append({ ...entry, at: new Date().toISOString(), subject: null }));
      },
    }),
    ...enrollmentHandlers(enrollments, setup),
    ...syncHandlers({ sync, mode: setup.mode, connectivity: () => connectivity.connectivity, trainingLink: trainingLink ?? null }),
  };
  const dispatcher = createDispatcher({ handlers, sessions, logger });
  connectivity.start();
  sync?.start();
  logger.info({ mode: setup.mode, stationId: setup.profile.stationId, dataDir: setup.dataDir, host }, 'station started');

  return {
    setup,
    dispatcher,
    events,
    logger,
    status,
    close: async () => {
      connectivity.stop();
      await sync?.stop();
      store.close();
      unlock();
      logger.info('station stopped');
    },
  };
}
