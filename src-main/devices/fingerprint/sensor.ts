import type { DeviceTransport } from '../transport.js';
import { TransportError } from '../transport.js';
import { CONFIRM_OK, describeConfirm } from './confirm-codes.js';
import type { Ack, FingerprintPacket, ReaderResult, SystemParameters } from './packet.js';
import {
  DEFAULT_ADDRESS,
  encodePacket,
  IMAGE_BYTES,
  Instruction,
  joinImage,
  MAX_DATA_PAYLOAD,
  PacketError,
  PacketId,
  PacketReader,
  command,
  parseAck,
  parseSystemParameters,
  verifyPassword,
} from './packet.js';
import { SensorError } from './sensor-error.js';
import type { SensorStep } from './sensor-error.js';

export interface FingerprintSensorOptions {
  /** Module address (default FFFFFFFF). */
  address?: number;
  /** Module password for VfyPwd (default 0). */
  password?: number;
  /** How long to wait for an acknowledge. */
  ackTimeoutMs?: number;
  /** How long to wait for the next data packet of an image. */
  packetTimeoutMs?: number;
  /** Silence that ends `settle` (the sensor finished sending whatever it was sending). */
  quietMs?: number;
}

/** What the handshake found out about the sensor (shown on the Diagnostik page). */
export interface FingerprintSensorInfo {
  parameters: SystemParameters;
  /** The family reports no firmware string: the system id and library size stand in. */
  firmware: string;
  /** The family reports no serial number: the module address stands in. */
  serialNumber: string;
}

/** Counts of what the link suffered in one session (for logs and the bench). */
export interface LinkStats {
  skippedBytes: number;
  corruptPackets: number;
}

/**
 * Driver for the R30x / ZFM-20 / AS608 fingerprint sensor family over any byte transport:
 * one request at a time, every answer checked (header, checksum, length, packet order), every
 * failure a SensorError. An image is only returned whole: 36,864 bytes, nothing half-read.
 */
export class FingerprintSensor {
  private readonly address: number;
  private readonly password: number;
  private readonly ackTimeoutMs: number;
  private readonly packetTimeoutMs: number;
  private readonly quietMs: number;
  private readonly reader = new PacketReader({ maxPayload: MAX_DATA_PAYLOAD });
  private ready: ReaderResult[] = [];
  private packetSize: SystemParameters['packetSizeBytes'] = 128;
  readonly stats: LinkStats = { skippedBytes: 0, corruptPackets: 0 };

  constructor(
    private readonly transport: DeviceTransport,
    options: FingerprintSensorOptions = {},
  ) {
    this.address = options.address ?? DEFAULT_ADDRESS;
    this.password = options.password ?? 0;
    this.ackTimeoutMs = options.ackTimeoutMs ?? 2000;
    this.packetTimeoutMs = options.packetTimeoutMs ?? 1000;
    this.quietMs = options.quietMs ?? 150;
  }

  /** Handshake, password, system parameters: the probe that says this is our sensor. */
  async identify(): Promise<FingerprintSensorInfo> {
    await this.expectOk('handshake', command(this.address, Instruction.Handshake));
    await this.expectOk('password', verifyPassword(this.address, this.password));
    const ack = await this.expectOk('parameters', command(this.address, Instruction.ReadSysPara));
    let parameters: SystemParameters;
    try {
      parameters = parseSystemParameters(ack.data);
    } catch (error: unknown) {
      throw new SensorError({ kind: 'corrupt', step: 'parameters', reason: 'bad-length', detail: String(error) });
    }
    this.packetSize = parameters.packetSizeBytes;
    return {
      parameters,
      firmware: `sysid 0x${parameters.systemId.toString(16).padStart(4, '0')}, library ${parameters.librarySize}`,
      serialNumber: `address ${parameters.deviceAddress.toString(16).toUpperCase().padStart(8, '0')}`,
    };
  }

  /** Handshake alone: the idle liveness check. */
  async handshake(): Promise<void> {
    await this.expectOk('handshake', command(this.address, Instruction.Handshake));
  }

  /** GenImg: the confirm code (OK when a finger image is now in the sensor's buffer). */
  async genImg(): Promise<number> {
    const ack = await this.exchange('capture', command(this.address, Instruction.GenImg));
    return ack.confirm;
  }

