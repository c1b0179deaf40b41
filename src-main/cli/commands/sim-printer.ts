import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { TransportError } from '../../devices/transport.js';
import { PrinterSimulator } from '../../sim/printer/printer-simulator.js';
import { SimCommandError, parseSimCommand, parseSimCommands } from '../../sim/printer/sim-commands.js';
import type { SimFault } from '../../sim/printer/printer-model.js';
import { reportError } from '../report-error.js';

interface SimPrinterFlags {
  port: string;
  out: string;
  faults?: string;
}

/** The `sim` group, shared with the other device simulators: found if already registered. */
function simGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'sim') ??
    program.command('sim').description('Device simulators on the device side of a port (training, tests). / Simulator perangkat.')
  );
}

/** `ktp-station sim printer --port PATH`: the Evolis escape-command printer simulator. */
export function registerSimPrinter(program: Command): void {
  simGroup(program)
    .command('printer')
    .description('Simulated Evolis card printer on PATH (e.g. one end of `socat pty,raw,echo=0,link=A pty,raw,echo=0,link=B`); renders every printed card to PNG. Commands on stdin, one a line: ribbon-out-at=N, ribbon-replace, feeder-empty, cards-load=N, cover-open, cover-close, jam, mechanical, garbage, garbage-print, silence, silence-print, clear, status.')
    .requiredOption('--port <path>', 'the device end of the port')
    .option('--out <dir>', 'folder for the PNG of every printed card', 'printed-cards')
    .option('--faults <list>', 'commands applied at start, comma-separated, e.g. "ribbon-out-at=7"')
    .action(async (flags: SimPrinterFlags) => {
      let faults: SimFault[] = [];
      try {
        faults = flags.faults === undefined ? [] : parseSimCommands(flags.faults);
      } catch (error: unknown) {
        process.stderr.write(`GALAT / ERROR: --faults: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
        return;
      }
      try {
        const outputDir = resolve(flags.out);
        const simulator = await PrinterSimulator.start({
          port: flags.port,
          outputDir,
          faults,
          onCardPrinted: (n, png) => process.stdout.write(`printed ${n} ${png}\n`),
          onError: (error) => process.stderr.write(`simulator: ${error instanceof Error ? error.message : String(error)}\n`),
        });
        process.stdout.write(`KTP Station printer simulator on ${flags.port}, cards to ${outputDir}\n`);
        process.stdout.write(`status ${JSON.stringify(simulator.counters())}\n`);
        const lines = createInterface({ input: process.stdin });
        lines.on('line', (line) => {
          if (line.trim() === '') return;
          if (line.trim() === 'status') {
            process.stdout.write(`status ${JSON.stringify(simulator.counters())}\n`);
            return;
          }
          try {
            simulator.inject(parseSimCommand(line));
            process.stdout.write(`ok ${line.trim()} ${JSON.stringify(simulator.counters())}\n`);
          } catch (error: unknown) {
            if (!(error instanceof SimCommandError)) throw error;
            process.stdout.write(`error ${error.message}\n`);
          }
        });
        const stop = () => {
          lines.close();
          void simulator.stop().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (error: unknown) {
        if (error instanceof TransportError) {
          process.stderr.write(`GALAT / ERROR ${error.code}: ${error.message}\n`);
          process.exitCode = 1;
          return;
        }
        process.exitCode = reportError(error);
      }
    });
}
