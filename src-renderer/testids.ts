/**
 * Stable `data-testid`s for end-to-end tests (tests/e2e). Change a value only together with the tests.
 *
 *   training-banner          the MODE PELATIHAN / TRAINING MODE strip (role="status"), on every screen in training mode
 *   language-switch          button: each click toggles id <-> en (Alt+L does the same)
 *   connectivity-badge       DARING / TERGANGGU / LURING in the top bar
 *   backlog-count            records waiting for central; "—" when the station has no record store
 *   backlog-bytes            their size, human-readable ("3,2 MB menunggu"); absent when no central is configured
 *   last-sync                "Sinkron terakhir": the time central last accepted data, or "belum pernah"
 *   sync-progress            thin progress bar under the top bar, only while a transfer is in flight
 *                            (its role="progressbar" child: aria-valuenow = percent of bytes sent)
 *   station-id               station id in the top bar
 *   operator-name            signed-in operator's name and role (absent when signed out)
 *   sign-out                 sign-out button (absent when signed out)
 *   role-button-<role>       training sign-in buttons: operator | printer | technician | supervisor (keys 1–4)
 *   nav-<page>               left navigation links: perekaman | pencetakan | diagnostik | sinkronisasi | laporan |
 *                            pengaturan | info; each carries aria-keyshortcuts="Alt+N" (N = its position for the signed-in role)
 *   nav-badge-<page>         a count on a nav link, in words, with data-count="n" (perekaman: "n perlu perbaikan",
 *                            records central sent back); absent when there are none
 *   page-<page>              the main region of each page (page-info, page-diagnostik, ...)
 *   info-version             version on the Info page (also on the production sign-in screen)
 *   info-station-id          station id on the Info page (also on the production sign-in screen)
 *   error-alert              an error from the station: code and message in the current language
 *
 * Perekaman (recording wizard, src-renderer/recording/):
 *   wizard-new               start screen: "Rekam penduduk baru"
 *   draft-row                start screen: one unfinished draft (a button; resumes at its stored step)
 *   records-search           start screen: the records search box (NIK, name prefix or registration no.)
 *   records-status           start screen: the status filter (native select)
 *   records-row              start screen: one record of the list (a button; opens the read-only detail)
 *   records-more             start screen: "Muat lebih banyak"
 *   record-detail            the read-only detail of one record
 *   wizard-step-<step>       the active step's panel: DATA | FOTO | SIDIK_JARI | IRIS | TANDA_TANGAN | TINJAU | SIMPAN
 *   wizard-registration-no   the draft's registration number in the wizard header
 *   field-<key>              the input of a Demographics field (nik, nama, tempatLahir, ...)
 *   field-error-<key>        that field's error text (Mantine's error element); `field-error-_form` is the
 *                            alert for issues that belong to no field
 *   duplicate-alert          DUPLICATE_NIK: the records with the same NIK and "Lanjutkan sebagai pembaruan"
 *   duplicate-update         "Lanjutkan sebagai pembaruan"; duplicate-reason / duplicate-confirm: its reason and OK
 *   capture-position-<POS>   a capture position's tile (FRONTAL, RIGHT_IRIS, LEFT_IRIS, SIGNATURE); carries
 *                            data-current="true" for the highlighted one and data-done="true" once captured or excepted
 *   finger-<POS>             the same tile for a finger (RIGHT_THUMB … LEFT_LITTLE) in the 2×5 grid
 *   capture-button           "Ambil" for the highlighted position (Enter on a position tile does the same)
 *   capture-preview          the <img> of the highlighted position's chosen (or latest) capture
 *   capture-quality          its quality score (0–100)
 *   capture-progress         "n dari N posisi selesai" of the step
 *   exception-button         "Pengecualian" for the highlighted position; exception-reason / exception-save in its dialog
 *   review-missing           the review's list of missing positions; review-slot-<POS> each position's tile
 *   wizard-next              "Lanjut" (on Data Penduduk it submits the form)
 *   wizard-back              "Kembali"
 *   wizard-close             leave the wizard; the draft stays
 *   commit-button            "Simpan rekaman" (enrollment.commit)
 *   saved-panel              "Tersimpan", shown only after the commit returned
 *   saved-registration-no    the committed record's registration number
 *   saved-content-hash       the content hash, shortened (full value in its title attribute)
 *   saved-next               "Rekam penduduk berikutnya"
 *   returned-list            start screen: "Perlu Perbaikan", records central sent back (absent when there are none)
 *   returned-row             one of them: registration no., name, NIK, status, central's reason
 *   returned-fix             its "Perbaiki" button (enrollment.reopen, then the wizard on that draft)
 *   wizard-returned-reason   in the wizard: central's reason for a reopened record
 *
 * Sinkronisasi (src-renderer/sync/):
 *   sync-not-configured      the notice shown when no central is configured
 *   sync-now                 "Sinkronkan sekarang"
 *   sync-reconcile           "Rekonsiliasi" (supervisor and technician only); sync-reconcile-report: its result
 *   sync-link-state          the link's state and reason
 *   sync-last-success        last successful sync
 *   sync-paused-until        central's maintenance wait, or "tidak ada"
 *   sync-breaker             the sending safeguard (circuit breaker) state
 *   sync-print-ready         print-ready records cached on the station
 *   sync-backlog             the send queue; sync-backlog-<STEP> one row (METADATA | PACKET | ACK | DONE)
 *   sync-backlog-total       "n rekaman, x MB"
 *   sync-transfer            one transfer in progress (with its progress bar)
 *   sync-references          reference data versions
 *   sync-last-reconcile      the last reconciliation report
 *   sync-history             the attempts table; sync-history-row one attempt (data-outcome="OK" | "FAILED")
 *   sync-failed-only         the "Hanya yang gagal" switch
 *   sync-history-more        "Muat lebih banyak"
 *   training-link-<state>    training mode only: "Latihan gangguan" buttons (online | offline | maintenance | flaky)
 *   core-banner              Electron only: the station core is restarting or stopping (data-state)
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
  wizardNew: 'wizard-new',
  draftRow: 'draft-row',
  recordsSearch: 'records-search',
  recordsStatus: 'records-status',
  recordsRow: 'records-row',
  recordsMore: 'records-more',
  recordDetail: 'record-detail',
  wizardRegistrationNo: 'wizard-registration-no',
  duplicateAlert: 'duplicate-alert',
  duplicateUpdate: 'duplicate-update',
  duplicateReason: 'duplicate-reason',
  duplicateConfirm: 'duplicate-confirm',
  captureButton: 'capture-button',
  capturePreview: 'capture-preview',
  captureQuality: 'capture-quality',
  captureProgress: 'capture-progress',
  exceptionButton: 'exception-button',
  exceptionReason: 'exception-reason',
  exceptionSave: 'exception-save',
  reviewMissing: 'review-missing',
  wizardNext: 'wizard-next',
  wizardBack: 'wizard-back',
  wizardClose: 'wizard-close',
  commitButton: 'commit-button',
  savedPanel: 'saved-panel',
  savedRegistrationNo: 'saved-registration-no',
  savedContentHash: 'saved-content-hash',
  savedNext: 'saved-next',
  receiptButton: 'receipt-button',
  stationWarnings: 'station-warnings',
  receiptLink: 'receipt-link',
  dashboard: 'dashboard',
  dashboardToday: 'dashboard-today',
  dashboardChart: 'dashboard-chart',
  backlogBytes: 'backlog-bytes',
  lastSync: 'last-sync',
  syncProgress: 'sync-progress',
  returnedList: 'returned-list',
  returnedRow: 'returned-row',
  returnedFix: 'returned-fix',
  wizardReturnedReason: 'wizard-returned-reason',
  syncNotConfigured: 'sync-not-configured',
  syncNow: 'sync-now',
  syncReconcile: 'sync-reconcile',
  syncReconcileReport: 'sync-reconcile-report',
  syncLinkState: 'sync-link-state',
  syncLastSuccess: 'sync-last-success',
  syncPausedUntil: 'sync-paused-until',
  syncBreaker: 'sync-breaker',
  syncPrintReady: 'sync-print-ready',
  syncBacklog: 'sync-backlog',
  syncBacklogTotal: 'sync-backlog-total',
  syncTransfer: 'sync-transfer',
  syncReferences: 'sync-references',
  syncLastReconcile: 'sync-last-reconcile',
  syncHistory: 'sync-history',
  syncHistoryRow: 'sync-history-row',
  syncFailedOnly: 'sync-failed-only',
  syncHistoryMore: 'sync-history-more',
  // Electron shell
  coreBanner: 'core-banner',
} as const;

export const roleButtonTestId = (role: Role): `role-button-${Role}` => `role-button-${role}`;
export const navTestId = (page: PageKey): `nav-${PageKey}` => `nav-${page}`;
export const pageTestId = (page: PageKey): `page-${PageKey}` => `page-${page}`;
export const navBadgeTestId = (page: PageKey): `nav-badge-${PageKey}` => `nav-badge-${page}`;
export const syncBacklogStepTestId = (step: string): string => `sync-backlog-${step}`;
export const trainingLinkTestId = (state: string): string => `training-link-${state}`;

export const wizardStepTestId = (step: string): string => `wizard-step-${step}`;
export const fieldTestId = (field: string): string => `field-${field}`;
export const fieldErrorTestId = (field: string): string => `field-error-${field}`;
/** Fingers are `finger-<POS>`; the other capture positions `capture-position-<POS>`. */
export const positionTestId = (modality: string, position: string): string =>
  modality === 'FINGER' ? `finger-${position}` : `capture-position-${position}`;
export const reviewSlotTestId = (position: string): string => `review-slot-${position}`;
