import { z } from 'zod';
import { defineMethod } from '../method.js';
import { Role } from '../roles.js';
import { StationMode } from '../status.js';
import { SessionView } from './session.js';

/** A user name: 3–32 small letters, digits, ".", "_" or "-", starting with a letter. */
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{2,31}$/, 'user name: 3–32 small letters, digits, ".", "_" or "-", starting with a letter');

/** A password as typed. Its rules (length, letters and digits) are checked by the station with PASSWORD_REJECTED. */
const Password = z.string().min(1, 'password is empty').max(256);
const DisplayName = z
  .string()
  .trim()
  .min(1)
  .max(80)
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u001f\u007f<>]+$/, 'display name: letters, spaces and punctuation, no control characters or < >');
const AccountId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'account id must be a ULID');

export const AccountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type AccountView = z.infer<typeof AccountView>;

export const SignInSetup = z.object({
  mode: StationMode,
  /** Production station with no account yet: the first-run screen creates the first supervisor. */
  firstRun: z.boolean(),
  passwordMinLength: z.number().int().positive(),
  maxFailedSignIns: z.number().int().positive(),
  lockoutMinutes: z.number().int().positive(),
});
export type SignInSetup = z.infer<typeof SignInSetup>;

const SIGNED_IN = ['operator', 'printer', 'technician', 'supervisor'] as const;

export const accountMethods = {
  'account.setup': defineMethod({
    summary: 'What the sign-in screen needs: the mode, whether this is the first run (no account yet), and the password and lockout rules.',
    roles: 'anyone',
    params: z.object({}).strict(),
    result: SignInSetup,
  }),
  'account.createFirstSupervisor': defineMethod({
    summary: 'First run of a production station only: create the first supervisor with a password of their own, and sign them in.',
    roles: 'anyone',
    params: z.object({ username: Username, displayName: DisplayName, password: Password }).strict(),
    result: SessionView,
  }),
  'session.signIn': defineMethod({
    summary: 'Production mode: sign in with user name and password (offline; the account locks after repeated wrong passwords).',
    roles: 'anyone',
    params: z.object({ username: Username, password: Password }).strict(),
    result: SessionView,
  }),
  'session.unlock': defineMethod({
    summary: 'Unlock this connection\'s session after the idle lock, with the same person\'s password; the work in progress is kept.',
    roles: 'anyone',
    params: z.object({ password: Password }).strict(),
    result: SessionView,
  }),
  'session.reauthenticate': defineMethod({
    summary: 'Confirm the password again before a sensitive action: returns a proof for that one method, usable once, for a short time.',
    roles: SIGNED_IN,
    params: z.object({ password: Password, method: z.string().min(1).max(64) }).strict(),
    result: z.object({ reauthProof: z.string(), method: z.string(), expiresAt: z.iso.datetime() }),
  }),
  'account.changePassword': defineMethod({
    summary: 'Change one\'s own password (required after a supervisor set or reset it).',
    roles: SIGNED_IN,
    params: z.object({ currentPassword: Password, newPassword: Password }).strict(),
    result: SessionView,
  }),
  'account.list': defineMethod({
    summary: 'Every account of this station, with its role and whether it is disabled or locked.',
    roles: ['supervisor'],
    params: z.object({}).strict(),
    result: z.object({ items: z.array(AccountView) }),
  }),
  'account.create': defineMethod({
    summary: 'Create an account (operator, printing desk, technician or supervisor) with a first password the person must change at sign-in.',
    roles: ['supervisor'],
    reauth: true,
    params: z.object({ username: Username, displayName: DisplayName, role: Role, password: Password }).strict(),
    result: AccountView,
  }),
  'account.resetPassword': defineMethod({
    summary: 'Set a new first password for an account (it also lifts a lockout); the person must change it at sign-in.',
    roles: ['supervisor'],
    reauth: true,
    params: z.object({ id: AccountId, password: Password }).strict(),
    result: AccountView,
  }),
  'account.setDisabled': defineMethod({
    summary: 'Disable an account (its sessions end at once) or enable it again. The last active supervisor cannot be disabled.',
    roles: ['supervisor'],
    reauth: true,
    params: z.object({ id: AccountId, disabled: z.boolean() }).strict(),
    result: AccountView,
  }),
} as const;
