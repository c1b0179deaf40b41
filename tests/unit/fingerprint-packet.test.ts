import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  command,
  DEFAULT_ADDRESS,
  encodePacket,
  HEADER_BYTES,
  IMAGE_BYTES,
  IMAGE_HEIGHT,
  IMAGE_WIDTH,
  Instruction,
  joinImage,
  MAX_DATA_PAYLOAD,
  MAX_PACKET_BYTES,
  PacketError,
  PacketReader,
  parseAck,
  parseSystemParameters,
  splitImage,
  verifyPassword,
  type FingerprintPacket,
  type PacketId,
  type ReaderResult,
} from '../../src-main/devices/fingerprint/packet.js';

function bytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.split(/\s+/).filter(Boolean).map((h) => parseInt(h, 16)));
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Splits `data` at the given cut points (any numbers; reduced modulo length). */
function chunked(data: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => (data.length === 0 ? 0 : c % (data.length + 1))))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(data.subarray(prev, p));
    prev = p;
  }
  out.push(data.subarray(prev));
  return out;
}

function feed(reader: PacketReader, chunks: Uint8Array[]): ReaderResult[] {
  return chunks.flatMap((c) => reader.push(c));
}

function oks(results: ReaderResult[]): FingerprintPacket[] {
  return results.flatMap((r) => (r.ok ? [r.packet] : []));
}

function errors(results: ReaderResult[]): PacketError[] {
  return results.flatMap((r) => (r.ok ? [] : [r.error]));
}

function skippedTotal(results: ReaderResult[]): number {
  return results.reduce((n, r) => n + (r.ok ? 0 : r.skipped), 0);
}

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function expectPacketError(fn: () => unknown, reason: PacketError['reason']): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PacketError);
    expect((e as PacketError).reason).toBe(reason);
    return;
  }
  expect.fail(`expected a PacketError '${reason}'`);
}

const packetIdArb = fc.constantFrom<PacketId>(0x01, 0x02, 0x07, 0x08);
const packetArb: fc.Arbitrary<FingerprintPacket> = packetIdArb.chain((id) =>
  fc.record({
    address: fc.oneof(fc.constant(DEFAULT_ADDRESS), fc.integer({ min: 0, max: 0xffffffff })),
    id: fc.constant(id),
    payload: fc.uint8Array({ maxLength: id === 0x02 || id === 0x08 ? MAX_DATA_PAYLOAD : 600 }),
  }),
);
const cutsArb = fc.array(fc.nat(), { maxLength: 12 });

describe('datasheet vectors', () => {
  const genImg = bytes('EF 01 FF FF FF FF 01 00 03 01 00 05');
  const vfyPwd = bytes('EF 01 FF FF FF FF 01 00 07 13 00 00 00 00 00 1B');

  it('encodes GenImg to the default address', () => {
    expect(encodePacket(command(DEFAULT_ADDRESS, Instruction.GenImg))).toEqual(genImg);
  });

  it('encodes VfyPwd with password 0', () => {
    expect(encodePacket(verifyPassword(DEFAULT_ADDRESS, 0))).toEqual(vfyPwd);
  });

  it('reads both back, byte by byte', () => {
    const reader = new PacketReader();
    const all = concat(genImg, vfyPwd);
    const results = feed(
      reader,
      Array.from(all, (b) => Uint8Array.of(b)),
    );
    expect(results).toEqual([
      { ok: true, packet: { address: DEFAULT_ADDRESS, id: 0x01, payload: Uint8Array.of(0x01) } },
      { ok: true, packet: { address: DEFAULT_ADDRESS, id: 0x01, payload: bytes('13 00 00 00 00') } },
    ]);
    expect(reader.pending()).toBe(0);
  });

  it('parses an acknowledge with confirm code and data', () => {
    // Ack "ok" to a GenImg: EF 01 FF FF FF FF 07 00 03 00 00 0A
    const [r] = new PacketReader().push(bytes('EF 01 FF FF FF FF 07 00 03 00 00 0A'));
    expect(r?.ok).toBe(true);
    if (r?.ok !== true) return;
    expect(parseAck(r.packet)).toEqual({ confirm: 0, data: new Uint8Array(0) });
  });

  it('encodes the password big-endian', () => {
    expect(verifyPassword(1, 0x01020304).payload).toEqual(bytes('13 01 02 03 04'));
    expect(encodePacket(verifyPassword(0x12345678, 0)).subarray(2, 6)).toEqual(bytes('12 34 56 78'));
  });
});

