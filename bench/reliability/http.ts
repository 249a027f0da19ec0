import type { Outcome } from './tally';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RequestSpec {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

function codesOf(json: Json): string[] {
  const codes: string[] = [];
  if (json && typeof json === 'object') {
    if (Array.isArray(json.errors))
      for (const e of json.errors) {
        const code = e?.extensions?.code;
        if (typeof code === 'string') codes.push(code);
      }
    if (typeof json.error?.code === 'string') codes.push(json.error.code);
  }
  return codes;
}

/**
 * One request with a client-side deadline; never throws. `json` is the
 * parsed body when it was JSON.
 */
export async function request(
  base: string,
  spec: RequestSpec,
  timeoutMs: number,
): Promise<Outcome & { json?: Json; headers?: Headers }> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${spec.path}`, {
      method: spec.method ?? (spec.body === undefined ? 'GET' : 'POST'),
      headers: spec.headers,
      body: spec.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: res.status,
      ms: performance.now() - started,
      codes: codesOf(json),
      json,
      headers: res.headers,
    };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const error =
      e.name === 'TimeoutError' ? `timeout ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return { status: 0, ms: performance.now() - started, codes: [], error };
  }
}

export function graphql(
  base: string,
  body: { query: string; variables?: unknown; operationName?: string },
  timeoutMs: number,
) {
  return request(
    base,
    {
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    },
    timeoutMs,
  );
}

/** Runs `work(i)` for i in [0, count) with at most `concurrency` at once; stops early when `stop()` says so. */
export async function pool(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count && !stop()) {
      const i = next++;
      await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return next;
}
