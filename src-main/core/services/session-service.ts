import type { Role } from '../../contract/roles.js';
import type { StationMode } from '../../contract/status.js';
import type { HandlerGroup } from '../handlers.js';
import { SessionRegistry, toSessionView } from '../sessions.js';
import { StationError } from '../station-error.js';

const TRAINING_NAMES: Record<Role, string> = {
  operator: 'Operator Pelatihan',
  printer: 'Petugas Cetak Pelatihan',
  technician: 'Teknisi Pelatihan',
  supervisor: 'Supervisor Pelatihan',
};

export function sessionHandlers(deps: {
  mode: StationMode;
  sessions: SessionRegistry;
  /** Forgets re-authentication proofs of an ended session. */
  forgetSession?: (sessionId: string) => void;
  /** Writes one audit entry (sign-in, sign-out). */
  audit: (entry: { actor: string; role: string; action: string; details: Record<string, unknown> }) => void;
}): HandlerGroup<'session.current' | 'session.startTraining' | 'session.end'> {
  return {
    'session.current': (_params, context) => {
      if (context.operator === null) return null;
      const session = deps.sessions.find(context.operator.sessionId, context.connection.binding ?? null);
      return session === null ? null : toSessionView(session, deps.sessions.idleMs);
    },
    'session.startTraining': ({ role }, context) => {
      if (deps.mode !== 'training') {
        throw new StationError('TRAINING_ONLY', {
          message: {
            id: 'Masuk sebagai peran latihan hanya tersedia dalam mode pelatihan. Masuk dengan akun operator.',
            en: 'Signing in as a practice role is only available in training mode. Sign in with an operator account.',
          },
          details: { method: 'session.startTraining' },
        });
      }
      if (context.operator !== null) deps.sessions.end(context.operator.sessionId);
      const session = deps.sessions.start(
        { id: `training-${role}`, displayName: TRAINING_NAMES[role], role },
        { training: true, binding: context.connection.binding ?? null },
      );
      context.connection.bindSession(session.sessionId);
      deps.audit({ actor: session.operator.id, role, action: 'LOGIN', details: { training: true, host: context.connection.host } });
      return toSessionView(session, deps.sessions.idleMs);
    },
    'session.end': (_params, context) => {
      context.connection.unbindSession();
      if (context.operator === null) return { ended: false };
      const ended = deps.sessions.end(context.operator.sessionId);
      deps.forgetSession?.(context.operator.sessionId);
      if (ended) deps.audit({ actor: context.operator.id, role: context.operator.role, action: 'LOGOUT', details: {} });
      return { ended };
    },
  };
}
