/** A date as the seed files write it: "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** As written. */
  text: string;
  precision: Precision;
  /** First day the written date covers (ISO). */
  first: string;
  /** Last day the written date covers (ISO): "2020" → 2020-12-31. */
  last: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a seed date; undefined when it is not a real calendar date in one of the three forms. */
export function parsePartialDate(text: string): PartialDate | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > daysIn(year, month ?? 1))) return undefined;
  const iso = (y: number, mo: number, d: number) =>
    `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (month === undefined) {
    return { text, precision: 'year', first: iso(year, 1, 1), last: iso(year, 12, 31) };
  }
  if (day === undefined) {
    return {
      text,
      precision: 'month',
      first: iso(year, month, 1),
      last: iso(year, month, daysIn(year, month)),
    };
  }
  return { text, precision: 'day', first: iso(year, month, day), last: iso(year, month, day) };
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
