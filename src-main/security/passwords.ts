import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (Node crypto), a fresh 16-byte salt per hash. The stored form
 * names its parameters, so they can be raised later without breaking existing accounts:
 * `scrypt$N$r$p$<salt base64url>$<hash base64url>`.
 */
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => {
      if (error !== null) reject(error);
      else resolve(key);
    });
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface ParsedHash {
  options: { N: number; r: number; p: number };
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return null;
  const salt = Buffer.from(parts[4] ?? '', 'base64url');
  const key = Buffer.from(parts[5] ?? '', 'base64url');
  if (salt.length < SALT_BYTES || key.length < 16) return null;
  return { options: { N, r, p }, salt, key };
}

/** True when `password` matches `stored`; false for a wrong password or an unreadable hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (parsed === null) return false;
  const key = await derive(password, parsed.salt, parsed.options, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;
/**
 * Spends the time of one verification on a user name that does not exist, so a caller cannot
 * tell unknown names from wrong passwords by timing.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(12).toString('base64url'));
  await verifyPassword(password, await dummy);
  return false;
}

/** One rule a new password broke, named for the operator (both languages) and for the log. */
export interface PasswordProblem {
  rule: 'too-short' | 'too-long' | 'needs-letter' | 'needs-digit' | 'contains-username' | 'one-character' | 'control-characters';
  id: string;
  en: string;
}

export const PASSWORD_MAX_LENGTH = 128;

/** The rules every new password keeps. No default passwords exist: each is chosen by a person. */
export function passwordProblems(password: string, username: string, minLength: number): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = Array.from(password).length;
  if (length < minLength) {
    problems.push({ rule: 'too-short', id: `minimal ${minLength} karakter`, en: `at least ${minLength} characters` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({ rule: 'too-long', id: `paling banyak ${PASSWORD_MAX_LENGTH} karakter`, en: `at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  if (!/\p{L}/u.test(password)) problems.push({ rule: 'needs-letter', id: 'memuat huruf', en: 'contains a letter' });
  if (!/\p{Nd}/u.test(password)) problems.push({ rule: 'needs-digit', id: 'memuat angka', en: 'contains a digit' });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) {
    problems.push({ rule: 'control-characters', id: 'tanpa karakter kendali', en: 'no control characters' });
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ rule: 'contains-username', id: 'tidak memuat nama pengguna', en: 'does not contain the user name' });
  }
  if (length > 0 && new Set(Array.from(password)).size === 1) {
    problems.push({ rule: 'one-character', id: 'tidak satu karakter berulang', en: 'is not one character repeated' });
  }
  return problems;
}
