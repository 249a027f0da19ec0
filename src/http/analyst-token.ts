import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/** Whether the request bears `Authorization: Bearer <token>`, compared in constant time. */
export function bearsToken(req: Request, token: string): boolean {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
