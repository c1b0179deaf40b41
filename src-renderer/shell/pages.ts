import type { Role } from '../../src-main/contract/index.js';

export type PageKey = 'perekaman' | 'pencetakan' | 'diagnostik' | 'laporan' | 'pengaturan' | 'info';

/** Which desk sees which page, in menu order. */
const PAGE_ROLES: ReadonlyArray<{ key: PageKey; roles: readonly Role[] }> = [
  { key: 'perekaman', roles: ['operator', 'supervisor'] },
  { key: 'pencetakan', roles: ['printer', 'supervisor'] },
  { key: 'diagnostik', roles: ['technician', 'supervisor'] },
  { key: 'laporan', roles: ['supervisor'] },
  { key: 'pengaturan', roles: ['operator', 'printer', 'technician', 'supervisor'] },
  { key: 'info', roles: ['operator', 'printer', 'technician', 'supervisor'] },
];

export function pagesFor(role: Role): PageKey[] {
  return PAGE_ROLES.filter((p) => p.roles.includes(role)).map((p) => p.key);
}

export function pageFromHash(hash: string): PageKey | null {
  const key = hash.replace(/^#\/?/, '');
  return PAGE_ROLES.some((p) => p.key === key) ? (key as PageKey) : null;
}
