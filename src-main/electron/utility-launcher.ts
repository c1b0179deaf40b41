// The Station core in an Electron utilityProcess: its own OS process with Node, so synchronous
// SQLite and image work never block the window. The one file that calls utilityProcess.fork.
import { utilityProcess } from 'electron';
import type { MessagePortMain } from 'electron';
import type { CoreChild } from '../core/process/core-supervisor.js';

export function launchCoreUtility(entry: string, args: string[]): CoreChild<MessagePortMain> {
  const child = utilityProcess.fork(entry, args, { serviceName: 'KTP Station core', stdio: 'inherit' });
  return {
    send: (message) => child.postMessage(message),
    attach: (connection, port) => child.postMessage({ kind: 'attach', connection }, [port]),
    onMessage: (listener) => {
      child.on('message', (data: unknown) => listener(data));
    },
    onExit: (listener) => {
      child.on('exit', (code) => listener(code));
    },
    kill: () => {
      child.kill();
    },
  };
}
