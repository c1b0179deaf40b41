import type { Logger } from 'pino';
import type { DeviceStatus } from '../contract/devices.js';
import { DeviceManager } from '../devices/device-manager.js';
import type { ManagedDeviceConfig } from '../devices/device-manager.js';
import type { DeviceProfileRegistry } from '../devices/device-profile.js';
import { listSerialPorts } from '../devices/discovery.js';
import type { PortLister } from '../devices/discovery.js';
import { listHidPorts, NodeHidTransport } from '../devices/hid/node-hid-transport.js';
import { defaultDeviceRegistry } from '../devices/registry.js';
import { SerialTransport } from '../devices/serial/serial-transport.js';
import type { StationSetup } from './config/profile.js';

export interface StationDevicesOptions {
  retryMs?: number;
  healthMs?: number;
  /** A registry other than the build's default (tests). */
  registry?: DeviceProfileRegistry;
}

export interface StationDevices {
  manager: DeviceManager;
  registry: DeviceProfileRegistry;
  listers: PortLister[];
}

/** The device layer of one station: the build's drivers, the configured devices, their manager. */
export function createStationDevices(setup: StationSetup, logger: Logger, onChange: (devices: DeviceStatus[]) => void, options: StationDevicesOptions = {}): StationDevices {
  // A simulated sensor answers at memory speed unless its config names a line rate to pace at.
  const simulated = setup.profile.devices.find((d) => d.kind === 'fingerprint' && d.transport.type === 'simulated');
  const simulatedBaudRate = simulated?.transport.type === 'simulated' ? (simulated.transport.baudRate ?? null) : null;
  const registry = options.registry ?? defaultDeviceRegistry({ fingerprint: { simulatedBaudRate } });
  const devices: ManagedDeviceConfig[] = setup.profile.devices.map((d) => ({ ...d }));
  const manager = new DeviceManager({
    devices,
    registry,
    logger,
    onChange,
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    ...(options.healthMs === undefined ? {} : { healthMs: options.healthMs }),
    makeTransport: (config) => {
      const t = config.transport;
      if (t.type === 'serial') return new SerialTransport({ path: t.path, baudRate: t.baudRate });
      if (t.type === 'hid') return new NodeHidTransport({ vendorId: t.vendorId, productId: t.productId, serialNumber: t.serialNumber });
      return null;
    },
  });
  return { manager, registry, listers: [listSerialPorts, listHidPorts] };
}
