import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { captureFinger } from '../../src-main/devices/fingerprint/capture-finger.js';
import { encodePacket, IMAGE_BYTES, PacketId } from '../../src-main/devices/fingerprint/packet.js';
import { FingerprintSensor } from '../../src-main/devices/fingerprint/sensor.js';
import { SensorError } from '../../src-main/devices/fingerprint/sensor-error.js';
import { MemoryLink } from '../../src-main/devices/memory-transport.js';
import { ridgePattern } from '../../src-main/sim/fingerprint/ridge-patterns.js';
import { FingerprintSimulator } from '../../src-main/sim/fingerprint/simulator.js';

// The simulator stands in for the sensor over an in-memory pipe (the pty runs are in
// tests/integration/fingerprint-pty.test.ts): same bytes, no pacing.
async function rig(options: { password?: number } = {}) {
  const link = new MemoryLink('mem:fingerprint');
  const sim = new FingerprintSimulator({ baudRate: null, packetSize: 128, ...(options.password === undefined ? {} : { password: options.password }) });
  await link.device.open();
  sim.attach(link.device);
  await link.host.open();
  const sensor = new FingerprintSensor(link.host, { ackTimeoutMs: 300, packetTimeoutMs: 300, quietMs: 40 });
  return { link, sim, sensor };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('fingerprint sensor driver against the simulator (in-memory pipe)', () => {
  it('identifies the sensor: handshake, password, system parameters', async () => {
    const { sensor } = await rig();
    const info = await sensor.identify();
    expect(info.parameters.packetSizeBytes).toBe(128);
    expect(info.parameters.baudRate).toBe(57600);
    expect(info.serialNumber).toContain('FFFFFFFF');
  });

  it('a wrong password is a confirm fault naming WRONG_PASSWORD', async () => {
    const { sensor } = await rig({ password: 1234 });
    const error = await sensor.identify().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SensorError);
    expect((error as SensorError).fault).toMatchObject({ kind: 'confirm', step: 'password', confirm: { name: 'WRONG_PASSWORD' } });
  });

  it('captures a finger after no-finger answers and a corrupt checksum, bytes identical to the fixture', async () => {
    const { sim, sensor } = await rig();
    await sensor.identify();
    sim.placeFinger('LEFT_RING');
    sim.inject('noFinger', 2);
    sim.inject('corruptChecksum', 1);
    const retries: string[] = [];
    const result = await captureFinger(sensor, { pollMs: 1, onRetry: (r) => retries.push(`${r.step}:${r.reason}`) });
    expect(result.image.length).toBe(IMAGE_BYTES);
    expect(sha(result.image)).toBe(sha(ridgePattern('LEFT_RING')));
    expect(result.noFingerPolls).toBe(2);
    expect(result.uploadAttempts).toBe(2);
    expect(retries).toEqual(['capture:NO_FINGER', 'capture:NO_FINGER', 'upload:bad-checksum']);
  });

  it('a transfer that stops halfway is retried; a sensor gone silent is a TIMEOUT fault', async () => {
    const { sim, sensor } = await rig();
    sim.placeFinger('RIGHT_THUMB');
    sim.inject('dropMidImage', 1);
    const result = await captureFinger(sensor, { pollMs: 1 });
    expect(sha(result.image)).toBe(sha(ridgePattern('RIGHT_THUMB')));
    expect(result.uploadAttempts).toBe(2);
    sim.inject('silent', Infinity);
    const error = await captureFinger(sensor, { pollMs: 1, captureRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SensorError);
    expect((error as SensorError).fault).toMatchObject({ kind: 'transport', error: { code: 'TIMEOUT' } });
  });

  it('no finger for the whole wait is NO_FINGER with the operator message', async () => {
    const { sensor } = await rig();
    const error = await captureFinger(sensor, { pollMs: 1, maxPolls: 3 }).catch((e: unknown) => e);
    expect((error as SensorError).fault).toMatchObject({ kind: 'confirm', confirm: { name: 'NO_FINGER' } });
    expect((error as SensorError).message).toMatch(/finger/);
  });

  it('a simulator at another baud rate sends only noise: the driver times out, then recovers at the right rate', async () => {
    const { sim, sensor } = await rig();
    sim.changeBaud(9600);
    const error = await sensor.identify().catch((e: unknown) => e);
    expect((error as SensorError).fault).toMatchObject({ kind: 'transport', error: { code: 'TIMEOUT' } });
    sim.changeBaud(null);
    await sensor.settle();
    await expect(sensor.identify()).resolves.toMatchObject({ parameters: { baudRate: 57600 } });
  });

  it('an unplugged cable mid-image is DEVICE_GONE, not retried, and nothing is returned', async () => {
    const { link, sim, sensor } = await rig();
    sim.placeFinger('LEFT_THUMB');
    sim.events.onImagePacket = (index) => {
      if (index === 100) link.unplug();
    };
    const error = await captureFinger(sensor, { pollMs: 1 }).catch((e: unknown) => e);
    expect((error as SensorError).fault).toMatchObject({ kind: 'transport', error: { code: 'DEVICE_GONE' } });
    expect((error as SensorError).retrySafe).toBe(false);
  });

  it('an image of the wrong size is refused as corrupt (image-size)', async () => {
    const link = new MemoryLink('mem:short');
    await link.device.open();
    await link.host.open();
    const sensor = new FingerprintSensor(link.host, { ackTimeoutMs: 300, packetTimeoutMs: 300 });
    // A hand-made device side: acknowledges UpImage, then sends only two data packets.
    void (async () => {
      await link.device.read(1000);
      await link.device.write(encodePacket({ address: 0xffffffff, id: PacketId.Ack, payload: Uint8Array.of(0) }));
      await link.device.write(encodePacket({ address: 0xffffffff, id: PacketId.Data, payload: new Uint8Array(128) }));
      await link.device.write(encodePacket({ address: 0xffffffff, id: PacketId.EndData, payload: new Uint8Array(128) }));
    })();
    const error = await sensor.upImage().catch((e: unknown) => e);
    expect((error as SensorError).fault).toMatchObject({ kind: 'corrupt', reason: 'image-size' });
  });
});
