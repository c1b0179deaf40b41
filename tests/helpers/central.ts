import type { Logger } from 'pino';
import { statefulConnection } from '../../src-main/core/call-context.js';
import type { StationSetup } from '../../src-main/core/config/profile.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station.js';
import { startCentralEmulator } from '../../src-main/sim/central/emulator.js';
import type { CentralEmulator, CentralEmulatorOptions } from '../../src-main/sim/central/emulator.js';
import type { SyncWorkerOptions } from '../../src-main/sync/sync-worker.js';
import { REQUIRED_CAPTURES } from '../../src-main/contract/captures.js';
import { BUDI, fakePng } from './enrollment.js';
import { silentLogger, trainingSetup } from './station.js';

export const TEST_STATION_ID = 'PELATIHAN-01';
export const TEST_CREDENTIAL = 'test-credential-0123456789';

export async function startTestCentral(dataDir: string, options: Partial<CentralEmulatorOptions> = {}): Promise<CentralEmulator> {
  return startCentralEmulator({
    dataDir,
    logger: silentLogger(),
    stations: [{ stationId: TEST_STATION_ID, credential: TEST_CREDENTIAL, regencyCode: '3501' }],
    verification: { delayMs: 0 },
    verifyIntervalMs: 100,
    ...options,
  });
}

/** Fast timings so a test sees retries in seconds, not minutes. */
export const FAST_SYNC: Partial<SyncWorkerOptions> = {
  backoffBaseMs: 50,
  backoffCapMs: 1000,
  breakerThreshold: 8,
  breakerCooldownMs: 300,
  breakerMaxCooldownMs: 1000,
  statusFeedIntervalMs: 200,
  printQueueIntervalMs: 500,
  referenceIntervalMs: 60_000,
  reconcileIntervalMs: null,
  defaultRetryAfterMs: 500,
};

export function linkedSetup(dataDir: string, central: CentralEmulator, credential = TEST_CREDENTIAL): StationSetup {
  return { ...trainingSetup(dataDir), central: { url: central.url, publicKeyPem: central.publicKeyPem, credential, probeIntervalSeconds: 600 } };
}

export interface LinkedDesk {
  station: Station;
  ok: <T>(method: string, params: unknown) => Promise<T>;
  call: (method: string, params: unknown) => Promise<{ ok: boolean; error?: { code: string }; result?: unknown }>;
}

/** A training-mode station (practice sign-in) linked to the given central. */
export async function linkedDesk(dataDir: string, central: CentralEmulator, sync: Partial<SyncWorkerOptions> = FAST_SYNC, logger: Logger = silentLogger()): Promise<LinkedDesk> {
  const station = createStation({ setup: linkedSetup(dataDir, central), logger, host: 'web', regions: await regionDirectory(), syncOptions: sync });
  const window = statefulConnection('web');
  const call = (method: string, params: unknown) => station.dispatcher.dispatch(method, params, window);
  const ok = async <T>(method: string, params: unknown): Promise<T> => {
    const outcome = await call(method, params);
    if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
    return outcome.result as T;
  };
  await ok('session.startTraining', { role: 'supervisor' });
  return { station, ok, call };
}

/** 1 → "A", 27 → "AA": a name part for resident n (names take letters only). */
function lettersOf(n: number): string {
  let text = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) text = String.fromCharCode(65 + ((k - 1) % 26)) + text;
  return text;
}

/** A resident with NIK serial `n` (1..9999): same birth date as Budi, a name of their own. */
export function resident(n: number): Record<string, unknown> {
  return { ...BUDI, nik: `350101120590${String(n).padStart(4, '0')}`, nama: `Warga Uji ${lettersOf(n)}` };
}

/** Records and commits one resident with small synthetic captures; returns the enrollment id. */
export async function recordResident(desk: LinkedDesk, n: number, captureBytes = 96): Promise<string> {
  const draft = await desk.ok<{ id: string }>('enrollment.startDraft', { demographics: resident(n) });
  for (const { modality, position } of REQUIRED_CAPTURES) {
    await desk.ok('enrollment.addCapture', { id: draft.id, modality, position, quality: 80, image: { format: 'PNG', base64: fakePng(captureBytes).toString('base64') } });
  }
  await desk.ok('enrollment.commit', { id: draft.id });
  return draft.id;
}

/** Polls until `check` holds, or fails naming what it waited for. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000, stepMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  throw new Error(`timed out waiting for ${what}`);
}
