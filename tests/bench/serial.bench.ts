// `npm run bench -- serial [--runs N] [--baud B] [--packet-size P]`: one fingerprint image
// (UpImage, 36,864 bytes) through a real pty pair (socat) from the simulator to the driver.
// A pty moves bytes at memory speed, so the simulator paces them at the baud rate like a UART;
// the line time of the bytes sent is the ceiling. Printed: the median transfer time of the
// driver and of a bare reader (the baseline: no parsing, no turnaround) in the same run, and
// efficiency = line time / driver time (goal ≥ 0.9).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FingerprintSensor } from '../../src-main/devices/fingerprint/sensor.js';
import { encodePacket, IMAGE_BYTES, PacketId, splitImage } from '../../src-main/devices/fingerprint/packet.js';
import { SerialTransport } from '../../src-main/devices/serial/serial-transport.js';
import { ridgePattern } from '../../src-main/sim/fingerprint/ridge-patterns.js';
import { FingerprintSimulator } from '../../src-main/sim/fingerprint/simulator.js';
import type { ImagePacketSize } from '../../src-main/devices/fingerprint/packet.js';
import { PtyPair } from '../helpers/pty.js';

function option(args: string[], name: string, fallback: string): string {
  const at = args.indexOf(name);
  return at >= 0 ? (args[at + 1] ?? fallback) : fallback;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function emit(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ bench: 'serial', ...line })}\n`);
}

export async function run(args: string[]): Promise<void> {
  const runs = Number(option(args, '--runs', '5'));
  const baud = Number(option(args, '--baud', '57600'));
  const packetSize = Number(option(args, '--packet-size', '128')) as ImagePacketSize;
  const dir = mkdtempSync(join(tmpdir(), 'ktp-bench-serial-'));
  const pair = new PtyPair(dir);
  await pair.plugIn();
  const deviceEnd = new SerialTransport({ path: pair.device, baudRate: baud });
  const stationEnd = new SerialTransport({ path: pair.station, baudRate: baud });
  try {
    await deviceEnd.open();
    await stationEnd.open();
    const sim = new FingerprintSimulator({ baudRate: baud, packetSize });
    sim.attach(deviceEnd);
    sim.placeFinger('RIGHT_INDEX');
    const sensor = new FingerprintSensor(stationEnd);
    const info = await sensor.identify();
    if ((await sensor.genImg()) !== 0) throw new Error('GenImg failed');
    // Bytes on the line for one UpImage answer: the acknowledge (12) and every data packet.
    const wireBytes = 12 + splitImage(ridgePattern('RIGHT_INDEX'), packetSize).reduce((n, p) => n + encodePacket(p).length, 0);
    const lineMs = (wireBytes * 10 * 1000) / baud;

    const driverMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const started = performance.now();
      const image = await sensor.upImage();
      driverMs.push(performance.now() - started);
      if (image.length !== IMAGE_BYTES) throw new Error('short image');
    }
    // Baseline: the same request, the answer counted byte by byte without the driver.
    const request = encodePacket({ address: 0xffffffff, id: PacketId.Command, payload: Uint8Array.of(0x0a) });
    const bareMs: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      stationEnd.discardInput();
      const started = performance.now();
      await stationEnd.write(request);
      let received = 0;
      while (received < wireBytes) received += (await stationEnd.read(5000)).length;
      bareMs.push(performance.now() - started);
    }
    const driver = median(driverMs);
    const bare = median(bareMs);
    emit({ case: 'line', baud, packetSize: info.parameters.packetSizeBytes, wireBytes, lineMs: Math.round(lineMs) });
    emit({ case: 'bare-reader', runs, medianMs: Math.round(bare), efficiency: Number((lineMs / bare).toFixed(3)) });
    emit({ case: 'driver-upimage', runs, medianMs: Math.round(driver), efficiency: Number((lineMs / driver).toFixed(3)), ratioToBare: Number((bare / driver).toFixed(3)), goal: 0.9 });
    sim.detach();
  } finally {
    await stationEnd.close();
    await deviceEnd.close();
    await pair.unplug();
    rmSync(dir, { recursive: true, force: true });
  }
}
