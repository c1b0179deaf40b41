import { createHash } from 'node:crypto';
import { monotonicFactory } from 'ulid';
import type { CaptureSummary, CapturePosition, ImageFormat, Modality, CaptureException, SupervisorReviewItem } from '../contract/captures.js';
import {
  CaptureException as CaptureExceptionSchema,
  CapturePosition as CapturePositionSchema,
  ImageFormat as ImageFormatSchema,
  REQUIRED_CAPTURES,
} from '../contract/captures.js';
import { Demographics } from '../contract/demographics.js';
import type { EnrollmentStatus } from '../contract/enrollment-status.js';
import type { DashboardSummary, EnrollmentListItem, EnrollmentView, WizardStep } from '../contract/methods/enrollment.js';
import { WizardStep as WizardStepSchema } from '../contract/methods/enrollment.js';
import { StationError } from '../core/station-error.js';
import type { RegionDirectory } from '../reference/regions.js';
import { open, seal } from '../security/sealed-bytes.js';
import type { CaptureRow, EnrollmentRow } from '../store/enrollment-repository.js';
import type { StationStore } from '../store/station-store.js';
import { previewPayload } from '../biometrics/preview.js';
import type { QualityConfig } from '../core/config/schema.js';
import { DEFAULT_QUALITY_CONFIG } from '../core/config/schema.js';
import { scoreCapture, thresholdFor } from './capture-quality.js';
import { checkCaptureImage } from './capture-input.js';
import { contentHash } from './content-hash.js';
import { RETURNED_TO_OPERATOR, assertTransition } from './lifecycle.js';
import { dayKey, registrationNumber } from './registration-number.js';
import { validateDemographics } from './validate-demographics.js';

export interface EnrollmentServiceDeps {
  store: StationStore;
  dataKey: Buffer;
  regions: RegionDirectory;
  districtCode: string;
  now?: () => Date;
  /** Quality thresholds per modality (the config's `quality` block). */
  quality?: QualityConfig;
  /** Called after every commit, so the top bar's backlog follows the outbox. */
  onCommitted?: () => void;
}

type DemographicsValue = Demographics;

/** Who does something, for the record's history and the audit log. */
export interface Actor {
  id: string;
  role: string;
}

function notFound(id: string): StationError {
  return new StationError('NOT_FOUND', { details: { id } });
}

/** The recording desk's records: drafts, captures, the duplicate guard and the commit. */
export class EnrollmentService {
  private readonly now: () => Date;
  private readonly newId = monotonicFactory();
  private readonly quality: QualityConfig;

  constructor(private readonly deps: EnrollmentServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.quality = deps.quality ?? DEFAULT_QUALITY_CONFIG;
  }

  private summary(c: CaptureRow): CaptureSummary {
    return toSummary(c, this.quality);
  }

  private validate(input: unknown): DemographicsValue {
    const result = validateDemographics(input, { regions: this.deps.regions, today: this.now() });
    if (!result.ok) {
      throw new StationError('INVALID_DEMOGRAPHICS', { details: { issues: result.issues } });
    }
    return result.value;
  }

  private load(id: string): EnrollmentRow {
    const row = this.deps.store.enrollments.get(id);
    if (row === undefined) throw notFound(id);
    return row;
  }

  private requireDraft(row: EnrollmentRow): void {
    if (row.status !== 'DRAFT') {
      throw new StationError('ILLEGAL_TRANSITION', {
        message: {
          id: `Rekaman ${row.registrationNo} berstatus ${row.status}; hanya draf yang dapat diubah.`,
          en: `Record ${row.registrationNo} is ${row.status}; only drafts can be changed.`,
        },
        details: { id: row.id, status: row.status },
      });
    }
  }

