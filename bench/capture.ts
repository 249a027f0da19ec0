/**
 * What each contestant sends to Neo4j for a scenario, seen from Neo4j: while
 * only that contestant is asked the scenario, SHOW TRANSACTIONS is polled for
 * the statements in flight (text and parameters), and each distinct one is
 * then run once under PROFILE for its database hits. The same way for every
 * contestant, without touching any of them.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface CapturedStatement {
  text: string;
  /** Total db hits of the statement's PROFILE (all operators), or null if PROFILE failed. */
  dbHits: number | null;
  profileError?: string;
}

interface ProfiledPlan {
  dbHits: number;
  children: ProfiledPlan[];
}

/** The db hits of a profiled plan, its operators summed. */
export function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((a, c) => a + totalDbHits(c), 0);
}

/** The statement with PROFILE in front, after any leading `CYPHER ...` options line. */
export function profiled(text: string): string {
  const m = /^\s*(CYPHER\b[^\n]*)\n/i.exec(text);
  return m ? `${m[1]}\nPROFILE ${text.slice(m[0].length)}` : `PROFILE ${text}`;
}

const OWN = 'SHOW TRANSACTIONS';
/** Our API's own background reads (transaction metadata `operation`), not a request's statements. */
const BACKGROUND = new Set([
  'cost.listBounds',
  'persisted.datasetVersion',
  'readyz',
  'Query.health',
]);

/**
 * Polls SHOW TRANSACTIONS while `drive` keeps the contestant busy, until
 * `expected` distinct statements were seen (or `timeoutMs` passed).
 */
export async function captureStatements(
  driver: Driver,
  expected: number,
  drive: (stop: () => boolean) => Promise<void>,
  timeoutMs = 4000,
): Promise<{ text: string; parameters: Record<string, unknown> }[]> {
  const seen = new Map<string, Record<string, unknown>>();
  const deadline = Date.now() + timeoutMs;
  const done = () => seen.size >= Math.max(1, expected) || Date.now() > deadline;
  const driving = drive(done);
  while (!done()) {
    const { records } = await driver.executeQuery(
      `${OWN} YIELD currentQuery, parameters, metaData WHERE NOT currentQuery STARTS WITH '${OWN}' AND currentQuery <> '' RETURN currentQuery, parameters, metaData`,
      {},
      { database: 'neo4j' },
    );
    for (const r of records) {
      const text = r.get('currentQuery') as string;
      // Index and metadata statements of a driver start-up are not a scenario's.
      if (/^\s*(CALL db\.|SHOW |CALL dbms\.)/i.test(text)) continue;
      const meta = r.get('metaData') as { operation?: string } | null;
      if (meta?.operation && BACKGROUND.has(meta.operation)) continue;
      if (!seen.has(text)) seen.set(text, r.get('parameters') as Record<string, unknown>);
    }
  }
  await driving;
  return [...seen].map(([text, parameters]) => ({ text, parameters }));
}

/** Runs each statement once under PROFILE (in a read transaction) and sums its db hits. */
export async function profileStatements(
  driver: Driver,
  statements: { text: string; parameters: Record<string, unknown> }[],
): Promise<CapturedStatement[]> {
  const out: CapturedStatement[] = [];
  for (const s of statements) {
    const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(profiled(s.text), s.parameters));
      const plan = result.summary.profile as unknown as ProfiledPlan | false;
      out.push({ text: s.text, dbHits: plan ? totalDbHits(plan) : null });
    } catch (err) {
      out.push({ text: s.text, dbHits: null, profileError: (err as Error).message.slice(0, 200) });
    } finally {
      await session.close();
    }
  }
  return out;
}
