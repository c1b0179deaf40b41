import { createHash } from 'node:crypto';

/** One forward step of the schema. Never edit one that has shipped: add the next. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(`${migration.version}\n${migration.name}\n${migration.sql}`).digest('hex');
}

export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.version !== index + 1) {
      throw new Error(`migration ${m.name} has version ${m.version}; expected ${index + 1} (versions run 1, 2, 3 … without gaps)`);
    }
  });
}
