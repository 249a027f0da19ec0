import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { type Router } from 'express';
import { PROJECT_ROOT } from '../config';

/** Where `npm run build` writes the bundled dashboard (web/build.mjs). */
export const DASHBOARD_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * The dashboard: its page at / (under the API's strict CSP, csp.ts), and its hashed assets
 * under /assets, cached for a year (a new build gives new names). The page
 * reads the public GraphQL API through persisted GETs, nothing else.
 */
export function dashboardRouter(dir: string = DASHBOARD_DIR): Router {
  const router = express.Router();
  const indexFile = path.join(dir, 'index.html');
  // Read once: the page only changes with a build, which restarts the server.
  const page = existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : undefined;

  router.get(['/', '/dashboard'], (req, res) => {
    if (req.path === '/dashboard') {
      res.redirect(301, '/');
      return;
    }
    if (!page) {
      res
        .status(503)
        .type('text')
        .send('The dashboard is not built: run `npm run build`. The API is at /graphql.');
      return;
    }
    // The page names hashed assets; it is revalidated so a new build shows at once.
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  });

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
    }),
  );
  return router;
}
