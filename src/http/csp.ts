import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of the API: scripts, styles, fonts, images
 * and requests from the API's own origin only, no inline script or style,
 * no plugins, no <base>, no framing, forms post only here. `img-src data:`
 * lets a page show images it builds in the browser (e.g. a chart exported
 * as a data URL), which cannot run code. Every response carries it
 * (security-headers.ts); the dashboard is the page it is written for.
 */
export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * GraphiQL's page (/graphql in a browser): the same policy, scripts and
 * styles included (the IDE starts from a served file, no inline script or
 * style; React and CodeMirror set styles through the CSSOM, which CSP
 * allows), except that GraphiQL's stylesheet embeds its fonts as data: URLs.
 * tests/integration/graphiql-browser.test.ts runs the IDE in Chromium and
 * fails on any violation.
 */
export const IDE_CSP_DIRECTIVES: Directives = {
  ...CSP_DIRECTIVES,
  'font-src': ["'self'", 'data:'],
};

/** A policy as helmet writes it into the header. */
function headerValue(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');
}

export const CONTENT_SECURITY_POLICY = headerValue(CSP_DIRECTIVES);
export const IDE_CONTENT_SECURITY_POLICY = headerValue(IDE_CSP_DIRECTIVES);

/** Sets a policy (helmet's own middleware) on the responses of the routes it is mounted on. */
export function contentSecurityPolicy(directives: Directives = CSP_DIRECTIVES) {
  return helmet.contentSecurityPolicy({ useDefaults: false, directives });
}
