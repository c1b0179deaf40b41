// npm run bench -- store [--sizes 100000,1000000] [--commits 30]
// (a) commit one enrollment with ~2 MB of capture bytes vs (b) write + fsync the same bytes to a
// plain file, same run: p50/p95 and their ratio (goal ≤ 2). Then search by NIK and by name
// prefix over generated enrollments (goal p95 < 20 ms), and the event-loop lag while committing.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { trainingProfile } from '../../src-main/core/config/training.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { EnrollmentService } from '../../src-main/recording/enrollment-service.js';
import { openStationStore } from '../../src-main/store/station-store.js';
import { demographicsFixture } from '../helpers/enrollment.js';
import { captureSet } from './capture-set.js';

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const round = (x: number): number => Math.round(x * 100) / 100;
const emit = (line: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ bench: 'store', ...line })}\n`);
};

function option(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(name);
  return index >= 0 ? (args[index + 1] ?? fallback) : fallback;
}

const BENCH_ACTOR = { id: 'bench', role: 'operator' };

export async function run(args: string[]): Promise<void> {
  const sizes = option(args, '--sizes', '100000,1000000').split(',').map(Number);
  const commits = Number(option(args, '--commits', '30'));
  const dir = mkdtempSync(join(tmpdir(), 'ktp-bench-store-'));
  const logger = pino({ level: 'silent' });
  try {
    const regions = await regionDirectory();
    const store = openStationStore(join(dir, 'commit'), logger);
    const service = new EnrollmentService({ store, dataKey: randomBytes(32), regions, districtCode: trainingProfile().region.districtCode });
    const lag = monitorEventLoopDelay({ resolution: 10 });
    const commitMs: number[] = [];
    const commitOnlyMs: number[] = [];
    const fileMs: number[] = [];
    let bytesPerRecord = 0;
    lag.enable();
    for (let i = 0; i < commits; i += 1) {
      const captures = captureSet();
      bytesPerRecord = captures.reduce((sum, c) => sum + c.bytes.length, 0);
      const draft = service.startDraft({ demographics: demographicsFixture(), updateReason: 'bench run' }, BENCH_ACTOR);
      const t0 = performance.now();
      for (const c of captures) {
        service.addCapture({ id: draft.id, modality: c.modality, position: c.position, quality: 70, image: { format: 'PNG', base64: c.bytes.toString('base64') } }, BENCH_ACTOR);
      }
      const tCommit = performance.now();
      service.commit(draft.id, BENCH_ACTOR);
      commitOnlyMs.push(performance.now() - tCommit);
      commitMs.push(performance.now() - t0);
      const t1 = performance.now();
      const fd = openSync(join(dir, `plain-${i}.bin`), 'w');
      for (const c of captures) writeSync(fd, c.bytes);
      fsyncSync(fd);
      closeSync(fd);
      fileMs.push(performance.now() - t1);
      await new Promise((r) => setImmediate(r));
    }
    lag.disable();
    store.close();
    emit({
      metric: 'store_14_captures_and_commit_2MB',
      runs: commits,
      bytes: bytesPerRecord,
      transactions: 15,
      p50_ms: round(quantile(commitMs, 0.5)),
      p95_ms: round(quantile(commitMs, 0.95)),
      note: 'as the wizard stores them: each capture durable in its own transaction (seal, write, fsync), then the commit',
    });
    emit({ metric: 'commit_transaction_only', runs: commits, p50_ms: round(quantile(commitOnlyMs, 0.5)), p95_ms: round(quantile(commitOnlyMs, 0.95)) });
    emit({ metric: 'plain_file_write_fsync_2MB', runs: commits, bytes: bytesPerRecord, p50_ms: round(quantile(fileMs, 0.5)), p95_ms: round(quantile(fileMs, 0.95)) });
    const ratio = quantile(commitMs, 0.5) / quantile(fileMs, 0.5);
    emit({ metric: 'commit_vs_plain_file_p50_ratio', ratio: round(ratio), goal: 2, met: ratio <= 2 });
    emit({
      metric: 'event_loop_lag_during_commits',
      p50_ms: round(lag.percentile(50) / 1e6),
      p99_ms: round(lag.percentile(99) / 1e6),
      max_ms: round(lag.max / 1e6),
      note: 'capture + commit run synchronously on this thread; the Electron shell runs the core off the window thread',
    });

    for (const size of sizes) {
      const searchStore = openStationStore(join(dir, `search-${size}`), logger);
      const t0 = performance.now();
      searchStore.transaction(() => {
        const repo = searchStore.enrollments;
        const names = ['BUDI', 'SITI', 'AGUS', 'DEWI', 'EKO', 'SRI', 'AHMAD', 'NUR', 'JOKO', 'RINA'];
        for (let i = 1; i <= size; i += 1) {
          const nik = `3501${String(10 + (i % 90)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}0590${String(i % 10000).padStart(4, '0')}`;
          const name = `${names[i % names.length] ?? 'A'} ${String(i).padStart(7, '0')}`;
          const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
          repo.insert({
            id: `B${String(i).padStart(25, '0')}`,
            registrationNo: `350101-B-${i}`,
            nik,
            nameKey: name,
            status: 'COMMITTED',
            demographicsJson: JSON.stringify({ nama: name, alamat: 'JL. RAYA DONOROJO', kecamatan: 'DONOROJO' }),
            wizardStep: 'TINJAU',
            contentHash: null,
            operatorId: 'bench',
            createdAt: at,
            updatedAt: at,
            committedAt: at,
            seq: i,
            statusReason: null,
            updateReason: null,
          });
        }
      });
      emit({ metric: 'generate_enrollments', size, seconds: round((performance.now() - t0) / 1000) });
      const byNik: number[] = [];
      const byName: number[] = [];
      for (let q = 0; q < 200; q += 1) {
        const i = 1 + Math.floor(Math.random() * size);
        const nik = `3501${String(10 + (i % 90)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}0590${String(i % 10000).padStart(4, '0')}`;
        let t = performance.now();
        searchStore.enrollments.search({ nik, limit: 50 });
        byNik.push(performance.now() - t);
        t = performance.now();
        searchStore.enrollments.search({ namePrefix: `SITI ${String(i).padStart(7, '0').slice(0, 4)}`, limit: 50 });
        byName.push(performance.now() - t);
      }
      emit({ metric: 'search_by_nik', size, queries: 200, p50_ms: round(quantile(byNik, 0.5)), p95_ms: round(quantile(byNik, 0.95)), goal_p95_ms: 20, met: quantile(byNik, 0.95) < 20 });
      emit({ metric: 'search_by_name_prefix', size, queries: 200, p50_ms: round(quantile(byName, 0.5)), p95_ms: round(quantile(byName, 0.95)), goal_p95_ms: 20, met: quantile(byName, 0.95) < 20 });
      searchStore.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
