import type { MessagePort } from 'node:worker_threads';
import type { ConnectionMessage, CorePort } from './protocol.js';

/** A worker_threads MessagePort as the core sees a window's port. */
export function nodeCorePort(port: MessagePort): CorePort {
  return {
    post: (message: ConnectionMessage) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', listener);
    },
    onClose: (listener) => {
      port.on('close', listener);
    },
    close: () => port.close(),
  };
}
