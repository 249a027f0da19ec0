import pino, { type Logger } from 'pino';

export type { Logger };

/** One JSON logger for the process; tests pass level "silent". */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'car-graph' },
    redact: {
      paths: ['req.headers.authorization', 'password', '*.password'],
      censor: '[redacted]',
    },
  });
}
