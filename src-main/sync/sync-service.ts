import { createPublicKey } from 'node:crypto';
import type { Logger } from 'pino';
import type { Connectivity } from '../contract/status.js';
import type { ReconcileReport, SyncAttemptView, SyncOverview } from '../contract/methods/sync.js';
import type { CentralLink } from '../core/config/profile.js';
import type { SyncConfig } from '../core/config/schema.js';
import { loadOrCreateSigningKey } from '../security/signing-key.js';
import type { StationSigningKey } from '../security/signing-key.js';
import type { StationStore } from '../store/station-store.js';
import { CentralClient } from './central-client.js';
import type { ConnectivityMonitor } from './connectivity.js';
import { PacketStore } from './packet-store.js';
import { SyncWorker } from './sync-worker.js';
import type { SyncWorkerOptions } from './sync-worker.js';

export interface SyncServiceDeps {
  central: CentralLink;
  sync: SyncConfig;
  stationId: string;
  regencyCode: string;
  dataDir: string;
  dataKey: Buffer;
  store: StationStore;
  logger: Logger;
  connectivity: ConnectivityMonitor;
  onChange: () => void;
  /** Overrides for tests and benches (timings), on top of the config. */
  workerOptions?: Partial<SyncWorkerOptions>;
  now?: () => Date;
}

/** The station's sync: the central client, the packet store and the worker, and what the UI asks of them. */
export class SyncService {
  readonly worker: SyncWorker;
  readonly packets: PacketStore;
  readonly client: CentralClient;
  /** The station's Ed25519 key: signs packets, and the manifests of USB exports. */
  readonly signing: StationSigningKey;

  constructor(private readonly deps: SyncServiceDeps) {
    const signing = loadOrCreateSigningKey(deps.dataDir, deps.dataKey);
    this.signing = signing;
    this.packets = new PacketStore(deps.dataDir, {
      store: deps.store,
      dataKey: deps.dataKey,
      stationId: deps.stationId,
      centralPublicKey: createPublicKey(deps.central.publicKeyPem),
      signingKey: signing.privateKey,
      ...(deps.now ? { now: deps.now } : {}),
    });
    const link: { worker?: SyncWorker } = {};
    this.client = new CentralClient({
      baseUrl: deps.central.url,
      stationId: deps.stationId,
      credential: deps.central.credential,
      onOutcome: (outcome) => {
        deps.connectivity.record(outcome);
        link.worker?.linkOutcome(outcome.ok, !outcome.ok);
      },
    });
    const worker = new SyncWorker({
      store: deps.store,
      client: this.client,
      packets: this.packets,
      stationId: deps.stationId,
      regencyCode: deps.regencyCode,
      signingKeyPem: signing.publicKeyPem,
      dataKey: deps.dataKey,
      logger: deps.logger.child({ module: 'sync' }),
      options: {
        concurrency: deps.sync.concurrency,
        chunkBytes: deps.sync.chunkKiB * 1024,
        printCacheSize: deps.sync.printCacheSize,
        statusFeedIntervalMs: deps.sync.statusFeedSeconds * 1000,
        printQueueIntervalMs: deps.sync.printQueueSeconds * 1000,
        reconcileIntervalMs: deps.sync.reconcileMinutes === 0 ? null : deps.sync.reconcileMinutes * 60_000,
        ...deps.workerOptions,
      },
      ...(deps.now ? { now: deps.now } : {}),
      onChange: deps.onChange,
    });
    link.worker = worker;
    this.worker = worker;
  }

  /** The sync service of a station with this setup (the fields every caller takes from it). */
  static forSetup(
    setup: { central: CentralLink; dataDir: string; profile: { sync: SyncConfig; stationId: string; region: { regencyCode: string } } },
    deps: Omit<SyncServiceDeps, 'central' | 'sync' | 'stationId' | 'regencyCode' | 'dataDir'>,
  ): SyncService {
    return new SyncService({
      central: setup.central,
      sync: setup.profile.sync,
      stationId: setup.profile.stationId,
      regencyCode: setup.profile.region.regencyCode,
      dataDir: setup.dataDir,
      ...deps,
    });
  }

  start(): void {
    this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  /** For the top bar: bytes pending, last success, and the transfer in progress. */
  topBar(): { bytesPending: number; lastSuccessAt: string | null; transfer: { records: number; bytesSent: number; bytesTotal: number } | null } {
    const transfers = this.worker.currentTransfers();
    return {
      bytesPending: this.deps.store.outbox.backlog().bytes,
      lastSuccessAt: this.deps.store.sync.lastSuccess(['ACK']),
      transfer:
        transfers.length === 0
          ? null
          : {
              records: transfers.length,
              bytesSent: transfers.reduce((sum, t) => sum + t.bytesSent, 0),
              bytesTotal: transfers.reduce((sum, t) => sum + (t.bytesTotal ?? 0), 0),
            },
    };
  }

  overview(connectivity: Connectivity): SyncOverview {
    const store = this.deps.store;
    const backlog = store.outbox.backlog();
    return {
      enabled: true,
      centralUrl: this.deps.central.url,
      connectivity,
      backlog: { count: backlog.count, bytes: backlog.bytes, bySteps: store.outbox.backlogBySteps() },
      transfers: this.worker.currentTransfers().map((t) => ({
        enrollmentId: t.enrollmentId,
        registrationNo: store.enrollments.get(t.enrollmentId)?.registrationNo ?? null,
        step: t.step,
        bytesSent: t.bytesSent,
        bytesTotal: t.bytesTotal,
        startedAt: t.startedAt,
      })),
      lastSuccessAt: store.sync.lastSuccess(['ACK']),
      pausedUntil: this.worker.pausedUntilIso,
      breaker: this.worker.breaker.state,
      lastReconcile: this.worker.lastReconciliation,
      printReady: store.sync.printReadyCount(),
      references: store.sync.references(),
    };
  }

  history(query: { limit: number; beforeId?: number | undefined; failedOnly: boolean; enrollmentId?: string | undefined }): { attempts: SyncAttemptView[]; nextBeforeId: number | null } {
    const rows = this.deps.store.sync.history(query);
    const registration = new Map<string, string | null>();
    const attempts = rows.map((a) => {
      let registrationNo: string | null = null;
      if (a.enrollmentId !== null) {
        if (!registration.has(a.enrollmentId)) registration.set(a.enrollmentId, this.deps.store.enrollments.get(a.enrollmentId)?.registrationNo ?? null);
        registrationNo = registration.get(a.enrollmentId) ?? null;
      }
      return { ...a, registrationNo };
    });
    const last = rows.at(-1);
    return { attempts, nextBeforeId: rows.length === query.limit && last !== undefined ? last.id : null };
  }

  syncNow(): { due: number } {
    return { due: this.worker.syncNow() };
  }

  reconcile(): Promise<ReconcileReport> {
    return this.worker.reconcile();
  }
}
