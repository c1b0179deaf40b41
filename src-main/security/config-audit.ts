import { createHash } from 'node:crypto';
import type { StationProfile } from '../core/config/profile.js';
import type { StationStore } from '../store/station-store.js';
import { canonicalJson } from './canonical-json.js';

/** The digest of the configuration a station runs with (RFC 8785 JSON of the validated profile). */
export function configDigest(profile: StationProfile): string {
  return createHash('sha256').update(canonicalJson(profile)).digest('hex');
}

/**
 * At start: when the configuration differs from the one the audit log last recorded (or none is
 * recorded yet), write CONFIG_CHANGED with both digests and the top-level fields that changed.
 */
export function auditConfiguration(store: StationStore, profile: StationProfile, configPath: string | null, at: Date): boolean {
  const digest = configDigest(profile);
  const last = store.audit.lastOf('CONFIG_CHANGED');
  const previous = last?.details['digest'];
  if (previous === digest) return false;
  const previousFields = (last?.details['fields'] ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(profile)) fields[key] = createHash('sha256').update(canonicalJson(value ?? null)).digest('hex').slice(0, 16);
  const changed = Object.keys(fields).filter((key) => previousFields[key] !== fields[key]);
  store.transaction(() =>
    store.audit.append({
      at: at.toISOString(),
      actor: 'station',
      role: 'system',
      action: 'CONFIG_CHANGED',
      subject: configPath,
      details: { digest, previous: typeof previous === 'string' ? previous : null, changed, fields },
    }),
  );
  return true;
}
