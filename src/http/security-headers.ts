import helmet from 'helmet';
import { CSP_DIRECTIVES } from './csp';

/**
 * Security headers on every response the API sends (JSON, GraphiQL, the
 * dashboard, exports, errors, 404s), from helmet: the API's
 * Content-Security-Policy (csp.ts; GraphiQL's page also allows data: fonts),
 * `X-Frame-Options: DENY` besides `frame-ancestors 'none'` for browsers
 * that know only the older header, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer`, and helmet's other defaults
 * (Cross-Origin-Opener-Policy and -Resource-Policy same-origin,
 * Strict-Transport-Security, which browsers heed only over HTTPS). Mounted
 * first, so responses that end early (503, 429) carry them too.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
