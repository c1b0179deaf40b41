/** How a crashed core is restarted: exponential delays, reset once a core has run for a while. */
export interface BackoffPolicy {
  /** Delay before the first restart after a crash. */
  readonly initialMs: number;
  /** Each further consecutive crash multiplies the delay by this. */
  readonly factor: number;
  /** The delay never grows past this. */
  readonly maxMs: number;
  /** A core that stayed up this long counts as healthy: the next crash starts from initialMs again. */
  readonly healthyAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 500, factor: 2, maxMs: 30_000, healthyAfterMs: 60_000 };

/** The delay before restart number `consecutiveCrashes` (1 for the first crash in a row). */
export function restartDelay(consecutiveCrashes: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  if (!Number.isInteger(consecutiveCrashes) || consecutiveCrashes < 1) throw new RangeError(`consecutiveCrashes must be an integer ≥ 1, got ${consecutiveCrashes}`);
  return Math.min(policy.maxMs, Math.round(policy.initialMs * policy.factor ** (consecutiveCrashes - 1)));
}
