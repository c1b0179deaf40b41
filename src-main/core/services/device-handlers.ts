import type { Logger } from 'pino';
import { previewPayload } from '../../biometrics/preview.js';
import type { CapturePosition, CaptureSummary, ImageFormat, Modality } from '../../contract/captures.js';
import type { DeviceKind, DeviceStatus } from '../../contract/devices.js';
import type { LocalizedText } from '../../contract/errors.js';
import type { StationMode } from '../../contract/status.js';
import type { DeviceManager } from '../../devices/device-manager.js';
import type { DeviceProfileRegistry, DeviceSession } from '../../devices/device-profile.js';
import type { PortLister } from '../../devices/discovery.js';
import { discoverPorts } from '../../devices/discovery.js';
import { captureFinger } from '../../devices/fingerprint/capture-finger.js';
import type { CaptureFingerOptions } from '../../devices/fingerprint/capture-finger.js';
import { frameQuality } from '../../devices/fingerprint/frame-quality.js';
import { IMAGE_HEIGHT, IMAGE_WIDTH } from '../../devices/fingerprint/packet.js';
import { FingerprintSession } from '../../devices/fingerprint/profile.js';
import { isSensorError } from '../../devices/fingerprint/sensor-error.js';
import { IrisCameraSession } from '../../devices/iris/profile.js';
import type { SignatureCaptureOptions } from '../../devices/signature/signature-pad.js';
import { SignaturePadSession } from '../../devices/signature/profile.js';
import { TransportError } from '../../devices/transport.js';
import type { EnrollmentService } from '../../recording/enrollment-service.js';
import type { CallContext } from '../call-context.js';
import type { HandlerGroup } from '../handlers.js';
import { StationError } from '../station-error.js';
import { deviceStationError } from './device-errors.js';

type DeviceMethod = 'devices.list' | 'devices.discover' | 'devices.reconnect' | 'devices.captureFingerprint' | 'devices.captureIris' | 'devices.captureSignature' | 'training.deviceFault';

export interface DeviceHandlerDeps {
  mode: StationMode;
  manager: DeviceManager;
  registry: DeviceProfileRegistry;
  listers: readonly PortLister[];
  enrollments: EnrollmentService;
  logger: Logger;
  /** Timing of the finger flow (tests shorten it). */
  capture?: CaptureFingerOptions;
  /** Timing of the signature (how long the pen rests before it is done; how long to wait for anything). */
  signature?: Pick<SignatureCaptureOptions, 'idleMs' | 'maxMs'>;
  /** How long a capture waits for an unplugged device to come back before giving up. */
  reconnectWaitMs?: number;
}

/** A capture that lost its device may wait for it to return (the cable was bumped) and try again. */
function deviceWentAway(error: unknown): boolean {
  const transport = error instanceof TransportError ? error : isSensorError(error) && error.fault.kind === 'transport' ? error.fault.error : null;
  return transport !== null && (transport.code === 'DEVICE_GONE' || transport.code === 'CLOSED');
}

const MAX_RECONNECTS = 2;

const NOT_CONFIGURED: Record<Exclude<DeviceKind, 'camera'>, LocalizedText> = {
  fingerprint: {
    id: 'Tidak ada sensor sidik jari di konfigurasi station. Tambahkan perangkat "fingerprint" di station.config.json.',
    en: 'No fingerprint sensor is configured. Add a "fingerprint" device to station.config.json.',
  },
  iris: {
    id: 'Tidak ada kamera iris di konfigurasi station. Tambahkan perangkat "iris" di station.config.json.',
    en: 'No iris camera is configured. Add an "iris" device to station.config.json.',
  },
  signature: {
    id: 'Tidak ada pad tanda tangan di konfigurasi station. Tambahkan perangkat "signature" di station.config.json.',
    en: 'No signature pad is configured. Add a "signature" device to station.config.json.',
  },
};

const DRAFT_ONLY: LocalizedText = { id: 'Pengambilan dari perangkat hanya untuk rekaman draf.', en: 'Device captures are only for a draft record.' };

/** What one device capture produced, before it is stored. */
interface DeviceImage {
  format: ImageFormat;
  bytes: Uint8Array;
  width: number;
  height: number;
  /** The device's or the flow's own score, when the station cannot score the format itself. */
  quality?: number;
}

