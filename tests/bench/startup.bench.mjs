// Web host start to usable screen: spawn `ktp-station serve`, wait for the URL line, load the UI in
// Chromium until the sign-in screen shows the station's role buttons. Goal: under 1.5 s.
// Baseline in the same run: a bare `node -e ""` start, to show how loaded the machine is.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../../scripts/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bareNode() {
  const t0 = performance.now();
  return new Promise((resolve) => spawn(process.execPath, ['-e', '']).once('exit', () => resolve(performance.now() - t0)));
}

function startStation(home) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, 'bin', 'ktp-station.js'), 'serve', '--port', '0'], {
    env: { ...process.env, KTP_STATION_HOME: home, KTP_LOG_LEVEL: 'silent' },
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => {
      resolve({ child, url: line.replace('KTP Station: ', ''), urlMs: performance.now() - t0, t0 });
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

export async function run(args) {
  const runs = Number(args[0] ?? 7);
  const executablePath = findChromium().path ?? undefined;
  const browser = await chromium.launch({
    executablePath,
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking'],
  });
  const results = { node: [], url: [], usable: [] };
  for (let i = 0; i < runs; i += 1) {
    results.node.push(await bareNode());
    const home = mkdtempSync(join(tmpdir(), 'ktp-bench-'));
    const { child, url, urlMs, t0 } = await startStation(home);
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId('role-button-operator').waitFor({ state: 'visible' });
    results.url.push(urlMs);
    results.usable.push(performance.now() - t0);
    await page.close();
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    rmSync(home, { recursive: true, force: true });
  }
  await browser.close();
  const line = (metric, values, extra = {}) =>
    process.stdout.write(`${JSON.stringify({ bench: 'startup', metric, runs, p50_ms: Math.round(median(values)), min_ms: Math.round(Math.min(...values)), max_ms: Math.round(Math.max(...values)), ...extra })}\n`);
  line('baseline_bare_node_start', results.node);
  line('serve_to_url_line', results.url, { ratio_to_bare_node: +(median(results.url) / median(results.node)).toFixed(2) });
  line('serve_to_usable_screen', results.usable, { goal_ms: 1500, met: median(results.usable) < 1500 });
}
