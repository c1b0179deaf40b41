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
  /**
   * The device manager's own probes, when it runs: given the filesystem's probe of the device
   * (serial ports), it returns the probe to use.
   */
  managedProbe?: (device: DeviceConfig, index: number, filesystem: DeviceProbe | null) => DeviceProbe | null;
  checkAccess?: DeviceProbeFactory['checkAccess'];
  minFreeMiB?: number;
  timeoutMs?: number;
  lookup?: LookupFunction;
  now?: () => Date;
}

/** No handshakes: every device's handshake step is skipped, saying so (tests of the other steps). */
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
    probeFor: (device, index) => {
      const filesystem = probeForDevice(device, index, factory);
      return options.managedProbe === undefined ? filesystem : options.managedProbe(device, index, filesystem);
    },
    ...(options.minFreeMiB === undefined ? {} : { minFreeMiB: options.minFreeMiB }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
}
