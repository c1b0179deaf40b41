// The iris camera and the signature pad in a training station: their HID simulators sit on
// in-memory report pipes (there is no /dev/uhid on this machine, so no simulator can appear as a
// hidraw node); the drivers, the device manager, the capture path and the diagnosis are the real ones.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutcome, DeviceStatus } from '../../src-main/contract/index.js';
import type { DiagReport } from '../../src-main/contract/methods/diag.js';
import type { IrisCaptureResult, SignatureCaptureResult } from '../../src-main/contract/methods/devices.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import { demographicsFixture } from '../helpers/enrollment.js';
import { silentLogger, tempDir, trainingSetup } from '../helpers/station.js';

describe('training mode: iris camera and signature pad over in-memory HID pipes (no /dev/uhid here)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function trainingStation(role: 'operator' | 'technician' = 'operator') {
    const t = tempDir('ktp-dev-hid-');
    cleanups.push(t.remove);
    const station = createStation({
      setup: trainingSetup(join(t.dir, 'data')),
      logger: silentLogger(),
      host: 'web',
      regions: await regionDirectory(),
      deviceOptions: { retryMs: 50, healthMs: 0, reconnectWaitMs: 300, signature: { idleMs: 150, maxMs: 800 } },
    });
    cleanups.push(() => station.close());
    const window = statefulConnection('web');
    const call = (method: string, params: unknown): Promise<CallOutcome<unknown>> => station.dispatcher.dispatch(method, params, window);
    const ok = async <T>(method: string, params: unknown): Promise<T> => {
      const outcome = await call(method, params);
      if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
      return outcome.result as T;
    };
    const state = async (id: string, want: string) => {
      for (let i = 0; i < 200; i += 1) {
        const { devices } = await ok<{ devices: DeviceStatus[] }>('devices.list', {});
        const device = devices.find((d) => d.id === id);
        if (device?.state === want) return device;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`${id} never became ${want}`);
    };
    await ok('session.startTraining', { role });
    const draft = role === 'operator' ? await ok<{ id: string }>('enrollment.startDraft', { demographics: demographicsFixture() }) : { id: '' };
    return { call, ok, state, draft, station };
  }

  it('both eyes and the signature are captured from the simulators and stored as GRAY8 frames with the station\'s score', async () => {
    const { ok, state, draft } = await trainingStation();
    expect(await state('iris-1', 'SIAP')).toMatchObject({ driver: 'iriscam', transport: 'simulated', diagnostics: { handshake: true, firmware: '1.4.2', serialNumber: 'SIMIRIS00001' } });
    expect(await state('signature-1', 'SIAP')).toMatchObject({ driver: 'stu', diagnostics: { handshake: true, firmware: '2.11', serialNumber: 'SIM540000001' } });

    for (const position of ['RIGHT_IRIS', 'LEFT_IRIS'] as const) {
      const iris = await ok<IrisCaptureResult>('devices.captureIris', { enrollmentId: draft.id, position });
      expect(iris.capture).toMatchObject({ modality: 'IRIS', position, format: 'GRAY8', width: 640, height: 480, byteLength: 640 * 480 });
      expect(iris.quality).toBeGreaterThan(0);
      expect(iris.preview?.mime).toBe('image/png');
      expect(iris.retries).toEqual({ resends: 0, reconnects: 0 });
    }
    const signature = await ok<SignatureCaptureResult>('devices.captureSignature', { enrollmentId: draft.id });
    expect(signature.capture).toMatchObject({ modality: 'SIGNATURE', position: 'SIGNATURE', format: 'GRAY8', width: 800, height: 480 });
    expect(signature.strokes).toBe(3);
    expect(signature.penReports.dropped).toBe(0);
    expect(signature.quality).toBeGreaterThan(0);
    const view = await ok<{ captures: Array<{ position: string }> }>('enrollment.get', { id: draft.id });
    expect(view.captures.map((c) => c.position).sort()).toEqual(['LEFT_IRIS', 'RIGHT_IRIS', 'SIGNATURE']);
  });

  it('rehearsed faults: no eye, a corrupt block, a blank pad, a pad that stops mid-stroke, an unplugged camera — each told in the operator\'s words, nothing half-stored', async () => {
    const { call, ok, state, draft } = await trainingStation();
    await state('iris-1', 'SIAP');
    await state('signature-1', 'SIAP');

    await ok('training.deviceFault', { id: 'iris-1', fault: 'noFinger', count: 1 });
    const noEye = await call('devices.captureIris', { enrollmentId: draft.id, position: 'RIGHT_IRIS' });
    expect(noEye).toMatchObject({ ok: false, error: { code: 'CAPTURE_FAILED', message: { id: expect.stringContaining('tidak menemukan mata') }, details: { failure: 'NO_EYE' } } });
    // The fault was for one capture: the next one sees the eye.
    await ok('training.deviceFault', { id: 'iris-1', fault: 'corruptChecksum', count: 1 });
    const resent = await ok<IrisCaptureResult>('devices.captureIris', { enrollmentId: draft.id, position: 'RIGHT_IRIS' });
    expect(resent.retries.resends).toBe(1);
    expect(resent.capture.attempt).toBe(1);

    await ok('training.deviceFault', { id: 'signature-1', fault: 'noFinger', count: 1 });
    const blank = await call('devices.captureSignature', { enrollmentId: draft.id });
    expect(blank).toMatchObject({ ok: false, error: { code: 'CAPTURE_FAILED', details: { fault: 'NO_SIGNATURE' } } });
    await ok('training.deviceFault', { id: 'signature-1', fault: 'dropMidImage' });
    const stopped = await call('devices.captureSignature', { enrollmentId: draft.id });
    expect(stopped).toMatchObject({ ok: false, error: { code: 'DEVICE_FAULT', details: { fault: 'STOPPED_MID_STROKE' } } });
    await ok('training.deviceFault', { id: 'signature-1', fault: 'clear' });
    await ok('training.deviceFault', { id: 'signature-1', fault: 'corruptChecksum' });
    const noisy = await ok<SignatureCaptureResult>('devices.captureSignature', { enrollmentId: draft.id });
    expect(noisy.penReports.dropped).toBeGreaterThan(0);
    expect(noisy.penReports.dropped / noisy.penReports.received).toBeLessThan(0.2);
    // A pad has no baud rate: that fault is refused, by name.
    expect(await call('training.deviceFault', { id: 'signature-1', fault: 'changeBaud', baudRate: 9600 })).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS', details: { fault: 'changeBaud' } } });

    await ok('training.deviceFault', { id: 'iris-1', fault: 'unplug' });
    await state('iris-1', 'TIDAK_TERHUBUNG');
    const gone = await call('devices.captureIris', { enrollmentId: draft.id, position: 'LEFT_IRIS' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'DEVICE_NOT_CONNECTED' } });
    const view = await ok<{ captures: Array<{ position: string; attempt: number }> }>('enrollment.get', { id: draft.id });
    expect(view.captures.map((c) => `${c.position}#${c.attempt}`).sort()).toEqual(['RIGHT_IRIS#1', 'SIGNATURE#1']);

    await ok('training.deviceFault', { id: 'iris-1', fault: 'plugIn' });
    expect((await state('iris-1', 'SIAP')).diagnostics.reconnects).toBe(1);
    expect((await ok<IrisCaptureResult>('devices.captureIris', { enrollmentId: draft.id, position: 'LEFT_IRIS' })).capture.position).toBe('LEFT_IRIS');
  });

  it('the Diagnostik run asks every simulated device its handshake through the device manager, and names an unplugged one', async () => {
    const { ok, state } = await trainingStation('technician');
    await state('iris-1', 'SIAP');
    await state('signature-1', 'SIAP');
    await state('fingerprint-1', 'SIAP');
    const healthy = await ok<DiagReport>('diag.run', {});
    const handshakes = healthy.checks.filter((c) => c.id.endsWith('.handshake'));
    expect(handshakes.map((c) => [/\((\w+), simulated\)$/.exec(c.subject)?.[1], c.status])).toEqual([
      ['fingerprint', 'pass'],
      ['iris', 'pass'],
      ['signature', 'pass'],
    ]);
    expect(handshakes[1]?.observed).toContain('SIMIRIS00001');

    await ok('training.deviceFault', { id: 'signature-1', fault: 'unplug' });
    await state('signature-1', 'TIDAK_TERHUBUNG');
    const report = await ok<DiagReport>('diag.run', {});
    const pad = report.checks.filter((c) => c.subject.startsWith('Tanda tangan'));
    expect(pad.map((c) => [c.id.split('.').at(-1), c.status, c.code])).toEqual([
      ['found', 'fail', 'PORT_MISSING'],
      ['permission', 'skip', 'EARLIER_STEP_FAILED'],
      ['busy', 'skip', 'EARLIER_STEP_FAILED'],
      ['handshake', 'skip', 'EARLIER_STEP_FAILED'],
    ]);
  });
});
