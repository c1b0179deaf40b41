import type { DeviceProfile, DeviceSession, SimulatedDevice } from '../device-profile.js';
import { isHidReportTransport } from '../hid/hid-report-transport.js';
import type { DeviceTransport } from '../transport.js';
import { TransportError } from '../transport.js';
import { IrisCamera } from './iris-camera.js';
import { simulatedIrisCamera } from './iris-camera-simulator.js';

/** A connected iris camera. */
export class IrisCameraSession implements DeviceSession {
  constructor(
    readonly camera: IrisCamera,
    readonly model: string,
    readonly size: { width: number; height: number },
    private readonly info: { firmware: string; serial: string },
  ) {}

  get identity() {
    return { firmware: this.info.firmware, serialNumber: this.info.serial };
  }

  async check(): Promise<void> {
    await this.camera.handshake();
  }
}

/** Iris code of the camera's "no eye found" failure (docs/devices.md, STATUS failure byte). */
const NO_EYE = 1;

/**
 * The monocular HID iris camera of docs/devices.md (a vendor-defined interface: no class driver,
 * no USB ids shared across makers, so the config names its vendor and product id and discovery
 * does not guess). The probe is GET_INFO.
 */
export function irisCameraProfile(): DeviceProfile<IrisCameraSession> {
  return {
    kind: 'iris',
    driver: 'iriscam',
    label: 'HID iris camera (capture, status, image in blocks)',
    transports: ['hid'],
    usbIds: [],
    connect: async (transport: DeviceTransport) => {
      if (!isHidReportTransport(transport)) throw new TransportError('IO_ERROR', transport.path, `${transport.path} is not a HID device; the iris camera is reached over HID`);
      const camera = new IrisCamera(transport);
      const shake = await camera.handshake();
      return new IrisCameraSession(camera, shake.model, { width: shake.width, height: shake.height }, { firmware: shake.firmware, serial: shake.serial });
    },
    simulate: (): SimulatedDevice => {
      const { transport, simulator } = simulatedIrisCamera();
      return {
        transport,
        controls: {
          unplug: () => transport.unplug(),
          plugIn: () => transport.plugIn(),
          inject: (fault, count) => {
            switch (fault) {
              case 'clear':
                simulator.faults = {};
                return true;
              case 'noFinger': // the resident is not looking into the camera
                simulator.faults.failWith = NO_EYE;
                simulator.faults.failCaptures = count;
                return true;
              case 'corruptChecksum':
                simulator.faults.corruptBlock = { index: 2, times: count };
                return true;
              case 'dropMidImage':
                simulator.faults.dropAfterBlocks = { blocks: 40, times: count };
                return true;
              case 'silent':
                simulator.faults.silent = true;
                return true;
              case 'changeBaud':
                return false;
            }
          },
          present: () => undefined,
        },
      };
    },
  };
}
