import type { DeviceStatus } from '../../contract/devices.js';
import { DeviceUnavailableError } from '../../devices/device-manager.js';
import { describeSensorFault, isSensorError } from '../../devices/fingerprint/sensor-error.js';
import { describeHidDriverFault } from '../../devices/hid/hid-driver-faults.js';
import { TransportError } from '../../devices/transport.js';
import { describeTransportFault } from '../../devices/transport-errors.js';
import { StationError } from '../station-error.js';

/** A device failure as the operator reads it: which device, what is wrong, what to do. */
export function deviceStationError(error: unknown, device: DeviceStatus | null): StationError {
  if (error instanceof StationError) return error;
  const deviceDetails = device === null ? {} : { deviceId: device.id, state: device.state, path: device.path };
  if (error instanceof DeviceUnavailableError) {
    if (error.reason === 'unknown') return new StationError('DEVICE_NOT_FOUND', { details: deviceDetails });
    if (error.reason === 'busy') return new StationError('DEVICE_BUSY', { details: { ...deviceDetails } });
    const last = error.device?.diagnostics.lastError ?? null;
    return new StationError('DEVICE_NOT_CONNECTED', {
      ...(last === null ? {} : { message: last.message }),
      details: { ...deviceDetails, lastError: last?.code ?? null },
    });
  }
  if (isSensorError(error)) {
    const fault = error.fault;
    const message = describeSensorFault(fault);
    if (fault.kind === 'confirm') {
      return new StationError('CAPTURE_FAILED', { message, details: { ...deviceDetails, step: fault.step, confirm: fault.confirm.name, retry: fault.confirm.retry } });
    }
    if (fault.kind === 'transport' && (fault.error.code === 'DEVICE_GONE' || fault.error.code === 'CLOSED' || fault.error.code === 'PORT_MISSING')) {
      return new StationError('DEVICE_NOT_CONNECTED', { message, details: { ...deviceDetails, step: fault.step, fault: fault.error.code } });
    }
    return new StationError('DEVICE_FAULT', {
      message,
      details: { ...deviceDetails, step: fault.step, fault: fault.kind === 'transport' ? fault.error.code : fault.reason },
    });
  }
  const hidFault = describeHidDriverFault(error);
  if (hidFault !== null) {
    const code = hidFault.category === 'capture' ? 'CAPTURE_FAILED' : hidFault.category === 'busy' ? 'DEVICE_BUSY' : 'DEVICE_FAULT';
    return new StationError(code, { message: hidFault.message, details: { ...deviceDetails, fault: hidFault.code, ...hidFault.details } });
  }
  if (error instanceof TransportError) {
    return new StationError(error.code === 'DEVICE_GONE' || error.code === 'PORT_MISSING' ? 'DEVICE_NOT_CONNECTED' : 'DEVICE_FAULT', {
      message: describeTransportFault(error.code, error.path),
      details: { ...deviceDetails, fault: error.code },
    });
  }
  return new StationError('INTERNAL', { details: deviceDetails, cause: error });
}