export function deviceHandlers(deps: DeviceHandlerDeps): HandlerGroup<DeviceMethod> {
  const { manager } = deps;
  const reconnectWaitMs = deps.reconnectWaitMs ?? 10_000;

  const deviceFor = (kind: Exclude<DeviceKind, 'camera'>, deviceId: string | undefined): DeviceStatus => {
    let device: DeviceStatus | null;
    try {
      device = deviceId === undefined ? manager.firstOfKind(kind) : manager.status(deviceId);
    } catch (error: unknown) {
      throw deviceStationError(error, null);
    }
    if (device === null) throw new StationError('DEVICE_NOT_FOUND', { message: NOT_CONFIGURED[kind] });
    if (device.kind !== kind) throw new StationError('DEVICE_NOT_FOUND', { details: { deviceId: device.id, kind: device.kind, expected: kind } });
    return device;
  };

  /**
   * One capture from a device into a draft: checks the draft, lends the device to `job` (the
   * simulated resident presents `position` in training mode), waits for a device that went away
   * mid-capture to come back (at most twice), and turns every failure into the operator's words.
   */
  const fromDevice = async <S extends DeviceSession, T>(
    kind: Exclude<DeviceKind, 'camera'>,
    input: { enrollmentId: string; position: CapturePosition; deviceId: string | undefined },
    sessionType: new (...args: never[]) => S,
    job: (session: S, device: DeviceStatus) => Promise<T>,
  ): Promise<{ value: T; reconnects: number; device: DeviceStatus }> => {
    const device = deviceFor(kind, input.deviceId);
    const draft = deps.enrollments.get(input.enrollmentId);
    if (draft.status !== 'DRAFT') throw new StationError('ILLEGAL_TRANSITION', { message: DRAFT_ONLY, details: { id: input.enrollmentId, status: draft.status } });
    const simulator = manager.simulator(device.id);
    simulator?.present(input.position);
    let reconnects = 0;
    try {
      for (;;) {
        try {
          const value = await manager.use(device.id, async (session) => {
            if (!(session instanceof sessionType)) throw new StationError('DEVICE_FAULT', { details: { deviceId: device.id, reason: `not a ${kind} session` } });
            return job(session, device);
          });
          return { value, reconnects, device };
        } catch (error: unknown) {
          if (!deviceWentAway(error) || reconnects >= MAX_RECONNECTS) throw error;
          manager.markLost(device.id, error);
          reconnects += 1;
          deps.logger.warn({ device: device.id, position: input.position, reconnects }, 'device went away during a capture; waiting for it');
          if (!(await manager.waitUntilReady(device.id, reconnectWaitMs))) throw error;
        }
      }
    } catch (error: unknown) {
      throw deviceStationError(error, manager.status(device.id));
    } finally {
      simulator?.present(null);
    }
  };

  /** Stores a device image through the same path as every capture (validation, encryption, score). */
  const store = (enrollmentId: string, modality: Modality, position: CapturePosition, image: DeviceImage, context: CallContext): CaptureSummary => {
    if (context.operator === null) throw new StationError('SESSION_REQUIRED');
    const bytes = Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength);
    return deps.enrollments.addCapture(
      {
        id: enrollmentId,
        modality,
        position,
        ...(image.quality === undefined ? {} : { quality: image.quality }),
        image: { format: image.format, base64: bytes.toString('base64'), width: image.width, height: image.height },
      },
      { id: context.operator.id, role: context.operator.role },
    );
  };

  const preview = (image: DeviceImage) => previewPayload(image.format, Buffer.from(image.bytes.buffer, image.bytes.byteOffset, image.bytes.byteLength), image.width, image.height);

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
      const { value: captured, reconnects, device } = await fromDevice('fingerprint', { enrollmentId, position, deviceId }, FingerprintSession, (session, sensor) =>
        captureFinger(session.sensor, {
          ...deps.capture,
          onRetry: (retry) => deps.logger.info({ device: sensor.id, position, ...retry }, 'fingerprint capture retry'),
        }),
      );
      const image: DeviceImage = { format: 'GRAY4', bytes: captured.image, width: IMAGE_WIDTH, height: IMAGE_HEIGHT, quality: frameQuality(captured.image) };
      const capture = store(enrollmentId, 'FINGER', position, image, context);
      return {
        capture,
        quality: capture.quality ?? image.quality ?? 0,
        preview: preview(image),
        retries: { noFinger: captured.noFingerPolls, uploads: captured.uploadAttempts - 1, reconnects },
        deviceId: device.id,
      };
    },
    'devices.captureIris': async ({ enrollmentId, position, deviceId }, context) => {
      const eye = position === 'RIGHT_IRIS' ? 'RIGHT' : 'LEFT';
      const { value: iris, reconnects, device } = await fromDevice('iris', { enrollmentId, position, deviceId }, IrisCameraSession, (session) => session.camera.captureIris(eye));
      const image: DeviceImage = { format: 'GRAY8', bytes: iris.pixels, width: iris.width, height: iris.height };
      const capture = store(enrollmentId, 'IRIS', position, image, context);
      return { capture, quality: capture.quality, preview: preview(image), retries: { resends: iris.resends, reconnects }, deviceId: device.id };
    },
    'devices.captureSignature': async ({ enrollmentId, deviceId }, context) => {
      const { value: signed, reconnects, device } = await fromDevice('signature', { enrollmentId, position: 'SIGNATURE', deviceId }, SignaturePadSession, (session) =>
        session.pad.captureSignature({ ...deps.signature }),
      );
      const image: DeviceImage = { format: 'GRAY8', bytes: signed.image.pixels, width: signed.image.width, height: signed.image.height };
      const capture = store(enrollmentId, 'SIGNATURE', 'SIGNATURE', image, context);
      return {
        capture,
        quality: capture.quality,
        preview: preview(image),
        penReports: { received: signed.reports, dropped: signed.droppedReports },
        strokes: signed.ink.strokes.length,
        retries: { reconnects },
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
      else if (!controls.inject(fault, count, baudRate)) {
        throw new StationError('INVALID_PARAMS', {
          message: { id: `Gangguan "${fault}" tidak ada pada perangkat ini.`, en: `The fault "${fault}" does not apply to this device.` },
          details: { deviceId: id, fault },
        });
      }
      return manager.status(id);
    },
  };
}
