import { z } from 'zod';
import { defineMethod } from '../method.js';
import { Role } from '../roles.js';

export const Operator = z.object({
  id: z.string(),
  displayName: z.string(),
  role: Role,
});
export type Operator = z.infer<typeof Operator>;

export const SessionView = z.object({
  sessionId: z.string(),
  operator: Operator,
  startedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  training: z.boolean(),
  /** Idle too long: every call but unlock and sign-out is refused until the same person unlocks. */
  locked: z.boolean(),
  /** Signed in with a password a supervisor set: only a password change is allowed. */
  mustChangePassword: z.boolean(),
  /** The configured idle minutes, so the desk can lock its screen at the same moment. */
  idleMinutes: z.number().int().positive(),
});
export type SessionView = z.infer<typeof SessionView>;

export const sessionMethods = {
  'session.current': defineMethod({
    summary: 'The operator signed in on this connection, or null.',
    roles: 'anyone',
    params: z.object({}).strict(),
    result: SessionView.nullable(),
  }),
  'session.startTraining': defineMethod({
    summary: 'Training mode only: sign in as a practice operator of the chosen role.',
    roles: 'anyone',
    params: z.object({ role: Role }).strict(),
    result: SessionView,
  }),
  'session.end': defineMethod({
    summary: 'Sign out; the session id stops working at once.',
    roles: 'anyone',
    params: z.object({}).strict(),
    result: z.object({ ended: z.boolean() }),
  }),
} as const;
