import type { Logger } from 'pino';
import type { z } from 'zod';
import { methods } from '../contract/index.js';
import type { CallOutcome, MethodSpec } from '../contract/index.js';
import type { CallContext, CallerConnection } from './call-context.js';
import type { Handlers } from './handlers.js';
import type { ReauthProofs } from './reauth-proofs.js';
import type { OperatorSession, SessionRegistry } from './sessions.js';
import { StationError, isStationError } from './station-error.js';

export interface Dispatcher {
  /**
   * The one entry point of every call from every host. Never throws: the outcome is a
   * result or a typed error. Unknown method, session, role and params are checked here, in
   * that order, so a caller without the right learns nothing about a method's params.
   */
  dispatch(method: string, params: unknown, connection: CallerConnection): Promise<CallOutcome<unknown>>;
}

export interface DispatcherDeps {
  handlers: Handlers;
  sessions: SessionRegistry;
  logger: Logger;
  security?: DispatchSecurity;
}

/** One audit entry the dispatcher asks to be written (refusals, and methods that declare `audit`). */
export interface DispatchAuditEntry {
  actor: string;
  role: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

/** What the dispatcher needs beyond sessions: re-authentication proofs and the audit log. */
export interface DispatchSecurity {
  reauth?: ReauthProofs;
  /** Writes one audit entry now (its own transaction). May throw a StationError (disk full). */
  audit?: (entry: DispatchAuditEntry) => void;
}

/** Refusals before any handler ran: each one is audited, with the method and the code, never the params. */
const AUDITED_REFUSALS: ReadonlySet<string> = new Set([
  'UNKNOWN_METHOD',
  'SESSION_REQUIRED',
  'SESSION_LOCKED',
  'FORBIDDEN_ROLE',
  'PASSWORD_CHANGE_REQUIRED',
  'REAUTH_REQUIRED',
  'INVALID_PARAMS',
]);

/** What a session signed in with a supervisor-set password may still do. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set(['account.changePassword']);

/** Any method table of the contract's shape (the real contract, or a test's own). */
export type MethodTable = Readonly<Record<string, MethodSpec<z.ZodType, z.ZodType>>>;
type UntypedHandler = (params: unknown, context: CallContext) => unknown;

/** The station's dispatcher over the real contract. */
export function createDispatcher({ handlers, sessions, logger, security }: DispatcherDeps): Dispatcher {
  // Handlers is keyed by method name and each handler takes that method's validated params:
  // the dispatcher validates with the same table before it calls, so the widening is safe here.
  return createTableDispatcher(methods, handlers as unknown as Readonly<Record<string, UntypedHandler>>, sessions, logger, security);
}

function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export function createTableDispatcher(
  table: MethodTable,
  handlers: Readonly<Record<string, UntypedHandler>>,
  sessions: SessionRegistry,
  logger: Logger,
  security: DispatchSecurity = {},
): Dispatcher {
  const known = (name: string): boolean => Object.prototype.hasOwnProperty.call(table, name);
  async function run(
    method: string,
    rawParams: unknown,
    connection: CallerConnection,
    session: OperatorSession | null,
  ): Promise<unknown> {
    const spec = known(method) ? table[method] : undefined;
    const handler = known(method) ? handlers[method] : undefined;
    if (spec === undefined || handler === undefined) {
      throw new StationError('UNKNOWN_METHOD', { details: { method } });
    }
    if (spec.roles !== 'anyone') {
      if (session === null) {
        throw new StationError('SESSION_REQUIRED', { details: { method } });
      }
      if (session.locked) {
        throw new StationError('SESSION_LOCKED', { details: { method } });
      }
      if (!spec.roles.includes(session.operator.role)) {
        throw new StationError('FORBIDDEN_ROLE', {
          details: { method, role: session.operator.role, allowed: [...spec.roles] },
        });
      }
      if (session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(method)) {
        throw new StationError('PASSWORD_CHANGE_REQUIRED', { details: { method } });
      }
    }
    let params: unknown = rawParams ?? {};
    if (spec.reauth === true) params = takeReauthProof(method, params, session);
    const parsed = spec.params.safeParse(params);
    if (!parsed.success) {
      throw new StationError('INVALID_PARAMS', { details: { method, issues: issuesOf(parsed.error) } });
    }
    const context: CallContext = {
      connection,
      operator:
        session === null
          ? null
          : {
              id: session.operator.id,
              displayName: session.operator.displayName,
              role: session.operator.role,
              sessionId: session.sessionId,
              locked: session.locked,
            },
    };
    const result: unknown = await handler(parsed.data, context);
    const checked = spec.result.safeParse(result);
    if (!checked.success) {
      // A handler broke the contract: a bug, never the caller's fault.
      throw new StationError('INTERNAL', {
        details: { method, reason: 'result does not match the contract', issues: issuesOf(checked.error) },
      });
    }
    if (spec.audit !== undefined) {
      const subjectValue = spec.audit.subjectParam === undefined ? undefined : (parsed.data as Record<string, unknown>)[spec.audit.subjectParam];
      security.audit?.({
        actor: session?.operator.id ?? 'anonymous',
        role: session?.operator.role ?? 'guest',
        action: spec.audit.action,
        subject: typeof subjectValue === 'string' ? subjectValue : null,
        details: { method, host: connection.host },
      });
    }
    return checked.data;
  }

  /** A sensitive method's proof rides beside its params: check it, use it up, and hand on the rest. */
  function takeReauthProof(method: string, params: unknown, session: OperatorSession | null): unknown {
    const record = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : null;
    const proof = record?.['reauthProof'];
    if (session === null || typeof proof !== 'string' || security.reauth?.consume(proof, session.sessionId, method) !== true) {
      throw new StationError('REAUTH_REQUIRED', { details: { method, hint: 'call session.reauthenticate { password, method } and send reauthProof' } });
    }
    const { reauthProof: _used, ...rest } = record ?? {};
    return rest;
  }

  function auditRefusal(method: string, error: StationError, session: OperatorSession | null, connection: CallerConnection): void {
    if (!AUDITED_REFUSALS.has(error.code) || security.audit === undefined) return;
    const details: Record<string, unknown> = { method: method.slice(0, 80), code: error.code, host: connection.host };
    const issues = error.details?.['issues'];
    if (Array.isArray(issues)) details['fields'] = issues.map((issue: { path?: unknown }) => (typeof issue.path === 'string' ? issue.path : '?')).slice(0, 20);
    try {
      security.audit({
        actor: session?.operator.id ?? 'anonymous',
        role: session?.operator.role ?? 'guest',
        action: 'CALL_REFUSED',
        subject: null,
        details,
      });
    } catch (auditError: unknown) {
      logger.error({ err: auditError, method, code: error.code }, 'could not audit a refused call');
    }
  }

  return {
    async dispatch(method, params, connection) {
      const started = performance.now();
      const session = sessions.touch(connection.sessionId, connection.binding ?? null);
      const role = session?.operator.role ?? 'guest';
      try {
        const result = await run(method, params, connection, session);
        logger.info({ method, role, host: connection.host, durationMs: elapsed(started), code: 'OK' }, 'call');
        return { ok: true, result };
      } catch (error: unknown) {
        const stationError = isStationError(error)
          ? error
          : new StationError('INTERNAL', { details: { method }, cause: error });
        auditRefusal(method, stationError, session, connection);
        const level = stationError.code === 'INTERNAL' ? 'error' : 'warn';
        logger[level](
          {
            method,
            role,
            host: connection.host,
            durationMs: elapsed(started),
            code: stationError.code,
            details: stationError.details,
            err: isStationError(error) ? undefined : error,
          },
          'call failed',
        );
        return { ok: false, error: stationError.toPayload() };
      }
    },
  };
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 100) / 100;
}
