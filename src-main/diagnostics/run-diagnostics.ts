import type { DiagCheck, DiagReport } from '../contract/methods/diag.js';
import type { StationSetup } from '../core/config/profile.js';
import { STATION_VERSION } from '../core/version.js';
import { inspectStationDatabase } from '../store/database-inspection.js';
import type { LookupFunction } from './central-checks.js';
import { checkCentral } from './central-checks.js';
import { checkClock } from './clock-check.js';
import type { DeviceProbe } from './device-probe.js';
import { checkDevice, unprobedDeviceChecks } from './device-checks.js';
import { checkDisk, DEFAULT_MIN_FREE_MIB } from './disk-check.js';
import { checkNativeKernels } from './native-kernels-check.js';
import { checkStore } from './store-checks.js';

type DeviceConfig = StationSetup['profile']['devices'][number];

export interface DiagnosisInput {
  setup: Pick<StationSetup, 'mode' | 'profile' | 'configPath' | 'dataDir'>;
  /** The central the station links to (a training station's emulator included); null when none. */
  centralUrl: string | null;
  /** A probe for each configured device; null where this build cannot probe it. */
  probeFor: (device: DeviceConfig, index: number) => DeviceProbe | null;
  /** PID of a station running on this data folder (the CLI finds it from station.lock). */
  runningPid: number | null;
  minFreeMiB?: number;
  /** Per network step and handshake. */
  timeoutMs?: number;
  lookup?: LookupFunction;
  now?: () => Date;
}

const SECTION_ORDER: readonly DiagCheck['section'][] = ['device', 'central', 'clock', 'database', 'backlog', 'disk', 'software'];

/**
 * The whole diagnosis, the same for the CLI and the Diagnostik page: every configured device,
 * the link to central step by step, the clock, the database (read-only), the backlog, the disk,
 * and whether the image kernels run natively.
 */
export async function runDiagnostics(input: DiagnosisInput): Promise<DiagReport> {
  const now = input.now ?? (() => new Date());
  const devicesWork = Promise.all(
    input.setup.profile.devices.map(async (device, index) => {
      const probe = input.probeFor(device, index);
      return probe === null ? unprobedDeviceChecks(device, index) : checkDevice(probe);
    }),
  );
  const centralWork = checkCentral({
    url: input.centralUrl,
    training: input.setup.mode === 'training',
    ...(input.timeoutMs === undefined ? {} : { timeoutMs: input.timeoutMs }),
    ...(input.lookup ? { lookup: input.lookup } : {}),
    now,
  });
  const diskWork = checkDisk(input.setup.dataDir, input.minFreeMiB ?? DEFAULT_MIN_FREE_MIB);
  const storeChecks = checkStore(inspectStationDatabase(input.setup.dataDir), { now });
  const [devices, central, disk] = await Promise.all([devicesWork, centralWork, diskWork]);
  const clock = checkClock(central.time, now());
  const all = [...devices.flat(), ...central.checks, clock, ...storeChecks, disk, checkNativeKernels()];
  const checks = [...all].sort((a, b) => SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section));
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0 };
  for (const check of checks) counts[check.status] += 1;
  return {
    format: 'ktp-station-diag',
    formatVersion: 1,
    generatedAt: now().toISOString(),
    station: {
      stationId: input.setup.profile.stationId,
      mode: input.setup.mode,
      version: STATION_VERSION,
      configPath: input.setup.configPath,
      dataDir: input.setup.dataDir,
      runningPid: input.runningPid,
    },
    ok: counts.fail === 0,
    counts,
    checks,
  };
}
