import { randomBytes } from 'node:crypto';
import { REQUIRED_CAPTURES } from '../../src-main/contract/captures.js';
import { sampleCapture } from '../../src-main/sim/sample-captures.js';

/** A real Pacitan resident shape: kecamatan Donorojo (35.01.01), man born 12 May 1990. */
export const BUDI = {
  nik: '3501011205900001',
  nama: 'Budi Santoso',
  tempatLahir: 'PACITAN',
  tanggalLahir: '1990-05-12',
  jenisKelamin: 'LAKI-LAKI',
  golonganDarah: 'O',
  alamat: 'JL. RAYA DONOROJO NO. 12',
  rt: '001',
  rw: '002',
  kelurahanDesa: 'DONOROJO',
  kecamatan: 'DONOROJO',
  agama: 'ISLAM',
  statusPerkawinan: 'KAWIN',
  pekerjaan: 'PETANI/PEKEBUN',
  kewarganegaraan: 'WNI',
} as const;

export function demographicsFixture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...BUDI, ...overrides };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bytes that start like a PNG (its 8-byte signature) followed by noise: enough for the format check. */
export function fakePng(size = 2048): Buffer {
  return Buffer.concat([PNG_SIGNATURE, randomBytes(size)]);
}

/** One ridge frame per finger position, made once per process (they are deterministic). */
const fingerFrames = new Map<string, string>();
function fingerFrame(position: string): string {
  let base64 = fingerFrames.get(position);
  if (base64 === undefined) {
    base64 = sampleCapture('FINGER', REQUIRED_CAPTURES.find((r) => r.position === position)?.position ?? 'RIGHT_THUMB', 1).bytes.toString('base64');
    fingerFrames.set(position, base64);
  }
  return base64;
}

/**
 * Every required capture as addCapture params: PNG-signature images (which the station cannot
 * decode, so the given quality stands), or 256×288 GRAY4 ridge frames for fingers (which the
 * station scores itself; they pass the fingerprint threshold).
 */
export function captureParams(id: string): Array<Record<string, unknown>> {
  return REQUIRED_CAPTURES.map(({ modality, position }) =>
    modality === 'FINGER'
      ? {
          id,
          modality,
          position,
          quality: 70,
          image: { format: 'GRAY4', base64: fingerFrame(position), width: 256, height: 288 },
        }
      : { id, modality, position, quality: 80, image: { format: 'PNG', base64: fakePng().toString('base64') } },
  );
}

/** A blank 256×288 GRAY4 frame: glass with no finger, which the station scores 0. */
export function blankFingerFrame(): { format: 'GRAY4'; base64: string; width: number; height: number } {
  return { format: 'GRAY4', base64: Buffer.alloc((256 * 288) / 2, 0xee).toString('base64'), width: 256, height: 288 };
}
