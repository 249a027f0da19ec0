/**
 * Counts what came back: responses by HTTP status and by error code, the
 * latencies, and the responses that break a target (kept as examples, so a
 * failure can be replayed).
 */
export interface Outcome {
  /** HTTP status, or 0 when no response came (connection refused, reset, timeout). */
  status: number;
  ms: number;
  /** Error codes in the body (GraphQL `errors[].extensions.code` or `error.code`). */
  codes: string[];
  /** Why there was no response, when there was none. */
  error?: string;
}

export interface Example {
  why: string;
  request: string;
  status: number;
  codes: string[];
  ms: number;
}

const MAX_EXAMPLES = 12;

export class Tally {
  requests = 0;
  readonly byStatus: Record<string, number> = {};
  readonly byCode: Record<string, number> = {};
  readonly latencies: number[] = [];
  readonly examples: Example[] = [];
  failures = 0;

  add(outcome: Outcome, request: string, failure?: string): void {
    this.requests++;
    const status =
      outcome.status === 0 ? `none (${outcome.error ?? 'no response'})` : String(outcome.status);
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    for (const code of new Set(outcome.codes)) this.byCode[code] = (this.byCode[code] ?? 0) + 1;
    this.latencies.push(outcome.ms);
    if (failure) {
      this.failures++;
      // A few of each kind, so one frequent failure does not hide the others.
      const sameKind = this.examples.filter(
        (e) => e.why.split(' ')[0] === failure.split(' ')[0],
      ).length;
      if (this.examples.length < MAX_EXAMPLES && sameKind < 3)
        this.examples.push({
          why: failure,
          request: request.length > 400 ? `${request.slice(0, 400)}...` : request,
          status: outcome.status,
          codes: outcome.codes,
          ms: Math.round(outcome.ms),
        });
    }
  }

  count(status: (s: number) => boolean): number {
    let n = 0;
    for (const [key, value] of Object.entries(this.byStatus)) if (status(Number(key))) n += value;
    return n;
  }

  percentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
    return Math.round(sorted[Math.max(0, i)] ?? 0);
  }

  toJSON() {
    return {
      requests: this.requests,
      byStatus: this.byStatus,
      byCode: this.byCode,
      p50Ms: this.percentile(50),
      p99Ms: this.percentile(99),
      maxMs: this.percentile(100),
      failures: this.failures,
      examples: this.examples,
    };
  }
}

/** A 5xx other than 503, an INTERNAL code, or an answer slower than the hang bound. */
export function serverFault(outcome: Outcome, hangMs: number): string | undefined {
  if (outcome.status >= 500 && outcome.status !== 503) return `HTTP ${outcome.status}`;
  if (outcome.codes.includes('INTERNAL')) return 'INTERNAL';
  if (outcome.ms > hangMs) return `hang (${Math.round(outcome.ms)} ms)`;
  return undefined;
}
