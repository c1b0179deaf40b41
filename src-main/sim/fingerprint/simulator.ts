import type { FingerPosition } from '../../contract/captures.js';
import {
  DEFAULT_ADDRESS,
  encodePacket,
  IMAGE_BYTES,
  Instruction,
  PacketId,
  PacketReader,
  splitImage,
} from '../../devices/fingerprint/packet.js';
import type { FingerprintPacket, ImagePacketSize } from '../../devices/fingerprint/packet.js';
import type { DeviceTransport } from '../../devices/transport.js';
import { TransportError } from '../../devices/transport.js';
import { ridgePattern } from './ridge-patterns.js';

/**
 * The device side of the R30x / ZFM / AS608 protocol: answers Handshake, VfyPwd, ReadSysPara,
 * GenImg and UpImage over any byte transport (a pty in tests and `ktp-station sim fingerprint`,
 * an in-memory pipe in training mode), pacing its bytes at the configured baud rate the way a
 * UART would, and misbehaving on request.
 */

export interface FingerprintSimulatorOptions {
  /** Line rate the simulator paces its bytes at; null sends at memory speed. */
  baudRate?: number | null;
  packetSize?: ImagePacketSize;
  address?: number;
  password?: number;
  /** The image a finger leaves on the glass (default: the synthetic ridge fixture set). */
  imageOf?: (position: FingerPosition) => Uint8Array;
}

/** Misbehaviour on request, each counted down as it happens. */
export interface SimulatorFaults {
  /** GenImg answers "no finger" this many more times even with a finger placed. */
  noFinger: number;
  /** This many more image transfers carry one data packet with a wrong checksum. */
  corruptChecksum: number;
  /** This many more commands get no answer at all (Infinity: silent until cleared). */
  silent: number;
  /** This many more image transfers stop halfway (the rest never comes). */
  dropMidImage: number;
  /** The simulator talks at this rate instead of the line's: every byte becomes noise. */
  baudRate: number | null;
}

export type SimulatorFault = keyof SimulatorFaults;

export interface SimulatorEvents {
  /** Before data packet `index` (0-based) of `total` is sent. */
  onImagePacket?: (index: number, total: number) => void;
  /** A complete image transfer left the simulator (bytes as sent). */
  onImageServed?: (position: FingerPosition, image: Uint8Array) => void;
}

