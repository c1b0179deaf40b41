import { Command } from 'commander';
import { STATION_VERSION } from '../core/version.js';
import { registerAudit } from './commands/audit.js';
import { registerBackup } from './commands/backup.js';
import { registerCentral } from './commands/central.js';
import { registerConfig } from './commands/config.js';
import { registerDiag } from './commands/diag.js';
import { registerServe } from './commands/serve.js';
import { registerSync } from './commands/sync.js';
import { registerSneakernet } from './commands/sneakernet.js';
import { registerSuket } from './commands/suket.js';
import { registerSim } from './commands/sim.js';
import { registerSimPrinter } from './commands/sim-printer.js';
import { registerVersion } from './commands/version.js';

/** `ktp-station`: one program, a subcommand per job; each has --help. */
export function buildProgram(): Command {
  const program = new Command('ktp-station')
    .description('KTP Station — e-KTP recording and printing desk that keeps working offline.')
    .version(STATION_VERSION, '-v, --version')
    .showHelpAfterError('(--help untuk bantuan / for help)');
  registerServe(program);
  registerConfig(program);
  registerBackup(program);
  registerAudit(program);
  registerCentral(program);
  registerSync(program);
  registerSneakernet(program);
  registerSuket(program);
  registerSim(program);
  registerDiag(program);
  registerSimPrinter(program);
  registerVersion(program);
  return program;
}

export async function runCli(argv: readonly string[]): Promise<void> {
  await buildProgram().parseAsync([...argv], { from: 'user' });
}
