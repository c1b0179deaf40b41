import { mkdirSync } from 'node:fs';
import type { Level } from 'pino';
import type { HostKind } from './call-context.js';
import { resolveConfigPath } from './config/load.js';
import type { StationSetup } from './config/profile.js';
import { createLogger } from './logger.js';
import { createStation } from './station.js';
import type { Station } from './station.js';
import { regionDirectory, resolveSetup } from './setup.js';
import type { KeyProtector } from '../security/data-key.js';

export interface BootOptions {
  configFlag?: string | undefined;
  dataFlag?: string | undefined;
  host: Exclude<HostKind, 'cli'>;
  consoleLevel?: Level | 'silent';
  env?: NodeJS.ProcessEnv;
  keyProtector?: KeyProtector;
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
  try {
    station = createStation({
      setup,
      logger,
      host: options.host,
      regions: await regionDirectory(),
      ...(options.keyProtector ? { keyProtector: options.keyProtector } : {}),
    });
  } catch (error: unknown) {
    logger.error({ err: error }, 'station could not start');
    await close();
    throw error;
  }
  return {
    station,
    setup,
    logFile,
    shutdown: async () => {
      await station.close();
      await close();
    },
  };
}

function levelFromEnv(env: NodeJS.ProcessEnv): Level | 'silent' {
  const value = env['KTP_LOG_LEVEL'];
  const levels: ReadonlyArray<Level | 'silent'> = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  return levels.find((l) => l === value) ?? 'info';
}
