/**
 * Serial packet codec for the R30x / ZFM-20 / AS608 fingerprint sensor family.
 *
 * Pure code: no serial port, no timers, no I/O. The driver feeds received bytes to a
 * `PacketReader` and writes the bytes of `encodePacket` to the port.
 *
 * Packet: `EF 01` | address (4 bytes BE) | id | length (2 bytes BE = payload + 2) | payload |
 * checksum (2 bytes BE = id + both length bytes + every payload byte, mod 65536).
 */

export const PacketId = {
  Command: 0x01,
  Data: 0x02,
  Ack: 0x07,
  EndData: 0x08,
} as const;
export type PacketId = (typeof PacketId)[keyof typeof PacketId];

export interface FingerprintPacket {
  /** Module address, uint32 (default 0xFFFFFFFF). */
  address: number;
  id: PacketId;
  payload: Uint8Array;
}

export const DEFAULT_ADDRESS = 0xffffffff;
/** `EF 01` + address (4) + id (1) + length (2). */
export const HEADER_BYTES = 9;
export const CHECKSUM_BYTES = 2;
/** The length field is 16 bits and counts the checksum: 65535 − 2. */
export const MAX_PAYLOAD = 65533;
/** Data packets carry at most the largest packet size the module supports. */
export const MAX_DATA_PAYLOAD = 256;
/** The largest packet on the wire, header and checksum included. */
export const MAX_PACKET_BYTES = HEADER_BYTES + MAX_PAYLOAD + CHECKSUM_BYTES;

const START_HIGH = 0xef;
const START_LOW = 0x01;

export type PacketErrorReason =
  | 'bad-header'
  | 'bad-id'
  | 'bad-length'
  | 'bad-checksum'
  | 'too-long'
  | 'bad-argument';

/** The codec's own typed error (no station error code: callers map it). */
export class PacketError extends Error {
  readonly reason: PacketErrorReason;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(reason: PacketErrorReason, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'PacketError';
    this.reason = reason;
    this.details = details;
  }
}

export function isPacketId(value: number): value is PacketId {
  return value === 0x01 || value === 0x02 || value === 0x07 || value === 0x08;
}

function isDataId(id: PacketId): boolean {
  return id === PacketId.Data || id === PacketId.EndData;
}

function hex(value: number, digits = 2): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

function checkAddress(address: number): void {
  if (!Number.isInteger(address) || address < 0 || address > 0xffffffff) {
    throw new PacketError('bad-argument', `address must be an integer 0..0xFFFFFFFF, got ${String(address)}`, {
      address,
    });
  }
}

function checkByte(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 0xff) {
    throw new PacketError('bad-argument', `${name} must be an integer 0..255, got ${String(value)}`, {
      [name]: value,
    });
  }
}

/** Sum of the id, both length bytes and every payload byte, mod 65536. */
function checksumOf(id: number, lengthField: number, bytes: Uint8Array, from: number, to: number): number {
  let sum = id + (lengthField >>> 8) + (lengthField & 0xff);
  for (let i = from; i < to; i++) sum += bytes[i] ?? 0;
  return sum & 0xffff;
}

export function encodePacket(packet: FingerprintPacket): Uint8Array {
  const { address, id, payload } = packet;
  checkAddress(address);
  if (!isPacketId(id)) {
    throw new PacketError('bad-id', `unknown packet id ${hex(Number(id))}`, { id });
  }
  if (!(payload instanceof Uint8Array)) {
    throw new PacketError('bad-argument', 'payload must be a Uint8Array');
  }
  const limit = isDataId(id) ? MAX_DATA_PAYLOAD : MAX_PAYLOAD;
  if (payload.length > limit) {
    throw new PacketError('too-long', `payload of ${payload.length} bytes exceeds ${limit} for id ${hex(id)}`, {
      id,
      length: payload.length,
      limit,
    });
  }
  const lengthField = payload.length + CHECKSUM_BYTES;
  const out = new Uint8Array(HEADER_BYTES + payload.length + CHECKSUM_BYTES);
  out[0] = START_HIGH;
  out[1] = START_LOW;
  out[2] = (address >>> 24) & 0xff;
  out[3] = (address >>> 16) & 0xff;
  out[4] = (address >>> 8) & 0xff;
  out[5] = address & 0xff;
  out[6] = id;
  out[7] = lengthField >>> 8;
  out[8] = lengthField & 0xff;
  out.set(payload, HEADER_BYTES);
  const sum = checksumOf(id, lengthField, payload, 0, payload.length);
  out[HEADER_BYTES + payload.length] = sum >>> 8;
  out[HEADER_BYTES + payload.length + 1] = sum & 0xff;
  return out;
}

