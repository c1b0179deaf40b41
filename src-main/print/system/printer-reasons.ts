import type { PrinterFault, PrinterFaultCode } from '../card-face.js';

/**
 * IPP printer-state-reasons / job-state-reasons (RFC 8011 §5.4.12, PWG 5100.9) as the desk's
 * fault codes. A reason ends in -error, -warning or -report; "-report" is ignored, "-warning"
 * lets printing go on.
 */
const BY_KEYWORD: ReadonlyArray<[RegExp, PrinterFaultCode]> = [
  [/^(marker-supply-empty|toner-empty|marker-waste-full|ribbon-empty)/, 'RIBBON_OUT'],
  [/^(marker-supply-low|toner-low|ribbon-low)/, 'RIBBON_LOW'],
  [/^(marker-supply-missing|ribbon-missing|marker-type-mismatch)/, 'RIBBON_WRONG'],
  [/^(media-empty|media-needed|input-tray-missing)/, 'FEEDER_EMPTY'],
  [/^(cover-open|door-open|interlock-open)/, 'COVER_OPEN'],
  [/^(media-jam|output-area-full)/, 'CARD_JAM'],
  [/^(offline|connecting-to-device|timed-out|shutdown)/, 'OFFLINE'],
  [/^(job-canceled|aborted-by-system|document-format-error|document-unprintable-error|job-incoming|printer-stopped)/, 'JOB_FAILED'],
];

const IGNORED = new Set(['none', 'paused', 'job-printing', 'job-completed-successfully', 'job-queued', 'processing-to-stop-point', 'cups-waiting-for-job-completed', 'cups-missing-filter-warning']);

export function faultOfReason(reason: string): PrinterFault | null {
  if (reason.endsWith('-report') || IGNORED.has(reason)) return null;
  const match = BY_KEYWORD.find(([pattern]) => pattern.test(reason));
  const code: PrinterFaultCode = match?.[1] ?? 'MECHANICAL';
  const warning = reason.endsWith('-warning') || code === 'RIBBON_LOW';
  return { code, raw: reason, warning };
}

export function faultsOfReasons(reasons: readonly string[]): PrinterFault[] {
  return reasons.map(faultOfReason).filter((f): f is PrinterFault => f !== null);
}
