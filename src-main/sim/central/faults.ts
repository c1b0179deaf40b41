import { z } from 'zod';

/**
 * What can go wrong with central, as the emulator plays it. Transport faults (offline, latency,
 * bandwidth, resets) are played by the TCP proxy in front of the HTTP server, so the station
 * meets them on the wire exactly as it would meet a bad link; the rest by the HTTP server.
 */
export const CentralFaults = z
  .object({
    /** Connections refused: nothing listens on central's port. */
    offline: z.boolean().default(false),
    /** 503 with Retry-After (seconds) on every API call. */
    maintenanceRetryAfterSeconds: z.number().int().min(1).max(86_400).nullable().default(null),
    /** Share of API calls answered 500 / 502 at random, 0..1. */
    errorRatio: z.number().min(0).max(1).default(0),
    /** Added to every round trip, in ms (one way, client to central). */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** The link's capacity in bytes per second, each direction; null: unlimited. */
    bandwidthBytesPerSecond: z.number().int().min(1024).nullable().default(null),
    /** Connection reset after this many bytes sent by the client on one connection; null: never. */
    resetAfterBytes: z.number().int().min(1).nullable().default(null),
    /** Replies held back this long before they are sent, in ms. */
    slowReplyMs: z.number().int().min(0).max(120_000).default(0),
    /** Share of JSON replies sent malformed (cut short), 0..1. */
    malformedRatio: z.number().min(0).max(1).default(0),
    /** Central's clock runs this many seconds ahead (negative: behind). */
    clockSkewSeconds: z.number().int().min(-7 * 86_400).max(7 * 86_400).default(0),
  })
  .strict();
export type CentralFaults = z.output<typeof CentralFaults>;
export type CentralFaultsInput = z.input<typeof CentralFaults>;

export const NO_FAULTS: CentralFaults = CentralFaults.parse({});

const KEYS: Record<string, { key: keyof CentralFaults; kind: 'flag' | 'int' | 'ratio' | 'bytes' }> = {
  offline: { key: 'offline', kind: 'flag' },
  maintenance: { key: 'maintenanceRetryAfterSeconds', kind: 'int' },
  '5xx': { key: 'errorRatio', kind: 'ratio' },
  latency: { key: 'latencyMs', kind: 'int' },
  bandwidth: { key: 'bandwidthBytesPerSecond', kind: 'bytes' },
  'reset-after': { key: 'resetAfterBytes', kind: 'bytes' },
  slow: { key: 'slowReplyMs', kind: 'int' },
  malformed: { key: 'malformedRatio', kind: 'ratio' },
  skew: { key: 'clockSkewSeconds', kind: 'int' },
};

const UNITS: Record<string, number> = { '': 1, k: 1024, kib: 1024, m: 1024 * 1024, mib: 1024 * 1024, kb: 1000, mb: 1_000_000 };

function parseBytes(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(text);
  const unit = UNITS[(match?.[2] ?? '').toLowerCase()];
  if (match?.[1] === undefined || unit === undefined) throw new Error(`"${text}" is not a byte count (e.g. 262144, 256k, 2.5m)`);
  return Math.round(Number(match[1]) * unit);
}

/**
 * Parses the `--faults` text: comma-separated `name` or `name=value`, e.g.
 * `maintenance=60,5xx=0.2,latency=500,bandwidth=2.5m,reset-after=256k,slow=2000,malformed=0.1,skew=7200,offline`.
 * A ratio may be written as a percentage (`5xx=20%`).
 */
export function parseFaultSpec(spec: string): CentralFaults {
  const input: Record<string, unknown> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter((p) => p.length > 0)) {
    const [name = '', value] = part.split('=', 2).map((p) => p.trim());
    const entry = KEYS[name];
    if (entry === undefined) throw new Error(`unknown fault "${name}"; known: ${Object.keys(KEYS).join(', ')}`);
    if (entry.kind === 'flag') {
      input[entry.key] = value === undefined ? true : value !== 'false' && value !== '0';
      continue;
    }
    if (value === undefined || value === '') throw new Error(`fault "${name}" needs a value, e.g. ${name}=1`);
    if (entry.kind === 'bytes') input[entry.key] = parseBytes(value);
    else if (entry.kind === 'ratio') input[entry.key] = value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
    else input[entry.key] = Number(value);
  }
  const parsed = CentralFaults.safeParse(input);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return parsed.data;
}
