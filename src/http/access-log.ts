import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request id a response carries: the caller's x-request-id when it is sane, else a new one. */
export function requestIdOf(req: Request): string {
  return (req as Request & { requestId?: string }).requestId ?? '';
}

interface ErrorNote {
  errors?: string[];
  errorIds?: string[];
}

/**
 * Notes the codes (and error ids of masked errors) of a GraphQL response on
 * its HTTP response, for the request's one log line: the line says what
 * went wrong, and the details are logged once per kind (log-repeats.ts).
 */
export function noteGraphQLErrors(
  res: Response | undefined,
  errors: readonly GraphQLFormattedError[] | undefined,
): void {
  if (!res || !errors?.length) return;
  const note = res.locals as ErrorNote;
  note.errors = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
  const ids = errors.flatMap((e) =>
    typeof e.extensions?.errorId === 'string' ? [e.extensions.errorId] : [],
  );
  if (ids.length) note.errorIds = ids;
}

/** Notes a masked error's id on its response (plain HTTP errors). */
export function noteErrorId(res: Response, code: string, errorId: string): void {
  const note = res.locals as ErrorNote;
  note.errors = [code];
  note.errorIds = [errorId];
}

/**
 * Gives every request an id (echoed as x-request-id) and logs one line when
 * it completes. No child logger is built per request: the line is written
 * with the root logger, and only when the level lets it through, so a busy
 * API pays for logging only what is logged. Health probes are not logged.
 * This is the one line a request writes at info; it names the error codes
 * (and masked errors' ids) of its response.
 */
export function accessLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { requestId?: string }).requestId = id;
    res.setHeader('x-request-id', id);
    if (req.url !== '/healthz' && req.url !== '/readyz' && logger.isLevelEnabled('info')) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const { errors, errorIds } = res.locals as ErrorNote;
        logger.info(
          {
            reqId: id,
            method: req.method,
            url: req.originalUrl,
            statusCode: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            ...(errors ? { errors } : {}),
            ...(errorIds ? { errorIds } : {}),
          },
          'request completed',
        );
      });
    }
    next();
  };
}