  /** UpImage: the whole 256×288 4-bit image, or a SensorError. */
  async upImage(): Promise<Uint8Array> {
    const ack = await this.exchange('upload', command(this.address, Instruction.UpImage));
    if (ack.confirm !== CONFIRM_OK) throw new SensorError({ kind: 'confirm', step: 'upload', confirm: describeConfirm(ack.confirm) });
    const packets: FingerprintPacket[] = [];
    const most = Math.ceil(IMAGE_BYTES / 32) + 1;
    for (;;) {
      const packet = await this.next('upload', this.packetTimeoutMs);
      if (packet.id !== PacketId.Data && packet.id !== PacketId.EndData) {
        throw new SensorError({ kind: 'corrupt', step: 'upload', reason: 'unexpected-packet', detail: `packet id ${packet.id} inside an image` });
      }
      packets.push(packet);
      if (packet.id === PacketId.EndData) break;
      if (packets.length > most) {
        throw new SensorError({ kind: 'corrupt', step: 'upload', reason: 'image-size', detail: `more than ${most} data packets` });
      }
    }
    try {
      return joinImage(packets);
    } catch (error: unknown) {
      throw new SensorError({ kind: 'corrupt', step: 'upload', reason: 'image-size', detail: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The packet size the sensor reported (bytes of image per data packet). */
  get imagePacketSize(): number {
    return this.packetSize;
  }

  /**
   * After a failed exchange: waits until the sensor has been quiet for `quietMs` (it may still
   * be sending the rest of an image), then drops everything received, so the next request
   * starts on a clean line.
   */
  async settle(maxMs = 5000): Promise<void> {
    const until = Date.now() + maxMs;
    while (Date.now() < until) {
      try {
        await this.transport.read(this.quietMs);
      } catch (error: unknown) {
        if (error instanceof TransportError && error.code === 'TIMEOUT') break;
        throw new SensorError({ kind: 'transport', step: 'capture', error: asTransportError(error, this.transport.path) });
      }
    }
    this.clearInput();
  }

  private clearInput(): void {
    this.transport.discardInput();
    this.reader.reset();
    this.ready = [];
  }

  private async expectOk(step: SensorStep, packet: FingerprintPacket): Promise<Ack> {
    const ack = await this.exchange(step, packet);
    if (ack.confirm !== CONFIRM_OK) throw new SensorError({ kind: 'confirm', step, confirm: describeConfirm(ack.confirm) });
    return ack;
  }

  /** Sends one command on a clean line and returns its acknowledge. */
  private async exchange(step: SensorStep, packet: FingerprintPacket): Promise<Ack> {
    this.clearInput();
    try {
      await this.transport.write(encodePacket(packet));
    } catch (error: unknown) {
      throw new SensorError({ kind: 'transport', step, error: asTransportError(error, this.transport.path) });
    }
    const answer = await this.next(step, this.ackTimeoutMs);
    if (answer.id !== PacketId.Ack) {
      throw new SensorError({ kind: 'corrupt', step, reason: 'unexpected-packet', detail: `expected an acknowledge, got packet id ${answer.id}` });
    }
    try {
      return parseAck(answer);
    } catch (error: unknown) {
      throw new SensorError({ kind: 'corrupt', step, reason: error instanceof PacketError ? error.reason : 'bad-length', detail: String(error) });
    }
  }

  /**
   * The next valid packet. Stray bytes between packets are skipped (and counted); a packet
   * that starts but fails its checks is an error: its contents cannot be trusted.
   */
  private async next(step: SensorStep, timeoutMs: number): Promise<FingerprintPacket> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = this.ready.shift();
      if (result !== undefined) {
        if (result.ok) return result.packet;
        this.stats.skippedBytes += result.skipped;
        if (result.error.reason === 'bad-header') continue;
        this.stats.corruptPackets += 1;
        throw new SensorError({ kind: 'corrupt', step, reason: result.error.reason, detail: result.error.message });
      }
      let chunk: Uint8Array;
      try {
        chunk = await this.transport.read(Math.max(1, deadline - Date.now()));
      } catch (error: unknown) {
        throw new SensorError({ kind: 'transport', step, error: asTransportError(error, this.transport.path) });
      }
      this.ready = this.reader.push(chunk);
    }
  }
}

function asTransportError(error: unknown, path: string): TransportError {
  if (error instanceof TransportError) return error;
  return new TransportError('IO_ERROR', path, error instanceof Error ? error.message : String(error), { cause: error });
}
