// The Electron binary is not available on this machine: ipcMain and webContents are replaced by
// in-memory stand-ins implementing only the narrow interfaces the bridge declares.
import { afterEach, describe, expect, it } from 'vitest';
import type { CallOutcome, EventMessage } from '../../src-main/contract/index.js';
import { wireBridge } from '../../src-main/electron/bridge.js';
import type { InvokeEventLike, IpcMainLike, WebContentsLike } from '../../src-main/electron/bridge.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../src-main/electron/ipc-channels.js';
import { tempDir, trainingStation } from '../helpers/station.js';

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<CallOutcome<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => {
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      handlers.delete(channel);
    },
  };
  const invoke = (senderId: number, url: string, method: unknown, params: unknown) => {
    const handler = handlers.get(CALL_CHANNEL);
    if (handler === undefined) throw new Error('no handler');
    return handler({ sender: { id: senderId }, senderFrame: { url } }, method, params);
  };
  return { ipc, handlers, invoke };
}

const APP = 'file:///opt/ktp-station/resources/app/dist/renderer/index.html';

describe('Electron bridge (ipcMain replaced: no Electron binary here)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });

  async function setup() {
    const { dir, remove } = tempDir();
    cleanups.push(remove);
    const station = await trainingStation(dir);
    const { ipc, handlers, invoke } = fakeIpcMain();
    const sent: Array<{ id: number; channel: string; message: EventMessage }> = [];
    const windows: WebContentsLike[] = [1, 2].map((id) => ({
      id,
      isDestroyed: () => false,
      send: (channel: string, message: EventMessage) => sent.push({ id, channel, message }),
    }));
    const unwire = wireBridge({
      ipcMain: ipc,
      station,
      isTrustedUrl: (url) => url.startsWith('file:///opt/ktp-station/resources/app/dist/renderer'),
      windows: () => windows,
    });
    return { station, handlers, invoke, sent, unwire };
  }

  it('carries calls to the same dispatcher the web host uses', async () => {
    const { invoke } = await setup();
    expect(await invoke(1, APP, 'station.info', {})).toMatchObject({ ok: true, result: { stationId: 'PELATIHAN-01' } });
    expect(await invoke(1, APP, 'nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('keeps one operator session per window', async () => {
    const { invoke } = await setup();
    await invoke(1, APP, 'session.startTraining', { role: 'supervisor' });
    expect(await invoke(1, APP, 'session.current', {})).toMatchObject({ ok: true, result: { operator: { role: 'supervisor' } } });
    expect(await invoke(2, APP, 'session.current', {})).toEqual({ ok: true, result: null });
  });

  it('refuses calls from frames that are not the app', async () => {
    const { invoke } = await setup();
    expect(await invoke(1, 'https://evil.example/', 'station.info', {})).toMatchObject({
      ok: false,
      error: { code: 'ORIGIN_NOT_ALLOWED' },
    });
    expect(await invoke(1, APP, 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('sends station events to every window on the event channel, and unwires cleanly', async () => {
    const { station, sent, unwire, handlers } = await setup();
    station.events.emit('status.changed', station.status());
    expect(sent.map((s) => [s.id, s.channel, s.message.event])).toEqual([
      [1, EVENT_CHANNEL, 'status.changed'],
      [2, EVENT_CHANNEL, 'status.changed'],
    ]);
    unwire();
    station.events.emit('status.changed', station.status());
    expect(sent).toHaveLength(2);
    expect(handlers.has(CALL_CHANNEL)).toBe(false);
  });
});
