import type { ImageFormat, Modality } from '../../contract/captures.js';
import { faceQuality } from './face-quality.js';
import { fingerprintQuality } from './fingerprint-quality.js';
import type { GrayFrame } from './gray-frame.js';
import { decodePngGray, expandGray4, grayFrame } from './gray-frame.js';
import { irisQuality } from './iris-quality.js';
import type { QualityReport } from './quality-report.js';
import { signatureQuality } from './signature-quality.js';

export type { QualityReport } from './quality-report.js';

/** The check for one modality, on a validated GRAY8 frame. */
export function assessFrame(modality: Modality, frame: GrayFrame): QualityReport {
  switch (modality) {
    case 'FINGER':
      return fingerprintQuality(frame);
    case 'FACE':
      return faceQuality(frame);
    case 'IRIS':
      return irisQuality(frame);
    case 'SIGNATURE':
      return signatureQuality(frame);
  }
}

/**
 * The station's own gray frame of a stored capture, when it can read the format: raw GRAY8 and
 * GRAY4 frames and decodable PNGs. JPEG, JPEG 2000 and WSQ have no decoder here: null (the
 * device's own score is then what there is).
 */
export function frameOf(format: ImageFormat, bytes: Uint8Array, width: number | null, height: number | null): GrayFrame | null {
  switch (format) {
    case 'GRAY8':
      return width === null || height === null ? null : grayFrame(bytes, width, height);
    case 'GRAY4':
      return width === null || height === null ? null : expandGray4(bytes, width, height);
    case 'PNG':
      return decodePngGray(bytes);
    default:
      return null;
  }
}

/** The station's score for a capture image, or null when it cannot read the format. */
export function assessCapture(modality: Modality, format: ImageFormat, bytes: Uint8Array, width: number | null, height: number | null): QualityReport | null {
  const frame = frameOf(format, bytes, width, height);
  return frame === null ? null : assessFrame(modality, frame);
}
