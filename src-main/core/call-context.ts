import type { Role } from '../contract/roles.js';

/** Which host carried the call. */
export type HostKind = 'web' | 'electron' | 'cli';

/**
 * One caller's link to the station: a browser tab (web host), a window (Electron) or a script.
 * It carries the operator session the caller presented, and lets sign-in and sign-out bind it.
 */
export interface CallerConnection {
  readonly host: HostKind;
  /** The operator session this caller presented, or null when not signed in. */
  readonly sessionId: string | null;
  /**
   * What this caller's sessions are bound to: a digest of the web host's launch token; null (or
   * absent) for a host without one. A session started under one binding is unknown under another.
   */
  readonly binding?: string | null;
  /** Called by sign-in: a host that keeps sessions per connection (Electron) remembers it. */
  bindSession(sessionId: string): void;
  /** Called by sign-out. */
  unbindSession(): void;
}

/** What a method handler knows about its caller, after the dispatcher checked it. */
export interface CallContext {
  readonly connection: CallerConnection;
  /** Null for methods open to anyone when no operator is signed in. */
  readonly operator: {
    readonly id: string;
    readonly displayName: string;
    readonly role: Role;
    readonly sessionId: string;
    /** Only methods open to anyone (unlock, sign-out, current) ever see a locked session. */
    readonly locked: boolean;
  } | null;
}

/** A connection whose session is only what the caller sends each time (HTTP, CLI). */
export function statelessConnection(host: HostKind, sessionId: string | null, binding: string | null = null): CallerConnection {
  return {
    host,
    sessionId,
    binding,
    bindSession: () => undefined,
    unbindSession: () => undefined,
  };
}

/** A connection that remembers its session between calls (one Electron window). */
export function statefulConnection(host: HostKind): CallerConnection {
  let current: string | null = null;
  return {
    host,
    get sessionId() {
      return current;
    },
    bindSession: (id) => {
      current = id;
    },
    unbindSession: () => {
      current = null;
    },
  };
}
