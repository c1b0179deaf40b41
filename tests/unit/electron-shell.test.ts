// The desktop shell's code, checked where the Electron binary cannot run: Electron's session,
// webContents, window and safeStorage are replaced by stand-ins implementing only the members
// the shell's modules declare. Ports are real worker_threads MessagePorts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { coreArgs, flagValue } from '../../src-main/electron/flags.js';
import { appUrlCheck, deviceAllowed, hardenContents, hardenSession, permissionAllowed, requestAllowed, windowPreferences } from '../../src-main/electron/hardening.js';
import type { ContentsLike, SessionLike } from '../../src-main/electron/hardening.js';
import { CORE_STATE_CHANNEL, PORT_CHANNEL } from '../../src-main/electron/ipc-channels.js';
import { electronKeyProtector, provideDataKey } from '../../src-main/electron/key-protection.js';
import { PortBroker } from '../../src-main/electron/port-broker.js';
import type { BrokerContents } from '../../src-main/electron/port-broker.js';
import { watchRenderer } from '../../src-main/electron/renderer-watchdog.js';
import { loadWindowState, saveWindowState } from '../../src-main/electron/window-state.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/station.js';

const ROOT_URL = 'file:///opt/KTP Station/resources/app.asar/dist/renderer';
const isApp = appUrlCheck(ROOT_URL);
const APP = `${ROOT_URL}/index.html`;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  vi.useRealTimers();
});

