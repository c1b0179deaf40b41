import { isAbsolute, dirname, resolve } from 'node:path';
import { loadConfigFile } from './config/load.js';
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

/** Decides the mode, loads and validates the config, and settles the data folder. Throws StationError. */
export function resolveSetup({ configPath, dataDir, env = process.env }: SetupOptions): StationSetup {
  if (configPath === null) {
    return {
      mode: 'training',
      profile: trainingProfile(),
      configPath: null,
      dataDir: resolve(dataDir ?? defaultDataDir('training', env)),
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
  return { mode: 'production', profile, configPath: loaded.path, dataDir: resolve(chosen) };
}
