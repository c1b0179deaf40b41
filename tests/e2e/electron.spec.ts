import { _electron as electron } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { ROOT } from '../helpers/cli.js';
import { expect, test } from './fixtures.js';

const binary = electronBinary();
const definedEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));

test.describe('Electron shell', () => {
  test.skip(binary.path === null, binary.reason ?? 'Electron binary not available on this machine');

  test('opens the window with the shell in training mode', async () => {
    const app = await electron.launch({ executablePath: binary.path ?? '', args: [ROOT], env: { ...definedEnv(), KTP_STATION_HOME: test.info().outputPath('home') } });
    const window = await app.firstWindow();
    await expect(window.getByTestId('training-banner')).toContainText('MODE PELATIHAN');
    await app.close();
  });
});
