import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src-main/devices/hid/report-error.js';
import * as iris from '../../src-main/devices/iris/iris-reports.js';
import * as stu from '../../src-main/devices/signature/stu-reports.js';
import { STU_540_PROFILE } from '../../src-main/devices/signature/signature-pad-simulator.js';

/** Runs a decoder: it must return, or throw a ReportError; anything else fails the property. */
function typedOrValid(decode: () => unknown): 'ok' | 'error' {
  try {
    decode();
    return 'ok';
  } catch (error: unknown) {
    expect(error).toBeInstanceOf(ReportError);
    return 'error';
  }
}

const bytes = (max = 80) => fc.uint8Array({ minLength: 0, maxLength: max });

/** A valid report mutated: a byte flipped, truncated, or garbage appended. */
function mutated(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(valid, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom('flip', 'truncate', 'append'), bytes(8)).map(([report, at, xor, how, extra]) => {
    if (how === 'truncate') return report.slice(0, at % report.length);
    if (how === 'append') return Uint8Array.from([...report, ...(extra.length === 0 ? [0] : extra)]);
    const out = report.slice();
    const i = at % out.length;
    out[i] = (out[i] ?? 0) ^ xor;
    return out;
  });
}

const capability = STU_540_PROFILE.capability;
const penSample = fc.record({
  proximity: fc.boolean(),
  touching: fc.boolean(),
  pressure: fc.integer({ min: 0, max: capability.maxPressure }),
  x: fc.integer({ min: 0, max: capability.maxX }),
  y: fc.integer({ min: 0, max: capability.maxY }),
}).map((s) => ({ ...s, proximity: s.proximity || s.touching, pressure: s.touching ? s.pressure : 0 }));

