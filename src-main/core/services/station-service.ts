import type { StationInfo } from '../../contract/methods/station.js';
import type { Connectivity, StationStatus, StationWarning } from '../../contract/status.js';
import type { StationSetup } from '../config/profile.js';
import type { HostKind } from '../call-context.js';
import type { HandlerGroup } from '../handlers.js';
import { STATION_VERSION } from '../version.js';

export interface StationServiceDeps {
  setup: StationSetup;
  startedAt: Date;
  status: () => StationStatus;
  /** Probes central at once and returns the resulting connectivity. */
  probeCentral: () => Promise<Connectivity>;
  warnings: () => StationWarning[];
  /** Which host this core was started under (the Electron shell or the web host). */
  host: Exclude<HostKind, 'cli'>;
  now?: () => Date;
}

export function stationHandlers(deps: StationServiceDeps): HandlerGroup<'station.info' | 'station.status' | 'station.probeCentral'> {
  const now = deps.now ?? (() => new Date());
  // Present only when the core runs inside Electron (Electron's typings declare it always).
  const electronVersion = Object.hasOwn(process.versions, 'electron') ? process.versions['electron'] : null;
  return {
    'station.info': (): StationInfo => ({
      product: 'KTP Station',
      version: STATION_VERSION,
      stationId: deps.setup.profile.stationId,
      mode: deps.setup.mode,
      region: {
        ...deps.setup.profile.region,
        provinceName: deps.setup.regionNames.province,
        regencyName: deps.setup.regionNames.regency,
        districtName: deps.setup.regionNames.district,
      },
      dataDir: deps.setup.dataDir,
      configPath: deps.setup.configPath,
      startedAt: deps.startedAt.toISOString(),
      uptimeSeconds: Math.max(0, Math.round((now().getTime() - deps.startedAt.getTime()) / 1000)),
      host: deps.host,
      runtime: {
        node: process.versions.node,
        electron: electronVersion,
        platform: `${process.platform}-${process.arch}`,
      },
      dailyTarget: deps.setup.profile.dailyTarget,
      warnings: deps.warnings(),
    }),
    'station.status': () => deps.status(),
    'station.probeCentral': () => deps.probeCentral(),
  };
}
