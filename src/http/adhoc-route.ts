import express, { type Router } from 'express';
import { runAdhoc } from '../analyst/adhoc';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { AppError, ErrorCode, httpStatusOf } from '../errors';
import { bearsToken } from './analyst-token';

/**
 * POST /cypher { query, params }: ad-hoc read-only Cypher for analysts. Off
 * (404) unless ANALYST_TOKEN is set; then only with `Authorization: Bearer
 * <token>`. See src/analyst/adhoc.ts for what it allows and why it is safe.
 */
export function adhocRouter(config: Pick<Config, 'analyst' | 'http'>, db: Database): Router {
  const router = express.Router();
  // Load the worker that runs analysts' statements before the first request needs it.
  if (config.analyst.token) void db.isolated().warm();
  router.post('/cypher', express.json({ limit: config.http.bodyLimit }), async (req, res) => {
    const send = (err: AppError) =>
      res.status(httpStatusOf[err.code]).json({ error: { code: err.code, message: err.message } });
    const token = config.analyst.token;
    if (!token) {
      send(
        new AppError(ErrorCode.NOT_FOUND, 'Ad-hoc Cypher is off: set ANALYST_TOKEN to enable it'),
      );
      return;
    }
    if (!bearsToken(req, token)) {
      send(
        new AppError(
          ErrorCode.FORBIDDEN,
          'A valid analyst token is required (Authorization: Bearer <token>)',
        ),
      );
      return;
    }
    try {
      res.json(await runAdhoc(db, req.body, config.analyst));
    } catch (err) {
      if (err instanceof AppError && err.code !== ErrorCode.INTERNAL) {
        send(err);
        return;
      }
      throw err;
    }
  });
  return router;
}
