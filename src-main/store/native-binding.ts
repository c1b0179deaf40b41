import { existsSync } from 'node:fs';
import { StationError } from '../core/station-error.js';

/**
 * better-sqlite3's compiled addon is built for one ABI. This checkout's node_modules hold the
 * Node build (the tests, the web host). `npm start` under an Electron binary sets
 * KTP_SQLITE_BINDING to a copy built for Electron's ABI (scripts/electron-natives.mjs), and the
 * store opens SQLite with that one. A packaged app has its natives rebuilt and sets nothing.
 */
export function sqliteNativeBinding(env: NodeJS.ProcessEnv = process.env): { nativeBinding?: string } {
  const path = env['KTP_SQLITE_BINDING'];
  if (path === undefined || path === '') return {};
  if (!existsSync(path)) {
    throw new StationError('STORE_UNAVAILABLE', {
      message: {
        id: `Modul SQLite untuk Electron tidak ada di ${path} (KTP_SQLITE_BINDING). Jalankan: npm run electron:natives`,
        en: `The SQLite module for Electron is missing at ${path} (KTP_SQLITE_BINDING). Run: npm run electron:natives`,
      },
      details: { nativeBinding: path },
    });
  }
  return { nativeBinding: path };
}
