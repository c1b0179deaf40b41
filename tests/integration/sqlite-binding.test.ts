// KTP_SQLITE_BINDING (how `npm start` under Electron opens SQLite with an Electron-ABI build):
// shown here with the Node build's own addon file, a real database and a real station.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteNativeBinding } from '../../src-main/store/native-binding.js';
import { silentLogger, tempDir } from '../helpers/station.js';
import { openStationStore } from '../../src-main/store/station-store.js';

const nodeAddon = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

describe('SQLite native binding chosen by KTP_SQLITE_BINDING', () => {
  const saved = process.env['KTP_SQLITE_BINDING'];
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    if (saved === undefined) delete process.env['KTP_SQLITE_BINDING'];
    else process.env['KTP_SQLITE_BINDING'] = saved;
    for (const c of cleanups.splice(0)) c();
  });

  it('is the default addon when unset, the named file when set', () => {
    expect(sqliteNativeBinding({})).toEqual({});
    expect(sqliteNativeBinding({ KTP_SQLITE_BINDING: nodeAddon })).toEqual({ nativeBinding: nodeAddon });
  });

  it('a store opens through the named addon', () => {
    const t = tempDir('ktp-binding-');
    cleanups.push(t.remove);
    process.env['KTP_SQLITE_BINDING'] = nodeAddon;
    const store = openStationStore(t.dir, silentLogger());
    store.close();
  });

  it('a missing addon is refused with STORE_UNAVAILABLE naming the file and the fix', () => {
    const t = tempDir('ktp-binding-');
    cleanups.push(t.remove);
    process.env['KTP_SQLITE_BINDING'] = join(t.dir, 'nope', 'better_sqlite3.node');
    expect(() => openStationStore(join(t.dir, 'data'), silentLogger())).toThrow(expect.objectContaining({
      code: 'STORE_UNAVAILABLE',
      details: { nativeBinding: join(t.dir, 'nope', 'better_sqlite3.node') },
    }) as Error);
  });
});
