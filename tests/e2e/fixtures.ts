import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { serve } from '../helpers/cli.js';
import type { ServingStation } from '../helpers/cli.js';

interface StationFixtures {
  /** The per-user data root of this test's station (KTP_STATION_HOME). */
  stationHome: string;
  /** A `ktp-station serve` child process in training mode, with its own data folder. */
  station: ServingStation;
}

export const test = base.extend<StationFixtures>({
  // Playwright reads fixture dependencies from the destructuring pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  stationHome: async ({}, use) => {
    const home = mkdtempSync(join(tmpdir(), 'ktp-e2e-'));
    await use(home);
    rmSync(home, { recursive: true, force: true });
  },
  station: async ({ stationHome }, use) => {
    const station = await serve([], { KTP_STATION_HOME: stationHome });
    await use(station);
    await station.stop();
  },
});

export { expect } from '@playwright/test';

/** Where screenshots for the docs go when KTP_SCREENSHOTS=1 (else into test-results). */
export function screenshotPath(name: string): string {
  return process.env['KTP_SCREENSHOTS'] === '1'
    ? join(import.meta.dirname, '..', '..', 'docs', 'screenshots', name)
    : join(import.meta.dirname, '..', '..', 'test-results', 'screenshots', name);
}
