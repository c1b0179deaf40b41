import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

// `canonicalize` (RFC 8785) is CommonJS with `module.exports = serialize`, while its typings
// declare an ES default export that NodeNext resolution reads as a namespace: load it as what it is.
const canonicalize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

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
  const text = canonicalize({ ...content, captures });
  if (text === undefined) throw new Error('content cannot be canonicalised');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
