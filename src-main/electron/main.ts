// The desktop shell: creates the window and wires the preload bridge to the Station core.
// Nothing of substance lives here; everything it calls is tested on plain Node.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, ipcMain, safeStorage } from 'electron';
import { bootStation } from '../core/boot.js';
import type { BootedStation } from '../core/boot.js';
import { isStationError } from '../core/station-error.js';
import { chooseKeyProtector, keyFileProtector } from '../security/data-key.js';
import type { KeyProtector } from '../security/data-key.js';
import { wireBridge } from './bridge.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = join(here, '..', 'renderer');
const rendererIndex = join(rendererDir, 'index.html');
const rendererRoot = pathToFileURL(rendererDir).href;

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    title: 'KTP Station',
    show: false,
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.once('ready-to-show', () => window.show());
  void window.loadFile(rendererIndex);
  return window;
}

/**
 * The station data key is wrapped by the OS keychain through safeStorage. On Linux without a
 * keyring safeStorage falls back to a fixed password ("basic_text"), which protects nothing:
 * then the key file (0600) is used, and diagnostics warn about it.
 */
function dataKeyProtector(): KeyProtector {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return keyFileProtector();
  return chooseKeyProtector(safeStorage);
}

async function start(): Promise<void> {
  await app.whenReady();
  let booted: BootedStation;
  try {
    booted = await bootStation({
      configFlag: flag('--config'),
      dataFlag: flag('--data'),
      host: 'electron',
      keyProtector: dataKeyProtector(),
    });
  } catch (error: unknown) {
    const text = isStationError(error) ? `${error.text.id}\n\n${error.text.en}` : String(error);
    dialog.showErrorBox('KTP Station', text);
    app.exit(2);
    return;
  }
  const unwire = wireBridge({
    ipcMain,
    station: booted.station,
    isTrustedUrl: (url) => url.startsWith(rendererRoot),
    windows: () => BrowserWindow.getAllWindows().map((w) => w.webContents),
  });
  createWindow();
  app.on('window-all-closed', () => {
    unwire();
    void booted.shutdown().then(() => app.quit());
  });
}

void start();
