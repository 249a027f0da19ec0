/**
 * Phase c: the API process's resident memory after 1,000 and after 20,000
 * distinct small documents. Every per-document cache must be bounded, so the
 * second figure must stay within 1.5x of the first.
 */
import { target, type PhaseResult, type Run } from './context';
import { graphql, pool } from './http';
import { rssOf } from './procfs';
import { serverFault, Tally } from './tally';

export interface RssOptions {
  first: number;
  total: number;
  concurrency: number;
  hangMs: number;
  budgetMs: number;
}

/** The i-th distinct small document: aliases, comments and a few real fields. */
export function smallDocument(i: number): string {
  switch (i % 5) {
    case 0:
      return `{ a${i}: __typename }`;
    case 1:
      return `# ${i}\n{ __typename }`;
    case 2:
      return `query Q${i} { t: __typename }`;
    case 3:
      return `{ s${i}: state(isoCode: "LT") { id name } }`;
    default:
      return `{ c${i}: counts { __typename } }`;
  }
}

const mb = (bytes: number | undefined) =>
  bytes === undefined ? null : Math.round(bytes / 1_048_576);

export async function rssPhase(run: Run, o: RssOptions): Promise<PhaseResult> {
  const started = Date.now();
  const tally = new Tally();
  const pid = run.server.apiPid();
  const atStart = pid ? rssOf(pid) : undefined;
  let down = false;
  const deadline = started + o.budgetMs;
  const send = async (from: number, to: number) =>
    pool(
      to - from,
      o.concurrency,
      async (k) => {
        const query = smallDocument(from + k);
        const out = await graphql(run.server.base, { query }, o.hangMs + 5_000);
        let failure = serverFault(out, o.hangMs);
        if (out.status === 0 && !run.server.alive) {
          failure = 'crash';
          down = true;
        }
        tally.add(out, query, failure);
      },
      () => down || Date.now() > deadline,
    );
  await send(0, o.first);
  const afterFirst = pid ? rssOf(pid) : undefined;
  // Samples on the way, so the report shows whether RSS levels off or keeps growing.
  const samples: Record<string, number | null> = { [o.first]: mb(afterFirst) };
  const step = Math.max(o.first, Math.ceil(o.total / 8));
  for (let from = o.first; from < o.total && !down; from += step) {
    const to = Math.min(o.total, from + step);
    await send(from, to);
    samples[to] = pid ? mb(rssOf(pid)) : null;
  }
  const atEnd = pid ? rssOf(pid) : undefined;
  const samePid = run.server.apiPid() === pid;
  if (down) await run.recover('rss', ['(small documents)']);
  const ratio = afterFirst && atEnd && samePid ? atEnd / afterFirst : null;
  const crashes = run.crashesIn('rss');
  const complete = tally.requests >= o.total;
  return {
    phase: 'c. RSS growth',
    tally,
    figures: {
      documents: tally.requests,
      apiPid: pid ?? null,
      rssStartMb: mb(atStart),
      [`rssAfter${o.first}Mb`]: mb(afterFirst),
      [`rssAfter${o.total}Mb`]: mb(atEnd),
      ratio: ratio === null ? null : Math.round(ratio * 100) / 100,
      rssMbByDocuments: JSON.stringify(samples),
    },
    targets: [
      target(
        `RSS after ${o.total} distinct documents within 1.5x of RSS after ${o.first}`,
        ratio === null || !complete ? (crashes > 0 ? false : null) : ratio <= 1.5,
        ratio === null
          ? `not measured (${crashes ? 'the API crashed' : `${tally.requests} sent`})`
          : `${mb(afterFirst)} MB -> ${mb(atEnd)} MB (${ratio.toFixed(2)}x)${complete ? '' : `, only ${tally.requests} sent`}`,
      ),
      target('rss: 0 crashes', crashes === 0, `${crashes}`),
    ],
    notes: [],
    crashes,
    durationMs: Date.now() - started,
  };
}
