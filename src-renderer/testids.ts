/**
 * Stable hooks for the end-to-end tests (tests/e2e). Change one here and in the specs together.
 * training-banner: the MODE PELATIHAN strip on every screen; language-switch: toggles id ↔ en;
 * connectivity-badge, backlog-count, station-id, operator-name, sign-out: the top bar;
 * role-button-<role>: training sign-in; nav-<page>: navigation; page-<page>: a page's root;
 * info-version, info-station-id: the Info page; error-alert: a call that failed.
 */
export const testIds = {
  trainingBanner: 'training-banner',
  languageSwitch: 'language-switch',
  connectivityBadge: 'connectivity-badge',
  backlogCount: 'backlog-count',
  stationId: 'station-id',
  operatorName: 'operator-name',
  signOut: 'sign-out',
  roleButton: (role: string) => `role-button-${role}`,
  nav: (page: string) => `nav-${page}`,
  page: (page: string) => `page-${page}`,
  infoVersion: 'info-version',
  infoStationId: 'info-station-id',
  errorAlert: 'error-alert',
} as const;
