import type { RequestHandler } from 'express';

/**
 * The strict Content-Security-Policy of the pages the API serves: only its
 * own scripts, styles, fonts and connections; no inline code, no plugins,
 * no framing.
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

/** Sets the policy on every response of the routes it is mounted on. */
export function contentSecurityPolicy(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    next();
  };
}
