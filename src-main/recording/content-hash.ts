import { createHash } from 'node:crypto';
import { canonicalJson } from '../security/canonical-json.js';

/** What the content hash covers: the record's identity, its data, and each kept capture's bytes (by hash). */
export interface HashedContent {
  id: string;
  registrationNo: string;
  nik: string;
  demographics: Record<string, unknown>;
  captures: ReadonlyArray<{
    modality: string;
    position: string;
    format: string | null;
    sha256: string;
    byteLength: number;
    quality: number | null;
    exceptionReason: string | null;
  }>;
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the content (keys sorted, one number form, no
 * whitespace), captures in a fixed order: the same record always hashes the same, on any
 * station and at central, and any change to data or image bytes changes it.
 */
export function contentHash(content: HashedContent): string {
  const captures = [...content.captures].sort((a, b) =>
    a.modality === b.modality ? a.position.localeCompare(b.position) : a.modality.localeCompare(b.modality),
  );
  return createHash('sha256').update(canonicalJson({ ...content, captures }), 'utf8').digest('hex');
}
