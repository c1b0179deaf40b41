import { createRequire } from 'node:module';

// `canonicalize` (RFC 8785) is CommonJS with `module.exports = serialize`, while its typings
// declare an ES default export that NodeNext resolution reads as a namespace: load it as what it is.
const serialize = createRequire(import.meta.url)('canonicalize') as (input: unknown) => string | undefined;

/**
 * RFC 8785 canonical JSON (sorted keys, one number form, no whitespace): the same value always
 * gives the same text, so hashes over it agree on any station and at central.
 */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised (undefined, a function or a symbol)');
  return text;
}
