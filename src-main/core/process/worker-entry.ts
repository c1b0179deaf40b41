// The Station core in a Node worker thread (see worker-launcher.ts). Built to dist/main/core-worker.js.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { runCore } from './core-process.js';
import { nodeCorePort } from './node-ports.js';
import type { CoreWorkerData } from './worker-launcher.js';

if (isMainThread || parentPort === null) throw new Error('core-worker.js runs only as a worker thread');
const control = parentPort;
const data = workerData as CoreWorkerData;

const exit = await runCore({
  host: 'electron',
  dataKeyFromParent: false,
  boot: { configFlag: data.configFlag ?? undefined, dataFlag: data.dataFlag ?? undefined },
  channel: {
    post: (message) => control.postMessage(message),
    onMessage: (listener) => {
      control.on('message', (envelope: { data?: unknown; ports?: MessagePort[] }) => {
        listener(envelope.data, (envelope.ports ?? []).map(nodeCorePort));
      });
    },
  },
});
process.exit(exit);
