/** What a removed secret reads as in the bundle. */
export const REMOVED = '[dihapus / removed]';

/** Field names that hold secrets or keys: the station credential, inline key material, passwords, tokens. */
const SECRET_FIELD = /credential(?!File)|secret|password|passphrase|token|private|Pem$|^key$/i;

/**
 * A copy of the config with every secret replaced by REMOVED, at any depth. File paths
 * (credentialFile, publicKeyFile) stay: they say where a secret lives, not what it is.
 */
export function redactConfig(value: unknown): { redacted: unknown; removed: string[] } {
  const removed: string[] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}.${index}`));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node)) {
        const childPath = path === '' ? key : `${path}.${key}`;
        if (SECRET_FIELD.test(key) && child !== null && typeof child !== 'object') {
          out[key] = REMOVED;
          removed.push(childPath);
        } else {
          out[key] = walk(child, childPath);
        }
      }
      return out;
    }
    return node;
  };
  return { redacted: walk(value, ''), removed };
}
