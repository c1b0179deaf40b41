import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src-main/contract/index.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { StationConfig } from '../../src-main/core/config/schema.js';
import { createStation } from '../../src-main/core/station.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { blankFingerFrame, demographicsFixture } from '../helpers/enrollment.js';
import { silentLogger, tempDir, trainingSetup } from '../helpers/station.js';
import { ridgeFrame } from '../helpers/synthetic-images.js';

interface Summary {
  attempt: number;
  quality: number | null;
  belowThreshold: boolean;
  chosen: boolean;
  position: string;
}
interface View {
  id: string;
  captures: Summary[];
  supervisorReview: Array<{ position: string; reason: string }>;
}

function gray8Ridges(seed: number) {
  const f = ridgeFrame(seed);
  return { format: 'GRAY8', base64: Buffer.from(f.pixels).toString('base64'), width: f.width, height: f.height };
}

describe('capture quality: the station scores, keeps the best, flags for the supervisor (real SQLite)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function desk(quality?: { fingerprint: number; face: number; iris: number; signature: number }) {
    const t = tempDir('ktp-quality-');
    cleanups.push(t.remove);
    const setup = trainingSetup(t.dir);
    if (quality !== undefined) setup.profile.quality = quality;
    const station = createStation({ setup, logger: silentLogger(), host: 'web', regions: await regionDirectory() });
    cleanups.push(() => station.close());
    const window = statefulConnection('web');
    const ok = async <T>(method: string, params: unknown): Promise<T> => {
      const outcome: CallOutcome<unknown> = await station.dispatcher.dispatch(method, params, window);
      if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
      return outcome.result as T;
    };
    await ok('session.startTraining', { role: 'operator' });
    const draft = await ok<View>('enrollment.startDraft', { demographics: demographicsFixture() });
    return { ok, draft };
  }

  it('a blank frame scores low whatever the device claims; a retake with ridges is kept; the flag clears', async () => {
    const { ok, draft } = await desk();
    const weak = await ok<Summary>('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'RIGHT_THUMB', quality: 99, image: blankFingerFrame() });
    expect(weak.quality).toBe(0);
    expect(weak.belowThreshold).toBe(true);
    let view = await ok<View>('enrollment.get', { id: draft.id });
    expect(view.supervisorReview).toEqual([{ modality: 'FINGER', position: 'RIGHT_THUMB', reason: 'BELOW_THRESHOLD' }]);

    const good = await ok<Summary>('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'RIGHT_THUMB', image: gray8Ridges(4) });
    expect(good.quality).toBeGreaterThanOrEqual(80);
    expect(good.belowThreshold).toBe(false);
    expect(good.chosen).toBe(true);
    await ok('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'RIGHT_THUMB', image: blankFingerFrame() });
    view = await ok<View>('enrollment.get', { id: draft.id });
    expect(view.captures.filter((c) => c.position === 'RIGHT_THUMB').map((c) => [c.attempt, c.chosen])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    expect(view.supervisorReview).toEqual([]);
  });

  it('three weak attempts: the best is kept and flagged; an exception is flagged as one', async () => {
    const { ok, draft } = await desk();
    for (let i = 0; i < 3; i += 1) await ok('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'LEFT_INDEX', image: blankFingerFrame() });
    await ok('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'LEFT_LITTLE', exceptionReason: 'PERBAN' });
    const view = await ok<View>('enrollment.get', { id: draft.id });
    expect(view.supervisorReview).toEqual([
      { modality: 'FINGER', position: 'LEFT_INDEX', reason: 'BELOW_THRESHOLD' },
      { modality: 'FINGER', position: 'LEFT_LITTLE', reason: 'EXCEPTION' },
    ]);
  });

  it('thresholds come from the config: with fingerprint 100 even clear ridges are below', async () => {
    const { ok, draft } = await desk({ fingerprint: 100, face: 50, iris: 60, signature: 40 });
    const summary = await ok<Summary>('enrollment.addCapture', { id: draft.id, modality: 'FINGER', position: 'RIGHT_RING', image: gray8Ridges(2) });
    expect(summary.quality).toBeLessThanOrEqual(100);
    expect(summary.belowThreshold).toBe(summary.quality !== 100);
  });

  it('the training sample the UI captures carries the score the station gives it', async () => {
    const { ok, draft } = await desk();
    const sample = await ok<{ format: string; base64: string; width: number; height: number; quality: number }>('training.sampleCapture', { modality: 'IRIS', position: 'LEFT_IRIS', attempt: 1 });
    const stored = await ok<Summary>('enrollment.addCapture', {
      id: draft.id,
      modality: 'IRIS',
      position: 'LEFT_IRIS',
      image: { format: sample.format, base64: sample.base64, width: sample.width, height: sample.height },
    });
    expect(stored.quality).toBe(sample.quality);
  });
});

describe('config: the quality block', () => {
  const base = {
    stationId: 'KEC-350101-01',
    region: { provinceCode: '35', regencyCode: '3501', districtCode: '350101' },
    central: { url: 'https://central.example.go.id', publicKeyFile: 'central.pem', credentialFile: 'cred.txt' },
  };
  it('has defaults (fingerprint 40, iris 60) and refuses a threshold outside 0..100 or an unknown field', () => {
    expect(StationConfig.parse(base).quality).toEqual({ fingerprint: 40, face: 50, iris: 60, signature: 40 });
    expect(StationConfig.safeParse({ ...base, quality: { fingerprint: 140 } }).success).toBe(false);
    expect(StationConfig.safeParse({ ...base, quality: { finger: 40 } }).success).toBe(false);
    expect(StationConfig.parse({ ...base, quality: { iris: 70 } }).quality.iris).toBe(70);
  });
});
