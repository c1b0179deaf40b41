import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isStationError } from '../../src-main/core/station-error.js';
import type { StationError } from '../../src-main/core/station-error.js';
import {
  chooseKeyProtector,
  keyFileProtector,
  loadOrCreateDataKey,
  safeStorageProtector,
} from '../../src-main/security/data-key.js';
import type { SafeStorageLike } from '../../src-main/security/data-key.js';
import { open, seal } from '../../src-main/security/sealed-bytes.js';

const posix = process.platform !== 'win32';

/**
 * An in-memory stand-in for Electron's safeStorage: really encrypts (with a key only this
 * object knows), and throws on foreign bytes like the real one does.
 */
function fakeSafeStorage(available = true): SafeStorageLike & { calls: number } {
  const osKey = randomBytes(32);
  return {
    calls: 0,
    isEncryptionAvailable: () => available,
    encryptString(plainText) {
      this.calls++;
      return seal(osKey, Buffer.from(plainText, 'utf8'), 'os-credential-store');
    },
    decryptString(encrypted) {
      this.calls++;
      return open(osKey, encrypted, 'os-credential-store').toString('utf8');
    },
  };
}

function thrown(fn: () => unknown): StationError {
  try {
    fn();
  } catch (error) {
    if (isStationError(error)) return error;
    throw error;
  }
  throw new Error('expected a StationError');
}

