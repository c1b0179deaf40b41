import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PacketError, openPacket, readPacketHeader, sealPacket } from '../../src-main/sync/packet.js';
import type { PacketContent } from '../../src-main/sync/packet.js';
import { contentHash } from '../../src-main/recording/content-hash.js';

const central = generateKeyPairSync('rsa', { modulusLength: 2048 });
const station = generateKeyPairSync('ed25519');
const otherStation = generateKeyPairSync('ed25519');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function content(): PacketContent {
  const face = Buffer.from('face-bytes-0123456789');
  const finger = Buffer.from('finger-bytes-abcdef');
  return {
    stationId: 'KEC-350101-01',
    id: '01KAQ3W1Y6N9S4DQ1S0M7E2R8B',
    registrationNo: '350101-20261124-0001',
    nik: '3501011205900001',
    demographics: { nama: 'BUDI SANTOSO', agama: 'ISLAM' },
    captures: [
      { modality: 'FACE', position: 'FACE', format: 'PNG', width: 10, height: 10, quality: 80, exceptionReason: null, sha256: sha(face), bytes: face },
      { modality: 'FINGER', position: 'RIGHT_THUMB', format: 'PNG', width: null, height: null, quality: 70, exceptionReason: null, sha256: sha(finger), bytes: finger },
      { modality: 'FINGER', position: 'LEFT_THUMB', format: null, width: null, height: null, quality: null, exceptionReason: 'AMPUTASI', sha256: sha(Buffer.from('exception:AMPUTASI')), bytes: new Uint8Array(0) },
    ],
  };
}

const keys = { centralPublicKey: central.publicKey, stationSigningKey: station.privateKey };
const openKeys = { centralPrivateKey: central.privateKey, stationPublicKey: station.publicKey };

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error: unknown) {
    if (error instanceof PacketError) return error.reason;
    throw error;
  }
  return 'opened';
}

describe('sealed enrollment packet', () => {
  it('opens at central with the same content hash the recording computed, and leaks no plaintext', () => {
    const c = content();
    const { bytes, header } = sealPacket(c, keys);
    const expected = contentHash({
      id: c.id,
      registrationNo: c.registrationNo,
      nik: c.nik,
      demographics: c.demographics,
      captures: c.captures.map((x) => ({ modality: x.modality, position: x.position, format: x.format, sha256: x.sha256, byteLength: x.bytes.byteLength, quality: x.quality, exceptionReason: x.exceptionReason })),
    });
    expect(header.contentHash).toBe(expected);
    const opened = openPacket(bytes, openKeys);
    expect(opened.manifest.nik).toBe('3501011205900001');
    expect(opened.captureBytes(0).toString()).toBe('face-bytes-0123456789');
    const text = bytes.toString('latin1');
    for (const secret of ['3501011205900001', 'BUDI', 'face-bytes', 'finger-bytes']) expect(text).not.toContain(secret);
  });

  it('two seals of the same record differ in every key and nonce but declare the same content hash', () => {
    const a = sealPacket(content(), keys);
    const b = sealPacket(content(), keys);
    expect(a.header.contentHash).toBe(b.header.contentHash);
    expect(a.header.cipher.iv).not.toBe(b.header.cipher.iv);
    expect(a.bytes.equals(b.bytes)).toBe(false);
  });

  it('refuses, by name, a truncated, altered, foreign-signed or misaddressed packet', () => {
    const { bytes } = sealPacket(content(), keys);
    expect(reasonOf(() => openPacket(bytes.subarray(0, bytes.byteLength - 5), openKeys))).toBe('ciphertext-hash-mismatch');
    expect(reasonOf(() => openPacket(bytes.subarray(0, 20), openKeys))).toBe('truncated');
    expect(reasonOf(() => openPacket(Buffer.from('not a packet at all'), openKeys))).toBe('not-a-packet');
    const flipped = Buffer.from(bytes);
    flipped[flipped.byteLength - 1] = (flipped[flipped.byteLength - 1] ?? 0) ^ 0xff;
    expect(reasonOf(() => openPacket(flipped, openKeys))).toBe('ciphertext-hash-mismatch');
    expect(reasonOf(() => openPacket(bytes, { ...openKeys, stationPublicKey: otherStation.publicKey }))).toBe('unknown-signer');
    const otherCentral = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect(reasonOf(() => openPacket(bytes, { ...openKeys, centralPrivateKey: otherCentral.privateKey }))).toBe('wrong-recipient');
    // A header edited after signing (say, another content hash) fails the signature.
    const { header } = readPacketHeader(bytes);
    const forged = JSON.stringify({ ...header, contentHash: 'f'.repeat(64) });
    const length = Buffer.alloc(4);
    length.writeUInt32BE(Buffer.byteLength(forged));
    const headerLength = bytes.readUInt32BE(8);
    const reforged = Buffer.concat([bytes.subarray(0, 8), length, Buffer.from(forged), bytes.subarray(12 + headerLength)]);
    expect(reasonOf(() => openPacket(reforged, openKeys))).toBe('signature-invalid');
  });
});
