/** Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)). */
export function fullJitterDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

/**
 * A circuit breaker over the link to central: after `threshold` consecutive link failures
 * (no connection, timeouts, 5xx) it opens and calls wait `cooldownMs`. Then it is half-open:
 * calls may go; a success closes it, a failure opens it again for twice as long (capped).
 */
export class CircuitBreaker {
  private failures = 0;
  private openedUntil = 0;
  private cooldown: number;

  constructor(
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly maxCooldownMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.cooldown = cooldownMs;
  }

  get state(): BreakerState {
    if (this.failures < this.threshold) return 'CLOSED';
    return this.now() < this.openedUntil ? 'OPEN' : 'HALF_OPEN';
  }

  /** Milliseconds until calls may go again (0: now). */
  waitMs(): number {
    return this.state === 'OPEN' ? this.openedUntil - this.now() : 0;
  }

  succeeded(): void {
    this.failures = 0;
    this.cooldown = this.cooldownMs;
  }

  failed(): void {
    const halfOpen = this.state === 'HALF_OPEN';
    this.failures += 1;
    if (this.failures < this.threshold) return;
    if (halfOpen) this.cooldown = Math.min(this.cooldown * 2, this.maxCooldownMs);
    if (this.state !== 'OPEN') this.openedUntil = this.now() + this.cooldown;
  }

  /** Closes the breaker at once ("Sinkronkan sekarang": the operator says the link is back). */
  reset(): void {
    this.succeeded();
    this.openedUntil = 0;
  }
}
