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
 * Pencetakan (print desk, src-renderer/print/):
 *   print-printer / print-stock / print-stock-count   printer state, blanko stock card, the stock figure
 *   print-batch              the running batch (data-done, data-total)
 *   print-search / print-start / print-select-all      queue search box, "Cetak (n)", select every printable row
 *   print-row                one queue row (data-phase = QUEUED | PRINTING | PRINTED | FAILED | SPOILED;
 *                            data-approval = "open" when a supervisor's reprint approval waits to be used, else "none")
 *   print-preview            the card preview (the same picture sent to the printer)
 *   print-filter             the queue's state filter (Antre | Tercetak | Rusak | Semua; a segmented control)
 *   print-tab-queue / print-tab-report   the desk's tabs: Antrean cetak, Laporan harian
 *   print-record             the opened record's panel (data-state = QUEUED | PRINTED | SPOILED, data-approval as print-row)
 *   print-record-waiting     "menunggu persetujuan supervisor": a spoiled card's record before the approval
 *   print-record-approved    the record has an unused reprint approval
 *   print-attempts / print-attempt     its print attempts (print.attempts); one attempt (data-state)
 *   print-spoil              "Tandai rusak" (the last printed card); print-approve: "Setujui cetak ulang" (supervisor only)
 *   print-suket / print-suket-paper / print-suket-done   "Terbitkan Suket", Folio | A4, the issued Suket's number
 *   reason-dialog / reason-input / reason-submit   the reason asked before spoiling, approving, or booking damaged blanks
 *   blanko-spoil-quantity / blanko-spoil           the stock card's damaged blanks: quantity and "Blanko rusak"
 *   daily-report             the Laporan harian tab's content (data-date = the report's day)
 *   daily-report-date        the report's day in words; daily-report-previous / daily-report-next: the day before / after
 *   daily-report-pdf         "Unduh PDF"
 *   daily-report-save-profile / daily-report-profile-saved   "Simpan profil printer" (supervisor) and its confirmation
 *   daily-report-figure      one figure (data-figure = printed | spoiled | failedNoCard | suket | stockOpening | received |
 *                            stockClosing; data-value = the number)
 *   daily-report-spoiled-reason   one row of spoiled by reason (data-count)
 *   daily-report-week        the week's chart (SVG; each day a <g data-date data-printed data-spoiled>)
 *   daily-report-printer     one printer's rate (data-printer, data-cards, data-alerts = how many alerts)
 *   daily-report-alert       that printer's alerts from the station (rate below its rated speed, settings off profile)
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
 *
 * Diagnostik (src-renderer/diagnostics/):
 *   diag-run                 "Jalankan diagnosis" (the page also runs it on open)
 *   diag-report              the report; data-ok="true" | "false"
 *   diag-summary             all pass / some failed, the counts, when
 *   diag-section-<section>   device | central | clock | database | backlog | disk
 *   diag-check-<id>          one check's row (id as in docs/diag.md, e.g. diag-check-device.3.found);
 *                            data-status="pass" | "warn" | "fail" | "skip", data-code = its cause code
 *   diag-bundle              "Unduh paket dukungan"; diag-bundle-done: the file name and where a copy is kept
 *
 * Kamera (src-renderer/recording/camera/):
 *   camera-panel             the Foto step's live camera (absent when no camera: camera-fallback instead)
 *   camera-select            the camera picker (native select)
 *   camera-video             the live preview <video>; camera-guide: the face guide over it
 *   camera-capture           "Ambil foto dari kamera"
 *   camera-fallback          the notice that no camera is available and the training sample is used
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
  // Kirim via USB (src-renderer/sneakernet/)
  usbWaitingCount: 'usb-waiting-count',
  usbWaitingBytes: 'usb-waiting-bytes',
  usbDrives: 'usb-drives',
  usbNoDrives: 'usb-no-drives',
  usbTarget: 'usb-target',
  usbExport: 'usb-export',
  usbProgress: 'usb-progress',
  usbExportResult: 'usb-export-result',
  usbImportDir: 'usb-import-dir',
  usbImport: 'usb-import',
  usbImportReport: 'usb-import-report',
  usbReceiptFile: 'usb-receipt-file',
  usbReceipt: 'usb-receipt',
  usbReceiptReport: 'usb-receipt-report',
  // Pencetakan (print desk, src-renderer/print/)
  printDeskPrinter: 'print-printer',
  printDeskStock: 'print-stock',
  printDeskStockCount: 'print-stock-count',
  printDeskBatch: 'print-batch',
  printDeskSearch: 'print-search',
  printDeskStart: 'print-start',
  printDeskSelectAll: 'print-select-all',
  printDeskRow: 'print-row',
  printDeskPreview: 'print-preview',
  printDeskFilter: 'print-filter',
  printDeskTabQueue: 'print-tab-queue',
  printDeskTabReport: 'print-tab-report',
  // the opened record's panel (RecordActions): attempts, spoil, supervisor's reprint approval, Suket
  printRecord: 'print-record',
  printRecordWaiting: 'print-record-waiting',
  printRecordApproved: 'print-record-approved',
  printAttempts: 'print-attempts',
  printAttempt: 'print-attempt',
  printSpoil: 'print-spoil',
  printApprove: 'print-approve',
  printSuket: 'print-suket',
  printSuketPaper: 'print-suket-paper',
  printSuketDone: 'print-suket-done',
  // the reason dialog of the print desk's recorded actions (ReasonDialog)
  reasonDialog: 'reason-dialog',
  reasonInput: 'reason-input',
  reasonSubmit: 'reason-submit',
  // damaged blanks on the stock card (BlankoPanel)
  blankoSpoilQuantity: 'blanko-spoil-quantity',
  blankoSpoil: 'blanko-spoil',
  // Laporan harian (DailyReport)
  dailyReport: 'daily-report',
  dailyReportDate: 'daily-report-date',
  dailyReportPrevious: 'daily-report-previous',
  dailyReportNext: 'daily-report-next',
  dailyReportProfileSaved: 'daily-report-profile-saved',
  dailyReportPdf: 'daily-report-pdf',
  dailyReportSaveProfile: 'daily-report-save-profile',
  dailyReportFigure: 'daily-report-figure',
  dailyReportSpoiledReason: 'daily-report-spoiled-reason',
  dailyReportWeek: 'daily-report-week',
  dailyReportPrinter: 'daily-report-printer',
  dailyReportAlert: 'daily-report-alert',
  // devices (fingerprint sensor in the wizard): state badge (data-state="SIAP" …), its error, the place-finger prompt
  deviceState: 'device-state',
  deviceError: 'device-error',
  devicePrompt: 'device-prompt',
  // Tinjau and the record detail: the positions flagged for the supervisor (exceptions, below threshold)
  supervisorReview: 'supervisor-review',
  // the Diagnostik page's devices panel: one row per device (data-device="iris-1"), its reconnect
  // button, and in training mode the practice-fault select, count and apply button
  devicesPanel: 'devices-panel',
  deviceRow: 'device-row',
  deviceReconnect: 'device-reconnect',
  deviceFaultSelect: 'device-fault-select',
  deviceFaultCount: 'device-fault-count',
  deviceFaultApply: 'device-fault-apply',
  // quality checks
  qualityBelowThreshold: 'quality-below-threshold',
  diagRun: 'diag-run',
  diagReport: 'diag-report',
  diagSummary: 'diag-summary',
  diagSection: 'diag-section',
  diagCheck: 'diag-check',
  diagBundle: 'diag-bundle',
  diagBundleDone: 'diag-bundle-done',
  cameraPanel: 'camera-panel',
  cameraSelect: 'camera-select',
  cameraVideo: 'camera-video',
  cameraGuide: 'camera-guide',
  cameraCapture: 'camera-capture',
  cameraFallback: 'camera-fallback',
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

