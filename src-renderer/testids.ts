/**
 * Stable `data-testid`s for end-to-end tests (tests/e2e). Change a value only together with the tests.
 *
 *   training-banner          the MODE PELATIHAN / TRAINING MODE strip (role="status"), on every screen in training mode
 *   language-switch          button: each click toggles id <-> en (Alt+L does the same)
 *   connectivity-badge       DARING / TERGANGGU / LURING in the top bar
 *   backlog-count            records waiting for central; "—" when the station has no record store
 *   station-id               station id in the top bar
 *   operator-name            signed-in operator's name and role (absent when signed out)
 *   sign-out                 sign-out button (absent when signed out)
 *   role-button-<role>       training sign-in buttons: operator | printer | technician | supervisor (keys 1–4)
 *   nav-<page>               left navigation links: perekaman | pencetakan | diagnostik | laporan | pengaturan | info;
 *                            each carries aria-keyshortcuts="Alt+N" (N = its position for the signed-in role)
 *   page-<page>              the main region of each page (page-info, page-diagnostik, ...)
 *   info-version             version on the Info page (also on the production sign-in screen)
 *   info-station-id          station id on the Info page (also on the production sign-in screen)
 *   error-alert              an error from the station: code and message in the current language
 */
import type { Role } from '../src-main/contract/index.js';
import type { PageKey } from './pages/page-keys';

export const TEST_IDS = {
  trainingBanner: 'training-banner',
  languageSwitch: 'language-switch',
  connectivityBadge: 'connectivity-badge',
  backlogCount: 'backlog-count',
  stationId: 'station-id',
  operatorName: 'operator-name',
  signOut: 'sign-out',
  infoVersion: 'info-version',
  infoStationId: 'info-station-id',
  errorAlert: 'error-alert',
} as const;

export const roleButtonTestId = (role: Role): `role-button-${Role}` => `role-button-${role}`;
export const navTestId = (page: PageKey): `nav-${PageKey}` => `nav-${page}`;
export const pageTestId = (page: PageKey): `page-${PageKey}` => `page-${page}`;
