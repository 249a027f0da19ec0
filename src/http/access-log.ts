import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../logger';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request id a response carries: the caller's x-request-id when it is sane, else a new one. */
export function requestIdOf(req: Request): string {
  return (req as Request & { requestId?: string }).requestId ?? '';
}

/**
 * Gives every request an id (echoed as x-request-id) and logs one line when
 * it completes. No child logger is built per request: the line is written
 * with the root logger, and only when the level lets it through, so a busy
 * API pays for logging only what is logged. Health probes are not logged.
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
        logger.info(
          {
            reqId: id,
            method: req.method,
            url: req.originalUrl,
            statusCode: res.statusCode,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
          },
          'request completed',
        );
      });
    }
    next();
  };
}
