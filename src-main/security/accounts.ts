import { monotonicFactory } from 'ulid';
import type { AccountView } from '../contract/methods/accounts.js';
import type { Role } from '../contract/roles.js';
import { StationError } from '../core/station-error.js';
import type { AccountRow } from '../store/account-repository.js';
import type { StationStore } from '../store/station-store.js';
import { hashPassword, passwordProblems, verifyAgainstNothing, verifyPassword } from './passwords.js';

/** The lockout and password rules from the config (`session`). */
export interface AccountPolicy {
  maxFailedSignIns: number;
  lockoutMinutes: number;
  passwordMinLength: number;
}

/** Who acts, as the audit log names them. */
export interface AccountActor {
  id: string;
  role: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
}

export function toAccountView(row: AccountRow): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil,
    createdAt: row.createdAt,
    lastSignInAt: row.lastSignInAt,
  };
}

/** The operator as sessions and the audit log know them: the user name is the stable id. */
export function operatorOf(row: AccountRow): { id: string; displayName: string; role: Role } {
  return { id: row.username, displayName: row.displayName, role: row.role };
}

function lockedError(until: Date, now: Date): StationError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new StationError('ACCOUNT_LOCKED', {
    message: {
      id: `Akun terkunci selama ${minutes} menit karena kata sandi salah berulang kali. Coba lagi nanti, atau minta supervisor mengatur ulang kata sandi.`,
      en: `The account is locked for ${minutes} minutes after repeated wrong passwords. Try again later, or ask a supervisor to reset the password.`,
    },
    details: { lockedUntil: until.toISOString(), minutes },
  });
}

/**
 * Accounts of a production station: the first supervisor, sign-in with lockout, password rules,
 * and the supervisor's account work. Every outcome that matters is written to the audit log in
 * the same transaction as the change it records.
 */
