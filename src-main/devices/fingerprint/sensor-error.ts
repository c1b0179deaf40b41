import type { LocalizedText } from '../../contract/errors.js';
import type { TransportError } from '../transport.js';
import { describeTransportFault } from '../transport-errors.js';
import type { ConfirmCodeInfo } from './confirm-codes.js';
import type { PacketErrorReason } from './packet.js';

/** What went wrong talking to a fingerprint sensor, in terms the flow can act on. */
export type SensorFault =
  /** The sensor answered with a confirm code other than OK. */
  | { kind: 'confirm'; step: SensorStep; confirm: ConfirmCodeInfo }
  /** Bytes arrived but did not make a valid packet (checksum, header, length), or an image of the wrong size. */
  | { kind: 'corrupt'; step: SensorStep; reason: PacketErrorReason | 'image-size' | 'unexpected-packet'; detail: string }
  /** The port failed: device gone, timeout, closed, permission… */
  | { kind: 'transport'; step: SensorStep; error: TransportError };

export type SensorStep = 'handshake' | 'password' | 'parameters' | 'capture' | 'upload';

/** A typed sensor failure; `retrySafe` says the same step may simply be tried again. */
export class SensorError extends Error {
  constructor(readonly fault: SensorFault) {
    super(describeSensorFault(fault).en, fault.kind === 'transport' ? { cause: fault.error } : undefined);
    this.name = 'SensorError';
  }

  get retrySafe(): boolean {
    switch (this.fault.kind) {
      case 'confirm':
        return this.fault.confirm.retry;
      case 'corrupt':
        return true;
      case 'transport':
        return this.fault.error.code === 'TIMEOUT';
    }
  }
}

export function describeSensorFault(fault: SensorFault): LocalizedText {
  switch (fault.kind) {
    case 'confirm':
      return fault.confirm.message;
    case 'corrupt':
      return {
        id: `Data dari sensor sidik jari rusak (${fault.reason}). Periksa kabel sensor; bila berulang, periksa kecepatan baud di konfigurasi.`,
        en: `Corrupt data from the fingerprint sensor (${fault.reason}). Check the sensor cable; if it repeats, check the baud rate in the configuration.`,
      };
    case 'transport':
      return describeTransportFault(fault.error.code, fault.error.path);
  }
}

export function isSensorError(value: unknown): value is SensorError {
  return value instanceof SensorError;
}
