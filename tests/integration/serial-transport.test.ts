import { afterEach, describe, expect, it } from 'vitest';
import { SerialTransport } from '../../src-main/devices/serial/serial-transport.js';
import { TransportError } from '../../src-main/devices/transport.js';
import { classifyOpenError, describeTransportFault, udevRule } from '../../src-main/devices/transport-errors.js';
import { PtyPair } from '../helpers/pty.js';
import { tempDir } from '../helpers/station.js';

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error: unknown) {
    return error instanceof TransportError ? error.code : `untyped: ${String(error)}`;
  }
}

describe('serial transport on a real pty pair (socat)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('port missing, port busy, device gone mid-read, reconnect after replug on the same path', async () => {
    const t = tempDir('ktp-serial-');
    cleanups.push(t.remove);
    const pair = new PtyPair(t.dir);
    const station = new SerialTransport({ path: pair.station, baudRate: 57600 });
    cleanups.push(() => station.close());
    expect(await code(station.open())).toBe('PORT_MISSING');

    await pair.plugIn();
    cleanups.push(() => pair.unplug());
    const device = new SerialTransport({ path: pair.device, baudRate: 57600 });
    cleanups.push(() => device.close());
    await station.open();
    await device.open();
    expect(await code(new SerialTransport({ path: pair.station, baudRate: 57600 }).open())).toBe('PORT_BUSY');

    await device.write(Uint8Array.of(0xef, 0x01, 0x02));
    expect(Array.from(await station.read(2000))).toEqual([0xef, 0x01, 0x02]);
    expect(await code(station.read(50))).toBe('TIMEOUT');

    const heard: string[] = [];
    station.onDisconnect((error) => heard.push(error.code));
    const waiting = code(station.read(5000));
    await pair.unplug();
    expect(await waiting).toBe('DEVICE_GONE');
    expect(heard).toEqual(['DEVICE_GONE']);
    expect(station.isOpen).toBe(false);
    expect(await code(station.write(Uint8Array.of(1)))).toBe('DEVICE_GONE');
    expect(await code(station.open())).toBe('PORT_MISSING');

    await pair.plugIn();
    await device.close();
    await device.open();
    await station.open();
    await device.write(Uint8Array.of(7));
    expect(Array.from(await station.read(2000))).toEqual([7]);
  });

  it('a permission error names the dialout group and the exact udev rule (classified from the OS message)', () => {
    const error = classifyOpenError(new Error('Error: Permission denied, cannot open /dev/ttyUSB0'), '/dev/ttyUSB0', { vendorId: 0x10c4, productId: 0xea60 });
    expect(error.code).toBe('PERMISSION_DENIED');
    expect(error.message).toContain('usermod -aG dialout');
    expect(error.message).toContain('ATTRS{idVendor}=="10c4", ATTRS{idProduct}=="ea60"');
    expect(udevRule()).toBe('SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*", MODE="0660", GROUP="dialout"');
    for (const c of ['PORT_MISSING', 'PERMISSION_DENIED', 'PORT_BUSY', 'DEVICE_GONE', 'TIMEOUT', 'CLOSED', 'IO_ERROR'] as const) {
      const text = describeTransportFault(c, '/dev/ttyUSB0');
      expect(text.id.length).toBeGreaterThan(20);
      expect(text.en.length).toBeGreaterThan(20);
      expect(text.id).not.toBe(text.en);
    }
  });
});
