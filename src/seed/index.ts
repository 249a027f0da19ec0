import path from 'node:path';
import type { Database } from '../db/database';
import { AppError, ErrorCode } from '../errors';
import { loadSeed, type LoadReport } from './load';
import { loadModel } from '../model';
import { formatProblem, validateSeed, type SeedData } from './validate';
import { SEED_VERSION, seedFilesChecksum } from './version';

/** Problems listed in a message; the rest are counted (all stay in `problems`). */
const SHOWN_PROBLEMS = 50;

export class SeedValidationError extends AppError {
  constructor(public readonly problems: string[]) {
    const shown = problems.slice(0, SHOWN_PROBLEMS).map((p) => `  - ${p}`);
    if (problems.length > SHOWN_PROBLEMS)
      shown.push(`  ... and ${problems.length - SHOWN_PROBLEMS} more`);
    super(
      ErrorCode.BAD_INPUT,
      `The seed has ${problems.length} problem(s); nothing was written:\n${shown.join('\n')}`,
    );
    this.name = 'SeedValidationError';
  }
}

/** Reads and validates the seed files; throws SeedValidationError listing every problem. */
export function readSeed(seedDir?: string): SeedData {
  const dir = seedDir ? path.resolve(seedDir) : undefined;
  const result = validateSeed(loadModel(dir ? path.join(dir, 'model.yaml') : undefined), dir);
  if (!result.ok) throw new SeedValidationError(result.problems.map(formatProblem));
  return result.data;
}

/** Validates, then loads: a seed with any problem writes nothing. */
export async function seed(
  db: Database,
  opts: { seedDir?: string; progress?: (m: string) => void } = {},
): Promise<LoadReport> {
  const data = readSeed(opts.seedDir);
  return loadSeed(db, data, opts.progress, {
    filesChecksum: seedFilesChecksum(opts.seedDir ? path.resolve(opts.seedDir) : undefined),
    seedVersion: SEED_VERSION,
  });
}

export function formatReport(report: LoadReport): string {
  const lines = [
    `Loaded ${report.nodes} nodes and ${report.relationships} relationships from the seed` +
      ` (removed ${report.deletedNodes} nodes and ${report.deletedRelationships} relationships no longer in the files;` +
      ` derived ${report.derived} PURSUES, ${report.mayPursue} MAY_PURSUE and ${report.civilSociety} CIVIL_SOCIETY_ENGAGES).`,
    'Nodes per label:',
    ...Object.entries(report.counts.labels).map(([k, v]) => `  ${k.padEnd(26)} ${v}`),
    'Relationships per type:',
    ...Object.entries(report.counts.types).map(([k, v]) => `  ${k.padEnd(26)} ${v}`),
    `Content checksum: ${report.checksum}`,
  ];
  return lines.join('\n');
}
