import fs from 'node:fs';
import path from 'node:path';
import { envSchema, PROJECT_ROOT, type Env } from './schema';

export { PROJECT_ROOT };

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database: string;
  txTimeoutMs: number;
  connectTimeoutMs: number;
  maxRetryMs: number;
  poolSize: number;
}

export interface EmbeddedNeo4jConfig {
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  /** Absolute path of the folder that holds data, logs and generated config. */
  dataDir: string;
  password: string;
  startTimeoutMs: number;
  /** Neo4j Browser plays this guide after connecting (served by the API). */
  guideUrl?: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  http: {
    host: string;
    port: number;
    corsOrigins: string[];
    bodyLimit: string;
    requestTimeoutMs: number;
    /** Requests served at once; more wait in a queue of maxQueued for up to queueTimeoutMs, beyond it 503 TOO_BUSY. */
    maxInFlight: number;
    maxQueued: number;
    queueTimeoutMs: number;
    /** express's `trust proxy` (false: the socket address is the client). */
    trustProxy: false | number | string[];
    /** Origins of the embedded Neo4j Browser, which fetches /browser-guide. */
    browserGuideOrigins: string[];
  };
  /**
   * Per-client budgets (requests per window; 0 turns a limit off). Failed
   * analyst sign-ins have their own, strict budget against token guessing.
   */
  rateLimits: {
    windowMs: number;
    graphql: number;
    cypher: number;
    cypherAuthFailures: number;
    cypherAuthWindowMs: number;
  };
  logLevel: Env['LOG_LEVEL'];
  /** Ad-hoc read-only Cypher (POST /cypher): off unless a token is set. */
  analyst: { token: string | undefined; timeoutMs: number; rowCap: number; maxBytes: number };
  /** Checked before a query reaches Neo4j. */
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    /** Largest GraphQL response body in bytes (exports, which stream, are not bounded by it). */
    maxResponseBytes: number;
  };
  neo4j: Neo4jConnection;
  /** Set when the project starts its own Neo4j (NEO4J_URI unset). */
  embedded: EmbeddedNeo4jConfig | undefined;
  seedOnStart: boolean;
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once. Every bad variable is reported together, so a
 * user fixes them in one go instead of one restart per mistake.
 */
export function parseConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const value = typeof issue.path[0] === 'string' ? source[issue.path[0]] : undefined;
        const shown = value === undefined || /PASSWORD/.test(name) ? '' : ` (got "${value}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const env = result.data;
  const embedded: EmbeddedNeo4jConfig | undefined = env.NEO4J_URI
    ? undefined
    : {
        boltPort: env.NEO4J_EMBEDDED_BOLT_PORT,
        httpPort: env.NEO4J_EMBEDDED_HTTP_PORT,
        heap: env.NEO4J_EMBEDDED_HEAP,
        pageCache: env.NEO4J_EMBEDDED_PAGECACHE,
        dataDir: path.resolve(PROJECT_ROOT, env.NEO4J_EMBEDDED_DATA_DIR),
        password: env.NEO4J_PASSWORD,
        startTimeoutMs: env.NEO4J_EMBEDDED_START_TIMEOUT_MS,
        guideUrl: `http://localhost:${env.PORT}/browser-guide`,
      };
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      corsOrigins: env.CORS_ORIGINS,
      bodyLimit: env.BODY_LIMIT,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      maxInFlight: env.HTTP_MAX_IN_FLIGHT,
      maxQueued: env.HTTP_MAX_QUEUED,
      queueTimeoutMs: env.HTTP_QUEUE_TIMEOUT_MS,
      trustProxy: env.TRUST_PROXY,
      browserGuideOrigins: embedded
        ? [`http://127.0.0.1:${embedded.httpPort}`, `http://localhost:${embedded.httpPort}`]
        : [],
    },
    rateLimits: {
      windowMs: env.RATE_LIMIT_WINDOW_MS,
      graphql: env.RATE_LIMIT_GRAPHQL,
      cypher: env.RATE_LIMIT_CYPHER,
      cypherAuthFailures: env.RATE_LIMIT_CYPHER_AUTH_FAILURES,
      cypherAuthWindowMs: env.RATE_LIMIT_CYPHER_AUTH_WINDOW_MS,
    },
    logLevel: env.LOG_LEVEL,
    analyst: {
      token: env.ANALYST_TOKEN,
      timeoutMs: env.ANALYST_TIMEOUT_MS,
      rowCap: env.ANALYST_ROW_CAP,
      maxBytes: env.ANALYST_MAX_BYTES,
    },
    limits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
      maxResponseBytes: env.GRAPHQL_MAX_RESPONSE_BYTES,
    },
    neo4j: {
      uri: env.NEO4J_URI ?? `neo4j://127.0.0.1:${env.NEO4J_EMBEDDED_BOLT_PORT}`,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      txTimeoutMs: env.NEO4J_TX_TIMEOUT_MS,
      connectTimeoutMs: env.NEO4J_CONNECT_TIMEOUT_MS,
      maxRetryMs: env.NEO4J_MAX_RETRY_MS ?? (env.NEO4J_URI ? 3_000 : 500),
      poolSize: env.NEO4J_POOL_SIZE,
    },
    embedded,
    seedOnStart: env.SEED_ON_START,
  };
}

/**
 * Reads an optional .env file in the project root into process.env. Variables
 * already set in the environment win over the file.
 */
export function loadDotEnv(file = path.join(PROJECT_ROOT, '.env')): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/**
 * For the processes `npm start` runs: the .env file and the environment,
 * parsed; undefined after printing every invalid variable (the caller exits).
 */
export function readProcessConfig(): Config | undefined {
  loadDotEnv();
  try {
    return parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      return undefined;
    }
    throw err;
  }
}
