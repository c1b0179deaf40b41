import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { StationWarning } from '../contract/status.js';
import { StationError } from '../core/station-error.js';
import { errnoCode, fsyncDirectory, writeFileAtomicNoOverwrite } from './atomic-file.js';
import { KEY_BYTES } from './sealed-bytes.js';

/**
 * The station data key: 32 random bytes, made on first use, that seal every biometric
 * image of this station (see sealed-bytes.ts). It lives in `<dataDir>/keys/station-data.key`
 * as a small JSON envelope:
 *
 *   { "version": 1, "protection": "key-file",     "keyB64":  "<the key>",            "createdAt": "..." }
 *   { "version": 1, "protection": "safe-storage", "blobB64": "<safeStorage output>", "createdAt": "..." }
 *
 * Under Electron the shell passes `safeStorage` in and the key is encrypted by the operating
 * system (DPAPI, Keychain, libsecret). On plain Node (web host) there is no such service:
 * the key is stored as-is and protected only by the file's permissions (0600, folder 0700).
 *
 * Losing this file loses every record, so it is never overwritten and never regenerated
 * when it exists but cannot be read: the station stops and says what to do.
 */

export type KeyProtection = 'safe-storage' | 'key-file';

export interface KeyProtector {
  readonly kind: KeyProtection;
  protect(key: Buffer): Buffer;
  unprotect(blob: Buffer): Buffer;
}

/** The part of Electron's `safeStorage` the station uses. The shell passes the real one in. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export interface DataKey {
  key: Buffer;
  file: string;
  protection: KeyProtection;
  /** Things a technician should fix (shown by diagnostics), each with a stable code. */
  warnings: StationWarning[];
}

export const DATA_KEY_FILE_NAME = 'station-data.key';
const ENVELOPE_VERSION = 1;
const MAX_KEY_FILE_BYTES = 64 * 1024;
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;
const isPosix = process.platform !== 'win32';

/** Why the key could not be used; carried as `details.reason`. */
export type DataKeyFailureReason =
  | 'safe-storage-unavailable'
  | 'key-file-unreadable'
  | 'key-file-corrupt'
  | 'key-file-version'
  | 'key-file-protection-mismatch'
  | 'key-unprotect-failed'
  | 'key-wrong-length'
  | 'key-file-write-failed';

function keyError(
  reason: DataKeyFailureReason,
  file: string,
  message: { id: string; en: string },
  details: Record<string, unknown> = {},
  cause?: unknown,
): StationError {
  return new StationError('DATA_KEY_UNUSABLE', { message, details: { reason, file, ...details }, cause });
}

const keepFile = {
  id: 'Jangan hapus atau timpa berkas ini: tanpa kunci ini rekaman biometrik di stasiun tidak dapat dibaca.',
  en: 'Do not delete or replace this file: without this key the biometric records on this station cannot be read.',
};

function damaged(reason: DataKeyFailureReason, file: string, what: { id: string; en: string }, details: Record<string, unknown> = {}, cause?: unknown) {
  return keyError(
    reason,
    file,
    {
      id: `Berkas kunci data stasiun ${file} ${what.id} Pulihkan berkas ini dari cadangan stasiun atau hubungi dukungan teknis. ${keepFile.id}`,
      en: `The station data key file ${file} ${what.en} Restore it from the station backup or contact technical support. ${keepFile.en}`,
    },
    details,
    cause,
  );
}

/** Electron's safeStorage: the key is encrypted by the operating system's credential store. */
export function safeStorageProtector(safeStorage: SafeStorageLike): KeyProtector {
  return {
    kind: 'safe-storage',
    protect(key) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
      return safeStorage.encryptString(key.toString('base64'));
    },
    unprotect(blob) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is not available');
      return decodeBase64(safeStorage.decryptString(blob));
    },
  };
}

/**
 * The documented fallback where no safeStorage exists (plain Node, web host): the key is
 * kept as-is and protected only by the file's permissions.
 */
export function keyFileProtector(): KeyProtector {
  return {
    kind: 'key-file',
    protect: (key) => Buffer.from(key),
    unprotect: (blob) => Buffer.from(blob),
  };
}

