import { randomBytes } from 'node:crypto';
import type { Operator, SessionView } from '../contract/methods/session.js';

export interface OperatorSession {
  readonly sessionId: string;
  readonly operator: Operator;
  readonly startedAt: Date;
  expiresAt: Date;
  readonly training: boolean;
}

export interface SessionRegistryOptions {
  /** Idle time after which a session stops working. */
  idleMs: number;
  now?: () => Date;
}

/**
 * Operator sessions of this launch, kept in memory: a restart signs everyone out,
 * and a session id from another launch is never valid.
 */
export class SessionRegistry {
  private readonly sessions = new Map<string, OperatorSession>();
  private readonly now: () => Date;

  constructor(private readonly options: SessionRegistryOptions) {
    this.now = options.now ?? (() => new Date());
  }

  start(operator: Operator, training: boolean): OperatorSession {
    const startedAt = this.now();
    const session: OperatorSession = {
      sessionId: randomBytes(24).toString('base64url'),
      operator,
      startedAt,
      expiresAt: new Date(startedAt.getTime() + this.options.idleMs),
      training,
    };
    this.sessions.set(session.sessionId, session);
    return session;
  }

  /** The live session for an id, extending its idle deadline; null when unknown or expired. */
  touch(sessionId: string | null): OperatorSession | null {
    if (sessionId === null) return null;
    const session = this.sessions.get(sessionId);
    if (session === undefined) return null;
    const now = this.now();
    if (session.expiresAt.getTime() <= now.getTime()) {
      this.sessions.delete(sessionId);
      return null;
    }
    session.expiresAt = new Date(now.getTime() + this.options.idleMs);
    return session;
  }

  end(sessionId: string): boolean {
    return this.sessions.delete(sessionId);
  }
}

export function toSessionView(session: OperatorSession): SessionView {
  return {
    sessionId: session.sessionId,
    operator: session.operator,
    startedAt: session.startedAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    training: session.training,
  };
}