describe('signature pad report codec: properties (fast-check)', () => {
  it('random bytes never crash any decoder: a typed ReportError or a valid value', () => {
    fc.assert(
      fc.property(bytes(), (report) => {
        typedOrValid(() => stu.decodePenData(report, capability));
        typedOrValid(() => stu.decodeCapability(report));
        typedOrValid(() => stu.decodeInformation(report));
        typedOrValid(() => stu.decodeSerial(report));
        typedOrValid(() => stu.decodeStatus(report));
        typedOrValid(() => stu.decodeCommand(report));
      }),
      { numRuns: 2000 },
    );
  });

  it('pen data round-trips, and every decoded mutation is still inside the pad', () => {
    fc.assert(
      fc.property(penSample, (s) => {
        expect(stu.decodePenData(stu.encodePenData(s), capability)).toEqual(s);
      }),
    );
    fc.assert(
      fc.property(mutated(penSample.map(stu.encodePenData)), (report) => {
        try {
          const s = stu.decodePenData(report, capability);
          expect(s.x).toBeLessThanOrEqual(capability.maxX);
          expect(s.y).toBeLessThanOrEqual(capability.maxY);
          expect(s.pressure).toBeLessThanOrEqual(capability.maxPressure);
        } catch (error: unknown) {
          expect(error).toBeInstanceOf(ReportError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a truncated or padded pen report is always refused (bad-length)', () => {
    fc.assert(
      fc.property(penSample, fc.integer({ min: 0, max: 20 }).filter((n) => n !== stu.PEN_DATA_BYTES), (s, length) => {
        const full = stu.encodePenData(s);
        const report = length < full.length ? full.slice(0, length) : Uint8Array.from([...full, ...new Uint8Array(length - full.length)]);
        expect(() => stu.decodePenData(report, capability)).toThrow(ReportError);
      }),
    );
  });

  it('capability, information and serial round-trip', () => {
    expect(stu.decodeCapability(stu.encodeCapability(capability))).toEqual(capability);
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z0-9-]{1,9}$/), fc.stringMatching(/^[A-Z0-9]{1,12}$/), fc.nat(255), fc.nat(255), (model, serial, major, minor) => {
        expect(stu.decodeInformation(stu.encodeInformation({ modelName: model, firmwareMajor: major, firmwareMinor: minor, secureIc: 0 }))).toEqual({
          modelName: model,
          firmwareMajor: major,
          firmwareMinor: minor,
          secureIc: 0,
        });
        expect(stu.decodeSerial(stu.encodeSerial(serial))).toBe(serial);
      }),
    );
  });
});

const irisBlock = fc.record({ seq: fc.nat(255), index: fc.nat(0xffff), data: fc.uint8Array({ minLength: 1, maxLength: iris.BLOCK_DATA_BYTES }) });

describe('iris camera report codec: properties (fast-check)', () => {
  it('random bytes never crash any decoder', () => {
    fc.assert(
      fc.property(bytes(70), (report) => {
        typedOrValid(() => iris.decodeInfo(report));
        typedOrValid(() => iris.decodeStatus(report));
        typedOrValid(() => iris.decodeImageHeader(report));
        typedOrValid(() => iris.decodeImageBlock(report));
        typedOrValid(() => iris.decodeCommand(report));
      }),
      { numRuns: 2000 },
    );
  });

  it('random 64-byte reports with a valid id and checksum never crash either', () => {
    const framed = fc.tuple(fc.constantFrom(0x10, 0x11, 0x12, 0x13, 0x20, 0x21, 0x22, 0x23), fc.uint8Array({ minLength: 62, maxLength: 62 })).map(([id, body]) => {
      const out = Uint8Array.from([id, ...body, 0]);
      out[63] = out.subarray(0, 63).reduce((a, b) => a + b, 0) & 0xff;
      return out;
    });
    fc.assert(
      fc.property(framed, (report) => {
        typedOrValid(() => iris.decodeInfo(report));
        typedOrValid(() => iris.decodeStatus(report));
        typedOrValid(() => iris.decodeImageHeader(report));
        typedOrValid(() => iris.decodeImageBlock(report));
        typedOrValid(() => iris.decodeCommand(report));
      }),
      { numRuns: 2000 },
    );
  });

  it('a block round-trips; any single flipped byte is caught (checksum or a check)', () => {
    fc.assert(
      fc.property(irisBlock, (b) => {
        expect(iris.decodeImageBlock(iris.encodeImageBlock(b))).toEqual(b);
      }),
    );
    fc.assert(
      fc.property(irisBlock, fc.nat(63), fc.integer({ min: 1, max: 255 }), (b, at, xor) => {
        const report = iris.encodeImageBlock(b);
        report[at] = (report[at] ?? 0) ^ xor;
        expect(() => iris.decodeImageBlock(report)).toThrow(ReportError);
      }),
    );
  });

  it('the assembler yields the exact image from its reports, and never a wrong one from mutated reports', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 1, max: 24 }),
        fc.nat(255),
        fc.option(fc.tuple(fc.nat(), fc.nat(63), fc.integer({ min: 1, max: 255 }))),
        fc.boolean(),
        (width, height, seq, mutation, dropOne) => {
          const pixels = Uint8Array.from({ length: width * height }, (_, i) => (i * 31 + seq) & 0xff);
          const reports = iris.splitIrisImage(seq, width, height, pixels);
          if (mutation !== null) {
            const [which, at, xor] = mutation;
            const r = reports[which % reports.length];
            if (r !== undefined) r[at] = (r[at] ?? 0) ^ xor;
          }
          const dropped = dropOne && reports.length > 2;
          if (dropped) reports.splice(1 + (seq % (reports.length - 1)), 1);
          try {
            const header = iris.decodeImageHeader(reports[0] ?? new Uint8Array(0));
            const assembler = new iris.IrisImageAssembler(header);
            for (const report of reports.slice(1)) assembler.add(iris.decodeImageBlock(report));
            const image = assembler.image();
            expect(mutation === null && !dropped).toBe(true);
            expect(Buffer.from(image).equals(Buffer.from(pixels))).toBe(true);
          } catch (error: unknown) {
            expect(error).toBeInstanceOf(ReportError);
            expect(mutation !== null || dropped).toBe(true);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('drivers fed random reports (in-memory HID pipe: no /dev/uhid here)', () => {
  it('the signature pad: a signature inside the pad or a typed error, never a crash', async () => {
    const { MemoryHidPipe } = await import('../../src-main/devices/hid/memory-hid-pipe.js');
    const { SignaturePad, SignaturePadError } = await import('../../src-main/devices/signature/signature-pad.js');
    const { TransportError } = await import('../../src-main/devices/transport.js');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(bytes(12), mutated(penSample.map(stu.encodePenData)), penSample.map(stu.encodePenData)), { maxLength: 60 }), async (reports) => {
        const pipe = new MemoryHidPipe('prop-pad');
        pipe.attach({
          onOutputReport: () => undefined,
          onGetFeature: (id) =>
            id === stu.StuReport.Capability
              ? stu.encodeCapability(capability)
              : id === stu.StuReport.Information
                ? stu.encodeInformation({ modelName: 'STU-540', firmwareMajor: 1, firmwareMinor: 0, secureIc: 0 })
                : id === stu.StuReport.Serial
                  ? stu.encodeSerial('PROP1')
                  : stu.encodeStatus({ statusCode: 0, lastResultCode: 0, statusWord: 0 }),
          onSetFeature: (report) => {
            if (report[0] === stu.StuReport.InkingMode && report[1] === 1) for (const r of reports) pipe.sendInputReport(r);
          },
        });
        const pad = new SignaturePad(pipe);
        await pad.open();
        await pad.handshake();
        try {
          const capture = await pad.captureSignature({ idleMs: 15, maxMs: 30 });
          for (const p of capture.ink.strokes.flat()) {
            expect(p.x).toBeLessThanOrEqual(capability.maxX);
            expect(p.y).toBeLessThanOrEqual(capability.maxY);
          }
        } catch (error: unknown) {
          expect(error instanceof SignaturePadError || error instanceof TransportError).toBe(true);
        } finally {
          await pad.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
