import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { resolveConfigPath } from '../../core/config/load.js';
import { resolveSetup } from '../../core/setup.js';
import { stationHolder } from '../../core/station-lock.js';
import { defaultDeviceRegistry } from '../../devices/registry.js';
import { diagnoseStation } from '../../diagnostics/diagnose-station.js';
import { serialDriverHandshakes } from '../../diagnostics/driver-handshake.js';
import { DEFAULT_MIN_FREE_MIB } from '../../diagnostics/disk-check.js';
import { formatReport } from '../../diagnostics/format-report.js';
import { buildSupportBundle } from '../../diagnostics/support-bundle.js';
import { reportError } from '../report-error.js';

interface DiagFlags {
  config?: string;
  data?: string;
  json?: boolean;
  minFreeMib: number;
  timeoutMs: number;
  bundle?: string;
  lang: 'id' | 'en';
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
}

export function registerDiag(program: Command): void {
  program
    .command('diag')
    .description('Check every configured device, the link to central (DNS, TCP, TLS, HTTP), the clock, the database, the backlog and the disk. / Diagnosis station.')
    .option('--config <file>', 'station.config.json (default: $KTP_STATION_CONFIG; none = training mode)')
    .option('--data <dir>', 'data folder (overrides the config\'s dataDir)')
    .option('--json', 'print the report as JSON (format documented in docs/diag.md)')
    .option('--min-free-mib <n>', 'free disk below this fails disk.free', positiveInt, DEFAULT_MIN_FREE_MIB)
    .option('--timeout-ms <n>', 'timeout of each network step and device handshake', positiveInt, 5000)
    .option('--bundle <file>', 'also write the support bundle (zip: logs, config without secrets, this report, versions)')
    .option('--lang <id|en>', 'language of the titles in the text report', 'id')
    .addHelpText(
      'after',
      '\nExit code: 0 when every check passes (warnings allowed), 1 when any fails, 2 when the config is invalid.\n' +
        'Safe while the station runs: the database is opened read-only, and a port the running station holds is left alone.\n',
    )
    .action(async (flags: DiagFlags) => {
      try {
        const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
        const report = await diagnoseStation({
          setup,
          centralUrl: setup.central?.url ?? null,
          runningPid: stationHolder(setup.dataDir),
          // The station is stopped or holds its ports: the drivers' own probes, run here.
          handshakeFor: serialDriverHandshakes(defaultDeviceRegistry(), flags.timeoutMs),
          minFreeMiB: flags.minFreeMib,
          timeoutMs: flags.timeoutMs,
        });
        process.stdout.write(flags.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, flags.lang === 'en' ? 'en' : 'id'));
        if (flags.bundle !== undefined) {
          const bundle = await buildSupportBundle({ dataDir: setup.dataDir, configPath: setup.configPath, report });
          const out = resolve(flags.bundle);
          writeFileSync(out, bundle.zip);
          process.stderr.write(`paket dukungan / support bundle: ${out} (${bundle.bytes} bytes; copy kept at ${bundle.path})\n`);
        }
        process.exitCode = report.ok ? 0 : 1;
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });
}
