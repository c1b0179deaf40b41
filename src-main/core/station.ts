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
import { AccountService } from '../security/accounts.js';
import { auditConfiguration } from '../security/config-audit.js';
import { accountHandlers } from './services/account-handlers.js';
import { auditHandlers, retentionHandlers } from './services/audit-handlers.js';
import { RetentionService } from '../recording/retention.js';
import { ReauthProofs } from './reauth-proofs.js';
import { syncHandlers } from './services/sync-handlers.js';
import { sneakernetHandlers } from './services/sneakernet-handlers.js';
import { SneakernetService } from '../sneakernet/sneakernet-service.js';
import { printHandlers } from './services/print-handlers.js';
import { suketHandlers } from './services/suket-handlers.js';
import { SuketService } from '../print/suket/suket-service.js';
import { loadOrCreateSigningKey } from '../security/signing-key.js';
import type { StationSigningKey } from '../security/signing-key.js';
import { BlankoStock } from '../print/desk/blanko-stock.js';
import { PrintDesk } from '../print/desk/print-desk-service.js';
import { createCardPrinter } from '../print/printer-factory.js';
import { createStationDevices } from './devices-setup.js';
import type { StationDevicesOptions } from './devices-setup.js';
import { deviceHandlers } from './services/device-handlers.js';
import type { DeviceHandlerDeps } from './services/device-handlers.js';
import { diagHandlers } from './services/diag-handlers.js';
import { managedDeviceProbe } from '../diagnostics/managed-probe.js';
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
  /** A host refused a request before the dispatcher (token, Origin, Host): it goes into the audit log. */
  recordRefusal(refusal: HostRefusal): void;
  close(): Promise<void>;
}

export interface HostRefusal {
  host: Exclude<HostKind, 'cli'>;
  code: string;
  /** The method or path asked for (cut to 120 characters). */
  target: string;
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
  /** Device manager and capture timing overrides (tests). */
  deviceOptions?: StationDevicesOptions & Pick<DeviceHandlerDeps, 'capture' | 'signature' | 'reconnectWaitMs'>;
}

