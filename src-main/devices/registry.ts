import { DeviceProfileRegistry } from './device-profile.js';
import { fingerprintProfile } from './fingerprint/profile.js';
import type { FingerprintProfileOptions } from './fingerprint/profile.js';
import { irisCameraProfile } from './iris/profile.js';
import { signaturePadProfile } from './signature/profile.js';

export interface DeviceRegistryOptions {
  fingerprint?: FingerprintProfileOptions;
}

/**
 * Every driver this build carries registers its profile here, one line per driver. The face
 * camera has none: the window opens it (getUserMedia), not the core.
 */
export function defaultDeviceRegistry(options: DeviceRegistryOptions = {}): DeviceProfileRegistry {
  const registry = new DeviceProfileRegistry();
  registry.register(fingerprintProfile(options.fingerprint));
  registry.register(irisCameraProfile());
  registry.register(signaturePadProfile());
  return registry;
}