const NO_FAULTS: SimulatorFaults = { noFinger: 0, corruptChecksum: 0, silent: 0, dropMidImage: 0, baudRate: null };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FingerprintSimulator {
  private transport: DeviceTransport | null = null;
  private finger: FingerPosition | null = null;
  /** The sensor's image buffer: the last good GenImg. */
  private buffer: { position: FingerPosition; image: Uint8Array } | null = null;
  private readonly faults: SimulatorFaults = { ...NO_FAULTS };
  private readonly baudRate: number | null;
  private readonly packetSize: ImagePacketSize;
  private readonly address: number;
  private readonly password: number;
  private readonly imageOf: (position: FingerPosition) => Uint8Array;
  private lineFreeAt = 0;
  private generation = 0;
  events: SimulatorEvents = {};

  constructor(options: FingerprintSimulatorOptions = {}) {
    this.baudRate = options.baudRate === undefined ? 57600 : options.baudRate;
    this.packetSize = options.packetSize ?? 128;
    this.address = options.address ?? DEFAULT_ADDRESS;
    this.password = options.password ?? 0;
    this.imageOf = options.imageOf ?? ridgePattern;
  }

  /** Puts a finger on the glass (null lifts it). */
  placeFinger(position: FingerPosition | null): void {
    this.finger = position;
  }

  get placedFinger(): FingerPosition | null {
    return this.finger;
  }

  inject(fault: Exclude<SimulatorFault, 'baudRate'>, count = 1): void {
    this.faults[fault] = count;
  }

  /** Talk at another rate (a sensor whose baud was changed): null goes back to the line rate. */
  changeBaud(baudRate: number | null): void {
    this.faults.baudRate = baudRate === this.baudRate ? null : baudRate;
  }

  clearFaults(): void {
    Object.assign(this.faults, NO_FAULTS);
  }

  pendingFaults(): Readonly<SimulatorFaults> {
    return { ...this.faults };
  }

  /** Serves the protocol on an open transport until it closes or `detach` is called. */
  attach(transport: DeviceTransport): void {
    this.transport = transport;
    this.generation += 1;
    void this.serve(transport, this.generation);
  }

  detach(): void {
    this.transport = null;
    this.generation += 1;
  }

  private async serve(transport: DeviceTransport, generation: number): Promise<void> {
    const reader = new PacketReader({ maxPayload: 64 });
    while (this.generation === generation) {
      let chunk: Uint8Array;
      try {
        chunk = await transport.read(60_000);
      } catch (error: unknown) {
        if (error instanceof TransportError && error.code === 'TIMEOUT') continue;
        return; // gone or closed: a replug attaches again
      }
      if (this.faults.baudRate !== null) continue; // at the wrong rate the command is noise
      for (const result of reader.push(chunk)) {
        if (this.generation !== generation) return;
        try {
          if (result.ok) await this.answer(transport, generation, result.packet);
          else if (result.error.reason !== 'bad-header') await this.ack(transport, 0x01); // receive error
        } catch {
          return;
        }
      }
    }
  }

  private async answer(transport: DeviceTransport, generation: number, packet: FingerprintPacket): Promise<void> {
    if (packet.id !== PacketId.Command || packet.address !== this.address) return;
    if (this.faults.silent > 0) {
      this.faults.silent -= 1;
      return;
    }
    const instruction = packet.payload[0];
    switch (instruction) {
      case Instruction.Handshake:
      case Instruction.SoftReset:
        return this.ack(transport, 0x00);
      case Instruction.VfyPwd: {
        const view = new DataView(packet.payload.buffer, packet.payload.byteOffset, packet.payload.byteLength);
        const ok = packet.payload.length === 5 && view.getUint32(1, false) === this.password;
        return this.ack(transport, ok ? 0x00 : 0x13);
      }
      case Instruction.ReadSysPara:
        return this.ack(transport, 0x00, this.systemParameters());
      case Instruction.GenImg:
        return this.genImg(transport);
      case Instruction.UpImage:
        return this.upImage(transport, generation);
      default:
        return this.ack(transport, 0x01);
    }
  }

  private systemParameters(): Uint8Array {
    const data = new Uint8Array(16);
    const view = new DataView(data.buffer);
    view.setUint16(0, 0x0000, false); // status register
    view.setUint16(2, 0x0009, false); // system id
    view.setUint16(4, 1000, false); // library size
    view.setUint16(6, 3, false); // security level
    view.setUint32(8, this.address, false);
    view.setUint16(12, [32, 64, 128, 256].indexOf(this.packetSize), false);
    view.setUint16(14, Math.max(1, Math.min(12, Math.round((this.baudRate ?? 57600) / 9600))), false);
    return data;
  }

  private genImg(transport: DeviceTransport): Promise<void> {
    if (this.finger === null) return this.ack(transport, 0x02);
    if (this.faults.noFinger > 0) {
      this.faults.noFinger -= 1;
      return this.ack(transport, 0x02);
    }
    const image = this.imageOf(this.finger);
    if (image.length !== IMAGE_BYTES) return this.ack(transport, 0x03);
    this.buffer = { position: this.finger, image };
    return this.ack(transport, 0x00);
  }

  private async upImage(transport: DeviceTransport, generation: number): Promise<void> {
    const buffered = this.buffer;
    if (buffered === null) return this.ack(transport, 0x15);
    await this.ack(transport, 0x00);
    const packets = splitImage(buffered.image, this.packetSize, this.address);
    const corruptAt = this.faults.corruptChecksum > 0 ? Math.floor(packets.length / 3) : -1;
    if (corruptAt >= 0) this.faults.corruptChecksum -= 1;
    const dropAt = this.faults.dropMidImage > 0 ? Math.floor(packets.length / 2) : -1;
    if (dropAt >= 0) this.faults.dropMidImage -= 1;
    for (let index = 0; index < packets.length; index += 1) {
      if (this.generation !== generation) return;
      if (index === dropAt) return;
      this.events.onImagePacket?.(index, packets.length);
      if (this.generation !== generation || this.transport !== transport) return;
      const packet = packets[index];
      if (packet === undefined) return;
      const bytes = encodePacket(packet);
      if (index === corruptAt) bytes[bytes.length - 1] = ((bytes[bytes.length - 1] ?? 0) ^ 0x5a) & 0xff;
      await this.send(transport, bytes);
    }
    this.events.onImageServed?.(buffered.position, buffered.image.slice());
  }

  private ack(transport: DeviceTransport, confirm: number, data: Uint8Array = new Uint8Array(0)): Promise<void> {
    const payload = new Uint8Array(1 + data.length);
    payload[0] = confirm;
    payload.set(data, 1);
    return this.send(transport, encodePacket({ address: this.address, id: PacketId.Ack, payload }));
  }

  /** Writes bytes once the line would have carried them (10 bits per byte at the baud rate). */
  private async send(transport: DeviceTransport, bytes: Uint8Array): Promise<void> {
    const out = this.faults.baudRate === null ? bytes : garble(bytes, this.faults.baudRate);
    const rate = this.faults.baudRate ?? this.baudRate;
    if (rate !== null) {
      const now = performance.now();
      // Back-to-back writes continue the line's schedule, so timer lateness does not add up.
      const start = this.lineFreeAt > now - 10 ? this.lineFreeAt : now;
      this.lineFreeAt = start + (out.length * 10 * 1000) / rate;
      const wait = this.lineFreeAt - performance.now();
      if (wait > 0.5) await sleep(wait);
    }
    await transport.write(out);
  }
}

/** What a receiver at the wrong rate makes of bytes: a deterministic scramble, no valid header survives. */
function garble(bytes: Uint8Array, baudRate: number): Uint8Array {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) out[i] = (((bytes[i] ?? 0) * 37 + (baudRate & 0xff)) ^ 0xa5) & 0xff;
  // 0xEF never appears, so no packet header can be found in the noise.
  for (let i = 0; i < out.length; i += 1) if (out[i] === 0xef) out[i] = 0xee;
  return out;
}
