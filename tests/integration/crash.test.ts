import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { openStationStore } from '../../src-main/store/station-store.js';
import { ROOT } from '../helpers/cli.js';
import { silentLogger, tempDir, trainingStation } from '../helpers/station.js';

const RUNS = 50;
let work: { dir: string; remove: () => void };
let childScript: string;

beforeAll(async () => {
  work = tempDir('ktp-crash-');
  // Inside the project so that its bare imports resolve from node_modules (ESM ignores NODE_PATH).
  childScript = join(ROOT, 'node_modules', '.cache', 'ktp-station', 'crash-child.mjs');
  await build({
    entryPoints: [join(ROOT, 'tests', 'integration', 'crash-child.ts')],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    absWorkingDir: ROOT,
    logLevel: 'warning',
  });
});
afterAll(() => work.remove());

/** One run: start the child, let it commit for a random while, then SIGKILL it. Returns the acknowledged ids. */
function runOnce(dataDir: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir], { cwd: ROOT });
    const acknowledged: string[] = [];
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') {
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        return;
      }
      acknowledged.push(line);
    });
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`child exited by itself (code ${code}): ${stderr}`));
    });
  });
}

describe('crash test: SIGKILL at random instants loses no acknowledged record', () => {
  it(`runs ${RUNS} kills; every reported id is present, readable and the database is intact`, async () => {
    const dataDir = join(work.dir, 'station');
    const acknowledged: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      acknowledged.push(...(await runOnce(dataDir, 50 + Math.floor(Math.random() * 400))));
    }
    const station = await trainingStation(dataDir);
    const window = statefulConnection('web');
    await station.dispatcher.dispatch('session.startTraining', { role: 'supervisor' }, window);
    let lost = 0;
    for (const id of acknowledged) {
      const record = await station.dispatcher.dispatch('enrollment.get', { id }, window);
      const image = await station.dispatcher.dispatch('enrollment.captureImage', { id, modality: 'FACE', position: 'FRONTAL', attempt: 1 }, window);
      if (!record.ok || (record.result as { status: string }).status !== 'COMMITTED' || !image.ok) lost += 1;
    }
    await station.close();
    const store = openStationStore(dataDir, silentLogger());
    const integrity = store.integrityCheck();
    store.close();
    console.log(`crash runs=${RUNS} acknowledged=${acknowledged.length} lost=${lost}`);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(integrity).toEqual(['ok']);
  }, 240_000);
});
