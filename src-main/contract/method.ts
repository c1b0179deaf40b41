import type { z } from 'zod';
import type { MethodAccess } from './roles.js';

/** Default cap on a call's JSON params, in bytes. A method may raise it with `maxBodyBytes`. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface MethodSpec<P extends z.ZodType, R extends z.ZodType> {
  /** One sentence for docs/api.md and docs/roles.md. */
  readonly summary: string;
  readonly roles: MethodAccess;
  readonly params: P;
  readonly result: R;
  /** Only for methods that carry images or packets. */
  readonly maxBodyBytes?: number;
  /**
   * A sensitive action: the caller first proves it is still the signed-in person
   * (`session.reauthenticate` with the password and this method's name) and sends the proof it
   * got as `reauthProof` beside the params. The dispatcher checks and uses up the proof before
   * anything else of the call runs; the method's own params never see it.
   */
  readonly reauth?: true;
  /**
   * Written to the audit log after each successful call: the action, and which param (if any)
   * names the subject (a record id). Views of residents' records declare it here.
   */
  readonly audit?: { readonly action: string; readonly subjectParam?: string };
}

export function defineMethod<P extends z.ZodType, R extends z.ZodType>(
  spec: MethodSpec<P, R>,
): MethodSpec<P, R> {
  return spec;
}

export interface EventSpec<T extends z.ZodType> {
  readonly summary: string;
  readonly payload: T;
}

export function defineEvent<T extends z.ZodType>(spec: EventSpec<T>): EventSpec<T> {
  return spec;
}
