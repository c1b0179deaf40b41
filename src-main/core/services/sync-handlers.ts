import type { Connectivity } from '../../contract/status.js';
import type { SyncOverview } from '../../contract/methods/sync.js';
import type { StationMode } from '../../contract/status.js';
import { CentralCallError } from '../../sync/central-client.js';
import type { SyncService } from '../../sync/sync-service.js';
import type { HandlerGroup } from '../handlers.js';
import { StationError } from '../station-error.js';

export type TrainingLinkState = 'online' | 'offline' | 'maintenance' | 'flaky';

export interface SyncHandlerDeps {
  sync: SyncService | null;
  mode: StationMode;
  connectivity: () => Connectivity;
  /** Training mode's embedded central: plays an outage on request. */
  trainingLink: ((state: TrainingLinkState) => Promise<void>) | null;
}

function requireSync(sync: SyncService | null): SyncService {
  if (sync === null) throw new StationError('CENTRAL_NOT_CONFIGURED');
  return sync;
}

function disabledOverview(connectivity: Connectivity): SyncOverview {
  return {
    enabled: false,
    centralUrl: null,
    connectivity,
    backlog: { count: 0, bytes: 0, bySteps: [] },
    transfers: [],
    lastSuccessAt: null,
    pausedUntil: null,
    breaker: 'CLOSED',
    lastReconcile: null,
    printReady: { queued: 0, total: 0 },
    references: [],
  };
}

export function syncHandlers(deps: SyncHandlerDeps): HandlerGroup<'sync.overview' | 'sync.history' | 'sync.now' | 'sync.reconcile' | 'training.centralLink'> {
  return {
    'sync.overview': () => (deps.sync === null ? disabledOverview(deps.connectivity()) : deps.sync.overview(deps.connectivity())),
    'sync.history': (params) => (deps.sync === null ? { attempts: [], nextBeforeId: null } : deps.sync.history(params)),
    'sync.now': () => requireSync(deps.sync).syncNow(),
    'sync.reconcile': async () => {
      try {
        return await requireSync(deps.sync).reconcile();
      } catch (error: unknown) {
        if (error instanceof CentralCallError) {
          throw new StationError('CENTRAL_UNAVAILABLE', { details: { step: error.step, code: error.code, detail: error.detail, httpStatus: error.httpStatus }, cause: error });
        }
        throw error;
      }
    },
    'training.centralLink': async ({ state }) => {
      if (deps.mode !== 'training' || deps.trainingLink === null) {
        throw new StationError('TRAINING_ONLY', { details: { method: 'training.centralLink' } });
      }
      await deps.trainingLink(state);
      return { state };
    },
  };
}