describe('encodePacket validation', () => {
  it('rejects bad addresses', () => {
    for (const address of [-1, 0x100000000, 1.5, Number.NaN]) {
      expectPacketError(() => encodePacket({ address, id: 0x01, payload: new Uint8Array(0) }), 'bad-argument');
    }
  });

  it('rejects oversized payloads', () => {
    expectPacketError(() => encodePacket({ address: 0, id: 0x02, payload: new Uint8Array(257) }), 'too-long');
    expectPacketError(() => encodePacket({ address: 0, id: 0x08, payload: new Uint8Array(257) }), 'too-long');
    expectPacketError(() => encodePacket({ address: 0, id: 0x01, payload: new Uint8Array(65534) }), 'too-long');
    expect(encodePacket({ address: 0, id: 0x01, payload: new Uint8Array(65533) }).length).toBe(MAX_PACKET_BYTES);
    expect(encodePacket({ address: 0, id: 0x02, payload: new Uint8Array(256) }).length).toBe(267);
  });

  it('rejects an unknown id from untyped callers', () => {
    expectPacketError(
      () => encodePacket({ address: 0, id: 0x05 as PacketId, payload: new Uint8Array(0) }),
      'bad-id',
    );
  });

  it('rejects bad instructions and passwords', () => {
    expectPacketError(() => command(0, 256), 'bad-argument');
    expectPacketError(() => verifyPassword(0, -1), 'bad-argument');
    expectPacketError(() => verifyPassword(0, 2 ** 32), 'bad-argument');
  });
});

describe('PacketReader: specific cases', () => {
  it('reports leading garbage once, with the count', () => {
    const reader = new PacketReader();
    const packet = encodePacket(command(DEFAULT_ADDRESS, Instruction.Handshake));
    const results = reader.push(concat(bytes('00 11 22 EF 33'), packet));
    expect(results).toHaveLength(2);
    const [first, second] = results;
    expect(first).toMatchObject({ ok: false, skipped: 5 });
    if (first?.ok === false) expect(first.error.reason).toBe('bad-header');
    expect(second?.ok).toBe(true);
  });

  it('keeps a trailing EF as a possible header start', () => {
    const reader = new PacketReader();
    expect(reader.push(bytes('00 EF'))).toMatchObject([{ ok: false, skipped: 1 }]);
    expect(reader.pending()).toBe(1);
    const rest = encodePacket(command(DEFAULT_ADDRESS, Instruction.GenImg)).subarray(1);
    expect(oks(reader.push(rest))).toHaveLength(1);
  });

  it('reports an unknown id and still finds the next packet', () => {
    const reader = new PacketReader();
    const good = encodePacket(command(7, Instruction.SoftReset));
    const results = reader.push(concat(bytes('EF 01 FF FF FF FF 05 00 03 01 00 09'), good));
    expect(errors(results).map((e) => e.reason)).toEqual(['bad-id']);
    expect(oks(results)).toEqual([command(7, Instruction.SoftReset)]);
  });

  it('reports an impossible length instead of waiting', () => {
    const reader = new PacketReader();
    // A data packet declaring 300 payload bytes, and a length field of 1.
    const results = reader.push(bytes('EF 01 FF FF FF FF 02 01 2E   EF 01 FF FF FF FF 07 00 01'));
    expect(errors(results).map((e) => e.reason)).toEqual(['bad-length', 'bad-length']);
    expect(reader.pending()).toBe(0);
  });

  it('reports a checksum mismatch and finds a packet embedded in the bad one', () => {
    const inner = encodePacket(command(1, Instruction.GetEcho));
    // An outer "packet" whose payload contains the inner one, with a wrong checksum.
    const outer = encodePacket({ address: 2, id: 0x01, payload: inner });
    const lastIndex = outer.length - 1;
    outer[lastIndex] = (outer[lastIndex] ?? 0) ^ 0xff;
    const reader = new PacketReader();
    const results = reader.push(outer);
    expect(errors(results)[0]?.reason).toBe('bad-checksum');
    expect(oks(results)).toEqual([command(1, Instruction.GetEcho)]);
    expect(skippedTotal(results) + inner.length + reader.pending()).toBe(outer.length);
  });

  it('honours a lower maxPayload', () => {
    const reader = new PacketReader({ maxPayload: 64 });
    const big = encodePacket({ address: 0, id: 0x07, payload: new Uint8Array(65) });
    const results = reader.push(big);
    expect(errors(results)[0]?.reason).toBe('bad-length');
    expect(oks(results)).toEqual([]);
    expect(() => new PacketReader({ maxPayload: 70000 })).toThrow(PacketError);
  });

  it('reset() drops buffered bytes', () => {
    const reader = new PacketReader();
    reader.push(encodePacket(command(0, 1)).subarray(0, 8));
    expect(reader.pending()).toBe(8);
    reader.reset();
    expect(reader.pending()).toBe(0);
    expect(oks(reader.push(encodePacket(command(0, 1))))).toHaveLength(1);
  });

  it('handles a huge chunk without holding it', () => {
    const reader = new PacketReader({ maxPayload: 256 });
    const garbage = new Uint8Array(200_000).fill(0x55);
    const good = encodePacket(command(3, Instruction.ReadSysPara));
    const results = reader.push(concat(garbage, good, garbage));
    expect(results).toHaveLength(3);
    expect(results[0]).toMatchObject({ ok: false, skipped: 200_000 });
    expect(results[1]).toMatchObject({ ok: true });
    expect(results[2]).toMatchObject({ ok: false, skipped: 200_000 });
  });
});

