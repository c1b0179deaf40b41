import { resolve } from 'node:path';
import type { Command } from 'commander';
import { resolveConfigPath } from '../../core/config/load.js';
import { resolveSetup } from '../../core/setup.js';
import { StationError } from '../../core/station-error.js';
import { stationHolder } from '../../core/station-lock.js';
import { dataKeyFingerprint } from '../../security/key-fingerprint.js';
import { backupDatabase, inspectBackup, restoreDatabase } from '../../store/backup.js';
import { reportError } from '../report-error.js';
import { auditFromCli, confirmSupervisor } from '../supervisor-proof.js';

interface StationFlags {
  config?: string;
  data?: string;
}

function withStationFlags(command: Command): Command {
  return command
    .option('--config <file>', 'station.config.json (default: $KTP_STATION_CONFIG; none = training mode)')
    .option('--data <dir>', 'data folder (overrides the config\'s dataDir)');
}

export function registerBackup(program: Command): void {
  withStationFlags(
    program
      .command('backup')
      .description('Write a consistent copy of the station database, safe while the station runs. / Buat cadangan basis data.')
      .requiredOption('--out <file>', 'the backup file to write'),
  )
    .addHelpText(
      'after',
      '\nSealed images stay sealed: the backup opens only with this station\'s data key (keys/station-data.key).\nKeep a copy of that key file apart from the backups.\n',
    )
    .action(async (flags: StationFlags & { out: string }) => {
      try {
        const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
        const info = await backupDatabase({
          dataDir: setup.dataDir,
          out: resolve(flags.out),
          info: { stationId: setup.profile.stationId, createdAt: new Date().toISOString(), keyFingerprint: dataKeyFingerprint(setup.dataDir) },
        });
        auditFromCli(setup.dataDir, {
          actor: process.env['USER'] ?? 'cli',
          role: 'cli',
          action: 'BACKUP_CREATED',
          subject: null,
          details: { file: resolve(flags.out), schemaVersion: info.schemaVersion },
        });
        process.stdout.write(`OK: ${resolve(flags.out)}\n  station ${info.stationId}, schema v${info.schemaVersion}, ${info.createdAt}\n`);
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });

  withStationFlags(
    program
      .command('restore')
      .description('Put a backup in place of the station database; the current one is kept aside. / Pulihkan dari cadangan.')
      .argument('<file>', 'a file made by `ktp-station backup`')
      .option('--force', 'restore a backup from another station or made with another data key')
      .option('--supervisor <username>', 'on a station with accounts: the supervisor who confirms (password from stdin or $KTP_SUPERVISOR_PASSWORD)'),
  ).action(async (file: string, flags: StationFlags & { force?: boolean; supervisor?: string }) => {
    try {
      const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
      const holder = stationHolder(setup.dataDir);
      if (holder !== null) throw new StationError('STATION_RUNNING', { details: { dataDir: setup.dataDir, pid: holder } });
      const info = inspectBackup(resolve(file));
      const fingerprint = dataKeyFingerprint(setup.dataDir);
      const otherStation = info.stationId !== setup.profile.stationId;
      const otherKey = info.keyFingerprint !== null && fingerprint !== null && info.keyFingerprint !== fingerprint;
      if ((otherStation || otherKey) && flags.force !== true) {
        throw new StationError('BACKUP_MISMATCH', {
          details: {
            file: resolve(file),
            backupStation: info.stationId,
            thisStation: setup.profile.stationId,
            sameDataKey: !otherKey,
            hint: 'add --force to restore anyway',
          },
        });
      }
      const confirmedBy = await confirmSupervisor(setup.dataDir, flags.supervisor, 'Restore', resolve(file));
      const { movedAside } = restoreDatabase({ dataDir: setup.dataDir, file: resolve(file), now: new Date() });
      auditFromCli(setup.dataDir, {
        actor: confirmedBy ?? process.env['USER'] ?? 'cli',
        role: confirmedBy === null ? 'cli' : 'supervisor',
        action: 'RESTORED',
        subject: null,
        details: { file: resolve(file), backupStation: info.stationId, backupCreatedAt: info.createdAt, movedAside, forced: flags.force === true },
      });
      process.stdout.write(
        `OK: restored ${resolve(file)} (station ${info.stationId}, ${info.createdAt})\n` +
          (movedAside === null ? '' : `  previous database kept at ${movedAside}\n`),
      );
    } catch (error: unknown) {
      process.exitCode = reportError(error);
    }
  });
}
