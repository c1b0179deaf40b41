import { DeviceProfileRegistry } from './device-profile.js';
import { fingerprintProfile } from './fingerprint/profile.js';
import type { FingerprintProfileOptions } from './fingerprint/profile.js';

export interface DeviceRegistryOptions {
  fingerprint?: FingerprintProfileOptions;
}

/**
 * Every driver this build carries registers its profile here (one line per driver kind: the
 * iris, signature and camera drivers add theirs).
 */
export function defaultDeviceRegistry(options: DeviceRegistryOptions = {}): DeviceProfileRegistry {
  const registry = new DeviceProfileRegistry();
  registry.register(fingerprintProfile(options.fingerprint));
  return registry;
}
