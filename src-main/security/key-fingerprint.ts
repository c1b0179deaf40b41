import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_KEY_FILE_NAME } from './data-key.js';

/**
 * Names the station data key without revealing it: SHA-256 of the key file as stored (works
 * whether the key is protected by safeStorage or not). Null when the station has no key yet.
 */
export function dataKeyFingerprint(dataDir: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(join(dataDir, 'keys', DATA_KEY_FILE_NAME))).digest('hex');
  } catch (error: unknown) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
