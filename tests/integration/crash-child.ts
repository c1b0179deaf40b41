// Child process of the crash test: records residents in a loop and prints each enrollment id on
// stdout only after enrollment.commit has returned ("Tersimpan"). The parent kills it with SIGKILL.
import { statefulConnection } from '../../src-main/core/call-context.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import { trainingProfile } from '../../src-main/core/config/training.js';
import pino from 'pino';
import { captureParams, demographicsFixture } from '../helpers/enrollment.js';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: crash-child DATA_DIR');
const station = createStation({
  setup: { mode: 'training', profile: trainingProfile(), regionNames: { province: '', regency: '', district: '' }, configPath: null, dataDir, central: null },
  logger: pino({ level: 'silent' }),
  host: 'web',
  regions: await regionDirectory(),
});
const window = statefulConnection('web');
async function ok(method: string, params: unknown): Promise<{ id: string }> {
  const outcome = await station.dispatcher.dispatch(method, params, window);
  if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
  return outcome.result as { id: string };
}
await ok('session.startTraining', { role: 'operator' });
process.stdout.write('ready\n');
for (;;) {
  const draft = await ok('enrollment.startDraft', { demographics: demographicsFixture(), updateReason: 'uji crash / crash test' });
  for (const params of captureParams(draft.id)) await ok('enrollment.addCapture', params);
  const committed = await ok('enrollment.commit', { id: draft.id });
  process.stdout.write(`${committed.id}\n`);
}
