import { z } from 'zod';
import { LocalizedText } from '../errors.js';
import { defineMethod } from '../method.js';
import { StationMode } from '../status.js';

/** Where a check belongs on the technician's screen. */
export const DiagSection = z.enum(['device', 'central', 'database', 'disk', 'backlog', 'clock', 'software']);
export type DiagSection = z.infer<typeof DiagSection>;

/**
 * pass: as it should be. warn: works, but a technician should look (e.g. a certificate that
 * expires soon). fail: broken; the check names its cause and its fix. skip: not run, and why
 * (an earlier step failed, or the check does not apply to this station).
 */
export const DiagStatus = z.enum(['pass', 'warn', 'fail', 'skip']);
export type DiagStatus = z.infer<typeof DiagStatus>;

export const DiagFactValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const DiagCheck = z.object({
  /** Stable id, e.g. "device.0.found", "central.tls", "disk.free". */
  id: z.string().min(1),
  section: DiagSection,
  /** What is checked: a device's name, central's address, a file. */
  subject: z.string(),
  title: LocalizedText,
  status: DiagStatus,
  /** Stable cause code when not pass, e.g. PORT_MISSING, CERT_SELF_SIGNED, DISK_LOW. */
  code: z.string().nullable(),
  /** What was seen, in a few words (an address, a size, a firmware version). */
  observed: z.string().nullable(),
  /** Round trip of the step, for network steps and handshakes. */
  latencyMs: z.number().nonnegative().nullable(),
  /** Why it failed (or warns, or was skipped), and what to do about it. Null on pass. */
  cause: LocalizedText.nullable(),
  fix: LocalizedText.nullable(),
  /** Structured facts for scripts (bytes, serial numbers, dates). */
  facts: z.record(z.string(), DiagFactValue),
});
export type DiagCheck = z.infer<typeof DiagCheck>;

export const DiagReport = z.object({
  format: z.literal('ktp-station-diag'),
  formatVersion: z.literal(1),
  generatedAt: z.iso.datetime(),
  station: z.object({
    stationId: z.string(),
    mode: StationMode,
    version: z.string(),
    configPath: z.string().nullable(),
    dataDir: z.string(),
    /** PID of a station running on this data folder when the diagnosis ran (CLI), else null. */
    runningPid: z.number().int().positive().nullable(),
  }),
  /** True when no check failed (the CLI's exit code 0). */
  ok: z.boolean(),
  counts: z.object({ pass: z.number().int(), warn: z.number().int(), fail: z.number().int(), skip: z.number().int() }),
  checks: z.array(DiagCheck),
});
export type DiagReport = z.infer<typeof DiagReport>;

export const DiagRunParams = z
  .object({
    /** Free disk below this fails disk.free (MiB). Default 2048. */
    minFreeMiB: z.number().int().min(1).max(16_777_216).optional(),
  })
  .strict();

export const SupportBundle = z.object({
  fileName: z.string().regex(/^[A-Za-z0-9._-]+\.zip$/),
  /** Where the station also kept a copy: `<dataDir>/support/`. */
  path: z.string(),
  bytes: z.number().int().positive(),
  /** The zip itself, base64, for the page to offer as a download. */
  base64: z.string().min(1),
  /** What went in, and what was left out and why. */
  entries: z.array(z.string()),
  omitted: z.array(z.object({ name: z.string(), reason: z.string() })),
  ok: z.boolean(),
});
export type SupportBundle = z.infer<typeof SupportBundle>;

export const diagMethods = {
  'diag.run': defineMethod({
    summary: 'Run every diagnostic check (devices, the link to central step by step, database, disk, backlog, clock) and return the report.',
    roles: ['technician', 'supervisor'],
    params: DiagRunParams,
    result: DiagReport,
  }),
  'diag.supportBundle': defineMethod({
    summary: 'Build the support bundle (zip: logs, config with secrets removed, a fresh diag report, versions), keep it under support/ and return it.',
    roles: ['technician', 'supervisor'],
    params: DiagRunParams,
    result: SupportBundle,
  }),
} as const;
