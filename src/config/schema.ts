import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Root of the repository (works from src/ under ts-jest and from dist/src/ after a build). */
export const PROJECT_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..',
);

const port = z.coerce.number().int().min(1).max(65535);
const positiveMs = z.coerce.number().int().min(1);
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
/** Java memory sizes as the JVM and Neo4j accept them: 512m, 1g, 2048m. */
const memorySize = z.string().regex(/^\d+[kmgKMG]$/, 'expected a size such as 512m or 1g');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Names express (proxy-addr) knows for address ranges. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * express's `trust proxy`: unset (the socket address is the client), a hop
 * count, or the addresses/CIDRs of the proxies to trust. "true" (trust every
 * hop) is refused: any client could then choose its own address, and so its
 * own rate-limit bucket, with an X-Forwarded-For header.
 */
const trustProxy = optionalString.pipe(
  z
    .string()
    .optional()
    .transform((v, ctx): false | number | string[] => {
      if (v === undefined) return false;
      if (/^\d+$/.test(v)) return Number(v);
      const entries = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = entries.filter((e) => !isProxyAddress(e));
      if (bad.length > 0 || entries.length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: `expected a hop count or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal${bad.length ? ` (not understood: ${bad.join(', ')})` : ''}`,
        });
        return z.NEVER;
      }
      return entries;
    }),
);

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port.default(4000),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    CORS_ORIGINS: z
      .string()
      .default('')
      .transform((v) =>
        v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.union([z.literal('*'), z.url()]))),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb or 1mb')
      .default('1mb'),
    HTTP_REQUEST_TIMEOUT_MS: positiveMs.default(30_000),

    NEO4J_URI: optionalString.pipe(
      z
        .string()
        .regex(
          /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/,
          'expected neo4j://, neo4j+s://, bolt:// or bolt+s:// followed by a host',
        )
        .optional(),
    ),
    NEO4J_USER: z.string().min(1).default('neo4j'),
    NEO4J_PASSWORD: z
      .string()
      .min(8, 'Neo4j requires at least 8 characters')
      .default('car-graph-local'),
    NEO4J_DATABASE: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'not a valid database name')
      .default('neo4j'),
    NEO4J_TX_TIMEOUT_MS: positiveMs.default(10_000),
    NEO4J_CONNECT_TIMEOUT_MS: positiveMs.default(5_000),
    // Unset: 3 s against your own Neo4j (a cluster's fail-over needs the
    // driver to retry), 500 ms against the embedded one (a refused connection
    // will not heal by waiting).
    NEO4J_MAX_RETRY_MS: z.coerce.number().int().min(0).optional(),
    NEO4J_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(50),

    NEO4J_EMBEDDED_BOLT_PORT: port.default(7687),
    NEO4J_EMBEDDED_HTTP_PORT: port.default(7474),
    NEO4J_EMBEDDED_HEAP: memorySize.default('1g'),
    NEO4J_EMBEDDED_PAGECACHE: memorySize.default('512m'),
    NEO4J_EMBEDDED_DATA_DIR: z.string().min(1).default('.neo4j'),
    NEO4J_EMBEDDED_START_TIMEOUT_MS: positiveMs.default(120_000),

    SEED_ON_START: bool.default(true),

    ANALYST_TOKEN: optionalString.pipe(
      z.string().min(16, 'must be at least 16 characters').optional(),
    ),
    ANALYST_TIMEOUT_MS: positiveMs.default(5_000),
    ANALYST_ROW_CAP: z.coerce.number().int().min(1).max(100_000).default(1_000),
    ANALYST_MAX_BYTES: z.coerce.number().int().min(1_000).max(100_000_000).default(5_000_000),

    GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(200).default(15),
    GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(5_000),
    GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
    GRAPHQL_MAX_RESPONSE_BYTES: z.coerce
      .number()
      .int()
      .min(1_024)
      .max(2 ** 30)
      .default(16 * 2 ** 20),

    HTTP_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(100_000).default(64),
    HTTP_MAX_QUEUED: z.coerce.number().int().min(0).max(100_000).default(64),
    HTTP_QUEUE_TIMEOUT_MS: positiveMs.default(2_000),
    TRUST_PROXY: trustProxy,
    RATE_LIMIT_WINDOW_MS: positiveMs.default(60_000),
    RATE_LIMIT_GRAPHQL: z.coerce.number().int().min(0).default(60_000),
    RATE_LIMIT_CYPHER: z.coerce.number().int().min(0).default(600),
    RATE_LIMIT_CYPHER_AUTH_FAILURES: z.coerce.number().int().min(1).default(10),
    RATE_LIMIT_CYPHER_AUTH_WINDOW_MS: positiveMs.default(900_000),
  })
  .superRefine((env, ctx) => {
    // The server checks its transaction deadline only periodically (measured: a
    // 1 s timeout fires after about 2.7 s), so the HTTP timeout must leave room.
    if (env.HTTP_REQUEST_TIMEOUT_MS < env.NEO4J_TX_TIMEOUT_MS + 5_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['HTTP_REQUEST_TIMEOUT_MS'],
        message: `must be at least NEO4J_TX_TIMEOUT_MS + 5000 (${env.NEO4J_TX_TIMEOUT_MS + 5_000}) so Neo4j times out first`,
      });
    }
    if (env.HTTP_REQUEST_TIMEOUT_MS < env.ANALYST_TIMEOUT_MS + 5_000) {
      ctx.addIssue({
        code: 'custom',
        path: ['ANALYST_TIMEOUT_MS'],
        message: `must be at most HTTP_REQUEST_TIMEOUT_MS - 5000 (${env.HTTP_REQUEST_TIMEOUT_MS - 5_000})`,
      });
    }
    if (!env.NEO4J_URI && env.NEO4J_EMBEDDED_BOLT_PORT === env.NEO4J_EMBEDDED_HTTP_PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_EMBEDDED_HTTP_PORT'],
        message: 'must differ from NEO4J_EMBEDDED_BOLT_PORT',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;
