import { randomBytes } from 'node:crypto';
import type { Operator, SessionView } from '../contract/methods/session.js';

export interface OperatorSession {
  readonly sessionId: string;
  readonly operator: Operator;
  readonly startedAt: Date;
  /** Idle deadline: past it the session locks (it is not ended: the draft and the desk stay). */
  expiresAt: Date;
  /** Past this the session ends, locked or not. */
  readonly endsAt: Date;
  readonly training: boolean;
  /**
   * What the session is bound to: the web host's launch token (as a digest), or null for a host
   * without one (Electron's window). A session id presented with another binding is unknown.
   */
  readonly binding: string | null;
  locked: boolean;
  mustChangePassword: boolean;
}

export interface SessionRegistryOptions {
  /** Idle time after which a session locks. */
  idleMs: number;
  /** Longest life of a session. Default 12 hours. */
  maxMs?: number;
  now?: () => Date;
}

export interface StartOptions {
  training: boolean;
  binding?: string | null;
  mustChangePassword?: boolean;
}

/**
 * Operator sessions of this launch, kept in memory: a restart signs everyone out,
 * and a session id from another launch (or presented with another launch token) is never valid.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, OperatorSession>();
  private readonly now: () => Date;
  readonly idleMs: number;
  private readonly maxMs: number;

  constructor(options: SessionRegistryOptions) {
    this.now = options.now ?? (() => new Date());
    this.idleMs = options.idleMs;
    this.maxMs = options.maxMs ?? 12 * 3_600_000;
  }

  start(operator: Operator, training: boolean | StartOptions): OperatorSession {
    const opts: StartOptions = typeof training === 'boolean' ? { training } : training;
    const startedAt = this.now();
    const session: OperatorSession = {
      sessionId: randomBytes(24).toString('base64url'),
      operator,
      startedAt,
      expiresAt: new Date(startedAt.getTime() + this.idleMs),
      endsAt: new Date(startedAt.getTime() + this.maxMs),
      training: opts.training,
      binding: opts.binding ?? null,
      locked: false,
      mustChangePassword: opts.mustChangePassword ?? false,
    };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /**
   * The session for an id presented with `binding`, without touching its idle deadline:
   * null when unknown, ended, or bound elsewhere. A session idle past its deadline comes back locked.
   */
  find(sessionId: string | null, binding: string | null = null): OperatorSession | null {
    if (sessionId === null) return null;
    const session = this.sessions.get(sessionId);
    if (session === undefined) return null;
    if (session.binding !== binding) return null;
    const now = this.now().getTime();
    if (session.endsAt.getTime() <= now) {
      this.sessions.delete(sessionId);
      return null;
    }
    if (session.expiresAt.getTime() <= now) session.locked = true;
    return session;
  }

  /** As find(), and a live (unlocked) session's idle deadline moves on. */
  touch(sessionId: string | null, binding: string | null = null): OperatorSession | null {
    const session = this.find(sessionId, binding);
    if (session !== null && !session.locked) session.expiresAt = new Date(this.now().getTime() + this.idleMs);
    return session;
  }

  /** After the same person proved it with their password. */
  unlock(session: OperatorSession): void {
    session.locked = false;
    session.expiresAt = new Date(this.now().getTime() + this.idleMs);
  }

  end(sessionId: string): boolean {
    return this.sessions.delete(sessionId);
  }

  /** Ends every session of one account (disabled, password reset). Returns how many ended. */
  endAllOf(operatorId: string): number {
    let ended = 0;
    for (const [id, session] of this.sessions) {
      if (session.operator.id === operatorId) {
        this.sessions.delete(id);
        ended += 1;
      }
    }
    return ended;
  }
}

export function toSessionView(session: OperatorSession, idleMs: number): SessionView {
  return {
    sessionId: session.sessionId,
    operator: session.operator,
    startedAt: session.startedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    training: session.training,
    locked: session.locked,
    mustChangePassword: session.mustChangePassword,
    idleMinutes: Math.max(1, Math.round(idleMs / 60_000)),
  };
}
