import { FingerPosition } from '../../contract/captures.js';
import { FingerprintSimulator } from '../../sim/fingerprint/simulator.js';
import type { DeviceProfile, DeviceSession, SimulatedDevice } from '../device-profile.js';
import { MemoryLink } from '../memory-transport.js';
import type { DeviceTransport } from '../transport.js';
import { FingerprintSensor } from './sensor.js';
import type { FingerprintSensorInfo } from './sensor.js';

/** A connected R30x-family sensor. */
export class FingerprintSession implements DeviceSession {
  constructor(
    readonly sensor: FingerprintSensor,
    readonly info: FingerprintSensorInfo,
  ) {}

  get identity() {
    return { firmware: this.info.firmware, serialNumber: this.info.serialNumber };
  }

  async check(): Promise<void> {
    await this.sensor.handshake();
  }
}

export interface FingerprintProfileOptions {
  /** Line rate the in-memory simulator paces its bytes at (training mode); null: memory speed. */
  simulatedBaudRate?: number | null;
}

/**
 * The R30x / ZFM-20 / AS608 family: usually behind a CP2102 or CH340 USB-serial bridge, so USB
 * ids alone do not prove it; the handshake + password + ReadSysPara probe does.
 */
export function fingerprintProfile(options: FingerprintProfileOptions = {}): DeviceProfile<FingerprintSession> {
  return {
    kind: 'fingerprint',
    driver: 'r30x',
    label: 'R30x / ZFM / AS608 fingerprint sensor',
    transports: ['serial'],
    usbIds: [
      { vendorId: 0x10c4, productId: 0xea60 }, // Silicon Labs CP2102
      { vendorId: 0x1a86, productId: 0x7523 }, // WCH CH340
    ],
    connect: async (transport: DeviceTransport, settings) => {
      const sensor = new FingerprintSensor(transport, { address: settings.address, password: settings.password });
      const info = await sensor.identify();
      return new FingerprintSession(sensor, info);
    },
    simulate: (): SimulatedDevice => {
      const link = new MemoryLink('sim:fingerprint');
      const simulator = new FingerprintSimulator({ baudRate: options.simulatedBaudRate ?? null, packetSize: 128 });
      void link.device.open().then(() => simulator.attach(link.device));
      return {
        transport: link.host,
        controls: {
          unplug: () => {
            simulator.detach();
            link.unplug();
          },
          plugIn: () => {
            link.plugIn();
            void link.device.open().then(() => simulator.attach(link.device));
          },
          inject: (fault, count, baudRate) => {
            if (fault === 'clear') simulator.clearFaults();
            else if (fault === 'changeBaud') simulator.changeBaud(baudRate ?? 9600);
            else simulator.inject(fault, count);
            return true;
          },
          present: (position) => {
            const finger = FingerPosition.safeParse(position);
            simulator.placeFinger(finger.success ? finger.data : null);
          },
        },
      };
    },
  };
}
