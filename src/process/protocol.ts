/**
 * What the API process and `npm start`'s supervisor tell each other: exit
 * codes one way, a few IPC messages the other.
 */

/** A failure that a restart cannot fix (configuration, credentials, a busy port or data folder). */
export const EXIT_FATAL = 1;
/** An unexpected crash after start-up (an uncaught exception): worth a restart. */
export const EXIT_CRASH = 70;

export type ApiMessage =
  /** Serving: the HTTP port is open. */
  | { type: 'listening'; port: number }
  /** A stop was asked and has begun (draining); sent at once, so silence means frozen. */
  | { type: 'stopping' };

export function isApiMessage(value: unknown): value is ApiMessage {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'listening' || type === 'stopping';
}
