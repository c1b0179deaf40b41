import type { StationErrorPayload } from '../../contract/errors.js';
import { StationError } from '../station-error.js';
import { CoreMessage } from './protocol.js';
import type { DataKeyOutcome, ParentMessage, WindowDisplay } from './protocol.js';
import { DEFAULT_BACKOFF, restartDelay } from './restart-backoff.js';
import type { BackoffPolicy } from './restart-backoff.js';

/**
 * One launched core (an Electron utilityProcess, or a Node worker), seen from the parent.
 * `P` is the port type that host transfers (MessagePortMain, or a worker_threads MessagePort).
 */
export interface CoreChild<P> {
  send(message: Exclude<ParentMessage, { kind: 'attach' }>): void;
  /** Sends `attach` with the port in the transfer list. */
  attach(connection: string, port: P): void;
  onMessage(listener: (data: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends it at once (only when a clean shutdown did not finish in time). */
  kill(): void;
}

export type CoreState =
  | { state: 'starting'; attempt: number }
  | { state: 'running'; mode: 'training' | 'production'; display: WindowDisplay; dataDir: string; logFile: string; restarts: number }
  | { state: 'restarting'; attempt: number; delayMs: number; exitCode: number | null }
  | { state: 'stopping' }
  | { state: 'stopped' }
  | { state: 'failed'; error: StationErrorPayload };

export interface SupervisorOptions<P> {
  launch: () => CoreChild<P>;
  /** Answers the core's data key request (Electron main: safeStorage). Absent: the core loads its own. */
  provideDataKey?: (dataDir: string) => DataKeyOutcome;
  onState: (state: CoreState) => void;
  /** Log lines about the core itself (crashes, restarts) for the shell's own log. */
  onLog?: (level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown>) => void;
  backoff?: BackoffPolicy;
  /** How long a clean shutdown may take before the core is killed. */
  stopTimeoutMs?: number;
  now?: () => number;
}

/**
 * Keeps one Station core alive off the window's thread: starts it, restarts it with backoff
 * when it crashes, forwards windows' ports to it, and stops it cleanly (the core finishes its
 * calls in flight first). A core that could not boot (bad config, store refused) is not
 * restarted: that is reported as `failed` with the core's own error.
 */
export class CoreSupervisor<P> {
  private child: CoreChild<P> | null = null;
  private current: CoreState = { state: 'stopped' };
  private consecutiveCrashes = 0;
  private restarts = 0;
  private readyAt: number | null = null;
  private bootError: StationErrorPayload | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private stopRequested = false;
  private stopped: Promise<void> | null = null;
  private readonly backoff: BackoffPolicy;
  private readonly now: () => number;

  constructor(private readonly options: SupervisorOptions<P>) {
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.now = options.now ?? Date.now;
  }

  get state(): CoreState {
    return this.current;
  }

  start(): void {
    if (this.child !== null || this.stopRequested) return;
    this.launch();
  }

  /** Hands a window's port to the running core; false (port unused) when no core is running. */
  attach(connection: string, port: P): boolean {
    if (this.child === null || this.current.state !== 'running') return false;
    this.child.attach(connection, port);
    return true;
  }

  /** A line for the station log, written by the core. */
  log(level: 'info' | 'warn' | 'error', message: string, fields: Record<string, unknown> = {}): void {
    if (this.child !== null && this.current.state === 'running') this.child.send({ kind: 'log', level, message, fields });
    else this.options.onLog?.(level, message, fields);
  }

  /** Clean shutdown: the core finishes its calls in flight, closes the store, exits. */
  stop(): Promise<void> {
    this.stopped ??= this.stopOnce();
    return this.stopped;
  }

  private async stopOnce(): Promise<void> {
    this.stopRequested = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const child = this.child;
    if (child === null) {
      this.setState({ state: 'stopped' });
      return;
    }
    this.setState({ state: 'stopping' });
    await new Promise<void>((resolve) => {
      const timeout = setTimeout(() => {
        this.options.onLog?.('error', 'station core did not stop in time; killed', { stopTimeoutMs: this.options.stopTimeoutMs ?? 30_000 });
        child.kill();
      }, this.options.stopTimeoutMs ?? 30_000);
      child.onExit(() => {
        clearTimeout(timeout);
        resolve();
      });
      child.send({ kind: 'shutdown' });
    });
  }

  private launch(): void {
    const attempt = this.restarts + 1;
    this.setState({ state: 'starting', attempt });
    this.readyAt = null;
    this.bootError = null;
    const child = this.options.launch();
    this.child = child;
    child.onMessage((data) => this.onCoreMessage(child, data));
    child.onExit((code) => this.onExit(child, code));
  }

  private onCoreMessage(child: CoreChild<P>, data: unknown): void {
    const parsed = CoreMessage.safeParse(data);
    if (!parsed.success) {
      this.options.onLog?.('warn', 'malformed message from the station core dropped', { issues: parsed.error.issues.map((i) => i.message) });
      return;
    }
    const message = parsed.data;
    switch (message.kind) {
      case 'ready':
        this.readyAt = this.now();
        this.setState({ state: 'running', mode: message.mode, display: message.display, dataDir: message.dataDir, logFile: message.logFile, restarts: this.restarts });
        if (this.restarts > 0) child.send({ kind: 'log', level: 'warn', message: 'station core restarted after a crash', fields: { restarts: this.restarts } });
        return;
      case 'boot-failed':
        this.bootError = message.error;
        return;
      case 'data-key-request': {
        const outcome: DataKeyOutcome = this.options.provideDataKey
          ? this.options.provideDataKey(message.dataDir)
          : { ok: false, error: new StationError('DATA_KEY_UNUSABLE', { details: { reason: 'no data key provider in this host' } }).toPayload() };
        child.send({ kind: 'data-key', outcome });
        return;
      }
      case 'stopped':
        return;
    }
  }

  private onExit(child: CoreChild<P>, code: number | null): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.stopRequested) {
      this.setState({ state: 'stopped' });
      return;
    }
    if (this.bootError !== null) {
      this.setState({ state: 'failed', error: this.bootError });
      return;
    }
    const healthy = this.readyAt !== null && this.now() - this.readyAt >= this.backoff.healthyAfterMs;
    this.consecutiveCrashes = healthy ? 1 : this.consecutiveCrashes + 1;
    this.restarts += 1;
    const delayMs = restartDelay(this.consecutiveCrashes, this.backoff);
    this.options.onLog?.('error', 'station core exited unexpectedly; restarting', { exitCode: code, delayMs, consecutiveCrashes: this.consecutiveCrashes });
    this.setState({ state: 'restarting', attempt: this.restarts, delayMs, exitCode: code });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopRequested) this.launch();
    }, delayMs);
  }

  private setState(state: CoreState): void {
    this.current = state;
    this.options.onState(state);
  }
}
