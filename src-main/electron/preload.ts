// Sandboxed preload: only `electron`'s renderer half is available here. It asks main for a port
// to the Station core, and exposes exactly two functions on window.station: call and on.
import { contextBridge, ipcRenderer } from 'electron';
import type { EventPayload, StationTransport } from '../contract/index.js';
import { WindowCoreClient } from '../core/process/window-client.js';
import { CONNECT_CHANNEL, CORE_STATE_CHANNEL, PORT_CHANNEL } from './ipc-channels.js';

const client = new WindowCoreClient();

ipcRenderer.on(PORT_CHANNEL, (event) => {
  const port = event.ports[0];
  if (port !== undefined) client.attach(port);
});
ipcRenderer.on(CORE_STATE_CHANNEL, (_event, notice: EventPayload<'core.state'>) => {
  if (notice.state !== 'running' && notice.state !== 'starting') client.detach(notice.state);
  client.emit('core.state', notice);
});
ipcRenderer.send(CONNECT_CHANNEL);

const bridge: StationTransport = {
  call: (method: string, params: unknown) => client.call(method, params),
  on: (event: string, handler: (payload: unknown) => void) => client.on(event, handler),
};

contextBridge.exposeInMainWorld('station', bridge);