describe('PacketReader: properties', () => {
  it('(a) reads back exactly the encoded packet, whatever the chunking', () => {
    fc.assert(
      fc.property(packetArb, cutsArb, (p, cuts) => {
        const reader = new PacketReader();
        const results = feed(reader, chunked(encodePacket(p), cuts));
        expect(results).toEqual([{ ok: true, packet: p }]);
        expect(reader.pending()).toBe(0);
      }),
    );
  });

  it('(a2) reads a sequence of packets back in order', () => {
    fc.assert(
      fc.property(fc.array(packetArb, { maxLength: 6 }), cutsArb, (ps, cuts) => {
        const reader = new PacketReader();
        const results = feed(reader, chunked(concat(...ps.map(encodePacket)), cuts));
        expect(results).toEqual(ps.map((packet) => ({ ok: true, packet })));
      }),
    );
  });

  it('(b) never throws on arbitrary bytes, stays bounded and accounts for every byte', () => {
    const headerish = fc.uint8Array({ maxLength: 40 }).map((tail) => concat(bytes('EF 01'), tail));
    const input = fc
      .array(fc.oneof(fc.uint8Array({ maxLength: 300 }), headerish), { maxLength: 8 })
      .map((parts) => concat(...parts));
    fc.assert(
      fc.property(input, cutsArb, fc.constantFrom(undefined, 0, 16, 256), (data, cuts, maxPayload) => {
        const reader = new PacketReader(maxPayload === undefined ? {} : { maxPayload });
        const bound = HEADER_BYTES + (maxPayload ?? 65533) + 2;
        const results: ReaderResult[] = [];
        for (const chunk of chunked(data, cuts)) {
          results.push(...reader.push(chunk));
          expect(reader.pending()).toBeLessThanOrEqual(bound);
          expect(reader.pending()).toBeLessThanOrEqual(MAX_PACKET_BYTES);
        }
        let okBytes = 0;
        for (const r of results) {
          if (r.ok) {
            const encoded = encodePacket(r.packet);
            okBytes += encoded.length;
            expect(indexOfBytes(data, encoded)).toBeGreaterThanOrEqual(0);
          } else {
            expect(r.error).toBeInstanceOf(PacketError);
            expect(r.skipped).toBeGreaterThan(0);
          }
        }
        expect(okBytes + skippedTotal(results) + reader.pending()).toBe(data.length);
      }),
    );
  });

  it('(c) finds a valid packet between garbage', () => {
    // Garbage without EF so that it cannot begin a header that swallows the packet.
    const garbage = fc.uint8Array({ maxLength: 200 }).map((g) => g.map((b) => (b === 0xef ? 0x00 : b)));
    fc.assert(
      fc.property(garbage, packetArb, garbage, cutsArb, (before, p, after, cuts) => {
        const reader = new PacketReader();
        const results = feed(reader, chunked(concat(before, encodePacket(p), after), cuts));
        expect(oks(results)).toEqual([p]);
      }),
    );
  });

  it('(c2) finds a valid packet after arbitrary garbage, even garbage that opens a header', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), packetArb, cutsArb, (before, p, cuts) => {
        // Enough trailing filler to flush any bogus header that swallowed the packet.
        const filler = new Uint8Array(HEADER_BYTES + 600 + 2);
        const reader = new PacketReader({ maxPayload: 600 });
        const results = feed(reader, chunked(concat(before, encodePacket(p), filler), cuts));
        expect(oks(results)).toContainEqual(p);
      }),
    );
  });

  it('(d) a single flipped bit never yields the original packet', () => {
    fc.assert(
      fc.property(packetArb, fc.nat(), fc.integer({ min: 0, max: 7 }), cutsArb, (p, at, bit, cuts) => {
        const encoded = encodePacket(p);
        const index = at % encoded.length;
        const flipped = encoded.slice();
        flipped[index] = (flipped[index] ?? 0) ^ (1 << bit);
        const reader = new PacketReader();
        const results = feed(reader, chunked(flipped, cuts));
        const found = oks(results);
        for (const q of found) expect(q).not.toEqual(p);
        if (index >= 2 && index <= 5) {
          // The address is not covered by the checksum: the same packet for another module.
          expect(found).toEqual([{ ...p, address: (p.address ^ (1 << (bit + 8 * (5 - index)))) >>> 0 }]);
        } else {
          // No ok packet may span the whole (corrupted) input.
          for (const q of found) expect(encodePacket(q).length).toBeLessThan(flipped.length);
          expect(errors(results).length + reader.pending()).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('parseAck and parseSystemParameters', () => {
  it('parseAck requires an acknowledge with a confirm code', () => {
    expect(parseAck({ address: 0, id: 0x07, payload: bytes('09 01 02') })).toEqual({
      confirm: 9,
      data: bytes('01 02'),
    });
    expectPacketError(() => parseAck({ address: 0, id: 0x01, payload: bytes('00') }), 'bad-id');
    expectPacketError(() => parseAck({ address: 0, id: 0x07, payload: new Uint8Array(0) }), 'bad-length');
  });

  it('decodes the 16 bytes of ReadSysPara', () => {
    const data = bytes('00 04 00 09 00 A3 00 03 FF FF FF FF 00 02 00 06');
    expect(parseSystemParameters(data)).toEqual({
      statusRegister: 4,
      systemId: 9,
      librarySize: 163,
      securityLevel: 3,
      deviceAddress: 0xffffffff,
      packetSizeBytes: 128,
      baudRate: 57600,
    });
    // Works on a view into a larger buffer (the acknowledge data).
    const ack = parseAck({ address: 0, id: 0x07, payload: concat(bytes('00'), data) });
    expect(parseSystemParameters(ack.data).packetSizeBytes).toBe(128);
    expect(parseSystemParameters(concat(bytes('00'), data).subarray(1)).baudRate).toBe(57600);
  });

  it('rejects a wrong length or an out-of-range code', () => {
    expectPacketError(() => parseSystemParameters(new Uint8Array(15)), 'bad-argument');
    expectPacketError(() => parseSystemParameters(new Uint8Array(17)), 'bad-argument');
    expectPacketError(
      () => parseSystemParameters(bytes('00 00 00 00 00 A3 00 03 FF FF FF FF 00 04 00 06')),
      'bad-argument',
    );
    expectPacketError(
      () => parseSystemParameters(bytes('00 00 00 00 00 A3 00 03 FF FF FF FF 00 01 00 00')),
      'bad-argument',
    );
  });
});

describe('image transfer', () => {
  it('has the datasheet geometry', () => {
    expect(IMAGE_WIDTH * IMAGE_HEIGHT).toBe(IMAGE_BYTES * 2);
    expect(IMAGE_BYTES).toBe(36864);
  });

  const sizeArb = fc.constantFrom(32, 64, 128, 256);
  const imageArb = fc.uint8Array({ minLength: IMAGE_BYTES, maxLength: IMAGE_BYTES });

  it('(e) splitImage/joinImage round trip, through the wire too', () => {
    fc.assert(
      fc.property(imageArb, sizeArb, (image, size) => {
        const packets = splitImage(image, size);
        expect(packets).toHaveLength(IMAGE_BYTES / size);
        packets.forEach((p, i) => {
          expect(p.id).toBe(i === packets.length - 1 ? 0x08 : 0x02);
          expect(p.payload.length).toBe(size);
        });
        // Byte-for-byte with Buffer.equals: a deep toEqual over 36,864 elements is slow enough
        // under load to push a 20-run property past its timeout.
        expect(Buffer.from(joinImage(packets)).equals(Buffer.from(image))).toBe(true);
        const reader = new PacketReader();
        const read = oks(reader.push(concat(...packets.map(encodePacket))));
        expect(Buffer.from(joinImage(read)).equals(Buffer.from(image))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('(e) truncated, extra or mislabelled data is rejected', () => {
    fc.assert(
      fc.property(imageArb, sizeArb, fc.integer({ min: 1, max: 31 }), (image, size, cut) => {
        const packets = splitImage(image, size);
        const lastIndex = packets.length - 1;
        const last = packets[lastIndex];
        if (last === undefined) throw new Error('no packets');
        // Truncated: bytes missing from the last packet, or the last packet missing.
        const short = [...packets.slice(0, lastIndex), { ...last, payload: last.payload.subarray(cut) }];
        expectPacketError(() => joinImage(short), 'bad-length');
        const missing = packets.slice(0, lastIndex);
        const prev = missing[missing.length - 1];
        if (prev === undefined) throw new Error('no packets');
        missing[missing.length - 1] = { ...prev, id: 0x08 };
        expectPacketError(() => joinImage(missing), 'bad-length');
        // Extra: more bytes in the last packet, or one more packet.
        const extra = [...packets.slice(0, lastIndex), { ...last, payload: concat(last.payload, new Uint8Array(cut)) }];
        expectPacketError(() => joinImage(extra), 'too-long');
        const more = [...packets.slice(0, lastIndex), { ...last, id: 0x02 as const }, last];
        expectPacketError(() => joinImage(more), 'too-long');
        // End-of-data too early, or never.
        expectPacketError(() => joinImage([{ ...last }, ...packets]), 'bad-id');
        expectPacketError(() => joinImage([...packets.slice(0, lastIndex), { ...last, id: 0x02 }]), 'bad-id');
        expectPacketError(() => joinImage([...packets.slice(0, lastIndex), { ...last, id: 0x07 }]), 'bad-id');
      }),
      { numRuns: 10 },
    );
    expectPacketError(() => joinImage([]), 'bad-length');
  });

  it('splitImage validates its arguments', () => {
    const image = new Uint8Array(IMAGE_BYTES);
    expectPacketError(() => splitImage(image, 100), 'bad-argument');
    expectPacketError(() => splitImage(image.subarray(1), 128), 'bad-argument');
    expectPacketError(() => splitImage(image, 128, -1), 'bad-argument');
    expect(splitImage(image, 128, 5)[0]?.address).toBe(5);
  });
});
