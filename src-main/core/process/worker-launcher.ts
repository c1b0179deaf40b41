import { Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { CoreChild } from './core-supervisor.js';
import type { ParentMessage } from './protocol.js';

export interface WorkerCoreOptions {
  /** The built worker entry (dist/main/core-worker.js). */
  entry: string;
  /** `--config` / `--data` as the shell received them. */
  configFlag?: string | undefined;
  dataFlag?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/** What the worker entry reads from workerData. */
export interface CoreWorkerData {
  configFlag: string | null;
  dataFlag: string | null;
}

/**
 * The Station core in a Node worker thread: the plain-Node counterpart of Electron's
 * utilityProcess, with real transferable MessagePorts. The control envelope is
 * `{ data, ports }` so that the core sees ports beside the message, as Electron delivers them.
 */
export function launchCoreWorker(options: WorkerCoreOptions): CoreChild<MessagePort> {
  const workerData: CoreWorkerData = { configFlag: options.configFlag ?? null, dataFlag: options.dataFlag ?? null };
  const worker = new Worker(options.entry, { workerData, env: options.env ?? process.env, stdout: false, stderr: false });
  const send = (message: ParentMessage, ports: MessagePort[] = []) => worker.postMessage({ data: message, ports }, ports);
  return {
    send: (message) => send(message),
    attach: (connection, port) => send({ kind: 'attach', connection }, [port]),
    onMessage: (listener) => {
      worker.on('message', listener);
    },
    onExit: (listener) => {
      worker.on('exit', (code) => listener(code));
    },
    kill: () => {
      void worker.terminate();
    },
  };
}
