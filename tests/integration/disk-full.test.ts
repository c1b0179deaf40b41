import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingProfile } from '../../src-main/core/config/training.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { EnrollmentService } from '../../src-main/recording/enrollment-service.js';
import { openStationStore } from '../../src-main/store/station-store.js';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';
import { silentLogger, tempDir } from '../helpers/station.js';

const OP = { id: 'op', role: 'operator' };
type CaptureInput = Parameters<EnrollmentService['addCapture']>[0];

describe('a full disk (size-capped database)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) c();
  });

  it('fails with STORE_FULL, shows no partial record, keeps earlier ones, and works again once space is freed', async () => {
    const t = tempDir('ktp-full-');
    cleanups.push(t.remove);
    const store = openStationStore(t.dir, silentLogger());
    cleanups.push(() => store.close());
    const service = new EnrollmentService({ store, dataKey: randomBytes(32), regions: await regionDirectory(), districtCode: trainingProfile().region.districtCode });
    const record = (nik: string, tanggalLahir: string) => {
      const draft = service.startDraft({ demographics: demographicsFixture({ nik, tanggalLahir }) }, OP);
      for (const params of captureParams(draft.id)) service.addCapture({ ...(params as unknown as CaptureInput), id: draft.id }, OP);
      return service.commit(draft.id, OP);
    };
    const earlier = record('3501011205900001', '1990-05-12');
    const used = store.health().pageCount * store.health().pageSize;
    store.setSizeLimit(used + 64 * 1024);

    let failure: unknown;
    try {
      record('3501011305900002', '1990-05-13');
    } catch (error: unknown) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: 'STORE_FULL' });
    const partial = service.search({ nik: '3501011305900002', limit: 10 }).items;
    expect(partial.every((r) => r.status === 'DRAFT')).toBe(true);
    expect(service.get(earlier.id).status).toBe('COMMITTED');
    expect(store.outbox.backlog().count).toBe(1);
    expect(store.integrityCheck()).toEqual(['ok']);

    store.setSizeLimit(null);
    const after = record('3501011405900003', '1990-05-14');
    expect(after.status).toBe('COMMITTED');
    expect(store.outbox.backlog().count).toBe(2);
  });
});
