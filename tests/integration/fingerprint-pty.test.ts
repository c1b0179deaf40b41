import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FingerPosition } from '../../src-main/contract/captures.js';
import type { FingerPosition as Finger } from '../../src-main/contract/captures.js';
import type { CallOutcome, DeviceStatus, EventMessage, FingerprintCaptureResult } from '../../src-main/contract/index.js';
import { statefulConnection } from '../../src-main/core/call-context.js';
import { regionDirectory } from '../../src-main/core/setup.js';
import { createStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station.js';
import { SerialTransport } from '../../src-main/devices/serial/serial-transport.js';
import { ridgePattern } from '../../src-main/sim/fingerprint/ridge-patterns.js';
import { FingerprintSimulator } from '../../src-main/sim/fingerprint/simulator.js';
import { demographicsFixture } from '../helpers/enrollment.js';
import { PtyPair } from '../helpers/pty.js';
import { silentLogger, tempDir, trainingSetup } from '../helpers/station.js';

const BAUD = 115200;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The sensor's side of the cable: the simulator on the pty's device end, reattached after a replug. */
class DeviceSide {
  readonly sim = new FingerprintSimulator({ baudRate: BAUD, packetSize: 256 });
  private transport: SerialTransport;
  constructor(private readonly path: string) {
    this.transport = new SerialTransport({ path, baudRate: BAUD });
  }
  async attach(): Promise<void> {
    await this.transport.close();
    this.transport = new SerialTransport({ path: this.path, baudRate: BAUD });
    await this.transport.open();
    this.sim.attach(this.transport);
  }
  async close(): Promise<void> {
    this.sim.detach();
    await this.transport.close();
  }
}

describe('ten fingers from the simulator over a real pty pair (socat)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('recovers from no-finger twice, one corrupt checksum and an unplug mid-image; stored images are the simulator’s bytes', async () => {
    const t = tempDir('ktp-fp-pty-');
    cleanups.push(t.remove);
    const pair = new PtyPair(t.dir);
    await pair.plugIn();
    cleanups.push(() => pair.unplug());
    const device = new DeviceSide(pair.device);
    await device.attach();
    cleanups.push(() => device.close());

    const base = trainingSetup(join(t.dir, 'data'));
    const setup = {
      ...base,
      profile: { ...base.profile, devices: [{ kind: 'fingerprint' as const, name: 'Sensor di pty', transport: { type: 'serial' as const, path: pair.station, baudRate: BAUD } }] },
    };
    const station: Station = createStation({
      setup,
      logger: silentLogger(),
      host: 'web',
      regions: await regionDirectory(),
      deviceOptions: { retryMs: 150, healthMs: 0, capture: { pollMs: 20 }, reconnectWaitMs: 15_000 },
    });
    cleanups.push(() => station.close());
    const states: string[] = [];
    const unsubscribe = station.events.subscribe((message: EventMessage) => {
      if (message.event === 'devices.changed') {
        const state = (message.payload as { devices: DeviceStatus[] }).devices[0]?.state;
        if (state !== undefined && states.at(-1) !== state) states.push(state);
      }
    });
    cleanups.push(unsubscribe);

    const window = statefulConnection('web');
    const call = (method: string, params: unknown): Promise<CallOutcome<unknown>> => station.dispatcher.dispatch(method, params, window);
    const ok = async <T>(method: string, params: unknown): Promise<T> => {
      const outcome = await call(method, params);
      if (!outcome.ok) throw new Error(`${method}: ${JSON.stringify(outcome.error)}`);
      return outcome.result as T;
    };
    await ok('session.startTraining', { role: 'operator' });
    const draft = await ok<{ id: string }>('enrollment.startDraft', { demographics: demographicsFixture() });

    const ready = async () => {
      for (let i = 0; i < 200; i += 1) {
        const { devices } = await ok<{ devices: DeviceStatus[] }>('devices.list', {});
        if (devices[0]?.state === 'SIAP') return devices[0];
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the sensor never became SIAP');
    };
    const first = await ready();
    expect(first.diagnostics).toMatchObject({ found: true, permission: true, handshake: true, serialNumber: 'address FFFFFFFF' });

    const served = new Map<Finger, string>();
    device.sim.events.onImageServed = (position, image) => served.set(position, sha(image));
    let unplugged = false;
    const results: FingerprintCaptureResult[] = [];
    for (const [index, position] of FingerPosition.options.entries()) {
      // The resident puts the finger the operator asks for on the glass.
      device.sim.placeFinger(position);
      if (index === 1) device.sim.inject('noFinger', 2);
      if (index === 2) device.sim.inject('corruptChecksum', 1);
      if (index === 4) {
        device.sim.events.onImagePacket = (packet) => {
          if (packet !== 60 || unplugged) return;
          unplugged = true;
          // The cable is pulled halfway through the image, and plugged back in a moment later.
          void (async () => {
            await pair.unplug();
            await new Promise((resolve) => setTimeout(resolve, 300));
            await pair.plugIn();
            await device.attach();
          })();
        };
      }
      results.push(await ok<FingerprintCaptureResult>('devices.captureFingerprint', { enrollmentId: draft.id, position }));
      device.sim.placeFinger(null);
    }

    expect(unplugged).toBe(true);
    expect(results.map((r) => r.retries)).toEqual([
      { noFinger: 0, uploads: 0, reconnects: 0 },
      { noFinger: 2, uploads: 0, reconnects: 0 },
      { noFinger: 0, uploads: 1, reconnects: 0 },
      { noFinger: 0, uploads: 0, reconnects: 0 },
      { noFinger: 0, uploads: 0, reconnects: 1 },
      ...Array.from({ length: 5 }, () => ({ noFinger: 0, uploads: 0, reconnects: 0 })),
    ]);
    const view = await ok<{ captures: Array<{ position: string; attempt: number; chosen: boolean; sha256: string }> }>('enrollment.get', { id: draft.id });
    const fingers = view.captures.filter((c) => FingerPosition.options.includes(c.position as Finger));
    expect(fingers).toHaveLength(10);
    for (const position of FingerPosition.options) {
      const stored = await ok<{ base64: string; width: number; height: number }>('enrollment.captureImage', { id: draft.id, modality: 'FINGER', position, attempt: 1 });
      const bytes = Buffer.from(stored.base64, 'base64');
      // The simulator reports a transfer served once its last write has drained, which on a pty
      // can be after the station already read, checked and stored the image.
      await expect.poll(() => served.get(position), { message: position }).toBe(sha(bytes));
      expect(sha(bytes)).toBe(sha(ridgePattern(position)));
      expect([stored.width, stored.height]).toEqual([256, 288]);
    }
    const after = await ready();
    expect(after.diagnostics.reconnects).toBe(1);
    expect(states).toContain('TIDAK_TERHUBUNG');
    expect(states).toContain('SIBUK');
  }, 180_000);
});