export type ReaderResult =
  | { ok: true; packet: FingerprintPacket }
  | { ok: false; error: PacketError; skipped: number };

export interface PacketReaderOptions {
  /**
   * Largest payload accepted for command and acknowledge packets (default MAX_PAYLOAD).
   * A driver may lower it (the module never sends more than a few dozen bytes in an
   * acknowledge) so that a corrupted length field costs less waiting.
   */
  maxPayload?: number;
}

/** Bytes appended to the buffer per parsing round: bounds memory for huge chunks. */
const SLICE = 4096;

/**
 * Streaming parser for bytes arriving in arbitrary chunks.
 *
 * - Bytes that are not the start of an `EF 01` header are skipped; each run of them is
 *   reported once per `push` as a `bad-header` error with `skipped` = the count.
 * - An unknown id, an impossible length or a checksum mismatch is reported as an error; the
 *   search resumes at the byte after the failed header's first byte, and the bytes dropped
 *   until the next header candidate are counted in that error's `skipped`.
 * - Every byte pushed is accounted for exactly once: as part of an ok packet, in some
 *   error's `skipped`, or still `pending()`.
 * - Never throws on input; `pending()` never exceeds HEADER_BYTES + maxPayload + 2 − 1.
 */
export class PacketReader {
  private readonly maxPayload: number;
  private buf: Uint8Array;
  private start = 0;
  private end = 0;
  /** The error result whose `skipped` count grows with the bytes being dropped now. */
  private open: { ok: false; error: PacketError; skipped: number } | null = null;

  constructor(options: PacketReaderOptions = {}) {
    const max = options.maxPayload ?? MAX_PAYLOAD;
    if (!Number.isInteger(max) || max < 0 || max > MAX_PAYLOAD) {
      throw new PacketError('bad-argument', `maxPayload must be an integer 0..${MAX_PAYLOAD}`, { maxPayload: max });
    }
    this.maxPayload = max;
    this.buf = new Uint8Array(Math.min(HEADER_BYTES + max + CHECKSUM_BYTES, 1024) + SLICE);
  }

  /** Bytes buffered (an incomplete packet or header candidate). */
  pending(): number {
    return this.end - this.start;
  }

  reset(): void {
    this.start = 0;
    this.end = 0;
    this.open = null;
  }

  push(chunk: Uint8Array): ReaderResult[] {
    const results: ReaderResult[] = [];
    for (let offset = 0; offset < chunk.length; offset += SLICE) {
      this.append(chunk.subarray(offset, Math.min(chunk.length, offset + SLICE)));
      this.parse(results);
    }
    // A run of skipped bytes is reported within one push; the next push starts afresh.
    this.open = null;
    return results;
  }

  private append(bytes: Uint8Array): void {
    const size = this.end - this.start;
    if (this.end + bytes.length > this.buf.length) {
      if (size + bytes.length > this.buf.length) {
        const grown = new Uint8Array(Math.max(this.buf.length * 2, size + bytes.length));
        grown.set(this.buf.subarray(this.start, this.end), 0);
        this.buf = grown;
      } else {
        this.buf.copyWithin(0, this.start, this.end);
      }
      this.start = 0;
      this.end = size;
    }
    this.buf.set(bytes, this.end);
    this.end += bytes.length;
  }

  private at(index: number): number {
    return this.buf[this.start + index] ?? 0;
  }

  private skip(results: ReaderResult[]): void {
    if (this.open === null) {
      this.open = {
        ok: false,
        error: new PacketError('bad-header', 'bytes before a packet header were skipped'),
        skipped: 0,
      };
      results.push(this.open);
    }
    this.open.skipped += 1;
    this.start += 1;
  }

  private fail(results: ReaderResult[], error: PacketError): void {
    // Drop the first byte of the failed header; what follows until the next header
    // candidate is counted against this error.
    this.open = { ok: false, error, skipped: 1 };
    results.push(this.open);
    this.start += 1;
  }

