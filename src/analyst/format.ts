import type { QueryResult } from './run';

export type OutputFormat = 'table' | 'csv' | 'json';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** A readable text table; long cells are cut at 60 characters. */
export function formatTable(result: QueryResult): string {
  const cols = result.columns;
  const cells = result.rows.map((r) =>
    cols
      .map((c) => cell(r[c]).replace(/\s+/g, ' '))
      .map((s) => (s.length > 60 ? `${s.slice(0, 59)}…` : s)),
  );
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i]!))
      .join(' | ')
      .trimEnd();
  return [
    line(cols),
    widths.map((w) => '-'.repeat(w)).join('-+-'),
    ...cells.map(line),
    `(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`,
  ].join('\n');
}

/** RFC 4180 CSV; lists and maps are written as JSON. */
export function formatCsv(result: QueryResult): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    result.columns.map(quote).join(','),
    ...result.rows.map((r) => result.columns.map((c) => quote(cell(r[c]))).join(',')),
  ].join('\n');
}

export function formatResult(result: QueryResult, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(result.rows, null, 2);
  if (format === 'csv') return formatCsv(result);
  return formatTable(result);
}
