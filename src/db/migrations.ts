import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { AppError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import { cypher, splitStatements } from './cypher-files';
import type { Database } from './database';

export const SCHEMA_DIR = path.join(PROJECT_ROOT, 'cypher', 'schema');

export interface Migration {
  id: string;
  checksum: string;
  statements: string[];
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** Reads cypher/schema/NNN_name.cypher in order; each file is one migration of `;`-separated statements. */
export function loadMigrations(dir = SCHEMA_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.cypher$/.test(f))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      return {
        id: file.replace(/\.cypher$/, ''),
        checksum: crypto.createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
}

/**
 * Applies the migrations not yet recorded in the graph, in order, and records
 * each one as a (:Migration) node once all its statements succeeded. Schema
 * statements are idempotent, so two replicas starting together converge on
 * the same result. A recorded migration whose file changed is an error: add a
 * new migration instead of editing an applied one.
 */
export async function migrate(
  db: Database,
  logger: Logger,
  migrations = loadMigrations(),
): Promise<MigrationReport> {
  const rows = await db.read<{ id: string; checksum: string }>(
    cypher('db/migrations-list.cypher'),
    {},
    { operation: 'migrations.list' },
  );
  const recorded = new Map(rows.map((r) => [r.id, r.checksum]));
  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const m of migrations) {
    const checksum = recorded.get(m.id);
    if (checksum !== undefined) {
      if (checksum !== m.checksum) {
        throw new AppError(
          ErrorCode.INTERNAL,
          `Migration ${m.id} was changed after it was applied; add a new migration instead`,
        );
      }
      report.alreadyApplied.push(m.id);
      continue;
    }
    for (const statement of m.statements) {
      // Schema commands cannot share a transaction with data writes.
      await db.autoCommit(statement, {}, { operation: `migration.${m.id}` });
    }
    await db.write(
      cypher('db/migrations-record.cypher'),
      { id: m.id, checksum: m.checksum },
      { operation: 'migrations.record' },
    );
    logger.info({ migration: m.id }, 'migration applied');
    report.applied.push(m.id);
  }
  return report;
}

/** Ids of the migrations on disk that the graph has not recorded yet. */
export async function pendingMigrations(
  db: Database,
  migrations = loadMigrations(),
): Promise<string[]> {
  const rows = await db.read<{ id: string }>(
    cypher('db/migrations-pending.cypher'),
    {},
    { operation: 'migrations.pending' },
  );
  const done = new Set(rows.map((r) => r.id));
  return migrations.map((m) => m.id).filter((id) => !done.has(id));
}
