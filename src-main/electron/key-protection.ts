import { StationError, isStationError } from '../core/station-error.js';
import type { DataKeyOutcome } from '../core/process/protocol.js';
import { chooseKeyProtector, keyFileProtector, loadOrCreateDataKey } from '../security/data-key.js';
import type { KeyProtector, SafeStorageLike } from '../security/data-key.js';

/** Electron's safeStorage plus the one call that tells which Linux backend it picked. */
export interface ElectronSafeStorage extends SafeStorageLike {
  getSelectedStorageBackend?: () => string;
}

/**
 * The station data key is wrapped by the OS keychain through safeStorage (DPAPI, Keychain,
 * libsecret/kwallet). The documented fallback: on Linux without a keyring safeStorage uses a
 * fixed password ("basic_text"), which protects nothing, so the key file (0600) is used and
 * diagnostics warn about it; the same when encryption is unavailable at all.
 */
export function electronKeyProtector(platform: NodeJS.Platform, safeStorage: ElectronSafeStorage): KeyProtector {
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return keyFileProtector();
  return chooseKeyProtector(safeStorage);
}

/** Answers the core's request: the key of `dataDir`, loaded (or made) here in main where safeStorage lives. */
export function provideDataKey(dataDir: string, protector: KeyProtector): DataKeyOutcome {
  try {
    const dataKey = loadOrCreateDataKey({ dataDir, protector });
    const keyB64 = dataKey.key.toString('base64');
    dataKey.key.fill(0);
    return { ok: true, keyB64, file: dataKey.file, protection: dataKey.protection, warnings: dataKey.warnings };
  } catch (error: unknown) {
    const failure = isStationError(error) ? error : new StationError('DATA_KEY_UNUSABLE', { details: { reason: 'unexpected', error: String(error) }, cause: error });
    return { ok: false, error: failure.toPayload() };
  }
}
