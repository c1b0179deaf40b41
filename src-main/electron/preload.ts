// Sandboxed preload: only `electron`'s renderer half is available here. It exposes exactly two
// functions on window.station and nothing else of Node or Electron.
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { CallOutcome, EventMessage, StationTransport } from '../contract/index.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';

const bridge: StationTransport = {
  call: (method: string, params: unknown) =>
    ipcRenderer.invoke(CALL_CHANNEL, method, params) as Promise<CallOutcome<unknown>>,
  on: (event: string, handler: (payload: unknown) => void) => {
    const listener = (_event: IpcRendererEvent, message: EventMessage) => {
      if (message.event === event) handler(message.payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('station', bridge);
