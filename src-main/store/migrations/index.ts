import type { Migration } from '../migration.js';
import { enrollments001 } from './001-enrollments.js';

/** Every migration of the station database, in order. Append only. */
export const stationMigrations: readonly Migration[] = [enrollments001];
