import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutcome, DeviceStatus, FingerprintCaptureResult } from '../../src-main/contract/index.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import { demographicsFixture } from '../helpers/enrollment.js';
import { silentLogger, tempDir, trainingSetup } from '../helpers/station.js';

describe('training mode: simulated devices in-process, faults rehearsed through the contract', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('the sensor is SIAP, unplug makes it TIDAK_TERHUBUNG with a typed capture error, plug in recovers; no-finger is retried', async () => {
    const t = tempDir('ktp-dev-train-');
    cleanups.push(t.remove);
    const station = createStation({
      setup: trainingSetup(join(t.dir, 'data')),
      logger: silentLogger(),
      host: 'web',
      regions: await regionDirectory(),
      deviceOptions: { retryMs: 50, healthMs: 0, capture: { pollMs: 5 }, reconnectWaitMs: 200 },
    });
    cleanups.push(() => station.close());
    const window = statefulConnection('web');
    const call = (method: string, params: unknown): Promise<CallOutcome<unknown>> => station.dispatcher.dispatch(method, params, window);
    const ok = async <T>(method: string, params: unknown): Promise<T> => {
      const outcome = await call(method, params);
      if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
      return outcome.result as T;
    };
    await ok('session.startTraining', { role: 'operator' });
    const state = async (id: string, want: string) => {
      for (let i = 0; i < 200; i += 1) {
        const { devices } = await ok<{ devices: DeviceStatus[] }>('devices.list', {});
        const device = devices.find((d) => d.id === id);
        if (device?.state === want) return device;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`${id} never became ${want}`);
    };
    const sensor = await state('fingerprint-1', 'SIAP');
    expect(sensor).toMatchObject({ simulated: true, driver: 'r30x', diagnostics: { handshake: true, found: true } });
    const { devices } = await ok<{ devices: DeviceStatus[] }>('devices.list', {});
    // The face camera belongs to the window (getUserMedia): the core has no driver for it, and says so.
    expect(devices.find((d) => d.kind === 'camera')).toMatchObject({ state: 'TIDAK_TERHUBUNG', driver: null, diagnostics: { lastError: { code: 'OPENED_BY_WINDOW' } } });

    const draft = await ok<{ id: string }>('enrollment.startDraft', { demographics: demographicsFixture() });
    await ok('training.deviceFault', { id: 'fingerprint-1', fault: 'unplug' });
    await state('fingerprint-1', 'TIDAK_TERHUBUNG');
    const refused = await call('devices.captureFingerprint', { enrollmentId: draft.id, position: 'RIGHT_THUMB' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DEVICE_NOT_CONNECTED' } });
    const view = await ok<{ captures: unknown[] }>('enrollment.get', { id: draft.id });
    expect(view.captures).toHaveLength(0);

    await ok('training.deviceFault', { id: 'fingerprint-1', fault: 'plugIn' });
    const back = await state('fingerprint-1', 'SIAP');
    expect(back.diagnostics.reconnects).toBe(1);
    await ok('training.deviceFault', { id: 'fingerprint-1', fault: 'noFinger', count: 3 });
    const result = await ok<FingerprintCaptureResult>('devices.captureFingerprint', { enrollmentId: draft.id, position: 'RIGHT_THUMB' });
    expect(result.retries.noFinger).toBe(3);
    expect(result.capture).toMatchObject({ position: 'RIGHT_THUMB', format: 'GRAY4', width: 256, height: 288, byteLength: 36864 });
    expect(result.quality).toBeGreaterThan(0);

    const bad = await call('devices.captureFingerprint', { enrollmentId: draft.id, position: 'RIGHT_IRIS' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
  });
});
