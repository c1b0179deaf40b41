import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStationError } from '../../src-main/core/station-error.js';
import { findImageSignatures } from '../../src-main/security/image-signatures.js';
import { KEY_BYTES, NONCE_BYTES, SEALED_HEADER_BYTES, TAG_BYTES, open, seal } from '../../src-main/security/sealed-bytes.js';

const key = randomBytes(KEY_BYTES);
const RECORD = 'rec-3501-0001';

/** Runs `fn` and returns the StationError it threw (failing the test otherwise). */
function refusal(fn: () => unknown): { code: string; reason: unknown } {
  try {
    fn();
  } catch (error) {
    if (!isStationError(error)) throw error;
    return { code: error.code, reason: error.details?.reason };
  }
  throw new Error('expected a StationError, got a result');
}

function flipBit(bytes: Buffer, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  const index = Math.floor(bit / 8);
  copy[index] = (copy[index] ?? 0) ^ (1 << (bit % 8));
  return copy;
}

/** A small but well-formed JFIF header followed by filler, as a camera would start one. */
function tinyJpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]),
    Buffer.alloc(160, 0x11),
    Buffer.from([0xff, 0xd9]),
  ]);
}

describe('sealed bytes (AES-256-GCM at rest)', () => {
  it.each([
    ['empty', Buffer.alloc(0)],
    ['1 byte', Buffer.of(0x42)],
    ['2 MB', randomBytes(2 * 1024 * 1024)],
  ])('round-trips %s', (_name, plaintext) => {
    const sealed = seal(key, plaintext, RECORD);
    expect(sealed.length).toBe(SEALED_HEADER_BYTES + plaintext.length);
    expect(sealed[0]).toBe(0x01);
    expect(open(key, sealed, RECORD).equals(plaintext)).toBe(true);
  });

  it('accepts a plain Uint8Array view (not a Buffer) on both sides', () => {
    const backing = new Uint8Array(64).fill(7);
    const view = backing.subarray(8, 40);
    const sealed = seal(key, view, RECORD);
    const asView = new Uint8Array(sealed.buffer.slice(sealed.byteOffset, sealed.byteOffset + sealed.length));
    expect([...open(key, asView, RECORD)]).toEqual([...view]);
  });

  it('uses a fresh nonce each time: the same plaintext never seals to the same bytes', () => {
    const plaintext = Buffer.from('the same fingerprint');
    const a = seal(key, plaintext, RECORD);
    const b = seal(key, plaintext, RECORD);
    expect(a.subarray(1, 1 + NONCE_BYTES).equals(b.subarray(1, 1 + NONCE_BYTES))).toBe(false);
    expect(a.equals(b)).toBe(false);
  });

  describe('refuses tampering in every region', () => {
    const plaintext = Buffer.from('face image bytes, pretend');
    const sealed = seal(key, plaintext, RECORD);
    const regions: Array<[string, number, string]> = [
      ['version', 0, 'unknown-version'],
      ['nonce', 1, 'authentication-failed'],
      ['nonce (last byte)', NONCE_BYTES, 'authentication-failed'],
      ['tag', 1 + NONCE_BYTES, 'authentication-failed'],
      ['tag (last byte)', NONCE_BYTES + TAG_BYTES, 'authentication-failed'],
      ['ciphertext', SEALED_HEADER_BYTES, 'authentication-failed'],
      ['ciphertext (last byte)', sealed.length - 1, 'authentication-failed'],
    ];
    it.each(regions)('%s', (_region, index, reason) => {
      const tampered = flipBit(sealed, index * 8 + 3);
      expect(refusal(() => open(key, tampered, RECORD))).toEqual({ code: 'SEALED_DATA_UNREADABLE', reason });
    });

    it('a truncated value, shorter than the header', () => {
      expect(refusal(() => open(key, sealed.subarray(0, SEALED_HEADER_BYTES - 1), RECORD))).toEqual({ code: 'SEALED_DATA_UNREADABLE', reason: 'too-short' });
      expect(refusal(() => open(key, Buffer.alloc(0), RECORD))).toEqual({ code: 'SEALED_DATA_UNREADABLE', reason: 'too-short' });
    });

    it('a value cut short inside the ciphertext, or extended', () => {
      expect(refusal(() => open(key, sealed.subarray(0, sealed.length - 1), RECORD)).reason).toBe('authentication-failed');
      expect(refusal(() => open(key, Buffer.concat([sealed, Buffer.of(0)]), RECORD)).reason).toBe('authentication-failed');
    });
  });

  it('refuses bytes moved to another record (wrong associated data)', () => {
    const sealed = seal(key, Buffer.from('iris'), RECORD);
    expect(refusal(() => open(key, sealed, 'rec-3501-0002'))).toEqual({ code: 'SEALED_DATA_UNREADABLE', reason: 'authentication-failed' });
  });

  it('refuses another station key', () => {
    const sealed = seal(key, Buffer.from('signature'), RECORD);
    expect(refusal(() => open(randomBytes(KEY_BYTES), sealed, RECORD))).toEqual({ code: 'SEALED_DATA_UNREADABLE', reason: 'authentication-failed' });
  });

  it('the error says what happened in both languages and carries the record id, never bytes', () => {
    const sealed = seal(key, Buffer.from('iris'), RECORD);
    try {
      open(key, sealed, 'rec-other');
      expect.unreachable();
    } catch (error) {
      if (!isStationError(error)) throw error;
      expect(error.text.en).toMatch(/could not be opened/);
      expect(error.text.id).toMatch(/tidak dapat dibuka/);
      expect(error.details).toEqual({ reason: 'authentication-failed', associatedData: 'rec-other', length: sealed.length });
    }
  });

  it.each([0, 16, 31, 33, 64])('refuses a %i-byte key on seal and open', (length) => {
    const bad = Buffer.alloc(length, 1);
    expect(refusal(() => seal(bad, Buffer.of(1), RECORD))).toEqual({ code: 'INTERNAL', reason: 'key-length' });
    expect(refusal(() => open(bad, seal(key, Buffer.of(1), RECORD), RECORD))).toEqual({ code: 'INTERNAL', reason: 'key-length' });
  });

  it('refuses an empty record id (the seal would bind to nothing)', () => {
    expect(refusal(() => seal(key, Buffer.of(1), ''))).toEqual({ code: 'INTERNAL', reason: 'associated-data-empty' });
  });

  it('a sealed JPEG holds no image signature', () => {
    const jpeg = tinyJpeg();
    expect(findImageSignatures(jpeg)).toEqual([{ format: 'JPEG', offset: 0 }]);
    const sealed = seal(key, jpeg, RECORD);
    expect(findImageSignatures(sealed)).toEqual([]);
    // The JFIF header itself (10 bytes) cannot appear by chance.
    expect(sealed.includes(jpeg.subarray(0, 10))).toBe(false);
  });

  it('property: open(seal(x, aad), aad) == x for any bytes and record id', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string({ minLength: 1, maxLength: 64, unit: 'grapheme' }), (bytes, aad) => {
        const sealed = seal(key, bytes, aad);
        expect([...open(key, sealed, aad)]).toEqual([...bytes]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any single flipped bit makes open fail', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.string({ minLength: 1, maxLength: 32 }),
        fc.nat(),
        (bytes, aad, pick) => {
          const sealed = seal(key, bytes, aad);
          const tampered = flipBit(sealed, pick % (sealed.length * 8));
          const outcome = refusal(() => open(key, tampered, aad));
          expect(outcome.code).toBe('SEALED_DATA_UNREADABLE');
          expect(['unknown-version', 'authentication-failed']).toContain(outcome.reason);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('image signatures', () => {
  const jp2Box = [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
  function bmpHeader(): number[] {
    // "BM", size 70, reserved 0, pixel offset 54, BITMAPINFOHEADER (40)
    return [0x42, 0x4d, 70, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0, 0, 0, 1, 0, 0, 0];
  }

  it('finds each format anywhere in a buffer, with its offset', () => {
    const parts: Array<[string, number[]]> = [
      ['JPEG', [0xff, 0xd8, 0xff, 0xe0]],
      ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
      ['JPEG2000', [0xff, 0x4f, 0xff, 0x51]],
      ['JPEG2000', jp2Box],
      ['WSQ', [0xff, 0xa0, 0xff, 0xa8]],
      ['BMP', bmpHeader()],
    ];
    const bytes: number[] = [];
    const expected: Array<{ format: string; offset: number }> = [];
    for (const [format, signature] of parts) {
      bytes.push(0x20, 0x20, 0x20);
      expected.push({ format, offset: bytes.length });
      bytes.push(...signature);
    }
    bytes.push(0x20);
    expect(findImageSignatures(Uint8Array.from(bytes))).toEqual(expected);
  });

  it('does not flag "BM" in text, or a BM without zero reserved bytes', () => {
    expect(findImageSignatures(Buffer.from('BMW BM BMP BMBMBMBMBMBMBMBMBMBM rec BMI 2024'))).toEqual([]);
    const notReserved = bmpHeader();
    notReserved[7] = 1;
    expect(findImageSignatures(Uint8Array.from(notReserved))).toEqual([]);
  });

  it('ignores a signature cut off by the end of the buffer', () => {
    expect(findImageSignatures(Uint8Array.from([0x00, 0xff, 0xd8]))).toEqual([]);
    expect(findImageSignatures(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toEqual([]);
    expect(findImageSignatures(Uint8Array.from(bmpHeader().slice(0, 17)))).toEqual([]);
  });
});
