import type { z } from 'zod';
import type { CallOutcome } from './errors.js';
import { deviceMethods } from './methods/devices.js';
import { diagMethods } from './methods/diag.js';
import { accountMethods } from './methods/accounts.js';
import { auditMethods } from './methods/audit.js';
import { enrollmentMethods } from './methods/enrollment.js';
import { retentionMethods } from './methods/retention.js';
import { sessionMethods } from './methods/session.js';
import { sneakernetMethods } from './methods/sneakernet.js';
import { stationMethods } from './methods/station.js';
import { syncMethods } from './methods/sync.js';
import { printMethods } from './methods/print.js';

/**
 * The whole contract between the UI (or any script) and the Station core.
 * Each domain contributes its own map; this combined map types every call end to end.
 */
export const methods = {
  ...stationMethods,
  ...sessionMethods,
  ...enrollmentMethods,
  ...syncMethods,
  ...sneakernetMethods,
  ...printMethods,
  ...deviceMethods,
  ...diagMethods,
  ...accountMethods,
  ...auditMethods,
  ...retentionMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodParams<M extends MethodName> = z.input<Methods[M]['params']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

export * from './errors.js';
export * from './events.js';
export * from './method.js';
export * from './roles.js';
export * from './status.js';
export type { StationInfo } from './methods/station.js';
export type { Operator, SessionView } from './methods/session.js';
export type { BlankoStockView, PrintAttemptView, PrintProgressEvent, PrintQueueRowView, PrinterStateView } from './methods/print.js';
export type { FingerprintCaptureResult } from './methods/devices.js';
export type { DeviceKind, DeviceState, DeviceStatus, DiscoveredPort, SimulatedDeviceFault } from './devices.js';
export type { AccountView, SignInSetup } from './methods/accounts.js';
export type { AuditEntryView, AuditFilter } from './methods/audit.js';
export type { ReconcileReport, SyncAttemptView, SyncOverview, SyncTransfer } from './methods/sync.js';
export type { RemovableDriveView, SneakernetImportReport, SneakernetPreview, SneakernetProgress } from './methods/sneakernet.js';
export type { DiagCheck, DiagReport, DiagSection, DiagStatus, SupportBundle } from './methods/diag.js';

/**
 * What each host hands the UI (the Electron preload's `window.station`, or the web client):
 * untyped at the wire, so that the typed client in the renderer is the only place that casts.
 * `call` never rejects for a station error: it resolves to `{ ok: false, error }`.
 */
export interface StationTransport {
  call(method: string, params: unknown): Promise<CallOutcome<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}