  startDraft(input: { demographics: unknown; updateReason?: string | undefined }, actor: Actor): EnrollmentView {
    const demographics = this.validate(input.demographics);
    const at = this.now();
    const id = this.newId(at.getTime());
    this.deps.store.transaction(() => {
      const existing = this.deps.store.enrollments.byNik(demographics.nik);
      if (existing.length > 0 && input.updateReason === undefined) {
        throw new StationError('DUPLICATE_NIK', {
          details: {
            nik: demographics.nik,
            records: existing.map(recordRef),
            hint: 'to record this resident again, send updateReason',
          },
        });
      }
      const repo = this.deps.store.enrollments;
      const serial = repo.nextSequence(`registration:${dayKey(at)}`);
      const row: EnrollmentRow = {
        id,
        registrationNo: registrationNumber(this.deps.districtCode, at, serial),
        nik: demographics.nik,
        nameKey: demographics.nama,
        status: 'DRAFT',
        demographicsJson: JSON.stringify(withoutNik(demographics)),
        wizardStep: 'FOTO',
        contentHash: null,
        operatorId: actor.id,
        createdAt: at.toISOString(),
        updatedAt: at.toISOString(),
        committedAt: null,
        seq: repo.nextSequence('enrollment'),
        statusReason: null,
        updateReason: existing.length > 0 ? (input.updateReason ?? null) : null,
      };
      repo.insert(row);
      repo.recordEvent({ enrollmentId: id, from: null, to: 'DRAFT', reason: row.updateReason, actor: actor.id, at: row.createdAt });
      if (row.updateReason !== null) {
        this.deps.store.audit.append({
          at: row.createdAt,
          actor: actor.id,
          role: actor.role,
          action: 'ENROLLMENT_UPDATE_STARTED',
          subject: id,
          details: { registrationNo: row.registrationNo, reason: row.updateReason, earlier: existing.map((r) => r.id) },
        });
      }
    });
    return this.get(id);
  }

  updateDraft(input: { id: string; demographics?: unknown; wizardStep?: WizardStep | undefined }): EnrollmentView {
    const demographics = input.demographics === undefined ? undefined : this.validate(input.demographics);
    this.deps.store.transaction(() => {
      const row = this.load(input.id);
      this.requireDraft(row);
      if (demographics !== undefined && demographics.nik !== row.nik) {
        const others = this.deps.store.enrollments.byNik(demographics.nik).filter((r) => r.id !== row.id);
        if (others.length > 0 && row.updateReason === null) {
          throw new StationError('DUPLICATE_NIK', {
            details: { nik: demographics.nik, records: others.map(recordRef) },
          });
        }
      }
      this.deps.store.enrollments.update({
        ...row,
        ...(demographics === undefined
          ? {}
          : { nik: demographics.nik, nameKey: demographics.nama, demographicsJson: JSON.stringify(withoutNik(demographics)) }),
        wizardStep: input.wizardStep ?? row.wizardStep,
        updatedAt: this.now().toISOString(),
      });
    });
    return this.get(input.id);
  }

