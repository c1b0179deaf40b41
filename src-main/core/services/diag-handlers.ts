import type { DiagReport } from '../../contract/methods/diag.js';
import type { DiagnoseStationOptions } from '../../diagnostics/diagnose-station.js';
import { diagnoseStation } from '../../diagnostics/diagnose-station.js';
import { buildSupportBundle } from '../../diagnostics/support-bundle.js';
import type { StationSetup } from '../config/profile.js';
import type { HandlerGroup } from '../handlers.js';

export interface DiagHandlerDeps {
  setup: StationSetup;
  /** Central as the running station links to it (a training station's emulator included). */
  centralUrl: () => string | null;
  /** Device drivers' handshakes and the device manager's probes (wired where they exist). */
  devices?: Pick<DiagnoseStationOptions, 'handshakeFor' | 'managedProbe'>;
  now?: () => Date;
}

/** diag.run and diag.supportBundle: the same diagnosis as `ktp-station diag`, from inside the running station. */
export function diagHandlers(deps: DiagHandlerDeps): HandlerGroup<'diag.run' | 'diag.supportBundle'> {
  const run = (minFreeMiB: number | undefined): Promise<DiagReport> =>
    diagnoseStation({
      setup: deps.setup,
      centralUrl: deps.centralUrl(),
      // This process is the station: a port it holds is its own.
      runningPid: process.pid,
      ...deps.devices,
      ...(minFreeMiB === undefined ? {} : { minFreeMiB }),
      ...(deps.now ? { now: deps.now } : {}),
    });
  return {
    'diag.run': ({ minFreeMiB }) => run(minFreeMiB),
    'diag.supportBundle': async ({ minFreeMiB }) => {
      const report = await run(minFreeMiB);
      const { zip: _zip, ...bundle } = await buildSupportBundle({
        dataDir: deps.setup.dataDir,
        configPath: deps.setup.configPath,
        report,
        ...(deps.now ? { now: deps.now } : {}),
      });
      return bundle;
    },
  };
}
