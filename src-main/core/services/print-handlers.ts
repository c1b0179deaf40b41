import type { BlankoStock } from '../../print/desk/blanko-stock.js';
import type { PrintDesk } from '../../print/desk/print-desk-service.js';
import type { CardPrinter } from '../../print/card-face.js';
import type { PrintAttemptRow } from '../../store/print/print-queue-repository.js';
import type { StationStore } from '../../store/station-store.js';
import type { CallContext } from '../call-context.js';
import { compareSettings, dailyReport, localDate } from '../../print/report/daily-report.js';
import type { SettingsCheck } from '../../print/report/daily-report.js';
import { renderDailyReport } from '../../print/report/daily-report-pdf.js';
import { SystemCardPrinter } from '../../print/system/system-card-printer.js';
import type { HandlerGroup } from '../handlers.js';
import { StationError } from '../station-error.js';

export interface PrintHandlerDeps {
  store: StationStore;
  ratedCardsPerHour: number;
  stationId: string;
  regencyName: string;
  now: () => Date;
  desk: PrintDesk;
  stock: BlankoStock;
  printer: { printer: CardPrinter; name: string } | null;
}

type PrintMethod =
  | 'print.queue'
  | 'print.preview'
  | 'print.start'
  | 'print.stop'
  | 'print.batch'
  | 'print.attempts'
  | 'print.spoil'
  | 'print.approveReprint'
  | 'print.printerState'
  | 'blanko.stock'
  | 'blanko.receive'
  | 'blanko.spoil'
  | 'blanko.count'
  | 'print.dailyReport'
  | 'print.saveProfile';

function actor(context: CallContext): { id: string; role: string } {
  if (context.operator === null) throw new StationError('SESSION_REQUIRED');
  return { id: context.operator.id, role: context.operator.role };
}

function view(a: PrintAttemptRow) {
  return {
    id: a.id,
    enrollmentId: a.enrollmentId,
    batchId: a.batchId,
    state: a.state,
    printer: a.printer,
    approvalId: a.approvalId,
    cardFed: a.cardFed,
    faultCode: a.faultCode,
    faultDetail: a.faultDetail,
    spoilReason: a.spoilReason,
    operator: a.operator,
    createdAt: a.createdAt,
    startedAt: a.startedAt,
    finishedAt: a.finishedAt,
    spoiledAt: a.spoiledAt,
  };
}

export function printHandlers(deps: PrintHandlerDeps): HandlerGroup<PrintMethod> {
  const queue = deps.store.printDesk.queue;
  return {
    'print.queue': (p) => ({ ...queue.list({ state: p.state, search: p.search, kecamatan: p.kecamatan, limit: p.limit, offset: p.offset }), busyBatch: deps.desk.busyBatch }),
    'print.preview': async ({ enrollmentId }) => {
      const preview = await deps.desk.preview(enrollmentId);
      return { png: preview.png.toString('base64'), fits: preview.fits };
    },
    'print.start': ({ enrollmentIds }, context) => deps.desk.startBatch(enrollmentIds, actor(context)),
    'print.stop': () => ({ stopping: deps.desk.stopBatch() }),
    'print.batch': ({ batchId }) => {
      const attempts = queue.batch(batchId);
      if (attempts.length === 0) throw new StationError('NOT_FOUND', { details: { batchId, what: 'print batch' } });
      return { attempts: attempts.map(view), running: deps.desk.busyBatch === batchId };
    },
    'print.attempts': ({ enrollmentId }) => ({ attempts: queue.attemptsFor(enrollmentId).map(view) }),
    'print.spoil': ({ attemptId, reason }, context) => {
      deps.desk.spoil(attemptId, reason, actor(context));
      const attempt = queue.attempt(attemptId);
      if (attempt === undefined) throw new StationError('NOT_FOUND', { details: { attemptId } });
      return { attempt: view(attempt) };
    },
    'print.approveReprint': ({ enrollmentId, reason }, context) => deps.desk.approveReprint(enrollmentId, reason, actor(context)),
    'print.printerState': async () => {
      if (deps.printer === null) return { configured: false, name: null, kind: null, model: null, ready: false, faults: [], ribbonRemaining: null, busyBatch: null };
      const state = await deps.printer.printer.state();
      return {
        configured: true,
        name: deps.printer.name,
        kind: state.identity.kind,
        model: state.identity.model,
        ready: state.ready,
        faults: [...state.faults],
        ribbonRemaining: state.ribbonRemaining,
        busyBatch: deps.desk.busyBatch,
      };
    },
    'print.dailyReport': async ({ date, pdf }) => {
      const day = date ?? localDate(deps.now());
      let settings: SettingsCheck | null = null;
      if (deps.printer !== null && deps.printer.printer instanceof SystemCardPrinter) {
        const saved = deps.store.printDesk.printers.get(deps.printer.name);
        try {
          settings = compareSettings(deps.printer.name, saved?.settings ?? null, await deps.printer.printer.reportedSettings());
        } catch {
          settings = { name: deps.printer.name, differences: saved === undefined ? [] : [{ setting: 'printer', saved: saved.model, reported: 'unreachable' }] };
        }
      }
      const report = dailyReport(deps.store, { date: day, ratedCardsPerHour: deps.ratedCardsPerHour, settings });
      const file = pdf ? (await renderDailyReport(report, { stationId: deps.stationId, regencyName: deps.regencyName })).toString('base64') : null;
      return { ...report, pdf: file };
    },
    'print.saveProfile': async () => {
      if (deps.printer === null) throw new StationError('PRINTER_NOT_CONFIGURED');
      const state = await deps.printer.printer.state();
      const settings = deps.printer.printer instanceof SystemCardPrinter ? await deps.printer.printer.reportedSettings() : {};
      deps.store.transaction(() =>
        deps.store.printDesk.printers.save({ name: deps.printer?.name ?? '', kind: state.identity.kind, model: state.identity.model, ratedCardsPerHour: deps.ratedCardsPerHour, settings, savedAt: deps.now().toISOString() }),
      );
      return { name: deps.printer.name, settings };
    },
    'blanko.stock': ({ limit }) => deps.stock.picture(limit),
    'blanko.receive': (p, context) => deps.stock.receive(p, actor(context)),
    'blanko.spoil': (p, context) => deps.stock.spoilLoose(p, actor(context)),
    'blanko.count': (p, context) => {
      const counted = deps.stock.count(p, actor(context));
      return { difference: counted.difference, stock: counted.picture };
    },
  };
}
