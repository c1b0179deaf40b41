import type { Migration } from '../migration.js';
import { enrollments001 } from './001-enrollments.js';
import { audit002 } from './002-audit.js';
import { sync003 } from './003-sync.js';
import { accounts004 } from './004-accounts.js';
import { retention005 } from './005-retention.js';

/** Every migration of the station database, in order. Append only. */
export const stationMigrations: readonly Migration[] = [enrollments001, audit002, sync003, accounts004, retention005];
