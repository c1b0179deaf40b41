import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src-main/devices/transport.js';
import { classifyHidError, hidFaultText, hidTransportError, WACOM_UDEV_RULE } from '../../src-main/devices/hid/hid-errors.js';
import { MemoryHidPipe } from '../../src-main/devices/hid/memory-hid-pipe.js';
import { NodeHidTransport } from '../../src-main/devices/hid/node-hid-transport.js';

describe('node-hid transport (real node-hid; no HID device is attached on this machine)', () => {
  it('a path that does not exist: PORT_MISSING, and read/write refuse with CLOSED', async () => {
    const transport = new NodeHidTransport({ path: '/dev/hidraw-ktp-missing' });
    const error = await transport.open().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ code: 'PORT_MISSING', path: '/dev/hidraw-ktp-missing' });
    expect(transport.isOpen).toBe(false);
    await expect(transport.read(10)).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(transport.write(Uint8Array.of(1))).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('vendor and product ids with nothing attached: PORT_MISSING naming the ids', async () => {
    const transport = new NodeHidTransport({ vendorId: 0x056a, productId: 0x00a8 });
    await expect(transport.open()).rejects.toMatchObject({ code: 'PORT_MISSING', path: 'hid:056a:00a8' });
  });
});

describe('node-hid error mapping', () => {
  it.each([
    [{ message: 'cannot open device with path /dev/hidraw3' }, 'open', { listed: false }, 'PORT_MISSING'],
    [{ message: 'cannot open device with path /dev/hidraw3' }, 'open', { listed: true, accessDenied: true }, 'PERMISSION_DENIED'],
    [{ message: 'Failed to open: Permission denied' }, 'open', {}, 'PERMISSION_DENIED'],
    [Object.assign(new Error('open failed'), { code: 'EBUSY' }), 'open', {}, 'PORT_BUSY'],
    [{ message: 'could not read from HID device' }, 'io', {}, 'DEVICE_GONE'],
    [{ message: 'Cannot write to hid device' }, 'io', {}, 'DEVICE_GONE'],
    [{ message: 'something odd' }, 'io', {}, 'IO_ERROR'],
  ] as const)('%o during %s → %s', (thrown, phase, facts, code) => {
    const error = new Error(thrown.message);
    if ('code' in thrown) Object.assign(error, { code: thrown.code });
    expect(classifyHidError(error, phase, facts)).toBe(code);
    expect(hidTransportError(error, '/dev/hidraw3', phase, facts)).toMatchObject({ code, path: '/dev/hidraw3' });
  });

  it('PERMISSION_DENIED tells the technician the udev rule, in both languages', () => {
    const text = hidFaultText('PERMISSION_DENIED', '/dev/hidraw3', 0x056a);
    expect(text.en).toContain(WACOM_UDEV_RULE);
    expect(text.id).toContain(WACOM_UDEV_RULE);
    expect(text.id).toContain('plugdev');
    expect(hidFaultText('PERMISSION_DENIED', '/dev/hidraw3', 0x1234).en).toContain('ATTRS{idVendor}=="1234"');
  });
});

describe('in-memory HID pipe (no /dev/uhid here)', () => {
  function echoPipe() {
    const pipe = new MemoryHidPipe('test-pipe');
    const seen: Uint8Array[] = [];
    pipe.attach({
      onOutputReport: (r) => {
        seen.push(r);
        pipe.sendInputReport(Uint8Array.of(0x42, ...r.subarray(1)));
      },
      onGetFeature: (id, length) => new Uint8Array(length).fill(id),
      onSetFeature: (r) => seen.push(r),
    });
    return { pipe, seen };
  }

  it('one written report comes back as one read chunk; features go both ways', async () => {
    const { pipe, seen } = echoPipe();
    await pipe.open();
    await pipe.write(Uint8Array.of(1, 2, 3));
    expect([...(await pipe.read(100))]).toEqual([0x42, 2, 3]);
    expect([...(await pipe.getFeatureReport(9, 4))]).toEqual([9, 9, 9, 9]);
    await pipe.sendFeatureReport(Uint8Array.of(0x20, 0));
    expect(seen.map((r) => [...r])).toEqual([[1, 2, 3], [0x20, 0]]);
    await pipe.close();
  });

  it('read times out with TIMEOUT; discardInput drops what was not read', async () => {
    const { pipe } = echoPipe();
    await pipe.open();
    await expect(pipe.read(20)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await pipe.write(Uint8Array.of(1));
    await Promise.resolve();
    pipe.discardInput();
    await expect(pipe.read(20)).rejects.toMatchObject({ code: 'TIMEOUT' });
    await pipe.close();
  });

  it('unplug: a waiting read fails DEVICE_GONE, listeners hear it, open fails PORT_MISSING until plugged in', async () => {
    const { pipe } = echoPipe();
    const heard: string[] = [];
    pipe.onDisconnect((e) => heard.push(e.code));
    await pipe.open();
    const waiting = pipe.read(1000);
    pipe.unplug();
    await expect(waiting).rejects.toMatchObject({ code: 'DEVICE_GONE' });
    await expect(pipe.read(10)).rejects.toMatchObject({ code: 'DEVICE_GONE' });
    expect(heard).toEqual(['DEVICE_GONE']);
    await expect(pipe.open()).rejects.toMatchObject({ code: 'PORT_MISSING' });
    pipe.plugIn();
    await pipe.open();
    await pipe.write(Uint8Array.of(7));
    expect([...(await pipe.read(100))]).toEqual([0x42]);
    await pipe.close();
    await expect(pipe.read(10)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('refuses an empty report with IO_ERROR and keeps working', async () => {
    const { pipe } = echoPipe();
    await pipe.open();
    await expect(pipe.write(new Uint8Array(0))).rejects.toMatchObject({ code: 'IO_ERROR' });
    await pipe.write(Uint8Array.of(5, 6));
    expect([...(await pipe.read(100))]).toEqual([0x42, 6]);
    await pipe.close();
  });
});