  addCapture(
    input: {
      id: string;
      modality: Modality;
      position: CapturePosition;
      image?: { format: ImageFormat; base64: string; width?: number | undefined; height?: number | undefined } | undefined;
      exceptionReason?: CaptureException | undefined;
      quality?: number | undefined;
    },
    _actor: Actor,
  ): CaptureSummary {
    if (!REQUIRED_CAPTURES.some((r) => r.modality === input.modality && r.position === input.position)) {
      throw new StationError('INVALID_CAPTURE', {
        message: {
          id: `Posisi ${input.position} bukan bagian dari modalitas ${input.modality}.`,
          en: `Position ${input.position} does not belong to modality ${input.modality}.`,
        },
        details: { field: 'position', modality: input.modality, position: input.position },
      });
    }
    const image =
      input.image === undefined
        ? null
        : checkCaptureImage({
            format: input.image.format,
            bytes: Buffer.from(input.image.base64, 'base64'),
            width: input.image.width ?? null,
            height: input.image.height ?? null,
          });
    // The station scores what it can read itself; the device's score stands only for the rest.
    const quality = image === null || input.image === undefined ? null : scoreCapture(input.modality, input.image.format, image.bytes, input.image.width ?? null, input.image.height ?? null);
    const at = this.now().toISOString();
    let summary: CaptureSummary | undefined;
    this.deps.store.transaction(() => {
      const row = this.load(input.id);
      this.requireDraft(row);
      const repo = this.deps.store.enrollments;
      const earlier = repo.captures(row.id).filter((c) => c.modality === input.modality && c.position === input.position);
      if (earlier.length >= 3) {
        throw new StationError('INVALID_CAPTURE', {
          message: {
            id: 'Sudah 3 kali percobaan untuk posisi ini; yang terbaik disimpan. Catat pengecualian bila perlu.',
            en: 'This position already has 3 attempts; the best is kept. Record an exception if needed.',
          },
          details: { field: 'attempt', position: input.position },
        });
      }
      const attempt = earlier.length + 1;
      const capture: CaptureRow = {
        enrollmentId: row.id,
        modality: input.modality,
        position: input.position,
        attempt,
        format: input.image?.format ?? null,
        width: input.image?.width ?? null,
        height: input.image?.height ?? null,
        quality: quality ?? input.quality ?? null,
        exceptionReason: input.exceptionReason ?? null,
        sealed: image === null ? null : seal(this.deps.dataKey, image.bytes, row.id),
        byteLength: image?.bytes.length ?? 0,
        sha256: image?.sha256 ?? exceptionDigest(input.exceptionReason ?? 'TIDAK_DAPAT_DIREKAM'),
        capturedAt: at,
        chosen: false,
      };
      repo.upsertCapture(capture);
      const best = bestAttempt([...earlier, capture]);
      repo.chooseCapture(row.id, input.modality, input.position, best.attempt);
      repo.update({ ...row, updatedAt: at });
      summary = this.summary({ ...capture, chosen: best.attempt === attempt });
    });
    if (summary === undefined) throw new Error('capture was not stored');
    return summary;
  }

  commit(id: string, actor: Actor): EnrollmentView {
    this.deps.store.transaction(() => {
      const row = this.load(id);
      assertTransition(row.id, row.status, 'COMMITTED');
      const captures = this.deps.store.enrollments.captures(row.id).filter((c) => c.chosen);
      const missing = missingCaptures(captures);
      if (missing.length > 0) throw new StationError('CAPTURES_MISSING', { details: { id, missing } });
      const demographics = JSON.parse(row.demographicsJson) as Record<string, unknown>;
      const hash = contentHash({
        id: row.id,
        registrationNo: row.registrationNo,
        nik: row.nik,
        demographics,
        captures: captures.map((c) => ({
          modality: c.modality,
          position: c.position,
          format: c.format,
          sha256: c.sha256,
          byteLength: c.byteLength,
          quality: c.quality,
          exceptionReason: c.exceptionReason,
        })),
      });
      const at = this.now().toISOString();
      this.deps.store.enrollments.update({ ...row, status: 'COMMITTED', contentHash: hash, committedAt: at, updatedAt: at, wizardStep: 'TINJAU' });
      this.deps.store.enrollments.recordEvent({ enrollmentId: row.id, from: row.status, to: 'COMMITTED', reason: null, actor: actor.id, at });
      this.deps.store.audit.append({
        at,
        actor: actor.id,
        role: actor.role,
        action: 'ENROLLMENT_COMMITTED',
        subject: row.id,
        details: { registrationNo: row.registrationNo, contentHash: hash },
      });
      this.deps.store.outbox.enqueueUpload({
        enrollmentId: row.id,
        contentHash: hash,
        byteLength: captures.reduce((sum, c) => sum + c.byteLength, 0),
        createdAt: at,
      });
    });
    this.deps.onCommitted?.();
    return this.get(id);
  }

