import { randomBytes } from 'node:crypto';
import { REQUIRED_CAPTURES } from '../../src-main/contract/captures.js';

export interface BenchCapture {
  modality: (typeof REQUIRED_CAPTURES)[number]['modality'];
  position: (typeof REQUIRED_CAPTURES)[number]['position'];
  bytes: Buffer;
}

/**
 * ~2 MB over 14 captures: a 600 KB face, ten 85 KB fingerprints, two 250 KB irises, a 60 KB
 * signature. Random bytes behind a PNG signature, so no link or store can compress them away.
 */
export function captureSet(): BenchCapture[] {
  const png = (n: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(n)]);
  return REQUIRED_CAPTURES.map(({ modality, position }) => ({
    modality,
    position,
    bytes: modality === 'FACE' ? png(600_000) : modality === 'IRIS' ? png(250_000) : modality === 'SIGNATURE' ? png(60_000) : png(85_000),
  }));
}
