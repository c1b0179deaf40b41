import type { CentralRepository, CentralRecordRow } from '../../store/central/central-repository.js';

export interface VerificationOptions {
  /** Time a received record waits before central decides, in ms (the "1, 3, 20 days" of the field, shortened). */
  delayMs: number;
  /** Share of records central fails for its own reasons (ENROLL_FAILURE_AT_CENTRAL), 0..1, decided by the content hash. */
  rejectionRatio: number;
  /** A finger below this quality (0..100) sends the record back for validation. */
  minFingerQuality: number;
}

interface CaptureSummaryItem {
  modality: string;
  position: string;
  quality: number | null;
  exceptionReason: string | null;
}

/** Where a verified record goes, and why. */
export function decide(
  record: CentralRecordRow,
  duplicateOf: CentralRecordRow | undefined,
  options: VerificationOptions,
): { status: string; reason: { code: string; detail: string } | null } {
  if (duplicateOf !== undefined) {
    return {
      status: 'DUPLICATE_RECORD',
      reason: {
        code: 'NIK_ALREADY_ENROLLED',
        detail: `NIK sudah terekam pada rekaman ${duplicateOf.registrationNo} (${duplicateOf.stationId}); NIK already enrolled in ${duplicateOf.registrationNo}`,
      },
    };
  }
  const captures = JSON.parse(record.captureSummary ?? '[]') as CaptureSummaryItem[];
  const weak = captures.find((c) => c.modality === 'FINGER' && c.exceptionReason === null && c.quality !== null && c.quality < options.minFingerQuality);
  if (weak !== undefined) {
    return {
      status: 'REQUEST_VALIDATION',
      reason: {
        code: 'FINGERPRINT_QUALITY',
        detail: `Sidik jari ${weak.position} berkualitas ${String(weak.quality)} (< ${options.minFingerQuality}); ulangi perekaman jari itu. Fingerprint ${weak.position} quality ${String(weak.quality)} is below ${options.minFingerQuality}.`,
      },
    };
  }
  // Deterministic by content: the same record always meets the same fate, on every run.
  const draw = Number.parseInt(record.contentHash.slice(0, 8), 16) / 0x1_0000_0000;
  if (draw < options.rejectionRatio) {
    return {
      status: 'ENROLL_FAILURE_AT_CENTRAL',
      reason: { code: 'BIOMETRIC_SEARCH_FAILED', detail: 'Pencarian biometrik di pusat gagal; kirim ulang rekaman. Central biometric search failed; send the record again.' },
    };
  }
  return { status: 'PRINT_READY_RECORD', reason: null };
}

/** One pass of central's pipeline: each due record is deduplicated by NIK, checked, and decided. */
export function runVerification(repo: CentralRepository, now: Date, options: VerificationOptions): number {
  const due = repo.dueForVerification(new Date(now.getTime() - options.delayMs).toISOString(), 500);
  for (const record of due) {
    repo.transaction(() => {
      const duplicateOf = record.nik === null ? undefined : repo.otherHolderOfNik(record.nik, record.id);
      const { status, reason } = decide(record, duplicateOf, options);
      const at = now.toISOString();
      repo.setStatus(record.id, status, reason, at);
      repo.appendStatusEvent({
        stationId: record.stationId,
        enrollmentId: record.id,
        contentHash: record.contentHash,
        regencyCode: record.regencyCode,
        status,
        reasonCode: reason?.code ?? null,
        reasonDetail: reason?.detail ?? null,
        at,
      });
    });
  }
  return due.length;
}
