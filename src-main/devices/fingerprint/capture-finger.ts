import { CONFIRM_OK, describeConfirm } from './confirm-codes.js';
import type { FingerprintSensor } from './sensor.js';
import { SensorError } from './sensor-error.js';

export interface CaptureFingerOptions {
  /** Pause between GenImg polls while no finger is on the glass. */
  pollMs?: number;
  /** GenImg polls before giving up with NO_FINGER (the operator is told to place the finger). */
  maxPolls?: number;
  /** Image transfers tried before the flow gives up on a corrupt or silent line. */
  uploadAttempts?: number;
  /** Poll answers other than no-finger that merely ask for another try (smudged, messy). */
  captureRetries?: number;
  /** Told of every retry, for the log and the operator's prompt. */
  onRetry?: (event: CaptureRetry) => void;
}

export interface CaptureRetry {
  step: 'capture' | 'upload';
  reason: string;
  attempt: number;
}

export interface CapturedFinger {
  /** 256 × 288 pixels, 4 bits per pixel, high nibble first. */
  image: Uint8Array;
  noFingerPolls: number;
  uploadAttempts: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One finger: poll GenImg until a finger is on the sensor, then UpImage. Retries only what is
 * safe to retry (no finger yet, a smudged capture, a corrupt or silent transfer — the image
 * stays in the sensor's buffer); anything else, and a device that went away, is thrown.
 */
export async function captureFinger(sensor: FingerprintSensor, options: CaptureFingerOptions = {}): Promise<CapturedFinger> {
  const pollMs = options.pollMs ?? 250;
  const maxPolls = options.maxPolls ?? 60;
  const uploadAttempts = options.uploadAttempts ?? 3;
  const captureRetries = options.captureRetries ?? 3;
  let noFingerPolls = 0;
  let otherRetries = 0;
  for (;;) {
    let confirm: number;
    try {
      confirm = await sensor.genImg();
    } catch (error: unknown) {
      if (!(error instanceof SensorError) || !error.retrySafe || otherRetries >= captureRetries) throw error;
      otherRetries += 1;
      options.onRetry?.({ step: 'capture', reason: error.fault.kind === 'transport' ? error.fault.error.code : error.fault.kind, attempt: otherRetries });
      await sensor.settle();
      continue;
    }
    if (confirm === CONFIRM_OK) break;
    const info = describeConfirm(confirm);
    if (info.name === 'NO_FINGER' && noFingerPolls + 1 < maxPolls) {
      noFingerPolls += 1;
      options.onRetry?.({ step: 'capture', reason: info.name, attempt: noFingerPolls });
      await sleep(pollMs);
      continue;
    }
    if (info.retry && info.name !== 'NO_FINGER' && otherRetries < captureRetries) {
      otherRetries += 1;
      options.onRetry?.({ step: 'capture', reason: info.name, attempt: otherRetries });
      await sleep(pollMs);
      continue;
    }
    throw new SensorError({ kind: 'confirm', step: 'capture', confirm: info });
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      const image = await sensor.upImage();
      return { image, noFingerPolls, uploadAttempts: attempt };
    } catch (error: unknown) {
      if (!(error instanceof SensorError) || !error.retrySafe || attempt >= uploadAttempts) throw error;
      options.onRetry?.({ step: 'upload', reason: error.fault.kind === 'corrupt' ? error.fault.reason : error.fault.kind === 'transport' ? error.fault.error.code : error.fault.confirm.name, attempt });
      await sensor.settle();
    }
  }
}
