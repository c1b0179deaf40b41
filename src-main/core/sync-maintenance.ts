import type { Logger } from 'pino';
import { keyFileProtector, loadOrCreateDataKey } from '../security/data-key.js';
import { openStationStore } from '../store/station-store.js';
import type { StationStore } from '../store/station-store.js';
import { ConnectivityMonitor } from '../sync/connectivity.js';
import { SyncService } from '../sync/sync-service.js';
import type { StationSetup } from './config/profile.js';
import { StationError } from './station-error.js';
import { lockDataDir, stationHolder } from './station-lock.js';

/**
 * Sync work from the command line (`ktp-station sync reconcile`) on a station that is not running:
 * the same store, data key and sync service the station uses, without its loops. A running
 * station owns its outbox, so this refuses and points at the Sinkronisasi page instead.
 */
export async function withStoppedStationSync<T>(
  setup: StationSetup,
  logger: Logger,
  work: (sync: SyncService, store: StationStore) => Promise<T>,
): Promise<T> {
  const holder = stationHolder(setup.dataDir);
  if (holder !== null) {
    throw new StationError('STATION_RUNNING', {
      message: {
        id: `Station (PID ${holder}) sedang berjalan di folder data ini. Jalankan rekonsiliasi dari halaman Sinkronisasi (tombol Rekonsiliasi), atau tutup station lalu ulangi.`,
        en: `A station (PID ${holder}) is running on this data folder. Reconcile from its Sinkronisasi page (the Reconcile button), or close it and run this again.`,
      },
      details: { dataDir: setup.dataDir, pid: holder },
    });
  }
  if (setup.central === null) {
    throw new StationError('CENTRAL_NOT_CONFIGURED', {
      details: { hint: setup.mode === 'training' ? 'training mode has its central only while the station runs: use its Sinkronisasi page' : 'set central.url in the config' },
    });
  }
  const unlock = lockDataDir(setup.dataDir);
  let store: StationStore | undefined;
  let sync: SyncService | undefined;
  try {
    store = openStationStore(setup.dataDir, logger);
    const dataKey = loadOrCreateDataKey({ dataDir: setup.dataDir, protector: keyFileProtector() });
    const connectivity = new ConnectivityMonitor({ centralUrl: setup.central.url, intervalMs: 60_000, onChange: () => undefined });
    sync = SyncService.forSetup({ ...setup, central: setup.central }, { dataKey: dataKey.key, store, logger, connectivity, onChange: () => undefined });
    return await work(sync, store);
  } finally {
    await sync?.stop();
    store?.close();
    unlock();
  }
}