/** safeStorage when the host has it and it works, the key file otherwise. */
export function chooseKeyProtector(safeStorage: SafeStorageLike | undefined): KeyProtector {
  return safeStorage?.isEncryptionAvailable() === true ? safeStorageProtector(safeStorage) : keyFileProtector();
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function decodeBase64(text: string): Buffer {
  if (!BASE64.test(text)) throw new Error('not canonical base64');
  return Buffer.from(text, 'base64');
}

const Envelope = z.discriminatedUnion('protection', [
  z.object({ version: z.number(), protection: z.literal('key-file'), keyB64: z.string(), createdAt: z.string().optional() }),
  z.object({ version: z.number(), protection: z.literal('safe-storage'), blobB64: z.string(), createdAt: z.string().optional() }),
]);
type Envelope = z.infer<typeof Envelope>;

const protectionName = {
  'safe-storage': { id: 'safeStorage (penyimpanan kredensial sistem operasi, aplikasi Electron)', en: 'safeStorage (the operating system credential store, Electron app)' },
  'key-file': { id: 'berkas kunci (hanya izin berkas)', en: 'key file (file permissions only)' },
} as const;

function shellQuote(path: string): string {
  return /^[A-Za-z0-9_./:\\-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

function keyFileOnlyWarning(file: string, current: KeyProtection): StationWarning {
  const why =
    current === 'key-file'
      ? { id: 'tidak ada penyimpanan kredensial sistem operasi di komputer ini', en: 'no operating system credential store on this host' }
      : {
          id: 'kunci dibuat oleh host tanpa penyimpanan kredensial sistem operasi dan tidak pernah ditulis ulang',
          en: 'it was created by a host without the operating system credential store, and is never rewritten',
        };
  return {
    code: 'DATA_KEY_FILE_ONLY',
    message: {
      id: `Kunci data station ${file} hanya dilindungi izin berkas (${why.id}). Siapa pun yang dapat membaca berkas ini dan basis data dapat membaca gambar biometrik: simpan folder data di disk terenkripsi dan hanya dapat dibaca akun station.`,
      en: `The station data key ${file} is protected only by file permissions (${why.en}). Anyone who can read this file and the database can read the biometric images: keep the data folder on an encrypted disk and readable only by the station account.`,
    },
  };
}

function permissionWarnings(file: string): StationWarning[] {
  if (!isPosix) return [];
  const warnings: StationWarning[] = [];
  const fileMode = statSync(file).mode & 0o777;
  if ((fileMode & ~FILE_MODE) !== 0) {
    const mode = fileMode.toString(8).padStart(4, '0');
    warnings.push({
      code: 'DATA_KEY_PERMISSIONS',
      message: {
        id: `Kunci data station ${file} berizin ${mode}, lebih longgar dari 0600: akun lain dapat membacanya. Perbaiki: chmod 600 ${shellQuote(file)}`,
        en: `The station data key ${file} has permissions ${mode}, wider than 0600: other accounts may read it. Fix: chmod 600 ${shellQuote(file)}`,
      },
    });
  }
  const dir = dirname(file);
  const dirMode = statSync(dir).mode & 0o777;
  if ((dirMode & ~DIR_MODE) !== 0) {
    const mode = dirMode.toString(8).padStart(4, '0');
    warnings.push({
      code: 'DATA_KEY_FOLDER_PERMISSIONS',
      message: {
        id: `Folder kunci station ${dir} berizin ${mode}, lebih longgar dari 0700. Perbaiki: chmod 700 ${shellQuote(dir)}`,
        en: `The station key folder ${dir} has permissions ${mode}, wider than 0700. Fix: chmod 700 ${shellQuote(dir)}`,
      },
    });
  }
  return warnings;
}

function parseEnvelope(file: string, raw: Buffer): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw damaged('key-file-corrupt', file, { id: 'rusak: isinya bukan JSON yang sah.', en: 'is damaged: it is not valid JSON.' }, { bytes: raw.length }, error);
  }
  const parsed = Envelope.safeParse(json);
  if (!parsed.success) {
    throw damaged(
      'key-file-corrupt',
      file,
      { id: 'rusak: isinya bukan amplop kunci yang dikenal.', en: 'is damaged: it is not a key envelope this station knows.' },
      { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    );
  }
  if (parsed.data.version !== ENVELOPE_VERSION) {
    throw keyError(
      'key-file-version',
      file,
      {
        id: `Berkas kunci data stasiun ${file} ditulis oleh versi aplikasi lain (format ${parsed.data.version}). Jalankan versi aplikasi yang menulisnya atau yang lebih baru. ${keepFile.id}`,
        en: `The station data key file ${file} was written by another version of the app (format ${parsed.data.version}). Run the app version that wrote it, or a newer one. ${keepFile.en}`,
      },
      { version: parsed.data.version, expected: ENVELOPE_VERSION },
    );
  }
  return parsed.data;
}

function readKey(file: string, envelope: Envelope, protector: KeyProtector): Buffer {
  let decoded: Buffer;
  if (envelope.protection === 'key-file') {
    // A key-file envelope holds the key itself: any protector can read it.
    try {
      decoded = decodeBase64(envelope.keyB64);
    } catch (error) {
      throw damaged('key-file-corrupt', file, { id: 'rusak: kuncinya bukan base64 yang sah.', en: 'is damaged: the key is not valid base64.' }, {}, error);
    }
  } else {
    if (protector.kind !== 'safe-storage') {
      const written = protectionName[envelope.protection];
      const current = protectionName[protector.kind];
      throw keyError(
        'key-file-protection-mismatch',
        file,
        {
          id: `Kunci data stasiun ${file} dilindungi dengan ${written.id}, tetapi stasiun ini berjalan dengan ${current.id} dan tidak dapat membukanya. Jalankan stasiun sebagai aplikasi Electron dengan akun pengguna yang sama yang membuat kunci ini. ${keepFile.id}`,
          en: `The station data key ${file} is protected with ${written.en}, but this station is running with ${current.en} and cannot open it. Start the station as the Electron app, under the same user account that created the key. ${keepFile.en}`,
        },
        { written: envelope.protection, current: protector.kind },
      );
    }
    let blob: Buffer;
    try {
      blob = decodeBase64(envelope.blobB64);
    } catch (error) {
      throw damaged('key-file-corrupt', file, { id: 'rusak: isinya bukan base64 yang sah.', en: 'is damaged: the protected key is not valid base64.' }, {}, error);
    }
    try {
      decoded = protector.unprotect(blob);
    } catch (error) {
      throw keyError(
        'key-unprotect-failed',
        file,
        {
          id: `Penyimpanan kredensial sistem operasi tidak dapat membuka kunci data stasiun ${file}. Masuk dengan akun pengguna yang membuat kunci ini, pastikan keychain/penyimpanan kredensial tidak terkunci, lalu mulai ulang stasiun. ${keepFile.id}`,
          en: `The operating system credential store could not open the station data key ${file}. Sign in with the user account that created the key, make sure its keychain/credential store is unlocked, then restart the station. ${keepFile.en}`,
        },
        { protection: envelope.protection, error: error instanceof Error ? error.message : String(error) },
        error,
      );
    }
  }
  if (decoded.length !== KEY_BYTES) {
    const length = decoded.length;
    decoded.fill(0);
    throw damaged(
      'key-wrong-length',
      file,
      { id: `rusak: panjang kuncinya ${length} byte, seharusnya ${KEY_BYTES}.`, en: `is damaged: the key is ${length} bytes long, not ${KEY_BYTES}.` },
      { length, expected: KEY_BYTES },
    );
  }
  // A copy outside Node's shared small-buffer pool, so the caller may wipe it.
  const key = Buffer.alloc(KEY_BYTES);
  decoded.copy(key);
  decoded.fill(0);
  return key;
}

function loadExisting(file: string, protector: KeyProtector): DataKey | undefined {
  let raw: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_KEY_FILE_BYTES) {
      throw damaged('key-file-corrupt', file, { id: `rusak: ukurannya ${size} byte, terlalu besar.`, en: `is damaged: it is ${size} bytes, far too large.` }, { bytes: size });
    }
    raw = readFileSync(file);
  } catch (error) {
    if (error instanceof StationError) throw error;
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw keyError(
      'key-file-unreadable',
      file,
      {
        id: `Berkas kunci data stasiun ${file} ada tetapi tidak dapat dibaca (${errnoCode(error) ?? 'galat'}). Periksa bahwa itu berkas biasa yang dapat dibaca oleh akun stasiun. ${keepFile.id}`,
        en: `The station data key file ${file} exists but cannot be read (${errnoCode(error) ?? 'error'}). Check that it is a regular file readable by the station account. ${keepFile.en}`,
      },
      { errno: errnoCode(error) },
      error,
    );
  }
  const envelope = parseEnvelope(file, raw);
  const key = readKey(file, envelope, protector);
  const warnings = permissionWarnings(file);
  if (envelope.protection === 'key-file') warnings.push(keyFileOnlyWarning(file, protector.kind));
  return { key, file, protection: envelope.protection, warnings };
}

