import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { StationError } from '../../core/station-error.js';
import { canonicalJson } from '../../security/canonical-json.js';

/**
 * What a Suket's QR code carries: `KTPSUKET1.<claims>.<key>.<signature>`, each part base64url.
 * The claims are canonical JSON (RFC 8785) signed with the issuing station's Ed25519 key; the
 * key travels with them (SPKI DER) so anyone can check the signature, and its fingerprint
 * names the issuer to compare with the station key the office publishes.
 */
export const SUKET_PREFIX = 'KTPSUKET1';

export const SuketClaims = z
  .object({
    id: z.string().min(1),
    nik: z.string().regex(/^\d{16}$/),
    nama: z.string().min(1),
    statusCode: z.enum(['Pro', 'SFE', 'PRR', 'DUP', 'Efac']),
    issuedAt: z.iso.datetime(),
    validUntil: z.iso.date(),
    stationId: z.string().min(1),
    regency: z.string().min(1),
    issuedBy: z.string().min(1),
  })
  .strict();
export type SuketClaims = z.infer<typeof SuketClaims>;

export interface VerifiedSuket {
  claims: SuketClaims;
  /** SHA-256 of the signing key's SPKI DER, hex: who issued it. */
  keyFingerprint: string;
  /** When a trusted key was given: whether the Suket was signed by it. */
  trustedKey: boolean | null;
  expired: boolean;
}

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

export function keyFingerprintOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function signSuket(claims: SuketClaims, privateKey: KeyObject, publicKey: KeyObject): string {
  const body = Buffer.from(canonicalJson(SuketClaims.parse(claims)), 'utf8');
  const signature = sign(null, body, privateKey);
  return [SUKET_PREFIX, b64(body), b64(publicKey.export({ type: 'spki', format: 'der' })), b64(signature)].join('.');
}

function invalid(reason: string, en: string): StationError {
  return new StationError('SUKET_INVALID', {
    message: {
      id: `Suket tidak sah: ${reason}. Jangan terima sebagai pengganti KTP-el; hubungi Disdukcapil penerbit.`,
      en: `The Suket is not valid: ${en}. Do not accept it in place of an e-KTP; contact the issuing office.`,
    },
    details: { reason: en },
  });
}

/** Checks a QR payload; throws SUKET_INVALID naming what is wrong. */
export function verifySuket(payload: string, options: { trustedKeyPem?: string | undefined; now?: Date } = {}): VerifiedSuket {
  const parts = payload.trim().split('.');
  if (parts.length !== 4 || parts[0] !== SUKET_PREFIX) throw invalid('isi QR bukan Suket KTP Station', 'the QR content is not a KTP Station Suket');
  const [, bodyPart = '', keyPart = '', signaturePart = ''] = parts;
  const body = Buffer.from(bodyPart, 'base64url');
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({ key: Buffer.from(keyPart, 'base64url'), format: 'der', type: 'spki' });
    if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error(String(publicKey.asymmetricKeyType));
  } catch {
    throw invalid('kunci penerbit rusak', 'the issuer key is damaged');
  }
  const signature = Buffer.from(signaturePart, 'base64url');
  if (signature.length !== 64 || !verify(null, body, publicKey, signature)) throw invalid('tanda tangan tidak cocok dengan isinya', 'the signature does not match its content');
  let claims: SuketClaims;
  try {
    claims = SuketClaims.parse(JSON.parse(body.toString('utf8')));
  } catch {
    throw invalid('isi bertanda tangan tidak terbaca', 'the signed content cannot be read');
  }
  const keyFingerprint = keyFingerprintOf(publicKey);
  let trustedKey: boolean | null = null;
  if (options.trustedKeyPem !== undefined) {
    trustedKey = keyFingerprintOf(createPublicKey(options.trustedKeyPem)) === keyFingerprint;
    if (!trustedKey) throw invalid('ditandatangani kunci lain, bukan kunci station yang diberikan', 'it was signed by another key than the station key given');
  }
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  return { claims, keyFingerprint, trustedKey, expired: claims.validUntil < today };
}
