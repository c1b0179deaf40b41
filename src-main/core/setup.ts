import { isAbsolute, dirname, resolve } from 'node:path';
import { RegionDirectory } from '../reference/regions.js';
import type { RegionNames } from '../reference/regions.js';
import { configInvalid, loadConfigFile } from './config/load.js';
import { trainingProfile } from './config/training.js';
import type { StationSetup } from './config/profile.js';
import { defaultDataDir } from './paths.js';

export interface SetupOptions {
  /** Absolute config path, or null for training mode. */
  configPath: string | null;
  /** --data: overrides the config's dataDir and the default. */
  dataDir?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

let directory: Promise<RegionDirectory> | undefined;
/** The bundled region table, loaded once per process. */
export function regionDirectory(): Promise<RegionDirectory> {
  directory ??= RegionDirectory.load();
  return directory;
}

/** The names of a region, or CONFIG_INVALID naming the first code that does not exist. */
export async function namesOfRegion(
  region: StationSetup['profile']['region'],
  configPath: string,
): Promise<RegionNames> {
  const described = (await regionDirectory()).describe(region);
  if (described.ok) return described.names;
  throw configInvalid(configPath, [
    {
      path: `region.${described.field}`,
      message: `code "${described.code}" does not exist in the region table (Kemendagri codes, idn-area-data)`,
    },
  ]);
}

/** Decides the mode, loads and validates the config, and settles the data folder. Throws StationError. */
export async function resolveSetup({ configPath, dataDir, env = process.env }: SetupOptions): Promise<StationSetup> {
  if (configPath === null) {
    // Training mode prints to a system queue when one is named (a cups-pdf queue at a practice desk).
    const practiceQueue = env.KTP_TRAINING_PRINT_QUEUE;
    const profile = {
      ...trainingProfile(),
      ...(practiceQueue === undefined || practiceQueue === '' ? {} : { printer: { kind: 'system' as const, queueName: practiceQueue } }),
    };
    return {
      mode: 'training',
      profile,
      regionNames: await namesOfRegion(profile.region, '(training profile)'),
      configPath: null,
      dataDir: resolve(dataDir ?? defaultDataDir('training', env)),
      central: null,
    };
  }
  const loaded = loadConfigFile(configPath);
  const { $schema: _schema, ...profile } = loaded.config;
  const fromConfig = profile.dataDir;
  const chosen =
    dataDir ??
    (fromConfig === undefined
      ? defaultDataDir('production', env)
      : isAbsolute(fromConfig)
        ? fromConfig
        : resolve(dirname(loaded.path), fromConfig));
  const regionNames = await namesOfRegion(profile.region, loaded.path);
  const central = {
    url: profile.central.url,
    publicKeyPem: loaded.centralPublicKeyPem,
    credential: loaded.centralCredential,
    probeIntervalSeconds: profile.central.probeIntervalSeconds,
  };
  return { mode: 'production', profile, regionNames, configPath: loaded.path, dataDir: resolve(chosen), central };
}
