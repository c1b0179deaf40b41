import type { CapturePosition } from '../contract/captures.js';
import type { DeviceKind, SimulatedDeviceFault } from '../contract/devices.js';
import type { DeviceTransport } from './transport.js';

/** What a driver learnt about the device in its probe handshake. */
export interface DeviceIdentity {
  firmware: string | null;
  serialNumber: string | null;
}

/** A device a driver has connected to: what the capture code talks to. */
export interface DeviceSession {
  readonly identity: DeviceIdentity;
  /** A cheap request while idle (a handshake) that fails when the device stopped answering. */
  check(): Promise<void>;
}

/** Settings of one configured device a driver may read (password, module address…). */
export interface DeviceDriverSettings {
  address?: number | undefined;
  password?: number | undefined;
}

/** Levers of a simulated device (training mode, tests). */
export interface SimulatorControls {
  unplug(): void;
  plugIn(): void;
  /** Applies a fault; false when this simulator has no such fault. */
  inject(fault: Exclude<SimulatedDeviceFault, 'unplug' | 'plugIn'>, count: number, baudRate?: number): boolean;
  /** The simulated resident presents this position (a finger on the glass, an eye to the camera). */
  present(position: CapturePosition | null): void;
}

export interface SimulatedDevice {
  /** The station's end of the in-memory link. */
  transport: DeviceTransport;
  controls: SimulatorControls;
}

export interface UsbIdPair {
  vendorId: number;
  productId: number;
}

/**
 * A driver kind: how to recognise a device (USB ids, a probe handshake), how to connect to it,
 * and (for training mode) how to simulate it. Drivers register one in a DeviceProfileRegistry.
 */
export interface DeviceProfile<S extends DeviceSession = DeviceSession> {
  kind: DeviceKind;
  /** Stable driver name, e.g. "r30x". */
  driver: string;
  label: string;
  transports: ReadonlyArray<'serial' | 'hid'>;
  /** USB ids this driver recognises in discovery (USB-serial bridges the modules ship with). */
  usbIds: readonly UsbIdPair[];
  /** The probe: resolves with a session when the device answers like this profile's device. */
  connect(transport: DeviceTransport, settings: DeviceDriverSettings): Promise<S>;
  /** A simulator of the device on an in-memory link (training mode). */
  simulate?(): SimulatedDevice;
}

/** Where drivers register themselves; the device manager and discovery look profiles up here. */
export class DeviceProfileRegistry {
  private readonly profiles: DeviceProfile[] = [];

  register(profile: DeviceProfile): this {
    if (this.profiles.some((p) => p.driver === profile.driver)) {
      throw new Error(`device driver "${profile.driver}" is already registered`);
    }
    this.profiles.push(profile);
    return this;
  }

  all(): readonly DeviceProfile[] {
    return this.profiles;
  }

  /** The first profile for a kind (and transport, when given). */
  forKind(kind: DeviceKind, transport?: 'serial' | 'hid'): DeviceProfile | undefined {
    return this.profiles.find((p) => p.kind === kind && (transport === undefined || p.transports.includes(transport)));
  }

  matchUsb(vendorId: number | null, productId: number | null): DeviceProfile | undefined {
    if (vendorId === null || productId === null) return undefined;
    return this.profiles.find((p) => p.usbIds.some((ids) => ids.vendorId === vendorId && ids.productId === productId));
  }
}
