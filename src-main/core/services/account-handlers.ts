import type { StationMode } from '../../contract/status.js';
import { AccountService, operatorOf, toAccountView } from '../../security/accounts.js';
import type { CallContext } from '../call-context.js';
import type { SessionConfig } from '../config/schema.js';
import type { HandlerGroup } from '../handlers.js';
import type { ReauthProofs } from '../reauth-proofs.js';
import { toSessionView } from '../sessions.js';
import type { OperatorSession, SessionRegistry } from '../sessions.js';
import { StationError } from '../station-error.js';

type AccountMethod =
  | 'account.setup'
  | 'account.createFirstSupervisor'
  | 'session.signIn'
  | 'session.unlock'
  | 'session.reauthenticate'
  | 'account.changePassword'
  | 'account.list'
  | 'account.create'
  | 'account.resetPassword'
  | 'account.setDisabled';

export interface AccountHandlerDeps {
  mode: StationMode;
  accounts: AccountService;
  sessions: SessionRegistry;
  reauth: ReauthProofs;
  policy: SessionConfig;
  /** Writes one audit entry in its own transaction. */
  audit: (entry: { actor: string; role: string; action: string; subject: string | null; details: Record<string, unknown> }) => void;
}

function productionOnly(mode: StationMode, method: string): void {
  if (mode !== 'production') throw new StationError('PRODUCTION_ONLY', { details: { method } });
}

/** The session this call presented (locked or not), or SESSION_REQUIRED. */
function sessionOf(deps: AccountHandlerDeps, context: CallContext, method: string): OperatorSession {
  const session =
    context.operator === null ? null : deps.sessions.find(context.operator.sessionId, context.connection.binding ?? null);
  if (session === null) throw new StationError('SESSION_REQUIRED', { details: { method } });
  return session;
}

function actorOf(context: CallContext): { id: string; role: string } {
  // Supervisor-only methods: the dispatcher let the call through only with a signed-in operator.
  if (context.operator === null) throw new StationError('SESSION_REQUIRED');
  return { id: context.operator.id, role: context.operator.role };
}

export function accountHandlers(deps: AccountHandlerDeps): HandlerGroup<AccountMethod> {
  const { accounts, sessions } = deps;
  const view = (session: OperatorSession) => toSessionView(session, sessions.idleMs);

  function startSession(context: CallContext, row: Parameters<typeof operatorOf>[0]): OperatorSession {
    if (context.operator !== null) sessions.end(context.operator.sessionId);
    const session = sessions.start(operatorOf(row), {
      training: false,
      binding: context.connection.binding ?? null,
      mustChangePassword: row.mustChangePassword,
    });
    context.connection.bindSession(session.sessionId);
    return session;
  }

  return {
    'account.setup': () => ({
      mode: deps.mode,
      firstRun: deps.mode === 'production' && accounts.count() === 0,
      passwordMinLength: deps.policy.passwordMinLength,
      maxFailedSignIns: deps.policy.maxFailedSignIns,
      lockoutMinutes: deps.policy.lockoutMinutes,
    }),
    'account.createFirstSupervisor': async (params, context) => {
      productionOnly(deps.mode, 'account.createFirstSupervisor');
      const row = await accounts.createFirstSupervisor(params, context.connection.host);
      const session = startSession(context, row);
      deps.audit({ actor: row.username, role: row.role, action: 'LOGIN', subject: row.username, details: { host: context.connection.host, firstRun: true } });
      return view(session);
    },
    'session.signIn': async ({ username, password }, context) => {
      productionOnly(deps.mode, 'session.signIn');
      const row = await accounts.signIn(username, password, context.connection.host);
      return view(startSession(context, row));
    },
    'session.unlock': async ({ password }, context) => {
      const session = sessionOf(deps, context, 'session.unlock');
      if (!session.locked) return view(session);
      if (!session.training) {
        try {
          await accounts.confirm(session.operator.id, password, context.connection.host, 'unlock');
        } catch (error: unknown) {
          // Locked out (or disabled) while the screen was locked: the session ends with it.
          if (error instanceof StationError && (error.code === 'ACCOUNT_LOCKED' || error.code === 'ACCOUNT_DISABLED')) {
            sessions.endAllOf(session.operator.id);
            context.connection.unbindSession();
          }
          throw error;
        }
      }
      sessions.unlock(session);
      deps.audit({
        actor: session.operator.id,
        role: session.operator.role,
        action: 'SESSION_UNLOCKED',
        subject: session.operator.id,
        details: { host: context.connection.host, training: session.training },
      });
      return view(session);
    },
    'session.reauthenticate': async ({ password, method }, context) => {
      const session = sessionOf(deps, context, 'session.reauthenticate');
      // Training sessions have no password: the step is practised, not checked.
      if (!session.training) await accounts.confirm(session.operator.id, password, context.connection.host, 'reauth');
      const proof = deps.reauth.issue(session.sessionId, method);
      deps.audit({
        actor: session.operator.id,
        role: session.operator.role,
        action: 'REAUTHENTICATED',
        subject: null,
        details: { method, host: context.connection.host },
      });
      return { reauthProof: proof.reauthProof, method, expiresAt: proof.expiresAt.toISOString() };
    },
    'account.changePassword': async ({ currentPassword, newPassword }, context) => {
      productionOnly(deps.mode, 'account.changePassword');
      const session = sessionOf(deps, context, 'account.changePassword');
      await accounts.changePassword(session.operator.id, currentPassword, newPassword, context.connection.host);
      session.mustChangePassword = false;
      return view(session);
    },
    'account.list': () => {
      productionOnly(deps.mode, 'account.list');
      return { items: accounts.list() };
    },
    'account.create': async (params, context) => {
      productionOnly(deps.mode, 'account.create');
      return toAccountView(await accounts.create(params, actorOf(context)));
    },
    'account.resetPassword': async ({ id, password }, context) => {
      productionOnly(deps.mode, 'account.resetPassword');
      const row = await accounts.resetPassword(id, password, actorOf(context));
      sessions.endAllOf(row.username);
      return toAccountView(row);
    },
    'account.setDisabled': ({ id, disabled }, context) => {
      productionOnly(deps.mode, 'account.setDisabled');
      const row = accounts.setDisabled(id, disabled, actorOf(context));
      if (disabled) sessions.endAllOf(row.username);
      return toAccountView(row);
    },
  };
}
