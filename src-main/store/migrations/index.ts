import type { Migration } from '../migration.js';
import { enrollments001 } from './001-enrollments.js';
import { audit002 } from './002-audit.js';
import { sync003 } from './003-sync.js';
import { printDesk004 } from './004-print-desk.js';
import { accounts005 } from './005-accounts.js';
import { retention006 } from './006-retention.js';

/** Every migration of the station database, in order. Append only. */
export const stationMigrations: readonly Migration[] = [enrollments001, audit002, sync003, printDesk004, accounts005, retention006];
