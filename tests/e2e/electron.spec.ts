// The desktop app itself, driven through Playwright's Electron support. Needs the Electron
// binary (and SQLite built for its ABI, `npm run electron:natives`); without them every test
// here is reported as skipped with the reason, and `npm test` prints and counts it.
import { _electron as electron } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { fetchPrebuilt } from '../../scripts/electron-natives.mjs';
import { ROOT } from '../helpers/cli.js';
import { expect, test } from './fixtures.js';

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not available on this machine';

function definedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
}

async function launch(home: string): Promise<ElectronApplication> {
  const sqlite = fetchPrebuilt();
  const env: Record<string, string> = { ...definedEnv(), KTP_STATION_HOME: home, KTP_SQLITE_BINDING: sqlite.path };
  delete env['ELECTRON_RUN_AS_NODE'];
  return electron.launch({ executablePath: binary.path ?? '', args: [ROOT], env });
}

test.describe('Electron shell', () => {
  const reason = binary.reason === null ? SKIP_REASON : binary.reason.startsWith(SKIP_REASON) ? binary.reason : `${SKIP_REASON}: ${binary.reason}`;
  test.skip(binary.path === null, reason);

  test('opens the window with the shell in training mode, the core running in its own process', async () => {
    const app = await launch(test.info().outputPath('home'));
    const window = await app.firstWindow();
    await expect(window.getByTestId('training-banner')).toContainText('MODE PELATIHAN');
    const kinds = await app.evaluate(({ app: main }) => main.getAppMetrics().map((m) => m.type));
    expect(kinds).toContain('Utility');
    // Hardening as Electron applies it: no Node in the page, window.open refused.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => globalThis.open('https://example.com/') === null)).toBe(true);
    await app.close();
  });

  test('a renderer crash reloads the window and the operator is still signed in', async () => {
    const app = await launch(test.info().outputPath('home'));
    const window = await app.firstWindow();
    await window.keyboard.press('1');
    await expect(window.getByTestId('operator-name')).toBeVisible();
    await app.evaluate(({ webContents }) => webContents.getAllWebContents()[0]?.forcefullyCrashRenderer());
    const reloaded = await app.firstWindow();
    await expect(reloaded.getByTestId('operator-name')).toBeVisible({ timeout: 20_000 });
    await app.close();
  });

  test('a core crash shows the banner, the core comes back, and calls work again', async () => {
    const app = await launch(test.info().outputPath('home'));
    const window = await app.firstWindow();
    await expect(window.getByTestId('training-banner')).toBeVisible();
    await app.evaluate(({ app: main }) => {
      const core = main.getAppMetrics().find((m) => m.type === 'Utility' && m.serviceName === 'KTP Station core');
      if (core !== undefined) process.kill(core.pid, 'SIGKILL');
    });
    await expect(window.getByTestId('core-banner')).toBeVisible();
    await expect(window.getByTestId('core-banner')).toBeHidden({ timeout: 20_000 });
    await window.keyboard.press('1');
    await expect(window.getByTestId('operator-name')).toBeVisible();
    await app.close();
  });
});
