import { previewPayload } from '../../biometrics/preview.js';
import type { StationMode } from '../../contract/status.js';
import type { DeviceManager } from '../../devices/device-manager.js';
import type { PortLister } from '../../devices/discovery.js';
import { discoverPorts } from '../../devices/discovery.js';
import type { DeviceProfileRegistry } from '../../devices/device-profile.js';
import { captureFinger } from '../../devices/fingerprint/capture-finger.js';
import type { CaptureFingerOptions, CapturedFinger } from '../../devices/fingerprint/capture-finger.js';
import { frameQuality } from '../../devices/fingerprint/frame-quality.js';
import { IMAGE_HEIGHT, IMAGE_WIDTH } from '../../devices/fingerprint/packet.js';
import { FingerprintSession } from '../../devices/fingerprint/profile.js';
import { isSensorError } from '../../devices/fingerprint/sensor-error.js';
import { TransportError } from '../../devices/transport.js';
import type { EnrollmentService } from '../../recording/enrollment-service.js';
import type { Logger } from 'pino';
import { StationError } from '../station-error.js';
import type { HandlerGroup } from '../handlers.js';
import { deviceStationError } from './device-errors.js';

type DeviceMethod = 'devices.list' | 'devices.discover' | 'devices.reconnect' | 'devices.captureFingerprint' | 'training.deviceFault';

export interface DeviceHandlerDeps {
  mode: StationMode;
  manager: DeviceManager;
  registry: DeviceProfileRegistry;
  listers: readonly PortLister[];
  enrollments: EnrollmentService;
  logger: Logger;
  /** Timing of the finger flow (tests shorten it). */
  capture?: CaptureFingerOptions;
  /** How long a capture waits for an unplugged sensor to come back before giving up. */
  reconnectWaitMs?: number;
}

/** A capture that lost its device may wait for it to return (the cable was bumped) and try again. */
function deviceWentAway(error: unknown): boolean {
  const transport = error instanceof TransportError ? error : isSensorError(error) && error.fault.kind === 'transport' ? error.fault.error : null;
  return transport !== null && (transport.code === 'DEVICE_GONE' || transport.code === 'CLOSED');
}

const MAX_RECONNECTS = 2;

export function deviceHandlers(deps: DeviceHandlerDeps): HandlerGroup<DeviceMethod> {
  const { manager } = deps;
  const reconnectWaitMs = deps.reconnectWaitMs ?? 10_000;

  const deviceFor = (deviceId: string | undefined) => {
    try {
      if (deviceId !== undefined) return manager.status(deviceId);
    } catch (error: unknown) {
      throw deviceStationError(error, null);
    }
    const first = manager.firstOfKind('fingerprint');
    if (first === null) {
      throw new StationError('DEVICE_NOT_FOUND', {
        message: {
          id: 'Tidak ada sensor sidik jari di konfigurasi station. Tambahkan perangkat "fingerprint" di station.config.json.',
          en: 'No fingerprint sensor is configured. Add a "fingerprint" device to station.config.json.',
        },
      });
    }
    return first;
  };

  return {
    'devices.list': () => ({ devices: manager.list() }),
    'devices.discover': async () => {
      const configured = new Map(manager.list().flatMap((d) => (d.path === null ? [] : [[d.path, d.id] as const])));
      return { ports: await discoverPorts(deps.listers, deps.registry, configured) };
    },
    'devices.reconnect': async ({ id }) => {
      try {
        return await manager.reconnect(id);
      } catch (error: unknown) {
        throw deviceStationError(error, null);
      }
    },
    'devices.captureFingerprint': async ({ enrollmentId, position, deviceId }, context) => {
      const device = deviceFor(deviceId);
      if (device.kind !== 'fingerprint') {
        throw new StationError('DEVICE_NOT_FOUND', { details: { deviceId: device.id, kind: device.kind, expected: 'fingerprint' } });
      }
      const draft = deps.enrollments.get(enrollmentId);
      if (draft.status !== 'DRAFT') {
        throw new StationError('ILLEGAL_TRANSITION', {
          message: { id: 'Sidik jari hanya dapat diambil untuk rekaman draf.', en: 'Fingerprints can only be captured for a draft record.' },
          details: { id: enrollmentId, status: draft.status },
        });
      }
      // Training mode: the simulated resident puts this finger on the glass.
      const simulator = manager.simulator(device.id);
      simulator?.present(position);
      let reconnects = 0;
      let captured: CapturedFinger;
      try {
        for (;;) {
          try {
            captured = await manager.use(device.id, async (session) => {
              if (!(session instanceof FingerprintSession)) {
                throw new StationError('DEVICE_FAULT', { details: { deviceId: device.id, reason: 'not a fingerprint sensor session' } });
              }
              return captureFinger(session.sensor, {
                ...deps.capture,
                onRetry: (retry) => deps.logger.info({ device: device.id, position, ...retry }, 'fingerprint capture retry'),
              });
            });
            break;
          } catch (error: unknown) {
            if (!deviceWentAway(error) || reconnects >= MAX_RECONNECTS) throw error;
            manager.markLost(device.id, error);
            reconnects += 1;
            deps.logger.warn({ device: device.id, position, reconnects }, 'fingerprint sensor went away during a capture; waiting for it');
            if (!(await manager.waitUntilReady(device.id, reconnectWaitMs))) throw error;
          }
        }
      } catch (error: unknown) {
        throw deviceStationError(error, manager.status(device.id));
      } finally {
        simulator?.present(null);
      }
      const bytes = Buffer.from(captured.image.buffer, captured.image.byteOffset, captured.image.byteLength);
      const quality = frameQuality(captured.image);
      if (context.operator === null) throw new StationError('SESSION_REQUIRED');
      const capture = deps.enrollments.addCapture(
        {
          id: enrollmentId,
          modality: 'FINGER',
          position,
          quality,
          image: { format: 'GRAY4', base64: bytes.toString('base64'), width: IMAGE_WIDTH, height: IMAGE_HEIGHT },
        },
        { id: context.operator.id, role: context.operator.role },
      );
      return {
        capture,
        quality,
        preview: previewPayload('GRAY4', bytes, IMAGE_WIDTH, IMAGE_HEIGHT),
        retries: { noFinger: captured.noFingerPolls, uploads: captured.uploadAttempts - 1, reconnects },
        deviceId: device.id,
      };
    },
    'training.deviceFault': ({ id, fault, count, baudRate }) => {
      if (deps.mode !== 'training') throw new StationError('TRAINING_ONLY', { details: { method: 'training.deviceFault' } });
      let controls;
      try {
        controls = manager.simulator(id);
      } catch (error: unknown) {
        throw deviceStationError(error, null);
      }
      if (controls === null) {
        throw new StationError('TRAINING_ONLY', {
          message: { id: 'Gangguan latihan hanya untuk perangkat simulasi.', en: 'Practice faults are only for simulated devices.' },
          details: { deviceId: id },
        });
      }
      if (fault === 'unplug') controls.unplug();
      else if (fault === 'plugIn') controls.plugIn();
      else controls.inject(fault, count, baudRate);
      return manager.status(id);
    },
  };
}
