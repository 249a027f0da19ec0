import { GraphQLError } from 'graphql';
import pino from 'pino';
import { AppError, ErrorCode } from '../../src/errors';
import { createErrorFormatter } from '../../src/graphql/response/errors';

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (s: string) => lines.push(JSON.parse(s)) });
  return { logger, lines };
}

describe('GraphQL error formatting', () => {
  it('keeps the code and message of catalog errors', () => {
    const { logger } = capturingLogger();
    const format = createErrorFormatter(logger);
    const original = new AppError(ErrorCode.NOT_FOUND, 'State XX was not found');
    const out = format(
      { message: 'x', path: ['state'] },
      new GraphQLError('x', { originalError: original }),
    );
    expect(out).toEqual({
      message: 'State XX was not found',
      path: ['state'],
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('masks unexpected errors with an error id that is also logged with the full error', () => {
    const { logger, lines } = capturingLogger();
    const format = createErrorFormatter(logger);
    const secret = new Error('password=hunter2 at /internal/path');
    const out = format(
      { message: secret.message, path: ['boom'] },
      new GraphQLError(secret.message, { originalError: secret }),
    );
    expect(out.message).toMatch(/^Internal server error \(error id [0-9a-f-]{36}\)$/);
    expect(out.message).not.toContain('hunter2');
    const errorId = out.extensions?.errorId;
    expect(out.extensions?.code).toBe('INTERNAL');
    const logged = lines.find((l) => l.errorId === errorId);
    expect(logged).toBeDefined();
    expect(JSON.stringify(logged)).toContain('hunter2');
  });

  it('masks INTERNAL AppErrors too (they wrap database internals)', () => {
    const { logger } = capturingLogger();
    const out = createErrorFormatter(logger)(
      { message: 'x' },
      new GraphQLError('x', {
        originalError: new AppError(ErrorCode.INTERNAL, 'A database statement failed'),
      }),
    );
    expect(out.extensions?.code).toBe('INTERNAL');
    expect(out.extensions?.errorId).toBeDefined();
  });

  it('gives parse and validation failures the BAD_INPUT code', () => {
    const { logger } = capturingLogger();
    const out = createErrorFormatter(logger)(
      { message: 'Syntax Error', extensions: { code: 'GRAPHQL_PARSE_FAILED' } },
      new GraphQLError('Syntax Error'),
    );
    expect(out.extensions).toEqual({ code: 'BAD_INPUT', reason: 'GRAPHQL_PARSE_FAILED' });
  });

  it('gives a request error of graphql-js itself (no resolver, no field) BAD_INPUT, not INTERNAL', () => {
    const { logger, lines } = capturingLogger();
    const format = createErrorFormatter(logger);
    const error = new GraphQLError('Schema is not configured to execute mutation operation.');
    const out = format(
      { message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      error,
    );
    expect(out.extensions?.code).toBe(ErrorCode.BAD_INPUT);
    expect(out.message).toBe(error.message);
    expect(lines).toEqual([]);
  });

  it('still masks a graphql-js error at a field (a resolver broke the contract) as INTERNAL', () => {
    const { logger } = capturingLogger();
    const format = createErrorFormatter(logger);
    const error = new GraphQLError('Cannot return null for non-nullable field State.name.', {
      path: ['state', 'name'],
    });
    const out = format({ message: error.message, path: ['state', 'name'] }, error);
    expect(out.extensions?.code).toBe(ErrorCode.INTERNAL);
  });
});
