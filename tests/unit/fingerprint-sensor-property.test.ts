import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodePacket, IMAGE_BYTES, PacketId, splitImage } from '../../src-main/devices/fingerprint/packet.js';
import { FingerprintSensor } from '../../src-main/devices/fingerprint/sensor.js';
import { SensorError } from '../../src-main/devices/fingerprint/sensor-error.js';
import { MemoryLink } from '../../src-main/devices/memory-transport.js';
import { ridgePattern } from '../../src-main/sim/fingerprint/ridge-patterns.js';

/** What a real UpImage answer looks like on the wire: ack + data packets (128 bytes each). */
const GOOD_ANSWER = (() => {
  const parts = [encodePacket({ address: 0xffffffff, id: PacketId.Ack, payload: Uint8Array.of(0) }), ...splitImage(ridgePattern('LEFT_INDEX'), 128).map(encodePacket)];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
})();

/** The station's driver against a device end that answers any request with `answer`, in `cuts` chunks. */
async function upImageAgainst(answer: Uint8Array, cuts: number[]): Promise<Uint8Array | SensorError> {
  const link = new MemoryLink('mem:prop');
  await link.host.open();
  await link.device.open();
  const sensor = new FingerprintSensor(link.host, { ackTimeoutMs: 40, packetTimeoutMs: 40, quietMs: 10 });
  void (async () => {
    await link.device.read(1000);
    const points = [...new Set(cuts.map((c) => c % (answer.length + 1)))].sort((a, b) => a - b);
    let prev = 0;
    for (const p of [...points, answer.length]) {
      if (p > prev) await link.device.write(answer.subarray(prev, p));
      prev = p;
    }
  })();
  try {
    return await sensor.upImage();
  } catch (error: unknown) {
    if (error instanceof SensorError) return error;
    throw error;
  }
}

describe('fingerprint driver on random and mutated device answers (fast-check)', () => {
  it('random bytes never crash the driver: a typed SensorError (or, by chance, an image of exactly 36,864 bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat(), { maxLength: 5 }), async (bytes, cuts) => {
        const result = await upImageAgainst(bytes, cuts);
        if (result instanceof SensorError) expect(['corrupt', 'transport', 'confirm']).toContain(result.fault.kind);
        else expect(result.length).toBe(IMAGE_BYTES);
      }),
      { numRuns: 60 },
    );
  });

  it('a real answer with bytes flipped, dropped or appended: either the exact image or a typed error, never a wrong image', async () => {
    const expected = ridgePattern('LEFT_INDEX');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('flip' as const), at: fc.nat(GOOD_ANSWER.length - 1), xor: fc.integer({ min: 1, max: 255 }) }),
          fc.record({ kind: fc.constant('cut' as const), at: fc.nat(GOOD_ANSWER.length - 1) }),
          fc.record({ kind: fc.constant('garbage' as const), tail: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
        ),
        fc.array(fc.nat(), { maxLength: 4 }),
        async (mutation, cuts) => {
          let answer: Uint8Array;
          if (mutation.kind === 'flip') {
            answer = GOOD_ANSWER.slice();
            answer[mutation.at] = (answer[mutation.at] ?? 0) ^ mutation.xor;
          } else if (mutation.kind === 'cut') {
            answer = GOOD_ANSWER.slice(0, mutation.at);
          } else {
            answer = new Uint8Array(GOOD_ANSWER.length + mutation.tail.length);
            answer.set(GOOD_ANSWER);
            answer.set(mutation.tail, GOOD_ANSWER.length);
          }
          const result = await upImageAgainst(answer, cuts);
          if (result instanceof SensorError) {
            expect(mutation.kind).not.toBe('garbage');
          } else {
            expect(Buffer.from(result).equals(Buffer.from(expected))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
