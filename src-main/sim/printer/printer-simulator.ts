/**
 * The simulated Evolis printer on the device side of a port (a pty in tests and training):
 * reads frames, answers as the model says, and renders every printed card to PNGs in its
 * output folder. `inject` arms a fault or changes the consumables, as a technician would.
 */
import { mkdirSync } from 'node:fs';
import { SerialPrinterTransport } from '../../devices/printer/serial-printer-transport.js';
import { TransportError } from '../../devices/transport.js';
import type { DeviceTransport } from '../../devices/transport.js';
import { renderCard } from './card-render.js';
import { FrameParser } from './frame-parser.js';
import { SimulatedPrinterModel } from './printer-model.js';
import type { SimCounters, SimFault } from './printer-model.js';

export interface PrinterSimulatorOptions {
  /** The port the simulator owns (the device end of a pty pair). */
  readonly port: string;
  /** Where the PNG of every printed card goes. */
  readonly outputDir: string;
  readonly faults?: readonly SimFault[];
  readonly onCardPrinted?: (number: number, pngPath: string) => void;
  /** A read or write failed and the simulator carried on. */
  readonly onError?: (error: unknown) => void;
}

export class PrinterSimulator {
  readonly model = new SimulatedPrinterModel();
  private readonly parser = new FrameParser();
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  private constructor(
    private readonly transport: DeviceTransport,
    private readonly options: PrinterSimulatorOptions,
  ) {
    for (const fault of options.faults ?? []) this.model.inject(fault);
  }

  static async start(options: PrinterSimulatorOptions): Promise<PrinterSimulator> {
    mkdirSync(options.outputDir, { recursive: true });
    const transport = new SerialPrinterTransport(options.port, 115_200);
    await transport.open();
    const simulator = new PrinterSimulator(transport, options);
    simulator.running = true;
    simulator.loop = simulator.serve();
    return simulator;
  }

  inject(fault: SimFault): void {
    this.model.inject(fault);
  }

  counters(): SimCounters {
    return this.model.counters();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.transport.close();
    await this.loop;
  }

  /** Read through a method: stop() flips it while serve() awaits. */
  private isStopped(): boolean {
    return !this.running;
  }

  private async serve(): Promise<void> {
    while (this.running) {
      let chunk: Uint8Array;
      try {
        chunk = await this.transport.read(500);
      } catch (error: unknown) {
        if (error instanceof TransportError && error.code === 'TIMEOUT') continue;
        if (this.isStopped() || (error instanceof TransportError && (error.code === 'CLOSED' || error.code === 'DEVICE_GONE'))) return;
        // Anything else (a transient read error) is reported and the printer keeps listening.
        this.options.onError?.(error);
        continue;
      }
      for (const item of this.parser.push(chunk)) {
        const result = item.kind === 'frame' ? this.model.handle(item.frame) : this.model.badFrame();
        if (result.printed !== null) {
          const png = renderCard(this.options.outputDir, result.printed);
          this.options.onCardPrinted?.(result.printed.number, png);
        }
        if (result.reply !== null) {
          try {
            await this.transport.write(result.reply);
          } catch (error: unknown) {
            if (this.isStopped()) return;
            this.options.onError?.(error);
          }
        }
      }
    }
  }
}
