import type { StationMode } from '../../contract/status.js';
import type { RegionNames } from '../../reference/regions.js';
import type { StationConfig } from './schema.js';

/** What the station runs with: a validated config file, or the training profile. */
export type StationProfile = Omit<StationConfig, 'central' | '$schema'> & {
  central: StationConfig['central'] | null;
};

/** The link to central as the sync worker uses it: resolved key and credential. */
export interface CentralLink {
  url: string;
  publicKeyPem: string;
  credential: string;
  probeIntervalSeconds: number;
}

export interface StationSetup {
  mode: StationMode;
  profile: StationProfile;
  /** Names of the configured province, kabupaten/kota and kecamatan, from the region table. */
  regionNames: RegionNames;
  /** Absolute path of the config file, or null in training mode. */
  configPath: string | null;
  /** Absolute data folder: database, keys, logs. */
  dataDir: string;
  /** Central, resolved; null when there is none (training mode links to its emulator at boot). */
  central: CentralLink | null;
}
