import type { ImageFormat, Modality } from '../contract/captures.js';
import { assessCapture } from '../biometrics/quality/assess.js';
import { FrameError } from '../biometrics/quality/gray-frame.js';
import type { QualityConfig } from '../core/config/schema.js';
import { StationError } from '../core/station-error.js';

/** The threshold of a modality in the config's `quality` block. */
export function thresholdFor(modality: Modality, thresholds: QualityConfig): number {
  switch (modality) {
    case 'FINGER':
      return thresholds.fingerprint;
    case 'FACE':
      return thresholds.face;
    case 'IRIS':
      return thresholds.iris;
    case 'SIGNATURE':
      return thresholds.signature;
  }
}

/**
 * The station's own 0–100 score of a checked capture image, or null when the format has no
 * decoder here (JPEG, JPEG 2000, WSQ, or a PNG that does not decode).
 */
export function scoreCapture(modality: Modality, format: ImageFormat, bytes: Uint8Array, width: number | null, height: number | null): number | null {
  try {
    return assessCapture(modality, format, bytes, width, height)?.score ?? null;
  } catch (error: unknown) {
    if (error instanceof FrameError) {
      throw new StationError('INVALID_CAPTURE', {
        message: { id: `Bingkai gambar tidak dapat dinilai: ${error.message}. Ambil ulang.`, en: `The frame cannot be assessed: ${error.message}. Capture again.` },
        details: { field: 'image', reason: error.reason },
        cause: error,
      });
    }
    throw error;
  }
}
