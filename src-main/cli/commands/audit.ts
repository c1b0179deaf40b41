import type { Command } from 'commander';
import pino from 'pino';
import { resolveConfigPath } from '../../core/config/load.js';
import { resolveSetup } from '../../core/setup.js';
import { openStationStore } from '../../store/station-store.js';
import { reportError } from '../report-error.js';

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('The hash-chained audit log. / Log audit berantai hash.');
  audit
    .command('verify')
    .description('Walk the audit chain and name the first broken entry; exit 0 when intact, 1 when not.')
    .option('--config <file>', 'station.config.json (default: $KTP_STATION_CONFIG; none = training mode)')
    .option('--data <dir>', 'data folder (overrides the config\'s dataDir)')
    .option('--json', 'machine-readable output')
    .action(async (flags: { config?: string; data?: string; json?: boolean }) => {
      try {
        const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
        const store = openStationStore(setup.dataDir, pino({ level: 'silent' }));
        let result;
        try {
          result = store.audit.verify();
        } finally {
          store.close();
        }
        if (flags.json === true) process.stdout.write(`${JSON.stringify({ file: store.file, ...result })}\n`);
        else if (result.ok) process.stdout.write(`OK: ${result.entries} audit entries, chain intact (${store.file})\n`);
        else {
          process.stdout.write(
            `RUSAK / BROKEN: entry ${result.firstBroken} (${result.reason}) of ${store.file}; ` +
              `${result.entries - 1} entries before it hold.\n`,
          );
        }
        process.exitCode = result.ok ? 0 : 1;
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });
}
