import { LRUCache } from 'lru-cache';
import type { Logger } from './logger';

type Level = 'warn' | 'error';

interface Window {
  level: Level;
  message: string;
  /** Fields of the last occurrence, logged with the count. */
  last: Record<string, unknown>;
  repeated: number;
  timer: NodeJS.Timeout | undefined;
}

export interface RepeatLimitOptions {
  /** A failure is logged at most once per this many milliseconds. */
  intervalMs?: number;
  /** Failures tracked at once; the least recently seen one is summed up and dropped beyond it. */
  maxKeys?: number;
}

/**
 * Logs the same failure (a key such as code and message) at most once per
 * interval: the first occurrence at once, the ones after it only counted,
 * and when the interval ends one line with `repeated: K` for them. A
 * database that goes away under load then writes two lines a minute
 * instead of one per failed request. Timers are unref'd, so a pending
 * count never keeps the process alive; `flush` writes pending counts (at
 * shutdown, in tests).
 */
export class RepeatLimitedLog {
  private readonly intervalMs: number;
  private readonly windows: LRUCache<string, Window>;

  constructor(
    private readonly logger: Logger,
    { intervalMs = 60_000, maxKeys = 1_000 }: RepeatLimitOptions = {},
  ) {
    this.intervalMs = intervalMs;
    this.windows = new LRUCache<string, Window>({
      max: maxKeys,
      // An evicted or deleted window still reports what it counted.
      dispose: (w) => this.report(w),
    });
  }

  warn(key: string, fields: Record<string, unknown>, message: string): void {
    this.log('warn', key, fields, message);
  }

  error(key: string, fields: Record<string, unknown>, message: string): void {
    this.log('error', key, fields, message);
  }

  /** Writes the counts of every open window now. */
  flush(): void {
    this.windows.clear();
  }

  private log(level: Level, key: string, fields: Record<string, unknown>, message: string): void {
    const open = this.windows.get(key);
    if (open) {
      open.repeated += 1;
      open.last = fields;
      return;
    }
    this.logger[level](fields, message);
    const window: Window = { level, message, last: fields, repeated: 0, timer: undefined };
    window.timer = setTimeout(() => this.windows.delete(key), this.intervalMs);
    window.timer.unref();
    this.windows.set(key, window);
  }

  private report(window: Window): void {
    clearTimeout(window.timer);
    if (window.repeated === 0) return;
    this.logger[window.level](
      { ...window.last, repeated: window.repeated, intervalMs: this.intervalMs },
      `${window.message} (repeated ${window.repeated} times)`,
    );
  }
}