function ensureKeyFolder(dataDir: string, keysDir: string): void {
  const created = mkdirSync(keysDir, { recursive: true, mode: DIR_MODE });
  if (created !== undefined) {
    if (isPosix) chmodSync(keysDir, DIR_MODE);
    fsyncDirectory(dataDir);
  }
}

function createKey(file: string, dataDir: string, protector: KeyProtector): boolean {
  const key = randomBytes(KEY_BYTES);
  try {
    let envelope: Envelope;
    const createdAt = new Date().toISOString();
    if (protector.kind === 'key-file') {
      envelope = { version: ENVELOPE_VERSION, protection: 'key-file', keyB64: key.toString('base64'), createdAt };
    } else {
      let blob: Buffer;
      try {
        blob = protector.protect(key);
        // Never store a key the protector cannot give back.
        const back = protector.unprotect(blob);
        const same = back.equals(key);
        back.fill(0);
        if (!same) throw new Error('safeStorage returned a different key than it was given');
      } catch (error) {
        throw keyError(
          'safe-storage-unavailable',
          file,
          {
            id: `Penyimpanan kredensial sistem operasi tidak dapat melindungi kunci data stasiun baru ${file}. Pastikan keychain/penyimpanan kredensial aktif dan tidak terkunci, lalu mulai ulang stasiun.`,
            en: `The operating system credential store could not protect the new station data key ${file}. Make sure the keychain/credential store is running and unlocked, then restart the station.`,
          },
          { error: error instanceof Error ? error.message : String(error) },
          error,
        );
      }
      envelope = { version: ENVELOPE_VERSION, protection: 'safe-storage', blobB64: blob.toString('base64'), createdAt };
    }
    const keysDir = dirname(file);
    try {
      ensureKeyFolder(dataDir, keysDir);
      return writeFileAtomicNoOverwrite(file, Buffer.from(`${JSON.stringify(envelope)}\n`, 'utf8'), FILE_MODE);
    } catch (error) {
      throw keyError(
        'key-file-write-failed',
        file,
        {
          id: `Kunci data stasiun baru tidak dapat ditulis ke ${file} (${errnoCode(error) ?? 'galat'}). Periksa bahwa folder data dapat ditulis dan disk tidak penuh.`,
          en: `The new station data key could not be written to ${file} (${errnoCode(error) ?? 'error'}). Check that the data folder is writable and the disk is not full.`,
        },
        { errno: errnoCode(error) },
        error,
      );
    }
  } finally {
    key.fill(0);
  }
}

/**
 * Loads the station data key from `<dataDir>/keys/station-data.key`, creating it on first
 * use. Throws a StationError (with `details.reason` and `details.file`) when the file exists
 * but cannot be used; it never replaces such a file.
 */
export function loadOrCreateDataKey(options: { dataDir: string; protector: KeyProtector }): DataKey {
  const { dataDir, protector } = options;
  const file = join(dataDir, 'keys', DATA_KEY_FILE_NAME);
  const existing = loadExisting(file, protector);
  if (existing !== undefined) return existing;
  // Created here, or by a concurrent starter in between: either way, read back what is on disk,
  // so the key returned is exactly the one stored.
  createKey(file, dataDir, protector);
  const stored = loadExisting(file, protector);
  if (stored === undefined) {
    throw keyError(
      'key-file-write-failed',
      file,
      {
        id: `Kunci data stasiun baru hilang dari ${file} segera setelah ditulis. Periksa folder data (antivirus, sinkronisasi berkas) lalu mulai ulang stasiun.`,
        en: `The new station data key vanished from ${file} right after it was written. Check the data folder (antivirus, file sync) and restart the station.`,
      },
    );
  }
  return stored;
}
