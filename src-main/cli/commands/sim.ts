import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { FingerPosition } from '../../contract/captures.js';
import type { FingerPosition as Finger } from '../../contract/captures.js';
import { SerialTransport } from '../../devices/serial/serial-transport.js';
import { TransportError } from '../../devices/transport.js';
import { FingerprintSimulator } from '../../sim/fingerprint/simulator.js';
import type { SimulatorFault } from '../../sim/fingerprint/simulator.js';

interface FingerprintFlags {
  port: string;
  baud: string;
  packetSize: string;
  finger?: string;
  password: string;
}

const HELP_LINES = [
  'finger POSITION   put a finger on the glass (e.g. finger LEFT_THUMB) / letakkan jari',
  'lift              lift the finger / angkat jari',
  'no-finger N       answer "no finger" N more times',
  'corrupt [N]       corrupt one checksum in the next N images',
  'silent [N]        ignore the next N commands ("silent forever": until "clear")',
  'drop [N]          stop the next N images halfway',
  'baud RATE         talk at another baud rate (noise on the line); "baud off" to go back',
  'clear             clear every fault',
];

const FAULTS: Record<string, Exclude<SimulatorFault, 'baudRate'>> = { 'no-finger': 'noFinger', corrupt: 'corruptChecksum', silent: 'silent', drop: 'dropMidImage' };

/** `ktp-station sim fingerprint --port PATH`: the sensor's side of the protocol on a serial port or pty. */
export function registerSim(program: Command): void {
  const sim = program.command('sim').description('Device simulators on real ports (for a technician\'s bench or a socat pty pair). / Simulator perangkat.');
  sim
    .command('fingerprint')
    .description('Be an R30x / ZFM / AS608 fingerprint sensor on PATH, serving synthetic ridge patterns; faults are typed on stdin (type "help").')
    .requiredOption('--port <path>', 'serial port or pty to serve on, e.g. the device end of `socat -d -d pty,raw,echo=0,link=/tmp/fp/a pty,raw,echo=0,link=/tmp/fp/b`')
    .option('--baud <rate>', 'line rate the simulator paces its bytes at', '57600')
    .option('--packet-size <n>', 'image bytes per data packet: 32, 64, 128 or 256', '128')
    .option('--finger <position>', 'finger on the glass at start (default: cycle through the ten, one per image)')
    .option('--password <n>', 'module password VfyPwd expects', '0')
    .action(async (flags: FingerprintFlags) => {
      const baud = Number(flags.baud);
      const packetSize = Number(flags.packetSize);
      const password = Number(flags.password);
      const finger = flags.finger === undefined ? null : FingerPosition.safeParse(flags.finger);
      if (!Number.isInteger(baud) || baud < 9600 || baud > 115200 || ![32, 64, 128, 256].includes(packetSize) || !Number.isInteger(password) || password < 0 || (finger !== null && !finger.success)) {
        process.stderr.write(`GALAT / ERROR: --baud 9600..115200, --packet-size 32|64|128|256, --password ≥ 0, --finger one of ${FingerPosition.options.join(', ')}\n`);
        process.exitCode = 2;
        return;
      }
      const transport = new SerialTransport({ path: flags.port, baudRate: baud });
      try {
        await transport.open();
      } catch (error: unknown) {
        process.stderr.write(`GALAT / ERROR: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = error instanceof TransportError && error.code === 'PORT_MISSING' ? 2 : 1;
        return;
      }
      const simulator = new FingerprintSimulator({ baudRate: baud, packetSize: packetSize as 32 | 64 | 128 | 256, password });
      let cycle = 0;
      const cycling = finger === null;
      simulator.placeFinger(finger?.success === true ? finger.data : (FingerPosition.options[0] ?? null));
      simulator.events.onImageServed = (position: Finger) => {
        process.stdout.write(`image served: ${position}\n`);
        if (cycling) {
          cycle = (cycle + 1) % FingerPosition.options.length;
          simulator.placeFinger(FingerPosition.options[cycle] ?? null);
        }
      };
      simulator.attach(transport);
      transport.onDisconnect((error) => {
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
      });
      process.stdout.write(`fingerprint simulator on ${flags.port} at ${baud} baud; type "help" for faults\n`);
      const lines = createInterface({ input: process.stdin });
      lines.on('line', (line) => {
        const [word = '', arg] = line.trim().split(/\s+/);
        const count = arg === undefined ? 1 : arg === 'forever' ? Infinity : Number(arg);
        const fault = FAULTS[word];
        if (fault !== undefined && count > 0) simulator.inject(fault, count);
        else if (word === 'finger' && FingerPosition.safeParse(arg).success) simulator.placeFinger(FingerPosition.parse(arg));
        else if (word === 'lift') simulator.placeFinger(null);
        else if (word === 'baud') simulator.changeBaud(arg === 'off' ? null : Number(arg));
        else if (word === 'clear') simulator.clearFaults();
        else if (word !== '') process.stdout.write(`${HELP_LINES.join('\n')}\n`);
        if (word !== '' && word !== 'help') process.stdout.write(`faults now: ${JSON.stringify(simulator.pendingFaults())}, finger: ${simulator.placedFinger ?? '-'}\n`);
      });
      // Runs until a signal; a closed stdin (started without a terminal) only ends the fault prompt.
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      lines.close();
      simulator.detach();
      await transport.close();
    });
}
