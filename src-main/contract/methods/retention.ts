import { z } from 'zod';
import { defineMethod } from '../method.js';

export const retentionMethods = {
  'retention.run': defineMethod({
    summary: 'Delete now the biometric bytes of records central accepted longer ago than the grace period (runs on its own every `retention.vacuumHours`); audited per record.',
    roles: ['supervisor', 'technician'],
    params: z.object({}).strict(),
    result: z.object({
      purgedRecords: z.number().int().nonnegative(),
      captures: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      vacuumed: z.boolean(),
      acceptedBefore: z.iso.datetime(),
    }),
  }),
} as const;
