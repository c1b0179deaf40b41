import { describe, expect, it } from 'vitest';
import { TransportError } from '../../src-main/devices/transport.js';
import { IrisCamera, IrisCameraError } from '../../src-main/devices/iris/iris-camera.js';
import { simulatedIrisCamera } from '../../src-main/devices/iris/iris-camera-simulator.js';
import { syntheticIris } from '../../src-main/devices/iris/synthetic-iris.js';

async function connected() {
  const { transport, simulator } = simulatedIrisCamera();
  const camera = new IrisCamera(transport, { reportTimeoutMs: 200, captureTimeoutMs: 2000 });
  await camera.open();
  return { camera, transport, simulator };
}

describe('iris camera driver against its simulator (in-memory HID pipe: no /dev/uhid here)', () => {
  it('handshakes with model, serial, firmware and the image size', async () => {
    const { camera } = await connected();
    expect(await camera.handshake()).toEqual({ model: 'IRISCAM-M1', serial: 'SIMIRIS00001', firmware: '1.4.2', width: 640, height: 480 });
    await camera.close();
  });

  it('captures the exact image the camera took, block by block', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.scene = { LEFT: { occlusion: 0.3, seed: 5 } };
    const image = await camera.captureIris('LEFT');
    const expected = syntheticIris({ width: 640, height: 480, seed: 5, occlusion: 0.3 });
    expect(image.width).toBe(640);
    expect(image.height).toBe(480);
    expect(Buffer.from(image.pixels).equals(Buffer.from(expected.pixels))).toBe(true);
    expect(image.resends).toBe(0);
    await camera.close();
  });

  it('a corrupt block: RESEND, and the whole image arrives intact', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { corruptBlock: { index: 1234, times: 1 } };
    const image = await camera.captureIris('RIGHT');
    expect(image.resends).toBe(1);
    const expected = syntheticIris({ seed: 11 });
    expect(Buffer.from(image.pixels).equals(Buffer.from(expected.pixels))).toBe(true);
    await camera.close();
  });

  it('a transfer dropped mid-image: RESEND after the silence; still whole', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { dropAfterBlocks: { blocks: 2000, times: 1 } };
    const image = await camera.captureIris('RIGHT');
    expect(image.resends).toBe(1);
    expect(image.pixels.length).toBe(640 * 480);
    await camera.close();
  });

  it('an image that never arrives whole: IMAGE_INCOMPLETE, no partial image', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { corruptBlock: { index: 10, times: 99 } };
    const failed = await camera.captureIris('RIGHT').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(IrisCameraError);
    expect(failed).toMatchObject({ code: 'IMAGE_INCOMPLETE' });
    await camera.close();
  });

  it('garbage after the header is passed over', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { garbageAfterHeader: true };
    expect((await camera.captureIris('LEFT')).pixels.length).toBe(640 * 480);
    await camera.close();
  });

  it('the camera reports a failure: CAPTURE_FAILED naming it', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { failWith: 2 };
    await expect(camera.captureIris('LEFT')).rejects.toMatchObject({ code: 'CAPTURE_FAILED', details: { failure: 'EYE_CLOSED' } });
    await camera.close();
  });

  it('an image of the wrong size: WRONG_IMAGE_SIZE', async () => {
    const { camera, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { wrongSize: { width: 320, height: 240 } };
    await expect(camera.captureIris('LEFT')).rejects.toMatchObject({ code: 'WRONG_IMAGE_SIZE' });
    await camera.close();
  });

  it('a silent camera: TIMEOUT on the handshake', async () => {
    const { camera, simulator } = await connected();
    simulator.faults = { silent: true };
    await expect(camera.handshake()).rejects.toMatchObject({ name: 'TransportError', code: 'TIMEOUT' });
    await camera.close();
  });

  it('unplugged mid-image: DEVICE_GONE; plugged back, the transport reopens and captures', async () => {
    const { camera, transport, simulator } = await connected();
    await camera.handshake();
    simulator.faults = { vanishAfterBlocks: 500 };
    const failed = await camera.captureIris('RIGHT').catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(TransportError);
    expect(failed).toMatchObject({ code: 'DEVICE_GONE' });
    simulator.faults = {};
    transport.plugIn();
    await camera.open();
    await camera.handshake();
    expect((await camera.captureIris('RIGHT')).pixels.length).toBe(640 * 480);
    await camera.close();
  });
});
