import type { Role } from '../../src-main/contract/index.js';

/** The pages of the shell, in navigation order. The key is also the hash route (`#/info`). */
export const PAGE_KEYS = ['perekaman', 'pencetakan', 'diagnostik', 'sinkronisasi', 'laporan', 'pengaturan', 'info', 'kirimusb', 'akun', 'audit'] as const;
export type PageKey = (typeof PAGE_KEYS)[number];

/** Which roles see which page. Mirrors who may call the methods behind each desk. */
const PAGE_ROLES: Readonly<Record<PageKey, readonly Role[]>> = {
  perekaman: ['operator', 'supervisor'],
  pencetakan: ['printer', 'supervisor'],
  diagnostik: ['technician', 'supervisor'],
  sinkronisasi: ['operator', 'printer', 'technician', 'supervisor'],
  laporan: ['supervisor'],
  pengaturan: ['operator', 'printer', 'technician', 'supervisor'],
  info: ['operator', 'printer', 'technician', 'supervisor'],
  kirimusb: ['supervisor', 'technician'],
  akun: ['supervisor'],
  audit: ['supervisor'],
};

/** The pages a role sees, in navigation order; the first is where the role lands after sign-in. */
export function pagesFor(role: Role): PageKey[] {
  return PAGE_KEYS.filter((page) => PAGE_ROLES[page].includes(role));
}

export function isPageKey(value: string): value is PageKey {
  return (PAGE_KEYS as readonly string[]).includes(value);
}

/** The roles in the order of the sign-in buttons (keys 1–4). */
export const ROLE_ORDER: readonly Role[] = ['operator', 'printer', 'technician', 'supervisor'];
