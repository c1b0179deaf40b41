// `npm test`: build, lint (ESLint + layer rules), types, unit + integration (Vitest), e2e
// (Playwright in Chromium). Ends with one line totalling every suite:
//   tests: N passed, N failed, N skipped
// A missing system tool fails the run with the exact install command; nothing is skipped silently.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const reports = join(root, '.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  const started = performance.now();
  process.stdout.write(`\n=== ${label} ===\n`);
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.once('exit', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      lines.push(`${label}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} in ${seconds} s`);
      resolve(code ?? 1);
    });
  });
}

async function check(label, command, args) {
  const code = await run(label, command, args);
  if (code === 0) totals.passed += 1;
  else totals.failed += 1;
  return code;
}

function countVitest(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0);
  totals.skipped += report.numPendingTests + report.numTodoTests;
  return true;
}

/** Every skipped test, with the reason it gave: a skip is never silent. */
function skippedWithReasons(suites, out = []) {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        const reason = (test.annotations ?? []).find((a) => a.type === 'skip')?.description ?? 'no reason given';
        out.push(`${spec.file}: ${spec.title} — ${reason}`);
      }
    }
    skippedWithReasons(suite.suites, out);
  }
  return out;
}

function countPlaywright(file) {
  if (!existsSync(file)) return false;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const line of skippedWithReasons(report.suites)) process.stdout.write(`skipped: ${line}\n`);
  const stats = report.stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += stats.unexpected ?? 0;
  totals.skipped += stats.skipped ?? 0;
  for (const error of report.errors ?? []) {
    totals.failed += 1;
    process.stdout.write(`playwright error: ${error.message ?? JSON.stringify(error)}\n`);
  }
  return true;
}

// 0. System tools the suites need.
const chromium = findChromium();
if (chromium.path === null) {
  process.stdout.write(`\n${chromium.reason}\n`);
  process.stdout.write('tests: 0 passed, 1 failed, 0 skipped\n');
  process.exit(1);
}

// 1. Build (the integration and e2e suites run what users run).
if ((await run('build', process.execPath, [join(root, 'scripts', 'build.mjs')])) !== 0) {
  process.stdout.write('\ntests: 0 passed, 1 failed, 0 skipped\n');
  process.exit(1);
}

// 2. Static checks, each counted as one test.
await check('lint (eslint)', bin('eslint'), ['.', '--max-warnings=0']);
await check('layer rules (dependency-cruiser)', bin('depcruise'), ['src-main', 'src-renderer', '--config', '.dependency-cruiser.cjs']);
await check('types (main)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
await check('types (renderer)', bin('tsc'), ['-p', 'src-renderer/tsconfig.json', '--noEmit']);

// 3. Unit + integration.
const vitestReport = join(reports, 'vitest.json');
const vitestCode = await run('unit + integration (vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
if (!countVitest(vitestReport) || (vitestCode !== 0 && totals.failed === 0)) totals.failed += 1;

// 4. End to end in Chromium.
const playwrightReport = join(reports, 'playwright.json');
const playwrightCode = await run('e2e (playwright, chromium)', bin('playwright'), ['test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  KTP_CHROMIUM: chromium.path,
});
const failedBefore = totals.failed;
if (!countPlaywright(playwrightReport) || (playwrightCode !== 0 && totals.failed === failedBefore)) totals.failed += 1;

process.stdout.write(`\n${lines.join('\n')}\n`);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(totals.failed === 0 ? 0 : 1);
