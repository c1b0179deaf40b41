import { createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../security/canonical-json.js';
import { publicKeyId } from '../sync/packet.js';

/**
 * The manifest of a USB export (`manifest.json` in the export folder): which sealed packets the
 * folder holds, each with its SHA-256 and size, signed by the exporting station's Ed25519 key.
 *
 * It carries no resident data: ids, registration numbers, content hashes and sizes only. The
 * signer's public key travels in the manifest so any station can check it, and the importing
 * side also checks that this key is the one central pinned for the station (a key alone proves
 * nothing about who holds it).
 */
export const EXPORT_FORMAT = 'ktp-station-export';
export const MANIFEST_FILE = 'manifest.json';
export const PACKETS_SUBDIR = 'packets';
/** The folder of a finished export: `ktp-export-<station>-<UTC time>`; while written it ends in `.partial`. */
export const EXPORT_DIR_PREFIX = 'ktp-export-';
export const PARTIAL_SUFFIX = '.partial';
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const EnrollmentId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/);

export const ExportedPacket = z.object({
  /** Relative to the export folder: `packets/<id>-<hash16>.pkt`. */
  file: z.string().regex(/^packets\/[0-9A-HJKMNP-TV-Z]{26}-[0-9a-f]{16}\.pkt$/),
  enrollmentId: EnrollmentId,
  registrationNo: z.string().min(1).max(40),
  regencyCode: z.string().regex(/^\d{4}$/),
  committedAt: z.iso.datetime({ offset: true }),
  contentHash: Sha256Hex,
  sha256: Sha256Hex,
  bytes: z.number().int().positive(),
});
export type ExportedPacket = z.infer<typeof ExportedPacket>;

export const ExportManifest = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    v: z.literal(1),
    exportId: z.string().min(1).max(64),
    stationId: z.string().regex(/^[A-Z0-9][A-Z0-9-]{2,31}$/),
    createdAt: z.iso.datetime({ offset: true }),
    since: z.string().nullable(),
    /** The central key the packets are sealed to: only that central can open them. */
    centralKeyId: Sha256Hex,
    signer: z.object({ alg: z.literal('Ed25519'), keyId: Sha256Hex, publicKeyPem: z.string().startsWith('-----BEGIN PUBLIC KEY-----') }),
    packets: z.array(ExportedPacket),
    totalBytes: z.number().int().nonnegative(),
    signature: z.string().min(1),
  })
  .strict();
export type ExportManifest = z.infer<typeof ExportManifest>;
export type UnsignedManifest = Omit<ExportManifest, 'signature'>;

function signedBytes(manifest: UnsignedManifest): Buffer {
  return Buffer.from(canonicalJson(manifest), 'utf8');
}

export function signManifest(manifest: UnsignedManifest, stationSigningKey: KeyObject): ExportManifest {
  return { ...manifest, signature: sign(null, signedBytes(manifest), stationSigningKey).toString('base64') };
}

export type ManifestFault = 'signer-key-invalid' | 'signature-invalid' | 'totals-wrong' | 'duplicate-record';

/** Checks the manifest against the key it names: the signature, the key id, the totals. Returns the signer's key. */
export function checkManifest(manifest: ExportManifest): { ok: true; signerKey: KeyObject } | { ok: false; fault: ManifestFault; detail: string } {
  let signerKey: KeyObject;
  try {
    signerKey = createPublicKey(manifest.signer.publicKeyPem);
  } catch {
    return { ok: false, fault: 'signer-key-invalid', detail: 'the signer key in the manifest is not a public key' };
  }
  if (signerKey.asymmetricKeyType !== 'ed25519' || publicKeyId(signerKey) !== manifest.signer.keyId) {
    return { ok: false, fault: 'signer-key-invalid', detail: 'the signer key is not Ed25519 or does not match its key id' };
  }
  const { signature, ...unsigned } = manifest;
  if (!verify(null, signedBytes(unsigned), signerKey, Buffer.from(signature, 'base64'))) {
    return { ok: false, fault: 'signature-invalid', detail: 'the manifest signature does not verify: the manifest was altered' };
  }
  if (manifest.packets.reduce((sum, p) => sum + p.bytes, 0) !== manifest.totalBytes) {
    return { ok: false, fault: 'totals-wrong', detail: 'the manifest total does not add up' };
  }
  if (new Set(manifest.packets.map((p) => p.enrollmentId)).size !== manifest.packets.length) {
    return { ok: false, fault: 'duplicate-record', detail: 'the manifest names a record twice' };
  }
  return { ok: true, signerKey };
}