export function createStation({ setup, logger, host, regions, keyProtector, dataKey: providedKey, now, trainingLink, syncOptions, deviceOptions }: CreateStationOptions): Station {
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
    quality: setup.profile.quality,
    ...(now ? { now } : {}),
    onCommitted: () => {
      sync?.worker.wake();
      events.emit('status.changed', status());
    },
  });
  const sessionConfig = setup.profile.session;
  const sessions = new SessionRegistry({
    idleMs: sessionConfig.idleMinutes * 60_000,
    maxMs: sessionConfig.maxHours * 3_600_000,
    ...(now ? { now } : {}),
  });
  const reauth = new ReauthProofs(sessionConfig.reauthSeconds * 1000, now);
  const accounts = new AccountService(store, sessionConfig, now);
  const clock = now ?? (() => new Date());
  const retention = new RetentionService({ store, config: setup.profile.retention, logger, ...(now ? { now } : {}) });
  const auditNow = (entry: { actor: string; role: string; action: string; subject: string | null; details: Record<string, unknown> }) => {
    store.transaction(() => store.audit.append({ ...entry, at: clock().toISOString() }));
  };

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
      sync = SyncService.forSetup({ ...setup, central: setup.central }, {
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

  const sneakernet =
    sync === null || setup.central === null
      ? null
      : new SneakernetService({
          store,
          packets: sync.packets,
          client: sync.client,
          stationId: setup.profile.stationId,
          regencyCode: setup.profile.region.regencyCode,
          signing: sync.signing,
          centralPublicKeyPem: setup.central.publicKeyPem,
          chunkBytes: setup.profile.sync.chunkKiB * 1024,
          logger: logger.child({ module: 'sneakernet' }),
          onProgress: (progress) => events.emit('sneakernet.progress', progress),
          onOutboxChanged: () => events.emit('status.changed', status()),
          ...(now ? { now } : {}),
        });
  const cardPrinter = createCardPrinter(setup.profile.printer);
  const printDesk = new PrintDesk({
    store,
    dataKey: dataKey.key,
    regionNames: setup.regionNames,
    printer: cardPrinter?.printer ?? null,
    printerName: cardPrinter?.name ?? 'none',
    logger,
    now: clock,
    onProgress: (event) => events.emit('print.progress', event),
    onResult: () => sync?.worker.wakePrintResults(),
  });
  const recovered = printDesk.recoverUnfinished();
  if (recovered > 0) logger.warn({ attempts: recovered }, 'print attempts left unfinished by the last run were marked FAILED');
  const blankoStock = new BlankoStock(store, setup.profile.printDesk.lowStockThreshold, clock);
  let signingKey: StationSigningKey | undefined;
  const stationSigningKey = () => (signingKey ??= loadOrCreateSigningKey(setup.dataDir, dataKey.key));
  const suket = new SuketService({
    store,
    enrollments,
    signingKey: stationSigningKey,
    stationId: setup.profile.stationId,
    regionNames: setup.regionNames,
    validDays: setup.profile.printDesk.suketValidDays,
    now: clock,
  });
  const devices = createStationDevices(setup, logger, (list) => events.emit('devices.changed', { devices: list }), deviceOptions);

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
      forgetSession: (id) => reauth.forgetSession(id),
      audit: (entry) => {
        store.transaction(() => store.audit.append({ ...entry, at: new Date().toISOString(), subject: null }));
      },
    }),
    ...enrollmentHandlers(enrollments, setup),
    ...syncHandlers({ sync, mode: setup.mode, connectivity: () => connectivity.connectivity, trainingLink: trainingLink ?? null }),
    ...sneakernetHandlers(sneakernet),
    ...printHandlers({
      store,
      desk: printDesk,
      stock: blankoStock,
      printer: cardPrinter,
      ratedCardsPerHour: setup.profile.printDesk.ratedCardsPerHour,
      stationId: setup.profile.stationId,
      regencyName: setup.regionNames.regency,
      now: clock,
    }),
    ...suketHandlers({ suket, signingKey: stationSigningKey }),
    ...deviceHandlers({
      mode: setup.mode,
      manager: devices.manager,
      registry: devices.registry,
      listers: devices.listers,
      enrollments,
      logger,
      ...(deviceOptions?.capture ? { capture: deviceOptions.capture } : {}),
      ...(deviceOptions?.signature ? { signature: deviceOptions.signature } : {}),
      ...(deviceOptions?.reconnectWaitMs === undefined ? {} : { reconnectWaitMs: deviceOptions.reconnectWaitMs }),
    }),
    ...diagHandlers({
      setup,
      centralUrl: () => setup.central?.url ?? null,
      // Every device the manager drives is probed through it; the rest have no driver to shake hands with.
      devices: { managedProbe: managedDeviceProbe(devices.manager) },
      ...(now ? { now } : {}),
    }),
    ...accountHandlers({ mode: setup.mode, accounts, sessions, reauth, policy: sessionConfig, audit: auditNow }),
    ...auditHandlers({ store, stationId: setup.profile.stationId, ...(now ? { now } : {}) }),
    ...retentionHandlers(retention),
  };
  const dispatcher = createDispatcher({ handlers, sessions, logger, security: { reauth, audit: auditNow } });
  connectivity.start();
  sync?.start();
  devices.manager.start();
  retention.start();
  try {
    auditConfiguration(store, setup.profile, setup.configPath, clock());
  } catch (error: unknown) {
    logger.error({ err: error }, 'could not audit the configuration');
  }
  logger.info({ mode: setup.mode, stationId: setup.profile.stationId, dataDir: setup.dataDir, host }, 'station started');

  return {
    setup,
    dispatcher,
    events,
    logger,
    status,
    recordRefusal: (refusal) => {
      try {
        auditNow({
          actor: 'anonymous',
          role: 'guest',
          action: 'REQUEST_REFUSED',
          subject: null,
          details: { host: refusal.host, code: refusal.code, target: refusal.target.slice(0, 120) },
        });
      } catch (error: unknown) {
        logger.error({ err: error, code: refusal.code }, 'could not audit a refused request');
      }
    },
    close: async () => {
      connectivity.stop();
      printDesk.stopBatch();
      await printDesk.settled();
      await cardPrinter?.printer.close();
      await devices.manager.stop();
      retention.stop();
      await sync?.stop();
      store.close();
      unlock();
      logger.info('station stopped');
    },
  };
}
