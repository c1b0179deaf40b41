import { z } from 'zod';
import { defineMethod } from '../method.js';
import { Connectivity, StationMode, StationStatus, StationWarning } from '../status.js';

export const StationInfo = z.object({
  product: z.literal('KTP Station'),
  version: z.string(),
  stationId: z.string(),
  mode: StationMode,
  region: z.object({
    provinceCode: z.string(),
    regencyCode: z.string(),
    districtCode: z.string(),
    provinceName: z.string(),
    regencyName: z.string(),
    districtName: z.string(),
  }),
  dataDir: z.string(),
  configPath: z.string().nullable(),
  startedAt: z.iso.datetime(),
  uptimeSeconds: z.number().nonnegative(),
  host: z.enum(['web', 'electron']),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), platform: z.string() }),
  dailyTarget: z.number().int().nonnegative(),
  /** What a technician should fix (e.g. how the data key is protected); shown by diagnostics. */
  warnings: z.array(StationWarning),
});
export type StationInfo = z.infer<typeof StationInfo>;

export const stationMethods = {
  'station.info': defineMethod({
    summary: 'Version, station id, mode, data folder and uptime of this station.',
    roles: 'anyone',
    params: z.object({}).strict(),
    result: StationInfo,
  }),
  'station.status': defineMethod({
    summary: 'What the top bar shows: connectivity to central, backlog, mode.',
    roles: 'anyone',
    params: z.object({}).strict(),
    result: StationStatus,
  }),
  'station.probeCentral': defineMethod({
    summary: 'Probe the link to central now (technician, supervisor) and return what was seen.',
    roles: ['technician', 'supervisor'],
    params: z.object({}).strict(),
    result: Connectivity,
  }),
} as const;

