import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy of the HTML pages the API serves (the
 * dashboard): scripts, styles, fonts, images and requests from the API's
 * own origin only, no inline script or style, no plugins, no <base>, no
 * framing, forms post only here. `img-src data:` lets a page show images it
 * builds in the browser (e.g. a chart exported as a data URL), which
 * cannot run code.
 *
 * Not applied to GraphiQL (/graphql): its page starts the IDE with an
 * inline script.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** Sets CONTENT_SECURITY_POLICY on every response of the routes it is mounted on. */
export function contentSecurityPolicy() {
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    next();
  };
}
