import { useSyncExternalStore } from 'react';
import { isPageKey } from '../pages/page-keys';
import type { PageKey } from '../pages/page-keys';

/** Pages are hash routes (`#/info`): they work the same from file:// (Electron) and http:// (web host). */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parsePage(hash: string): PageKey | null {
  const key = hash.replace(/^#\/?/, '').split(/[?&/]/)[0] ?? '';
  return isPageKey(key) ? key : null;
}

/** The page named in the address bar, whether or not the signed-in role may see it. */
export function useRoutePage(): PageKey | null {
  return parsePage(useSyncExternalStore(subscribe, () => window.location.hash));
}

export function goToPage(page: PageKey): void {
  const target = `#/${page}`;
  if (window.location.hash !== target) window.location.hash = target;
}

/** Rewrites the route without a history entry (a stale route after sign-out or a role change). */
export function replacePage(page: PageKey | null): void {
  const hash = page === null ? '' : `#/${page}`;
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
