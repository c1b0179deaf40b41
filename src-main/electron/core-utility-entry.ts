// Entry of the utilityProcess that runs the Station core (dist/main/core-utility.js). Adapts
// Electron's process.parentPort and MessagePortMain to the core's channel and ports.
import { runCore } from '../core/process/core-process.js';
import type { ConnectionMessage, CorePort } from '../core/process/protocol.js';
import { flagValue } from './flags.js';

interface PortMainLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}
interface ParentPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: PortMainLike[] }) => void): void;
}

// Read untyped: only a utilityProcess has it, whatever the global typings say.
const parentPort = Reflect.get(process, 'parentPort') as ParentPortLike | undefined;
if (parentPort === undefined) throw new Error('core-utility.js runs only as an Electron utilityProcess');
const control = parentPort;

function corePort(port: PortMainLike): CorePort {
  port.start();
  return {
    post: (message: ConnectionMessage) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data)),
    onClose: (listener) => port.on('close', listener),
    close: () => port.close(),
  };
}

const exit = await runCore({
  host: 'electron',
  dataKeyFromParent: true,
  boot: { configFlag: flagValue(process.argv, '--config'), dataFlag: flagValue(process.argv, '--data') },
  channel: {
    post: (message) => control.postMessage(message),
    onMessage: (listener) => control.on('message', (event) => listener(event.data, event.ports.map(corePort))),
  },
});
process.exit(exit);
