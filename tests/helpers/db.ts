import { randomBytes } from 'node:crypto';
import { Database } from '../../src/db/database';
import type { Neo4jConnection } from '../../src/config';
import { createLogger } from '../../src/logger';
import { testConnection } from '../setup/test-neo4j';

export const silentLogger = createLogger('silent');

export function testDatabase(overrides: Partial<Neo4jConnection> = {}): Database {
  return new Database(testConnection(overrides), silentLogger);
}

/** A label no other test uses, so tests can write side by side and clean up after themselves. */
export function uniqueLabel(prefix = 'Test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}