  private parse(results: ReaderResult[]): void {
    for (;;) {
      const avail = this.end - this.start;
      if (avail === 0) return;
      if (this.at(0) !== START_HIGH) {
        this.skip(results);
        continue;
      }
      if (avail < 2) return;
      if (this.at(1) !== START_LOW) {
        this.skip(results);
        continue;
      }
      if (avail < 7) return;
      const id = this.at(6);
      if (!isPacketId(id)) {
        this.fail(results, new PacketError('bad-id', `unknown packet id ${hex(id)}`, { id }));
        continue;
      }
      if (avail < HEADER_BYTES) return;
      const lengthField = (this.at(7) << 8) | this.at(8);
      const payloadLength = lengthField - CHECKSUM_BYTES;
      const limit = isDataId(id) ? Math.min(MAX_DATA_PAYLOAD, this.maxPayload) : this.maxPayload;
      if (payloadLength < 0 || payloadLength > limit) {
        this.fail(
          results,
          new PacketError('bad-length', `impossible length field ${lengthField} for id ${hex(id)}`, {
            id,
            lengthField,
            limit,
          }),
        );
        continue;
      }
      const total = HEADER_BYTES + payloadLength + CHECKSUM_BYTES;
      if (avail < total) return;
      const payloadStart = this.start + HEADER_BYTES;
      const payloadEnd = payloadStart + payloadLength;
      const expected = checksumOf(id, lengthField, this.buf, payloadStart, payloadEnd);
      const received = (this.at(HEADER_BYTES + payloadLength) << 8) | this.at(HEADER_BYTES + payloadLength + 1);
      if (expected !== received) {
        this.fail(
          results,
          new PacketError('bad-checksum', `checksum ${hex(received, 4)} does not match ${hex(expected, 4)}`, {
            id,
            expected,
            received,
          }),
        );
        continue;
      }
      const address = ((this.at(2) << 24) | (this.at(3) << 16) | (this.at(4) << 8) | this.at(5)) >>> 0;
      const payload = this.buf.slice(payloadStart, payloadEnd);
      this.open = null;
      results.push({ ok: true, packet: { address, id, payload } });
      this.start += total;
    }
  }
}

/** Instruction codes (first payload byte of a command packet). */
export const Instruction = {
  GenImg: 0x01,
  Img2Tz: 0x02,
  Match: 0x03,
  Search: 0x04,
  RegModel: 0x05,
  Store: 0x06,
  UpImage: 0x0a,
  DownImage: 0x0b,
  SetSysPara: 0x0e,
  ReadSysPara: 0x0f,
  VfyPwd: 0x13,
  Handshake: 0x17,
  SoftReset: 0x3d,
  GetEcho: 0x53,
} as const;
export type Instruction = (typeof Instruction)[keyof typeof Instruction];

/** A command packet: the instruction code followed by its parameters. */
export function command(address: number, instruction: number, params: Uint8Array = new Uint8Array(0)): FingerprintPacket {
  checkAddress(address);
  checkByte('instruction', instruction);
  const payload = new Uint8Array(1 + params.length);
  payload[0] = instruction;
  payload.set(params, 1);
  return { address, id: PacketId.Command, payload };
}

/** VfyPwd with the 4-byte big-endian password. */
export function verifyPassword(address: number, password: number): FingerprintPacket {
  if (!Number.isInteger(password) || password < 0 || password > 0xffffffff) {
    throw new PacketError('bad-argument', 'password must be an integer 0..0xFFFFFFFF', { password });
  }
  const params = new Uint8Array(4);
  new DataView(params.buffer).setUint32(0, password, false);
  return command(address, Instruction.VfyPwd, params);
}

export interface Ack {
  confirm: number;
  data: Uint8Array;
}

export function parseAck(packet: FingerprintPacket): Ack {
  if (packet.id !== PacketId.Ack) {
    throw new PacketError('bad-id', `expected an acknowledge (0x07), got ${hex(packet.id)}`, { id: packet.id });
  }
  const [confirm] = packet.payload;
  if (confirm === undefined) {
    throw new PacketError('bad-length', 'acknowledge without a confirm code', { length: 0 });
  }
  return { confirm, data: packet.payload.slice(1) };
}

export interface SystemParameters {
  statusRegister: number;
  systemId: number;
  librarySize: number;
  securityLevel: number;
  deviceAddress: number;
  packetSizeBytes: 32 | 64 | 128 | 256;
  baudRate: number;
}

