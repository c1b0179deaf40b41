import type { DiagReport } from '../contract/methods/diag.js';
import type { StationSetup } from '../core/config/profile.js';
import type { LookupFunction } from './central-checks.js';
import type { DeviceProbe } from './device-probe.js';
import type { DeviceProbeFactory } from './device-checks.js';
import { probeForDevice } from './device-checks.js';
import { runDiagnostics } from './run-diagnostics.js';

type DeviceConfig = StationSetup['profile']['devices'][number];

export interface DiagnoseStationOptions {
  setup: Pick<StationSetup, 'mode' | 'profile' | 'configPath' | 'dataDir'>;
  centralUrl: string | null;
  runningPid: number | null;
  /** From the device drivers; a kind without one gets its handshake skipped, saying so. */
  handshakeFor?: DeviceProbeFactory['handshakeFor'];
  /** The device manager's own probes, when it runs; they win over the filesystem's serial probe. */
  managedProbe?: (device: DeviceConfig, index: number) => DeviceProbe | null;
  checkAccess?: DeviceProbeFactory['checkAccess'];
  minFreeMiB?: number;
  timeoutMs?: number;
  lookup?: LookupFunction;
  now?: () => Date;
}

/** This build has no device drivers of its own yet: the device manager brings them. */
export const NO_DRIVERS: DeviceProbeFactory['handshakeFor'] = () => null;

/** One diagnosis of a station from its setup: what the CLI and diag.run both call. */
export function diagnoseStation(options: DiagnoseStationOptions): Promise<DiagReport> {
  const factory: DeviceProbeFactory = {
    handshakeFor: options.handshakeFor ?? NO_DRIVERS,
    stationPid: options.runningPid,
    ...(options.checkAccess ? { checkAccess: options.checkAccess } : {}),
  };
  return runDiagnostics({
    setup: options.setup,
    centralUrl: options.centralUrl,
    runningPid: options.runningPid,
    probeFor: (device, index) => options.managedProbe?.(device, index) ?? probeForDevice(device, index, factory),
    ...(options.minFreeMiB === undefined ? {} : { minFreeMiB: options.minFreeMiB }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
