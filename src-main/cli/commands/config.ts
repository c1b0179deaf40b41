import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfigFile } from '../../core/config/load.js';
import { namesOfRegion } from '../../core/setup.js';
import { reportError } from '../report-error.js';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('Work with station.config.json. / Kelola berkas konfigurasi.');
  config
    .command('check')
    .description('Validate a config file without starting the station; exit 0 when valid, 2 when not.')
    .argument('<file>', 'path of station.config.json')
    .action(async (file: string) => {
      try {
        const loaded = loadConfigFile(resolve(file));
        const c = loaded.config;
        const names = await namesOfRegion(c.region, loaded.path);
        process.stdout.write(
          `OK: ${loaded.path}\n  station ${c.stationId}, ${names.regency}, kecamatan ${names.district} (${c.region.districtCode}), central ${c.central.url}, ` +
            `${c.devices.length} device(s), printer ${c.printer?.kind ?? 'none'}, daily target ${c.dailyTarget}\n`,
        );
        process.exitCode = 0;
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });
}
