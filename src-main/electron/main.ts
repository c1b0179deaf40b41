// The desktop shell: one window, the Station core in a utilityProcess, and main brokering a
// MessagePort between them. Everything below is wiring; each piece is tested on plain Node.
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, MessageChannelMain, app, dialog, ipcMain, safeStorage, screen, session } from 'electron';
import type { MessagePortMain } from 'electron';
import { CoreSupervisor } from '../core/process/core-supervisor.js';
import type { CoreState } from '../core/process/core-supervisor.js';
import { coreArgs } from './flags.js';
import { appUrlCheck, hardenContents, hardenSession, windowPreferences } from './hardening.js';
import { CONNECT_CHANNEL } from './ipc-channels.js';
import { electronKeyProtector, provideDataKey } from './key-protection.js';
import { PortBroker } from './port-broker.js';
import { watchRenderer } from './renderer-watchdog.js';
import { launchCoreUtility } from './utility-launcher.js';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState } from './window-state.js';

const here = dirname(fileURLToPath(import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const isAppUrl = appUrlCheck(pathToFileURL(join(here, '..', 'renderer')).href);
const windowStateFile = () => join(app.getPath('userData'), 'window-state.json');

if (!app.requestSingleInstanceLock()) {
  // A second launch: the first instance focuses its window (below); this one ends.
  app.quit();
} else {
  void start();
}

let mainWindow: BrowserWindow | null = null;

function createWindow(state: Extract<CoreState, { state: 'running' }>): BrowserWindow {
  const saved = state.display === 'windowed' ? loadWindowState(windowStateFile(), screen.getAllDisplays().map((d) => d.workArea)) : null;
  const window = new BrowserWindow({
    ...(saved ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : DEFAULT_WINDOW),
    title: 'KTP Station',
    show: false,
    kiosk: state.display === 'kiosk',
    fullscreen: state.display !== 'windowed',
    webPreferences: windowPreferences(join(here, 'preload.cjs')),
  });
  if (saved?.maximized === true) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    if (state.display !== 'windowed') return;
    const bounds = window.getNormalBounds();
    saveWindowState(windowStateFile(), { ...bounds, maximized: window.isMaximized() });
  });
  void window.loadFile(rendererIndex);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const protector = electronKeyProtector(process.platform, safeStorage);
  let supervisor: CoreSupervisor<MessagePortMain> | null = null;
  const log = (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => {
    if (supervisor !== null) supervisor.log(level, message, fields);
    else process.stderr.write(`${message} ${JSON.stringify(fields)}\n`);
  };
  const broker = new PortBroker<MessagePortMain>({
    attach: (connection, port) => supervisor?.attach(connection, port) ?? false,
    createChannel: () => new MessageChannelMain(),
    isAppUrl,
    log,
  });
  const core = new CoreSupervisor<MessagePortMain>({
    launch: () => launchCoreUtility(join(here, 'core-utility.js'), coreArgs(process.argv)),
    provideDataKey: (dataDir) => provideDataKey(dataDir, protector),
    onLog: (level, message, fields) => process.stderr.write(`[${level}] ${message} ${JSON.stringify(fields)}\n`),
    onState: (state) => {
      broker.coreState(state);
      if (state.state === 'running' && mainWindow === null) mainWindow = createWindow(state);
      if (state.state === 'failed') {
        dialog.showErrorBox('KTP Station', `${state.error.message.id}\n\n${state.error.message.en}`);
        app.exit(2);
      }
    },
  });

  hardenSession(session.defaultSession, isAppUrl, (message, fields) => log('warn', message, fields));
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents, (message, fields) => log('warn', message, fields));
  });
  app.on('browser-window-created', (_event, window) => {
    watchRenderer(window, window.webContents, { hangGraceMs: 10_000, log });
    const id = window.webContents.id;
    window.on('closed', () => broker.forget(id));
  });
  ipcMain.on(CONNECT_CHANNEL, (event) => {
    broker.connect(event.sender, event.senderFrame?.url ?? '');
  });
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // A clean shutdown waits for the core to finish its calls in flight (a commit) and close the store.
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void core.stop().then(() => app.exit(0));
  });
  app.on('window-all-closed', () => app.quit());
  supervisor = core;
  core.start();
}
