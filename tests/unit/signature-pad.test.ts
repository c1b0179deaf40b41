import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src-main/devices/transport.js';
import { SignaturePad, SignaturePadError } from '../../src-main/devices/signature/signature-pad.js';
import { simulatedSignaturePad, STU_540_PROFILE } from '../../src-main/devices/signature/signature-pad-simulator.js';
import { StuReport } from '../../src-main/devices/signature/stu-reports.js';

const FAST = { idleMs: 60, maxMs: 2000 };

async function connected() {
  const { transport, simulator } = simulatedSignaturePad();
  const pad = new SignaturePad(transport, { requestTimeoutMs: 500 });
  await pad.open();
  return { pad, transport, simulator };
}

function inkPixels(pixels: Uint8Array): number {
  let n = 0;
  for (const p of pixels) if (p < 128) n += 1;
  return n;
}

describe('signature pad driver against its simulator (in-memory HID pipe: no /dev/uhid here)', () => {
  it('handshakes: model, serial, firmware and capability from the feature reports; the screen is cleared', async () => {
    const { pad, simulator } = await connected();
    const identity = await pad.handshake();
    expect(identity).toEqual({ model: 'STU-540', serial: 'SIM540000001', firmware: '2.11', capability: STU_540_PROFILE.capability });
    expect(simulator.screenClears).toBe(1);
    await pad.close();
  });

  it('records the pen stroke sequence the pad plays: the same strokes, points and pressures, rendered as ink', async () => {
    const { pad, simulator } = await connected();
    await pad.handshake();
    const capture = await pad.captureSignature(FAST);
    expect(capture.ink.strokes).toEqual(simulator.script);
    expect(capture.droppedReports).toBe(0);
    expect(simulator.inkingOn).toBe(false);
    expect(capture.image.width).toBe(800);
    expect(capture.image.height).toBe(480);
    expect(inkPixels(capture.image.pixels)).toBeGreaterThan(2000);
    await pad.close();
  });

  it('asks again for a corrupt feature report (reads are idempotent) and succeeds', async () => {
    const { pad, simulator } = await connected();
    simulator.faults = { corruptFeature: { reportId: StuReport.Capability, times: 2 } };
    const identity = await pad.handshake();
    expect(identity.capability.maxX).toBe(10800);
    await pad.close();
  });

  it('gives up with PROTOCOL once a feature report stays corrupt', async () => {
    const { pad, simulator } = await connected();
    simulator.faults = { corruptFeature: { reportId: StuReport.Information, times: 10 } };
    await expect(pad.handshake()).rejects.toMatchObject({ name: 'SignaturePadError', code: 'PROTOCOL' });
    await pad.close();
  });

  it('refuses a busy pad with NOT_READY', async () => {
    const { pad, simulator } = await connected();
    simulator.faults = { busy: true };
    await expect(pad.handshake()).rejects.toMatchObject({ code: 'NOT_READY' });
    await pad.close();
  });

  it('drops corrupt pen reports (reserved bits, truncated, past the edge), counts them, and keeps the rest', async () => {
    const { pad, simulator } = await connected();
    await pad.handshake();
    simulator.faults = { corruptEveryNthPenReport: 25 };
    const capture = await pad.captureSignature(FAST);
    expect(capture.droppedReports).toBeGreaterThan(10);
    const points = capture.ink.strokes.flat().length;
    const expected = simulator.script.flat().length;
    expect(points).toBeLessThan(expected);
    expect(points).toBeGreaterThan(expected * 0.9);
    await pad.close();
  });

  it('fails with TOO_MANY_CORRUPT_REPORTS when the cable garbles most reports', async () => {
    const { pad, simulator } = await connected();
    await pad.handshake();
    simulator.faults = { corruptEveryNthPenReport: 2 };
    await expect(pad.captureSignature(FAST)).rejects.toMatchObject({ code: 'TOO_MANY_CORRUPT_REPORTS' });
    await pad.close();
  });

  it('a pad unplugged mid-signature: DEVICE_GONE, no signature; plugged back in, the next capture works', async () => {
    const { pad, transport, simulator } = await connected();
    await pad.handshake();
    simulator.faults = { vanishAfterPenReports: 100 };
    const failed = await pad.captureSignature(FAST).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TransportError);
    expect(failed).toMatchObject({ code: 'DEVICE_GONE' });
    expect(transport.isOpen).toBe(false);
    simulator.faults = {};
    transport.plugIn();
    await pad.open();
    await pad.handshake();
    const capture = await pad.captureSignature(FAST);
    expect(capture.ink.strokes).toEqual(simulator.script);
    await pad.close();
  });

  it('a pad that goes silent with the pen down: STOPPED_MID_STROKE, not a truncated signature', async () => {
    const { pad, simulator } = await connected();
    await pad.handshake();
    simulator.faults = { silentAfterPenReports: 50 };
    const failed = await pad.captureSignature(FAST).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SignaturePadError);
    expect(failed).toMatchObject({ code: 'STOPPED_MID_STROKE' });
    simulator.faults = {};
    expect((await pad.captureSignature(FAST)).ink.strokes).toEqual(simulator.script);
    await pad.close();
  });

  it('nobody signs: NO_SIGNATURE after maxMs', async () => {
    const { pad, simulator } = await connected();
    await pad.handshake();
    simulator.script = [];
    await expect(pad.captureSignature({ idleMs: 30, maxMs: 90 })).rejects.toMatchObject({ code: 'NO_SIGNATURE' });
    await pad.close();
  });

  it('capture before handshake is refused with NOT_READY', async () => {
    const { pad } = await connected();
    await expect(pad.captureSignature(FAST)).rejects.toMatchObject({ code: 'NOT_READY' });
    await pad.close();
  });
});
