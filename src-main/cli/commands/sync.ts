import type { Command } from 'commander';
import pino from 'pino';
import { resolveConfigPath } from '../../core/config/load.js';
import { resolveSetup } from '../../core/setup.js';
import { stationHolder } from '../../core/station-lock.js';
import { withStoppedStationSync } from '../../core/sync-maintenance.js';
import { openStationStore } from '../../store/station-store.js';
import { reportError } from '../report-error.js';

interface SyncFlags {
  config?: string;
  data?: string;
  json?: boolean;
}

function withFlags(command: Command): Command {
  return command
    .option('--config <file>', 'station.config.json (default: $KTP_STATION_CONFIG; none = training mode)')
    .option('--data <dir>', "data folder (overrides the config's dataDir)")
    .option('--json', 'machine-readable output (one JSON object)');
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

export function registerSync(program: Command): void {
  const sync = program.command('sync').description('The outbox to central: what waits, reconciliation. / Antrean kirim ke pusat.');

  withFlags(
    sync
      .command('status')
      .description('What waits for central, by step, and the last successful exchanges; safe while the station runs.'),
  ).action(async (flags: SyncFlags) => {
    try {
      const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
      const store = openStationStore(setup.dataDir, pino({ level: 'silent' }));
      let report;
      try {
        const backlog = store.outbox.backlog();
        report = {
          stationId: setup.profile.stationId,
          centralUrl: setup.central?.url ?? null,
          running: stationHolder(setup.dataDir) !== null,
          backlog: { count: backlog.count, bytes: backlog.bytes, bySteps: store.outbox.backlogBySteps() },
          lastAckAt: store.sync.lastSuccess(['ACK']),
          lastReconcileAt: store.sync.lastSuccess(['RECONCILE']),
          lastFailure: store.sync.history({ limit: 1, failedOnly: true })[0] ?? null,
          printReady: store.sync.printReadyCount(),
        };
      } finally {
        store.close();
      }
      if (flags.json === true) {
        process.stdout.write(`${JSON.stringify(report)}\n`);
        return;
      }
      const out = [
        `Station ${report.stationId} → ${report.centralUrl ?? '(tidak ada pusat / no central configured)'}${report.running ? ' [berjalan / running]' : ''}`,
        `Antrean / backlog: ${report.backlog.count} rekaman / records, ${formatBytes(report.backlog.bytes)}`,
        ...report.backlog.bySteps.map((s) => `  ${s.step.padEnd(8)} ${String(s.count).padStart(6)}  ${formatBytes(s.bytes).padStart(10)}  gagal / failing: ${s.failing}`),
        `Terakhir diterima pusat / last acknowledged: ${report.lastAckAt ?? 'belum pernah / never'}`,
        `Rekonsiliasi terakhir / last reconciliation: ${report.lastReconcileAt ?? 'belum pernah / never'}`,
        ...(report.lastFailure === null
          ? []
          : [`Gagal terakhir / last failure: ${report.lastFailure.startedAt} ${report.lastFailure.step} ${report.lastFailure.code ?? ''} ${report.lastFailure.detail ?? ''}`.trimEnd()]),
        `Siap cetak di cache / print-ready cached: ${report.printReady.queued} of ${report.printReady.total}`,
      ];
      process.stdout.write(`${out.join('\n')}\n`);
    } catch (error: unknown) {
      process.exitCode = reportError(error);
    }
  });

  withFlags(
    sync
      .command('reconcile')
      .description('Ask central which acknowledged records it holds, with which hash, and queue again exactly the missing or different ones. The station must be stopped (a running one has a button for this).'),
  ).action(async (flags: SyncFlags) => {
    try {
      const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
      const report = await withStoppedStationSync(setup, pino({ level: 'silent' }), (service) => service.reconcile());
      if (flags.json === true) process.stdout.write(`${JSON.stringify(report)}\n`);
      else {
        process.stdout.write(
          `OK: diperiksa / checked ${report.checked}, dipegang pusat / held ${report.held}, hilang / missing ${report.missing}, ` +
            `berbeda / different ${report.different}, diantrekan lagi / queued again ${report.requeued}\n` +
            (report.requeued > 0 ? 'Rekaman itu terkirim ulang saat station berjalan lagi. / They are sent again when the station runs.\n' : ''),
        );
      }
    } catch (error: unknown) {
      process.exitCode = reportError(error);
    }
  });
}