export const SYSTEM_PARAMETERS_BYTES = 16;
const PACKET_SIZES = [32, 64, 128, 256] as const;
export type ImagePacketSize = (typeof PACKET_SIZES)[number];

/** Decodes the 16 data bytes of the ReadSysPara acknowledge. */
export function parseSystemParameters(data: Uint8Array): SystemParameters {
  if (data.length !== SYSTEM_PARAMETERS_BYTES) {
    throw new PacketError('bad-argument', `system parameters are ${SYSTEM_PARAMETERS_BYTES} bytes, got ${data.length}`, {
      length: data.length,
    });
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const sizeCode = view.getUint16(12, false);
  const packetSizeBytes = PACKET_SIZES[sizeCode];
  if (packetSizeBytes === undefined) {
    throw new PacketError('bad-argument', `packet size code ${sizeCode} is not 0..3`, { sizeCode });
  }
  const baudMultiplier = view.getUint16(14, false);
  if (baudMultiplier < 1 || baudMultiplier > 12) {
    throw new PacketError('bad-argument', `baud multiplier ${baudMultiplier} is not 1..12`, { baudMultiplier });
  }
  return {
    statusRegister: view.getUint16(0, false),
    systemId: view.getUint16(2, false),
    librarySize: view.getUint16(4, false),
    securityLevel: view.getUint16(6, false),
    deviceAddress: view.getUint32(8, false),
    packetSizeBytes,
    baudRate: baudMultiplier * 9600,
  };
}

export const IMAGE_WIDTH = 256;
export const IMAGE_HEIGHT = 288;
/** 4 bits per pixel, high nibble first. */
export const IMAGE_BYTES = (IMAGE_WIDTH * IMAGE_HEIGHT) / 2;

function isImagePacketSize(value: number): value is ImagePacketSize {
  return (PACKET_SIZES as readonly number[]).includes(value);
}

/** The data packets of an UpImage transfer, as the module sends them (0x02 …, last 0x08). */
export function splitImage(bytes: Uint8Array, packetSize: number, address: number = DEFAULT_ADDRESS): FingerprintPacket[] {
  checkAddress(address);
  if (!isImagePacketSize(packetSize)) {
    throw new PacketError('bad-argument', `packet size must be 32, 64, 128 or 256, got ${String(packetSize)}`, {
      packetSize,
    });
  }
  if (bytes.length !== IMAGE_BYTES) {
    throw new PacketError('bad-argument', `an image is ${IMAGE_BYTES} bytes, got ${bytes.length}`, {
      length: bytes.length,
    });
  }
  const packets: FingerprintPacket[] = [];
  for (let offset = 0; offset < bytes.length; offset += packetSize) {
    const last = offset + packetSize >= bytes.length;
    packets.push({
      address,
      id: last ? PacketId.EndData : PacketId.Data,
      payload: bytes.slice(offset, Math.min(bytes.length, offset + packetSize)),
    });
  }
  return packets;
}

/** The image bytes of an UpImage transfer: data packets, only the last one 0x08, 36,864 bytes. */
export function joinImage(packets: readonly FingerprintPacket[]): Uint8Array {
  if (packets.length === 0) {
    throw new PacketError('bad-length', 'no image data packets', { packets: 0 });
  }
  let total = 0;
  packets.forEach((packet, index) => {
    const last = index === packets.length - 1;
    const expected = last ? PacketId.EndData : PacketId.Data;
    if (packet.id !== expected) {
      throw new PacketError('bad-id', `image packet ${index} has id ${hex(packet.id)}, expected ${hex(expected)}`, {
        index,
        id: packet.id,
        expected,
      });
    }
    total += packet.payload.length;
  });
  if (total > IMAGE_BYTES) {
    throw new PacketError('too-long', `image data of ${total} bytes exceeds ${IMAGE_BYTES}`, { length: total });
  }
  if (total < IMAGE_BYTES) {
    throw new PacketError('bad-length', `image data of ${total} bytes is short of ${IMAGE_BYTES}`, { length: total });
  }
  const out = new Uint8Array(IMAGE_BYTES);
  let offset = 0;
  for (const packet of packets) {
    out.set(packet.payload, offset);
    offset += packet.payload.length;
  }
  return out;
}
