import type { Command } from 'commander';
import { STATION_VERSION } from '../../core/version.js';

export function registerVersion(program: Command): void {
  program
    .command('version')
    .description('Print the station version and runtime. / Tampilkan versi.')
    .option('--json', 'machine-readable output')
    .action((flags: { json?: boolean }) => {
      const info = {
        version: STATION_VERSION,
        node: process.versions.node,
        platform: `${process.platform}-${process.arch}`,
      };
      process.stdout.write(
        flags.json === true ? `${JSON.stringify(info)}\n` : `KTP Station ${info.version} (Node ${info.node}, ${info.platform})\n`,
      );
    });
}
