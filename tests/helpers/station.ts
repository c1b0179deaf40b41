import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { Logger } from 'pino';
import { trainingProfile } from '../../src-main/core/config/training.js';
import type { StationSetup } from '../../src-main/core/config/profile.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station.js';

const PACITAN = { province: 'JAWA TIMUR', regency: 'KABUPATEN PACITAN', district: 'Donorojo' };

export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/** A logger whose records the test can read back. */
export function capturingLogger(): { logger: Logger; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level: 'info' },
    {
      write: (line: string) => {
        records.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
  return { logger, records };
}

export function tempDir(prefix = 'ktp-test-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function trainingSetup(dataDir: string): StationSetup {
  return { mode: 'training', profile: trainingProfile(), regionNames: PACITAN, configPath: null, dataDir, central: null };
}

let centralKeyPem: string | undefined;
/** An RSA public key standing in for central's, made once per test process. */
export function testCentralPublicKeyPem(): string {
  centralKeyPem ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return centralKeyPem;
}

export function productionSetup(dataDir: string, centralUrl: string): StationSetup {
  const profile = trainingProfile();
  return {
    mode: 'production',
    profile: { ...profile, stationId: 'KEC-350101-01', central: { url: centralUrl, probeIntervalSeconds: 600 } },
    regionNames: PACITAN,
    configPath: '/etc/ktp/station.config.json',
    dataDir,
    central: { url: centralUrl, publicKeyPem: testCentralPublicKeyPem(), credential: 'test-credential-0123456789', probeIntervalSeconds: 600 },
  };
}

export async function trainingStation(dataDir: string, logger: Logger = silentLogger()): Promise<Station> {
  return createStation({ setup: trainingSetup(dataDir), logger, host: 'web', regions: await regionDirectory() });
}
