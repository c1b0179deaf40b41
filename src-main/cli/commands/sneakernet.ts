import { createPublicKey } from 'node:crypto';
import type { Command } from 'commander';
import pino from 'pino';
import type { StationSetup } from '../../core/config/profile.js';
import { resolveConfigPath } from '../../core/config/load.js';
import { resolveSetup } from '../../core/setup.js';
import { StationError } from '../../core/station-error.js';
import { lockDataDir } from '../../core/station-lock.js';
import { keyFileProtector, loadOrCreateDataKey } from '../../security/data-key.js';
import { loadOrCreateSigningKey } from '../../security/signing-key.js';
import { SneakernetService } from '../../sneakernet/sneakernet-service.js';
import { importAsRelay } from '../../sneakernet/relay-import.js';
import { openStationStore } from '../../store/station-store.js';
import { CentralClient } from '../../sync/central-client.js';
import { PacketStore } from '../../sync/packet-store.js';
import { publicKeyId } from '../../sync/packet.js';
import type { CentralLink } from '../../core/config/profile.js';
import { reportError } from '../report-error.js';

interface StationFlags {
  config?: string;
  data?: string;
}

const quiet = () => pino({ level: 'silent' });

async function setupWithCentral(flags: StationFlags): Promise<{ setup: StationSetup; central: CentralLink }> {
  const setup = await resolveSetup({ configPath: resolveConfigPath(flags.config, process.env), dataDir: flags.data });
  if (setup.central === null) {
    throw new StationError('CENTRAL_NOT_CONFIGURED', {
      message: {
        id: 'Perintah ini perlu server pusat di konfigurasi (kunci publiknya menyegel paket). Berikan --config dengan bagian "central".',
        en: 'This command needs central in the config (its public key seals the packets). Pass --config with a "central" section.',
      },
    });
  }
  return { setup, central: setup.central };
}

function client(setup: StationSetup, central: CentralLink): CentralClient {
  return new CentralClient({ baseUrl: central.url, stationId: setup.profile.stationId, credential: central.credential });
}

/** The station's own data, opened while the station is stopped (its lock is taken). */
async function withOwnStation<T>(flags: StationFlags, run: (service: SneakernetService) => Promise<T> | T): Promise<T> {
  const { setup, central } = await setupWithCentral(flags);
  const unlock = lockDataDir(setup.dataDir);
  try {
    const store = openStationStore(setup.dataDir, quiet());
    try {
      const dataKey = loadOrCreateDataKey({ dataDir: setup.dataDir, protector: keyFileProtector() }).key;
      const signing = loadOrCreateSigningKey(setup.dataDir, dataKey);
      const packets = new PacketStore(setup.dataDir, { store, dataKey, stationId: setup.profile.stationId, centralPublicKey: createPublicKey(central.publicKeyPem), signingKey: signing.privateKey });
      const service = new SneakernetService({
        store,
        packets,
        client: client(setup, central),
        stationId: setup.profile.stationId,
        regencyCode: setup.profile.region.regencyCode,
        signing,
        centralPublicKeyPem: central.publicKeyPem,
        chunkBytes: setup.profile.sync.chunkKiB * 1024,
        logger: quiet(),
        onProgress: (p) => process.stderr.write(`\r${p.operation}: ${p.done}/${p.total}`),
      });
      return await run(service);
    } finally {
      store.close();
    }
  } finally {
    unlock();
  }
}

const withStationFlags = (command: Command): Command =>
  command
    .option('--config <file>', 'station.config.json (default: $KTP_STATION_CONFIG)')
    .option('--data <dir>', "data folder (overrides the config's dataDir)");

export function registerSneakernet(program: Command): void {
  withStationFlags(
    program
      .command('export')
      .description('Write every record central has not acknowledged, as sealed packets with a signed manifest, to a USB stick. / Ekspor paket ke flashdisk.')
      .requiredOption('--out <dir>', 'the folder on the stick (a new ktp-export-… folder is made inside it)')
      .option('--since <time>', 'only records committed at or after this ISO date or time'),
  )
    .addHelpText('after', '\nThe station must be stopped (or use the Kirim via USB page). The packets are encrypted to central: a lost stick leaks nothing readable.\n')
    .action(async (flags: StationFlags & { out: string; since?: string }) => {
      try {
        if (flags.since !== undefined && Number.isNaN(Date.parse(flags.since))) {
          throw new StationError('INVALID_PARAMS', {
            message: { id: `--since "${flags.since}" bukan tanggal/waktu ISO (contoh 2026-12-01).`, en: `--since "${flags.since}" is not an ISO date or time (e.g. 2026-12-01).` },
          });
        }
        const result = await withOwnStation(flags, (service) => service.export(flags.out, flags.since ?? null));
        if (result.count > 0) process.stderr.write('\n');
        process.stdout.write(
          result.dir === null
            ? 'OK: tidak ada rekaman yang menunggu / nothing waits to be exported\n'
            : `OK: ${result.count} packets, ${result.bytes} bytes → ${result.dir}\n`,
        );
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });

  program
    .command('import')
    .description("Relay another station's USB export to central and write central's signed receipt beside it. / Impor ekspor USB ke server pusat.")
    .argument('<dir>', 'the ktp-export-… folder on the stick')
    .option('--receipt <file>', 'where to write the receipt (default: receipt.json in the export folder)')
    .option('--config <file>', 'station.config.json of this (linked) station (default: $KTP_STATION_CONFIG)')
    .option('--json', 'print the report as JSON')
    .action(async (dir: string, flags: { config?: string; receipt?: string; json?: boolean }) => {
      try {
        const { setup, central } = await setupWithCentral(flags);
        const report = await importAsRelay(
          {
            client: client(setup, central),
            stationId: setup.profile.stationId,
            centralKeyId: publicKeyId(central.publicKeyPem),
            chunkBytes: setup.profile.sync.chunkKiB * 1024,
            logger: quiet(),
          },
          dir,
          flags.receipt ?? null,
        );
        if (flags.json === true) {
          process.stdout.write(`${JSON.stringify(report)}\n`);
        } else {
          process.stdout.write(`Export ${report.exportId} of station ${report.originStationId}: ${report.total} packets\n`);
          process.stdout.write(`  terkirim / uploaded: ${report.uploaded}\n  sudah ada / already held: ${report.alreadyHeld}\n  ditolak / refused: ${report.refused}\n`);
          for (const r of report.results.filter((x) => x.outcome === 'REFUSED')) process.stdout.write(`    ${r.enrollmentId} (${r.registrationNo}): ${r.reason ?? ''}\n`);
          process.stdout.write(report.receiptFile === null ? `  receipt not written: ${report.receiptError ?? ''}\n` : `  receipt: ${report.receiptFile}\n`);
        }
        process.exitCode = report.refused > 0 ? 1 : 0;
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });

  withStationFlags(
    program
      .command('import-receipt')
      .description('Apply a receipt a relay brought back: records central signed for leave the outbox. / Terapkan tanda terima.')
      .argument('<file>', 'receipt.json from the stick'),
  ).action(async (file: string, flags: StationFlags) => {
    try {
      const report = await withOwnStation(flags, (service) => service.importReceipt(file));
      process.stdout.write(
        `OK: ${report.acknowledged} acknowledged, ${report.alreadyAcknowledged} already, ${report.notHeld} not held by central, ${report.unknown} unknown here\n`,
      );
    } catch (error: unknown) {
      process.exitCode = reportError(error);
    }
  });
}
