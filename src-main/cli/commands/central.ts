import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { startCentralEmulator } from '../../sim/central/emulator.js';
import { NO_FAULTS, parseFaultSpec } from '../../sim/central/faults.js';
import type { CentralFaults } from '../../sim/central/faults.js';
import { reportError } from '../report-error.js';

interface CentralFlags {
  port: string;
  data: string;
  faults?: string;
  station: string[];
  verifyDelayMs: string;
  rejectionRatio: string;
  adminToken?: string;
}

/** `ktp-station central`: the central emulator, a real HTTP server on SQLite with faults on demand. */
export function registerCentral(program: Command): void {
  program
    .command('central')
    .description('Run the central emulator (KTP Station central API v1, docs/central-api.md). / Jalankan emulator server pusat.')
    .requiredOption('--data <dir>', 'folder for its database, keys and packets')
    .option('--port <n>', 'port stations connect to (0: any free port)', '8470')
    .option('--faults <spec>', 'e.g. "maintenance=60,5xx=0.2,latency=500,bandwidth=2.5m,reset-after=256k,slow=2000,malformed=0.1,skew=7200,offline"')
    .option('--station <id:credential>', 'register a station (repeatable), e.g. KEC-350101-01:secret-of-16+-chars', (value: string, all: string[]) => [...all, value], [])
    .option('--verify-delay-ms <n>', 'how long a received record waits before central decides', '5000')
    .option('--rejection-ratio <r>', 'share of records central fails (ENROLL_FAILURE_AT_CENTRAL), 0..1', '0')
    .option('--admin-token <token>', 'admin token (default: a fresh random one, printed)')
    .action(async (flags: CentralFlags) => {
      try {
        let faults: CentralFaults = NO_FAULTS;
        if (flags.faults !== undefined) {
          try {
            faults = parseFaultSpec(flags.faults);
          } catch (error: unknown) {
            process.stderr.write(`GALAT / ERROR: --faults: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = 2;
            return;
          }
        }
        const stations = flags.station.map((entry) => {
          const at = entry.indexOf(':');
          return { stationId: entry.slice(0, at), credential: entry.slice(at + 1) };
        });
        const bad = stations.find((s) => !/^[A-Z0-9][A-Z0-9-]{2,31}$/.test(s.stationId) || s.credential.length < 16);
        if (bad !== undefined) {
          process.stderr.write('GALAT / ERROR: --station must be ID:CREDENTIAL, the id in capitals (e.g. KEC-350101-01), the credential ≥ 16 characters\n');
          process.exitCode = 2;
          return;
        }
        const port = Number(flags.port);
        const delay = Number(flags.verifyDelayMs);
        const ratio = Number(flags.rejectionRatio);
        if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isFinite(delay) || delay < 0 || !(ratio >= 0 && ratio <= 1)) {
          process.stderr.write('GALAT / ERROR: --port must be 0..65535, --verify-delay-ms ≥ 0, --rejection-ratio 0..1\n');
          process.exitCode = 2;
          return;
        }
        const emulator = await startCentralEmulator({
          dataDir: resolve(flags.data),
          logger: pino({ level: process.env['KTP_LOG_LEVEL'] ?? 'warn' }),
          port,
          faults,
          stations,
          verification: { delayMs: delay, rejectionRatio: ratio },
          adminToken: flags.adminToken ?? randomBytes(18).toString('base64url'),
        });
        process.stdout.write(`KTP Station central emulator: ${emulator.url}\n`);
        process.stdout.write(`admin: ${emulator.adminUrl}/admin (x-admin-token: ${emulator.adminToken})\n`);
        process.stdout.write(`central public key: ${emulator.publicKeyFile}\n`);
        process.stdout.write(`faults: ${JSON.stringify(emulator.faults())}\n`);
        const stop = () => {
          void emulator.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (error: unknown) {
        process.exitCode = reportError(error);
      }
    });
}
