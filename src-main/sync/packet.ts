import {
  constants,
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../security/canonical-json.js';
import { contentHash } from '../recording/content-hash.js';
import type { HashedContent } from '../recording/content-hash.js';

/**
 * The sealed enrollment packet: what the sync worker uploads and the sneakernet export carries.
 *
 *   offset  length  field
 *   0       8       magic "KTPPKT1\n"
 *   8       4       header length H (unsigned, big-endian)
 *   12      H       header: UTF-8 JSON (PacketHeader), readable without any key
 *   12+H    n       ciphertext: AES-256-GCM of the payload under a fresh content key
 *
 * The content key is wrapped with RSA-OAEP-SHA256 to central's public key. The station signs
 * (Ed25519) the canonical JSON of the header without its `signature` field; the header names
 * the ciphertext's SHA-256, so the signature covers every byte. The payload is
 *
 *   4 bytes manifest length M | M bytes manifest JSON (PacketManifest) | capture bytes, in
 *   manifest order, each at its `offset` within this tail
 *
 * Central opens it with its private key, checks the signature against the station's pinned
 * key, every capture's SHA-256, and recomputes the content hash, which must equal the header's.
 */
export const PACKET_MAGIC = Buffer.from('KTPPKT1\n', 'ascii');
const MAX_HEADER_BYTES = 16 * 1024;

export const PacketHeader = z.object({
  v: z.literal(1),
  stationId: z.string(),
  enrollmentId: z.string(),
  registrationNo: z.string(),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  sealedAt: z.string(),
  keyWrap: z.object({ alg: z.literal('RSA-OAEP-256'), recipientKeyId: z.string(), wrappedKey: z.string() }),
  cipher: z.object({ alg: z.literal('A256GCM'), iv: z.string(), tag: z.string(), ciphertextSha256: z.string() }),
  signer: z.object({ alg: z.literal('Ed25519'), keyId: z.string() }),
  signature: z.string(),
});
export type PacketHeader = z.infer<typeof PacketHeader>;

const ManifestCapture = z.object({
  modality: z.string(),
  position: z.string(),
  format: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  quality: z.number().int().nullable(),
  exceptionReason: z.string().nullable(),
  sha256: z.string(),
  byteLength: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
});
export const PacketManifest = z.object({
  id: z.string(),
  registrationNo: z.string(),
  nik: z.string(),
  demographics: z.record(z.string(), z.unknown()),
  captures: z.array(ManifestCapture),
});
export type PacketManifest = z.infer<typeof PacketManifest>;

export interface PacketCapture {
  modality: string;
  position: string;
  format: string | null;
  width: number | null;
  height: number | null;
  quality: number | null;
  exceptionReason: string | null;
  /** SHA-256 of the bytes as the content hash covers them (for an exception, its reason digest). */
  sha256: string;
  /** The image bytes; empty for an exception. */
  bytes: Uint8Array;
}

export interface PacketContent {
  stationId: string;
  id: string;
  registrationNo: string;
  nik: string;
  demographics: Record<string, unknown>;
  captures: readonly PacketCapture[];
}

export type PacketFailureReason =
  | 'not-a-packet'
  | 'truncated'
  | 'header-invalid'
  | 'wrong-recipient'
  | 'unknown-signer'
  | 'signature-invalid'
  | 'ciphertext-hash-mismatch'
  | 'key-unwrap-failed'
  | 'decryption-failed'
  | 'manifest-invalid'
  | 'capture-hash-mismatch'
  | 'content-hash-mismatch';

export class PacketError extends Error {
  constructor(
    readonly reason: PacketFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'PacketError';
  }
}

/** A key's id: SHA-256 of its DER SubjectPublicKeyInfo, hex. */
export function publicKeyId(key: KeyObject | string): string {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function signedPart(header: Omit<PacketHeader, 'signature'>): Buffer {
  return Buffer.from(canonicalJson(header), 'utf8');
}

/** Seals a record into a packet for central; the content hash is computed here, from the content. */
export function sealPacket(
  content: PacketContent,
  keys: { centralPublicKey: KeyObject; stationSigningKey: KeyObject },
  sealedAt: Date = new Date(),
): { bytes: Buffer; header: PacketHeader } {
  const manifestCaptures: PacketManifest['captures'] = [];
  let offset = 0;
  for (const c of content.captures) {
    manifestCaptures.push({
      modality: c.modality,
      position: c.position,
      format: c.format,
      width: c.width,
      height: c.height,
      quality: c.quality,
      exceptionReason: c.exceptionReason,
      sha256: c.sha256,
      byteLength: c.bytes.byteLength,
      offset,
    });
    offset += c.bytes.byteLength;
  }
  const manifest: PacketManifest = {
    id: content.id,
    registrationNo: content.registrationNo,
    nik: content.nik,
    demographics: content.demographics,
    captures: manifestCaptures,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(manifestBytes.byteLength);

  const contentKey = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', contentKey, iv);
  const parts = [cipher.update(length), cipher.update(manifestBytes), ...content.captures.map((c) => cipher.update(c.bytes)), cipher.final()];
  const ciphertext = Buffer.concat(parts);
  const tag = cipher.getAuthTag();
  const wrappedKey = publicEncrypt({ key: keys.centralPublicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, contentKey);
  contentKey.fill(0);

  const unsigned: Omit<PacketHeader, 'signature'> = {
    v: 1,
    stationId: content.stationId,
    enrollmentId: content.id,
    registrationNo: content.registrationNo,
    contentHash: contentHash(hashedContentOf(manifest)),
    sealedAt: sealedAt.toISOString(),
    keyWrap: { alg: 'RSA-OAEP-256', recipientKeyId: publicKeyId(keys.centralPublicKey), wrappedKey: wrappedKey.toString('base64') },
    cipher: { alg: 'A256GCM', iv: iv.toString('base64'), tag: tag.toString('base64'), ciphertextSha256: sha256(ciphertext) },
    signer: { alg: 'Ed25519', keyId: publicKeyId(keys.stationSigningKey) },
  };
  const header: PacketHeader = { ...unsigned, signature: sign(null, signedPart(unsigned), keys.stationSigningKey).toString('base64') };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const headerLength = Buffer.alloc(4);
  headerLength.writeUInt32BE(headerBytes.byteLength);
  return { bytes: Buffer.concat([PACKET_MAGIC, headerLength, headerBytes, ciphertext]), header };
}

function hashedContentOf(manifest: PacketManifest): HashedContent {
  return {
    id: manifest.id,
    registrationNo: manifest.registrationNo,
    nik: manifest.nik,
    demographics: manifest.demographics,
    captures: manifest.captures.map((c) => ({
      modality: c.modality,
      position: c.position,
      format: c.format,
      sha256: c.sha256,
      byteLength: c.byteLength,
      quality: c.quality,
      exceptionReason: c.exceptionReason,
    })),
  };
}

/** Reads the header only: no key needed (the export manifest and import use it). */
export function readPacketHeader(bytes: Uint8Array): { header: PacketHeader; ciphertext: Buffer } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.byteLength < PACKET_MAGIC.byteLength + 4 || !buffer.subarray(0, PACKET_MAGIC.byteLength).equals(PACKET_MAGIC)) {
    throw new PacketError('not-a-packet', 'the bytes are not a KTP Station packet (magic missing)');
  }
  const headerLength = buffer.readUInt32BE(PACKET_MAGIC.byteLength);
  const start = PACKET_MAGIC.byteLength + 4;
  if (headerLength > MAX_HEADER_BYTES || start + headerLength > buffer.byteLength) {
    throw new PacketError('truncated', `the packet header claims ${headerLength} bytes but the packet has ${buffer.byteLength - start}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(buffer.subarray(start, start + headerLength).toString('utf8'));
  } catch {
    throw new PacketError('header-invalid', 'the packet header is not JSON');
  }
  const header = PacketHeader.safeParse(parsed);
  if (!header.success) throw new PacketError('header-invalid', `the packet header is malformed: ${header.error.issues[0]?.message ?? ''}`);
  return { header: header.data, ciphertext: buffer.subarray(start + headerLength) };
}

/** Checks the station's signature over a packet header alone (a relay's declaration carries it; the ciphertext is checked on arrival). */
export function verifyHeaderSignature(header: PacketHeader, stationPublicKey: KeyObject): void {
  if (header.signer.keyId !== publicKeyId(stationPublicKey)) {
    throw new PacketError('unknown-signer', `the packet is signed by key ${header.signer.keyId.slice(0, 16)}…, not by the station's pinned key`);
  }
  const { signature, ...unsigned } = header;
  if (!verify(null, signedPart(unsigned), stationPublicKey, Buffer.from(signature, 'base64'))) {
    throw new PacketError('signature-invalid', "the packet's signature does not verify");
  }
}

/** Checks the station's signature and the ciphertext's hash: what anyone holding the station's public key can verify. */
export function verifyPacketSignature(bytes: Uint8Array, stationPublicKey: KeyObject): { header: PacketHeader; ciphertext: Buffer } {
  const { header, ciphertext } = readPacketHeader(bytes);
  verifyHeaderSignature(header, stationPublicKey);
  if (sha256(ciphertext) !== header.cipher.ciphertextSha256) {
    throw new PacketError('ciphertext-hash-mismatch', 'the packet body does not match its signed hash (truncated or altered)');
  }
  return { header, ciphertext };
}

export interface OpenedPacket {
  header: PacketHeader;
  manifest: PacketManifest;
  captureBytes(index: number): Buffer;
}

/** Central's side: verify, decrypt, check every capture and the content hash. */
export function openPacket(bytes: Uint8Array, keys: { centralPrivateKey: KeyObject; stationPublicKey: KeyObject }): OpenedPacket {
  const { header, ciphertext } = verifyPacketSignature(bytes, keys.stationPublicKey);
  if (header.keyWrap.recipientKeyId !== publicKeyId(keys.centralPrivateKey)) {
    throw new PacketError('wrong-recipient', 'the packet was sealed to a different central key');
  }
  let contentKey: Buffer;
  try {
    contentKey = privateDecrypt(
      { key: keys.centralPrivateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' },
      Buffer.from(header.keyWrap.wrappedKey, 'base64'),
    );
  } catch {
    throw new PacketError('key-unwrap-failed', 'the content key does not unwrap with central key');
  }
  let plain: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', contentKey, Buffer.from(header.cipher.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(header.cipher.tag, 'base64'));
    plain = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new PacketError('decryption-failed', 'the packet does not decrypt (authentication failed)');
  } finally {
    contentKey.fill(0);
  }
  if (plain.byteLength < 4) throw new PacketError('manifest-invalid', 'the payload is too short');
  const manifestLength = plain.readUInt32BE(0);
  let manifest: PacketManifest;
  try {
    manifest = PacketManifest.parse(JSON.parse(plain.subarray(4, 4 + manifestLength).toString('utf8')));
  } catch {
    throw new PacketError('manifest-invalid', 'the packet manifest is malformed');
  }
  const tail = plain.subarray(4 + manifestLength);
  const captureBytes = (index: number): Buffer => {
    const c = manifest.captures[index];
    if (c === undefined) throw new PacketError('manifest-invalid', `no capture ${index}`);
    return tail.subarray(c.offset, c.offset + c.byteLength);
  };
  manifest.captures.forEach((c, index) => {
    const bytes = captureBytes(index);
    if (bytes.byteLength !== c.byteLength) throw new PacketError('manifest-invalid', `capture ${c.position} is cut short`);
    if (c.exceptionReason === null && sha256(bytes) !== c.sha256) {
      throw new PacketError('capture-hash-mismatch', `capture ${c.modality}/${c.position} does not match its SHA-256`);
    }
  });
  if (manifest.id !== header.enrollmentId || contentHash(hashedContentOf(manifest)) !== header.contentHash) {
    throw new PacketError('content-hash-mismatch', 'the packet content does not hash to the content hash it declares');
  }
  return { header, manifest, captureBytes };
}

export function loadPrivateKey(pem: string): KeyObject {
  return createPrivateKey(pem);
}
