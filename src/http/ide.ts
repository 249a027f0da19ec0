import path from 'node:path';
import express, { type Router } from 'express';
import { IDE_CONTENT_SECURITY_POLICY } from './csp';

/**
 * GraphiQL, served by the project itself from its npm dependencies (React 18
 * UMD builds and GraphiQL 3), so the IDE works on machines without internet
 * access. Browsers asking /graphql for HTML get the IDE; API clients get the
 * API as usual.
 */
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));
const ASSETS: Record<string, string> = {
  'react.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
};

/** The query GraphiQL opens with (a unit test validates it against the contract). */
export const IDE_EXAMPLE = `# Which priorities does Lithuania pursue, how sure and why? And its civil society?
{
  state(isoCode: "LT") {
    name
    pursues(first: 5) {
      totalCount
      edges {
        node { name }
        rule
        confidence
        evidence {
          rule
          confidence
          gradeReasons { code cap text }
          steps { relationshipType node { label name } period { from to } }
        }
        sources { source { id title url } quote }
      }
    }
    civilSociety(first: 5) { edges { node { name } rule confidence actorIds } }
  }
}
`;

/**
 * The IDE's own start-up script and style, served as files like the rest:
 * the page runs under a CSP without inline scripts (csp.ts).
 */
const START_SCRIPT = `'use strict';
const fetcher = GraphiQL.createFetcher({ url: window.location.origin + '/graphql' });
ReactDOM.createRoot(document.getElementById('ide')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(IDE_EXAMPLE)},
    defaultEditorToolsVisibility: true,
  }),
);
`;
const PAGE_STYLE = 'body { margin: 0; height: 100vh; } #ide { height: 100vh; }\n';
const GENERATED: Record<string, { type: string; body: string }> = {
  'start.js': { type: 'text/javascript', body: START_SCRIPT },
  'ide.css': { type: 'text/css', body: PAGE_STYLE },
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>CBSS Children at Risk graph · GraphiQL</title>
  <link rel="stylesheet" href="/graphql/ide/graphiql.css" />
  <link rel="stylesheet" href="/graphql/ide/ide.css" />
</head>
<body>
  <div id="ide">Loading GraphiQL…</div>
  <script src="/graphql/ide/react.js"></script>
  <script src="/graphql/ide/react-dom.js"></script>
  <script src="/graphql/ide/graphiql.js"></script>
  <script src="/graphql/ide/start.js"></script>
</body>
</html>`;

export function ideRouter(): Router {
  const router = express.Router();
  router.get('/graphql/ide/:file', (req, res) => {
    // Own keys only: a plain object also answers "constructor", "toString", ...
    const generated = Object.hasOwn(GENERATED, req.params.file)
      ? GENERATED[req.params.file]
      : undefined;
    if (generated) {
      res.setHeader('cache-control', 'no-cache');
      res.type(generated.type).send(generated.body);
      return;
    }
    const file = Object.hasOwn(ASSETS, req.params.file) ? ASSETS[req.params.file] : undefined;
    if (!file) {
      res.status(404).end();
      return;
    }
    res.sendFile(file, { maxAge: '1d' });
  });
  router.get('/graphql', (req, res, next) => {
    // Only a browser navigation (HTML wanted, no GraphQL query in the URL) gets the IDE.
    if (
      req.query.query !== undefined ||
      req.accepts(['application/json', 'text/html']) !== 'text/html'
    ) {
      next();
      return;
    }
    res.setHeader('content-security-policy', IDE_CONTENT_SECURITY_POLICY);
    res.type('html').send(PAGE);
  });
  return router;
}
