import cors from 'cors';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Database } from '../db/database';
import { AppError, ErrorCode, httpStatusOf } from '../errors';
import { exportContext } from '../export/context';
import { EXPORT_FILES } from '../export/formats';
import { readGraph } from '../export/reader';
import { StreamSink } from '../export/sink';
import { parseAsOf } from '../export/values';

/**
 * Downloads of the graph (docs/exports.md), each streamed from one read
 * transaction as it is written: /export/graph.graphml, graph.jsonld,
 * nodes.csv, relationships.csv, dataset.csv, sources.csl.json, sources.bib,
 * with ?asOf=YYYY-MM-DD (and &includeUndated=false to leave out relationships
 * whose start is unknown); /export/context.jsonld is the JSON-LD @context.
 * Every download names the dataset version in `X-Dataset-Version`.
 */
export function exportRouter(db: Database): Router {
  const router = express.Router();
  const byFile = new Map(Object.values(EXPORT_FILES).map((f) => [f.file, f]));
  const context = JSON.stringify({ '@context': exportContext() }, null, 2);

  // Public, read-only files: any origin may fetch them (a dashboard on
  // another origin reads the version header too).
  router.use(
    '/export',
    cors({ exposedHeaders: ['X-Dataset-Version', 'X-As-Of', 'Content-Disposition'] }),
  );

  router.get('/export/context.jsonld', (_req, res) => {
    res.type('application/ld+json').send(context);
  });

  router.get('/export/:file', async (req: Request, res: Response, next: NextFunction) => {
    const spec = byFile.get(String(req.params.file));
    if (!spec) {
      next();
      return;
    }
    try {
      const asOfParam = req.query.asOf;
      const asOf = parseAsOf(typeof asOfParam === 'string' ? asOfParam : asOfParam ? '?' : null);
      const includeUndated = req.query.includeUndated !== 'false';
      await readGraph(
        db,
        {
          asOf,
          includeUndated,
          operation: `export.${spec.file}`,
          mayRetry: () => !res.headersSent,
        },
        async (reader) => {
          const version = reader.meta.dataset.version;
          res.status(200);
          res.setHeader('Content-Type', spec.contentType);
          res.setHeader(
            'Content-Disposition',
            `attachment; filename="cbss-car-${version.replace(/[^\w.+-]/g, '_')}${asOf ? `-as-of-${asOf}` : ''}-${spec.file}"`,
          );
          res.setHeader('X-Dataset-Version', version);
          if (asOf) res.setHeader('X-As-Of', asOf);
          const sink = new StreamSink(res);
          await spec.write(reader, sink);
          await sink.flush();
        },
      );
      res.end();
    } catch (err) {
      if (res.headersSent) {
        // Part of the file has left: cut the connection, so the client
        // sees a failed download rather than a short file that looks whole.
        res.destroy(err instanceof Error ? err : undefined);
        return;
      }
      if (err instanceof AppError && err.code !== ErrorCode.INTERNAL) {
        res
          .status(httpStatusOf[err.code])
          .json({ error: { code: err.code, message: err.message } });
        return;
      }
      next(err);
    }
  });
  return router;
}
