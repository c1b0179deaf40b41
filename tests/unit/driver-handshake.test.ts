import { describe, expect, it } from 'vitest';
import { describeConfirm } from '../../src-main/devices/fingerprint/confirm-codes.js';
import { SensorError } from '../../src-main/devices/fingerprint/sensor-error.js';
import { simulatedIrisCamera } from '../../src-main/devices/iris/iris-camera-simulator.js';
import { irisCameraProfile } from '../../src-main/devices/iris/profile.js';
import { SignaturePadError } from '../../src-main/devices/signature/signature-pad.js';
import { simulatedSignaturePad } from '../../src-main/devices/signature/signature-pad-simulator.js';
import { signaturePadProfile } from '../../src-main/devices/signature/profile.js';
import { TransportError } from '../../src-main/devices/transport.js';
import { handshakeFaultOf, handshakeFaultOfCode, probeWithProfile } from '../../src-main/diagnostics/driver-handshake.js';

describe('driver handshakes in the diagnosis vocabulary', () => {
  it('maps transport faults, a refused password and a device speaking another protocol', () => {
    expect(handshakeFaultOf(new TransportError('TIMEOUT', '/dev/ttyUSB0', 'no answer'))).toMatchObject({ code: 'TIMEOUT' });
    const wrongPassword = new SensorError({ kind: 'confirm', step: 'password', confirm: describeConfirm(0x13) });
    expect(handshakeFaultOf(wrongPassword)).toMatchObject({ code: 'WRONG_PASSWORD' });
    expect(handshakeFaultOf(new SensorError({ kind: 'corrupt', step: 'handshake', reason: 'bad-checksum', detail: 'bad sum' }))).toMatchObject({ code: 'PROTOCOL_ERROR' });
    expect(handshakeFaultOf(new SignaturePadError('PROTOCOL', 'garbled capability'))).toMatchObject({ code: 'PROTOCOL_ERROR', detail: expect.stringContaining('PROTOCOL') });
    expect(handshakeFaultOf('something odd')).toMatchObject({ code: 'PROTOCOL_ERROR' });
  });

  it('maps the device manager\'s last error codes', () => {
    expect(handshakeFaultOfCode('PORT_MISSING')).toBe('PORT_MISSING');
    expect(handshakeFaultOfCode('HANDSHAKE_TIMEOUT')).toBe('TIMEOUT');
    expect(handshakeFaultOfCode('HANDSHAKE_WRONG_PASSWORD')).toBe('WRONG_PASSWORD');
    expect(handshakeFaultOfCode('HANDSHAKE_PROTOCOL')).toBe('PROTOCOL_ERROR');
  });

  it('probes a device with its profile (in-memory HID pipes: no /dev/uhid here), closing it again either way', async () => {
    const pad = simulatedSignaturePad();
    const answered = await probeWithProfile(signaturePadProfile(), pad.transport, 1000);
    expect(answered).toMatchObject({ ok: true, identity: { serial: 'SIM540000001', firmware: '2.11' } });
    expect(pad.transport.isOpen).toBe(false);

    const camera = simulatedIrisCamera();
    camera.simulator.faults = { silent: true };
    const silent = await probeWithProfile(irisCameraProfile(), camera.transport, 400);
    expect(silent).toMatchObject({ ok: false, code: 'TIMEOUT' });
    expect(camera.transport.isOpen).toBe(false);

    const unplugged = simulatedIrisCamera();
    unplugged.transport.unplug();
    expect(await probeWithProfile(irisCameraProfile(), unplugged.transport, 400)).toMatchObject({ ok: false, code: 'PORT_MISSING' });
  });
});
