import pino from 'pino';
import { RepeatLimitedLog } from '../../src/log-repeats';

function capturedLogger() {
  const lines: { level: number; msg: string; repeated?: number; code?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { lines, logger };
}

describe('RepeatLimitedLog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('logs a failure once per interval and then how often it repeated', () => {
    const { lines, logger } = capturedLogger();
    const log = new RepeatLimitedLog(logger, { intervalMs: 60_000 });
    for (let i = 0; i < 500; i += 1)
      log.warn('DATABASE_UNAVAILABLE down', { code: 'DATABASE_UNAVAILABLE' }, 'down');
    expect(lines.map((l) => [l.msg, l.repeated])).toEqual([['down', undefined]]);

    jest.advanceTimersByTime(60_000);
    expect(lines.map((l) => [l.msg, l.repeated])).toEqual([
      ['down', undefined],
      ['down (repeated 499 times)', 499],
    ]);

    // The next window starts with a line of its own.
    log.warn('DATABASE_UNAVAILABLE down', { code: 'DATABASE_UNAVAILABLE' }, 'down');
    expect(lines).toHaveLength(3);
    jest.advanceTimersByTime(60_000);
    // Nothing repeated in it: no summary line.
    expect(lines).toHaveLength(3);
  });

  it('keeps different failures apart and keeps their levels', () => {
    const { lines, logger } = capturedLogger();
    const log = new RepeatLimitedLog(logger, { intervalMs: 1_000 });
    log.warn('a', {}, 'a');
    log.error('b', {}, 'b');
    log.warn('a', {}, 'a');
    log.error('b', {}, 'b');
    log.error('b', {}, 'b');
    jest.advanceTimersByTime(1_000);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'a'],
      [50, 'b'],
      [40, 'a (repeated 1 times)'],
      [50, 'b (repeated 2 times)'],
    ]);
  });

  it('tracks a bounded number of failures, reporting the count of one it drops', () => {
    const { lines, logger } = capturedLogger();
    const log = new RepeatLimitedLog(logger, { intervalMs: 60_000, maxKeys: 2 });
    log.warn('a', {}, 'a');
    log.warn('a', {}, 'a');
    log.warn('b', {}, 'b');
    log.warn('c', {}, 'c');
    expect(lines.map((l) => l.msg)).toEqual(['a', 'b', 'c', 'a (repeated 1 times)']);
  });

  it('writes pending counts on flush', () => {
    const { lines, logger } = capturedLogger();
    const log = new RepeatLimitedLog(logger);
    log.error('x', {}, 'x');
    log.error('x', {}, 'x');
    log.flush();
    expect(lines.map((l) => l.msg)).toEqual(['x', 'x (repeated 1 times)']);
  });
});
