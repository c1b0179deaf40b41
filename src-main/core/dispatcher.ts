import type { Logger } from 'pino';
import type { z } from 'zod';
import { methods } from '../contract/index.js';
import type { CallOutcome, MethodSpec } from '../contract/index.js';
import type { CallContext, CallerConnection } from './call-context.js';
import type { Handlers } from './handlers.js';
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
}

/** Any method table of the contract's shape (the real contract, or a test's own). */
export type MethodTable = Readonly<Record<string, MethodSpec<z.ZodType, z.ZodType>>>;
type UntypedHandler = (params: unknown, context: CallContext) => unknown;

/** The station's dispatcher over the real contract. */
export function createDispatcher({ handlers, sessions, logger }: DispatcherDeps): Dispatcher {
  // Handlers is keyed by method name and each handler takes that method's validated params:
  // the dispatcher validates with the same table before it calls, so the widening is safe here.
  return createTableDispatcher(methods, handlers as unknown as Readonly<Record<string, UntypedHandler>>, sessions, logger);
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
      if (!spec.roles.includes(session.operator.role)) {
        throw new StationError('FORBIDDEN_ROLE', {
          details: { method, role: session.operator.role, allowed: [...spec.roles] },
        });
      }
    }
    const parsed = spec.params.safeParse(rawParams ?? {});
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
    return checked.data;
  }

  return {
    async dispatch(method, params, connection) {
      const started = performance.now();
      const session = sessions.touch(connection.sessionId);
      const role = session?.operator.role ?? 'guest';
      try {
        const result = await run(method, params, connection, session);
        logger.info({ method, role, host: connection.host, durationMs: elapsed(started), code: 'OK' }, 'call');
        return { ok: true, result };
      } catch (error: unknown) {
        const stationError = isStationError(error)
          ? error
          : new StationError('INTERNAL', { details: { method }, cause: error });
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
