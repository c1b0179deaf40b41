import { mkdirSync } from 'node:fs';
import type { Level } from 'pino';
import type { HostKind } from './call-context.js';
import { resolveConfigPath } from './config/load.js';
import type { StationSetup } from './config/profile.js';
import { createLogger } from './logger.js';
import { createStation } from './station.js';
import type { Station } from './station.js';
import { regionDirectory, resolveSetup } from './setup.js';
import type { DataKey, KeyProtector } from '../security/data-key.js';
import { startCentralEmulator } from '../sim/central/emulator.js';
import type { CentralEmulator } from '../sim/central/emulator.js';
import { NO_FAULTS } from '../sim/central/faults.js';
import type { CentralFaults } from '../sim/central/faults.js';
import type { TrainingLinkState } from './services/sync-handlers.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export interface BootOptions {
  configFlag?: string | undefined;
  dataFlag?: string | undefined;
  host: Exclude<HostKind, 'cli'>;
  consoleLevel?: Level | 'silent';
  env?: NodeJS.ProcessEnv;
  keyProtector?: KeyProtector;
  /** Loads the data key of the resolved data folder elsewhere (the Electron core asks main, which holds safeStorage). */
  provideDataKey?: (dataDir: string) => Promise<DataKey>;
}

export interface BootedStation {
  station: Station;
  setup: StationSetup;
  logFile: string;
  shutdown(): Promise<void>;
}

/**
 * The one core entry point both hosts use: config (or training mode), data folder, logs, Station.
 * Throws StationError (CONFIG_INVALID, CONFIG_UNREADABLE) before anything is written.
 */
export async function bootStation(options: BootOptions): Promise<BootedStation> {
  const env = options.env ?? process.env;
  const setup = await resolveSetup({ configPath: resolveConfigPath(options.configFlag, env), dataDir: options.dataFlag, env });
  mkdirSync(setup.dataDir, { recursive: true });
  const { logger, logFile, close } = createLogger({
    dataDir: setup.dataDir,
    consoleLevel: options.consoleLevel ?? levelFromEnv(env),
  });
  let station: Station;
  let emulator: CentralEmulator | undefined;
  try {
    if (setup.mode === 'training') {
      // Training mode links to a central emulator of its own, in this process, on loopback.
      const credential = randomBytes(24).toString('base64url');
      emulator = await startCentralEmulator({
        dataDir: join(setup.dataDir, 'central-emulator'),
        logger: logger.child({ module: 'central-emulator' }),
        stations: [{ stationId: setup.profile.stationId, credential, regencyCode: setup.profile.region.regencyCode }],
        verification: { delayMs: 5000 },
      });
      setup.central = { url: emulator.url, publicKeyPem: emulator.publicKeyPem, credential, probeIntervalSeconds: 5 };
    }
    const trainingCentral = emulator;
    const providedKey = options.provideDataKey ? await options.provideDataKey(setup.dataDir) : undefined;
    station = createStation({
      setup,
      logger,
      host: options.host,
      regions: await regionDirectory(),
      ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
      ...(providedKey ? { dataKey: providedKey } : {}),
      ...(trainingCentral ? { trainingLink: (state: TrainingLinkState) => trainingCentral.setFaults(trainingFaults(state)) } : {}),
    });
  } catch (error: unknown) {
    logger.error({ err: error }, 'station could not start');
    await emulator?.close();
    await close();
    throw error;
  }
  return {
    station,
    setup,
    logFile,
    shutdown: async () => {
      await station.close();
      await emulator?.close();
      await close();
    },
  };
}

function levelFromEnv(env: NodeJS.ProcessEnv): Level | 'silent' {
  const value = env['KTP_LOG_LEVEL'];
  const levels: ReadonlyArray<Level | 'silent'> = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  return levels.find((l) => l === value) ?? 'info';
}

/** What each training outage looks like on the embedded central. */
function trainingFaults(state: TrainingLinkState): CentralFaults {
  switch (state) {
    case 'online':
      return NO_FAULTS;
    case 'offline':
      return { ...NO_FAULTS, offline: true };
    case 'maintenance':
      return { ...NO_FAULTS, maintenanceRetryAfterSeconds: 30 };
    case 'flaky':
      return { ...NO_FAULTS, errorRatio: 0.3, latencyMs: 300 };
  }
}
