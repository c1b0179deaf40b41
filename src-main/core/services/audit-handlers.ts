import type { RetentionService } from '../../recording/retention.js';
import { auditCsv } from '../../security/audit-csv.js';
import type { StationStore } from '../../store/station-store.js';
import type { HandlerGroup } from '../handlers.js';

/** Rows one CSV export holds at most (a year of a busy desk); narrow the filter for more. */
export const AUDIT_EXPORT_MAX_ROWS = 200_000;

export function auditHandlers(deps: { store: StationStore; stationId: string; now?: () => Date }): HandlerGroup<
  'audit.search' | 'audit.exportCsv' | 'audit.verify'
> {
  const now = deps.now ?? (() => new Date());
  return {
    'audit.search': (filter) => {
      const items = deps.store.audit.search(filter);
      const last = items.at(-1);
      return {
        items,
        nextBeforeSeq: items.length === filter.limit && last !== undefined && last.seq > 1 ? last.seq : null,
        actions: deps.store.audit.actions(),
      };
    },
    'audit.exportCsv': (filter) => {
      const entries = deps.store.audit.search({ ...filter, limit: AUDIT_EXPORT_MAX_ROWS, oldestFirst: true });
      const stamp = now().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      return { fileName: `audit-${deps.stationId}-${stamp}.csv`, csv: auditCsv(entries), rows: entries.length };
    },
    'audit.verify': () => deps.store.audit.verify(),
  };
}

export function retentionHandlers(retention: RetentionService): HandlerGroup<'retention.run'> {
  return {
    'retention.run': (_params, context) =>
      retention.run(context.operator === null ? { id: 'station', role: 'system' } : { id: context.operator.id, role: context.operator.role }),
  };
}