  get(id: string): EnrollmentView {
    const row = this.load(id);
    const captures = this.deps.store.enrollments.captures(id);
    const demographics = Demographics.parse({ ...(JSON.parse(row.demographicsJson) as object), nik: row.nik });
    return {
      id: row.id,
      registrationNo: row.registrationNo,
      nik: row.nik,
      status: row.status,
      statusReason: row.statusReason,
      demographics,
      wizardStep: WizardStepSchema.parse(row.wizardStep),
      contentHash: row.contentHash,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      committedAt: row.committedAt,
      captures: captures.map((c) => this.summary(c)),
      missing: missingCaptures(captures.filter((c) => c.chosen)),
      supervisorReview: supervisorReview(captures, this.quality),
    };
  }

  captureImage(input: { id: string; modality: Modality; position: CapturePosition; attempt: number }) {
    const capture = this.deps.store.enrollments
      .captures(input.id)
      .find((c) => c.modality === input.modality && c.position === input.position && c.attempt === input.attempt);
    if (capture?.sealed == null || capture.format === null) throw notFound(`${input.id}/${input.position}/${input.attempt}`);
    if (capture.sealed.length === 0) {
      // Retention emptied it: central accepted the record and the grace period passed.
      throw new StationError('NOT_FOUND', {
        message: {
          id: 'Gambar biometrik ini sudah dihapus dari station setelah diterima pusat (masa simpan habis). Data penduduk tetap ada.',
          en: 'This biometric image was deleted from the station after central accepted the record (retention). The resident data remains.',
        },
        details: { id: input.id, position: input.position, attempt: input.attempt, purged: true },
      });
    }
    const bytes = open(this.deps.dataKey, capture.sealed, input.id);
    const format = ImageFormatSchema.parse(capture.format);
    return {
      format,
      base64: bytes.toString('base64'),
      width: capture.width,
      height: capture.height,
      preview: previewPayload(format, bytes, capture.width, capture.height),
    };
  }

  search(query: {
    nik?: string | undefined;
    namePrefix?: string | undefined;
    registrationNo?: string | undefined;
    status?: EnrollmentStatus | undefined;
    limit: number;
    beforeSeq?: number | undefined;
  }): { items: EnrollmentListItem[]; nextBeforeSeq: number | null } {
    const rows = this.deps.store.enrollments.search({
      ...query,
      ...(query.namePrefix === undefined ? {} : { namePrefix: query.namePrefix.toUpperCase().replace(/\s+/g, ' ') }),
    });
    const items = rows.map((r) => ({
      id: r.id,
      registrationNo: r.registrationNo,
      nik: r.nik,
      nama: r.nameKey,
      status: r.status,
      updatedAt: r.updatedAt,
      committedAt: r.committedAt,
      seq: r.seq,
    }));
    const last = rows.at(-1);
    return { items, nextBeforeSeq: rows.length === query.limit && last !== undefined ? last.seq : null };
  }

  /** Today against the target, records by status, and the last `days` days (station's local dates). */
  dashboard(target: number, days = 14): DashboardSummary {
    const now = this.now();
    const startOfDay = (offset: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - offset);
    const localDate = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    const lastDays = Array.from({ length: days }, (_, i) => days - 1 - i).map((offset) => {
      const from = startOfDay(offset);
      const to = startOfDay(offset - 1);
      return { date: localDate(from), recorded: this.deps.store.enrollments.countCommittedBetween(from.toISOString(), to.toISOString()) };
    });
    return {
      today: { date: localDate(startOfDay(0)), recorded: lastDays.at(-1)?.recorded ?? 0, target },
      byStatus: this.deps.store.enrollments.countByStatus(),
      backlog: this.backlog(),
      lastDays,
    };
  }

  /** "Perlu Perbaikan": what central sent back, with its reason, oldest first. */
  returned(limit: number): Array<EnrollmentListItem & { statusReason: string | null }> {
    return this.deps.store.enrollments.withStatuses([...RETURNED_TO_OPERATOR], limit).map((r) => ({
      id: r.id,
      registrationNo: r.registrationNo,
      nik: r.nik,
      nama: r.nameKey,
      status: r.status,
      updatedAt: r.updatedAt,
      committedAt: r.committedAt,
      seq: r.seq,
      statusReason: r.statusReason,
    }));
  }

