import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StationError } from '../core/station-error.js';
import { errnoCode, writeFileAtomicNoOverwrite } from './atomic-file.js';
import { open, seal } from './sealed-bytes.js';

export const SIGNING_KEY_FILE_NAME = 'station-signing.key';
const ASSOCIATED_DATA = 'ktp-station:signing-key:v1';

export interface StationSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  file: string;
}

/**
 * The station's Ed25519 signing key: it signs every packet and export manifest, so central
 * (and an importing station) can tell which station sealed them. Made once, on first use; its
 * PKCS#8 form is sealed with the station data key, so the file alone is useless.
 */
export function loadOrCreateSigningKey(dataDir: string, dataKey: Buffer): StationSigningKey {
  const file = join(dataDir, SIGNING_KEY_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let sealed: Buffer | undefined;
    try {
      sealed = readFileSync(file);
    } catch (error: unknown) {
      if (errnoCode(error) !== 'ENOENT') throw error;
    }
    if (sealed !== undefined) {
      let der: Buffer;
      try {
        der = open(dataKey, sealed, ASSOCIATED_DATA);
      } catch (cause: unknown) {
        throw new StationError('STORE_CORRUPT', {
          message: {
            id: `Kunci tanda tangan stasiun ${file} tidak dapat dibuka dengan kunci data stasiun ini. Pulihkan folder data dari cadangan.`,
            en: `The station signing key ${file} does not open with this station's data key. Restore the data folder from a backup.`,
          },
          details: { file },
          cause,
        });
      }
      const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
      const publicKey = createPublicKey(privateKey);
      return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), file };
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    // Another process may have won the race: then read what it wrote.
    writeFileAtomicNoOverwrite(file, seal(dataKey, der, ASSOCIATED_DATA), 0o600);
  }
  throw new Error(`could not create or read ${file}`);
}
