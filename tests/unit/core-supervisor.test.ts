// The supervisor's restart policy with the launched core replaced by an in-memory stand-in
// (the real worker is in tests/integration/core-process.test.ts): which delays, when the
// count resets, and that a stop during a wait launches nothing more.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CoreSupervisor } from '../../src-main/core/process/core-supervisor.js';
import type { CoreChild, CoreState } from '../../src-main/core/process/core-supervisor.js';
import { restartDelay } from '../../src-main/core/process/restart-backoff.js';

const POLICY = { initialMs: 100, factor: 2, maxMs: 1000, healthyAfterMs: 60_000 };

function standIn() {
  let onMessage: (data: unknown) => void = () => undefined;
  let onExit: (code: number | null) => void = () => undefined;
  const child: CoreChild<never> = {
    send: () => undefined,
    attach: () => undefined,
    onMessage: (l) => void (onMessage = l),
    onExit: (l) => void (onExit = l),
    kill: () => onExit(null),
  };
  return {
    child,
    ready: () => onMessage({ kind: 'ready', mode: 'training', display: 'windowed', dataDir: '/d', logFile: '/d/l' }),
    crash: (code = 134) => onExit(code),
  };
}

afterEach(() => vi.useRealTimers());

describe('restart backoff', () => {
  it('doubles from the first delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => restartDelay(n, POLICY))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(() => restartDelay(0, POLICY)).toThrow(RangeError);
  });

  it('(core replaced) grows with crashes in a row, resets after a healthy run, and stops waiting on stop', async () => {
    vi.useFakeTimers();
    let clock = 0;
    const children: Array<ReturnType<typeof standIn>> = [];
    const states: CoreState[] = [];
    const supervisor = new CoreSupervisor<never>({
      launch: () => {
        const s = standIn();
        children.push(s);
        return s.child;
      },
      backoff: POLICY,
      now: () => clock,
      onState: (s) => states.push(s),
    });
    const delays = () => states.flatMap((s) => (s.state === 'restarting' ? [s.delayMs] : []));
    supervisor.start();
    children.at(-1)?.ready();
    children.at(-1)?.crash();
    vi.advanceTimersByTime(100);
    children.at(-1)?.crash(); // crashed while booting: still in a row
    vi.advanceTimersByTime(200);
    children.at(-1)?.ready();
    clock += 61_000; // a healthy minute
    children.at(-1)?.crash();
    expect(delays()).toEqual([100, 200, 100]);
    expect(children).toHaveLength(3);
    await supervisor.stop(); // during the wait: no further launch
    vi.advanceTimersByTime(10_000);
    expect(children).toHaveLength(3);
    expect(states.at(-1)).toEqual({ state: 'stopped' });
  });
});
