import neo4j, { type Driver } from 'neo4j-driver';

/** A driver whose statements are counted, so each contestant reports round trips per request. */
export function countingDriver(
  uri: string,
  password: string,
): { driver: Driver; count: () => number } {
  let statements = 0;
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', password), {
    disableLosslessIntegers: false,
  });
  const wrapTx = (tx: Record<string, unknown>) =>
    new Proxy(tx, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (prop === 'run' && typeof value === 'function') {
          return (...args: unknown[]) => {
            statements += 1;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function'
          ? (value as (...a: unknown[]) => unknown).bind(target)
          : value;
      },
    });
  const proxied = new Proxy(driver, {
    get(target, prop) {
      const value = Reflect.get(target, prop) as unknown;
      if (prop === 'session' && typeof value === 'function') {
        return (...args: unknown[]) => {
          const session = (value as (...a: unknown[]) => Record<string, unknown>).apply(
            target,
            args,
          );
          return new Proxy(session, {
            get(s, p) {
              const v = Reflect.get(s, p) as unknown;
              if (p === 'run' && typeof v === 'function') {
                return (...a: unknown[]) => {
                  statements += 1;
                  return (v as (...x: unknown[]) => unknown).apply(s, a);
                };
              }
              if ((p === 'executeRead' || p === 'executeWrite') && typeof v === 'function') {
                return (work: (tx: Record<string, unknown>) => unknown, ...rest: unknown[]) =>
                  (v as (...x: unknown[]) => unknown).apply(s, [
                    (tx: Record<string, unknown>) => work(wrapTx(tx)),
                    ...rest,
                  ]);
              }
              if (p === 'beginTransaction' && typeof v === 'function') {
                return (...a: unknown[]) =>
                  wrapTx((v as (...x: unknown[]) => Record<string, unknown>).apply(s, a));
              }
              return typeof v === 'function' ? (v as (...x: unknown[]) => unknown).bind(s) : v;
            },
          });
        };
      }
      if (prop === 'executeQuery' && typeof value === 'function') {
        return (...args: unknown[]) => {
          statements += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
  return { driver: proxied, count: () => statements };
}