describe('hardening (Electron session and webContents replaced)', () => {
  it('every window is isolated and sandboxed, with no Node and no webviews', () => {
    expect(windowPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it("knows the app's own UI only: its renderer folder over file://", () => {
    expect(isApp(APP)).toBe(true);
    expect(isApp(`${ROOT_URL}/assets/index-abc.js`)).toBe(true);
    expect(isApp(`${ROOT_URL}/../../etc/passwd`)).toBe(false);
    expect(isApp('file:///etc/passwd')).toBe(false);
    expect(isApp(`${ROOT_URL}-evil/index.html`)).toBe(false);
    expect(isApp('file://server/share/dist/renderer/index.html')).toBe(false);
    expect(isApp('https://example.com/')).toBe(false);
    expect(isApp('not a url')).toBe(false);
  });

  it('loads no remote content', () => {
    expect(requestAllowed(APP, isApp)).toBe(true);
    expect(requestAllowed('data:image/png;base64,AAAA', isApp)).toBe(true);
    for (const url of ['https://cdn.example.com/x.js', 'http://127.0.0.1:8470/api', 'ws://127.0.0.1:1/api/events', 'file:///etc/hosts']) {
      expect(requestAllowed(url, isApp)).toBe(false);
    }
  });

  it('allows the camera and devices for the app only; never the microphone, never another origin', () => {
    expect(permissionAllowed({ permission: 'media', requestingUrl: APP, mediaTypes: ['video'] }, isApp)).toBe(true);
    expect(permissionAllowed({ permission: 'media', requestingUrl: APP, mediaTypes: ['video', 'audio'] }, isApp)).toBe(false);
    expect(permissionAllowed({ permission: 'media', requestingUrl: APP, mediaTypes: [] }, isApp)).toBe(false);
    expect(permissionAllowed({ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['video'] }, isApp)).toBe(false);
    for (const permission of ['hid', 'serial', 'usb']) {
      expect(permissionAllowed({ permission, requestingUrl: APP }, isApp)).toBe(true);
      expect(permissionAllowed({ permission, requestingUrl: 'https://evil.example/' }, isApp)).toBe(false);
    }
    for (const permission of ['geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'pointerLock']) {
      expect(permissionAllowed({ permission, requestingUrl: APP }, isApp)).toBe(false);
    }
    expect(deviceAllowed({ deviceType: 'hid', origin: 'file://' })).toBe(true);
    expect(deviceAllowed({ deviceType: 'usb', origin: 'https://evil.example' })).toBe(false);
  });

  it('wires the handlers on the session: requests, permissions, devices', () => {
    const installed: Partial<Record<'request' | 'check' | 'device' | 'web', (...args: never[]) => unknown>> = {};
    const fakeSession: SessionLike = {
      setPermissionRequestHandler: (h) => void (installed.request = h as never),
      setPermissionCheckHandler: (h) => void (installed.check = h as never),
      setDevicePermissionHandler: (h) => void (installed.device = h as never),
      webRequest: { onBeforeRequest: (h) => void (installed.web = h as never) },
    };
    const logged: string[] = [];
    hardenSession(fakeSession, isApp, (message) => logged.push(message));
    const request = installed.request as unknown as (c: unknown, p: string, cb: (g: boolean) => void, d: object) => void;
    const answers: boolean[] = [];
    request(null, 'media', (g) => answers.push(g), { requestingUrl: APP, mediaTypes: ['video'] });
    request(null, 'media', (g) => answers.push(g), { requestingUrl: APP, mediaTypes: ['audio'] });
    request(null, 'geolocation', (g) => answers.push(g), { requestingUrl: APP });
    expect(answers).toEqual([true, false, false]);
    const check = installed.check as unknown as (c: unknown, p: string, o: string, d: object) => boolean;
    expect(check(null, 'media', 'file://', { requestingUrl: APP, mediaType: 'video' })).toBe(true);
    expect(check(null, 'media', 'file://', { requestingUrl: APP, mediaType: 'audio' })).toBe(false);
    const web = installed.web as unknown as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
    const cancels: boolean[] = [];
    web({ url: APP }, (r) => cancels.push(r.cancel));
    web({ url: 'https://tracker.example/p.gif' }, (r) => cancels.push(r.cancel));
    expect(cancels).toEqual([false, true]);
    expect(logged).toEqual(['permission refused', 'permission refused', 'request to remote content blocked']);
  });

  it('blocks navigation, redirects, webviews and window.open', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
    const contents: ContentsLike = {
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) => void listeners.set(event, listener),
      setWindowOpenHandler: (h) => void (openHandler = h),
    };
    hardenContents(contents, () => undefined);
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      listeners.get(event)?.({ preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    const handler = openHandler as ((d: { url: string }) => { action: 'deny' }) | null;
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('the renderer page carries a CSP that admits no remote script, object or base', () => {
    const html = readFileSync(join(ROOT, 'src-renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    for (const values of directives.values()) for (const v of values) expect(v).not.toMatch(/^https?:/);
  });
});

describe('port broker (webContents replaced; real MessagePorts)', () => {
  function contents(id: number) {
    const posted: Array<{ channel: string; ports: MessagePort[] }> = [];
    const sent: Array<{ channel: string; payload: unknown }> = [];
    const c: BrokerContents<MessagePort> = {
      id,
      isDestroyed: () => false,
      postMessage: (channel, _message, transfer) => void posted.push({ channel, ports: transfer }),
      send: (channel, payload) => void sent.push({ channel, payload }),
    };
    return { c, posted, sent };
  }

  it('gives app windows a port once the core runs, again after each restart, under a stable connection', () => {
    const attached: string[] = [];
    const broker = new PortBroker<MessagePort>({
      attach: (connection, port) => {
        attached.push(connection);
        cleanups.push(() => port.close());
        return true;
      },
      createChannel: () => new MessageChannel(),
      isAppUrl: isApp,
      log: () => undefined,
    });
    const w = contents(7);
    expect(broker.connect(w.c, APP)).toBe(true);
    expect(w.posted).toHaveLength(0);
    broker.coreState({ state: 'running', mode: 'training', display: 'windowed', dataDir: '/d', logFile: '/d/l', restarts: 0 });
    broker.coreState({ state: 'restarting', attempt: 1, delayMs: 500, exitCode: 9 });
    broker.coreState({ state: 'starting', attempt: 2 });
    broker.coreState({ state: 'running', mode: 'training', display: 'windowed', dataDir: '/d', logFile: '/d/l', restarts: 1 });
    expect(attached).toEqual(['window-7', 'window-7']);
    expect(w.posted.map((p) => [p.channel, p.ports.length])).toEqual([[PORT_CHANNEL, 1], [PORT_CHANNEL, 1]]);
    for (const p of w.posted) for (const port of p.ports) port.close();
    expect(w.sent.map((s) => s.channel)).toEqual(Array(4).fill(CORE_STATE_CHANNEL));
    expect(w.sent.map((s) => s.payload)).toEqual([
      { state: 'running', restarts: 0, retryInMs: null },
      { state: 'restarting', restarts: 1, retryInMs: 500 },
      { state: 'starting', restarts: 1, retryInMs: null },
      { state: 'running', restarts: 1, retryInMs: null },
    ]);
  });

  it('refuses a port to a frame that is not the app', () => {
    const logged: string[] = [];
    const broker = new PortBroker<MessagePort>({ attach: () => true, createChannel: () => new MessageChannel(), isAppUrl: isApp, log: (_l, m) => logged.push(m) });
    broker.coreState({ state: 'running', mode: 'training', display: 'windowed', dataDir: '/d', logFile: '/d/l', restarts: 0 });
    const w = contents(3);
    expect(broker.connect(w.c, 'https://evil.example/')).toBe(false);
    expect(w.posted).toHaveLength(0);
    expect(logged).toEqual(['port request from a frame that is not the app refused']);
  });
});

describe('renderer watchdog (window and webContents replaced)', () => {
  function watched() {
    const on = new Map<string, (...args: unknown[]) => void>();
    const reload = vi.fn();
    const logs: string[] = [];
    const target = { on: (event: string, l: (...args: never[]) => void) => void on.set(event, l as (...args: unknown[]) => void) };
    watchRenderer(target, { ...target, isDestroyed: () => false, reload }, { hangGraceMs: 5000, log: (_l, m) => logs.push(m) });
    return { on, reload, logs };
  }

  it('reloads a crashed renderer with a log entry; a clean exit is not a crash', () => {
    const { on, reload, logs } = watched();
    on.get('render-process-gone')?.({}, { reason: 'clean-exit', exitCode: 0 });
    expect(reload).not.toHaveBeenCalled();
    on.get('render-process-gone')?.({}, { reason: 'crashed', exitCode: 139 });
    expect(reload).toHaveBeenCalledOnce();
    expect(logs).toEqual(['renderer process gone; window reloaded (drafts are kept in the store)']);
  });

  it('reloads a renderer that stays hung past the grace period, not one that recovers', () => {
    vi.useFakeTimers();
    const { on, reload } = watched();
    on.get('unresponsive')?.();
    on.get('responsive')?.();
    vi.advanceTimersByTime(10_000);
    expect(reload).not.toHaveBeenCalled();
    on.get('unresponsive')?.();
    vi.advanceTimersByTime(10_000);
    expect(reload).toHaveBeenCalledOnce();
  });
});

describe('window state', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('comes back as saved, and is dropped when damaged or off every display', () => {
    const t = tempDir('ktp-window-');
    cleanups.push(t.remove);
    const file = join(t.dir, 'sub', 'window-state.json');
    expect(loadWindowState(file, [display])).toBeNull();
    saveWindowState(file, { x: 100, y: 50, width: 1280, height: 800, maximized: true });
    expect(loadWindowState(file, [display])).toEqual({ x: 100, y: 50, width: 1280, height: 800, maximized: true });
    expect(loadWindowState(file, [{ x: 5000, y: 0, width: 1920, height: 1080 }])).toBeNull();
    writeFileSync(file, '{"x": 1');
    expect(loadWindowState(file, [display])).toBeNull();
    writeFileSync(file, JSON.stringify({ x: 0, y: 0, width: 10, height: 10, maximized: false }));
    expect(loadWindowState(file, [display])).toBeNull();
    expect(() => saveWindowState(file, { x: 0, y: 0, width: 10, height: 10, maximized: false })).toThrow();
  });
});

describe('data key in main (safeStorage replaced)', () => {
  const fakeSafeStorage = (backend: string, available = true) => ({
    isEncryptionAvailable: () => available,
    encryptString: (text: string) => Buffer.from(`enc:${text}`),
    decryptString: (blob: Buffer) => blob.toString().replace(/^enc:/, ''),
    getSelectedStorageBackend: () => backend,
  });

  it('uses safeStorage, except the documented fallbacks: Linux basic_text or no encryption → key file', () => {
    expect(electronKeyProtector('linux', fakeSafeStorage('gnome_libsecret')).kind).toBe('safe-storage');
    expect(electronKeyProtector('linux', fakeSafeStorage('basic_text')).kind).toBe('key-file');
    expect(electronKeyProtector('win32', fakeSafeStorage('unknown', false)).kind).toBe('key-file');
    expect(electronKeyProtector('win32', fakeSafeStorage('unknown')).kind).toBe('safe-storage');
  });

  it('hands the core the same key every time, and a typed refusal when the key file is damaged', () => {
    const t = tempDir('ktp-key-');
    cleanups.push(t.remove);
    const protector = electronKeyProtector('linux', fakeSafeStorage('gnome_libsecret'));
    const first = provideDataKey(t.dir, protector);
    const again = provideDataKey(t.dir, protector);
    expect(first).toMatchObject({ ok: true, protection: 'safe-storage' });
    expect(again).toEqual(first);
    const keyFile = first.ok ? first.file : '';
    expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({ protection: 'safe-storage' });
    writeFileSync(keyFile, 'not json');
    expect(provideDataKey(t.dir, protector)).toMatchObject({ ok: false, error: { code: 'DATA_KEY_UNUSABLE', details: { reason: 'key-file-corrupt' } } });
    expect(readFileSync(keyFile, 'utf8')).toBe('not json');
  });
});

describe('flags forwarded to the core process', () => {
  it('passes --config and --data on, nothing else', () => {
    const argv = ['/usr/bin/electron', '/app', '--config', '/etc/ktp/station.config.json', '--inspect', '--data'];
    expect(flagValue(argv, '--config')).toBe('/etc/ktp/station.config.json');
    expect(flagValue(argv, '--data')).toBeUndefined();
    expect(coreArgs(argv)).toEqual(['--config', '/etc/ktp/station.config.json']);
  });
});
