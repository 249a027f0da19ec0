import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import express, { type Router } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { PROJECT_ROOT } from '../config';
import type { Database } from '../db/database';
import { ErrorCode } from '../errors';
import { createContext, type GraphQLContext } from '../graphql/request/context';
import { loadPersistedQueries, type PersistedQuery } from '../graphql/request/persisted';
import type { Logger } from '../logger';
import { noteGraphQLErrors, requestIdOf } from './access-log';
import type { Readiness } from '../readiness';
import { canonicalJson } from '../util/canonical-json';
import { DatasetVersion } from './dataset-version';

/**
 * How long a cache may reuse an answer without asking again (seconds). After
 * that it revalidates with If-None-Match, which costs a dataset-version
 * lookup (kept in memory, see dataset-version.ts) and no query. A seed load
 * is visible to clients within this time plus the version's reuse time.
 */
export const PERSISTED_MAX_AGE_SECONDS = 60;
export const PERSISTED_CACHE_CONTROL = `public, max-age=${PERSISTED_MAX_AGE_SECONDS}, must-revalidate`;

/** The package version: a new release may answer the same document differently. */
const SERVER_VERSION: string = (
  JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

// Equal variables in any key order give equal tags.
export { canonicalJson };

/**
 * The ETag of an answer: the dataset version the graph records, the server
 * version, the document (name and text) and the variables. Equal tags mean
 * the same document asked of the same data with the same variables.
 */
export function persistedETag(
  datasetVersion: string,
  doc: PersistedQuery,
  variables: Record<string, unknown>,
): string {
  const hash = createHash('sha256')
    .update(
      [datasetVersion, SERVER_VERSION, doc.name, doc.query, canonicalJson(variables)].join('\0'),
    )
    .digest('base64url')
    .slice(0, 32);
  return `"${hash}"`;
}

/** Whether an If-None-Match header names this tag (weak comparison, as RFC 9110 asks for it). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag);
}

export interface PersistedOptions {
  /** The folder of allowlisted documents (default web/queries). */
  dir?: string;
  /** How long the dataset version is reused, in milliseconds (default DATASET_VERSION_TTL_MS). */
  versionTtlMs?: number;
}

export interface PersistedRouteDeps extends PersistedOptions {
  apollo: ApolloServer<GraphQLContext>;
  db: Database;
  logger: Logger;
  readiness: Readiness;
  schema: GraphQLSchema;
}

/**
 * GET /graphql/persisted/:name?variables=<url-encoded JSON object>: runs
 * the allowlisted document web/queries/<name>.graphql through the same
 * Apollo server as POST /graphql (context, limits, error formatting, status
 * mapping). A successful answer carries an ETag (persistedETag) and
 * PERSISTED_CACHE_CONTROL; If-None-Match with that tag is 304 before the
 * query runs. An answer with errors is `no-store`, and so are 400 and 404.
 */
export function persistedRouter(deps: PersistedRouteDeps): Router {
  // Read and validated when the app is built: a bad document fails start-up.
  const documents = loadPersistedQueries(deps.schema, deps.dir);
  const datasetVersion = new DatasetVersion(deps.db, deps.readiness, deps.versionTtlMs);
  const router = express.Router();
  router.get('/graphql/persisted/:name', async (req, res, next) => {
    const fail = (status: number, code: ErrorCode, message: string) => {
      res.setHeader('cache-control', 'no-store');
      res.status(status).json({ error: { code, message } });
    };
    const doc = documents.get(req.params.name);
    if (!doc) {
      fail(404, ErrorCode.NOT_FOUND, `No persisted query named ${req.params.name}`);
      return;
    }
    const raw = req.query.variables;
    let variables: Record<string, unknown> = {};
    if (raw !== undefined) {
      let parsed: unknown;
      try {
        parsed = typeof raw === 'string' ? JSON.parse(raw) : undefined;
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        fail(400, ErrorCode.BAD_INPUT, 'variables must be one URL-encoded JSON object');
        return;
      }
      variables = parsed as Record<string, unknown>;
    }
    try {
      // The version is read before the query runs, so a tag never names a
      // newer dataset than its body was read from (a load in between makes
      // the next revalidation a 200, not a stale 304). Without a version
      // (the database is down) the query still runs, so the client gets the
      // API's own error and status; nothing is tagged.
      const version = await datasetVersion.get().catch(() => undefined);
      const etag = version === undefined ? undefined : persistedETag(version, doc, variables);
      if (etag && matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
        res.setHeader('etag', etag);
        res.setHeader('cache-control', PERSISTED_CACHE_CONTROL);
        res.status(304).end();
        return;
      }
      const result = await deps.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: 'POST',
          headers: new HeaderMap([['content-type', 'application/json']]),
          search: '',
          body: { query: doc.query, variables },
        },
        context: async () => createContext(deps.db, deps.logger, requestIdOf(req)),
      });
      for (const [key, value] of result.headers) res.setHeader(key, value);
      const status = result.status ?? 200;
      if (result.body.kind !== 'complete') throw new Error('persisted queries answer in one part');
      const body = result.body.string;
      const { errors } = JSON.parse(body) as { errors?: GraphQLFormattedError[] };
      noteGraphQLErrors(res, errors);
      const clean = status === 200 && !errors;
      if (clean && etag) {
        res.setHeader('etag', etag);
        res.setHeader('cache-control', PERSISTED_CACHE_CONTROL);
      } else {
        res.setHeader('cache-control', 'no-store');
      }
      res.status(status).send(body);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
