// runCore in this thread with the booted station replaced by a gated stand-in (its dispatcher
// answers only when the test releases it), so "shutdown waits for the call in flight" is shown
// by order of events, not by timing. The ports are real worker_threads MessagePorts.
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../src-main/contract/index.js';
import type { BootOptions, BootedStation } from '../../src-main/core/boot.js';
import { EventBus } from '../../src-main/core/event-bus.js';
import { nodeCorePort } from '../../src-main/core/process/node-ports.js';
import { runCore } from '../../src-main/core/process/core-process.js';
import type { ControlChannel, CoreMessage, CorePort } from '../../src-main/core/process/protocol.js';
import { WindowCoreClient } from '../../src-main/core/process/window-client.js';
import { silentLogger, trainingSetup } from '../helpers/station.js';

function gatedStation() {
  const gates: Array<() => void> = [];
  const order: string[] = [];
  const events = new EventBus();
  const booted = {
    setup: trainingSetup('/nonexistent/ktp-unit'),
    logFile: '/nonexistent/ktp-unit/station.log',
    station: {
      logger: silentLogger(),
      events,
      dispatcher: {
        dispatch: (method: string): Promise<CallOutcome<unknown>> =>
          new Promise((resolve) => {
            order.push(`call ${method}`);
            gates.push(() => resolve({ ok: true, result: { method } }));
          }),
      },
    },
    shutdown: () => {
      order.push('station closed');
      return Promise.resolve();
    },
  } as unknown as BootedStation;
  return { booted, gates, order, events };
}

function controlPair() {
  const fromCore: CoreMessage[] = [];
  let deliver: (data: unknown, ports: readonly CorePort[]) => void = () => undefined;
  const channel: ControlChannel = {
    post: (message) => fromCore.push(message),
    onMessage: (listener) => {
      deliver = listener;
    },
  };
  return { channel, fromCore, send: (data: unknown, ports: CorePort[] = []) => deliver(data, ports) };
}

describe('runCore (booted station replaced by a gated stand-in)', () => {
  it('refuses new calls once shutdown arrives, answers the one in flight, then closes the station', async () => {
    const { booted, gates, order } = gatedStation();
    const control = controlPair();
    const seen: BootOptions[] = [];
    const exit = runCore({
      channel: control.channel,
      host: 'electron',
      boot: { configFlag: undefined, dataFlag: '/data' },
      dataKeyFromParent: false,
      bootStation: (options) => {
        seen.push(options);
        return Promise.resolve(booted);
      },
    });
    const channel = new MessageChannel();
    control.send({ kind: 'attach', connection: 'w1' }, [nodeCorePort(channel.port2)]);
    const client = new WindowCoreClient();
    client.attach(channel.port1);
    await expect.poll(() => control.fromCore.map((m) => m.kind)).toContain('ready');
    expect(seen[0]).toMatchObject({ host: 'electron', dataFlag: '/data' });
    expect(seen[0]?.provideDataKey).toBeUndefined();

    const commit = client.call('enrollment.commit', { id: 'x' });
    await expect.poll(() => order).toEqual(['call enrollment.commit']);
    control.send({ kind: 'shutdown' });
    expect(await client.call('station.info', {})).toMatchObject({ ok: false, error: { code: 'CORE_UNAVAILABLE', details: { reason: 'stopping' } } });
    expect(control.fromCore.map((m) => m.kind)).not.toContain('stopped');
    expect(order).not.toContain('station closed');

    gates[0]?.();
    expect(await commit).toEqual({ ok: true, result: { method: 'enrollment.commit' } });
    expect(await exit).toBe(0);
    expect(order).toEqual(['call enrollment.commit', 'station closed']);
    expect(control.fromCore.at(-1)).toEqual({ kind: 'stopped', finishedCalls: 1 });
  });

  it('asks the parent for the data key when told to, and reports a refusal as boot-failed', async () => {
    const control = controlPair();
    const exit = runCore({
      channel: control.channel,
      host: 'electron',
      boot: {},
      dataKeyFromParent: true,
      bootStation: async (options) => {
        await options.provideDataKey?.('/data/training');
        throw new Error('unreachable: the key was refused');
      },
    });
    await expect.poll(() => control.fromCore).toEqual([{ kind: 'data-key-request', dataDir: '/data/training' }]);
    control.send({ kind: 'data-key', outcome: { ok: false, error: { code: 'DATA_KEY_UNUSABLE', message: { id: 'kunci', en: 'key' }, details: { reason: 'key-unprotect-failed' } } } });
    expect(await exit).toBe(2);
    expect(control.fromCore.at(-1)).toMatchObject({ kind: 'boot-failed', error: { code: 'DATA_KEY_UNUSABLE', details: { reason: 'key-unprotect-failed' } } });
  });

  it('drops malformed control messages and attach without a port', async () => {
    const { booted, gates } = gatedStation();
    const control = controlPair();
    const exit = runCore({ channel: control.channel, host: 'electron', boot: {}, dataKeyFromParent: false, bootStation: () => Promise.resolve(booted) });
    await expect.poll(() => control.fromCore.map((m) => m.kind)).toContain('ready');
    control.send({ kind: 'explode' });
    control.send({ kind: 'attach', connection: 'w1' });
    control.send({ kind: 'shutdown' });
    expect(await exit).toBe(0);
    expect(gates).toHaveLength(0);
  });
});
