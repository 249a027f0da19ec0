/**
 * The suite's output: a table of figures per phase, each target with PASS or
 * FAIL, and the same as JSON.
 */
import fs from 'node:fs';
import type { Crash, PhaseResult, Target } from './context';

export interface Report {
  startedAt: string;
  commit: string;
  options: Record<string, unknown>;
  phases: PhaseResult[];
  crashes: Crash[];
  graph: { before: string | null; after: string | null };
  targets: Target[];
  passed: boolean;
  durationS: number;
}

function errorsCell(p: PhaseResult): string {
  if (!p.tally) return '';
  const statuses = Object.entries(p.tally.byStatus)
    .filter(([s]) => s !== '200')
    .map(([s, n]) => `${s}:${n}`);
  const codes = Object.entries(p.tally.byCode).map(([c, n]) => `${c}:${n}`);
  return [statuses.join(' '), codes.join(' ')].filter(Boolean).join(' / ');
}

const fig = (p: PhaseResult, ...keys: string[]) => {
  for (const k of keys) {
    const v = p.figures[k];
    if (v !== undefined && v !== null) return typeof v === 'number' ? `${v}` : v;
  }
  return '';
};

export function table(phases: PhaseResult[]): string[][] {
  return [
    [
      'phase',
      'requests',
      'errors by status / code',
      'crashes',
      'typed error ms',
      'recovery ms',
      'p99 ms',
      'RSS start/end MB',
      'log lines',
    ],
    ...phases.map((p) => {
      const rssKeys = Object.keys(p.figures).filter((k) => /^rssAfter\d+Mb$/.test(k));
      const rss = rssKeys.length ? rssKeys.map((k) => p.figures[k] ?? '?').join(' -> ') : '';
      return [
        p.phase,
        String(p.tally?.requests ?? fig(p, 'requests')),
        errorsCell(p) || fig(p, 'statuses'),
        String(p.crashes),
        fig(p, 'killTypedErrorMs'),
        fig(p, 'killRecoveryMs'),
        String(fig(p, 'p99Ms') || (p.tally ? p.tally.percentile(99) : '')),
        rss,
        fig(p, 'serverLogLines'),
      ];
    }),
  ];
}

export function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) =>
    Math.min(60, Math.max(...rows.map((r) => (r[i] ?? '').length))),
  );
  return rows
    .map((r) =>
      r.map((c, i) => (c.length > 60 ? `${c.slice(0, 57)}...` : c).padEnd(widths[i]!)).join(' | '),
    )
    .join('\n');
}

export function formatTargets(targets: Target[]): string {
  return targets
    .map((t) => `${t.pass === null ? 'n/a ' : t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.measured}`)
    .join('\n');
}

export function writeReport(file: string, report: Report): void {
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
