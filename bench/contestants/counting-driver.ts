import neo4j, { type Driver } from 'neo4j-driver';

type Fn = (...args: unknown[]) => unknown;
type Obj = Record<string, unknown>;

/**
 * A view of `target` in which the named methods are replaced by wrappers of
 * the originals (bound to `target`); every other member passes through.
 */
function intercept<T extends object>(target: T, wrappers: Record<string, (original: Fn) => Fn>): T {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop) as unknown;
      if (typeof value !== 'function') return value;
      const original = (value as Fn).bind(t);
      const wrap = typeof prop === 'string' ? wrappers[prop] : undefined;
      return wrap ? wrap(original) : original;
    },
  });
}

/** A driver whose statements are counted (and the last one kept), so each contestant reports round trips per request. */
export function countingDriver(
  uri: string,
  password: string,
): { driver: Driver; count: () => number; last: () => string | null } {
  let statements = 0;
  let last: string | null = null;
  const counted =
    (original: Fn): Fn =>
    (...args) => {
      statements += 1;
      // The statement's text, so a reader can see what a contestant sent.
      const q = args[0] as unknown;
      last = typeof q === 'string' ? q : ((q as { text?: string } | null)?.text ?? null);
      return original(...args);
    };
  const countingTx = (tx: Obj) => intercept(tx, { run: counted });
  const countingSession = (session: Obj) =>
    intercept(session, {
      run: counted,
      executeRead:
        (original) =>
        (work, ...rest) =>
          original((tx: Obj) => (work as Fn)(countingTx(tx)), ...rest),
      executeWrite:
        (original) =>
        (work, ...rest) =>
          original((tx: Obj) => (work as Fn)(countingTx(tx)), ...rest),
      beginTransaction:
        (original) =>
        (...args) =>
          countingTx(original(...args) as Obj),
    });
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password));
  const proxied = intercept(driver, {
    session:
      (original) =>
      (...args) =>
        countingSession(original(...args) as Obj),
    executeQuery: counted,
  });
  return { driver: proxied, count: () => statements, last: () => last };
}
