import type { DeviceStatus } from '../contract/devices.js';
import type { DeviceManager, HandshakeNow } from '../devices/device-manager.js';
import type { StationProfile } from '../core/config/profile.js';
import { describeDevice } from './device-checks.js';
import type { DeviceLastError, DeviceProbe, HandshakeResult } from './device-probe.js';
import { handshakeFaultOfCode } from './driver-handshake.js';

type DeviceConfig = StationProfile['devices'][number];

function lastErrorOf(status: DeviceStatus): DeviceLastError | null {
  const last = status.diagnostics.lastError;
  return last === null ? null : { code: last.code, message: last.message.en, at: last.at };
}

function handshakeResultOf(now: HandshakeNow): HandshakeResult {
  const { status } = now;
  if (now.ok) {
    return {
      ok: true,
      latencyMs: now.latencyMs ?? 0,
      identity: { model: status.driver ?? status.kind, serial: status.diagnostics.serialNumber ?? '?', firmware: status.diagnostics.firmware ?? '?' },
    };
  }
  const last = status.diagnostics.lastError;
  return { ok: false, latencyMs: now.latencyMs, code: handshakeFaultOfCode(last?.code ?? 'HANDSHAKE_FAILED'), detail: last === null ? 'no answer' : `${last.code}: ${last.message.en}` };
}

/**
 * The running station's probes: each configured device is asked through the device manager that
 * holds it, so a diagnosis inside the station does not fight its own drivers for the port. A
 * serial device keeps the filesystem's view of its path (exists, permission, who holds the lock);
 * HID and simulated devices are seen as the manager sees them. Each probe connects the device
 * once more at once when it was not ready (the technician may just have fixed the cable).
 */
export function managedDeviceProbe(manager: DeviceManager): (device: DeviceConfig, index: number, filesystem: DeviceProbe | null) => DeviceProbe | null {
  return (device, index, filesystem) => {
    const status = manager.atIndex(index);
    if (status === null || device.kind === 'camera' || status.driver === null) return filesystem;
    let attempt: Promise<HandshakeNow> | null = null;
    const now = () => (attempt ??= manager.handshakeNow(status.id));
    const handshake = async () => handshakeResultOf(await now());
    const lastError = () => lastErrorOf(manager.status(status.id));
    if (filesystem !== null) return { ...filesystem, managed: true, handshake, lastError };
    return {
      device: describeDevice(device, index),
      managed: true,
      async locate() {
        const seen = (await now()).status;
        if (seen.diagnostics.found) return { found: true, resolvedPath: seen.path ?? (seen.simulated ? 'simulated' : seen.id) };
        const last = seen.diagnostics.lastError;
        return { found: false, code: 'PORT_MISSING', errno: last?.code ?? 'ENODEV', detail: last?.message.en ?? 'not attached' };
      },
      async access() {
        const seen = (await now()).status;
        if (seen.diagnostics.permission === false) {
          return { ok: false, code: 'PERMISSION_DENIED', errno: 'EACCES', detail: seen.diagnostics.lastError?.message.en ?? 'permission denied' };
        }
        return { ok: true };
      },
      async busy() {
        const seen = (await now()).status;
        return seen.simulated || seen.state === 'TIDAK_TERHUBUNG' ? { busy: false } : { busy: true, holderPid: process.pid, holderCommand: null, heldByStation: true };
      },
      handshake,
      lastError,
    };
  };
}
