import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallOutcome, DiagReport, SupportBundle } from '../../src-main/contract/index.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import type { Station } from '../../src-main/core/station.js';
import { tempDir, trainingStation } from '../helpers/station.js';

let home: { dir: string; remove: () => void };
let station: Station;
beforeEach(async () => {
  home = tempDir('ktp-diag-methods-');
  station = await trainingStation(home.dir);
});
afterEach(async () => {
  await station.close();
  home.remove();
});

async function as(role: 'operator' | 'technician' | 'supervisor') {
  const window = statefulConnection('web');
  const call = (method: string, params: unknown): Promise<CallOutcome<unknown>> => station.dispatcher.dispatch(method, params, window);
  const started = await call('session.startTraining', { role });
  expect(started.ok).toBe(true);
  return call;
}

describe('diag.run and diag.supportBundle through the dispatcher (the running station)', () => {
  it('refuses the recording operator: diagnostics are for technicians and supervisors', async () => {
    const call = await as('operator');
    const outcome = await call('diag.run', {});
    expect(outcome.ok ? null : outcome.error.code).toBe('FORBIDDEN_ROLE');
  });

  it('diagnoses the running station: its own database read-only beside its open connection, its PID, the camera left to the window', async () => {
    const call = await as('technician');
    const outcome = await call('diag.run', {});
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const report = outcome.result as DiagReport;
    expect(report.station).toMatchObject({ stationId: 'PELATIHAN-01', mode: 'training', runningPid: process.pid });
    const byId = new Map(report.checks.map((c) => [c.id, c]));
    expect(byId.get('database.integrity')?.status).toBe('pass');
    expect(byId.get('backlog.pending')?.facts).toMatchObject({ count: 0 });
    expect(byId.get('device.0.found')).toMatchObject({ status: 'pass', observed: 'simulated' });
    expect(byId.get('device.3.found')).toMatchObject({ status: 'skip', code: 'CHECKED_IN_WINDOW' });
    // This in-process training station has no emulator (boot starts it): central is skipped, saying why.
    expect(byId.get('central.dns')).toMatchObject({ status: 'skip', code: 'TRAINING_EMULATOR' });
  });

  it('takes the free-space threshold as a parameter and refuses a bad one', async () => {
    const call = await as('supervisor');
    const low = await call('diag.run', { minFreeMiB: 16_777_216 });
    if (!low.ok) throw new Error(JSON.stringify(low.error));
    expect((low.result as DiagReport).checks.find((c) => c.id === 'disk.free')).toMatchObject({ status: 'fail', code: 'DISK_LOW' });
    const bad = await call('diag.run', { minFreeMiB: -5 });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_PARAMS');
  });

  it('builds the support bundle, keeps a copy under support/ and returns it', async () => {
    const call = await as('technician');
    const outcome = await call('diag.supportBundle', {});
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    const bundle = outcome.result as SupportBundle;
    expect(bundle.path.startsWith(home.dir)).toBe(true);
    expect(existsSync(bundle.path)).toBe(true);
    expect(Buffer.from(bundle.base64, 'base64').equals(readFileSync(bundle.path))).toBe(true);
    expect(bundle.entries).toEqual(expect.arrayContaining(['diag.json', 'versions.json']));
    expect(bundle.omitted).toEqual(expect.arrayContaining([{ name: 'station.config.json', reason: 'training mode: no config file' }]));
  });
});