/**
 * `data-testid`s of the accounts screens (src-renderer/accounts/). Change a value only together with the tests.
 *
 *   sign-in-form / sign-in-submit      production sign-in (user name, password)
 *   first-run-form / first-run-submit  first run: create the first supervisor
 *   account-username, account-display-name, account-password, account-confirm-password: their inputs
 *   lock-screen / lock-password / lock-submit   the idle lock over the kept screen
 *   change-password-form / change-password-submit, change-current, change-new: the forced password change
 *   reauth-dialog / reauth-password / reauth-submit   "Konfirmasi kata sandi" before a sensitive action
 *   accounts-table, accounts-row, accounts-new, accounts-reset, accounts-disable   the Akun page
 *   audit-table, audit-row, audit-filter-action, audit-filter-actor, audit-filter-from, audit-filter-to,
 *   audit-apply, audit-export, audit-more, audit-verify, audit-verify-result   the Audit page
 */
export const ACCOUNT_TEST_IDS = {
  signInForm: 'sign-in-form',
  signInSubmit: 'sign-in-submit',
  firstRunForm: 'first-run-form',
  firstRunSubmit: 'first-run-submit',
  username: 'account-username',
  displayName: 'account-display-name',
  password: 'account-password',
  confirmPassword: 'account-confirm-password',
  lockScreen: 'lock-screen',
  lockPassword: 'lock-password',
  lockSubmit: 'lock-submit',
  changePasswordForm: 'change-password-form',
  changePasswordSubmit: 'change-password-submit',
  changeCurrent: 'change-current',
  changeNew: 'change-new',
  reauthDialog: 'reauth-dialog',
  reauthPassword: 'reauth-password',
  reauthSubmit: 'reauth-submit',
  accountsTable: 'accounts-table',
  accountsRow: 'accounts-row',
  accountsNew: 'accounts-new',
  accountsReset: 'accounts-reset',
  accountsDisable: 'accounts-disable',
  auditTable: 'audit-table',
  auditRow: 'audit-row',
  auditFilterAction: 'audit-filter-action',
  auditFilterActor: 'audit-filter-actor',
  auditFilterFrom: 'audit-filter-from',
  auditFilterTo: 'audit-filter-to',
  auditApply: 'audit-apply',
  auditExport: 'audit-export',
  auditMore: 'audit-more',
  auditVerify: 'audit-verify',
  auditVerifyResult: 'audit-verify-result',
} as const;
