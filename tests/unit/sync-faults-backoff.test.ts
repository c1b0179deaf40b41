import { describe, expect, it } from 'vitest';
import { NO_FAULTS, parseFaultSpec } from '../../src-main/sim/central/faults.js';
import { CircuitBreaker, fullJitterDelay } from '../../src-main/sync/backoff.js';
import { retryAfterMs } from '../../src-main/sync/central-client.js';

describe('central emulator fault spec', () => {
  it('reads every fault, with units and percentages', () => {
    expect(parseFaultSpec('maintenance=60,5xx=20%,latency=500,bandwidth=2.5m,reset-after=256k,slow=2000,malformed=0.1,skew=-7200,offline')).toEqual({
      offline: true,
      maintenanceRetryAfterSeconds: 60,
      errorRatio: 0.2,
      latencyMs: 500,
      bandwidthBytesPerSecond: 2_621_440,
      resetAfterBytes: 262_144,
      slowReplyMs: 2000,
      malformedRatio: 0.1,
      clockSkewSeconds: -7200,
    });
    expect(parseFaultSpec('')).toEqual(NO_FAULTS);
  });

  it('refuses unknown faults and bad values, naming them', () => {
    expect(() => parseFaultSpec('lightning')).toThrow(/unknown fault "lightning"/);
    expect(() => parseFaultSpec('5xx=1.5')).toThrow(/errorRatio/);
    expect(() => parseFaultSpec('bandwidth=fast')).toThrow(/not a byte count/);
    expect(() => parseFaultSpec('latency')).toThrow(/needs a value/);
  });
});

describe('backoff and the circuit breaker', () => {
  it('full jitter stays within [0, min(cap, base·2^n))', () => {
    for (let n = 0; n < 40; n += 1) {
      expect(fullJitterDelay(n, 100, 5000, () => 0.999999)).toBeLessThan(Math.min(5000, 100 * 2 ** n));
      expect(fullJitterDelay(n, 100, 5000, () => 0)).toBe(0);
    }
  });

  it('opens after the threshold, lets calls probe when the cooldown ends, doubles it after a failed probe, closes on success', () => {
    let now = 0;
    const breaker = new CircuitBreaker(3, 1000, 8000, () => now);
    breaker.failed();
    breaker.failed();
    expect(breaker.state).toBe('CLOSED');
    breaker.failed();
    expect(breaker.state).toBe('OPEN');
    expect(breaker.waitMs()).toBe(1000);
    now = 1000;
    expect(breaker.state).toBe('HALF_OPEN');
    expect(breaker.waitMs()).toBe(0);
    expect(breaker.waitMs()).toBe(0); // asking does not use up the probe
    breaker.failed();
    expect(breaker.waitMs()).toBe(2000);
    now = 3000;
    breaker.succeeded();
    expect(breaker.state).toBe('CLOSED');
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs(new Date(10_000 + 30_000).toUTCString(), 10_000)).toBe(30_000);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});