describe('station data key (real files)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function dataDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'ktp-key-'));
    dirs.push(dir);
    return dir;
  }
  const keyPath = (dir: string) => join(dir, 'keys', 'station-data.key');

  it('creates a 32-byte key on first use and loads the same key afterwards', () => {
    const dir = dataDir();
    const created = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
    expect(created.file).toBe(keyPath(dir));
    expect(created.key.length).toBe(32);
    expect(created.protection).toBe('key-file');
    const loaded = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
    expect(loaded.key.equals(created.key)).toBe(true);
    const envelope = JSON.parse(readFileSync(created.file, 'utf8')) as Record<string, unknown>;
    expect(envelope).toMatchObject({ version: 1, protection: 'key-file', keyB64: created.key.toString('base64') });
    // Only the key file itself: no temp file left behind.
    expect(readdirSync(join(dir, 'keys'))).toEqual(['station-data.key']);
  });

  it('warns that a key-file key is protected only by file permissions', () => {
    const dir = dataDir();
    const created = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
    expect(created.warnings).toHaveLength(1);
    expect(created.warnings[0]?.message.en).toMatch(/protected only by file permissions/);
    expect(created.warnings[0]?.code).toBe('DATA_KEY_FILE_ONLY');
  });

  it.skipIf(!posix)('writes the file 0600 in a 0700 folder', () => {
    const dir = dataDir();
    const { file } = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
  });

  it.skipIf(!posix)('loads a chmod 644 key with a warning that names the fix: chmod 600 FILE', () => {
    const dir = dataDir();
    const created = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
    chmodSync(created.file, 0o644);
    const loaded = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
    expect(loaded.key.equals(created.key)).toBe(true);
    expect(loaded.warnings.map((w) => w.message.en)).toContainEqual(expect.stringContaining(`chmod 600 ${created.file}`));
    expect(loaded.warnings.find((w) => w.message.en.includes('chmod 600'))?.message.en).toMatch(/0644/);
    // Loading does not change the file (the operator applies the fix).
    expect(statSync(created.file).mode & 0o777).toBe(0o644);
  });

  it.each([
    ['not JSON', 'this is not json', 'key-file-corrupt'],
    ['JSON but not an envelope', '{"hello":"world"}', 'key-file-corrupt'],
    ['bad base64', '{"version":1,"protection":"key-file","keyB64":"%%%%"}', 'key-file-corrupt'],
    ['a 16-byte key', `{"version":1,"protection":"key-file","keyB64":"${Buffer.alloc(16, 9).toString('base64')}"}`, 'key-wrong-length'],
    ['an unknown format version', `{"version":2,"protection":"key-file","keyB64":"${Buffer.alloc(32, 9).toString('base64')}"}`, 'key-file-version'],
    ['an empty file', '', 'key-file-corrupt'],
  ])('refuses a key file holding %s, and leaves it untouched', (_what, content, reason) => {
    const dir = dataDir();
    mkdirSync(join(dir, 'keys'), { mode: 0o700 });
    const file = keyPath(dir);
    writeFileSync(file, content, { mode: 0o600 });
    const before = readFileSync(file);
    const error = thrown(() => loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() }));
    expect(error.code).toBe('DATA_KEY_UNUSABLE');
    expect(error.details).toMatchObject({ reason, file });
    expect(error.text.en).toContain(file);
    expect(error.text.en).toMatch(/Do not delete or replace this file/);
    expect(error.text.id).toContain(file);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(join(dir, 'keys'))).toEqual(['station-data.key']);
  });

  it('refuses, and does not regenerate, a key path it cannot read', () => {
    const dir = dataDir();
    // A folder where the key file should be: it exists, but cannot be read as a file.
    mkdirSync(keyPath(dir), { recursive: true });
    const error = thrown(() => loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() }));
    expect(error.code).toBe('DATA_KEY_UNUSABLE');
    expect(error.details).toMatchObject({ reason: 'key-file-unreadable', file: keyPath(dir), errno: 'EISDIR' });
    expect(statSync(keyPath(dir)).isDirectory()).toBe(true);
  });

  describe('safeStorage replaced: no Electron here', () => {
    it('round-trips a key protected by the stand-in, and the file never holds the key itself', () => {
      const dir = dataDir();
      const safeStorage = fakeSafeStorage();
      const protector = safeStorageProtector(safeStorage);
      const created = loadOrCreateDataKey({ dataDir: dir, protector });
      expect(created.protection).toBe('safe-storage');
      expect(created.warnings).toEqual([]);
      expect(safeStorage.calls).toBeGreaterThan(0);
      const raw = readFileSync(created.file, 'utf8');
      expect(raw).not.toContain(created.key.toString('base64'));
      expect(JSON.parse(raw)).toMatchObject({ version: 1, protection: 'safe-storage', blobB64: expect.any(String) });
      const loaded = loadOrCreateDataKey({ dataDir: dir, protector });
      expect(loaded.key.equals(created.key)).toBe(true);
    });

    it('a key written with safe-storage cannot be opened by the key-file protector: a clear error, file untouched', () => {
      const dir = dataDir();
      const created = loadOrCreateDataKey({ dataDir: dir, protector: safeStorageProtector(fakeSafeStorage()) });
      const before = readFileSync(created.file);
      const error = thrown(() => loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() }));
      expect(error.code).toBe('DATA_KEY_UNUSABLE');
      expect(error.details).toMatchObject({ reason: 'key-file-protection-mismatch', file: created.file, written: 'safe-storage', current: 'key-file' });
      expect(error.text.en).toMatch(/protected with safeStorage .* cannot open it\. Start the station as the Electron app/);
      expect(readFileSync(created.file).equals(before)).toBe(true);
    });

    it('another credential store (another OS account) cannot open it: refused, not regenerated', () => {
      const dir = dataDir();
      const created = loadOrCreateDataKey({ dataDir: dir, protector: safeStorageProtector(fakeSafeStorage()) });
      const before = readFileSync(created.file);
      const error = thrown(() => loadOrCreateDataKey({ dataDir: dir, protector: safeStorageProtector(fakeSafeStorage()) }));
      expect(error.details).toMatchObject({ reason: 'key-unprotect-failed', file: created.file });
      expect(readFileSync(created.file).equals(before)).toBe(true);
    });

    it('a key-file key stays readable when the host later has safeStorage, with the warning', () => {
      const dir = dataDir();
      const created = loadOrCreateDataKey({ dataDir: dir, protector: keyFileProtector() });
      const loaded = loadOrCreateDataKey({ dataDir: dir, protector: safeStorageProtector(fakeSafeStorage()) });
      expect(loaded.key.equals(created.key)).toBe(true);
      expect(loaded.protection).toBe('key-file');
      expect(loaded.warnings.map((w) => w.message.en)).toContainEqual(expect.stringMatching(/protected only by file permissions/));
    });

    it('unavailable safeStorage: creating refuses (no file written), and chooseKeyProtector falls back to the key file', () => {
      const dir = dataDir();
      const unavailable = fakeSafeStorage(false);
      const error = thrown(() => loadOrCreateDataKey({ dataDir: dir, protector: safeStorageProtector(unavailable) }));
      expect(error.details).toMatchObject({ reason: 'safe-storage-unavailable' });
      expect(() => statSync(keyPath(dir))).toThrow(/ENOENT/);
      expect(chooseKeyProtector(unavailable).kind).toBe('key-file');
      expect(chooseKeyProtector(undefined).kind).toBe('key-file');
      expect(chooseKeyProtector(fakeSafeStorage()).kind).toBe('safe-storage');
    });
  });
});
