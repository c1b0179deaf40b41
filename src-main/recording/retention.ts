import type { Logger } from 'pino';
import type { RetentionConfig } from '../core/config/schema.js';
import type { StationStore } from '../store/station-store.js';

export interface RetentionReport {
  purgedRecords: number;
  captures: number;
  bytes: number;
  vacuumed: boolean;
  acceptedBefore: string;
}

/** Records purged in one transaction; a large backlog is worked through in batches. */
const BATCH = 200;

/**
 * Retention: once central has accepted a record and the grace period has passed, its biometric
 * bytes leave the station (sealed bytes emptied; secure_delete zeroes the freed pages; VACUUM
 * rewrites the file and empties the WAL). Each purge is audited with the record it touched.
 */
export class RetentionService {
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly deps: { store: StationStore; config: RetentionConfig; logger: Logger; now?: () => Date },
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  run(actor: { id: string; role: string }): RetentionReport {
    const { store, config } = this.deps;
    const at = this.now();
    const acceptedBefore = new Date(at.getTime() - config.graceDays * 86_400_000).toISOString();
    const report: RetentionReport = { purgedRecords: 0, captures: 0, bytes: 0, vacuumed: false, acceptedBefore };
    for (;;) {
      const due = store.retention.due(acceptedBefore, BATCH);
      if (due.length === 0) break;
      store.transaction(() => {
        for (const candidate of due) {
          const purged = store.retention.purge(candidate, at.toISOString());
          report.purgedRecords += 1;
          report.captures += purged.captures;
          report.bytes += purged.bytes;
          store.audit.append({
            at: at.toISOString(),
            actor: actor.id,
            role: actor.role,
            action: 'BIOMETRICS_PURGED',
            subject: candidate.enrollmentId,
            details: { acceptedAt: candidate.acceptedAt, captures: purged.captures, bytes: purged.bytes, graceDays: config.graceDays },
          });
        }
      });
      if (due.length < BATCH) break;
    }
    if (report.purgedRecords > 0) {
      store.retention.vacuum();
      report.vacuumed = true;
      store.transaction(() =>
        store.audit.append({
          at: this.now().toISOString(),
          actor: actor.id,
          role: actor.role,
          action: 'STORE_VACUUMED',
          subject: null,
          details: { after: 'retention', records: report.purgedRecords },
        }),
      );
    }
    this.deps.logger.info({ ...report }, 'retention run');
    return report;
  }

  /** Runs every `vacuumHours` (0: only on request). */
  start(): void {
    const hours = this.deps.config.vacuumHours;
    if (hours === 0 || this.timer !== null) return;
    this.timer = setInterval(() => {
      try {
        this.run({ id: 'station', role: 'system' });
      } catch (error: unknown) {
        this.deps.logger.error({ err: error }, 'retention run failed');
      }
    }, hours * 3_600_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