  /**
   * Opens a returned record as a draft again. Its chosen captures stay (as attempt 1, so each
   * position has two more attempts); central's reason stays on the record until it is committed.
   */
  reopen(id: string, actor: Actor): EnrollmentView {
    this.deps.store.transaction(() => {
      const row = this.load(id);
      assertTransition(row.id, row.status, 'DRAFT');
      const at = this.now().toISOString();
      this.deps.store.enrollments.resetAttempts(row.id);
      this.deps.store.enrollments.update({ ...row, status: 'DRAFT', wizardStep: 'DATA', updatedAt: at });
      this.deps.store.enrollments.recordEvent({ enrollmentId: row.id, from: row.status, to: 'DRAFT', reason: row.statusReason, actor: actor.id, at });
      this.deps.store.audit.append({
        at,
        actor: actor.id,
        role: actor.role,
        action: 'ENROLLMENT_REOPENED',
        subject: row.id,
        details: { registrationNo: row.registrationNo, from: row.status, reason: row.statusReason },
      });
    });
    return this.get(id);
  }

  /** Records waiting to reach central (for the top bar). */
  backlog(): number {
    return this.deps.store.outbox.backlog().count;
  }
}

/** How a duplicate-NIK refusal names the records already on the station. */
function recordRef(row: EnrollmentRow): { id: string; registrationNo: string; status: EnrollmentStatus } {
  return { id: row.id, registrationNo: row.registrationNo, status: row.status };
}

function withoutNik(demographics: DemographicsValue): Omit<DemographicsValue, 'nik'> {
  const { nik: _nik, ...rest } = demographics;
  return rest;
}

/** An exception has no image: its "bytes" hash names the reason, so the content hash still covers it. */
function exceptionDigest(reason: string): string {
  return createHash('sha256').update(`exception:${reason}`, 'utf8').digest('hex');
}

/** The attempt kept for a position: the best-quality image; an exception only when there is no image. */
function bestAttempt(attempts: readonly CaptureRow[]): CaptureRow {
  const images = attempts.filter((a) => a.sealed !== null);
  const pool = images.length > 0 ? images : attempts;
  return pool.reduce((best, a) => ((a.quality ?? -1) > (best.quality ?? -1) ? a : best));
}

function missingCaptures(chosen: readonly CaptureRow[]): Array<{ modality: Modality; position: CapturePosition }> {
  return REQUIRED_CAPTURES.filter((r) => !chosen.some((c) => c.modality === r.modality && c.position === r.position)).map((r) => ({
    modality: r.modality,
    position: r.position,
  }));
}

/** Kept captures the supervisor should see: exceptions, and images kept below their threshold. */
function supervisorReview(captures: readonly CaptureRow[], thresholds: QualityConfig): SupervisorReviewItem[] {
  return captures
    .filter((c) => c.chosen)
    .flatMap((c): SupervisorReviewItem[] => {
      const position = CapturePositionSchema.parse(c.position);
      if (c.exceptionReason !== null) return [{ modality: c.modality, position, reason: 'EXCEPTION' }];
      if (c.quality !== null && c.quality < thresholdFor(c.modality, thresholds)) return [{ modality: c.modality, position, reason: 'BELOW_THRESHOLD' }];
      return [];
    });
}

function toSummary(c: CaptureRow, thresholds: QualityConfig): CaptureSummary {
  return {
    modality: c.modality,
    position: CapturePositionSchema.parse(c.position),
    attempt: c.attempt,
    format: c.format === null ? null : ImageFormatSchema.parse(c.format),
    width: c.width,
    height: c.height,
    quality: c.quality,
    belowThreshold: c.quality !== null && c.quality < thresholdFor(c.modality, thresholds),
    exceptionReason: c.exceptionReason === null ? null : CaptureExceptionSchema.parse(c.exceptionReason),
    byteLength: c.byteLength,
    sha256: c.sha256,
    capturedAt: c.capturedAt,
    chosen: c.chosen,
  };
}