export class AccountService {
  private readonly now: () => Date;
  private readonly newId = monotonicFactory();
  /** Password checks run one at a time, so parallel guesses cannot outrun the lockout counter. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: StationStore,
    private readonly policy: AccountPolicy,
    now?: () => Date,
  ) {
    this.now = now ?? (() => new Date());
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  count(): number {
    return this.store.accounts.count();
  }

  list(): AccountView[] {
    return this.store.accounts.list().map(toAccountView);
  }

  byUsername(username: string): AccountRow | null {
    return this.store.accounts.byUsername(username);
  }

  private checkPassword(password: string, username: string): void {
    const problems = passwordProblems(password, username, this.policy.passwordMinLength);
    if (problems.length === 0) return;
    throw new StationError('PASSWORD_REJECTED', {
      message: {
        id: `Kata sandi belum memenuhi aturan: ${problems.map((p) => p.id).join(', ')}.`,
        en: `The password does not meet the rules: ${problems.map((p) => p.en).join(', ')}.`,
      },
      details: { rules: problems.map((p) => p.rule), minLength: this.policy.passwordMinLength },
    });
  }

  /** First run only: the first supervisor, with a password of their own. */
  createFirstSupervisor(input: Omit<NewAccount, 'role'>, host: string): Promise<AccountRow> {
    return this.serial(async () => {
      if (this.store.accounts.count() > 0) throw new StationError('ACCOUNTS_EXIST');
      this.checkPassword(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      return this.store.transaction(() => {
        // Checked again inside the transaction: two first-run screens cannot both win.
        if (this.store.accounts.count() > 0) throw new StationError('ACCOUNTS_EXIST');
        const row = this.newRow({ ...input, role: 'supervisor' }, passwordHash, false, null);
        this.store.accounts.insert(row);
        this.audit({ id: row.username, role: 'supervisor' }, 'ACCOUNT_CREATED', row.username, { role: 'supervisor', firstRun: true, host });
        return row;
      });
    });
  }

  /** A supervisor creates an account; the first password is the supervisor's, so the person must change it. */
  create(input: NewAccount, by: AccountActor): Promise<AccountRow> {
    return this.serial(async () => {
      if (this.store.accounts.byUsername(input.username) !== null) throw usernameTaken(input.username);
      this.checkPassword(input.password, input.username);
      const passwordHash = await hashPassword(input.password);
      return this.store.transaction(() => {
        if (this.store.accounts.byUsername(input.username) !== null) throw usernameTaken(input.username);
        const row = this.newRow(input, passwordHash, true, by.id);
        this.store.accounts.insert(row);
        this.audit(by, 'ACCOUNT_CREATED', row.username, { role: row.role });
        return row;
      });
    });
  }

  /**
   * Sign-in with lockout: a locked account is refused without looking at the password; the
   * N-th wrong password in a row locks it for M minutes. Unknown names cost the same time.
   */
  signIn(username: string, password: string, host: string): Promise<AccountRow> {
    return this.serial(async () => {
      const row = this.store.accounts.byUsername(username);
      if (row === null) {
        await verifyAgainstNothing(password);
        this.store.transaction(() => this.audit({ id: 'unknown', role: 'guest' }, 'LOGIN_FAILED', null, { username, host, reason: 'unknown-user' }));
        throw new StationError('SIGN_IN_FAILED');
      }
      this.refuseIfLocked(row, host, 'sign-in');
      if (!(await verifyPassword(password, row.passwordHash))) throw this.failure(row, host, 'sign-in');
      if (row.disabled) {
        this.store.transaction(() => this.audit({ id: row.username, role: row.role }, 'LOGIN_REFUSED', row.username, { host, reason: 'disabled' }));
        throw new StationError('ACCOUNT_DISABLED');
      }
      const at = this.now().toISOString();
      this.store.transaction(() => {
        this.store.accounts.recordSignIn(row.id, at);
        this.audit({ id: row.username, role: row.role }, 'LOGIN', row.username, { host, mustChangePassword: row.mustChangePassword });
      });
      return { ...row, failedSignIns: 0, lockedUntil: null, lastSignInAt: at };
    });
  }

  /**
   * The signed-in person types their password again (unlock after idle, re-authentication).
   * A wrong one counts toward the lockout exactly like a wrong sign-in.
   */
  confirm(username: string, password: string, host: string, purpose: 'unlock' | 'reauth'): Promise<AccountRow> {
    return this.serial(async () => {
      const row = this.store.accounts.byUsername(username);
      if (row === null || row.disabled) throw new StationError('ACCOUNT_DISABLED');
      this.refuseIfLocked(row, host, purpose);
      if (!(await verifyPassword(password, row.passwordHash))) throw this.failure(row, host, purpose);
      if (row.failedSignIns > 0) this.store.transaction(() => this.store.accounts.recordFailure(row.id, 0, null, this.now().toISOString()));
      return row;
    });
  }

  changePassword(username: string, currentPassword: string, newPassword: string, host: string): Promise<AccountRow> {
    return this.serial(async () => {
      const row = this.store.accounts.byUsername(username);
      if (row === null || row.disabled) throw new StationError('ACCOUNT_DISABLED');
      this.refuseIfLocked(row, host, 'password-change');
      if (!(await verifyPassword(currentPassword, row.passwordHash))) throw this.failure(row, host, 'password-change');
      this.checkPassword(newPassword, row.username);
      if (await verifyPassword(newPassword, row.passwordHash)) {
        throw new StationError('PASSWORD_REJECTED', {
          message: { id: 'Kata sandi baru harus berbeda dari yang lama.', en: 'The new password must differ from the old one.' },
          details: { rules: ['same-as-before'] },
        });
      }
      const passwordHash = await hashPassword(newPassword);
      const at = this.now().toISOString();
      this.store.transaction(() => {
        this.store.accounts.setPassword(row.id, passwordHash, false, at);
        this.audit({ id: row.username, role: row.role }, 'PASSWORD_CHANGED', row.username, { host });
      });
      return { ...row, passwordHash, mustChangePassword: false, passwordChangedAt: at };
    });
  }

  resetPassword(id: string, password: string, by: AccountActor): Promise<AccountRow> {
    return this.serial(async () => {
      const row = this.mustExist(id);
      this.checkPassword(password, row.username);
      const passwordHash = await hashPassword(password);
      const at = this.now().toISOString();
      this.store.transaction(() => {
        this.store.accounts.setPassword(row.id, passwordHash, true, at);
        this.audit(by, 'PASSWORD_RESET', row.username, { wasLocked: row.lockedUntil !== null });
      });
      return this.mustExist(id);
    });
  }

  setDisabled(id: string, disabled: boolean, by: AccountActor): AccountRow {
    const row = this.mustExist(id);
    if (disabled && row.username === by.id) {
      throw new StationError('FORBIDDEN_ROLE', {
        message: { id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.', en: 'You cannot disable your own account.' },
        details: { id },
      });
    }
    this.store.transaction(() => {
      if (disabled && row.role === 'supervisor') {
        const active = this.store.accounts.list().filter((a) => a.role === 'supervisor' && !a.disabled && a.id !== row.id);
        if (active.length === 0) {
          throw new StationError('FORBIDDEN_ROLE', {
            message: {
              id: 'Ini supervisor aktif terakhir; buat supervisor lain sebelum menonaktifkannya.',
              en: 'This is the last active supervisor; create another supervisor before disabling it.',
            },
            details: { id },
          });
        }
      }
      this.store.accounts.setDisabled(row.id, disabled, this.now().toISOString());
      this.audit(by, disabled ? 'ACCOUNT_DISABLED' : 'ACCOUNT_ENABLED', row.username, {});
    });
    return this.mustExist(id);
  }

  private mustExist(id: string): AccountRow {
    const row = this.store.accounts.byId(id);
    if (row === null) {
      throw new StationError('NOT_FOUND', {
        message: { id: 'Akun tidak ditemukan. Muat ulang daftar akun.', en: 'Account not found. Reload the list of accounts.' },
        details: { id },
      });
    }
    return row;
  }

  private refuseIfLocked(row: AccountRow, host: string, purpose: string): void {
    if (row.lockedUntil === null) return;
    const until = new Date(row.lockedUntil);
    const now = this.now();
    if (until.getTime() <= now.getTime()) return;
    this.store.transaction(() => this.audit({ id: row.username, role: row.role }, 'LOGIN_REFUSED', row.username, { host, reason: 'locked', purpose }));
    throw lockedError(until, now);
  }

  /** Counts one wrong password; the last allowed one locks the account. Returns the error to throw. */
  private failure(row: AccountRow, host: string, purpose: string): StationError {
    const now = this.now();
    const failures = row.failedSignIns + 1;
    const locks = failures >= this.policy.maxFailedSignIns;
    const until = locks ? new Date(now.getTime() + this.policy.lockoutMinutes * 60_000) : null;
    this.store.transaction(() => {
      this.store.accounts.recordFailure(row.id, locks ? 0 : failures, until?.toISOString() ?? null, now.toISOString());
      this.audit({ id: row.username, role: row.role }, 'LOGIN_FAILED', row.username, { host, purpose, failures });
      if (locks) this.audit({ id: row.username, role: row.role }, 'ACCOUNT_LOCKED', row.username, { host, minutes: this.policy.lockoutMinutes });
    });
    if (until !== null) return lockedError(until, now);
    return new StationError('SIGN_IN_FAILED', {
      details: { remainingTries: this.policy.maxFailedSignIns - failures },
    });
  }

  private newRow(input: NewAccount, passwordHash: string, mustChangePassword: boolean, createdBy: string | null): AccountRow {
    const at = this.now().toISOString();
    return {
      id: this.newId(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      mustChangePassword,
      disabled: false,
      failedSignIns: 0,
      lockedUntil: null,
      createdAt: at,
      createdBy,
      updatedAt: at,
      passwordChangedAt: at,
      lastSignInAt: null,
    };
  }

  private audit(actor: AccountActor, action: string, subject: string | null, details: Record<string, unknown>): void {
    this.store.audit.append({ at: this.now().toISOString(), actor: actor.id, role: actor.role, action, subject, details });
  }
}

function usernameTaken(username: string): StationError {
  return new StationError('USERNAME_TAKEN', { details: { username } });
}
