import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { PROJECT_ROOT } from '../../config';

/** Schemas of past releases, one file per version (v0.1.0.graphql, ...). */
export const RELEASED_DIR = path.join(PROJECT_ROOT, 'schema', 'released');
export const CHANGELOG = path.join(PROJECT_ROOT, 'CHANGELOG.md');

const version = (file: string) =>
  (/^v(\d+)\.(\d+)\.(\d+)\.graphql$/.exec(file) ?? []).slice(1).map(Number);

/** The newest released schema: the baseline every change is compared with. */
export function latestRelease(dir = RELEASED_DIR): string {
  const files = fs.readdirSync(dir).filter((f) => version(f).length === 3);
  files.sort((a, b) => {
    const [x, y] = [version(a), version(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
  const last = files.at(-1);
  if (!last) throw new Error(`no released schema (vX.Y.Z.graphql) in ${dir}`);
  return path.join(dir, last);
}

/**
 * The acknowledged breaking changes: the lines of the first ```breaking
 * block of the changelog's Unreleased section (# starts a comment).
 */
export function acknowledged(changelog: string): string[] {
  const unreleased = /^## Unreleased[^\n]*\n([\s\S]*?)(?=^## )/m.exec(changelog)?.[1] ?? '';
  const block = /```breaking\n([\s\S]*?)```/.exec(unreleased)?.[1] ?? '';
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

const toRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

export interface BreakingReport {
  baseline: string;
  changes: string[];
  unacknowledged: string[];
  /** Acknowledgements that match no change: stale, to be removed. */
  unused: string[];
}

export function breakingReport(
  current: string,
  baselineFile = latestRelease(),
  changelog = fs.readFileSync(CHANGELOG, 'utf8'),
): BreakingReport {
  const changes = findBreakingChanges(
    buildSchema(fs.readFileSync(baselineFile, 'utf8')),
    buildSchema(current),
  ).map((c) => c.description);
  const patterns = acknowledged(changelog).map((p) => ({ p, re: toRegExp(p) }));
  return {
    baseline: path.basename(baselineFile),
    changes,
    unacknowledged: changes.filter((c) => !patterns.some(({ re }) => re.test(c))),
    unused: patterns.filter(({ re }) => !changes.some((c) => re.test(c))).map(({ p }) => p),
  };
}
