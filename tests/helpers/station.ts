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
  return { mode: 'training', profile: trainingProfile(), regionNames: PACITAN, configPath: null, dataDir };
}

export function productionSetup(dataDir: string, centralUrl: string): StationSetup {
  const profile = trainingProfile();
  return {
    mode: 'production',
    profile: { ...profile, stationId: 'KEC-350101-01', central: { url: centralUrl, probeIntervalSeconds: 600 } },
    regionNames: PACITAN,
    configPath: '/etc/ktp/station.config.json',
    dataDir,
  };
}

export async function trainingStation(dataDir: string, logger: Logger = silentLogger()): Promise<Station> {
  return createStation({ setup: trainingSetup(dataDir), logger, host: 'web', regions: await regionDirectory() });
}
