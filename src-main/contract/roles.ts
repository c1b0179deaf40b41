import { z } from 'zod';

/** The people who use a station, by what they do at the desk. */
export const Role = z.enum(['operator', 'printer', 'technician', 'supervisor']);
export type Role = z.infer<typeof Role>;

export const ALL_ROLES: readonly Role[] = Role.options;

/**
 * Who may call a method: `'anyone'` means any caller that holds the launch token,
 * signed in or not; otherwise the list of roles whose signed-in operators may call it.
 */
export type MethodAccess = 'anyone' | readonly Role[];
