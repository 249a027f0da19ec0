/**
 * How the benchmark decides that answers are the same, before timing and for
 * every response under load. Pure functions, tested in tests/unit.
 *
 * Lists keep the order the contestant returned: a scenario's normaliser
 * sorts only the lists whose document asks no order (`unordered`), so a
 * list asked in an order must come back in that order. Nothing is filtered:
 * an extra or a missing row is a difference.
 */
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A canonical order for a list whose document asks none (compared as a multiset). */
export function unordered<T>(xs: readonly T[]): T[] {
  const keyed = xs.map((x) => [JSON.stringify(x), x] as const);
  keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return keyed.map(([, x]) => x);
}

/**
 * The first difference between two normalised answers, as a path and the two
 * values there (lengths for lists of different sizes), or null when equal.
 */
export function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    if (a.length !== b.length)
      return `${at}: ${a.length} rows vs ${b.length} (first extra: ${JSON.stringify(a.length > b.length ? a[b.length] : b[a.length])})`;
    return null;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      if (!(k in a) || !(k in b)) return `${at}.${k}: present on one side only`;
      const d = firstDifference(a[k], b[k], `${at}.${k}`);
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Why a response body under load is not a good answer, or null when it is. */
export function bodyFailure(
  body: string,
  normalise: (payload: Json) => unknown,
  expected: string,
  kind: 'graphql' | 'rows',
): string | null {
  let json: Json;
  try {
    json = JSON.parse(body);
  } catch {
    return 'not JSON';
  }
  if (!isObject(json)) return 'not a JSON object';
  if (kind === 'graphql') {
    // A GraphQL error comes back as a 200 with `errors`: a failure all the same.
    if (json.errors !== undefined) return 'errors';
    if (!isObject(json.data)) return 'no data';
  } else if (!Array.isArray(json.rows)) return 'no rows';
  let answer: unknown;
  try {
    answer = normalise(kind === 'graphql' ? json.data : json.rows);
  } catch {
    return 'unexpected shape';
  }
  return JSON.stringify(answer) === expected ? null : 'different answer';
}

/**
 * A list asked in an order whose key can tie (two edges to the same far end,
 * ordered by its id): the order of the keys is kept and checked, only the
 * rows within a run of equal keys are put in a canonical order.
 */
export function tiesUnordered<T>(xs: readonly T[], key: (x: T) => unknown): T[] {
  const out: T[] = [];
  let run: T[] = [];
  const flush = () => {
    out.push(...unordered(run));
    run = [];
  };
  for (const x of xs) {
    if (run.length && key(run[0]!) !== key(x)) flush();
    run.push(x);
  }
  flush();
  return out;
}
