import type { DeviceKind } from '../contract/devices.js';
import type { DeviceProfile, DeviceProfileRegistry } from '../devices/device-profile.js';
import { isSensorError } from '../devices/fingerprint/sensor-error.js';
import { describeHidDriverFault } from '../devices/hid/hid-driver-faults.js';
import { withTimeout } from '../devices/hid/with-timeout.js';
import { SerialTransport } from '../devices/serial/serial-transport.js';
import { TransportError } from '../devices/transport.js';
import type { DeviceTransport } from '../devices/transport.js';
import { errorMessage } from './check.js';
import type { HandshakeFaultCode, HandshakeFunction, HandshakeResult } from './device-probe.js';

/** A driver's failure in the diagnosis's vocabulary: a transport fault, a wrong password, or "not this protocol". */
export function handshakeFaultOf(error: unknown): { code: HandshakeFaultCode; detail: string } {
  if (error instanceof TransportError) return { code: error.code, detail: error.message };
  if (isSensorError(error)) {
    const fault = error.fault;
    if (fault.kind === 'transport') return { code: fault.error.code, detail: fault.error.message };
    if (fault.kind === 'confirm' && (fault.confirm.name === 'WRONG_PASSWORD' || fault.confirm.name === 'PASSWORD_REQUIRED')) {
      return { code: 'WRONG_PASSWORD', detail: `${fault.step}: ${fault.confirm.name}` };
    }
    return { code: 'PROTOCOL_ERROR', detail: error.message };
  }
  const hid = describeHidDriverFault(error);
  if (hid !== null) return { code: 'PROTOCOL_ERROR', detail: `${hid.code}: ${errorMessage(error)}` };
  return { code: 'PROTOCOL_ERROR', detail: errorMessage(error) };
}

/** The device manager's last error code in the same vocabulary (HANDSHAKE_TIMEOUT → TIMEOUT…). */
export function handshakeFaultOfCode(code: string): HandshakeFaultCode {
  const transport: readonly HandshakeFaultCode[] = ['PORT_MISSING', 'PERMISSION_DENIED', 'PORT_BUSY', 'DEVICE_GONE', 'TIMEOUT', 'CLOSED', 'IO_ERROR'];
  if ((transport as readonly string[]).includes(code)) return code as HandshakeFaultCode;
  if (code === 'HANDSHAKE_TIMEOUT') return 'TIMEOUT';
  if (code.endsWith('WRONG_PASSWORD') || code.endsWith('PASSWORD_REQUIRED')) return 'WRONG_PASSWORD';
  return 'PROTOCOL_ERROR';
}

/** Opens the transport, runs the profile's probe, closes again: who answered, and how fast. */
export async function probeWithProfile(profile: DeviceProfile, transport: DeviceTransport, timeoutMs: number): Promise<HandshakeResult> {
  const started = performance.now();
  try {
    await transport.open();
    const session = await withTimeout(profile.connect(transport, {}), timeoutMs, transport.path);
    const latencyMs = Math.round(performance.now() - started);
    return { ok: true, latencyMs, identity: { model: profile.label, serial: session.identity.serialNumber ?? '?', firmware: session.identity.firmware ?? '?' } };
  } catch (error: unknown) {
    const latencyMs = Math.round(performance.now() - started);
    return { ok: false, latencyMs, ...handshakeFaultOf(error) };
  } finally {
    await transport.close().catch(() => undefined);
  }
}

/**
 * The handshakes the build's serial drivers give a diagnosis run while the station is stopped:
 * the port opened, the driver's own probe (for the R30x sensor: handshake, password,
 * ReadSysPara), the port closed again.
 */
export function serialDriverHandshakes(registry: DeviceProfileRegistry, timeoutMs: number): (kind: DeviceKind) => HandshakeFunction | null {
  return (kind) => {
    const profile = registry.forKind(kind, 'serial');
    if (profile === undefined) return null;
    return (port) => probeWithProfile(profile, new SerialTransport({ path: port.path, baudRate: port.baudRate }), timeoutMs);
  };
}
